//! Where an index lives on disk and how it is opened.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use tantivy::Index;
use tantivy::directory::MmapDirectory;

use super::schema::{Fields, SCHEMA_COPY, SCHEMA_TOML, SchemaSpec};

/// An open index with its schema resolved.
pub struct Store {
    /// The index directory.
    pub dir: PathBuf,
    /// The tantivy index.
    pub index: Index,
    /// The schema file the index was built with.
    pub spec: SchemaSpec,
    /// The fields the code uses, resolved.
    pub fields: Fields,
}

/// How a new index stores its documents: zstd rather than tantivy's default lz4. The
/// stored body is most of the doc store and the doc store most of the index; zstd at
/// level 3 makes it markedly smaller, and a hit still decompresses only the 16 KiB
/// block that holds it. An existing index keeps the settings it was created with.
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(3),
        }),
        ..tantivy::IndexSettings::default()
    }
}

/// The index directory used when `--index` is not given: `$DOCKETEER_INDEX`, else
/// `$XDG_DATA_HOME/docketeer/index`, else `~/.local/share/docketeer/index`.
pub fn default_index_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DOCKETEER_INDEX").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("docketeer").join("index")
}

/// How to start over, said whenever an index cannot be used.
fn rebuild_hint(dir: &Path) -> String {
    format!(
        "rebuild it with `docketeer index --rebuild --index {} PATH...` (this deletes it and indexes PATH again)",
        dir.display()
    )
}

/// Why an index directory cannot be used, said in terms of what to do.
fn unusable(dir: &Path, what: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "the index at {} {what}; {}",
        dir.display(),
        rebuild_hint(dir)
    )
}

/// An I/O error on the index directory, in words a user can act on.
fn dir_error(dir: &Path, action: &str, e: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!(
        "cannot {action} the index directory {}: {}",
        dir.display(),
        super::walk::io_reason(e)
    )
}

/// Whether a file name is one tantivy or Docketeer writes into an index directory.
fn is_index_file(name: &str) -> bool {
    const EXT: &[&str] = &[
        "idx",
        "pos",
        "term",
        "store",
        "fast",
        "fieldnorm",
        "del",
        "json",
        "lock",
    ];
    name == "meta.json"
        || name == ".managed.json"
        || name.starts_with(".tantivy-")
        || name == SCHEMA_COPY
        || name.starts_with(super::indexer::LAST_RUN)
        || name
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| EXT.contains(&ext) && stem.len() >= 32)
}

impl Store {
    /// Open the index at `dir` for `index`: create it when the directory is missing or
    /// empty; refuse (never overwrite) a directory that holds something else or a
    /// damaged index.
    pub fn open_or_create(dir: &Path) -> Result<Store> {
        match std::fs::metadata(dir) {
            Ok(m) if !m.is_dir() => bail!(
                "the index path {} is a file, not a directory; give --index a directory",
                dir.display()
            ),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(dir_error(dir, "open", &e)),
        }
        std::fs::create_dir_all(dir).map_err(|e| dir_error(dir, "create", &e))?;
        if dir.join("meta.json").exists() {
            let store = Store::open(dir)?;
            store.check_integrity()?;
            return Ok(store);
        }
        let entries: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| dir_error(dir, "read", &e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        if entries
            .iter()
            .any(|n| is_index_file(n) && n != ".tantivy-writer.lock" && n != ".tantivy-meta.lock")
        {
            return Err(unusable(
                dir,
                "has lost its meta.json (the list of its segments) and cannot be read",
            ));
        }
        if entries.iter().any(|n| !n.starts_with(".tantivy-")) {
            bail!(
                "{} is not empty and holds no index; give --index an empty or new directory",
                dir.display()
            );
        }
        Store::create(dir)
    }

    /// Delete the index at `dir` and create an empty one: `index --rebuild`. Only files an
    /// index holds are deleted; a directory with anything else in it is refused.
    pub fn rebuild(dir: &Path) -> Result<Store> {
        if let Ok(read) = std::fs::read_dir(dir) {
            let entries: Vec<std::fs::DirEntry> = read.filter_map(|e| e.ok()).collect();
            let foreign: Vec<String> = entries
                .iter()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !is_index_file(n))
                .collect();
            if !foreign.is_empty() {
                bail!(
                    "will not rebuild {}: it holds files that are not part of an index ({}); remove them or choose another --index",
                    dir.display(),
                    foreign.join(", ")
                );
            }
            for e in entries {
                std::fs::remove_file(e.path()).map_err(|err| dir_error(dir, "clear", &err))?;
            }
        } else if dir.exists() {
            bail!(
                "the index path {} is not a directory; give --index a directory",
                dir.display()
            );
        }
        std::fs::create_dir_all(dir).map_err(|e| dir_error(dir, "create", &e))?;
        Store::create(dir)
    }

