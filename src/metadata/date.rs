//! The filing's date and what kind of date it is (filed, decided, signed...).
//!
//! A filing mentions many dates (hearings, deadlines, earlier orders); the one that
//! dates the document is found by where it is printed: the ECF stamp, a docket sheet's
//! "Date Filed", head matter's "Decided"/"Filed", a "Dated:" signature line, a minute
//! order's "Date" field, or a date standing alone on a line of the head.

use once_cell::sync::Lazy;
use regex::Regex;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// A date as printed: `April 5, 2024`, `Apr. 7, 2021`, `11 February 2022`,
/// `07/14/2021`, `2021-07-14`.
static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?({MONTH}),?\s+(\d{{4}})|(\d{{1,2}})/(\d{{1,2}})/(\d{{2,4}})|(\d{{4}})-(\d{{2}})-(\d{{2}}))\b"
    ))
    .unwrap()
});

fn month_num(m: &str) -> Option<u32> {
    let m = m.trim_end_matches('.').to_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| m.starts_with(n))
        .map(|i| i as u32 + 1)
}

fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|dt| dt.format("%Y-%m-%d").to_string())
}

/// Parse the first date in `s` to ISO.
pub fn parse_date(s: &str) -> Option<String> {
    DATE.captures_iter(s).find_map(|c| date_of(&c))
}

fn date_of(c: &regex::Captures) -> Option<String> {
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(m) = c.get(1) {
        return iso(num(3)? as i32, month_num(m.as_str())?, num(2)?);
    }
    if let Some(m) = c.get(5) {
        return iso(num(6)? as i32, month_num(m.as_str())?, num(4)?);
    }
    if c.get(7).is_some() {
        let mut y = num(9)? as i32;
        if y < 100 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        return iso(y, num(7)?, num(8)?);
    }
    iso(num(10)? as i32, num(11)?, num(12)?)
}

/// Labelled dates, strongest first: (label pattern, kind).
static LABELLED: Lazy<Vec<(Regex, &'static str)>> = Lazy::new(|| {
    let d = r"[ \t]*:?[ \t]*\n?[ \t]*";
    // Line-start labels (also after a side-by-side caption's `)` column separator);
    // in prose, "filed on <date>" is about some other paper.
    let ls = r"(?m)(?:^|\)|[.\u{2014}\u{2013}][ \t]*)[ \t]*";
    [
        (format!(r"(?i){ls}docketed{d}"), "filed"),
        // New York's e-filing stamp: "FILED: NEW YORK COUNTY CLERK 05/17/2022 03:12 PM".
        (
            r"(?m)^[ \t]*FILED:[ \t]*[A-Z][A-Z .]{1,40}?COUNTY CLERK[ \t]+".to_string(),
            "filed",
        ),
        (format!(r"(?i){ls}date\s+filed{d}"), "filed"),
        (
            format!(r"(?i){ls}(?:opinion\s+)?filed(?:\s+on)?{d}"),
            "filed",
        ),
        (
            format!(r"{ls}(?:Decided|DECIDED|Date\s+Decided)(?:\s+on)?{d}"),
            "decided",
        ),
        (format!(r"(?:Decided|DECIDED){d}"), "decided"),
        (format!(r"(?i)\bdate\s+published{d}"), "decided"),
        (format!(r"(?i)\bsigned{d}"), "signed"),
        (format!(r"(?i)\bdated{d}"), "signed"),
        (format!(r"(?i)\bfile\s+date{d}"), "filed"),
        (format!(r"(?i)\bdate{d}"), "dated"),
    ]
    .into_iter()
    .map(|(p, k)| (Regex::new(&p).unwrap(), k))
    .collect()
});

/// Dates on hearing and deadline lines do not date the document.
static NOT_DOC_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)hearing|\bmotion\b|conference|trial|argument|deadline|due|argued|submitted|time:|reconsideration|certiorari|rehearing|born|birth|termed|terminated|order/judgment|noa|rec'd|originating")
        .unwrap()
});

fn line_of(text: &str, pos: usize) -> &str {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    &text[start..end]
}

fn prev_line(text: &str, pos: usize) -> &str {
    let start = text[..pos].rfind('\n').unwrap_or(0);
    let before = &text[..start];
    let pstart = before.rfind('\n').map_or(0, |i| i + 1);
    &before[pstart..]
}

