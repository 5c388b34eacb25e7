//! Counting hits by a metadata value (`--count-by court`), over every hit of a search,
//! and listing the cases an index holds (`docketeer cases`).

use anyhow::{Context, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use tantivy::collector::DocSetCollector;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

use crate::index::document::StoredDoc;
use crate::index::store::Store;

/// What hits can be counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Facet {
    /// Court id (cand, ca9)
    Court,
    /// Case name, else the docket number
    Case,
    /// Judge
    Judge,
    /// Each party of either side
    Party,
    /// Document type (order, motion...)
    DocType,
    /// Year of the filing date
    Year,
}

impl Facet {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Court => "court",
            Facet::Case => "case",
            Facet::Judge => "judge",
            Facet::Party => "party",
            Facet::DocType => "doc-type",
            Facet::Year => "year",
        }
    }

    /// The values of one document under this facet.
    fn values(self, d: &StoredDoc) -> Vec<String> {
        match self {
            Facet::Court => d.court.clone().into_iter().collect(),
            Facet::Case => case_key(d).into_iter().collect(),
            Facet::Judge => d.judge.clone().into_iter().collect(),
            Facet::Party => {
                let mut parties: Vec<String> =
                    d.plaintiffs.iter().chain(&d.defendants).cloned().collect();
                parties.sort();
                parties.dedup();
                parties
            }
            Facet::DocType => d.doc_type.clone().into_iter().collect(),
            Facet::Year => d
                .date
                .as_deref()
                .and_then(|d| d.get(..4))
                .map(str::to_string)
                .into_iter()
                .collect(),
        }
    }
}

/// The value documents without one are counted under.
pub const UNKNOWN: &str = "(unknown)";

/// Counts of one facet, largest first.
#[derive(Debug, Clone, Serialize)]
pub struct FacetCounts {
    /// What the hits are counted by.
    pub facet: Facet,
    /// Each value and its number of hits, most hits first, ties by value;
    /// hits without a value are counted under [`UNKNOWN`].
    pub counts: Vec<(String, usize)>,
}

/// A case's name: the caption, else its docket number.
fn case_key(d: &StoredDoc) -> Option<String> {
    d.case_name
        .clone()
        .or_else(|| d.docket_raw.first().cloned())
}

/// Every filing matching `query`, without its text.
fn matching_docs(store: &Store, searcher: &Searcher, query: &dyn Query) -> Result<Vec<StoredDoc>> {
    let addrs = searcher
        .search(query, &DocSetCollector)
        .context("cannot count the hits")?;
    let mut docs = Vec::with_capacity(addrs.len());
    for addr in addrs {
        let doc: TantivyDocument = searcher.doc(addr).context("cannot read a hit")?;
        docs.push(StoredDoc::read(&store.fields, &doc, false));
    }
    Ok(docs)
}

/// Count every hit of `query` by each facet.
pub fn count(
    store: &Store,
    searcher: &Searcher,
    query: &dyn Query,
    facets: &[Facet],
) -> Result<Vec<FacetCounts>> {
    let docs = matching_docs(store, searcher, query)?;
    let mut wanted: Vec<Facet> = facets.to_vec();
    wanted.dedup();
    Ok(wanted
        .into_iter()
        .map(|facet| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for d in &docs {
                let values = facet.values(d);
                if values.is_empty() {
                    *counts.entry(UNKNOWN.to_string()).or_default() += 1;
                }
                for v in values {
                    *counts.entry(v).or_default() += 1;
                }
            }
            let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            FacetCounts { facet, counts }
        })
        .collect())
}

/// One case of the index, as `docketeer cases` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    /// The case name read from its filings, else its first docket number as written.
    pub case_name: String,
    /// The first docket number as written, else canonical; None when no filing has one.
    pub docket: Option<String>,
    /// The court id of the first filing that names one; None when none does.
    pub court: Option<String>,
    /// Number of the case's filings in the index.
    pub filings: usize,
    /// Earliest filing date, `YYYY-MM-DD`; None when no filing is dated.
    pub first_date: Option<String>,
    /// Latest filing date, `YYYY-MM-DD`; None when no filing is dated.
    pub last_date: Option<String>,
}

/// Every case of the index (filings only, not docket entries), by name.
pub fn cases(store: &Store, searcher: &Searcher) -> Result<Vec<CaseSummary>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(AllQuery))];
    if let Ok(kind) = store.index.schema().get_field("kind") {
        clauses.push((
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_text(kind, "entry"),
                IndexRecordOption::Basic,
            )),
        ));
    }
    let docs = matching_docs(store, searcher, &BooleanQuery::new(clauses))?;
    let mut by_case: BTreeMap<(String, Option<String>), CaseSummary> = BTreeMap::new();
    for d in docs {
        let Some(name) = case_key(&d) else { continue };
        let docket = d.docket.first().cloned();
        let entry = by_case
            .entry((name.to_lowercase(), docket.clone()))
            .or_insert_with(|| CaseSummary {
                case_name: name.clone(),
                docket: d.docket_raw.first().cloned().or(docket),
                court: None,
                filings: 0,
                first_date: None,
                last_date: None,
            });
        entry.filings += 1;
        if entry.court.is_none() {
            entry.court = d.court.clone();
        }
        if let Some(date) = &d.date {
            if entry.first_date.as_ref().is_none_or(|f| date < f) {
                entry.first_date = Some(date.clone());
            }
            if entry.last_date.as_ref().is_none_or(|l| date > l) {
                entry.last_date = Some(date.clone());
            }
        }
    }
    Ok(by_case.into_values().collect())
}
