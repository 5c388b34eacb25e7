//! Metadata parsers never panic: random unicode, and real corpus texts cut at random
//! char boundaries.

#[path = "common/data.rs"]
mod data;

use docketeer::clean::{CleanText, EcfHeader};
use docketeer::metadata::{self, docket};
use proptest::prelude::*;

/// Built field by field: the real `CleanText` has more fields than this test fills,
/// and a struct literal would not compile on every branch.
#[allow(clippy::field_reassign_with_default)]
fn clean_of(pages: Vec<String>, ecf: Option<EcfHeader>) -> CleanText {
    let mut ct = CleanText::default();
    ct.pages = pages;
    ct.ecf = ecf;
    ct
}

fn corpus_texts() -> Vec<String> {
    let dir = data::file("txt");
    let out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    assert!(!out.is_empty(), "no texts in {}", dir.display());
    out
}

fn truncate_at(s: &str, frac: f64) -> &str {
    let mut i = ((s.len() as f64) * frac) as usize;
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i.min(s.len())]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,2000}", n in "[0-9A-Za-z:()\\- \u{2013}]{0,60}") {
        let ct = clean_of(
            vec![s.clone(), n.clone()],
            Some(EcfHeader { case_number: n.clone(), document: None, filed: None }),
        );
        let _ = metadata::extract(&ct);
        let _ = docket::normalize(&s);
        let _ = docket::normalize(&n);
        let _ = docket::find_dockets(&s);
    }

    #[test]
    fn a_normalised_docket_number_normalises_to_itself(
        s in "(?:Case No\\.:? |No\\. |CV |Civil Action No\\. )?[1-9]?:?[0-9]{2}[- ](?:cv|cr|CV|bk|mc|ap)?-?[0-9]{1,6}(?:-[A-Z]{2,4}){0,2}(?: \\([A-Z]{3,5}x?\\))?",
        noise in "\\PC{0,40}",
    ) {
        for raw in [s.clone(), format!("{noise}{s}"), noise.clone()] {
            if let Some(once) = docket::normalize(&raw) {
                let twice = docket::normalize(&once.canonical);
                prop_assert_eq!(
                    twice.as_ref().map(|d| d.canonical.as_str()),
                    Some(once.canonical.as_str()),
                    "{:?} -> {:?}", raw, once.canonical
                );
            }
        }
    }

    #[test]
    fn caption_like_noise_never_panics(s in "(?:[A-Z ,.;]{0,30}\n){0,20}(?:v\\.|vs\\.)\n(?:[A-Z ,.;]{0,30}\n){0,20}") {
        let ct = clean_of(vec![s], None);
        let _ = metadata::extract(&ct);
    }

    #[test]
    fn truncated_corpus_never_panics(idx in 0usize..16, frac in 0.0f64..1.0, start in 0.0f64..0.5) {
        let texts = corpus_texts();
        let t = &texts[idx % texts.len()];
        let cut = truncate_at(t, frac);
        let mut b = ((cut.len() as f64) * start) as usize;
        while b < cut.len() && !cut.is_char_boundary(b) {
            b += 1;
        }
        let piece = &cut[b..];
        let ct = clean_of(vec![piece.to_string()], None);
        let _ = metadata::extract(&ct);
    }
}
