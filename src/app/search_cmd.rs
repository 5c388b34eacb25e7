//! `docketeer search`.

use anyhow::Result;
use std::io::Write;

use crate::cli::{Engine, SearchArgs};
use crate::index::store::Store;
use crate::output::{human, json};
use crate::search::{self, SearchRequest};

pub fn run(args: SearchArgs) -> Result<i32> {
    let req = SearchRequest {
        query: args.query.clone(),
        case: args.case,
        docket: args.docket,
        party: args.party,
        court: args.court,
        judge: args.judge,
        doc_type: args.doc_type,
        from: args.from,
        to: args.to,
        limit: args.limit,
        sort: args.sort,
    };
    let results = match args.engine {
        Engine::Local => search::search(&Store::open(&super::index_dir(&args.index))?, &req)?,
        Engine::Quickwit => crate::quickwit::search::run(
            args.endpoint.as_deref(),
            args.index.index.as_deref(),
            &req,
        )?,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        for h in &results.hits {
            json::line(&mut out, h)?;
        }
    } else {
        let color = args.color.enabled();
        for h in &results.hits {
            human::hit(&mut out, h, color)?;
        }
        if results.total > results.hits.len() {
            writeln!(
                out,
                "{} of {} matching filings shown (--limit for more)",
                results.hits.len(),
                results.total
            )?;
        }
    }
    out.flush()?;
    Ok(if results.hits.is_empty() { 1 } else { 0 })
}
