//! The parsed form of a search: one tree for both query languages Docketeer reads.
//!
//! [`crate::search::parse`] turns typed text into a [`Query`]; [`crate::search::rewrite`]
//! resolves field names and the values people type in many forms (docket numbers, court
//! names, dates) into the values the index holds; [`crate::search::compile`] turns the
//! result into a tantivy query. Another engine can translate the same tree.

use chrono::NaiveDate;

/// A search query.
///
/// Built by the parser from what a user typed (`Word`, `Pattern`, `Phrase`, `And`, `Or`,
/// `Not`, `Near`, `Within`, `Field`, `Range`); rewriting replaces `Field` clauses of
/// keyword and date fields by `Keyword` and `Dates`.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// One word as typed. Unquoted words match their stem (`enforce` finds "enforced");
    /// `exact` words (quoted, or under `--exact`) match as written.
    Word { text: String, exact: bool },
    /// A word with wildcards: `!` at the end (any ending: `enforc!`), `*` at the end (any
    /// ending: `asyl*`) or `*` inside (exactly one character: `wom*n`). Matched as written.
    Pattern { text: String },
    /// Words next to each other in this order, matched as written; `slop` > 0
    /// (`"motion enforce"~3`) lets that many other words come between them.
    Phrase { words: Vec<String>, slop: u32 },
    /// Every part must match (`&`, `AND`, a space).
    And(Vec<Query>),
    /// At least one part must match (`OR`).
    Or(Vec<Query>),
    /// Documents the inner query does not match; meaningful as a part of an `And`
    /// (`NOT`, `-`, `AND NOT`, `BUT NOT`, `%`).
    Not(Box<Query>),
    /// Both sides within `distance` words of each other in the text: either order
    /// (`w/N`, `/N`), or `left` first when `ordered` (`pre/N`, `+N`).
    Near {
        left: Box<Query>,
        right: Box<Query>,
        distance: u32,
        ordered: bool,
    },
    /// Both sides in the same sentence (`/s`) or paragraph (`/p`) of the text.
    Within {
        left: Box<Query>,
        right: Box<Query>,
        unit: Unit,
    },
    /// A query on one field, by its schema name (`court:cand`, `title:(stay OR enjoin)`).
    Field { name: String, query: Box<Query> },
    /// `field:[low TO high]`, bounds as typed (`*` for none).
    Range {
        name: String,
        lower: RangeBound,
        upper: RangeBound,
    },
    /// After rewriting: one exact value of a keyword field (a court id, a docket key).
    Keyword { field: String, value: String },
    /// After rewriting: filing dates from `from` (inclusive) to `until` (exclusive).
    Dates {
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
    },
}

/// The span `/s` and `/p` require both sides to share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Sentence,
    Paragraph,
}

/// One end of a typed range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeBound {
    Included(String),
    Excluded(String),
    Unbounded,
}

impl Query {
    /// Every node of the tree, this one first.
    pub fn walk(&self, visit: &mut dyn FnMut(&Query)) {
        visit(self);
        match self {
            Query::And(parts) | Query::Or(parts) => parts.iter().for_each(|p| p.walk(visit)),
            Query::Not(q) | Query::Field { query: q, .. } => q.walk(visit),
            Query::Near { left, right, .. } | Query::Within { left, right, .. } => {
                left.walk(visit);
                right.walk(visit);
            }
            _ => {}
        }
    }

    /// The words of a leaf as typed, for fields whose values are read whole (a docket
    /// number, a court name, a date): `None` for anything but words and phrases.
    pub fn leaf_text(&self) -> Option<String> {
        match self {
            Query::Word { text, .. } | Query::Pattern { text } => Some(text.clone()),
            Query::Phrase { words, .. } => Some(words.join(" ")),
            Query::And(parts) => {
                let texts: Option<Vec<String>> = parts.iter().map(Query::leaf_text).collect();
                texts.map(|t| t.join(" "))
            }
            _ => None,
        }
    }
}
