//! Progress and per-file messages of an index run: a bar on a terminal, plain lines
//! when piped, nothing but problems with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};

use crate::extract::ProblemKind;

/// How much the run says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Only problems (skipped, failed) and the summary.
    Quiet,
    /// Problems, fallbacks, progress.
    Normal,
}

/// Writes progress and problem lines to stderr.
pub struct Reporter {
    bar: Option<ProgressBar>,
    verbosity: Verbosity,
    plain_every: u64,
    done: std::sync::atomic::AtomicU64,
}

impl Reporter {
    /// A reporter on stderr: a bar on a terminal, plain lines otherwise.
    pub fn new(verbosity: Verbosity) -> Reporter {
        let bar = (verbosity == Verbosity::Normal && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {per_sec}  ETA {eta}  {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Reporter {
            bar,
            verbosity,
            plain_every: 100,
            done: Default::default(),
        }
    }

    /// New or changed files are about to be read to see whether their content changed.
    pub fn checking(&self, total: u64) {
        if self.verbosity == Verbosity::Normal && total > 0 {
            self.line(&format!("checking {total} new or changed files"));
        }
    }

    /// The number of files that need extracting is known.
    pub fn start(&self, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
        } else if self.verbosity == Verbosity::Normal && total > 0 {
            self.line(&format!("indexing {total} files"));
        }
    }

    /// One more file is done.
    pub fn advance(&self, path: &str) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar {
            bar.set_message(path.to_string());
            bar.inc(1);
        } else if self.verbosity == Verbosity::Normal && done.is_multiple_of(self.plain_every) {
            self.line(&format!("{done} files done"));
        }
    }

    /// `skipped`, `failed`, `fallback` or `partial`, with the file and why.
    pub fn problem(&self, kind: ProblemKind, path: &str, reason: &str) {
        if kind == ProblemKind::Fallback && self.verbosity == Verbosity::Quiet {
            return;
        }
        self.line(&format!("{kind} {path}: {reason}"));
    }

    /// The run is over: remove the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Print one line (also used for the end-of-run summary).
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            // A closed stderr (`index ... 2>&1 | head -1`) must not stop the run.
            None => {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        }
    }
}
