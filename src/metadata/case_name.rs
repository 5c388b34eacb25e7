//! Short case names: "first plaintiff v. first defendant", persons by surname,
//! organisations in full, governments in their conventional short forms.

use once_cell::sync::Lazy;
use regex::Regex;

/// Words that mark an organisation rather than a person.
static ORG_WORD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:inc|llc|l\.l\.c|ltd|co|corp|corporation|company|companies|department|dept|university|union|center|centre|committee|law|project|state|states|county|city|town|village|board|association|bank|group|services?|commission|trust|insurance|office|agency|bureau|court|people|commonwealth|america|usa|u\.s|district|school|church|chapel|foundation|institute|council|society|partners|holdings|enterprises|industries|international|national|fund|hospital|system|systems|authority|republic|government|federal|administration|enforcement|protection|security|laboratories|technologies|electronics|products|america|health|life|mutual|management|properties|resources|estate|p\.a|p\.c|s\.c|l\.p|llp|pllc|the|of|and|for|&|north\s+carolina|south\s+carolina|north\s+dakota|south\s+dakota|new\s+york|new\s+jersey|new\s+mexico|west\s+virginia|rhode\s+island|california|texas|illinois|massachusetts|pennsylvania|michigan|wisconsin|missouri|connecticut|minnesota|oklahoma|arizona|colorado|oregon|kentucky|tennessee|alabama|mississippi|louisiana|arkansas|iowa|kansas|nebraska|nevada|utah|idaho|montana|wyoming|alaska|maine|vermont|maryland|delaware|ohio|indiana|florida|democracy|league|voters|music|coal|masonry|funding|raceway|storage|testing|contracting)\b")
        .unwrap()
});

/// Lower-case surname particles.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "das", "du",
    "y",
];

/// Whether a name reads as a person's name (two to five capitalised words, no
/// organisation words).
pub fn is_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Kilakila 'O Haleakala": a word opening with an apostrophe is no given name.
    if words.iter().any(|w| w.starts_with('\'')) {
        return false;
    }
    let particles = words.iter().filter(|w| PARTICLES.contains(*w)).count();
    if words.len() < 2 || words.len() - particles > 5 {
        return false;
    }
    if ORG_WORD.is_match(name) {
        // "Jr." and "M.D." are fine, but they are not in ORG_WORD.
        return false;
    }
    // "José Antonio de la Cruz Martínez": surname particles inside a name stay lower case.
    let last = words.len() - 1;
    words.iter().enumerate().all(|(i, w)| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '\'' || c == '(')
            || (i > 0 && i < last && PARTICLES.contains(w))
    })
}

/// Case names shorten governments: `The People of the State of New York` → `People`,
/// `United States of America` → `United States`, `The Superior Court of Los Angeles
/// County` → `Superior Court`, and a prosecuting `State of Connecticut` → `State`.
pub fn short_sovereign(name: &str, first_side: bool) -> String {
    static PEOPLE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)^(?:the\s+)?people\b(?:\s+of\b.*)?$").unwrap());
    static USA: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)^(?:the\s+)?united\s+states(?:\s+of\s+america)?$").unwrap());
    static SUPERIOR: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^(?:the\s+)?(superior|district|circuit|county|municipal)\s+court\b")
            .unwrap()
    });
    static STATE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?i)^(?:the\s+)?(state|commonwealth)\s+of\s+[a-z .]+?(?:,?\s+(ex\s+rel\.?)\s+(.+))?$",
        )
        .unwrap()
    });
    let n = name.trim();
    // "The North Carolina State Board of Elections" → "North Carolina State Board of
    // Elections": public bodies drop the article in case names.
    static PUBLIC_BODY: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^the\s+(.*\b(?:board|commission|department|agency|bureau|office|authority|county|city)\b.*)$").unwrap()
    });
    let stripped;
    let n = match PUBLIC_BODY.captures(n) {
        Some(c) => {
            stripped = c[1].to_string();
            stripped.as_str()
        }
        None => n,
    };
    if PEOPLE.is_match(n) {
        return "People".into();
    }
    if USA.is_match(n) {
        return "United States".into();
    }
    if let Some(c) = SUPERIOR.captures(n) {
        let w = &c[1];
        let mut cs = w.chars();
        let cap: String = cs
            .next()
            .map(|f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
            .unwrap_or_default();
        return format!("{cap} Court");
    }
    // "The STATE, Petitioner" (South Carolina's and Georgia's styles): a bare "The
    // State" is the State.
    static BARE_STATE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)^the\s+(state|commonwealth)$").unwrap());
    if let Some(c) = BARE_STATE.captures(n) {
        return if c[1].eq_ignore_ascii_case("state") {
            "State".into()
        } else {
            "Commonwealth".into()
        };
    }
    if let Some(c) = STATE.captures(n) {
        let kind = if c[1].eq_ignore_ascii_case("state") {
            "State"
        } else {
            "Commonwealth"
        };
        if let Some(rel) = c.get(3) {
            return format!("{kind} ex rel. {}", short_party(rel.as_str()));
        }
        if first_side {
            return kind.into();
        }
    }
    short_party(n)
}

