//! Measured extraction quality on the real corpus: for every PDF on which poppler's
//! `pdftotext` finds words, Docketeer's extract + clean must keep at least 98% of them
//! (as a bag of lowercase alphanumeric words), and pleading-paper margin numbers must
//! not survive cleaning. Cleaning each PDF's text again changes nothing, and every
//! word of the cleaned text was in the extracted text.

#[path = "common/cleaning.rs"]
mod cleaning;
#[path = "common/data.rs"]
mod data;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use cleaning::words;
use docketeer::clean::{CleanText, clean_pages, headers::split_headers};
use docketeer::extract::{ExtractError, ExtractOptions, extract_path};

fn is_margin_number(w: &str) -> bool {
    w.parse::<u32>().is_ok_and(|n| (1..=28).contains(&n))
}

/// pdftotext's words, minus margin numbers and ECF stamp lines (moved out of the body
/// into `CleanText::headers` by design).
fn reference_words(path: &Path) -> (HashMap<String, usize>, usize) {
    let out = Command::new("pdftotext")
        .args(["-q", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext must be installed (poppler-utils): {e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut bag = HashMap::new();
    let pages = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .count()
        .max(1);
    for page in text.split('\u{c}') {
        let (body, _) = split_headers(&docketeer::clean::normalize::normalize_chars(page));
        // pdftotext scatters the ECF stamp over the page; its fragments are header text.
        for line in body.lines().filter(|l| !STAMP_FRAGMENT.is_match(l.trim())) {
            // pdftotext splits small capitals off their word ("P ACHULSKI S TANG");
            // glue them back so the comparison is about text, not letter spacing.
            let line = SPLIT_CAPS.replace_all(line, "$1$2");
            for w in words(&line).filter(|w| !is_margin_number(w)) {
                *bag.entry(w).or_insert(0) += 1;
            }
        }
    }
    (bag, pages)
}

static SPLIT_CAPS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b([A-Z]) ([A-Z]{2,})\b").expect("constant regex")
});

static STAMP_FRAGMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:Case:?|Document:?|Doc#?:?|DktEntry:?|Page:?|Pg:?|Date Filed:?|Filed:?|Entered:?|Entry ID:?|ID:?|Page ID #?:?)\s*[\d/:\- ]*(?:of\s*\d+)?$",
    )
    .expect("constant regex")
});

/// Share of the reference bag found in the cleaned text; words of removed running
/// header/footer lines count as kept (they are reported, not lost).
fn coverage(reference: &HashMap<String, usize>, clean: &CleanText) -> f64 {
    let mut ours: HashMap<String, usize> = HashMap::new();
    for w in clean.pages.iter().flat_map(|p| words(p)) {
        *ours.entry(w).or_insert(0) += 1;
    }
    let running: std::collections::HashSet<String> =
        clean.running_lines.iter().flat_map(|l| words(l)).collect();
    let total: usize = reference.values().sum();
    let covered: usize = reference
        .iter()
        .map(|(w, &n)| {
            if running.contains(w) {
                n
            } else {
                n.min(ours.get(w).copied().unwrap_or(0))
            }
        })
        .sum();
    if total == 0 {
        1.0
    } else {
        covered as f64 / total as f64
    }
}

fn most_missed(reference: &HashMap<String, usize>, clean: &CleanText) -> Vec<(String, usize)> {
    let mut ours: HashMap<String, usize> = HashMap::new();
    for w in clean.pages.iter().flat_map(|p| words(p)) {
        *ours.entry(w).or_insert(0) += 1;
    }
    let mut missed: Vec<(String, usize)> = reference
        .iter()
        .filter_map(|(w, &n)| {
            let have = ours.get(w).copied().unwrap_or(0);
            (n > have).then(|| (w.clone(), n - have))
        })
        .collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    missed.truncate(15);
    missed
}

/// Lines that still look like a margin column: a run of 5+ lines whose leading numbers
/// count up by one.
fn surviving_margin_run(page: &str) -> bool {
    let mut run = 0;
    let mut last = 0;
    for line in page.lines() {
        let first = line.split(' ').next().unwrap_or("");
        match first.parse::<u32>() {
            Ok(n) if n == last + 1 && n <= 28 => {
                run += 1;
                last = n;
                if run >= 5 {
                    return true;
                }
            }
            Ok(1) => {
                run = 1;
                last = 1;
            }
            _ => {}
        }
    }
    false
}

