//! CM/ECF appellate "General Docket" pages (courts of appeals, bankruptcy appellate
//! panels): a case stub (`Court of Appeals Docket #`, `Docketed:`, `Termed:`, the title
//! line), a party table whose rows print the party's name over its role with the
//! attorneys beside it (each attorney a block of lines, roles in brackets), and the
//! entries as rows of date, document link and text.

use scraper::{ElementRef, Html, Selector};

use super::{Attorney, DocketSheet, Entry, Party, dom, fields, roles};
use crate::metadata::date::parse_date;

/// Read an appellate docket into `sheet`.
pub fn read(doc: &Html, sheet: &mut DocketSheet) {
    let tr = Selector::parse("tr").expect("valid selector");
    let rows: Vec<ElementRef> = doc
        .select(&tr)
        .filter(|r| {
            !r.descendent_elements()
                .skip(1)
                .any(|e| e.value().name() == "table")
        })
        .collect();
    let mut text = String::new();
    dom::lines(doc.root_element(), &mut text, &|_| false);
    let head: String = text.lines().take(120).collect::<Vec<_>>().join("\n");
    fields::read_header(&head, sheet);
    // The title is the line after the docket number in the case stub.
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(i) = lines.iter().position(|l| l.contains("Docket #")) {
        let title = lines[i + 1..]
            .iter()
            .find(|l| l.contains(" v. ") || l.to_lowercase().starts_with("in re"));
        if let Some(t) = title {
            sheet.case_name = Some(t.to_string());
        }
    }
    for row in &rows {
        let cells = dom::cells(*row);
        if let Some(p) = party_row(&cells) {
            if !sheet
                .parties
                .iter()
                .any(|o| o.name == p.name && o.role == p.role)
            {
                sheet.parties.push(p);
            }
        } else if let Some(e) = entry_row(&cells) {
            sheet.entries.push(e);
        }
    }
    if sheet.entries.is_empty() {
        sheet.notes.push(super::Note::NoEntryTable);
    }
}

/// Lines of a cell, split at line breaks.
fn cell_lines(cell: ElementRef) -> Vec<String> {
    let mut s = String::new();
    dom::lines(cell, &mut s, &|_| false);
    s.lines()
        .map(dom::squash)
        .filter(|l| !l.is_empty())
        .collect()
}

fn party_row(cells: &[ElementRef]) -> Option<Party> {
    if cells.len() != 2 {
        return None;
    }
    let left = cell_lines(cells[0]);
    let role = left.last()?.clone();
    if left.len() < 2 || !roles::is_role(&role) {
        return None;
    }
    let name = left[0].clone();
    let mut date_terminated = None;
    let mut extra = Vec::new();
    for l in &left[1..left.len() - 1] {
        if let Some(rest) = l.strip_prefix("Terminated:") {
            date_terminated = parse_date(rest);
        }
        extra.push(l.clone());
    }
    Some(Party {
        side: roles::side(&role),
        role,
        name,
        date_terminated,
        extra_info: extra,
        attorneys: attorneys(cells[1]),
    })
}

/// Attorney blocks: separated by a blank line, the name first, `[roles]` in brackets.
fn attorneys(cell: ElementRef) -> Vec<Attorney> {
    let mut s = String::new();
    dom::lines(cell, &mut s, &|_| false);
    let mut out = Vec::new();
    for block in s.split("\n\n") {
        let lines: Vec<String> = block
            .lines()
            .map(dom::squash)
            .filter(|l| !l.is_empty())
            .collect();
        let Some(name) = lines.first() else { continue };
        let mut a = Attorney {
            name: name.clone(),
            ..Attorney::default()
        };
        for l in &lines[1..] {
            if let Some(r) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                a.roles.push(r.to_string());
            } else {
                a.contact.push(l.clone());
            }
        }
        let office: Vec<String> = a
            .contact
            .iter()
            .filter(|l| {
                !l.starts_with("Direct:") && !l.starts_with("Fax:") && !l.starts_with("Email:")
            })
            .cloned()
            .collect();
        a.firm = fields::firm(&office);
        out.push(a);
    }
    out
}

fn entry_row(cells: &[ElementRef]) -> Option<Entry> {
    if cells.len() < 3 {
        return None;
    }
    let date = dom::text(cells[0]);
    if date.len() > 10 || !date.contains('/') {
        return None;
    }
    let date_filed = parse_date(&date)?;
    // The document link: its text when it is a number, else the document id it names
    // (restricted documents show a padlock and a page count instead).
    let a = Selector::parse("a[href]").expect("valid selector");
    let number = cells[1].select(&a).find_map(|l| {
        let t = dom::text(l);
        if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
            return Some(t);
        }
        let href = l.value().attr("href")?;
        let last = href.rsplit('/').next()?;
        (!last.is_empty() && last.chars().all(|c| c.is_ascii_digit())).then(|| last.to_string())
    });
    // Entries without a document print the number as plain text.
    let number = number.or_else(|| {
        let t = dom::text(cells[1]);
        let mut words = t.split_whitespace();
        let first = words.next()?;
        let next = words.next().unwrap_or("");
        (first.chars().all(|c| c.is_ascii_digit()) && !next.starts_with("pg"))
            .then(|| first.to_string())
    });
    let description = dom::text(cells[cells.len() - 1]);
    let date_entered = fields::entered_stamp(&description).or_else(|| Some(date_filed.clone()));
    Some(Entry {
        number,
        date_filed: Some(date_filed),
        date_entered,
        description,
    })
}
