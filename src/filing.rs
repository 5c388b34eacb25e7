//! One filing read end to end, file → extract → clean → metadata: the stages every
//! command that reads files runs, in this order. Each stage runs behind a guard, so a
//! panic in one of them fails this file (`internal error in <stage>`), not the run.

use std::path::Path;

use crate::clean::{self, CleanText};
use crate::extract::{self, ExtractError, ExtractOptions, Extracted, Stage, guard};
use crate::metadata::{self, Metadata};

/// A filing's text, cleaned text and metadata.
pub struct Filing {
    /// Pages as the extractor produced them.
    pub extracted: Extracted,
    /// The cleaned pages and what cleaning found.
    pub clean: CleanText,
    /// Metadata read from the cleaned text.
    pub meta: Metadata,
}

/// Read one filing.
pub fn read(path: &Path, opts: &ExtractOptions) -> Result<Filing, ExtractError> {
    let extracted = guard::stage(Stage::Extract, path, || extract::extract_path(path, opts))??;
    let clean = guard::stage(Stage::Clean, path, || clean::clean_pages(&extracted.pages))?;
    let meta = guard::stage(Stage::Metadata, path, || {
        let mut meta = metadata::extract_with_hint(&clean, extracted.title.as_deref());
        if extracted.format == extract::Format::Html {
            crate::docket::enrich(path, &mut meta);
        }
        meta
    })?;
    Ok(Filing {
        extracted,
        clean,
        meta,
    })
}
