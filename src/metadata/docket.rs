//! Docket numbers in every form courts print them, reduced to one canonical key.
//!
//! The same function, [`normalize`], reads what a court prints (`Case No.: 3:17-cv-02366-BAS-KSC`,
//! `CV 20-9893 JGB (SHKx)`, `No. 11–889`) and what a user types into a search box
//! (`17-cv-2366`), so that the index and the query meet on the same key.
//! [`find_dockets`] locates docket numbers in a filing's text.

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// One docket number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocketNumber {
    /// As printed in the filing.
    pub raw: String,
    /// Canonical key: `17-cv-2366` for district cases (year, type, number without leading
    /// zeros), `19-16487` for appellate and other numbers.
    pub canonical: String,
    /// Division/office prefix (`3` in `3:17-cv-02366`), if printed.
    pub office: Option<String>,
    /// Judge initials suffix (`BAS-KSC`, `JGB (SHKx)`), if printed.
    pub judges: Option<String>,
}

/// Words that introduce a docket number but are not part of it.
static PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:civil|criminal|bankruptcy|adversary|appeal|record|docket|case|court\s+of\s+appeals|district\s+court|misc\.?|action|proceeding|petition|index)\s*)*(?:(?:no|nos|number|num)\b\.?|#)?\s*[:.]?\s*",
    )
    .unwrap()
});

/// District/bankruptcy form with the case type between year and number:
/// `3:17-cv-02366-BAS-KSC`, `1:20CV457`, `2:17-cr-00378-SPL-1`, `18CV001704`.
static DISTRICT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(\d{1,2})\s*:\s*)?(\d{2})\s*-?\s*([a-z]{2,3})\s*-?\s*(\d{1,7})\b(.*)$")
        .unwrap()
});

/// Type printed before the number: `CV 20-9893 JGB (SHKx)`, `MDL 15-02641-PHX-DGC`.
static TYPE_FIRST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(cv|cr|mj|mc|md|mdl|bk|ap|civ|crim)\.?\s*(\d{2})\s*-\s*(\d{1,7})\b(.*)$")
        .unwrap()
});

/// Maryland's appellate courts number cases within a term: `No. 2069, Sept. Term, 2017`,
/// `Misc. Docket AG No. 11, September Term, 2013` (after the label words are stripped,
/// `AG No. 11, Sept. Term, 2013`). The term belongs to the number: every term restarts
/// at 1.
static TERM: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(AG|Misc\.?)\s+)?(?:No\.?\s*)?(\d{1,5})[,.]?\s+Sept(?:ember|\.)?\s+Term,?\s+(\d{4})$")
        .unwrap()
});

/// Year-number form shared by appellate and bankruptcy courts: `19-16487`,
/// `20-30242 (HLB)`, `18-53173-jwc`.
static YEAR_NUMBER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{2})\s*-\s*(\d{1,7})\b(.*)$").unwrap());

/// A judge-initials suffix: letters (and parenthesised letters) separated by dashes or
/// spaces, optionally ending in a defendant number (`-1`) that is not part of the key.
static JUDGE_SUFFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^[\s-]*((?:\(?[A-Za-z]{1,6}\)?)(?:[\s-]+\(?[A-Za-z]{1,6}\)?)*)?(?:-(\d{1,2}))?\s*$",
    )
    .unwrap()
});

fn dashes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect()
}

