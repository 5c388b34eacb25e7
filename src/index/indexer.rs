//! One `docketeer index` run: walk, decide what changed, extract in parallel, write,
//! commit periodically, report.
//!
//! The index itself is the record of what was indexed (each document stores the size,
//! mtime and path of its files), so a run killed at any moment leaves a consistent
//! state: the next run sees exactly what the last commit holds.

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::docs::for_each_stored;
use super::document::{self, FileSig, NewDoc};
use super::progress::Reporter;
use super::store::Store;
use super::walk::{self, Found};
use crate::extract::ExtractOptions;
use crate::filing::{self, Filing};

/// Name of the file in the index directory that keeps the last run's summary.
pub const LAST_RUN: &str = "docketeer-lastrun.json";

/// How to run the indexer.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub inputs: Vec<PathBuf>,
    pub extract: ExtractOptions,
    /// Memory budget of the tantivy writer, in MiB.
    pub memory_mb: usize,
    /// Commit at least this often, so a crash loses little work.
    pub commit_interval: Duration,
    /// ... and after this many new documents.
    pub commit_docs: usize,
}

/// What happened to one file that was not indexed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    /// `skipped` or `failed`.
    pub kind: String,
    pub reason: String,
    /// The file's size and mtime when it failed: an unchanged file is not retried.
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub mtime: i64,
}

impl Problem {
    fn new(path: String, kind: &str, reason: String) -> Problem {
        Problem {
            path,
            kind: kind.into(),
            reason,
            size: 0,
            mtime: 0,
        }
    }
}

/// Counts of one run, by file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub failed: usize,
    /// Files indexed through a fallback extractor (pdftotext, OCR).
    pub fallbacks: usize,
    pub documents: u64,
    pub seconds: f64,
    pub interrupted: bool,
    pub problems: Vec<Problem>,
    pub fallback_files: Vec<Problem>,
}

impl Summary {
    /// Say a file was not indexed (`said` is the reason as shown now), count it, and keep
    /// it for the next run and `stats`.
    fn record(&mut self, reporter: &Reporter, problem: Problem, said: &str) {
        reporter.problem(&problem.kind, &problem.path, said);
        if problem.kind == "skipped" {
            self.skipped += 1;
        } else {
            self.failed += 1;
        }
        self.problems.push(problem);
    }

    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        format!(
            "{} added, {} updated, {} removed, {} unchanged, {} skipped, {} failed ({} via fallback extractor); {} documents in the index; {:.1} s{}",
            self.added,
            self.updated,
            self.removed,
            self.unchanged,
            self.skipped,
            self.failed,
            self.fallbacks,
            self.documents,
            self.seconds,
            if self.interrupted {
                "; interrupted: re-run to finish"
            } else {
                ""
            }
        )
    }
}

/// A document to write: its content hash and every file that holds that content.
struct Job {
    doc_id: String,
    files: Vec<FileSig>,
    /// Paths that were in the index before with other content (counted as updated).
    updated_paths: usize,
}

