//! The cleaning stage and the query rewriting take untrusted text: no input may panic
//! them; cleaning never invents words, and cleaning the cleaned text changes nothing.

#[path = "common/cleaning.rs"]
mod cleaning;

use docketeer::clean::clean_pages;
use docketeer::index::schema::SchemaSpec;
use docketeer::search::parse::parse;
use docketeer::search::rewrite::Rewriter;
use proptest::prelude::*;

fn pleading_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        (1u32..40).prop_map(|n| n.to_string()),
        "[a-zA-Z ,.'\"-]{0,60}",
        (1u32..29, "[a-z ]{1,40}").prop_map(|(n, t)| format!("{n} {t}")),
        Just("Case 4:21-cv-02632-DMR Document 25 Filed 07/14/21 Page 3 of 5".to_string()),
        Just("Case: 20-16276, 08/05/2020, ID: 11779012, DktEntry: 19-1, Page 1 of 15".to_string()),
        "[a-z]{1,10}-".prop_map(|s| s),
        Just("\u{fb01}nal \u{201c}order\u{201d} \u{2014} ".to_string()),
    ];
    proptest::collection::vec(line, 0..60).prop_map(|l| l.join("\n"))
}

/// Parse and rewrite a query as `search` does, discarding the outcome.
fn rewrite_user_query(q: &str) {
    let spec = SchemaSpec::bundled().expect("bundled schema");
    if let Ok(tree) = parse(q) {
        let rewriter = Rewriter {
            spec: &spec,
            with_children: false,
            exact: false,
        };
        let _ = rewriter.rewrite(tree);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_is_cleaned_without_inventing_words(pages in proptest::collection::vec(any::<String>(), 0..4)) {
        let clean = clean_pages(&pages);
        prop_assert_eq!(clean.pages.len(), pages.len());
        let invented = cleaning::invented_words(&pages, &clean);
        prop_assert!(invented.is_empty(), "invented {:?}", invented);
    }

    #[test]
    fn pleading_like_pages_are_cleaned_once_and_for_all(pages in proptest::collection::vec(pleading_like(), 1..5)) {
        let clean = clean_pages(&pages);
        prop_assert_eq!(clean.pages.len(), pages.len());
        // Cleaning removes and joins: every word it outputs is a word of the input or
        // the halves of a word hyphenated across a line break.
        let invented = cleaning::invented_words(&pages, &clean);
        prop_assert!(invented.is_empty(), "invented {:?}", invented);
        let again = cleaning::second_cleaning_differs(&clean);
        prop_assert!(again.is_none(), "cleaning twice differs: {:?}", again);
    }

    #[test]
    fn query_rewriting_never_panics(q in any::<String>()) {
        rewrite_user_query(&q);
    }

    #[test]
    fn field_clauses_with_odd_values_never_panic(v in "[ -~]{0,30}") {
        for field in ["docket", "court", "date"] {
            rewrite_user_query(&format!("{field}:{v}"));
            rewrite_user_query(&format!("{field}:\"{v}\""));
        }
    }
}
