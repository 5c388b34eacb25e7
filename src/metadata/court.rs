//! Which court a filing comes from: a table of courts (stable short id, full name, the
//! ways filings print the name) and a finder that reads the head of a filing.
//!
//! The head of a filing names its own court before it cites any other, so the earliest
//! full-name match wins; abbreviations like `N.D. Cal.` mostly occur in citations and
//! are only used when no full name is printed.

use std::sync::OnceLock;

use once_cell::sync::Lazy;
use regex::bytes::{Regex, RegexBuilder};

use super::Court;
use super::court_header as header;
use super::court_own_cite;
use super::court_query;
use super::courts_db;

/// States with federal districts, as (id prefix, name, abbreviation as in `N.D. Cal.`,
/// districts: `""` for a single district or the directions it is split into).
const STATES: &[(&str, &str, &str, &[&str])] = &[
    ("al", "Alabama", "Ala", &["n", "m", "s"]),
    ("ak", "Alaska", "Alaska", &[""]),
    ("az", "Arizona", "Ariz", &[""]),
    ("ar", "Arkansas", "Ark", &["e", "w"]),
    ("ca", "California", "Cal", &["n", "c", "e", "s"]),
    ("co", "Colorado", "Colo", &[""]),
    ("ct", "Connecticut", "Conn", &[""]),
    ("de", "Delaware", "Del", &[""]),
    ("fl", "Florida", "Fla", &["n", "m", "s"]),
    ("ga", "Georgia", "Ga", &["n", "m", "s"]),
    ("hi", "Hawaii", "Haw", &[""]),
    ("id", "Idaho", "Idaho", &[""]),
    ("il", "Illinois", "Ill", &["n", "c", "s"]),
    ("in", "Indiana", "Ind", &["n", "s"]),
    ("ia", "Iowa", "Iowa", &["n", "s"]),
    ("ks", "Kansas", "Kan", &[""]),
    ("ky", "Kentucky", "Ky", &["e", "w"]),
    ("la", "Louisiana", "La", &["e", "m", "w"]),
    ("me", "Maine", "Me", &[""]),
    ("md", "Maryland", "Md", &[""]),
    ("ma", "Massachusetts", "Mass", &[""]),
    ("mi", "Michigan", "Mich", &["e", "w"]),
    ("mn", "Minnesota", "Minn", &[""]),
    ("ms", "Mississippi", "Miss", &["n", "s"]),
    ("mo", "Missouri", "Mo", &["e", "w"]),
    ("mt", "Montana", "Mont", &[""]),
    ("ne", "Nebraska", "Neb", &[""]),
    ("nv", "Nevada", "Nev", &[""]),
    ("nh", "New Hampshire", "N\\.H", &[""]),
    ("nj", "New Jersey", "N\\.J", &[""]),
    ("nm", "New Mexico", "N\\.M", &[""]),
    ("ny", "New York", "N\\.Y", &["n", "e", "s", "w"]),
    ("nc", "North Carolina", "N\\.C", &["e", "m", "w"]),
    ("nd", "North Dakota", "N\\.D", &[""]),
    ("oh", "Ohio", "Ohio", &["n", "s"]),
    ("ok", "Oklahoma", "Okla", &["n", "e", "w"]),
    ("or", "Oregon", "Or", &[""]),
    ("pa", "Pennsylvania", "Pa", &["e", "m", "w"]),
    ("ri", "Rhode Island", "R\\.I", &[""]),
    ("sc", "South Carolina", "S\\.C", &[""]),
    ("sd", "South Dakota", "S\\.D", &[""]),
    ("tn", "Tennessee", "Tenn", &["e", "m", "w"]),
    ("tx", "Texas", "Tex", &["n", "e", "s", "w"]),
    ("ut", "Utah", "Utah", &[""]),
    ("vt", "Vermont", "Vt", &[""]),
    ("va", "Virginia", "Va", &["e", "w"]),
    ("wa", "Washington", "Wash", &["e", "w"]),
    ("wv", "West Virginia", "W\\. ?Va", &["n", "s"]),
    ("wi", "Wisconsin", "Wis", &["e", "w"]),
    ("wy", "Wyoming", "Wyo", &[""]),
    ("dc", "District of Columbia", "D\\.D\\.C", &[""]),
];

