//! Docketeer searches on a Quickwit cluster: the user's query and flags become one
//! Quickwit query string and a sort ([`translate`], the boundary a parsed query can be
//! pointed at later), and the cluster's hits become the same [`Hit`]s the local index
//! prints, with the snippet's page.

use anyhow::{Context, Result, anyhow};
use serde_json::Value as Json;
use std::collections::HashSet;
use std::fmt;
use tantivy::tokenizer::TokenStream;

use super::client::{Client, ClientError};
use crate::index::document::{StoredDoc, iso_to_datetime};
use crate::index::schema::SchemaSpec;
use crate::metadata::{court, docket};
use crate::search::query::{rewrite_user_query, strip_judge_title};
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

/// Translate a request: the user's query (with docket, court and date values rewritten
/// as for the local index) and each flag as a clause on the field the local index uses.
pub fn translate(req: &SearchRequest, spec: &SchemaSpec) -> Result<ClusterQuery, Untranslatable> {
    // Needed only by the flags: an analyser this binary cannot build fails those alone.
    let analyzers = Analyzers::new(spec);
    let words = || analyzers.as_ref().map_err(Clone::clone);
    let mut clauses: Vec<String> = Vec::new();
    if !req.query.trim().is_empty() {
        let q = rewrite_user_query(&req.query);
        check_fields(&q, spec)?;
        clauses.push(format!("({q})"));
    }
    if let Some(case) = &req.case {
        clauses.push(words()?.all("case_name", case)?);
    }
    if let Some(party) = &req.party {
        let party = party.replace("et al.", "").replace("et al", "");
        clauses.push(words()?.all("party", &party)?);
    }
    if let Some(judge) = &req.judge {
        clauses.push(words()?.all("judge", &strip_judge_title(judge))?);
    }
    if let Some(c) = &req.court {
        clauses.push(match court::query_ids(c, false).into_iter().next() {
            Some(id) => format!("court:{}", quote(&id)),
            None => words()?.all("court_name", c)?,
        });
    }
    if let Some(d) = &req.docket {
        clauses.push(match docket::normalize(d) {
            Some(dn) => format!("docket:{}", quote(&dn.canonical)),
            None => words()?.phrase("docket_raw", d)?,
        });
    }
    if let Some(t) = &req.doc_type {
        clauses.push(format!("doc_type:{}", quote(&t.to_lowercase())));
    }
    if req.from.is_some() || req.to.is_some() {
        let bound = |d: &Option<String>, what: &str| -> Result<String, Untranslatable> {
            match d {
                None => Ok("*".into()),
                Some(s) if iso_to_datetime(s).is_some() => Ok(format!("{}T00:00:00Z", &s[..10])),
                Some(s) => Err(Untranslatable::BadValue(format!(
                    "--{what} takes a date as YYYY-MM-DD, not `{s}`"
                ))),
            }
        };
        clauses.push(format!(
            "date:[{} TO {}]",
            bound(&req.from, "from")?,
            bound(&req.to, "to")?
        ));
    }
    if clauses.is_empty() {
        return Err(Untranslatable::Empty);
    }
    let sort_by = match req.sort {
        Sort::Relevance => "_score",
        Sort::Newest => "date",
        Sort::Oldest => {
            // As locally: oldest first lists only dated filings.
            clauses.push("date:[1700-01-01T00:00:00Z TO *]".into());
            "-date"
        }
    };
    let max_hits = req.limit.max(1);
    if max_hits > MAX_HITS {
        return Err(Untranslatable::Unsupported(format!(
            "--limit {max_hits}: a cluster answers at most {MAX_HITS} hits per search"
        )));
    }
    Ok(ClusterQuery {
        query: clauses.join(" AND "),
        sort_by: sort_by.into(),
        max_hits,
    })
}

/// Refuse a query that names a field the cluster indexes differently: its tokenizer
/// has a filter Quickwit lacks, so it would match other documents.
fn check_fields(q: &str, spec: &SchemaSpec) -> Result<(), Untranslatable> {
    for f in &spec.fields {
        let Some(tok) = f.tokenizer.as_deref().and_then(|t| spec.tokenizers.get(t)) else {
            continue;
        };
        let lacks = tok.filters.iter().find(|flt| {
            let kind = flt.split_once(':').map_or(flt.as_str(), |(k, _)| k);
            !matches!(kind, "lowercase" | "ascii_folding" | "remove_long")
        });
        if let Some(filter) = lacks
            && names_field(q, &f.name)
        {
            return Err(Untranslatable::Unsupported(format!(
                "field `{}` is analysed with `{filter}`, which Quickwit has no equivalent of; search it on the local index",
                f.name
            )));
        }
    }
    Ok(())
}

