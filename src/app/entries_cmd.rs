//! `docketeer search --entries`: docket entries, one per line.

use anyhow::{Result, bail};
use std::io::Write;

use crate::cli::SearchArgs;
use crate::index::store::Store;
use crate::output::{entries, json};
use crate::search::Sort;
use crate::search::entries::{EntryOrder, EntryRequest, search};

pub fn run(store: &Store, args: SearchArgs, limit: usize) -> Result<i32> {
    if args.engine != crate::cli::Engine::Local {
        bail!("--entries searches the local index; docket entries are not pushed to other engines");
    }
    if args.party.is_some() || args.judge.is_some() || args.doc_type.is_some() {
        bail!(
            "--entries searches docket entries: --party, --judge and --type filter filings, not entries"
        );
    }
    let req = EntryRequest {
        query: args.query,
        docket: args.docket,
        case: args.case,
        court: args.court,
        from: args.from,
        to: args.to,
        limit,
        order: match args.sort {
            Sort::Relevance => EntryOrder::Relevance,
            Sort::Newest => EntryOrder::Newest,
            Sort::Oldest => EntryOrder::Docket,
        },
    };
    let results = search(store, &req)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let color = args.color.enabled();
    for h in &results.hits {
        if args.json {
            json::line(&mut out, h)?;
        } else {
            entries::hit(&mut out, h, color)?;
        }
    }
    if !args.json && results.total > results.hits.len() {
        writeln!(
            out,
            "{} of {} matching entries shown (--limit for more)",
            results.hits.len(),
            results.total
        )?;
    }
    out.flush()?;
    Ok(if results.hits.is_empty() { 1 } else { 0 })
}
