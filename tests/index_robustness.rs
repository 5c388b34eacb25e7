//! `docketeer index` under hostile files, limits, kills, Ctrl-C and a second indexer,
//! checked through the real binary on real filings. Nothing here asserts on speed (that
//! is `bench/index_bench.sh`) or races the indexer: a run is frozen (SIGSTOP) at an
//! observed commit before it is killed, interrupted or competed with, and waits have
//! generous deadlines only so a hang fails instead of blocking forever.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Longest any single wait may take before the test calls it a hang.
const HANG: Duration = Duration::from_secs(180);

/// `kind <path>: <why>` lines of a run, by path.
fn problem_lines(err: &str, kind: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let prefix = format!("{kind} ");
    for l in err.lines() {
        if let Some(rest) = l.strip_prefix(&prefix)
            && let Some((path, why)) = rest.split_once(": ")
        {
            out.entry(path.to_string())
                .or_default()
                .push(why.to_string());
        }
    }
    out
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn stats_documents(idx: &Path) -> u64 {
    let out = docketeer(idx, &["stats", "--json"]);
    assert_eq!(out.status.code(), Some(0), "stats: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("stats json");
    v["documents"].as_u64().expect("documents count")
}

/// Every path of every exported document, with how many documents name it.
fn exported_paths(idx: &Path) -> BTreeMap<String, usize> {
    let out = docketeer(idx, &["export"]);
    assert_eq!(out.status.code(), Some(0), "export: {}", stderr(&out));
    let mut paths = BTreeMap::new();
    for l in stdout(&out).lines() {
        let d: serde_json::Value = serde_json::from_str(l).expect("export json line");
        for p in d["path"].as_array().expect("path") {
            *paths
                .entry(p.as_str().expect("path").to_string())
                .or_insert(0) += 1;
        }
    }
    paths
}

/// Start `docketeer index` in the background, stderr to `log`.
fn spawn_index(idx: &Path, args: &[&str], log: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .arg("index")
        .args(args)
        .arg("--index")
        .arg(idx)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).expect("log file"))
        .spawn()
        .expect("the docketeer binary starts")
}

