//! What kind of document a filing is (order, opinion, motion, notice, brief,
//! complaint, joint-statement, docket-sheet, other), from its title, or failing a
//! title from how its head reads (an opinion's author line, a clerk's letterhead).

use once_cell::sync::Lazy;
use regex::Regex;

/// Docket sheets announce themselves in their header.
static DOCKET_SHEET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)docket\s+for\s+case\s+#|general\s+docket|bankruptcy\s+petition\s+#|adversary\s+proceeding\s+#|case\s+summary|docket\s+search|case\s+information\s*\n|\bcase\s+detail\b")
        .unwrap()
});

/// Title keywords, in the order a title's first keyword decides.
const KINDS: &[(&str, &str)] = &[
    (
        r"joint\s+(?:case\s+management|status|discovery|stipulation|report|statement)",
        "joint-statement",
    ),
    (
        r"(?:memorandum\s+)?opinion(?:\s+and\s+order)?|slip\s+opinion|per\s+curiam",
        "opinion",
    ),
    (
        r"(?:memorandum\s+(?:and|&)\s+)?order\b|minutes?\b.*order|(?:decision|ruling)\s*(?:&|and)\s*order",
        "order",
    ),
    (
        // "MEMORANDUM BY KING, J.:" heads a Pennsylvania Superior Court decision;
        // "DECISION" alone heads an agency's (GAO's "Decision / Matter of:").
        r"memorandum\s+findings\s+of\s+fact\s+and\s+opinion|memorandum\.?$|memorandum\s+by\s+[A-Z]|decision\.?$",
        "opinion",
    ),
    (r"(?:notice\s+of\s+)?motion\b|application\b", "motion"),
    (
        r"notice\b|docketing\s+notice|entry\s+of\s+appearance",
        "notice",
    ),
    (
        r"brief\b|memorandum\s+of\s+points|response\b|reply\b|opposition\b",
        "brief",
    ),
    (r"complaint\b", "complaint"),
    // "JUDGMENT", "FINAL JUDGMENT", "JUDGMENT IN A CIVIL CASE"; a motion for judgment
    // reads as a motion above.
    (
        r"(?:(?:final|amended|default|partial|consent|summary)\s+)*judgment\b",
        "judgment",
    ),
    // Transcripts, declarations and exhibits are "other" in the gold data's scheme.
    (r"(?:reporter'?s\s+)?transcript\b|declaration\b", "other"),
];

static TITLE_KINDS: Lazy<Vec<(Regex, &'static str)>> = Lazy::new(|| {
    KINDS
        .iter()
        .map(|(p, k)| {
            // A party's possessive may precede the title: "DEFENDANT'S RESPONSE TO".
            let pat = format!(
                r"(?i)^\W{{0,4}}(?:(?:plaintiffs?|defendants?|government|petitioners?|respondents?|appellants?|appellees?)'?s?'?\s+)?(?:{p})"
            );
            (Regex::new(&pat).unwrap(), *k)
        })
        .collect()
});

/// Column separators of side-by-side captions; the title is in the right column.
static COLUMN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s[:)\]§]\s|^(?:Plaintiffs?|Defendants?)[,.]\s").unwrap());

/// A gap of three or more spaces between a caption's columns.
static WIDE_GAP: Lazy<Regex> = Lazy::new(|| Regex::new(r"[ \t]{3,}").unwrap());

/// A title that joins reasons and a ruling ("MEMORANDUM & ORDER", "RULING AND ORDER
/// ON ...", "DECISION AND ORDER"): an opinion when it decides with reasons.
static REASONED_ORDER_TITLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\W{0,4}(?:memorandum|ruling|decision)(?:\s+of\s+decision)?\s*(?:and|&)\s*order\b",
    )
    .unwrap()
});

/// The first line of a reasoned order's title set over two lines, as it ends
/// above "ORDER" (the other column's text and separators between).
static SPLIT_TITLE_HEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:memorandum|ruling|decision)[ \t]*(?:and|&)[ \t]*\n[^\n]*$").unwrap()
});

