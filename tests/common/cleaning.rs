//! Properties every cleaning must have, as checks that name what broke: cleaning
//! again changes nothing, and every word of the cleaned text was in the extracted text.
#![allow(dead_code)]

use std::collections::BTreeSet;

use docketeer::clean::{CleanText, clean_pages, normalize::normalize_chars};

/// Lowercased alphanumeric runs, as the index tokenizes.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Words of the cleaned text that are not words of the extracted pages. Cleaning folds
/// characters (ligatures, invisible marks: compared after the same folding) and joins a
/// word hyphenated across a line break, so a word is also accounted for when it is a
/// line's last word before its hyphen followed by a line's first word.
pub fn invented_words(raw_pages: &[String], clean: &CleanText) -> Vec<String> {
    let mut known = BTreeSet::new();
    let mut tails = BTreeSet::new();
    let mut heads = BTreeSet::new();
    for page in raw_pages {
        let page = normalize_chars(page);
        for line in page.lines() {
            let line = line.trim();
            known.extend(words(line));
            if let Some(first) = words(line).next() {
                heads.insert(first);
            }
            if let Some(before) = line.strip_suffix('-')
                && let Some(last) = words(before).last()
            {
                tails.insert(last);
            }
        }
    }
    // A word joined over several lines: a line's last word, then whole one-word lines
    // (each a head and a tail), then a line's first word.
    let joined = |w: &str| {
        let cuts: Vec<usize> = w.char_indices().map(|(i, _)| i).chain([w.len()]).collect();
        let mut reached = vec![false; cuts.len()];
        for (a, &i) in cuts.iter().enumerate() {
            if a > 0 && !reached[a] {
                continue;
            }
            for (b, &j) in cuts.iter().enumerate().skip(a + 1) {
                let part = &w[i..j];
                let fits = if a == 0 {
                    j < w.len() && tails.contains(part)
                } else {
                    heads.contains(part) && (j == w.len() || tails.contains(part))
                };
                reached[b] |= fits;
            }
        }
        reached[cuts.len() - 1]
    };
    let mut invented: Vec<String> = clean
        .pages
        .iter()
        .flat_map(|p| words(p).collect::<Vec<_>>())
        .filter(|w| !known.contains(w) && !joined(w))
        .collect();
    invented.sort();
    invented.dedup();
    invented
}

/// The first line where cleaning the cleaned pages again differs from them, as
/// `page N: "once" -> "twice"`; None when cleaning is idempotent on these pages.
pub fn second_cleaning_differs(clean: &CleanText) -> Option<String> {
    let again = clean_pages(&clean.pages);
    if again.pages == clean.pages {
        return None;
    }
    if again.pages.len() != clean.pages.len() {
        return Some(format!(
            "{} pages became {}",
            clean.pages.len(),
            again.pages.len()
        ));
    }
    for (n, (once, twice)) in clean.pages.iter().zip(&again.pages).enumerate() {
        if once != twice {
            let mut a = once.lines();
            let mut b = twice.lines();
            loop {
                match (a.next(), b.next()) {
                    (Some(x), Some(y)) if x == y => continue,
                    (x, y) => return Some(format!("page {}: {x:?} -> {y:?}", n + 1)),
                }
            }
        }
    }
    None
}