fn wait(child: &mut Child, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return st;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("{what} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Documents in the last commit, read from tantivy's meta.json (0 before any commit).
fn committed_docs(idx: &Path) -> u64 {
    let Ok(text) = std::fs::read_to_string(idx.join("meta.json")) else {
        return 0;
    };
    let Ok(meta) = serde_json::from_str::<serde_json::Value>(&text) else {
        return 0; // caught between truncate and write: try again
    };
    meta["segments"]
        .as_array()
        .map(|segs| {
            segs.iter()
                .map(|s| {
                    let max = s["max_doc"].as_u64().unwrap_or(0);
                    let del = s["deletes"]["num_deleted_docs"].as_u64().unwrap_or(0);
                    max - del
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Send `sig` to the child.
fn signal(child: &Child, sig: libc::c_int) {
    // SAFETY: plain kill(2) on our own child, which has not been reaped.
    let r = unsafe { libc::kill(child.id() as libc::pid_t, sig) };
    assert_eq!(r, 0, "kill({sig}) failed");
}

/// Freeze the running indexer (SIGSTOP) at a moment when its last commit holds some but
/// not all of the `total` documents, and return that count. Whatever the machine's
/// speed, what the test does next meets a run in progress: the indexer holds its lock
/// and cannot finish until [`signal`]`(child, SIGCONT)`. Between checks it runs in
/// short slices; the wait is bounded only to turn a hang into a failure.
fn stop_mid_run(idx: &Path, child: &mut Child, log: &Path, total: u64) -> u64 {
    let start = Instant::now();
    loop {
        signal(child, libc::SIGSTOP);
        let mut status = 0;
        // SAFETY: waitpid(2) on our own child; WUNTRACED returns once it has stopped.
        let r = unsafe { libc::waitpid(child.id() as libc::pid_t, &mut status, libc::WUNTRACED) };
        assert!(
            r > 0 && libc::WIFSTOPPED(status),
            "the indexer ended before a commit could be observed mid-run:\n{}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        let n = committed_docs(idx);
        if n > 0 {
            assert!(
                n < total,
                "the indexer committed all {total} documents before it was stopped; the folder is too small"
            );
            return n;
        }
        signal(child, libc::SIGCONT);
        assert!(start.elapsed() < HANG, "no commit appeared");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A folder of distinct filings (PDFs, which go through the extraction worker, plain
/// text and HTML). Every file carries a unique word; returns file path → word.
fn growing_docket(
    dir: &Path,
    pdfs: usize,
    texts: usize,
    htmls: usize,
) -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    for i in 0..pdfs {
        let token = format!("qzpdf{i:04}x");
        let p = dir.join(format!("pdf/gen-{i:04}.pdf"));
        write_text_pdf(&p, 2, 20, &token);
        files.insert(p, token);
    }
    let txt_src = [
        "txt/seed-cacd-immdef-order.txt",
        "txt/seed-casd-alotrolado-order.txt",
        "txt/seed-cand-aclu-cms.txt",
    ];
    std::fs::create_dir_all(dir.join("txt")).expect("mkdir");
    for i in 0..texts {
        let token = format!("qztxt{i:04}x");
        let mut text =
            std::fs::read_to_string(data::file(txt_src[i % txt_src.len()])).expect("read");
        text.push_str(&format!("\n\nClerk's reference {token}.\n"));
        let p = dir.join(format!("txt/copy-{i:04}.txt"));
        std::fs::write(&p, text).expect("write");
        files.insert(p, token);
    }
    std::fs::create_dir_all(dir.join("html")).expect("mkdir");
    for i in 0..htmls {
        let token = format!("qzhtm{i:04}x");
        let mut text =
            std::fs::read_to_string(data::file("html/cl-opinion_html.html")).expect("read");
        text.push_str(&format!("\n<p>Clerk's reference {token}.</p>\n"));
        let p = dir.join(format!("html/copy-{i:04}.html"));
        std::fs::write(&p, text).expect("write");
        files.insert(p, token);
    }
    files
}

/// Final state after a completed run: one document per file, each file in exactly one
/// document, and a sample of unique words each finding exactly one filing.
fn assert_complete(idx: &Path, files: &BTreeMap<PathBuf, String>) {
    assert_eq!(stats_documents(idx), files.len() as u64);
    let paths = exported_paths(idx);
    let want: BTreeSet<String> = files.keys().map(|p| s(p).to_string()).collect();
    let got: BTreeSet<String> = paths.keys().cloned().collect();
    assert_eq!(got, want, "exported paths differ from the folder");
    let dup: Vec<_> = paths.iter().filter(|(_, n)| **n != 1).collect();
    assert!(dup.is_empty(), "paths in more than one document: {dup:?}");
    for (path, token) in files.iter().step_by(23) {
        let hits = search_json(idx, &[token]);
        assert_eq!(
            hits.len(),
            1,
            "{token} ({}) should be one hit",
            path.display()
        );
    }
}

#[test]
fn the_hostile_corpus_is_indexed_or_reported_file_by_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let idx = dir.path().join("idx");
    // The index stores canonical paths.
    let hostile = data::hostile().canonicalize().expect("hostile dir");
    let out = docketeer(&idx, &["index", s(&hostile)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");

    let skipped = problem_lines(&err, "skipped");
    let failed = problem_lines(&err, "failed");
    let fallback = problem_lines(&err, "fallback");
    let indexed = exported_paths(&idx);
    let mut all: Vec<PathBuf> = std::fs::read_dir(&hostile)
        .expect("hostile dir")
        .map(|e| e.expect("entry").path())
        .collect();
    all.sort();
    for f in &all {
        let p = s(f).to_string();
        let lines = skipped.get(&p).map_or(0, Vec::len) + failed.get(&p).map_or(0, Vec::len);
        let in_index = indexed.contains_key(&p);
        assert!(
            (in_index && lines == 0) || (!in_index && lines == 1),
            "{p}: indexed={in_index}, {lines} skipped/failed lines\n{err}"
        );
    }
    let line = summary_line(&err);
    assert_eq!(
        count(line, "added") + count(line, "skipped") + count(line, "failed"),
        all.len(),
        "{line}"
    );
    assert_eq!(count(line, "skipped"), skipped.len(), "{line}");
    assert_eq!(count(line, "failed"), failed.len(), "{line}");
    assert_eq!(
        count(line, "via fallback extractor"),
        fallback.len(),
        "{line}"
    );

    // Everything pdftotext can read is in the index.
    let expect = std::fs::read_to_string(hostile.join("EXPECT.tsv")).expect("EXPECT.tsv");
    for row in expect.lines().skip(1) {
        let c: Vec<&str> = row.split('\t').collect();
        let words: u64 = c[3].parse().expect("words column");
        let name = c[0].strip_prefix("hostile/").expect("hostile/ row");
        let path = s(&hostile.join(name)).to_string();
        if words > 0 {
            assert!(
                indexed.contains_key(&path),
                "{path} ({words} words) not indexed\n{err}"
            );
        }
    }
    for f in ["enscript-gs.pdf", "big-300pages.pdf"] {
        let p = s(&hostile.join(f)).to_string();
        assert!(
            fallback.contains_key(&p),
            "{f} not reported as fallback\n{err}"
        );
    }
    let enc = s(&hostile.join("enc-userpw.pdf")).to_string();
    assert!(
        skipped
            .get(&enc)
            .is_some_and(|w| w[0].starts_with("encrypted")),
        "enc-userpw.pdf: {:?}",
        skipped.get(&enc)
    );

    let names = hit_names(&search_json(
        &idx,
        &["\"moved for summary judgment; the court denied the motion\""],
    ));
    assert!(names.contains(&"enscript-gs.pdf".to_string()), "{names:?}");
    assert!(names.contains(&"big-300pages.pdf".to_string()), "{names:?}");
    let names = hit_names(&search_json(&idx, &["\"Calvary Chapel of Bangor\""]));
    for f in [
        "enc-owner-only-aes256.pdf",
        "enc-owner-only-rc4.pdf",
        "objstreams.pdf",
    ] {
        assert!(names.contains(&f.to_string()), "{f} not found: {names:?}");
    }
}

/// A well-formed filing of 1,000 pages: pdf-extract needs far more than 64 MiB for it
/// (600 pages already exceed that).
fn huge_pdf(dir: &Path) -> PathBuf {
    let p = dir.join("huge-record.pdf");
    write_text_pdf(&p, 1000, 50, "qzhugex");
    p
}

#[test]
fn a_file_over_the_time_limit_fails_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(
        &files,
        &[
            "txt/seed-cacd-immdef-order.txt",
            "html/cl-opinion_html.html",
        ],
    );
    let endless = files.join("endless.pdf");
    write_endless_pdf(&endless);
    let idx = dir.path().join("idx");
    let out = docketeer(&idx, &["index", "--timeout", "1", s(&files)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // pdf-extract is stopped at the limit; pdftotext, tried next under the same limit,
    // is stopped too: neither can draw the page in minutes.
    let failed = problem_lines(&err, "failed");
    let endless = endless.canonicalize().expect("generated file");
    let why = failed.get(s(&endless)).map(|w| w[0].as_str()).unwrap_or("");
    assert!(
        why.starts_with("pdf-extract timed out after 1 s; pdftotext timed out after 1 s"),
        "{err}"
    );
    let line = summary_line(&err);
    assert_eq!(
        (count(line, "added"), count(line, "failed")),
        (2, 1),
        "{line}"
    );
    assert_eq!(
        hit_names(&search_json(&idx, &["\"routine parts of litigation\""])),
        vec!["seed-cacd-immdef-order.txt"]
    );
    assert!(search_json(&idx, &["\"drawing never ends\""]).is_empty());
}

#[test]
fn a_file_over_the_memory_limit_falls_back_with_the_reason_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(
        &files,
        &["pdf/doctor-ca7_3.pdf", "txt/seed-cacd-immdef-order.txt"],
    );
    write_text_pdf(&files.join("small.pdf"), 2, 10, "qzsmallx");
    let huge = huge_pdf(&files);
    let idx = dir.path().join("idx");
    let out = docketeer(&idx, &["index", "--file-memory", "64", s(&files)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // pdf-extract runs out of memory on the huge filing; poppler, which reads page by
    // page, indexes it within the same limit, and the run says so.
    let fallbacks = problem_lines(&err, "fallback");
    assert_eq!(
        fallbacks.get(s(&huge)).map(|w| w[0].as_str()),
        Some("pdf-extract extractor ran out of memory (limit 64 MB); used pdftotext"),
        "{err}"
    );
    // Ordinary PDFs still fit in 64 MiB (the worker's stack follows the limit).
    assert!(problem_lines(&err, "failed").is_empty(), "{err}");
    let line = summary_line(&err);
    assert_eq!(
        (count(line, "added"), count(line, "failed")),
        (4, 0),
        "{line}"
    );
    assert_eq!(
        hit_names(&search_json(&idx, &["qzhugex"])),
        vec!["huge-record.pdf"]
    );
    assert_eq!(
        hit_names(&search_json(&idx, &["qzsmallx"])),
        vec!["small.pdf"]
    );
    assert_eq!(
        hit_names(&search_json(&idx, &["\"consolidated with Appeal No\""])),
        vec!["doctor-ca7_3.pdf"]
    );
}

#[test]
fn a_killed_run_leaves_the_last_commit_and_a_re_run_finishes_without_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("docket");
    let files = growing_docket(&folder, 20, 40, 20);
    let idx = dir.path().join("idx");
    let log = dir.path().join("killed.log");
    let mut child = spawn_index(&idx, &["--commit-every", "10", s(&folder)], &log);
    let committed = stop_mid_run(&idx, &mut child, &log, files.len() as u64);
    child.kill().expect("SIGKILL the indexer");
    let _ = wait(&mut child, "killed indexer");

    // The last commit is searchable and consistent.
    let partial = stats_documents(&idx);
    assert_eq!(partial, committed, "documents after the kill");
    let paths = exported_paths(&idx);
    assert_eq!(paths.len() as u64, partial);
    let (first, _) = paths.iter().next().expect("a committed path");
    let token = &files[&PathBuf::from(first)];
    assert_eq!(search_json(&idx, &[token]).len(), 1, "{token}");

    // The re-run takes the writer lock the dead process held and finishes the job.
    let out = docketeer(&idx, &["index", "--commit-every", "10", s(&folder)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let line = summary_line(&err);
    assert_eq!(count(line, "unchanged") as u64, partial, "{line}");
    assert_eq!(
        count(line, "added") as u64,
        files.len() as u64 - partial,
        "{line}"
    );
    assert_complete(&idx, &files);

    // Same result as a clean one-shot index of the folder.
    let clean = dir.path().join("clean");
    let out = docketeer(&clean, &["index", s(&folder)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stats_documents(&clean), stats_documents(&idx));
    assert_eq!(exported_paths(&clean), exported_paths(&idx));
}

#[test]
fn ctrl_c_commits_what_is_done_and_a_re_run_finishes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("docket");
    let files = growing_docket(&folder, 20, 30, 10);
    let idx = dir.path().join("idx");
    let log = dir.path().join("interrupted.log");
    let mut child = spawn_index(&idx, &["--commit-every", "10", s(&folder)], &log);
    stop_mid_run(&idx, &mut child, &log, files.len() as u64);
    // Ctrl-C arrives as the stopped run resumes.
    signal(&child, libc::SIGINT);
    signal(&child, libc::SIGCONT);
    let status = wait(&mut child, "interrupted indexer");
    let err = std::fs::read_to_string(&log).expect("log");
    // 128 + SIGINT, as shells report a Ctrl-C'd program; the work is committed.
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(
        err.contains("interrupted: committing what is done"),
        "{err}"
    );
    let line = summary_line(&err);
    assert!(line.ends_with("interrupted: re-run to finish"), "{line}");
    let done = stats_documents(&idx);
    assert!(
        done > 0 && done < files.len() as u64,
        "{done} documents\n{err}"
    );
    // Everything the summary counted as added is in the index.
    assert_eq!(count(line, "added") as u64, done, "{line}");
    // No file was reported as failed because the interruption reached it.
    assert_eq!(count(line, "failed"), 0, "{err}");

    let out = docketeer(&idx, &["index", s(&folder)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let line = summary_line(&err);
    assert_eq!(count(line, "unchanged") as u64, done, "{line}");
    assert_complete(&idx, &files);
}

#[test]
fn search_works_during_a_run_and_a_second_indexer_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("docket");
    // Over 100 files, to see the progress count.
    let files = growing_docket(&folder, 10, 80, 20);
    let idx = dir.path().join("idx");
    let log = dir.path().join("first.log");
    let mut child = spawn_index(&idx, &["--commit-every", "10", s(&folder)], &log);
    stop_mid_run(&idx, &mut child, &log, files.len() as u64);

    // Search reads the last commit while the writer works.
    let hits = search_json(
        &idx,
        &["\"the court finds the motion\" OR \"Clerk's reference\""],
    );
    assert!(!hits.is_empty(), "no hits during the run");
    assert_eq!(
        docketeer(&idx, &["stats"]).status.code(),
        Some(0),
        "stats during the run"
    );

    // A second indexer on the same index fails at once with a clear message.
    let other = dir.path().join("other");
    copy_corpus(&other, &["txt/seed-cand-aclu-cms.txt"]);
    let second_log = dir.path().join("second.log");
    let mut second = spawn_index(&idx, &[s(&other)], &second_log);
    let st = wait(&mut second, "second indexer");
    let second_err = std::fs::read_to_string(&second_log).expect("log");
    assert_eq!(st.code(), Some(2), "{second_err}");
    assert!(
        second_err.contains("is locked by another indexer"),
        "{second_err}"
    );

    signal(&child, libc::SIGCONT);
    let st = wait(&mut child, "first indexer");
    let err = std::fs::read_to_string(&log).expect("log");
    assert_eq!(st.code(), Some(0), "{err}");
    assert_complete(&idx, &files);

    // Piped, progress is plain lines: no bar, no escapes, a count every 100 files.
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    let n = files.len();
    assert!(err.contains(&format!("indexing {n} files")), "{err}");
    for k in (100..=n).step_by(100) {
        assert!(err.contains(&format!("\n{k} files done\n")), "{err}");
    }
    assert!(err.contains(&format!("index: {}", idx.display())), "{err}");
}

#[test]
fn quiet_prints_only_problems_and_the_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("f");
    copy_corpus(
        &files,
        &[
            "txt/seed-cacd-immdef-order.txt",
            "pdf/doctor-ca7_3.pdf",
            "pdf/doctor-empty.pdf",
            "hostile/truncated-2k.pdf",
            "hostile/enscript-gs.pdf",
        ],
    );
    let idx = dir.path().join("idx");
    let out = docketeer(&idx, &["index", "--quiet", s(&files)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    let lines: Vec<&str> = err.lines().collect();
    let (summary, problems) = lines.split_last().expect("some output");
    assert!(
        summary.contains(" added, "),
        "last line is not the summary: {err}"
    );
    assert_eq!(count(summary, "via fallback extractor"), 1, "{summary}");
    let mut kinds: Vec<&str> = problems
        .iter()
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    kinds.sort();
    assert_eq!(kinds, vec!["failed", "skipped"], "{err}");

    // Without --quiet the same run also names the fallback and the index.
    let idx2 = dir.path().join("idx2");
    let err = stderr(&docketeer(&idx2, &["index", s(&files)]));
    assert!(err.contains("fallback "), "{err}");
    assert!(err.contains("indexing 5 files"), "{err}");
}
