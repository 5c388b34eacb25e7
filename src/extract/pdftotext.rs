//! The poppler `pdftotext` fallback. pdf-extract is pure Rust and fast, but panics on
//! some malformed files and silently drops text on others; poppler is the reference
//! reader for PDFs that courts actually produce.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::process::run_limited;
use super::{ExtractError, Tool};

/// Extract page texts with `pdftotext` (reading order, no `-layout`: layout mode pads
/// columns with spaces and splits phrases that wrap in the margin). Pages are split on
/// form feeds.
pub fn pdftotext_pages(
    path: &Path,
    timeout: Duration,
    memory_limit_mb: u64,
) -> Result<Vec<String>, ExtractError> {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-q", "-enc", "UTF-8"]).arg(path).arg("-");
    let done = match run_limited(cmd, timeout, memory_limit_mb) {
        Ok(d) => d,
        Err(e) => return Err(e.into_error(Tool::Pdftotext)),
    };
    if !done.status.success() {
        // pdftotext exits 1 for "cannot open", 3 for permission problems; with -q it
        // prints nothing, so ask again without -q only to classify the failure.
        return Err(classify_failure(path, timeout, memory_limit_mb));
    }
    let text = String::from_utf8_lossy(&done.stdout);
    let mut pages: Vec<String> = text.split('\u{000C}').map(str::to_owned).collect();
    // pdftotext ends every page with a form feed, so the last piece is empty.
    if pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

fn classify_failure(path: &Path, timeout: Duration, memory_limit_mb: u64) -> ExtractError {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-l").arg("1").arg(path).arg("-");
    let stderr = match run_limited(cmd, timeout, memory_limit_mb) {
        Ok(d) => String::from_utf8_lossy(&d.stderr).into_owned(),
        Err(_) => String::new(),
    };
    if stderr.contains("Incorrect password") {
        return ExtractError::Encrypted;
    }
    let first = stderr
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("unreadable PDF")
        .trim()
        .to_owned();
    ExtractError::ToolFailed {
        tool: Tool::Pdftotext,
        detail: first,
    }
}
