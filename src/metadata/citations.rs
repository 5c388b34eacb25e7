//! Citations to reporters, statutes and rules, each stored in one normal form so a
//! search finds it however the filing printed it: `384 U. S. 364` and `384 U.S. 364`
//! are both `384 U.S. 364`; `28 USC 1332` and `28 U.S.C. §1332` are both
//! `28 U.S.C. § 1332`.
//!
//! Reporters come from `data/reporters/reporters.tsv` (every edition and variation in
//! Free Law Project's reporters-db): an Aho-Corasick scan finds a reporter's printed
//! form, and a citation is a volume before it and a page after it. A docket number or a
//! date has no reporter between its numbers, so neither is taken for a citation.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use regex::Regex;

const REPORTERS_TSV: &str = include_str!("../../data/reporters/reporters.tsv");

struct Reporters {
    printed: AhoCorasick,
    canonical: Vec<&'static str>,
    /// Codes without periods (`ND`, `CO`): read only after a year, as public-domain
    /// citations print them (`2019 ND 12`), so addresses (`Denver, CO 80202`) are not.
    bare: Vec<bool>,
}

static REPORTERS: Lazy<Reporters> = Lazy::new(|| {
    let mut printed = Vec::new();
    let mut canonical = Vec::new();
    let mut bare = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for line in REPORTERS_TSV.lines().skip(1) {
        let Some((p, c)) = line.split_once('\t') else {
            continue;
        };
        // One-letter abbreviations other than the regional reporters read as initials.
        let initial = p.len() == 2 && p.ends_with('.') && !matches!(p, "A." | "F." | "P.");
        if initial || seen.insert(p, ()).is_some() {
            continue;
        }
        printed.push(p);
        canonical.push(c);
        bare.push(!p.contains('.') && p != "US");
    }
    Reporters {
        printed: AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&printed)
            .expect("reporter forms build an automaton"),
        canonical,
        bare,
    }
});

/// Statutes, rules and database citations, with groups for their normal form.
static OTHER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"\b(?P<usc_t>\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?\s*(?:§+|[Ss]ec(?:tion|s?\.)|[Ss]ections?)?\s*(?P<usc_s>\d+[a-z]?(?:-\d+[a-z]?)?(?:\([a-zA-Z0-9]+\))*)",
        r"|\b(?P<cfr_t>\d{1,2})\s*C\.?\s?F\.?\s?R\.?\s*(?:§+|[Pp]art|[Ss]ec(?:tion|\.))?\s*(?P<cfr_s>\d+(?:\.\d+)?)",
        r"|\b(?P<wl_y>\d{4})\s+(?P<wl_db>WL|U\.S\.\s?Dist\.\s?LEXIS|U\.S\.\s?App\.\s?LEXIS|Bankr\.\s?LEXIS|LEXIS)\s+(?P<wl_n>\d{1,8})",
        r"|\bFed\.\s?R\.\s?(?P<rule>Civ|Crim|App|Evid|Bankr)\.\s?P\.\s+(?P<rule_n>\d+(?:\.\d+)?(?:\([a-z0-9]+\))*)",
    ))
    .unwrap()
});

