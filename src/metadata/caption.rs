//! The caption: who sues whom, and the short case name built from it.
//!
//! Captions come in three shapes: a pleading-paper block (parties, role word, `v.`,
//! parties, role word), a one-line caption (`X, Plaintiffs, v. Y, Defendants.`) as
//! case-law sites and minute orders print it, and a title line (`Title X v. Y`,
//! `Case title: USA v. Doe`, `Re: X v. Y`). The side left of `v.` is reported as
//! plaintiffs and the right as defendants whatever the role words say, because that is
//! how a reader (and the gold data) understands a caption.

use once_cell::sync::Lazy;
use regex::Regex;

use super::case_name::{body_surname, is_person, short_sovereign};
use super::names::{is_all_caps, proper_case};

/// Parties found in a caption.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caption {
    /// Plaintiffs (petitioners, appellants), as printed in proper case.
    pub plaintiffs: Vec<String>,
    /// Defendants (respondents, appellees), as printed in proper case.
    pub defendants: Vec<String>,
    /// The caption says "et al." on either side.
    pub et_al: bool,
    /// `In re X` matters have no sides; the subject is kept here.
    pub in_re: Option<String>,
    /// A case name printed as such (a clerk's short title), when the sides are unknown.
    pub short_name: Option<String>,
}

impl Caption {
    /// Short case name: first plaintiff v. first defendant, persons by surname.
    pub fn case_name(&self) -> Option<String> {
        self.case_name_in("")
    }

    /// Short case name, with a person's surname as the filing's `body` uses it
    /// (compound surnames: "Zepeda Rivas", not "Rivas").
    pub fn case_name_in(&self, body: &str) -> Option<String> {
        if let Some(s) = &self.in_re {
            return Some(format!("In re {s}"));
        }
        if let Some(s) = &self.short_name {
            return Some(s.clone());
        }
        let p = self.plaintiffs.first()?;
        let d = self.defendants.first()?;
        let short = |n: &str, first: bool| {
            body_surname(n, body).unwrap_or_else(|| short_sovereign(n, first))
        };
        Some(format!("{} v. {}", short(p, true), short(d, false)))
    }
}

/// A line that is only the `v.` between the sides.
static V_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:v|vs|versus)\.?:?\s*$|^\s*-?\s*against\s*-?\s*$").unwrap()
});

/// A `v.` with the right column's text run into it (`v. DATE: OCTOBER 10, 2019`),
/// accepted only right after a role word line.
static V_START: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^\s*(?:v|vs)\.\s*:?\s+\S").unwrap());

/// Right-column text run into a caption line by side-by-side layouts: case number,
/// hearing details, document title. What follows it on the line is not a party.
static JUNK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s*(?:\b(?i:case\s+no\b|case\s+number\b|civil\s+action\b)|\bDATE:|\bTIME:|\bCOURTROOM|\bCTRM|\bJUDGE:|\bDept\.?:|\bHon\.|\bHonorable\b|\b(?:DEFENDANTS?|PLAINTIFFS?|GOVERNMENT)'?S?'?\s+(?:NOTICE|MOTION|RESPONSE|REPLY|OPPOSITION|MEMORANDUM|ADMINISTRATIVE|STATEMENT)|\bNOTICE\s+OF\b|\bMOTION\b|\bMEMORANDUM\b|\bOPINION\b|\bCOMPLAINT\b|\bDEMAND\s+FOR\s+JURY\b|\bJURY\s+TRIAL\s+DEMANDED\b|\bDECLARATION\b|\bORDER\b|\bJUDGMENT\b|\bPRELIMINARY\s+INJUNCTION\b|\b(?:Record|Docket|Index|Appeal|Case|RECORD|DOCKET|INDEX|APPEAL|CASE)\s+(?:No|NO)\b|\bDECISION\s*(?:AND|\+|&)|\bAdv(?:ersary)?\.?\s+Pro(?:c|ceeding)?\b|\[PROPOSED\]|\(REDACTED\)|\b\d{1,2}:\d{2}-[a-zA-Z]{2,3}-\d+|\b\d{2}-[a-zA-Z]{2}-\d{3,}|\bNo\.\s*(?:MDL\s*)?\d)")
        .unwrap()
});

/// A role word list, as printed after a side: `Plaintiffs,`, `Plaintiff, Appellant,`,
/// `Plaintiffs-Appellants/Cross-Respondents,`, `Real Party in Interest.`
const ROLE: &str = r"(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|counter-?\s?(?:claimants?|defendants?|plaintiffs?)|cross-?\s?(?:appellants?|appellees?|respondents?|petitioners?)|real\s+part(?:y|ies)\s+in\s+interest|intervenors?|creditors?|movants?|claimants?|debtors?|libellants?|relators?|in\s+error)(?:\s+below)?";

static ROLE_RUN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|,|\s)\s*(?:the\s+)?{ROLE}(?:\s*(?:[-/,—–]|and)\s*{ROLE})*\s*(?:[.,;:]|$)"
    ))
    .unwrap()
});

/// The one-line caption: `X, Plaintiffs, v. Y, Defendants.`
static ONE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^(.{{3,600}}?),?\s+{ROLE}(?:\s*(?:[-/,—–]|\band\b)\s*{ROLE})*\s*,?\s+(?:v|vs|versus)\.?\s+(.{{3,900}}?),?\s+{ROLE}(?:\s*(?:[-/,—–]|\band\b)\s*{ROLE})*\.?\s*$"
    ))
    .unwrap()
});

