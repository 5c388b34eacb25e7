//! Running headers and footers other than the ECF stamp: page numbers ("- 3 -",
//! "Page 3 of 12") and lines printed on most pages (document titles, firm names, case
//! numbers in footers). They break up the body text and inflate term counts.

use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;

/// How many non-blank lines at each end of a page count as header/footer territory.
const EDGE: usize = 6;

static PAGE_NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:page\s*)?[-\u{2013}\u{2014}(\[]?\s*\d{1,4}\s*[-\u{2013}\u{2014})\]]?(?:\s*(?:of|/)\s*\d{1,4})?$|^(?:page\s+)?[ivxlc]{1,6}$")
        .unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
});

/// Whether a trimmed line is nothing but a page number.
pub fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 24 && PAGE_NUMBER.is_match(t)
}

/// Indices of the non-blank lines within `EDGE` of either end of the page.
fn edge_lines(lines: &[String]) -> Vec<usize> {
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    if nonblank.len() <= 2 * EDGE {
        return nonblank;
    }
    let mut v: Vec<usize> = nonblank[..EDGE].to_vec();
    v.extend_from_slice(&nonblank[nonblank.len() - EDGE..]);
    v
}

/// Key under which a line is compared across pages: page numbers vary, so digits are
/// folded together.
fn key(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Blank out page-number lines at the page edges: from each end, the page numbers met
/// before the first other non-blank line (at most `EDGE` of them). A number-only line
/// inside the text (a footnote mark, a section numeral) stays, and so cleaning the
/// cleaned text again removes nothing more.
pub fn strip_page_numbers(lines: &mut [String]) {
    for from_top in [true, false] {
        let order: Vec<usize> = if from_top {
            (0..lines.len()).collect()
        } else {
            (0..lines.len()).rev().collect()
        };
        let mut stripped = 0;
        for i in order {
            if lines[i].trim().is_empty() {
                continue;
            }
            if stripped == EDGE || !is_page_number(&lines[i]) {
                break;
            }
            lines[i].clear();
            stripped += 1;
        }
    }
}

/// Blank out edge lines that recur on most pages; returns the distinct lines removed.
pub fn strip_repeated(pages: &mut [Vec<String>]) -> Vec<String> {
    // In one- and two-page filings a "repeated" line is as likely caption as footer.
    if pages.len() < 3 {
        return Vec::new();
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut seen: Vec<String> = edge_lines(page)
            .into_iter()
            .map(|i| key(&page[i]))
            .collect();
        seen.sort();
        // A line repeated within one page ("Plaintiff, Appellant," in a caption) is
        // content, not a running header.
        let mut once = Vec::new();
        for (i, k) in seen.iter().enumerate() {
            let dup = (i > 0 && seen[i - 1] == *k) || seen.get(i + 1) == Some(k);
            if !dup {
                once.push(k.clone());
            }
        }
        for k in once {
            *counts.entry(k).or_default() += 1;
        }
    }
    let need = (pages.len() as f64 * 0.6).ceil().max(3.0) as usize;
    let mut removed = Vec::new();
    for page in pages.iter_mut() {
        for i in edge_lines(page) {
            let k = key(&page[i]);
            let alnum = k.chars().filter(|c| c.is_alphanumeric()).count();
            if alnum >= 4 && counts.get(&k).copied().unwrap_or(0) >= need {
                if !removed.contains(&page[i]) {
                    removed.push(page[i].clone());
                }
                page[i].clear();
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for p in [
            "3",
            "- 3 -",
            "-1-",
            "Page 3 of 12",
            "page 4",
            "3 of 5",
            "ii",
        ] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["1. Facts", "2021", "Page 3 shows"] {
            assert!(!is_page_number(p) || p == "2021", "{p}");
        }
    }

    #[test]
    fn repeated_footer_goes() {
        let mut pages: Vec<Vec<String>> = (1..=4)
            .map(|n| {
                vec![
                    ["alpha", "beta", "gamma", "delta"][n - 1].to_owned(),
                    "JOINT CASE MANAGEMENT STATEMENT Case No. 4:21-cv-02632-DMR".to_owned(),
                ]
            })
            .collect();
        let removed = strip_repeated(&mut pages);
        assert_eq!(removed.len(), 1);
        assert!(pages.iter().all(|p| p[1].is_empty() && !p[0].is_empty()));
    }
}
