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
use super::walk::{self, Found, WalkProblem};
use crate::extract::{ExtractError, ExtractOptions, Gap, Note, ProblemKind};
use crate::filing::{self, Filing};

/// Name of the file in the index directory that keeps the last run's summary.
pub const LAST_RUN: &str = "docketeer-lastrun.json";

/// How to run the indexer.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Files and folders to index.
    pub inputs: Vec<PathBuf>,
    /// How files are read.
    pub extract: ExtractOptions,
    /// Memory budget of the tantivy writer, in MiB.
    pub memory_mb: usize,
    /// Commit at least this often, so a crash loses little work.
    pub commit_interval: Duration,
    /// ... and after this many new documents.
    pub commit_docs: usize,
}

/// What happened to one file that was not indexed, or was indexed with a caveat.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    /// The file's path.
    pub path: String,
    /// `skipped`, `failed`, `fallback` or `partial`.
    pub kind: ProblemKind,
    /// The reason as shown to the user.
    pub reason: String,
    /// The typed cause, when extraction gave one: decides whether a later run retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<ExtractError>,
    /// The file's size and mtime when it failed: an unchanged file is not retried.
    #[serde(default)]
    pub size: u64,
    /// The file's mtime when it failed.
    #[serde(default)]
    pub mtime: i64,
}

impl Problem {
    fn new(path: String, kind: ProblemKind, reason: String) -> Problem {
        Problem {
            path,
            kind,
            reason,
            cause: None,
            size: 0,
            mtime: 0,
        }
    }

    fn from_error(f: &FileSig, e: ExtractError) -> Problem {
        Problem {
            path: shown(&f.path),
            kind: e.kind(),
            reason: e.to_string(),
            cause: Some(e),
            size: f.size,
            mtime: f.mtime,
        }
    }
}

/// Counts of one run, by file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    /// New documents.
    pub added: usize,
    /// Documents whose file changed.
    pub updated: usize,
    /// Documents whose files are gone.
    pub removed: usize,
    /// Files unchanged since the last run.
    pub unchanged: usize,
    /// Files not indexable as they are (empty, not a filing, needs OCR, encrypted).
    pub skipped: usize,
    /// Files that went wrong (damaged, timed out, crashed).
    pub failed: usize,
    /// Files whose text a fallback extractor (pdftotext, OCR) actually read.
    pub fallbacks: usize,
    /// Files in the index with less text than they have (a reader missing or failed,
    /// text cut at the limit); each is re-read once the cause is gone.
    #[serde(default)]
    pub partial: usize,
    /// Files that could not be read or listed this run, whose documents were kept.
    #[serde(default)]
    pub kept: usize,
    /// Documents in the index after the run.
    pub documents: u64,
    /// Wall time of the run.
    pub seconds: f64,
    /// The run was stopped by Ctrl-C before it finished.
    pub interrupted: bool,
    /// The files skipped or failed, with why.
    pub problems: Vec<Problem>,
    /// The files read through a fallback extractor, with why.
    pub fallback_files: Vec<Problem>,
}

