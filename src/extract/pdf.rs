//! PDF text extraction in-process: pdf-extract page by page, with checks that decide
//! when its output cannot be trusted (errors, panics, text silently dropped) so the next
//! step of [`super::chain`] must read the file, and with detection of scanned pages.

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::chain::Attempt;
use super::{Distrust, Extracted, Format, Note, Tool};
use crate::clean::headers::strip_header_lines;

/// A page with images and fewer words than this (outside ECF stamps) is a scan.
const SCAN_MAX_WORDS: usize = 8;

/// pdf-extract must reproduce at least this share of the glyph bytes the content
/// streams show. Two-byte CID fonts make an honest extraction about 0.5, so the bar is
/// well below that; ghostscript's `'`-operator output scores near zero.
const MIN_SHOWN_RATIO: f64 = 0.3;

/// What the content streams of one page contain, as counted by our own scan.
#[derive(Debug, Default, Clone, Copy)]
pub struct PageScan {
    /// Non-space bytes in strings shown by Tj, TJ, ' and ".
    pub shown_bytes: usize,
    /// The part of `shown_bytes` shown by ' and ", which pdf-extract ignores.
    pub quote_op_bytes: usize,
    /// Image XObjects or inline images drawn on the page.
    pub has_images: bool,
}

/// Read the text layer of a PDF with pdf-extract alone (no fallback, no OCR; scanned
/// pages are listed in `Extracted::scanned_pages`), and say whether it can be trusted.
pub fn pdf_extract(bytes: &[u8]) -> Attempt {
    let untrusted = |why| Attempt::Untrusted {
        why,
        partial: None,
        images: Vec::new(),
    };
    let doc = match catch_unwind(AssertUnwindSafe(|| Document::load_mem(bytes))) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return untrusted(Distrust::ParseFailed(e.to_string())),
        Err(_) => return untrusted(Distrust::Panicked),
    };
    // lopdf already tried the empty user password while loading; still encrypted means
    // a real user password is needed, or lopdf lacks the cipher (AES-256); poppler
    // tells the two apart.
    if doc.is_encrypted() {
        return untrusted(Distrust::CannotDecrypt);
    }
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    if pages.is_empty() {
        return untrusted(Distrust::NoPages);
    }

    let mut texts = Vec::with_capacity(pages.len());
    let mut scans = Vec::with_capacity(pages.len());
    let mut failed_pages = 0usize;
    for &(num, id) in &pages {
        scans.push(scan_page(&doc, id));
        match extract_page(&doc, num) {
            Some(t) => texts.push(t),
            None => {
                failed_pages += 1;
                texts.push(String::new());
            }
        }
    }

    let shown: usize = scans.iter().map(|s| s.shown_bytes).sum();
    let quoted: usize = scans.iter().map(|s| s.quote_op_bytes).sum();
    let got: usize = texts.iter().map(|t| non_space_chars(t)).sum();
    let lost =
        (shown >= 40 && (got as f64) < MIN_SHOWN_RATIO * shown as f64) || (shown > 0 && got == 0);
    // pdf-extract skips ' and " entirely: if it read them, `got` would be near `shown`;
    // if not, near the non-quote part at most.
    let quote_loss = quoted >= 40 && 4 * got < 4 * (shown - quoted) + quoted;
    let why = if failed_pages > 0 {
        Some(Distrust::PagesFailed {
            failed: failed_pages,
            of: pages.len(),
        })
    } else if got == 0 && !scans.iter().any(|s| s.has_images) {
        // Nothing at all and no images: either the file has no text or pdf-extract
        // could not read it (bad stream lengths); poppler decides which.
        Some(Distrust::NoText)
    } else if quote_loss || lost {
        Some(Distrust::LostText)
    } else {
        None
    };
    let images: Vec<bool> = scans.iter().map(|s| s.has_images).collect();
    let ex = finish(texts, &images, Tool::PdfExtract, Vec::new());
    match why {
        Some(why) => Attempt::Untrusted {
            why,
            partial: Some(ex),
            images,
        },
        None => Attempt::Read(ex),
    }
}

