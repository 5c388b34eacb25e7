//! Converting between an extracted filing and a tantivy document.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::clean::CleanText;
use crate::extract::Extracted;
use crate::metadata::Metadata;

/// Separates pages in the stored body so a hit can say which page it is on.
pub const PAGE_BREAK: char = '\u{c}';

/// One file on disk that holds a document's content, as seen when it was indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSig {
    /// The file's canonical path.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i64,
}

/// Marks a stored path that is not UTF-8, written as hex bytes. Stored paths are
/// absolute, so a real one never starts with this.
const HEX_PATH: &str = "hex:";

impl FileSig {
    /// `size<TAB>mtime<TAB>path`, the path exactly as the file system has it (a name
    /// that is not UTF-8 as hex), so a re-run recognises the file.
    fn encode(&self) -> String {
        use std::os::unix::ffi::OsStrExt;
        let path = match self.path.to_str() {
            Some(p) => p.to_owned(),
            None => {
                let bytes = self.path.as_os_str().as_bytes();
                let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                format!("{HEX_PATH}{hex}")
            }
        };
        format!("{}\t{}\t{path}", self.size, self.mtime)
    }

    fn decode(s: &str) -> Option<FileSig> {
        use std::os::unix::ffi::OsStringExt;
        let mut it = s.splitn(3, '\t');
        let size = it.next()?.parse().ok()?;
        let mtime = it.next()?.parse().ok()?;
        let raw = it.next()?;
        let path = match raw.strip_prefix(HEX_PATH) {
            Some(hex) => {
                let bytes = (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                    .collect::<Option<Vec<u8>>>()?;
                PathBuf::from(std::ffi::OsString::from_vec(bytes))
            }
            None => PathBuf::from(raw),
        };
        Some(FileSig { path, size, mtime })
    }
}

/// Everything that goes into one index document.
pub struct NewDoc<'a> {
    /// SHA-256 of the content.
    pub doc_id: &'a str,
    /// Every file holding this content.
    pub files: &'a [FileSig],
    /// The extracted pages.
    pub extracted: &'a Extracted,
    /// The cleaned pages.
    pub clean: &'a CleanText,
    /// The metadata.
    pub meta: &'a Metadata,
}

/// Build the tantivy document for a filing.
pub fn build(f: &Fields, d: &NewDoc) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.doc_id, d.doc_id);
    for file in d.files {
        doc.add_text(f.path, file.path.to_string_lossy());
        doc.add_text(f.file_sig, file.encode());
    }
    doc.add_text(f.format, d.extracted.format.as_str());
    doc.add_text(f.method, &d.extracted.method);
    doc.add_u64(f.pages, d.clean.pages.len() as u64);
    let m = d.meta;
    if let Some(t) = &m.title {
        doc.add_text(f.title, t);
        doc.add_text(f.title_stem, t);
    }
    if let Some(c) = &m.case_name {
        doc.add_text(f.case_name, c);
    }
    let mut keys = std::collections::BTreeSet::new();
    for dn in &m.dockets {
        keys.extend(crate::metadata::docket::search_keys(dn));
        doc.add_text(f.docket_raw, &dn.raw);
    }
    // The canonical keys first, so a stored document lists its main number first.
    for dn in &m.dockets {
        if keys.remove(&dn.canonical) {
            doc.add_text(f.docket, &dn.canonical);
        }
    }
    for key in keys {
        doc.add_text(f.docket, key);
    }
    if let Some(c) = &m.court {
        doc.add_text(f.court, &c.id);
        doc.add_text(f.court_name, &c.name);
    }
    for p in &m.plaintiffs {
        doc.add_text(f.plaintiff, p);
        doc.add_text(f.party, p);
    }
    for p in &m.defendants {
        doc.add_text(f.defendant, p);
        doc.add_text(f.party, p);
    }
    if let Some(j) = &m.judge {
        doc.add_text(f.judge, j);
    }
    if let Some(date) = m.date.as_deref().and_then(iso_to_datetime) {
        doc.add_date(f.date, date);
        if let Some(k) = &m.date_kind {
            doc.add_text(f.date_kind, k);
        }
    }
    if let Some(t) = &m.doc_type {
        doc.add_text(f.doc_type, t);
    }
    for e in &m.docket_entries {
        doc.add_text(f.dkt, e);
    }
    for c in &m.citations {
        doc.add_text(f.cites, c);
    }
    for gap in d.extracted.gaps() {
        doc.add_text(f.gap, gap.code());
    }
    let sep = PAGE_BREAK.to_string();
    let body = d.clean.pages.join(&sep);
    doc.add_text(f.body_stem, &body);
    doc.add_text(f.body, body);
    doc
}

