//! Docket sheets in the index: the sheet's own document gains its attorneys, firms,
//! roles, nature of suit and entry texts; every docket entry becomes a document of its
//! own (`kind` = `entry`); a later save of the same case (same court and docket number)
//! replaces the earlier sheet and its entries in the same commit; a filing whose ECF
//! header names its document number carries it, so an entry can name its filing.

use anyhow::{Context, Result};
use std::collections::HashMap;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, Schema, Value};
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::DocketSheet;
use crate::clean::CleanText;
use crate::index::docs::for_each_doc;
use crate::index::document::iso_to_datetime;
use crate::index::store::Store;
use crate::metadata::{Metadata, docket};

/// `kind` of an entry document.
pub const KIND_ENTRY: &str = "entry";
/// `kind` of a docket sheet replaced by a later save of the same case: the document
/// keeps only what lets a re-run recognise its file.
pub const KIND_SUPERSEDED: &str = "superseded";

/// The schema fields this module reads and writes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocketFields {
    /// The schema's `doc_id` field.
    pub doc_id: Field,
    pub path: Field,
    pub file_sig: Field,
    pub format: Field,
    pub method: Field,
    pub kind: Field,
    pub case_name: Field,
    pub docket: Field,
    pub docket_raw: Field,
    pub court: Field,
    pub court_name: Field,
    pub party: Field,
    /// Parties beyond plaintiffs and defendants, stored so export can rebuild `party`.
    pub other_party: Field,
    pub date: Field,
    pub date_kind: Field,
    pub doc_type: Field,
    pub dkt: Field,
    pub attorney: Field,
    pub firm: Field,
    pub role: Field,
    pub nature: Field,
    pub entry: Field,
    pub entry_no: Field,
    pub entry_seq: Field,
    pub sheet_id: Field,
    pub sheet_key: Field,
    pub ecf_doc: Field,
}

impl DocketFields {
    /// Resolve the fields; None for an index built before they existed.
    pub fn resolve(schema: &Schema) -> Option<DocketFields> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(DocketFields {
            doc_id: f("doc_id")?,
            path: f("path")?,
            file_sig: f("file_sig")?,
            format: f("format")?,
            method: f("method")?,
            kind: f("kind")?,
            case_name: f("case_name")?,
            docket: f("docket")?,
            docket_raw: f("docket_raw")?,
            court: f("court")?,
            court_name: f("court_name")?,
            party: f("party")?,
            other_party: f("other_party")?,
            date: f("date")?,
            date_kind: f("date_kind")?,
            doc_type: f("doc_type")?,
            dkt: f("dkt")?,
            attorney: f("attorney")?,
            firm: f("firm")?,
            role: f("role")?,
            nature: f("nature")?,
            entry: f("entry")?,
            entry_no: f("entry_no")?,
            entry_seq: f("entry_seq")?,
            sheet_id: f("sheet_id")?,
            sheet_key: f("sheet_key")?,
            ecf_doc: f("ecf_doc")?,
        })
    }
}

/// What a filing brings beyond its own document: its docket sheet, and the document
/// number its ECF header prints.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extra {
    /// The docket sheet the filing is; None for any other filing.
    pub sheet: Option<Box<DocketSheet>>,
    /// Key of the case (`court:docket`), when the sheet names both.
    pub key: Option<String>,
    /// The filing's case name, as its metadata reads it.
    pub case_name: Option<String>,
    /// The filing's docket numbers, as its metadata reads them.
    pub dockets: Vec<docket::DocketNumber>,
    /// The document number its ECF header prints (`12`, `12-3`); None without one.
    pub ecf_doc: Option<String>,
}

impl Extra {
    /// Gather what [`place`] needs from a filing read end to end.
    pub fn of(meta: &Metadata, clean: &CleanText) -> Extra {
        let sheet = meta.docket_sheet.clone();
        let key = sheet.as_deref().and_then(|s| sheet_key(s, meta));
        Extra {
            sheet,
            key,
            case_name: meta.case_name.clone(),
            dockets: meta.dockets.clone(),
            ecf_doc: clean.document_number().and_then(document_number),
        }
    }
}

/// `court:docket`: the case a sheet is the docket of.
fn sheet_key(sheet: &DocketSheet, meta: &Metadata) -> Option<String> {
    let court = sheet.court.as_ref().or(meta.court.as_ref())?;
    let number = sheet
        .docket_number
        .as_deref()
        .and_then(docket::normalize)
        .or_else(|| meta.dockets.first().cloned())?;
    Some(format!("{}:{}", court.id, number.canonical))
}