/// A title line naming the case: `Title X v. Y`, `Case title: X v. Y`, `RE: X v. Y`,
/// `Short Title: X v. Y`, or a bare `X v. Y` line.
static TITLE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:case\s+)?title:?|short\s+title:|re:|full\s+case\s+caption:)?\s*(?:case\s+(?:no\.?|number:?)\s*[\w:-]+,?\s*)?(.{2,200}?)\s+(?:v|vs)\.?\s+(.{2,200}?)\s*$")
        .unwrap()
});

static IN_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*in\s+re:?\s+(.{2,200}?)[,.]?\s*$").unwrap());

/// Lines that end a caption block when walking away from the `v.`.
static STOP_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bcourt\b|\bcalendar\b|\bdistrict\s+of\b|\bcircuit\b|\bdivision\b|\bcase\s+no|^\s*no\.|^\s*nos\.|\bdocket\b|^_{3,}|^-{3,}|\bdocument\b.*\bfiled\b|^\s*(?:order|opinion|memorandum|motion|notice|brief|complaint|judgment)\b|\bappeal\s+from\b|\bfiled\b|\bdecided\b|\bargued\b|\bsubmitted\b|^\s*present:|\bproceedings\b|published by|\bslip op\b|^\s*before\b|^\s*syllabus\b|litigation\s*$|^\s*certiorari\b|^\s*on\s+(?:appeal|petition|writ)\b|^\s*\(slip|\bjudge\b|:\s*$|^\s*\[|\bdate:|\bclerk\b|\baction\s+no\b|\bthis\s+decision\b|\b\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.|F\.\s?(?:2d|3d|4th|Supp))|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}")
        .unwrap()
});

/// Official titles that precede an official's capacity and are not parties.
static TITLE_PIECE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?(?:(?:acting|interim|former|deputy|assistant|executive|senior|chief)\s+)*(?:secretary|governor|director|commissioner|administrator|attorney\s+general|chief|warden|sheriff|chancellor|chairperson|chairman|chair|president|mayor|superintendent|branch\s+head|head|officer|agent|judge|treasurer|comptroller|auditor)\b")
        .unwrap()
});

/// Descriptive pieces that are not parties: capacities, "an infant by...", corporate
/// domicile.
static DESCRIPTOR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:individually|in\s+(?:his|her|their|its)\b|official\s+capacity|on\s+behalf|as\s+|an?\s+|by\s+|for\s+|the\s+estate|surviving|deceased|doing\s+business|d/b/a|dba\b|aka\b|a/k/a|f/k/a|fka\b|et\s+al|et\s+ux|and\s+others|on\s+(?:his|her)|who\s|minor|through\s|next\s+friend|personally|\(|successor|substituted)")
        .unwrap()
});

/// Comma pieces that belong to the previous name: corporate and personal suffixes.
static SUFFIX_PIECE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:inc\.?|incorporated|llc\.?|l\.l\.c\.|ltd\.?|co\.?|corp\.?|p\.c\.|p\.a\.|n\.a\.|l\.p\.|llp|pllc|s\.c\.|m\.d\.|jr\.?|sr\.?|ii|iii|iv|esq\.?|crna|ex\s+rel\..*|s\.a\.|a\.g\.|gmbh|plc)$")
        .unwrap()
});

static SUFFIX_AND: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?is)^(inc\.?|incorporated|llc\.?|l\.l\.c\.|ltd\.?|co\.|corp\.|p\.c\.|p\.a\.|llp|pllc|crna|m\.d\.|esq\.?|jr\.|sr\.|ii|iii)\s+(?:and|&)\s+(.+)$|^(inc\.?|llc\.?|ltd\.?|corp\.?)\s+((?:dba|d/b/a)\s+.+)$")
        .unwrap()
});

/// Fictitious defendants and other non-parties.
static NOT_PARTY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:does?\s+\d|does?\s+one|john\s+does?\s*\d|inclusive\b|all\s+others|similarly\s+situated|below$|above$)|^(?:and|or|the|of)$|\b(?:to|of|for|and|the|in|or|an|its|under|with|TO|OF|FOR|AND|THE|IN|OR|AN|ITS|UNDER|WITH)$|\s(?:a|A)$|\d\(|^\d{1,2}:\d{2}|^chapter\s+\d|^in\s+the\s+alternative|^adv\.?\s+pro")
        .unwrap()
});

static FOOTNOTE_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"([.A-Za-z])\d{1,2}\.?$").unwrap());
static FOOTNOTE_START: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,2}\s+([a-z])").unwrap());

/// `United States Marshal`: an office held by the party before it, not a party.
static OFFICE_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:united\s+states|u\.s\.|state|county|city)\s+(?:marshal|attorney|secretary|sheriff|treasurer)$").unwrap()
});

static ALIAS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\s+(?:aka|a/k/a|f/k/a|fka|also\s+known\s+as)\s.*$").unwrap());
static LOWER_PAREN: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*\([a-z][^)]*\)").unwrap());

static FRAG_DIGITS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\d\(").unwrap());

static ET_AL: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i),?\s*\bet\s+al\b\.?,?").unwrap());

/// Column junk from side-by-side captions: `)`, `]`, `§` separators and what follows.
fn left_column(line: &str) -> &str {
    for sep in [" )", " ]", " §", " :", ")", "]"] {
        if let Some(i) = line.find(sep) {
            // A closing paren that closes an opening one in the name is not a separator.
            let before = &line[..i];
            if sep.ends_with(')') && before.contains('(') {
                continue;
            }
            // "individual); and LIEW YEW SOON": a wrapped parenthetical closing.
            let after = line[i + sep.len()..].trim_start();
            if sep.ends_with([')', ']']) && after.starts_with([';', ',', '.']) {
                continue;
            }
            // "In re:" and "v.:" keep their colon.
            if sep == " :" && before.trim().is_empty() {
                return "";
            }
            return before;
        }
    }
    line
}

