//! Finding the files to index under the paths a user gives.

use std::path::{Path, PathBuf};

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

/// Walk files and folders recursively, skipping hidden files and what `.gitignore`,
/// `.ignore` or `.docketeerignore` exclude. A path given explicitly is always taken, hidden
/// or not. Unreadable entries come back as errors so the caller can name them.
pub fn walk(inputs: &[PathBuf]) -> (Vec<Found>, Vec<(PathBuf, String)>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let mut builder = ignore::WalkBuilder::new(input);
        builder
            .hidden(true)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(false)
            .require_git(false)
            .add_custom_ignore_filename(".docketeerignore")
            .follow_links(true);
        for entry in builder.build() {
            match entry {
                Ok(e) => {
                    if !e.file_type().is_some_and(|t| t.is_file()) {
                        continue;
                    }
                    match stat(e.path()) {
                        Ok(f) => found.push(f),
                        Err(why) => errors.push((e.path().to_path_buf(), why)),
                    }
                }
                Err(err) => {
                    let path = match &err {
                        ignore::Error::WithPath { path, .. } => path.clone(),
                        _ => input.clone(),
                    };
                    errors.push((path, err.to_string()));
                }
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found.dedup_by(|a, b| a.path == b.path);
    (found, errors)
}

fn stat(path: &Path) -> Result<Found, String> {
    let path = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
    let meta = std::fs::metadata(&path).map_err(|e| e.to_string())?;
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