fn names_field(q: &str, field: &str) -> bool {
    q.match_indices(&format!("{field}:")).any(|(at, _)| {
        q[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    })
}

/// A value as one quoted term of the query language.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The schema's analysers, to split flag values into the words the index holds.
struct Analyzers {
    index: tantivy::Index,
}

impl Analyzers {
    fn new(spec: &SchemaSpec) -> Result<Analyzers, Untranslatable> {
        let fail = |e: anyhow::Error| Untranslatable::BadValue(format!("{e:#}"));
        let index = tantivy::Index::create_in_ram(spec.to_tantivy().map_err(fail)?);
        spec.register_tokenizers(&index).map_err(fail)?;
        Ok(Analyzers { index })
    }

    fn tokens(&self, field: &str, text: &str) -> Result<Vec<String>, Untranslatable> {
        let bad = |e: String| Untranslatable::BadValue(e);
        let f = self
            .index
            .schema()
            .get_field(field)
            .map_err(|e| bad(e.to_string()))?;
        let mut analyzer = self
            .index
            .tokenizer_for_field(f)
            .map_err(|e| bad(e.to_string()))?;
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        Ok(out)
    }

    /// Every word in the field, in any order (what `--party` and `--case` mean).
    fn all(&self, field: &str, text: &str) -> Result<String, Untranslatable> {
        let words: Vec<String> = self
            .tokens(field, text)?
            .into_iter()
            .filter(|w| !matches!(w.as_str(), "v" | "vs"))
            .map(|w| format!("{field}:{}", quote(&w)))
            .collect();
        if words.is_empty() {
            return Err(Untranslatable::BadValue(format!(
                "`{text}` has no words to search for"
            )));
        }
        Ok(format!("({})", words.join(" AND ")))
    }

    /// The words in this order.
    fn phrase(&self, field: &str, text: &str) -> Result<String, Untranslatable> {
        let words = self.tokens(field, text)?;
        if words.is_empty() {
            return Err(Untranslatable::BadValue(format!(
                "`{text}` has no words to search for"
            )));
        }
        Ok(format!("{field}:{}", quote(&words.join(" "))))
    }
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
        });
    }
    let total = answer["num_hits"].as_u64().unwrap_or(out.len() as u64) as usize;
    Ok(Results { total, hits: out })
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
        let mut r = req("\u{201c}protective order\u{201d}");
        r.party = Some("Mayorkas et al.".into());
        r.docket = Some("3:17-cv-02366-BAS".into());
        r.court = Some("N.D. Cal.".into());
        r.from = Some("2020-01-01".into());
        r.sort = Sort::Newest;
        let q = translate(&r, &spec()).expect("translates");
        assert_eq!(
            q.query,
            "(\"protective order\") AND (party:\"mayorkas\") AND court:\"cand\" AND docket:\"17-cv-2366\" AND date:[2020-01-01T00:00:00Z TO *]"
        );
        assert_eq!(q.sort_by, "date");
    }

    #[test]
    fn query_values_are_rewritten_as_for_the_local_index() {
        let q = translate(&req("docket:3:17-cv-02366 date:2021"), &spec()).expect("ok");
        assert_eq!(
            q.query,
            "(docket:\"17-cv-2366\" date:[2021-01-01T00:00:00Z TO 2022-01-01T00:00:00Z})"
        );
        let q = translate(&req("x"), &spec()).expect("ok");
        assert_eq!(q.sort_by, "_score");
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
    }

    #[test]
    fn a_field_analysed_with_a_filter_quickwit_lacks_is_refused() {
        let spec = SchemaSpec::parse(
            "version = 1\n[tokenizers.st]\nbase = \"simple\"\nfilters = [\"lowercase\", \"stemmer:english\"]\n\
             [[fields]]\nname = \"body\"\ntype = \"text\"\ntokenizer = \"st\"\nindexed = true\ndefault = 1.0\n",
        )
        .expect("schema");
        assert!(matches!(
            translate(&req("body:running"), &spec),
            Err(Untranslatable::Unsupported(_))
        ));
        assert!(translate(&req("running"), &spec).is_ok());
        assert!(translate(&req("nobody:running"), &spec).is_ok());
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
