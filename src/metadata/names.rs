//! Turning captions' ALL-CAPS names into the proper case people search and read
//! ("ALEJANDRO MAYORKAS" → "Alejandro Mayorkas"), keeping abbreviations and corporate
//! suffixes as they are conventionally written.

/// Words kept in a fixed form whatever case they are printed in.
const FIXED: &[&str] = &[
    "U.S.", "USA", "LLC", "LLP", "L.L.C.", "L.P.", "LP", "PLLC", "P.C.", "P.A.", "N.A.", "S.C.",
    "II", "III", "IV", "VI", "VII", "VIII", "DHS", "CBP", "FBI", "IRS", "FOIA", "NFL", "USDA",
    "D.C.", "M.D.", "CRNA", "ACLU", "BCT", "CDCR",
];

/// Small words written in lower case inside a name.
const SMALL: &[&str] = &[
    "of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "by", "de", "del", "la", "von",
    "van", "ex", "rel.", "rel", "dba", "d/b/a", "aka", "et", "al.",
];

/// Whether a string is printed in capitals (ignoring non-letters); short strings of
/// initials count too.
pub fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

fn cap_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            // Hyphenated and dotted parts each start a new capital: "Santana-Esmeralda";
            // an apostrophe only after one letter: "O'Neil", but "Dreyer's", "Hawai'i".
            let letters_before = out.chars().filter(|c| c.is_alphabetic()).count();
            start = matches!(c, '-' | '.' | '(' | '/') || (c == '\'' && letters_before == 1);
        }
    }
    // "Mc" names: McDonald.
    if out.starts_with("Mc") && out.chars().count() > 3 {
        let mut cs: Vec<char> = out.chars().collect();
        cs[2] = cs[2].to_ascii_uppercase();
        out = cs.into_iter().collect();
    }
    out
}

/// Title-case one word of an ALL-CAPS name.
fn title_word(w: &str, first: bool) -> String {
    let core = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')'));
    if core.is_empty() {
        return w.to_string();
    }
    let lower = core.to_lowercase();
    let fixed = FIXED.iter().find(|f| f.eq_ignore_ascii_case(core));
    let rep = if let Some(f) = fixed {
        (*f).to_string()
    } else if !first && SMALL.contains(&lower.as_str()) {
        lower
    } else if [
        "inc.", "inc", "ltd", "ltd.", "corp", "corp.", "co", "co.", "bros.",
    ]
    .iter()
    .any(|x| core.eq_ignore_ascii_case(x))
    {
        cap_word(core)
    } else if core.len() <= 4
        && core.chars().all(|c| c.is_ascii_alphabetic())
        && !core.chars().any(|c| "AEIOUYaeiouy".contains(c))
    {
        // Vowel-less short words are acronyms: "DK", "TJX".
        core.to_string()
    } else if core.len() == 2 && core.ends_with('.') {
        // An initial: "G."
        core.to_uppercase()
    } else {
        cap_word(core)
    };
    w.replacen(core, &rep, 1)
}

/// Proper-case a name printed in capitals; names already in mixed case are returned
/// unchanged (they are printed as the court wants them).
pub fn proper_case(name: &str) -> String {
    let name = name.trim();
    // "THE CITY OF NEW YORK and DAVID C. BANKS": small words in lower case do not make
    // a name printed in capitals mixed case.
    let caps: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SMALL.contains(w))
        .collect();
    if !is_all_caps(&caps.join(" ")) {
        // Case-law head matter prints surnames in capitals inside a mixed-case name
        // ("Amir PIROUZIAN", "The SUPERIOR COURT of Los Angeles County").
        return name
            .split_whitespace()
            .map(|w| {
                let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                let vowel = letters.iter().any(|c| "AEIOUY".contains(*c));
                let small = SMALL.contains(&w.to_lowercase().as_str());
                if small && is_all_caps(w) {
                    w.to_lowercase()
                } else if letters.len() >= 4 && vowel && is_all_caps(w) {
                    title_word(w, false)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            // "ANGELICA A": a single capital closing a name is an initial, not "a".
            if i == last && i > 0 && w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()) {
                (*w).to_string()
            } else {
                title_word(w, i == 0)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Loose form for comparing names: lowercase letters and digits, single spaces.
pub fn loose(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_to_title() {
        assert_eq!(proper_case("ALEJANDRO MAYORKAS"), "Alejandro Mayorkas");
        assert_eq!(proper_case("AL OTRO LADO, INC."), "Al Otro Lado, Inc.");
        assert_eq!(
            proper_case("AMERICAN CIVIL LIBERTIES UNION OF NORTHERN CALIFORNIA"),
            "American Civil Liberties Union of Northern California"
        );
        assert_eq!(
            proper_case("U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT"),
            "U.S. Immigration and Customs Enforcement"
        );
        assert_eq!(proper_case("JESUS G. BERNAL"), "Jesus G. Bernal");
        assert_eq!(proper_case("SANTANA-ESMERALDA"), "Santana-Esmeralda");
        assert_eq!(proper_case("Mixed Case Co."), "Mixed Case Co.");
        assert_eq!(proper_case("DK LLC"), "DK LLC");
        assert_eq!(proper_case("ANGELICA A"), "Angelica A");
    }
}
