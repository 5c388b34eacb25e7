//! The three seed filings: every GOLD field must come out exactly right.

#[path = "common/gold.rs"]
mod gold_common;

use docketeer::metadata::docket;
use gold_common::{corpus_dir, load_gold, loose, metadata_of, same_set};

#[test]
fn seeds_every_field_exact() {
    let rows = load_gold();
    let seeds: Vec<_> = rows
        .iter()
        .filter(|r| r.file.starts_with("txt/seed-"))
        .collect();
    assert_eq!(seeds.len(), 3, "three seeds in GOLD.tsv");
    for row in seeds {
        let md = metadata_of(&corpus_dir().join(&row.file));
        let f = &row.file;
        let gold_docket = docket::normalize(&row.case_number).expect("gold docket parses");
        let first = md
            .dockets
            .first()
            .unwrap_or_else(|| panic!("{f}: no docket"));
        assert_eq!(first.canonical, gold_docket.canonical, "{f}: docket");
        assert_eq!(first.judges, gold_docket.judges, "{f}: docket judges");
        assert_eq!(
            md.court.as_ref().map(|c| c.id.as_str()),
            Some(row.court.as_str()),
            "{f}: court"
        );
        assert_eq!(
            md.case_name.as_deref(),
            Some(row.case_name.as_str()),
            "{f}: case name"
        );
        assert!(
            same_set(&row.plaintiffs, &md.plaintiffs),
            "{f}: plaintiffs {:?}",
            md.plaintiffs
        );
        assert!(
            same_set(&row.defendants, &md.defendants),
            "{f}: defendants {:?}",
            md.defendants
        );
        // Proper case exactly as GOLD gives it, not just loosely.
        let exact: Vec<&str> = row
            .plaintiffs
            .split(" ; ")
            .chain(row.defendants.split(" ; "))
            .collect();
        for name in md.plaintiffs.iter().chain(&md.defendants) {
            assert!(
                exact.contains(&name.as_str()),
                "{f}: party {name:?} not printed as in GOLD"
            );
        }
        assert_eq!(md.judge.as_deref(), Some(row.judge.as_str()), "{f}: judge");
        assert_eq!(md.date.as_deref(), Some(row.date.as_str()), "{f}: date");
        assert_eq!(
            md.doc_type.as_deref(),
            Some(row.doc_type.as_str()),
            "{f}: doc type"
        );
        assert_eq!(
            loose(&row.case_name),
            loose(md.case_name.as_deref().unwrap_or(""))
        );
    }
}
