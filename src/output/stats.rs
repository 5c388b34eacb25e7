//! `docketeer stats` output: what an index holds, as a table for people or one JSON
//! object.

use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

use crate::index::indexer::Problem;

/// What an index holds, and what its last run could not index.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// The index directory.
    pub index: String,
    /// Documents (distinct contents).
    pub documents: usize,
    /// Files, counting every path of a document.
    pub files: usize,
    /// Distinct cases: main docket number, else case name.
    pub cases: usize,
    /// Documents per court id (`unknown` without a court).
    pub courts: BTreeMap<String, usize>,
    /// Distinct party names, either side.
    pub parties: usize,
    /// Docket entries of the current docket sheets.
    pub entries: usize,
    /// Distinct attorneys the docket sheets list.
    pub attorneys: usize,
    /// Earliest filing date, `YYYY-MM-DD`.
    pub first_date: Option<String>,
    /// Latest filing date, `YYYY-MM-DD`.
    pub last_date: Option<String>,
    /// Documents per format (`pdf`, `html`, `text`).
    pub formats: BTreeMap<String, usize>,
    /// Documents per extractor (`pdf-extract`, `pdftotext`, ...).
    pub methods: BTreeMap<String, usize>,
    /// Size of the index on disk.
    pub size_bytes: u64,
    /// The last run's summary line.
    pub last_run: Option<String>,
    /// Files the last run skipped or could not index.
    pub last_run_problems: Vec<Problem>,
}

/// Print the stats as one JSON object on a line.
pub fn json(out: &mut impl Write, s: &Stats) -> anyhow::Result<()> {
    super::json::line(out, s)
}

/// Print the stats as a table for people.
pub fn human(out: &mut impl Write, s: &Stats) -> std::io::Result<()> {
    let count = |m: &BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "index       {}", s.index)?;
    writeln!(out, "documents   {} ({} files)", s.documents, s.files)?;
    writeln!(out, "cases       {}", s.cases)?;
    writeln!(out, "courts      {} ({})", s.courts.len(), count(&s.courts))?;
    writeln!(out, "parties     {}", s.parties)?;
    writeln!(out, "entries     {} docket entries", s.entries)?;
    writeln!(out, "attorneys   {}", s.attorneys)?;
    writeln!(
        out,
        "dates       {} to {}",
        s.first_date.as_deref().unwrap_or("-"),
        s.last_date.as_deref().unwrap_or("-")
    )?;
    writeln!(out, "formats     {}", count(&s.formats))?;
    writeln!(out, "extractors  {}", count(&s.methods))?;
    writeln!(
        out,
        "size        {:.1} MiB",
        s.size_bytes as f64 / (1024.0 * 1024.0)
    )?;
    if let Some(l) = &s.last_run {
        writeln!(out, "last run    {l}")?;
    }
    for p in &s.last_run_problems {
        writeln!(out, "  {} {}: {}", p.kind, p.path, p.reason)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_index_prints_dashes_and_zero_counts() {
        let s = Stats {
            index: "/tmp/idx".into(),
            ..Stats::default()
        };
        let mut out = Vec::new();
        human(&mut out, &s).expect("write to a Vec");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("documents   0 (0 files)"), "{text}");
        assert!(text.contains("dates       - to -"), "{text}");
        assert!(!text.contains("last run"), "{text}");
        let mut out = Vec::new();
        json(&mut out, &s).expect("write to a Vec");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("one JSON object");
        assert_eq!(v["documents"], 0);
        assert_eq!(v["first_date"], serde_json::Value::Null);
    }
}
