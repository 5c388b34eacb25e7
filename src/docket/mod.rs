//! Docket sheets read as structure: the case's header fields, every party with its
//! role, side and attorneys, and every docket entry with its number, dates and text.
//!
//! Three page forms are read from the HTML tree: PACER CM/ECF district and bankruptcy
//! sheets (main cases and adversary proceedings) in [`pacer`], CM/ECF appellate
//! "General Docket" pages in [`appellate`], and the case pages state courts and the
//! Supreme Court publish in [`state`]. A damaged or truncated page gives what it holds
//! and a [`Note`] saying what is missing; no input panics.

pub mod appellate;
pub mod dom;
pub mod fields;
pub mod index;
pub mod odyssey;
pub mod pacer;
pub mod roles;
pub mod state;

use scraper::Html;
use serde::{Deserialize, Serialize};

use crate::metadata::{Court, Metadata};
pub use roles::Side;

/// The largest page read; a docket sheet of 10,000 entries is about 5 MB.
pub const MAX_HTML_BYTES: usize = 32 * 1024 * 1024;

/// Which kind of docket page this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// A district court's CIVIL or CRIMINAL DOCKET FOR CASE #.
    District,
    /// A bankruptcy court's main case (Bankruptcy Petition #).
    Bankruptcy,
    /// An adversary proceeding inside a bankruptcy case.
    Adversary,
    /// A court of appeals' General Docket.
    Appellate,
    /// A state court's or the Supreme Court's case page.
    State,
}

/// What a partial parse is missing, said once per sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Note {
    /// No docket-entry table was found (a page cut off before it, or a sheet printed
    /// without entries).
    NoEntryTable,
    /// The entry table ends without its closing tag: the page was cut off.
    Truncated,
    /// No parties were found.
    NoParties,
    /// The page was larger than [`MAX_HTML_BYTES`]; only its start was read.
    TooLarge,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Note::NoEntryTable => "no docket-entry table found",
            Note::Truncated => "the page ends inside the docket-entry table (cut off?)",
            Note::NoParties => "no parties found",
            Note::TooLarge => "page too large; only its start was read",
        })
    }
}

/// A lawyer for a party.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attorney {
    /// The lawyer's name as printed.
    pub name: String,
    /// The first line of the address block when it names an office, not a street.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firm: Option<String>,
    /// `LEAD ATTORNEY`, `ATTORNEY TO BE NOTICED`, `PRO HAC VICE`, `TERMINATED: ...`.
    pub roles: Vec<String>,
    /// Address, telephone and e-mail lines as printed.
    pub contact: Vec<String>,
}

/// A party to the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The party's name as printed.
    pub name: String,
    /// The role as printed, numbering dropped ("Defendant", "Jnt Admin Debtor").
    pub role: String,
    /// Which side of the case the role puts the party on.
    pub side: Side,
    /// ISO date the party was terminated from the case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_terminated: Option<String>,
    /// Lines printed under the name (address, aliases, capacity).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra_info: Vec<String>,
    /// The party's lawyers, in the order printed; empty for a party without counsel.
    pub attorneys: Vec<Attorney>,
}

/// One docket entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The document number (`12`); none for minute entries.
    pub number: Option<String>,
    /// ISO date filed.
    pub date_filed: Option<String>,
    /// ISO date entered on the docket (the `(Entered: ...)` stamp), else the date filed.
    pub date_entered: Option<String>,
    /// The docket text, whitespace squashed.
    pub description: String,
}

