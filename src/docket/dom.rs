//! Reading a parsed HTML tree the way a docket sheet prints it: a cell as a run of bold,
//! italic and plain pieces split at line breaks, and a stretch of the page as lines of
//! text.

use scraper::{ElementRef, Node};

/// One piece of a table cell, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Bold text: a party's or an attorney's name.
    Bold(String),
    /// A section label: bold underlined (district), bold in italics (bankruptcy), or bold
    /// above a dashed rule (adversary proceedings).
    Label(String),
    /// Italic text: an attorney's role (`LEAD ATTORNEY`), a party's termination date.
    Italic(String),
    /// Plain text up to the next line break.
    Text(String),
    /// A line break.
    Break,
}

/// Collapse runs of whitespace (and no-break spaces) into one space, trimmed.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The whitespace-collapsed text of an element.
pub fn text(el: ElementRef) -> String {
    let mut s = String::new();
    for t in el.text() {
        s.push_str(t);
        s.push(' ');
    }
    squash(&s)
}

fn name<'a>(el: ElementRef<'a>) -> &'a str {
    el.value().name()
}

fn has_descendant(el: ElementRef, tag: &str) -> bool {
    el.descendent_elements().skip(1).any(|d| name(d) == tag)
}

/// A cell's pieces. Nested formatting (`<font>`, `<span>`, links) is read through.
pub fn flatten(el: ElementRef) -> Vec<Piece> {
    let mut out = Vec::new();
    walk(el, &mut out);
    out
}

fn walk(el: ElementRef, out: &mut Vec<Piece>) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let s = squash(t);
                if !s.is_empty() {
                    out.push(Piece::Text(s));
                }
            }
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                match name(c) {
                    "br" | "p" | "div" | "tr" => {
                        if name(c) != "br" {
                            walk(c, out);
                        }
                        out.push(Piece::Break);
                    }
                    "script" | "style" => {}
                    "b" | "strong" => {
                        let t = text(c);
                        if has_descendant(c, "u") || t.contains("----") {
                            let label = t.split("---").next().unwrap_or("").trim().to_string();
                            out.push(Piece::Label(label));
                        } else if !t.is_empty() {
                            out.push(Piece::Bold(t));
                        }
                    }
                    "i" | "em" => {
                        let t = text(c);
                        if has_descendant(c, "b") {
                            out.push(Piece::Label(t));
                        } else if !t.is_empty() {
                            out.push(Piece::Italic(t));
                        }
                    }
                    _ => walk(c, out),
                }
            }
            _ => {}
        }
    }
}

/// Text of an element as lines: line breaks, rows, cells and blocks end a line.
pub fn lines(el: ElementRef, out: &mut String, stop: &dyn Fn(ElementRef) -> bool) -> bool {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let s = squash(t);
                if !s.is_empty() {
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push(' ');
                    }
                    out.push_str(&s);
                }
            }
            Node::Element(_) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if stop(c) {
                    return true;
                }
                match name(c) {
                    "script" | "style" | "head" => continue,
                    "br" => {
                        out.push('\n');
                        continue;
                    }
                    _ => {}
                }
                let block = matches!(
                    name(c),
                    "tr" | "td"
                        | "th"
                        | "p"
                        | "div"
                        | "table"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "center"
                        | "li"
                        | "dt"
                        | "dd"
                );
                if block && !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                if lines(c, out, stop) {
                    return true;
                }
                if block && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
    false
}

/// The `<td>`/`<th>` children of a row.
pub fn cells(row: ElementRef) -> Vec<ElementRef> {
    row.child_elements()
        .filter(|c| matches!(name(*c), "td" | "th"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    #[test]
    fn flatten_reads_labels_names_and_roles() {
        let html = Html::parse_fragment(
            "<table><tr><td><font><I><B>Debtor</B></I><BR><B>Perry  Ventures</B>\n<BR>2870 Peachtree<BR><I>TERMINATED: 01/02/2010</I></font></td></tr></table>",
        );
        let td = html
            .select(&Selector::parse("td").expect("selector"))
            .next()
            .expect("cell");
        let p = flatten(td);
        assert_eq!(p[0], Piece::Label("Debtor".into()));
        assert_eq!(p[2], Piece::Bold("Perry Ventures".into()));
        assert!(p.contains(&Piece::Text("2870 Peachtree".into())));
        assert!(p.contains(&Piece::Italic("TERMINATED: 01/02/2010".into())));
    }

    #[test]
    fn dashed_bold_is_an_adversary_label() {
        let html = Html::parse_fragment("<p><B>Plaintiff<BR>-----------</B></p>");
        let p = flatten(html.root_element());
        assert!(
            p.iter().any(|x| *x == Piece::Label("Plaintiff".into())),
            "{p:?}"
        );
    }
}
