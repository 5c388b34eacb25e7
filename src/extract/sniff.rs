//! Deciding what kind of file we were handed. Court filings arrive with wrong or
//! missing extensions (a `.pdf` that is really a text file, HTML saved as `.txt`), so
//! the content decides and the extension only breaks ties.

use super::{ExtractError, Format};

/// Bytes looked at for magic numbers and markup.
const SNIFF_LEN: usize = 1024;

/// Markers that only HTML (or XHTML) documents start with, checked case-insensitively.
const HTML_MARKERS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<meta ",
    "<title",
    "<script",
    "<style",
    "<div",
    "<table",
    "<link ",
    "<?xml version",
];

/// Decide the format of `bytes`, using `ext` (lowercase, without dot) as a hint.
pub fn sniff(bytes: &[u8], ext: Option<&str>) -> Result<Format, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if looks_binary(head) {
        return Err(ExtractError::NotAFiling);
    }
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let strong_html = HTML_MARKERS
        .iter()
        .filter(|m| **m != "<?xml version")
        .any(|m| find(&lower, m.as_bytes()).is_some());
    if strong_html {
        return Ok(Format::Html);
    }
    let html_ext = matches!(ext, Some("html" | "htm" | "xhtml"));
    // An HTML fragment (`<p>`, `<div>`) is only trusted when the name agrees.
    if html_ext && (find(&lower, b"<p").is_some() || find(&lower, b"<div").is_some()) {
        return Ok(Format::Html);
    }
    if html_ext && find(&lower, b"<?xml version").is_some() {
        return Ok(Format::Html);
    }
    Ok(Format::Text)
}

/// Text files have no NULs (UTF-16 aside) and few control characters; anything else is
/// an image, archive or word-processor file we cannot read.
fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 20 > head.len()
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(sniff(b"hello court", Some("pdf")), Ok(Format::Text));
        assert_eq!(sniff(b"junk\n%PDF-1.4\n", Some("txt")), Ok(Format::Pdf));
        assert_eq!(sniff(b"\n<!DOCTYPE HTML>", Some("txt")), Ok(Format::Html));
        assert_eq!(sniff(b"<p>fragment</p>", Some("html")), Ok(Format::Html));
        assert_eq!(sniff(b"<p>fragment</p>", Some("txt")), Ok(Format::Text));
    }

    #[test]
    fn empty_and_binary_are_skipped() {
        assert_eq!(sniff(b"", None), Err(ExtractError::Empty));
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0", Some("pdf")),
            Err(ExtractError::NotAFiling)
        );
    }
}
