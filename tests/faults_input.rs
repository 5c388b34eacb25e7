//! Hostile inputs against the real binary: folders and files that cannot be read or
//! disappear, missing tools, FIFOs, odd file names, closed pipes, huge flag values, a
//! stage that panics, huge files. Each case is a regression test named after the bug.

mod faults_support;

use faults_support::*;
use std::path::{Path, PathBuf};

const ORDER: &str = "corpus/txt/seed-cacd-immdef-order.txt";
const OPINION: &str = "corpus/txt/cl-opinion_text.txt";
const HTML: &str = "corpus/html/cl-opinion_html.html";

/// A PATH with no poppler or tesseract: the shell tools only.
fn path_without_tools(dir: &Path) -> PathBuf {
    let bin = dir.join("bin-without-poppler");
    std::fs::create_dir_all(&bin).expect("mkdir");
    chmod(&bin, 0o755);
    bin
}

#[test]
fn an_unreadable_folder_keeps_its_documents() {
    if !can_drop_privileges() {
        eprintln!("skipped: cannot run as another user here");
        return;
    }
    let dir = workdir();
    let docs = dir.path().join("docs");
    let sub = docs.join("sealed");
    write_text_filing(&docs.join("top.txt"), ORDER, "qztopx");
    write_text_filing(&sub.join("inner.txt"), OPINION, "qzinnerx");
    let idx = dir.path().join("idx");
    open_up(dir.path());
    let o = run_as_other(&["index", "-q", s(&docs), "--index", s(&idx)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));

    chmod(&sub, 0o000);
    let o = run_as_other(&["index", s(&docs), "--index", s(&idx)]);
    chmod(&sub, 0o777);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains(&format!("failed {}: permission denied", s(&sub))),
        "the folder is named with the cause: {e}"
    );
    assert_eq!(count(&o, "removed"), 0, "{e}");
    assert_eq!(hits(&idx, "qzinnerx").len(), 1, "its document was kept");

    // Readable again and its file really gone: now it is removed.
    std::fs::remove_file(sub.join("inner.txt")).expect("rm");
    let o = run_as_other(&["index", "-q", s(&docs), "--index", s(&idx)]);
    assert_eq!(count(&o, "removed"), 1, "{}", err(&o));
    assert!(hits(&idx, "qzinnerx").is_empty());
}

