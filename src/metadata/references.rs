//! References to entries on the case's own docket (`Dkt. No. 305`, `ECF No. 16`,
//! `Doc. Nos. 647, 684`, `[Doc. No. 684-2]`), normalised to entry numbers.
//!
//! An entry number is followed by neither a digit, `:`, `/`, `.` and a digit, nor a
//! letter: `Docket No. 20-1234` and `Docket No. 3:20-cv-04512` are case numbers and
//! `Doc. 12/15/2020` a date, so none of them is an entry.

use once_cell::sync::Lazy;
use regex::Regex;

static REF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:dkt|docket|ecf|doc|d\.e)\.?\s*(?:entry\s*)?(?:nos?\.?|#)?\s*:?\s*(\d{1,5}(?:-\d{1,3})?(?:\s*(?:,|and|&)\s*\d{1,5}(?:-\d{1,3})?)*)")
        .unwrap()
});

static NUM: Lazy<Regex> = Lazy::new(|| Regex::new(r"\d{1,5}(?:-\d{1,3})?").unwrap());

/// Whether the number list ends where an entry number may end.
fn ends_cleanly(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    match rest.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || matches!(c, ':' | '/' | '-' | '–') => false,
        Some('.' | ',') => !rest.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Docket-entry numbers referred to in the text, in order of first mention.
pub fn find_entries(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in REF.captures_iter(text) {
        let Some(list) = c.get(1) else { continue };
        if !ends_cleanly(text, list.end()) {
            continue;
        }
        for n in NUM.find_iter(list.as_str()) {
            let n = n.as_str().trim_start_matches('0').to_string();
            if !n.is_empty() && !n.starts_with('-') && !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let t = "(\"Motion,\" Dkt. No. 305.) See ECF No. 16 ¶ 36. [Doc. Nos. 647, 684] Sur-Reply [Doc. No. 684-2].";
        assert_eq!(find_entries(t), ["305", "16", "647", "684", "684-2"]);
        // A North Carolina opinion's form: the paragraphs after it are not entries.
        assert_eq!(
            find_entries("Fourth Am. Compl. (Doc. 208) ¶¶ 39–40"),
            ["208"]
        );
    }

    #[test]
    fn case_numbers_dates_and_citations_are_not_entries() {
        for text in [
            "Docket No. 20-1234",
            "Docket No. 3:20-cv-04512-JSC",
            "Docket Nos. 2021-0034 and 2021-0035",
            "Doc. 12/15/2020",
            "Dkt. 5:19-cv-01234",
            "Docket No. 570613/17",
        ] {
            assert!(
                find_entries(text).is_empty(),
                "{text}: {:?}",
                find_entries(text)
            );
        }
    }
}
