//! Turning a rewritten [`Query`] into a tantivy query.
//!
//! Unquoted words search the stemmed copies of the default fields (schema key `stems`);
//! quoted words, phrases, wildcards and `--exact` search the fields as written.
//! Connectors that count words or share a sentence or paragraph work on the body text.

use anyhow::{Result, anyhow, bail};
use std::collections::BTreeSet;
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query as TQuery,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TokenStream;
use tantivy::{Searcher, Term};

use super::analysis::{PARAGRAPH, SENTENCE, is_marker};
use super::ast::{Query, Unit};
use super::span::{Span, SpanQuery};
use crate::index::schema::FieldKind;
use crate::index::store::Store;

/// Most distinct words one wildcard may stand for.
pub const MAX_EXPANSION: usize = 5000;

/// A field a word is searched in: its stemmed and its as-written form (the same field
/// when it has no stemmed copy), with its boost.
#[derive(Debug, Clone, Copy)]
struct Target {
    stemmed: Field,
    exact: Field,
    boost: f32,
    text: bool,
}

/// Compiles queries against one index.
pub(crate) struct Compiler<'a> {
    pub(crate) store: &'a Store,
    pub(crate) searcher: &'a Searcher,
}

impl Compiler<'_> {
    /// The tantivy query for a rewritten tree.
    pub fn compile(&self, q: &Query) -> Result<Box<dyn TQuery>> {
        let defaults = self.default_targets()?;
        self.node(q, &defaults)?.ok_or_else(|| {
            anyhow!("the query has no letters or digits to search for; give words, as in `asylum`")
        })
    }

    fn default_targets(&self) -> Result<Vec<Target>> {
        let spec = &self.store.spec;
        spec.default_fields()
            .map(|(name, boost)| self.target(name, boost))
            .collect()
    }

    /// The target for a field named in the schema: a stemmed copy searches its original
    /// for exact words; an original with a stemmed copy uses it for unquoted words.
    fn target(&self, name: &str, boost: f32) -> Result<Target> {
        let spec = &self.store.spec;
        let schema = self.store.index.schema();
        let field = |n: &str| {
            schema.get_field(n).map_err(|_| {
                anyhow!("the index has no field `{n}`; rebuild it with `docketeer index`")
            })
        };
        let fs = spec
            .field(name)
            .ok_or_else(|| anyhow!("no field `{name}` in the schema"))?;
        let text = fs.kind == FieldKind::Text;
        Ok(match &fs.stems {
            Some(original) => Target {
                stemmed: field(name)?,
                exact: field(original)?,
                boost,
                text,
            },
            None => {
                let copy = spec
                    .fields
                    .iter()
                    .find(|f| f.stems.as_deref() == Some(name))
                    .map(|f| field(&f.name))
                    .transpose()?;
                let exact = field(name)?;
                Target {
                    stemmed: copy.unwrap_or(exact),
                    exact,
                    boost,
                    text,
                }
            }
        })
    }

    fn node(&self, q: &Query, targets: &[Target]) -> Result<Option<Box<dyn TQuery>>> {
        Ok(match q {
            Query::Word { text, exact } => {
                let mut alts = Vec::new();
                for t in targets {
                    let field = if *exact { t.exact } else { t.stemmed };
                    if let Some(q) = self.words(field, text, 0)? {
                        alts.push(boosted(q, t.boost));
                    }
                }
                any(alts)
            }
            Query::Phrase { words, slop } => {
                let mut alts = Vec::new();
                for t in targets {
                    if let Some(q) = self.words(t.exact, &words.join(" "), *slop)? {
                        alts.push(boosted(q, t.boost));
                    }
                }
                any(alts)
            }
            Query::Pattern { text } => {
                let mut alts = Vec::new();
                for t in targets {
                    let terms = self.expand(t.exact, text, t.text)?;
                    if !terms.is_empty() {
                        let q: Box<dyn TQuery> = Box::new(SpanQuery {
                            span: Span::Terms(terms),
                        });
                        alts.push(boosted(q, t.boost));
                    }
                }
                // A wildcard that matches no word matches no document.
                Some(any(alts).unwrap_or_else(|| Box::new(EmptyQuery)))
            }
            Query::And(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
                for p in parts {
                    match p {
                        Query::Not(inner) => {
                            if let Some(q) = self.node(inner, targets)? {
                                clauses.push((Occur::MustNot, q));
                            }
                        }
                        other => {
                            if let Some(q) = self.node(other, targets)? {
                                clauses.push((Occur::Must, q));
                            }
                        }
                    }
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) && !clauses.is_empty() {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                match clauses.len() {
                    0 => None,
                    _ => Some(Box::new(BooleanQuery::new(clauses))),
                }
            }
            Query::Or(parts) => {
                let mut alts = Vec::new();
                for p in parts {
                    if let Some(q) = self.node(p, targets)? {
                        alts.push(q);
                    }
                }
                any(alts)
            }
            Query::Not(inner) => self.node(inner, targets)?.map(|q| -> Box<dyn TQuery> {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery)),
                    (Occur::MustNot, q),
                ]))
            }),
            Query::Near { .. } | Query::Within { .. } => {
                let span = self.span(q)?;
                Some(Box::new(SpanQuery { span }))
            }
            Query::Field { name, query } => {
                let t = self.target(name, 1.0)?;
                self.node(query, &[t])?
            }
            Query::Keyword { field, value } => {
                let f = self.field(field)?;
                Some(Box::new(TermQuery::new(
                    Term::from_field_text(f, value),
                    IndexRecordOption::Basic,
                )))
            }
            Query::Dates { from, until } => {
                let f = self.store.fields.date;
                // tantivy needs one bound: "any date" starts at the earliest it holds.
                let from = &from.or(until.is_none().then_some(chrono::NaiveDate::MIN));
                let bound = |d: &Option<chrono::NaiveDate>, inclusive: bool| match d {
                    None => Bound::Unbounded,
                    Some(d) => {
                        let t = Term::from_field_date(f, super::query::clamped_day(*d));
                        if inclusive {
                            Bound::Included(t)
                        } else {
                            Bound::Excluded(t)
                        }
                    }
                };
                Some(Box::new(RangeQuery::new(
                    bound(from, true),
                    bound(until, false),
                )))
            }
            Query::Range { name, .. } => bail!("`{name}:` ranges are not supported here"),
        })
    }

    fn field(&self, name: &str) -> Result<Field> {
        self.store.index.schema().get_field(name).map_err(|_| {
            anyhow!("the index has no field `{name}`; rebuild it with `docketeer index`")
        })
    }

    /// The words of `text` as `field` indexes them: one term, or a phrase.
    fn words(&self, field: Field, text: &str, slop: u32) -> Result<Option<Box<dyn TQuery>>> {
        let tokens = tokens(self.store, field, text)?;
        Ok(match tokens.len() {
            0 => None,
            1 => Some(Box::new(TermQuery::new(
                Term::from_field_text(field, &tokens[0]),
                IndexRecordOption::WithFreqs,
            ))),
            _ => {
                let mut q = PhraseQuery::new(
                    tokens
                        .iter()
                        .map(|w| Term::from_field_text(field, w))
                        .collect(),
                );
                q.set_slop(slop);
                Some(Box::new(q))
            }
        })
    }

    /// The positional form of a connector's side, on the body text.
    fn span(&self, q: &Query) -> Result<Span> {
        let f = &self.store.fields;
        Ok(match q {
            Query::Word { text, exact } => {
                let field = if *exact { f.body } else { f.body_stem };
                let terms: Vec<Term> = tokens(self.store, field, text)?
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect();
                match terms.len() {
                    0 => bail!("`{text}` has no letters or digits to search for"),
                    1 => Span::Terms(terms),
                    _ => Span::Phrase(terms),
                }
            }
            Query::Phrase { words, .. } => {
                let terms: Vec<Term> = tokens(self.store, f.body, &words.join(" "))?
                    .iter()
                    .map(|w| Term::from_field_text(f.body, w))
                    .collect();
                match terms.len() {
                    0 => bail!(
                        "\"{}\" has no letters or digits to search for",
                        words.join(" ")
                    ),
                    1 => Span::Terms(terms),
                    _ => Span::Phrase(terms),
                }
            }
            Query::Pattern { text } => Span::Terms(self.expand(f.body, text, true)?),
            Query::Or(parts) => {
                Span::Or(parts.iter().map(|p| self.span(p)).collect::<Result<_>>()?)
            }
            Query::Near {
                left,
                right,
                distance,
                ordered,
            } => Span::Near {
                left: Box::new(self.span(left)?),
                right: Box::new(self.span(right)?),
                distance: *distance,
                ordered: *ordered,
            },
            Query::Within { left, right, unit } => {
                let marker = match unit {
                    Unit::Sentence => SENTENCE,
                    Unit::Paragraph => PARAGRAPH,
                };
                Span::Within {
                    left: Box::new(self.span(left)?),
                    right: Box::new(self.span(right)?),
                    boundary: Term::from_field_text(f.body, marker),
                }
            }
            Query::Field { name, query } if self.target(name, 1.0)?.exact == f.body => {
                self.span(query)?
            }
            other => bail!("connectors take words and phrases, not {other:?}"),
        })
    }

    /// The indexed words a wildcard stands for: `!` or a final `*` for any ending, an
    /// inner `*` for one character.
    fn expand(&self, field: Field, pattern: &str, text: bool) -> Result<Vec<Term>> {
        let p = if text {
            pattern.to_lowercase()
        } else {
            pattern.to_string()
        };
        let open_end = p.ends_with('!') || p.ends_with('*');
        let body = p.trim_end_matches(['!', '*']);
        let prefix: String = body.chars().take_while(|&c| c != '*').collect();
        if prefix.is_empty() {
            bail!("`{pattern}`: give the first letters of the word before a wildcard");
        }
        let mut re = String::from("^");
        for (i, piece) in body.split('*').enumerate() {
            if i > 0 {
                re.push('.');
            }
            re.push_str(&regex::escape(piece));
        }
        re.push_str(if open_end { ".*$" } else { "$" });
        let re = regex::Regex::new(&re)?;
        let mut words = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()?;
            while stream.advance() {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                let Ok(word) = std::str::from_utf8(key) else {
                    continue;
                };
                if re.is_match(word) && !is_marker(word) {
                    words.insert(word.to_string());
                    if words.len() > MAX_EXPANSION {
                        bail!(
                            "`{pattern}` stands for more than {MAX_EXPANSION} different words; give more letters"
                        );
                    }
                }
            }
        }
        Ok(words
            .into_iter()
            .map(|w| Term::from_field_text(field, &w))
            .collect())
    }
}

fn boosted(q: Box<dyn TQuery>, boost: f32) -> Box<dyn TQuery> {
    if (boost - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

fn any(mut alts: Vec<Box<dyn TQuery>>) -> Option<Box<dyn TQuery>> {
    match alts.len() {
        0 => None,
        1 => alts.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            alts.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))),
    }
}

/// The words of `text` as `field`'s tokenizer makes them, without boundary markers.
pub fn tokens(store: &Store, field: Field, text: &str) -> Result<Vec<String>> {
    let mut analyzer = store.index.tokenizer_for_field(field)?;
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = &stream.token().text;
        if !is_marker(t) {
            out.push(t.clone());
        }
    }
    Ok(out)
}