fn clean_line(line: &str) -> String {
    let l = left_column(line).replace(['*', '\u{2020}'], "");
    let l = l.trim().trim_start_matches('_').trim();
    // Document titles in the right column: "MANNING IN SUPPORT OF UBER".
    if is_all_caps(l) && (l.contains(" IN SUPPORT OF") || l.contains(" IN OPPOSITION TO")) {
        return String::new();
    }
    // "(ECF No. 26)", "(REDACTED)", ": PRETRIAL DETENTION": the right column.
    if (l.starts_with('(') && l.ends_with(')')) || l.starts_with([':', ')', ']', '§']) {
        return String::new();
    }
    static HAS_V: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\s(?:v|vs)\.?\s").unwrap());
    if HAS_V.is_match(l) {
        // One-line captions and title lines carry both sides; nothing to cut.
        return l.to_string();
    }
    // "Plaintiffs, DEFENDANT GOOGLE LLC'S": the role ends the left column.
    let l = match ROLE_START.find(l) {
        Some(m) if m.end() < l.len() => &l[..m.end()],
        _ => l,
    };
    // "APPLE INC., et al., DISMISS, OR, IN THE": "et al." ends a side's list.
    let l = match ET_AL_END.find(l) {
        Some(m) if m.end() < l.len() => &l[..m.end()],
        _ => l,
    };
    let l = match JUNK.find(l) {
        // Keep a lone junk line recognisable (it may be a stop line), cut it otherwise.
        Some(m) if m.start() > 0 => &l[..m.start()],
        _ => l,
    };
    l.trim().to_string()
}

static ROLE_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:the\s+)?{ROLE}(?:\s*(?:[-/,—–]|\band\b)\s*{ROLE})*\s*[.,]"
    ))
    .unwrap()
});

static ET_AL_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bet\s+al\.?,?").unwrap());

/// Pieces of a document title broken over lines in the right column
/// ("SERVICES' APPLICATION FOR A", "CIV. P. 12(B)(3) MOTION TO"), and lines without
/// Latin letters (stamps, garbled text).
fn is_fragment(l: &str) -> bool {
    static TAIL: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"\s(?:TO|FOR|A|AN|THE|ITS|IN|UNDER|WITH|ON|OR)$").unwrap());
    let garbled = !l.chars().any(|c| c.is_ascii_alphabetic()) && l.chars().any(char::is_alphabetic);
    garbled || (is_all_caps(l) && TAIL.is_match(l))
}

static DEBTOR_LINE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^debtors?\.?$").unwrap());

fn is_junk_line(l: &str) -> bool {
    JUNK.find(l).is_some_and(|m| m.start() == 0)
}

/// Parse the caption from the head of a filing.
pub fn find_caption(head: &str) -> Option<Caption> {
    let lines = caption_lines(head);
    if let Some(c) = block_caption(&lines) {
        return Some(c);
    }
    other_caption(&lines)
}

/// Only a caption with `v.` on a line of its own (docket pages use this: their
/// one-line titles are read separately).
pub fn find_block_caption(head: &str) -> Option<Caption> {
    block_caption(&caption_lines(head))
}

/// A reported decision's citation heading its caption ("2024 ND 143", "Cite as 2022
/// Ark. App. 51", "2019 NY Slip Op 32654(U)"): not part of the case name.
static CITATION_HEADING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Cite[ \t]+as:?[ \t]+)?\d{4}[ \t]+(?:[A-Z][A-Za-z.]*[ \t]+){1,3}(?:Slip[ \t]+Op[ \t]+)?\d{1,6}(?:\(U\))?$")
        .unwrap()
});

static STATE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:of\s+the\s+)?(?:state|commonwealth)\s+of\s+[a-z]+(?:\s+[a-z]+)?$").unwrap()
});
static COURT_LINE_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:court|appeals|of\s+the)$").unwrap());

fn caption_lines(head: &str) -> Vec<String> {
    // "TARRANT REGIONAL WATER DISTRICT v." puts the v. at the end of the left side.
    let mut lines: Vec<String> = Vec::new();
    // Blank lines are kept: they separate a caption's party block from a document
    // title printed above it.
    let mut kept = 0;
    for (l, raw) in head.lines().map(|r| (clean_line(r), r)) {
        // A citation heading, or the state's name finishing a court's name over two
        // lines ("IN THE SUPREME COURT" / "STATE OF NORTH DAKOTA"), is not a party.
        let court_state = STATE_LINE.is_match(&l)
            && lines
                .iter()
                .rev()
                .find(|p| !p.is_empty())
                .is_some_and(|p| COURT_LINE_END.is_match(p));
        let l = if CITATION_HEADING.is_match(&l) || court_state {
            String::new()
        } else {
            l
        };
        if l.is_empty() && !raw.trim().is_empty() && !CITATION_HEADING.is_match(raw.trim()) {
            // A line cleaned away entirely (column junk) is no separator.
            continue;
        }
        if !l.is_empty() {
            kept += 1;
            if kept > 400 {
                break;
            }
        }
        match l.strip_suffix(" v.").or_else(|| l.strip_suffix(" vs.")) {
            Some(left) if is_all_caps(left) || ends_with_role(left) => {
                lines.push(left.to_string());
                lines.push("v.".into());
            }
            _ => lines.push(l),
        }
    }
    lines
}

