//! Plain-text filings. Old filings are often Windows-1252, so invalid UTF-8 is read as
//! that rather than rejected; form feeds are page breaks.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decode bytes to a string: BOM-marked UTF-16, else UTF-8, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return UTF_16LE.decode_with_bom_removal(bytes).0.into_owned();
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return UTF_16BE.decode_with_bom_removal(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Split a text into pages at form feeds, dropping a trailing empty page.
pub fn split_pages(text: &str) -> Vec<String> {
    let mut pages: Vec<String> = text.split('\u{000C}').map(str::to_owned).collect();
    while pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_fallback() {
        assert_eq!(
            decode(b"\x93quoted\x94 \xa7 5"),
            "\u{201c}quoted\u{201d} \u{a7} 5"
        );
        assert_eq!(decode("caf\u{e9}".as_bytes()), "caf\u{e9}");
    }

    #[test]
    fn form_feeds_split_pages() {
        assert_eq!(split_pages("a\u{c}b\u{c}"), vec!["a", "b"]);
    }
}