enum Outcome {
    Ready(
        Box<TantivyDocument>,
        Option<String>,
        Box<crate::docket::index::Extra>,
    ),
    Problem(&'static str, String),
}

/// Run the indexer. `stop` is raised by Ctrl-C: the run then commits what is done.
pub fn run(
    store: &Store,
    opts: &IndexOptions,
    reporter: &Reporter,
    stop: Arc<AtomicBool>,
) -> Result<Summary> {
    let started = Instant::now();
    let mut writer: IndexWriter = open_writer(store, opts.memory_mb)?;
    let known = load_known(store)?;
    let mut sheets = crate::docket::index::Registry::load(store)?;

    let (found, walk_errors) = walk::walk(&opts.inputs);
    let mut summary = Summary::default();
    for (path, why) in walk_errors {
        let problem = Problem::new(path.display().to_string(), "failed", why.clone());
        summary.record(reporter, problem, &why);
    }

    // Unchanged size and mtime: trust the index. Otherwise hash to see if content moved.
    let hashed: Vec<(Found, Result<String, String>)> = found
        .into_par_iter()
        .map(|f| {
            let id = match known.by_path.get(&f.path) {
                Some(k) if k.size == f.size && k.mtime == f.mtime => Ok(k.doc_id.clone()),
                _ => hash_file(&f.path),
            };
            (f, id)
        })
        .collect();

    let roots = walk::roots(&opts.inputs);
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut wanted: BTreeMap<String, Vec<FileSig>> = BTreeMap::new();
    for (f, id) in hashed {
        seen.insert(f.path.clone());
        match id {
            Ok(id) => wanted.entry(id).or_default().push(FileSig {
                path: f.path,
                size: f.size,
                mtime: f.mtime,
            }),
            Err(why) => {
                let problem = Problem::new(f.path.display().to_string(), "failed", why.clone());
                summary.record(reporter, problem, &why);
            }
        }
    }

    // Files this run is not responsible for (outside its roots) keep their documents.
    let mut gone: Vec<PathBuf> = Vec::new();
    for (path, k) in &known.by_path {
        if seen.contains(path) {
            continue;
        }
        if roots.iter().any(|r| path.starts_with(r)) {
            gone.push(path.clone());
        } else {
            wanted.entry(k.doc_id.clone()).or_default().push(FileSig {
                path: path.clone(),
                size: k.size,
                mtime: k.mtime,
            });
        }
    }
    summary.removed = gone.len();

    let mut jobs = Vec::new();
    for (doc_id, files) in &wanted {
        let old: BTreeSet<&PathBuf> = known
            .by_doc
            .get(doc_id)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        let new: BTreeSet<&PathBuf> = files.iter().map(|f| &f.path).collect();
        let stored_sigs_match = known.by_doc.contains_key(doc_id)
            && files.iter().all(|f| {
                known
                    .by_path
                    .get(&f.path)
                    .is_some_and(|k| k.size == f.size && k.mtime == f.mtime)
            });
        if old == new && stored_sigs_match {
            summary.unchanged += files.len();
            continue;
        }
        let mut updated_paths = 0;
        for f in files {
            match known.by_path.get(&f.path) {
                Some(k) if &k.doc_id == doc_id => summary.unchanged += 1,
                Some(_) => updated_paths += 1,
                None => {}
            }
        }
        jobs.push(Job {
            doc_id: doc_id.clone(),
            files: files.clone(),
            updated_paths,
        });
    }

    // Documents none of whose files remain are deleted now; the rest are rewritten below.
    for doc_id in known.by_doc.keys() {
        if !wanted.contains_key(doc_id) {
            writer.delete_term(Term::from_field_text(store.fields.doc_id, doc_id));
            sheets.delete_entries(&writer, doc_id);
        }
    }

    // A file that could not be indexed last time and has not changed since fails the
    // same way again; retrying would cost a timeout per hostile file on every run. OCR
    // asked for now is a reason to retry a scan.
    let previous: HashMap<String, Problem> = load_last_run(&store.dir)
        .map(|s| {
            s.problems
                .into_iter()
                .filter(|p| p.size > 0 || p.mtime != 0)
                .map(|p| (p.path.clone(), p))
                .collect()
        })
        .unwrap_or_default();
    jobs.retain(|job| {
        let f = &job.files[0];
        let shown = f.path.display().to_string();
        let Some(p) = previous.get(&shown) else {
            return true;
        };
        let same = p.size == f.size && p.mtime == f.mtime && job.files.len() == 1;
        let ocr_now = opts.extract.ocr && p.reason.starts_with("needs OCR");
        if !same || ocr_now {
            return true;
        }
        let said = format!("{} (unchanged since the last run)", p.reason);
        summary.record(reporter, p.clone(), &said);
        false
    });

    reporter.start(jobs.len() as u64);
    let fields = store.fields;
    let extract_opts = opts.extract.clone();
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Outcome)>(32);
    let worker_stop = stop.clone();
    let jobs = Arc::new(jobs);
    let worker_jobs = jobs.clone();
    let producer = std::thread::spawn(move || {
        (0..worker_jobs.len())
            .into_par_iter()
            .for_each_with(tx, |tx, i| {
                if worker_stop.load(Ordering::SeqCst) {
                    return;
                }
                let outcome = prepare(&fields, &worker_jobs[i], &extract_opts);
                let _ = tx.send((i, outcome));
            });
    });

