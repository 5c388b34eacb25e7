//! The labelled header fields of a docket sheet (`Date Filed:`, `Assigned to:`,
//! `Nature of Suit:` ...), read from the header's text, and what a sheet gives a
//! filing's metadata.

use once_cell::sync::Lazy;
use regex::Regex;

use super::{DocketSheet, Form, Party, Side, dom};
use crate::metadata::date::parse_date;
use crate::metadata::names::{is_all_caps, proper_case};
use crate::metadata::{Metadata, court, docket};

/// Which header field a label fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    DateFiled,
    DateTerminated,
    AssignedTo,
    ReferredTo,
    Cause,
    NatureOfSuit,
    JuryDemand,
    Demand,
    Jurisdiction,
}

/// Header labels as CM/ECF prints them (compared case-insensitively, at a line's
/// start), and the field each fills. The first value found for a field wins.
const LABELS: &[(&str, Field)] = &[
    ("date filed:", Field::DateFiled),
    ("docketed:", Field::DateFiled),
    ("date terminated:", Field::DateTerminated),
    ("termed:", Field::DateTerminated),
    ("date closed:", Field::DateTerminated),
    ("assigned to:", Field::AssignedTo),
    ("referred to:", Field::ReferredTo),
    ("cause:", Field::Cause),
    ("nature of suit:", Field::NatureOfSuit),
    ("nature[s] of suit:", Field::NatureOfSuit),
    ("jury demand:", Field::JuryDemand),
    ("demand:", Field::Demand),
    ("jurisdiction:", Field::Jurisdiction),
];

/// Words of a judge's title printed before the name ("BANKRUPTCY JUDGE", "Hon.").
const JUDGE_TITLE_WORDS: &[&str] = &[
    "hon.",
    "hon",
    "honorable",
    "the",
    "chief",
    "senior",
    "u.s.",
    "us",
    "united",
    "states",
    "bankruptcy",
    "district",
    "magistrate",
    "mag.",
    "judge",
    "justice",
];

/// Read the header fields, the docket number and the case title from the header text.
pub fn read_header(text: &str, sheet: &mut DocketSheet) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let lower = line.to_lowercase();
        for (label, field) in LABELS {
            let Some(pos) = lower.find(label) else {
                continue;
            };
            // A label starts its line or follows the end of another field's value.
            if pos > 0 && !lower[..pos].ends_with([' ', '\t']) {
                continue;
            }
            if pos > 0 && matches!(field, Field::Demand) {
                continue;
            }
            let mut value = line[pos + label.len()..].trim().to_string();
            if value.is_empty() {
                value = lines.get(i + 1).map(|s| s.to_string()).unwrap_or_default();
                if LABELS
                    .iter()
                    .any(|(l, _)| value.to_lowercase().starts_with(l))
                {
                    value.clear();
                }
            }
            if *field == Field::NatureOfSuit && value.chars().all(|c| c.is_ascii_digit()) {
                value = numbered_natures(&lines[i + 1..]);
            }
            set(sheet, *field, &value);
            break;
        }
    }
    if sheet.docket_number.is_none() {
        sheet.docket_number = lines.iter().find_map(|l| heading_number(l));
    }
    if sheet.case_name.is_none() {
        sheet.case_name = lines
            .iter()
            .find_map(|l| {
                let lower = l.to_lowercase();
                lower
                    .starts_with("case title:")
                    .then(|| l["case title:".len()..].trim().to_string())
            })
            .or_else(|| title_after_heading(&lines))
            .or_else(|| lines.iter().take(60).find_map(|l| case_title(l)))
            .map(|t| tidy_case_name(&t))
            .filter(|t| !t.is_empty());
    }
    if sheet.court.is_none() {
        sheet.court = court::find_court(text);
    }
}

/// `12` / `Recovery of money/property` pairs, as adversary proceedings list them.
fn numbered_natures(lines: &[&str]) -> String {
    let mut out = Vec::new();
    let mut it = lines.iter();
    while let Some(code) = it.next() {
        if !code.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        match it.next() {
            Some(what) => out.push(format!("{code} {what}")),
            None => break,
        }
    }
    out.join("; ")
}

fn set(sheet: &mut DocketSheet, field: Field, value: &str) {
    let value = dom::squash(value);
    if value.is_empty() {
        return;
    }
    let slot = match field {
        Field::DateFiled => &mut sheet.date_filed,
        Field::DateTerminated => &mut sheet.date_terminated,
        Field::AssignedTo => &mut sheet.assigned_to,
        Field::ReferredTo => &mut sheet.referred_to,
        Field::Cause => &mut sheet.cause,
        Field::NatureOfSuit => &mut sheet.nature_of_suit,
        Field::JuryDemand => &mut sheet.jury_demand,
        Field::Demand => &mut sheet.demand,
        Field::Jurisdiction => &mut sheet.jurisdiction,
    };
    if slot.is_some() {
        return;
    }
    *slot = match field {
        Field::DateFiled | Field::DateTerminated => parse_date(&value),
        Field::AssignedTo | Field::ReferredTo => judge_name(&value),
        _ => Some(value),
    };
}

