//! Query parsing and execution: ranked hits with the page and a highlighted snippet.

pub mod analysis;
pub mod ast;
pub mod compile;
pub mod entries;
pub mod facets;
pub mod highlight;
mod lex;
pub mod parse;
pub mod query;
pub mod rewrite;
pub mod span;

use anyhow::{Context, Result};
use serde::Serialize;
use std::collections::BTreeSet;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, TantivyDocument, Term};

use crate::index::document::{PAGE_BREAK, StoredDoc};
use crate::index::store::Store;
pub use query::{SearchRequest, Sort};

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based position in the results.
    pub rank: usize,
    /// The ranking score.
    pub score: f32,
    /// 1-based page of the snippet, when the snippet comes from the body.
    pub page: Option<usize>,
    /// The matched passage, whitespace-collapsed.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    pub highlights: Vec<(usize, usize)>,
    /// The document's stored fields.
    #[serde(flatten)]
    pub doc: StoredDoc,
    /// The docket entry this filing is the document of, when its ECF header names a
    /// document number and the index holds its docket sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<entries::FilingEntry>,
}

/// Hits of one search, the total number of matching documents and, when asked, the
/// counts of every hit by facet.
pub struct Results {
    /// Documents matching the query.
    pub total: usize,
    /// The hits shown, best first.
    pub hits: Vec<Hit>,
    /// Counts of every hit by each `--count-by` facet; empty when none was asked for.
    pub facets: Vec<facets::FacetCounts>,
}

/// Snippet length when `--context` is not given, in characters.
pub const SNIPPET_CHARS: usize = 240;

/// Run a search.
pub fn search(store: &Store, req: &SearchRequest) -> Result<Results> {
    let reader = store
        .index
        .reader()
        .context("cannot open the index for reading")?;
    let searcher = reader.searcher();
    let query = query::build_with(store, &searcher, req)?;
    // `--limit 0` asks for the count only; the collector needs room for one.
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
            let by_date = top_docs.order_by_fast_field::<tantivy::DateTime>(
                store.fields.name(store.fields.date),
                order,
            );
            searcher
                .search(&query, &(by_date, Count))
                .map(|(hits, n)| (hits.into_iter().map(|(_, a)| (0.0, a)).collect(), n))
        }
    }
    .context("search failed")?;
    // Snippets mark the words of the body as written: stemmed query terms are first
    // turned into the written words of the index that share their stem, so no hit's
    // whole text is stemmed to find its snippet.
    let marked = snippet_query(store, &searcher, &*query)?;
    let mut body_words: Vec<String> = Vec::new();
    marked.query_terms(&mut |t, _| {
        if t.field() == store.fields.body {
            body_words.extend(t.value().as_str().map(str::to_string));
        }
    });
    let body_terms = !body_words.is_empty();
    // Without words in the body (a court, a party) there is nothing to mark: hits show
    // their first words, and no hit's text is tokenized.
    let snippets = if body_terms {
        let mut g = SnippetGenerator::create(&searcher, &*marked, store.fields.body)
            .context("cannot prepare snippets")?;
        g.set_max_num_chars(if req.snippet_chars == 0 {
            SNIPPET_CHARS
        } else {
            req.snippet_chars
        });
        Some(g)
    } else {
        None
    };
    // Only the hits shown look up their entry, one query each.
    let entry_lookup = entries::EntryLookup::new(store, &searcher)?;
    let mut hits = Vec::with_capacity(top.len());
    for (rank, (score, addr)) in top.into_iter().take(req.limit).enumerate() {
        let doc: TantivyDocument = searcher
            .doc(addr)
            .with_context(|| format!("cannot read hit {}", describe(addr)))?;
        let entry = match &entry_lookup {
            Some(l) => l.of(&searcher, &doc)?,
            None => None,
        };
        let mut stored = StoredDoc::read(&store.fields, &doc, true);
        let body = stored.body.take().unwrap_or_default();
        let snippet = snippets
            .as_ref()
            .map_or_else(tantivy::snippet::Snippet::empty, |g| {
                g.snippet(snippet_window(&body, &body_words))
            });
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
            entry,
        });
    }
    let facets = if req.count_by.is_empty() {
        Vec::new()
    } else {
        facets::count(store, &searcher, &*query, &req.count_by)?
    };
    Ok(Results {
        total,
        hits,
        facets,
    })
}

