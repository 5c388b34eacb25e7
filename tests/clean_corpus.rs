//! Cleaning on every HTML, docket-sheet and text filing of the corpus (the PDFs get the
//! same checks in `extract_coverage`): cleaning the cleaned text again changes nothing,
//! and every word of the cleaned text was in the extracted text.

#[path = "common/cleaning.rs"]
mod cleaning;
#[path = "common/data.rs"]
mod data;

use docketeer::clean::clean_pages;
use docketeer::extract::{ExtractOptions, extract_path};

#[test]
fn cleaning_is_idempotent_and_invents_no_words_on_the_corpus() {
    let mut files = Vec::new();
    for (dir, ext) in [("html", ".html"), ("docket", ".html"), ("txt", ".txt")] {
        files.extend(data::files_in(dir, ext));
    }
    assert!(files.len() >= 40, "only {} corpus files", files.len());
    let opts = ExtractOptions::default();
    let mut bad = Vec::new();
    for f in &files {
        let ex = extract_path(&data::file(f), &opts).unwrap_or_else(|e| panic!("{f}: {e}"));
        let clean = clean_pages(&ex.pages);
        let invented = cleaning::invented_words(&ex.pages, &clean);
        if !invented.is_empty() {
            bad.push(format!("{f}: invented {invented:?}"));
        }
        if let Some(d) = cleaning::second_cleaning_differs(&clean) {
            bad.push(format!("{f}: cleaning twice differs: {d}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
