//! Turning a file on disk into pages of text: format sniffing, PDF (pdf-extract with
//! a pdftotext fallback and optional OCR), HTML and plain text.

pub mod html;
pub mod ocr;
pub mod pdf;
pub mod pdftotext;
mod process;
pub mod sniff;
pub mod text;
pub mod worker;

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Once;
/// The kind of file, decided from its content first and its extension second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// PDF (`%PDF-`).
    Pdf,
    /// HTML (`<html`, `<!doctype`).
    Html,
    /// Plain text.
    Text,
}

impl Format {
    /// The lowercase name stored in the index: `pdf`, `html`, `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Text => "text",
        }
    }
}

/// A filing turned into text, page by page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Extracted {
    /// The format the content was read as.
    pub format: Format,
    /// Raw page texts as the extractor produced them (before cleaning).
    pub pages: Vec<String>,
    /// Which extractor produced the text: `pdf-extract`, `pdftotext`, `ocr`, `html`, `text`.
    pub method: String,
    /// Things the user should hear about, e.g. that a fallback extractor was used.
    pub notes: Vec<String>,
    /// The document's own title (HTML `<title>`), when it has one.
    #[serde(default)]
    pub title: Option<String>,
    /// 1-based pages that carry images but (almost) no text: candidates for OCR.
    #[serde(default)]
    pub scanned_pages: Vec<usize>,
}

/// Why a file produced no indexable text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExtractError {
    /// Not a filing we can read (binary, unknown type, empty): reported as `skipped`.
    Skip(String),
    /// A PDF with no text layer; OCR was not requested or is not available.
    NeedsOcr(String),
    /// A PDF that needs a user password.
    Encrypted,
    /// Anything else that went wrong: reported as `failed`.
    Failed(String),
}

impl ExtractError {
    /// How a run reports it: `skipped` for files that are not indexable as they are
    /// (empty, not a filing, a scan, encrypted), `failed` for anything that went wrong.
    pub fn kind(&self) -> &'static str {
        match self {
            ExtractError::Failed(_) => "failed",
            _ => "skipped",
        }
    }
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::Skip(why) => write!(f, "{why}"),
            ExtractError::NeedsOcr(why) => write!(f, "needs OCR: {why}"),
            ExtractError::Encrypted => write!(f, "encrypted: a user password is required"),
            ExtractError::Failed(why) => write!(f, "{why}"),
        }
    }
}

/// Options that change how files are read.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Run scanned PDFs through pdftoppm + tesseract.
    pub ocr: bool,
    /// Per-file time limit for the isolated PDF worker.
    pub timeout: std::time::Duration,
    /// Executable to run PDF extraction in (`<worker> extract-worker PATH`), isolating
    /// crashes and hangs; None extracts in-process.
    pub worker: Option<PathBuf>,
    /// Address-space limit for helper processes, in MiB (0 = none).
    pub memory_limit_mb: u64,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            ocr: false,
            timeout: std::time::Duration::from_secs(60),
            worker: None,
            memory_limit_mb: 2048,
        }
    }
}

/// Message for a scan read without `--ocr`.
pub fn needs_ocr_message() -> String {
    format!("no text layer; rerun with --ocr ({})", ocr::OCR_HINT)
}

/// Extract the text of one file.
pub fn extract_path(path: &Path, opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let ex = match &opts.worker {
        Some(worker) if sniff_path(path)? == Format::Pdf => {
            worker::extract_in_child(worker, path, opts)?
        }
        _ => extract_text_layer(path, opts)?,
    };
    apply_ocr(ex, path, opts)
}