const PLEADING: &[&str] = &[
    "pdf/xray-gov.uscourts.caed.222763.30.0.pdf",
    "pdf/xray-gov.uscourts.cand.317399.383.0.pdf",
    "pdf/xray-gov.uscourts.cacd.758553.52.0.pdf",
    "pdf/xray-gov.uscourts.caed.374639.14.0.pdf",
    "pdf/xray-gov.uscourts.cand.313162.93.0.pdf",
    "pdf/xray-gov.uscourts.canb.582112.201.0.pdf",
];

#[test]
fn pdf_word_coverage_against_pdftotext() {
    let mut files = data::files_in("pdf", ".pdf");
    files.extend(data::files_in("hostile", ".pdf"));
    assert!(files.len() > 50, "corpus incomplete: {} PDFs", files.len());
    let results: Vec<(String, String)> = std::thread::scope(|s| {
        let chunks: Vec<Vec<String>> = files
            .chunks(files.len().div_ceil(2))
            .map(|c| c.to_vec())
            .collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| s.spawn(move || chunk.iter().map(|f| check_file(f)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("checker thread"))
            .collect()
    });
    let mut failures = Vec::new();
    println!(
        "{:<55} {:>7} {:>8}  method / outcome",
        "file", "ref", "coverage"
    );
    for (line, failure) in &results {
        println!("{line}");
        if !failure.is_empty() {
            failures.push(failure.clone());
        }
    }
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
}

/// Returns the table line and a failure message (empty when fine).
fn check_file(rel: &str) -> (String, String) {
    let path = data::file(rel);
    let (reference, pages) = reference_words(&path);
    let ref_total: usize = reference.values().sum();
    let result = extract_path(&path, &ExtractOptions::default());
    match result {
        Ok(ex) => {
            let clean = clean_pages(&ex.pages);
            let cov = coverage(&reference, &clean);
            let mut fail = String::new();
            if ref_total > 0 && cov < 0.98 {
                fail = format!(
                    "{rel}: coverage {:.1}% < 98%; most missed: {:?}",
                    cov * 100.0,
                    most_missed(&reference, &clean)
                );
            }
            let invented = cleaning::invented_words(&ex.pages, &clean);
            if !invented.is_empty() {
                fail = format!("{rel}: cleaning invented {invented:?}");
            }
            if let Some(d) = cleaning::second_cleaning_differs(&clean) {
                fail = format!("{rel}: cleaning the cleaned text again differs: {d}");
            }
            if PLEADING.contains(&rel) {
                if clean.margin_numbers_removed < 20 {
                    fail = format!(
                        "{rel}: only {} margin numbers found",
                        clean.margin_numbers_removed
                    );
                }
                if let Some(i) = clean.pages.iter().position(|p| surviving_margin_run(p)) {
                    fail = format!("{rel}: margin numbers survive on page {}", i + 1);
                }
            }
            (
                format!(
                    "{rel:<55} {ref_total:>7} {:>7.1}%  {} {:?}",
                    cov * 100.0,
                    ex.method,
                    ex.notes
                ),
                fail,
            )
        }
        Err(e) => {
            // Errors are right only where poppler finds nothing either, or (for scans)
            // nothing but an ECF stamp.
            let fail = match &e {
                ExtractError::NeedsOcr { .. } if ref_total <= 30 * pages => String::new(),
                _ if ref_total == 0 => String::new(),
                _ => format!("{rel}: {e} but pdftotext finds {ref_total} words"),
            };
            (format!("{rel:<55} {ref_total:>7} {:>8}  {e}", "-"), fail)
        }
    }
}

#[test]
fn pleading_phrase_across_lines_is_contiguous() {
    let ex = extract_path(
        &data::file("txt/seed-cand-aclu-cms.txt"),
        &ExtractOptions::default(),
    )
    .expect("seed text readable");
    let clean = clean_pages(&ex.pages);
    let flat = clean
        .pages
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(
        "submit this Case Management Statement and Proposed Order pursuant to Civil Local Rule 16-9"
    ));
    assert!(flat.contains("1. Jurisdiction & Service Plaintiffs brought this action"));
    assert!(!surviving_margin_run(&clean.pages.join("\n")));
    // Real numbers stay.
    assert!(flat.contains("ECF No. 16"));
}
