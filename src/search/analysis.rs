//! How the text of a filing is cut into words for searching: the words of tantivy's
//! simple tokenizer (runs of letters and digits), plus marker tokens where a sentence or
//! a paragraph begins, so that the `/s` and `/p` connectors are exact.
//!
//! A marker takes the position of the first word of its sentence (a position increment
//! of zero), so phrase and proximity positions are those of the words alone. Markers
//! start with a control character no typed query produces.

use once_cell::sync::Lazy;
use std::collections::HashSet;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::index::document::PAGE_BREAK;

/// The token indexed where a sentence begins.
pub const SENTENCE: &str = "\u{1e}1";
/// The token indexed where a paragraph begins (a sentence marker is indexed there too).
pub const PARAGRAPH: &str = "\u{1e}2";

/// Whether an indexed token is a boundary marker rather than a word.
pub fn is_marker(token: &str) -> bool {
    token.starts_with('\u{1e}')
}

/// Abbreviations whose period does not end a sentence (data file, one per line).
static ABBREVIATIONS: Lazy<HashSet<String>> = Lazy::new(|| {
    include_str!("../../data/sentence_abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// Where the next word starts something new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    None,
    Sentence,
    Paragraph,
}

/// Words and sentence/paragraph markers; registered as the tokenizer base `sentences`.
#[derive(Clone, Default)]
pub struct SentenceTokenizer {
    token: Token,
}

/// The token stream of [`SentenceTokenizer`].
pub struct SentenceTokenStream<'a> {
    text: &'a str,
    at: usize,
    /// Position of the next word.
    next_position: usize,
    /// Markers still to emit before the next word, and that word's span.
    pending: Vec<&'static str>,
    word: Option<(usize, usize)>,
    /// End of the previous word, to read the separator before the next.
    prev_end: Option<usize>,
    token: &'a mut Token,
}

impl Tokenizer for SentenceTokenizer {
    type TokenStream<'a> = SentenceTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SentenceTokenStream<'a> {
        self.token.reset();
        SentenceTokenStream {
            text,
            at: 0,
            next_position: 0,
            pending: Vec::new(),
            word: None,
            prev_end: None,
            token: &mut self.token,
        }
    }
}

impl SentenceTokenStream<'_> {
    /// The next run of letters and digits from `self.at`.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let rest = &self.text[self.at..];
        let start = self.at + rest.find(|c: char| c.is_alphanumeric())?;
        let end = self.text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(self.text.len(), |e| start + e);
        self.at = end;
        Some((start, end))
    }
}

impl TokenStream for SentenceTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        if self.pending.is_empty() && self.word.is_none() {
            let Some((start, end)) = self.next_word() else {
                return false;
            };
            if let Some(prev) = self.prev_end {
                match boundary(
                    &self.text[..prev],
                    &self.text[prev..start],
                    &self.text[start..],
                ) {
                    Boundary::None => {}
                    Boundary::Sentence => self.pending.push(SENTENCE),
                    Boundary::Paragraph => self.pending.extend([PARAGRAPH, SENTENCE]),
                }
            }
            self.word = Some((start, end));
            self.prev_end = Some(end);
        }
        let (start, end) = self.word.expect("a word is pending");
        self.token.offset_from = start;
        self.token.offset_to = start;
        self.token.position = self.next_position;
        self.token.position_length = 1;
        if let Some(marker) = self.pending.pop() {
            self.token.text.push_str(marker);
            return true;
        }
        self.token.offset_to = end;
        self.token.text.push_str(&self.text[start..end]);
        self.word = None;
        self.next_position += 1;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Whether the words around `sep` are in different sentences or paragraphs.
/// `before` ends with the previous word; `after` starts with the next.
fn boundary(before: &str, sep: &str, after: &str) -> Boundary {
    let newlines = sep.chars().filter(|&c| c == '\n').count();
    if newlines >= 2 || sep.contains(PAGE_BREAK) && ends_sentence(before, sep, after) {
        return Boundary::Paragraph;
    }
    if ends_sentence(before, sep, after) {
        return Boundary::Sentence;
    }
    Boundary::None
}

/// A period, question or exclamation mark, then space, then a capital, digit-led heading
/// or quotation: unless the period closes an abbreviation or an initial.
fn ends_sentence(before: &str, sep: &str, after: &str) -> bool {
    let Some(stop) = sep.find(['.', '?', '!']) else {
        return false;
    };
    let rest = &sep[stop + 1..];
    if !rest.contains(char::is_whitespace) {
        return false;
    }
    if !after.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    if &sep[stop..stop + 1] != "." {
        return true;
    }
    // The word the period follows, with its inner periods and apostrophes ("U.S", "Ass'n").
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().count() == 1 {
        return false;
    }
    !ABBREVIATIONS.contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let mut t = SentenceTokenizer::default();
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().text.clone(), s.token().position));
        }
        out
    }

    #[test]
    fn markers_take_the_position_of_the_first_word_of_their_sentence() {
        let t = tokens("The motion is denied. Defendants appeal.\n\nSo ordered.");
        let words: Vec<_> = t.iter().filter(|(w, _)| !is_marker(w)).collect();
        assert_eq!(words.len(), 8);
        assert!(words.iter().enumerate().all(|(i, (_, p))| *p == i));
        assert!(t.contains(&(SENTENCE.to_string(), 4)));
        assert!(t.contains(&(SENTENCE.to_string(), 6)));
        assert!(t.contains(&(PARAGRAPH.to_string(), 6)));
        assert!(!t.contains(&(PARAGRAPH.to_string(), 4)));
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        for text in [
            "See Fed. R. Civ. P. 23. And more",
            "Judge Donna M. Ryu presided",
            "Al Otro Lado v. Mayorkas",
            "Doc. No. 605",
            "the U.S. Supreme Court",
        ] {
            let t = tokens(text);
            let markers = t.iter().filter(|(w, _)| is_marker(w)).count();
            let expected = usize::from(text.contains("23. And"));
            assert_eq!(markers, expected, "{text}: {t:?}");
        }
    }
}
