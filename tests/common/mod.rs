//! Helpers shared by the integration tests: run the real binary on real filings.
#![allow(dead_code)]

pub mod data;

use std::path::Path;
use std::process::{Command, Output};

#[allow(unused_imports)]
pub use data::root;

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

/// Copy files (named as [`data::file`] names them: `pdf/x.pdf`, `hostile/x.pdf`) into
/// `dir`, keeping their folders.
pub fn copy_corpus(dir: &Path, files: &[&str]) {
    for f in files {
        let to = dir.join(f);
        std::fs::create_dir_all(to.parent().expect("has parent")).expect("mkdir");
        std::fs::copy(data::file(f), &to).expect("copy corpus file");
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
            let p = h["path"][0].as_str().expect("hit has a path");
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
    let text = std::fs::read_to_string(data::gold_tsv()).expect("GOLD.tsv");
    let list = |s: &str, sep: &str| -> Vec<String> {
        s.split(sep)
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect()
    };
    let rows: Vec<Gold> = text
        .lines()
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
        .collect();
    assert!(!rows.is_empty(), "GOLD.tsv has no rows");
    rows
}

/// Write a plain, valid PDF of `pages` pages, each with `lines` lines of Helvetica text
/// that contain `token`. Large page counts make files that are slow and memory-hungry
/// to parse while staying well-formed.
pub fn write_text_pdf(path: &Path, pages: usize, lines: usize, token: &str) {
    let mut objs: Vec<Vec<u8>> = Vec::with_capacity(3 + 2 * pages);
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objs.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objs.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
    );
    objs.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    for i in 0..pages {
        let mut s = String::from("BT /F1 10 Tf 50 750 Td 12 TL\n");
        for l in 0..lines {
            s.push_str(&format!(
                "(Page {i} line {l}: the court finds the motion {token} is granted in part) Tj T*\n"
            ));
        }
        s.push_str("ET");
        objs.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", s.len()).into_bytes();
        stream.extend_from_slice(s.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        objs.push(stream);
    }
    write_pdf(path, &objs);
}

/// Write a small, valid one-page PDF whose drawing takes any reader minutes: the page
/// draws a form that draws the one below it ten times, eight levels deep, so a reader
/// interprets 10^8 path operators. A file no machine reads within a few seconds, for
/// tests of the time limit.
pub fn write_endless_pdf(path: &Path) {
    const DEPTH: usize = 8;
    let stream = |dict: &str, body: &str| {
        format!(
            "<< {dict} /Length {} >>\nstream\n{body}\nendstream",
            body.len()
        )
    };
    let mut objs = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /X{DEPTH} {} 0 R >> >> /Contents 4 0 R >>",
            6 + DEPTH
        ),
        stream(
            "",
            &format!(
                "BT /F1 12 Tf 72 720 Td (A filing whose drawing never ends) Tj ET\n/X{DEPTH} Do"
            ),
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    for k in 0..=DEPTH {
        let form = "/Type /XObject /Subtype /Form /BBox [0 0 612 792]";
        objs.push(if k == 0 {
            stream(form, "0 0 m 1 1 l S")
        } else {
            stream(
                &format!(
                    "{form} /Resources << /XObject << /X{} {} 0 R >> >>",
                    k - 1,
                    6 + k - 1
                ),
                &format!("/X{} Do\n", k - 1).repeat(10),
            )
        });
    }
    write_pdf(
        path,
        &objs
            .iter()
            .map(|o| o.as_bytes().to_vec())
            .collect::<Vec<_>>(),
    );
}

/// Write numbered PDF objects (object `k + 1` is `objs[k]`; object 1 the catalog) with
/// their cross-reference table.
fn write_pdf(path: &Path, objs: &[Vec<u8>]) {
    let mut buf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objs.len());
    for (k, o) in objs.iter().enumerate() {
        offsets.push(buf.len());
        buf.extend_from_slice(format!("{} 0 obj\n", k + 1).as_bytes());
        buf.extend_from_slice(o);
        buf.extend_from_slice(b"\nendobj\n");
    }
    let xref = buf.len();
    buf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        buf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    buf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, buf).expect("write generated PDF");
}

/// The summary line an index run prints last.
pub fn summary_line(err: &str) -> &str {
    err.lines()
        .find(|l| l.contains(" added, "))
        .unwrap_or_else(|| panic!("no summary line in: {err}"))
}

/// The number printed before `what` in a summary line (`3 added` -> 3).
pub fn count(line: &str, what: &str) -> usize {
    let at = line
        .find(&format!(" {what}"))
        .unwrap_or_else(|| panic!("no `{what}` in {line}"));
    line[..at]
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before `{what}` in {line}"))
}
