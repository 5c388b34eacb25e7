//! The lexer of the query language: typed text to tokens (words, phrases, field names,
//! ranges, operators and connectors). See [`super::parse`] for the grammar.

use super::ast::{RangeBound, Unit};
use super::parse::{MAX_DISTANCE, ParseError};

/// One token of a query.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Open,
    Close,
    Word(String),
    Phrase(String, u32),
    Field(String),
    Range(RangeBound, RangeBound),
    And,
    Or,
    Not,
    ButNot(String),
    Near {
        op: String,
        distance: u32,
        ordered: bool,
    },
    Within(String, Unit),
}

/// Parse a query as typed.
/// Whether the previous token ends an operand (so a `-` here would be inside a word).
fn after_operand(toks: &[Tok]) -> bool {
    matches!(toks.last(), Some(Tok::Field(_)))
}

pub(super) fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"' | '&' | '%')
}

/// Cut a query into tokens.
pub(super) fn lex(text: &str) -> Result<Vec<Tok>, ParseError> {
    let mut toks = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        match c {
            '(' => toks.push(Tok::Open),
            ')' => toks.push(Tok::Close),
            // `-word`, `-"phrase"`, `-(group)`, `-field:value`: leave out; `+word`: required.
            '-' | '+'
                if !after_operand(&toks)
                    && rest[1..]
                        .starts_with(|n: char| n.is_alphabetic() || n == '"' || n == '(') =>
            {
                if c == '-' {
                    toks.push(Tok::Not);
                }
            }
            '&' => toks.push(Tok::And),
            '%' => toks.push(Tok::ButNot("%".into())),
            '"' => {
                let end = rest[1..].find('"').ok_or(ParseError::UnclosedQuote)? + 1;
                let phrase = rest[1..end].to_string();
                rest = &rest[end + 1..];
                let mut slop = 0;
                if let Some(after) = rest.strip_prefix('~') {
                    let digits =
                        after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                    slop = after[..digits]
                        .parse()
                        .ok()
                        .filter(|n| *n <= MAX_DISTANCE)
                        .ok_or(ParseError::BadDistance {
                            op: format!("~{}", &after[..digits]),
                        })?;
                    rest = &after[digits..];
                }
                toks.push(Tok::Phrase(phrase, slop));
                continue;
            }
            '[' | '{' if matches!(toks.last(), Some(Tok::Field(_))) => {
                let end = rest.find([']', '}']).ok_or_else(|| ParseError::BadRange {
                    text: rest.to_string(),
                })?;
                toks.push(range(&rest[..=end])?);
                rest = &rest[end + 1..];
                continue;
            }
            _ => {
                // A field name: letters and underscores, a colon, then a value.
                let ident = rest
                    .find(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
                    .unwrap_or(rest.len());
                let after_field = matches!(toks.last(), Some(Tok::Field(_)));
                if ident > 0
                    && !after_field
                    && rest[ident..].starts_with(':')
                    && rest[ident + 1..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace)
                {
                    return Err(ParseError::NoValue {
                        field: rest[..ident].to_string(),
                    });
                }
                if ident > 0
                    && !after_field
                    && rest[ident..].starts_with(':')
                    && rest[ident + 1..].starts_with(|c: char| !c.is_whitespace())
                {
                    toks.push(Tok::Field(rest[..ident].to_lowercase()));
                    rest = &rest[ident + 1..];
                    continue;
                }
                let end = rest.find(is_delimiter).unwrap_or(rest.len());
                let chunk = &rest[..end];
                rest = &rest[end..];
                if after_field {
                    toks.push(Tok::Word(chunk.to_string()));
                } else {
                    word_or_operator(chunk, &mut toks, &mut rest)?;
                }
                continue;
            }
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(toks)
}

/// Classify a chunk of non-delimiter characters.
fn word_or_operator(chunk: &str, toks: &mut Vec<Tok>, rest: &mut &str) -> Result<(), ParseError> {
    let lower = chunk.to_ascii_lowercase();
    let distance = |digits: &str| -> Result<u32, ParseError> {
        digits
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_DISTANCE).contains(n))
            .ok_or(ParseError::BadDistance {
                op: chunk.to_string(),
            })
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let near = |distance, ordered| Tok::Near {
        op: chunk.to_string(),
        distance,
        ordered,
    };
    let tok = match chunk {
        "AND" | "&&" => Tok::And,
        "OR" | "||" => Tok::Or,
        "NOT" | "-" => Tok::Not,
        "BUT" if rest.trim_start().starts_with("NOT") => {
            let after = rest.trim_start();
            let is_word_end = after[3..].starts_with(is_delimiter) || after.len() == 3;
            if !is_word_end {
                Tok::Word(chunk.to_string())
            } else {
                *rest = &after[3..];
                Tok::ButNot("BUT NOT".into())
            }
        }
        _ if lower == "/s" || lower == "w/s" => Tok::Within(chunk.to_string(), Unit::Sentence),
        _ if lower == "/p" || lower == "w/p" => Tok::Within(chunk.to_string(), Unit::Paragraph),
        _ if lower.starts_with("w/") && all_digits(&lower[2..]) => {
            near(distance(&lower[2..])?, false)
        }
        _ if lower.starts_with('/') && all_digits(&lower[1..]) => {
            near(distance(&lower[1..])?, false)
        }
        _ if lower.starts_with("pre/") && all_digits(&lower[4..]) => {
            near(distance(&lower[4..])?, true)
        }
        _ if lower.starts_with('+') && all_digits(&lower[1..]) => {
            near(distance(&lower[1..])?, true)
        }
        _ => {
            if let Some(word) = chunk.strip_prefix('-').filter(|w| !w.is_empty()) {
                toks.push(Tok::Not);
                toks.push(Tok::Word(word.to_string()));
                return Ok(());
            }
            let word = chunk
                .strip_prefix('+')
                .filter(|w| !w.is_empty())
                .unwrap_or(chunk);
            Tok::Word(word.to_string())
        }
    };
    toks.push(tok);
    Ok(())
}

fn range(text: &str) -> Result<Tok, ParseError> {
    let bad = || ParseError::BadRange {
        text: text.to_string(),
    };
    let inclusive_low = text.starts_with('[');
    let inclusive_high = text.ends_with(']');
    let inner = &text[1..text.len() - 1];
    let (low, high) = inner.split_once(" TO ").ok_or_else(bad)?;
    let bound = |v: &str, inclusive: bool| {
        let v = v.trim().trim_matches('"');
        if v == "*" || v.is_empty() {
            RangeBound::Unbounded
        } else if inclusive {
            RangeBound::Included(v.to_string())
        } else {
            RangeBound::Excluded(v.to_string())
        }
    };
    Ok(Tok::Range(
        bound(low, inclusive_low),
        bound(high, inclusive_high),
    ))
}
