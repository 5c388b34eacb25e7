//! Title lines naming the case: `Title X v. Y`, `Case title: X v. Y`, `Short Title:`,
//! a clerk's `RE:` line, a bare `X v. Y` line; and the publisher's short name heading a
//! page.

use once_cell::sync::Lazy;
use regex::Regex;

use super::super::names::is_all_caps;
use super::lines::without_header_doc;
use super::parties::fill_side;
use super::vocab::strip_et_al;
use super::{Caption, CaptionInput};

/// A title line naming the case: `Title X v. Y`, `Case title: X v. Y`, `RE: X v. Y`,
/// `Short Title: X v. Y`, or a bare `X v. Y` line.
static TITLE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:case\s+)?title:?|short\s+title:|re:|full\s+case\s+caption:)?\s*(?:case\s+(?:no\.?|number:?)\s*[\w:-]+,?\s*)?(.{2,200}?)\s+(?:v|vs)\.?\s+(.{2,200}?)\s*$")
        .unwrap()
});

/// A title line among the first forty lines.
pub(super) fn title_line(input: &CaptionInput) -> Option<Caption> {
    title_line_caption(&input.lines)
}

fn title_line_caption(lines: &[String]) -> Option<Caption> {
    static PROSE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^(?:see|cf\.|in|but|and|accord|quoting|citing)\b|\(quoting|\bat\s+\d|\d+\s+F\.|\bWL\b|\bcir\.")
            .unwrap()
    });
    let nonempty: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).take(40).collect();
    for (k, l) in nonempty.iter().enumerate() {
        // A clerk's "Short Title:" field wraps onto the next line ("... v. National" /
        // "Football League Playe").
        let joined;
        let l: &String = match nonempty.get(k + 1) {
            Some(next)
                if l.to_lowercase().starts_with("short title:")
                    && !next.contains(':')
                    && next.split_whitespace().count() <= 6 =>
            {
                joined = format!("{l} {next}");
                &joined
            }
            _ => l,
        };
        let renum = RE_NUMBER.replace(l, "$1");
        let l = renum.as_ref();
        if l.len() > 250 || l.contains("Slip Op") || PROSE.is_match(l) {
            continue;
        }
        let Some(c) = TITLE_LINE.captures(l) else {
            continue;
        };
        // "Olena V. Ripnick-O'Farrell": a capital V. in mixed case is an initial.
        if !is_all_caps(l) && (l.contains(" V. ") || l.contains(" VS. ")) && !l.contains(" v") {
            continue;
        }
        let (p, d) = (c.get(1)?.as_str(), c.get(2)?.as_str());
        // Prose sentences also contain " v. " (citations); a title line is short and
        // starts with a capital.
        if !p
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
        {
            continue;
        }
        if p.split_whitespace().count() > 14 || d.split_whitespace().count() > 14 {
            continue;
        }
        if d.contains(" U.S. ")
            || d.contains(" F.")
            || d.chars().any(|ch| ch == '(') && d.contains(')') && d.contains("Cir")
        {
            continue;
        }
        let mut cap = Caption::default();
        fill_side(p, &mut cap.plaintiffs, &mut cap.et_al);
        fill_side(d, &mut cap.defendants, &mut cap.et_al);
        if !cap.plaintiffs.is_empty() && !cap.defendants.is_empty() {
            // A "Short Title:" is abbreviated by the clerk: it names the case, but its
            // cut-off names are not the parties.
            if l.to_lowercase().trim_start().starts_with("short title") {
                cap.short_name = cap.case_name();
                cap.plaintiffs.clear();
                cap.defendants.clear();
            }
            return Some(cap);
        }
    }
    None
}

/// `RE: 21-3390 Kowalski v. Union Pacific`: the clerk's docket number before the name.
static RE_NUMBER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(re:?\s+)(?:(?:case\s+)?nos?\.?\s*)?\d[\w:-]*\d,?\s+").unwrap());

/// A clerk's letter's `RE: X v. Y` line anywhere in `text`.
pub fn find_re_line(text: &str) -> Option<Caption> {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            let low = l.to_lowercase();
            low.starts_with("re:") || low.starts_with("re ")
        })
        .map(|l| RE_NUMBER.replace(l, "$1").into_owned())
        .collect();
    title_line_caption(&lines)
}

/// The publisher's own short name heading a page (`People v Seymore (2026 NY Slip Op
/// 00028)`, casetext's `Al Otro Lado, Inc. v. Mayorkas`): the case name as the
/// court's reporter abbreviates it.
pub fn heading_case_name(head: &str) -> Option<String> {
    static HEADING: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^\s*([A-Z0-9][^\n]{1,120}?)\s+(?:v|vs)\.?\s+([A-Z][^\n]{1,120}?)(?:\s+\(\d{4}\s[^)]*\)|\s+-\s+\d{4}\s+NY\s+Slip\s+Op\s+\d+)?\s*$").unwrap()
    });
    for raw in head.lines().filter(|l| !l.trim().is_empty()).take(3) {
        let l = without_header_doc(raw);
        let l = l.trim();
        if l.len() > 160 || is_all_caps(l) {
            continue;
        }
        if let Some(c) = HEADING.captures(l) {
            let (a, b) = (strip_et_al(&c[1]), strip_et_al(&c[2]));
            if a.split_whitespace().count() <= 10 && b.split_whitespace().count() <= 10 {
                return Some(format!("{a} v. {b}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_header_document_number_is_no_part_of_the_name() {
        // Justia's page header on N.D. Ohio and D. Conn. orders.
        let head = "Burgess v. Greater Cleveland Regional Transit Authority                                                         Doc. 38\n";
        assert_eq!(
            heading_case_name(head).as_deref(),
            Some("Burgess v. Greater Cleveland Regional Transit Authority")
        );
        let head = "Sorrentino v. Fay Servicing, LLC et al                                                                                   Doc. 48\n";
        assert_eq!(
            heading_case_name(head).as_deref(),
            Some("Sorrentino v. Fay Servicing, LLC")
        );
        assert_eq!(
            heading_case_name("Harris v. Bank of America Doc. 20\n").as_deref(),
            Some("Harris v. Bank of America")
        );
        // A title line in prose keeps what follows the name.
        let c = title_line(&CaptionInput::new(
            "Title Immigrant Defenders Law Center, et al. v. Alejandro Mayorkas, et al.\n",
        ))
        .unwrap();
        assert_eq!(
            c.case_name().as_deref(),
            Some("Immigrant Defenders Law Center v. Mayorkas")
        );
    }
}
