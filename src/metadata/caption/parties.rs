//! One side of a caption split into party names: role words, capacities, aliases,
//! fictitious parties and officials' titles dropped, corporate suffixes kept with their
//! names, and names printed in capitals put in proper case.

use once_cell::sync::Lazy;
use regex::Regex;

use super::super::case_name::is_person;
use super::super::names::{is_all_caps, proper_case};
use super::Caption;
use super::lines::is_fragment;
use super::vocab::{ET_AL, ROLE_RUN, suffix_pattern};

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
    Regex::new(&format!(
        r"(?i)^(?:{}|ex\s+rel\..*)$",
        suffix_pattern(&["entity", "person"])
    ))
    .unwrap()
});

static SUFFIX_AND: Lazy<Regex> = Lazy::new(|| {
    let all = suffix_pattern(&["entity", "person"]);
    let entity = suffix_pattern(&["entity"]);
    Regex::new(&format!(
        r"(?is)^({all})\s+(?:and|&)\s+(.+)$|^({entity})\s+((?:dba|d/b/a)\s+.+)$"
    ))
    .unwrap()
});

/// Fictitious defendants and other non-parties.
static NOT_PARTY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:does?\s+\d|does?\s+one|john\s+does?\s*\d|inclusive\b|all\s+others|similarly\s+situated|below$|above$)|^(?:and|or|the|of)$|\b(?:to|of|for|and|the|in|or|an|its|under|with|TO|OF|FOR|AND|THE|IN|OR|AN|ITS|UNDER|WITH)$|\d\(|^\d{1,2}:\d{2}|^chapter\s+\d|^in\s+the\s+alternative|^adv\.?\s+pro")
        .unwrap()
});

static FOOTNOTE_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"([.A-Za-z])\d{1,2}\.?$").unwrap());
static FOOTNOTE_START: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,2}\s+([a-z])").unwrap());

/// `United States Marshal`: an office held by the party before it, not a party.
static OFFICE_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:united\s+states|u\.s\.|state|county|city)\s+(?:marshal|attorney|secretary|sheriff|treasurer)$").unwrap()
});

/// A trustee's capacity printed without a comma ("U.S. BANK NATIONAL ASSOCIATION AS
/// LEGAL TITLE TRUSTEE FOR ... TRUST", "U.S. BANK, NATIONAL ASSOCIATION as Trustee
/// for ..."): the party is the trustee, named before its capacity.
static TRUSTEE_CAPACITY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s+as\s+(?:(?:legal\s+title|successor|indenture|owner)\s+)?trustees?\b.*$")
        .unwrap()
});

static ALIAS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\s+(?:aka|a/k/a|f/k/a|fka|also\s+known\s+as)\s.*$").unwrap());
static LOWER_PAREN: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*\([a-z][^)]*\)").unwrap());

/// A line broken after an article ("... a Delaware corporation; and a"); "Angelica
/// A." ends in an initial instead, with its period.
static ARTICLE_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s(?:a|A)$").unwrap());

/// A party named by initials only: "G.H.", "D.W.", "J.M.A.".
static INITIALS: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:[A-Z]\.\s?){1,3}[A-Z]\.?$").unwrap());