fn direction_word(d: &str) -> &'static str {
    match d {
        "n" => "Northern",
        "s" => "Southern",
        "e" => "Eastern",
        "w" => "Western",
        "c" => "Central",
        "m" => "Middle",
        _ => "",
    }
}

const CIRCUITS: &[(&str, &str, &str)] = &[
    ("ca1", "First", "1st"),
    ("ca2", "Second", "2d"),
    ("ca3", "Third", "3d"),
    ("ca4", "Fourth", "4th"),
    ("ca5", "Fifth", "5th"),
    ("ca6", "Sixth", "6th"),
    ("ca7", "Seventh", "7th"),
    ("ca8", "Eighth", "8th"),
    ("ca9", "Ninth", "9th"),
    ("ca10", "Tenth", "10th"),
    ("ca11", "Eleventh", "11th"),
];

/// State and special courts: (id, full name, pattern, a word every match of the
/// pattern contains). Patterns are matched case-insensitively with any whitespace
/// between words.
const OTHER: &[(&str, &str, &str, &str)] = &[
    (
        "scotus",
        "Supreme Court of the United States",
        r"supreme court of the united states|united states supreme court",
        "supreme",
    ),
    (
        "cadc",
        "United States Court of Appeals for the District of Columbia Circuit",
        r"court of appeals,? for (?:the )?district of columbia circuit|d\.c\. circuit",
        "circuit",
    ),
    (
        "cafc",
        "United States Court of Appeals for the Federal Circuit",
        r"court of appeals,? for the federal circuit",
        "federal",
    ),
    (
        "bap9",
        "Bankruptcy Appellate Panel for the Ninth Circuit",
        r"bankruptcy appellate panel (?:for|of) the ninth circuit",
        "ninth",
    ),
    (
        "tax",
        "United States Tax Court",
        r"united states tax court",
        "tax",
    ),
    (
        "moctapp",
        "Missouri Court of Appeals",
        r"missouri court of appeals",
        "missouri",
    ),
    (
        "nc",
        "Supreme Court of North Carolina",
        r"supreme court of north carolina",
        "carolina",
    ),
    (
        "connappct",
        "Appellate Court of Connecticut",
        r"appellate court of connecticut|connecticut appellate court",
        "connecticut",
    ),
    (
        "dc",
        "District of Columbia Court of Appeals",
        r"district of columbia court of appeals",
        "columbia",
    ),
    (
        "pa",
        "Supreme Court of Pennsylvania",
        r"supreme court of pennsylvania",
        "pennsylvania",
    ),
    (
        "njsuperctappdiv",
        "Superior Court of New Jersey, Appellate Division",
        r"superior court of new jersey,? appellate division",
        "jersey",
    ),
    (
        "calctapp",
        "California Court of Appeal",
        r"court of appeal,? [^\n]{0,60}california|california court of appeal",
        "california",
    ),
    (
        "nyappdiv",
        "New York Supreme Court, Appellate Division",
        r"appellate division,? (?:first|second|third|fourth) (?:judicial )?department",
        "department",
    ),
    (
        "ny",
        "New York Court of Appeals",
        r"court of appeals of (?:the state of )?new york|new york court of appeals",
        "york",
    ),
    (
        "mass",
        "Supreme Judicial Court of Massachusetts",
        r"supreme judicial court of massachusetts",
        "massachusetts",
    ),
    (
        "mich",
        "Michigan Supreme Court",
        r"supreme court of michigan|michigan supreme court",
        "michigan",
    ),
    (
        "wisctapp",
        "Court of Appeals of Wisconsin",
        r"court of appeals of wisconsin|wisconsin court of appeals",
        "wisconsin",
    ),
    (
        "hawapp",
        "Intermediate Court of Appeals of Hawaii",
        r"intermediate court of appeals of hawai.{0,3}i",
        "intermediate",
    ),
    (
        "vactapp",
        "Court of Appeals of Virginia",
        r"court of appeals of virginia",
        "virginia",
    ),
    (
        "gactapp",
        "Court of Appeals of Georgia",
        r"court of appeals of georgia",
        "georgia",
    ),
    (
        "wva",
        "Supreme Court of Appeals of West Virginia",
        r"supreme court of appeals of west virginia",
        "virginia",
    ),
    (
        "texapp",
        "Texas Court of Appeals",
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|\d{1,2}(?:st|nd|rd|th)) (?:district )?court of appeals(?: of texas|[^\n]{0,40}\btexas)|texas judicial\s+branch",
        "texas",
    ),
    (
        "alaska",
        "Alaska Supreme Court",
        r"supreme court of (?:the state of )?alaska|alaska appellate courts",
        "alaska",
    ),
];

