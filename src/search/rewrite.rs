//! Rewriting a parsed query into the values the index holds: field names checked
//! against the schema file, docket numbers to their canonical key, court names to court
//! ids, dates to day ranges. Works on the tree, so quoting and nesting cannot break it.

use chrono::NaiveDate;
use std::fmt;

use super::ast::{Query, RangeBound};
use crate::index::schema::{FieldKind, SchemaSpec};
use crate::metadata::{citations, court, docket};

/// Why a parsed query cannot be rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RewriteError {
    /// A `name:` that is not a searchable field of the schema.
    UnknownField {
        /// The field name as typed.
        name: String,
        /// The names that can be searched, to offer instead.
        fields: Vec<String>,
    },
    /// A date field given something that is not a day, month or year.
    BadDate {
        /// The field as typed, with its colon (`date:`).
        field: String,
        /// The value as typed.
        value: String,
    },
    /// A `[.. TO ..]` range on a field that is not a date.
    RangeOnText {
        /// The field name as typed.
        name: String,
    },
    /// A field given another field clause or a range instead of a value.
    NoValue {
        /// The field name as typed.
        name: String,
    },
}

impl fmt::Display for RewriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RewriteError::UnknownField { name, fields } => write!(
                f,
                "no field `{name}`; search one of: {} (or quote the colon: \"{name}:...\")",
                fields.join(", ")
            ),
            RewriteError::BadDate { field, value } => write!(
                f,
                "{field} `{value}` is not a date; write a day (2021-04-07), a month (2021-04) or a year (2021), or a range `date:[2021-01-01 TO 2021-06-30]`"
            ),
            RewriteError::RangeOnText { name } => write!(
                f,
                "`{name}:[.. TO ..]`: ranges work on `date` only; search the words of `{name}` instead"
            ),
            RewriteError::NoValue { name } => write!(
                f,
                "`{name}:` takes a value, as in `{name}:cand`, or alternatives `{name}:(a OR b)`"
            ),
        }
    }
}

impl std::error::Error for RewriteError {}

/// What rewriting needs to know besides the tree.
pub struct Rewriter<'a> {
    /// The index's schema file: which fields exist and what kind each is.
    pub spec: &'a SchemaSpec,
    /// `court:` and `--court` also take the courts below the named one.
    pub with_children: bool,
    /// Every word matches as written (`--exact`).
    pub exact: bool,
}

