//! The court table against courts-db's own examples: every string courts-db lists as
//! printed by a court (`tests/data/courts/examples.tsv`, copied from courts-db) must
//! resolve to that court.

#[path = "common/data.rs"]
mod data;

use docketeer::metadata::courts_db;

#[test]
fn courts_db_examples_resolve_to_their_own_court() {
    let path = data::test_data().join("courts/examples.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let (mut n, mut own, mut only) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for line in text.lines().skip(1) {
        let Some((example, id)) = line.split_once('\t') else {
            continue;
        };
        n += 1;
        let got: Vec<&str> = courts_db::table()
            .match_name(example)
            .iter()
            .map(|r| r.id)
            .collect();
        if got.contains(&id) {
            own += 1;
            if got.len() == 1 {
                only += 1;
            }
        } else {
            misses.push(format!("  {id:<16} {example:?} -> {got:?}"));
        }
    }
    let rate = own as f64 / n as f64;
    eprintln!(
        "courts-db examples: {own}/{n} resolve to their court ({:.1}%), {only} to it alone\n{}",
        rate * 100.0,
        misses.join("\n")
    );
    assert!(n >= 1900, "only {n} examples read");
    assert!(
        rate >= 0.99,
        "{:.1}% of examples resolve to their court",
        rate * 100.0
    );
}
