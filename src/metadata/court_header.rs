//! The filing's own court from the lines that head it, read through the court table.
//!
//! Courts print their name on one to three lines at the top ("UNITED STATES BANKRUPTCY
//! COURT" / "EASTERN DISTRICT OF MICHIGAN"; "IN THE COURT OF APPEALS OF THE STATE OF
//! WASHINGTON, DIVISION ONE"; "BEFORE THE ... BOARD"). Each run of up to three
//! consecutive lines is tried against the table; a court counts only when its name
//! makes up most of the run, so a court cited in a sentence is not taken for the
//! filing's own.

use super::Court;
use super::court::is_lower_court;
use super::courts_db::{self, Table};

/// How many non-empty lines of the head may hold the court's name.
const MAX_LINES: usize = 60;
/// A court's name is printed on at most this many lines.
const MAX_SPAN: usize = 3;
/// A run longer than this is prose, not a court line.
const MAX_RUN: usize = 240;
/// Share of a run's letters the court's name must cover.
const MIN_COVER: f64 = 0.6;

/// Words that introduce a court's name without being part of it.
const LEADS: &[&str] = &["in the ", "before the ", "in ", "for the ", "at the "];

/// The earliest court line in `head`, with its byte position.
pub fn find(head: &str) -> Option<(usize, Court)> {
    let lines = nonempty_lines(head);
    let lines = &lines[..lines.len().min(MAX_LINES)];
    find_in(head, lines).or_else(|| {
        // Pennsylvania's appellate captions print the court in the right-hand column of
        // a caption ruled with colons ("BISHER : IN THE SUPERIOR COURT OF" /
        // "... : PENNSYLVANIA"), split over lines the left column sets.
        let right: Vec<(usize, &str)> = lines
            .iter()
            .filter_map(|&(pos, l)| {
                let (_, r) = l.rsplit_once(" :")?;
                let r = r.trim();
                (!r.is_empty()).then_some((pos, r))
            })
            .collect();
        find_in(head, &right)
    })
}

/// The earliest run of `lines` (byte offset in `head`, text) that names a court.
fn find_in(head: &str, lines: &[(usize, &str)]) -> Option<(usize, Court)> {
    let table = courts_db::table();
    for i in 0..lines.len() {
        let (pos, _) = lines[i];
        if is_lower_court(head, pos) || names_the_court_below(lines[i].1) {
            continue;
        }
        let mut best: Option<(usize, usize)> = None; // (letters matched, court)
        for span in 1..=MAX_SPAN.min(lines.len() - i) {
            let run = lines[i..i + span]
                .iter()
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join(" ");
            if run.len() > MAX_RUN {
                break;
            }
            if !looks_like_a_name(&run) {
                continue;
            }
            for v in variants(&run) {
                let found = best_in_run(table, &v).or_else(|| bankruptcy_by_district(table, &v));
                if let Some((n, c)) = found {
                    let better = match best {
                        None => true,
                        Some((m, d)) => n > m || (n == m && table.is_ancestor(d, c)),
                    };
                    if better {
                        best = Some((n, c));
                    }
                }
            }
        }
        if let Some((_, c)) = best {
            let r = &table.rows()[table.reported(c)];
            return Some((
                pos,
                Court {
                    id: r.id.into(),
                    name: r.name.into(),
                },
            ));
        }
    }
    None
}

/// Words that open a line naming the court a case comes from ("On Appeal from the
/// Superior Court of ...", "On Writ of Certiorari to the ..."): that court is not the
/// filing's.
const BELOW_LEADS: &[&str] = &[
    "on appeal from",
    "appeal from",
    "appealed from",
    "on petition for review from",
    "on writ of certiorari to",
    "certiorari to",
    "originating court",
    "lower court",
    "lower ct",
];

fn names_the_court_below(line: &str) -> bool {
    let lower = line
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    BELOW_LEADS.iter().any(|l| lower.starts_with(l))
}

/// Is court `below` a division or district of court `above`?
pub fn is_below(below: &str, above: &str) -> bool {
    let t = courts_db::table();
    match (t.index_of(below), t.index_of(above)) {
        (Some(b), Some(a)) => t.is_ancestor(a, b),
        _ => false,
    }
}

/// The court whose name covers most of `run`, with the letters it covers.
fn best_in_run(table: &Table, run: &str) -> Option<(usize, usize)> {
    let core = strip_leads(run);
    let total = letters(core);
    if total < 6 {
        return None;
    }
    // courts-db writes some district and bankruptcy patterns as one; the word
    // "Bankruptcy" tells them apart.
    let lower = core.to_lowercase();
    let bankruptcy = lower.contains("bankr");
    let bankruptcy_court = lower.contains("bankruptcy court");
    let fits = |c: usize| (table.rows()[c].kind == "bankruptcy") == bankruptcy;
    let mut best: Option<(usize, usize)> = None;
    for h in table.search(core) {
        let n = letters(&core[h.start..h.end]);
        if (n as f64) < MIN_COVER * total as f64
            || table.is_umbrella(h.court)
            || (bankruptcy_court && !fits(h.court))
        {
            continue;
        }
        let better = match best {
            None => true,
            Some((m, d)) => {
                n > m || (n == m && (table.is_ancestor(d, h.court) || (fits(h.court) && !fits(d))))
            }
        };
        if better {
            best = Some((n, h.court));
        }
    }
    best
}