impl Rewriter<'_> {
    /// Rewrite a whole query.
    pub fn rewrite(&self, q: Query) -> Result<Query, RewriteError> {
        Ok(match q {
            // A word typed with a capital is a name (Howell, FOIA): matched as written,
            // so "Howell" does not find "Howells".
            Query::Word { text, exact } => Query::Word {
                exact: exact || self.exact || text.chars().any(char::is_uppercase),
                text,
            },
            Query::And(parts) => Query::And(self.all(parts)?),
            Query::Or(parts) => Query::Or(self.all(parts)?),
            Query::Not(q) => Query::Not(Box::new(self.rewrite(*q)?)),
            Query::Near {
                left,
                right,
                distance,
                ordered,
            } => Query::Near {
                left: Box::new(self.rewrite(*left)?),
                right: Box::new(self.rewrite(*right)?),
                distance,
                ordered,
            },
            Query::Within { left, right, unit } => Query::Within {
                left: Box::new(self.rewrite(*left)?),
                right: Box::new(self.rewrite(*right)?),
                unit,
            },
            Query::Field { name, query } => self.field(&name, *query)?,
            Query::Range { name, lower, upper } => self.range(&name, lower, upper)?,
            other => other,
        })
    }

    fn all(&self, parts: Vec<Query>) -> Result<Vec<Query>, RewriteError> {
        parts.into_iter().map(|p| self.rewrite(p)).collect()
    }

    fn known(&self, name: &str) -> Result<FieldKind, RewriteError> {
        match self.spec.field(name) {
            Some(f) if f.indexed => Ok(f.kind),
            _ => Err(RewriteError::UnknownField {
                name: name.to_string(),
                fields: self
                    .spec
                    .fields
                    .iter()
                    .filter(|f| f.indexed && f.stems.is_none())
                    .map(|f| f.name.clone())
                    .collect(),
            }),
        }
    }

    fn field(&self, name: &str, q: Query) -> Result<Query, RewriteError> {
        let kind = self.known(name)?;
        // Boolean structure inside a field clause applies the field to each part.
        match q {
            Query::Or(parts) => {
                return Ok(Query::Or(
                    parts
                        .into_iter()
                        .map(|p| self.field(name, p))
                        .collect::<Result<_, _>>()?,
                ));
            }
            Query::Not(inner) => return Ok(Query::Not(Box::new(self.field(name, *inner)?))),
            Query::Field { .. } | Query::Range { .. } => {
                return Err(RewriteError::NoValue {
                    name: name.to_string(),
                });
            }
            _ => {}
        }
        if let Query::And(parts) = &q
            && kind == FieldKind::Text
        {
            let parts = parts
                .iter()
                .map(|p| self.field(name, p.clone()))
                .collect::<Result<_, _>>()?;
            return Ok(Query::And(parts));
        }
        let text = q.leaf_text();
        // A citation typed in any printed form searches its stored normal form
        // (`384 US 364` is `384 U.S. 364`; `Fla. Stat. Ann. 768.28` is
        // `Fla. Stat. § 768.28`); marks without letters or digits (`§`) are not words.
        if name == "cites"
            && let Some(norm) = text.as_deref().and_then(citations::normalize)
        {
            let words: Vec<&str> = norm
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .collect();
            return Ok(Query::Field {
                name: name.to_string(),
                query: Box::new(self.rewrite(typed(&words.join(" ")))?),
            });
        }
        match (name, kind, text) {
            ("docket", _, Some(t)) => Ok(match docket::normalize(&t) {
                Some(d) => keyword("docket", &d.canonical),
                None => text_field("docket_raw", &t),
            }),
            ("court", _, Some(t)) => {
                let ids = court::query_ids(&t, self.with_children);
                Ok(match ids.len() {
                    0 => text_field("court_name", &t),
                    1 => keyword("court", &ids[0]),
                    _ => Query::Or(ids.iter().map(|id| keyword("court", id)).collect()),
                })
            }
            (_, FieldKind::Date, Some(t)) => {
                let (from, until) = day_span(&t).ok_or_else(|| RewriteError::BadDate {
                    field: format!("{name}:"),
                    value: t.clone(),
                })?;
                Ok(Query::Dates {
                    from: Some(from),
                    until: Some(until),
                })
            }
            ("doc_type", _, Some(t)) => Ok(keyword(name, &t.to_lowercase())),
            (_, FieldKind::String, Some(_)) if matches!(q, Query::Pattern { .. }) => {
                Ok(Query::Field {
                    name: name.to_string(),
                    query: Box::new(q),
                })
            }
            (_, FieldKind::String | FieldKind::U64, Some(t)) => Ok(keyword(name, &t)),
            _ => Ok(Query::Field {
                name: name.to_string(),
                query: Box::new(self.rewrite(q)?),
            }),
        }
    }

    fn range(
        &self,
        name: &str,
        lower: RangeBound,
        upper: RangeBound,
    ) -> Result<Query, RewriteError> {
        if self.known(name)? != FieldKind::Date {
            return Err(RewriteError::RangeOnText {
                name: name.to_string(),
            });
        }
        let day = |v: &str| {
            NaiveDate::parse_from_str(v.get(..10).unwrap_or(v), "%Y-%m-%d")
                .ok()
                .or_else(|| day_span(v).map(|(from, _)| from))
                .ok_or_else(|| RewriteError::BadDate {
                    field: format!("{name}:"),
                    value: v.to_string(),
                })
        };
        let from = match &lower {
            RangeBound::Included(v) => Some(day(v)?),
            RangeBound::Excluded(v) => day(v)?.succ_opt(),
            RangeBound::Unbounded => None,
        };
        let until = match &upper {
            RangeBound::Included(v) => day(v)?.succ_opt(),
            RangeBound::Excluded(v) => Some(day(v)?),
            RangeBound::Unbounded => None,
        };
        Ok(Query::Dates { from, until })
    }
}