fn other_caption(lines: &[String]) -> Option<Caption> {
    for l in lines {
        if let Some(c) = ONE_LINE.captures(l) {
            let (p, d) = (c.get(1)?.as_str(), c.get(2)?.as_str());
            let mut cap = Caption::default();
            fill_side(p, &mut cap.plaintiffs, &mut cap.et_al);
            fill_side(d, &mut cap.defendants, &mut cap.et_al);
            if !cap.plaintiffs.is_empty() && !cap.defendants.is_empty() {
                return Some(cap);
            }
        }
    }
    static IN_RE_ALONE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^\s*in\s+re:?\s*$").unwrap());
    for (k, l) in lines.iter().enumerate().take(80) {
        // "IN RE: § CASE NO. 21-30587" / "GULF COAST MARINE SERVICES, LLC, §" / "Debtor.":
        // the subject on the line below a bare "In re:".
        if IN_RE_ALONE.is_match(l)
            && let Some(n) = lines[k + 1..].iter().find(|n| !n.is_empty())
            && !STOP_LINE.is_match(n)
            && !DEBTOR_LINE.is_match(n)
        {
            let subject = strip_et_al(n);
            let subject = ROLE_RUN.replace_all(&subject, "");
            let subject = subject.trim().trim_end_matches([',', '.']).trim();
            if subject.len() >= 2 && subject.len() < 150 {
                return Some(Caption {
                    in_re: Some(proper_case(subject)),
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
            let subject = strip_et_al(c.get(1)?.as_str());
            let subject = ROLE_RUN
                .replace_all(&subject, "")
                .trim()
                .trim_end_matches(',')
                .to_string();
            if !subject.is_empty() && subject.len() < 150 {
                return Some(Caption {
                    in_re: Some(proper_case(&subject)),
                    ..Caption::default()
                });
            }
        }
    }
    title_line_caption(lines)
}

fn title_line_caption(lines: &[String]) -> Option<Caption> {
    static PROSE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^(?:see|cf\.|in|but|and|accord|quoting|citing)\b|\(quoting|\bat\s+\d|\d+\s+F\.|\bWL\b|\bcir\.")
            .unwrap()
    });
    let nonempty: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).take(40).collect();
    for (k, l) in nonempty.iter().enumerate() {
        // A clerk's "Short Title:" field wraps onto the next line ("... v. National" /
        // "Football League Playe").
        let joined;
        let l: &String = match nonempty.get(k + 1) {
            Some(next)
                if l.to_lowercase().starts_with("short title:")
                    && !next.contains(':')
                    && next.split_whitespace().count() <= 6 =>
            {
                joined = format!("{l} {next}");
                &joined
            }
            _ => l,
        };
        let renum = RE_NUMBER.replace(l, "$1");
        let l = renum.as_ref();
        if l.len() > 250 || l.contains("Slip Op") || PROSE.is_match(l) {
            continue;
        }
        let Some(c) = TITLE_LINE.captures(l) else {
            continue;
        };
        // "Olena V. Ripnick-O'Farrell": a capital V. in mixed case is an initial.
        if !is_all_caps(l) && (l.contains(" V. ") || l.contains(" VS. ")) && !l.contains(" v") {
            continue;
        }
        let (p, d) = (c.get(1)?.as_str(), c.get(2)?.as_str());
        // Prose sentences also contain " v. " (citations); a title line is short and
        // starts with a capital.
        if !p
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
        {
            continue;
        }
        if p.split_whitespace().count() > 14 || d.split_whitespace().count() > 14 {
            continue;
        }
        if d.contains(" U.S. ")
            || d.contains(" F.")
            || d.chars().any(|ch| ch == '(') && d.contains(')') && d.contains("Cir")
        {
            continue;
        }
        let mut cap = Caption::default();
        fill_side(p, &mut cap.plaintiffs, &mut cap.et_al);
        fill_side(d, &mut cap.defendants, &mut cap.et_al);
        if !cap.plaintiffs.is_empty() && !cap.defendants.is_empty() {
            // A "Short Title:" is abbreviated by the clerk: it names the case, but its
            // cut-off names are not the parties.
            if l.to_lowercase().trim_start().starts_with("short title") {
                cap.short_name = cap.case_name();
                cap.plaintiffs.clear();
                cap.defendants.clear();
            }
            return Some(cap);
        }
    }
    None
}

/// `RE: 21-3390 Kowalski v. Union Pacific`: the clerk's docket number before the name.
static RE_NUMBER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(re:?\s+)(?:(?:case\s+)?nos?\.?\s*)?\d[\w:-]*\d,?\s+").unwrap());

/// Whether two captions name the same first plaintiff and first defendant (loosely:
/// one's names may be the other's shortened).
pub fn same_first_parties(a: &Caption, b: &Caption) -> bool {
    let close = |x: Option<&String>, y: Option<&String>| match (x, y) {
        (Some(x), Some(y)) => {
            let (x, y) = (super::names::loose(x), super::names::loose(y));
            !x.is_empty() && !y.is_empty() && (x.contains(&y) || y.contains(&x))
        }
        _ => false,
    };
    close(a.plaintiffs.first(), b.plaintiffs.first())
        && close(a.defendants.first(), b.defendants.first())
}

/// Parties a caption names by surname only (`TARRANT REGIONAL WATER DISTRICT v.
/// HERRMANN ET AL.` in a syllabus) take the full name the filing prints in a fuller
/// caption of the same case (`PETITIONER v. RUDOLF JOHN HERRMANN ET AL.`): given
/// names in capitals just before the surname, right after `v.` for the second side
/// or before a role word and `v.` for the first.
pub fn full_names(parties: Vec<String>, text: &str, first_side: bool) -> Vec<String> {
    parties
        .into_iter()
        .map(|p| {
            if p.contains(' ') || !p.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
                return p;
            }
            let sur = regex::escape(&p.to_uppercase());
            let pat = if first_side {
                format!(r"(?m)^[ \t]*((?:[A-Z][A-Z'.\-]*\s+){{1,3}}){sur},?\s+(?:(?:PETITIONERS?|APPELLANTS?|PLAINTIFFS?),?\s+)?v\.")
            } else {
                format!(r"\bv\.\s+((?:[A-Z][A-Z'.\-]*\s+){{1,3}}){sur}\b")
            };
            let Ok(re) = Regex::new(&pat) else { return p };
            for c in re.captures_iter(text) {
                let given = c[1].split_whitespace().collect::<Vec<_>>().join(" ");
                let full = format!("{given} {}", p.to_uppercase());
                if is_person(&full) && !ROLE_RUN.is_match(&given) && !NOT_PARTY.is_match(&given) {
                    return proper_case(&full);
                }
            }
            p
        })
        .collect()
}

