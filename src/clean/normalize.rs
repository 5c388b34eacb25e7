//! Character-level normalisation. Filings mix typographic and ASCII punctuation
//! arbitrarily, so both are folded to ASCII to make `court's` match `court’s`; ligatures
//! are expanded because extractors emit them as single code points that no query types.

/// Normalise characters, keeping line breaks. Control characters (NUL, BEL, escape
/// garbage from broken fonts) are dropped; tabs and unusual spaces become spaces.
pub fn normalize_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Printable ASCII and line breaks, nearly all of a filing, are copied a run at a
    // time; only the other characters go through the table below.
    let mut run_start = 0;
    for (i, c) in s.char_indices() {
        if c == '\n' || (' '..='~').contains(&c) {
            continue;
        }
        out.push_str(&s[run_start..i]);
        run_start = i + c.len_utf8();
        match c {
            '\n' => out.push('\n'),
            '\r' => {}
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => {
                out.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\t' | '\u{000B}' | '\u{000C}' => out.push(' '),
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            // Private-use code points come from fonts without a Unicode map; they are
            // not text anyone can search for.
            '\u{E000}'..='\u{F8FF}' => {}
            c => out.push(c),
        }
    }
    out.push_str(&s[run_start..]);
    out
}

/// Collapse runs of spaces inside a line and trim both ends.
pub fn tidy_line(line: &str) -> String {
    if !line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  ") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_typography() {
        assert_eq!(
            normalize_chars("\u{FB01}nal \u{201C}court\u{2019}s\u{201D} \u{2013} a\u{a0}b\0\u{7}"),
            "final \"court's\" - a b"
        );
        assert_eq!(tidy_line("  a   b  "), "a b");
        assert_eq!(tidy_line("a b"), "a b");
        assert_eq!(tidy_line("a  b"), "a b");
        assert_eq!(tidy_line(" "), "");
    }

    #[test]
    fn plain_runs_around_special_characters_survive() {
        assert_eq!(normalize_chars(""), "");
        assert_eq!(normalize_chars("abc"), "abc");
        assert_eq!(normalize_chars("\u{FB01}"), "fi");
        assert_eq!(
            normalize_chars("a\r\nb\u{7f}c\u{E000}d\u{e9}"),
            "a\nbcd\u{e9}"
        );
        assert_eq!(normalize_chars("x\u{2019}y\t\u{2014}z"), "x'y -z");
    }
}
