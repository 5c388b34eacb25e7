//! Signals against the real binary: SIGINT and SIGKILL at several moments of an update
//! run (every file searchable before stays searchable, in its old or new version, at
//! every commit and after), and Ctrl-C while a huge file is being hashed. Waits are on
//! observable events (tantivy's meta.json, the run's own lines), never on sleeps.

mod common;
mod faults_support;

use faults_support::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const TEXT_SOURCES: [&str; 3] = [
    "corpus/txt/seed-cacd-immdef-order.txt",
    "corpus/txt/seed-casd-alotrolado-order.txt",
    "corpus/txt/cl-opinion_text.txt",
];

/// The smaller real PDFs of the corpus: each goes through the extraction worker, which
/// makes an update run long enough to be interrupted between commits.
fn corpus_pdfs(n: usize) -> Vec<PathBuf> {
    let mut pdfs: Vec<(u64, PathBuf)> = std::fs::read_dir(root().join("corpus/pdf"))
        .expect("corpus/pdf")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| (std::fs::metadata(&p).expect("stat").len(), p))
        .filter(|(len, _)| *len > 0)
        .collect();
    pdfs.sort();
    pdfs.into_iter().take(n).map(|(_, p)| p).collect()
}

fn token(i: usize, round: usize) -> String {
    format!("qzfile{i}r{round}x")
}

/// Write (or rewrite with new content) the docket folder for `round`.
fn write_round(docs: &Path, pdfs: &[PathBuf], texts: usize, round: usize) {
    std::fs::create_dir_all(docs.join("pdf")).expect("mkdir");
    for p in pdfs {
        let mut bytes = std::fs::read(p).expect("read pdf");
        // A comment after %%EOF changes the bytes (and so the document id), not the text.
        bytes.extend_from_slice(format!("\n% revision {round}\n").as_bytes());
        std::fs::write(docs.join("pdf").join(p.file_name().expect("name")), bytes)
            .expect("write pdf");
    }
    for i in 0..texts {
        let path = docs.join(format!("txt/copy-{i:03}.txt"));
        write_text_filing(&path, TEXT_SOURCES[i % 3], &token(i, round));
    }
}

/// Each text file is found by the word of one of its versions up to `round` (an
/// interrupted run may leave a file at any earlier version, never at none).
fn assert_texts_searchable(idx: &Path, texts: usize, round: usize) {
    for i in 0..texts {
        let q = (0..=round)
            .map(|r| token(i, r))
            .collect::<Vec<_>>()
            .join(" OR ");
        let found = hits(idx, &q);
        assert_eq!(found.len(), 1, "text file {i} should be one hit for `{q}`");
    }
}