/// `12` of `Document 12`, `12-3` of `Document 12-3`.
fn document_number(s: &str) -> Option<String> {
    let t = s
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))?;
    let t = t.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    (!t.is_empty()).then(|| t.to_string())
}

/// How current a sheet is: its number of entries (a docket only grows), ties broken by
/// document id so that two saves of equal length settle on one and stay there.
type Recency = (usize, String);

fn recency(sheet: &DocketSheet, doc_id: &str) -> Recency {
    (sheet.entries.len(), doc_id.to_string())
}

/// The current sheet of every case in the index, kept up to date while a run writes.
pub(crate) struct Registry {
    fields: Option<DocketFields>,
    /// key → (doc_id, recency) of the current sheet.
    current: HashMap<String, (String, Recency)>,
}

impl Registry {
    /// Read the current sheets from the last commit.
    pub fn load(store: &Store) -> Result<Registry> {
        let fields = DocketFields::resolve(&store.index.schema());
        let mut current = HashMap::new();
        let Some(f) = fields else {
            return Ok(Registry { fields, current });
        };
        // Only docket sheets carry a key: read those, not every stored document.
        let reader = store.index.reader().context("cannot open the index")?;
        let searcher = reader.searcher();
        let sheets = searcher
            .search(
                &TermQuery::new(
                    Term::from_field_text(f.doc_type, "docket-sheet"),
                    IndexRecordOption::Basic,
                ),
                &DocSetCollector,
            )
            .context("cannot list the docket sheets in the index")?;
        for addr in sheets {
            let doc: TantivyDocument = searcher
                .doc(addr)
                .context("cannot read a stored document; the index may be damaged")?;
            let text = |field| doc.get_first(field).and_then(|v| v.as_str());
            if let (Some(key), Some(id)) = (text(f.sheet_key), text(f.doc_id)) {
                let entries = doc.get_all(f.entry).count();
                current.insert(key.to_string(), (id.to_string(), (entries, id.to_string())));
            }
        }
        Ok(Registry { fields, current })
    }

    /// Delete the entry documents read from the sheet `doc_id` (the sheet is going).
    pub fn delete_entries(&self, writer: &IndexWriter, doc_id: &str) {
        if let Some(f) = self.fields {
            writer.delete_term(Term::from_field_text(f.sheet_id, doc_id));
        }
    }

    /// Write what a filing brings besides its document and return the document to add:
    /// the filing's own, with its sheet's fields, or a stub when a more current sheet of
    /// the same case is already in the index.
    pub fn place(
        &mut self,
        writer: &IndexWriter,
        doc_id: &str,
        mut doc: TantivyDocument,
        extra: Extra,
    ) -> Result<TantivyDocument> {
        let Some(f) = self.fields else {
            return Ok(doc);
        };
        // The entries of an earlier version of this very document go with it.
        writer.delete_term(Term::from_field_text(f.sheet_id, doc_id));
        if let Some(n) = &extra.ecf_doc {
            doc.add_text(f.ecf_doc, n);
        }
        let Some(sheet) = extra.sheet.as_deref() else {
            return Ok(doc);
        };
        if let Some(key) = &extra.key {
            let mine = recency(sheet, doc_id);
            match self.current.get(key) {
                Some((other, theirs)) if other != doc_id && *theirs > mine => {
                    return Ok(stub(&f, &doc));
                }
                Some((other, _)) if other != doc_id => {
                    writer.delete_term(Term::from_field_text(f.doc_id, other));
                    writer.delete_term(Term::from_field_text(f.sheet_id, other));
                }
                _ => {}
            }
            self.current.insert(key.clone(), (doc_id.to_string(), mine));
            doc.add_text(f.sheet_key, key);
        }
        add_sheet_fields(&f, sheet, &mut doc);
        for (seq, e) in sheet.entries.iter().enumerate() {
            let entry = entry_doc(&f, doc_id, seq, e, &extra);
            writer
                .add_document(entry)
                .context("cannot add a docket entry to the index")?;
        }
        Ok(doc)
    }
}

/// A superseded sheet: its id and files only, so a re-run knows the file.
fn stub(f: &DocketFields, doc: &TantivyDocument) -> TantivyDocument {
    let mut s = TantivyDocument::default();
    for field in [f.doc_id, f.path, f.file_sig, f.format, f.method] {
        for v in doc.get_all(field) {
            if let Some(t) = v.as_str() {
                s.add_text(field, t);
            }
        }
    }
    s.add_text(f.kind, KIND_SUPERSEDED);
    s
}

