//! HTML opinions and docket pages. lol_html streams the document; we keep visible text,
//! turn block elements into line breaks (line structure feeds the metadata parser) and
//! decode entities ourselves because lol_html hands text chunks over undecoded.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::{EndTagHandler, HtmlRewriter, Settings, doc_text, element};

/// Elements whose text is never shown to a reader.
const HIDDEN: &str = "script, style, noscript, template, head, svg, object, iframe, select";

/// Elements that start a new line in rendered output.
const BLOCKS: &str = "p, div, br, tr, li, dt, dd, h1, h2, h3, h4, h5, h6, table, thead, tbody, \
    tfoot, section, article, aside, header, footer, nav, main, blockquote, pre, center, ul, ol, \
    dl, hr, form, fieldset, address, figure, figcaption, caption, body, html, td, th";

#[derive(Default)]
struct State {
    out: String,
    title: String,
    hidden: usize,
    in_title: usize,
    pre: usize,
}

/// The visible text and the `<title>` of an HTML document.
pub struct HtmlText {
    /// Visible text, block elements on their own lines.
    pub text: String,
    /// The `<title>`, when present.
    pub title: Option<String>,
}

/// Convert HTML source to text. Never fails: malformed markup yields whatever text was
/// seen before the parser gave up.
pub fn html_to_text(source: &str) -> HtmlText {
    let state = Rc::new(RefCell::new(State::default()));
    let (s_hidden, s_title, s_block, s_pre, s_text) = (
        state.clone(),
        state.clone(),
        state.clone(),
        state.clone(),
        state.clone(),
    );
    let mut rewriter = HtmlRewriter::new(
        Settings {
            element_content_handlers: vec![
                element!(HIDDEN, move |el| {
                    if let Some(handlers) = el.end_tag_handlers() {
                        s_hidden.borrow_mut().hidden += 1;
                        let st = s_hidden.clone();
                        let h: EndTagHandler<'static> = Box::new(move |_| {
                            let mut s = st.borrow_mut();
                            s.hidden = s.hidden.saturating_sub(1);
                            Ok(())
                        });
                        handlers.push(h);
                    }
                    Ok(())
                }),
                element!("title", move |el| {
                    if let Some(handlers) = el.end_tag_handlers() {
                        s_title.borrow_mut().in_title += 1;
                        let st = s_title.clone();
                        let h: EndTagHandler<'static> = Box::new(move |_| {
                            let mut s = st.borrow_mut();
                            s.in_title = s.in_title.saturating_sub(1);
                            s.title.push(' ');
                            Ok(())
                        });
                        handlers.push(h);
                    }
                    Ok(())
                }),
                element!(BLOCKS, move |el| {
                    s_block.borrow_mut().out.push('\n');
                    if let Some(handlers) = el.end_tag_handlers() {
                        let st = s_block.clone();
                        let h: EndTagHandler<'static> = Box::new(move |_| {
                            st.borrow_mut().out.push('\n');
                            Ok(())
                        });
                        handlers.push(h);
                    }
                    Ok(())
                }),
                element!("pre, textarea, listing, xmp", move |el| {
                    if let Some(handlers) = el.end_tag_handlers() {
                        s_pre.borrow_mut().pre += 1;
                        let st = s_pre.clone();
                        let h: EndTagHandler<'static> = Box::new(move |_| {
                            let mut s = st.borrow_mut();
                            s.pre = s.pre.saturating_sub(1);
                            Ok(())
                        });
                        handlers.push(h);
                    }
                    Ok(())
                }),
            ],
            document_content_handlers: vec![doc_text!(move |chunk| {
                let mut s = s_text.borrow_mut();
                let raw = chunk.as_str();
                if s.in_title > 0 {
                    s.title.push_str(raw);
                } else if s.hidden == 0 {
                    if s.pre > 0 {
                        s.out.push_str(raw);
                    } else {
                        // Source newlines inside a paragraph are not line breaks.
                        for c in raw.chars() {
                            s.out.push(if matches!(c, '\n' | '\r' | '\t') {
                                ' '
                            } else {
                                c
                            });
                        }
                    }
                }
                Ok(())
            })],
            ..Settings::new()
        },
        |_: &[u8]| {},
    );
    // A parse error mid-document still leaves the text seen so far, which is the best
    // we can do with broken markup.
    let _ = rewriter
        .write(source.as_bytes())
        .and_then(|_| rewriter.end());
    let s = state.borrow();
    let text = decode_entities(&s.out);
    let text = tidy_lines(&text);
    let title = collapse_spaces(&decode_entities(&s.title));
    HtmlText {
        text,
        title: (!title.is_empty()).then_some(title),
    }
}

/// Trim each line, collapse space runs, and keep at most one blank line in a row.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = collapse_spaces(line);
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&line);
    }
    out
}

fn collapse_spaces(s: &str) -> String {
    s.split([' ', '\t', '\u{a0}', '\r'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Named entities that occur in court opinions; rarer ones are left as written.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("sect", "§"),
    ("para", "¶"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("bdquo", "„"),
    ("hellip", "…"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("middot", "·"),
    ("bull", "•"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("times", "×"),
    ("cent", "¢"),
    ("pound", "£"),
    ("euro", "€"),
    ("yen", "¥"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("egrave", "è"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("auml", "ä"),
    ("ccedil", "ç"),
    ("szlig", "ß"),
];

/// Decode `&name;`, `&#NNN;` and `&#xHH;`. Unknown or malformed references stay as
/// written so no text is lost.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| decode_one(&after[..end]).map(|d| (d, end)));
        match decoded {
            Some((d, end)) => {
                out.push_str(&d);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        // Numeric references in the C1 range mean Windows-1252 in practice.
        if (0x80..0xA0).contains(&code) {
            let byte = [code as u8];
            return Some(
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&byte)
                    .0
                    .into_owned(),
            );
        }
        return char::from_u32(code).map(String::from);
    }
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| (*v).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("A &amp; B &sect;1 &#8212; &#x2019; &#150; &bogus; &"),
            "A & B §1 — ’ – &bogus; &"
        );
    }

    #[test]
    fn blocks_break_lines_and_scripts_vanish() {
        let h = html_to_text(
            "<html><head><title>In re X &amp; Y</title><style>p{}</style></head>\
             <body><script>var a;</script><p>First\nline</p><div>Second<br>Third</div>\
             <table><tr><td>a</td><td>b</td></tr></table></body></html>",
        );
        assert_eq!(h.title.as_deref(), Some("In re X & Y"));
        assert!(!h.text.contains("var a"));
        assert!(!h.text.contains("p{}"));
        assert!(h.text.contains("First line"));
        assert!(h.text.contains("Second\nThird"));
    }
}
