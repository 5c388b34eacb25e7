//! Running helper programs (pdftotext, pdftoppm, tesseract, the extraction worker) so
//! that none of them can hang the indexer or eat the machine: a wall-clock limit that
//! kills the whole process group, and an address-space limit set before exec.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What a finished child left behind.
pub struct Finished {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Why a child produced no result.
#[derive(Debug)]
pub enum RunError {
    /// The program is not installed.
    NotFound,
    /// Could not start for another reason.
    Spawn(std::io::Error),
    /// Killed after the time limit.
    TimedOut(Duration),
}

impl RunError {
    /// The typed extraction error for a helper `tool` that gave no result.
    pub fn into_error(self, tool: super::Tool) -> super::ExtractError {
        use super::ExtractError;
        match self {
            RunError::NotFound => ExtractError::ToolMissing(tool),
            RunError::TimedOut(t) => ExtractError::TimedOut {
                tool,
                secs: t.as_secs(),
            },
            RunError::Spawn(e) => ExtractError::ToolFailed {
                tool,
                detail: format!("could not start: {e}"),
            },
        }
    }
}

/// Run `cmd` to completion, capturing output, killing it (and its children) after
/// `timeout`. `memory_limit_mb` of 0 means no limit; the limit is set between fork and
/// exec, which costs a full fork of this process (its page tables copied and torn down),
/// so it is for programs that cannot limit themselves.
pub fn run_limited(
    mut cmd: Command,
    timeout: Duration,
    memory_limit_mb: u64,
) -> Result<Finished, RunError> {
    let limit_bytes = memory_limit_mb.saturating_mul(1024 * 1024);
    // SAFETY: only async-signal-safe libc calls run between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            // Own process group, so a timeout kill also reaches grandchildren.
            libc::setpgid(0, 0);
            if limit_bytes > 0 {
                set_memory_limit(limit_bytes);
            }
            Ok(())
        });
    }
    run(cmd, timeout)
}

/// Run `cmd`, a program that sets its own memory limit first thing (the extraction
/// worker, see [`limit_own_memory`]), like [`run_limited`] but without a hook between
/// fork and exec, so the standard library can start it with `posix_spawn` (the child
/// shares this process's memory until it execs instead of copying its page tables):
/// the indexer starts one such child per PDF while it holds hundreds of MiB.
pub fn run_self_limited(mut cmd: Command, timeout: Duration) -> Result<Finished, RunError> {
    // Own process group, so a timeout kill also reaches grandchildren.
    cmd.process_group(0);
    run(cmd, timeout)
}

/// Limit this process's address space to `memory_limit_mb` MiB (0 = no limit), as
/// [`run_limited`] limits its children: what a child started with [`run_self_limited`]
/// calls before it reads anything.
pub fn limit_own_memory(memory_limit_mb: u64) {
    if memory_limit_mb > 0 {
        set_memory_limit(memory_limit_mb.saturating_mul(1024 * 1024));
    }
}

/// setrlimit(RLIMIT_AS); async-signal-safe, so usable between fork and exec.
fn set_memory_limit(limit_bytes: u64) {
    let lim = libc::rlimit {
        rlim_cur: limit_bytes as libc::rlim_t,
        rlim_max: limit_bytes as libc::rlim_t,
    };
    // SAFETY: plain setrlimit(2) on this process with a valid struct.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &lim);
    }
}

/// Start `cmd` with its output captured and wait for it, killing its process group
/// after `timeout`.
fn run(mut cmd: Command, timeout: Duration) -> Result<Finished, RunError> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(RunError::NotFound),
        Err(e) => return Err(RunError::Spawn(e)),
    };
    let pid = child.id() as libc::pid_t;
    let _live = Live::register(pid);
    let out_reader = child.stdout.take().map(|mut s| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = s.read_to_end(&mut buf);
            buf
        })
    });
    let err_reader = child.stderr.take().map(|mut s| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            // Keep stderr bounded: a chatty crashing child must not fill memory.
            let _ = s.by_ref().take(64 * 1024).read_to_end(&mut buf);
            let _ = std::io::copy(&mut s, &mut std::io::sink());
            buf
        })
    });
    // A limit too far out to represent is no limit.
    let deadline = Instant::now().checked_add(timeout);
    let mut sleep = Duration::from_millis(2);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) => {}
            Err(_) => break None,
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            // SAFETY: plain kill(2) on the child's own process group.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
            let _ = child.kill();
            let _ = child.wait();
            join(out_reader);
            join(err_reader);
            return Err(RunError::TimedOut(timeout));
        }
        std::thread::sleep(sleep);
        sleep = (sleep * 2).min(Duration::from_millis(50));
    };
    let status = match status {
        Some(s) => s,
        None => match child.wait() {
            Ok(s) => s,
            Err(e) => return Err(RunError::Spawn(e)),
        },
    };
    // Grandchildren that outlive the child would keep the pipes open.
    // SAFETY: as above.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
    Ok(Finished {
        status,
        stdout: join(out_reader),
        stderr: join(err_reader),
    })
}

/// Process groups of helpers running now, so an interrupted run can stop them at once
/// instead of waiting up to a full time limit for each.
static LIVE: std::sync::Mutex<Vec<libc::pid_t>> = std::sync::Mutex::new(Vec::new());

/// Kill every helper process group started by `run_limited` that is still running.
/// Their callers then see a dead child and return promptly.
pub fn kill_running_helpers() {
    let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    for &pid in live.iter() {
        // SAFETY: plain kill(2) on a process group this process created.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
}

/// Membership of one child in [`LIVE`] for as long as it runs.
struct Live(libc::pid_t);

impl Live {
    fn register(pid: libc::pid_t) -> Live {
        LIVE.lock().unwrap_or_else(|e| e.into_inner()).push(pid);
        Live(pid)
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|&p| p != self.0);
    }
}

/// Whether an executable called `program` is in a directory of `PATH`.
pub fn on_path(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        std::fs::metadata(dir.join(program))
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

fn join(handle: Option<std::thread::JoinHandle<Vec<u8>>>) -> Vec<u8> {
    handle.and_then(|h| h.join().ok()).unwrap_or_default()
}

/// A human description of how a child ended when it did not exit normally.
pub fn describe_signal(status: &ExitStatus) -> Option<i32> {
    status.signal()
}