/// Everything read from one docket sheet.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocketSheet {
    /// Which kind of page the sheet was read from.
    pub form: Form,
    /// The case title (`Smith v. Jones`); None when the page prints none.
    pub case_name: Option<String>,
    /// The docket number as the sheet's heading prints it, office and judge suffixes
    /// dropped (`3:09-cr-00418`, `10-00276`).
    pub docket_number: Option<String>,
    /// The court the sheet names; None when no known court is named.
    pub court: Option<Court>,
    /// The presiding judge's name, title words dropped (`Assigned to:`).
    pub assigned_to: Option<String>,
    /// The judge the case is referred to, usually a magistrate (`Referred to:`).
    pub referred_to: Option<String>,
    /// ISO date the case was filed or docketed.
    pub date_filed: Option<String>,
    /// ISO date the case was terminated or closed; None while it is open.
    pub date_terminated: Option<String>,
    /// The nature-of-suit code and words as printed (`440 Civil Rights: Other`).
    pub nature_of_suit: Option<String>,
    /// The statute the case is brought under, as printed (`28:1331 Federal Question`).
    pub cause: Option<String>,
    /// Who demanded a jury, as printed (`Plaintiff`, `Both`, `None`).
    pub jury_demand: Option<String>,
    /// The amount demanded, as printed (`$75,000`).
    pub demand: Option<String>,
    /// The basis of jurisdiction, as printed (`Federal Question`, `Diversity`).
    pub jurisdiction: Option<String>,
    /// Every party, in the order printed.
    pub parties: Vec<Party>,
    /// Every docket entry, in the order printed.
    pub entries: Vec<Entry>,
    /// What a partial parse is missing; empty when the sheet was read whole.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

impl DocketSheet {
    fn new(form: Form) -> DocketSheet {
        DocketSheet {
            form,
            case_name: None,
            docket_number: None,
            court: None,
            assigned_to: None,
            referred_to: None,
            date_filed: None,
            date_terminated: None,
            nature_of_suit: None,
            cause: None,
            jury_demand: None,
            demand: None,
            jurisdiction: None,
            parties: Vec::new(),
            entries: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Number of distinct attorneys (by name) on the sheet.
    pub fn attorney_count(&self) -> usize {
        let mut names: Vec<String> = self
            .parties
            .iter()
            .flat_map(|p| p.attorneys.iter().map(|a| a.name.to_lowercase()))
            .collect();
        names.sort();
        names.dedup();
        names.len()
    }
}

/// Which form a page is, from its text; None when it is not a docket page we read.
pub fn form_of(html: &str) -> Option<Form> {
    let head = &html[..crate::metadata::court::floor_char(html, html.len().min(256 * 1024))];
    if head.contains("Adversary Proceeding #") {
        Some(Form::Adversary)
    } else if head.contains("Bankruptcy Petition #") {
        Some(Form::Bankruptcy)
    } else if head.contains("DOCKET FOR CASE #") {
        Some(Form::District)
    } else if head.contains("General Docket") && head.contains("Docket #") {
        Some(Form::Appellate)
    } else {
        None
    }
}

/// Parse a docket page. `fallback` is the form to read it as when the page does not
/// say (a state court's case page the caller has recognised as a docket sheet).
pub fn parse_html(html: &str, fallback: Option<Form>) -> Option<DocketSheet> {
    let (html, too_large) = if html.len() > MAX_HTML_BYTES {
        let cut = crate::metadata::court::floor_char(html, MAX_HTML_BYTES);
        (&html[..cut], true)
    } else {
        (html, false)
    };
    let form = form_of(html).or(fallback)?;
    let doc = Html::parse_document(html);
    let mut sheet = DocketSheet::new(form);
    match form {
        Form::District | Form::Bankruptcy | Form::Adversary => pacer::read(&doc, html, &mut sheet),
        Form::Appellate => appellate::read(&doc, &mut sheet),
        Form::State => state::read(&doc, &mut sheet),
    }
    if too_large {
        sheet.notes.push(Note::TooLarge);
    }
    if sheet.parties.is_empty() {
        sheet.notes.push(Note::NoParties);
    }
    Some(sheet)
}

/// Read a docket sheet saved as HTML and put what it says into a filing's metadata:
/// the structured sheet itself, and its case name, parties, judge and date where the
/// text reading found less.
pub fn enrich(path: &std::path::Path, meta: &mut Metadata) {
    let Ok(bytes) = read_bounded(path) else {
        return;
    };
    let html = decode(&bytes);
    let fallback = (meta.doc_type.as_deref() == Some("docket-sheet")).then_some(Form::State);
    let Some(sheet) = parse_html(&html, fallback) else {
        return;
    };
    fields::apply(&sheet, meta);
    meta.docket_sheet = Some(Box::new(sheet));
}

fn read_bounded(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_HTML_BYTES as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// UTF-8 when it is, else Windows-1252 (what older CM/ECF pages are written in).
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}