fn strip_zeros(n: &str) -> String {
    let t = n.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

/// Canonical case-type code: `civ`/`CV` → `cv`, `crim` → `cr`, `mdl` → `md`.
fn type_code(t: &str) -> String {
    let t = t.to_ascii_lowercase();
    match t.as_str() {
        "civ" => "cv".into(),
        "crim" => "cr".into(),
        "mdl" => "md".into(),
        _ => t,
    }
}

/// What follows the number, if it reads as judge initials; `None` when empty.
fn judges_of(rest: &str) -> Option<String> {
    let caps = JUDGE_SUFFIX.captures(rest)?;
    caps.get(1)
        .map(|m| m.as_str().trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Whether `rest` is something we accept after a number (judges, defendant number, nothing).
fn tail_ok(rest: &str) -> bool {
    JUDGE_SUFFIX.is_match(rest)
}

/// Parse a docket number as a person types or a court prints it.
pub fn normalize(raw: &str) -> Option<DocketNumber> {
    let cleaned = dashes(raw);
    let trimmed = cleaned.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    if trimmed.is_empty() || trimmed.len() > 80 {
        return None;
    }
    // A label can follow another mark ("# Civil Action No. 12"): strip labels until none
    // is left, so that a canonical key normalises to itself.
    let mut body = trimmed;
    while let Some(m) = PREFIX.find(body).filter(|m| m.end() > 0) {
        body = body[m.end()..].trim_start();
    }
    let body = body.trim();
    if !body.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let raw_out = trimmed.to_string();

    if let Some(c) = TERM.captures(body) {
        let prefix = c
            .get(1)
            .map(|m| format!("{} ", m.as_str().trim_end_matches('.').to_ascii_lowercase()))
            .unwrap_or_default();
        return Some(DocketNumber {
            raw: raw_out,
            canonical: format!("{prefix}{} sept. term {}", strip_zeros(&c[2]), &c[3]),
            office: None,
            judges: None,
        });
    }
    if let Some(c) = TYPE_FIRST.captures(body) {
        let rest = c.get(4).map_or("", |m| m.as_str());
        if tail_ok(rest) {
            return Some(DocketNumber {
                raw: raw_out,
                canonical: format!("{}-{}-{}", &c[2], type_code(&c[1]), strip_zeros(&c[3])),
                office: None,
                judges: judges_of(rest),
            });
        }
    }
    if let Some(c) = DISTRICT.captures(body) {
        let rest = c.get(5).map_or("", |m| m.as_str());
        if tail_ok(rest) {
            return Some(DocketNumber {
                raw: raw_out,
                canonical: format!("{}-{}-{}", &c[2], type_code(&c[3]), strip_zeros(&c[4])),
                office: c.get(1).map(|m| m.as_str().to_string()),
                judges: judges_of(rest),
            });
        }
    }
    if let Some(c) = YEAR_NUMBER.captures(body) {
        let rest = c.get(3).map_or("", |m| m.as_str());
        if tail_ok(rest) {
            return Some(DocketNumber {
                raw: raw_out,
                canonical: format!("{}-{}", &c[1], strip_zeros(&c[2])),
                office: None,
                judges: judges_of(rest),
            });
        }
    }
    // Anything else (state courts, tax court, agencies) is kept as printed, lowercased,
    // with runs of whitespace collapsed: `2007AP2491`, `B266015`, `402 MAL 2011`.
    let other: String = body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let other = other.trim_end_matches(['.', ',']);
    let other = if other.ends_with(')') && !other.contains('(') {
        other.trim_end_matches(')')
    } else {
        other
    }
    .to_string();
    if other.is_empty()
        || other.len() > 40
        || !other.chars().next().is_some_and(|c| c.is_alphanumeric())
    {
        return None;
    }
    Some(DocketNumber {
        raw: raw_out,
        canonical: other,
        office: None,
        judges: None,
    })
}

/// Keys to index for a docket number, best first. Always starts with the canonical key;
/// for district forms (`17-cv-2366`) also gives the type-less `17-2366`, which is what
/// `normalize` makes of a user typing `17-2366` or `20-9893`. Searching should look up
/// `normalize(input).canonical` among these keys.
pub fn search_keys(d: &DocketNumber) -> Vec<String> {
    let mut keys = vec![d.canonical.clone()];
    let parts: Vec<&str> = d.canonical.split('-').collect();
    if parts.len() == 3
        && parts[0].len() == 2
        && parts[0].chars().all(|c| c.is_ascii_digit())
        && parts[1].chars().all(|c| c.is_ascii_alphabetic())
        && parts[2].chars().all(|c| c.is_ascii_digit())
    {
        keys.push(format!("{}-{}", parts[0], parts[2]));
    }
    keys
}

/// Docket numbers introduced by a label (`Case No.`, `No.`, `Docket #:`...).
static LABELLED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?im)(?:\bcase\s+(?:no\b\.?|number[ \t]*:?[ \t]*\n?)|^[ \t]*case:[ \t]*\n?|\bcase\s*#|\bdocket\s*(?:nos?\b\.?|#|number(?:\(s\))?)|\bpetition\s*#|\bproceeding\s*#|\brecord\s+no\b\.?|\bcivil\s+action\s+no\b\.?|\bNos?\.|\bindex\s+no\b\.?|^[ \t]*re:)[ \t]*:?[ \t]*((?:[A-Z]{1,5}[ \t-]?)?[0-9][^\n]{0,80}(?:,[ \t]*\n[^\n]{0,40}|\n[ \t]*\d[0-9A-Za-z-]{2,20}\.?[ \t]*$)?)",
    )
    .unwrap()
});

