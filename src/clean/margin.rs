//! Pleading-paper line numbers. California (and other) courts require numbered lines
//! 1..28 down the left margin; extractors emit them as a column of bare numbers or glue
//! them to the start of each text line. Stripping every leading number would eat
//! amounts, dates and numbered paragraphs, so only a run counting up 1, 2, 3, ... is
//! taken as margin numbering.

/// A run must be at least this long to count (real lists rarely run this long without
/// "1." style punctuation, and pleading paper always shows 24-28).
const MIN_RUN: usize = 8;

/// The highest line number pleading paper uses.
const MAX_LINE: u32 = 28;

/// The leading margin number of a line, if it starts with one followed by a space or
/// nothing (so "1. Jurisdiction" and "28(j)" are not margin numbers).
fn leading_number(line: &str) -> Option<(u32, usize)> {
    let t = line.trim_start();
    let offset = line.len() - t.len();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &t[digits..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    if !(1..=MAX_LINE).contains(&n) {
        return None;
    }
    Some((n, offset + digits))
}

/// Remove margin numbering from `lines` in place; returns how many numbers were removed.
/// Bare-number lines become empty strings (removed later with other blank lines).
pub fn strip_margin_numbers(lines: &mut [String]) -> usize {
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut current: Vec<(usize, usize)> = Vec::new();
    let mut last = 0u32;
    for (i, line) in lines.iter().enumerate() {
        let Some((n, end)) = leading_number(line) else {
            continue;
        };
        if !current.is_empty() && n == last + 1 {
            current.push((i, end));
            last = n;
        } else if n == 1 {
            runs.push(std::mem::take(&mut current));
            current.push((i, end));
            last = 1;
        }
    }
    runs.push(current);
    let mut removed = 0;
    for run in runs.into_iter().filter(|r| r.len() >= MIN_RUN) {
        for (i, end) in run {
            if let Some(line) = lines.get_mut(i) {
                *line = line.get(end..).unwrap_or("").trim_start().to_owned();
                removed += 1;
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        strip_margin_numbers(&mut lines);
        lines.join("\n")
    }

    #[test]
    fn column_and_prefix_forms() {
        let column: String =
            (1..=28).map(|n| format!("{n}\n")).collect::<String>() + "Body 12 text";
        assert_eq!(strip(&column).trim(), "Body 12 text");
        let prefixed: String = (1..=10)
            .map(|n| format!("{n} line {n} mentions Dkt. No. 28\n"))
            .collect();
        assert!(strip(&prefixed).starts_with("line 1 mentions Dkt. No. 28\nline 2"));
    }

    #[test]
    fn short_lists_and_numbered_paragraphs_stay() {
        let text = "1. Jurisdiction\n2. Facts\n3. Legal Issues\n1 apple\n2 pears\n3 plums";
        assert_eq!(strip(text), text);
    }
}
