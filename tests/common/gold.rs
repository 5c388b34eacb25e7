//! Shared helpers for the GOLD.tsv tests: reading the gold rows, turning a corpus file
//! into `CleanText` through the crate's real pipeline, and loose comparison of values.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use docketeer::clean::CleanText;
use docketeer::extract::ExtractOptions;

#[derive(Debug, Clone)]
pub struct GoldRow {
    pub file: String,
    pub case_number: String,
    pub court: String,
    pub case_name: String,
    pub plaintiffs: String,
    pub defendants: String,
    pub judge: String,
    pub date: String,
    pub doc_type: String,
}

/// The shared corpus beside the repository.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// The gold rows; a missing GOLD.tsv fails the test rather than passing it unmeasured.
pub fn load_gold() -> Vec<GoldRow> {
    let path = corpus_dir().join("GOLD.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut rows = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 9 {
            continue;
        }
        rows.push(GoldRow {
            file: f[0].into(),
            case_number: f[1].into(),
            court: f[2].into(),
            case_name: f[3].into(),
            plaintiffs: f[4].into(),
            defendants: f[5].into(),
            judge: f[6].into(),
            date: f[7].into(),
            doc_type: f[8].into(),
        });
    }
    rows
}

/// The file's cleaned text and HTML title through `extract_path` → `clean_pages`, as the
/// indexer reads it. A file that cannot be extracted yields empty text (every field a miss).
pub fn clean_text(path: &Path) -> (CleanText, Option<String>) {
    match docketeer::extract::extract_path(path, &ExtractOptions::default()) {
        Ok(ex) => (docketeer::clean::clean_pages(&ex.pages), ex.title),
        Err(e) => {
            eprintln!("cannot extract {}: {e}", path.display());
            (CleanText::default(), None)
        }
    }
}

pub fn loose(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ')
            && !out.is_empty()
            && (c.is_whitespace() || c == '-' || c == ',' || c == '/')
        {
            out.push(' ');
        }
    }
    out.trim().replace(" vs ", " v ")
}

/// Party lists compared as sets, loosely.
pub fn same_set(gold: &str, got: &[String]) -> bool {
    let mut g: Vec<String> = gold
        .split(" ; ")
        .map(loose)
        .filter(|s| !s.is_empty())
        .collect();
    let mut o: Vec<String> = got
        .iter()
        .map(|s| loose(s))
        .filter(|s| !s.is_empty())
        .collect();
    g.sort();
    g.dedup();
    o.sort();
    o.dedup();
    g == o
}
