//! `docketeer export`: the index's documents as JSON lines named by the schema's fields.

use anyhow::Result;
use std::io::Write;

use crate::cli::ExportArgs;
use crate::index::docs::for_each_stored;
use crate::index::store::Store;
use crate::output::json;

pub fn run(args: ExportArgs) -> Result<i32> {
    let store = Store::open(&super::index_dir(&args.index))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut n = 0;
    for_each_stored(&store, !args.no_body, |doc| {
        n += 1;
        json::line(&mut out, &doc)
    })?;
    out.flush()?;
    Ok(if n == 0 { 1 } else { 0 })
}
