//! The query language on real filings from `corpus/`: boolean forms, terms and
//! connectors, stemming, wildcards, field values, bounds and the messages for what
//! cannot be searched. Expected documents are read from the filings' own text.

mod common;

use common::{docketeer, hit_names, root, stderr, stdout};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Plain-text filings, so the expected hits can be read from the files themselves.
const FILES: &[&str] = &[
    "txt/cl-opinion_text.txt",
    "txt/eyecite-case_Democracy.txt",
    "txt/seed-cacd-immdef-order.txt",
    "txt/seed-cand-aclu-cms.txt",
    "txt/seed-casd-alotrolado-order.txt",
];

struct Fixture {
    _dir: tempfile::TempDir,
    index: PathBuf,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = dir.path().join("filings");
        for f in FILES {
            let to = files.join(f);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
            std::fs::copy(root().join("corpus").join(f), &to).expect("copy a corpus filing");
        }
        let index = dir.path().join("index");
        let out = docketeer(&index, &["index", files.to_str().expect("utf-8 path")]);
        assert!(out.status.success(), "index failed: {}", stderr(&out));
        Fixture { _dir: dir, index }
    })
}

/// Run a search; return the exit code and the file names of the hits.
fn search(args: &[&str]) -> (Option<i32>, BTreeSet<String>) {
    let mut all = vec!["search", "--json", "--limit", "100"];
    all.extend_from_slice(args);
    let out = docketeer(&fixture().index, &all);
    let hits: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    (out.status.code(), hit_names(&hits).into_iter().collect())
}

fn hits(q: &str) -> BTreeSet<String> {
    let (code, names) = search(&[q]);
    assert!(code == Some(0) || code == Some(1), "`{q}` failed");
    names
}