    fn create(dir: &Path) -> Result<Store> {
        let spec = SchemaSpec::bundled()?;
        let schema = spec.to_tantivy()?;
        let mmap = MmapDirectory::open(dir)
            .with_context(|| format!("cannot open index directory {}", dir.display()))?;
        let index = match Index::create(mmap, schema, index_settings()) {
            Ok(index) => index,
            // Another indexer created it a moment ago: use theirs (its writer lock then
            // decides who writes).
            Err(tantivy::TantivyError::IndexAlreadyExists) => return Store::open(dir),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot create an index in {}", dir.display()));
            }
        };
        std::fs::write(dir.join(SCHEMA_COPY), SCHEMA_TOML)
            .with_context(|| format!("cannot write {}", dir.join(SCHEMA_COPY).display()))?;
        Store::finish(dir, index, spec)
    }

    /// Open an existing index; a missing one is an error that says how to build it, a
    /// damaged one an error that says how to rebuild it.
    pub fn open(dir: &Path) -> Result<Store> {
        if dir.is_file() {
            bail!(
                "the index path {} is a file, not a directory; give --index a directory",
                dir.display()
            );
        }
        if let Err(e) = std::fs::read_dir(dir)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            return Err(dir_error(dir, "read", &e));
        }
        if !dir.join("meta.json").exists() {
            let has_segments = std::fs::read_dir(dir).is_ok_and(|r| {
                r.filter_map(|e| e.ok())
                    .any(|e| is_index_file(&e.file_name().to_string_lossy()))
            });
            if has_segments {
                return Err(unusable(
                    dir,
                    "has lost its meta.json (the list of its segments) and cannot be read",
                ));
            }
            bail!(
                "no index at {} (build one with `docketeer index PATH...`, or point --index at it)",
                dir.display()
            );
        }
        let index = Index::open_in_dir(dir).map_err(|e| tantivy_error(dir, "is damaged", &e))?;
        let copy = std::fs::read_to_string(dir.join(SCHEMA_COPY)).unwrap_or_default();
        if copy != SCHEMA_TOML {
            let bundled = SchemaSpec::bundled()?.to_tantivy()?;
            if index.schema() != bundled {
                return Err(unusable(
                    dir,
                    "was built with a different schema (an older docketeer)",
                ));
            }
        }
        let spec = SchemaSpec::bundled()?;
        Store::finish(dir, index, spec)
    }

    /// Check every file of the last commit against its checksum, so `index` never
    /// writes into (and never reports "unchanged" for) a damaged index.
    pub fn check_integrity(&self) -> Result<()> {
        let damaged = self
            .index
            .validate_checksum()
            .map_err(|e| tantivy_error(&self.dir, "cannot be checked", &e))?;
        if !damaged.is_empty() {
            let mut names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
            names.sort();
            return Err(unusable(
                &self.dir,
                &format!("is damaged (bad checksum in {})", names.join(", ")),
            ));
        }
        // Reading the stored documents also proves the segment files are whole.
        self.index
            .reader()
            .map_err(|e| tantivy_error(&self.dir, "is damaged", &e))?;
        Ok(())
    }

    fn finish(dir: &Path, index: Index, spec: SchemaSpec) -> Result<Store> {
        spec.register_tokenizers(&index)?;
        let fields = Fields::resolve(&index.schema())?;
        Ok(Store {
            dir: dir.to_path_buf(),
            index,
            spec,
            fields,
        })
    }

    /// Bytes on disk of every file in the index directory.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// A tantivy error on opening or checking the index: permission denied as such, the
/// rest as damage with the way to rebuild.
fn tantivy_error(dir: &Path, what: &str, e: &tantivy::TantivyError) -> anyhow::Error {
    match io_kind(e) {
        Some(std::io::ErrorKind::PermissionDenied) => anyhow::anyhow!(
            "cannot open the index at {}: permission denied (run as the user who owns it, or fix its permissions)",
            dir.display()
        ),
        _ => unusable(dir, &format!("{what} ({})", short_error(e))),
    }
}

/// The kind of the operating-system error under a tantivy error, if there is one.
pub fn io_kind(e: &tantivy::TantivyError) -> Option<std::io::ErrorKind> {
    use tantivy::TantivyError as T;
    use tantivy::directory::error::{LockError, OpenDirectoryError, OpenReadError, OpenWriteError};
    match e {
        T::IoError(io) => Some(io.kind()),
        T::OpenReadError(OpenReadError::IoError { io_error, .. }) => Some(io_error.kind()),
        T::OpenDirectoryError(OpenDirectoryError::IoError { io_error, .. }) => {
            Some(io_error.kind())
        }
        T::LockFailure(LockError::IoError(io), _) => Some(io.kind()),
        T::OpenWriteError(OpenWriteError::IoError { io_error, .. }) => Some(io_error.kind()),
        T::ErrorInThread(_) | T::SystemError(_) | T::InternalError(_) => None,
        // Anything else: the first operating-system error in its chain.
        other => {
            let mut source = std::error::Error::source(other);
            while let Some(s) = source {
                if let Some(io) = s.downcast_ref::<std::io::Error>() {
                    return Some(io.kind());
                }
                source = s.source();
            }
            None
        }
    }
}

/// One line about a tantivy error, without its debug dump.
pub fn short_error(e: &tantivy::TantivyError) -> String {
    use tantivy::TantivyError as T;
    match e {
        T::IoError(io) => super::walk::io_reason(io),
        T::DataCorruption(_) => "its data is corrupt".into(),
        T::OpenReadError(tantivy::directory::error::OpenReadError::FileDoesNotExist(p)) => {
            format!("{} is missing", p.display())
        }
        T::OpenReadError(tantivy::directory::error::OpenReadError::IoError {
            io_error,
            filepath,
        }) => format!(
            "{}: {}",
            filepath.display(),
            super::walk::io_reason(io_error)
        ),
        T::OpenReadError(_) => "it was written by an incompatible version".into(),
        T::OpenDirectoryError(_) => "its directory cannot be opened".into(),
        T::IncompatibleIndex(_) => "it was written by an incompatible version".into(),
        T::SchemaError(_) => "its schema cannot be read".into(),
        _ => "it cannot be read".into(),
    }
}
