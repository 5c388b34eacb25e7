//! Where the tests' files live: the one place that knows the repository's layout.
//!
//! Filings are under `corpus/` (`pdf/`, `html/`, `docket/`, `txt/`); the hand-checked
//! `GOLD.tsv`, the held-out sets `heldout/` and `unseen/`, and the malformed PDFs of
//! `hostile/` (with their `EXPECT.tsv`) are under
//! `tests/data/`. Tests name a file as the corpus layout does (`pdf/x.pdf`,
//! `hostile/x.pdf`, `GOLD.tsv`) and [`file`] finds it. Nothing outside the repository is
//! read, so a fresh clone passes its own tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled corpus of real filings.
pub fn corpus() -> PathBuf {
    existing(root().join("corpus"))
}

/// Test fixtures that are not filings to index: `GOLD.tsv`, `hostile/`.
pub fn test_data() -> PathBuf {
    existing(root().join("tests/data"))
}

/// The malformed PDFs and their `EXPECT.tsv`.
pub fn hostile() -> PathBuf {
    existing(test_data().join("hostile"))
}

/// The held-out metadata set (`EXPECTED.tsv`, `MANIFEST.tsv` and the filings).
pub fn heldout() -> PathBuf {
    existing(test_data().join("heldout"))
}

/// The second held-out metadata set, from other courts and sources (same layout as
/// [`heldout`]).
pub fn unseen() -> PathBuf {
    existing(test_data().join("unseen"))
}

/// The hand-checked metadata table.
pub fn gold_tsv() -> PathBuf {
    existing(test_data().join("GOLD.tsv"))
}

/// A file named as the corpus layout names it: `hostile/...` and `GOLD.tsv` are test
/// data, everything else a filing under `corpus/`.
pub fn file(rel: &str) -> PathBuf {
    let first = rel.split('/').next().unwrap_or(rel);
    let base = if first == "hostile" || first == "GOLD.tsv" {
        test_data()
    } else {
        corpus()
    };
    existing(base.join(rel))
}

/// Every file directly in `dir` (relative to the corpus layout, e.g. `pdf`) whose name
/// ends with `ext`, as layout names (`pdf/x.pdf`), sorted.
pub fn files_in(dir: &str, ext: &str) -> Vec<String> {
    let base = file(dir);
    let mut out: Vec<String> = std::fs::read_dir(&base)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", base.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(ext))
        .map(|p| {
            format!(
                "{dir}/{}",
                p.file_name().unwrap_or_default().to_string_lossy()
            )
        })
        .collect();
    out.sort();
    out
}

/// A missing fixture fails the test that needs it, naming the path.
fn existing(p: PathBuf) -> PathBuf {
    assert!(
        Path::new(&p).exists(),
        "test data missing at {} (it is part of the repository)",
        p.display()
    );
    p
}
