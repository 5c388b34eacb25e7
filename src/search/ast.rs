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
    Word {
        /// The word as typed.
        text: String,
        /// Match the word as written rather than its stem.
        exact: bool,
    },
    /// A word with wildcards: `!` at the end (any ending: `enforc!`), `*` at the end (any
    /// ending: `asyl*`) or `*` inside (exactly one character: `wom*n`). Matched as written.
    Pattern {
        /// The word as typed, wildcards included.
        text: String,
    },
    /// Words next to each other in this order, matched as written; `slop` > 0
    /// (`"motion enforce"~3`) lets that many other words come between them.
    Phrase {
        /// The phrase's words, in order.
        words: Vec<String>,
        /// How many other words may come between them (0: adjacent).
        slop: u32,
    },
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
        /// The query before the connector.
        left: Box<Query>,
        /// The query after the connector.
        right: Box<Query>,
        /// Most words apart the two sides may be (1 to [`crate::search::parse::MAX_DISTANCE`]).
        distance: u32,
        /// `left` must come before `right` (`pre/N`, `+N`).
        ordered: bool,
    },
    /// Both sides in the same sentence (`/s`) or paragraph (`/p`) of the text.
    Within {
        /// The query before the connector.
        left: Box<Query>,
        /// The query after the connector.
        right: Box<Query>,
        /// The span both sides must share.
        unit: Unit,
    },
    /// A query on one field, by its schema name (`court:cand`, `title:(stay OR enjoin)`).
    Field {
        /// The field's schema name (`court`, `title`); rewriting checks that it exists.
        name: String,
        /// The query that field's text must match.
        query: Box<Query>,
    },
    /// `field:[low TO high]`, bounds as typed (`*` for none).
    Range {
        /// The field's schema name (`date`).
        name: String,
        /// The low end (`[` includes it, `{` excludes it).
        lower: RangeBound,
        /// The high end (`]` includes it, `}` excludes it).
        upper: RangeBound,
    },
    /// After rewriting: one exact value of a keyword field (a court id, a docket key).
    Keyword {
        /// The schema name of the keyword field.
        field: String,
        /// The value as the index stores it.
        value: String,
    },
    /// After rewriting: filing dates from `from` (inclusive) to `until` (exclusive).
    Dates {
        /// First filing date that matches; None for no lower bound.
        from: Option<NaiveDate>,
        /// First filing date past the range; None for no upper bound.
        until: Option<NaiveDate>,
    },
}

/// The span `/s` and `/p` require both sides to share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// The same sentence (`/s`).
    Sentence,
    /// The same paragraph (`/p`).
    Paragraph,
}

/// One end of a typed range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeBound {
    /// This value, as typed, is part of the range (`[` or `]`).
    Included(String),
    /// The range stops short of this value, as typed (`{` or `}`).
    Excluded(String),
    /// No bound at this end (`*` or nothing).
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
