//! Behaviour of extraction on the real corpus: hostile PDFs as EXPECT.tsv describes
//! them, encryption, scans and OCR, HTML and plain text.

#[path = "common/data.rs"]
mod data;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use docketeer::clean::clean_pages;
use docketeer::extract::{ExtractError, ExtractOptions, Format, extract_path};

fn corpus(rel: &str) -> PathBuf {
    data::file(rel)
}

fn opts() -> ExtractOptions {
    ExtractOptions {
        timeout: Duration::from_secs(60),
        ..ExtractOptions::default()
    }
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Every hostile file ends in text or a clean error, never a panic or a hang, and files
/// on which poppler finds words give text.
#[test]
fn hostile_files_match_expect_tsv() {
    let expect = std::fs::read_to_string(corpus("hostile/EXPECT.tsv")).expect("EXPECT.tsv");
    let mut checked = 0;
    for line in expect.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, _bytes, _exit, words, what] = cols[..] else {
            continue;
        };
        let poppler_words: usize = words.parse().unwrap_or(0);
        let start = Instant::now();
        let r = extract_path(&corpus(file), &opts());
        assert!(start.elapsed() < Duration::from_secs(60), "{file} too slow");
        match &r {
            Ok(ex) => {
                // EXPECT.tsv counts words as `wc -w` does.
                let ours: usize = ex.pages.iter().map(|p| p.split_whitespace().count()).sum();
                if poppler_words > 0 {
                    assert!(
                        ours * 100 >= poppler_words * 90,
                        "{file} ({what}): {ours} words vs poppler {poppler_words}"
                    );
                }
            }
            Err(e) => assert_eq!(poppler_words, 0, "{file} ({what}) failed: {e}"),
        }
        if what.contains("user password") {
            assert_eq!(r.as_ref().err(), Some(&ExtractError::Encrypted), "{file}");
        }
        if what.contains("zero bytes") {
            assert_eq!(r.as_ref().err(), Some(&ExtractError::Empty));
        }
        if what.contains("plain text") {
            assert_eq!(
                r.as_ref().map(|e| e.format).ok(),
                Some(Format::Text),
                "{file}"
            );
        }
        if what.contains("' operator") {
            let ex = r.as_ref().expect("ghostscript output is readable");
            assert_eq!(ex.method, "pdftotext");
            assert!(
                ex.notes.iter().any(|n| n.contains("pdf-extract lost text")),
                "{:?}",
                ex.notes
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 22);
}

#[test]
fn owner_password_only_pdfs_are_indexed() {
    for f in [
        "hostile/enc-owner-only-aes256.pdf",
        "hostile/enc-owner-only-rc4.pdf",
    ] {
        let ex = extract_path(&corpus(f), &opts()).unwrap_or_else(|e| panic!("{f}: {e}"));
        let text = clean_pages(&ex.pages).pages.join("\n");
        assert!(text.contains("Calvary Chapel"), "{f}");
    }
}

#[test]
fn scans_need_ocr() {
    for f in [
        "pdf/doctor-ca4_17.pdf",
        "pdf/doctor-image-pdf-2.pdf",
        "pdf/doctor-ocr_pdf_variation.pdf",
        "pdf/doctor-gov.uscourts.cand.203070.27.0.pdf",
        "pdf/xray-gov.uscourts.cacd.636518.372.0_1.pdf",
        "pdf/doctor-gov.uscourts.cand.203343.17.0.pdf",
    ] {
        match extract_path(&corpus(f), &opts()) {
            Err(e @ ExtractError::NeedsOcr { missing: None }) => {
                let msg = e.to_string();
                assert!(msg.contains("--ocr") && msg.contains("tesseract"), "{msg}")
            }
            other => panic!("{f}: expected NeedsOcr, got {other:?}"),
        }
    }
}

#[test]
fn ocr_reads_a_scanned_decision() {
    let o = ExtractOptions {
        ocr: true,
        ..opts()
    };
    let ex = extract_path(&corpus("pdf/doctor-image-pdf-2.pdf"), &o).expect("OCR works");
    assert_eq!(ex.method, "ocr");
    let text = clean_pages(&ex.pages).pages.join("\n").to_lowercase();
    for w in ["workers", "compensation", "appeals", "board", "goodwin"] {
        assert!(text.contains(w), "OCR text lacks {w:?}");
    }
}

#[test]
fn ocr_keeps_the_stamp_of_a_stamp_only_scan() {
    let o = ExtractOptions {
        ocr: true,
        ..opts()
    };
    let ex = extract_path(&corpus("pdf/doctor-gov.uscourts.cand.203343.17.0.pdf"), &o)
        .expect("OCR works");
    let clean = clean_pages(&ex.pages);
    let h = clean.ecf.expect("stamp parsed");
    assert_eq!(h.case_number, "3:08-cv-02448-MMC");
    assert_eq!(h.filed.as_deref(), Some("2009-03-04"));
    assert!(clean.pages.iter().map(|p| word_count(p)).sum::<usize>() > 20);
}

#[test]
fn ecf_headers_leave_the_body() {
    let ex = extract_path(
        &corpus("pdf/doctor-gov.uscourts.nysd.413741.11.0.pdf"),
        &opts(),
    )
    .expect("readable");
    let clean = clean_pages(&ex.pages);
    let h = clean.ecf.clone().expect("header");
    assert_eq!(h.case_number, "1:12-cv-05708-ER");
    assert_eq!(h.document.as_deref(), Some("11"));
    assert_eq!(h.filed.as_deref(), Some("2013-09-27"));
    assert!(clean.headers.len() >= 10);
    assert!(
        clean
            .pages
            .iter()
            .all(|p| !p.contains("Document 11 Filed 09/27/13"))
    );

    let ex = extract_path(&corpus("pdf/doctor-ca9_19.pdf"), &opts()).expect("readable");
    let clean = clean_pages(&ex.pages);
    let h = clean.ecf.clone().expect("appellate header");
    assert_eq!(h.case_number, "20-16276");
    assert_eq!(h.filed.as_deref(), Some("2020-08-05"));
    assert!(clean.pages.iter().all(|p| !p.contains("DktEntry")));
}

#[test]
fn html_opinion_and_title() {
    let ex = extract_path(&corpus("html/cl-opinion_html.html"), &opts()).expect("html");
    assert_eq!(ex.format, Format::Html);
    assert_eq!(ex.method, "html");
    let text = ex.pages.join("\n");
    assert!(!text.contains("<p") && !text.contains("&amp;") && !text.contains("&nbsp;"));
    assert!(word_count(&text) > 200);
    for f in ["docket/bln-ca_napa-18CV001704.html", "docket/js-cand.html"] {
        let ex = extract_path(&corpus(f), &opts()).expect("html");
        assert_eq!(ex.format, Format::Html, "{f}");
        let text = ex.pages.join("\n");
        assert!(
            !text.contains("function(") && !text.contains("scrollTop"),
            "{f}: script text leaked"
        );
    }
}

#[test]
fn plain_text_and_misnamed_files() {
    let ex = extract_path(&corpus("txt/seed-cacd-immdef-order.txt"), &opts()).expect("text");
    assert_eq!((ex.format, ex.method.as_str()), (Format::Text, "text"));
    let ex = extract_path(&corpus("hostile/not-a-pdf.pdf"), &opts()).expect("text");
    assert_eq!(ex.format, Format::Text);
    let bin = std::env::temp_dir().join(format!("docketeer-bin-{}.pdf", std::process::id()));
    std::fs::write(&bin, [0x89u8, b'P', b'N', b'G', 0, 0, 1, 2, 3]).expect("write temp");
    let r = extract_path(&bin, &opts());
    let _ = std::fs::remove_file(&bin);
    assert_eq!(r.err(), Some(ExtractError::NotAFiling));
}

/// The parent side of worker isolation, with stand-in workers: the real one is the
/// `docketeer extract-worker` subcommand, wired up in main.rs.
#[cfg(unix)]
mod worker_parent {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn script(name: &str, body: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("docketeer-worker-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let p = dir.join(name);
        std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).expect("write script");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        p
    }

    fn run_on(
        file: &str,
        worker: PathBuf,
        timeout: Duration,
    ) -> Result<docketeer::extract::Extracted, ExtractError> {
        let o = ExtractOptions {
            worker: Some(worker),
            timeout,
            ..ExtractOptions::default()
        };
        extract_path(&corpus(file), &o)
    }

    fn run_with(
        worker: PathBuf,
        timeout: Duration,
    ) -> Result<docketeer::extract::Extracted, ExtractError> {
        run_on("pdf/doctor-ca7_3.pdf", worker, timeout)
    }

    /// A dead worker leaves a readable filing to pdftotext, saying why.
    fn assert_fell_back(r: Result<docketeer::extract::Extracted, ExtractError>, why: &str) {
        let ex = r.expect("pdftotext reads the filing after the worker died");
        assert_eq!(ex.method, "pdftotext");
        assert_eq!(ex.notes, vec![format!("pdf-extract {why}; used pdftotext")]);
        assert!(
            ex.pages.join(" ").contains("consolidated"),
            "{:?}",
            ex.pages
        );
    }

    #[test]
    fn hung_worker_is_killed() {
        let start = Instant::now();
        let r = run_with(script("hang", "sleep 30"), Duration::from_secs(1));
        assert_fell_back(r, "timed out after 1 s");
        // Killed at the limit, not waited for (generous bound: this checks for a hang).
        assert!(start.elapsed() < Duration::from_secs(20));
        // When pdftotext cannot read the file either, both reasons are given.
        let r = run_on(
            "hostile/random-body.pdf",
            script("hang2", "sleep 30"),
            Duration::from_secs(1),
        );
        match r {
            Err(ExtractError::Unusable { why, then }) => {
                assert_eq!(why.to_string(), "timed out after 1 s");
                assert!(
                    matches!(*then, ExtractError::ToolFailed { .. }),
                    "pdftotext's own failure is the second reason: {then:?}"
                );
            }
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn crashing_worker_is_reported() {
        let r = run_with(script("segv", "kill -SEGV $$"), Duration::from_secs(10));
        assert_fell_back(r, "extractor crashed (signal 11)");
        let r = run_with(
            script(
                "overflow",
                "echo \"thread 'main' has overflowed its stack\" >&2; kill -ABRT $$",
            ),
            Duration::from_secs(10),
        );
        assert_fell_back(r, "extractor crashed (stack overflow)");
    }

    #[test]
    fn worker_reply_is_read() {
        let r = run_with(
            script(
                "ok",
                r#"echo '{"Ok":{"format":"pdf","pages":["Hello court"],"method":"pdf-extract","notes":[]}}'"#,
            ),
            Duration::from_secs(10),
        );
        assert_eq!(
            r.map(|e| e.pages).ok(),
            Some(vec!["Hello court".to_owned()])
        );
        let r = run_with(
            script("err", r#"echo '{"Err":"Encrypted"}'"#),
            Duration::from_secs(10),
        );
        assert_eq!(r.err(), Some(ExtractError::Encrypted));
    }
}
