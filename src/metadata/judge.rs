//! The judge: the district judge in a caption or signature (`Hon. Donna M. Ryu`,
//! `The Honorable JESUS G. BERNAL`, `Assigned to: Judge William Alsup`) or the author
//! of an appellate opinion (`SELYA, Circuit Judge.`, `LAVINE, J.`), by surname when
//! the opinion gives only the surname.

use once_cell::sync::Lazy;
use regex::Regex;

use super::names::proper_case;

/// A judge's name, with a generational suffix after a comma (`Haywood S. Gilliam, Jr.`;
/// PACER prints `Stephen N. Limbaugh, Jr` without the period).
/// Initials may be run together (`Alan H.W. Shiff`, `Kevin S.C. Chang`).
const NAME: &str = r"([A-Z][A-Za-z'\-]*\.?(?:[A-Z]\.)*(?:[ \t]+(?:[A-Z][A-Za-z'\-]*\.?(?:[A-Z]\.)*|de|van|von|la)){0,4}(?:,[ \t]*(?:Jr\.?|JR\.?|Sr\.?|SR\.?|II|III|IV)(?:[ \t,]|$))?)";

/// Docket sheets: `Assigned to: Senior Judge Robert E. Coyle`.
static ASSIGNED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?m)Assigned\s+to:[ \t]*(?:(?:Senior|Chief|District|Magistrate|Bankruptcy|U\.S\.)[ \t]+)*(?:Judge[ \t]+|Hon\.[ \t]*|Honorable[ \t]+)?{NAME}"
    ))
    .unwrap()
});

/// `Hon. Donna M. Ryu`, `The Honorable JESUS G. BERNAL, UNITED STATES DISTRICT JUDGE`.
static HONORABLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?:\bHon\.|\bHON\.|\bHONORABLE|\bHonorable)[ \t]+(?:(?:Judge|JUDGE|Justice)[ \t]+)?{NAME}"
    ))
    .unwrap()
});

/// Opinion author lines: `SELYA, Circuit Judge.`, `LAVINE, J.`, `ROBERT P. FRANK, Judge.`,
/// `GUSTAFSON, Judge: The Internal Revenue Service...`, `GORMAN, Appellate Immigration
/// Judge:` (a title of several words before a colon). The title must end the line
/// (or be followed by a colon) so that panel lists (`Before Howard, Chief Judge, Selya
/// and Barron, Circuit Judges.`) and names with initials (`Theodore J. Boutrous`) do
/// not read as authors.
static AUTHOR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?m)^[ \t]*(?:¶[ \t]*1[ \t]+)?(?:Opinion\s+of\s+the\s+Court\s+by[ \t]+)?(?:_+[ \t]*)?{NAME},[ \t]*(?:(?:Senior|JR\.,|Jr\.,)[ \t]*)?(?:(?:J\.|C\.\s?J\.|P\.\s?J\.|J\.A\.D\.|Judge|Justice|Circuit\s+Judge|Chief\s+Judge|Associate\s+Judge|Presiding\s+Judge|District\s+Judge|Chief\s+Justice|Associate\s+Justice|Senior\s+District\s+Judge|United\s+States\s+District\s+Judge|U\.S\.D\.J\.)[.:]?[ \t]*$|(?:Judge|Justice|Chief\s+Judge|Circuit\s+Judge|Associate\s+Judge|(?:[A-Z][a-z]+\s+){{1,3}}Judge):)"
    ))
    .unwrap()
});

/// `SELYA, Circuit Judge. This interlocutory appeal arises`: the author line run into
/// the first sentence, name in capitals.
static AUTHOR_RUNON: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*([A-Z][A-Z'\-]{2,}(?:[ \t]+[A-Z][A-Z.'\-]*){0,3}),[ \t]*(?:(?:Senior|Chief|Circuit|District|Associate|Presiding)[ \t]+)?(?:Judge|Justice|J\.)[.:][ \t]+[A-Z]").unwrap()
});

/// `¶ 1 LUNDSTEN J.` and `LAVINE, J.` with the name in capitals.
static AUTHOR_CAPS_J: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:¶[ \t]*1[ \t]+)?([A-Z][A-Z'\-]{2,}),?[ \t]+J\.[ \t]*$").unwrap()
});

/// Hearing details in a caption: `Judge: Edward M. Chen`.
static JUDGE_LABEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"\bJudge:[ \t]*(?:Hon\.[ \t]*|Honorable[ \t]+)?{NAME}"
    ))
    .unwrap()
});

