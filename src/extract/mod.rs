//! Turning a file on disk into pages of text: format sniffing, PDF (an ordered chain of
//! readers: pdf-extract, pdftotext, OCR), HTML and plain text, each within a size bound.

pub mod chain;
pub mod guard;
pub mod html;
pub mod ocr;
mod outcome;
pub mod pdf;
pub mod pdftotext;
mod process;
pub mod sniff;
pub mod text;
pub mod worker;

pub use outcome::{
    Crash, Distrust, ExtractError, Gap, Note, ProblemKind, Special, Stage, Tool, io_reason,
};
pub use process::kill_running_helpers;

use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Bytes in a mebibyte, the unit of every size flag.
pub const MIB: u64 = 1024 * 1024;

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
    /// `facts` as sentences, for printing.
    pub notes: Vec<String>,
    /// Things the user should hear about (a fallback used, text left out), typed.
    #[serde(default)]
    pub facts: Vec<Note>,
    /// The document's own title (HTML `<title>`), when it has one.
    #[serde(default)]
    pub title: Option<String>,
    /// 1-based pages that carry images but (almost) no text: candidates for OCR.
    #[serde(default)]
    pub scanned_pages: Vec<usize>,
}

impl Extracted {
    /// Text from one reader, with nothing to note yet.
    pub fn new(format: Format, pages: Vec<String>, method: &str) -> Extracted {
        Extracted {
            format,
            pages,
            method: method.to_owned(),
            notes: Vec::new(),
            facts: Vec::new(),
            title: None,
            scanned_pages: Vec::new(),
        }
    }

    /// Record a fact about the text (and its sentence, worded by [`Note`]'s `Display`).
    pub fn note(&mut self, fact: Note) {
        self.notes.push(fact.to_string());
        self.facts.push(fact);
    }

    /// Whether a fallback reader (pdftotext, OCR) read any of the text.
    pub fn read_by_fallback(&self) -> bool {
        self.facts.iter().any(Note::read_by_fallback)
    }

    /// Why the text is less than the file holds, one entry per cause.
    pub fn gaps(&self) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = self.facts.iter().filter_map(Note::gap).collect();
        gaps.dedup();
        gaps
    }
}

/// Options that change how files are read.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Run scanned PDFs through pdftoppm + tesseract.
    pub ocr: bool,
    /// Per-file time limit for the isolated PDF worker and each helper program.
    pub timeout: std::time::Duration,
    /// Executable to run PDF extraction in (`<worker> extract-worker PATH`), isolating
    /// crashes and hangs; None extracts in-process.
    pub worker: Option<PathBuf>,
    /// Address-space limit for helper processes, in MiB (0 = none).
    pub memory_limit_mb: u64,
    /// Files larger than this many MiB are skipped without being read (0 = no limit).
    pub max_file_mb: u64,
    /// Text kept per filing, in MiB; the rest is cut with a note (0 = no limit). Bounds
    /// the memory and time of text and HTML files, and the cost of every search that
    /// hits a huge filing.
    pub max_text_mb: u64,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            ocr: false,
            timeout: std::time::Duration::from_secs(60),
            worker: None,
            memory_limit_mb: 2048,
            max_file_mb: 1024,
            max_text_mb: 16,
        }
    }
}

/// Extract the text of one file.
pub fn extract_path(path: &Path, opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let meta = std::fs::metadata(path).map_err(|e| ExtractError::Unreadable(io_reason(&e)))?;
    regular_file(&meta)?;
    if opts.max_file_mb > 0 && meta.len() > opts.max_file_mb.saturating_mul(MIB) {
        return Err(ExtractError::TooLarge {
            bytes: meta.len(),
            limit_mb: opts.max_file_mb,
        });
    }
    let mut ex = match sniff_path(path)? {
        Format::Pdf => chain::read_pdf(path, opts)?,
        format => read_markup(path, format, opts)?,
    };
    cap_text(&mut ex, opts.max_text_mb);
    Ok(ex)
}

