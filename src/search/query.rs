//! Turning what a user types (query string and flags) into a tantivy query: parsed
//! ([`super::parse`]), rewritten ([`super::rewrite`]), compiled ([`super::compile`]).

use anyhow::{Result, anyhow};
use once_cell::sync::Lazy;
use regex::Regex;
use std::ops::Bound;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::ast::Query as Tree;
use super::compile::Compiler;
use super::parse::parse;
use super::rewrite::{Rewriter, typed};
use crate::index::schema::SchemaSpec;
use crate::index::store::Store;

/// A search as the user asked for it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query as typed (see [`crate::search::parse`]).
    pub query: String,
    /// Only filings whose case name matches these words (`--case`); None: any case.
    pub case: Option<String>,
    /// Only filings with this docket number, in any usual form (`--docket`); None: any.
    pub docket: Option<String>,
    /// Only filings naming this party, "et al." ignored (`--party`); None: any.
    pub party: Option<String>,
    /// Only filings from this court, by id or name (`--court`); None: any court.
    pub court: Option<String>,
    /// Only filings before this judge, titles like "Hon." ignored (`--judge`); None: any.
    pub judge: Option<String>,
    /// Only filings of this document type, one the index holds (`--type`); None: any.
    pub doc_type: Option<String>,
    /// Earliest filing date, `YYYY-MM-DD`, inclusive (`--from`); None: no lower bound.
    pub from: Option<String>,
    /// Latest filing date, `YYYY-MM-DD`, inclusive (`--to`); None: no upper bound.
    pub to: Option<String>,
    /// Most hits to return; 0 returns none, only the count of matches.
    pub limit: usize,
    /// The order hits are returned in.
    pub sort: Sort,
    /// Every word matches as written: no stemming.
    pub exact: bool,
    /// `--court` and `court:` also take the courts below the named one.
    pub with_children: bool,
    /// Count every hit by these (`--count-by`).
    pub count_by: Vec<super::facets::Facet>,
    /// Longest snippet, in characters (0: the default).
    pub snippet_chars: usize,
}

/// Order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (BM25, with case name, title and parties weighted up).
    #[default]
    Relevance,
    /// Latest filing date first.
    Newest,
    /// Earliest filing date first; filings without a date are left out.
    Oldest,
}

/// Build the query for a request, with a searcher of its own (see [`build_with`]).
pub fn build(store: &Store, req: &SearchRequest) -> Result<Box<dyn Query>> {
    let reader = store.index.reader()?;
    build_with(store, &reader.searcher(), req)
}

