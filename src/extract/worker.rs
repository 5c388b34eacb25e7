//! Isolated PDF extraction. Malformed PDFs can overflow the stack, loop or allocate
//! without bound inside pdf-extract/lopdf, and none of that is catchable in-process.
//! The indexer therefore runs `docketeer extract-worker PATH` as a child with a time
//! and memory limit; the child prints one JSON line and the parent turns any crash into
//! an ordinary `ExtractError::Failed`.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::pdf::word_count;
use super::pdftotext::pdftotext_pages;
use super::process::{RunError, run_limited};
use super::{ExtractError, ExtractOptions, Extracted, Format};

/// Environment variables through which the parent passes its limits to the worker.
const ENV_TIMEOUT_MS: &str = "DOCKETEER_EXTRACT_TIMEOUT_MS";
const ENV_MEMORY_MB: &str = "DOCKETEER_EXTRACT_MEMORY_MB";

/// The worker's one line of output.
#[derive(Debug, Serialize, Deserialize)]
pub enum WorkerReply {
    /// The filing's text.
    Ok(Extracted),
    /// Why the worker could not read it.
    Err(ExtractError),
}

/// Entry point of the hidden `extract-worker PATH` subcommand: extract `path` without
/// OCR and print the result as one JSON line. Always returns exit code 0 when it gets
/// as far as printing; a crash is the parent's to interpret.
pub fn run(path: &Path) -> i32 {
    // Panics are expected on malformed PDFs and already turned into errors; the default
    // hook would only spam the parent's stderr.
    std::panic::set_hook(Box::new(|_| {}));
    let mut opts = ExtractOptions {
        ocr: false,
        worker: None,
        ..ExtractOptions::default()
    };
    if let Some(ms) = std::env::var(ENV_TIMEOUT_MS)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        opts.timeout = Duration::from_millis(ms);
    }
    if let Some(mb) = std::env::var(ENV_MEMORY_MB)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        opts.memory_limit_mb = mb;
    }
    let reply = match super::extract_text_layer(path, &opts) {
        Ok(ex) => WorkerReply::Ok(ex),
        Err(e) => WorkerReply::Err(e),
    };
    let line = serde_json::to_string(&reply).unwrap_or_else(|e| {
        format!(r#"{{"Err":{{"Failed":"could not encode worker output: {e}"}}}}"#)
    });
    println!("{line}");
    0
}

/// Run `<worker> extract-worker <path>` under the limits in `opts` and read its reply.
/// A worker that dies (time limit, memory limit, crash) leaves the file to poppler's
/// `pdftotext`, under the same limits: a huge but valid filing is still indexed.
pub fn extract_in_child(
    worker: &Path,
    path: &Path,
    opts: &ExtractOptions,
) -> Result<Extracted, ExtractError> {
    match run_child(worker, path, opts) {
        // The worker stops its own extraction thread at the limit just before the
        // parent would kill it: the same case as a kill.
        Ok(Err(ExtractError::Failed(why))) if why.starts_with("timed out") => {
            after_worker_died(path, opts, why)
        }
        Ok(reply) => reply,
        Err(ChildDied(why)) => after_worker_died(path, opts, why),
    }
}

/// Why a worker gave no reply.
struct ChildDied(String);

fn after_worker_died(
    path: &Path,
    opts: &ExtractOptions,
    why: String,
) -> Result<Extracted, ExtractError> {
    match pdftotext_pages(path, opts.timeout, opts.memory_limit_mb) {
        Ok(pages) if pages.iter().any(|p| word_count(p) > 0) => Ok(Extracted {
            format: Format::Pdf,
            pages,
            method: "pdftotext".into(),
            notes: vec![format!("pdf-extract {why}; used pdftotext")],
            title: None,
            scanned_pages: Vec::new(),
        }),
        Ok(_) => Err(ExtractError::Failed(why)),
        Err(ExtractError::Failed(e)) => Err(ExtractError::Failed(format!("{why}; {e}"))),
        Err(e) => Err(e),
    }
}

fn run_child(
    worker: &Path,
    path: &Path,
    opts: &ExtractOptions,
) -> Result<Result<Extracted, ExtractError>, ChildDied> {
    let mut cmd = Command::new(worker);
    cmd.arg("extract-worker")
        .arg(path)
        .env(ENV_TIMEOUT_MS, opts.timeout.as_millis().to_string())
        .env(ENV_MEMORY_MB, opts.memory_limit_mb.to_string())
        .env("RUST_BACKTRACE", "0");
    let done = match run_limited(cmd, opts.timeout, opts.memory_limit_mb) {
        Ok(d) => d,
        Err(RunError::TimedOut(t)) => {
            return Err(ChildDied(format!("timed out after {} s", t.as_secs())));
        }
        Err(RunError::NotFound) => {
            return Ok(Err(ExtractError::Failed(format!(
                "extraction worker {} not found",
                worker.display()
            ))));
        }
        Err(RunError::Spawn(e)) => {
            return Ok(Err(ExtractError::Failed(format!(
                "could not start extraction worker: {e}"
            ))));
        }
    };
    let stdout = String::from_utf8_lossy(&done.stdout);
    let reply = stdout
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str::<WorkerReply>(l).ok());
    match reply {
        Some(WorkerReply::Ok(ex)) => Ok(Ok(ex)),
        Some(WorkerReply::Err(e)) => Ok(Err(e)),
        None => Err(ChildDied(crash_message(
            &done.status,
            &String::from_utf8_lossy(&done.stderr),
            opts.memory_limit_mb,
        ))),
    }
}

/// Say how the worker died, in terms a user can act on.
fn crash_message(status: &std::process::ExitStatus, stderr: &str, memory_limit_mb: u64) -> String {
    if stderr.contains("overflowed its stack") {
        return "extractor crashed (stack overflow)".into();
    }
    if stderr.contains("memory allocation") || stderr.contains("out of memory") {
        return format!("extractor ran out of memory (limit {memory_limit_mb} MB)");
    }
    if let Some(sig) = super::process::describe_signal(status) {
        return format!("extractor crashed (signal {sig})");
    }
    match status.code() {
        Some(code) => format!("extractor exited with code {code} without a result"),
        None => "extractor crashed".into(),
    }
}