/// A district judge's author line opening the reasons: "VERNON D. OLIVER, United
/// States District Judge:", "Sarala V. Nagala, United States District Judge."
static DISTRICT_AUTHOR_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*[A-Z][A-Za-z.'\-]+(?:[ \t]+[A-Z][A-Za-z.'\-]*){1,4},?[ \t]+(?:(?:Senior|Chief)[ \t]+)?(?i:United[ \t]+States[ \t]+(?:District|Magistrate|Bankruptcy)[ \t]+Judge)[.:][ \t]*$").unwrap()
});

/// How an opinion's head reads: an author line, "delivered the opinion", a panel.
static OPINION_MARK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)delivered\s+the\s+(?:opinion|judgment\s+of\s+the\s+court,\s+with\s+opinion)|^[ \t]*(?:Chief[ \t]+)?(?:Justice|JUSTICE)[ \t]+[A-Z][A-Za-z'\-]+[.:][ \t]*$|opinion\s+of\s+the\s+court\s+was\s+delivered|^[ \t]*opinion(?:\s+of\s+the\s+court)?\b|^[ \t]*(?:¶\s*1\s+)?[A-Z][A-Z'\-]{2,}(?:[ \t]+[A-Z][A-Z.'\-]*){0,3}(?:,\s*(?:JR|Jr)\.)?,?[ \t]+(?:J\.A\.D\.|J\.|C\.\s?J\.|P\.\s?J\.|(?:Presiding|Chief|Associate|Circuit|District)?[ \t]*(?:Judge|Justice))[.:]?(?:[ \t]|$)|\b[A-Z][a-z]+,\s+(?:P\.J\.|C\.J\.|J\.),\s")
        .unwrap()
});

/// How a reported decision's head reads: a public-domain or slip-opinion citation on
/// its first lines ("2024 ND 143", "Cite as 2022 Ark. App. 51", "2019 NY Slip Op
/// 32654(U)", "2026 NY Slip Op 00028 [245 AD3d 423]"), "Decided on" a date, an author line "Fidel E. Gomez, J.", or a panel
/// "Before X, Y, and Z, Judges."
static DECISION_MARK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t]*(?:Cite[ \t]+as:?[ \t]+)?\d{4}[ \t]+(?:[A-Z][A-Za-z.]*[ \t]+){1,3}(?:Slip[ \t]+Op[ \t]+)?\d{1,6}(?:\(U\))?(?:[ \t]*\[[^\]\n]{1,40}\])?[ \t]*$",
        r"|(?m)^[ \t]*Decided(?:[ \t]+on)?:?[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}",
        r"|(?m)^[ \t]*(?:[A-Z][A-Za-z.'\-]*[ \t]+){1,3}[A-Z][A-Za-z'\-]+,[ \t]+(?:J|S|JJ|C\.[ \t]?J|P\.[ \t]?J)\.[ \t]*$",
        r"|(?m)^[ \t]*Before:?[ \t]+[A-Z][^\n]{0,120}\b(?:Judges|Justices)\.",
        r"|(?mi)^[ \t]*(?:published|unpublished)[ \t]+opinion\b",
    ))
    .unwrap()
});

/// What counsel file and a court does not: a paper signed "Respectfully submitted",
/// a letter to the clerk.
static COUNSEL_PAPER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?mi)\brespectfully\s+submitted\b|^[ \t]*dear[ \t]+[A-Z][^\n]{0,60}[:,][ \t]*$")
        .unwrap()
});

/// Whether `text` is signed or addressed as counsel's paper, not a court's.
pub fn counsel_paper(text: &str) -> bool {
    COUNSEL_PAPER.is_match(text)
}

/// Whether `text` reads like an opinion (an author line, "delivered the opinion").
pub fn opinion_marked(text: &str) -> bool {
    OPINION_MARK.is_match(text)
}

/// The Supreme Court's slip opinions: "(Slip Opinion) OCTOBER TERM, 2012" heads the
/// syllabus, whose sentences must not be read as titles.
static SLIP_OPINION: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?m)^\W*(?:\d+\s+)?\(Slip\s+Opinion\)").unwrap());

