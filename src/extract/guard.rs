//! Guards that keep one bad file from stopping a run: a panic in a stage becomes an
//! [`ExtractError::Internal`] for that file, and PDF parsing runs on a thread with a
//! large stack and a time limit.
//!
//! For tests only, the environment variable `DOCKETEER_FAULT_PANIC=<stage>` (one of
//! `extract`, `html`, `clean`, `metadata`) makes that stage panic on every file whose
//! path contains `DOCKETEER_FAULT_FILE` (required, so a stray variable cannot empty an
//! index). Nothing else reads these variables; they exist so the test suite can prove
//! that a panicking stage costs one file, not the run.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::{Once, OnceLock};

use super::chain::Attempt;
use super::{ExtractError, ExtractOptions, Stage, Tool};

thread_local! {
    /// Depth of guarded stages on this thread: their panics are reported per file, so
    /// the default hook's message would only bury the run's real output.
    static GUARDED: Cell<usize> = const { Cell::new(0) };
}

/// Name of threads running PDF parsing; their panics are expected and quiet.
const PDF_THREAD: &str = "docketeer-pdf";

/// Silence the panic message of guarded stages and PDF threads; every other panic
/// still prints.
fn install_quiet_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let quiet =
                GUARDED.with(|g| g.get() > 0) || std::thread::current().name() == Some(PDF_THREAD);
            if !quiet {
                previous(info);
            }
        }));
    });
}

/// Run one stage of reading `path`; a panic becomes `internal error in <stage>`.
pub fn stage<T>(stage: Stage, path: &Path, f: impl FnOnce() -> T) -> Result<T, ExtractError> {
    install_quiet_panic_hook();
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(|| {
        fault_point(stage, path);
        f()
    }));
    GUARDED.with(|g| g.set(g.get() - 1));
    result.map_err(|payload| ExtractError::Internal {
        stage,
        message: panic_message(payload.as_ref()),
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_owned()
    }
}

/// The test-only fault switch (see the module comment).
fn fault_point(stage: Stage, path: &Path) {
    static FAULT: OnceLock<Option<(String, String)>> = OnceLock::new();
    let fault = FAULT.get_or_init(|| {
        let stage = std::env::var("DOCKETEER_FAULT_PANIC").ok()?;
        let file = std::env::var("DOCKETEER_FAULT_FILE").ok()?;
        (!file.is_empty()).then_some((stage, file))
    });
    if let Some((want, file)) = fault {
        let name = match stage {
            Stage::Extract => "extract",
            Stage::Html => "html",
            Stage::Clean => "clean",
            Stage::Metadata => "metadata",
        };
        if want == name && path.to_string_lossy().contains(file.as_str()) {
            panic!("injected fault in {name}");
        }
    }
}

/// Run pdf-extract on a thread with a large stack (deeply nested objects recurse in
/// lopdf) and give up waiting after the timeout. A hung thread is leaked: only the
/// worker process can truly kill a runaway parse.
pub fn pdf_thread(opts: &ExtractOptions, f: impl FnOnce() -> Attempt + Send + 'static) -> Attempt {
    install_quiet_panic_hook();
    let (tx, rx) = std::sync::mpsc::channel();
    let (timeout, mem) = (opts.timeout, opts.memory_limit_mb);
    let died = |how| Attempt::Untrusted {
        why: super::Distrust::Died(Box::new(ExtractError::Crashed {
            tool: Tool::PdfExtract,
            how,
        })),
        partial: None,
        images: Vec::new(),
    };
    let spawned = std::thread::Builder::new()
        .name(PDF_THREAD.into())
        .stack_size(pdf_stack_bytes(mem))
        .spawn(move || {
            let r = catch_unwind(AssertUnwindSafe(f));
            let _ = tx.send(r.ok());
        });
    if let Err(e) = spawned {
        return Attempt::Failed(ExtractError::ToolFailed {
            tool: Tool::PdfExtract,
            detail: format!("cannot start a thread (memory limit {mem} MB): {e}"),
        });
    }
    match rx.recv_timeout(timeout) {
        Ok(Some(attempt)) => attempt,
        Ok(None) => died(super::Crash::Panicked),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Attempt::Untrusted {
            why: super::Distrust::Died(Box::new(ExtractError::TimedOut {
                tool: Tool::PdfExtract,
                secs: timeout.as_secs(),
            })),
            partial: None,
            images: Vec::new(),
        },
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => died(super::Crash::Unknown),
    }
}

/// Stack of the PDF thread: large, because lopdf recurses on deeply nested objects, but
/// at most a quarter of the address-space limit. The reservation counts against
/// RLIMIT_AS, so a fixed 256 MiB stack made every PDF fail under `--file-memory 256` or
/// less before a byte was parsed.
fn pdf_stack_bytes(memory_limit_mb: u64) -> usize {
    const MAX: u64 = 256;
    let mb = if memory_limit_mb == 0 {
        MAX
    } else {
        (memory_limit_mb / 4).clamp(8, MAX)
    };
    (mb * 1024 * 1024) as usize
}
