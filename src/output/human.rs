//! Output for people: hits with their case, docket, court, date, place and snippet.

use std::io::Write;
use std::path::Path;

use crate::index::document::StoredDoc;
use crate::search::Hit;
use crate::search::entries::FilingEntry;
use crate::search::facets::{CaseSummary, FacetCounts};

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
    let case = case_label(d);
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
    if let Some(e) = &h.entry {
        writeln!(out, "   {}", paint(DIM, &entry_line(e)))?;
    }
    writeln!(out)
}

/// Most characters of an entry's description shown under a filing hit.
const ENTRY_CHARS: usize = 160;

/// `Dkt. 12 · 2020-02-05 · MOTION to Dismiss …`: the filing's docket entry, its text
/// cut at a word near [`ENTRY_CHARS`].
fn entry_line(e: &FilingEntry) -> String {
    let text = e
        .description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = if text.chars().count() > ENTRY_CHARS {
        let cut: String = text.chars().take(ENTRY_CHARS).collect();
        let cut = match cut.rfind(' ') {
            Some(i) if i > ENTRY_CHARS / 2 => &cut[..i],
            _ => cut.as_str(),
        };
        format!("{} …", cut.trim_end())
    } else {
        text
    };
    let mut parts = vec![format!("Dkt. {}", e.number)];
    parts.extend(e.date.clone());
    parts.push(text);
    parts.join(" · ")
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

/// Counts by facet, after the hits: one line per facet, largest counts first.
pub fn facets(out: &mut impl Write, facets: &[FacetCounts], color: bool) -> std::io::Result<()> {
    for f in facets {
        let name = f.facet.name();
        let counts: Vec<String> = f.counts.iter().map(|(v, n)| format!("{v} {n}")).collect();
        let label = if color {
            format!("{BOLD}{name}{RESET}")
        } else {
            name.to_string()
        };
        writeln!(out, "{label}: {}", counts.join(" · "))?;
    }
    Ok(())
}

/// The heading of a group of hits of one case (`--group case`).
pub fn group_heading(
    out: &mut impl Write,
    case: &str,
    hits: usize,
    color: bool,
) -> std::io::Result<()> {
    let line = format!(
        "== {case} ({hits} {})",
        if hits == 1 { "hit" } else { "hits" }
    );
    if color {
        writeln!(out, "{BOLD}{line}{RESET}")
    } else {
        writeln!(out, "{line}")
    }
}

/// The case name a hit is shown and grouped under.
pub fn case_label(d: &StoredDoc) -> String {
    d.case_name
        .clone()
        .or_else(|| d.title.clone())
        .or_else(|| {
            d.paths
                .first()
                .and_then(|p| Path::new(p).file_name())
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_default()
}

/// `docketeer cases`: one case a line.
pub fn cases(out: &mut impl Write, cases: &[CaseSummary]) -> std::io::Result<()> {
    for c in cases {
        let dates = match (&c.first_date, &c.last_date) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => String::new(),
        };
        let facts: Vec<&str> = [
            c.docket.as_deref(),
            c.court.as_deref(),
            Some(dates.as_str()),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
        writeln!(
            out,
            "{}  {}  {} {}",
            c.case_name,
            facts.join(" · "),
            c.filings,
            if c.filings == 1 { "filing" } else { "filings" }
        )?;
    }
    Ok(())
}

/// `docketeer show`: the filing's metadata.
pub fn filing_header(out: &mut impl Write, d: &StoredDoc, color: bool) -> std::io::Result<()> {
    let title = case_label(d);
    if color {
        writeln!(out, "{BOLD}{title}{RESET}")?;
    } else {
        writeln!(out, "{title}")?;
    }
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(t) = &d.title {
        rows.push(("title", t.clone()));
    }
    if !d.docket_raw.is_empty() {
        rows.push(("docket", d.docket_raw.join("; ")));
    }
    if let Some(c) = &d.court_name {
        rows.push((
            "court",
            format!("{c} ({})", d.court.as_deref().unwrap_or("")),
        ));
    }
    if let Some(j) = &d.judge {
        rows.push(("judge", j.clone()));
    }
    if let Some(date) = &d.date {
        let kind = d
            .date_kind
            .as_deref()
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        rows.push(("date", format!("{date}{kind}")));
    }
    if let Some(t) = &d.doc_type {
        rows.push(("type", t.clone()));
    }
    if !d.plaintiffs.is_empty() {
        rows.push(("plaintiffs", d.plaintiffs.join("; ")));
    }
    if !d.defendants.is_empty() {
        rows.push(("defendants", d.defendants.join("; ")));
    }
    for p in &d.paths {
        rows.push(("path", display_path(p)));
    }
    rows.push(("pages", d.pages.to_string()));
    for (k, v) in rows {
        writeln!(out, "  {k:<11} {v}")?;
    }
    Ok(())
}

/// `docketeer show`: one page of cleaned text, its matched words marked.
pub fn page(
    out: &mut impl Write,
    number: usize,
    of: usize,
    text: &str,
    ranges: &[(usize, usize)],
    color: bool,
) -> std::io::Result<()> {
    writeln!(out, "\n--- page {number} of {of} ---")?;
    if color {
        writeln!(out, "{}", highlight(text.trim_end(), ranges, true))
    } else {
        // Plain output marks matches with brackets, so they show when piped.
        let mut marked = String::with_capacity(text.len() + ranges.len() * 4);
        let mut at = 0;
        for &(s, e) in ranges {
            if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            marked.push_str(&text[at..s]);
            marked.push_str("[[");
            marked.push_str(&text[s..e]);
            marked.push_str("]]");
            at = e;
        }
        marked.push_str(&text[at..]);
        writeln!(out, "{}", marked.trim_end())
    }
}
