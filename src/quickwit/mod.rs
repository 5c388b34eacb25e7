//! Moving the index to a Quickwit cluster and searching it there: the index config
//! generated from the schema file, ingest documents, the REST client, `push`, and the
//! translation of Docketeer searches into Quickwit requests.

pub mod client;
pub mod config;
pub mod docs;
pub mod mapping;
pub mod push;
pub mod search;
