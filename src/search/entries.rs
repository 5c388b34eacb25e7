//! Searching docket entries (`docketeer search --entries`): each entry of each current
//! docket sheet is a document of its own (`kind` = `entry`), searched by its text and
//! listed newest first, in docket order, or by relevance. An entry whose document is
//! indexed as a filing (its ECF header names the same case and document number) names
//! that file.

use anyhow::{Context, Result, anyhow};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::ast::Query as Tree;
use super::compile::Compiler;
use super::parse::parse;
use super::query::{SearchRequest, request_tree};
use super::rewrite::Rewriter;
use crate::docket::index::{DocketFields, KIND_ENTRY, KIND_SUPERSEDED};
use crate::index::store::Store;

/// The most matching entries read to order them by date or docket order.
const MAX_SORTED: usize = 100_000;

/// Order of entry hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntryOrder {
    /// Best match first.
    #[default]
    Relevance,
    /// Latest filed first.
    Newest,
    /// As the docket lists them: by date filed, then number.
    Docket,
}

/// An entry search as the user asked for it.
#[derive(Debug, Clone, Default)]
pub struct EntryRequest {
    /// Words, "phrases", AND/OR/NOT over the entry text (field:value clauses allowed).
    pub query: String,
    /// Only entries of this docket number, in any usual form; None: any docket.
    pub docket: Option<String>,
    /// Only entries whose case name has all these words ("v." ignored); None: any case.
    pub case: Option<String>,
    /// Only entries of this court, by id or name; None: any court.
    pub court: Option<String>,
    /// Earliest date filed, `YYYY-MM-DD`, inclusive; None: no lower bound.
    pub from: Option<String>,
    /// Latest date filed, `YYYY-MM-DD`, inclusive; None: no upper bound.
    pub to: Option<String>,
    /// Most entries to return (0 is taken as 1).
    pub limit: usize,
    /// The order entries are returned in.
    pub order: EntryOrder,
}

/// One matching docket entry.
#[derive(Debug, Clone, Serialize)]
pub struct EntryHit {
    /// The case name of the docket sheet; None when the sheet gives none.
    pub case_name: Option<String>,
    /// The case's docket numbers, canonical first.
    pub docket: Vec<String>,
    /// The court id (`nysd`); None when the sheet's court is not known.
    pub court: Option<String>,
    /// The entry's number (`12`), if it has one.
    pub number: Option<String>,
    /// ISO date filed.
    pub date: Option<String>,
    /// The entry's docket text, as the sheet gives it.
    pub description: String,
    /// Files of the docket sheet the entry was read from.
    pub sheet: Vec<String>,
    /// Files of the indexed filing that is this entry's document, if any.
    pub filing: Vec<String>,
}

/// Entry hits and the number of entries that matched.
pub struct EntryResults {
    /// Entries matching the request, not only those returned.
    pub total: usize,
    /// The entries returned, at most the request's limit, in its order.
    pub hits: Vec<EntryHit>,
}

