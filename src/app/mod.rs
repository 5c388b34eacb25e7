//! One function per subcommand, wiring the library stages together. Each returns the
//! process exit code on success; errors become exit code 2 in `main`.

mod cases;
mod completions;
mod entries_cmd;
mod export;
mod index_cmd;
mod inspect;
mod push;
mod search_cmd;
mod show;
mod stats;

use anyhow::Result;
use std::path::PathBuf;

use crate::cli::{Cli, Command, IndexDir};
use crate::index::store::default_index_dir;

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Index(args) => index_cmd::run(args),
        Command::Search(args) => search_cmd::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Export(args) => export::run(args),
        Command::Schema(args) => push::schema(args),
        Command::Push(args) => push::run(args),
        Command::Cases(args) => cases::run(args),
        Command::Show(args) => show::run(args),
        Command::Completions(args) => completions::completions(args),
        Command::Man => completions::man(),
        Command::Help(args) => completions::help(args),
        Command::ExtractWorker { path } => Ok(crate::extract::worker::run(&path)),
    }
}

fn index_dir(d: &IndexDir) -> PathBuf {
    d.index.clone().unwrap_or_else(default_index_dir)
}

/// Extraction options for this process: PDFs go to a child copy of this binary.
fn extract_options(ocr: bool, timeout_secs: u64, memory_mb: u64) -> crate::extract::ExtractOptions {
    crate::extract::ExtractOptions {
        ocr,
        timeout: std::time::Duration::from_secs(timeout_secs.max(1)),
        worker: std::env::current_exe().ok(),
        memory_limit_mb: memory_mb,
        ..crate::extract::ExtractOptions::default()
    }
}