/// Unlabelled district numbers (`3:17-cv-02366-BAS`), common in running heads and dockets.
static BARE_DISTRICT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(\d{1,2}:\d{2}-[a-zA-Z]{2,3}-\d{3,7}(?:-[A-Za-z]{1,5})*(?:-\d{1,2})?)\b")
        .unwrap()
});

/// Cut a list piece where the number plainly ends: judges in parentheses belong to
/// the number, a reporter parenthetical or following prose does not.
fn candidate_cut(s: &str) -> &str {
    match STOP.find(s) {
        Some(m) => &s[..m.start()],
        None => s,
    }
}

static STOP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s+(?:[A-Z][a-z]|[a-z]{3,}|\d{1,2}/\d)|\(\s*(?:[A-Z]\.|[a-z]|\d)|\s{2,}").unwrap()
});

/// Whether a parsed number looks like a docket number rather than a page, year or price.
fn plausible(d: &DocketNumber) -> bool {
    let c = &d.canonical;
    let digits = c.chars().filter(|c| c.is_ascii_digit()).count();
    if digits < 3 {
        return false;
    }
    // A bare 4-digit number is far more often a year or page than a docket number.
    if c.chars().all(|c| c.is_ascii_digit()) && c.len() <= 4 {
        return false;
    }
    true
}

/// A head-matter line that is nothing but a case number: `B266015`, `S17884`,
/// `2020-09425, (Index No. 707503/15)`; or a number that ends a caption's first line
/// in the right column (`THE PEOPLE, B301234`).
static ALONE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?m)(?:^|,)[ \t]*([A-Z]{1,3}\d{5,8}|\d{4}-\d{4,6})[ \t]*(?:,[ \t]*\([^)\n]*\))?[ \t]*$",
    )
    .unwrap()
});

/// A term-numbered docket as printed (see [`TERM`]).
static TERM_IN_TEXT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b((?:(?:Misc\.?\s+Docket\s+)?(?:AG|Misc\.?)\s+)?No\.?\s*\d{1,5}[,.]?\s+Sept(?:ember|\.)?\s+Term,?\s+\d{4})\b")
        .unwrap()
});

/// An agency's file number on its own "File:" line: the Comptroller General's
/// `File: B-424592` (`B-402118; B-402118.2` for joined protests), the value at times
/// a line or two below the label.
static AGENCY_FILE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:File|FILE)[ \t]*:[ \t]*(?:\n[ \t]*){0,2}(B-\d{5,6}(?:\.\d{1,2})?(?:[ \t]*[;,][ \t]*B-\d{5,6}(?:\.\d{1,2})?)*)")
        .unwrap()
});

