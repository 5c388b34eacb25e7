//! Matters without sides: bankruptcy cases and multidistrict litigation named
//! `In re SUBJECT`.

use once_cell::sync::Lazy;
use regex::Regex;

use super::super::names::proper_case;
use super::lines::{DEBTOR_LINE, STOP_LINE};
use super::vocab::{ROLE_RUN, is_suffix_word, strip_et_al};
use super::{Caption, CaptionInput};

static IN_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*in\s+re:?\s+(.{2,200}?)[,.]?\s*$").unwrap());

/// `In re SUBJECT` on one line, or `In re:` with the subject on the next
/// (bankruptcy captions in columns), or an MDL title wrapped before "Litigation".
/// Descriptions printed after a debtor's or a child's name, which are not part of it:
/// ", an Alaska corporation", ", a Child", ", now known as ...", ", Persons Coming Under
/// the Juvenile Court Law".
static SUBJECT_DESCRIPTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),\s+(?:(?-i:an?|AN?)\s+\S.*|(?:now|formerly|also)\s+known\s+as\b.*|(?:n|f|a)/k/a\b.*|persons?\s+coming\s+under\b.*|minor\s+child(?:ren)?\b.*)$")
        .unwrap()
});

/// The subject of an `In re` matter as printed, without "et al.", role words
/// ("Debtor", "Debtors-in-Possession") and descriptions after the name.
pub fn in_re_subject(s: &str) -> String {
    let s = SUBJECT_DESCRIPTION.replace(s.trim(), "");
    let s = strip_et_al(&s);
    let s = ROLE_RUN.replace_all(&s, "");
    trim_subject(&s)
}

/// A subject without the punctuation that closes the line; a final period stays when it
/// ends an abbreviation ("Inc.", "C.", "U.S.").
pub(super) fn trim_subject(s: &str) -> String {
    let s = s.trim().trim_end_matches([',', ';', ':']).trim();
    if let Some(body) = s.strip_suffix('.') {
        let last = body.rsplit([' ', ',']).next().unwrap_or("");
        let initial = last.chars().filter(|c| c.is_alphabetic()).count() == 1;
        if !(initial || last.contains('.') || is_suffix_word(last)) {
            return body.trim_end_matches([',', ';']).trim().to_string();
        }
    }
    s.to_string()
}

pub(super) fn in_re(input: &CaptionInput) -> Option<Caption> {
    let lines = &input.lines;
    static IN_RE_ALONE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^\s*in\s+re:?\s*$").unwrap());
    for (k, l) in lines.iter().enumerate().take(80) {
        // "IN RE: § CASE NO. 21-30587" / "GULF COAST MARINE SERVICES, LLC, §" / "Debtor.":
        // the subject on the line below a bare "In re:".
        if IN_RE_ALONE.is_match(l)
            && let Some(n) = lines[k + 1..].iter().find(|n| !n.is_empty())
            && !STOP_LINE.is_match(n)
            && !DEBTOR_LINE.is_match(n)
        {
            let subject = in_re_subject(n);
            if subject.len() >= 2 && subject.len() < 150 {
                return Some(Caption {
                    in_re: Some(proper_case(&subject)),
                    ..Caption::default()
                });
            }
        }
        // "IN RE: BARD IVC FILTERS PRODUCTS" / "LIABILITY LITIGATION".
        let l = match lines.get(k + 1) {
            Some(n)
                if n.to_lowercase()
                    .trim_end_matches([',', '.'])
                    .ends_with("litigation")
                    && !l.to_lowercase().ends_with("litigation") =>
            {
                format!("{l} {n}")
            }
            _ => l.clone(),
        };
        if let Some(c) = IN_RE.captures(&l) {
            let subject = in_re_subject(c.get(1)?.as_str());
            if !subject.is_empty() && subject.len() < 150 {
                return Some(Caption {
                    in_re: Some(proper_case(&subject)),
                    ..Caption::default()
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Caption> {
        in_re(&CaptionInput::new(text))
    }

    #[test]
    fn role_words_and_descriptions_are_not_the_subject() {
        // California's juvenile captions (In re Dezi C., 16 Cal.5th 1112) and the
        // Texas style "In the Interest of J.W., a Child": what follows the name
        // describes it.
        assert_eq!(
            in_re_subject("DEZI C. et al., Persons Coming Under the Juvenile Court Law."),
            "DEZI C."
        );
        assert_eq!(in_re_subject("J.W., a Child"), "J.W.");
        assert_eq!(in_re_subject("A.B., a minor child"), "A.B.");
        assert_eq!(
            in_re_subject("WING FINANCIAL, LLC, Debtor."),
            "WING FINANCIAL, LLC"
        );
        // A name's own "and" and business suffix stay.
        assert_eq!(
            in_re_subject("E & H Car Crushing Co., Inc."),
            "E & H Car Crushing Co., Inc."
        );
        let c =
            read("In re DEZI C. et al., Persons Coming Under the Juvenile Court Law.\n").unwrap();
        assert_eq!(c.case_name().as_deref(), Some("In re Dezi C."));
    }

    #[test]
    fn mdl_title_wrapped_before_litigation() {
        // D. Ariz. MDL 2641 (corpus, GOLD.tsv).
        let c = read("IN RE: BARD IVC FILTERS PRODUCTS\nLIABILITY LITIGATION\n").unwrap();
        // (Acronyms in capitals are proper-cased as words; the test reads the form.)
        assert_eq!(
            c.case_name().map(|n| n.to_lowercase()).as_deref(),
            Some("in re bard ivc filters products liability litigation")
        );
    }
}
