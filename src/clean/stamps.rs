//! Page stamps other than the ECF running header: a clerk's filing stamp ("FILED /
//! August 05, 2026 / CLERK, U.S. DISTRICT COURT / WESTERN DISTRICT OF TEXAS / BY: ____
//! DEPUTY", "E-FILED / Wednesday, 20 May, 2026 11:54:47 AM / Clerk, U.S. District
//! Court, ILCD") and a download site's page stamp (Justia's "<case name>   Doc. 48" line
//! over the first page and its "Dockets.Justia.com" footer). Both are printed over the
//! caption, so left in the text they run into case names and party lists; what they
//! say (the filed date, the docket entry) is kept as a [`PageStamp`].

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// Who printed a stamp and what it records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StampKind {
    /// A clerk's "FILED" or "E-FILED" stamp.
    Filed,
    /// A clerk's "ENTERED" stamp (orders and judgments entered on the docket).
    Entered,
    /// A clerk's "RECEIVED" or "LODGED" stamp: the day the paper reached the clerk.
    Received,
    /// A download site's stamp naming the case and the docket entry.
    Download,
}

/// What a page stamp says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageStamp {
    /// The kind of stamp.
    pub kind: StampKind,
    /// The stamped date, ISO `YYYY-MM-DD`, when it has one that parses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The docket entry (document) number the stamp prints (`48`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The case name a download site prints over the filing (its docket's short title,
    /// which may name a party the caption does not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_name: Option<String>,
}

/// How many lines at the top of a page a clerk's stamp may reach.
const TOP_LINES: usize = 40;
/// How far apart (in lines) two pieces of one stamp may be.
const STAMP_SPAN: usize = 5;

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
}

/// The word a clerk stamps, alone in its column (with the date after it, at times).
static KEYWORD: Lazy<Regex> =
    Lazy::new(|| re(r"^(?:(E-?)?FILED|ENTERED|RECEIVED|LODGED)(?:\s*:?\s+(?P<rest>.+))?$"));
/// The clerk's office line of a stamp.
static CLERK: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^clerk,?\s+(?:of\s+(?:the\s+)?court|u\.?\s?s\.?\s+(?:district|bankruptcy)\s+court)(?:,\s*[a-z]{2,6})?\.?$",
    )
});
/// The deputy clerk's signature line: "BY: ______", "By ____ Deputy", "DEPUTY CLERK".
static BY_LINE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:by\s*:?\s*_{3,}\s*(?:deputy(?:\s+clerk)?)?|by\s*:?\s*deputy(?:\s+clerk)?|deputy(?:\s+clerk)?)$",
    )
});
/// The district a stamp names under the clerk's line.
static DISTRICT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?:(?:NORTHERN|SOUTHERN|EASTERN|WESTERN|CENTRAL|MIDDLE)\s+)?DISTRICT\s+OF\s+[A-Z][A-Z .]{2,30}$",
    )
});
/// A stamped date, with the weekday and time some clerks print: `August 05, 2026`,
/// `MAR 15 2021`, `Wednesday, 20 May, 2026 11:54:47 AM`, `08/05/2026`.
static DATE_ONLY: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]{3,9},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?$",
    )
});
/// A deputy clerk's name printed above the signature line.
static NAME: Lazy<Regex> = Lazy::new(|| re(r"^[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]*){1,3}$"));

/// Justia's footer on the first page of every filing it serves.
static DOWNLOAD_FOOTER: Lazy<Regex> = Lazy::new(|| re(r"(?i)^dockets\.justia\.com$"));
/// Justia's docket entry mark: "Doc. 48", alone or after the case name.
static DOWNLOAD_DOC: Lazy<Regex> =
    Lazy::new(|| re(r"^(?:(?P<title>.*\S)\s{2,})?Doc\.\s*(?P<doc>\d{1,6})$"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Keyword,
    Clerk,
    By,
    Date,
    District,
    Other,
}

/// A column cell of a line: layout text puts a stamp beside the caption, separated
/// by a wide gap.
#[derive(Debug)]
struct Cell {
    line: usize,
    start: usize,
    end: usize,
    piece: Piece,
}

fn classify(t: &str) -> Piece {
    if KEYWORD.is_match(t) {
        Piece::Keyword
    } else if CLERK.is_match(t) {
        Piece::Clerk
    } else if BY_LINE.is_match(t) {
        Piece::By
    } else if DATE_ONLY.is_match(t) {
        Piece::Date
    } else if DISTRICT.is_match(t) {
        Piece::District
    } else {
        Piece::Other
    }
}

/// The cells of a line: runs of text separated by three or more spaces.
fn cells(line: &str, idx: usize, out: &mut Vec<Cell>) {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        let mut end = i;
        while i < b.len() {
            if b[i] == b' ' {
                let gap = b[i..].iter().take_while(|&&c| c == b' ').count();
                if gap >= 3 {
                    break;
                }
                i += gap;
            } else {
                i += 1;
                end = i;
            }
        }
        let piece = classify(&line[start..end]);
        out.push(Cell {
            line: idx,
            start,
            end,
            piece,
        });
    }
}

