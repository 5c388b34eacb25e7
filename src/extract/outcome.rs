//! Typed facts about reading one file: why it gave no text ([`ExtractError`]), what a
//! reader should know about the text it did give ([`Note`]) and which of those mean the
//! index holds less text than the file has ([`Gap`]). Callers branch on these enums;
//! every sentence a user reads about them is worded here, in the `Display` impls.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An I/O error in words a user can act on: `permission denied`, `symbolic link loop`.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::NotFound => "no such file or directory".into(),
        _ if e.raw_os_error() == Some(libc::ELOOP) => "symbolic link loop".into(),
        _ => e.to_string(),
    }
}

/// A reader of PDFs: the in-process library or an external program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tool {
    /// The pure-Rust `pdf-extract` crate (run in a worker process).
    PdfExtract,
    /// poppler's `pdftotext`.
    Pdftotext,
    /// poppler's `pdftoppm`, which renders pages for OCR.
    Pdftoppm,
    /// `tesseract`, the OCR engine.
    Tesseract,
}

impl Tool {
    /// The program's name as the user knows it.
    pub fn name(self) -> &'static str {
        match self {
            Tool::PdfExtract => "pdf-extract",
            Tool::Pdftotext => "pdftotext",
            Tool::Pdftoppm => "pdftoppm",
            Tool::Tesseract => "tesseract",
        }
    }

    /// What to install to get it.
    pub fn install_hint(self) -> &'static str {
        match self {
            Tool::PdfExtract => "it is built in",
            Tool::Pdftotext | Tool::Pdftoppm => "install poppler-utils",
            Tool::Tesseract => "install tesseract-ocr",
        }
    }

    /// Whether the program can be started now (found on `PATH`).
    pub fn available(self) -> bool {
        match self {
            Tool::PdfExtract => true,
            _ => super::process::on_path(self.name()),
        }
    }
}

/// How a reader died without giving an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Crash {
    /// Rust's stack overflow abort.
    StackOverflow,
    /// Killed by this signal.
    Signal(i32),
    /// Exited with this code and printed no result.
    Exit(i32),
    /// A panic inside the library.
    Panicked,
    /// Ended some other way.
    Unknown,
}

/// Why the text `pdf-extract` produced could not be trusted, so a fallback was tried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Distrust {
    /// lopdf could not parse the file (its message).
    ParseFailed(String),
    /// The parser panicked.
    Panicked,
    /// The file is encrypted and lopdf cannot decrypt it.
    CannotDecrypt,
    /// The page tree is empty.
    NoPages,
    /// Extraction failed on some pages.
    PagesFailed {
        /// Pages whose text pdf-extract could not get.
        failed: usize,
        /// Pages in the document.
        of: usize,
    },
    /// No text at all and no images.
    NoText,
    /// Far less text than the content streams show.
    LostText,
    /// The worker running pdf-extract died or gave up.
    Died(Box<ExtractError>),
}

impl fmt::Display for Distrust {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Distrust::ParseFailed(e) => write!(f, "could not parse the PDF ({e})"),
            Distrust::Panicked => write!(f, "crashed parsing the PDF"),
            Distrust::CannotDecrypt => write!(f, "cannot decrypt the PDF"),
            Distrust::NoPages => write!(f, "found no pages"),
            Distrust::PagesFailed { failed, of } => write!(f, "failed on {failed} of {of} pages"),
            Distrust::NoText => write!(f, "found no text"),
            Distrust::LostText => write!(f, "lost text"),
            Distrust::Died(e) => write!(f, "{e}"),
        }
    }
}

/// A stage of reading a filing, named in internal-error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Text extraction (PDF, HTML, text).
    Extract,
    /// HTML to text.
    Html,
    /// Cleaning the text.
    Clean,
    /// Reading case metadata.
    Metadata,
}

impl Stage {
    /// The stage's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Extract => "extraction",
            Stage::Html => "HTML parsing",
            Stage::Clean => "cleaning",
            Stage::Metadata => "metadata",
        }
    }
}

/// What kind of non-regular file was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Special {
    /// A named pipe.
    Fifo,
    /// A socket.
    Socket,
    /// A character or block device.
    Device,
    /// A directory where a file was expected.
    Directory,
    /// Anything else.
    Other,
}

