//! `docketeer search`.

use anyhow::Result;
use std::io::Write;

use crate::cli::SearchArgs;
use crate::index::store::Store;
use crate::output::{human, json};
use crate::search::{self, SearchRequest};

/// Most hits one search prints: each is read from disk with its whole text.
pub const MAX_LIMIT: usize = 10_000;

pub fn run(args: SearchArgs) -> Result<i32> {
    if args.limit > MAX_LIMIT {
        anyhow::bail!(
            "--limit {} is more than can be shown; give at most {MAX_LIMIT} (or --limit 0 for the count only)",
            args.limit
        );
    }
    let store = Store::open(&super::index_dir(&args.index))?;
    if args.entries {
        return super::entries_cmd::run(&store, args);
    }
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
        exact: args.exact,
        with_children: args.with_children,
    };
    let results = search::search(&store, &req)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.limit == 0 {
        // Counts only: no hit is shown.
        if args.json {
            json::line(&mut out, &serde_json::json!({ "total": results.total }))?;
        } else {
            writeln!(out, "{} matching filings", results.total)?;
        }
    } else if args.json {
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
    Ok(if results.total == 0 { 1 } else { 0 })
}
