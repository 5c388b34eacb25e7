//! The tantivy index: schema loaded from `index_schema/`, writing, incremental state.