#[test]
fn an_unreadable_changed_file_keeps_its_old_version() {
    if !can_drop_privileges() {
        eprintln!("skipped: cannot run as another user here");
        return;
    }
    let dir = workdir();
    let docs = dir.path().join("docs");
    let file = docs.join("order.txt");
    write_text_filing(&file, ORDER, "qzoldx");
    let idx = dir.path().join("idx");
    open_up(dir.path());
    let o = run_as_other(&["index", "-q", s(&docs), "--index", s(&idx)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    write_text_filing(&file, ORDER, "qznewx");
    chmod(&file, 0o000);
    let o = run_as_other(&["index", s(&docs), "--index", s(&idx)]);
    chmod(&file, 0o666);
    assert!(err(&o).contains("permission denied"), "{}", err(&o));
    assert_eq!(hits(&idx, "qzoldx").len(), 1, "the old version stays");
    let o = run_as_other(&["index", "-q", s(&docs), "--index", s(&idx)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(hits(&idx, "qznewx").len(), 1);
    assert!(hits(&idx, "qzoldx").is_empty());
}

#[test]
fn a_folder_that_disappears_is_removed_and_the_rest_stays() {
    let dir = workdir();
    let docs = dir.path().join("docs");
    write_text_filing(&docs.join("keep/a.txt"), ORDER, "qzkeepx");
    write_text_filing(&docs.join("gone/b.txt"), OPINION, "qzgonex");
    let idx = dir.path().join("idx");
    assert_eq!(index(&idx, &docs, &["-q"]).status.code(), Some(0));
    std::fs::remove_dir_all(docs.join("gone")).expect("rm");
    let o = index(&idx, &docs, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(count(&o, "removed"), 1, "{}", summary(&o));
    assert_eq!(hits(&idx, "qzkeepx").len(), 1);
    // A root given on the command line that disappears is an error, not a deletion.
    let o = index(&idx, &docs.join("gone"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no such file or directory"), "{}", err(&o));
    assert_eq!(exported_paths(&idx).len(), 1);
}

#[test]
fn missing_pdftotext_is_marked_and_the_file_is_read_again_once_it_is_installed() {
    if !Path::new("/usr/bin/pdftotext").exists() && !faults_tools_on_path() {
        eprintln!("skipped: pdftotext is not installed");
        return;
    }
    let dir = workdir();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).expect("mkdir");
    // pdf-extract keeps one line of this file; pdftotext reads all forty.
    std::fs::copy(
        repo_file("tests/data/faults/enscript-gs.pdf"),
        docs.join("partial.pdf"),
    )
    .expect("copy");
    // pdf-extract reads nothing of this one; pdftotext reads two words.
    std::fs::copy(
        repo_file("tests/data/faults/bad-length.pdf"),
        docs.join("nothing.pdf"),
    )
    .expect("copy");
    let idx = dir.path().join("idx");
    let bare = path_without_tools(dir.path());
    let o = command(false)
        .args(["index", s(&docs), "--index", s(&idx)])
        .env("PATH", &bare)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    let partial = docs.join("partial.pdf");
    assert!(
        e.contains(&format!("partial {}: ", s(&partial))) && e.contains("pdftotext not found"),
        "the partial file is reported: {e}"
    );
    assert!(
        e.contains(&format!("failed {}: ", s(&docs.join("nothing.pdf"))))
            && e.contains("install poppler-utils"),
        "{e}"
    );
    assert!(summary(&o).contains("1 indexed with missing text"), "{e}");
    assert!(summary(&o).contains("(0 via fallback extractor)"), "{e}");
    let gaps: Vec<_> = exported(&idx)
        .into_iter()
        .filter(|d| d["gap"].as_array().is_some_and(|g| !g.is_empty()))
        .collect();
    assert_eq!(gaps.len(), 1, "one document is marked");
    assert_eq!(gaps[0]["gap"][0], "missing:pdftotext");
    assert!(
        hits(&idx, "\"line 30\"").is_empty(),
        "the lost text is not there"
    );

    // Unchanged files, no tool yet: the same facts, said again, nothing re-read.
    let o = command(false)
        .args(["index", s(&docs), "--index", s(&idx)])
        .env("PATH", &bare)
        .output()
        .expect("runs");
    assert!(
        summary(&o).contains("1 indexed with missing text"),
        "{}",
        err(&o)
    );
    assert!(
        err(&o).contains("unchanged since the last run"),
        "{}",
        err(&o)
    );

    // pdftotext on the PATH: both files are read again, the stale reasons are gone.
    let o = index(&idx, &docs, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    assert!(!e.contains("not found"), "a stale reason is repeated: {e}");
    assert_eq!(count(&o, "failed"), 0, "{e}");
    assert!(summary(&o).contains("(2 via fallback extractor)"), "{e}");
    assert_eq!(
        hits(&idx, "\"line 30\"").len(),
        1,
        "the whole text is indexed"
    );
    assert_eq!(hits(&idx, "\"wrong length\"").len(), 1);
    assert!(
        exported(&idx)
            .iter()
            .all(|d| d["gap"].as_array().is_none_or(|g| g.is_empty())),
        "no document is marked any more"
    );
}

fn faults_tools_on_path() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
}

#[test]
fn a_fifo_is_reported_not_waited_on() {
    let dir = workdir();
    let fifo = dir.path().join("pipe.txt");
    let c = std::ffi::CString::new(s(&fifo)).expect("cstring");
    // SAFETY: mkfifo(3) on a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    let o = run(&["inspect", s(&fifo)]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("named pipe"), "{}", err(&o));

    let idx = dir.path().join("idx");
    let o = index(&idx, &fifo, &[]);
    assert!(
        err(&o).contains(&format!("skipped {}: a named pipe", s(&fifo))),
        "{}",
        err(&o)
    );
    // Inside a folder it is passed over, and the folder's filings are indexed.
    write_text_filing(&dir.path().join("docs/order.txt"), ORDER, "qzorderx");
    std::fs::rename(&fifo, dir.path().join("docs/pipe.txt")).expect("move fifo");
    let o = index(&idx, &dir.path().join("docs"), &["-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(hits(&idx, "qzorderx").len(), 1);
}

#[test]
fn a_symlink_loop_says_symlink_loop() {
    let dir = workdir();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::os::unix::fs::symlink(&b, &a).expect("symlink");
    std::os::unix::fs::symlink(&a, &b).expect("symlink");
    let idx = dir.path().join("idx");
    let o = index(&idx, &a, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("symbolic link loop"), "{}", err(&o));

    let docs = dir.path().join("docs");
    write_text_filing(&docs.join("order.txt"), ORDER, "qzorderx");
    std::os::unix::fs::symlink(&docs, docs.join("back")).expect("symlink");
    let o = index(&idx, &docs, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).contains("symbolic link loop"), "{}", err(&o));
    assert_eq!(exported_paths(&idx).len(), 1);
}

#[test]
fn a_non_utf8_file_name_is_indexed_once_and_then_unchanged() {
    use std::os::unix::ffi::OsStrExt;
    let dir = workdir();
    let docs = dir.path().join("docs");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9 order.txt");
    write_text_filing(&docs.join(name), ORDER, "qzlatin1x");
    let idx = dir.path().join("idx");
    let first = index(&idx, &docs, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", err(&first));
    assert_eq!(count(&first, "added"), 1, "{}", summary(&first));
    let second = index(&idx, &docs, &[]);
    assert_eq!(count(&second, "unchanged"), 1, "{}", summary(&second));
    assert_eq!(count(&second, "added"), 0, "{}", summary(&second));
    assert_eq!(hits(&idx, "qzlatin1x").len(), 1);
}

#[test]
fn a_closed_output_pipe_does_not_stop_the_run() {
    let dir = workdir();
    let docs = dir.path().join("docs");
    for i in 0..3 {
        write_text_filing(
            &docs.join(format!("f{i}.txt")),
            ORDER,
            &format!("qzpipe{i}x"),
        );
    }
    let idx = dir.path().join("idx");
    // `index ... 2>&1 | head -0`: both streams go to a pipe closed before the run.
    let mut child = command(false)
        .args(["index", s(&docs), "--index", s(&idx)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = wait(&mut child, "index with closed pipes");
    assert_eq!(status.code(), Some(0), "{status}");
    for i in 0..3 {
        assert_eq!(hits(&idx, &format!("qzpipe{i}x")).len(), 1);
    }
}

#[test]
fn huge_flag_values_are_refused_not_panics() {
    let dir = workdir();
    let docs = dir.path().join("docs");
    write_text_filing(&docs.join("order.txt"), ORDER, "qzflagx");
    let idx = dir.path().join("idx");
    let max = "18446744073709551615";
    for flag in [
        "--timeout",
        "--memory",
        "--file-memory",
        "--commit-every",
        "--max-file-size",
        "--max-text",
    ] {
        for value in [max, "-1", "0x10"] {
            let arg = format!("{flag}={value}");
            let o = index(&idx, &docs, &[&arg]);
            assert_eq!(o.status.code(), Some(2), "{arg}: {}", err(&o));
            assert!(err(&o).contains("invalid value"), "{arg}: {}", err(&o));
            assert!(!err(&o).contains("panicked"), "{flag}: {}", err(&o));
        }
    }
    for (flag, value) in [
        ("--timeout", "0"),
        ("--commit-every", "0"),
        ("--file-memory", "1"),
    ] {
        let arg = format!("{flag}={value}");
        let o = index(&idx, &docs, &[&arg]);
        assert_eq!(o.status.code(), Some(2), "{arg}: {}", err(&o));
    }
    assert!(!idx.join("meta.json").exists(), "no run started");
}

#[test]
fn a_panicking_stage_fails_one_file_and_the_run_goes_on() {
    let dir = workdir();
    let docs = dir.path().join("docs");
    write_text_filing(&docs.join("good.txt"), ORDER, "qzgoodx");
    write_text_filing(&docs.join("victim.txt"), OPINION, "qzvictimx");
    let html = std::fs::read_to_string(repo_file(HTML)).expect("html");
    std::fs::write(docs.join("victim-page.html"), html).expect("write");
    for (stage, name, file) in [
        ("extract", "extraction", "victim.txt"),
        ("clean", "cleaning", "victim.txt"),
        ("metadata", "metadata", "victim.txt"),
        ("html", "HTML parsing", "victim-page.html"),
    ] {
        let idx = dir.path().join(format!("idx-{stage}"));
        let o = command(false)
            .args(["index", s(&docs), "--index", s(&idx)])
            .env("DOCKETEER_FAULT_PANIC", stage)
            .env("DOCKETEER_FAULT_FILE", file)
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(0), "{stage}: {}", err(&o));
        let want = format!(
            "failed {}: internal error in {name}: injected fault in {stage}",
            s(&docs.join(file))
        );
        assert!(err(&o).contains(&want), "{stage}: {}", err(&o));
        assert!(
            !err(&o).contains("panicked at"),
            "the panic message is not dumped"
        );
        assert_eq!(count(&o, "failed"), 1, "{}", summary(&o));
        assert_eq!(count(&o, "added"), 2, "{}", summary(&o));
        assert_eq!(hits(&idx, "qzgoodx").len(), 1);
    }
    // Without the switch nothing panics.
    let idx = dir.path().join("idx-none");
    let o = index(&idx, &docs, &["-q"]);
    assert_eq!(count(&o, "added"), 3, "{}", summary(&o));
}

#[test]
fn a_huge_text_file_is_cut_with_a_note_and_read_whole_when_the_limit_allows() {
    let dir = workdir();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).expect("mkdir");
    let base = std::fs::read_to_string(repo_file(ORDER)).expect("read");
    let mut text = String::from("Opening reference qzheadx.\n");
    while text.len() < 3 * 1024 * 1024 {
        text.push_str(&base);
    }
    text.push_str("\nClosing reference qztailx.\n");
    let file = docs.join("huge-docket.txt");
    std::fs::write(&file, &text).expect("write");
    let idx = dir.path().join("idx");
    let o = index(&idx, &docs, &["--max-text", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        err(&o).contains(&format!("partial {}: text cut at 1 MiB", s(&file))),
        "{}",
        err(&o)
    );
    assert_eq!(hits(&idx, "qzheadx").len(), 1);
    assert!(hits(&idx, "qztailx").is_empty());
    let doc = &exported(&idx)[0];
    assert_eq!(doc["gap"][0], "truncated:1");

    // A higher limit closes the gap on the next run.
    let o = index(&idx, &docs, &["--max-text", "8"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(hits(&idx, "qztailx").len(), 1);
    let gap = &exported(&idx)[0]["gap"];
    assert!(gap.as_array().is_none_or(|g| g.is_empty()), "{gap}");
}

#[test]
fn a_file_over_the_size_limit_is_skipped_without_being_read() {
    if !can_drop_privileges() {
        eprintln!("skipped: cannot run as another user here");
        return;
    }
    let dir = workdir();
    let docs = dir.path().join("docs");
    write_text_filing(&docs.join("order.txt"), ORDER, "qzsmallx");
    let big = docs.join("big.txt");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(3 * 1024 * 1024).expect("sparse");
    drop(f);
    let idx = dir.path().join("idx");
    open_up(dir.path());
    // Unreadable to the indexer: if it read a byte of it, it would say permission denied.
    chmod(&big, 0o000);
    for _ in 0..2 {
        let o = run_as_other(&[
            "index",
            s(&docs),
            "--index",
            s(&idx),
            "--max-file-size",
            "2",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        assert!(
            err(&o).contains(&format!(
                "skipped {}: too large (3 MiB, limit 2 MiB)",
                s(&big)
            )),
            "{}",
            err(&o)
        );
        assert!(!err(&o).contains("permission denied"), "{}", err(&o));
    }
    assert_eq!(hits(&idx, "qzsmallx").len(), 1);
    // A raised limit is a reason to read it after all (it holds only zeros).
    chmod(&big, 0o666);
    let o = run_as_other(&[
        "index",
        s(&docs),
        "--index",
        s(&idx),
        "--max-file-size",
        "4",
    ]);
    assert!(
        err(&o).contains(&format!(
            "skipped {}: not a PDF, HTML or text file",
            s(&big)
        )),
        "{}",
        err(&o)
    );
}