/// One court of the federal forms. Its patterns are compiled on first use, and only
/// for a head holding `needle`: a head names a handful of the table's courts at most.
struct Entry {
    id: String,
    name: String,
    /// Lower-case word every match of `full` contains.
    needle: String,
    full_src: String,
    short_src: Option<String>,
    full: OnceLock<Option<Regex>>,
    short: OnceLock<Option<Regex>>,
}

impl Entry {
    fn new(id: String, name: String, needle: &str, full: String, short: Option<String>) -> Entry {
        Entry {
            id,
            name,
            needle: needle.to_ascii_lowercase(),
            full_src: full,
            short_src: short,
            full: OnceLock::new(),
            short: OnceLock::new(),
        }
    }

    fn full(&self) -> Option<&Regex> {
        self.full
            .get_or_init(|| ascii_regex(&self.full_src))
            .as_ref()
    }

    fn short(&self) -> Option<&Regex> {
        self.short
            .get_or_init(|| self.short_src.as_deref().and_then(ascii_regex))
            .as_ref()
    }
}

/// A pattern over the bytes of a text with ASCII classes and case folding: court names
/// are ASCII, and Unicode classes (`[^\n]{0,60}` above all) make compiling several
/// times dearer.
fn ascii_regex(src: &str) -> Option<Regex> {
    RegexBuilder::new(src).unicode(false).build().ok()
}

fn words(p: &str) -> String {
    p.split(' ').collect::<Vec<_>>().join(r"\s+")
}

static TABLE: Lazy<Vec<Entry>> = Lazy::new(|| {
    let mut t = Vec::new();
    for (id, ord, abbr) in CIRCUITS {
        t.push(Entry::new(
            (*id).into(),
            format!("United States Court of Appeals for the {ord} Circuit"),
            ord,
            format!(
                r"(?i)court\s+of\s+appeals?,?\s+(?:for\s+)?(?:the\s+)?{}\s+circuit|{}\s+circuit\s+court\s+of\s+appeals|court\s+of\s+appeals[^\n]{{0,40}}\n[^\n]{{0,40}}?(?:for\s+)?the\s+{}\s+circuit",
                ord, ord, ord
            ),
            Some(format!(r"\({}\s+Cir\.", abbr)),
        ));
    }
    for (id, name, pat, needle) in OTHER {
        t.push(Entry::new(
            (*id).into(),
            (*name).into(),
            needle,
            format!("(?i){}", words(pat)),
            None,
        ));
    }
    for (st, state, abbr, dirs) in STATES {
        for d in dirs.iter() {
            let (id, name, full, short) = if d.is_empty() {
                (
                    format!("{st}d"),
                    format!("United States District Court for the District of {state}"),
                    if *st == "dc" {
                        r"(?i)district\s+court\s+for\s+the\s+district\s+of\s+columbia".to_string()
                    } else {
                        format!(r"(?i)\bdistrict\s+of\s+{}\b", words(state))
                    },
                    format!(r"\bD\.\s?{abbr}\.?[\s,)]"),
                )
            } else {
                let dw = direction_word(d);
                (
                    format!("{st}{d}d"),
                    format!("United States District Court for the {dw} District of {state}"),
                    format!(
                        r"(?i){dw}\s+district\s+of\s+{s}\b|\b{s}\s+{dw}\s+district\b",
                        s = words(state)
                    ),
                    format!(r"\b{}\.\s?D\.\s?{abbr}\.?[\s,)]", d.to_uppercase()),
                )
            };
            // The state's last word is in every form of its districts' names.
            let needle = state.rsplit(' ').next().unwrap_or(state);
            t.push(Entry::new(id, name, needle, full, Some(short)));
        }
    }
    t
});

