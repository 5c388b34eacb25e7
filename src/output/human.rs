//! Output for people: hits with their case, docket, court, date, place and snippet.

use std::io::Write;
use std::path::Path;

use crate::search::Hit;

const BOLD: &str = "\x1b[1m";
const HIGHLIGHT: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const PATH: &str = "\x1b[35m";
const RESET: &str = "\x1b[0m";

/// Print one hit in the human format.
pub fn hit(out: &mut impl Write, h: &Hit, color: bool) -> std::io::Result<()> {
    let d = &h.doc;
    let paint = |code: &str, s: &str| {
        if color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    // A filing without a caption is named by its title, else its file name.
    let case = d
        .case_name
        .clone()
        .or_else(|| d.title.clone())
        .or_else(|| {
            d.paths
                .first()
                .and_then(|p| Path::new(p).file_name())
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let mut facts: Vec<String> = Vec::new();
    if let Some(raw) = d.docket_raw.first() {
        facts.push(raw.clone());
    }
    if let Some(c) = d.court.as_deref() {
        facts.push(c.to_string());
    }
    if let Some(date) = &d.date {
        facts.push(date.clone());
    }
    if let Some(t) = &d.doc_type {
        facts.push(t.clone());
    }
    writeln!(
        out,
        "{}. {}  {}",
        h.rank,
        paint(BOLD, &case),
        paint(DIM, &facts.join(" · "))
    )?;
    let path = d.paths.first().map(|p| display_path(p)).unwrap_or_default();
    let place = match h.page {
        Some(p) => format!("{path}:{p}"),
        None => path,
    };
    writeln!(out, "   {}", paint(PATH, &place))?;
    writeln!(out, "   {}", highlight(&h.snippet, &h.highlights, color))?;
    writeln!(out)
}

/// Mark matched ranges: colour on a terminal, nothing when piped.
fn highlight(text: &str, ranges: &[(usize, usize)], color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + ranges.len() * 12);
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(HIGHLIGHT);
        out.push_str(&text[s..e]);
        out.push_str(RESET);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Paths under the working directory are shown relative to it.
pub fn display_path(p: &str) -> String {
    let path = Path::new(p);
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(|r| r.display().to_string()))
        .unwrap_or_else(|| p.to_string())
}
