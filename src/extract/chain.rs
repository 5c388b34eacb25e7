//! How a PDF is read: one ordered list of steps ([`STEPS`]). Each step is a small
//! function with the same signature that turns the attempt so far into a new one, and
//! the list alone decides when each step runs:
//!
//! 1. pdf-extract, in a worker process when one is configured (crashes, hangs and
//!    runaway memory cannot take the indexer down), else on a guarded thread;
//! 2. pdftotext, when pdf-extract's text cannot be trusted (or it died);
//! 3. OCR, when pages look scanned (without `--ocr` this step only reports them).

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::pdf::{self, word_count};
use super::pdftotext::pdftotext_pages;
use super::{Distrust, ExtractError, ExtractOptions, Extracted, Note, Tool, guard, ocr, worker};

/// What the steps so far have made of a PDF.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Attempt {
    /// Nothing tried yet.
    Start,
    /// Text that can be used (scanned pages may be left for OCR).
    Read(Extracted),
    /// pdf-extract's text cannot be trusted; `partial` is what it got, `images` says
    /// which pages (0-based) draw images.
    Untrusted {
        /// Why pdf-extract's text is not trusted.
        why: Distrust,
        /// The text pdf-extract did get; None when it got nothing usable.
        partial: Option<Extracted>,
        /// One entry per page (0-based): whether the page draws an image.
        images: Vec<bool>,
    },
    /// No text; nothing further can help.
    Failed(ExtractError),
}

/// One step of reading a PDF.
pub struct Step {
    /// The step's name, for documentation and tests.
    pub name: &'static str,
    /// Whether the step runs on the attempt so far.
    pub when: fn(&Attempt) -> bool,
    /// The step itself.
    pub run: fn(&Path, &ExtractOptions, Attempt) -> Attempt,
}

/// The order in which a PDF is read, and when each step is taken.
pub const STEPS: &[Step] = &[
    Step {
        name: "pdf-extract",
        when: |a| matches!(a, Attempt::Start),
        run: pdf_extract,
    },
    Step {
        name: "pdftotext",
        when: |a| matches!(a, Attempt::Untrusted { .. }),
        run: pdftotext,
    },
    Step {
        name: "ocr",
        when: |a| matches!(a, Attempt::Read(ex) if !ex.scanned_pages.is_empty()),
        run: ocr,
    },
];

/// Read a PDF through [`STEPS`].
pub fn read_pdf(path: &Path, opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    let mut attempt = Attempt::Start;
    for step in STEPS {
        if (step.when)(&attempt) {
            attempt = (step.run)(path, opts, attempt);
        }
    }
    match attempt {
        Attempt::Read(ex) => Ok(ex),
        Attempt::Failed(e) => Err(e),
        Attempt::Untrusted { why, .. } => Err(ExtractError::Unusable {
            why,
            then: Box::new(ExtractError::NoText),
        }),
        Attempt::Start => Err(ExtractError::Internal {
            stage: super::Stage::Extract,
            message: "no PDF step ran".into(),
        }),
    }
}

/// Step 1: pdf-extract, isolated in a worker process when one is configured.
fn pdf_extract(path: &Path, opts: &ExtractOptions, _: Attempt) -> Attempt {
    match &opts.worker {
        Some(worker) => worker::pdf_extract_in_child(worker, path, opts),
        None => match std::fs::read(path) {
            Ok(bytes) => guard::pdf_thread(opts, move || pdf::pdf_extract(&bytes)),
            Err(e) => Attempt::Failed(ExtractError::Unreadable(super::io_reason(&e))),
        },
    }
}

/// Step 2: pdftotext. If it cannot run, keep pdf-extract's partial text (marked as a
/// gap) rather than nothing.
fn pdftotext(path: &Path, opts: &ExtractOptions, attempt: Attempt) -> Attempt {
    let Attempt::Untrusted {
        why,
        partial,
        images,
    } = attempt
    else {
        return attempt;
    };
    match pdftotext_pages(path, opts.timeout, opts.memory_limit_mb) {
        Ok(pages) => {
            let images = if images.len() == pages.len() {
                images
            } else {
                Vec::new()
            };
            let ex = pdf::finish(
                pages,
                &images,
                Tool::Pdftotext,
                vec![Note::Fallback {
                    used: Tool::Pdftotext,
                    why: why.clone(),
                }],
            );
            if ex.scanned_pages.is_empty() && ex.pages.iter().all(|p| word_count(p) == 0) {
                return Attempt::Failed(ExtractError::Unusable {
                    why,
                    then: Box::new(ExtractError::NoText),
                });
            }
            Attempt::Read(ex)
        }
        Err(ExtractError::Encrypted) => Attempt::Failed(ExtractError::Encrypted),
        Err(e) => match partial {
            Some(mut ex) if ex.pages.iter().any(|t| word_count(t) > 0) => {
                ex.note(Note::Partial { why, fallback: e });
                Attempt::Read(ex)
            }
            _ => Attempt::Failed(ExtractError::Unusable {
                why,
                then: Box::new(e),
            }),
        },
    }
}

/// Step 3: pages that look scanned. OCR them when asked; otherwise refuse a document
/// that has no real text and note a partial scan.
fn ocr(path: &Path, opts: &ExtractOptions, attempt: Attempt) -> Attempt {
    let Attempt::Read(mut ex) = attempt else {
        return attempt;
    };
    let all_scanned = ex.pages.iter().enumerate().all(|(i, p)| {
        ex.scanned_pages.contains(&(i + 1))
            || word_count(&crate::clean::headers::strip_header_lines(p)) == 0
    });
    if !opts.ocr {
        if all_scanned {
            return Attempt::Failed(ExtractError::NeedsOcr { missing: None });
        }
        let pages = ex.scanned_pages.clone();
        ex.note(Note::ScannedPages(pages));
        return Attempt::Read(ex);
    }
    let mut done = Vec::new();
    for page in ex.scanned_pages.clone() {
        match ocr::ocr_page(path, page, opts.timeout, opts.memory_limit_mb) {
            Ok(text) => {
                if let Some(slot) = ex.pages.get_mut(page - 1) {
                    // The text layer of a scan is the exact ECF stamp; OCR may garble it.
                    let stamp = slot.trim().to_owned();
                    *slot = if stamp.is_empty() {
                        text
                    } else {
                        format!("{stamp}\n{text}")
                    };
                    done.push(page);
                }
            }
            Err(e) if all_scanned => return Attempt::Failed(e),
            Err(error) => ex.note(Note::OcrFailed { page, error }),
        }
    }
    if all_scanned {
        ex.method = "ocr".into();
    }
    if !done.is_empty() {
        ex.note(Note::Ocr(done));
    }
    Attempt::Read(ex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_run_in_the_documented_order() {
        let names: Vec<_> = STEPS.iter().map(|s| s.name).collect();
        assert_eq!(names, ["pdf-extract", "pdftotext", "ocr"]);
    }

    #[test]
    fn pdftotext_runs_only_after_pdf_extract_is_distrusted() {
        let read = Attempt::Read(Extracted::new(super::super::Format::Pdf, vec![], "x"));
        let untrusted = Attempt::Untrusted {
            why: Distrust::LostText,
            partial: None,
            images: vec![],
        };
        assert!(!(STEPS[1].when)(&read));
        assert!((STEPS[1].when)(&untrusted));
        assert!(!(STEPS[2].when)(&read), "no scanned pages, no OCR step");
        assert!((STEPS[0].when)(&Attempt::Start));
        assert!(!(STEPS[0].when)(&untrusted));
    }
}