/// A clerk's letter's `RE: X v. Y` line anywhere in `text`.
pub fn find_re_line(text: &str) -> Option<Caption> {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            let low = l.to_lowercase();
            low.starts_with("re:") || low.starts_with("re ")
        })
        .map(|l| RE_NUMBER.replace(l, "$1").into_owned())
        .collect();
    title_line_caption(&lines)
}

/// The publisher's own short name heading a page (`People v Seymore (2026 NY Slip Op
/// 00028)`, casetext's `Al Otro Lado, Inc. v. Mayorkas`): the case name as the
/// court's reporter abbreviates it.
pub fn heading_case_name(head: &str) -> Option<String> {
    static HEADING: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^\s*([A-Z0-9][^\n]{1,120}?)\s+(?:v|vs)\.?\s+([A-Z][^\n]{1,120}?)(?:\s+\(\d{4}\s[^)]*\)|\s+-\s+\d{4}\s+NY\s+Slip\s+Op\s+\d+)?\s*$").unwrap()
    });
    for l in head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
    {
        if l.len() > 160 || is_all_caps(l) {
            continue;
        }
        if let Some(c) = HEADING.captures(l) {
            let (a, b) = (strip_et_al(&c[1]), strip_et_al(&c[2]));
            if a.split_whitespace().count() <= 10 && b.split_whitespace().count() <= 10 {
                return Some(format!("{a} v. {b}"));
            }
        }
    }
    None
}

/// Pleading-paper and head-matter captions with `v.` on its own line.
fn block_caption(lines: &[String]) -> Option<Caption> {
    // Consolidated appeals print one caption per case; the parties are their union.
    let mut first = match block_caption_at(lines, lines.len()) {
        Some(f) => f,
        None => return caption_without_v(lines),
    };
    let mut rest = &lines[first.1.min(lines.len())..];
    for _ in 0..4 {
        let Some((c, used)) = block_caption_at(rest, 60) else {
            break;
        };
        for p in c.plaintiffs {
            if !first.0.plaintiffs.contains(&p) {
                first.0.plaintiffs.push(p);
            }
        }
        for d in c.defendants {
            if !first.0.defendants.contains(&d) {
                first.0.defendants.push(d);
            }
        }
        rest = &rest[used.min(rest.len())..];
    }
    Some(first.0)
}

/// Extraction sometimes loses the `v.` of a pleading caption: "X, / Plaintiff, / Y,
/// ... / Defendants." still reads as a caption when a plaintiff's role line is
/// followed closely by a defendant's.
fn caption_without_v(lines: &[String]) -> Option<Caption> {
    static PLAINTIFF_ROLE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)^(?:plaintiffs?|petitioners?)(?:[-/ ,]+\w+)?,$").unwrap());
    static DEFENDANT_END: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)\b(?:defendants?|respondents?)(?:[-/ ,]+\w+)?\.$").unwrap());
    let r = lines
        .iter()
        .take(400)
        .position(|l| PLAINTIFF_ROLE.is_match(l.trim()))?;
    let near = lines
        .iter()
        .skip(r + 1)
        .filter(|l| !l.is_empty())
        .take(16)
        .any(|l| DEFENDANT_END.is_match(l.trim()));
    if !near {
        return None;
    }
    let mut with_v: Vec<String> = lines[..=r].to_vec();
    with_v.push("v.".into());
    with_v.extend_from_slice(&lines[r + 1..]);
    block_caption_at(&with_v, r + 2).map(|(c, _)| c)
}

