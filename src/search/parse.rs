//! The query language: a lexer and a recursive-descent parser producing [`Query`].
//!
//! Both the boolean syntax (`AND`, `OR`, `NOT`, `-word`, `field:value`, `"phrase"~N`,
//! `field:[a TO b]`) and Westlaw/Lexis terms and connectors (`&`, `%`, `BUT NOT`, `w/N`,
//! `/N`, `pre/N`, `+N`, `/s`, `/p`, `!`, `*`) are read. Precedence, tightest first, is
//! Westlaw's: phrase, `OR`, `/N` (and `w/N`, `pre/N`, `+N`), `/s`, `/p`, `&` (and `AND`
//! and a space), `%` (and `BUT NOT`). `NOT` and `-` apply to the next term or group, so
//! `a AND NOT b`, `a NOT b` and `a -b` are the same query.

use std::fmt;

use super::ast::{Query, Unit};
use super::lex::{Tok, lex};

/// Deepest nesting of parentheses and connectors a query may have.
pub const MAX_DEPTH: usize = 32;
/// Longest query, in bytes.
pub const MAX_LEN: usize = 10_000;
/// Largest distance of `w/N`, `pre/N`, `+N` and `~N`.
pub const MAX_DISTANCE: u32 = 10_000;

/// Why a query cannot be read; every message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// A `"` opens a phrase that is never closed.
    UnclosedQuote,
    /// A `(` is never closed.
    UnclosedParen,
    /// A `)` closes no `(`.
    UnexpectedParen,
    /// `()` with nothing inside.
    EmptyParens,
    /// A connector lacks a term on one side.
    MissingOperand {
        /// The connector as typed (`AND`, `w/5`).
        op: String,
    },
    /// A word starts with `!` or `*`.
    LeadingWildcard {
        /// The word as typed.
        word: String,
    },
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The query is longer than [`MAX_LEN`] bytes.
    TooLong,
    /// A distance that is not a number from 1 to [`MAX_DISTANCE`] (0 allowed for `~N`).
    BadDistance {
        /// The connector or slop as typed (`w/x`, `~99999`).
        op: String,
    },
    /// A `field:[…]` that is not `[LOW TO HIGH]`.
    BadRange {
        /// The range text as typed.
        text: String,
    },
    /// A connector given an operand it cannot take.
    Operand {
        /// The connector (`w/5`, `pre/3`, `/s`, `/p`).
        op: String,
        /// What it was given, in words (`NOT`, `an AND group`).
        operand: String,
        /// What to write instead.
        instead: String,
    },
    /// No words to search for.
    Empty,
    /// `field:` with nothing right after the colon.
    NoValue {
        /// The field name as typed, without its colon.
        field: String,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::UnclosedQuote => write!(
                f,
                "a quotation mark is not closed; close the phrase with `\"`"
            ),
            ParseError::UnclosedParen => write!(f, "a `(` is not closed; add the `)`"),
            ParseError::UnexpectedParen => {
                write!(f, "a `)` closes nothing; remove it or add the `(`")
            }
            ParseError::EmptyParens => {
                write!(f, "`()` holds nothing; put words inside or remove it")
            }
            ParseError::MissingOperand { op } => write!(
                f,
                "`{op}` needs a term on each side, as in `summary {op} judgment`"
            ),
            ParseError::LeadingWildcard { word } => write!(
                f,
                "`{word}`: a word cannot start with a wildcard; give its first letters and end it with `!` or `*` (`mot!` finds motion, motions), or `*` inside for one letter (`wom*n`)"
            ),
            ParseError::TooDeep => write!(
                f,
                "the query nests parentheses or connectors more than {MAX_DEPTH} deep; write it flatter"
            ),
            ParseError::TooLong => {
                write!(f, "the query is longer than {MAX_LEN} bytes; shorten it")
            }
            ParseError::BadDistance { op } => write!(
                f,
                "`{op}`: the distance must be a number of words from 1 to {MAX_DISTANCE}, as in `w/5`"
            ),
            ParseError::BadRange { text } => write!(
                f,
                "`{text}` is not a range; write `field:[LOW TO HIGH]` (`{{}}` to leave an end out, `*` for no bound), as in `date:[2021-01-01 TO 2021-06-30]`"
            ),
            ParseError::Operand {
                op,
                operand,
                instead,
            } => {
                write!(f, "`{op}` cannot take {operand}; {instead}")
            }
            ParseError::Empty => write!(f, "the query has no words to search for"),
            ParseError::NoValue { field } => write!(
                f,
                "`{field}:` takes a value right after the colon, as in `{field}:word` or `{field}:\"two words\"` (to search the word itself, quote it: \"{field}:\")"
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parse a query as typed (Docketeer's boolean syntax and Westlaw-style terms and
/// connectors) into a tree; the tree is rewritten and compiled by the caller.
pub fn parse(input: &str) -> Result<Query, ParseError> {
    if input.len() > MAX_LEN {
        return Err(ParseError::TooLong);
    }
    // Text pasted from a filing brings typographic quotes; only '"' delimits a phrase.
    let text = input.replace(['\u{201c}', '\u{201d}', '\u{201e}'], "\"");
    let toks = lex(&text)?;
    if toks.is_empty() {
        return Err(ParseError::Empty);
    }
    let mut p = Parser {
        toks,
        at: 0,
        depth: 0,
    };
    let q = p.but_not()?;
    match p.peek() {
        None => {}
        Some(Tok::Close) => return Err(ParseError::UnexpectedParen),
        Some(t) => {
            return Err(ParseError::MissingOperand { op: describe(t) });
        }
    }
    check_positional(&q)?;
    Ok(q)
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::And => "AND".into(),
        Tok::Or => "OR".into(),
        Tok::Not => "NOT".into(),
        Tok::ButNot(op) | Tok::Near { op, .. } | Tok::Within(op, _) => op.clone(),
        Tok::Open => "(".into(),
        Tok::Close => ")".into(),
        Tok::Word(w) => w.clone(),
        Tok::Phrase(p, _) => format!("\"{p}\""),
        Tok::Field(f) => format!("{f}:"),
        Tok::Range(..) => "range".into(),
    }
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn deeper(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        Ok(())
    }

    /// `a % b`, `a BUT NOT b`: the loosest binding.
    fn but_not(&mut self) -> Result<Query, ParseError> {
        let mut parts = vec![self.and()?];
        while let Some(Tok::ButNot(op)) = self.peek().cloned() {
            self.at += 1;
            let right = self.operand(&op, Parser::and)?;
            parts.push(Query::Not(Box::new(right)));
        }
        Ok(flatten_and(parts))
    }

    /// `a & b`, `a AND b`, `a b`.
    fn and(&mut self) -> Result<Query, ParseError> {
        let mut parts = vec![self.paragraph()?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    self.at += 1;
                    parts.push(self.operand("&", Parser::paragraph)?);
                }
                Some(Tok::Word(_) | Tok::Phrase(..) | Tok::Open | Tok::Field(_) | Tok::Not) => {
                    parts.push(self.paragraph()?);
                }
                _ => break,
            }
        }
        Ok(flatten_and(parts))
    }

    fn paragraph(&mut self) -> Result<Query, ParseError> {
        self.within(Unit::Paragraph)
    }

    fn within(&mut self, unit: Unit) -> Result<Query, ParseError> {
        let tighter = |p: &mut Parser| match unit {
            Unit::Paragraph => p.within(Unit::Sentence),
            Unit::Sentence => p.near(),
        };
        let mut left = tighter(self)?;
        while let Some(Tok::Within(op, u)) = self.peek().cloned() {
            if u != unit {
                break;
            }
            self.at += 1;
            self.deeper()?;
            let right = self.operand(&op, tighter)?;
            self.depth -= 1;
            left = Query::Within {
                left: Box::new(left),
                right: Box::new(right),
                unit,
            };
        }
        Ok(left)
    }

    fn near(&mut self) -> Result<Query, ParseError> {
        let mut left = self.or()?;
        while let Some(Tok::Near {
            op,
            distance,
            ordered,
        }) = self.peek().cloned()
        {
            self.at += 1;
            self.deeper()?;
            let right = self.operand(&op, Parser::or)?;
            self.depth -= 1;
            left = Query::Near {
                left: Box::new(left),
                right: Box::new(right),
                distance,
                ordered,
            };
        }
        Ok(left)
    }

    fn or(&mut self) -> Result<Query, ParseError> {
        let mut parts = vec![self.unary()?];
        while let Some(Tok::Or) = self.peek() {
            self.at += 1;
            parts.push(self.operand("OR", Parser::unary)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Query::Or(parts)
        })
    }

    fn unary(&mut self) -> Result<Query, ParseError> {
        if let Some(Tok::Not) = self.peek() {
            self.at += 1;
            self.deeper()?;
            let q = self.operand("NOT", Parser::unary)?;
            self.depth -= 1;
            return Ok(Query::Not(Box::new(q)));
        }
        self.primary()
    }

    /// The right-hand side of an operator: a missing one is named in the error.
    fn operand(
        &mut self,
        op: &str,
        rule: impl FnOnce(&mut Parser) -> Result<Query, ParseError>,
    ) -> Result<Query, ParseError> {
        match self.peek() {
            None
            | Some(
                Tok::Close
                | Tok::And
                | Tok::Or
                | Tok::ButNot(_)
                | Tok::Near { .. }
                | Tok::Within(..),
            ) => Err(ParseError::MissingOperand { op: op.to_string() }),
            _ => rule(self),
        }
    }

    fn primary(&mut self) -> Result<Query, ParseError> {
        match self.next() {
            Some(Tok::Open) => {
                self.deeper()?;
                if let Some(Tok::Close) = self.peek() {
                    return Err(ParseError::EmptyParens);
                }
                let q = self.but_not()?;
                match self.next() {
                    Some(Tok::Close) => {}
                    _ => return Err(ParseError::UnclosedParen),
                }
                self.depth -= 1;
                Ok(q)
            }
            Some(Tok::Word(w)) => word(w),
            Some(Tok::Phrase(p, slop)) => Ok(phrase(&p, slop)),
            Some(Tok::Field(name)) => {
                let query = match self.peek() {
                    Some(Tok::Range(..)) => match self.next() {
                        Some(Tok::Range(lower, upper)) => {
                            return Ok(Query::Range { name, lower, upper });
                        }
                        _ => unreachable!("peeked a range"),
                    },
                    None => {
                        return Err(ParseError::MissingOperand {
                            op: format!("{name}:"),
                        });
                    }
                    _ => self.primary()?,
                };
                Ok(Query::Field {
                    name,
                    query: Box::new(query),
                })
            }
            Some(t) => Err(ParseError::MissingOperand { op: describe(&t) }),
            None => Err(ParseError::Empty),
        }
    }
}

