//! Helpers shared by the integration tests: run the real binary on real filings.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared corpus of real filings beside the repository.
pub fn shared() -> PathBuf {
    let p = root().join("../shared/corpus");
    assert!(
        p.is_dir(),
        "the shared corpus is missing at {}",
        p.display()
    );
    p
}

/// Run docketeer with `args` against the index at `index`.
pub fn docketeer(index: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .args(args)
        .arg("--index")
        .arg(index)
        .env("NO_COLOR", "1")
        .output()
        .expect("the docketeer binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Copy files (paths relative to the shared corpus) into `dir`, keeping their folders.
pub fn copy_shared(dir: &Path, files: &[&str]) {
    for f in files {
        let to = dir.join(f);
        std::fs::create_dir_all(to.parent().expect("has parent")).expect("mkdir");
        std::fs::copy(shared().join(f), &to).expect("copy corpus file");
    }
}

/// Search with --json and return the hits' parsed objects.
pub fn search_json(index: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["search", "--json", "--limit", "50"];
    all.extend_from_slice(args);
    let out = docketeer(index, &all);
    let code = out.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "search {args:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

/// File names (last path component) of hits, in rank order.
pub fn hit_names(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            let p = h["paths"][0].as_str().expect("hit has a path");
            Path::new(p)
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// One row of GOLD.tsv.
#[derive(Debug, Clone)]
pub struct Gold {
    pub file: String,
    pub case_number: String,
    pub court: String,
    pub case_name: String,
    pub plaintiffs: Vec<String>,
    pub defendants: Vec<String>,
    pub judge: String,
    pub date: String,
    pub doc_type: String,
    pub phrases: Vec<String>,
}

pub fn gold() -> Vec<Gold> {
    let text = std::fs::read_to_string(shared().join("GOLD.tsv")).expect("GOLD.tsv");
    let list = |s: &str, sep: &str| -> Vec<String> {
        s.split(sep)
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect()
    };
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let col = |i: usize| c.get(i).copied().unwrap_or("").trim().to_string();
            Gold {
                file: col(0),
                case_number: col(1),
                court: col(2),
                case_name: col(3),
                plaintiffs: list(&col(4), " ; "),
                defendants: list(&col(5), " ; "),
                judge: col(6),
                date: col(7),
                doc_type: col(8),
                phrases: list(&col(9), "|"),
            }
        })
        .collect()
}