/// A judge's name without the title words printed before it, in proper case.
pub fn judge_name(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| !JUDGE_TITLE_WORDS.contains(&w.to_lowercase().as_str()))?;
    let name = words[start..].join(" ");
    // Some courts glue the division to the name ("Daniel S. Opperman.BayCity").
    let name = match name.rfind('.') {
        Some(i)
            if name[i + 1..].starts_with(|c: char| c.is_ascii_uppercase())
                && name[i + 1..].chars().all(|c| c.is_ascii_alphabetic())
                && name[..i]
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_lowercase()) =>
        {
            name[..i].to_string()
        }
        _ => name,
    };
    let name = name.trim_end_matches([',', ';']).trim();
    if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    Some(if is_all_caps(name) {
        proper_case(name)
    } else {
        name.to_string()
    })
}

static DISTRICT_NUMBER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b((?:\d{1,2}:)?\d\d-[a-zA-Z]{1,4}-\d{1,10})").expect("valid regex"));
static BANKRUPTCY_NUMBER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"#:?\s*((?:\d-)?\d\d-\d+)").expect("valid regex"));

/// The docket number on the heading line (`CIVIL DOCKET FOR CASE #: 3:09-cv-1-JSW`).
fn heading_number(line: &str) -> Option<String> {
    let at = line.find("#:").or_else(|| line.find("Docket #"))?;
    let rest = &line[at..];
    DISTRICT_NUMBER
        .captures(rest)
        .or_else(|| BANKRUPTCY_NUMBER.captures(rest))
        .map(|c| c[1].to_string())
}

static CASE_TITLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:case\s+title:\s*)?(.{1,200}?\bv(?:s)?\.?\s.{1,200})$")
        .expect("valid regex")
});

/// `Case title: USA v. Alfaro-Medina`, or a title line `Pereira v. Sessions`.
fn case_title(line: &str) -> Option<String> {
    let c = CASE_TITLE.captures(line)?;
    let t = c[1].trim();
    if t.contains(':') && !line.to_lowercase().starts_with("case title") {
        return None;
    }
    Some(t.to_string())
}

/// District sheets print the title on the first line under the heading, before the
/// labelled fields.
fn title_after_heading(lines: &[&str]) -> Option<String> {
    let at = lines.iter().position(|l| l.contains("DOCKET FOR CASE #"))?;
    let next = lines.get(at + 1)?;
    let lower = next.to_lowercase();
    if LABELS.iter().any(|(l, _)| lower.contains(l)) || next.ends_with(':') {
        return None;
    }
    Some(next.to_string())
}

static ET_AL_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i),?\s+et\s+al\.?\s*$").expect("valid regex"));
static VS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s+(?:vs?\.?|V\.)\s+").expect("valid regex"));
static IN_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^in\s+re:?\s+").expect("valid regex"));

/// A title as a case name: `v.` between the sides, no trailing "et al", `In re`.
pub fn tidy_case_name(t: &str) -> String {
    let t = dom::squash(t);
    let t = ET_AL_END.replace(&t, "");
    let t = VS.replacen(&t, 1, " v. ");
    let t = IN_RE.replace(&t, "In re ");
    t.trim().trim_end_matches(',').trim().to_string()
}

static ECF_HOST: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)ecf\.([a-z0-9]{2,8})\.uscourts\.gov").expect("valid regex"));

/// The court named by the page's own links (`https://ecf.cand.uscourts.gov/doc1/...`).
pub fn court_from_links(html: &str, sheet: &mut DocketSheet) {
    let head = &html[..court::floor_char(html, html.len().min(512 * 1024))];
    if let Some(c) = ECF_HOST
        .captures_iter(head)
        .find_map(|c| court::by_id(&c[1].to_lowercase()))
    {
        sheet.court = Some(c);
    }
}

/// The case's name from its parties when the sheet prints no title: `In re <debtor>`
/// for a bankruptcy case, `<first plaintiff> v. <first defendant>` otherwise.
pub fn title_of_parties(parties: &[Party], form: Form) -> Option<String> {
    let first = |side: Side| {
        parties
            .iter()
            .find(|p| p.side == side)
            .map(|p| p.name.as_str())
    };
    match form {
        // A case under chapter 15 names the foreign representative, not a debtor.
        Form::Bankruptcy => parties
            .iter()
            .find(|p| super::roles::key(&p.role) == "debtor")
            .map(|p| p.name.as_str())
            .or_else(|| first(Side::Debtor))
            .or_else(|| parties.first().map(|p| p.name.as_str()))
            .map(|d| format!("In re {}", d.trim_end_matches(','))),
        _ => match (first(Side::Plaintiff), first(Side::Defendant)) {
            (Some(p), Some(d)) => Some(format!("{p} v. {d}")),
            (Some(p), None) => Some(p.to_string()),
            _ => first(Side::Debtor).map(|d| format!("In re {d}")),
        },
    }
}