/// The short form of a party for a case name: a person's surname, an organisation's
/// full name.
pub fn short_party(name: &str) -> String {
    let n = name.trim();
    // "X, Inc. dba Y" is known as X, Inc.
    let n = n
        .split(" dba ")
        .next()
        .unwrap_or(n)
        .split(" d/b/a ")
        .next()
        .unwrap_or(n)
        .trim();
    if !is_person(n) {
        return n.to_string();
    }
    let words = name_words(n);
    // "James Shaffer, CRNA": a professional suffix is not the surname.
    let words: Vec<&str> = match words.iter().position(|w| w.ends_with(',')) {
        Some(k) if k + 1 >= words.len().saturating_sub(2) && k >= 1 => words[..=k].to_vec(),
        _ => words,
    };
    let Some(last) = words.last().map(|w| w.trim_end_matches(',')) else {
        return n.to_string();
    };
    // "Alexander M.", "Kari W.": a surname withheld to its initial (Social Security and
    // family matters) leaves the name as printed as the case's name for the person.
    if words.len() >= 2 && last.trim_end_matches('.').chars().count() == 1 {
        return words.join(" ").trim_end_matches(',').to_string();
    }
    if words.len() >= 3 {
        let prev = words[words.len() - 2];
        if matches!(
            prev.to_lowercase().as_str(),
            "st."
                | "de"
                | "del"
                | "van"
                | "von"
                | "la"
                | "le"
                | "da"
                | "di"
                | "mc"
                | "o'"
                | "san"
                | "santa"
                | "dos"
                | "das"
                | "du"
                | "ten"
                | "ter"
        ) {
            let prev = prev.trim_end_matches(',');
            return format!("{prev} {last}");
        }
    }
    last.to_string()
}

/// The surname the filing itself uses for a person, when it is longer than the last
/// word: compound surnames ("Angel Zepeda Rivas" is "Zepeda Rivas"; "José Antonio De La
/// Cruz Martínez" is "De La Cruz Martínez"). A trailing run of the name's words counts
/// as the surname when `body` uses it on its own: after a courtesy title ("Ms.
/// Hernández López"), opening a sentence ("Ruiz Vargas contends"), or in the
/// possessive. The longest such run wins; given names are never taken in.
pub fn body_surname(name: &str, body: &str) -> Option<String> {
    if !is_person(name) {
        return None;
    }
    let words = name_words(name);
    if words.len() < 3 {
        return None;
    }
    for k in (2..words.len()).rev() {
        let run = &words[words.len() - k..];
        // "Chad F. Wolf": an initial is a given name, never part of a surname.
        if run
            .iter()
            .any(|w| w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() < 2)
        {
            continue;
        }
        if let Some(printed) = used_alone(&run.join(" "), body) {
            return Some(printed);
        }
    }
    None
}

/// How `body` prints `cand` standing as a surname of its own (see [`body_surname`]).
fn used_alone(cand: &str, body: &str) -> Option<String> {
    let pat = cand
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let re = Regex::new(&format!(
        r"(?:\b(?:Mr|Ms|Mrs|Miss|Dr|Mx)\.?\s+|\b(?:Plaintiff|Defendant|Petitioner|Respondent|Appellant|Appellee|Debtor|Movant)\s+|(?:^|[.!?]\s+|\n[ \t]*|[(“\x22]))((?i:{pat}))(?:['’]s\b|[ \t]+[a-z]|[)”\x22,])|\b(?:Mr|Ms|Mrs|Miss|Dr|Mx)\.?\s+((?i:{pat}))\b"
    ))
    .ok()?;
    re.captures_iter(body).find_map(|c| {
        let m = c.get(1).or_else(|| c.get(2))?.as_str();
        // Only the name as printed in the body's own case: a caption in capitals is no
        // use of the surname alone.
        (!super::names::is_all_caps(m)).then(|| m.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// A person's name words without generational and professional suffixes (Jr., III,
/// M.D.), which are never the surname.
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .filter(|w| {
            let l = w.trim_end_matches([',', '.']).to_lowercase();
            !matches!(
                l.as_str(),
                "jr" | "sr" | "ii" | "iii" | "iv" | "m.d" | "esq"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_surnames_only_from_the_body_s_own_use() {
        let body = "Plaintiff Angel de Jesus Zepeda Rivas is detained. Zepeda Rivas contends\n\
                    that the conditions are unsafe.";
        assert_eq!(
            body_surname("Angel de Jesus Zepeda Rivas", body).as_deref(),
            Some("Zepeda Rivas")
        );
        // A middle name is no part of the surname when the body never drops the first.
        let body = "Plaintiff John Michael Smith brings this action. Smith alleges that\n\
                    John Michael Smith was injured.";
        assert_eq!(body_surname("John Michael Smith", body), None);
        // Initials never start a surname; capitals captions are no evidence.
        assert_eq!(body_surname("Chad F. Wolf", "Mr. F. Wolf said"), None);
        assert_eq!(
            body_surname("Maria Lopez Garcia", "MARIA LOPEZ GARCIA,\nPlaintiff,\n"),
            None
        );
        assert!(is_person("José Antonio de la Cruz Martínez"));
        assert!(!is_person("de la Cruz Holdings"));
    }

    #[test]
    fn a_surname_withheld_to_its_initial_keeps_the_given_name() {
        // D. Me. 2:25-cv-00292 ("ALEXANDER M."), and the same style in D. Minn.
        assert_eq!(short_party("Alexander M."), "Alexander M.");
        assert_eq!(short_party("Kari W."), "Kari W.");
        assert_eq!(short_party("Chad F. Wolf"), "Wolf");
    }

    #[test]
    fn bare_state_drops_its_article() {
        // "The STATE, Petitioner" (S.C.) and "FAIR v. THE STATE." (Ga.).
        assert_eq!(short_sovereign("The State", true), "State");
        assert_eq!(short_sovereign("THE STATE", false), "State");
        assert_eq!(short_sovereign("The Commonwealth", true), "Commonwealth");
    }
}
