//! `docketeer search` on an index built from real filings of the bundled corpus.

mod common;

use common::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Filings indexed once for every test in this file.
const FILES: &[&str] = &[
    "txt/seed-cacd-immdef-order.txt",
    "txt/seed-casd-alotrolado-order.txt",
    "txt/seed-cand-aclu-cms.txt",
    "txt/cl-opinion_text.txt",
    "pdf/doctor-ca1_00117684624.pdf",
    "pdf/doctor-ca9_19.pdf",
    "pdf/doctor-gov.uscourts.cacd.652774.40.0.pdf",
    "pdf/xray-gov.uscourts.cand.317399.383.0.pdf",
    "pdf/xray-S.D.N.Y._1_18-cv-08653-VEC-SDA_252_0.pdf",
    "pdf/doctor-gov.uscourts.njd.387907.32.0.pdf",
    "pdf/xray-gov.uscourts.caed.222763.30.0.pdf",
    "html/cl-opinion_html.html",
    "html/cap-590SE2d53.html",
    "docket/js-cand.html",
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

#[test]
fn a_phrase_from_each_filing_finds_that_filing_first() {
    let f = fixture();
    let gold = gold();
    let mut checked = 0;
    for g in gold.iter().filter(|g| FILES.contains(&g.file.as_str())) {
        let name = g.file.rsplit('/').next().expect("name");
        for phrase in &g.phrases {
            let hits = search_json(&f.index, &[&format!("\"{phrase}\"")]);
            let names = hit_names(&hits);
            assert_eq!(
                names.first().map(String::as_str),
                Some(name),
                "phrase {phrase:?} should find {name} first, got {names:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} phrases checked");
}

#[test]
fn docket_queries_match_every_printed_form() {
    let f = fixture();
    for q in [
        "docket:3:17-cv-02366",
        "docket:17-cv-2366",
        "docket:3:17-cv-02366-BAS-KSC",
        "docket:\"Case No.: 3:17-cv-02366\"",
    ] {
        let hits = search_json(&f.index, &[q]);
        assert_eq!(
            hit_names(&hits),
            vec!["seed-casd-alotrolado-order.txt"],
            "query {q}"
        );
    }
    for flag in [
        "CV 20-9893 JGB (SHKx)",
        "20-cv-9893",
        "2:20-cv-09893",
        "20-9893",
    ] {
        let hits = search_json(&f.index, &["--docket", flag]);
        assert_eq!(
            hit_names(&hits),
            vec!["seed-cacd-immdef-order.txt"],
            "--docket {flag}"
        );
    }
    let hits = search_json(&f.index, &["docket:4:21-cv-02632-DMR"]);
    assert_eq!(hit_names(&hits), vec!["seed-cand-aclu-cms.txt"]);
}

#[test]
fn party_flag_finds_exactly_the_filings_naming_that_party() {
    let f = fixture();
    let mut names = hit_names(&search_json(&f.index, &["--party", "Mayorkas"]));
    names.sort();
    assert_eq!(
        names,
        vec![
            "seed-cacd-immdef-order.txt",
            "seed-casd-alotrolado-order.txt"
        ]
    );
    let names = hit_names(&search_json(&f.index, &["--party", "Jennings"]));
    assert_eq!(names, vec!["doctor-ca9_19.pdf"]);
}

#[test]
fn field_flags_combine_with_a_query() {
    let f = fixture();
    let names = hit_names(&search_json(
        &f.index,
        &[
            "protective order",
            "--court",
            "casd",
            "--judge",
            "Judge Crawford",
        ],
    ));
    assert_eq!(names, vec!["seed-casd-alotrolado-order.txt"]);
    let names = hit_names(&search_json(
        &f.index,
        &[
            "--court",
            "N.D. Cal.",
            "--from",
            "2021-01-01",
            "--to",
            "2021-12-31",
        ],
    ));
    assert!(
        names.contains(&"seed-cand-aclu-cms.txt".to_string()),
        "{names:?}"
    );
    assert!(!names.contains(&"seed-casd-alotrolado-order.txt".to_string()));
    let names = hit_names(&search_json(&f.index, &["date:2021-04-07"]));
    assert_eq!(names, vec!["seed-casd-alotrolado-order.txt"]);
    let names = hit_names(&search_json(&f.index, &["date:2021-04 AND asylum"]));
    assert_eq!(names, vec!["seed-casd-alotrolado-order.txt"]);
    let names = hit_names(&search_json(&f.index, &["dkt:305 judge:Bernal"]));
    assert_eq!(names, vec!["seed-cacd-immdef-order.txt"]);
}

#[test]
fn json_hits_carry_metadata_page_and_highlights() {
    let f = fixture();
    let hits = search_json(&f.index, &["\"routine parts of litigation\""]);
    let h = &hits[0];
    assert_eq!(h["case_name"], "Immigrant Defenders Law Center v. Mayorkas");
    assert_eq!(h["court"], "cacd");
    assert_eq!(h["date"], "2024-04-05");
    assert!(h["page"].as_u64().is_some_and(|p| p >= 1));
    let snippet = h["snippet"].as_str().expect("snippet");
    let hl = h["highlights"].as_array().expect("highlights");
    assert!(!hl.is_empty());
    let s = hl[0][0].as_u64().expect("start") as usize;
    let e = hl[0][1].as_u64().expect("end") as usize;
    assert_eq!(snippet[s..e].to_lowercase(), "routine");
}

#[test]
fn human_output_names_case_docket_court_date_and_page() {
    let f = fixture();
    let out = docketeer(
        &f.index,
        &["search", "\"caucused separately with plaintiffs\""],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Al Otro Lado, Inc. v. Mayorkas"), "{text}");
    assert!(text.contains("3:17-cv-02366-BAS-KSC"), "{text}");
    assert!(
        text.contains("casd") && text.contains("2021-04-07"),
        "{text}"
    );
    assert!(text.contains("seed-casd-alotrolado-order.txt:"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when piped");
}

#[test]
fn no_hits_exits_1_and_a_malformed_query_exits_2() {
    let f = fixture();
    let out = docketeer(&f.index, &["search", "xylophonequartzwombat"]);
    assert_eq!(out.status.code(), Some(1));
    let out = docketeer(&f.index, &["search", "\"unbalanced phrase"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot parse the query"),
        "{}",
        stderr(&out)
    );
    let out = docketeer(&f.index, &["search", "nosuchfield:foo"]);
    assert_eq!(out.status.code(), Some(2));
    let out = docketeer(&f.index, &["search", "x", "--from", "last tuesday"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn boolean_and_proximity_queries_work() {
    let f = fixture();
    let both = hit_names(&search_json(&f.index, &["asylum AND \"protective order\""]));
    assert!(both.contains(&"seed-casd-alotrolado-order.txt".to_string()));
    let not = hit_names(&search_json(&f.index, &["asylum NOT Casetext"]));
    assert!(
        !not.contains(&"seed-casd-alotrolado-order.txt".to_string()),
        "{not:?}"
    );
    let near = hit_names(&search_json(&f.index, &["\"motion enforce\"~3"]));
    assert!(
        near.contains(&"seed-cacd-immdef-order.txt".to_string()),
        "{near:?}"
    );
}

#[test]
fn searching_without_an_index_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = docketeer(&dir.path().join("none"), &["search", "anything"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no index at"), "{}", stderr(&out));
}

#[test]
fn phrases_across_pleading_paper_line_breaks_are_found() {
    let f = fixture();
    // Each phrase runs over a line break with a margin number (and, in the PDF, the
    // page's line layout) between its words.
    for (phrase, file) in [
        (
            "Proposed Order pursuant to Civil Local Rule 16-9",
            "seed-cand-aclu-cms.txt",
        ),
        (
            "filed a response to the motion on November 20, 2015",
            "xray-gov.uscourts.caed.222763.30.0.pdf",
        ),
        (
            "attorney for Tracie Still",
            "xray-gov.uscourts.caed.222763.30.0.pdf",
        ),
    ] {
        let names = hit_names(&search_json(&f.index, &[&format!("\"{phrase}\"")]));
        assert_eq!(names, vec![file], "{phrase}");
    }
    // A margin number left between the words would make this phrase match.
    assert!(search_json(&f.index, &["\"the 22 motion on November\""]).is_empty());
}

#[test]
fn hits_name_the_page_they_are_on() {
    let f = fixture();
    let hits = search_json(
        &f.index,
        &["\"the losing party is not responsible for payment\""],
    );
    assert_eq!(
        hit_names(&hits),
        vec!["xray-gov.uscourts.caed.222763.30.0.pdf"]
    );
    assert_eq!(hits[0]["page"], 3);
    // A compound broken at its hyphen across lines stays a compound.
    let hits = search_json(&f.index, &["\"past-due benefits\""]);
    assert_eq!(
        hit_names(&hits),
        vec!["xray-gov.uscourts.caed.222763.30.0.pdf"]
    );
    let out = docketeer(
        &f.index,
        &["search", "\"the losing party is not responsible\""],
    );
    assert!(
        stdout(&out).contains("xray-gov.uscourts.caed.222763.30.0.pdf:3"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn running_headers_leave_the_body_but_feed_the_metadata() {
    let f = fixture();
    // Every page of the PDF carries "Case 1:11-cv-00637-NONE-EPG Document 30 Filed 03/23/21".
    assert!(search_json(&f.index, &["\"Document 30 Filed 03/23/21\""]).is_empty());
    let hits = search_json(&f.index, &["--docket", "1:11-cv-00637"]);
    assert_eq!(
        hit_names(&hits),
        vec!["xray-gov.uscourts.caed.222763.30.0.pdf"]
    );
    assert_eq!(hits[0]["date"], "2021-03-23");
}

#[test]
fn hits_sort_by_date_when_asked() {
    let f = fixture();
    let dates = |sort: &str| -> Vec<String> {
        search_json(&f.index, &["court", "--sort", sort])
            .iter()
            .map(|h| h["date"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let newest = dates("newest");
    assert!(newest.len() >= 5, "{newest:?}");
    assert!(newest.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    let oldest = dates("oldest");
    assert!(!oldest.is_empty() && oldest.iter().all(|d| !d.is_empty()));
    assert!(oldest.windows(2).all(|w| w[0] <= w[1]), "{oldest:?}");
    let out = docketeer(&f.index, &["search"]);
    assert_eq!(out.status.code(), Some(2), "an empty search is an error");
}
