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

impl Store {
    /// Open the index at `dir`, creating it if it does not exist yet.
    pub fn open_or_create(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create index directory {}", dir.display()))?;
        if dir.join("meta.json").exists() {
            return Store::open(dir);
        }
        let spec = SchemaSpec::bundled()?;
        let schema = spec.to_tantivy()?;
        let mmap = MmapDirectory::open(dir)
            .with_context(|| format!("cannot open index directory {}", dir.display()))?;
        let index = match Index::create(mmap, schema, tantivy::IndexSettings::default()) {
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

    /// Open an existing index; a missing one is an error that says how to build it.
    pub fn open(dir: &Path) -> Result<Store> {
        if !dir.join("meta.json").exists() {
            bail!(
                "no index at {} (build one with `docketeer index PATH...`, or point --index at it)",
                dir.display()
            );
        }
        let index = Index::open_in_dir(dir)
            .with_context(|| format!("cannot open the index at {}", dir.display()))?;
        let copy = std::fs::read_to_string(dir.join(SCHEMA_COPY)).unwrap_or_default();
        if copy != SCHEMA_TOML {
            let bundled = SchemaSpec::bundled()?.to_tantivy()?;
            if index.schema() != bundled {
                bail!(
                    "the index at {} was built with a different schema; delete it and re-run `docketeer index`",
                    dir.display()
                );
            }
        }
        let spec = SchemaSpec::bundled()?;
        Store::finish(dir, index, spec)
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
