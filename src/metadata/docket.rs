//! Docket numbers in every form courts print them, reduced to one canonical key.

use serde::{Deserialize, Serialize};

/// One docket number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocketNumber {
    /// As printed in the filing.
    pub raw: String,
    /// Canonical key: `17-cv-2366` for district cases (year, type, number without leading
    /// zeros), `19-16487` for appellate and other numbers.
    pub canonical: String,
    /// Division/office prefix (`3` in `3:17-cv-02366`), if printed.
    pub office: Option<String>,
    /// Judge initials suffix (`BAS-KSC`, `JGB (SHKx)`), if printed.
    pub judges: Option<String>,
}

/// Parse a docket number as a person types or a court prints it.
pub fn normalize(raw: &str) -> Option<DocketNumber> {
    let _ = raw;
    None
}