static JUSTICE_DELIVERED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:Mr\.\s+)?(?:Chief\s+)?(?:JUSTICE|Justice)\s+([A-Z][A-Za-z'\-]+)(?:,[^\n]{0,60})?\s+delivered\s+the\s+(?:opinion|judgment)").unwrap()
});

/// `KAVANAUGH, J., delivered the opinion of the Court, in which ...`, `Rehnquist, C. J.,
/// delivered the opinion of the Court`: the author with a short title.
static SHORT_TITLE_DELIVERED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?m)^[ \t]*{NAME},[ \t]*(?:C\.[ \t]?J\.|J\.|P\.[ \t]?J\.|Sp\.[ \t]?J\.),?[ \t]+(?:delivered|announced)[ \t]+the[ \t]+(?:opinion|judgment)"
    ))
    .unwrap()
});

/// `Opinion by Judge Berzon` (Ninth Circuit), `Opinion by Judge Halligan.` (New York
/// Court of Appeals), the Superior Court of Pennsylvania's `OPINION BY BOWES, J.:` and
/// `MEMORANDUM BY FORD ELLIOTT, P.J.E.:`.
static OPINION_BY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?:Opinion|OPINION|Memorandum|MEMORANDUM)[ \t]+(?:by|BY):?[ \t]+(?:(?:Chief|CHIEF|Senior|SENIOR|Presiding|PRESIDING|Associate|ASSOCIATE|Circuit|CIRCUIT|District|DISTRICT)[ \t]+)*(?:Judge|JUDGE|Justice|JUSTICE)?[ \t]*{NAME}"
    ))
    .unwrap()
});

/// The title before the name on the author's own line: `Justice BEATTY.` (the Supreme
/// Court of South Carolina as case-law sites print it), `JUSTICE FEW:`.
static TITLE_FIRST_AUTHOR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:(?:Chief|CHIEF|Acting|ACTING)[ \t]+)?(?:Justice|JUSTICE)[ \t]+([A-Z][A-Za-z'\-]+)[.:][ \t]*$").unwrap()
});

/// `PER CURIAM.` as an opinion's author line: the court, no single judge.
static PER_CURIAM: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?m)^[ \t]*(?:PER CURIAM|Per Curiam)[.:]?[ \t]*$").unwrap());

/// `/s/ Name, United States District Judge` on one line.
static SIGNED_ONE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?m)/s/[ \t_]*{NAME}[ \t]*,[ \t]*(?:UNITED STATES |United States |U\.S\. |SENIOR |Senior |CHIEF |Chief )*(?:DISTRICT|District|MAGISTRATE|Magistrate|BANKRUPTCY|Bankruptcy|CIRCUIT|Circuit)[ \t]+(?:JUDGE|Judge)"
    ))
    .unwrap()
});

/// `/s/ Name` followed by a judge's title on the next lines.
static SIGNED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?m)^[ \t]*(?:/s/[ \t_]*\n?[ \t]*)?(?:Hon\.[ \t]+)?{NAME}[ \t]*,?[ \t]*\n\s*(?:UNITED STATES |United States |U\.S\. |SENIOR |Senior |CHIEF |Chief )*(?:DISTRICT|District|MAGISTRATE|Magistrate|BANKRUPTCY|Bankruptcy|CIRCUIT|Circuit)[ \t]+(?:JUDGE|Judge)"
    ))
    .unwrap()
});

/// `Signed by Judge William Alsup`.
static SIGNED_BY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"Signed\s+by\s+(?:(?:Senior|Chief|District|Magistrate|Bankruptcy)\s+)*Judge\s+{NAME}"
    ))
    .unwrap()
});

/// Words that end a judge's name as matched (titles after it).
fn trim_name(n: &str) -> String {
    let stop = [
        "UNITED",
        "United",
        "U.S.",
        "District",
        "DISTRICT",
        "Magistrate",
        "MAGISTRATE",
        "Chief",
        "Judge",
        "JUDGE",
        "Presiding",
        "Senior",
        "Circuit",
    ];
    let mut words: Vec<&str> = Vec::new();
    for w in n.split_whitespace() {
        if stop.contains(&w) {
            break;
        }
        words.push(w);
    }
    let s = words.join(" ");
    let s = s.trim_end_matches([',', ';']);
    // A trailing period belongs to an initial only ("Jr." aside).
    let s = if s.ends_with('.')
        && !s.to_lowercase().ends_with("jr.")
        && !s.to_lowercase().ends_with("sr.")
        && s.rsplit(' ').next().is_some_and(|w| w.len() > 2)
    {
        s.trim_end_matches('.')
    } else {
        s
    };
    proper_case(s)
}