/// "Bankruptcy Court" shortly before a district name makes it the bankruptcy court.
static BANKRUPTCY: Lazy<Regex> =
    Lazy::new(|| ascii_regex(r"(?i)bankruptcy\s+(?:court|petition)").unwrap());

/// The opinion's own U.S. Reports citation heading the text (`138 U.S. 109`).
static US_REPORTS_HEAD: Lazy<Regex> =
    Lazy::new(|| ascii_regex(r"^\s*\d{1,3}\s+U\.\s?S\.\s+\d{1,4}\s*$").unwrap());

/// All courts in the table, for callers that list or validate ids.
pub fn all() -> Vec<Court> {
    TABLE
        .iter()
        .map(|e| Court {
            id: e.id.clone(),
            name: e.name.clone(),
        })
        .collect()
}

/// Look a court up by id.
pub fn by_id(id: &str) -> Option<Court> {
    if let Some(r) = courts_db::table().get(id) {
        return Some(Court {
            id: r.id.into(),
            name: r.name.into(),
        });
    }
    TABLE.iter().find(|e| e.id == id).map(|e| Court {
        id: e.id.clone(),
        name: e.name.clone(),
    })
}

fn bankruptcy_id(district_id: &str) -> Option<String> {
    district_id
        .strip_suffix('d')
        .map(|s| format!("{s}b"))
        .filter(|_| district_id.len() >= 3)
}

/// A court named as the one below ("Lower Ct:", "Appeal from the", "Originating
/// Court", "certiorari to") is not the filing's court.
static LOWER_COURT: Lazy<Regex> = Lazy::new(|| {
    ascii_regex(r"(?i)(?:lower\s+ct|appeal(?:ed)?\s+from|originating\s+court|certiorari\s+to|on\s+appeal\s+from|district\s+court\s+information)[^\n]{0,20}(?:[ \t]*\n){0,3}[^\n]{0,60}$").unwrap()
});

pub(super) fn is_lower_court(head: &str, pos: usize) -> bool {
    let start = floor_char(head, pos.saturating_sub(100));
    LOWER_COURT.is_match(&head.as_bytes()[start..pos])
}

/// Find the court in the head of a filing: the earliest court line the court table
/// recognises, or the earliest full name of the federal forms below, whichever comes
/// first; then the abbreviations and letterheads when no name is printed.
pub fn find_court(head: &str) -> Option<Court> {
    let printed = header::find(head);
    let federal = find_federal_name(head);
    match (printed, federal) {
        (Some((p, c)), Some((q, d))) => {
            // The same court line read both ways: the federal forms know bankruptcy
            // courts printed over two lines; otherwise the more specific court wins.
            if header::is_below(&d.id, &c.id) {
                return Some(d);
            }
            if p <= q || header::is_below(&c.id, &d.id) {
                return Some(c);
            }
            return Some(d);
        }
        (Some((_, c)), None) => return Some(c),
        (None, Some((_, d))) => return Some(d),
        (None, None) => {}
    }
    find_fallback(head)
}

