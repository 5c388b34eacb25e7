//! State and territorial code citations (`Cal. Civ. Proc. Code § 425.16`,
//! `Tex. Fam. Code Ann. § 153.002`, `Fla. Stat. § 768.28`, `N.Y. C.P.L.R. 3211`), each
//! stored under one name however the filing printed it: with or without `Ann.`, `§`,
//! `Section` or `sec.`, periods, capitals and spacing.
//!
//! The names come from `data/reporters/laws.tsv` (reporters-db's `laws.json`, with the
//! few names courts print that it lacks in `laws_extra.tsv`). Each row says how a
//! section follows the name (`form`) and the name the citation is stored under
//! (`normal`): a code published bare and annotated is one code.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::{Captures, Regex};

const LAWS_TSV: &str = include_str!("../../data/reporters/laws.tsv");

/// How a section is cited after a code's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `NAME § 768.28`.
    Section,
    /// `NAME tit. 12, § 2012`.
    Title,
    /// `42 NAME § 8371` (the title before the name).
    Numbered,
    /// `NAME ch. 93A, § 2`.
    Chapter,
    /// `NAME art. 38.22`.
    Article,
    /// `735 NAME 5/2-619` (chapter, act and section).
    Act,
    /// `NAME 3211`: a compilation numbered by rule, cited without a section mark.
    Rule,
}

impl Form {
    fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "section" => Form::Section,
            "title" => Form::Title,
            "numbered" => Form::Numbered,
            "chapter" => Form::Chapter,
            "article" => Form::Article,
            "act" => Form::Act,
            "rule" => Form::Rule,
            _ => return None,
        })
    }
}

/// One code: its form and the name it is stored under. `*` in `normal` stands for the
/// subject words of a code cited by subject.
struct Code {
    form: Form,
    normal: &'static str,
}

struct Table {
    /// Codes with a fixed name, by [`key`] of the name.
    fixed: HashMap<String, Code>,
    /// Every fixed name, with the parts that may follow it.
    fixed_re: Regex,
    /// Codes cited by subject, each with its own pattern.
    subject: Vec<(Regex, Code)>,
}

/// What may follow a code's name: a title, a chapter, an article, a section mark, the
/// section (`768.28`, `23-4C-6`, `17a-593`, `5/2-619`) and its subsections.
const TAIL: &str = concat!(
    r"(?:,?\s*tit(?:le|\.)?\s*(?P<tit>\d{1,3}[A-Za-z]?)\s*,?)?",
    r"(?:,?\s*ch(?:apter|\.)?\s*(?P<ch>\d{1,4}[A-Za-z]{0,2})\s*,?)?",
    r",?\s*(?P<art>art(?:icle|s?\.)?\s*)?",
    r"(?P<mark>§§?|sec(?:tion|s)?\.?|sections?)?\s*",
    r"(?:(?P<act>\d{1,4})\s*/\s*)?",
    r"(?P<sec>\d{1,6}[A-Za-z]{0,2}(?:[-.:–]\d{1,6}[A-Za-z]{0,2}){0,4})",
    r"(?P<sub>(?:\([A-Za-z0-9]{1,4}\))*)",
    r"(?:[^A-Za-z0-9/]|$)",
);

/// A name as a pattern: each word's period optional, spacing free, `Ann.` optional (a
/// code cited without its annotated edition's word is the same code). Names printed as
/// capitals without periods (`CPLR`, `HRS`) match only so, not as ordinary words.
fn name_pattern(name: &str) -> String {
    let acronym = !name.contains('.') && name.chars().all(|c| c.is_ascii_uppercase());
    if acronym {
        return format!(r"(?-i:{})\b", regex::escape(name));
    }
    let mut out = String::new();
    let mut after_period = true;
    for word in name.split_whitespace() {
        // `N.C.` is two words, `N.` and `C.`.
        let parts: Vec<&str> = word.split_inclusive('.').collect();
        for part in parts {
            let sep = if out.is_empty() {
                ""
            } else if after_period {
                r"\s*"
            } else {
                r"\s+"
            };
            let (stem, period) = match part.strip_suffix('.') {
                Some(s) => (s, true),
                None => (part, false),
            };
            if stem == "Ann" && period {
                out.push_str(&format!(r"(?:{sep}Ann\.?)?"));
                continue;
            }
            out.push_str(sep);
            out.push_str(&regex::escape(stem));
            out.push_str(if period { r"\.?" } else { r"\b" });
            after_period = period;
        }
    }
    if !name.split_whitespace().any(|w| w == "Ann.") {
        out.push_str(r"(?:\s*Ann\.?)?");
    }
    out
}

