//! Words hyphenated across a line break ("proce-\ndure"). Joined only between lowercase
//! letters: "Ripnick-\nO'Farrell" and "10-\nday" are real hyphens.
//!
//! A compound that happens to break at its hyphen ("past-\ndue") must keep it. With no
//! dictionary at hand, the document's own words decide: the hyphen goes when the joined
//! word occurs elsewhere in the text or the second half is not a word of its own there
//! ("dure"); it stays when both halves are words the text uses by themselves ("due").

use std::collections::HashMap;

/// How often each lowercase word occurs in the given lines: the vocabulary that decides
/// compounds. Built over the whole document, not a page.
pub fn word_counts<'a>(lines: impl IntoIterator<Item = &'a String>) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    // Most words repeat and most are lowercase ASCII already: look them up as they
    // stand and allocate only for a word's first occurrence.
    let mut lower = String::new();
    for line in lines {
        for w in line
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            let key: &str = if w.bytes().all(|b| b.is_ascii_lowercase()) {
                w
            } else if w.is_ascii() {
                lower.clear();
                lower.push_str(w);
                lower.make_ascii_lowercase();
                &lower
            } else {
                lower = w.to_lowercase();
                &lower
            };
            match counts.get_mut(key) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(key.to_owned(), 1);
                }
            }
        }
    }
    counts
}

/// Whether line `a` ends in a word split by a hyphen that continues at the start of `b`.
fn joinable(a: &str, b: &str) -> bool {
    let mut tail = a.chars().rev();
    let ends_hyphen = tail.next() == Some('-') && tail.next().is_some_and(|c| c.is_lowercase());
    ends_hyphen && b.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Whether any line of a page ends in a split word. [`join_hyphenated`] changes nothing
/// on a page without one, so a document none of whose pages has one needs no vocabulary.
pub fn has_split_word(lines: &[String]) -> bool {
    lines.windows(2).any(|w| joinable(&w[0], &w[1]))
}

/// Whether "left-" + "right" is a compound whose hyphen belongs to the word.
fn keeps_hyphen(left_line: &str, right_head: &str, counts: &HashMap<String, usize>) -> bool {
    let left: String = left_line
        .trim_end_matches('-')
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let right: String = right_head
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let seen = |w: &str| counts.get(w).copied().unwrap_or(0);
    if seen(&format!("{left}{right}")) > 0 {
        return false;
    }
    // The split halves themselves are counted once each.
    seen(&right) >= 2 && seen(&left) >= 2
}

/// Join words split across consecutive lines in `lines` (blank lines already removed
/// where they separate a split word are left alone: a blank line is a paragraph break).
pub fn join_hyphenated(lines: &mut Vec<String>, counts: &HashMap<String, usize>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        if joinable(&lines[i], &lines[i + 1]) {
            let next = lines.remove(i + 1);
            let (head, rest) = match next.find(' ') {
                Some(sp) => (next[..sp].to_owned(), next[sp + 1..].to_owned()),
                None => (next.clone(), String::new()),
            };
            if !keeps_hyphen(&lines[i], &head, counts) {
                lines[i].pop();
            }
            lines[i].push_str(&head);
            if !rest.is_empty() {
                if head.ends_with('-') {
                    // "b- c": that hyphen stands inside a line, not at a break; a line
                    // ending in it would be joined by the next cleaning.
                    lines[i].push(' ');
                    lines[i].push_str(&rest);
                } else {
                    lines.insert(i + 1, rest);
                }
            }
            // The joined line may again end in a word broken at the line's end.
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lowercase_only() {
        let mut l: Vec<String> = [
            "the proce-",
            "dure was",
            "Ripnick-",
            "O'Farrell a 10-",
            "day",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let counts = word_counts(&l);
        join_hyphenated(&mut l, &counts);
        assert_eq!(
            l,
            vec!["the procedure", "was", "Ripnick-", "O'Farrell a 10-", "day"]
        );
    }

    #[test]
    fn a_line_of_one_hyphenated_fragment_joins_both_ways() {
        // Regression: the joined "a-a-" was left ending in a break, so cleaning the
        // cleaned text joined again.
        let mut l: Vec<String> = ["a-", "a-", "j"].iter().map(|s| s.to_string()).collect();
        let counts = word_counts(&l);
        join_hyphenated(&mut l, &counts);
        assert_eq!(l, vec!["a-aj"]);
        let mut l: Vec<String> = ["the proce-", "dure- and so"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let counts = word_counts(&l);
        join_hyphenated(&mut l, &counts);
        assert_eq!(l, vec!["the procedure- and so"]);
    }

    #[test]
    fn word_counts_fold_case_as_to_lowercase_does() {
        let l: Vec<String> = ["Court court COURT Élan élan ÉLAN co-Defendant"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let counts = word_counts(&l);
        assert_eq!(counts.get("court"), Some(&3));
        assert_eq!(counts.get("élan"), Some(&3));
        assert_eq!(counts.get("co"), Some(&1));
        assert_eq!(counts.get("defendant"), Some(&1));
        assert_eq!(counts.len(), 4);
    }

    #[test]
    fn split_words_are_found_only_across_lowercase_line_ends() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(has_split_word(&lines(&["the proce-", "dure was"])));
        assert!(!has_split_word(&lines(&[
            "Ripnick-",
            "O'Farrell a 10-",
            "day"
        ])));
        assert!(!has_split_word(&lines(&["the proce-"])));
    }

    #[test]
    fn compounds_broken_at_their_hyphen_keep_it() {
        let mut l: Vec<String> = [
            "paid out of the past-",
            "due benefits; past benefits are due",
            "the proce-",
            "dure and the procedure",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let counts = word_counts(&l);
        join_hyphenated(&mut l, &counts);
        assert_eq!(l[0], "paid out of the past-due");
        assert_eq!(l[2], "the procedure");
    }
}
