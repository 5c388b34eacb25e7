//! Copying the local index to a Quickwit index: create it from the schema if it is
//! missing, send only the documents the cluster does not hold (by fingerprint), and
//! delete the versions the local index no longer has.
//!
//! Order matters for "nothing lost": new versions are ingested first and old ones are
//! deleted last, so a push killed halfway leaves the cluster with at worst an old and a
//! new copy, which the next push cleans up. A version whose fingerprint is named by an
//! earlier delete task still pending is sent again, since the cluster will drop its copy.

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value as Json;
use std::collections::{HashMap, HashSet};

use super::client::Client;
use super::docs::Exporter;
use super::mapping::{self, DOC_HASH};
use crate::index::docs::for_each_doc;
use crate::index::store::Store;

/// Fingerprints per delete task: one query stays small, few tasks stay cheap.
const HASHES_PER_DELETE: usize = 500;

/// Fingerprints listed per aggregation request.
const BUCKETS: u64 = 10_000;

/// What a push did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PushReport {
    /// The index was created by this push.
    pub created: bool,
    /// Documents in the local index.
    pub local: usize,
    /// Documents the cluster already held unchanged.
    pub unchanged: usize,
    /// Documents sent.
    pub sent: usize,
    /// Ingest requests made.
    pub requests: usize,
    /// Bytes of NDJSON sent.
    pub bytes: u64,
    /// Documents Quickwit accepted.
    pub accepted: usize,
    /// Documents Quickwit rejected (its node logs say why).
    pub rejected: usize,
    /// Every accepted document was searchable when the push returned.
    pub searchable: bool,
    /// Time spent reading the local index and sending.
    pub sending: std::time::Duration,
    /// Time then spent waiting for Quickwit to commit what it accepted.
    pub committing: std::time::Duration,
    /// Documents too large for one ingest request (their paths).
    pub too_large: Vec<String>,
    /// Versions on the cluster that the local index no longer has, now being deleted.
    pub deleted: usize,
    /// Fingerprints the cluster holds more than once (a batch sent twice).
    pub duplicates: usize,
}

/// Options of a push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The Quickwit index to copy into; created from the schema when missing.
    pub index_id: String,
    /// Largest ingest body, in bytes.
    pub batch_bytes: usize,
    /// Draw a progress bar (on stderr) while documents are sent.
    pub progress: bool,
}

/// Push `store` to the cluster behind `client`.
pub fn push(store: &Store, client: &Client, opts: &PushOptions) -> Result<PushReport> {
    let mut report = PushReport {
        created: ensure_index(store, client, &opts.index_id)?,
        ..PushReport::default()
    };
    let id = &opts.index_id;
    let held = cluster_hashes(client, id)?;
    let doomed = pending_deletes(client, id)?;
    let exporter = Exporter::new(store)?;

    let total = store
        .index
        .reader()
        .context("cannot open the local index")?
        .searcher()
        .num_docs();
    let bar = if opts.progress {
        let b = ProgressBar::new(total);
        b.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} documents  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };

    let started = std::time::Instant::now();
    let mut local = HashSet::new();
    let mut batch: Vec<u8> = Vec::new();
    let mut in_batch = 0usize;
    for_each_doc(store, |doc| {
        let (obj, hash) = exporter.document(doc);
        report.local += 1;
        local.insert(hash);
        let count = held.get(&hash).copied().unwrap_or(0);
        bar.inc(1);
        // A version named by a pending delete task needs a copy sent after that task; a
        // second copy beside the doomed one is such a copy (sent by an earlier push).
        let needed = if doomed.contains(&hash) { 2 } else { 1 };
        if count >= needed {
            report.unchanged += 1;
            return Ok(());
        }
        let mut line = serde_json::to_vec(&obj)?;
        line.push(b'\n');
        if line.len() > opts.batch_bytes {
            let path = obj["path"][0].as_str().unwrap_or("?").to_string();
            report.too_large.push(path);
            return Ok(());
        }
        if batch.len() + line.len() > opts.batch_bytes {
            send(client, id, &mut batch, in_batch, &mut report)?;
            in_batch = 0;
            bar.set_message(format!("{} sent", report.sent));
        }
        batch.extend_from_slice(&line);
        in_batch += 1;
        Ok(())
    })?;
    send(client, id, &mut batch, in_batch, &mut report)?;
    bar.finish_and_clear();
    report.sending = started.elapsed();
    // Quickwit commits ingested documents on its own clock (10 s for an index push
    // created); wait until they are searchable. Forcing a commit instead hangs when
    // every document of the request was rejected.
    let held_total: usize = held.values().sum();
    report.searchable =
        report.accepted == 0 || wait_searchable(client, id, (held_total + report.accepted) as u64)?;
    report.committing = started.elapsed() - report.sending;

    // Versions the local index no longer has. Copies sent above landed after every
    // earlier delete task, so no task deletes them.
    let mut stale: Vec<u64> = held
        .keys()
        .filter(|h| !local.contains(*h) && !doomed.contains(*h))
        .copied()
        .collect();
    stale.sort_unstable();
    report.deleted = stale.len();
    // A batch sent twice (a push killed after Quickwit took it) leaves two copies with one
    // fingerprint; deleting one copy is not possible, so searches show each document once.
    report.duplicates = held.values().filter(|n| **n > 1).count();
    for chunk in stale.chunks(HASHES_PER_DELETE) {
        let terms: Vec<String> = chunk.iter().map(u64::to_string).collect();
        let query = format!("{DOC_HASH}:IN [{}]", terms.join(" "));
        client
            .post_json(
                &format!("api/v1/{id}/delete-tasks"),
                &serde_json::json!({ "query": query }),
            )
            .context("cannot create the delete task for replaced documents")?;
    }
    Ok(report)
}