/// The words of a name that tell codes apart: letters and digits, lower case, without
/// `Ann.`.
fn key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.eq_ignore_ascii_case("ann"))
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Subject words (`Civ. Proc.`, `Gen. Bus.`, `Cts. & Jud. Proc.`): one to five words
/// with a capital, printed in any case.
const SUBJECT: &str =
    r"(?P<subj>(?-i:[A-Z][A-Za-z.'\-]*)(?:\s*(?:&|(?-i:[A-Z][A-Za-z.'\-]*))){0,4})";

static TABLE: Lazy<Table> = Lazy::new(|| {
    let mut fixed = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut subject = Vec::new();
    for line in LAWS_TSV.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, form, normal, ..] = cols[..] else {
            continue;
        };
        let Some(form) = Form::parse(form) else {
            continue;
        };
        let code = Code { form, normal };
        if let Some((before, after)) = name.split_once('*') {
            let pat = format!(
                r"(?i)\b{}\s*,?\s*{SUBJECT}\s*{}{TAIL}",
                name_pattern(before.trim().trim_end_matches(',')),
                name_pattern(after.trim()),
            );
            if let Ok(re) = Regex::new(&pat) {
                subject.push((re, code));
            }
            // `Cal. Code Civ. Proc.`: the subject after the code's word.
            if after.trim() == "Code" {
                let pat = format!(
                    r"(?i)\b{}\s*Code\s+{SUBJECT}{TAIL}",
                    name_pattern(before.trim())
                );
                if let Ok(re) = Regex::new(&pat) {
                    subject.push((re, Code { form, normal }));
                }
            }
        } else {
            names.push(name);
            fixed.entry(key(name)).or_insert(code);
        }
    }
    // Longest names first, so `Tex. Code Crim. Proc.` wins over a shorter name.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternation = names
        .iter()
        .map(|n| name_pattern(n))
        .collect::<Vec<_>>()
        .join("|");
    let fixed_re = Regex::new(&format!(
        r"(?i)(?:\b(?P<num>\d{{1,4}})\s+)?\b(?P<name>{alternation}){TAIL}"
    ))
    .expect("statute names build a pattern");
    Table {
        fixed,
        fixed_re,
        subject,
    }
});

/// State and territorial code citations with their byte offsets, in normal form.
pub fn find(text: &str) -> Vec<(usize, String)> {
    let t = &*TABLE;
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for c in t.fixed_re.captures_iter(text) {
        let Some(name) = c.name("name") else { continue };
        let Some(code) = t.fixed.get(&key(name.as_str())) else {
            continue;
        };
        let start = match (code.form, c.name("num")) {
            (Form::Numbered | Form::Act, Some(n)) => n.start(),
            _ => name.start(),
        };
        if let Some(norm) = normal_form(&c, code, code.normal) {
            out.push((start, c.get(0).map_or(start, |m| m.end()), norm));
        }
    }
    for (re, code) in &t.subject {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            if out.iter().any(|(s, e, _)| m.start() < *e && *s < m.end()) {
                continue;
            }
            let Some(subj) = c.name("subj") else { continue };
            let subj = subject_words(subj.as_str());
            // A subject that is a code's own word reads the name twice (`Cal. Code Code`).
            if subj.is_empty() || subj.eq_ignore_ascii_case("code") {
                continue;
            }
            let name = code.normal.replace('*', &subj);
            if let Some(norm) = normal_form(&c, code, &name) {
                out.push((m.start(), m.end(), norm));
            }
        }
    }
    out.into_iter().map(|(s, _, n)| (s, n)).collect()
}

