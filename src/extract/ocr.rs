//! OCR for scanned filings: render pages with `pdftoppm` at 300 dpi (tesseract's sweet
//! spot for 10-12 pt court typefaces) and read them with `tesseract`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::process::{RunError, run_limited};
use super::{ExtractError, Tool};

/// A scratch directory removed on drop; tempfile is only a dev-dependency.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, ExtractError> {
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "docketeer-ocr-{}-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed),
            nanos
        ));
        std::fs::create_dir_all(&dir)
            .map_err(|e| ExtractError::Unreadable(format!("cannot create OCR scratch dir: {e}")))?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// OCR one page (1-based) of the PDF at `path`.
pub fn ocr_page(
    path: &Path,
    page: usize,
    timeout: Duration,
    memory_limit_mb: u64,
) -> Result<String, ExtractError> {
    let scratch = Scratch::new()?;
    let prefix = scratch.0.join("p");
    let mut cmd = Command::new("pdftoppm");
    cmd.args(["-r", "300", "-png", "-singlefile", "-gray"])
        .arg("-f")
        .arg(page.to_string())
        .arg("-l")
        .arg(page.to_string())
        .arg(path)
        .arg(&prefix);
    let done =
        run_limited(cmd, timeout, memory_limit_mb).map_err(|e| tool_error(Tool::Pdftoppm, e))?;
    let png = prefix.with_extension("png");
    if !done.status.success() || !png.exists() {
        return Err(ExtractError::ToolFailed {
            tool: Tool::Pdftoppm,
            detail: format!("could not render page {page}"),
        });
    }
    let mut cmd = Command::new("tesseract");
    cmd.arg(&png).arg("stdout");
    let done =
        run_limited(cmd, timeout, memory_limit_mb).map_err(|e| tool_error(Tool::Tesseract, e))?;
    if !done.status.success() {
        return Err(ExtractError::ToolFailed {
            tool: Tool::Tesseract,
            detail: format!("could not read page {page}"),
        });
    }
    Ok(String::from_utf8_lossy(&done.stdout).into_owned())
}

fn tool_error(tool: Tool, e: RunError) -> ExtractError {
    match e {
        RunError::NotFound => ExtractError::NeedsOcr {
            missing: Some(tool),
        },
        e => e.into_error(tool),
    }
}
