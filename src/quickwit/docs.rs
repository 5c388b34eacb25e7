//! Index documents as Quickwit ingest JSON: one object per document under the schema's
//! field names, search-only fields recomputed from the stored fields they repeat, dates
//! in RFC 3339, and the document's fingerprint.

use anyhow::{Result, bail};
use serde_json::{Map, Value as Json};
use sha2::{Digest, Sha256};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, Value};

use super::mapping::DOC_HASH;
use crate::index::docs::for_each_doc;
use crate::index::schema::{FieldKind, FieldSpec};
use crate::index::store::Store;
use crate::output::json;
use std::io::Write;

/// Turns tantivy documents of one index into ingest objects.
pub struct Exporter {
    fields: Vec<(FieldSpec, Field)>,
}

impl Exporter {
    /// Resolve the schema file's fields against the index. A search-only field that
    /// names no `from` fields could not be recomputed, so it is an error, not a gap.
    pub fn new(store: &Store) -> Result<Exporter> {
        let schema = store.index.schema();
        let mut fields = Vec::new();
        for f in &store.spec.fields {
            if !f.stored && f.indexed && f.from.is_empty() && f.stems.is_none() {
                bail!(
                    "field `{}` is not stored and names no `from` or `stems` field in index_schema/schema.toml, so its values cannot be exported",
                    f.name
                );
            }
            let field = match schema.get_field(&f.name) {
                Ok(field) => field,
                Err(_) => bail!(
                    "the index has no field `{}`; rebuild it with this version of docketeer",
                    f.name
                ),
            };
            fields.push((f.clone(), field));
        }
        Ok(Exporter { fields })
    }

    /// The ingest object of one document, with its fingerprint.
    pub fn document(&self, doc: &TantivyDocument) -> (Map<String, Json>, u64) {
        let mut obj = Map::new();
        for (spec, field) in &self.fields {
            let values: Vec<Json> = if spec.stored {
                self.values(spec.kind, doc, *field)
            } else {
                // Recomputed from the stored fields it repeats (a stemmed copy repeats one).
                spec.from
                    .iter()
                    .chain(spec.stems.iter())
                    .filter_map(|name| self.fields.iter().find(|(s, _)| &s.name == name))
                    .flat_map(|(s, f)| self.values(s.kind, doc, *f))
                    .collect()
            };
            let value = if spec.multi {
                Json::Array(values)
            } else {
                match values.into_iter().next() {
                    Some(v) => v,
                    None => continue,
                }
            };
            obj.insert(spec.name.clone(), value);
        }
        let hash = fingerprint(&obj);
        obj.insert(DOC_HASH.into(), Json::from(hash));
        (obj, hash)
    }

    fn values(&self, kind: FieldKind, doc: &TantivyDocument, field: Field) -> Vec<Json> {
        doc.get_all(field)
            .filter_map(|v| match kind {
                FieldKind::Text | FieldKind::String => v.as_str().map(Json::from),
                FieldKind::U64 => v.as_u64().map(Json::from),
                FieldKind::Date => v
                    .as_datetime()
                    .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
                    .map(|d| Json::from(d.format("%Y-%m-%dT%H:%M:%SZ").to_string())),
            })
            .collect()
    }
}

/// `docketeer export --engine quickwit`: every document as an ingest line on stdout.
/// Exit code 1 when the index is empty, like a search without hits.
pub fn export(store: &Store, no_body: bool) -> Result<i32> {
    let exporter = Exporter::new(store)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut n = 0;
    for_each_doc(store, |doc| {
        let (mut obj, _) = exporter.document(doc);
        if no_body {
            obj.remove("body");
        }
        n += 1;
        json::line(&mut out, &obj)
    })?;
    out.flush()?;
    Ok(if n == 0 { 1 } else { 0 })
}

/// First 8 bytes of the SHA-256 of the document's JSON (keys sorted): equal for equal
/// documents on every run, different when any field changed.
pub fn fingerprint(obj: &Map<String, Json>) -> u64 {
    let mut h = Sha256::new();
    // serde_json's map is sorted by key, so the bytes do not depend on insertion order.
    h.update(serde_json::to_vec(obj).unwrap_or_default());
    let d = h.finalize();
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    u64::from_be_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_changes_with_any_field_and_not_with_order() {
        let mut a = Map::new();
        a.insert("x".into(), Json::from("1"));
        a.insert("y".into(), Json::from(vec!["p", "q"]));
        let mut b = Map::new();
        b.insert("y".into(), Json::from(vec!["p", "q"]));
        b.insert("x".into(), Json::from("1"));
        assert_eq!(fingerprint(&a), fingerprint(&b));
        b.insert("x".into(), Json::from("2"));
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }
}