/// One block caption and the number of lines it used up.
fn block_caption_at(lines: &[String], max_v: usize) -> Option<(Caption, usize)> {
    let exact = lines.iter().take(max_v).position(|l| V_LINE.is_match(l));
    let relaxed = || {
        (1..lines.len().min(max_v)).find(|&i| {
            V_START.is_match(&lines[i])
                && lines[..i]
                    .iter()
                    .rev()
                    .filter(|l| !l.is_empty())
                    .take(2)
                    .any(|l| ends_with_role(l))
        })
    };
    // The earlier of the two: a later lone "v." may belong to another caption.
    let vi = match (exact, relaxed()) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let mut left: Vec<&str> = Vec::new();
    let mut seen_role = false;
    let mut i = vi;
    while i > 0 && left.len() < 16 {
        i -= 1;
        let l = lines[i].as_str();
        if l.is_empty() {
            // A blank line above the party block ends it, unless the line above the
            // blank is itself a party line ending in a separator.
            let has_party = left.iter().any(|x| !ends_with_role(x));
            let above = lines[..i].iter().rev().find(|x| !x.is_empty());
            if has_party && !above.is_some_and(|a| a.trim_end().ends_with([',', ';'])) {
                break;
            }
            continue;
        }
        if is_junk_line(l) || is_fragment(l) {
            continue;
        }
        if STOP_LINE.is_match(l) && !ROLE_RUN.is_match(l) {
            break;
        }
        // "Debtor." closes the bankruptcy caption above an adversary caption.
        if DEBTOR_LINE.is_match(l) {
            break;
        }
        // Lines between the (last) role word and the `v.` are the right column's.
        if ends_with_role(l) && !seen_role {
            left.clear();
        }
        seen_role |= ends_with_role(l);
        left.push(l);
    }
    left.reverse();
    let mut right: Vec<&str> = Vec::new();
    let mut closed = false;
    let mut used = vi + 1;
    let mut closed_at = used;
    for l in lines.iter().skip(vi + 1).take(48) {
        used += 1;
        let l = l.as_str();
        if l.is_empty() || is_junk_line(l) || is_fragment(l) {
            continue;
        }
        // After "et al." only the role word belongs to this side.
        if closed && !ends_with_role(l) {
            if STOP_LINE.is_match(l) {
                break;
            }
            // "JOHNSON et al." / "Cobb et al." / "v.": a consolidated case's caption
            // follows; leave its lines to the next caption.
            if V_LINE.is_match(l) {
                used = closed_at;
                break;
            }
            continue;
        }
        if V_LINE.is_match(l) {
            break;
        }
        if STOP_LINE.is_match(l) && !ROLE_RUN.is_match(l) {
            break;
        }
        right.push(l);
        if ET_AL_END.is_match(l) {
            closed = true;
            closed_at = used;
        }
        if ends_with_role(l) && !l.trim_end().ends_with([',', ';']) {
            break;
        }
        if right.len() >= 16 {
            break;
        }
    }
    let ltxt = left.join("\n");
    // The relaxed `v.` line carries right-column text after the `v.`.
    let rtxt = right.join("\n");
    let mut cap = Caption::default();
    fill_side(&ltxt, &mut cap.plaintiffs, &mut cap.et_al);
    fill_side(&rtxt, &mut cap.defendants, &mut cap.et_al);
    if cap.plaintiffs.is_empty() || cap.defendants.is_empty() {
        return None;
    }
    Some((cap, used))
}

fn ends_with_role(l: &str) -> bool {
    static END_ROLE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(&format!(
            r"(?i)\b{ROLE}(?:\s*(?:[-/,—–]|\band\b)\s*{ROLE})*\s*[.,;:]?\s*$"
        ))
        .unwrap()
    });
    END_ROLE.is_match(l)
}

fn strip_et_al(s: &str) -> String {
    ET_AL
        .replace_all(s, "")
        .trim()
        .trim_end_matches([',', ';'])
        .trim()
        .to_string()
}

