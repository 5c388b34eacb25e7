//! `docketeer export`: every document as a JSON line whose keys are the schema file's
//! stored fields, so another engine can load them with a mapping made from that file.

use anyhow::Result;
use serde_json::{Map, Value as Json};
use std::io::Write;
use tantivy::schema::Value;

use crate::cli::ExportArgs;
use crate::index::docs::for_each_doc;
use crate::index::schema::FieldKind;
use crate::index::store::Store;
use crate::output::json;

pub fn run(args: ExportArgs) -> Result<i32> {
    let store = Store::open(&super::index_dir(&args.index))?;
    if args.engine == crate::cli::Engine::Quickwit {
        return crate::quickwit::docs::export(&store, args.no_body);
    }
    let schema = store.index.schema();
    let fields: Vec<_> = store
        .spec
        .fields
        .iter()
        .filter(|f| f.stored)
        .filter_map(|f| schema.get_field(&f.name).ok().map(|field| (f, field)))
        .filter(|(_, field)| !(args.no_body && *field == store.fields.body))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut n = 0;
    for_each_doc(&store, |doc| {
        let mut obj = Map::new();
        for (spec, field) in &fields {
            let values: Vec<Json> = doc
                .get_all(*field)
                .filter_map(|v| match spec.kind {
                    FieldKind::Text | FieldKind::String => v.as_str().map(Json::from),
                    FieldKind::U64 => v.as_u64().map(Json::from),
                    FieldKind::Date => v
                        .as_datetime()
                        .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
                        .map(|d| Json::from(d.format("%Y-%m-%d").to_string())),
                })
                .collect();
            let value = if spec.multi {
                Json::Array(values)
            } else {
                values.into_iter().next().unwrap_or(Json::Null)
            };
            obj.insert(spec.name.clone(), value);
        }
        n += 1;
        json::line(&mut out, &obj)
    })?;
    out.flush()?;
    Ok(if n == 0 { 1 } else { 0 })
}
