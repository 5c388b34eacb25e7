//! Words hyphenated across a line break ("proce-\ndure"). Joined only between lowercase
//! letters: "Ripnick-\nO'Farrell" and "10-\nday" are real hyphens.

/// Join words split across consecutive lines in `lines` (blank lines already removed
/// where they separate a split word are left alone: a blank line is a paragraph break).
pub fn join_hyphenated(lines: &mut Vec<String>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let joinable = {
            let (a, b) = (&lines[i], &lines[i + 1]);
            let mut tail = a.chars().rev();
            let ends_hyphen =
                tail.next() == Some('-') && tail.next().is_some_and(|c| c.is_lowercase());
            ends_hyphen && b.chars().next().is_some_and(|c| c.is_lowercase())
        };
        if joinable {
            let next = lines.remove(i + 1);
            let (head, rest) = match next.find(' ') {
                Some(sp) => (next[..sp].to_owned(), next[sp + 1..].to_owned()),
                None => (next.clone(), String::new()),
            };
            lines[i].pop();
            lines[i].push_str(&head);
            if !rest.is_empty() {
                lines.insert(i + 1, rest);
            }
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
        join_hyphenated(&mut l);
        assert_eq!(
            l,
            vec!["the procedure", "was", "Ripnick-", "O'Farrell a 10-", "day"]
        );
    }
}
