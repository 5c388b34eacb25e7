//! Shared helpers for the GOLD.tsv tests: reading the gold rows, reading a corpus file
//! through the pipeline `index` and `inspect` run (`filing::read`), and loose comparison
//! of values.
#![allow(dead_code)]

#[path = "data.rs"]
pub mod data;

use std::path::{Path, PathBuf};

use docketeer::extract::ExtractOptions;
use docketeer::filing::{self, Filing};
use docketeer::metadata::Metadata;

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

/// The bundled corpus the gold rows' file names are relative to.
pub fn corpus_dir() -> PathBuf {
    data::corpus()
}

/// The gold rows; a missing, empty or malformed GOLD.tsv fails the test rather than
/// passing it unmeasured.
pub fn load_gold() -> Vec<GoldRow> {
    let path = data::gold_tsv();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut rows = Vec::new();
    for line in text.lines().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(
            f.len() >= 9,
            "{}: a row with {} columns, want 9 or more: {line:?}",
            path.display(),
            f.len()
        );
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
    assert!(!rows.is_empty(), "{}: no gold rows", path.display());
    rows
}

/// Options as `docketeer index` uses them by default: PDFs are read by the real binary's
/// isolated extraction worker.
pub fn index_options() -> ExtractOptions {
    ExtractOptions {
        worker: Some(PathBuf::from(env!("CARGO_BIN_EXE_docketeer"))),
        ..ExtractOptions::default()
    }
}

/// One file through `filing::read`, exactly as `index` and `inspect` read it.
pub fn read(path: &Path) -> Result<Filing, docketeer::extract::ExtractError> {
    filing::read(path, &index_options())
}

/// The file's metadata as `index` stores it; a file that cannot be read yields no
/// metadata (every field a miss).
pub fn metadata_of(path: &Path) -> Metadata {
    match read(path) {
        Ok(f) => f.meta,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.display());
            Metadata::default()
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

/// [`metadata_of`] for every row's file, in row order, read on all cores (each file is
/// read on its own, as `index` reads them in parallel).
pub fn metadata_of_rows(rows: &[GoldRow]) -> Vec<Metadata> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = rows.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|r| metadata_of(&corpus_dir().join(&r.file)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("reader thread"))
            .collect()
    })
}