/// Citations in order of first appearance, in their normal form, deduplicated.
pub fn find_citations(text: &str) -> Vec<String> {
    let mut found: Vec<(usize, String)> = reporter_cites(text);
    found.extend(super::statutes::find(text));
    for c in OTHER.captures_iter(text) {
        let start = c.get(0).map_or(0, |m| m.start());
        let norm = if let (Some(t), Some(s)) = (c.name("usc_t"), c.name("usc_s")) {
            format!("{} U.S.C. § {}", t.as_str(), s.as_str())
        } else if let (Some(t), Some(s)) = (c.name("cfr_t"), c.name("cfr_s")) {
            format!("{} C.F.R. § {}", t.as_str(), s.as_str())
        } else if let (Some(y), Some(db), Some(n)) =
            (c.name("wl_y"), c.name("wl_db"), c.name("wl_n"))
        {
            let db = db.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            format!("{} {} {}", y.as_str(), db, n.as_str())
        } else if let (Some(r), Some(n)) = (c.name("rule"), c.name("rule_n")) {
            format!("Fed. R. {}. P. {}", r.as_str(), n.as_str())
        } else {
            continue;
        };
        found.push((start, norm));
    }
    found.sort_by_key(|(p, _)| *p);
    let mut out: Vec<String> = Vec::new();
    for (_, c) in found {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The normal form of a citation as a person types it (`384 US 364`, `28 usc 1332`),
/// for `cites:`; `None` when it is not a citation.
pub fn normalize(typed: &str) -> Option<String> {
    find_citations(typed.trim()).into_iter().next()
}

/// `VOLUME REPORTER PAGE` with a known reporter form between the numbers.
fn reporter_cites(text: &str) -> Vec<(usize, String)> {
    let r = &*REPORTERS;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in r.printed.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        // The form stands alone: whitespace before it, whitespace or punctuation after.
        if s == 0 || !bytes[s - 1].is_ascii_whitespace() {
            continue;
        }
        if bytes.get(e).is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let Some(volume) = number_before(text, s) else {
            continue;
        };
        let Some(page) = number_after(text, e) else {
            continue;
        };
        let i = m.pattern().as_usize();
        if r.bare[i]
            && !(volume.len() == 4 && (volume.starts_with("19") || volume.starts_with("20")))
        {
            continue;
        }
        out.push((s, format!("{volume} {} {page}", r.canonical[i])));
    }
    out
}

/// The volume right before a reporter form: 1–4 digits after whitespace, standing alone.
fn number_before(text: &str, at: usize) -> Option<&str> {
    let head = text[..at].trim_end_matches([' ', '\t', '\n']);
    if head.len() == at {
        return None;
    }
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 4 {
        return None;
    }
    let start = head.len() - digits;
    // A number glued to other text (`No. 20-1234`, `§ 5`) is not a volume.
    if head[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ':' | '§'))
    {
        return None;
    }
    Some(&head[start..])
}

