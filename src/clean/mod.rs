//! Cleaning extracted page text: pleading-paper margin numbers, running headers and
//! footers, hyphenation, ligatures, quotes, whitespace.

pub mod headers;

use serde::{Deserialize, Serialize};

/// What an ECF running header (`Case 4:21-cv-02632-DMR Document 25 Filed 07/14/21 Page 3 of 5`) says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EcfHeader {
    pub case_number: String,
    pub document: Option<String>,
    /// Filed date as printed, normalised to ISO `YYYY-MM-DD` when it parses.
    pub filed: Option<String>,
}

/// A filing's cleaned text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CleanText {
    /// Cleaned text of each page, for display and for indexing.
    pub pages: Vec<String>,
    /// The first ECF running header found, if any.
    pub ecf: Option<EcfHeader>,
}

/// Clean raw page texts.
pub fn clean_pages(pages: &[String]) -> CleanText {
    CleanText {
        pages: pages.to_vec(),
        ecf: None,
    }
}
