//! The tantivy index: schema loaded from `index_schema/`, writing, incremental state.
pub mod docs;
pub mod document;
pub mod indexer;
pub mod progress;
pub mod schema;
pub mod store;
pub mod walk;