fn plausible(n: &str) -> bool {
    let bad = [
        "The", "Court", "Per", "Curiam", "Before", "Present", "Opinion", "It", "So",
    ];
    !n.is_empty()
        && n.len() <= 40
        && !n.split_whitespace().any(|w| bad.contains(&w))
        && n.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// The assigned judge of a docket sheet; docket sheets name other judges (trial
/// judges below, referral judges) that are not the case's judge.
pub fn find_assigned(head: &str) -> Option<String> {
    ASSIGNED
        .captures_iter(head)
        .filter_map(|c| c.get(1).map(|m| trim_name(m.as_str())))
        .find(|n| plausible(n))
}

/// Find the judge in a filing's head (and signature at its end). `wide` is a longer
/// stretch of the start (slip opinions print a syllabus before the author line);
/// `appellate` says the court reviews others, so a `Hon.` in its head names the judge
/// below, not this court's.
pub fn find_judge(head: &str, wide: &str, tail: &str, appellate: bool) -> Option<String> {
    // A per curiam opinion is the court's: no judge, whatever the head names below it.
    if PER_CURIAM.is_match(head) || PER_CURIAM.is_match(wide) {
        return None;
    }
    let mut candidates: Vec<(&Lazy<Regex>, &str)> = vec![
        (&ASSIGNED, head),
        (&JUSTICE_DELIVERED, head),
        (&SHORT_TITLE_DELIVERED, head),
        (&OPINION_BY, head),
        (&TITLE_FIRST_AUTHOR, head),
        (&AUTHOR, head),
        (&AUTHOR_CAPS_J, head),
        (&AUTHOR_RUNON, head),
    ];
    if !appellate {
        candidates.extend([
            (&HONORABLE, head),
            (&JUDGE_LABEL, head),
            (&SIGNED, tail),
            (&SIGNED_ONE_LINE, tail),
            (&HONORABLE, tail),
            (&SIGNED_BY, head),
        ]);
    }
    candidates.extend([
        (&JUSTICE_DELIVERED, wide),
        (&SHORT_TITLE_DELIVERED, wide),
        (&OPINION_BY, wide),
        (&TITLE_FIRST_AUTHOR, wide),
        (&AUTHOR, wide),
        (&AUTHOR_RUNON, wide),
        (&AUTHOR_CAPS_J, wide),
        (&AUTHOR, tail),
    ]);
    for (re, text) in candidates {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(1) else { continue };
            if names_judge_below(text, m.start()) {
                continue;
            }
            let n = trim_name(m.as_str());
            if plausible(&n) {
                return Some(full_name(n, wide));
            }
        }
    }
    None
}

/// "Appeal from the District Court of Walsh County, ... the Honorable Barbara L.
/// Whelan, Judge.": the sentence naming the court below names its judge, not this
/// court's.
fn names_judge_below(text: &str, at: usize) -> bool {
    let mut start = at.saturating_sub(240);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[start..at];
    let sentence = before
        .rsplit_once("\n\n")
        .map_or(before, |(_, s)| s)
        .to_lowercase();
    sentence.contains("appeal from") || sentence.contains("appealed from")
}

/// A run of two to four capitalised words (`Jacqueline Scott Corley`, `KAREN S.
/// CRAWFORD`), with a generational suffix, on one line.
static NAME_RUN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b[A-Z][A-Za-z'\-]*\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?){1,3}(?:,?[ \t]+(?:Jr\.|JR\.|Sr\.|SR\.|II|III|IV))?").unwrap()
});

/// A judge's title near a name: on its line or the next.
static TITLE_NEAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:judge|justice|j\.|magistrate|hon\.|honorable)").unwrap());

/// The judge whose initials a docket number's suffix gives (`3:20-cv-04512-JSC`,
/// `3:17-cv-02366-BAS-KSC`), when the filing prints the full name: a name whose words'
/// initials are the suffix, with a judge's title (`Hon.`, `United States Magistrate
/// Judge`) on its line or the next, so that a title or a party's name is not taken.
/// `known`, a surname already read, must end the name.
pub fn by_initials(suffixes: &[&str], known: Option<&str>, text: &str) -> Option<String> {
    let groups: Vec<String> = suffixes
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_ascii_alphabetic()))
        .map(|g| g.trim_end_matches('x'))
        .filter(|g| (2..=4).contains(&g.len()) && g.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_string)
        .collect();
    if groups.is_empty() {
        return None;
    }
    for m in NAME_RUN.find_iter(text) {
        let words: Vec<&str> = m
            .as_str()
            .split_whitespace()
            .map(|w| w.trim_end_matches(','))
            .filter(|w| !matches!(*w, "Jr." | "JR." | "Sr." | "SR." | "II" | "III" | "IV"))
            .collect();
        for group in &groups {
            let n = group.len();
            // Any run of the words may be the name (`Hon. Karen S. Crawford`).
            for window in words.windows(n) {
                let initials: String = window.iter().filter_map(|w| w.chars().next()).collect();
                if initials != *group {
                    continue;
                }
                let name = trim_name(&window.join(" "));
                if !plausible(&name) || name.split_whitespace().count() != n {
                    continue;
                }
                if known.is_some_and(|k| !name.to_lowercase().ends_with(&k.to_lowercase())) {
                    continue;
                }
                let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[m.end()..]
                    .match_indices('\n')
                    .nth(1)
                    .map_or(text.len(), |(i, _)| m.end() + i);
                let around = format!(
                    "{} {}",
                    &text[line_start..m.start()],
                    &text[m.end()..line_end]
                );
                if !TITLE_NEAR.is_match(&around) {
                    continue;
                }
                return Some(name);
            }
        }
    }
    None
}

