//! Turning what a user types (query string and flags) into a tantivy query.

use anyhow::{Result, anyhow};
use once_cell::sync::Lazy;
use regex::{Captures, Regex};
use std::ops::Bound;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TokenStream;

use crate::index::document::iso_to_datetime;
use crate::index::store::Store;
use crate::metadata::{court, docket};

/// A search as the user asked for it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// tantivy query syntax: AND/OR/NOT, "phrases", "phrase"~N proximity, field:value.
    pub query: String,
    pub case: Option<String>,
    pub docket: Option<String>,
    pub party: Option<String>,
    pub court: Option<String>,
    pub judge: Option<String>,
    pub doc_type: Option<String>,
    /// ISO dates, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: usize,
    pub sort: Sort,
}

/// Order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// Best match first (BM25, with case name, title and parties weighted up).
    #[default]
    Relevance,
    /// Latest filing date first.
    Newest,
    /// Earliest filing date first; filings without a date are left out.
    Oldest,
}

static DOCKET_CLAUSE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"\bdocket:(?:"([^"]*)"|(\S+))"#).expect("valid regex"));
static COURT_CLAUSE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"\bcourt:(?:"([^"]*)"|(\S+))"#).expect("valid regex"));
static ISO_IN_RANGE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{4}-\d{2}-\d{2})\b(?:T[0-9:.]+Z?)?").expect("valid regex"));
static DATE_CLAUSE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\bdate:(\[[^\]]*\]|\{[^}]*\}|\S+)").expect("valid regex"));

/// Rewrite the field clauses whose values users type in many forms into the forms the
/// index holds: docket numbers to their canonical key, court names to court ids, dates
/// to RFC 3339.
pub fn rewrite_user_query(q: &str) -> String {
    // Text pasted from a filing brings typographic quotes; the parser knows only '"'.
    let q = q.replace(['\u{201c}', '\u{201d}', '\u{201e}'], "\"");
    let q = DOCKET_CLAUSE.replace_all(&q, |c: &Captures| {
        let raw = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        match docket::normalize(raw) {
            Some(d) => format!("docket:\"{}\"", d.canonical),
            None => format!("docket_raw:\"{}\"", raw.replace('"', "")),
        }
    });
    let q = COURT_CLAUSE.replace_all(&q, |c: &Captures| {
        let raw = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        match court_id(raw) {
            Some(id) => format!("court:\"{id}\""),
            None => format!("court_name:\"{}\"", raw.replace('"', "")),
        }
    });
    let q = DATE_CLAUSE.replace_all(&q, |c: &Captures| date_clause(&c[1]));
    q.into_owned()
}

/// `date:` values as people write them: a day, a month, a year, or a range of days.
fn date_clause(value: &str) -> String {
    if value.starts_with('[') || value.starts_with('{') {
        let v = ISO_IN_RANGE.replace_all(value, "${1}T00:00:00Z");
        return format!("date:{v}");
    }
    let v = value.trim_matches('"');
    let day = |y: i32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y, m, d);
    let parts: Vec<&str> = v.split('-').collect();
    let span = match parts.as_slice() {
        [y] => y
            .parse()
            .ok()
            .and_then(|y| Some((day(y, 1, 1)?, day(y + 1, 1, 1)?))),
        [y, m] => match (y.parse::<i32>(), m.parse::<u32>()) {
            (Ok(y), Ok(m)) => day(y, m, 1).and_then(|start| {
                let next = if m == 12 {
                    day(y + 1, 1, 1)
                } else {
                    day(y, m + 1, 1)
                };
                Some((start, next?))
            }),
            _ => None,
        },
        [_, _, _] => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .ok()
            .and_then(|d| Some((d, d.succ_opt()?))),
        _ => None,
    };
    match span {
        Some((from, to)) => format!(
            "date:[{}T00:00:00Z TO {}T00:00:00Z}}",
            from.format("%Y-%m-%d"),
            to.format("%Y-%m-%d")
        ),
        // Let the parser report what it cannot read.
        None => format!("date:{value}"),
    }
}

/// The court id for what a person typed (see [`court::query_ids`]).
fn court_id(typed: &str) -> Option<String> {
    court::query_ids(typed, false).into_iter().next()
}

