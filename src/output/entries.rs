//! Docket-entry hits: `case · Dkt. 12 · 2020-02-05 · MOTION to Dismiss ...`, with the
//! indexed filing that is the entry's document on the next line when there is one.

use std::io::Write;

use crate::search::entries::EntryHit;

/// The most characters of an entry's text on its line.
const TEXT_CHARS: usize = 160;

const BOLD: &str = "\x1b[1m";
const PATH: &str = "\x1b[35m";
const RESET: &str = "\x1b[0m";

/// Print one entry hit for people.
pub fn hit(out: &mut impl Write, h: &EntryHit, color: bool) -> std::io::Result<()> {
    let paint = |code: &str, s: &str| {
        if color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let case = h
        .case_name
        .clone()
        .or_else(|| h.docket.first().cloned())
        .unwrap_or_else(|| "-".into());
    let number = h
        .number
        .as_deref()
        .map_or_else(|| "Dkt. -".to_string(), |n| format!("Dkt. {n}"));
    let mut text: String = h.description.chars().take(TEXT_CHARS).collect();
    if h.description.chars().count() > TEXT_CHARS {
        text.push_str(" ...");
    }
    writeln!(
        out,
        "{} · {} · {} · {}",
        paint(BOLD, &case),
        number,
        h.date.as_deref().unwrap_or("-"),
        text
    )?;
    if let Some(p) = h.filing.first() {
        writeln!(out, "   {}", paint(PATH, p))?;
    }
    Ok(())
}
