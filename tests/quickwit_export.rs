//! The Quickwit side that needs no cluster: the index config printed by `schema`, the
//! ingest lines written by `export --engine quickwit`, and clear errors (exit 2) when
//! no cluster answers.

mod common;

use common::{root, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn docketeer(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("DOCKETEER_ENDPOINT")
        .output()
        .expect("the docketeer binary runs")
}

/// Real filings with parties on both sides, indexed into a temporary index.
fn indexed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("filings");
    std::fs::create_dir_all(&files).expect("mkdir");
    for f in [
        "txt/seed-cacd-immdef-order.txt",
        "txt/seed-casd-alotrolado-order.txt",
        "docket/js-cand.html",
    ] {
        let to = files.join(Path::new(f).file_name().expect("name"));
        std::fs::copy(root().join("corpus").join(f), to).expect("copy a filing");
    }
    let index = dir.path().join("index");
    let out = docketeer(&[
        "index",
        "--quiet",
        "--index",
        index.to_str().expect("utf-8"),
        files.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "index failed: {}", stderr(&out));
    (dir, index)
}

fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

#[test]
fn schema_for_quickwit_maps_every_field_of_the_schema_file() {
    let out = docketeer(&["schema", "--engine", "quickwit"]);
    assert!(out.status.success());
    let yaml = stdout(&out);
    assert!(yaml.contains("version: 0.8"), "{yaml}");
    let schema = std::fs::read_to_string(root().join("index_schema/schema.toml")).expect("schema");
    let names: Vec<&str> = schema
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.len() > 10, "schema fields found: {names:?}");
    for n in names {
        assert!(
            yaml.contains(&format!("- name: \"{n}\"")),
            "field {n} missing from the Quickwit config"
        );
    }
    assert!(yaml.contains("default_search_fields:"));
    assert!(yaml.contains("record: \"position\""));
    assert!(yaml.contains("per-field boosts"), "limitations are listed");
    // The plain schema is unchanged.
    assert_eq!(stdout(&docketeer(&["schema"])), schema);
}

#[test]
fn quickwit_export_recomputes_search_only_fields() {
    let (_dir, index) = indexed();
    let idx = index.to_str().expect("utf-8");
    let out = docketeer(&["export", "--engine", "quickwit", "--index", idx]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        // Docket entries are documents too; the filings are checked here.
        .filter(|v| v["kind"] != "entry")
        .collect();
    assert_eq!(lines.len(), 3);
    let mut with_parties = 0;
    for v in &lines {
        let strs = |k: &str| -> Vec<String> {
            v[k].as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        };
        let mut expected = strs("plaintiff");
        expected.extend(strs("defendant"));
        expected.extend(strs("other_party"));
        assert_eq!(
            strs("party"),
            expected,
            "party repeats both sides and the other parties"
        );
        with_parties += usize::from(!expected.is_empty());
        assert!(v["doc_hash"].as_u64().is_some(), "fingerprint present");
        assert!(v["body"].as_str().is_some_and(|b| b.len() > 1000));
        if let Some(d) = v["date"].as_str() {
            assert!(
                d.len() == 20 && d.ends_with("T00:00:00Z"),
                "RFC 3339 date: {d}"
            );
        }
    }
    assert!(with_parties >= 2, "filings with parties were exported");
    // The local export keeps to stored fields.
    let plain = docketeer(&["export", "--index", idx]);
    assert!(!stdout(&plain).contains("\"party\""));
    // The fingerprint does not depend on the run.
    let again = docketeer(&["export", "--engine", "quickwit", "--index", idx]);
    assert_eq!(stdout(&again), stdout(&out));
}

#[test]
fn no_cluster_is_a_clear_error_with_exit_2() {
    let endpoint = format!("http://127.0.0.1:{}", closed_port());
    let out = docketeer(&["search", "--engine", "quickwit", "order"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("DOCKETEER_ENDPOINT"),
        "{}",
        stderr(&out)
    );

    let out = docketeer(&[
        "search",
        "--engine",
        "quickwit",
        "--endpoint",
        &endpoint,
        "order",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot reach Quickwit"),
        "{}",
        stderr(&out)
    );

    let (_dir, index) = indexed();
    let out = docketeer(&[
        "push",
        "--endpoint",
        &endpoint,
        "--local",
        index.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot reach Quickwit"),
        "{}",
        stderr(&out)
    );
}

/// A docket sheet names parties of neither side (creditors, trustees, movants); the
/// indexer makes them searchable as `party`, and the export sends the same values.
#[test]
fn export_party_keeps_docket_sheet_parties_of_neither_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("filings");
    std::fs::create_dir_all(&files).expect("mkdir");
    std::fs::copy(
        root().join("corpus/docket/js-mieb.html"),
        files.join("js-mieb.html"),
    )
    .expect("copy a docket sheet");
    let index = dir.path().join("index");
    let idx = index.to_str().expect("utf-8");
    let out = docketeer(&[
        "index",
        "--quiet",
        "--index",
        idx,
        files.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Locally the sheet is found by a party that is neither plaintiff nor defendant.
    let found = docketeer(&[
        "search",
        "--exact",
        "--json",
        "--index",
        idx,
        "party:\"LLC\"",
    ]);
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
    let out = docketeer(&[
        "export",
        "--engine",
        "quickwit",
        "--no-body",
        "--index",
        idx,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sheet: serde_json::Value = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .find(|v| v["kind"] != "entry")
        .expect("the sheet is exported");
    let strs = |k: &str| -> Vec<String> {
        sheet[k]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    assert!(strs("plaintiff").is_empty() && strs("defendant").is_empty());
    let party = strs("party");
    assert!(
        party
            .iter()
            .any(|p| p.split_whitespace().any(|w| w.trim_matches(',') == "LLC")),
        "the exported party names the LLC the local index finds: {party:?}"
    );
    assert_eq!(party, strs("other_party"));
}