fn send(
    client: &Client,
    id: &str,
    batch: &mut Vec<u8>,
    docs: usize,
    report: &mut PushReport,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    report.bytes += batch.len() as u64;
    let answer = client
        .post_ndjson(
            &format!("api/v1/{id}/ingest"),
            &[("commit", "auto".to_string())],
            std::mem::take(batch),
        )
        .with_context(|| {
            format!("ingest of {docs} documents failed; run push again to send the rest")
        })?;
    report.requests += 1;
    report.sent += docs;
    let (accepted, rejected) = ingest_outcome(&answer, docs);
    report.accepted += accepted;
    report.rejected += rejected;
    Ok(())
}

/// Accepted and rejected documents of an ingest answer (ingest v2 counts both; v1 only
/// says how many it took for processing).
fn ingest_outcome(answer: &Json, sent: usize) -> (usize, usize) {
    let count = |k: &str| answer[k].as_u64().map(|n| n as usize);
    match (count("num_ingested_docs"), count("num_rejected_docs")) {
        (Some(ok), rejected) => (ok, rejected.unwrap_or(sent.saturating_sub(ok))),
        (None, _) => {
            let ok = count("num_docs_for_processing").unwrap_or(0);
            (ok, sent.saturating_sub(ok))
        }
    }
}

/// Seconds to wait for accepted documents to become searchable.
const SEARCHABLE_WITHIN: u64 = 120;

/// Poll the index's document count until it reaches `expected`; false on time-out.
fn wait_searchable(client: &Client, id: &str, expected: u64) -> Result<bool> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(SEARCHABLE_WITHIN);
    loop {
        let answer = client
            .post_json(
                &format!("api/v1/{id}/search"),
                &serde_json::json!({ "query": "*", "max_hits": 0 }),
            )
            .context("cannot count the cluster's documents")?;
        if answer["num_hits"].as_u64().unwrap_or(0) >= expected {
            return Ok(true);
        }
        if std::time::Instant::now() >= deadline {
            return Ok(false);
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
}

/// Create the index from the schema if the cluster lacks it; refuse one made from a
/// different schema, whose mapping would drop or misread fields. True when created.
pub fn ensure_index(store: &Store, client: &Client, id: &str) -> Result<bool> {
    let wanted = mapping::index_config(&store.spec, id).to_json();
    match client.get(&format!("api/v1/indexes/{id}"), &[]) {
        Ok(meta) => {
            let have = field_signature(&meta["index_config"]["doc_mapping"]);
            let want = field_signature(&wanted["doc_mapping"]);
            if have != want {
                bail!(
                    "the cluster's index `{id}` was created from a different schema (fields {}); push to another --index, or delete it (curl -X DELETE {}/api/v1/indexes/{id}) and push again",
                    describe_diff(&have, &want),
                    client.endpoint()
                );
            }
            Ok(false)
        }
        Err(e) if e.status() == Some(404) => {
            client
                .post_json("api/v1/indexes", &wanted)
                .with_context(|| format!("cannot create the index `{id}` on the cluster"))?;
            Ok(true)
        }
        Err(e) => Err(e).context("cannot read the cluster's index"),
    }
}

/// (name, type, tokenizer) of each field mapping, sorted.
fn field_signature(doc_mapping: &Json) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = doc_mapping["field_mappings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("name"), s("type"), s("tokenizer"))
        })
        .collect();
    out.sort();
    out
}

