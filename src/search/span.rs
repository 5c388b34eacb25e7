//! Positional matching for the connectors that count words or share a sentence or a
//! paragraph (`w/N`, `pre/N`, `/s`, `/p`), and for wildcard words: a tantivy query that
//! reads term positions and combines the spans where each side matched.

use std::collections::BTreeMap;
use tantivy::postings::Postings;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// Most spans kept per document and node: enough to decide a match, bounded in memory.
const MAX_SPANS_PER_DOC: usize = 4096;

/// Where a side of a connector can match, as positions of words in a text field.
/// Terms of a stemmed field and of its exact copy may be mixed: both are tokenized alike,
/// so their positions agree.
#[derive(Debug, Clone)]
pub(crate) enum Span {
    /// Any of these terms (a word, or the words a wildcard expands to).
    Terms(Vec<Term>),
    /// These terms at consecutive positions.
    Phrase(Vec<Term>),
    /// Any of these.
    Or(Vec<Span>),
    /// Both within `distance` words; `left` first when `ordered`.
    Near {
        /// One side.
        left: Box<Span>,
        /// The other side.
        right: Box<Span>,
        /// Most words between them.
        distance: u32,
        /// `left` must come first.
        ordered: bool,
    },
    /// Both between the same two boundary markers (`boundary` is the marker term).
    Within {
        /// One side.
        left: Box<Span>,
        /// The other side.
        right: Box<Span>,
        /// The marker term between sentences or paragraphs.
        boundary: Term,
    },
}

impl Span {
    fn visit_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        match self {
            Span::Terms(ts) | Span::Phrase(ts) => ts.iter().for_each(|t| visitor(t, true)),
            Span::Or(parts) => parts.iter().for_each(|p| p.visit_terms(visitor)),
            Span::Near { left, right, .. } | Span::Within { left, right, .. } => {
                left.visit_terms(visitor);
                right.visit_terms(visitor);
            }
        }
    }
}

/// A tantivy query matching the documents where a [`Span`] matches.
#[derive(Debug, Clone)]
pub(crate) struct SpanQuery {
    pub(crate) span: Span,
}

impl Query for SpanQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(SpanWeight {
            span: self.span.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.span.visit_terms(visitor);
    }
}

struct SpanWeight {
    span: Span,
}

/// Matched spans (first and last position, inclusive) per document, sorted by start.
type Matches = BTreeMap<DocId, Vec<(u32, u32)>>;

impl Weight for SpanWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let matches = eval(&self.span, reader)?;
        let alive = reader.alive_bitset();
        let docs = matches
            .into_iter()
            .filter(|(d, _)| alive.is_none_or(|a| a.is_alive(*d)))
            .map(|(d, spans)| (d, boost * (1.0 + (spans.len() as f32).ln())))
            .collect();
        Ok(Box::new(ListScorer { docs, at: 0 }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("positional match", scorer.score()))
    }
}

/// Documents and scores computed up front, in document order.
struct ListScorer {
    docs: Vec<(DocId, Score)>,
    at: usize,
}

impl DocSet for ListScorer {
    fn advance(&mut self) -> DocId {
        self.at += 1;
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).map_or(TERMINATED, |d| d.0)
    }

    fn size_hint(&self) -> u32 {
        self.docs.len() as u32
    }
}

impl Scorer for ListScorer {
    fn score(&mut self) -> Score {
        self.docs.get(self.at).map_or(0.0, |d| d.1)
    }
}

fn positions(reader: &SegmentReader, term: &Term) -> tantivy::Result<BTreeMap<DocId, Vec<u32>>> {
    let mut out = BTreeMap::new();
    let inverted = reader.inverted_index(term.field())?;
    let Some(mut postings) =
        inverted.read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
    else {
        return Ok(out);
    };
    let mut buf = Vec::new();
    while postings.doc() != TERMINATED {
        postings.positions(&mut buf);
        out.insert(postings.doc(), buf.clone());
        postings.advance();
    }
    Ok(out)
}

