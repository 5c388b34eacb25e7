//! `docketeer inspect`: what Docketeer reads from files, without an index.

use anyhow::Result;
use serde::Serialize;
use std::io::{IsTerminal, Write};

use crate::cli::InspectArgs;
use crate::filing::{self, Filing};
use crate::metadata::Metadata;
use crate::output::json;

#[derive(Serialize)]
struct Inspected<'a> {
    path: String,
    format: &'a str,
    method: &'a str,
    pages: usize,
    notes: &'a [String],
    #[serde(flatten)]
    meta: &'a Metadata,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

pub fn run(args: InspectArgs) -> Result<i32> {
    let opts = super::extract_options(args.ocr, 60, 2048);
    let as_json = args.json || !std::io::stdout().is_terminal();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failures = 0;
    for path in &args.files {
        let Filing {
            extracted,
            clean,
            meta,
        } = match filing::read(path, &opts) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{} {}: {e}", e.kind(), path.display());
                failures += 1;
                continue;
            }
        };
        let item = Inspected {
            path: path.display().to_string(),
            format: extracted.format.as_str(),
            method: &extracted.method,
            pages: clean.pages.len(),
            notes: &extracted.notes,
            meta: &meta,
            text: args.text.then(|| clean.pages.join("\n\u{c}\n")),
        };
        if as_json {
            json::line(&mut out, &item)?;
        } else {
            readable(&mut out, &item)?;
        }
    }
    Ok(if failures == args.files.len() { 2 } else { 0 })
}

fn readable(out: &mut impl Write, i: &Inspected) -> Result<()> {
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
