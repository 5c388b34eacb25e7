//! Docketeer searches on a Quickwit cluster: the user's query and flags become one
//! Quickwit query string and a sort ([`translate`], the boundary a parsed query can be
//! pointed at later), and the cluster's hits become the same [`Hit`]s the local index
//! prints, with the snippet's page.

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;
use serde_json::Value as Json;
use std::collections::HashSet;
use std::fmt;

use super::client::{Client, ClientError};
use crate::index::document::StoredDoc;
use crate::index::schema::SchemaSpec;
use crate::search::ast::{Query as Tree, RangeBound};
use crate::search::query::{RequestError, rewritten_request};
use crate::search::{Hit, Results, SearchRequest, Sort, lead, page_of, tidy};

/// Quickwit answers at most this many hits per request.
const MAX_HITS: usize = 10_000;

/// The field snippets are made from, as in the local index.
const SNIPPET_FIELD: &str = "body";

/// A search as Quickwit runs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterQuery {
    /// Quickwit query language: every clause of the request, ANDed.
    pub query: String,
    /// `_score`, `date` (newest first) or `-date` (oldest first).
    pub sort_by: String,
    /// Most hits to ask the cluster for (it answers at most 10,000).
    pub max_hits: usize,
}

/// Why a request cannot be sent to the cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Untranslatable {
    /// The request has no query and no filter.
    Empty,
    /// A flag's value cannot be read (a date that is not YYYY-MM-DD, a name without words).
    BadValue(String),
    /// The cluster would answer differently from the local index, or not at all.
    Unsupported(String),
}

impl fmt::Display for Untranslatable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Untranslatable::Empty => write!(
                f,
                "nothing to search for: give a QUERY or a filter (--case, --docket, --party, --court, --judge, --type, --from, --to)"
            ),
            Untranslatable::BadValue(s) => f.write_str(s),
            Untranslatable::Unsupported(s) => {
                write!(f, "the Quickwit cluster cannot answer this: {s}")
            }
        }
    }
}

impl std::error::Error for Untranslatable {}

/// Translate a request: the query and the flags become one tree, parsed and rewritten
/// as for the local index (docket forms, court names, dates), then written in
/// Quickwit's query language. The cluster matches every word as written (Quickwit
/// cannot stem): its answers are the local index's with `--exact`.
pub fn translate(req: &SearchRequest, spec: &SchemaSpec) -> Result<ClusterQuery, Untranslatable> {
    if !req.count_by.is_empty() {
        return Err(Untranslatable::Unsupported(
            "--count-by: facet counts are computed on the local index only".into(),
        ));
    }
    let sort_by = match req.sort {
        Sort::Relevance => "_score",
        Sort::Newest => "date",
        Sort::Oldest => "-date",
    };
    let tree = rewritten_request(spec, req).map_err(|e| match e {
        RequestError::Empty => Untranslatable::Empty,
        RequestError::BadValue(why) => Untranslatable::BadValue(why),
    })?;
    // As locally, a search finds filings; docket entries are searched with --entries.
    let mut query = format!("({}) AND NOT kind:\"entry\"", write(&tree, None)?);
    if req.sort == Sort::Oldest {
        // As locally: oldest first lists only dated filings.
        query = format!("({query}) AND date:[1700-01-01T00:00:00Z TO *]");
    }
    let max_hits = req.limit.max(1);
    if max_hits > MAX_HITS {
        return Err(Untranslatable::Unsupported(format!(
            "--limit {max_hits}: a cluster answers at most {MAX_HITS} hits per search"
        )));
    }
    Ok(ClusterQuery {
        query,
        sort_by: sort_by.into(),
        max_hits,
    })
}

/// One node of the tree in Quickwit's query language, on `field` inside a field clause.
fn write(q: &Tree, field: Option<&str>) -> Result<String, Untranslatable> {
    let on = |s: String| match field {
        Some(f) => format!("{f}:{s}"),
        None => s,
    };
    let join = |parts: &[Tree], op: &str| -> Result<String, Untranslatable> {
        let written: Vec<String> = parts
            .iter()
            .map(|p| write(p, field))
            .collect::<Result<_, _>>()?;
        Ok(format!("({})", written.join(op)))
    };
    Ok(match q {
        Tree::Word { text, .. } => on(quote(text)),
        Tree::Pattern { text } => {
            let stem = text.trim_end_matches(['!', '*']);
            if stem.contains(['*', '!', '?']) || stem.is_empty() {
                return Err(Untranslatable::Unsupported(format!(
                    "the pattern `{text}`: Quickwit takes a wildcard only at the end of a word"
                )));
            }
            on(format!("{}*", escape(stem)))
        }
        Tree::Phrase { words, slop } => {
            let p = quote(&words.join(" "));
            on(if *slop > 0 { format!("{p}~{slop}") } else { p })
        }
        Tree::And(parts) => join(parts, " AND ")?,
        Tree::Or(parts) => join(parts, " OR ")?,
        Tree::Not(inner) => format!("(NOT {})", write(inner, field)?),
        Tree::Near { .. } => {
            return Err(Untranslatable::Unsupported(
                "w/N and pre/N between clauses; quote the words with ~N instead (\"motion enforce\"~3)".into(),
            ));
        }
        Tree::Within { .. } => {
            return Err(Untranslatable::Unsupported(
                "/s and /p: the cluster's index has no sentence or paragraph marks".into(),
            ));
        }
        Tree::Field { name, query } => write(query, Some(name))?,
        Tree::Range { name, lower, upper } => {
            let b = |r: &RangeBound, open: char, closed: char| match r {
                RangeBound::Included(v) => (closed, escape(v)),
                RangeBound::Excluded(v) => (open, escape(v)),
                RangeBound::Unbounded => (closed, "*".to_string()),
            };
            let (lo_c, lo) = b(lower, '{', '[');
            let (hi_c, hi) = b(upper, '}', ']');
            format!("{name}:{lo_c}{lo} TO {hi}{hi_c}")
        }
        Tree::Keyword { field, value } => format!("{field}:{}", quote(value)),
        Tree::Dates { from, until } => {
            let day = |d: &Option<NaiveDate>| {
                d.map_or("*".to_string(), |d| {
                    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
                })
            };
            let close = if until.is_some() { '}' } else { ']' };
            format!("date:[{} TO {}{close}", day(from), day(until))
        }
    })
}

