//! Case pages of state courts and the Supreme Court. Their layouts differ from court to
//! court, so they are read by the shapes they share: labelled header fields
//! (`Date Filed:`), party rows that put a name beside a role word from the role table
//! (`Shaffer, James | Appellant | Jane Roe`), role labels on a line of their own over
//! the party's name, event rows that start with a date, and the Odyssey portal's list of
//! events under its "Events and Hearings" heading ([`odyssey`]).

use scraper::{ElementRef, Html, Selector};

use super::{Attorney, DocketSheet, Entry, Party, dom, fields, odyssey, roles};
use crate::metadata::date::parse_date;

/// The most lines a role label's party name may follow it by.
const NAME_AFTER_LABEL: usize = 2;

/// Read a state or Supreme Court case page into `sheet`.
pub fn read(doc: &Html, sheet: &mut DocketSheet) {
    let mut text = String::new();
    dom::lines(doc.root_element(), &mut text, &|_| false);
    let head: String = text.lines().take(400).collect::<Vec<_>>().join("\n");
    fields::read_header(&head, sheet);

    let tr = Selector::parse("tr").expect("valid selector");
    for row in doc.select(&tr).filter(|r| {
        !r.descendent_elements()
            .skip(1)
            .any(|e| e.value().name() == "table")
    }) {
        let cells = dom::cells(row);
        if let Some(e) = event_row(&cells) {
            sheet.entries.push(e);
        } else if let Some(p) = party_row(&cells)
            && !sheet
                .parties
                .iter()
                .any(|o| o.name == p.name && o.role == p.role)
        {
            sheet.parties.push(p);
        }
    }
    if sheet.parties.is_empty() {
        labelled_parties(&text, sheet);
    }
    if sheet.entries.is_empty() {
        odyssey::read_events(doc, sheet);
    }
    if sheet.entries.is_empty() {
        sheet.notes.push(super::Note::NoEntryTable);
    }
}

/// A row that starts with a date: one event of the case.
fn event_row(cells: &[ElementRef]) -> Option<Entry> {
    if cells.len() < 2 {
        return None;
    }
    let first = dom::text(cells[0]);
    if first.is_empty() || first.len() > 24 || !first.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let date = parse_date(&first)?;
    let mut number = None;
    let mut parts = Vec::new();
    for c in &cells[1..] {
        let t = dom::text(*c);
        if t.is_empty() || (t.starts_with("[ PDF") && t.ends_with(']')) {
            continue;
        }
        if number.is_none()
            && parts.is_empty()
            && t.len() <= 6
            && t.chars().all(|c| c.is_ascii_digit())
        {
            number = Some(t);
            continue;
        }
        parts.push(t);
    }
    if parts.is_empty() {
        return None;
    }
    Some(Entry {
        number,
        date_filed: Some(date.clone()),
        date_entered: Some(date),
        description: parts.join(" · "),
    })
}

/// `Name | Role | Representative ...`: a role word from the table in a later cell.
fn party_row(cells: &[ElementRef]) -> Option<Party> {
    if cells.len() < 2 {
        return None;
    }
    let name = dom::text(cells[0]);
    if name.is_empty() || name.len() > 200 || roles::is_role(&name) {
        return None;
    }
    let at = cells[1..].iter().position(|c| {
        let t = dom::text(*c);
        t.split_whitespace().count() <= 4 && roles::is_role(&t)
    })? + 1;
    let role = dom::text(cells[at]);
    let attorneys = cells[at + 1..]
        .iter()
        .flat_map(|c| {
            let mut s = String::new();
            dom::lines(*c, &mut s, &|_| false);
            s.lines()
                .map(dom::squash)
                .filter(|l| l.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .collect::<Vec<_>>()
        })
        .map(|name| Attorney {
            name,
            ..Attorney::default()
        })
        .collect();
    Some(Party {
        side: roles::side(&role),
        role,
        name,
        date_terminated: None,
        extra_info: Vec::new(),
        attorneys,
    })
}

/// Role labels on a line of their own with the party's name on a following line.
fn labelled_parties(text: &str, sheet: &mut DocketSheet) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (i, l) in lines.iter().enumerate() {
        if l.split_whitespace().count() > 4
            || !roles::is_role(l)
            || roles::side(l) == roles::Side::Other
        {
            continue;
        }
        let Some(name) = lines[i + 1..]
            .iter()
            .take(NAME_AFTER_LABEL)
            .find(|n| !roles::is_role(n) && n.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        else {
            continue;
        };
        if name.contains(':') || name.starts_with('[') {
            continue;
        }
        let p = Party {
            side: roles::side(l),
            role: l.to_string(),
            name: name.to_string(),
            date_terminated: None,
            extra_info: Vec::new(),
            attorneys: Vec::new(),
        };
        if !sheet
            .parties
            .iter()
            .any(|o| o.name == p.name && o.role == p.role)
        {
            sheet.parties.push(p);
        }
    }
}