fn term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Build the entry query with the filing search's own language: the typed query over
/// the `entry` field (field:value clauses as for filings), the filter flags, and
/// `kind:entry`.
fn build(
    store: &Store,
    searcher: &Searcher,
    f: &DocketFields,
    req: &EntryRequest,
) -> Result<Box<dyn Query>> {
    let mut parts = Vec::new();
    if !req.query.trim().is_empty() {
        let parsed = parse(&req.query)
            .map_err(|e| anyhow!("cannot parse the query `{}`: {e}", req.query))?;
        let tree = Tree::Field {
            name: "entry".into(),
            query: Box::new(parsed),
        };
        let rewriter = Rewriter {
            spec: &store.spec,
            with_children: false,
            exact: false,
        };
        parts.push(
            rewriter
                .rewrite(tree)
                .map_err(|e| anyhow!("cannot parse the query `{}`: {e}", req.query))?,
        );
    }
    let filters = SearchRequest {
        case: req.case.clone(),
        docket: req.docket.clone(),
        court: req.court.clone(),
        from: req.from.clone(),
        to: req.to.clone(),
        ..SearchRequest::default()
    };
    if [
        &filters.case,
        &filters.docket,
        &filters.court,
        &filters.from,
        &filters.to,
    ]
    .iter()
    .any(|o| o.is_some())
    {
        parts.push(request_tree(store, &filters)?);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, term(f.kind, KIND_ENTRY))];
    if !parts.is_empty() {
        let tree = if parts.len() == 1 {
            parts.remove(0)
        } else {
            Tree::And(parts)
        };
        clauses.push((Occur::Must, Compiler { store, searcher }.compile(&tree)?));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// Run an entry search.
pub fn search(store: &Store, req: &EntryRequest) -> Result<EntryResults> {
    let f = DocketFields::resolve(&store.index.schema()).ok_or_else(|| {
        anyhow!(
            "the index at {} was built before docket entries were indexed; rebuild it with `docketeer index`",
            store.dir.display()
        )
    })?;
    let reader = store
        .index
        .reader()
        .context("cannot open the index for reading")?;
    let searcher = reader.searcher();
    let query = build(store, &searcher, &f, req)?;
    let limit = req.limit.max(1);
    let fetch = match req.order {
        EntryOrder::Relevance => limit,
        _ => MAX_SORTED,
    };
    let (top, total) = searcher
        .search(
            &query,
            &(TopDocs::with_limit(fetch), tantivy::collector::Count),
        )
        .context("search failed")?;
    let mut hits: Vec<(EntryHit, u64)> = Vec::with_capacity(top.len().min(limit * 4));
    for (_, addr) in top {
        let doc: TantivyDocument = searcher
            .doc(addr)
            .with_context(|| format!("cannot read entry {}", describe(addr)))?;
        let seq = doc
            .get_first(f.entry_seq)
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        hits.push((read_hit(&f, &doc), seq));
    }
    match req.order {
        EntryOrder::Relevance => {}
        EntryOrder::Newest => {
            hits.sort_by(|a, b| b.0.date.cmp(&a.0.date).then(number_cmp(&b.0, &a.0)))
        }
        EntryOrder::Docket => hits.sort_by(|a, b| {
            a.0.case_name
                .cmp(&b.0.case_name)
                .then(a.0.date.cmp(&b.0.date))
                .then(number_cmp(&a.0, &b.0))
                .then(a.1.cmp(&b.1))
        }),
    }
    hits.truncate(limit);
    let mut out = Vec::with_capacity(hits.len());
    for (mut h, _) in hits {
        tie(&searcher, &f, &mut h)?;
        out.push(h);
    }
    Ok(EntryResults { total, hits: out })
}

fn describe(addr: DocAddress) -> String {
    format!("{}/{}", addr.segment_ord, addr.doc_id)
}

/// Entries by number: `9` before `10`, numbered before unnumbered.
fn number_cmp(a: &EntryHit, b: &EntryHit) -> std::cmp::Ordering {
    let n = |h: &EntryHit| {
        h.number
            .as_deref()
            .and_then(|n| n.split('-').next()?.parse::<u64>().ok())
            .unwrap_or(u64::MAX)
    };
    n(a).cmp(&n(b))
}

fn read_hit(f: &DocketFields, doc: &TantivyDocument) -> EntryHit {
    let first = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let all = |field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    EntryHit {
        case_name: first(f.case_name),
        docket: all(f.docket),
        court: first(f.court),
        number: first(f.dkt),
        date: doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(|d| chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0))
            .map(|d| d.format("%Y-%m-%d").to_string()),
        description: first(f.entry).unwrap_or_default(),
        // Kept in `sheet` and `filing` by [`tie`].
        sheet: first(f.sheet_id).into_iter().collect(),
        filing: Vec::new(),
    }
}