/// The document's date and its kind, from the head (and the signature at the end).
pub fn find_date(head: &str, tail: &str) -> Option<(String, String)> {
    for (re, kind) in LABELLED.iter() {
        for m in re.find_iter(head) {
            let after = &head[m.end()..];
            let Some(c) = DATE.captures(after) else {
                continue;
            };
            let Some(dm) = c.get(0) else { continue };
            if dm.start() > 3 {
                continue;
            }
            let line = line_of(head, m.start());
            let label_line_before = &line[..line
                .len()
                .min(line.find(m.as_str().trim()).unwrap_or(line.len()))];
            // Hearing and deadline dates only mislead the generic labels.
            let generic = matches!(*kind, "dated" | "signed");
            if generic && NOT_DOC_DATE.is_match(label_line_before)
                || (*kind == "dated" && NOT_DOC_DATE.is_match(prev_line(head, m.start())))
            {
                continue;
            }
            if let Some(d) = date_of(&c) {
                let k = if *kind == "dated" { "signed" } else { kind };
                return Some((d, k.to_string()));
            }
        }
        if *kind == "signed" {
            // A signature's "Dated:" is at the end of the document.
            if let Some(d) = re.find_iter(tail).last().and_then(|m| {
                let after = &tail[m.end()..];
                DATE.captures(after)
                    .filter(|c| c.get(0).is_some_and(|x| x.start() <= 3))
                    .and_then(|c| date_of(&c))
            }) {
                return Some((d, "signed".into()));
            }
        }
    }
    // A date alone on a line of the head matter ("January 26, 1891.").
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(120)
        .collect();
    for (i, line) in lines.iter().enumerate() {
        // "Feb. 15" / "2011." printed on two lines.
        if let Some(next) = lines.get(i + 1) {
            let year = next.trim_end_matches('.');
            if year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && let Some(d) = parse_date(&format!("{line}, {year}"))
                && line.len() <= 12
            {
                return Some((d, "decided".into()));
            }
        }
        let l = line.trim().trim_end_matches('.');
        // Slip opinions of the Supreme Court and Florida's district courts of appeal
        // print the decision date in brackets: "[June 13, 2013]".
        let l = l
            .strip_prefix('[')
            .and_then(|b| b.strip_suffix(']'))
            .unwrap_or(l);
        if let Some(m) = DATE.find(l)
            && m.start() == 0
            && m.end() == l.len()
            && let Some(d) = parse_date(l)
        {
            return Some((d, "decided".into()));
        }
    }
    // Weak labels: "Filed" inside a line, "entered on".
    static WEAK: Lazy<Vec<(Regex, &'static str)>> = Lazy::new(|| {
        [
            (r"\b(?:Filed|FILED)[ \t]*:?[ \t]*", "filed"),
            (r"(?i)\bentered\s+(?:this|on)\s+", "signed"),
        ]
        .into_iter()
        .map(|(p, k)| (Regex::new(p).unwrap(), k))
        .collect()
    });
    for (re, kind) in WEAK.iter() {
        for m in re.find_iter(head) {
            let after = &head[m.end()..];
            if let Some(c) = DATE.captures(after)
                && c.get(0).is_some_and(|x| x.start() == 0)
                && let Some(d) = date_of(&c)
            {
                return Some((d, (*kind).to_string()));
            }
        }
    }
    // "this 29th day of August, 2014"
    static DAY_OF: Lazy<Regex> = Lazy::new(|| {
        Regex::new(&format!(
            r"(?i)this\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+day\s+of\s+({MONTH}),?\s+(\d{{4}})"
        ))
        .unwrap()
    });
    for t in [head, tail] {
        if let Some(c) = DAY_OF.captures(t) {
            let d = c[1].parse().ok();
            let y = c[3].parse().ok();
            if let (Some(d), Some(m), Some(y)) = (d, month_num(&c[2]), y)
                && let Some(s) = iso(y, m, d)
            {
                return Some((s, "signed".into()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms() {
        assert_eq!(parse_date("April 5, 2024").as_deref(), Some("2024-04-05"));
        assert_eq!(parse_date("Apr. 7, 2021").as_deref(), Some("2021-04-07"));
        assert_eq!(
            parse_date("Filed 11 February 2022").as_deref(),
            Some("2022-02-11")
        );
        assert_eq!(parse_date("07/14/21").as_deref(), Some("2021-07-14"));
        assert_eq!(parse_date("Sept. 30, 2014").as_deref(), Some("2014-09-30"));
    }

    #[test]
    fn picks_document_date() {
        let head = "Case No. CV 20-9893 JGB (SHKx) Date April 5, 2024\n";
        assert_eq!(find_date(head, "").unwrap().0, "2024-04-05");
        let head = "**Case Management Conference\nDate: July 21, 2021**\n";
        let tail = "Respectfully submitted,\n\nDATED: July 14, 2021\n";
        assert_eq!(
            find_date(head, tail).unwrap(),
            ("2021-07-14".into(), "signed".into())
        );
        let head = "Argued May 19, 2014.\n Decided Sept. 30, 2014.\n";
        assert_eq!(find_date(head, "").unwrap().0, "2014-09-30");
        let head = "No. 4D2026-1787\n[August 12, 2026]\nPetition for writ of certiorari\n";
        assert_eq!(find_date(head, "").unwrap().0, "2026-08-12");
    }
}