/// Split one side of a caption into party names.
fn fill_side(text: &str, out: &mut Vec<String>, et_al: &mut bool) {
    let mut t = text.replace(['\u{2014}', '\u{2013}'], "-");
    if ET_AL.is_match(&t) {
        *et_al = true;
    }
    // Role words separate parties (`X, Plaintiffs, Y, Creditor`): turn them into `;`.
    t = ROLE_RUN.replace_all(&t, ";").into_owned();
    t = ET_AL.replace_all(&t, ",").into_owned();
    let mut pieces: Vec<String> = Vec::new();
    for semi in t.split(';') {
        let semi = semi.trim();
        if semi.is_empty() {
            continue;
        }
        for comma in semi.split(", and ") {
            for piece in comma.split(',') {
                let piece = piece.trim();
                if piece.is_empty() {
                    continue;
                }
                if SUFFIX_PIECE.is_match(piece)
                    && let Some(prev) = pieces.last_mut()
                {
                    prev.push_str(", ");
                    prev.push_str(piece);
                    continue;
                }
                // "INC.\nREBUTTAL EXPERT REPORTS": a suffix line ends the name before it.
                let piece = match piece.split_once('\n') {
                    Some((first, rest)) if SUFFIX_PIECE.is_match(first.trim()) => {
                        if let Some(prev) = pieces.last_mut() {
                            prev.push_str(", ");
                            prev.push_str(first.trim());
                        }
                        rest.trim()
                    }
                    _ => piece,
                };
                // `LLC and Gold Dredge 8`: a suffix of the previous name, then the next.
                if let Some(c) = SUFFIX_AND.captures(piece) {
                    if let (Some(prev), Some(_), Some(_)) = (pieces.last_mut(), c.get(3), c.get(4))
                    {
                        // "INC. dba EXPERIAN CONSUMER SERVICES" stays with its name.
                        prev.push_str(", ");
                        prev.push_str(piece);
                        continue;
                    }
                    if let (Some(prev), Some(sfx), Some(rest)) =
                        (pieces.last_mut(), c.get(1), c.get(2))
                    {
                        prev.push_str(", ");
                        prev.push_str(sfx.as_str());
                        pieces.push(rest.as_str().to_string());
                        continue;
                    }
                }
                // "Friebert, Finerty & St. John": a firm name, not three parties.
                if piece.contains(" & ") {
                    let mut start = pieces.len();
                    while start > 0
                        && pieces[start - 1] != "\u{0}"
                        && !pieces[start - 1].contains(' ')
                        && pieces[start - 1].starts_with(char::is_uppercase)
                    {
                        start -= 1;
                    }
                    // Keep the first word when it ends a person's name piece run.
                    if start < pieces.len() {
                        let mut firm = pieces.split_off(start).join(", ");
                        firm.push_str(", ");
                        firm.push_str(piece);
                        pieces.push(firm);
                        continue;
                    }
                }
                pieces.push(piece.to_string());
            }
            pieces.push("\u{0}".into());
        }
        pieces.push("\u{0}".into());
    }
    let mut skip_until_capacity = false;
    let mut pending_title: Option<String> = None;
    let mut skip_office = false;
    for (i, piece) in pieces.iter().enumerate() {
        if piece == "\u{0}" {
            continue;
        }
        if std::mem::take(&mut skip_office) {
            continue;
        }
        // Lines of a block caption: drop right-column fragments, rejoin wrapped names.
        let joined = piece
            .split('\n')
            .map(str::trim)
            .filter(|f| !f.is_empty() && !is_fragment(f) && !FRAG_DIGITS.is_match(f))
            .collect::<Vec<_>>()
            .join(" ");
        // "MUI LIANG TJOA (an individual)", "LIEW YEW SOON aka MARK LIEW": the
        // description and the alias are not the party's name.
        let joined = ALIAS.replace(&joined, "");
        let joined = LOWER_PAREN.replace_all(&joined, "");
        let p = joined
            .trim_start_matches("and ")
            .trim_start_matches("AND ")
            .trim();
        let p = p.trim_end_matches(['.', ',', ';', ':']).trim();
        // Footnote markers glued to names: "Co.1.", "Apple,1 in his official capacity".
        let p = FOOTNOTE_END.replace(p, "$1");
        let p = FOOTNOTE_START.replace(&p, "$1");
        let p = p.trim();
        if p.is_empty() || OFFICE_END.is_match(p) {
            continue;
        }
        if DESCRIPTOR.is_match(p) {
            skip_until_capacity = false;
            continue;
        }
        if TITLE_PIECE.is_match(p) {
            // An official's title is no party when an official's capacity follows
            // ("Secretary, U.S. Department of Homeland Security, in his official
            // capacity"; "SECRETARY OF X, ERIK A. HOOKS, in his official capacity").
            // Otherwise it names the office sued ("Commissioner of Internal Revenue",
            // "Director, Office of Workers' Compensation Programs").
            let bare = p.split_whitespace().count() <= 3 && !p.to_lowercase().contains(" of ");
            let next: Vec<&String> = pieces
                .iter()
                .skip(i + 1)
                .filter(|x| *x != "\u{0}")
                .take(2)
                .collect();
            let capacity_follows = next.iter().any(|x| x.to_lowercase().contains("capacity"));
            if capacity_follows {
                skip_until_capacity = bare;
                continue;
            }
            // "KRISTI NOEM, Secretary of Homeland Security; TODD M. LYONS, Acting
            // Director, Office of ...": a title right after a person's name in the same
            // party is that person's office, not a party (with the office it names).
            let after_person = i > 0
                && pieces[i - 1] != "\u{0}"
                && is_person(
                    &pieces[i - 1]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            if after_person {
                skip_office = bare && pieces.get(i + 1).is_some_and(|x| x != "\u{0}");
                continue;
            }
            if bare && !next.is_empty() {
                pending_title = Some(format!("{}, ", proper_case(p)));
                continue;
            }
            // "MERRICK B. GARLAND, Attorney General, Respondent.": the title of the
            // official named before it, not a party of its own.
            if bare && next.is_empty() && !out.is_empty() {
                continue;
            }
        }
        if skip_until_capacity {
            continue;
        }
        // "the League of Women Voters" keeps its article in lower case mid-list.
        let p = p.strip_prefix("the ").unwrap_or(p);
        if p.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        if p.len() > 160
            || p.chars().filter(|c| c.is_ascii_alphabetic()).count() < 3
            || NOT_PARTY.is_match(p)
        {
            continue;
        }
        let title_prefix = pending_title.take().unwrap_or_default();
        for name in split_persons(p) {
            let name = format!("{title_prefix}{}", proper_case(&name));
            let name = name.trim_end_matches(['.', ',']).to_string();
            let name = restore_abbrev_dot(piece, name);
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
}

/// Keep a trailing period that belongs to an abbreviation (`Inc.`, `Co.`, `U.S.`).
fn restore_abbrev_dot(orig: &str, name: String) -> String {
    let o = orig.trim_end_matches([',', ';']);
    if o.ends_with('.') && !name.ends_with('.') {
        let last = o.rsplit(' ').next().unwrap_or("");
        let core = last.trim_end_matches('.');
        if last.matches('.').count() > 1
            || [
                "inc", "co", "corp", "ltd", "jr", "sr", "bros", "assn", "ins", "llc",
            ]
            .contains(&core.to_lowercase().as_str())
        {
            return format!("{name}.");
        }
    }
    name
}

static CORP_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i),?\s(?:inc|llc|l\.l\.c|ltd|co|corp|corporation|company|p\.c|p\.a|llp|pllc|s\.c|n\.a|l\.p)\.?$").unwrap()
});

