//! `--court` and `court:` end to end: an index of real filings from the bundled corpus,
//! searched by a state, a citation form, a court's id with and without its child courts.

mod common;

use common::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Filings of three California district courts, the Ninth Circuit, a bankruptcy court, a
/// bankruptcy appellate panel and a state intermediate appellate court.
const FILES: &[&str] = &[
    "txt/seed-casd-alotrolado-order.txt",
    "txt/seed-cand-aclu-cms.txt",
    "pdf/doctor-gov.uscourts.cacd.652774.40.0.pdf",
    "pdf/doctor-ca9_19.pdf",
    "docket/js-mieb.html",
    "docket/js-bap9_15-1074.html",
    "html/cap-590SE2d53.html",
];

struct Fixture {
    _dir: tempfile::TempDir,
    index: PathBuf,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = dir.path().join("filings");
        copy_corpus(&files, FILES);
        let index = dir.path().join("index");
        let out = docketeer(&index, &["index", files.to_str().expect("utf-8 path")]);
        assert!(out.status.success(), "index failed: {}", stderr(&out));
        Fixture { _dir: dir, index }
    })
}

/// Names and court ids of the hits for `args`.
fn found(args: &[&str]) -> Vec<(String, String)> {
    let hits = search_json(&fixture().index, args);
    let names = hit_names(&hits);
    names
        .into_iter()
        .zip(hits.iter())
        .map(|(n, h)| (n, h["court"].as_str().unwrap_or_default().to_string()))
        .collect()
}

fn names(found: &[(String, String)]) -> Vec<&str> {
    let mut v: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[test]
fn a_state_finds_its_courts_filings_and_no_others() {
    // courts-db places the Ninth Circuit and its bankruptcy panel in California, where
    // they sit.
    let hits = found(&["--court", "california"]);
    assert_eq!(
        names(&hits),
        [
            "doctor-ca9_19.pdf",
            "doctor-gov.uscourts.cacd.652774.40.0.pdf",
            "js-bap9_15-1074.html",
            "seed-cand-aclu-cms.txt",
            "seed-casd-alotrolado-order.txt",
        ],
        "{hits:?}"
    );
    // Any case.
    assert_eq!(names(&found(&["--court", "California"])), names(&hits));
}

#[test]
fn citation_forms_find_their_court() {
    assert_eq!(
        names(&found(&["--court", "Bankr. E.D. Mich."])),
        ["js-mieb.html"]
    );
    assert_eq!(
        names(&found(&["court:\"Va. Ct. App.\""])),
        ["cap-590SE2d53.html"]
    );
    assert_eq!(
        names(&found(&["court:\"va. ct. app.\""])),
        ["cap-590SE2d53.html"]
    );
    assert_eq!(
        names(&found(&["--court", "N.D. Cal."])),
        ["seed-cand-aclu-cms.txt"]
    );
}

#[test]
fn with_children_takes_in_the_courts_below() {
    // `usdistct` groups the district courts: no filing is of it, every district
    // court's filing is below it.
    assert!(found(&["--court", "usdistct"]).is_empty());
    // (courts-db gives some districts, `cacd` among them, no parent: those are not
    // below it.)
    let below = found(&["--court", "usdistct", "--with-children"]);
    let courts: Vec<&str> = below.iter().map(|(_, c)| c.as_str()).collect();
    for want in ["cand", "casd"] {
        assert!(courts.contains(&want), "{want} not in {below:?}");
    }
    for not in ["ca9", "bap9", "mieb", "vactapp"] {
        assert!(!courts.contains(&not), "{not} in {below:?}");
    }
    // A court without children finds its own filings either way.
    assert_eq!(
        names(&found(&["--court", "ca9", "--with-children"])),
        ["doctor-ca9_19.pdf"]
    );
    assert_eq!(names(&found(&["--court", "ca9"])), ["doctor-ca9_19.pdf"]);
}