/// Refuse anything but a regular file: opening a FIFO or a device can block forever.
pub fn regular_file(meta: &std::fs::Metadata) -> Result<(), ExtractError> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let special = if t.is_fifo() {
        Special::Fifo
    } else if t.is_socket() {
        Special::Socket
    } else if t.is_char_device() || t.is_block_device() {
        Special::Device
    } else if t.is_dir() {
        Special::Directory
    } else {
        Special::Other
    };
    Err(ExtractError::NotRegular(special))
}

/// Sniff a file's format from its first kilobyte.
pub fn sniff_path(path: &Path) -> Result<Format, ExtractError> {
    let mut head = Vec::with_capacity(1024);
    std::fs::File::open(path)
        .and_then(|f| f.take(1024).read_to_end(&mut head))
        .map_err(|e| ExtractError::Unreadable(io_reason(&e)))?;
    sniff::sniff(&head, extension(path).as_deref())
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Read a text or HTML file, at most `max_text_mb` of it (cut at a line end).
fn read_markup(
    path: &Path,
    format: Format,
    opts: &ExtractOptions,
) -> Result<Extracted, ExtractError> {
    let limit = match opts.max_text_mb {
        0 => u64::MAX,
        mb => mb.saturating_mul(MIB),
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| ExtractError::Unreadable(io_reason(&e)))?;
    let cut = bytes.len() as u64 > limit;
    if cut {
        bytes.truncate(limit as usize);
        // Cut at a line end so no character is split (a split one would make the whole
        // text look like Windows-1252).
        if let Some(end) = bytes.iter().rposition(|&b| b == b'\n') {
            bytes.truncate(end + 1);
        }
    }
    let mut ex = match format {
        Format::Html => {
            let source = text::decode(&bytes);
            drop(bytes);
            let h = guard::stage(Stage::Html, path, || html::html_to_text(&source))?;
            let mut ex = Extracted::new(Format::Html, text::split_pages(&h.text), "html");
            ex.title = h.title;
            ex
        }
        _ => Extracted::new(
            Format::Text,
            text::split_pages(&text::decode(&bytes)),
            "text",
        ),
    };
    if cut {
        ex.note(Note::Truncated {
            limit_mb: opts.max_text_mb,
        });
    }
    Ok(ex)
}

/// Keep at most `max_text_mb` of page text, dropping what follows, with a note.
fn cap_text(ex: &mut Extracted, max_text_mb: u64) {
    if max_text_mb == 0 || ex.facts.iter().any(|f| matches!(f, Note::Truncated { .. })) {
        return;
    }
    let mut left = max_text_mb.saturating_mul(MIB) as usize;
    let total: usize = ex.pages.iter().map(String::len).sum();
    if total <= left {
        return;
    }
    let mut keep = 0;
    for page in ex.pages.iter_mut() {
        if page.len() > left {
            let mut end = left;
            while !page.is_char_boundary(end) {
                end -= 1;
            }
            page.truncate(end);
            keep += 1;
            break;
        }
        left -= page.len();
        keep += 1;
    }
    ex.pages.truncate(keep);
    ex.note(Note::Truncated {
        limit_mb: max_text_mb,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_over_the_limit_is_cut_on_a_character_boundary_with_a_note() {
        let page = "é".repeat(MIB as usize / 2 + 10);
        let mut ex = Extracted::new(Format::Pdf, vec![page.clone(), page], "pdf-extract");
        cap_text(&mut ex, 1);
        let kept: usize = ex.pages.iter().map(String::len).sum();
        assert!(kept <= MIB as usize && kept > MIB as usize - 4, "{kept}");
        assert_eq!(ex.pages.len(), 1);
        assert_eq!(ex.gaps(), vec![Gap::Truncated { limit_mb: 1 }]);
        let mut small = Extracted::new(Format::Text, vec!["short".into()], "text");
        cap_text(&mut small, 1);
        assert!(small.facts.is_empty());
    }
}
