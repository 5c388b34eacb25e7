//! `docketeer cases`: the cases an index holds.

use anyhow::{Context, Result};
use std::io::Write;

use crate::cli::CasesArgs;
use crate::index::store::Store;
use crate::output::{human, json};
use crate::search::facets;

pub fn run(args: CasesArgs) -> Result<i32> {
    let store = Store::open(&super::index_dir(&args.index))?;
    let reader = store
        .index
        .reader()
        .context("cannot open the index for reading")?;
    let cases = facets::cases(&store, &reader.searcher())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        for c in &cases {
            json::line(&mut out, c)?;
        }
    } else {
        human::cases(&mut out, &cases)?;
    }
    out.flush()?;
    Ok(if cases.is_empty() { 1 } else { 0 })
}