    let mut last_commit = Instant::now();
    let mut since_commit = 0usize;
    for (i, outcome) in rx {
        if stop.load(Ordering::SeqCst) {
            // A worker killed by the same Ctrl-C is not a failed file.
            continue;
        }
        let job = &jobs[i];
        let shown = job.files[0].path.display().to_string();
        reporter.advance(&shown);
        match outcome {
            Outcome::Ready(doc, fallback, extra) => {
                writer.delete_term(Term::from_field_text(fields.doc_id, &job.doc_id));
                let doc = sheets.place(&writer, &job.doc_id, *doc, *extra)?;
                writer
                    .add_document(doc)
                    .with_context(|| format!("cannot add {shown} to the index"))?;
                summary.updated += job.updated_paths;
                summary.added += job
                    .files
                    .iter()
                    .filter(|f| !known.by_path.contains_key(&f.path))
                    .count();
                if let Some(note) = fallback {
                    reporter.problem("fallback", &shown, &note);
                    summary.fallbacks += 1;
                    summary
                        .fallback_files
                        .push(Problem::new(shown, "fallback", note));
                }
                since_commit += 1;
            }
            Outcome::Problem(kind, reason) => {
                let problem = Problem {
                    size: job.files[0].size,
                    mtime: job.files[0].mtime,
                    ..Problem::new(shown, kind, reason.clone())
                };
                summary.record(reporter, problem, &reason);
            }
        }
        if since_commit >= opts.commit_docs || last_commit.elapsed() >= opts.commit_interval {
            writer
                .commit()
                .context("cannot commit the index (is the disk full?)")?;
            since_commit = 0;
            last_commit = Instant::now();
        }
    }
    if producer.join().is_err() {
        bail!("an extraction thread crashed; the index keeps its last commit");
    }
    summary.interrupted = stop.load(Ordering::SeqCst);
    writer
        .commit()
        .context("cannot commit the index (is the disk full?)")?;
    writer
        .wait_merging_threads()
        .context("cannot finish merging index segments")?;
    reporter.finish();

    let reader = store.index.reader().context("cannot open the index")?;
    summary.documents = reader.searcher().num_docs();
    summary.seconds = started.elapsed().as_secs_f64();
    save_last_run(&store.dir, &summary);
    Ok(summary)
}

fn open_writer(store: &Store, memory_mb: usize) -> Result<IndexWriter> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4);
    let per_thread_floor = 15 * 1024 * 1024;
    let budget = (memory_mb * 1024 * 1024).max(per_thread_floor * threads);
    match store.index.writer_with_num_threads(threads, budget) {
        Ok(w) => Ok(w),
        Err(tantivy::TantivyError::LockFailure(..)) => bail!(
            "the index at {} is locked by another indexer; wait for it to finish",
            store.dir.display()
        ),
        Err(e) => Err(e).context("cannot open the index for writing"),
    }
}

fn prepare(fields: &super::schema::Fields, job: &Job, opts: &ExtractOptions) -> Outcome {
    match filing::read(&job.files[0].path, opts) {
        Ok(Filing {
            extracted,
            clean,
            meta,
        }) => {
            let fallback = (!extracted.notes.is_empty()).then(|| extracted.notes.join("; "));
            let doc = document::build(
                fields,
                &NewDoc {
                    doc_id: &job.doc_id,
                    files: &job.files,
                    extracted: &extracted,
                    clean: &clean,
                    meta: &meta,
                },
            );
            let extra = crate::docket::index::Extra::of(&meta, &clean);
            Outcome::Ready(Box::new(doc), fallback, Box::new(extra))
        }
        Err(e) => Outcome::Problem(e.kind(), e.to_string()),
    }
}

fn hash_file(path: &Path) -> Result<String, String> {
    let mut file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| format!("cannot read: {e}"))?;
    Ok(format!("{:x}", hasher.finalize()))
}

struct KnownFile {
    doc_id: String,
    size: u64,
    mtime: i64,
}

#[derive(Default)]
struct Known {
    by_path: HashMap<PathBuf, KnownFile>,
    by_doc: HashMap<String, Vec<PathBuf>>,
}

/// What the last commit holds: every document's id and files.
fn load_known(store: &Store) -> Result<Known> {
    let mut known = Known::default();
    for_each_stored(store, false, |doc| {
        for sig in doc.files {
            known
                .by_doc
                .entry(doc.doc_id.clone())
                .or_default()
                .push(sig.path.clone());
            known.by_path.insert(
                sig.path,
                KnownFile {
                    doc_id: doc.doc_id.clone(),
                    size: sig.size,
                    mtime: sig.mtime,
                },
            );
        }
        Ok(())
    })?;
    Ok(known)
}

fn save_last_run(dir: &Path, summary: &Summary) {
    // Best effort: the summary is informational, the index is already committed.
    if let Ok(json) = serde_json::to_string_pretty(summary) {
        let tmp = dir.join(format!("{LAST_RUN}.tmp"));
        if std::fs::write(&tmp, json).is_ok() {
            let _ = std::fs::rename(tmp, dir.join(LAST_RUN));
        }
    }
}

/// The summary saved by the last run, if any.
pub fn load_last_run(dir: &Path) -> Option<Summary> {
    let text = std::fs::read_to_string(dir.join(LAST_RUN)).ok()?;
    serde_json::from_str(&text).ok()
}
