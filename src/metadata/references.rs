//! References to entries on the case's own docket (`Dkt. No. 305`, `ECF No. 16`,
//! `Doc. Nos. 647, 684`, `[Doc. No. 684-2]`), normalised to entry numbers.

use once_cell::sync::Lazy;
use regex::Regex;

static REF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:dkt|docket|ecf|doc|d\.e)\.?\s*(?:entry\s*)?(?:nos?\.?|#)?\s*:?\s*(\d{1,5}(?:-\d{1,3})?(?:\s*(?:,|and|&)\s*\d{1,5}(?:-\d{1,3})?)*)")
        .unwrap()
});

static NUM: Lazy<Regex> = Lazy::new(|| Regex::new(r"\d{1,5}(?:-\d{1,3})?").unwrap());

/// Docket-entry numbers referred to in the text, in order of first mention.
pub fn find_entries(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in REF.captures_iter(text) {
        let Some(list) = c.get(1) else { continue };
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
    }
}
