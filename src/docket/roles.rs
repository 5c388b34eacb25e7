//! Party roles as docket sheets print them ("Jnt Admin Debtor", "Plaintiff - Appellee",
//! "Defendant (1)") and the side of the case each is on, read from
//! `data/docket/party_roles.tsv`.

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

/// Which side of the case a party is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Brings the case or the appeal: plaintiff, petitioner, appellant, claimant.
    Plaintiff,
    /// Answers it: defendant, respondent, appellee.
    Defendant,
    /// The bankruptcy estate.
    Debtor,
    /// Claims against the estate.
    Creditor,
    /// Court officers, trustees, agents, mediators, amici, interested parties.
    Neutral,
    /// A role the table does not know.
    Other,
}

impl Side {
    fn parse(s: &str) -> Option<Side> {
        Some(match s {
            "plaintiff" => Side::Plaintiff,
            "defendant" => Side::Defendant,
            "debtor" => Side::Debtor,
            "creditor" => Side::Creditor,
            "neutral" => Side::Neutral,
            "other" => Side::Other,
            _ => return None,
        })
    }

    /// The side's name as written in the table and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Plaintiff => "plaintiff",
            Side::Defendant => "defendant",
            Side::Debtor => "debtor",
            Side::Creditor => "creditor",
            Side::Neutral => "neutral",
            Side::Other => "other",
        }
    }
}

const TABLE_TSV: &str = include_str!("../../data/docket/party_roles.tsv");

/// The role table: (key, side), longest keys first.
static TABLE: Lazy<Vec<(String, Side)>> = Lazy::new(|| {
    let mut rows: Vec<(String, Side)> = TABLE_TSV
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (k, s) = l.split_once('\t')?;
            Some((k.trim().to_string(), Side::parse(s.trim())?))
        })
        .collect();
    rows.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    rows
});

/// A printed role as a lowercase key: numbering ("(1)", "Debtor 2") and dashes between
/// words dropped, whitespace collapsed.
pub fn key(printed: &str) -> String {
    let lower = printed.to_lowercase().replace('\u{a0}', " ");
    let mut words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| {
            !w.starts_with('(')
                || !w
                    .trim_matches(['(', ')'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
        })
        .filter(|w| *w != "-")
        .collect();
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        words.pop();
    }
    words.join(" ")
}

/// The side of a printed role. An appellate role printed after a trial role
/// ("Plaintiff - Appellee") decides: the appeal is the case on this sheet.
pub fn side(printed: &str) -> Side {
    let k = key(printed);
    if let Some((_, s)) = TABLE.iter().find(|(t, _)| *t == k) {
        return *s;
    }
    let ends = |t: &str| k.ends_with(t) && k[..k.len() - t.len()].ends_with([' ', '-']);
    let starts = |t: &str| k.starts_with(t) && k[t.len()..].starts_with([' ', '-']);
    TABLE
        .iter()
        .find(|(t, _)| ends(t))
        .or_else(|| TABLE.iter().find(|(t, _)| starts(t)))
        .map_or(Side::Other, |(_, s)| *s)
}

/// Whether a printed label names a party role the table knows.
pub fn is_role(printed: &str) -> bool {
    side(printed) != Side::Other || TABLE.iter().any(|(t, _)| *t == key(printed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses_and_keys_are_unique() {
        let rows: Vec<&str> = TABLE_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect();
        assert_eq!(rows.len(), TABLE.len(), "a row has no valid side");
        let mut keys: Vec<&String> = TABLE.iter().map(|(k, _)| k).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), TABLE.len(), "duplicate role keys");
        for (k, s) in TABLE.iter() {
            assert_eq!(side(k), *s, "{k} finds its own row");
        }
    }

    #[test]
    fn printed_forms_map_to_sides() {
        assert_eq!(
            side("Defendant                                 (1)"),
            Side::Defendant
        );
        assert_eq!(side("Jnt Admin Debtor"), Side::Debtor);
        assert_eq!(side("Plaintiff\u{a0}-\u{a0}Appellee"), Side::Defendant);
        assert_eq!(side("Counter-Defendant"), Side::Defendant);
        assert_eq!(side("Debtor 2"), Side::Debtor);
        assert_eq!(side("U.S. Trustee"), Side::Neutral);
        assert_eq!(side("Creditor Committee Chair"), Side::Creditor);
        assert_eq!(side("Pending Counts"), Side::Other);
        assert!(!is_role("Pending Counts"));
        assert!(is_role("Unknown"));
    }
}
