//! Matters named for their subject rather than for two sides: "Matter of X", "In the
//! Matter of the Guardianship of X", "In the Interest of A.B., a Child", and
//! California's juvenile captions, where "In re X, Persons Coming Under the Juvenile
//! Court Law" heads the agency's caption against a parent.

use once_cell::sync::Lazy;
use regex::Regex;

use super::super::names::proper_case;
use super::in_re::in_re_subject;
use super::{Caption, CaptionInput, block};

/// The opening words of a matter named for its subject, and what follows them.
static MATTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*((?:in\s+the\s+)?(?:matter|interest)\s+of)\b[:\s]*(.*)$").unwrap()
});

/// Words that leave the subject for the next line ("In the Matter of the Accusation
/// Against:" / "JOHN DOE").
static OPEN_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)(?:^|\s)(?:of|against|the)\s*:?$|:$|^$").unwrap());

/// A `v.` between sides: such a matter is a two-sided caption, read by other forms.
static HAS_V: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\s(?:v|vs)\.?\s").unwrap());

/// The printed opening words in their conventional case: "In the Matter of",
/// "Matter of", "In the Interest of".
fn opening(words: &str) -> String {
    words
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let l = w.to_lowercase();
            if i > 0 && (l == "the" || l == "of") {
                l
            } else {
                let mut cs = l.chars();
                cs.next()
                    .map(|f| f.to_uppercase().chain(cs).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A subject whose given names are in mixed case and whose surname is in capitals, as
/// the Board of Immigration Appeals prints it ("Emmanuel LAGUERRE", "Jose Luis
/// SILVA-TREVINO"): the matter is named for the surname alone ("Matter of
/// Laguerre").
fn capitals_surname(subject: &str) -> Option<&str> {
    static GIVEN_THEN_CAPITALS: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"^(?:(?:[A-Z][a-z][A-Za-z'\-]*|[A-Z]\.)\s+)+([A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)*)$",
        )
        .unwrap()
    });
    GIVEN_THEN_CAPITALS
        .captures(subject)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// "Matter of X", "In the Matter of ...", "In the Interest of X" at the start of a
/// caption line, the subject as printed (descriptions such as ", a Child" dropped).
pub(super) fn matter(input: &CaptionInput) -> Option<Caption> {
    let nonempty: Vec<&String> = input
        .lines
        .iter()
        .filter(|l| !l.is_empty())
        .take(60)
        .collect();
    for (k, l) in nonempty.iter().enumerate() {
        let Some(c) = MATTER.captures(l) else {
            continue;
        };
        let mut rest = c[2].trim().to_string();
        for next in nonempty.iter().skip(k + 1).take(2) {
            if !OPEN_END.is_match(&rest) {
                break;
            }
            rest = format!("{rest} {}", next.trim());
        }
        if HAS_V.is_match(&rest) || rest.split_whitespace().count() > 16 {
            continue;
        }
        let subject = in_re_subject(&rest);
        // "the Guardianship of John Doe": the subject's first word after an article is
        // a name, never prose ("in the matter of the motion").
        let first = subject
            .strip_prefix("the ")
            .or_else(|| subject.strip_prefix("THE "))
            .or_else(|| subject.strip_prefix("The "))
            .unwrap_or(&subject);
        if subject.len() < 2 || !first.starts_with(|ch: char| ch.is_uppercase()) {
            continue;
        }
        let subject = capitals_surname(&subject).unwrap_or(&subject);
        let mut subject = proper_case(subject);
        if let Some(s) = subject.strip_prefix("The ") {
            subject = format!("the {s}");
        }
        return Some(Caption {
            short_name: Some(format!("{} {subject}", opening(&c[1]))),
            ..Caption::default()
        });
    }
    None
}

/// California's juvenile caption: "In re X, Persons Coming Under the Juvenile Court
/// Law." above the agency's block caption against a parent. The case is named for the
/// child; the parties are the block's.
pub(super) fn juvenile(input: &CaptionInput) -> Option<Caption> {
    static JUVENILE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?im)^[ \t]*in[ \t]+re:?[ \t]+([^\n]{2,200}?,?[ \t]+(?:a[ \t]+)?persons?[ \t]+coming[ \t]+under[ \t]+the[ \t]+juvenile[ \t]+court[ \t]+law)[^\n]*$")
            .unwrap()
    });
    let m = JUVENILE.captures(&input.head)?;
    let subject = in_re_subject(m.get(1)?.as_str());
    if subject.len() < 2 {
        return None;
    }
    let rest = &input.head[m.get(0)?.end()..];
    let sides = block::block(&CaptionInput::new(rest)).unwrap_or_default();
    Some(Caption {
        in_re: Some(proper_case(&subject)),
        plaintiffs: sides.plaintiffs,
        defendants: sides.defendants,
        et_al: sides.et_al,
        short_name: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(form: super::super::Form, text: &str) -> Option<Caption> {
        form(&CaptionInput::new(text))
    }

    #[test]
    fn matter_of_a_subject() {
        // New York Surrogate's Court, 2020 NY Slip Op 34495(U).
        let c = read(
            matter,
            "Matter of Christopher J. A.\n2020 NY Slip Op 34495(U)\nMarch 16, 2020\nSurrogate's Court, Bronx County\n",
        )
        .unwrap();
        assert_eq!(
            c.case_name().as_deref(),
            Some("Matter of Christopher J. A.")
        );
        // Texas juvenile style (CourtListener "In the Interest of J.W., a Child").
        let c = read(matter, "IN THE INTEREST OF J.W., A CHILD\n").unwrap();
        assert_eq!(c.case_name().as_deref(), Some("In the Interest of J.W."));
        let c = read(matter, "In the Interest of J.W., a Child\n").unwrap();
        assert_eq!(c.case_name().as_deref(), Some("In the Interest of J.W."));
        // The subject may open the next line.
        let c = read(
            matter,
            "IN THE MATTER OF THE GUARDIANSHIP OF\nMARY ANN SMITH\n",
        )
        .unwrap();
        assert_eq!(
            c.case_name().as_deref(),
            Some("In the Matter of the Guardianship of Mary Ann Smith")
        );
    }

    #[test]
    fn prose_and_two_sided_matters_are_not_matters() {
        assert!(
            read(
                matter,
                "in the matter of the motion to dismiss, the court\n"
            )
            .is_none()
        );
        // "Matter of Robyn C. v. William M.J." (N.Y. Fam. Ct.) has two sides.
        assert!(read(matter, "Matter of Robyn C. v. William M.J.\n").is_none());
    }

    #[test]
    fn california_juvenile_caption() {
        // In re Dezi C., 16 Cal.5th 1112 (2024), as Google Scholar prints its head.
        let head = "16 Cal.5th 1112 (2024)\nIn re DEZI C. et al., Persons Coming Under the Juvenile Court Law.\nLOS ANGELES COUNTY DEPARTMENT OF CHILDREN AND FAMILY SERVICES, Plaintiff and Respondent,\nv.\nANGELICA A., Defendant and Appellant.\nNo. S275578.\n";
        let c = read(juvenile, head).unwrap();
        assert_eq!(c.case_name().as_deref(), Some("In re Dezi C."));
        assert_eq!(
            c.plaintiffs,
            ["Los Angeles County Department of Children and Family Services"]
        );
        assert_eq!(c.defendants, ["Angelica A."]);
    }

    #[test]
    fn board_decisions_are_named_for_the_capitals_surname() {
        // Matter of Emmanuel LAGUERRE, 28 I&N Dec. 437 (BIA 2022), as printed.
        let c = read(
            matter,
            "Cite as 28 I&N Dec. 437 (BIA 2022) Interim Decision #4035\nMatter of Emmanuel LAGUERRE, Respondent\nDecided January 20, 2022\n",
        )
        .unwrap();
        assert_eq!(c.case_name().as_deref(), Some("Matter of Laguerre"));
        // Matter of MARTINEZ ESPINOZA, 25 I&N Dec. 118 (BIA 2009): a two-word surname.
        assert_eq!(
            capitals_surname("Jose Luis MARTINEZ ESPINOZA"),
            Some("MARTINEZ ESPINOZA")
        );
        // A name printed all in one case is kept whole.
        assert_eq!(capitals_surname("Davos Francois"), None);
        assert_eq!(capitals_surname("Christopher J. A."), None);
    }
}
