//! One filing read end to end, file → extract → clean → metadata: the stages every
//! command that reads files runs, in this order.

use std::path::Path;

use crate::clean::{self, CleanText};
use crate::extract::{self, ExtractError, ExtractOptions, Extracted};
use crate::metadata::{self, Metadata};

/// A filing's text, cleaned text and metadata.
pub struct Filing {
    pub extracted: Extracted,
    pub clean: CleanText,
    pub meta: Metadata,
}

/// Read one filing.
pub fn read(path: &Path, opts: &ExtractOptions) -> Result<Filing, ExtractError> {
    let extracted = extract::extract_path(path, opts)?;
    let clean = clean::clean_pages(&extracted.pages);
    let mut meta = metadata::extract_with_hint(&clean, extracted.title.as_deref());
    if extracted.format == extract::Format::Html {
        crate::docket::enrich(path, &mut meta);
    }
    Ok(Filing {
        extracted,
        clean,
        meta,
    })
}