fn keyword(field: &str, value: &str) -> Query {
    Query::Keyword {
        field: field.to_string(),
        value: value.to_string(),
    }
}

/// A value typed for a text field, as a phrase of its words.
pub fn text_field(name: &str, text: &str) -> Query {
    Query::Field {
        name: name.to_string(),
        query: Box::new(typed(text)),
    }
}

/// Words as typed into a flag: one word, or a phrase of several.
pub fn typed(text: &str) -> Query {
    let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    if words.len() == 1 {
        Query::Word {
            text: words[0].clone(),
            exact: false,
        }
    } else {
        Query::Phrase { words, slop: 0 }
    }
}

/// A day, a month or a year as people write them: the first day and the day after the last.
pub fn day_span(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let day = NaiveDate::from_ymd_opt;
    let parts: Vec<&str> = value.trim().split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y: i32 = y.parse().ok()?;
            Some((day(y, 1, 1)?, day(y + 1, 1, 1)?))
        }
        [y, m] if y.len() == 4 => {
            let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
            let next = if m == 12 {
                day(y + 1, 1, 1)
            } else {
                day(y, m + 1, 1)
            };
            Some((day(y, m, 1)?, next?))
        }
        [_, _, _] => {
            let d = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()?;
            Some((d, d.succ_opt()?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse::parse;

    fn rewrite(q: &str) -> Result<Query, RewriteError> {
        let spec = SchemaSpec::bundled().expect("schema");
        Rewriter {
            spec: &spec,
            with_children: false,
            exact: false,
        }
        .rewrite(parse(q).expect("parses"))
    }

    #[test]
    fn docket_numbers_become_their_canonical_key_even_quoted_or_nested() {
        let want = keyword("docket", "17-cv-2366");
        assert_eq!(rewrite("docket:3:17-cv-02366").unwrap(), want);
        assert_eq!(rewrite("docket:\"Case No.: 3:17-cv-02366\"").unwrap(), want);
        assert_eq!(
            rewrite("(docket:17-cv-2366 OR x)").unwrap(),
            Query::Or(vec![
                want,
                Query::Word {
                    text: "x".into(),
                    exact: false
                }
            ])
        );
    }

    #[test]
    fn courts_in_parentheses_resolve_to_ids() {
        assert_eq!(
            rewrite("(court:cand OR court:casd)").unwrap(),
            Query::Or(vec![keyword("court", "cand"), keyword("court", "casd")])
        );
        assert_eq!(
            rewrite("court:(cand OR CASD)").unwrap(),
            Query::Or(vec![keyword("court", "cand"), keyword("court", "casd")])
        );
    }

    #[test]
    fn dates_of_any_year_and_ranges() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            rewrite("date:2021-04").unwrap(),
            Query::Dates {
                from: d("2021-04-01"),
                until: d("2021-05-01")
            }
        );
        assert_eq!(
            rewrite("date:[3000-01-01 TO *]").unwrap(),
            Query::Dates {
                from: d("3000-01-01"),
                until: None
            }
        );
        assert_eq!(
            rewrite("date:{2021-01-01 TO 2021-12-31]").unwrap(),
            Query::Dates {
                from: d("2021-01-02"),
                until: d("2022-01-01")
            }
        );
        assert!(matches!(
            rewrite("date:soon"),
            Err(RewriteError::BadDate { .. })
        ));
    }

    #[test]
    fn unknown_fields_list_the_real_ones() {
        let e = rewrite("nosuch:x").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("case_name") && !msg.contains("body_stem"),
            "{msg}"
        );
    }
}
