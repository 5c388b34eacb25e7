//! `docketeer stats`: what the index holds.

use anyhow::Result;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

use crate::cli::StatsArgs;
use crate::index::docs::for_each_stored;
use crate::index::indexer::{Problem, load_last_run};
use crate::index::store::Store;
use crate::output::json;

#[derive(Serialize)]
struct Stats {
    index: String,
    documents: usize,
    files: usize,
    cases: usize,
    courts: BTreeMap<String, usize>,
    parties: usize,
    /// Docket entries of the current docket sheets.
    entries: usize,
    /// Distinct attorneys the docket sheets list.
    attorneys: usize,
    first_date: Option<String>,
    last_date: Option<String>,
    formats: BTreeMap<String, usize>,
    methods: BTreeMap<String, usize>,
    size_bytes: u64,
    last_run: Option<String>,
    last_run_problems: Vec<Problem>,
}

pub fn run(args: StatsArgs) -> Result<i32> {
    let dir = super::index_dir(&args.index);
    let store = Store::open(&dir)?;
    let mut s = Stats {
        index: dir.display().to_string(),
        documents: 0,
        files: 0,
        cases: 0,
        courts: BTreeMap::new(),
        parties: 0,
        entries: 0,
        attorneys: 0,
        first_date: None,
        last_date: None,
        formats: BTreeMap::new(),
        methods: BTreeMap::new(),
        size_bytes: store.size_on_disk(),
        last_run: None,
        last_run_problems: Vec::new(),
    };
    let mut cases = BTreeSet::new();
    let mut parties = BTreeSet::new();
    for_each_stored(&store, false, |d| {
        // Docket entries are documents without files of their own: counted below.
        if d.paths.is_empty() {
            return Ok(());
        }
        s.documents += 1;
        s.files += d.paths.len();
        if let Some(key) = d.docket.first().cloned().or_else(|| d.case_name.clone()) {
            cases.insert(key);
        }
        *s.courts
            .entry(d.court.clone().unwrap_or_else(|| "unknown".into()))
            .or_default() += 1;
        for p in d.plaintiffs.iter().chain(&d.defendants) {
            parties.insert(p.to_lowercase());
        }
        if let Some(date) = &d.date {
            if s.first_date.as_ref().is_none_or(|f| date < f) {
                s.first_date = Some(date.clone());
            }
            if s.last_date.as_ref().is_none_or(|l| date > l) {
                s.last_date = Some(date.clone());
            }
        }
        *s.formats.entry(d.format.clone()).or_default() += 1;
        *s.methods.entry(d.method.clone()).or_default() += 1;
        Ok(())
    })?;
    s.cases = cases.len();
    s.parties = parties.len();
    (s.entries, s.attorneys) = crate::docket::index::counts(&store)?;
    if let Some(last) = load_last_run(&dir) {
        s.last_run = Some(last.line());
        s.last_run_problems = last.problems;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        json::line(&mut out, &s)?;
        return Ok(0);
    }
    use std::io::Write;
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
    Ok(0)
}
