//! What kind of document a filing is (order, opinion, motion, notice, brief,
//! complaint, joint-statement, docket-sheet, transcript, other), from its title.

use once_cell::sync::Lazy;
use regex::Regex;

/// Docket sheets announce themselves in their header.
static DOCKET_SHEET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)docket\s+for\s+case\s+#|general\s+docket|bankruptcy\s+petition\s+#|case\s+summary|docket\s+search|case\s+information\s*\n|\bcase\s+detail\b")
        .unwrap()
});

/// Title keywords, in the order a title's first keyword decides.
const KINDS: &[(&str, &str)] = &[
    (
        r"joint\s+(?:case\s+management|status|discovery|stipulation|report|statement)",
        "joint-statement",
    ),
    (
        r"(?:memorandum\s+)?opinion(?:\s+and\s+order)?|slip\s+opinion|per\s+curiam",
        "opinion",
    ),
    (
        r"(?:memorandum\s+(?:and|&)\s+)?order\b|minutes?\b.*order|decision\s*(?:&|and)\s*order",
        "order",
    ),
    (r"(?:notice\s+of\s+)?motion\b", "motion"),
    (r"notice\b|docketing\s+notice|letter", "notice"),
    (r"brief\b|memorandum\s+of\s+points", "brief"),
    (r"complaint\b", "complaint"),
    (r"transcript\b", "transcript"),
];

static TITLE_KINDS: Lazy<Vec<(Regex, &'static str)>> = Lazy::new(|| {
    KINDS
        .iter()
        .map(|(p, k)| (Regex::new(&format!(r"(?i)^\W{{0,4}}(?:{p})")).unwrap(), *k))
        .collect()
});

/// Guess the document type from the head of the text; `title` is the title line found.
pub fn find_doc_type(head: &str) -> (Option<String>, Option<String>) {
    let window: String = head.chars().take(3000).collect();
    if DOCKET_SHEET.is_match(&window) {
        return (Some("docket-sheet".into()), None);
    }
    // Titles are printed in capitals; prefer a capitals line, then any line.
    for caps_only in [true, false] {
        for line in head.lines().take(200) {
            let l = line.trim().trim_start_matches(['*', '_', '[']).trim();
            if l.len() < 4 {
                continue;
            }
            let letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
            // Mostly capitals: titles keep "and"/"of" lower case now and then.
            let upper = letters.iter().filter(|c| c.is_uppercase()).count();
            let caps = !letters.is_empty() && upper * 10 >= letters.len() * 8;
            if caps_only && !caps {
                continue;
            }
            let l2 = l.strip_prefix("Proceedings:").map(str::trim).unwrap_or(l);
            for (re, kind) in TITLE_KINDS.iter() {
                if re.is_match(l2) {
                    return (Some((*kind).to_string()), Some(l2.to_string()));
                }
            }
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let k = |h: &str| find_doc_type(h).0.unwrap_or_default();
        assert_eq!(
            k("CIVIL DOCKET FOR CASE #: 3:08-cv-00159-WHA"),
            "docket-sheet"
        );
        assert_eq!(
            k("Opinion\n\nCase No.: 3:17\n\nORDER: (1) GRANTING IN PART"),
            "order"
        );
        assert_eq!(k("**JOINT CASE MANAGEMENT\nSTATEMENT**"), "joint-statement");
        assert_eq!(k("Proceedings: Order (1) GRANTING Plaintiffs"), "order");
    }
}
