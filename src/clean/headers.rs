//! ECF running headers ("Case 4:21-cv-02632-DMR Document 25 Filed 07/14/21 Page 3 of 5"
//! and the appellate variants). They are stamped on every page by CM/ECF, so they must
//! leave the body (they would swamp phrase and proximity queries) but their case
//! number, docket entry and filing date are the most reliable metadata a filing has.

use once_cell::sync::Lazy;
use regex::Regex;

use super::EcfHeader;

/// A docket number as ECF prints it: `4:21-cv-02632-DMR`, `20-16276`, `18-53173-jwc`.
const DOCKET: &str = r"(?:\d{1,2}:)?\d{2}-?[A-Za-z]{0,4}-?\d{3,6}(?:-[A-Za-z0-9]{1,5})*";

/// The start of a header: who stamped it and the case number.
static START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:(?:USCA\d{{1,2}}\s+)?Appeal|Appellate\s+Case|Case)\s*:?\s*({DOCKET})\b|({DOCKET})\s+#\s*\d)"
    ))
    .unwrap_or_else(|_| unreachable_regex())
});

/// Pieces of a header line after the case number; a header is made only of these.
static PIECE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?i)^[\s,;-]*(?:",
        r"(?:(?:Document|Doc\.?|DktEntry|Dkt\.?)\s*#?\s*:?|#)\s*(?P<doc>\d+(?:-\d+)?)",
        r"|(?:Date\s+)?Filed\s*:?\s*(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})",
        r"|Entered\s*:?\s*\d{1,2}/\d{1,2}/\d{2,4}(?:\s+\d{1,2}:\d{2}:\d{2})?",
        r"|(?P<date>\d{1,2}/\d{1,2}/\d{4})",
        r"|ID\s*:?\s*\d+|Entry\s+ID\s*:?\s*\d+",
        r"|Page\s*:?\s*\d+(?:\s+of\s+\d+)?|Pg\s*:?\s*\d+(?:\s+of\s+\d+)?|\d+\s+of\s+\d+\.?",
        r"|Page\s*ID\s*#?\s*:?\s*\d+|PageID\s*#?\s*:?\s*\d+",
        r"|USDC\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|Main\s+Document|Desc\s+Main|Exhibit\s+\S+",
        r"|\d{5,}",
        r")"
    ))
    .unwrap_or_else(|_| unreachable_regex())
});

fn unreachable_regex() -> Regex {
    // The patterns above are constants; this only keeps construction panic-free.
    Regex::new("$^").unwrap_or_else(|_| unreachable!())
}

/// Parse one (possibly re-joined) line as an ECF header. The whole line must consist of
/// header pieces, so a sentence that merely starts with "Case 1:20-cv-1" is not taken.
pub fn parse_header_line(line: &str) -> Option<EcfHeader> {
    let line = line.trim();
    let caps = START.captures(line)?;
    // "Case 4:21-cv-02632" or, as some districts stamp it, the bare number before "# 20".
    let number = caps.get(1).or_else(|| caps.get(2))?;
    let case_number = number.as_str().to_owned();
    let mut rest = &line[number.end()..];
    let mut header = EcfHeader {
        case_number,
        document: None,
        filed: None,
    };
    let mut pieces = 0;
    let mut appellate_date = None;
    loop {
        let trimmed = rest.trim_start_matches([' ', ',', ';', '\t', '-']);
        if trimmed.is_empty() {
            break;
        }
        let m = PIECE.captures(trimmed)?;
        let whole = m.get(0)?;
        if whole.as_str().trim().is_empty() {
            return None;
        }
        if let Some(d) = m.name("doc") {
            header.document.get_or_insert_with(|| d.as_str().to_owned());
        }
        if let Some(f) = m.name("filed") {
            header.filed.get_or_insert_with(|| iso_date(f.as_str()));
        }
        if let Some(d) = m.name("date") {
            appellate_date.get_or_insert_with(|| iso_date(d.as_str()));
        }
        pieces += 1;
        rest = &trimmed[whole.end()..];
    }
    if pieces == 0 {
        return None;
    }
    if header.filed.is_none() {
        header.filed = appellate_date;
    }
    Some(header)
}

/// `07/14/21` → `2021-07-14`; unparseable dates are kept as printed.
pub fn iso_date(s: &str) -> String {
    let parts: Vec<&str> = s.split('/').collect();
    if let [m, d, y] = parts[..]
        && let (Ok(m), Ok(d), Ok(y)) = (m.parse::<u32>(), d.parse::<u32>(), y.parse::<u32>())
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
    {
        let y = match y {
            0..=69 => 2000 + y,
            70..=99 => 1900 + y,
            _ => y,
        };
        return format!("{y:04}-{m:02}-{d:02}");
    }
    s.to_owned()
}

/// Remove ECF header lines from a page (used to judge whether a page has real text).
pub fn strip_header_lines(page: &str) -> String {
    let (body, _) = split_headers(page);
    body
}

