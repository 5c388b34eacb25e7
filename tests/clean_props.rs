//! The cleaning stage and the query rewriting take untrusted text: no input may panic
//! them, and cleaning never invents words.

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

fn words(text: &str) -> std::collections::BTreeSet<String> {
    // Lowercased alphanumeric runs, as the index tokenizes.
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(pages in proptest::collection::vec(any::<String>(), 0..4)) {
        let _ = clean_pages(&pages);
    }

    #[test]
    fn pleading_like_pages_never_panic_or_invent_words(pages in proptest::collection::vec(pleading_like(), 1..5)) {
        let clean = clean_pages(&pages);
        prop_assert_eq!(clean.pages.len(), pages.len());
        // Cleaning removes and joins; every word it outputs is the input's letters in
        // the input's order (a word, or halves of a hyphenated word meeting across a
        // line end, a running header or a margin number).
        let input: String = pages.join("\n").replace('\u{fb01}', "fi");
        let known = words(&input);
        let letters: String = input
            .lines()
            .filter(|l| !l.starts_with("Case"))
            .flat_map(str::chars)
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        for w in words(&clean.pages.join("\n")) {
            let alpha = w.chars().all(char::is_alphabetic);
            prop_assert!(known.contains(&w) || (alpha && letters.contains(&w)), "invented {}", w);
        }
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
