//! Docket sheets in the index: entries searched with `--entries`, a later save of the
//! same case replacing the earlier one, a filing tied to its entry, and `stats`.

mod common;

use common::{docketeer, stdout};
use std::path::Path;

const SHEET: &str = "corpus/docket/js-casd.html";

fn sheet_html() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SHEET)).expect("sheet")
}

/// The sheet as it was saved earlier: only its first `n` entries, the page closed there.
fn earlier_save(n: usize) -> String {
    let html = sheet_html();
    let rows: Vec<usize> = html
        .match_indices("<tr><td width='94'")
        .map(|(i, _)| i)
        .collect();
    assert!(rows.len() > n, "the sheet has more than {n} entries");
    format!("{}</table></body></html>", &html[..rows[n]])
}

fn index(idx: &Path, dir: &Path) {
    let o = docketeer(idx, &["index", "-q", &dir.to_string_lossy()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
}

fn entry_lines(idx: &Path, args: &[&str]) -> Vec<String> {
    let mut a = vec!["search", "--entries", "--json", "-n", "1000"];
    a.extend_from_slice(args);
    stdout(&docketeer(idx, &a))
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn entries_are_searchable_in_docket_order_and_newest_first() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::write(dir.join("casd.html"), sheet_html()).expect("write");
    let idx = tmp.path().join("idx");
    index(&idx, &dir);

    let o = docketeer(
        &idx,
        &[
            "search",
            "--entries",
            "motion for discovery",
            "--docket",
            "3:15-cr-00331",
        ],
    );
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.lines().next().is_some_and(|l| l
            .starts_with("USA v. Delatorre-Rivera · Dkt. 25 · 2015-03-16 · MOTION for Discovery")),
        "{out}"
    );
    let docket_order = entry_lines(&idx, &["--docket", "15-cr-331", "--sort", "oldest"]);
    assert_eq!(docket_order.len(), 45, "every entry is a document");
    let dates: Vec<String> = docket_order
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["date"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "docket order is by date filed");
    let newest = entry_lines(&idx, &["--docket", "15-cr-331", "--sort", "newest"]);
    let v: serde_json::Value = serde_json::from_str(&newest[0]).expect("json");
    assert_eq!(v["date"].as_str(), sorted.last().map(String::as_str));

    let none = docketeer(&idx, &["search", "--entries", "xylophone"]);
    assert_eq!(none.status.code(), Some(1), "no hits exits 1");
}

#[test]
fn a_later_save_of_the_same_case_replaces_the_earlier_sheet() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::write(dir.join("casd-march.html"), earlier_save(20)).expect("write");
    let idx = tmp.path().join("idx");
    index(&idx, &dir);
    assert_eq!(entry_lines(&idx, &["--docket", "15-cr-331"]).len(), 20);

    std::fs::write(dir.join("casd-june.html"), sheet_html()).expect("write");
    index(&idx, &dir);
    let entries = entry_lines(&idx, &["--docket", "15-cr-331"]);
    assert_eq!(
        entries.len(),
        45,
        "one current sheet: the later save's entries only"
    );
    for l in &entries {
        let v: serde_json::Value = serde_json::from_str(l).expect("json");
        assert!(
            v["sheet"][0]
                .as_str()
                .is_some_and(|p| p.ends_with("casd-june.html")),
            "{l}"
        );
    }
    // A re-run keeps the later sheet current (the earlier file is known, not re-read).
    index(&idx, &dir);
    index(&idx, &dir);
    assert_eq!(entry_lines(&idx, &["--docket", "15-cr-331"]).len(), 45);
    let sheets = stdout(&docketeer(
        &idx,
        &[
            "search",
            "--docket",
            "15-cr-331",
            "--type",
            "docket-sheet",
            "--json",
        ],
    ));
    assert_eq!(sheets.lines().count(), 1, "{sheets}");

    let stats = stdout(&docketeer(&idx, &["stats", "--json"]));
    let v: serde_json::Value = serde_json::from_str(stats.trim()).expect("json");
    assert_eq!(v["entries"], 45);
    assert!(v["attorneys"].as_u64().is_some_and(|n| n >= 1), "{stats}");
}

#[test]
fn a_filing_names_its_entry_and_the_entry_names_the_filing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::write(dir.join("casd.html"), sheet_html()).expect("write");
    std::fs::write(
        dir.join("motion.txt"),
        "Case 3:15-cr-00331-W Document 25 Filed 03/16/15 Page 1 of 2\n\nUNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF CALIFORNIA\n\nUNITED STATES OF AMERICA, Plaintiff,\nv.\nBRYAN DELATORRE-RIVERA, Defendant.\n\nMOTION FOR DISCOVERY\n\nDefendant moves for discovery.\n",
    )
    .expect("write");
    let idx = tmp.path().join("idx");
    index(&idx, &dir);
    let hits = entry_lines(
        &idx,
        &["discovery", "--docket", "3:15-cr-00331", "--sort", "oldest"],
    );
    let dkt25 = hits
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .find(|v| v["number"] == "25")
        .expect("entry 25");
    assert!(
        dkt25["filing"][0]
            .as_str()
            .is_some_and(|p| p.ends_with("motion.txt")),
        "{dkt25}"
    );

    // The other way: the filing hit carries its entry's number, date and text; the
    // sheet itself, which no ECF header numbers, carries none.
    let filings = stdout(&docketeer(
        &idx,
        &["search", "discovery", "--docket", "3:15-cr-00331", "--json"],
    ));
    let hits: Vec<serde_json::Value> = filings
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let motion = hits
        .iter()
        .find(|v| {
            v["path"][0]
                .as_str()
                .is_some_and(|p| p.ends_with("motion.txt"))
        })
        .unwrap_or_else(|| panic!("the motion is a hit: {filings}"));
    assert_eq!(motion["entry"]["number"], "25", "{motion}");
    assert_eq!(motion["entry"]["date"], "2015-03-16", "{motion}");
    assert!(
        motion["entry"]["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("MOTION for Discovery")),
        "{motion}"
    );
    let sheet = hits
        .iter()
        .find(|v| {
            v["path"][0]
                .as_str()
                .is_some_and(|p| p.ends_with("casd.html"))
        })
        .unwrap_or_else(|| panic!("the sheet is a hit: {filings}"));
    assert!(sheet.get("entry").is_none(), "{sheet}");
    let human = stdout(&docketeer(
        &idx,
        &["search", "discovery", "--docket", "3:15-cr-00331"],
    ));
    assert!(
        human.lines().any(|l| l
            .trim_start()
            .starts_with("Dkt. 25 · 2015-03-16 · MOTION for Discovery")),
        "{human}"
    );
}