/// The first page right after a reporter form: 1–5 digits after whitespace.
fn number_after(text: &str, at: usize) -> Option<&str> {
    let tail = &text[at..];
    let rest = tail.trim_start_matches([' ', '\t', '\n']);
    if rest.len() == tail.len() {
        return None;
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 5 {
        return None;
    }
    // `384 U.S. 364` but not `5 F. 2020-01-05` or `3 A. 12345678`.
    if rest[digits..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '/')
    {
        return None;
    }
    Some(&rest[..digits])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let t = "See Shillitani v. United States, 384 U.S. 364, 370 (1966); 18 U.S.C. § 401; In re Crystal Palace, 817 F.2d 1361, 1364 (9th Cir. 1987); Fed. R. Civ. P. 70(e). Qin, 2023 WL 128600. 92 A.3d 766; 19 N.Y.3d 1026; 669 N.W.2d 552.";
        let c = find_citations(t);
        for want in [
            "384 U.S. 364",
            "18 U.S.C. § 401",
            "817 F.2d 1361",
            "Fed. R. Civ. P. 70(e)",
            "2023 WL 128600",
            "92 A.3d 766",
            "19 N.Y.3d 1026",
            "669 N.W.2d 552",
        ] {
            assert!(c.contains(&want.to_string()), "{want} in {c:?}");
        }
    }

    #[test]
    fn one_normal_form_however_printed() {
        for (printed, norm) in [
            ("384 U. S. 364", "384 U.S. 364"),
            ("384 US 364", "384 U.S. 364"),
            ("28 USC 1332", "28 U.S.C. § 1332"),
            ("28 U.S.C. §1332(a)", "28 U.S.C. § 1332(a)"),
            ("28 U.S.C. sec. 1332", "28 U.S.C. § 1332"),
            ("42 C.F.R. § 411.15", "42 C.F.R. § 411.15"),
            ("123 Wash. App. 456", "123 Wash. App. 456"),
            ("2019 ND 12", "2019 ND 12"),
        ] {
            assert_eq!(normalize(printed).as_deref(), Some(norm), "{printed}");
        }
    }

    /// State codes as filings in the corpus print them: a Wisconsin appeal
    /// (`cap-761NW2d645_1.html`), West Virginia and Georgia opinions, a District of
    /// Columbia appeal, a Hawaii opinion and a federal opinion on North Carolina law.
    #[test]
    fn state_codes_as_the_corpus_prints_them() {
        for (printed, norm) in [
            ("under WIS. STAT. § 704.90 and", "Wis. Stat. § 704.90"),
            ("See Wis. Stat. § 409.627.", "Wis. Stat. § 409.627"),
            ("W. Va.Code § 23-4C-6 (2010)", "W. Va. Code § 23-4C-6"),
            (
                "West Virginia; W. Va.Code § 33-6-31d",
                "W. Va. Code § 33-6-31d",
            ),
            ("OCGA § 51-2-5 (1)", "Ga. Code Ann. § 51-2-5"),
            (
                "N.C. Gen. Stat. § 163-230.2(e)(2), (4) restricts",
                "N.C. Gen. Stat. § 163-230.2(e)(2)",
            ),
            ("N.Y. Penal Law § 140.35", "N.Y. Penal Law § 140.35"),
            ("D.C.Code § 22-2501 (2001)", "D.C. Code § 22-2501"),
            ("HRS § 343-5(a)", "Haw. Rev. Stat. § 343-5(a)"),
        ] {
            let c = find_citations(printed);
            assert!(c.contains(&norm.to_string()), "{printed}: {c:?}");
        }
    }

    /// Forms from public material: the Bluebook samples in CourtListener's
    /// `cl/citations/columbia/consts_and_statutes.py`, and state codes as public
    /// code comments and documentation print them (no space after `§`, subsections).
    #[test]
    fn state_codes_as_public_sources_print_them() {
        for (printed, norm) in [
            (
                "Mass. Gen. Laws ch. 93A, § 105 (1997 & Supp. 2003).",
                "Mass. Gen. Laws ch. 93A, § 105",
            ),
            (
                "Mass. Gen. Laws ch. 56, § 59 (1991)",
                "Mass. Gen. Laws ch. 56, § 59",
            ),
            ("Fla. Stat. §559.9613(2)(d)", "Fla. Stat. § 559.9613(2)(d)"),
            ("Fla. Stat. § 316.130(17).", "Fla. Stat. § 316.130(17)"),
            ("Minn. Stat. § 13.824, subd. 8", "Minn. Stat. § 13.824"),
            ("Neb. Rev. Stat. § 84-602.04", "Neb. Rev. Stat. § 84-602.04"),
            ("Haw. Rev. Stat. §507-43", "Haw. Rev. Stat. § 507-43"),
        ] {
            assert_eq!(normalize(printed).as_deref(), Some(norm), "{printed}");
        }
    }

    #[test]
    fn docket_numbers_dates_and_addresses_are_not_citations() {
        for text in [
            "Case No. 20-1234, filed January 5, 2021.",
            "Denver, CO 80202",
            "Dkt. 45 at 12; ECF No. 7",
            "Case 3:20-cv-04512 Document 42 Filed 09/18/20 Page 1 of 14",
            "Case: 20-10234, 06/02/2021, ID: 12130987, DktEntry: 41-1, Page 1 of 4",
            "No. 1:19-cv-00911-TDS-JEP (M.D.N.C. filed Sept. 26, 2019)",
            "Index No. 570613/17, decided 12/15/2020",
            "Docket No. A-2345-18, ECF No. 12, Dkt. 31 at 4",
        ] {
            assert!(
                find_citations(text).is_empty(),
                "{text}: {:?}",
                find_citations(text)
            );
        }
    }
}