fn add_sheet_fields(f: &DocketFields, sheet: &DocketSheet, doc: &mut TantivyDocument) {
    let mut seen: Vec<String> = Vec::new();
    let mut once = |field: Field, v: &str, doc: &mut TantivyDocument| {
        let k = format!("{field:?}\u{0}{}", v.to_lowercase());
        if !seen.contains(&k) {
            doc.add_text(field, v);
            seen.push(k);
        }
    };
    for p in &sheet.parties {
        once(f.role, &p.role, doc);
        for a in &p.attorneys {
            once(f.attorney, &a.name, doc);
            if let Some(firm) = &a.firm {
                once(f.firm, firm, doc);
            }
        }
    }
    // Every party is searchable, whatever its side (trustees, creditors, movants).
    let mut named: Vec<String> = doc
        .get_all(f.party)
        .filter_map(|v| v.as_str().map(str::to_lowercase))
        .collect();
    for p in &sheet.parties {
        if !named.contains(&p.name.to_lowercase()) {
            doc.add_text(f.party, &p.name);
            doc.add_text(f.other_party, &p.name);
            named.push(p.name.to_lowercase());
        }
    }
    if let Some(n) = &sheet.nature_of_suit {
        doc.add_text(f.nature, n);
    }
    for e in &sheet.entries {
        doc.add_text(f.entry, &e.description);
    }
    // The sheet's date is its latest entry's: what "newest" means for a docket.
    if doc.get_first(f.date).is_none()
        && let Some(d) = sheet
            .entries
            .iter()
            .filter_map(|e| e.date_filed.as_deref())
            .max()
            .and_then(iso_to_datetime)
    {
        doc.add_date(f.date, d);
    }
}

fn entry_doc(
    f: &DocketFields,
    sheet_id: &str,
    seq: usize,
    e: &super::Entry,
    extra: &Extra,
) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.doc_id, format!("{sheet_id}/entry/{seq}"));
    d.add_text(f.kind, KIND_ENTRY);
    d.add_text(f.sheet_id, sheet_id);
    if let Some(k) = &extra.key {
        d.add_text(f.sheet_key, k);
    }
    if let Some(c) = &extra.case_name {
        d.add_text(f.case_name, c);
    }
    // The canonical keys first, as on the sheet's own document.
    let mut keys: Vec<String> = extra
        .dockets
        .iter()
        .map(|dn| dn.canonical.clone())
        .collect();
    for dn in &extra.dockets {
        d.add_text(f.docket_raw, &dn.raw);
        for k in docket::search_keys(dn) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys.dedup();
    for k in keys {
        d.add_text(f.docket, k);
    }
    if let Some(c) = extra.sheet.as_deref().and_then(|s| s.court.as_ref()) {
        d.add_text(f.court, &c.id);
        d.add_text(f.court_name, &c.name);
    }
    if let Some(date) = e.date_filed.as_deref().and_then(iso_to_datetime) {
        d.add_date(f.date, date);
        d.add_text(f.date_kind, "filed");
    }
    if let Some(n) = &e.number {
        d.add_text(f.dkt, n);
        if let Ok(v) = n.parse::<u64>() {
            d.add_u64(f.entry_no, v);
        }
    }
    d.add_u64(f.entry_seq, seq as u64);
    d.add_text(f.entry, &e.description);
    d
}

/// Entry documents and distinct attorney names in the index, for `stats`.
pub fn counts(store: &Store) -> Result<(usize, usize)> {
    let Some(f) = DocketFields::resolve(&store.index.schema()) else {
        return Ok((0, 0));
    };
    let mut entries = 0;
    let mut attorneys = std::collections::BTreeSet::new();
    for_each_doc(store, |doc| {
        if doc.get_first(f.kind).and_then(|v| v.as_str()) == Some(KIND_ENTRY) {
            entries += 1;
        }
        for a in doc.get_all(f.attorney).filter_map(|v| v.as_str()) {
            attorneys.insert(a.to_lowercase());
        }
        Ok(())
    })?;
    Ok((entries, attorneys.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecf_document_numbers() {
        assert_eq!(document_number("Document 12").as_deref(), Some("12"));
        assert_eq!(document_number("Document 305-1").as_deref(), Some("305-1"));
        assert_eq!(document_number("Document"), None);
    }
}