/// Sniff a file's format from its first kilobyte.
pub fn sniff_path(path: &Path) -> Result<Format, ExtractError> {
    use std::io::Read;
    let mut head = Vec::with_capacity(1024);
    std::fs::File::open(path)
        .and_then(|f| f.take(1024).read_to_end(&mut head))
        .map_err(|e| ExtractError::Failed(format!("cannot read file: {e}")))?;
    sniff::sniff(&head, extension(path).as_deref())
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Everything short of OCR, in this process (PDFs on a guarded thread).
pub fn extract_text_layer(path: &Path, opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let bytes =
        std::fs::read(path).map_err(|e| ExtractError::Failed(format!("cannot read file: {e}")))?;
    match sniff::sniff(&bytes, extension(path).as_deref())? {
        Format::Text => Ok(Extracted {
            format: Format::Text,
            pages: text::split_pages(&text::decode(&bytes)),
            method: "text".into(),
            notes: Vec::new(),
            title: None,
            scanned_pages: Vec::new(),
        }),
        Format::Html => {
            let h = html::html_to_text(&text::decode(&bytes));
            Ok(Extracted {
                format: Format::Html,
                pages: text::split_pages(&h.text),
                method: "html".into(),
                notes: Vec::new(),
                title: h.title,
                scanned_pages: Vec::new(),
            })
        }
        Format::Pdf => pdf_guarded(bytes, path, opts),
    }
}

/// Name of threads running PDF parsing; the quiet panic hook recognises them.
const PDF_THREAD: &str = "docketeer-pdf";

/// Parse a PDF on a thread with a large stack (deeply nested objects recurse in lopdf)
/// and give up waiting after the timeout. A hung thread is leaked: only the worker
/// process can truly kill a runaway parse.
fn pdf_guarded(
    bytes: Vec<u8>,
    path: &Path,
    opts: &ExtractOptions,
) -> Result<Extracted, ExtractError> {
    install_quiet_panic_hook();
    let (tx, rx) = std::sync::mpsc::channel();
    let owned_path = path.to_path_buf();
    let (timeout, mem) = (opts.timeout, opts.memory_limit_mb);
    let spawned = std::thread::Builder::new()
        .name(PDF_THREAD.into())
        .stack_size(pdf_stack_bytes(mem))
        .spawn(move || {
            let r = std::panic::catch_unwind(|| {
                pdf::extract_text_layer(&bytes, &owned_path, timeout, mem)
            })
            .unwrap_or_else(|_| Err(ExtractError::Failed("PDF extractor panicked".into())));
            let _ = tx.send(r);
        });
    if let Err(e) = spawned {
        return Err(ExtractError::Failed(format!(
            "cannot start PDF thread (memory limit {mem} MB): {e}"
        )));
    }
    match rx.recv_timeout(timeout) {
        Ok(r) => r,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(ExtractError::Failed(format!(
            "timed out after {} s",
            timeout.as_secs()
        ))),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            Err(ExtractError::Failed("PDF extractor crashed".into()))
        }
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

/// pdf-extract panics on many malformed files; those panics are caught and reported as
/// errors, so printing them would only bury the indexer's real output.
fn install_quiet_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(PDF_THREAD) {
                previous(info);
            }
        }));
    });
}

/// Decide what to do about pages that look scanned: OCR them when asked, otherwise
/// refuse documents that have no real text and note partial scans.
fn apply_ocr(
    mut ex: Extracted,
    path: &Path,
    opts: &ExtractOptions,
) -> Result<Extracted, ExtractError> {
    if ex.scanned_pages.is_empty() {
        return Ok(ex);
    }
    let all_scanned = ex.pages.iter().enumerate().all(|(i, p)| {
        ex.scanned_pages.contains(&(i + 1))
            || pdf::word_count(&crate::clean::headers::strip_header_lines(p)) == 0
    });
    let list = ex
        .scanned_pages
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if !opts.ocr {
        if all_scanned {
            return Err(ExtractError::NeedsOcr(needs_ocr_message()));
        }
        ex.notes.push(format!(
            "page(s) {list} look scanned; rerun with --ocr to read them"
        ));
        return Ok(ex);
    }
    let mut done = 0;
    for &page in &ex.scanned_pages.clone() {
        match ocr::ocr_page(path, page, opts.timeout, opts.memory_limit_mb) {
            Ok(text) => {
                if let Some(slot) = ex.pages.get_mut(page - 1) {
                    // The text layer of a scan is the exact ECF stamp; OCR may garble it.
                    let stamp = slot.trim().to_owned();
                    *slot = if stamp.is_empty() {
                        text
                    } else {
                        format!("{stamp}\n{text}")
                    };
                    done += 1;
                }
            }
            Err(e) if all_scanned => return Err(e),
            Err(e) => ex.notes.push(format!("OCR failed on page {page}: {e}")),
        }
    }
    if all_scanned {
        ex.method = "ocr".into();
    } else if done > 0 {
        ex.notes.push(format!("used OCR on page(s) {list}"));
    }
    Ok(ex)
}