fn stamp_kind(keyword: &str) -> StampKind {
    if keyword.contains("ENTERED") {
        StampKind::Entered
    } else if keyword.contains("RECEIVED") || keyword.contains("LODGED") {
        StampKind::Received
    } else {
        StampKind::Filed
    }
}

/// Remove a clerk's filing stamp from the top of a page. A stamp is recognised only
/// by two of its parts together (the stamped word, the clerk's line, the deputy's
/// line) within a few lines of each other, so a caption's "FILED" or a signature's
/// "By: ____" alone is left alone.
fn split_clerk_stamp(lines: &mut [String]) -> Option<PageStamp> {
    let top = lines.len().min(TOP_LINES);
    let mut all = Vec::new();
    for (i, l) in lines.iter().enumerate().take(top) {
        cells(l, i, &mut all);
    }
    let anchors: Vec<usize> = (0..all.len())
        .filter(|&k| matches!(all[k].piece, Piece::Keyword | Piece::Clerk | Piece::By))
        .collect();
    // The first cluster of anchors with two different kinds of part.
    let mut cluster: Option<(usize, usize)> = None;
    for (n, &a) in anchors.iter().enumerate() {
        let mut last = a;
        let mut kinds = vec![all[a].piece];
        for &b in &anchors[n + 1..] {
            if all[b].line > all[last].line + STAMP_SPAN {
                break;
            }
            if !kinds.contains(&all[b].piece) {
                kinds.push(all[b].piece);
            }
            last = b;
        }
        if kinds.len() >= 2 {
            cluster = Some((a, last));
            break;
        }
    }
    let (first, last) = cluster?;
    let mut drop: Vec<usize> = (first..=last)
        .filter(|&k| all[k].piece != Piece::Other && all[k].piece != Piece::District)
        .collect();
    let mut stamp = PageStamp {
        kind: StampKind::Filed,
        date: None,
        document: None,
        case_name: None,
    };
    let mut keyword_seen = false;
    for k in first..=last {
        let t = &lines[all[k].line][all[k].start..all[k].end];
        match all[k].piece {
            Piece::Keyword => {
                if !keyword_seen {
                    stamp.kind = stamp_kind(t);
                    keyword_seen = true;
                }
                if let Some(rest) = KEYWORD.captures(t).and_then(|c| c.name("rest")) {
                    stamp.date = stamp.date.or_else(|| stamp_date(rest.as_str()));
                }
            }
            Piece::Date => stamp.date = stamp.date.or_else(|| stamp_date(t)),
            // The district under the clerk's line is part of the stamp.
            Piece::District if k > 0 && all[k - 1].piece == Piece::Clerk => drop.push(k),
            // So is the deputy's name over the signature line.
            Piece::Other
                if all.get(k + 1).is_some_and(|n| n.piece == Piece::By) && NAME.is_match(t) =>
            {
                drop.push(k)
            }
            _ => {}
        }
    }
    // A date cell just before the first or after the last anchor (a stamp prints the
    // date under or over the word).
    for k in [first.checked_sub(1), Some(last + 1)].into_iter().flatten() {
        if let Some(c) = all.get(k)
            && c.piece == Piece::Date
            && c.line + 1 >= all[first].line
            && c.line <= all[last].line + 1
        {
            let t = &lines[c.line][c.start..c.end];
            stamp.date = stamp.date.or_else(|| stamp_date(t));
            drop.push(k);
        }
    }
    drop.sort_unstable();
    drop.dedup();
    // Blank the cells from the right so earlier offsets stay valid.
    for &k in drop.iter().rev() {
        let c = &all[k];
        let line = &mut lines[c.line];
        line.replace_range(c.start..c.end, &" ".repeat(c.end - c.start));
    }
    Some(stamp)
}

fn stamp_date(s: &str) -> Option<String> {
    crate::metadata::date::parse_date(s)
}

