//! JSON output: one object per line, for scripts.

use anyhow::Result;
use serde::Serialize;
use std::io::Write;

/// Write one value as a line of JSON.
pub fn line<T: Serialize>(out: &mut impl Write, value: &T) -> Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The final object of a search with `--count-by`: the total and the counts by facet,
/// `{"total": N, "facets": {"court": {"cand": 3, ...}, ...}}`.
pub fn facets(
    out: &mut impl Write,
    total: usize,
    facets: &[crate::search::facets::FacetCounts],
) -> Result<()> {
    let mut map = serde_json::Map::new();
    for f in facets {
        let counts: serde_json::Map<String, serde_json::Value> = f
            .counts
            .iter()
            .map(|(v, n)| (v.clone(), serde_json::Value::from(*n)))
            .collect();
        map.insert(
            f.facet.name().to_string(),
            serde_json::Value::Object(counts),
        );
    }
    line(out, &serde_json::json!({ "total": total, "facets": map }))
}
