//! `docketeer inspect`: what Docketeer reads from files, without an index.

use anyhow::Result;
use std::io::IsTerminal;

use crate::cli::InspectArgs;
use crate::filing::{self, Filing};
use crate::output::inspect::{self, Inspected};

pub fn run(args: InspectArgs) -> Result<i32> {
    let opts = super::extract_options(args.ocr, 60, 2048);
    let as_json = args.json || !std::io::stdout().is_terminal();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failures = 0;
    for path in &args.files {
        let Filing {
            extracted,
            clean,
            meta,
        } = match filing::read(path, &opts) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{} {}: {e}", e.kind(), path.display());
                failures += 1;
                continue;
            }
        };
        let item = Inspected {
            path: path.display().to_string(),
            format: extracted.format.as_str(),
            method: &extracted.method,
            pages: clean.pages.len(),
            notes: &extracted.notes,
            meta: &meta,
            text: args.text.then(|| clean.pages.join("\n\u{c}\n")),
        };
        if as_json {
            inspect::json(&mut out, &item)?;
        } else {
            inspect::human(&mut out, &item)?;
        }
    }
    Ok(if failures == args.files.len() { 2 } else { 0 })
}