/// Split a page into body text and the ECF headers found on it. Extractors often break
/// a header over several lines ("Case: 20-1507", "Document: 00117684624", "Page: 1"),
/// so runs of up to eight consecutive lines near the top and bottom are re-joined and
/// tried as one header.
pub fn split_headers(page: &str) -> (String, Vec<EcfHeader>) {
    let lines: Vec<&str> = page.lines().collect();
    let mut drop = vec![false; lines.len()];
    let mut headers = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() || !START.is_match(lines[i]) {
            i += 1;
            continue;
        }
        let mut best = None;
        let mut joined = String::new();
        let mut j = i;
        let mut taken = 0;
        while j < lines.len() && taken < 8 {
            let l = lines[j].trim();
            j += 1;
            if l.is_empty() {
                continue;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(l);
            taken += 1;
            if let Some(h) = parse_header_line(&joined) {
                best = Some((j, h));
            }
        }
        match best {
            Some((end, h)) if h.document.is_some() || h.filed.is_some() => {
                for d in drop.iter_mut().take(end).skip(i) {
                    *d = true;
                }
                headers.push(h);
                i = end;
            }
            _ => i += 1,
        }
    }
    let body = lines
        .iter()
        .zip(&drop)
        .filter(|(_, d)| !**d)
        .map(|(l, _)| *l)
        .collect::<Vec<_>>()
        .join("\n");
    (body, headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_header() {
        let h = parse_header_line("Case 4:21-cv-02632-DMR Document 25 Filed 07/14/21 Page 3 of 5")
            .unwrap_or_default();
        assert_eq!(h.case_number, "4:21-cv-02632-DMR");
        assert_eq!(h.document.as_deref(), Some("25"));
        assert_eq!(h.filed.as_deref(), Some("2021-07-14"));
    }

    #[test]
    fn appellate_header() {
        let h = parse_header_line(
            "Case: 20-16276, 08/05/2020, ID: 11779012, DktEntry: 19-1, Page 1 of 15",
        )
        .unwrap_or_default();
        assert_eq!(h.case_number, "20-16276");
        assert_eq!(h.document.as_deref(), Some("19-1"));
        assert_eq!(h.filed.as_deref(), Some("2020-08-05"));
    }

    #[test]
    fn header_variants_of_other_districts() {
        // (line, case number, document, filed)
        for (line, case, doc, filed) in [
            (
                "Case: 1:21-cv-00123-JRA Doc #: 38 Filed: 02/15/22 1 of 12. PageID #: 456",
                "1:21-cv-00123-JRA",
                "38",
                "2022-02-15",
            ),
            (
                "Case: 3:24-cv-00304-MPM-JMV Doc #: 1 Filed: 09/25/24 1 of 7 PageID #: 1",
                "3:24-cv-00304-MPM-JMV",
                "1",
                "2024-09-25",
            ),
            (
                "Case: 1:25-cv-10320 Document #: 33 Filed: 01/05/26 Page 1 of 13 PageID #:1247",
                "1:25-cv-10320",
                "33",
                "2026-01-05",
            ),
            (
                "Case: 4:24-cv-01277-MTS Doc. #: 24 Filed: 10/23/24 Page: 1 of 2 PageID #: 66",
                "4:24-cv-01277-MTS",
                "24",
                "2024-10-23",
            ),
            (
                "Case 2:20-cv-01234 Document 5 Filed 01/02/20 Page 1 of 3 PageID 12",
                "2:20-cv-01234",
                "5",
                "2020-01-02",
            ),
            (
                "Case: 20-1234 Document: 00515 Page: 1 Date Filed: 01/02/2020",
                "20-1234",
                "00515",
                "2020-01-02",
            ),
            (
                "Doc # 1 Filed: 02/16/26 Page 1 of 5 - Page ID # 1",
                "",
                "",
                "",
            ),
            (
                "1:25-cv-01168-CRL # 20 Filed: 05/20/26 Page 1 of 7",
                "1:25-cv-01168-CRL",
                "20",
                "2026-05-20",
            ),
        ] {
            let h = parse_header_line(line);
            if case.is_empty() {
                // No case number: not an ECF header this parser reads.
                assert!(h.is_none(), "{line}");
                continue;
            }
            let h = h.unwrap_or_default();
            assert_eq!(h.case_number, case, "{line}");
            assert_eq!(h.document.as_deref(), Some(doc), "{line}");
            assert_eq!(h.filed.as_deref(), Some(filed), "{line}");
        }
        assert!(parse_header_line("1:25-cv-01168 was dismissed").is_none());
    }

    #[test]
    fn prose_is_not_a_header() {
        assert!(parse_header_line("Case 1:12-cv-05708 was dismissed on the merits").is_none());
        let (body, h) = split_headers(
            "Case: 20-1507\nDocument: 00117684624\nPage: 1\nDate Filed: 12/15/2020\nBody text",
        );
        assert_eq!(body, "Body text");
        assert_eq!(h.len(), 1);
    }
}