/// A query that must be refused with exit 2 and a message containing `advice`.
fn refused(args: &[&str], advice: &str) {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    let out = docketeer(&fixture().index, &all);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
    assert!(stdout(&out).is_empty(), "{args:?} printed hits");
    let err = stderr(&out);
    assert!(err.contains(advice), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Files whose text holds `word` as a whole word, any case.
fn files_with_word(word: &str) -> BTreeSet<String> {
    FILES
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(root().join("corpus").join(f)).expect("read");
            text.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        })
        .map(|f| f.rsplit('/').next().expect("name").to_string())
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn and_not_equals_not() {
    let order = hits("order");
    let asylum = hits("asylum");
    let want: BTreeSet<String> = order.difference(&asylum).cloned().collect();
    assert!(!want.is_empty() && !asylum.is_empty());
    for q in [
        "order AND NOT asylum",
        "order NOT asylum",
        "order -asylum",
        "order % asylum",
        "order BUT NOT asylum",
    ] {
        assert_eq!(hits(q), want, "{q}");
    }
}

#[test]
fn an_ascii_apostrophe_is_part_of_a_word() {
    let (code, names) = search(&["defendant's motion"]);
    assert_eq!(code, Some(0));
    assert_eq!(names, hits("\"defendant s\" motion"));
}

#[test]
fn court_values_in_parentheses() {
    let cand = hits("court:cand");
    let casd = hits("court:casd");
    assert_eq!(cand, set(&["seed-cand-aclu-cms.txt"]));
    assert_eq!(casd, set(&["seed-casd-alotrolado-order.txt"]));
    let both: BTreeSet<String> = cand.union(&casd).cloned().collect();
    assert_eq!(hits("(court:cand OR court:casd)"), both);
    assert_eq!(hits("court:(CAND OR casd)"), both);
    let (_, flag) = search(&["--court", "CASD"]);
    assert_eq!(flag, casd, "--court is case-insensitive");
}

#[test]
fn prefix_wildcards_and_root_expansion() {
    let asylum = files_with_word("asylum");
    assert!(!asylum.is_empty());
    assert!(hits("asyl*").is_superset(&asylum));
    assert!(hits("asyl!").is_superset(&asylum));
    let mut enforce_words = files_with_word("enforce");
    enforce_words.extend(files_with_word("enforced"));
    enforce_words.extend(files_with_word("enforcement"));
    assert!(hits("enforc!").is_superset(&enforce_words));
    // An inner `*` is exactly one character.
    assert!(hits("mot*on").is_superset(&files_with_word("motion")));
}

#[test]
fn leading_wildcard_says_what_to_write() {
    refused(&["*tion"], "first letters");
}

#[test]
fn nesting_is_bounded() {
    let ok = format!("{}asylum{}", "(".repeat(22), ")".repeat(22));
    assert_eq!(hits(&ok), hits("asylum"));
    let deep = format!("{}asylum{}", "(".repeat(500), ")".repeat(500));
    refused(&[&deep], "deep");
}

#[test]
fn limit_is_bounded_and_zero_shows_no_hit() {
    refused(&["--limit", "18446744073709551615", "order"], "at most");
    refused(&["--limit", "10000000000", "order"], "at most");
    let out = docketeer(&fixture().index, &["search", "--limit", "0", "order"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.trim().ends_with("matching filings"), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn dates_of_any_year() {
    let (code, names) = search(&["--from", "3000-01-01", "order"]);
    assert_eq!((code, names.len()), (Some(1), 0));
    let (code, names) = search(&["--to", "1600-01-01", "order"]);
    assert_eq!((code, names.len()), (Some(1), 0));
    assert!(hits("date:[3000-01-01 TO *] order").is_empty());
    assert_eq!(
        hits("date:[1600-01-01 TO 3000-01-01] order"),
        hits("order date:[* TO *]")
    );
    assert_eq!(
        hits("date:2021-04-07"),
        set(&["seed-casd-alotrolado-order.txt"])
    );
}

#[test]
fn unknown_type_lists_the_types() {
    refused(&["--type", "foo", "order"], "order");
}

#[test]
fn stemming_finds_forms_and_quotes_match_as_written() {
    let stemmed = hits("enforce");
    for form in ["enforce", "enforced", "enforcement", "enforcing"] {
        let exact = files_with_word(form);
        assert_eq!(hits(&format!("\"{form}\"")), exact, "\"{form}\"");
        assert!(stemmed.is_superset(&exact), "enforce should find {form}");
        let (_, as_flag) = search(&["--exact", form]);
        assert_eq!(as_flag, exact, "--exact {form}");
    }
    assert!(stemmed.len() > files_with_word("enforce").len());
}

#[test]
fn names_match_as_written() {
    // "William" is in one filing, "Williams" in others: a capitalised word is a name.
    let williams = files_with_word("williams");
    let william = files_with_word("william");
    assert!(!williams.is_empty() && !william.is_empty() && williams != william);
    assert_eq!(hits("Williams"), williams);
    assert_eq!(hits("William"), william);
}

#[test]
fn same_sentence_and_same_paragraph_are_exact() {
    // "…the sharing of … asylum information with plaintiffs. As defendants describe it…"
    assert!(hits("\"sharing\" /s \"describe\"").is_empty());
    assert_eq!(
        hits("\"sharing\" /p \"describe\""),
        set(&["seed-casd-alotrolado-order.txt"])
    );
    assert_eq!(
        hits("\"summary judgment\" /s \"genuine dispute\""),
        set(&["eyecite-case_Democracy.txt"])
    );
    assert!(hits("\"protective order\" /s asylum").contains("seed-casd-alotrolado-order.txt"));
}

#[test]
fn within_n_words_either_order_and_pre_n_in_order() {
    // "a protective order to govern the production"
    let casd = "seed-casd-alotrolado-order.txt";
    assert!(hits("protective w/3 govern").contains(casd));
    assert!(hits("govern w/3 protective").contains(casd));
    assert!(hits("govern /3 protective").contains(casd));
    assert!(hits("protective pre/3 govern").contains(casd));
    assert!(hits("protective +3 govern").contains(casd));
    assert!(!hits("govern pre/3 protective").contains(casd));
    assert!(!hits("\"protective\" w/1 \"govern\"").contains(casd));
    // OR binds tighter than w/N.
    assert!(hits("(xylophone OR protective) w/3 govern").contains(casd));
    assert_eq!(
        hits("xylophone OR protective w/3 govern"),
        hits("(xylophone OR protective) w/3 govern")
    );
}

#[test]
fn wrongly_mixed_queries_say_what_to_write() {
    refused(&["asylum /s NOT tracking"], "%");
    refused(&["court:cand w/5 asylum"], "beside");
    refused(&["w/5 judgment"], "a term on each side");
    refused(&["summary /s"], "a term on each side");
    refused(&["\"summary judgment\"~3 /s genuine"], "w/3");
    refused(&["nosuchfield:x"], "case_name");
    refused(&["title: x"], "right after the colon");
    refused(&["§ +"], "no letters or digits");
}

#[test]
fn citations_dockets_and_entry_references_stay_units() {
    let immdef = set(&["seed-cacd-immdef-order.txt"]);
    assert_eq!(hits("cites:\"384 U.S. 364\""), immdef);
    assert_eq!(hits("\"384 U.S. 364\""), immdef);
    assert_eq!(hits("dkt:305"), immdef);
    let casd = set(&["seed-casd-alotrolado-order.txt"]);
    assert_eq!(hits("docket:17-cv-2366"), casd);
    assert!(hits("3:17-cv-02366").contains("seed-casd-alotrolado-order.txt"));
    // A citation matches as a whole: page 36 is not page 364.
    assert!(hits("\"384 U.S. 36\"").is_empty());
}

#[test]
fn a_citation_typed_in_another_printed_form_finds_the_filing() {
    // The order prints `384 U.S. 364` and `18 U.S.C. § 401`.
    let immdef = set(&["seed-cacd-immdef-order.txt"]);
    for q in [
        "cites:\"384 US 364\"",
        "cites:\"384 U. S. 364\"",
        "cites:\"18 USC 401\"",
        "cites:\"18 U.S.C. sec. 401\"",
    ] {
        assert_eq!(hits(q), immdef, "{q}");
    }
    // The opinion prints `N.C. Gen. Stat. § 163-230.2(e)(2)`, a state code.
    let democracy = set(&["eyecite-case_Democracy.txt"]);
    for q in [
        "cites:\"N.C. Gen. Stat. § 163-230.2\"",
        "cites:\"NC Gen Stat 163-230.2\"",
        "cites:\"N.C. Gen. Stat. Ann. section 163-230.2\"",
    ] {
        assert_eq!(hits(q), democracy, "{q}");
    }
    assert!(hits("cites:\"N.C. Gen. Stat. § 163-231.2\"").is_empty());
}

#[test]
fn exclusion_alone_and_before_a_field() {
    let all = hits("court:cand OR court:casd OR court:cacd OR NOT court:cand");
    let not_cand = hits("NOT court:cand");
    assert!(!not_cand.contains("seed-cand-aclu-cms.txt"));
    assert_eq!(not_cand.len() + 1, all.len());
    assert_eq!(
        hits("asylum -court:casd"),
        hits("asylum AND NOT court:casd")
    );
    assert!(!hits("asylum -court:casd").contains("seed-casd-alotrolado-order.txt"));
}
