//! Docketeer: full-text search over court filings.
//!
//! Data flows one way: file → [`extract`] → [`clean`] → [`metadata`] → [`index`] → [`search`] → [`output`].

#![warn(missing_docs)]

pub mod app;
pub mod clean;
pub mod cli;
pub mod docket;
pub mod extract;
pub mod filing;
pub mod index;
pub mod metadata;
pub mod output;
pub mod quickwit;
pub mod search;
