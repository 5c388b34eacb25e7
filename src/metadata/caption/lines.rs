//! A filing's head cut into caption lines: the left column of side-by-side layouts,
//! with right-column text (case numbers, hearing details, document titles), citation
//! headings and court-name continuations dropped.

use once_cell::sync::Lazy;
use regex::Regex;

use super::super::names::is_all_caps;
use super::vocab::{ET_AL_END, ROLE_START, ends_with_role};

/// A line that is only the `v.` between the sides.
pub(super) static V_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:v|vs|versus)\.?:?\s*$|^\s*-?\s*against\s*-?\s*$").unwrap()
});

/// A `v.` with the right column's text run into it (`v. DATE: OCTOBER 10, 2019`),
/// accepted only right after a role word line.
pub(super) static V_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*(?:v|vs)\.\s*:?\s+\S").unwrap());

/// Right-column text run into a caption line by side-by-side layouts: case number,
/// hearing details, document title. What follows it on the line is not a party.
static JUNK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s*(?:\b(?i:case\s+no\b|case\s+number\b|civil\s+action\b)|\bDATE:|\bTIME:|\bCOURTROOM|\bCTRM|\bJUDGE:|\bDept\.?:|\bHon\.|\bHonorable\b|\b(?:DEFENDANTS?|PLAINTIFFS?|GOVERNMENT)'?S?'?\s+(?:NOTICE|MOTION|RESPONSE|REPLY|OPPOSITION|MEMORANDUM|ADMINISTRATIVE|STATEMENT)|\bNOTICE\s+OF\b|\bMOTION\b|\bMEMORANDUM\b|\bOPINION\b|\bCOMPLAINT\b|\bDEMAND\s+FOR\s+JURY\b|\bJURY\s+TRIAL\s+DEMANDED\b|\bDECLARATION\b|\bORDER\b|\bJUDGMENT\b|\bPRELIMINARY\s+INJUNCTION\b|\b(?:Record|Docket|Index|Appeal|Case|RECORD|DOCKET|INDEX|APPEAL|CASE)\s+(?:No|NO)\b|\bDECISION\s*(?:AND|\+|&)|\bAdv(?:ersary)?\.?\s+Pro(?:c|ceeding)?\b|\[PROPOSED\]|\(REDACTED\)|\b\d{1,2}:\d{2}-[a-zA-Z]{2,3}-\d+|\b\d{2}-[a-zA-Z]{2}-\d{3,}|\bNo\.\s*(?:MDL\s*)?\d)")
        .unwrap()
});

/// Lines that end a caption block when walking away from the `v.`.
pub(super) static STOP_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bcourt\b|\bcalendar\b|\bdistrict\s+of\b|\bcircuit\b|\bdivision\b|\bcase\s+no|^\s*no\.|^\s*nos\.|\bdocket\b|^_{3,}|^-{3,}|\bdocument\b.*\bfiled\b|^\s*(?:order|opinion|memorandum|motion|notice|brief|complaint|judgment)\b|\bappeal\s+from\b|\bfiled\b|\bdecided\b|\bargued\b|\bsubmitted\b|^\s*present:|\bproceedings\b|published by|\bslip op\b|^\s*before\b|^\s*syllabus\b|litigation\s*$|^\s*certiorari\b|^\s*on\s+(?:appeal|petition|writ)\b|^\s*\(slip|\bjudge\b|:\s*$|^\s*\[|\bdate:|\bclerk\b|\baction\s+no\b|\bthis\s+decision\b|\b\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.|F\.\s?(?:2d|3d|4th|Supp))|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}")
        .unwrap()
});

/// Column junk from side-by-side captions: `)`, `]`, `§` separators and what follows.
fn left_column(line: &str) -> &str {
    for sep in [" )", " ]", " §", " :", ")", "]"] {
        if let Some(i) = line.find(sep) {
            // A closing paren that closes an opening one in the name is not a separator.
            let before = &line[..i];
            if sep.ends_with(')') && before.contains('(') {
                continue;
            }
            // "individual); and LIEW YEW SOON": a wrapped parenthetical closing.
            let after = line[i + sep.len()..].trim_start();
            if sep.ends_with([')', ']']) && after.starts_with([';', ',', '.']) {
                continue;
            }
            // "In re:" and "v.:" keep their colon.
            if sep == " :" && before.trim().is_empty() {
                return "";
            }
            return before;
        }
    }
    line
}

/// The document number a publisher prints at the right of its page header
/// ("Burgess v. Greater Cleveland Regional Transit Authority      Doc. 38"; cleaning
/// may have collapsed the spaces).
static HEADER_DOC: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s+Doc\.\s*\d{1,5}(?:\s+Att\.\s*\d{1,4})?\s*$").unwrap());

/// A line without the page header's document number.
pub(super) fn without_header_doc(line: &str) -> std::borrow::Cow<'_, str> {
    HEADER_DOC.replace(line, "")
}

