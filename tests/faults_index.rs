//! The index under faults, against the real binary: a missing meta.json, a damaged
//! segment, an index path that is a file or cannot be written, the index inside the
//! folder it indexes, `--rebuild`. Each case is a regression test named after the bug.

mod faults_support;

use faults_support::*;

fn small_folder(dir: &std::path::Path) -> std::path::PathBuf {
    let docs = dir.join("docs");
    write_text_filing(
        &docs.join("order.txt"),
        "corpus/txt/seed-cacd-immdef-order.txt",
        "qzorderx",
    );
    write_text_filing(
        &docs.join("opinion.txt"),
        "corpus/txt/cl-opinion_text.txt",
        "qzopinionx",
    );
    docs
}

#[test]
fn missing_meta_json_is_reported_and_never_replaced() {
    let dir = workdir();
    let docs = small_folder(dir.path());
    let idx = dir.path().join("idx");
    assert_eq!(index(&idx, &docs, &["-q"]).status.code(), Some(0));
    std::fs::remove_file(idx.join("meta.json")).expect("remove meta.json");
    let before = snapshot(&idx);

    let o = index(&idx, &docs, &["-q"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("meta.json"), "{}", err(&o));
    assert!(err(&o).contains("--rebuild"), "{}", err(&o));
    assert_eq!(snapshot(&idx), before, "the index directory was changed");

    let o = run(&["search", "qzorderx", "--index", s(&idx)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--rebuild"), "{}", err(&o));

    // The deliberate way out.
    let o = index(&idx, &docs, &["-q", "--rebuild"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(hits(&idx, "qzorderx").len(), 1);
}

#[test]
fn a_damaged_positions_file_is_refused_not_reported_unchanged() {
    let dir = workdir();
    let docs = small_folder(dir.path());
    let idx = dir.path().join("idx");
    assert_eq!(index(&idx, &docs, &["-q"]).status.code(), Some(0));
    let pos = std::fs::read_dir(&idx)
        .expect("idx")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "pos"))
        .expect("a positions file");
    let mut bytes = std::fs::read(&pos).expect("read pos");
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 4] {
        *b ^= 0xA5;
    }
    std::fs::write(&pos, bytes).expect("damage pos");
    let before = snapshot(&idx);

    let o = index(&idx, &docs, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let e = err(&o);
    assert!(e.contains("damaged") && e.contains("--rebuild"), "{e}");
    assert!(!e.contains("unchanged"), "{e}");
    assert!(
        !e.contains("tantivy") && !e.contains("Os {"),
        "no debug dump: {e}"
    );
    assert_eq!(snapshot(&idx), before, "a damaged index was written to");
}

#[test]
fn an_index_path_that_is_a_file_says_so() {
    let dir = workdir();
    let docs = small_folder(dir.path());
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").expect("write");
    for o in [
        index(&file, &docs, &[]),
        run(&["search", "x", "--index", s(&file)]),
    ] {
        assert_eq!(o.status.code(), Some(2));
        assert!(
            err(&o).contains("is a file, not a directory"),
            "{}",
            err(&o)
        );
    }
    assert_eq!(std::fs::read(&file).expect("read"), b"x");
}

#[test]
fn a_directory_that_is_not_an_index_is_not_taken_over() {
    let dir = workdir();
    let docs = small_folder(dir.path());
    let other = dir.path().join("photos");
    std::fs::create_dir_all(&other).expect("mkdir");
    std::fs::write(other.join("holiday.jpg"), "jpeg").expect("write");
    let o = index(&other, &docs, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("not empty"), "{}", err(&o));
    let o = index(&other, &docs, &["--rebuild"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("holiday.jpg"), "{}", err(&o));
    assert!(other.join("holiday.jpg").is_file());
}

#[test]
fn permission_denied_on_the_index_says_permission_denied() {
    if !can_drop_privileges() {
        eprintln!("skipped: cannot run as another user here");
        return;
    }
    let dir = workdir();
    let docs = small_folder(dir.path());
    let idx = dir.path().join("idx");
    assert_eq!(index(&idx, &docs, &["-q"]).status.code(), Some(0));
    open_up(&docs);
    chmod(&idx, 0o555);
    for f in std::fs::read_dir(&idx).expect("idx") {
        chmod(&f.expect("entry").path(), 0o444);
    }
    let o = run_as_other(&["index", s(&docs), "--index", s(&idx)]);
    chmod(&idx, 0o755);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("permission denied"), "{}", err(&o));
    assert!(!err(&o).contains("disk full"), "{}", err(&o));
}

#[test]
fn the_index_inside_the_indexed_folder_is_not_indexed() {
    let dir = workdir();
    let docs = small_folder(dir.path());
    let idx = docs.join("idx");
    let first = index(&idx, &docs, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", err(&first));
    assert_eq!(count(&first, "added"), 2, "{}", summary(&first));
    // A second index inside it, built elsewhere, is Docketeer's data too.
    let other = docs.join("archive-index");
    assert_eq!(
        index(&other, &dir.path().join("docs/order.txt"), &["-q"])
            .status
            .code(),
        Some(0)
    );
    let second = index(&idx, &docs, &[]);
    assert_eq!(second.status.code(), Some(0), "{}", err(&second));
    assert_eq!(count(&second, "added"), 0, "{}", summary(&second));
    assert_eq!(count(&second, "unchanged"), 2, "{}", summary(&second));
    assert_eq!(exported_paths(&idx).len(), 2);
}

#[test]
fn a_corrupt_meta_json_says_damaged_and_how_to_rebuild_without_a_debug_dump() {
    let dir = workdir();
    let docs = small_folder(dir.path());
    let idx = dir.path().join("idx");
    assert_eq!(index(&idx, &docs, &["-q"]).status.code(), Some(0));
    std::fs::write(idx.join("meta.json"), "{\"segments\": [").expect("damage meta.json");
    let before = snapshot(&idx);
    for o in [
        index(&idx, &docs, &[]),
        run(&["search", "qzorderx", "--index", s(&idx)]),
        run(&["stats", "--index", s(&idx)]),
    ] {
        assert_eq!(o.status.code(), Some(2), "{}", err(&o));
        let e = err(&o);
        assert!(e.contains("is damaged") && e.contains("--rebuild"), "{e}");
        assert!(
            !e.contains("tantivy") && !e.contains('{'),
            "no debug dump: {e}"
        );
    }
    assert_eq!(snapshot(&idx), before);
}
