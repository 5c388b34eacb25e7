//! Isolated PDF extraction. Malformed PDFs can overflow the stack, loop or allocate
//! without bound inside pdf-extract/lopdf, and none of that is catchable in-process.
//! The indexer therefore runs `docketeer extract-worker PATH` as a child with a time
//! and memory limit; the child prints one JSON line and the parent turns any crash into
//! a typed reason ([`Distrust::Died`]) for the next step of the chain.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::chain::Attempt;
use super::process::{RunError, limit_own_memory, run_self_limited};
use super::{Crash, Distrust, ExtractError, ExtractOptions, Extracted, Tool};

/// Environment variables through which the parent passes its limits to the worker.
const ENV_TIMEOUT_MS: &str = "DOCKETEER_EXTRACT_TIMEOUT_MS";
const ENV_MEMORY_MB: &str = "DOCKETEER_EXTRACT_MEMORY_MB";

/// The worker's one line of output.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum WorkerReply {
    /// pdf-extract's text, trusted.
    Ok(Extracted),
    /// No text and no point in a fallback (the file cannot be read).
    Err(ExtractError),
    /// pdf-extract's text cannot be trusted: the parent tries the next step.
    Untrusted {
        /// Why it cannot be trusted.
        why: Distrust,
        /// What pdf-extract got, if anything.
        partial: Option<Extracted>,
        #[serde(default)]
        /// Which pages (0-based) draw images.
        images: Vec<bool>,
    },
}

/// Entry point of the hidden `extract-worker PATH` subcommand: run pdf-extract on
/// `path` and print the result as one JSON line. Always returns exit code 0 when it
/// gets as far as printing; a crash is the parent's to interpret.
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
    // The parent starts this process without a hook between fork and exec (see
    // `run_self_limited`): the memory limit is set here, before the file is read.
    limit_own_memory(opts.memory_limit_mb);
    let attempt = match std::fs::read(path) {
        Ok(bytes) => super::guard::pdf_thread(&opts, move || super::pdf::pdf_extract(&bytes)),
        Err(e) => Attempt::Failed(ExtractError::Unreadable(super::io_reason(&e))),
    };
    let reply = match attempt {
        Attempt::Read(ex) => WorkerReply::Ok(ex),
        Attempt::Untrusted {
            why,
            partial,
            images,
        } => WorkerReply::Untrusted {
            why,
            partial,
            images,
        },
        Attempt::Failed(e) => WorkerReply::Err(e),
        Attempt::Start => WorkerReply::Err(ExtractError::NoText),
    };
    let line = serde_json::to_string(&reply).unwrap_or_else(|e| {
        let err = ExtractError::ToolFailed {
            tool: Tool::PdfExtract,
            detail: format!("could not encode worker output: {e}"),
        };
        serde_json::to_string(&WorkerReply::Err(err)).unwrap_or_default()
    });
    println!("{line}");
    0
}

/// Run `<worker> extract-worker <path>` under the limits in `opts` and read its reply.
/// A worker that dies (time limit, memory limit, crash) leaves pdf-extract distrusted:
/// the next step of the chain reads the file, so a huge but valid filing is still
/// indexed.
pub fn pdf_extract_in_child(worker: &Path, path: &Path, opts: &ExtractOptions) -> Attempt {
    let died = |e: ExtractError| Attempt::Untrusted {
        why: Distrust::Died(Box::new(e)),
        partial: None,
        images: Vec::new(),
    };
    let mut cmd = Command::new(worker);
    cmd.arg("extract-worker")
        .arg(path)
        .env(ENV_TIMEOUT_MS, opts.timeout.as_millis().to_string())
        .env(ENV_MEMORY_MB, opts.memory_limit_mb.to_string())
        .env("RUST_BACKTRACE", "0");
    let done = match run_self_limited(cmd, opts.timeout) {
        Ok(d) => d,
        Err(RunError::TimedOut(t)) => {
            return died(ExtractError::TimedOut {
                tool: Tool::PdfExtract,
                secs: t.as_secs(),
            });
        }
        Err(RunError::NotFound) => {
            return Attempt::Failed(ExtractError::ToolFailed {
                tool: Tool::PdfExtract,
                detail: format!("extraction worker {} not found", worker.display()),
            });
        }
        Err(RunError::Spawn(e)) => {
            return Attempt::Failed(ExtractError::ToolFailed {
                tool: Tool::PdfExtract,
                detail: format!("could not start the extraction worker: {e}"),
            });
        }
    };
    let stdout = String::from_utf8_lossy(&done.stdout);
    let reply = stdout
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str::<WorkerReply>(l).ok());
    match reply {
        Some(WorkerReply::Ok(ex)) => Attempt::Read(ex),
        // The worker stops its own extraction thread at the limit just before the
        // parent would kill it: the same case as a kill.
        Some(WorkerReply::Err(e @ ExtractError::TimedOut { .. })) => died(e),
        Some(WorkerReply::Err(e)) => Attempt::Failed(e),
        Some(WorkerReply::Untrusted {
            why,
            partial,
            images,
        }) => Attempt::Untrusted {
            why,
            partial,
            images,
        },
        None => died(crash(
            &done.status,
            &String::from_utf8_lossy(&done.stderr),
            opts.memory_limit_mb,
        )),
    }
}

/// How the worker died. The abort messages are the Rust runtime's own, printed by the
/// child; they are the only trace a stack overflow or failed allocation leaves.
fn crash(status: &std::process::ExitStatus, stderr: &str, memory_limit_mb: u64) -> ExtractError {
    let how = if stderr.contains("overflowed its stack") {
        Crash::StackOverflow
    } else if stderr.contains("memory allocation") || stderr.contains("out of memory") {
        return ExtractError::OutOfMemory {
            tool: Tool::PdfExtract,
            limit_mb: memory_limit_mb,
        };
    } else if let Some(sig) = super::process::describe_signal(status) {
        Crash::Signal(sig)
    } else if let Some(code) = status.code() {
        Crash::Exit(code)
    } else {
        Crash::Unknown
    };
    ExtractError::Crashed {
        tool: Tool::PdfExtract,
        how,
    }
}
