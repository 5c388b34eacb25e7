//! Case metadata read from a filing's own text: caption, docket numbers, court,
//! parties, judge, date, document type, docket-entry references and citations.

pub mod caption;
pub mod case_name;
pub mod citations;
pub mod court;
pub mod court_header;
pub mod court_own_cite;
pub mod court_query;
pub mod courts_db;
pub mod date;
pub mod docket;
pub mod docket_sheet;
pub mod doctype;
pub mod judge;
pub mod names;
pub mod references;
pub mod statutes;

use serde::{Deserialize, Serialize};

use crate::clean::CleanText;

/// A court, by stable short id (`cand`, `ca9`, `scotus`) and full name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Court {
    /// Court id (`cand`, `ca9`, `scotus`).
    pub id: String,
    /// Court name.
    pub name: String,
}

/// Everything we know about a filing's case.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// Document title, e.g. "Order Granting Plaintiffs' Motion to Enforce".
    pub title: Option<String>,
    /// Caption, "X v. Y".
    pub case_name: Option<String>,
    /// Docket numbers, the main one first.
    pub dockets: Vec<docket::DocketNumber>,
    /// The court.
    pub court: Option<Court>,
    /// Plaintiffs (petitioners, appellants), in proper case.
    pub plaintiffs: Vec<String>,
    /// Defendants (respondents, appellees), in proper case.
    pub defendants: Vec<String>,
    /// The judge who signed or presided.
    pub judge: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `filed`, `signed`, `decided`, `hearing`...
    pub date_kind: Option<String>,
    /// Document type (`order`, `opinion`, `motion`...).
    pub doc_type: Option<String>,
    /// Docket-entry references as normalised numbers (`305`, `305-1`).
    pub docket_entries: Vec<String>,
    /// Citations in one normal form however printed (`384 U.S. 364`, `28 U.S.C. § 1332`).
    pub citations: Vec<String>,
    /// The caption says "et al." (more parties than named).
    pub et_al: bool,
    /// A docket sheet read as structure: parties, attorneys and docket entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docket_sheet: Option<Box<crate::docket::DocketSheet>>,
}

static STAR_PAGE: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(r"\*{1,3}\d{1,5}(?:([A-Za-z\[(])|\s)").unwrap()
});

/// How much of the start of a filing holds its caption, court, judge and title.
const HEAD_BYTES: usize = 8 * 1024;
/// How much of the end holds the signature block (date signed, judge).
const TAIL_BYTES: usize = 3 * 1024;

/// Read metadata from cleaned text.
pub fn extract(text: &CleanText) -> Metadata {
    extract_with_hint(text, None)
}

