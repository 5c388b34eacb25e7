//! `docketeer inspect` output: what Docketeer reads from one file, as a block for
//! people or one JSON object.

use serde::Serialize;
use std::io::Write;

use crate::metadata::Metadata;

/// One inspected file.
#[derive(Debug, Serialize)]
pub struct Inspected<'a> {
    /// The file as the user named it.
    pub path: String,
    /// `pdf`, `html` or `text`.
    pub format: &'a str,
    /// The extractor that read it.
    pub method: &'a str,
    /// Pages of cleaned text.
    pub pages: usize,
    /// What the user should hear about the extraction (a fallback, scanned pages).
    pub notes: &'a [String],
    /// Metadata read from the text.
    #[serde(flatten)]
    pub meta: &'a Metadata,
    /// The cleaned text, pages separated by form feeds, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Print one file as a JSON object on a line.
pub fn json(out: &mut impl Write, i: &Inspected) -> anyhow::Result<()> {
    super::json::line(out, i)
}

/// Print one file as a block for people, `-` for what was not found.
pub fn human(out: &mut impl Write, i: &Inspected) -> std::io::Result<()> {
    let m = i.meta;
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let list = |v: &[String]| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join("; ")
        }
    };
    writeln!(
        out,
        "{}  ({}, {}, {} pages)",
        i.path, i.format, i.method, i.pages
    )?;
    writeln!(out, "  case name   {}", opt(&m.case_name))?;
    writeln!(out, "  title       {}", opt(&m.title))?;
    let dockets: Vec<String> = m
        .dockets
        .iter()
        .map(|d| format!("{} [{}]", d.canonical, d.raw))
        .collect();
    writeln!(out, "  docket      {}", list(&dockets))?;
    let court = m
        .court
        .as_ref()
        .map(|c| format!("{} ({})", c.name, c.id))
        .unwrap_or_else(|| "-".into());
    writeln!(out, "  court       {court}")?;
    writeln!(out, "  plaintiffs  {}", list(&m.plaintiffs))?;
    writeln!(out, "  defendants  {}", list(&m.defendants))?;
    writeln!(out, "  judge       {}", opt(&m.judge))?;
    let kind = m
        .date_kind
        .as_deref()
        .map(|k| format!(" ({k})"))
        .unwrap_or_default();
    writeln!(out, "  date        {}{kind}", opt(&m.date))?;
    writeln!(out, "  type        {}", opt(&m.doc_type))?;
    writeln!(out, "  dkt refs    {}", list(&m.docket_entries))?;
    writeln!(out, "  citations   {}", list(&m.citations))?;
    for n in i.notes {
        writeln!(out, "  note        {n}")?;
    }
    if let Some(t) = &i.text {
        writeln!(out, "\n{t}")?;
    }
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_metadata_prints_as_dashes_and_json_flattens_it() {
        let meta = Metadata {
            case_name: Some("Roe v. Mayorkas".into()),
            ..Metadata::default()
        };
        let notes = vec!["page(s) 3 look scanned".to_string()];
        let i = Inspected {
            path: "a.pdf".into(),
            format: "pdf",
            method: "pdf-extract",
            pages: 3,
            notes: &notes,
            meta: &meta,
            text: None,
        };
        let mut out = Vec::new();
        human(&mut out, &i).expect("write to a Vec");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            text.starts_with("a.pdf  (pdf, pdf-extract, 3 pages)\n"),
            "{text}"
        );
        assert!(text.contains("  case name   Roe v. Mayorkas\n"), "{text}");
        assert!(text.contains("  judge       -\n"), "{text}");
        assert!(
            text.contains("  note        page(s) 3 look scanned\n"),
            "{text}"
        );
        let mut out = Vec::new();
        json(&mut out, &i).expect("write to a Vec");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("one JSON object");
        assert_eq!(v["case_name"], "Roe v. Mayorkas");
        assert_eq!(v["pages"], 3);
        assert!(v.get("text").is_none());
    }
}
