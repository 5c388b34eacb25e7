//! PACER CM/ECF district and bankruptcy docket sheets (main cases and adversary
//! proceedings).
//!
//! The page is a heading (`CIVIL DOCKET FOR CASE #: ...`, `Bankruptcy Petition #: ...`),
//! a header of labelled fields, a party table and the docket-entry table. Party rows
//! carry the role as a label (bold underlined in district courts, bold italic in
//! bankruptcy courts, bold over a dashed rule in adversary proceedings), the party's
//! name in bold in the first cell, and its attorneys in the cell after
//! "represented by", each attorney a bold name followed by address lines and italic
//! roles. The entry table starts at the row holding "Docket Text".

use scraper::{ElementRef, Html, Selector};

use super::dom::{self, Piece};
use super::{Attorney, DocketSheet, Entry, Form, Note, Party, fields, roles};
use crate::metadata::date::parse_date;

/// Read a district or bankruptcy sheet into `sheet`.
pub fn read(doc: &Html, html: &str, sheet: &mut DocketSheet) {
    let tr = Selector::parse("tr").expect("valid selector");
    let rows: Vec<ElementRef> = doc.select(&tr).collect();
    let header = rows.iter().position(|r| is_entry_header(*r));

    // The header fields: the page's text before the party table.
    let mut text = String::new();
    let first_party_row = rows[..header.unwrap_or(rows.len())]
        .iter()
        .find(|r| is_leaf(**r) && dom::cells(**r).first().is_some_and(|c| has_label(*c)))
        .map(|r| r.id());
    let stop = |e: ElementRef| Some(e.id()) == first_party_row || is_entry_header(e);
    dom::lines(doc.root_element(), &mut text, &stop);
    fields::read_header(&text, sheet);
    fields::court_from_links(html, sheet);

    sheet.parties = parties(&rows[..header.unwrap_or(rows.len())], sheet.form);
    match header {
        Some(h) => {
            sheet.entries = entries(&rows[h + 1..]);
            if !closes_table(html) {
                sheet.notes.push(Note::Truncated);
            }
        }
        None => sheet.notes.push(Note::NoEntryTable),
    }
    // A title that names only the first plaintiff is completed with the first defendant.
    let lone_plaintiff = sheet.case_name.as_deref().is_some_and(|t| {
        sheet
            .parties
            .iter()
            .find(|p| p.side == roles::Side::Plaintiff)
            .is_some_and(|p| p.name.eq_ignore_ascii_case(t))
    });
    if sheet.case_name.is_none() || lone_plaintiff {
        sheet.case_name =
            fields::title_of_parties(&sheet.parties, sheet.form).or(sheet.case_name.take());
    }
}

/// A row with no table inside it: the rows that hold data.
fn is_leaf(row: ElementRef) -> bool {
    !row.descendent_elements()
        .skip(1)
        .any(|e| e.value().name() == "table")
}

fn is_entry_header(row: ElementRef) -> bool {
    is_leaf(row)
        && dom::cells(row)
            .iter()
            .any(|c| dom::text(*c).eq_ignore_ascii_case("docket text"))
}

fn has_label(cell: ElementRef) -> bool {
    dom::flatten(cell)
        .iter()
        .any(|p| matches!(p, Piece::Label(l) if !l.is_empty() && !l.ends_with(':')))
}

/// Whether the page's last docket-entry table is closed (a cut-off page is not).
fn closes_table(html: &str) -> bool {
    let lower_tail = {
        let start = crate::metadata::court::floor_char(html, html.len().saturating_sub(64 * 1024));
        html[start..].to_ascii_lowercase()
    };
    match lower_tail.rfind("docket text") {
        Some(i) => lower_tail[i..].contains("</table>"),
        None => lower_tail.contains("</table>"),
    }
}

/// The party rows before the entry table.
fn parties(rows: &[ElementRef], form: Form) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    let mut role: Option<String> = None;
    // Tables that hold role labels are party tables; a name in one printed before any
    // label is a party of unknown role.
    let party_tables: Vec<_> = rows
        .iter()
        .filter(|r| is_leaf(**r) && dom::cells(**r).first().is_some_and(|c| has_label(*c)))
        .filter_map(|r| table_of(*r))
        .collect();
    for row in rows.iter().copied().filter(|r| is_leaf(*r)) {
        let cells = dom::cells(row);
        if role.is_none() && table_of(row).is_some_and(|t| party_tables.contains(&t)) {
            role = Some(UNKNOWN_ROLE.to_string());
        }
        let Some(first) = cells.first() else { continue };
        let pieces = dom::flatten(*first);
        let mut name: Option<String> = None;
        let mut extra = Vec::new();
        let mut terminated = None;
        for p in &pieces {
            match p {
                Piece::Label(l) if name.is_none() => {
                    let l = l.trim_end_matches(':').trim();
                    if !l.is_empty() {
                        role = Some(dom::squash(l));
                    }
                }
                Piece::Bold(b) if name.is_none() => name = Some(b.clone()),
                Piece::Italic(i) => {
                    if let Some(d) = terminated_date(i) {
                        terminated = Some(d);
                    }
                    extra.push(i.clone());
                }
                Piece::Text(t) | Piece::Bold(t) if name.is_some() => extra.push(t.clone()),
                _ => {}
            }
        }
        let (Some(name), Some(r)) = (name, role.clone()) else {
            continue;
        };
        // Criminal dockets print counts and offence levels under labels of their own.
        if !roles::is_role(&r) && roles::side(&r) == roles::Side::Other && !looks_like_role(&r) {
            continue;
        }
        let attorneys = attorney_cell(&cells)
            .map(|c| attorneys(*c))
            .unwrap_or_default();
        let role_printed = printed_role(&r);
        if let Some(same) = out
            .iter_mut()
            .find(|p| p.name == name && p.role == role_printed)
        {
            for a in attorneys {
                if !same.attorneys.contains(&a) {
                    same.attorneys.push(a);
                }
            }
            continue;
        }
        out.push(Party {
            side: roles::side(&r),
            role: role_printed,
            name,
            date_terminated: terminated,
            extra_info: extra,
            attorneys,
        });
        if form == Form::District {
            role = None;
        }
    }
    out
}