fn describe_diff(have: &[(String, String, String)], want: &[(String, String, String)]) -> String {
    let missing: Vec<&str> = want
        .iter()
        .filter(|w| !have.contains(w))
        .map(|w| w.0.as_str())
        .collect();
    let extra: Vec<&str> = have
        .iter()
        .filter(|h| !want.contains(h))
        .map(|h| h.0.as_str())
        .collect();
    format!(
        "differing here: {}; only on the cluster: {}",
        missing.join(", "),
        extra.join(", ")
    )
}

/// Every fingerprint the cluster holds, with how many documents carry it: a terms
/// aggregation per range of fingerprints, ranges split until each fits one answer.
pub fn cluster_hashes(client: &Client, id: &str) -> Result<HashMap<u64, usize>> {
    let mut out = HashMap::new();
    let mut ranges = vec![(0u64, u64::MAX)];
    while let Some((lo, hi)) = ranges.pop() {
        let answer = client
            .post_json(
                &format!("api/v1/{id}/search"),
                &serde_json::json!({
                    "query": format!("{DOC_HASH}:[{lo} TO {hi}]"),
                    "max_hits": 0,
                    "aggs": { "h": { "terms": { "field": DOC_HASH, "size": BUCKETS } } },
                }),
            )
            .context("cannot list the documents the cluster holds")?;
        let agg = &answer["aggregations"]["h"];
        if agg["sum_other_doc_count"].as_u64().unwrap_or(0) > 0 && hi - lo > 16 {
            let step = (hi - lo) / 16;
            let mut start = lo;
            for i in 0..16 {
                let end = if i == 15 { hi } else { start + step - 1 };
                ranges.push((start, end));
                start = end.saturating_add(1);
            }
            continue;
        }
        for b in agg["buckets"].as_array().into_iter().flatten() {
            let key = b["key"].as_u64().with_context(|| {
                format!(
                    "the cluster listed `{}` as a document fingerprint",
                    b["key"]
                )
            })?;
            *out.entry(key).or_insert(0) += b["doc_count"].as_u64().unwrap_or(1) as usize;
        }
    }
    Ok(out)
}

/// Fingerprints named by delete tasks that some split has not applied yet: their
/// copies are going away.
fn pending_deletes(client: &Client, id: &str) -> Result<HashSet<u64>> {
    let tasks = client
        .get(&format!("api/v1/{id}/delete-tasks"), &[])
        .context("cannot list the cluster's delete tasks")?;
    let tasks = tasks.as_array().cloned().unwrap_or_default();
    if tasks.is_empty() {
        return Ok(HashSet::new());
    }
    let splits = client
        .get(
            &format!("api/v1/indexes/{id}/splits"),
            &[("split_states", "Published".to_string())],
        )
        .context("cannot list the cluster's splits")?;
    // A split records the last delete task applied to it (or current when it was made).
    let applied_everywhere = splits["splits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["delete_opstamp"].as_u64())
        .min()
        .unwrap_or(u64::MAX);
    let mut out = HashSet::new();
    for task in tasks {
        if task["opstamp"].as_u64().unwrap_or(u64::MAX) <= applied_everywhere {
            continue;
        }
        let q = &task["delete_query"];
        let text = q["query_ast"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| q.to_string());
        collect_hashes(&text, &mut out);
    }
    Ok(out)
}

/// The numbers of a delete query on the fingerprint field, however Quickwit spells it
/// back (the query AST names fields and types, and no other numbers).
fn collect_hashes(query: &str, out: &mut HashSet<u64>) {
    if !query.contains(DOC_HASH) {
        return;
    }
    out.extend(
        query
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|t| t.parse::<u64>().ok()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ingest_answers_of_both_ingest_versions_are_counted() {
        let v2 = serde_json::json!({"num_docs_for_processing": 3, "num_ingested_docs": 1, "num_rejected_docs": 2});
        assert_eq!(ingest_outcome(&v2, 3), (1, 2));
        let v1 = serde_json::json!({"num_docs_for_processing": 3});
        assert_eq!(ingest_outcome(&v1, 3), (3, 0));
    }

    #[test]
    fn hashes_are_read_back_from_a_delete_task_query() {
        let mut out = HashSet::new();
        collect_hashes(
            r#"{"type":"term_set","terms_per_field":{"doc_hash":["42","18446744073709551615"]}}"#,
            &mut out,
        );
        assert_eq!(out, HashSet::from([42, u64::MAX]));
    }
}