/// Build the query for a request: the typed query and every filter flag become one
/// parsed tree, rewritten and compiled (wildcards expand over `searcher`'s segments).
pub fn build_with(
    store: &Store,
    searcher: &Searcher,
    req: &SearchRequest,
) -> Result<Box<dyn Query>> {
    let tree = request_tree(store, req)?;
    let compiled = Compiler { store, searcher }.compile(&tree)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, compiled)];
    // Docket entries are searched in their own mode, never among filings.
    if let Ok(kind) = store.index.schema().get_field("kind") {
        clauses.push((Occur::MustNot, term(kind, "entry")));
    }
    if req.sort == Sort::Oldest {
        // Filings without a date are left out.
        let earliest = clamped_day(chrono::NaiveDate::MIN);
        let dated = RangeQuery::new(
            Bound::Included(Term::from_field_date(store.fields.date, earliest)),
            Bound::Unbounded,
        );
        clauses.push((Occur::Must, Box::new(dated)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// The request (query and filter flags) as one rewritten tree, `--type` checked against
/// the types this index holds.
pub fn request_tree(store: &Store, req: &SearchRequest) -> Result<Tree> {
    if let Some(t) = &req.doc_type {
        let t = t.to_lowercase();
        let known = indexed_values(store, store.fields.doc_type)?;
        if !known.contains(&t) {
            return Err(anyhow!(
                "no filing in this index has the type `{t}`; --type takes one of: {}",
                known.join(", ")
            ));
        }
    }
    rewritten_request(&store.spec, req).map_err(|e| anyhow!(e))
}

/// Why a request cannot become a query tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// No query and no filter flag.
    Empty,
    /// The query or a flag's value cannot be read; the message says what to write.
    BadValue(String),
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::Empty => f.write_str(
                "nothing to search for: give a QUERY or a filter (--case, --docket, --party, --court, --judge, --type, --from, --to)",
            ),
            RequestError::BadValue(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for RequestError {}

/// The request's query and filter flags as one tree, rewritten against `spec` (docket
/// forms, court names, dates): what the local index and a cluster both search. `--type`
/// is taken as given.
pub fn rewritten_request(spec: &SchemaSpec, req: &SearchRequest) -> Result<Tree, RequestError> {
    let mut parts = Vec::new();
    if !req.query.trim().is_empty() {
        let parsed = parse(&req.query).map_err(|e| {
            RequestError::BadValue(format!("cannot parse the query `{}`: {e}", req.query))
        })?;
        parts.push(parsed);
    }
    let flag = |name: &str, text: &str| Tree::Field {
        name: name.to_string(),
        query: Box::new(typed(text)),
    };
    if let Some(case) = &req.case {
        parts.push(flag("case_name", case));
    }
    if let Some(party) = &req.party {
        let party = party.replace("et al.", "").replace("et al", "");
        parts.push(flag("party", &party));
    }
    if let Some(judge) = &req.judge {
        parts.push(flag("judge", &strip_judge_title(judge)));
    }
    if let Some(c) = &req.court {
        parts.push(flag("court", c));
    }
    if let Some(d) = &req.docket {
        parts.push(flag("docket", d));
    }
    if let Some(t) = &req.doc_type {
        parts.push(flag("doc_type", &t.to_lowercase()));
    }
    if req.from.is_some() || req.to.is_some() {
        let day =
            |d: &Option<String>, what: &str| -> Result<Option<chrono::NaiveDate>, RequestError> {
                d.as_deref()
                    .map(|s| {
                        chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                            RequestError::BadValue(format!(
                                "--{what} takes a date as YYYY-MM-DD, not `{s}`"
                            ))
                        })
                    })
                    .transpose()
            };
        parts.push(Tree::Dates {
            from: day(&req.from, "from")?,
            until: day(&req.to, "to")?.and_then(|d| d.succ_opt()),
        });
    }
    if parts.is_empty() {
        return Err(RequestError::Empty);
    }
    let tree = if parts.len() == 1 {
        parts.remove(0)
    } else {
        Tree::And(parts)
    };
    let rewriter = Rewriter {
        spec,
        with_children: req.with_children,
        exact: req.exact,
    };
    rewriter
        .rewrite(tree)
        .map_err(|e| RequestError::BadValue(format!("cannot parse the query `{}`: {e}", req.query)))
}

/// Dates are held in nanoseconds since 1970, which reach only from 1677 to 2262: a day
/// outside is moved to the nearest day inside, where no filing's date can be passed.
pub fn clamped_day(day: chrono::NaiveDate) -> tantivy::DateTime {
    let earliest = chrono::NaiveDate::from_ymd_opt(1678, 1, 1).unwrap_or(day);
    let latest = chrono::NaiveDate::from_ymd_opt(2262, 1, 1).unwrap_or(day);
    let day = day.clamp(earliest, latest);
    let secs = day.and_time(chrono::NaiveTime::MIN).and_utc().timestamp();
    tantivy::DateTime::from_timestamp_secs(secs)
}

/// Every value a string field holds in the index, sorted: what `--type` can take.
pub fn indexed_values(store: &Store, field: Field) -> Result<Vec<String>> {
    let reader = store.index.reader()?;
    let mut values = std::collections::BTreeSet::new();
    for segment in reader.searcher().segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            values.insert(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    Ok(values.into_iter().collect())
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// "Judge Ryu", "Hon. Donna M. Ryu", "Magistrate Judge Crawford" → the name.
pub fn strip_judge_title(s: &str) -> String {
    static TITLE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)\b(the\s+)?(hon\.?|honorable|chief|senior|magistrate|district|circuit|bankruptcy|u\.?s\.?|united states|judge|justice|j\.)\s*")
            .expect("valid regex")
    });
    TITLE.replace_all(s, " ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_titles_are_stripped() {
        assert_eq!(strip_judge_title("Judge Ryu"), "Ryu");
        assert_eq!(strip_judge_title("Hon. Donna M. Ryu"), "Donna M. Ryu");
        assert_eq!(
            strip_judge_title("Magistrate Judge Karen S. Crawford"),
            "Karen S. Crawford"
        );
    }

    #[test]
    fn days_outside_what_tantivy_holds_are_clamped_not_wrapped() {
        let far = chrono::NaiveDate::from_ymd_opt(3000, 1, 1).expect("date");
        let old = chrono::NaiveDate::from_ymd_opt(1600, 1, 1).expect("date");
        assert!(
            clamped_day(far)
                > clamped_day(chrono::NaiveDate::from_ymd_opt(2100, 1, 1).expect("date"))
        );
        assert!(
            clamped_day(old)
                < clamped_day(chrono::NaiveDate::from_ymd_opt(1800, 1, 1).expect("date"))
        );
    }
}