/// A judge named by surname alone ("Gomez, J.") under the full name the filing also
/// prints ("Fidel E. Gomez, J."): the full name.
fn full_name(surname: String, text: &str) -> String {
    if surname.contains(' ') || surname.len() < 2 {
        return surname;
    }
    let pat = format!(
        r"(?m)^[ \t]*((?:(?:[A-Z][a-z]+|[A-Z]\.)[ \t]+){{1,3}}{})(?:,[ \t]*(?:Jr\.|Sr\.|II|III))?,[ \t]+(?:J|S|JJ|C\.[ \t]?J|P\.[ \t]?J)\.",
        regex::escape(&surname)
    );
    Regex::new(&pat)
        .ok()
        .and_then(|re| re.captures(text))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or(surname)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lines_signatures_and_per_curiam() {
        let j = |h: &str| find_judge(h, h, "", true);
        // The Supreme Court's syllabus lineup, in capitals and in small capitals.
        assert_eq!(
            j("KAVANAUGH, J., delivered the opinion of the Court, in which ROBERTS,\nC. J., and THOMAS, BREYER, SOTOMAYOR, KAGAN, and GORSUCH, JJ.,\njoined.").as_deref(),
            Some("Kavanaugh")
        );
        assert_eq!(
            j("Rehnquist, C. J., delivered the opinion of the Court, in which O'Connor, Scalia, Kennedy, Souter, Thomas, and Breyer, JJ., joined.").as_deref(),
            Some("Rehnquist")
        );
        // The Ninth Circuit's and the New York Court of Appeals' "Opinion by".
        assert_eq!(
            j("Before: Marsha S. Berzon, Johnnie B. Rawlinson, and\nPaul J. Watford, Circuit Judges.\n\nOpinion by Judge Berzon\n").as_deref(),
            Some("Berzon")
        );
        assert_eq!(
            j("Judgment reversed, without costs. Opinion by Judge Halligan. Chief Judge Wilson and Judges Garcia and Singas concur.").as_deref(),
            Some("Halligan")
        );
        // Illinois' "delivered the judgment of the court, with opinion".
        assert_eq!(
            j("JUSTICE HALL delivered the judgment of the court, with opinion.\n").as_deref(),
            Some("Hall")
        );
        // Pennsylvania's Superior Court names the author after OPINION or MEMORANDUM.
        assert_eq!(
            j("BEFORE: McLAUGHLIN, J., SULLIVAN, J., and FORD ELLIOTT, P.J.E. *\n\nMEMORANDUM BY FORD ELLIOTT, P.J.E.: FILED AUGUST 3, 2026\n").as_deref(),
            Some("Ford Elliott")
        );
        assert_eq!(j("OPINION BY BOWES, J.:\n").as_deref(), Some("Bowes"));
        // Titles of several words before the colon: the Board of Immigration Appeals,
        // the Tax Court.
        assert_eq!(
            j("BEFORE: Board Panel: WILSON and GORMAN, Appellate Immigration Judges.\nGORMAN, Appellate Immigration Judge:\n").as_deref(),
            Some("Gorman")
        );
        assert_eq!(
            j("PANUTHOS, Chief Special Trial Judge: This case was heard").as_deref(),
            Some("Panuthos")
        );
        assert_eq!(j("Justice BEATTY.\n").as_deref(), Some("Beatty"));
        assert_eq!(j("JUSTICE FEW:\nWe granted").as_deref(), Some("Few"));
        // PACER's suffix without a period.
        assert_eq!(
            find_assigned("Assigned to: District Judge Stephen N. Limbaugh, Jr\n").as_deref(),
            Some("Stephen N. Limbaugh, Jr")
        );
        // A per curiam opinion names no single judge.
        assert_eq!(
            j("Before JONES, SMITH, and DENNIS, Circuit Judges.\nPER CURIAM:\nThe appeal"),
            None
        );
        assert_eq!(j("Per Curiam.\n\nSMITH, J., concurring."), None);
        // `/s/ Name, Title` on one line, and a state trial judge's signature block.
        assert_eq!(
            find_judge(
                "",
                "",
                "IT IS SO ORDERED.\n/s/ Jesus G. Bernal, United States District Judge\n",
                false
            )
            .as_deref(),
            Some("Jesus G. Bernal")
        );
        assert_eq!(
            find_judge(
                "",
                "",
                "Dated: May 1, 2020\nHON. ROBERT B. BROADBELT, JUDGE OF THE SUPERIOR COURT\n",
                false
            )
            .as_deref(),
            Some("Robert B. Broadbelt")
        );
        // Initials run together.
        assert_eq!(
            find_judge("Assigned to: Judge Alan H.W. Shiff\n", "", "", false).as_deref(),
            Some("Alan H.W. Shiff")
        );
        assert_eq!(
            find_judge(
                "Magistrate Judge Kevin S.C. Chang\nHon. Kevin S.C. Chang\n",
                "",
                "",
                false
            )
            .as_deref(),
            Some("Kevin S.C. Chang")
        );
    }

    #[test]
    fn initials_of_a_docket_number_name_the_judge_the_filing_prints() {
        let text = "Case No. 20-cv-04512-JSC\n...\nJACQUELINE SCOTT CORLEY\nUnited States Magistrate Judge\n";
        assert_eq!(
            by_initials(&["JSC"], None, text).as_deref(),
            Some("Jacqueline Scott Corley")
        );
        // The magistrate judge of `BAS-KSC` signed.
        let casd = "Case No.: 3:17-cv-02366-BAS-KSC\nDated: April 7, 2021\nHon. Karen S. Crawford\nUnited States Magistrate Judge";
        assert_eq!(
            by_initials(&["BAS-KSC"], Some("Crawford"), casd).as_deref(),
            Some("Karen S. Crawford")
        );
        // A party with other initials, or the same initials and no title, is no judge.
        assert_eq!(by_initials(&["JSC"], None, "John Smith, Plaintiff"), None);
        assert_eq!(
            by_initials(&["JSC"], None, "JOHN SMITH CORP.,\nPlaintiff,"),
            None
        );
    }

    #[test]
    fn forms() {
        let j = |h: &str| find_judge(h, "", "", false).unwrap_or_default();
        assert_eq!(
            j("Present: The Honorable JESUS G. BERNAL, UNITED STATES DISTRICT JUDGE\n"),
            "Jesus G. Bernal"
        );
        assert_eq!(j("Time: 1:30 P.M.\n\nHon. Donna M. Ryu\n"), "Donna M. Ryu");
        assert_eq!(
            j("Assigned to: Senior Judge Robert E. Coyle\n"),
            "Robert E. Coyle"
        );
        assert_eq!(j("Opinion\n\nLAVINE, J.\n\nThe defendant"), "Lavine");
        assert_eq!(j("ROBERT P. FRANK, Judge.\n"), "Robert P. Frank");
        assert_eq!(
            j(
                "Mr. Justice BREWER, after stating the facts as above, delivered the opinion of the court."
            ),
            "Brewer"
        );
        assert_eq!(find_judge("", "", "Dated: April 7, 2021\n\n/s/_________\n\nHon. Karen S. Crawford\n\nUnited States Magistrate Judge", false).unwrap(), "Karen S. Crawford");
        assert_eq!(
            j(
                "Before Howard, Chief Judge,\nSelya and Barron, Circuit Judges.\nTheodore J. Boutrous\nSELYA, Circuit Judge.\n"
            ),
            "Selya"
        );
        assert_eq!(
            j("GUSTAFSON, Judge: The Internal Revenue Service determined"),
            "Gustafson"
        );
        // The trial judge named in the "Appeal from" paragraph is not the author.
        let nd = "Appeal from the District Court of Walsh County, Northeast Judicial District, the Honorable\nBarbara L. Whelan, Judge.\n\nAFFIRMED.\n\nOpinion of the Court by Tufte, Justice.\n";
        assert_eq!(find_judge(nd, nd, "", true).unwrap(), "Tufte");
        // The surname of the reporter's heading, the full name of the author line.
        let head = "People v Hot\nLeo, J.\nThe People\nagainst\nAmela Hot\nDonald Leo, J.\n";
        assert_eq!(find_judge(head, head, "", false).unwrap(), "Donald Leo");
    }
}
