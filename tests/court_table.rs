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

/// First-page heads in the forms courts print, for courts the bundled corpus has no
/// filing of: each court line is a courts-db name or example set above a caption.
#[test]
fn filing_heads_name_their_own_court() {
    use docketeer::metadata::court::find_court;
    let cases: &[(&str, Option<&str>)] = &[
        (
            "IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON\nDIVISION ONE\n\nSTATE OF WASHINGTON,\n Respondent,\nv.\nJOHN DOE,\n Appellant.\n\nNo. 81234-5-I\n\nUNPUBLISHED OPINION\n",
            Some("washctapp"),
        ),
        (
            "UNITED STATES BANKRUPTCY COURT\nFOR THE EASTERN DISTRICT OF MICHIGAN\nSOUTHERN DIVISION\n\nIn re:\nACME TOOL CORP.,\n Debtor.\n\nCase No. 19-45678\nChapter 11\n",
            Some("mieb"),
        ),
        (
            "IN THE SUPREME COURT OF OHIO\n\nSTATE OF OHIO,\n Appellee,\nv.\nJANE ROE,\n Appellant.\n\nCase No. 2021-0456\n",
            Some("ohio"),
        ),
        (
            "IN THE COURT OF APPEALS OF OHIO\nTENTH APPELLATE DISTRICT\n\nState of Ohio,\n Plaintiff-Appellee,\nv.\nJohn Doe,\n Defendant-Appellant.\n\nNo. 20AP-123\n",
            Some("ohioctapp"),
        ),
        (
            "SUPERIOR COURT OF THE STATE OF CALIFORNIA\nCOUNTY OF LOS ANGELES\n\nJOHN DOE,\n Plaintiff,\nv.\nACME CORP.,\n Defendant.\n\nCase No. BC123456\n",
            Some("calsuperct"),
        ),
        (
            "Cite as 2022 Ark. 19\n\nSUPREME COURT OF ARKANSAS\nNo. CV-21-123\n\nJOHN DOE\n APPELLANT\nV.\nSTATE OF ARKANSAS\n APPELLEE\n",
            Some("ark"),
        ),
        // The court below, named on its own lines, is not the filing's court.
        (
            "No. 21-1234\n\nJOHN DOE,\n Plaintiff-Appellant,\nv.\nACME CORP.,\n Defendant-Appellee.\n\nOn Appeal from the Superior Court of the State of California\nCounty of Los Angeles\n\nAPPELLANT'S OPENING BRIEF\n",
            None,
        ),
        (
            "Plaintiff appealed, and the Court of Appeals of Washington reversed the judgment of the trial court on all counts.\n",
            None,
        ),
    ];
    let mut wrong = Vec::new();
    for (head, want) in cases {
        let got = find_court(head).map(|c| c.id);
        if got.as_deref() != *want {
            wrong.push(format!(
                "want {want:?} got {got:?}: {}",
                head.lines().next().unwrap_or("")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