/// `A and B` where both are persons is two parties; `Immigration and Customs
/// Enforcement` is one.
fn split_persons(p: &str) -> Vec<String> {
    // "&" joins firm names ("John L. Barlow & Associates"), not separate parties.
    // "THE CITY OF NEW YORK and NEW YORK CITY TRANSIT AUTHORITY": a lower-case "and"
    // between names printed in capitals separates parties.
    if let Some((a, b)) = p.split_once(" and ") {
        let (a, b) = (a.trim(), b.trim());
        let long = |x: &str| is_all_caps(x) && (x.split_whitespace().count() >= 3 || is_person(x));
        if long(a) && long(b) {
            return vec![a.to_string(), b.to_string()];
        }
    }
    for sep in [" and ", " AND "] {
        if let Some((a, b)) = p.split_once(sep) {
            let whole = |x: &str| is_person(x) || CORP_END.is_match(x);
            // "THE CITY OF NEW YORK and DAVID C. BANKS": an organisation, then a person
            // marked as such by a middle initial.
            let initialled = |x: &str| {
                is_person(x)
                    && x.split_whitespace().any(|w| {
                        w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase)
                    })
            };
            let (a, b) = (a.trim(), b.trim());
            if (whole(a) || a.split_whitespace().count() >= 2) && initialled(b)
                || whole(a) && whole(b)
            {
                return vec![a.trim().to_string(), b.trim().to_string()];
            }
        }
    }
    vec![p.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_caption_with_official_title() {
        let head = "AL OTRO LADO, INC. et al., Plaintiffs, v. ALEJANDRO MAYORKAS, Secretary, U.S. Department of Homeland Security, in his official capacity, et al., Defendants.\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Al Otro Lado, Inc."]);
        assert_eq!(c.defendants, ["Alejandro Mayorkas"]);
        assert!(c.et_al);
        assert_eq!(c.case_name().unwrap(), "Al Otro Lado, Inc. v. Mayorkas");
    }

    #[test]
    fn pleading_block() {
        let head = "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\nOAKLAND DIVISION\n\nAMERICAN CIVIL LIBERTIES UNION\nOF NORTHERN CALIFORNIA;\nMIJENTE SUPPORT COMMITTEE; JUST\nFUTURES LAW; and IMMIGRANT\nDEFENSE PROJECT,\n\nPlaintiffs,\n\nv.\n\nU.S. IMMIGRATION AND CUSTOMS\nENFORCEMENT, U.S. CUSTOMS AND\nBORDER PROTECTION; and U.S.\nDEPARTMENT OF HOMELAND\nSECURITY,\n\nDefendants.\n\nCase No. 4:21-cv-02632-DMR\n";
        let c = find_caption(head).unwrap();
        assert_eq!(
            c.plaintiffs,
            [
                "American Civil Liberties Union of Northern California",
                "Mijente Support Committee",
                "Just Futures Law",
                "Immigrant Defense Project"
            ]
        );
        assert_eq!(
            c.defendants,
            [
                "U.S. Immigration and Customs Enforcement",
                "U.S. Customs and Border Protection",
                "U.S. Department of Homeland Security"
            ]
        );
    }

    #[test]
    fn title_line() {
        let head = "Case No. CV 20-9893 JGB (SHKx) Date April 5, 2024\n\nTitle Immigrant Defenders Law Center, et al. v. Alejandro Mayorkas, et al.\n";
        let c = find_caption(head).unwrap();
        assert_eq!(
            c.case_name().unwrap(),
            "Immigrant Defenders Law Center v. Mayorkas"
        );
    }

    #[test]
    fn merged_columns_pleading_caption() {
        let head = "NORTHERN DISTRICT OF CALIFORNIA\nMELANIE G. SAN PEDRO-SALCEDO, Case No. 5:17-cv-03504-EJD\nindividually, and on behalf of all others similarly\nsituated, DEFENDANTS NOTICE OF MOTION\nAND MOTION FOR SUMMARY\nJUDGMENT\nPlaintiff,\nv. DATE: OCTOBER 10, 2019\nTIME: 9:00 A.M.\nTHE H\u{c4}AGEN-DAZS SHOPPE COMPANY, COURTROOM: 4, 5TH FLOOR\nINC., a New Jersey corporation; NESTL\u{c9}\nDREYER'S ICE CREAM COMPANY, a\nDelaware corporation; NESTL\u{c9} USA, INC., a\nDelaware corporation; and DOES 1 through 50,\nDefendants.\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Melanie G. San Pedro-Salcedo"]);
        assert_eq!(c.defendants.len(), 3, "{:?}", c.defendants);
    }

    #[test]
    fn adversary_caption_below_bankruptcy_caption() {
        let head = "In re: Case No. 20-30242 (HLB)\nANTHONY SCOTT LEVANDOWSKI, Chapter 11\nDebtor.\nAdv. Pro. No. 20-03050 (HLB)\nANTHONY SCOTT LEVANDOWSKI, an\nindividual, DECLARATION OF MIRIAM\nMANNING IN SUPPORT OF UBER\nPlaintiff, TECHNOLOGIES INC.'S\nADMINISTRATIVE MOTION TO FILE\nv. PARTIALLY REDACTED MOTION TO\nSTRIKE OR, IN THE ALTERNATIVE,\nUBER TECHNOLOGIES, INC. MOTION IN LIMINE TO EXCLUDE\nREBUTTAL EXPERT REPORTS AND\nDefendant. TESTIMONY OF BENJAMIN ROSE\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Anthony Scott Levandowski"]);
        assert_eq!(c.defendants, ["Uber Technologies, Inc."]);
    }

    #[test]
    fn caption_whose_v_was_lost() {
        let head = "NORTHERN DISTRICT OF CALIFORNIA\nSINCO TECHNOLOGIES PTE LTD,\nPlaintiff,\nSINCO ELECTRONICS (DONGGUAN) CO.,\nLTD.; XINGLE ELECTRONICS\n(DONGGUAN) CO., LTD.; MUI LIANG TJOA (an\nindividual); and LIEW YEW SOON aka\nMARK LIEW (an individual),\nDefendants.\nCase No. 3:17CV5517\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Sinco Technologies Pte Ltd"]);
        assert_eq!(c.defendants[0], "Sinco Electronics (Dongguan) Co., Ltd.");
        assert_eq!(c.defendants.len(), 4, "{:?}", c.defendants);
    }

    #[test]
    fn side_by_side_columns() {
        let head = "In the Missouri Court of Appeals\nEastern District\nDIVISION THREE\nNICHOLE MARIE JAGELS, ) No. ED108783\n)\nAppellant, ) Appeal from the Circuit Court of\n) St. Charles County, Missouri\nvs. ) No. 1711-CC00064\n)\nSTATE OF MISSOURI, ) Honorable Deborah J. Alessi\n)\nRespondent. ) Filed: January 19, 2021\n";
        let c = find_caption(head).unwrap();
        assert_eq!(c.plaintiffs, ["Nichole Marie Jagels"]);
        assert_eq!(c.defendants, ["State of Missouri"]);
        assert_eq!(c.case_name().unwrap(), "Jagels v. State of Missouri");
    }
}
