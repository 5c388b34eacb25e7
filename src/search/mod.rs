//! Query parsing and execution: ranked hits with the page and a highlighted snippet.

pub mod query;

use anyhow::{Context, Result};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, TantivyDocument};

use crate::index::document::{PAGE_BREAK, StoredDoc};
use crate::index::store::Store;
pub use query::{SearchRequest, Sort};

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    /// 1-based page of the snippet, when the snippet comes from the body.
    pub page: Option<usize>,
    /// The matched passage, whitespace-collapsed.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    pub highlights: Vec<(usize, usize)>,
    #[serde(flatten)]
    pub doc: StoredDoc,
}

/// Hits of one search and the total number of matching documents.
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Run a search.
pub fn search(store: &Store, req: &SearchRequest) -> Result<Results> {
    let query = query::build(store, req)?;
    let reader = store
        .index
        .reader()
        .context("cannot open the index for reading")?;
    let searcher = reader.searcher();
    let limit = req.limit.max(1);
    let top_docs = TopDocs::with_limit(limit);
    let (top, total): (Vec<(f32, DocAddress)>, usize) = match req.sort {
        Sort::Relevance => searcher.search(&query, &(top_docs, Count)),
        Sort::Newest | Sort::Oldest => {
            let order = if req.sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let by_date = top_docs.order_by_fast_field::<tantivy::DateTime>("date", order);
            searcher
                .search(&query, &(by_date, Count))
                .map(|(hits, n)| (hits.into_iter().map(|(_, a)| (0.0, a)).collect(), n))
        }
    }
    .context("search failed")?;
    let mut snippets = SnippetGenerator::create(&searcher, &*query, store.fields.body)
        .context("cannot prepare snippets")?;
    snippets.set_max_num_chars(240);
    let mut hits = Vec::with_capacity(top.len());
    for (rank, (score, addr)) in top.into_iter().enumerate() {
        let doc: TantivyDocument = searcher
            .doc(addr)
            .with_context(|| format!("cannot read hit {}", describe(addr)))?;
        let mut stored = StoredDoc::read(&store.fields, &doc, true);
        let body = stored.body.take().unwrap_or_default();
        let snippet = snippets.snippet(&body);
        let (snippet_text, highlights, page) = if snippet.is_empty() {
            (lead(&body), Vec::new(), None)
        } else {
            let page = page_of(&body, snippet.fragment());
            let (text, ranges) = tidy(snippet.fragment(), snippet.highlighted());
            (text, ranges, page)
        };
        hits.push(Hit {
            rank: rank + 1,
            score,
            page,
            snippet: snippet_text,
            highlights,
            doc: stored,
        });
    }
    Ok(Results { total, hits })
}

fn describe(addr: DocAddress) -> String {
    format!("{}/{}", addr.segment_ord, addr.doc_id)
}

/// The page a fragment of the body is on (1-based).
pub(crate) fn page_of(body: &str, fragment: &str) -> Option<usize> {
    let at = body.find(fragment)?;
    Some(body[..at].matches(PAGE_BREAK).count() + 1)
}

/// The first words of a document, for hits that matched on metadata only.
pub(crate) fn lead(body: &str) -> String {
    let text: String = body.chars().take(400).collect();
    let (t, _) = tidy(&text, &[]);
    let mut cut: String = t.chars().take(200).collect();
    if t.chars().count() > 200 {
        cut.push('…');
    }
    cut
}

/// Collapse whitespace (line breaks, page breaks) in a snippet, moving highlight ranges along.
pub(crate) fn tidy(text: &str, ranges: &[std::ops::Range<usize>]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len());
    let mut map = vec![0usize; text.len() + 1];
    let mut prev_space = true;
    for (i, ch) in text.char_indices() {
        map[i] = out.len();
        if ch.is_whitespace() || ch == PAGE_BREAK {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            out.push(ch);
            prev_space = false;
        }
    }
    map[text.len()] = out.len();
    for i in (0..text.len()).rev() {
        if !text.is_char_boundary(i) {
            map[i] = map[i + 1];
        }
    }
    let trimmed_end = out.trim_end().len();
    out.truncate(trimmed_end);
    let ranges = ranges
        .iter()
        .filter(|r| r.end <= text.len() && r.start < r.end)
        .map(|r| (map[r.start].min(trimmed_end), map[r.end].min(trimmed_end)))
        .filter(|(s, e)| s < e)
        .collect();
    (out, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_moves_highlights_with_collapsed_whitespace() {
        let text = "a  \n\u{c} bold  word";
        let start = text.find("bold").expect("present");
        let bold = std::ops::Range {
            start,
            end: start + 4,
        };
        let (out, ranges) = tidy(text, std::slice::from_ref(&bold));
        assert_eq!(out, "a bold word");
        assert_eq!(&out[ranges[0].0..ranges[0].1], "bold");
    }

    #[test]
    fn page_of_counts_page_breaks() {
        let body = "one\u{c}two\u{c}three words";
        assert_eq!(page_of(body, "three"), Some(3));
        assert_eq!(page_of(body, "one"), Some(1));
    }
}
