//! Case metadata read from a filing's own text: caption, docket numbers, court,
//! parties, judge, date, document type, docket-entry references and citations.

pub mod court;
pub mod docket;

use serde::{Deserialize, Serialize};

use crate::clean::CleanText;

/// A court, by stable short id (`cand`, `ca9`, `scotus`) and full name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Court {
    pub id: String,
    pub name: String,
}

/// Everything we know about a filing's case.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// Document title, e.g. "Order Granting Plaintiffs' Motion to Enforce".
    pub title: Option<String>,
    /// Caption, "X v. Y".
    pub case_name: Option<String>,
    /// Docket numbers, the main one first.
    pub dockets: Vec<docket::DocketNumber>,
    pub court: Option<Court>,
    pub plaintiffs: Vec<String>,
    pub defendants: Vec<String>,
    pub judge: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `filed`, `signed`, `decided`, `hearing`...
    pub date_kind: Option<String>,
    pub doc_type: Option<String>,
    /// Docket-entry references as normalised numbers (`305`, `305-1`).
    pub docket_entries: Vec<String>,
    /// Citations as printed, whitespace-normalised (`384 U.S. 364`).
    pub citations: Vec<String>,
}

/// Read metadata from cleaned text.
pub fn extract(text: &CleanText) -> Metadata {
    let _ = text;
    Metadata::default()
}