/// Why a file produced no indexable text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExtractError {
    /// The file has no bytes.
    Empty,
    /// Not a PDF, HTML or text file (an image, archive, word-processor file).
    NotAFiling,
    /// A FIFO, socket or device: reading it could block forever.
    NotRegular(Special),
    /// Larger than `--max-file-size`.
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
        /// The `--max-file-size` it exceeds, in MiB.
        limit_mb: u64,
    },
    /// The file could not be read (the cause, as [`io_reason`] words it).
    Unreadable(String),
    /// A PDF with no text layer; OCR was not requested (`missing: None`) or a tool is missing.
    NeedsOcr {
        /// The OCR program that is not installed; None when `--ocr` was not given.
        missing: Option<Tool>,
    },
    /// A PDF that needs a user password.
    Encrypted,
    /// Every reader ran and found no words.
    NoText,
    /// A reader was stopped at the time limit.
    TimedOut {
        /// The reader that was stopped.
        tool: Tool,
        /// The time limit it reached, in whole seconds.
        secs: u64,
    },
    /// A reader was stopped at the memory limit.
    OutOfMemory {
        /// The reader that was stopped.
        tool: Tool,
        /// The memory limit it reached, in MiB.
        limit_mb: u64,
    },
    /// A reader died.
    Crashed {
        /// The reader that died.
        tool: Tool,
        /// How it died (signal, exit code, stack overflow).
        how: Crash,
    },
    /// A program needed to read the file is not installed.
    ToolMissing(Tool),
    /// A program ran and failed (its own first line of complaint).
    ToolFailed {
        /// The program that failed.
        tool: Tool,
        /// Its first line of complaint, or why it could not be started.
        detail: String,
    },
    /// A panic in one of Docketeer's own stages.
    Internal {
        /// The stage that panicked.
        stage: Stage,
        /// The panic's message.
        message: String,
    },
    /// pdf-extract could not be trusted and the fallback failed too.
    Unusable {
        /// Why pdf-extract's text was not trusted.
        why: Distrust,
        /// Why the fallback (pdftotext) gave no text either.
        then: Box<ExtractError>,
    },
}

/// How a run reports a file it could not index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProblemKind {
    /// Not indexable as it is (empty, not a filing, a scan, encrypted, too large).
    Skipped,
    /// Something went wrong.
    Failed,
    /// Indexed through a fallback reader.
    Fallback,
    /// Indexed with less text than the file has (a reader missing, text cut).
    Partial,
}

