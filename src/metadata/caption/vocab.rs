//! Caption vocabulary read from `data/captions/`: the role words printed after each
//! side ("Plaintiffs,", "Defendant and Appellant.") and the suffixes that end a party's
//! name ("Inc.", "Jr."). Every pattern built on them is here.

use once_cell::sync::Lazy;
use regex::Regex;

const ROLES_TSV: &str = include_str!("../../../data/captions/roles.tsv");
const SUFFIXES_TSV: &str = include_str!("../../../data/captions/suffixes.tsv");

/// Rows of a tab-separated table, comments and blank lines skipped.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A printed word as a pattern: a hyphen matches a hyphen, a space or nothing; a space
/// any run of spaces.
fn word_pattern(w: &str) -> String {
    regex::escape(w)
        .replace(r"\-", "-")
        .replace('-', r"-?\s?")
        .replace(' ', r"\s+")
}

/// One role word (singular or plural, optionally "below"), as a non-capturing group.
pub(super) static ROLE: Lazy<String> = Lazy::new(|| {
    let mut alts: Vec<String> = Vec::new();
    for r in rows(ROLES_TSV) {
        let (Some(one), Some(many)) = (r.first(), r.get(1)) else {
            continue;
        };
        if many.strip_suffix('s') == Some(*one) {
            alts.push(format!("{}s?", word_pattern(one)));
        } else if one == many {
            alts.push(word_pattern(one));
        } else {
            alts.push(format!("{}|{}", word_pattern(many), word_pattern(one)));
        }
    }
    format!(r"(?:{})(?:\s+below)?", alts.join("|"))
});

/// A run of role words joined by hyphens, slashes, commas or "and"
/// ("Plaintiff and Respondent", "Plaintiffs-Appellants/Cross-Respondents").
fn role_list() -> String {
    let r = ROLE.as_str();
    format!(r"{r}(?:\s*(?:[-/,—–]|\band\b)\s*{r})*")
}

/// A role word run anywhere in a side, with the punctuation that ends it.
pub(super) static ROLE_RUN: Lazy<Regex> = Lazy::new(|| {
    let r = ROLE.as_str();
    Regex::new(&format!(
        r"(?i)(?:^|,|\s)\s*(?:the\s+)?{r}(?:\s*(?:[-/,—–]|and)\s*{r})*\s*(?:[.,;:]|$)"
    ))
    .unwrap()
});

/// A line opening with a role word run ("Plaintiffs, DEFENDANT GOOGLE LLC'S").
pub(super) static ROLE_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)^(?:the\s+)?{}\s*[.,]", role_list())).unwrap());

/// The one-line caption: `X, Plaintiffs, v. Y, Defendants.`
pub(super) static ONE_LINE: Lazy<Regex> = Lazy::new(|| {
    let r = role_list();
    Regex::new(&format!(
        r"(?i)^(.{{3,600}}?),?\s+{r}\s*,?\s+(?:v|vs|versus)\.?\s+(.{{3,900}}?),?\s+{r}\.?\s*$"
    ))
    .unwrap()
});

/// Whether a line ends with a role word run.
pub(super) fn ends_with_role(l: &str) -> bool {
    static END_ROLE: Lazy<Regex> =
        Lazy::new(|| Regex::new(&format!(r"(?i)\b{}\s*[.,;:]?\s*$", role_list())).unwrap());
    END_ROLE.is_match(l)
}

/// Whether a line is counsel's appearance for a side ("Ralph W. Fusco, Esq., for the
/// Plaintiff", "Kiara C. Kraus-Parr, Grand Forks, ND, for petitioner and appellant.").
pub(super) fn is_appearance(l: &str) -> bool {
    static FOR_ROLE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(&format!(
            r"(?i),\s*(?:attorneys?\s+)?for\s+(?:the\s+)?{}\b",
            role_list()
        ))
        .unwrap()
    });
    FOR_ROLE.is_match(l)
}

/// "et al." with the punctuation around it.
pub(super) static ET_AL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i),?\s*\bet\s+al\b\.?,?").unwrap());

/// "et al." ending a side's list.
pub(super) static ET_AL_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bet\s+al\.?,?").unwrap());

/// A name with its "et al." dropped.
pub(super) fn strip_et_al(s: &str) -> String {
    ET_AL
        .replace_all(s, "")
        .trim()
        .trim_end_matches([',', ';'])
        .trim()
        .to_string()
}

/// The suffixes of the given kinds (`entity`, `entity-word`, `person`) as an
/// alternation, each with its final period optional (`inc\.?`).
pub(super) fn suffix_pattern(kinds: &[&str]) -> String {
    let mut words: Vec<&str> = rows(SUFFIXES_TSV)
        .filter(|r| r.get(1).is_some_and(|k| kinds.contains(k)))
        .filter_map(|r| r.first().copied())
        .collect();
    // Longer words first, so that "incorporated" is not read as "inc".
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| format!(r"{}\.?", regex::escape(w.trim_end_matches('.'))))
        .collect::<Vec<_>>()
        .join("|")
}

/// Whether a word (its final period optional) is a suffix in the table: "Inc", "Jr.".
pub(super) fn is_suffix_word(w: &str) -> bool {
    static ANY: Lazy<Regex> = Lazy::new(|| {
        Regex::new(&format!(
            "(?i)^(?:{})$",
            suffix_pattern(&["entity", "entity-word", "person"])
        ))
        .unwrap()
    });
    ANY.is_match(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_from_the_table() {
        for l in [
            "Plaintiffs,",
            "Defendant and Appellant.",
            "Plaintiff-Appellee,",
            "Plaintiffs-Appellants/Cross-Respondents,",
            "Real Party in Interest.",
            "Complainant,",
            "Counter Defendant.",
        ] {
            assert!(ends_with_role(l), "{l}");
        }
        assert!(!ends_with_role("ACME CORPORATION,"));
        assert!(is_appearance(
            "Kiara C. Kraus-Parr, Grand Forks, ND, for petitioner and appellant."
        ));
        assert!(!is_appearance("JOHN DOE, for himself and others,"));
        let corp = Regex::new(&format!("(?i)^(?:{})$", suffix_pattern(&["entity"]))).unwrap();
        assert!(corp.is_match("Inc.") && corp.is_match("L.L.C.") && corp.is_match("llc"));
        assert!(!corp.is_match("Jr."));
    }
}
