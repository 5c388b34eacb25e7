//! `inspect --json` on docket sheets stored in the repository shows the sheet's
//! structure: parties with roles, sides and attorneys, and every docket entry.

use std::process::Command;

fn inspect(rel: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let out = Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .args(["inspect", "--json"])
        .arg(&path)
        .output()
        .expect("docketeer runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn district_sheet_lists_parties_attorneys_and_entries() {
    let v = inspect("corpus/docket/js-cand.html");
    let s = &v["docket_sheet"];
    assert_eq!(s["form"], "district");
    assert_eq!(s["docket_number"], "3:08-cv-00159");
    assert_eq!(s["court"]["id"], "cand");
    assert_eq!(s["assigned_to"], "William Alsup");
    assert_eq!(s["date_filed"], "2008-01-11");
    let parties = s["parties"].as_array().expect("parties");
    let balbo = parties
        .iter()
        .find(|p| p["name"] == "John Michael Balbo")
        .expect("the petitioner");
    assert_eq!(balbo["role"], "Petitioner");
    assert_eq!(balbo["side"], "plaintiff");
    assert!(parties.iter().any(|p| p["side"] == "defendant"));
    let entries = s["entries"].as_array().expect("entries");
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e["date_filed"].is_string()));
}

#[test]
fn bankruptcy_sheet_names_the_debtor_and_counsel() {
    let v = inspect("corpus/docket/js-ganb.html");
    let s = &v["docket_sheet"];
    assert_eq!(s["form"], "bankruptcy");
    let debtor = s["parties"]
        .as_array()
        .expect("parties")
        .iter()
        .find(|p| p["side"] == "debtor")
        .expect("a debtor");
    assert_eq!(debtor["name"], "Park at Briarcliff, Inc.");
    assert!(
        !debtor["attorneys"]
            .as_array()
            .expect("attorneys")
            .is_empty()
    );
    assert_eq!(v["case_name"], "In re Park at Briarcliff, Inc.");
}

#[test]
fn a_filing_that_is_not_a_docket_sheet_has_no_sheet() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/html");
    let first = std::fs::read_dir(&dir)
        .expect("corpus/html")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "html"))
        .expect("an HTML filing");
    let rel = first
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("inside");
    let v = inspect(&rel.to_string_lossy());
    assert!(v.get("docket_sheet").is_none(), "{}", v["path"]);
}

#[test]
fn odyssey_portal_events_and_hearings_are_docket_entries() {
    let v = inspect("corpus/docket/bln-ca_napa-18CV001704.html");
    let s = &v["docket_sheet"];
    assert_eq!(s["form"], "state");
    assert_eq!(s["parties"].as_array().expect("parties").len(), 9);
    let entries = s["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 128);
    assert!(entries.iter().all(|e| e["number"].is_null()));
    assert_eq!(entries[0]["date_filed"], "2018-12-17");
    assert_eq!(entries[0]["description"], "Civil Case Cover Sheet");
    let motion = &entries[5];
    assert_eq!(motion["date_filed"], "2018-12-28");
    assert_eq!(
        motion["description"],
        "Motion · NOTICE OF MOTION T0 STRIKE AND MOTION T0 STRIKE COMPLAINT; \
         MEMORANDUM OF POINTS AND AUTHORITIES"
    );
    let hearing = entries
        .iter()
        .find(|e| e["date_filed"] == "2019-02-15")
        .expect("the hearing of 02/15/2019");
    assert_eq!(
        hearing["description"],
        "OSC: Court's Motion to Dismiss · Judicial Officer: Wood, Victoria · \
         Hearing Time: 8:30 AM · Cancel Reason: Vacated"
    );
    assert_eq!(entries[127]["date_filed"], "2019-12-17");
    assert_eq!(entries[127]["description"], "Proof of Service");
}