static FRAG_DIGITS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\d\(").unwrap());

/// Split one side of a caption into party names.
pub(super) fn fill_side(text: &str, out: &mut Vec<String>, et_al: &mut bool) {
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
        let joined = TRUSTEE_CAPACITY.replace(&joined, "");
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
        // "G.H.", "D.W.": juvenile and anonymised parties go by their initials.
        let initials = INITIALS.is_match(p);
        if p.len() > 160
            || (p.chars().filter(|c| c.is_ascii_alphabetic()).count() < 3 && !initials)
            || NOT_PARTY.is_match(p)
            || (ARTICLE_END.is_match(p) && !piece.trim_end_matches([',', ';']).ends_with('.'))
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
        // "Angelica A.": a final initial keeps its period.
        let initial = core.chars().count() == 1 && core.chars().all(char::is_uppercase);
        if initial
            || last.matches('.').count() > 1
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
    Regex::new(&format!(
        r"(?i),?\s(?:{})$",
        suffix_pattern(&["entity", "entity-word"])
    ))
    .unwrap()
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

/// Whether two captions name the same first plaintiff and first defendant (loosely:
/// one's names may be the other's shortened).
pub fn same_first_parties(a: &Caption, b: &Caption) -> bool {
    let close = |x: Option<&String>, y: Option<&String>| match (x, y) {
        (Some(x), Some(y)) => {
            let (x, y) = (super::super::names::loose(x), super::super::names::loose(y));
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
/// or above the role word for the second, and before a role word and `v.` for the
/// first.
pub fn full_names(parties: Vec<String>, text: &str, first_side: bool) -> Vec<String> {
    parties
        .into_iter()
        .map(|p| {
            if p.contains(' ') || !p.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
                return p;
            }
            let sur = regex::escape(&p.to_uppercase());
            let pat = if first_side {
                // Or with the case-number column beside the name and the role word and
                // `-vs-` on lines of their own (N.D. Ohio, E.D. Mich.).
                format!(r"(?m)^[ \t]*((?:[A-Z][A-Z'.\-]*\s+){{1,3}}){sur},?\s+(?:(?i:PETITIONERS?|APPELLANTS?|PLAINTIFFS?),?\s+)?v\.|(?m)^[ \t]*((?:[A-Z][A-Z'.\-]*[ \t]+){{1,3}}){sur},?(?:[ \t][^\n]*)?\n\s*(?:(?i:PETITIONERS?|APPELLANTS?|PLAINTIFFS?),?[^\n]*\n\s*)?-?(?i:vs?)\.?-?\s")
            } else {
                // Right after `v.`, or on its own caption line above its role word
                // ("PARV VERMA," / "Defendant."), other column lines between.
                format!(r"\bv\.\s+((?:[A-Z][A-Z'.\-]*\s+){{1,3}}){sur}\b|(?m)^[ \t]*((?:[A-Z][A-Z'.\-]*[ \t]+){{1,3}}){sur},?\s+(?i:DEFENDANTS?|RESPONDENTS?|APPELLEES?)\b")
            };
            let Ok(re) = Regex::new(&pat) else { return p };
            for c in re.captures_iter(text) {
                let Some(given) = c.get(1).or_else(|| c.get(2)) else {
                    continue;
                };
                let given = given.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
                let full = format!("{given} {}", p.to_uppercase());
                if is_person(&full) && !ROLE_RUN.is_match(&given) && !NOT_PARTY.is_match(&given) {
                    return proper_case(&full);
                }
            }
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_from_a_block_caption_with_role_words() {
        // E.D. Mich. 4:25-cv-13262, under a publisher's "Mathew v. Verma" header: the
        // plaintiff's role word in mixed case, the defendant's line below the
        // case-number column.
        let text = "Mathew v. Verma\n\nDoc. 49\n\nUNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF MICHIGAN\nSOUTHERN DIVISION\nANISH SAM MATHEW,\nPlaintiff,\nv.\n\nCase No. 4:25-CV-13262\nDistrict Judge F. Kay Behm\nMagistrate Judge Anthony P. Patti\n\nPARV VERMA,\nDefendant.\n";
        assert_eq!(
            full_names(vec!["Mathew".into()], text, true),
            ["Anish Sam Mathew"]
        );
        assert_eq!(
            full_names(vec!["Verma".into()], text, false),
            ["Parv Verma"]
        );
        // N.D. Ohio 1:24-cv-01217: the case number beside the name, `-vs-` below the
        // role word.
        let text = "Burgess v. Greater Cleveland Regional Transit Authority\n\nMONIQUE BURGESS,                Case No. 1:24-cv-01217-PAB\n\n                  Plaintiff,\n\n          -vs-              JUDGE PAMELA A. BARKER\n\nGREATER CLEVELAND REGIONAL\n";
        assert_eq!(
            full_names(vec!["Burgess".into()], text, true),
            ["Monique Burgess"]
        );
        // Words of an organisation are no given names.
        assert_eq!(
            full_names(vec!["Verma".into()], "NATIONAL VERMA,\nDefendant.\n", false),
            ["Verma"]
        );
    }
}
