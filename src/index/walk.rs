//! Finding the files to index under the paths a user gives.

use std::path::{Path, PathBuf};

use crate::extract::Special;

/// A file found by the walk.
#[derive(Debug, Clone)]
pub struct Found {
    /// The file's canonical path.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i64,
}

/// Something the walk could not take.
#[derive(Debug)]
pub enum WalkProblem {
    /// A folder that could not be listed or a file that could not be looked at; what
    /// the index holds under it must be kept.
    Unreadable {
        /// The folder or file, as the walk reached it.
        path: PathBuf,
        /// The error the system gave.
        why: std::io::Error,
    },
    /// A symbolic link that leads back into a folder above it.
    Loop {
        /// The link that closes the loop.
        path: PathBuf,
        /// The folder above it that it leads back to.
        ancestor: PathBuf,
    },
    /// A path named on the command line that is not a regular file or folder.
    NotRegular {
        /// The path as named on the command line.
        path: PathBuf,
        /// What kind of file it is instead.
        what: Special,
    },
}

impl std::fmt::Display for WalkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WalkProblem::Unreadable { why, .. } => {
                write!(f, "{}; its indexed documents are kept", io_reason(why))
            }
            WalkProblem::Loop { ancestor, .. } => write!(
                f,
                "symbolic link loop: it leads back to {}",
                ancestor.display()
            ),
            WalkProblem::NotRegular { what, .. } => {
                write!(f, "{}", crate::extract::ExtractError::NotRegular(*what))
            }
        }
    }
}

/// An I/O error in words a user can act on.
pub use crate::extract::io_reason;

/// What a walk found.
pub struct Walked {
    /// Regular files, sorted, canonical.
    pub found: Vec<Found>,
    /// What could not be taken, with where.
    pub problems: Vec<WalkProblem>,
}

/// Walk files and folders recursively, skipping hidden files, what `.gitignore`,
/// `.ignore` or `.docketeerignore` exclude, and the `exclude` folders (the index
/// itself). A path given explicitly is always taken, hidden or not.
pub fn walk(inputs: &[PathBuf], exclude: &[PathBuf]) -> Walked {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        // Walk the canonical path so the excluded folders compare equal.
        let start = std::fs::canonicalize(input).unwrap_or_else(|_| input.clone());
        let mut builder = ignore::WalkBuilder::new(&start);
        let skip = exclude.to_vec();
        builder
            .hidden(true)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(false)
            .require_git(false)
            .add_custom_ignore_filename(".docketeerignore")
            .follow_links(true)
            .filter_entry(move |e| !skip.iter().any(|x| e.path() == x) && !is_index_dir(e));
        for entry in builder.build() {
            match entry {
                Ok(e) => {
                    let Some(t) = e.file_type() else { continue };
                    if t.is_dir() {
                        continue;
                    }
                    if !t.is_file() {
                        // Inside a folder a FIFO or socket is passed over quietly, as
                        // ripgrep does; one named on the command line is reported.
                        if e.depth() == 0 {
                            let meta = std::fs::metadata(e.path());
                            let what = match meta.map(|m| crate::extract::regular_file(&m)) {
                                Ok(Err(crate::extract::ExtractError::NotRegular(s))) => s,
                                _ => Special::Other,
                            };
                            problems.push(WalkProblem::NotRegular {
                                path: e.path().to_path_buf(),
                                what,
                            });
                        }
                        continue;
                    }
                    match stat(e.path()) {
                        Ok(f) => found.push(f),
                        Err(why) => problems.push(WalkProblem::Unreadable {
                            path: e.path().to_path_buf(),
                            why,
                        }),
                    }
                }
                Err(err) => problems.push(walk_problem(err, input)),
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found.dedup_by(|a, b| a.path == b.path);
    Walked { found, problems }
}

/// Whether a folder holds a Docketeer index (its schema copy): another index inside
/// the folder being indexed is data of Docketeer's, not filings.
fn is_index_dir(e: &ignore::DirEntry) -> bool {
    e.file_type().is_some_and(|t| t.is_dir())
        && e.path().join(crate::index::schema::SCHEMA_COPY).is_file()
        && e.path().join("meta.json").is_file()
}

/// Turn the walker's error into a typed problem with its path.
fn walk_problem(err: ignore::Error, input: &Path) -> WalkProblem {
    let mut path = input.to_path_buf();
    let mut err = err;
    loop {
        match err {
            ignore::Error::WithPath {
                path: p,
                err: inner,
            } => {
                path = p;
                err = *inner;
            }
            ignore::Error::WithDepth { err: inner, .. } => err = *inner,
            ignore::Error::WithLineNumber { err: inner, .. } => err = *inner,
            ignore::Error::Loop { ancestor, child } => {
                return WalkProblem::Loop {
                    path: child,
                    ancestor,
                };
            }
            ignore::Error::Io(why) => return WalkProblem::Unreadable { path, why },
            other => {
                return WalkProblem::Unreadable {
                    path,
                    why: std::io::Error::other(other.to_string()),
                };
            }
        }
    }
}

fn stat(path: &Path) -> Result<Found, std::io::Error> {
    let path = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&path)?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(Found {
        path,
        size: meta.len(),
        mtime,
    })
}

/// Absolute form of the roots, used to decide which indexed paths a run is responsible for.
pub fn roots(inputs: &[PathBuf]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect()
}