/// Name the sheet's files and the filing that is this entry's document.
fn tie(searcher: &Searcher, f: &DocketFields, h: &mut EntryHit) -> Result<()> {
    let paths = |doc: &TantivyDocument| -> Vec<String> {
        doc.get_all(f.path)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let sheet_id = std::mem::take(&mut h.sheet);
    if let Some(id) = sheet_id.first() {
        let q = term(f.doc_id, id);
        if let Some((_, a)) = searcher.search(&q, &TopDocs::with_limit(1))?.first() {
            h.sheet = paths(&searcher.doc(*a)?);
        }
    }
    let Some(n) = &h.number else {
        return Ok(());
    };
    if h.docket.is_empty() {
        return Ok(());
    }
    let same_case: Vec<(Occur, Box<dyn Query>)> = h
        .docket
        .iter()
        .map(|k| (Occur::Should, term(f.docket, k)))
        .collect();
    let q = BooleanQuery::new(vec![
        (Occur::Must, term(f.ecf_doc, n)),
        (Occur::Must, Box::new(BooleanQuery::new(same_case))),
        (Occur::MustNot, term(f.kind, KIND_ENTRY)),
        (Occur::MustNot, term(f.kind, KIND_SUPERSEDED)),
    ]);
    if let Some((_, a)) = searcher.search(&q, &TopDocs::with_limit(1))?.first() {
        h.filing = paths(&searcher.doc(*a)?);
    }
    Ok(())
}

/// The docket entry whose document a filing is, as a filing hit shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FilingEntry {
    /// The entry's number on its docket sheet (`12`).
    pub number: String,
    /// ISO date filed, when the sheet gives it.
    pub date: Option<String>,
    /// The entry's docket text, as the sheet gives it.
    pub description: String,
}

/// Most entries of one case and number read to choose the filing's own: a case has one
/// current sheet, so more than one is a court mismatch or an attachment's parent.
const ENTRY_CANDIDATES: usize = 16;

/// Finds the entry of a filing hit; made only for an index that holds entries.
pub(crate) struct EntryLookup {
    f: DocketFields,
}

impl EntryLookup {
    /// None when the index has no entry documents (or predates them): hits then cost
    /// no lookup at all.
    pub fn new(store: &Store, searcher: &Searcher) -> Result<Option<EntryLookup>> {
        let Some(f) = DocketFields::resolve(&store.index.schema()) else {
            return Ok(None);
        };
        let entries = searcher
            .doc_freq(&Term::from_field_text(f.kind, KIND_ENTRY))
            .context("cannot count docket entries")?;
        Ok((entries > 0).then_some(EntryLookup { f }))
    }

    /// The current entry of the filing's docket (and court, when both name one) whose
    /// number is the document number of the filing's ECF header: one query. An
    /// attachment (`12-3`) falls back to its main entry (`12`) when the sheet does not
    /// list it apart.
    pub fn of(&self, searcher: &Searcher, doc: &TantivyDocument) -> Result<Option<FilingEntry>> {
        let f = &self.f;
        let Some(number) = doc.get_first(f.ecf_doc).and_then(|v| v.as_str()) else {
            return Ok(None);
        };
        let dockets: Vec<(Occur, Box<dyn Query>)> = doc
            .get_all(f.docket)
            .filter_map(|v| v.as_str())
            .map(|k| (Occur::Should, term(f.docket, k)))
            .collect();
        if dockets.is_empty() {
            return Ok(None);
        }
        let main = number.split('-').next().unwrap_or(number);
        let mut numbers: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, term(f.dkt, number))];
        if main != number {
            numbers.push((Occur::Should, term(f.dkt, main)));
        }
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(f.kind, KIND_ENTRY)),
            (Occur::Must, Box::new(BooleanQuery::new(numbers))),
            (Occur::Must, Box::new(BooleanQuery::new(dockets))),
        ]);
        let court = doc.get_first(f.court).and_then(|v| v.as_str());
        let mut best: Option<(bool, EntryHit)> = None;
        for (_, addr) in searcher
            .search(&q, &TopDocs::with_limit(ENTRY_CANDIDATES))
            .context("cannot look up a filing's docket entry")?
        {
            let entry: TantivyDocument = searcher
                .doc(addr)
                .with_context(|| format!("cannot read entry {}", describe(addr)))?;
            let h = read_hit(f, &entry);
            // A sheet of another court with the same docket number is another case.
            if let (Some(a), Some(b)) = (court, h.court.as_deref())
                && a != b
            {
                continue;
            }
            let exact = h.number.as_deref() == Some(number);
            if best.as_ref().is_none_or(|(e, _)| exact && !e) {
                best = Some((exact, h));
            }
        }
        Ok(best.and_then(|(_, h)| {
            Some(FilingEntry {
                number: h.number?,
                date: h.date,
                description: h.description,
            })
        }))
    }
}
