//! Damaged docket sheets: a page cut off anywhere, or with bytes overwritten, gives a
//! partial parse and never a panic.

mod docket_fixtures;

use docketeer::docket::{self, Note};
use once_cell::sync::Lazy;
use proptest::prelude::*;

/// A few real sheets of each form: district, bankruptcy, adversary, appellate.
static SHEETS: Lazy<Vec<(String, String)>> = Lazy::new(|| {
    let want = ["cand_3", "alsb", "cacb_19", "ca1_2", "azb_58", "nysd_4606"];
    docket_fixtures::load()
        .into_iter()
        .filter(|s| want.contains(&s.name.as_str()))
        .map(|s| (s.name, s.html))
        .collect()
});

fn sheet(name: &str) -> &'static str {
    &SHEETS
        .iter()
        .find(|(n, _)| n == name)
        .expect("fixture present")
        .1
}

fn cut(s: &str, at: usize) -> &str {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn truncated_sheets_parse_partially(which in 0usize..6, frac in 0.0f64..1.0) {
        let html = &SHEETS[which % SHEETS.len()].1;
        let part = cut(html, (html.len() as f64 * frac) as usize);
        let full = docket::parse_html(html, None).expect("a docket sheet");
        if let Some(sheet) = docket::parse_html(part, None) {
            // A cut page never holds more than the whole one.
            prop_assert!(sheet.entries.len() <= full.entries.len());
            prop_assert!(sheet.parties.len() <= full.parties.len() + 1);
        }
    }

    #[test]
    fn overwritten_bytes_do_not_panic(which in 0usize..6, at in 0.0f64..1.0, junk in "[<>/\"'a-z&;#]{1,40}") {
        let html = &SHEETS[which % SHEETS.len()].1;
        let pos = cut(html, (html.len() as f64 * at) as usize).len();
        let damaged = format!("{}{}{}", &html[..pos], junk, &html[pos..]);
        let _ = docket::parse_html(&damaged, None);
    }
}

#[test]
fn a_sheet_cut_inside_its_entries_says_so() {
    let html = sheet("cand_3");
    let at = html.find("Docket Text").expect("entry table") + 400;
    let sheet = docket::parse_html(cut(html, at), None).expect("still a docket sheet");
    assert!(sheet.notes.contains(&Note::Truncated), "{:?}", sheet.notes);
    assert!(
        !sheet.parties.is_empty(),
        "the parties before the cut are read"
    );
}

#[test]
fn a_sheet_cut_before_its_entries_says_so() {
    let html = sheet("cand_3");
    let at = html.find("Docket Text").expect("entry table") - 200;
    let sheet = docket::parse_html(cut(html, at), None).expect("still a docket sheet");
    assert!(
        sheet.notes.contains(&Note::NoEntryTable),
        "{:?}",
        sheet.notes
    );
    assert!(sheet.entries.is_empty());
}