fn word(w: String) -> Result<Query, ParseError> {
    if w.starts_with(['*', '!', '?']) && w.len() > 1 {
        return Err(ParseError::LeadingWildcard { word: w });
    }
    if w.ends_with('!') || w.contains('*') {
        return Ok(Query::Pattern { text: w });
    }
    Ok(Query::Word {
        text: w,
        exact: false,
    })
}

fn phrase(p: &str, slop: u32) -> Query {
    let words: Vec<String> = p.split_whitespace().map(str::to_string).collect();
    if words.len() == 1 && slop == 0 {
        // A quoted word matches exactly as written.
        return Query::Word {
            text: words[0].clone(),
            exact: true,
        };
    }
    Query::Phrase { words, slop }
}

fn flatten_and(mut parts: Vec<Query>) -> Query {
    if parts.len() == 1 {
        return parts.remove(0);
    }
    let mut flat = Vec::with_capacity(parts.len());
    for p in parts {
        match p {
            Query::And(inner) => flat.extend(inner),
            other => flat.push(other),
        }
    }
    Query::And(flat)
}

/// Connectors that count words work on the text: their operands must be words, phrases
/// and alternatives of them.
fn check_positional(q: &Query) -> Result<(), ParseError> {
    let mut result = Ok(());
    q.walk(&mut |node| {
        if result.is_err() {
            return;
        }
        let (op, left, right) = match node {
            Query::Near {
                left,
                right,
                distance,
                ordered,
            } => {
                let op = if *ordered {
                    format!("pre/{distance}")
                } else {
                    format!("w/{distance}")
                };
                (op, left, right)
            }
            Query::Within { left, right, unit } => {
                let op = if *unit == Unit::Sentence { "/s" } else { "/p" };
                (op.to_string(), left, right)
            }
            _ => return,
        };
        for side in [left, right] {
            if let Err(e) = positional_operand(&op, side) {
                result = Err(e);
                return;
            }
        }
    });
    result
}

