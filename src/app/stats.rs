//! `docketeer stats`: what the index holds.

use anyhow::Result;
use std::collections::BTreeSet;

use crate::cli::StatsArgs;
use crate::index::docs::for_each_stored;
use crate::index::indexer::load_last_run;
use crate::index::store::Store;
use crate::output::stats::{self, Stats};

pub fn run(args: StatsArgs) -> Result<i32> {
    let dir = super::index_dir(&args.index);
    let store = Store::open(&dir)?;
    let mut s = Stats {
        index: dir.display().to_string(),
        size_bytes: store.size_on_disk(),
        ..Stats::default()
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
        stats::json(&mut out, &s)?;
    } else {
        stats::human(&mut out, &s)?;
    }
    Ok(0)
}
