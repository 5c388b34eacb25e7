//! The "Events and Hearings" section of case pages from Tyler Technologies' Odyssey
//! portal, which many state courts publish their dockets through. Each event is a list
//! item whose first paragraph is `MM/DD/YYYY   Event name`; an event may carry labelled
//! paragraphs under it (`Comment`, and for a hearing `Judicial Officer`, `Hearing Time`,
//! `Result`, `Cancel Reason`), each a muted label span followed by its value.

use scraper::{ElementRef, Html, Selector};

use super::{DocketSheet, Entry, dom};
use crate::metadata::date::parse_date;

/// Section headings the portal prints over its list of events.
const EVENT_HEADINGS: &[&str] = &["Events and Hearings"];

/// The label whose value is the event's own text, printed without its label.
const COMMENT_LABEL: &str = "Comment";

/// Read every event listed under an events heading into `sheet.entries`; returns how
/// many were read.
pub fn read_events(doc: &Html, sheet: &mut DocketSheet) -> usize {
    let heading = Selector::parse("h1, h2, h3, h4").expect("valid selector");
    let item = Selector::parse("li").expect("valid selector");
    let para = Selector::parse("p").expect("valid selector");
    let label = Selector::parse("span").expect("valid selector");
    let mut seen = Vec::new();
    let mut read = 0;
    for h in doc.select(&heading).filter(|h| {
        let t = dom::text(*h);
        EVENT_HEADINGS.iter().any(|e| t.eq_ignore_ascii_case(e))
    }) {
        // The nearest block around the heading that holds a list: the section's panel.
        let Some(section) = h
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| a.select(&item).next().is_some())
        else {
            continue;
        };
        if seen.contains(&section.id()) {
            continue;
        }
        seen.push(section.id());
        for li in section.select(&item) {
            if let Some(e) = event(li, &para, &label) {
                sheet.entries.push(e);
                read += 1;
            }
        }
    }
    read
}

/// One list item: a dated heading paragraph and its labelled detail paragraphs.
fn event(li: ElementRef, para: &Selector, label: &Selector) -> Option<Entry> {
    let mut paras = li.select(para);
    let head = dom::text(paras.next()?);
    let (date, name) = head.split_once(' ')?;
    let date = parse_date(date)?;
    let mut parts = vec![name.trim().to_string()];
    if parts[0].is_empty() {
        return None;
    }
    for p in paras {
        let text = dom::text(p);
        let Some(l) = p.select(label).map(dom::text).find(|l| !l.is_empty()) else {
            if !text.is_empty() {
                parts.push(text);
            }
            continue;
        };
        let value = text.strip_prefix(l.as_str()).unwrap_or(&text).trim();
        if value.is_empty() {
            continue;
        }
        if l.eq_ignore_ascii_case(COMMENT_LABEL) {
            parts.push(value.to_string());
        } else {
            parts.push(format!("{l}: {value}"));
        }
    }
    Some(Entry {
        number: None,
        date_filed: Some(date.clone()),
        date_entered: Some(date),
        description: parts.join(" · "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> DocketSheet {
        DocketSheet::new(super::super::Form::State)
    }

    #[test]
    fn events_under_another_heading_level_are_read_and_navigation_is_not() {
        let html = Html::parse_document(
            "<ul><li><a href='#e'>Events and Hearings</a></li></ul>\
             <div class='panel'><h2>Events and Hearings</h2><ul>\
             <li><p>03/04/2021 Hearing</p><div><p><span>Judicial Officer</span><br>Doe, Jane</p>\
             <p><span>Comment</span><br>continued</p></div></li>\
             <li><p>Not an event</p></li></ul></div>",
        );
        let mut s = sheet();
        assert_eq!(read_events(&html, &mut s), 1);
        assert_eq!(s.entries[0].date_filed.as_deref(), Some("2021-03-04"));
        assert_eq!(
            s.entries[0].description,
            "Hearing · Judicial Officer: Doe, Jane · continued"
        );
    }
}