/// Read metadata from cleaned text, with the HTML `<title>` when the filing was a web
/// page (case-law sites put the case name there).
pub fn extract_with_hint(text: &CleanText, html_title: Option<&str>) -> Metadata {
    // A download site's stamp names the case as a page title does.
    let stamp_title = text.stamps.iter().find_map(|s| s.case_name.as_deref());
    let html_title = html_title.or(stamp_title);
    let head = head_text(&text.pages);
    let tail = tail_text(&text.pages);
    let mut md = Metadata::default();

    if let Some(ecf) = &text.ecf
        && let Some(d) = docket::normalize(&ecf.case_number)
    {
        md.dockets.push(d);
    }
    for d in docket::find_dockets(&head) {
        if !md.dockets.iter().any(|o| o.canonical == d.canonical) {
            md.dockets.push(d);
        }
    }
    md.court = court::find_court(&head);

    let (kind, title) = doctype::find_doc_type_wide(&head, &wide_text(&text.pages));
    let is_sheet = kind.as_deref() == Some("docket-sheet");
    md.doc_type = kind;
    md.title = title;

    if is_sheet {
        // Party lists on docket sheets run past the head; they end at the entry table.
        let first = text.pages.first().map(String::as_str).unwrap_or("");
        let sheet = docket_sheet::parse(first);
        for d in sheet.dockets {
            if !md.dockets.iter().any(|o| o.canonical == d.canonical) {
                md.dockets.push(d);
            }
        }
        md.case_name = sheet.case_name;
        md.plaintiffs = sheet.caption.plaintiffs;
        md.defendants = sheet.caption.defendants;
        md.et_al = sheet.caption.et_al;
        md.judge = judge::find_assigned(&head);
        // The Supreme Court's docket pages name only the court below; certiorari
        // petitions are docketed nowhere else.
        if md.court.is_none() && first.contains("writ of certiorari filed") {
            md.court = court::by_id("scotus");
        }
    } else {
        let cap = caption::find_caption(&head)
            .or_else(|| html_title.and_then(|t| caption::find_caption(&t.replace(" - ", "\n"))));
        let cap = cap.or_else(|| {
            // Clerk's letters name the case on a "Re:" line after a long address list.
            let letter: String = text
                .pages
                .iter()
                .take(10)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("\n");
            caption::find_re_line(&letter)
        });
        // A caption read from a clerk's "Re:" line: the clerk encloses the official
        // caption on a later page, and its party list is the full one.
        let cap = cap.map(|c| {
            let from_re = caption::find_re_line(&head).is_some_and(|r| r == c)
                || (caption::find_caption(&head).is_none() && html_title.is_none());
            if from_re {
                enclosed_caption(&text.pages, c)
            } else {
                c
            }
        });
        if let Some(c) = cap {
            let wide = wide_text(&text.pages);
            md.case_name = caption::heading_case_name(&head).or_else(|| c.case_name_in(&wide));
            md.plaintiffs = caption::full_names(c.plaintiffs, &wide, true);
            md.defendants = caption::full_names(c.defendants, &wide, false);
            md.et_al = c.et_al;
        }
        let appellate = md
            .court
            .as_ref()
            .is_some_and(|c| court::is_appellate(&c.id));
        // What an appellate court files under its caption with no title is its
        // decision: slip opinions of circuits, state appellate courts and appeals
        // boards print the caption, the panel and the reasons, and no "OPINION".
        // Counsel's untitled papers in the same court (letters to the clerk,
        // designations of issues) are signed as theirs.
        if appellate
            && md.title.is_none()
            && md.doc_type.as_deref() == Some("other")
            && !doctype::counsel_paper(&format!("{head}\n{tail}"))
        {
            md.doc_type = Some("opinion".into());
        }
        md.judge = judge::find_judge(&head, &wide_text(&text.pages), &tail, appellate);
        // A surname alone, or no name: the docket number's judge initials may name the
        // judge in full where the filing prints the name. An appellate filing prints the
        // court below's number, whose initials are the trial judge's.
        if !appellate && md.judge.as_ref().is_none_or(|j| !j.contains(' ')) {
            let suffixes: Vec<&str> = md
                .dockets
                .iter()
                .filter_map(|d| d.judges.as_deref())
                .collect();
            let text = format!("{head}\n{tail}");
            if let Some(full) = judge::by_initials(&suffixes, md.judge.as_deref(), &text) {
                md.judge = Some(full);
            }
        }
    }

    // The ECF stamp, then a clerk's filing stamp: both date the paper itself.
    if let Some(filed) = text
        .ecf
        .as_ref()
        .and_then(|e| e.filed.clone())
        .or_else(|| text.stamped_date().map(str::to_owned))
    {
        md.date = Some(filed);
        md.date_kind = Some("filed".into());
    } else if let Some((d, k)) = if is_sheet {
        // A docket sheet's filing date may sit below a long page header.
        let first = text.pages.first().map(String::as_str).unwrap_or("");
        date::find_date(&first[..court::floor_char(first, 64 * 1024)], "")
    } else {
        date::find_date(&head, &tail)
    } {
        md.date = Some(d);
        md.date_kind = Some(k);
    }
    let all = text.pages.join("\n");
    md.docket_entries = references::find_entries(&all);
    md.citations = citations::find_citations(&all);
    md
}

/// The official caption a clerk encloses after a letter naming the case on a `Re:` line,
/// when it names the same first parties; otherwise the `Re:` line's caption.
fn enclosed_caption(pages: &[String], re: caption::Caption) -> caption::Caption {
    let rest: String = pages
        .iter()
        .skip(1)
        .take(9)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    match caption::find_block_caption(&rest) {
        Some(full) if re.short_name.is_none() && caption::same_first_parties(&re, &full) => {
            caption::Caption {
                short_name: re.case_name(),
                ..full
            }
        }
        _ => re,
    }
}

/// The first ~8 KB of the first two pages, with markdown emphasis and bare
/// pleading-paper line numbers dropped in case cleaning left them.
fn head_text(pages: &[String]) -> String {
    let mut s = String::new();
    for p in pages.iter().take(2) {
        s.push_str(p);
        s.push('\n');
        if s.len() >= HEAD_BYTES {
            break;
        }
    }
    let cut = court::floor_char(&s, HEAD_BYTES);
    s.truncate(cut);
    tidy(&s)
}

/// How far into a filing an opinion's author line may be (slip opinions print a
/// syllabus first): the first five pages, at most 40 KB.
fn wide_text(pages: &[String]) -> String {
    let mut s = String::new();
    for p in pages.iter().take(5) {
        s.push_str(p);
        s.push('\n');
        if s.len() >= 40 * 1024 {
            break;
        }
    }
    s.truncate(court::floor_char(&s, 40 * 1024));
    tidy(&s)
}

fn tail_text(pages: &[String]) -> String {
    let Some(last) = pages.iter().rev().find(|p| !p.trim().is_empty()) else {
        return String::new();
    };
    let start = court::floor_char(last, last.len().saturating_sub(TAIL_BYTES));
    let start = (start..=last.len())
        .find(|i| last.is_char_boundary(*i))
        .unwrap_or(last.len());
    tidy(&last[start..])
}

fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let t = line.trim();
        if !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        // Star pagination ("*125BLACKBURN") glues page numbers to the first word.
        let line = line.replace("**", "");
        out.push_str(&STAR_PAGE.replace_all(&line, "$1"));
        out.push('\n');
    }
    out
}
