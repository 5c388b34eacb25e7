//! Marking a query's words in a whole page of text (for `docketeer show`), the way the
//! snippets mark them: a word is marked when its stemmed or as-written form is one of the
//! query's terms on the body.

use anyhow::Result;
use std::collections::HashSet;
use tantivy::query::Query;
use tantivy::tokenizer::TokenStream;

use crate::index::store::Store;

/// Byte ranges of `text` holding one of the query's words, sorted and not overlapping.
pub fn ranges(store: &Store, query: &dyn Query, text: &str) -> Result<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    for field in [store.fields.body_stem, store.fields.body] {
        let mut terms: HashSet<String> = HashSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field
                && let Some(t) = term.value().as_str()
            {
                terms.insert(t.to_string());
            }
        });
        if terms.is_empty() {
            continue;
        }
        let mut analyzer = store.index.tokenizer_for_field(field)?;
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            if t.offset_to > t.offset_from && terms.contains(&t.text) {
                out.push((t.offset_from, t.offset_to));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    // Keep the first of overlapping ranges.
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for r in out {
        if kept.last().is_none_or(|last| r.0 >= last.1) {
            kept.push(r);
        }
    }
    Ok(kept)
}