fn positional_operand(op: &str, q: &Query) -> Result<(), ParseError> {
    let err = |operand: &str, instead: String| {
        Err(ParseError::Operand {
            op: op.to_string(),
            operand: operand.to_string(),
            instead,
        })
    };
    match q {
        Query::Word { .. } | Query::Pattern { .. } => Ok(()),
        Query::Phrase { slop: 0, .. } => Ok(()),
        Query::Phrase { words, slop } => err(
            &format!("a phrase with a distance (\"{}\"~{slop})", words.join(" ")),
            format!("write `{}` instead", words.join(&format!(" w/{slop} "))),
        ),
        Query::Or(parts) => parts.iter().try_for_each(|p| positional_operand(op, p)),
        Query::Near { .. } | Query::Within { .. } => Ok(()),
        Query::Not(_) => err(
            "NOT",
            format!(
                "to leave filings out, put it last: `a {op} b % c` (or `(a {op} b) AND NOT c`)"
            ),
        ),
        Query::And(_) => err(
            "an AND group (`&`, `AND` or a space)",
            format!("connect each word: `a {op} b & a {op} c`, or make it a phrase with quotes"),
        ),
        Query::Field { name, .. } | Query::Range { name, .. } => err(
            &format!("a field clause (`{name}:`)"),
            format!(
                "connectors work on the words of the text; put the field beside the group: `(a {op} b) {name}:...`"
            ),
        ),
        Query::Keyword { field, .. } => err(
            &format!("a field clause (`{field}:`)"),
            format!("put the field beside the group: `(a {op} b) {field}:...`"),
        ),
        Query::Dates { .. } => err("a date", "put it beside the group".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::ast::RangeBound;

    fn w(t: &str) -> Query {
        Query::Word {
            text: t.into(),
            exact: false,
        }
    }

    #[test]
    fn and_not_is_the_same_as_not() {
        let a = parse("order AND NOT asylum").unwrap();
        assert_eq!(a, parse("order NOT asylum").unwrap());
        assert_eq!(a, parse("order -asylum").unwrap());
        assert_eq!(a, parse("order % asylum").unwrap());
        assert_eq!(a, parse("order BUT NOT asylum").unwrap());
        assert_eq!(
            a,
            Query::And(vec![w("order"), Query::Not(Box::new(w("asylum")))])
        );
    }

    #[test]
    fn westlaw_precedence() {
        // OR binds tighter than w/N, which binds tighter than /s, then /p, then &.
        let q = parse("a OR b w/5 c /s d /p e & f").unwrap();
        let near = Query::Near {
            left: Box::new(Query::Or(vec![w("a"), w("b")])),
            right: Box::new(w("c")),
            distance: 5,
            ordered: false,
        };
        let s = Query::Within {
            left: Box::new(near),
            right: Box::new(w("d")),
            unit: Unit::Sentence,
        };
        let p = Query::Within {
            left: Box::new(s),
            right: Box::new(w("e")),
            unit: Unit::Paragraph,
        };
        assert_eq!(q, Query::And(vec![p, w("f")]));
    }

    #[test]
    fn fields_in_parentheses_keep_their_closing_paren() {
        let q = parse("(court:cand OR court:casd)").unwrap();
        let f = |v: &str| Query::Field {
            name: "court".into(),
            query: Box::new(w(v)),
        };
        assert_eq!(q, Query::Or(vec![f("cand"), f("casd")]));
        assert!(
            matches!(parse("docket:3:17-cv-02366").unwrap(), Query::Field { ref query, .. } if **query == w("3:17-cv-02366"))
        );
    }

    #[test]
    fn apostrophes_and_wildcards() {
        assert_eq!(
            parse("defendant's motion").unwrap(),
            Query::And(vec![w("defendant's"), w("motion")])
        );
        assert_eq!(
            parse("asyl*").unwrap(),
            Query::Pattern {
                text: "asyl*".into()
            }
        );
        assert_eq!(
            parse("enforc!").unwrap(),
            Query::Pattern {
                text: "enforc!".into()
            }
        );
        assert!(matches!(
            parse("*tion"),
            Err(ParseError::LeadingWildcard { .. })
        ));
    }

    #[test]
    fn nesting_is_bounded_and_fast() {
        let deep = format!("{}a{}", "(".repeat(200), ")".repeat(200));
        assert_eq!(parse(&deep), Err(ParseError::TooDeep));
        let ok = format!("{}a{}", "(".repeat(20), ")".repeat(20));
        assert_eq!(parse(&ok).unwrap(), w("a"));
    }

    #[test]
    fn mixed_syntax_is_refused_with_advice() {
        for bad in [
            "a /s NOT b",
            "court:cand w/5 b",
            "\"a b\"~3 /s c",
            "w/5 judgment",
            "summary /s",
            "(a",
            "a)",
            "\"a",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let e = parse("a /s NOT b").unwrap_err().to_string();
        assert!(e.contains("% c"), "{e}");
    }

    #[test]
    fn minus_and_plus_prefix_any_operand() {
        let f = Query::Field {
            name: "court".into(),
            query: Box::new(w("cand")),
        };
        assert_eq!(
            parse("asylum -court:cand").unwrap(),
            Query::And(vec![w("asylum"), Query::Not(Box::new(f.clone()))])
        );
        assert_eq!(
            parse("+asylum +court:cand").unwrap(),
            Query::And(vec![w("asylum"), f])
        );
        assert_eq!(parse("17-cv-2366").unwrap(), w("17-cv-2366"));
    }

    #[test]
    fn ranges_and_phrases() {
        assert_eq!(
            parse("date:[2021-01-01 TO *]").unwrap(),
            Query::Range {
                name: "date".into(),
                lower: RangeBound::Included("2021-01-01".into()),
                upper: RangeBound::Unbounded
            }
        );
        assert_eq!(
            parse("\"motion enforce\"~3").unwrap(),
            Query::Phrase {
                words: vec!["motion".into(), "enforce".into()],
                slop: 3
            }
        );
        assert_eq!(
            parse("\"enforced\"").unwrap(),
            Query::Word {
                text: "enforced".into(),
                exact: true
            }
        );
    }
}