/// A letter's salutation ("Dear Counsel:", "Dear Mr. Keenan:"): what follows is the
/// letter's body, not a title.
static SALUTATION: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?m)^[ \t]*Dear[ \t]+[A-Z][^\n]{0,60}[:,][ \t]*$").unwrap());

/// A title printed with its letters spaced out ("O R D E R", "M E M O R A N D U M
/// O P I N I O N"): the words it spells, for words set two or more spaces apart;
/// `None` when the line is not spaced out.
fn unspaced(l: &str) -> Option<String> {
    let letters: Vec<&str> = l.split_whitespace().collect();
    if letters.len() < 3
        || !letters
            .iter()
            .all(|w| w.chars().count() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
    {
        return None;
    }
    let words: Vec<String> = l
        .trim()
        .split("  ")
        .filter(|w| !w.trim().is_empty())
        .map(|w| w.split_whitespace().collect::<String>())
        .collect();
    Some(words.join(" "))
}

/// A transcript's cover: the official court reporter who took it ("FEDERAL OFFICIAL
/// COURT REPORTER", "United States Official Court Reporter"). Transcripts are
/// `other` in this scheme, and their "Before The Honorable ..." is no opinion's panel.
static TRANSCRIPT_MARK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\bofficial\s+court\s+reporter\b").unwrap());

/// Orders without a title: "On order of the Court", "Denied." dispositions.
static ORDER_MARK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?mi)\bon\s+order\s+of\s+the\s+court\b|^[ \t]*(?:denied|granted|dismissed)\b[^\n]{0,3}$",
    )
    .unwrap()
});

/// A clerk's letter or notice: the clerk's office letterhead.
static CLERK_LETTER: Lazy<Regex> = Lazy::new(|| {
    // "Clerk of Court" alone is also how counsel address the clerk, so only the
    // letterhead forms count.
    Regex::new(r"(?i:office\s+of\s+the\s+clerk)|(?m)^[ \t]*Clerk(?:[ \t]*$|[ \t]+[A-Z]{2,})")
        .unwrap()
});

fn kind_of(l: &str) -> Option<&'static str> {
    let l = l.strip_prefix("Proceedings:").map(str::trim).unwrap_or(l);
    let caps_letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = !caps_letters.is_empty() && caps_letters.iter().all(|c| c.is_uppercase());
    for (re, kind) in TITLE_KINDS.iter() {
        if re.is_match(l) {
            return Some(kind);
        }
    }
    // "SUGGESTION OF REMAND AND TRANSFER ORDER": a capitals title ending in ORDER.
    if caps && (l.ends_with(" ORDER") || l.ends_with(" ORDER.")) {
        return Some("order");
    }
    None
}

/// A title after a caption's party name on the same line, as a side-by-side caption
/// reads once its columns are joined ("TRANSIT AUTHORITY, MEMORANDUM OPINION &
/// ORDER"): the first part after a comma that opens with a title's keyword, when the
/// words before it are no title themselves.
fn comma_title(l: &str) -> Option<&str> {
    l.match_indices(", ").find_map(|(i, _)| {
        let right = l[i + 2..].trim();
        (kind_of(&l[..i]).is_none() && TITLE_KINDS.iter().any(|(re, _)| re.is_match(right)))
            .then_some(right)
    })
}

/// [`find_doc_type`], then, for a head with no title that reads as nothing else, the
/// first pages: slip opinions and reporters' pages may reach the author line only on
/// page 2. A transcript's cover is not read further: its colloquy is no opinion.
pub fn find_doc_type_wide(head: &str, wide: &str) -> (Option<String>, Option<String>) {
    let (kind, title) = find_doc_type(head);
    if kind.as_deref() == Some("order")
        && let Some(t) = title.as_deref()
        && reasoned(head, t)
    {
        return (Some("opinion".into()), title);
    }
    let start: String = head.chars().take(1500).collect();
    if kind.as_deref() == Some("other")
        && title.is_none()
        && !TRANSCRIPT_MARK.is_match(&start)
        && opinion_marked(wide)
    {
        return (Some("opinion".into()), None);
    }
    (kind, title)
}