/// The earliest full federal court name in the head, with its position.
fn find_federal_name(head: &str) -> Option<(usize, Court)> {
    let mut best: Option<(usize, usize, &Entry)> = None;
    let lower = head.to_ascii_lowercase();
    for e in TABLE.iter() {
        if !lower.contains(&e.needle) {
            continue;
        }
        let Some(full) = e.full() else {
            continue;
        };
        let own = full
            .find_iter(head.as_bytes())
            .find(|m| !is_lower_court(head, m.start()));
        if let Some(m) = own {
            let len = m.end() - m.start();
            let better = match best {
                None => true,
                Some((pos, best_len, _)) => m.start() < pos || (m.start() == pos && len > best_len),
            };
            if better {
                best = Some((m.start(), len, e));
            }
        }
    }
    if let Some((pos, _, e)) = best {
        // Bankruptcy courts print the district name right after "Bankruptcy Court".
        let window_start = floor_char(head, pos.saturating_sub(80));
        let before = &head[window_start..pos];
        if e.id.ends_with('d')
            && e.id.len() <= 5
            && BANKRUPTCY.is_match(before.as_bytes())
            && let Some(id) = bankruptcy_id(&e.id)
        {
            let state_name = e
                .name
                .trim_start_matches("United States District Court for the ")
                .to_string();
            return Some((
                pos,
                named(
                    &id,
                    &format!("United States Bankruptcy Court for the {state_name}"),
                ),
            ));
        }
        return Some((pos, named(&e.id, &e.name)));
    }
    None
}

/// A court by id with the table's name, or `name` when the table lacks the id.
fn named(id: &str, name: &str) -> Court {
    match courts_db::table().get(id) {
        Some(r) => Court {
            id: r.id.into(),
            name: r.name.into(),
        },
        None => Court {
            id: id.into(),
            name: name.into(),
        },
    }
}

/// Courts named only by a reporter heading, a court website or an abbreviation.
fn find_fallback(head: &str) -> Option<Court> {
    if head
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| US_REPORTS_HEAD.is_match(l.as_bytes()))
    {
        return by_id("scotus");
    }
    if let Some(c) = URL.captures(head.as_bytes())
        && let Some(court) = by_id(&String::from_utf8_lossy(&c[1]).to_lowercase())
    {
        return Some(court);
    }
    // An opinion's own neutral citation at its top names its court more surely than an
    // abbreviation anywhere in the head, which is mostly a cited decision's.
    if let Some(court) = court_own_cite::find(head) {
        return Some(court);
    }
    let mut best_short: Option<(usize, &Entry)> = None;
    for e in TABLE.iter() {
        if e.short_src.is_none() {
            continue;
        }
        if let Some(m) = e.short().and_then(|r| r.find(head.as_bytes()))
            && best_short.is_none_or(|(p, _)| m.start() < p)
        {
            best_short = Some((m.start(), e));
        }
    }
    best_short.map(|(_, e)| named(&e.id, &e.name))
}

/// Courts that review other courts' decisions: a `Hon.` in their heads names the judge
/// below.
pub fn is_appellate(id: &str) -> bool {
    // Boards and special courts that hear appeals (the Court of Appeals for Veterans
    // Claims, the Board of Immigration Appeals) are `special` in courts-db, and known
    // by their level.
    if courts_db::table()
        .get(id)
        .is_some_and(|r| r.kind == "appellate" || matches!(r.level, "colr" | "iac"))
    {
        return true;
    }
    let circuit = id
        .strip_prefix("ca")
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()));
    circuit
        || matches!(
            id,
            "cadc"
                | "cafc"
                | "bap9"
                | "scotus"
                | "moctapp"
                | "nc"
                | "connappct"
                | "dc"
                | "pa"
                | "njsuperctappdiv"
                | "calctapp"
                | "ny"
                | "mass"
                | "mich"
                | "wisctapp"
                | "hawapp"
                | "vactapp"
                | "gactapp"
                | "wva"
                | "texapp"
                | "alaska"
                | "nyappdiv"
        )
}