/// Find docket numbers in text, in order of appearance, deduplicated by canonical key.
pub fn find_dockets(text: &str) -> Vec<DocketNumber> {
    let mut found: Vec<(usize, DocketNumber)> = Vec::new();
    for c in AGENCY_FILE.captures_iter(text) {
        if let Some(m) = c.get(1) {
            for piece in split_list(m.as_str()) {
                if let Some(d) = normalize(piece) {
                    found.push((m.start(), d));
                }
            }
        }
    }
    for c in TERM_IN_TEXT.captures_iter(text) {
        if let Some(m) = c.get(1)
            && let Some(d) = normalize(m.as_str())
        {
            found.push((m.start(), d));
        }
    }
    for c in ALONE.captures_iter(text) {
        if let (Some(m), Some(d)) = (c.get(1), c.get(1).and_then(|m| normalize(m.as_str()))) {
            found.push((m.start(), d));
        }
    }
    for caps in LABELLED.captures_iter(text) {
        let (Some(all), Some(m)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if is_entry_reference(&text[..all.start()]) || is_instrument_reference(&text[..all.start()])
        {
            continue;
        }
        // "Doe, Registry Bd. No. 10800 v. Registry Bd.": part of a cited case's name.
        let after = m
            .as_str()
            .trim_start_matches(|c: char| c.is_alphanumeric() || c == '-');
        if after.starts_with(" v. ") || after.starts_with(" v ") {
            continue;
        }
        // Lists run on (`Nos. 19031-13, 27735-13, Filed February 20, 2020.\n11905-14.`
        // when columns merge): skip one stray piece, stop at the second.
        let mut misses = 0;
        for piece in split_list(m.as_str()) {
            match normalize(candidate_cut(piece)).filter(plausible) {
                Some(d) => {
                    found.push((m.start(), d));
                    misses = 0;
                }
                None => {
                    misses += 1;
                    if misses >= 3 || found.is_empty() {
                        break;
                    }
                }
            }
        }
    }
    for m in BARE_DISTRICT.find_iter(text) {
        if let Some(d) = normalize(m.as_str()) {
            found.push((m.start(), d));
        }
    }
    found.sort_by_key(|(pos, _)| *pos);
    let mut out: Vec<DocketNumber> = Vec::new();
    for (_, d) in found {
        if !out.iter().any(|o| o.canonical == d.canonical) {
            out.push(d);
        }
    }
    out
}

/// `Dkt. No. 305`, `ECF No. 16`: a docket-entry reference, not a docket number.
fn is_entry_reference(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    let tail = tail.trim_end();
    [
        "dkt.", "dkt", "ecf", "doc.", "doc", "docket", "entry", "exhibit", "ex.", "document",
    ]
    .iter()
    .any(|w| tail.ends_with(w))
}

/// `solicitation No. PSC-26-034-INL`, `request for proposals (RFP) No. DTFH61-98-R-00087`,
/// `Contract No. ...`: a procurement instrument's number, which bid protests and contract
/// appeals cite throughout, is not the case's docket number.
fn is_instrument_reference(before: &str) -> bool {
    let start = crate::metadata::court::floor_char(before, before.len().saturating_sub(48));
    let mut tail = before[start..].trim_end().to_ascii_lowercase();
    // "(RFP) No.", "solicitation (No. ...)"
    loop {
        let t = tail.trim_end();
        if let Some(t) = t.strip_suffix('(') {
            tail = t.to_string();
        } else if t.ends_with(')')
            && let Some(open) = t.rfind('(')
            && t.len() - open <= 8
        {
            tail = t[..open].to_string();
        } else {
            break;
        }
    }
    let tail = tail.trim_end();
    [
        "solicitation",
        "contract",
        "task order",
        "delivery order",
        "purchase order",
        "request for proposals",
        "request for quotations",
        "invitation for bids",
        "rfp",
        "rfq",
        "ifb",
    ]
    .iter()
    .any(|w| {
        tail.ends_with(w)
            && !tail[..tail.len() - w.len()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
    })
}

/// Split `A, B & C` / `A and B` lists of numbers.
fn split_list(s: &str) -> Vec<&str> {
    s.split([',', '&', ';', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_after_a_hash_mark_is_stripped_so_the_key_normalises_to_itself() {
        let once = normalize("#Civil Action No. 00 0").expect("a number");
        assert_eq!(once.canonical, "00 0");
        let twice = normalize(&once.canonical).expect("a number");
        assert_eq!(twice.canonical, once.canonical);
    }

    fn key(s: &str) -> String {
        normalize(s).map(|d| d.canonical).unwrap_or_default()
    }

    #[test]
    fn district_forms() {
        let d = normalize("3:17-cv-02366-BAS-KSC").unwrap();
        assert_eq!(d.canonical, "17-cv-2366");
        assert_eq!(d.office.as_deref(), Some("3"));
        assert_eq!(d.judges.as_deref(), Some("BAS-KSC"));
        let d = normalize("CV 20-9893 JGB (SHKx)").unwrap();
        assert_eq!(d.canonical, "20-cv-9893");
        assert_eq!(d.judges.as_deref(), Some("JGB (SHKx)"));
        assert_eq!(key("4:21-cv-02632-DMR"), "21-cv-2632");
        assert_eq!(key("1:20-cr-00123"), "20-cr-123");
        assert_eq!(key("Case No.: 3:17-cv-02366"), "17-cv-2366");
        assert_eq!(key("1:20CV457"), "20-cv-457");
        let d = normalize("2:17-cr-00378-SPL-1").unwrap();
        assert_eq!(d.canonical, "17-cr-378");
        assert_eq!(d.raw, "2:17-cr-00378-SPL-1");
        assert_eq!(d.judges.as_deref(), Some("SPL"));
        assert_eq!(key("1:11-cv-00637-NONE-EPG"), "11-cv-637");
    }

    #[test]
    fn user_input_meets_printed_form() {
        assert_eq!(key("17-cv-2366"), key("Case No.: 3:17-cv-02366-BAS-KSC"));
        assert_eq!(key("3:17-cv-02366"), "17-cv-2366");
        assert_eq!(key("20-cv-9893"), key("CV 20-9893 JGB (SHKx)"));
        let printed = normalize("CV 20-9893 JGB (SHKx)").unwrap();
        assert!(search_keys(&printed).contains(&key("20-9893")));
    }

    #[test]
    fn appellate_bankruptcy_state() {
        assert_eq!(key("No. 19-16487"), "19-16487");
        assert_eq!(key("No. 11\u{2013}889"), "11-889");
        let d = normalize("20-30242 (HLB)").unwrap();
        assert_eq!(d.canonical, "20-30242");
        assert_eq!(d.judges.as_deref(), Some("(HLB)"));
        let d = normalize("18-53173-jwc").unwrap();
        assert_eq!(d.canonical, "18-53173");
        assert_eq!(d.judges.as_deref(), Some("jwc"));
        assert_eq!(key("No. 2007AP2491"), "2007ap2491");
        assert_eq!(key("B266015"), "b266015");
        assert_eq!(key("S17884"), "s17884");
        assert_eq!(key("No. CAAP-13-0000182"), "caap-13-0000182");
        assert_eq!(key("01-25-00011-CV"), "01-25-00011-cv");
    }

    #[test]
    fn finds_in_text() {
        let t =
            "UNITED STATES DISTRICT COURT\nCase No. **CV 20-9893 JGB (SHKx)** Date April 5, 2024";
        let t = t.replace("**", "");
        let ds = find_dockets(&t);
        assert_eq!(ds[0].canonical, "20-cv-9893");
        let ds = find_dockets("Nos. A03A1064, A03A1065.\n");
        let keys: Vec<_> = ds.iter().map(|d| d.canonical.as_str()).collect();
        assert_eq!(keys, ["a03a1064", "a03a1065"]);
        let ds = find_dockets("CIVIL DOCKET FOR CASE #: 3:08-cv-00159-WHA\nBalbo v. Tilton");
        assert_eq!(ds[0].canonical, "08-cv-159");
        // PACER's bankruptcy adversary proceedings, as two courts print them.
        let ds = find_dockets("District of Minnesota (Duluth)\nAdversary Proceeding #: 10-05004\n");
        assert_eq!(ds[0].canonical, normalize("10-05004").unwrap().canonical);
        let ds = find_dockets("Adversary Proceeding #: 09-01535-jmp\nAssigned to: Judge");
        assert_eq!(ds[0].canonical, normalize("09-01535").unwrap().canonical);
    }

    #[test]
    fn term_numbered_dockets() {
        assert_eq!(
            key("Misc. Docket AG No. 11, September Term, 2013"),
            key("Misc. Docket AG No. 11, Sept. Term, 2013")
        );
        assert_eq!(key("AG No. 11, Sept. Term, 2013"), "ag 11 sept. term 2013");
        let ds =
            find_dockets("Court of Special Appeals, No. 2069, Sept. Term, 2017 (unreported)\n");
        assert_eq!(ds[0].canonical, "2069 sept. term 2017");
        let ds = find_dockets("v. Runan ZHANG.\nMisc. Docket AG No. 11, Sept. Term, 2013.\n");
        assert_eq!(ds[0].canonical, "ag 11 sept. term 2013");
    }

    #[test]
    fn agency_files_and_procurement_numbers() {
        let t = "Decision\nMatter of:\n\nDavos Francois\n\nFile:\n\nB-424592\n\nDate:\n\nAugust 17, 2026\n\nprotests the terms of solicitation\nNo. PSC-26-034-INL, issued by the agency. The agency issued a solicitation (No. PSC-26-012-INL) to";
        let keys: Vec<String> = find_dockets(t).into_iter().map(|d| d.canonical).collect();
        assert_eq!(keys, ["b-424592"]);
        let t =
            "Matter of: Dixon Group, Inc.\nFile: B-402118; B-402118.2\nDate: January 15, 2010\n";
        let keys: Vec<String> = find_dockets(t).into_iter().map(|d| d.canonical).collect();
        assert_eq!(keys, ["b-402118", "b-402118.2"]);
        let t = "pursuant to request for proposals (RFP) No. DTFH61-98-R-00087, issued by the FHWA";
        assert!(find_dockets(t).is_empty());
        let t = "under invitation for bids (IFB) No. DACW62-78-H-0050, issued";
        assert!(find_dockets(t).is_empty());
    }

    #[test]
    fn rejects_noise() {
        assert!(normalize("").is_none());
        assert!(normalize("No.").is_none());
        assert!(normalize("hello").is_none());
    }
}