static ENTERED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)[\[(]Entered:\s*(\d{1,2}/\d{1,2}/\d{2,4})").expect("valid regex")
});

/// The `(Entered: 01/05/2017)` stamp at the end of an entry's text.
pub fn entered_stamp(description: &str) -> Option<String> {
    ENTERED
        .captures_iter(description)
        .last()
        .and_then(|c| parse_date(&c[1]))
}

/// Address lines that are not an office's name.
const NOT_FIRM_STARTS: &[&str] = &[
    "p.o.",
    "po box",
    "p o box",
    "post office",
    "suite",
    "ste ",
    "email",
    "e-mail",
    "fax",
    "phone",
    "tel",
    "direct:",
    "pro se",
    "(see above",
    "one ",
    "two ",
    "three ",
    "room ",
    "floor",
    "terminated",
    "[",
];

/// The firm in an attorney's address block: its first line, unless that line is a
/// street, box, telephone or e-mail line.
pub fn firm(contact: &[String]) -> Option<String> {
    let first = contact.first()?.trim();
    let lower = first.to_lowercase();
    let street = first.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        || NOT_FIRM_STARTS.iter().any(|s| lower.starts_with(s))
        || first.contains('@')
        || first.chars().filter(|c| c.is_ascii_digit()).count() >= 5;
    (!street && first.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| first.to_string())
}

static FICTITIOUS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:does?|(?:john|jane)\s+does?)\b").expect("valid regex"));

/// Put a sheet's reading into a filing's metadata: its parties by side, and the case
/// name, judge, court, date and docket number where the text reading found none.
pub fn apply(sheet: &DocketSheet, meta: &mut Metadata) {
    let names = |sides: &[Side]| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        // Unnamed defendants ("Does 1-10") stay on the sheet but name no one.
        for p in sheet
            .parties
            .iter()
            .filter(|p| sides.contains(&p.side) && !FICTITIOUS.is_match(&p.name))
        {
            if !v.contains(&p.name) {
                v.push(p.name.clone());
            }
        }
        v
    };
    let plaintiffs = names(&[Side::Plaintiff]);
    let defendants = names(&[Side::Defendant]);
    // State pages' party tables vary; their caption, read from the text, is kept when
    // it names parties.
    let keep_caption =
        sheet.form == Form::State && !(meta.plaintiffs.is_empty() && meta.defendants.is_empty());
    if (!plaintiffs.is_empty() || !defendants.is_empty()) && !keep_caption {
        meta.plaintiffs = plaintiffs;
        meta.defendants = defendants;
    }
    if meta.case_name.is_none() {
        meta.case_name = sheet.case_name.clone();
    }
    if meta.judge.is_none() {
        meta.judge = sheet.assigned_to.clone();
    }
    if meta.court.is_none() {
        meta.court = sheet.court.clone();
    }
    if meta.date.is_none()
        && let Some(d) = &sheet.date_filed
    {
        meta.date = Some(d.clone());
        meta.date_kind = Some("filed".into());
    }
    if let Some(d) = sheet.docket_number.as_deref().and_then(docket::normalize)
        && !meta.dockets.iter().any(|o| o.canonical == d.canonical)
    {
        meta.dockets.insert(0, d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_titles_are_dropped() {
        assert_eq!(
            judge_name("BANKRUPTCY JUDGE MARGARET A. MAHONEY").as_deref(),
            Some("Margaret A. Mahoney")
        );
        assert_eq!(
            judge_name("Hon. Jeffrey S. White").as_deref(),
            Some("Jeffrey S. White")
        );
        assert_eq!(judge_name("Judge"), None);
        assert_eq!(
            judge_name("Judge Daniel S. Opperman.BayCity").as_deref(),
            Some("Daniel S. Opperman")
        );
    }

    #[test]
    fn heading_numbers_lose_their_suffixes() {
        assert_eq!(
            heading_number("CRIMINAL DOCKET FOR CASE #: 3:09-cr-00418-JSW-1").as_deref(),
            Some("3:09-cr-00418")
        );
        assert_eq!(
            heading_number("Bankruptcy Petition #: 10-00276").as_deref(),
            Some("10-00276")
        );
    }

    #[test]
    fn firm_is_the_first_line_unless_it_is_an_address() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            firm(&c(&["Arendall & Associates", "2018 Morris Avenue"])).as_deref(),
            Some("Arendall & Associates")
        );
        assert_eq!(firm(&c(&["6504 Bridgepoint Parkway", "Suite 400"])), None);
        assert_eq!(firm(&c(&["P.O. Box 2767"])), None);
    }
}