/// Subject words in one spelling: single spaces, each word capitalised as a title.
fn subject_words(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The citation in the code's form, or `None` when the printed parts do not fit it
/// (`Wis. Stat. ch. 893` is a chapter, not a section).
fn normal_form(c: &Captures, code: &Code, name: &str) -> Option<String> {
    let sec = c.name("sec")?.as_str().replace('–', "-");
    let sub = c.name("sub").map_or("", |m| m.as_str());
    let tit = c.name("tit").map(|m| m.as_str());
    let ch = c.name("ch").map(|m| m.as_str());
    let art = c.name("art").is_some();
    let act = c.name("act").map(|m| m.as_str());
    let num = c.name("num").map(|m| m.as_str());
    let plain = tit.is_none() && ch.is_none() && !art && act.is_none();
    // Without a section mark, a bare number right after the name must not be a year
    // or a reporter's page (`Fla. Stat. 2019`).
    if code.form != Form::Rule
        && c.name("mark").is_none()
        && !art
        && act.is_none()
        && sec.len() == 4
        && !sec.contains(['.', '-'])
    {
        return None;
    }
    Some(match code.form {
        Form::Section if plain => format!("{name} § {sec}{sub}"),
        Form::Title => format!("{name} tit. {}, § {sec}{sub}", tit?),
        Form::Numbered if plain => format!("{} {name} § {sec}{sub}", num?),
        Form::Chapter if tit.is_none() && !art => format!("{name} ch. {}, § {sec}{sub}", ch?),
        Form::Article if tit.is_none() && ch.is_none() && art => {
            format!("{name} art. {sec}{sub}")
        }
        Form::Rule if plain => format!("{name} {sec}{sub}"),
        Form::Act if tit.is_none() && ch.is_none() && !art => {
            format!("{} {name} {}/{sec}{sub}", num?, act?)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<String> {
        find(text).into_iter().next().map(|(_, n)| n)
    }

    #[test]
    fn one_name_however_printed() {
        for (printed, norm) in [
            (
                "Cal. Civ. Proc. Code § 425.16",
                "Cal. Civ. Proc. Code § 425.16",
            ),
            (
                "Cal. Code Civ. Proc. § 425.16",
                "Cal. Civ. Proc. Code § 425.16",
            ),
            (
                "CAL. CIV. PROC. CODE § 425.16(e)",
                "Cal. Civ. Proc. Code § 425.16(e)",
            ),
            (
                "Tex. Fam. Code Ann. § 153.002",
                "Tex. Fam. Code Ann. § 153.002",
            ),
            ("Tex. Fam. Code § 153.002", "Tex. Fam. Code Ann. § 153.002"),
            ("N.Y. C.P.L.R. 3211(a)(7)", "N.Y. C.P.L.R. 3211(a)(7)"),
            ("CPLR § 3211", "N.Y. C.P.L.R. 3211"),
            ("Fla. Stat. § 768.28", "Fla. Stat. § 768.28"),
            ("Fla. Stat. Ann. § 768.28", "Fla. Stat. § 768.28"),
            ("Fla. Stat. section 768.28", "Fla. Stat. § 768.28"),
            (
                "Ohio Rev. Code Ann. § 2305.10",
                "Ohio Rev. Code Ann. § 2305.10",
            ),
            (
                "Ohio Rev. Code sec. 2305.10",
                "Ohio Rev. Code Ann. § 2305.10",
            ),
            ("Ohio Rev Code 2305.10", "Ohio Rev. Code Ann. § 2305.10"),
            ("N.Y. Gen. Bus. Law § 349", "N.Y. Gen. Bus. Law § 349"),
            ("Okla. Stat. tit. 12, § 2012", "Okla. Stat. tit. 12, § 2012"),
            ("42 Pa. Cons. Stat. § 8371", "42 Pa. Cons. Stat. § 8371"),
            (
                "Mass. Gen. Laws ch. 93A, § 2",
                "Mass. Gen. Laws ch. 93A, § 2",
            ),
            ("735 ILCS 5/2-619", "735 Ill. Comp. Stat. 5/2-619"),
            (
                "Tex. Code Crim. Proc. Ann. art. 38.22",
                "Tex. Code Crim. Proc. Ann. art. 38.22",
            ),
        ] {
            assert_eq!(one(printed).as_deref(), Some(norm), "{printed}");
        }
    }

    #[test]
    fn chapters_years_and_words_are_not_sections() {
        for text in [
            "Wis. Stat. ch. 893 governs",
            "Fla. Stat. 2019 edition",
            "We have 24 hrs 5 minutes",
            "the Texas Family Code",
            "codes in the Cal. Code Regs. tit. 22",
        ] {
            assert_eq!(one(text), None, "{text}");
        }
    }
}