/// "U.S. Bankruptcy Court" with a district named the way PACER prints it ("District of
/// Maine", "NORTH DAKOTA (Fargo)", "Eastern District of Michigan"): the bankruptcy court
/// of that state and direction, when the table has exactly one.
fn bankruptcy_by_district(table: &Table, run: &str) -> Option<(usize, usize)> {
    let lower = format!(
        " {} ",
        run.to_lowercase().replace([',', '(', ')', '.'], " ")
    );
    if !lower.contains(" bankruptcy court ") {
        return None;
    }
    let state = table
        .rows()
        .iter()
        .filter(|r| r.system == "federal" && r.kind == "bankruptcy")
        .map(|r| r.location)
        .filter(|l| !l.is_empty() && lower.contains(&format!(" {} ", l.to_lowercase())))
        .max_by_key(|l| l.len())?;
    let direction = [
        "northern", "southern", "eastern", "western", "middle", "central",
    ]
    .into_iter()
    .find(|d| lower.contains(&format!(" {d} ")));
    let courts: Vec<usize> = (0..table.rows().len())
        .filter(|&i| {
            let r = &table.rows()[i];
            r.system == "federal"
                && r.kind == "bankruptcy"
                && r.location == state
                && match direction {
                    Some(d) => {
                        let initial = format!("{}.d.", &d[..1]);
                        let name = r.name.to_lowercase();
                        name.contains(d) || name.contains(&initial)
                    }
                    None => true,
                }
        })
        .collect();
    match courts.as_slice() {
        [one] => Some((letters(run), *one)),
        _ => None,
    }
}

/// The run as printed, and with "of the State of" read as "of" (courts-db names
/// "Court of Appeals of Washington"; the court prints "... of the State of Washington").
fn variants(run: &str) -> Vec<String> {
    // Colons, brackets and rules around a printed name are not part of it.
    let run = run
        .replace([':', ';', '*', '_', '|', '§', '[', ']'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = vec![run.clone()];
    let lower = run.to_lowercase();
    for (from, to) in [
        ("u.s. ", "United States "),
        ("u. s. ", "United States "),
        (" of the state of ", " of "),
        (" of the commonwealth of ", " of "),
        ("the state of ", ""),
        (" court state of ", " court of "),
    ] {
        if let Some(i) = lower.find(from) {
            let mut v = String::with_capacity(run.len());
            v.push_str(&run[..i]);
            v.push_str(to);
            v.push_str(&run[i + from.len()..]);
            out.push(v);
        }
    }
    let bare = without_designations(&run);
    if bare.len() < run.len() {
        out.push(bare.to_string());
    }
    if let Some(v) = state_first(&run) {
        out.push(v);
    }
    out
}

/// Words of the division a court line ends with (", First District, FIFTH DIVISION",
/// ", Division One", ", Second Department"): they are part of the court's line, though
/// courts-db names the court without them.
const DESIGNATION: &[&str] = &[
    "district",
    "division",
    "department",
    "circuit",
    "judicial",
    "appellate",
    "dist",
    "div",
    "dept",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "1st",
    "2d",
    "2nd",
    "3d",
    "3rd",
    "4th",
    "5th",
    "6th",
    "7th",
    "8th",
    "9th",
    "10th",
    "11th",
    "12th",
    "no",
];

/// Words that name a division rather than qualify it.
const DESIGNATION_HEADS: &[&str] = &[
    "district",
    "division",
    "department",
    "circuit",
    "dist",
    "div",
    "dept",
];

/// The run without the comma-separated designations that end it.
fn without_designations(run: &str) -> &str {
    let mut end = run.trim_end_matches(['.', ' ']).len();
    while let Some(comma) = run[..end].rfind(',') {
        let words: Vec<String> = run[comma + 1..end]
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let is_designation = !words.is_empty()
            && words.iter().all(|w| {
                DESIGNATION.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit())
            })
            && words
                .iter()
                .any(|w| DESIGNATION_HEADS.contains(&w.as_str()));
        if !is_designation {
            break;
        }
        end = comma;
    }
    &run[..end]
}

/// Words that begin a court's name after the state that heads a court line.
const COURT_WORDS: &[&str] = &[
    "supreme",
    "superior",
    "court",
    "appellate",
    "circuit",
    "district",
];

/// "STATE OF MINNESOTA / IN COURT OF APPEALS", "STATE OF MICHIGAN / COURT OF APPEALS":
/// the state printed above the court, read as "COURT OF APPEALS of MINNESOTA".
fn state_first(run: &str) -> Option<String> {
    let words: Vec<&str> = run.split_whitespace().collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut i = usize::from(lower.first().is_some_and(|w| w == "the"));
    if !matches!(
        lower.get(i).map(String::as_str),
        Some("state" | "commonwealth")
    ) || lower.get(i + 1).map(String::as_str) != Some("of")
    {
        return None;
    }
    i += 2;
    let state_start = i;
    while i < words.len() && lower[i] != "in" && !COURT_WORDS.contains(&lower[i].as_str()) {
        i += 1;
    }
    if i == state_start || i == words.len() {
        return None;
    }
    let state = words[state_start..i].join(" ");
    while i < words.len() && matches!(lower[i].as_str(), "in" | "the") {
        i += 1;
    }
    if i == words.len() {
        return None;
    }
    let court = words[i..].join(" ");
    Some(format!("{court} of {}", state.trim_end_matches(',')))
}

/// Court lines are capitals or title case ("SUPREME COURT OF OHIO", "Court of Appeals
/// of Georgia."); a run with several lower-case words is a sentence.
fn looks_like_a_name(run: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "for", "and", "in", "at", "de", "del", "la", "on", "to",
    ];
    let lower = run
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            !SMALL.contains(&w)
        })
        .count();
    lower <= 1
}

