//! Reading every live document of the last commit.

use anyhow::{Context, Result};
use tantivy::TantivyDocument;

use super::document::StoredDoc;
use super::store::Store;

/// Call `f` on every document in the index, in no particular order.
pub fn for_each_stored(
    store: &Store,
    with_body: bool,
    mut f: impl FnMut(StoredDoc) -> Result<()>,
) -> Result<()> {
    for_each_doc(store, |doc| {
        f(StoredDoc::read(&store.fields, doc, with_body))
    })
}

/// Call `f` on every live document of the last commit, as tantivy stores it.
pub fn for_each_doc(
    store: &Store,
    mut f: impl FnMut(&TantivyDocument) -> Result<()>,
) -> Result<()> {
    let reader = store.index.reader().context("cannot open the index")?;
    let searcher = reader.searcher();
    for segment in searcher.segment_readers() {
        let docs = segment
            .get_store_reader(64)
            .context("cannot read the index's stored documents")?;
        let alive = segment.alive_bitset();
        for doc_no in 0..segment.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc_no)) {
                continue;
            }
            let doc: TantivyDocument = docs
                .get(doc_no)
                .context("cannot read a stored document; the index may be damaged")?;
            f(&doc)?;
        }
    }
    Ok(())
}
