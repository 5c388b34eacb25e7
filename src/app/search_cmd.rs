//! `docketeer search`.

use anyhow::Result;
use std::io::Write;

use crate::cli::{Group, SearchArgs};
use crate::index::store::Store;
use crate::output::{human, json};
use crate::search::{self, Hit, SearchRequest};

/// Most hits one search prints: each is read from disk with its whole text.
pub const MAX_LIMIT: usize = 10_000;

/// Hits shown when `--limit` is not given (`-l` lists them all, up to [`MAX_LIMIT`]).
pub const DEFAULT_LIMIT: usize = 10;

/// Characters of snippet per word of `--context`.
const CHARS_PER_WORD: usize = 6;

pub fn run(args: SearchArgs) -> Result<i32> {
    let limit = match args.limit {
        Some(n) if n > MAX_LIMIT => anyhow::bail!(
            "--limit {n} is more than can be shown; give at most {MAX_LIMIT} (or --limit 0 for the count only)"
        ),
        Some(n) => n,
        None if args.files_with_matches => MAX_LIMIT,
        None => DEFAULT_LIMIT,
    };
    let store = Store::open(&super::index_dir(&args.index))?;
    if args.entries {
        return super::entries_cmd::run(&store, args, limit);
    }
    let req = SearchRequest {
        query: args.query.clone(),
        case: args.case,
        docket: args.docket,
        party: args.party,
        court: args.court,
        judge: args.judge,
        doc_type: args.doc_type,
        from: args.from,
        to: args.to,
        limit,
        sort: args.sort,
        exact: args.exact,
        with_children: args.with_children,
        count_by: args.count_by.clone(),
        snippet_chars: args
            .context
            .map_or(0, |words| usize::from(words) * CHARS_PER_WORD),
    };
    let mut results = search::search(&store, &req)?;
    if args.group == Some(Group::Case) {
        group_by_case(&mut results.hits);
    }
    if limit > 0 {
        super::show::save_last(&super::show::LastSearch {
            index: super::index_dir(&args.index),
            query: args.query.clone(),
            exact: args.exact,
            hits: results
                .hits
                .iter()
                .map(|h| (h.doc.paths.first().cloned().unwrap_or_default(), h.page))
                .collect(),
        });
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let color = args.color.enabled();
    if args.files_with_matches {
        for h in &results.hits {
            if let Some(p) = h.doc.paths.first() {
                writeln!(out, "{}", human::display_path(p))?;
            }
        }
    } else if args.json {
        for h in &results.hits {
            json::line(&mut out, h)?;
        }
        if !results.facets.is_empty() {
            json::facets(&mut out, results.total, &results.facets)?;
        } else if limit == 0 {
            json::line(&mut out, &serde_json::json!({ "total": results.total }))?;
        }
    } else {
        let mut current: Option<String> = None;
        for h in &results.hits {
            if args.group == Some(Group::Case) {
                let case = human::case_label(&h.doc);
                if current.as_ref() != Some(&case) {
                    let n = results
                        .hits
                        .iter()
                        .filter(|o| human::case_label(&o.doc) == case)
                        .count();
                    human::group_heading(&mut out, &case, n, color)?;
                    current = Some(case);
                }
            }
            human::hit(&mut out, h, color)?;
        }
        if limit == 0 {
            // Counts only: no hit is shown.
            writeln!(out, "{} matching filings", results.total)?;
        } else if results.total > results.hits.len() {
            writeln!(
                out,
                "{} of {} matching filings shown (--limit for more)",
                results.hits.len(),
                results.total
            )?;
        }
        human::facets(&mut out, &results.facets, color)?;
    }
    out.flush()?;
    Ok(if results.total == 0 { 1 } else { 0 })
}

/// Hits of one case together, the cases in the order of their best hit; ranks unchanged.
fn group_by_case(hits: &mut Vec<Hit>) {
    let mut order: Vec<String> = Vec::new();
    for h in hits.iter() {
        let case = human::case_label(&h.doc);
        if !order.contains(&case) {
            order.push(case);
        }
    }
    let mut taken: Vec<Option<Hit>> = std::mem::take(hits).into_iter().map(Some).collect();
    for case in &order {
        for slot in taken.iter_mut() {
            if slot
                .as_ref()
                .is_some_and(|h| &human::case_label(&h.doc) == case)
                && let Some(h) = slot.take()
            {
                hits.push(h);
            }
        }
    }
}
