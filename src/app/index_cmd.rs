//! `docketeer index`.

use anyhow::{Context, Result};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::cli::IndexArgs;
use crate::index::indexer::{self, IndexOptions};
use crate::index::progress::{Reporter, Verbosity};
use crate::index::store::Store;

pub fn run(args: IndexArgs) -> Result<i32> {
    for p in &args.paths {
        // `metadata` follows links, so a loop or a dangling link is named as such.
        if let Err(e) = std::fs::metadata(p) {
            anyhow::bail!("{}: {}", p.display(), crate::index::walk::io_reason(&e));
        }
    }
    let dir = super::index_dir(&args.index);
    let store = if args.rebuild {
        Store::rebuild(&dir)?
    } else {
        Store::open_or_create(&dir)?
    };
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            // Second Ctrl-C: the user wants out now; the last commit stands.
            crate::extract::kill_running_helpers();
            std::process::exit(130);
        }
        // Ignore a closed stderr: the run must still commit.
        let _ = writeln!(
            std::io::stderr(),
            "interrupted: committing what is done (Ctrl-C again to quit at once)"
        );
    })
    .context("cannot install the Ctrl-C handler")?;
    let mut extract = super::extract_options(args.ocr, args.timeout, args.file_memory);
    extract.max_file_mb = args.max_file_size;
    extract.max_text_mb = args.max_text;
    let opts = IndexOptions {
        inputs: args.paths.clone(),
        extract,
        memory_mb: args.memory,
        commit_interval: Duration::from_secs(10),
        commit_docs: args.commit_every.max(1),
    };
    let verbosity = if args.quiet {
        Verbosity::Quiet
    } else {
        Verbosity::Normal
    };
    let reporter = Reporter::new(verbosity);
    let summary = indexer::run(&store, &opts, &reporter, stop)?;
    reporter.line(&summary.line());
    if !args.quiet {
        reporter.line(&format!("index: {}", dir.display()));
    }
    Ok(if summary.interrupted { 130 } else { 0 })
}