/// Build the query for a request.
pub fn build(store: &Store, req: &SearchRequest) -> Result<Box<dyn Query>> {
    let f = &store.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();

    if !req.query.trim().is_empty() {
        let defaults: Vec<(Field, f32)> = store
            .spec
            .default_fields()
            .filter_map(|(name, boost)| {
                store
                    .index
                    .schema()
                    .get_field(name)
                    .ok()
                    .map(|f| (f, boost))
            })
            .collect();
        let mut parser =
            QueryParser::for_index(&store.index, defaults.iter().map(|(f, _)| *f).collect());
        for (field, boost) in &defaults {
            parser.set_field_boost(*field, *boost);
        }
        parser.set_conjunction_by_default();
        let q = rewrite_user_query(&req.query);
        let parsed = parser
            .parse_query(&q)
            .map_err(|e| anyhow!("cannot parse the query `{}`: {}", req.query, explain(&e)))?;
        clauses.push((Occur::Must, parsed));
    }
    if let Some(case) = &req.case {
        clauses.push((Occur::Must, words_query(store, f.case_name, case)?));
    }
    if let Some(party) = &req.party {
        let party = party.replace("et al.", "").replace("et al", "");
        clauses.push((Occur::Must, words_query(store, f.party, &party)?));
    }
    if let Some(judge) = &req.judge {
        clauses.push((
            Occur::Must,
            words_query(store, f.judge, &strip_judge_title(judge))?,
        ));
    }
    if let Some(c) = &req.court {
        let q: Box<dyn Query> = match court_id(c) {
            Some(id) => term(f.court, &id),
            None => words_query(store, f.court_name, c)?,
        };
        clauses.push((Occur::Must, q));
    }
    if let Some(d) = &req.docket {
        let q: Box<dyn Query> = match docket::normalize(d) {
            Some(dn) => term(f.docket, &dn.canonical),
            None => phrase_query(store, f.docket_raw, d)?,
        };
        clauses.push((Occur::Must, q));
    }
    if let Some(t) = &req.doc_type {
        let t = t.to_lowercase();
        let known = indexed_values(store, f.doc_type)?;
        if !known.contains(&t) {
            return Err(anyhow!(
                "no filing in this index has the type `{t}`; --type takes one of: {}",
                known.join(", ")
            ));
        }
        clauses.push((Occur::Must, term(f.doc_type, &t)));
    }
    if req.from.is_some() || req.to.is_some() {
        let bound = |d: &Option<String>, what: &str| -> Result<Bound<Term>> {
            match d {
                None => Ok(Bound::Unbounded),
                Some(s) => {
                    let day = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                        .map_err(|_| anyhow!("--{what} takes a date as YYYY-MM-DD, not `{s}`"))?;
                    Ok(Bound::Included(Term::from_field_date(
                        f.date,
                        clamped_day(day),
                    )))
                }
            }
        };
        let range = RangeQuery::new(bound(&req.from, "from")?, bound(&req.to, "to")?);
        clauses.push((Occur::Must, Box::new(range)));
    }

    if req.sort == Sort::Oldest {
        // Dates are held in nanoseconds: 1700 is near the earliest they can express.
        let earliest = iso_to_datetime("1700-01-01")
            .map(|d| Term::from_field_date(f.date, d))
            .ok_or_else(|| anyhow!("cannot express the earliest date"))?;
        let dated = RangeQuery::new(Bound::Included(earliest), Bound::Unbounded);
        clauses.push((Occur::Must, Box::new(dated)));
    }
    if clauses.is_empty() {
        return Err(anyhow!(
            "nothing to search for: give a QUERY or a filter (--case, --docket, --party, --court, --judge, --type, --from, --to)"
        ));
    }
    Ok(match clauses.len() {
        0 => Box::new(AllQuery),
        1 => clauses.remove(0).1,
        _ => Box::new(BooleanQuery::new(clauses)),
    })
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

fn explain(e: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match e {
        E::SyntaxError(s) => format!("syntax error ({s}); quote phrases and balance parentheses"),
        E::FieldDoesNotExist(name) => format!(
            "no field `{name}` (fields: case_name, docket, party, plaintiff, defendant, court, judge, date, doc_type, dkt, cites, title, body)"
        ),
        other => other.to_string(),
    }
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn tokens(store: &Store, field: Field, text: &str) -> Result<Vec<String>> {
    let mut analyzer = store.index.tokenizer_for_field(field)?;
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    Ok(out)
}

/// Every word of `text` must occur in `field`, in any order: what a person typing a name
/// into `--party` or `--case` means.
fn words_query(store: &Store, field: Field, text: &str) -> Result<Box<dyn Query>> {
    let words: Vec<(Occur, Box<dyn Query>)> = tokens(store, field, text)?
        .iter()
        .filter(|w| !matches!(w.as_str(), "v" | "vs"))
        .map(|w| (Occur::Must, term(field, w)))
        .collect();
    if words.is_empty() {
        return Err(anyhow!("`{text}` has no words to search for"));
    }
    Ok(Box::new(BooleanQuery::new(words)))
}

fn phrase_query(store: &Store, field: Field, text: &str) -> Result<Box<dyn Query>> {
    let words = tokens(store, field, text)?;
    match words.len() {
        0 => Err(anyhow!("`{text}` has no words to search for")),
        1 => Ok(term(field, &words[0])),
        _ => Ok(Box::new(PhraseQuery::new(
            words
                .iter()
                .map(|w| Term::from_field_text(field, w))
                .collect(),
        ))),
    }
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
    fn pasted_typographic_quotes_make_phrases() {
        assert_eq!(
            rewrite_user_query("\u{201c}motion to enforce\u{201d}"),
            "\"motion to enforce\""
        );
    }

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
    fn dates_in_ranges_become_rfc3339() {
        assert_eq!(
            rewrite_user_query("date:[2021-01-01 TO 2021-12-31] foo"),
            "date:[2021-01-01T00:00:00Z TO 2021-12-31T00:00:00Z] foo"
        );
        assert_eq!(
            rewrite_user_query("date:2021-04-07"),
            "date:[2021-04-07T00:00:00Z TO 2021-04-08T00:00:00Z}"
        );
        assert_eq!(
            rewrite_user_query("date:2020-12"),
            "date:[2020-12-01T00:00:00Z TO 2021-01-01T00:00:00Z}"
        );
        assert_eq!(
            rewrite_user_query("x date:2021"),
            "x date:[2021-01-01T00:00:00Z TO 2022-01-01T00:00:00Z}"
        );
    }
}
