//! The court of a filing that names itself only by its own public-domain citation.
//!
//! Many state courts print an opinion's neutral citation (`2023 WI 50`,
//! `2019-Ohio-1234`, `2020 IL App (1st) 191234-U`, `T.C. Memo. 2019-12`) above the
//! caption, and case-law pages open with it; when no court line is printed, that
//! citation says which court issued the opinion. The forms and their courts are data
//! (`data/reporters/neutral.tsv`, derived from reporters-db's neutral reporters).
//! Only the first lines of the head are read, and only where the citation opens its
//! line or follows `Cite as` or a case name: a neutral citation in the body or in a
//! prior-history line cites another decision.

use once_cell::sync::Lazy;
use regex::bytes::{Regex, RegexBuilder};

use super::Court;
use super::court;

const NEUTRAL_TSV: &str = include_str!("../../data/reporters/neutral.tsv");

/// How many non-empty lines at the top of a filing may carry its own citation.
const TOP_LINES: usize = 10;

/// Lines longer than this are running text, not a citation line.
const MAX_LINE: usize = 160;

/// Printed forms and their courts, longest form first so that `IL App (1st)` wins over
/// `IL`.
static FORMS: Lazy<Vec<(&'static str, &'static str)>> = Lazy::new(|| {
    let mut rows: Vec<(&str, &str)> = NEUTRAL_TSV
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect();
    rows.sort_by_key(|(printed, _)| std::cmp::Reverse(printed.len()));
    rows
});

/// A citation at the start of a line (after `[`, `Cite as:`, or a case name and its
/// comma): year first (`2023 WI 50`, `2019-Ohio-1234`) or, for the Tax Court's forms,
/// the reporter first (`T.C. Memo. 2019-12`). Group 1 or 2 is the printed form.
static CITE: Lazy<Regex> = Lazy::new(|| {
    let alt = FORMS
        .iter()
        .map(|(p, _)| regex::escape(p).replace(r"\ ", r"\s?"))
        .collect::<Vec<_>>()
        .join("|");
    let lead = r"^[\s\[(]*(?:(?i:cite\s+as):?\s*)?(?:[^\n]{1,140}?,\s+)?";
    let sep = r"(?:\s+|\s*-\s*)";
    let src = format!(
        r"{lead}(?:(?:19|20)\d\d{sep}({alt}){sep}\d{{1,7}}|({alt})\s+(?:19|20)\d\d-\d{{1,5}})\b"
    );
    RegexBuilder::new(&src)
        .unicode(false)
        .build()
        .expect("neutral citation pattern compiles")
});

/// The court whose neutral citation heads the filing, if one does.
pub fn find(head: &str) -> Option<Court> {
    let top = head
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(TOP_LINES)
        .filter(|l| l.len() <= MAX_LINE);
    for line in top {
        // A cheap test before the pattern: every year-first form has a four-digit year.
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(caps) = CITE.captures(line.as_bytes()) else {
            continue;
        };
        let Some(printed) = caps.get(1).or_else(|| caps.get(2)) else {
            continue;
        };
        let printed = String::from_utf8_lossy(printed.as_bytes());
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let id = FORMS
            .iter()
            .find(|(p, _)| squeeze(p) == squeeze(&printed))
            .map(|(_, id)| *id)?;
        return court::by_id(id);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(head: &str) -> Option<String> {
        find(head).map(|c| c.id)
    }

    #[test]
    fn own_citation_names_the_court() {
        assert_eq!(
            id("2023 WI 50\nS C W\nCASE NO.: 2021AP938-CR").as_deref(),
            Some("wis")
        );
        assert_eq!(
            id("2024 WI App 36\nPUBLISHED OPINION").as_deref(),
            Some("wisctapp")
        );
        assert_eq!(
            id("[Cite as State v. Hill, 2021-Ohio-1234.]\n").as_deref(),
            Some("ohio")
        );
        assert_eq!(
            id("2020 IL App (1st) 191234-U\nNo. 1-19-1234").as_deref(),
            Some("illappct")
        );
        assert_eq!(id("2005-NMCA-078\n").as_deref(), Some("nmctapp"));
        assert_eq!(
            id("T.C. Memo. 2019-12\nUNITED STATES").as_deref(),
            Some("tax")
        );
        assert_eq!(
            id("Wootan v. State, 2024 ND 143\nNo. 20240025").as_deref(),
            Some("nd")
        );
    }

    #[test]
    fn citations_in_running_text_are_not_the_court() {
        // A cited decision in the body, past the top lines.
        let body = "ORDER\n\n".to_string() + &"The court considered the motion.\n".repeat(12);
        assert_eq!(id(&(body + "See 2019 WI 42.\n")), None);
        // A citation inside a sentence does not open its line.
        assert_eq!(
            id("ORDER\nAs held in Smith (see 2019 WI 42), we affirm.\n"),
            None
        );
        // Docket numbers and dates are not citations.
        assert_eq!(id("No. 2019-1234\nFiled 2019-05-01\n"), None);
    }
}