fn eval(span: &Span, reader: &SegmentReader) -> tantivy::Result<Matches> {
    Ok(match span {
        Span::Terms(terms) => {
            let mut out: Matches = BTreeMap::new();
            for t in terms {
                for (doc, ps) in positions(reader, t)? {
                    out.entry(doc)
                        .or_default()
                        .extend(ps.into_iter().map(|p| (p, p)));
                }
            }
            for spans in out.values_mut() {
                spans.sort_unstable();
                spans.dedup();
            }
            out
        }
        Span::Phrase(terms) => {
            let mut lists = Vec::with_capacity(terms.len());
            for t in terms {
                lists.push(positions(reader, t)?);
            }
            let mut out: Matches = BTreeMap::new();
            let Some((first, rest)) = lists.split_first() else {
                return Ok(out);
            };
            for (doc, starts) in first {
                let Some(others) = rest.iter().map(|l| l.get(doc)).collect::<Option<Vec<_>>>()
                else {
                    continue;
                };
                let spans: Vec<(u32, u32)> = starts
                    .iter()
                    .filter(|&&s| {
                        others
                            .iter()
                            .enumerate()
                            .all(|(i, ps)| ps.binary_search(&(s + i as u32 + 1)).is_ok())
                    })
                    .map(|&s| (s, s + others.len() as u32))
                    .collect();
                if !spans.is_empty() {
                    out.insert(*doc, spans);
                }
            }
            out
        }
        Span::Or(parts) => {
            let mut out: Matches = BTreeMap::new();
            for p in parts {
                for (doc, spans) in eval(p, reader)? {
                    out.entry(doc).or_default().extend(spans);
                }
            }
            for spans in out.values_mut() {
                spans.sort_unstable();
                spans.dedup();
            }
            out
        }
        Span::Near {
            left,
            right,
            distance,
            ordered,
        } => {
            let (l, r) = (eval(left, reader)?, eval(right, reader)?);
            let mut out = Matches::new();
            for (doc, ls) in &l {
                let Some(rs) = r.get(doc) else { continue };
                let spans = near(ls, rs, *distance, *ordered);
                if !spans.is_empty() {
                    out.insert(*doc, spans);
                }
            }
            out
        }
        Span::Within {
            left,
            right,
            boundary,
        } => {
            let (l, r) = (eval(left, reader)?, eval(right, reader)?);
            let marks = positions(reader, boundary)?;
            let none = Vec::new();
            let mut out = Matches::new();
            for (doc, ls) in &l {
                let Some(rs) = r.get(doc) else { continue };
                let spans = within(ls, rs, marks.get(doc).unwrap_or(&none));
                if !spans.is_empty() {
                    out.insert(*doc, spans);
                }
            }
            out
        }
    })
}

/// Pairs of spans at most `distance` words apart (`ordered`: left before right).
fn near(ls: &[(u32, u32)], rs: &[(u32, u32)], distance: u32, ordered: bool) -> Vec<(u32, u32)> {
    let longest = rs.iter().map(|(s, e)| e - s).max().unwrap_or(0);
    let mut out = Vec::new();
    for &(ls_, le) in ls {
        let from = rs.partition_point(|&(s, _)| s + longest + distance < ls_);
        for &(rs_, re) in &rs[from..] {
            if rs_ > le + distance {
                break;
            }
            let ok = if rs_ > le {
                rs_ - le <= distance
            } else if ls_ > re {
                !ordered && ls_ - re <= distance
            } else {
                // Overlapping spans (the same word on both sides) are not "near".
                false
            };
            if ok {
                out.push((ls_.min(rs_), le.max(re)));
                if out.len() >= MAX_SPANS_PER_DOC {
                    break;
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Spans of both sides between the same two boundaries; a boundary marker sits at the
/// position of the first word after it.
fn within(ls: &[(u32, u32)], rs: &[(u32, u32)], marks: &[u32]) -> Vec<(u32, u32)> {
    let unit = |(s, e): (u32, u32)| {
        let a = marks.partition_point(|&m| m <= s);
        let b = marks.partition_point(|&m| m <= e);
        (a == b).then_some(a)
    };
    let mut by_unit: BTreeMap<usize, (u32, u32, bool, bool)> = BTreeMap::new();
    for (side, spans) in [(0, ls), (1, rs)] {
        for &sp in spans {
            if let Some(u) = unit(sp) {
                let e = by_unit.entry(u).or_insert((sp.0, sp.1, false, false));
                e.0 = e.0.min(sp.0);
                e.1 = e.1.max(sp.1);
                if side == 0 {
                    e.2 = true;
                } else {
                    e.3 = true;
                }
            }
        }
    }
    by_unit
        .into_values()
        .filter(|&(_, _, l, r)| l && r)
        .map(|(s, e, _, _)| (s, e))
        .take(MAX_SPANS_PER_DOC)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_counts_words_either_way_unless_ordered() {
        let a = [(10, 10)];
        let b = [(13, 13)];
        assert_eq!(near(&a, &b, 3, false), vec![(10, 13)]);
        assert!(near(&a, &b, 2, false).is_empty());
        assert_eq!(near(&b, &a, 3, false), vec![(10, 13)]);
        assert!(near(&b, &a, 3, true).is_empty());
        assert_eq!(near(&a, &b, 3, true), vec![(10, 13)]);
    }

    #[test]
    fn within_needs_both_sides_between_the_same_markers() {
        // Sentences start at 0, 5 and 9.
        let marks = [5, 9];
        assert_eq!(within(&[(1, 1)], &[(4, 4)], &marks), vec![(1, 4)]);
        assert!(within(&[(4, 4)], &[(5, 5)], &marks).is_empty());
        assert_eq!(within(&[(9, 10)], &[(12, 12)], &marks), vec![(9, 12)]);
    }
}
