//! Shared helpers for the GOLD.tsv tests: reading the gold rows, turning a corpus file
//! into `CleanText` through the crate's real pipeline, and loose comparison of values.
//!
//! While `extract::extract_path` is not implemented on a branch, a development fallback
//! (plain read, a crude tag stripper, `pdftotext -layout`, crude line-number and ECF
//! header cleaning) stands in for it and a warning is printed; once the real extractor
//! is merged the tests measure the real pipeline.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use docketeer::clean::{CleanText, EcfHeader};
use docketeer::extract::{ExtractError, ExtractOptions};

pub const CORPUS: &str = "/work/shared/corpus";

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

pub fn corpus_dir() -> PathBuf {
    std::env::var("DOCKETEER_CORPUS").map_or_else(|_| PathBuf::from(CORPUS), PathBuf::from)
}

pub fn load_gold() -> Option<Vec<GoldRow>> {
    let text = std::fs::read_to_string(corpus_dir().join("GOLD.tsv")).ok()?;
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
    Some(rows)
}

/// Which text source produced a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Pipeline,
    DevFallback,
}

/// The file's cleaned text through `extract_path` → `clean_pages`, or the development
/// fallback when the extractor on this branch is still a stub.
pub fn clean_text(path: &Path) -> (CleanText, Source) {
    match docketeer::extract::extract_path(path, &ExtractOptions::default()) {
        Ok(ex) => (docketeer::clean::clean_pages(&ex.pages), Source::Pipeline),
        Err(ExtractError::Failed(why)) if why.contains("not implemented") => {
            (dev_fallback(path), Source::DevFallback)
        }
        Err(_) => (CleanText::default(), Source::Pipeline),
    }
}

fn dev_fallback(path: &Path) -> CleanText {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let pages: Vec<String> = match ext {
        "pdf" => std::process::Command::new("pdftotext")
            .arg("-layout")
            .arg(path)
            .arg("-")
            .output()
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .split('\u{c}')
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        "html" | "htm" => vec![strip_tags(
            &std::fs::read_to_string(path).unwrap_or_default(),
        )],
        _ => vec![std::fs::read_to_string(path).unwrap_or_default()],
    };
    crude_clean(&pages)
}

/// Tag stripper good enough for development: block tags become line breaks.
fn strip_tags(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
            let tag = &lower[i..end];
            for skip in ["<script", "<style"] {
                if tag.starts_with(skip) {
                    let close = format!("</{}", &skip[1..]);
                    let j = lower[end..].find(&close).map_or(html.len(), |e| end + e);
                    i = j;
                }
            }
            if i >= bytes.len() || bytes[i] != b'<' {
                continue;
            }
            let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
            let tag = &lower[i..end];
            let block = [
                "<br", "<p", "</p", "<div", "</div", "<tr", "<h", "</h", "<li", "<center",
                "</center", "<td", "<th", "<table",
            ];
            if block.iter().any(|b| tag.starts_with(b)) {
                out.push('\n');
            }
            i = end;
        } else {
            let next = html[i..].find('<').map_or(html.len(), |e| i + e);
            out.push_str(&html[i..next]);
            i = next;
        }
    }
    out.replace("&amp;", "&")
        .replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&emsp;", " ")
        .replace("&ensp;", " ")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&sect;", "§")
}

#[allow(clippy::field_reassign_with_default)]
/// Crude stand-in for the cleaning stage: pleading line numbers, ECF running headers
/// (their case number and filed date kept), quotes, whitespace.
fn crude_clean(pages: &[String]) -> CleanText {
    let ecf_re = regex::Regex::new(
        r"(?i)^\s*(?:Case|Appellate Case|Appeal)\s*:?\s+([0-9:]+[-\w]*(?:-[A-Za-z]+)*)[, ]*(?:\s*Doc(?:ument)?\.?:?\s*([\w-]+))?.*?(?:(?:Filed|Date Filed)\s*:?\s*|,\s*)(\d{1,2}/\d{1,2}/\d{2,4})",
    )
    .unwrap();
    let mut ecf: Option<EcfHeader> = None;
    let mut out = Vec::new();
    for p in pages {
        let mut s = String::new();
        for line in p.lines() {
            if let Some(c) = ecf_re.captures(line) {
                if ecf.is_none() {
                    let f = &c[3];
                    let parts: Vec<&str> = f.split('/').collect();
                    let filed = if parts.len() == 3 {
                        let y: i32 = parts[2].parse().unwrap_or(0);
                        let y = if y < 100 { y + 2000 } else { y };
                        Some(format!("{y:04}-{:0>2}-{:0>2}", parts[0], parts[1]))
                    } else {
                        None
                    };
                    ecf = Some(EcfHeader {
                        case_number: c[1].trim_end_matches(',').to_string(),
                        document: c.get(2).map(|m| m.as_str().to_string()),
                        filed,
                    });
                }
                continue;
            }
            let t = line.trim();
            if !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            // Leading pleading-paper numbers glued to text.
            let t = match t.split_once(' ') {
                Some((n, rest))
                    if n.len() <= 2
                        && n.chars().all(|c| c.is_ascii_digit())
                        && n.parse::<u32>().is_ok_and(|v| v <= 28) =>
                {
                    rest
                }
                _ => t,
            };
            let t = t
                .replace(['\u{2019}', '\u{2018}'], "'")
                .replace(['\u{201c}', '\u{201d}'], "\"");
            s.push_str(&t.split_whitespace().collect::<Vec<_>>().join(" "));
            s.push('\n');
        }
        out.push(s);
    }
    // Field by field: the real CleanText carries more than this stand-in fills.
    let mut ct = CleanText::default();
    ct.pages = out;
    ct.ecf = ecf;
    ct
}

/// Lowercase letters and digits, single spaces; `vs.` → `v`.
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