/// Remove a download site's stamp (the footer and the case-name line with its "Doc."
/// mark) from a page.
fn split_download_stamp(lines: &mut [String]) -> Option<PageStamp> {
    let footer = lines
        .iter()
        .position(|l| DOWNLOAD_FOOTER.is_match(l.trim()))?;
    lines[footer].clear();
    let top: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(3)
        .collect();
    let mut stamp = PageStamp {
        kind: StampKind::Download,
        date: None,
        document: None,
        case_name: None,
    };
    for (n, &i) in top.iter().enumerate() {
        let Some(c) = DOWNLOAD_DOC.captures(lines[i].trim()) else {
            continue;
        };
        stamp.document = c.name("doc").map(|d| d.as_str().to_owned());
        stamp.case_name = c.name("title").map(|t| t.as_str().trim().to_owned());
        let alone = stamp.case_name.is_none();
        lines[i].clear();
        // "Doc. 48" on a line of its own: the case name is the line above it.
        if alone && n == 1 {
            stamp.case_name = Some(lines[top[0]].trim().to_owned());
            lines[top[0]].clear();
        }
        break;
    }
    Some(stamp)
}

/// Split a page into its text without stamps and the stamps found on it.
pub fn split_stamps(page: &str) -> (String, Vec<PageStamp>) {
    let mut lines: Vec<String> = page.lines().map(str::to_owned).collect();
    let mut found = Vec::new();
    if page.contains("ustia.com")
        && let Some(s) = split_download_stamp(&mut lines)
    {
        found.push(s);
    }
    if let Some(s) = split_clerk_stamp(&mut lines) {
        found.push(s);
    }
    if found.is_empty() {
        return (page.to_owned(), found);
    }
    (lines.join("\n"), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_clerk_stamp_beside_a_caption() {
        let page = "                                                       FILED\n\
            IN THE UNITED STATES DISTRICT COURT                 August 05, 2026\n\
            FOR THE WESTERN DISTRICT OF TEXAS                CLERK, U.S. DISTRICT COURT\n\
            \x20                                                WESTERN DISTRICT OF TEXAS\n\
            \x20           AUSTIN DIVISION\n\
            \x20                                                  Christian Rodriguez\n\
            \x20                                             BY: ____________________\n\
            \x20                                                          DEPUTY\n\
            Jennifer Lynn Cain,                  \u{a7}\n";
        let (body, stamps) = split_stamps(page);
        assert_eq!(stamps.len(), 1);
        assert_eq!(stamps[0].kind, StampKind::Filed);
        assert_eq!(stamps[0].date.as_deref(), Some("2026-08-05"));
        let words: Vec<&str> = body.split_whitespace().collect();
        assert_eq!(
            words.join(" "),
            "IN THE UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF TEXAS AUSTIN DIVISION Jennifer Lynn Cain, \u{a7}"
        );
    }

    #[test]
    fn electronic_filing_stamp_in_reading_order() {
        let page = "E-FILED\nWednesday, 20 May, 2026 11:54:47 AM\nClerk, U.S. District Court, ILCD\nIN THE UNITED STATES DISTRICT COURT\n";
        let (body, stamps) = split_stamps(page);
        assert_eq!(stamps[0].date.as_deref(), Some("2026-05-20"));
        assert_eq!(body.trim(), "IN THE UNITED STATES DISTRICT COURT");
    }

    #[test]
    fn a_lone_word_or_signature_line_is_not_a_stamp() {
        for page in [
            "FILED\nIN THE SUPREME COURT\n",
            "Respectfully submitted,\nBy: ______________\nCounsel for Plaintiff\n",
        ] {
            let (body, stamps) = split_stamps(page);
            assert!(stamps.is_empty(), "{page}");
            assert_eq!(body, page);
        }
    }

    #[test]
    fn download_site_stamp() {
        let page = "Sorrentino v. Fay Servicing, LLC et al          Doc. 48\n\n\nUNITED STATES DISTRICT COURT\nbody\n         Dockets.Justia.com\n";
        let (body, stamps) = split_stamps(page);
        assert_eq!(stamps[0].kind, StampKind::Download);
        assert_eq!(stamps[0].document.as_deref(), Some("48"));
        assert_eq!(
            body.split_whitespace().collect::<Vec<_>>(),
            ["UNITED", "STATES", "DISTRICT", "COURT", "body"]
        );
        let page =
            "Mathew v. Verma\n\nDoc. 49\n\nUNITED STATES DISTRICT COURT\nDockets.Justia.com\n";
        let (body, stamps) = split_stamps(page);
        assert_eq!(stamps[0].document.as_deref(), Some("49"));
        assert_eq!(stamps[0].case_name.as_deref(), Some("Mathew v. Verma"));
        assert_eq!(body.trim(), "UNITED STATES DISTRICT COURT");
        // Without the site's footer a "Doc." line is left as it is.
        let page = "Mathew v. Verma\nDoc. 49\n";
        assert!(split_stamps(page).1.is_empty());
    }
}