fn strip_leads(run: &str) -> &str {
    let mut s = run.trim_matches(|c: char| !c.is_alphanumeric());
    for lead in LEADS {
        if s.len() > lead.len()
            && s.is_char_boundary(lead.len())
            && s[..lead.len()].eq_ignore_ascii_case(lead)
        {
            s = &s[lead.len()..];
            break;
        }
    }
    s
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Non-empty lines with their byte offsets.
fn nonempty_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            out.push((pos, line.trim()));
        }
        pos += line.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> String {
        find(s).map(|(_, c)| c.id).unwrap_or_default()
    }

    #[test]
    fn state_appellate_headers() {
        assert_eq!(
            id("IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON\nDIVISION ONE\n"),
            "washctapp"
        );
        assert_eq!(id("Supreme Court of Ohio\n\nState v. Smith\n"), "ohio");
    }

    #[test]
    fn designations_after_the_court_s_name() {
        assert_eq!(
            id("Appellate Court of Illinois, First District, FIFTH DIVISION.\nNovember 30, 2018\n"),
            "illappct"
        );
        assert_eq!(
            without_designations("Court of Appeal, Second District, Division 4"),
            "Court of Appeal"
        );
        // A name that goes on after its comma keeps it.
        assert_eq!(
            without_designations("Court of Appeals, Fifth Circuit Court"),
            "Court of Appeals, Fifth Circuit Court"
        );
    }

    #[test]
    fn state_printed_above_the_court() {
        assert_eq!(
            id("STATE OF MINNESOTA\nIN COURT OF APPEALS\nA25-1873\n"),
            "minnctapp"
        );
        assert_eq!(
            id("STATE OF MICHIGAN\nCOURT OF APPEALS\n\nPEOPLE OF THE STATE OF MICHIGAN,\n"),
            "michctapp"
        );
        assert_eq!(state_first("STATE OF CALIFORNIA, Plaintiff"), None);
    }

    #[test]
    fn court_in_the_right_column_of_a_colon_caption() {
        let head = "J-S12041-26\nNON-PRECEDENTIAL DECISION - SEE SUPERIOR COURT O.P. 65.37\n\
            BRENTON D. BISHER, CARLA S.        : IN THE SUPERIOR COURT OF\n\
            BISHER, AND ESTATE OF CORY ALLEN   :       PENNSYLVANIA\n\
            :\n\
            v.                      :\n";
        assert_eq!(id(head), "pasuperct");
        let morris = "COMMONWEALTH OF PENNSYLVANIA : IN THE SUPERIOR COURT OF\n\
            : PENNSYLVANIA\n\
            v.\n\
            VERNELL MORRIS Appellant : No. 3731 EDA 2016\n";
        assert_eq!(id(morris), "pasuperct");
    }

    #[test]
    fn bankruptcy_header_over_two_lines() {
        assert_eq!(
            id("UNITED STATES BANKRUPTCY COURT\nEASTERN DISTRICT OF MICHIGAN\nSOUTHERN DIVISION\n"),
            "mieb"
        );
    }

    #[test]
    fn a_court_cited_in_a_sentence_is_not_the_filing_s() {
        assert_eq!(
            id(
                "Plaintiff appealed, and the Court of Appeals of Washington reversed the judgment of the trial court on all counts.\n"
            ),
            ""
        );
    }
}