/// Whether an order titled `title` opens its reasons with its author's line, as an
/// opinion does: the line follows the title closely, above the body.
fn reasoned(head: &str, title: &str) -> bool {
    let Some(at) = head.find(title) else {
        return false;
    };
    // A title set over two lines of a column: "MEMORANDUM &" above "ORDER".
    let before = &head[super::court::floor_char(head, at.saturating_sub(120))..at];
    if !REASONED_ORDER_TITLE.is_match(title) && !SPLIT_TITLE_HEAD.is_match(before) {
        return false;
    }
    let after = &head[at..];
    let near = &after[..super::court::floor_char(after, 1500)];
    DISTRICT_AUTHOR_LINE.is_match(near)
}

/// Guess the document type from the head of the text; the second value is the title
/// line it was read from.
pub fn find_doc_type(head: &str) -> (Option<String>, Option<String>) {
    let window: String = head.chars().take(3000).collect();
    if DOCKET_SHEET.is_match(&window) {
        return (Some("docket-sheet".into()), None);
    }
    let start: String = head.chars().take(1500).collect();
    if SLIP_OPINION.is_match(&start) {
        return (Some("opinion".into()), None);
    }
    // A letter's titles are above its salutation; below it is the letter's body.
    let titled = SALUTATION.find(head).map_or(head, |m| &head[..m.start()]);
    // Titles are printed in capitals; prefer a capitals line, then any short line.
    for caps_only in [true, false] {
        for line in titled.lines().take(200) {
            let spelled = unspaced(line);
            let l = spelled.as_deref().unwrap_or(line);
            let l = l.trim().trim_start_matches(['*', '_', '[']).trim();
            if l.len() < 4 || (!caps_only && l.len() > 90 && !l.starts_with("Proceedings:")) {
                continue;
            }
            let letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
            // Mostly capitals: titles keep "and"/"of" lower case now and then.
            let upper = letters.iter().filter(|c| c.is_uppercase()).count();
            let caps = !letters.is_empty() && upper * 10 >= letters.len() * 8;
            if caps_only && !caps {
                continue;
            }
            // Side-by-side captions put the title after a column separator.
            // Wide gaps also part columns ("TRANSIT AUTHORITY,      MEMORANDUM
            // OPINION & ORDER"); the right column is read before the whole line,
            // whose last word alone would say "order".
            let mut segments: Vec<&str> = WIDE_GAP
                .split(l)
                .skip(1)
                .map(|s| {
                    s.trim()
                        .trim_start_matches([':', ')', ']', '§', '|'])
                        .trim()
                })
                .collect();
            segments.extend(comma_title(l));
            segments.push(l);
            segments.extend(COLUMN.split(l).skip(1).map(str::trim));
            if let Some(m) = COLUMN.find(l) {
                segments.push(l[m.end()..].trim());
            }
            for seg in segments {
                if seg.len() >= 4
                    && let Some(kind) = kind_of(seg)
                {
                    return (Some(kind.to_string()), Some(seg.to_string()));
                }
            }
        }
    }
    if TRANSCRIPT_MARK.is_match(&start) {
        return (Some("other".into()), None);
    }
    if CLERK_LETTER.is_match(&start[..super::court::floor_char(&start, titled.len())]) {
        return (Some("notice".into()), None);
    }
    if ORDER_MARK.is_match(&start) {
        return (Some("order".into()), None);
    }
    if OPINION_MARK.is_match(head) || DECISION_MARK.is_match(&start) {
        return (Some("opinion".into()), None);
    }
    if head.trim().is_empty() {
        return (None, None);
    }
    (Some("other".into()), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let k = |h: &str| find_doc_type(h).0.unwrap_or_default();
        assert_eq!(
            k("CIVIL DOCKET FOR CASE #: 3:08-cv-00159-WHA"),
            "docket-sheet"
        );
        assert_eq!(
            k(
                "U.S. Bankruptcy Court\nNorthern District of Ohio (Akron)\nAdversary Proceeding #: 10-05021-mss\nAssigned to: JUDGE MARILYN SHEA-STONUM"
            ),
            "docket-sheet"
        );
        assert_eq!(
            k("Opinion\n\nCase No.: 3:17\n\nORDER: (1) GRANTING IN PART"),
            "order"
        );
        assert_eq!(k("**JOINT CASE MANAGEMENT\nSTATEMENT**"), "joint-statement");
        assert_eq!(k("Proceedings: Order (1) GRANTING Plaintiffs"), "order");
        assert_eq!(
            k("Plaintiff, ORDER GRANTING MOTION FOR\nATTORNEY'S FEES"),
            "order"
        );
        assert_eq!(k("STEVE JOHNSON, et al., : OPINION\n"), "opinion");
        assert_eq!(k("Opinion\n\nLAVINE, J.\n\nThe defendant"), "opinion");
        assert_eq!(
            k("Hatcher v. State\nJustice BEATTY.\nWe granted"),
            "opinion"
        );
        assert_eq!(
            k("People v. Lee\nJUSTICE HALL delivered the judgment of the court, with opinion.\n"),
            "opinion"
        );
        assert_eq!(k("DEFENDANT'S RESPONSE TO\nGOVERNMENT'S REQUEST"), "brief");
        assert_eq!(k("REPORTER'S TRANSCRIPT OF PROCEEDINGS"), "other");
        assert_eq!(
            k("On order of the Court, the application for leave to appeal is DENIED"),
            "order"
        );
        assert_eq!(
            k("Voluntary Petition for Individuals Filing for Bankruptcy"),
            "other"
        );
        // Reported decisions' heads, from two reporters each.
        assert_eq!(k("2024 ND 143\n\nRonald Wootan, Petitioner"), "opinion");
        assert_eq!(
            k("Cite as 2022 Ark. App. 51\nARKANSAS COURT OF APPEALS"),
            "opinion"
        );
        assert_eq!(
            k("Deboer v Friedman\n2019 NY Slip Op 32654(U)\nSeptember 4, 2019"),
            "opinion"
        );
        // A reported slip opinion with its official citation in brackets.
        assert_eq!(
            k("People v Seymore\n2026 NY Slip Op 00028 [245 AD3d 423]\nJanuary 6, 2026"),
            "opinion"
        );
        assert_eq!(
            k(
                "2018 NY Slip Op 50128(U) [58 Misc 3d 1215(A)]\nCriminal Court of the City of New York"
            ),
            "opinion"
        );
        assert_eq!(
            k("Decided on December 12, 2023\nSupreme Court, Bronx County"),
            "opinion"
        );
        assert_eq!(
            k("Smith v Jones\n\nFidel E. Gomez, J.\n\nIn this action"),
            "opinion"
        );
        assert_eq!(
            k("NO. 20-4372\nBefore GREENBERG, MEREDITH, and LAURER, Judges.\n"),
            "opinion"
        );
    }

    #[test]
    fn spaced_titles_slip_opinions_letters_and_judgments() {
        let k = |h: &str| find_doc_type(h).0.unwrap_or_default();
        // The Seventh Circuit's letter-spaced title, and a spaced two-word title.
        assert_eq!(
            k(
                "By the Court:\nNo. 17-2400\nDefendant-Appellant. ]\n\nO R D E R\n\nThe court, on its own initiative"
            ),
            "order"
        );
        assert_eq!(k("M E M O R A N D U M   O P I N I O N\n"), "opinion");
        assert_eq!(unspaced("A B"), None);
        assert_eq!(unspaced("ORDER"), None);
        // Two terms' slip opinions: the syllabus is no title.
        assert_eq!(
            k(
                "1 (Slip Opinion) OCTOBER TERM, 2012\n\nSyllabus\n\napplication because of Oklahoma water laws"
            ),
            "opinion"
        );
        assert_eq!(
            k("(Slip Opinion) OCTOBER TERM, 2025 1\nSyllabus\nNOTE: Where it is feasible"),
            "opinion"
        );
        // A clerk's letter lists forms to file below its salutation.
        let letter = "UNITED STATES COURT OF APPEALS\nFOR THE SIXTH CIRCUIT\n\nDeborah S. Hunt\nClerk\n100 EAST FIFTH STREET\n\nRe: Case No. 17-3994, Island Creek Coal Company v. Linda Hill, et al\n\nDear Counsel:\n\nThe following forms should be filed.\nAppearance of Counsel\nApplication for Admission to 6th Circuit Bar (if applicable)\n";
        assert_eq!(k(letter), "notice");
        let letter2 = "OFFICE OF THE CLERK\nUNITED STATES COURT OF APPEALS\n\nDear Mr. Smith:\n\nMOTION FOR EXTENSION OF TIME\nYour motion was received.";
        assert_eq!(k(letter2), "notice");
        assert_eq!(
            k("FINAL JUDGMENT\n\nPursuant to the Court's order"),
            "judgment"
        );
        assert_eq!(k("JUDGMENT IN A CIVIL CASE\n"), "judgment");
        assert_eq!(k("MOTION FOR SUMMARY JUDGMENT\n"), "motion");
    }

    #[test]
    fn reasoned_orders_appellate_memoranda_and_agency_decisions() {
        let k = |h: &str| find_doc_type_wide(h, h).0.unwrap_or_default();
        // A title in a right column set apart by a wide gap (N.D. Ohio).
        assert_eq!(
            k(
                "                  GREATER CLEVELAND REGIONAL\n                  TRANSIT AUTHORITY,                             MEMORANDUM OPINION & ORDER\n"
            ),
            "opinion"
        );
        // The same caption with its columns joined by extraction.
        assert_eq!(
            k("GREATER CLEVELAND REGIONAL\nTRANSIT AUTHORITY, MEMORANDUM OPINION & ORDER\n"),
            "opinion"
        );
        assert_eq!(
            k("ORDER ON MOTION TO DISMISS, NOTICE OF HEARING\n"),
            "order"
        );
        // Memoranda and rulings with orders that open with the judge's author line
        // (D. Conn., two judges); a title over two column lines.
        assert_eq!(
            k(
                "                                                                   : MEMORANDUM &\n                -against-                                          : ORDER\n                                                                   :\nVERNON D. OLIVER, United States District Judge:\n\n           Appellant-Debtor appeals"
            ),
            "opinion"
        );
        assert_eq!(
            k(
                "                            RULING AND ORDER ON DEFENDANTS\u{2019} MOTION TO DISMISS\n\n              Sarala V. Nagala, United States District Judge.\n\n                      In this action"
            ),
            "opinion"
        );
        // Without an author line the same title is an order.
        assert_eq!(
            k(
                "RULING AND ORDER ON DEFENDANTS' MOTION TO DISMISS\n\nThe motion is granted.\n\n/s/ Sarala V. Nagala\nUnited States District Judge"
            ),
            "order"
        );
        // Pennsylvania Superior Court memoranda, from two appeals.
        assert_eq!(
            k(
                "BEFORE:      McLAUGHLIN, J., SULLIVAN, J., and FORD ELLIOTT, P.J.E. *\n\nMEMORANDUM BY FORD ELLIOTT, P.J.E.:                FILED AUGUST 3, 2026\n\n       Order affirmed."
            ),
            "opinion"
        );
        assert_eq!(
            k(
                "BEFORE: STABILE, J., KING, J., and STEVENS, P.J.E.*\nMEMORANDUM BY KING, J.: FILED MAY 22, 2020\nAppellant appeals from the orders"
            ),
            "opinion"
        );
        // GAO's bid protest decisions, from two protests.
        assert_eq!(
            k(
                "Comptroller General\nof the United States\n\nDecision\nMatter of:\n\nDavos Francois\n\nFile:\n\nB-424592\nDIGEST\n1. Allegation is denied\nDECISION\nDavos Francois protests"
            ),
            "opinion"
        );
        assert_eq!(
            k(
                "Decision\n\nMatter of: Dixon Group, Inc.\n\nFile: B-402118\n\nDIGEST\n\n1. Where solicitation provided\n\nDECISION\n\nDixon protests"
            ),
            "opinion"
        );
    }
}
