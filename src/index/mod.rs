//! The tantivy index: schema loaded from `index_schema/`, writing, incremental state.
pub mod schema;
pub mod document;
pub mod store;
pub mod walk;
pub mod indexer;
pub mod progress;
pub mod docs;