/// The role of a party printed without a role label.
const UNKNOWN_ROLE: &str = "Unknown";

fn table_of(row: ElementRef) -> Option<ego_tree::NodeId> {
    row.ancestors()
        .find(|a| a.value().as_element().is_some_and(|e| e.name() == "table"))
        .map(|a| a.id())
}

/// Labels that are not in the role table but read as one ("Garnishee Defendant").
fn looks_like_role(label: &str) -> bool {
    let words = label.split_whitespace().count();
    (1..=5).contains(&words)
        && !label.chars().any(|c| c.is_ascii_digit())
        && !["count", "offense", "complaint", "disposition"]
            .iter()
            .any(|w| label.to_lowercase().contains(w))
}

/// The role as printed, numbering such as "(1)" dropped, spacing collapsed.
fn printed_role(label: &str) -> String {
    let s = dom::squash(label);
    let s = s.trim_end_matches(|c: char| c == ')' || c.is_ascii_digit());
    let s = s.strip_suffix('(').unwrap_or(s).trim();
    if s.is_empty() {
        dom::squash(label)
    } else {
        s.to_string()
    }
}

fn terminated_date(s: &str) -> Option<String> {
    let rest = s.trim().strip_prefix("TERMINATED:")?;
    parse_date(rest)
}

/// The cell holding a party's attorneys: the one after "represented by", else the
/// third.
fn attorney_cell<'a>(cells: &'a [ElementRef<'a>]) -> Option<&'a ElementRef<'a>> {
    if let Some(i) = cells
        .iter()
        .position(|c| dom::text(*c).to_lowercase().starts_with("represented"))
    {
        return cells.get(i + 1);
    }
    cells.get(2)
}

/// The attorneys listed in a cell: each a bold name followed by lines and italic roles.
pub fn attorneys(cell: ElementRef) -> Vec<Attorney> {
    let mut out: Vec<Attorney> = Vec::new();
    for p in dom::flatten(cell) {
        match p {
            Piece::Bold(name) => out.push(Attorney {
                name,
                ..Attorney::default()
            }),
            Piece::Text(t) => {
                if let Some(a) = out.last_mut() {
                    a.contact.push(t);
                }
            }
            Piece::Italic(t) => {
                if let Some(a) = out.last_mut() {
                    let l = t.to_lowercase();
                    if !l.starts_with("bar status") && !l.starts_with("designation") {
                        a.roles.push(t);
                    } else {
                        a.contact.push(t);
                    }
                }
            }
            _ => {}
        }
    }
    out.retain(|a| !a.name.is_empty());
    for a in &mut out {
        a.firm = fields::firm(&a.contact);
    }
    out
}

/// The docket entries: the rows after the header row that start with a date. Long
/// dockets continue the table in further tables of 100 rows each.
fn entries(rows: &[ElementRef]) -> Vec<Entry> {
    let mut out = Vec::new();
    // An entry's text may hold a table of its own (prior filings), so entry rows are
    // not only leaf rows; layout rows fail the date test on their first cell.
    for row in rows.iter().copied() {
        let cells = dom::cells(row);
        if cells.len() < 2 {
            continue;
        }
        let first = dom::text(cells[0]);
        if first.len() > 10 || !first.contains('/') {
            continue;
        }
        let Some(date_filed) = parse_date(&first) else {
            continue;
        };
        // Between the date and the text: the number, and in newer CM/ECF a blank
        // half-column and a check box.
        let (number, description) = if cells.len() == 2 {
            number_in_text(cells[1])
        } else {
            (
                cells[1..cells.len() - 1]
                    .iter()
                    .find_map(|c| entry_number(&dom::text(*c))),
                dom::text(cells[cells.len() - 1]),
            )
        };
        let date_entered = fields::entered_stamp(&description).or_else(|| Some(date_filed.clone()));
        out.push(Entry {
            number,
            date_filed: Some(date_filed),
            date_entered,
            description,
        });
    }
    out
}

/// Sheets that print the number inside the text cell: a leading link holds it, and a
/// page count (`(12 pgs)`) may follow.
fn number_in_text(cell: ElementRef) -> (Option<String>, String) {
    let text = dom::text(cell);
    let a = Selector::parse("a").expect("valid selector");
    let lead = text.split_whitespace().next().unwrap_or("");
    // The number is a link when the document is on file, plain text when it is not.
    let linked = cell.select(&a).next().is_some_and(|l| dom::text(l) == lead);
    let plain = text.len() > lead.len() && !linked;
    if !(linked || plain) || !lead.chars().all(|c| c.is_ascii_digit()) || lead.is_empty() {
        return (None, text);
    }
    let mut rest = text[lead.len()..].trim_start();
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
        && rest[..close].contains("pg")
    {
        rest = rest[close + 1..].trim_start();
    }
    (Some(lead.to_string()), rest.to_string())
}

/// The document number printed in an entry's number cell.
pub fn entry_number(s: &str) -> Option<String> {
    let t = s.split_whitespace().next()?;
    let t = t.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    (t.chars().next()?.is_ascii_digit() && t.len() <= 12).then(|| t.to_string())
}