/// A value with the query language's special characters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "+-&|!(){}[]^\"~*?:\\/ ".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A value as one quoted term of the query language.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `docketeer search --engine quickwit`: the endpoint from `--endpoint` or
/// `DOCKETEER_ENDPOINT`, the index named by `--index` (default `docketeer`).
pub fn run(
    endpoint: Option<&str>,
    index: Option<&std::path::Path>,
    req: &SearchRequest,
) -> Result<Results> {
    let endpoint = endpoint.ok_or_else(|| {
        anyhow!(
            "--engine quickwit needs the cluster's address: --endpoint URL or DOCKETEER_ENDPOINT"
        )
    })?;
    let index_id = match index {
        Some(name) => name.to_string_lossy().into_owned(),
        None => super::mapping::DEFAULT_INDEX_ID.to_string(),
    };
    search(
        &Client::new(endpoint)?,
        &index_id,
        &SchemaSpec::bundled()?,
        req,
    )
}

/// Run a request on the cluster's index `index_id`.
pub fn search(
    client: &Client,
    index_id: &str,
    spec: &SchemaSpec,
    req: &SearchRequest,
) -> Result<Results> {
    let q = translate(req, spec)?;
    let answer = client
        .post_json(
            &format!("api/v1/{index_id}/search"),
            &serde_json::json!({
                "query": q.query,
                "max_hits": q.max_hits,
                "sort_by": q.sort_by,
                "snippet_fields": SNIPPET_FIELD,
            }),
        )
        .map_err(|e| match e {
            ClientError::Status { code: 400, message, .. } => anyhow!(
                "the Quickwit cluster cannot answer the query `{}`: {message}",
                req.query
            ),
            ClientError::Status { code: 404, .. } => anyhow!(
                "the cluster at {} has no index `{index_id}` (copy the local index there with `docketeer push --endpoint {} --index {index_id}`)",
                client.endpoint(),
                client.endpoint()
            ),
            other => anyhow!(other),
        })?;
    results(&answer).context("cannot read the cluster's answer")
}

/// Hits from a search answer, in its order; a document the cluster holds twice is shown once.
fn results(answer: &Json) -> Result<Results> {
    let hits = answer["hits"]
        .as_array()
        .ok_or_else(|| anyhow!("no hits in the answer"))?;
    let snippets = answer["snippets"].as_array();
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(hits.len());
    for (i, h) in hits.iter().enumerate() {
        let mut doc = stored_doc(h);
        if !seen.insert(doc.doc_id.clone()) {
            continue;
        }
        let body = doc.body.take().unwrap_or_default();
        let fragment = snippets
            .and_then(|s| s.get(i))
            .and_then(|s| s[SNIPPET_FIELD].as_array())
            .and_then(|f| f.first())
            .and_then(Json::as_str)
            .map(from_html);
        let (snippet, highlights, page) = match fragment {
            Some((text, ranges)) if !text.trim().is_empty() => {
                let page = page_of(&body, &text);
                let (t, r) = tidy(&text, &ranges);
                (t, r, page)
            }
            _ => (lead(&body), Vec::new(), None),
        };
        out.push(Hit {
            rank: out.len() + 1,
            // Quickwit's search API returns hits in score order without the scores.
            score: 0.0,
            page,
            snippet,
            highlights,
            doc,
            entry: None,
        });
    }
    let total = answer["num_hits"].as_u64().unwrap_or(out.len() as u64) as usize;
    Ok(Results {
        total,
        hits: out,
        facets: Vec::new(),
    })
}

