//! `docketeer index`.

use anyhow::{Context, Result};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::cli::IndexArgs;
use crate::index::indexer::{self, IndexOptions};
use crate::index::progress::{Reporter, Verbosity};
use crate::index::store::Store;

pub fn run(args: IndexArgs) -> Result<i32> {
    for p in &args.paths {
        if !p.exists() {
            anyhow::bail!("{}: no such file or directory", p.display());
        }
    }
    let dir = super::index_dir(&args.index);
    let store = Store::open_or_create(&dir)?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            // Second Ctrl-C: the user wants out now; the last commit stands.
            std::process::exit(130);
        }
        eprintln!("interrupted: committing what is done (Ctrl-C again to quit at once)");
    })
    .context("cannot install the Ctrl-C handler")?;
    let opts = IndexOptions {
        inputs: args.paths.clone(),
        extract: super::extract_options(args.ocr, args.timeout, args.file_memory),
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
    eprintln!("{}", summary.line());
    if !args.quiet {
        eprintln!("index: {}", dir.display());
    }
    Ok(if summary.interrupted { 130 } else { 0 })
}
