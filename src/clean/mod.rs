//! Cleaning extracted page text: pleading-paper margin numbers, running headers and
//! footers, hyphenation, ligatures, quotes, whitespace. Line breaks are kept (the
//! metadata parser reads captions line by line); tantivy's tokenizer ignores them, so
//! phrases that wrap still match.

pub mod headers;
mod hyphen;
mod margin;
pub mod normalize;
mod running;
pub mod stamps;

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What an ECF running header (`Case 4:21-cv-02632-DMR Document 25 Filed 07/14/21 Page 3 of 5`) says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EcfHeader {
    /// The case number as stamped (`4:21-cv-02632-DMR`).
    pub case_number: String,
    /// The ECF document number (`25`, `19-1`).
    pub document: Option<String>,
    /// Filed date as printed, normalised to ISO `YYYY-MM-DD` when it parses.
    pub filed: Option<String>,
}

/// A filing's cleaned text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CleanText {
    /// Cleaned text of each page, for display and for indexing.
    pub pages: Vec<String>,
    /// The first ECF running header found, if any.
    pub ecf: Option<EcfHeader>,
    /// Every ECF header found, in page order (one per page stamp).
    #[serde(default)]
    pub headers: Vec<EcfHeader>,
    /// Clerks' filing stamps and download sites' stamps, in page order.
    #[serde(default)]
    pub stamps: Vec<stamps::PageStamp>,
    /// Distinct running header/footer lines removed because they repeat on most pages.
    #[serde(default)]
    pub running_lines: Vec<String>,
    /// How many pleading-paper margin numbers were removed.
    #[serde(default)]
    pub margin_numbers_removed: usize,
}

/// Most cleaning passes over one filing; real filings settle after one or two.
const MAX_PASSES: usize = 4;

/// Clean raw page texts. Cleaned text is its own cleaning: removing a running line or a
/// page number can bring another to a page's edge, and joining a hyphenated word can
/// make a line repeat across pages, so the text is cleaned again until a pass changes
/// nothing.
pub fn clean_pages(pages: &[String]) -> CleanText {
    let mut clean = clean_once(pages);
    for _ in 1..MAX_PASSES {
        let again = clean_once(&clean.pages);
        if again.pages == clean.pages {
            break;
        }
        clean.pages = again.pages;
        if clean.ecf.is_none() {
            clean.ecf = again.ecf;
        }
        clean.headers.extend(again.headers);
        clean.stamps.extend(again.stamps);
        for line in again.running_lines {
            if !clean.running_lines.contains(&line) {
                clean.running_lines.push(line);
            }
        }
        clean.margin_numbers_removed += again.margin_numbers_removed;
    }
    clean
}

impl CleanText {
    /// The docket entry this filing is, as its ECF header or a download site's stamp
    /// prints it (`25`, `19-1`).
    pub fn document_number(&self) -> Option<&str> {
        self.ecf
            .as_ref()
            .and_then(|e| e.document.as_deref())
            .or_else(|| self.stamps.iter().find_map(|s| s.document.as_deref()))
    }

    /// The date a clerk's stamp says the filing was filed or entered.
    pub fn stamped_date(&self) -> Option<&str> {
        self.stamps
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    stamps::StampKind::Filed | stamps::StampKind::Entered
                )
            })
            .find_map(|s| s.date.as_deref())
    }
}

/// One pass of every cleaning stage.
fn clean_once(pages: &[String]) -> CleanText {
    let mut all_headers = Vec::new();
    let mut all_stamps = Vec::new();
    let mut margin_removed = 0;
    let mut line_pages: Vec<Vec<String>> = pages
        .iter()
        .map(|raw| {
            let normal = normalize::normalize_chars(raw);
            let (body, found) = headers::split_headers(&normal);
            all_headers.extend(found);
            let (body, found) = stamps::split_stamps(&body);
            all_stamps.extend(found);
            let mut lines: Vec<String> = body.lines().map(normalize::tidy_line).collect();
            margin_removed += margin::strip_margin_numbers(&mut lines);
            lines
        })
        .collect();
    let running_lines = running::strip_repeated(&mut line_pages);
    // After the running lines: a page number often sits just inside a running footer.
    for lines in &mut line_pages {
        running::strip_page_numbers(lines);
    }
    // Counting every word of a long filing costs more than the rest of cleaning; it is
    // only needed when some line ends in a split word.
    let vocabulary = if line_pages.iter().any(|l| hyphen::has_split_word(l)) {
        hyphen::word_counts(line_pages.iter().flatten())
    } else {
        HashMap::new()
    };
    let pages = line_pages
        .into_iter()
        .map(|lines| finish_page(lines, &vocabulary))
        .collect();
    CleanText {
        pages,
        ecf: all_headers.first().cloned(),
        headers: all_headers,
        stamps: all_stamps,
        running_lines,
        margin_numbers_removed: margin_removed,
    }
}

/// Join hyphenated words and squeeze blank lines: one blank line marks a paragraph.
fn finish_page(lines: Vec<String>, vocabulary: &HashMap<String, usize>) -> String {
    let mut kept: Vec<String> = Vec::with_capacity(lines.len());
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !kept.is_empty();
            continue;
        }
        if blank {
            kept.push(String::new());
            blank = false;
        }
        kept.push(line);
    }
    hyphen::join_hyphenated(&mut kept, vocabulary);
    kept.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_a_pleading_page() {
        let mut raw =
            String::from("Case 4:21-cv-02632-DMR Document 25 Filed 07/14/21 Page 3 of 5\n");
        for n in 1..=28 {
            raw.push_str(&format!("{n}\n"));
        }
        raw.push_str("The parties submit this Case Management State-\nment pursuant to Civil Local Rule 16-9.\n\n- 3 -\n");
        let c = clean_pages(&[raw]);
        assert_eq!(
            c.pages[0],
            "The parties submit this Case Management Statement\npursuant to Civil Local Rule 16-9."
        );
        let h = c.ecf.unwrap_or_default();
        assert_eq!(h.document.as_deref(), Some("25"));
        assert_eq!(h.filed.as_deref(), Some("2021-07-14"));
    }
}