#[test]
fn an_interrupted_or_killed_update_hides_no_document() {
    let dir = workdir();
    let docs = dir.path().join("docket");
    let idx = dir.path().join("idx");
    let pdfs = corpus_pdfs(16);
    let texts = 12;
    write_round(&docs, &pdfs, texts, 0);
    let o = index(&idx, &docs, &["--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let before: BTreeSet<String> = exported_paths(&idx).into_keys().collect();
    let (docs_before, _) = commit_state(&idx).expect("meta.json");
    assert!(
        before.len() >= texts + 8,
        "too few filings indexed: {before:?}"
    );

    // (signal, commits of the update run to wait for before sending it)
    let moments = [
        (libc::SIGKILL, 1),
        (libc::SIGINT, 1),
        (libc::SIGKILL, 3),
        (libc::SIGINT, 4),
    ];
    for (round, &(sig, commits)) in moments.iter().enumerate() {
        write_round(&docs, &pdfs, texts, round + 1);
        let log = dir.path().join(format!("run-{round}.log"));
        let mut child = spawn_index(&idx, &["--commit-every", "2", s(&docs)], &log);
        let (_, mut last) = commit_state(&idx).expect("meta.json");
        let (mut seen, mut fewest) = (0, u64::MAX);
        let reached = wait_for(&mut child, "the update's commits", || {
            if let Some((n, op)) = commit_state(&idx) {
                fewest = fewest.min(n);
                if op != last {
                    last = op;
                    seen += 1;
                }
            }
            seen >= commits
        });
        signal(&child, sig);
        let status = wait(&mut child, "the interrupted run");
        let log_text = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(
            reached,
            "the run ended before {commits} commits could be seen:\n{log_text}"
        );
        assert!(
            fewest >= docs_before,
            "a commit of the update held {fewest} documents, fewer than the {docs_before} before it:\n{log_text}"
        );
        if sig == libc::SIGINT {
            assert!(
                matches!(status.code(), Some(130 | 0)),
                "Ctrl-C ends with 130 after committing: {status}\n{log_text}"
            );
        }
        let after = exported_paths(&idx);
        let paths: BTreeSet<String> = after.keys().cloned().collect();
        assert_eq!(paths, before, "round {round}: files lost or added");
        let dup: Vec<_> = after.iter().filter(|(_, n)| **n != 1).collect();
        assert!(dup.is_empty(), "paths in more than one document: {dup:?}");
        assert_texts_searchable(&idx, texts, round + 1);
    }

    // A complete run finishes the last update: every file in its newest version.
    let o = index(&idx, &docs, &["--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let last_round = moments.len();
    for i in 0..texts {
        assert_eq!(hits(&idx, &token(i, last_round)).len(), 1, "file {i}");
    }
    let paths: BTreeSet<String> = exported_paths(&idx).into_keys().collect();
    assert_eq!(paths, before);
}

/// Ctrl-C while a huge file is being hashed stops the run (a sparse terabyte takes many
/// minutes to read, so a run that ignored Ctrl-C would hit the hang limit).
#[test]
fn ctrl_c_is_honoured_while_hashing_a_huge_file() {
    let dir = workdir();
    let docs = dir.path().join("docs");
    let idx = dir.path().join("idx");
    write_text_filing(&docs.join("order.txt"), TEXT_SOURCES[0], "qzkeptx");
    let o = index(&idx, &docs, &["--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let huge = docs.join("huge.txt");
    let f = std::fs::File::create(&huge).expect("create");
    f.set_len(1 << 40).expect("sparse terabyte");
    drop(f);
    let log = dir.path().join("run.log");
    let mut child = spawn_index(&idx, &["--max-file-size", "0", s(&docs)], &log);
    let hashing = wait_for(&mut child, "the hashing to start", || {
        std::fs::read_to_string(&log).is_ok_and(|l| l.contains("checking 1 new or changed"))
    });
    assert!(
        hashing,
        "no `checking` line: {}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    signal(&child, libc::SIGINT);
    let status = wait(&mut child, "a run interrupted while hashing");
    let log_text = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(status.code(), Some(130), "{log_text}");
    assert!(log_text.contains("interrupted"), "{log_text}");
    assert_eq!(hits(&idx, "qzkeptx").len(), 1);
}

/// Ctrl-C while a PDF is being extracted: the run commits and ends, and the extraction
/// worker it started is killed with it instead of running on to its time limit.
#[test]
fn ctrl_c_during_extraction_stops_the_worker_too() {
    let dir = workdir();
    let docs = dir.path().join("docs");
    write_text_filing(&docs.join("order.txt"), TEXT_SOURCES[0], "qzkeptx");
    let idx = dir.path().join("idx");
    let o = index(&idx, &docs, &["--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let big = docs.join("record-of-proceedings.pdf");
    common::write_text_pdf(&big, 3000, 50, "qzbigx");
    let log = dir.path().join("run.log");
    let mut child = spawn_index(&idx, &["--timeout", "3600", s(&docs)], &log);
    let working = wait_for(&mut child, "the extraction worker", || {
        !processes_mentioning(s(&big)).is_empty()
    });
    assert!(
        working,
        "no worker seen: {}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    signal(&child, libc::SIGINT);
    let status = wait(&mut child, "a run interrupted during extraction");
    let log_text = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(status.code(), Some(130), "{log_text}");
    // The worker is gone once the run has ended (reaped by init a moment later at most).
    let mut left = processes_mentioning(s(&big));
    for _ in 0..200 {
        if left.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        left = processes_mentioning(s(&big));
    }
    assert!(
        left.is_empty(),
        "workers still running: {left:?}\n{log_text}"
    );
    assert_eq!(hits(&idx, "qzkeptx").len(), 1);
}