/// Court websites in letterheads: `www.ca3.uscourts.gov`.
static URL: Lazy<Regex> = Lazy::new(|| {
    ascii_regex(r"(?i)www\.(ca\d{1,2}|cadc|cafc|[a-z]{2}[nsewcm]?[db])\.uscourts\.gov").unwrap()
});

/// Largest char boundary at or below `i` (for callers outside the crate).
pub fn floor_char_pub(s: &str, i: usize) -> usize {
    floor_char(s, i)
}

/// Largest char boundary at or below `i`.
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> String {
        find_court(s).map(|c| c.id).unwrap_or_default()
    }

    #[test]
    fn district_forms() {
        assert_eq!(
            id("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\nOAKLAND DIVISION"),
            "cand"
        );
        assert_eq!(
            id("UNITED STATES DISTRICT COURT SOUTHERN DISTRICT OF CALIFORNIA\nApr 7, 2021"),
            "casd"
        );
        assert_eq!(
            id("U.S. District Court\nCalifornia Northern District (San Francisco)"),
            "cand"
        );
        assert_eq!(
            id("U.S. District Court\nDistrict of Alaska (Anchorage)"),
            "akd"
        );
        assert_eq!(id("see Doe v. Roe, 1 F. Supp. 2 (N.D. Cal. 2001)"), "cand");
        assert_eq!(
            id("IN THE UNITED STATES DISTRICT COURT FOR THE\nMIDDLE DISTRICT OF NORTH CAROLINA"),
            "ncmd"
        );
    }

    #[test]
    fn appellate_and_state() {
        assert_eq!(
            id("United States Court of Appeals\nFor the First Circuit\nNo. 20-1507"),
            "ca1"
        );
        assert_eq!(
            id("IN THE UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT"),
            "ca9"
        );
        assert_eq!(
            id("UNITED STATES COURT OF APPEALS FOR THE FEDERAL CIRCUIT"),
            "cafc"
        );
        assert_eq!(id("District of Columbia Court of Appeals."), "dc");
        assert_eq!(
            id("Court of Appeal, Second District, Division 1, California."),
            "calctapp"
        );
        assert_eq!(id(" 138 U.S. 109\n\n138 U.S. 109\n"), "scotus");
        assert_eq!(
            id("United States Bankruptcy Court for the:\nNORTHERN DISTRICT OF GEORGIA"),
            "ganb"
        );
    }
}

/// The court ids a typed court value stands for, for `--court` and `court:`: an id
/// (`cand`), a citation form (`N.D. Cal.`, `Ohio Ct. App.`, `Bankr. E.D. Mich.`), a name
/// as courts print it, or a state (`california`: every court located there), all
/// case-insensitive. `with_children` also takes in the courts below each one by the
/// table's parent links. Empty when nothing matches.
pub fn query_ids(typed: &str, with_children: bool) -> Vec<String> {
    court_query::resolve(typed, with_children)
}

/// Resolve what a person types for a court to one court: an id (`cand`), an
/// abbreviation (`N.D. Cal.`) or a full name (`Northern District of California`).
pub fn lookup(typed: &str) -> Option<Court> {
    court_query::resolve(typed, false)
        .first()
        .and_then(|id| by_id(id))
}

#[cfg(test)]
mod lookup_tests {
    use super::lookup;

    #[test]
    fn typed_court_names_resolve() {
        for (typed, id) in [
            ("cand", "cand"),
            ("N.D. Cal.", "cand"),
            ("Northern District of California", "cand"),
            ("S.D.N.Y.", "nysd"),
            ("Ninth Circuit", "ca9"),
        ] {
            assert_eq!(lookup(typed).map(|c| c.id).as_deref(), Some(id), "{typed}");
        }
        assert!(lookup("").is_none());
    }
}