/// Parse `YYYY-MM-DD` into a tantivy date (midnight UTC).
pub fn iso_to_datetime(iso: &str) -> Option<DateTime> {
    let day = chrono::NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()?;
    let secs = day.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    Some(DateTime::from_timestamp_secs(secs))
}

fn datetime_to_iso(d: DateTime) -> Option<String> {
    let dt = chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0)?;
    Some(dt.format("%Y-%m-%d").to_string())
}

/// A document as read back from the index: what hits print. Serialised under the
/// schema's field names, as `export` writes them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StoredDoc {
    /// SHA-256 of the content.
    pub doc_id: String,
    /// Every path holding this content.
    #[serde(rename = "path")]
    pub paths: Vec<String>,
    /// `pdf`, `html` or `text`.
    pub format: String,
    /// The extractor that produced the text.
    pub method: String,
    /// Page count.
    pub pages: u64,
    /// The document's title.
    pub title: Option<String>,
    /// The caption, "X v. Y".
    pub case_name: Option<String>,
    /// Docket numbers: canonical keys, the main one first.
    pub docket: Vec<String>,
    /// Docket numbers as printed.
    pub docket_raw: Vec<String>,
    /// Court id (`cand`).
    pub court: Option<String>,
    /// Court name.
    pub court_name: Option<String>,
    /// Plaintiffs, petitioners, appellants.
    #[serde(rename = "plaintiff")]
    pub plaintiffs: Vec<String>,
    /// Defendants, respondents, appellees.
    #[serde(rename = "defendant")]
    pub defendants: Vec<String>,
    /// The judge.
    pub judge: Option<String>,
    /// The filing's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// What the date is (`filed`, `signed`...).
    pub date_kind: Option<String>,
    /// Document type (`order`, `opinion`...).
    pub doc_type: Option<String>,
    /// Docket entries the filing cites.
    pub dkt: Vec<String>,
    /// Citations as printed.
    pub cites: Vec<String>,
    /// Why the document holds less text than its file (see `extract::Gap`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gap: Vec<String>,
    /// The cleaned text, pages separated by form feeds; read only when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Size, mtime and path of each file when it was indexed.
    #[serde(skip)]
    pub files: Vec<FileSig>,
}

impl StoredDoc {
    /// Read the stored fields; the body only when asked, since it is large.
    pub fn read(f: &Fields, doc: &TantivyDocument, with_body: bool) -> StoredDoc {
        let first = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let all = |field| -> Vec<String> {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        StoredDoc {
            doc_id: first(f.doc_id).unwrap_or_default(),
            paths: all(f.path),
            format: first(f.format).unwrap_or_default(),
            method: first(f.method).unwrap_or_default(),
            pages: doc.get_first(f.pages).and_then(|v| v.as_u64()).unwrap_or(0),
            title: first(f.title),
            case_name: first(f.case_name),
            docket: all(f.docket),
            docket_raw: all(f.docket_raw),
            court: first(f.court),
            court_name: first(f.court_name),
            plaintiffs: all(f.plaintiff),
            defendants: all(f.defendant),
            judge: first(f.judge),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(datetime_to_iso),
            date_kind: first(f.date_kind),
            doc_type: first(f.doc_type),
            dkt: all(f.dkt),
            cites: all(f.cites),
            gap: all(f.gap),
            body: if with_body { first(f.body) } else { None },
            files: doc
                .get_all(f.file_sig)
                .filter_map(|v| v.as_str().and_then(FileSig::decode))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sig_round_trips_paths_with_tabs_and_spaces() {
        let sig = FileSig {
            path: PathBuf::from("/a b/c\td.pdf"),
            size: 12,
            mtime: -5,
        };
        assert_eq!(FileSig::decode(&sig.encode()), Some(sig));
    }

    #[test]
    fn file_sig_keeps_a_non_utf8_name_exactly() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"/tmp/caf\xe9 order.txt");
        let sig = FileSig {
            path: PathBuf::from(name),
            size: 3,
            mtime: 7,
        };
        assert_eq!(FileSig::decode(&sig.encode()), Some(sig));
    }

    #[test]
    fn iso_dates_round_trip() {
        let d = iso_to_datetime("2024-04-05").expect("valid date");
        assert_eq!(datetime_to_iso(d).as_deref(), Some("2024-04-05"));
        assert!(iso_to_datetime("2024-13-45").is_none());
    }
}
