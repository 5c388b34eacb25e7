//! `docketeer index` on real and broken files: runs to the end, reports, re-runs incrementally.

mod common;

use common::*;
use std::path::Path;

fn index(idx: &Path, dir: &Path) -> String {
    let out = docketeer(idx, &["index", dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn a_corrupt_pdf_and_an_empty_file_do_not_stop_the_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(
        &files,
        &[
            "pdf/doctor-empty.pdf",
            "hostile/truncated-2k.pdf",
            "hostile/random-body.pdf",
            "txt/seed-cacd-immdef-order.txt",
            "pdf/doctor-ca7_3.pdf",
        ],
    );
    std::fs::write(files.join("binary.dat"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("write");
    let idx = dir.path().join("idx");
    let err = index(&idx, &files);
    assert!(err.contains("doctor-empty.pdf: empty file"), "{err}");
    assert!(err.contains("truncated-2k.pdf"), "{err}");
    assert!(err.contains("random-body.pdf"), "{err}");
    assert!(err.contains("binary.dat"), "{err}");
    let line = summary_line(&err);
    assert_eq!(count(line, "added"), 2, "{line}");
    assert_eq!(count(line, "skipped") + count(line, "failed"), 4, "{line}");
    let hits = search_json(&idx, &["\"consolidated with Appeal No\""]);
    assert_eq!(hit_names(&hits), vec!["doctor-ca7_3.pdf"]);

    // Unchanged bad files are reported again without being retried.
    let err = index(&idx, &files);
    let line = summary_line(&err);
    assert_eq!(count(line, "unchanged"), 2, "{line}");
    assert_eq!(count(line, "skipped") + count(line, "failed"), 4, "{line}");
    assert_eq!(
        err.matches("unchanged since the last run").count(),
        4,
        "{err}"
    );
}

#[test]
fn re_runs_index_only_what_changed_and_drop_what_was_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(
        &files,
        &[
            "txt/seed-cacd-immdef-order.txt",
            "txt/seed-casd-alotrolado-order.txt",
            "html/cl-opinion_html.html",
        ],
    );
    let idx = dir.path().join("idx");
    let line = index(&idx, &files);
    assert_eq!(count(summary_line(&line), "added"), 3, "{line}");

    let line = index(&idx, &files);
    let s = summary_line(&line);
    assert_eq!((count(s, "added"), count(s, "unchanged")), (0, 3), "{s}");

    // Grow the folder, change one file, delete one.
    copy_corpus(&files, &["txt/seed-cand-aclu-cms.txt"]);
    let changed = files.join("html/cl-opinion_html.html");
    let mut text = std::fs::read_to_string(&changed).expect("read");
    text.push_str("\n<p>Addendum: zanzibarquokka.</p>\n");
    std::fs::write(&changed, text).expect("write");
    std::fs::remove_file(files.join("txt/seed-casd-alotrolado-order.txt")).expect("rm");
    let line = index(&idx, &files);
    let s = summary_line(&line);
    assert_eq!(count(s, "added"), 1, "{s}");
    assert_eq!(count(s, "updated"), 1, "{s}");
    assert_eq!(count(s, "removed"), 1, "{s}");
    assert_eq!(count(s, "unchanged"), 1, "{s}");
    assert!(s.contains("3 documents in the index"), "{s}");
    assert_eq!(
        hit_names(&search_json(&idx, &["zanzibarquokka"])),
        vec!["cl-opinion_html.html"]
    );
    assert!(search_json(&idx, &["\"caucused separately\""]).is_empty());
}

#[test]
fn the_same_filing_under_two_names_is_one_document_with_both_paths() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(&files, &["txt/seed-cacd-immdef-order.txt"]);
    std::fs::copy(
        files.join("txt/seed-cacd-immdef-order.txt"),
        files.join("copy-of-order.txt"),
    )
    .expect("copy");
    let idx = dir.path().join("idx");
    index(&idx, &files);
    let hits = search_json(&idx, &["\"routine parts of litigation\""]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["path"].as_array().map(Vec::len), Some(2));
}

#[test]
fn indexing_a_missing_path_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = docketeer(&dir.path().join("idx"), &["index", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/folder"));
}

#[test]
fn stats_and_export_describe_the_index() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(
        &files,
        &[
            "txt/seed-cacd-immdef-order.txt",
            "txt/seed-cand-aclu-cms.txt",
            "pdf/doctor-empty.pdf",
        ],
    );
    let idx = dir.path().join("idx");
    index(&idx, &files);
    let out = docketeer(&idx, &["stats", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("json");
    assert_eq!(s["documents"], 2);
    assert_eq!(s["courts"]["cacd"], 1);
    assert_eq!(s["first_date"], "2021-07-14");
    assert_eq!(s["last_run_problems"].as_array().map(Vec::len), Some(1));
    let out = docketeer(&idx, &["export"]);
    let docs: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(docs.len(), 2);
    assert!(
        docs.iter()
            .all(|d| d["body"].as_str().is_some_and(|b| b.len() > 1000))
    );
}

#[test]
fn scans_need_ocr_and_ocr_makes_them_searchable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(&files, &["pdf/doctor-image-pdf-2.pdf"]);
    let idx = dir.path().join("idx");
    let err = index(&idx, &files);
    assert!(
        err.contains("skipped") && err.contains("needs OCR") && err.contains("--ocr"),
        "{err}"
    );
    let out = docketeer(&idx, &["index", "--ocr", files.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hits = search_json(&idx, &["Goodwin"]);
    assert_eq!(hit_names(&hits), vec!["doctor-image-pdf-2.pdf"]);
    assert_eq!(hits[0]["method"], "ocr");
    let hits = search_json(&idx, &["\"workers compensation\""]);
    assert_eq!(hit_names(&hits), vec!["doctor-image-pdf-2.pdf"]);
}