impl Summary {
    /// Say a file was not indexed (`said` is the reason as shown now), count it, and keep
    /// it for the next run and `stats`.
    fn record(&mut self, reporter: &Reporter, problem: Problem, said: &str) {
        reporter.problem(problem.kind, &problem.path, said);
        match problem.kind {
            ProblemKind::Skipped => self.skipped += 1,
            _ => self.failed += 1,
        }
        self.problems.push(problem);
    }

    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        let mut extra = String::new();
        if self.partial > 0 {
            extra.push_str(&format!(
                "; {} indexed with missing text (see the lines above)",
                self.partial
            ));
        }
        if self.kept > 0 {
            extra.push_str(&format!("; {} unreadable, their documents kept", self.kept));
        }
        format!(
            "{} added, {} updated, {} removed, {} unchanged, {} skipped, {} failed ({} via fallback extractor); {} documents in the index; {:.1} s{extra}{}",
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

/// A path as shown to the user.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// A document to write: its content hash and every file that holds that content.
struct Job {
    doc_id: String,
    files: Vec<FileSig>,
    /// Paths that were in the index before with other content (counted as updated).
    updated_paths: usize,
    /// Old documents this one replaces (some of their files now hold this content).
    replaces: Vec<String>,
}

enum Outcome {
    Ready(
        Box<TantivyDocument>,
        Vec<Note>,
        Box<crate::docket::index::Extra>,
    ),
    Problem(ExtractError),
}

/// Why a file got no content hash this run.
enum Unhashed {
    /// It could not be read: its indexed document is kept.
    Unreadable(String),
    /// Not to be read at all (over `--max-file-size`, not a regular file).
    Refused(ExtractError),
    /// Failed last run and nothing has changed since.
    Unchanged(Problem),
    /// Ctrl-C.
    Stopped,
}

/// Run the indexer. `stop` is raised by Ctrl-C: the run then commits what is done.
///
/// Commit discipline: a changed file's old document is deleted in the same commit that
/// adds its replacement, never earlier, so a run killed at any moment leaves every
/// file searchable in its old or its new version. A file or folder that cannot be read
/// keeps its documents; only files gone from a folder that was listed are removed.
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
    let mut summary = Summary::default();

    // The index's own directory is never indexed, even when it lies inside an input.
    let exclude: Vec<PathBuf> = std::fs::canonicalize(&store.dir).into_iter().collect();
    let walked = walk::walk(&opts.inputs, &exclude);
    // Paths under these could not be listed: what the index holds for them stays.
    let mut unreadable: Vec<PathBuf> = Vec::new();
    for problem in walked.problems {
        let (path, kind, why) = match &problem {
            WalkProblem::Unreadable { path, .. } => {
                unreadable.push(path.clone());
                (path, ProblemKind::Failed, problem.to_string())
            }
            WalkProblem::Loop { path, .. } => (path, ProblemKind::Skipped, problem.to_string()),
            WalkProblem::NotRegular { path, .. } => {
                (path, ProblemKind::Skipped, problem.to_string())
            }
        };
        let problem = Problem::new(shown(path), kind, why.clone());
        summary.record(reporter, problem, &why);
    }

    // A file that could not be indexed last time and has not changed since fails the
    // same way again; retrying would cost a timeout per hostile file on every run. A
    // cause that may have gone (a tool installed, OCR asked for) is retried.
    let previous: HashMap<String, Problem> = load_last_run(&store.dir)
        .map(|s| {
            s.problems
                .into_iter()
                .filter(|p| p.size > 0 || p.mtime != 0)
                .map(|p| (p.path.clone(), p))
                .collect()
        })
        .unwrap_or_default();

    // Unchanged size and mtime: trust the index. Otherwise hash to see if content moved.
    let to_check = walked
        .found
        .iter()
        .filter(|f| {
            known
                .by_path
                .get(&f.path)
                .is_none_or(|k| k.size != f.size || k.mtime != f.mtime)
        })
        .count();
    reporter.checking(to_check as u64);
    let hashed: Vec<(Found, Result<String, Unhashed>)> = walked
        .found
        .into_par_iter()
        .map(|f| {
            let id = match known.by_path.get(&f.path) {
                Some(k) if k.size == f.size && k.mtime == f.mtime => Ok(k.doc_id.clone()),
                _ => identify(&f, opts, &previous, &stop),
            };
            (f, id)
        })
        .collect();
    if stop.load(Ordering::SeqCst) {
        // Nothing was written: the index is exactly as the last run left it.
        return Ok(finish(store, summary, started, true));
    }

    let roots = walk::roots(&opts.inputs);
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut wanted: BTreeMap<String, Vec<FileSig>> = BTreeMap::new();
    // Old documents that must survive this run whatever else happens.
    let mut protected: BTreeSet<String> = BTreeSet::new();
    for (f, id) in hashed {
        seen.insert(f.path.clone());
        let sig = FileSig {
            path: f.path,
            size: f.size,
            mtime: f.mtime,
        };
        let why = match id {
            Ok(id) => {
                wanted.entry(id).or_default().push(sig);
                continue;
            }
            Err(why) => why,
        };
        if let Some(k) = known.by_path.get(&sig.path) {
            protected.insert(k.doc_id.clone());
        }
        match why {
            Unhashed::Unreadable(e) => {
                if known.by_path.contains_key(&sig.path) {
                    summary.kept += 1;
                }
                let problem = Problem::from_error(&sig, ExtractError::Unreadable(e));
                let said = problem.reason.clone();
                summary.record(
                    reporter,
                    Problem {
                        size: 0,
                        mtime: 0,
                        ..problem
                    },
                    &said,
                );
            }
            Unhashed::Refused(e) => {
                let problem = Problem::from_error(&sig, e);
                let said = problem.reason.clone();
                summary.record(reporter, problem, &said);
            }
            Unhashed::Unchanged(p) => {
                let said = format!("{} (unchanged since the last run)", p.reason);
                summary.record(reporter, p, &said);
            }
            Unhashed::Stopped => {}
        }
    }

    let mut gone: Vec<PathBuf> = Vec::new();
    for (path, k) in &known.by_path {
        if seen.contains(path) {
            continue;
        }
        let responsible = roots.iter().any(|r| path.starts_with(r));
        let listed = !unreadable.iter().any(|u| path.starts_with(u));
        if responsible && listed {
            gone.push(path.clone());
        } else {
            // Outside this run's roots, or in a folder that could not be listed: kept.
            if !listed {
                summary.kept += 1;
            }
            protected.insert(k.doc_id.clone());
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
        // A document indexed with missing text is read again once the cause is gone.
        let gap_may_close = known
            .gaps
            .get(doc_id)
            .is_some_and(|gaps| gaps.iter().any(|g| g.may_close(&opts.extract)));
        if old == new && stored_sigs_match && !gap_may_close {
            summary.unchanged += files.len();
            summary.partial += usize::from(known.gaps.contains_key(doc_id));
            continue;
        }
        let mut updated_paths = 0;
        let mut replaces = BTreeSet::new();
        for f in files {
            match known.by_path.get(&f.path) {
                Some(k) if &k.doc_id == doc_id => {
                    if old == new && stored_sigs_match {
                        // Re-read only to close a gap.
                        updated_paths += 1;
                    } else {
                        summary.unchanged += 1;
                    }
                }
                Some(k) => {
                    updated_paths += 1;
                    replaces.insert(k.doc_id.clone());
                }
                None => {}
            }
        }
        jobs.push(Job {
            doc_id: doc_id.clone(),
            files: files.clone(),
            updated_paths,
            replaces: replaces.into_iter().collect(),
        });
    }

    // Old documents no longer wanted: each is deleted in the commit that adds the last
    // of its replacements; one with no replacement (all its files gone) is deleted now.
    let mut pending: HashMap<String, usize> = HashMap::new();
    for job in &jobs {
        for old in &job.replaces {
            *pending.entry(old.clone()).or_default() += 1;
        }
    }
    for doc_id in known.by_doc.keys() {
        let obsolete = !wanted.contains_key(doc_id) && !protected.contains(doc_id);
        if obsolete && !pending.contains_key(doc_id) {
            writer.delete_term(Term::from_field_text(store.fields.doc_id, doc_id));
            sheets.delete_entries(&writer, doc_id);
        }
    }

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
    loop {
        if stop.load(Ordering::SeqCst) {
            // Ctrl-C: stop the helpers now rather than wait out their time limits, and
            // commit what is done. Documents not yet replaced keep their old version.
            crate::extract::kill_running_helpers();
            break;
        }
        let (i, outcome) = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(item) => item,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => continue,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if stop.load(Ordering::SeqCst) {
            // A worker killed by the same Ctrl-C is not a failed file.
            continue;
        }
        let job = &jobs[i];
        let path = shown(&job.files[0].path);
        reporter.advance(&path);
        match outcome {
            Outcome::Ready(doc, facts, extra) => {
                writer.delete_term(Term::from_field_text(fields.doc_id, &job.doc_id));
                let doc = sheets.place(&writer, &job.doc_id, *doc, *extra)?;
                writer
                    .add_document(doc)
                    .with_context(|| format!("cannot add {path} to the index"))?;
                for old in &job.replaces {
                    if let Some(n) = pending.get_mut(old) {
                        *n -= 1;
                        if *n == 0 && !wanted.contains_key(old) && !protected.contains(old) {
                            writer.delete_term(Term::from_field_text(fields.doc_id, old));
                        }
                    }
                }
                summary.updated += job.updated_paths;
                summary.added += job
                    .files
                    .iter()
                    .filter(|f| !known.by_path.contains_key(&f.path))
                    .count();
                report_facts(&mut summary, reporter, &path, &facts);
                since_commit += 1;
            }
            Outcome::Problem(e) => {
                let problem = Problem::from_error(&job.files[0], e);
                let said = problem.reason.clone();
                summary.record(reporter, problem, &said);
            }
        }
        if since_commit >= opts.commit_docs || last_commit.elapsed() >= opts.commit_interval {
            writer.commit().map_err(|e| write_error(store, e))?;
            since_commit = 0;
            last_commit = Instant::now();
        }
    }
    let interrupted = stop.load(Ordering::SeqCst);
    if !interrupted && producer.join().is_err() {
        bail!("an extraction thread crashed; the index keeps its last commit");
    }
    writer.commit().map_err(|e| write_error(store, e))?;
    if !interrupted {
        writer
            .wait_merging_threads()
            .context("cannot finish merging index segments")?;
    }
    reporter.finish();
    Ok(finish(store, summary, started, interrupted))
}

/// Count the index, time the run and keep its summary for the next run and `stats`.
fn finish(store: &Store, mut summary: Summary, started: Instant, interrupted: bool) -> Summary {
    summary.interrupted = interrupted;
    summary.documents = store
        .index
        .reader()
        .map(|r| r.searcher().num_docs())
        .unwrap_or(0);
    summary.seconds = started.elapsed().as_secs_f64();
    save_last_run(&store.dir, &summary);
    summary
}

/// Say what the reader should know about a file that was indexed: a fallback read it,
/// or part of its text is missing.
fn report_facts(summary: &mut Summary, reporter: &Reporter, path: &str, facts: &[Note]) {
    if facts.is_empty() {
        return;
    }
    let said = facts
        .iter()
        .map(Note::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    let kind = if facts.iter().any(|f| f.gap().is_some()) {
        summary.partial += 1;
        ProblemKind::Partial
    } else {
        ProblemKind::Fallback
    };
    if facts.iter().any(Note::read_by_fallback) {
        summary.fallbacks += 1;
    }
    reporter.problem(kind, path, &said);
    summary
        .fallback_files
        .push(Problem::new(path.to_owned(), kind, said));
}

/// The content hash of a file whose size or mtime changed, unless it need not be read.
fn identify(
    f: &Found,
    opts: &IndexOptions,
    previous: &HashMap<String, Problem>,
    stop: &AtomicBool,
) -> Result<String, Unhashed> {
    if let Some(p) = previous.get(&shown(&f.path)) {
        let same = p.size == f.size && p.mtime == f.mtime;
        let may_change = p
            .cause
            .as_ref()
            .is_some_and(|c| c.may_change(&opts.extract));
        if same && !may_change {
            return Err(Unhashed::Unchanged(p.clone()));
        }
    }
    let max = opts.extract.max_file_mb;
    if max > 0 && f.size > max.saturating_mul(crate::extract::MIB) {
        return Err(Unhashed::Refused(ExtractError::TooLarge {
            bytes: f.size,
            limit_mb: max,
        }));
    }
    hash_file(&f.path, stop)
}

fn open_writer(store: &Store, memory_mb: usize) -> Result<IndexWriter> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4);
    let per_thread_floor = 15 * 1024 * 1024;
    let budget = memory_mb
        .saturating_mul(1024 * 1024)
        .max(per_thread_floor * threads);
    match store.index.writer_with_num_threads(threads, budget) {
        Ok(w) => Ok(w),
        Err(tantivy::TantivyError::LockFailure(..)) => bail!(
            "the index at {} is locked by another indexer; wait for it to finish",
            store.dir.display()
        ),
        Err(e) if super::store::io_kind(&e) == Some(std::io::ErrorKind::PermissionDenied) => bail!(
            "cannot write the index at {}: permission denied (run as the user who owns it, or fix its permissions)",
            store.dir.display()
        ),
        Err(e) => Err(anyhow::anyhow!(super::store::short_error(&e))).with_context(|| {
            format!(
                "cannot open the index at {} for writing",
                store.dir.display()
            )
        }),
    }
}

fn prepare(fields: &super::schema::Fields, job: &Job, opts: &ExtractOptions) -> Outcome {
    match filing::read(&job.files[0].path, opts) {
        Ok(Filing {
            extracted,
            clean,
            meta,
        }) => {
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
            Outcome::Ready(Box::new(doc), extracted.facts, Box::new(extra))
        }
        Err(e) => Outcome::Problem(e),
    }
}

/// SHA-256 of a file, read in pieces so Ctrl-C is honoured within one piece.
fn hash_file(path: &Path, stop: &AtomicBool) -> Result<String, Unhashed> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| Unhashed::Unreadable(crate::extract::io_reason(&e));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if let Err(e) = crate::extract::regular_file(&meta) {
        return Err(Unhashed::Refused(e));
    }
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        if stop.load(Ordering::SeqCst) {
            return Err(Unhashed::Stopped);
        }
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(unreadable(e)),
        };
        hasher.update(&buf[..n]);
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// The error of a failed commit, in terms of its cause.
fn write_error(store: &Store, e: tantivy::TantivyError) -> anyhow::Error {
    let dir = store.dir.display();
    match super::store::io_kind(&e) {
        Some(std::io::ErrorKind::PermissionDenied) => {
            anyhow::anyhow!("cannot write the index at {dir}: permission denied")
        }
        Some(std::io::ErrorKind::StorageFull) => {
            anyhow::anyhow!("cannot write the index at {dir}: the disk is full")
        }
        _ => anyhow::Error::new(e).context(format!(
            "cannot commit the index at {dir}; the last commit stands"
        )),
    }
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
    /// Documents indexed with less text than their file has, and why.
    gaps: HashMap<String, Vec<Gap>>,
}

/// What the last commit holds: every document's id, files and gaps.
fn load_known(store: &Store) -> Result<Known> {
    let mut known = Known::default();
    for_each_stored(store, false, |doc| {
        let gaps: Vec<Gap> = doc.gap.iter().filter_map(|g| Gap::from_code(g)).collect();
        if !gaps.is_empty() {
            known.gaps.insert(doc.doc_id.clone(), gaps);
        }
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