/// pdf-extract on one page; None when it errors or panics.
fn extract_page(doc: &Document, num: u32) -> Option<String> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut s = String::new();
        let r = {
            let mut out = pdf_extract::PlainTextOutput::new(&mut s);
            pdf_extract::output_doc_page(doc, &mut out, num)
        };
        r.map(|_| s)
    }));
    match result {
        Ok(Ok(s)) => Some(s),
        _ => None,
    }
}

/// Assemble the result and list pages that look scanned.
pub(super) fn finish(
    pages: Vec<String>,
    images: &[bool],
    method: Tool,
    facts: Vec<Note>,
) -> Extracted {
    let scanned_pages = pages
        .iter()
        .enumerate()
        .filter(|(i, text)| {
            let has_images = images.get(*i).copied().unwrap_or(false);
            has_images && word_count(&strip_header_lines(text)) < SCAN_MAX_WORDS
        })
        .map(|(i, _)| i + 1)
        .collect();
    let mut ex = Extracted::new(Format::Pdf, pages, method.name());
    ex.scanned_pages = scanned_pages;
    for fact in facts {
        ex.note(fact);
    }
    ex
}

/// Count what the page's content streams show and whether they draw images.
pub fn scan_page(doc: &Document, page: ObjectId) -> PageScan {
    let mut scan = PageScan::default();
    let resources = page_xobjects(doc, page);
    scan.has_images = resources.iter().any(|d| has_image(doc, d, 0));
    let Ok(data) = doc.get_page_content(page) else {
        return scan;
    };
    let Ok(content) = catch_unwind(AssertUnwindSafe(|| Content::decode(&data))) else {
        return scan;
    };
    let Ok(content) = content else {
        return scan;
    };
    for op in &content.operations {
        match op.operator.as_str() {
            "Tj" | "TJ" => scan.shown_bytes += operand_bytes(&op.operands),
            "'" | "\"" => {
                let n = operand_bytes(&op.operands);
                scan.shown_bytes += n;
                scan.quote_op_bytes += n;
            }
            "BI" | "ID" => scan.has_images = true,
            _ => {}
        }
    }
    scan
}

fn operand_bytes(operands: &[Object]) -> usize {
    operands
        .iter()
        .map(|o| match o {
            Object::String(s, _) => s.iter().filter(|&&b| b != b' ' && b != 0).count(),
            Object::Array(a) => operand_bytes(a),
            _ => 0,
        })
        .sum()
}

/// The /XObject dictionaries of the page and its ancestors.
fn page_xobjects(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let mut out = Vec::new();
    let Ok((direct, ids)) = doc.get_page_resources(page) else {
        return out;
    };
    let dicts = direct
        .into_iter()
        .chain(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    for res in dicts {
        if let Ok(x) = res.get(b"XObject")
            && let Ok((_, Object::Dictionary(d))) = doc.dereference(x)
        {
            out.push(d);
        }
    }
    out
}

/// Whether an /XObject dictionary holds an image, looking one level into forms
/// (scanners often wrap the page image in a form).
fn has_image(doc: &Document, xobjects: &Dictionary, depth: usize) -> bool {
    xobjects.iter().any(|(_, v)| {
        let Ok((_, Object::Stream(s))) = doc.dereference(v) else {
            return false;
        };
        match s.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => true,
            Ok(b"Form") if depth < 2 => s
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|r| doc.dereference(r).ok())
                .and_then(|(_, r)| r.as_dict().ok())
                .and_then(|r| r.get(b"XObject").ok())
                .and_then(|x| doc.dereference(x).ok())
                .and_then(|(_, x)| x.as_dict().ok())
                .is_some_and(|x| has_image(doc, x, depth + 1)),
            _ => false,
        }
    })
}

fn non_space_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Words as the coverage check counts them: runs of letters and digits.
pub fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}