/// Most written forms one stemmed word is marked in.
const MAX_FORMS: usize = 256;

/// The query whose body terms snippets mark: `query` plus, for each of its stemmed body
/// terms, the written words of the index with that stem.
pub fn snippet_query(
    store: &Store,
    searcher: &tantivy::Searcher,
    query: &dyn Query,
) -> Result<Box<dyn Query>> {
    let (stem_field, body) = (store.fields.body_stem, store.fields.body);
    let mut stems: BTreeSet<String> = BTreeSet::new();
    query.query_terms(&mut |t, _| {
        if t.field() == stem_field
            && let Some(s) = t.value().as_str()
        {
            stems.insert(s.to_string());
        }
    });
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, query.box_clone())];
    let mut forms: BTreeSet<String> = BTreeSet::new();
    for stem in &stems {
        // A stem is its word's beginning but for a changed last letter (happy -> happi).
        let prefix: String = if stem.chars().count() > 3 {
            stem.chars().take(stem.chars().count() - 1).collect()
        } else {
            stem.clone()
        };
        let mut found = 0;
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(body)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()?;
            while stream.advance() && found < MAX_FORMS {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                let Ok(word) = std::str::from_utf8(key) else {
                    continue;
                };
                if !forms.contains(word)
                    && compile::tokens(store, stem_field, word)?.first() == Some(stem)
                {
                    forms.insert(word.to_string());
                    found += 1;
                }
            }
        }
    }
    for w in forms {
        clauses.push((
            Occur::Should,
            Box::new(TermQuery::new(
                Term::from_field_text(body, &w),
                IndexRecordOption::WithFreqs,
            )),
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn describe(addr: DocAddress) -> String {
    format!("{}/{}", addr.segment_ord, addr.doc_id)
}

/// Bodies up to this size are given to the snippet generator whole.
const SNIPPET_WINDOW: usize = 64 * 1024;

/// The part of `body` a snippet is made from: the whole of a short body, else a window
/// around the first place one of `words` (lowercased, as indexed) occurs. Tokenizing a
/// whole filing of many megabytes for every hit would take seconds; the window keeps a
/// hit's cost independent of its filing's size.
fn snippet_window<'a>(body: &'a str, words: &[String]) -> &'a str {
    if body.len() <= SNIPPET_WINDOW {
        return body;
    }
    // ASCII lowercasing keeps byte offsets, so a position found here is one in `body`.
    let lower = body.to_ascii_lowercase();
    let first = words
        .iter()
        .filter(|w| !w.is_empty())
        .filter_map(|w| lower.find(w.as_str()))
        .min()
        .unwrap_or(0);
    let boundary = |mut i: usize| {
        i = i.min(body.len());
        while !body.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = boundary(first.saturating_sub(SNIPPET_WINDOW / 2));
    let end = boundary(start + SNIPPET_WINDOW);
    &body[start..end]
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
    fn a_long_body_gives_its_snippet_a_window_around_the_first_word() {
        let body = format!(
            "{}needle here{}",
            "a é ".repeat(40_000),
            " b".repeat(40_000)
        );
        let w = snippet_window(&body, &["needle".to_string()]);
        assert!(w.len() <= SNIPPET_WINDOW && w.contains("needle here"));
        let short = "short needle";
        assert_eq!(snippet_window(short, &["needle".to_string()]), short);
        // No word found: the window is the body's start.
        assert!(body.starts_with(snippet_window(&body, &["absent".to_string()])));
    }

    #[test]
    fn page_of_counts_page_breaks() {
        let body = "one\u{c}two\u{c}three words";
        assert_eq!(page_of(body, "three"), Some(3));
        assert_eq!(page_of(body, "one"), Some(1));
    }
}