fn clean_line(line: &str) -> String {
    let line = without_header_doc(line);
    let l = left_column(&line).replace(['*', '\u{2020}'], "");
    let l = l.trim().trim_start_matches('_').trim();
    // Document titles in the right column: "MANNING IN SUPPORT OF UBER".
    if is_all_caps(l) && (l.contains(" IN SUPPORT OF") || l.contains(" IN OPPOSITION TO")) {
        return String::new();
    }
    // "(ECF No. 26)", "(REDACTED)", ": PRETRIAL DETENTION": the right column.
    if (l.starts_with('(') && l.ends_with(')')) || l.starts_with([':', ')', ']', '§']) {
        return String::new();
    }
    static HAS_V: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\s(?:v|vs)\.?\s").unwrap());
    if HAS_V.is_match(l) {
        // One-line captions and title lines carry both sides; nothing to cut.
        return l.to_string();
    }
    // "Plaintiffs, DEFENDANT GOOGLE LLC'S": the role ends the left column.
    let l = match ROLE_START.find(l) {
        Some(m) if m.end() < l.len() => &l[..m.end()],
        _ => l,
    };
    // "APPLE INC., et al., DISMISS, OR, IN THE": "et al." ends a side's list.
    let l = match ET_AL_END.find(l) {
        Some(m) if m.end() < l.len() => &l[..m.end()],
        _ => l,
    };
    let l = match JUNK.find(l) {
        // Keep a lone junk line recognisable (it may be a stop line), cut it otherwise.
        Some(m) if m.start() > 0 => &l[..m.start()],
        _ => l,
    };
    l.trim().to_string()
}

/// Pieces of a document title broken over lines in the right column
/// ("SERVICES' APPLICATION FOR A", "CIV. P. 12(B)(3) MOTION TO"), and lines without
/// Latin letters (stamps, garbled text).
pub(super) fn is_fragment(l: &str) -> bool {
    static TAIL: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"\s(?:TO|FOR|A|AN|THE|ITS|IN|UNDER|WITH|ON|OR)$").unwrap());
    let garbled = !l.chars().any(|c| c.is_ascii_alphabetic()) && l.chars().any(char::is_alphabetic);
    garbled || (is_all_caps(l) && TAIL.is_match(l))
}

pub(super) static DEBTOR_LINE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^debtors?\.?$").unwrap());

pub(super) fn is_junk_line(l: &str) -> bool {
    JUNK.find(l).is_some_and(|m| m.start() == 0)
}

/// A reported decision's citation heading its caption ("2024 ND 143", "Cite as 2022
/// Ark. App. 51", "2019 NY Slip Op 32654(U)"): not part of the case name.
static CITATION_HEADING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Cite[ \t]+as:?[ \t]+)?\d{4}[ \t]+(?:[A-Z][A-Za-z.]*[ \t]+){1,3}(?:Slip[ \t]+Op[ \t]+)?\d{1,6}(?:\(U\))?$")
        .unwrap()
});

static STATE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:of\s+the\s+)?(?:state|commonwealth)\s+of\s+[a-z]+(?:\s+[a-z]+)?$").unwrap()
});
static COURT_LINE_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:court|appeals|of\s+the)$").unwrap());

pub(super) fn caption_lines(head: &str) -> Vec<String> {
    // "TARRANT REGIONAL WATER DISTRICT v." puts the v. at the end of the left side.
    let mut lines: Vec<String> = Vec::new();
    // Blank lines are kept: they separate a caption's party block from a document
    // title printed above it.
    let mut kept = 0;
    for (l, raw) in head.lines().map(|r| (clean_line(r), r)) {
        // A citation heading, or the state's name finishing a court's name over two
        // lines ("IN THE SUPREME COURT" / "STATE OF NORTH DAKOTA"), is not a party.
        let court_state = STATE_LINE.is_match(&l)
            && lines
                .iter()
                .rev()
                .find(|p| !p.is_empty())
                .is_some_and(|p| COURT_LINE_END.is_match(p));
        let l = if CITATION_HEADING.is_match(&l) || court_state {
            String::new()
        } else {
            l
        };
        if l.is_empty() && !raw.trim().is_empty() && !CITATION_HEADING.is_match(raw.trim()) {
            // A line cleaned away entirely (column junk) is no separator.
            continue;
        }
        if !l.is_empty() {
            kept += 1;
            if kept > 400 {
                break;
            }
        }
        // "ADDAM MAXWELL V." (Arkansas): a capital V. ends a side printed in capitals.
        let split = l
            .strip_suffix(" v.")
            .or_else(|| l.strip_suffix(" vs."))
            .or_else(|| {
                l.strip_suffix(" V.")
                    .or_else(|| l.strip_suffix(" VS."))
                    .filter(|left| is_all_caps(left))
            });
        match split {
            Some(left) if is_all_caps(left) || ends_with_role(left) => {
                lines.push(left.to_string());
                lines.push("v.".into());
            }
            _ => lines.push(l),
        }
    }
    lines
}