impl ProblemKind {
    /// The word that starts the report line.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Skipped => "skipped",
            ProblemKind::Failed => "failed",
            ProblemKind::Fallback => "fallback",
            ProblemKind::Partial => "partial",
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ExtractError {
    /// `skipped` for files that are not indexable as they are, `failed` for the rest.
    pub fn kind(&self) -> ProblemKind {
        match self {
            ExtractError::Empty
            | ExtractError::NotAFiling
            | ExtractError::NotRegular(_)
            | ExtractError::TooLarge { .. }
            | ExtractError::NeedsOcr { .. }
            | ExtractError::Encrypted => ProblemKind::Skipped,
            _ => ProblemKind::Failed,
        }
    }

    /// Whether retrying an unchanged file could give another answer now: a program that
    /// was missing is installed, OCR is asked for, or the limit it hit was raised.
    pub fn may_change(&self, opts: &super::ExtractOptions) -> bool {
        match self {
            ExtractError::NeedsOcr { missing: None } => opts.ocr,
            ExtractError::NeedsOcr { missing: Some(t) } => opts.ocr && t.available(),
            ExtractError::ToolMissing(t) => t.available(),
            ExtractError::TooLarge { bytes, .. } => {
                opts.max_file_mb == 0 || *bytes <= opts.max_file_mb.saturating_mul(super::MIB)
            }
            ExtractError::TimedOut { secs, .. } => opts.timeout.as_secs() > *secs,
            ExtractError::OutOfMemory { limit_mb, .. } => {
                opts.memory_limit_mb == 0 || opts.memory_limit_mb > *limit_mb
            }
            ExtractError::Unusable { why, then } => {
                matches!(why, Distrust::Died(e) if e.may_change(opts)) || then.may_change(opts)
            }
            _ => false,
        }
    }
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::Empty => write!(f, "empty file"),
            ExtractError::NotAFiling => write!(f, "not a PDF, HTML or text file"),
            ExtractError::NotRegular(s) => {
                let what = match s {
                    Special::Fifo => "a named pipe (FIFO)",
                    Special::Socket => "a socket",
                    Special::Device => "a device",
                    Special::Directory => "a directory",
                    Special::Other => "not a regular file",
                };
                write!(f, "{what}: only regular files are read")
            }
            ExtractError::TooLarge { bytes, limit_mb } => write!(
                f,
                "too large ({} MiB, limit {limit_mb} MiB); raise --max-file-size to index it",
                bytes.div_ceil(1024 * 1024)
            ),
            ExtractError::Unreadable(e) => write!(f, "cannot read: {e}"),
            ExtractError::NeedsOcr { missing: None } => write!(
                f,
                "needs OCR: no text layer; rerun with --ocr (needs tesseract and pdftoppm: apt-get install tesseract-ocr poppler-utils)"
            ),
            ExtractError::NeedsOcr { missing: Some(t) } => write!(
                f,
                "needs OCR: {} not found; apt-get install tesseract-ocr poppler-utils",
                t.name()
            ),
            ExtractError::Encrypted => write!(f, "encrypted: a user password is required"),
            ExtractError::NoText => {
                write!(f, "no text found: pdf-extract and pdftotext found no words")
            }
            ExtractError::TimedOut { tool, secs } => match tool {
                Tool::PdfExtract => write!(f, "timed out after {secs} s"),
                t => write!(f, "{} timed out after {secs} s", t.name()),
            },
            ExtractError::OutOfMemory { tool, limit_mb } => match tool {
                Tool::PdfExtract => {
                    write!(f, "extractor ran out of memory (limit {limit_mb} MB)")
                }
                t => write!(f, "{} ran out of memory (limit {limit_mb} MB)", t.name()),
            },
            ExtractError::Crashed { tool, how } => {
                let who = match tool {
                    Tool::PdfExtract => "extractor",
                    t => t.name(),
                };
                match how {
                    Crash::StackOverflow => write!(f, "{who} crashed (stack overflow)"),
                    Crash::Signal(s) => write!(f, "{who} crashed (signal {s})"),
                    Crash::Exit(c) => write!(f, "{who} exited with code {c} without a result"),
                    Crash::Panicked => write!(f, "{who} panicked"),
                    Crash::Unknown => write!(f, "{who} crashed"),
                }
            }
            ExtractError::ToolMissing(t) => {
                write!(f, "{} not found; {}", t.name(), t.install_hint())
            }
            ExtractError::ToolFailed { tool, detail } => {
                write!(f, "{} failed: {detail}", tool.name())
            }
            ExtractError::Internal { stage, message } => {
                write!(f, "internal error in {}: {message}", stage.name())
            }
            ExtractError::Unusable { why, then } => match then.as_ref() {
                ExtractError::ToolMissing(t) => write!(
                    f,
                    "pdf-extract {why}; {} not found; {} for a fallback",
                    t.name(),
                    t.install_hint()
                ),
                then => write!(f, "pdf-extract {why}; {then}"),
            },
        }
    }
}

/// Something a reader should know about text that was indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Note {
    /// A fallback reader produced the text because pdf-extract could not be trusted.
    Fallback {
        /// The reader whose text was indexed.
        used: Tool,
        /// Why pdf-extract's text was not trusted.
        why: Distrust,
    },
    /// pdf-extract's partial text was kept because the fallback failed.
    Partial {
        /// Why pdf-extract's text was not trusted.
        why: Distrust,
        /// Why the fallback gave no text.
        fallback: ExtractError,
    },
    /// These pages look scanned and were not read (no `--ocr`).
    ScannedPages(Vec<usize>),
    /// OCR read these pages.
    Ocr(Vec<usize>),
    /// OCR failed on a page.
    OcrFailed {
        /// The page, counted from 1.
        page: usize,
        /// Why OCR gave no text for it.
        error: ExtractError,
    },
    /// The text was cut at `--max-text`.
    Truncated {
        /// The `--max-text` limit the text was cut at, in MiB.
        limit_mb: u64,
    },
}

impl Note {
    /// Whether a fallback reader (pdftotext, OCR) actually read text for this note.
    pub fn read_by_fallback(&self) -> bool {
        matches!(self, Note::Fallback { .. } | Note::Ocr(_))
    }