/// A hit's stored fields, as the local index reads them.
fn stored_doc(h: &Json) -> StoredDoc {
    let one = |k: &str| match &h[k] {
        Json::String(s) => Some(s.clone()),
        Json::Array(a) => a.first().and_then(Json::as_str).map(str::to_string),
        _ => None,
    };
    let all = |k: &str| -> Vec<String> {
        match &h[k] {
            Json::Array(a) => a
                .iter()
                .filter_map(Json::as_str)
                .map(str::to_string)
                .collect(),
            Json::String(s) => vec![s.clone()],
            _ => Vec::new(),
        }
    };
    StoredDoc {
        doc_id: one("doc_id").unwrap_or_default(),
        paths: all("path"),
        format: one("format").unwrap_or_default(),
        method: one("method").unwrap_or_default(),
        pages: h["pages"].as_u64().unwrap_or(0),
        title: one("title"),
        case_name: one("case_name"),
        docket: all("docket"),
        docket_raw: all("docket_raw"),
        court: one("court"),
        court_name: one("court_name"),
        plaintiffs: all("plaintiff"),
        defendants: all("defendant"),
        judge: one("judge"),
        // RFC 3339 on the cluster, the day locally.
        date: one("date").map(|d| d.chars().take(10).collect()),
        date_kind: one("date_kind"),
        doc_type: one("doc_type"),
        dkt: all("dkt"),
        cites: all("cites"),
        body: one("body"),
        gap: all("gap"),
        files: Vec::new(),
    }
}

/// A snippet fragment as Quickwit sends it (HTML-escaped text, matches in `<b>`) →
/// the text and the byte ranges of the matches.
fn from_html(html: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::with_capacity(html.len());
    let mut ranges = Vec::new();
    let mut start = None;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("<b>") {
            start = Some(text.len());
            rest = r;
        } else if let Some(r) = rest.strip_prefix("</b>") {
            if let Some(s) = start.take() {
                ranges.push(s..text.len());
            }
            rest = r;
        } else if c == '&' {
            let entity = [
                ("&amp;", '&'),
                ("&lt;", '<'),
                ("&gt;", '>'),
                ("&quot;", '"'),
                ("&#x27;", '\''),
                ("&#39;", '\''),
                ("&#x2F;", '/'),
            ]
            .into_iter()
            .find(|(e, _)| rest.starts_with(e));
            match entity {
                Some((e, ch)) => {
                    text.push(ch);
                    rest = &rest[e.len()..];
                }
                None => {
                    text.push('&');
                    rest = &rest[1..];
                }
            }
        } else {
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            limit: 10,
            ..SearchRequest::default()
        }
    }

    fn spec() -> SchemaSpec {
        SchemaSpec::bundled().expect("schema")
    }

    #[test]
    fn flags_become_clauses_on_the_local_fields() {
        let mut r = req("\"protective order\"");
        r.party = Some("Mayorkas et al.".into());
        r.docket = Some("3:17-cv-02366-BAS".into());
        r.court = Some("N.D. Cal.".into());
        r.from = Some("2020-01-01".into());
        r.sort = Sort::Newest;
        let q = translate(&r, &spec()).expect("translates");
        for part in [
            "\"protective order\"",
            "party:\"Mayorkas\"",
            "court:\"cand\"",
            "docket:\"17-cv-2366\"",
            "date:[2020-01-01T00:00:00Z TO *]",
        ] {
            assert!(q.query.contains(part), "{part} in {}", q.query);
        }
        assert_eq!(q.sort_by, "date");
    }

    #[test]
    fn unanswerable_requests_are_typed() {
        assert_eq!(translate(&req("  "), &spec()), Err(Untranslatable::Empty));
        let mut r = req("x");
        r.from = Some("last week".into());
        assert!(matches!(
            translate(&r, &spec()),
            Err(Untranslatable::BadValue(_))
        ));
        r.from = None;
        r.limit = 20_000;
        assert!(matches!(
            translate(&r, &spec()),
            Err(Untranslatable::Unsupported(_))
        ));
        assert!(matches!(
            translate(&req("asylum /s detention"), &spec()),
            Err(Untranslatable::Unsupported(_))
        ));
    }

    #[test]
    fn snippet_html_becomes_text_and_ranges() {
        let (t, r) = from_html("A &amp; B <b>order</b> &lt;x&gt; <b>seal</b>");
        assert_eq!(t, "A & B order <x> seal");
        assert_eq!(&t[r[0].clone()], "order");
        assert_eq!(&t[r[1].clone()], "seal");
    }

    #[test]
    fn hits_carry_the_day_the_page_and_are_shown_once() {
        let answer = serde_json::json!({
            "num_hits": 2,
            "hits": [
                {"doc_id": "a", "path": ["/f.pdf"], "date": "2020-01-02T00:00:00Z", "body": "one\u{c}two order here", "pages": 2},
                {"doc_id": "a", "path": ["/f.pdf"], "body": "x"}
            ],
            "snippets": [{"body": ["two <b>order</b> here"]}, {"body": []}]
        });
        let r = results(&answer).expect("reads");
        assert_eq!(r.hits.len(), 1);
        let h = &r.hits[0];
        assert_eq!(h.doc.date.as_deref(), Some("2020-01-02"));
        assert_eq!(h.page, Some(2));
        assert_eq!(&h.snippet[h.highlights[0].0..h.highlights[0].1], "order");
        assert!(h.doc.body.is_none());
    }
}