    /// The gap in the indexed text this note stands for, if any.
    pub fn gap(&self) -> Option<Gap> {
        match self {
            Note::Fallback { .. } | Note::Ocr(_) => None,
            Note::Partial { fallback, .. } => Some(match fallback {
                ExtractError::ToolMissing(t) => Gap::Missing(*t),
                _ => Gap::FallbackFailed,
            }),
            Note::ScannedPages(_) => Some(Gap::NeedsOcr),
            Note::OcrFailed { error, .. } => Some(match error {
                ExtractError::ToolMissing(t) | ExtractError::NeedsOcr { missing: Some(t) } => {
                    Gap::Missing(*t)
                }
                _ => Gap::FallbackFailed,
            }),
            Note::Truncated { limit_mb } => Some(Gap::Truncated {
                limit_mb: *limit_mb,
            }),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pages = |p: &[usize]| {
            p.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Note::Fallback { used, why } => {
                write!(f, "pdf-extract {why}; used {}", used.name())
            }
            Note::Partial { why, fallback } => write!(
                f,
                "pdf-extract {why}; pdftotext unavailable ({fallback}), kept partial text"
            ),
            Note::ScannedPages(p) => write!(
                f,
                "page(s) {} look scanned; rerun with --ocr to read them",
                pages(p)
            ),
            Note::Ocr(p) => write!(f, "used OCR on page(s) {}", pages(p)),
            Note::OcrFailed { page, error } => write!(f, "OCR failed on page {page}: {error}"),
            Note::Truncated { limit_mb } => write!(
                f,
                "text cut at {limit_mb} MiB; raise --max-text to index all of it"
            ),
        }
    }
}

/// Why an indexed document holds less text than its file. Stored with the document
/// (as [`Gap::code`]) so a later run re-reads the file once the cause is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// A program that would have read the rest is not installed.
    Missing(Tool),
    /// Scanned pages were not OCRed.
    NeedsOcr,
    /// The text was cut at this many MiB.
    Truncated {
        /// The `--max-text` limit the text was cut at, in MiB.
        limit_mb: u64,
    },
    /// The fallback ran and failed.
    FallbackFailed,
}

impl Gap {
    /// The stored form: `missing:pdftotext`, `needs-ocr`, `truncated:16`, `fallback-failed`.
    pub fn code(self) -> String {
        match self {
            Gap::Missing(t) => format!("missing:{}", t.name()),
            Gap::NeedsOcr => "needs-ocr".into(),
            Gap::Truncated { limit_mb } => format!("truncated:{limit_mb}"),
            Gap::FallbackFailed => "fallback-failed".into(),
        }
    }

    /// Parse [`Gap::code`]; None for a code this version does not know.
    pub fn from_code(code: &str) -> Option<Gap> {
        let (head, arg) = code.split_once(':').unwrap_or((code, ""));
        match head {
            "missing" => [Tool::Pdftotext, Tool::Pdftoppm, Tool::Tesseract]
                .into_iter()
                .find(|t| t.name() == arg)
                .map(Gap::Missing),
            "needs-ocr" => Some(Gap::NeedsOcr),
            "truncated" => arg.parse().ok().map(|limit_mb| Gap::Truncated { limit_mb }),
            "fallback-failed" => Some(Gap::FallbackFailed),
            _ => None,
        }
    }

    /// Whether reading the file again now could close the gap.
    pub fn may_close(self, opts: &super::ExtractOptions) -> bool {
        match self {
            Gap::Missing(t) => t.available(),
            Gap::NeedsOcr => opts.ocr,
            Gap::Truncated { limit_mb } => opts.max_text_mb > limit_mb || opts.max_text_mb == 0,
            Gap::FallbackFailed => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_codes_round_trip() {
        for g in [
            Gap::Missing(Tool::Pdftotext),
            Gap::Missing(Tool::Tesseract),
            Gap::NeedsOcr,
            Gap::Truncated { limit_mb: 16 },
            Gap::FallbackFailed,
        ] {
            assert_eq!(Gap::from_code(&g.code()), Some(g));
        }
        assert_eq!(Gap::from_code("no-such-gap"), None);
    }

    #[test]
    fn only_fallback_reads_count_as_fallbacks() {
        let partial = Note::Partial {
            why: Distrust::LostText,
            fallback: ExtractError::ToolMissing(Tool::Pdftotext),
        };
        assert!(!partial.read_by_fallback());
        assert_eq!(partial.gap(), Some(Gap::Missing(Tool::Pdftotext)));
        assert!(!Note::ScannedPages(vec![2]).read_by_fallback());
        let used = Note::Fallback {
            used: Tool::Pdftotext,
            why: Distrust::LostText,
        };
        assert!(used.read_by_fallback());
        assert_eq!(used.gap(), None);
    }

    #[test]
    fn a_missing_fallback_says_what_to_install() {
        let e = ExtractError::Unusable {
            why: Distrust::LostText,
            then: Box::new(ExtractError::ToolMissing(Tool::Pdftotext)),
        };
        assert_eq!(
            e.to_string(),
            "pdf-extract lost text; pdftotext not found; install poppler-utils for a fallback"
        );
    }
}
