//! `docketeer show TARGET`: a filing's metadata and the cleaned text of one page (or all
//! pages) with the words of a query marked, through a pager on a terminal. The target is
//! a path, `path:page`, or the number of a hit of the last search, which `search` records
//! in the cache directory.

use anyhow::{Context, Result, anyhow, bail};
use serde::{Deserialize, Serialize};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use crate::cli::ShowArgs;
use crate::index::document::{PAGE_BREAK, StoredDoc};
use crate::index::store::Store;
use crate::output::human;
use crate::search::{SearchRequest, highlight, query};

/// What `show N` needs of the last search.
#[derive(Debug, Serialize, Deserialize)]
pub struct LastSearch {
    pub index: PathBuf,
    pub query: String,
    pub exact: bool,
    /// Path and page of each hit, in rank order.
    pub hits: Vec<(String, Option<usize>)>,
}

/// Where the last search is recorded: `$XDG_CACHE_HOME/docketeer`, else `~/.cache/docketeer`.
fn last_search_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".cache"))
        })?;
    Some(base.join("docketeer").join("last-search.json"))
}

/// Record a search for `show N`. A cache that cannot be written only disables `show N`.
pub fn save_last(last: &LastSearch) {
    let Some(file) = last_search_file() else {
        return;
    };
    let write = || -> Result<()> {
        std::fs::create_dir_all(file.parent().context("cache file has a folder")?)?;
        let tmp = file.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec(last)?)?;
        std::fs::rename(&tmp, &file)?;
        Ok(())
    };
    let _ = write();
}

fn load_last() -> Result<LastSearch> {
    let file = last_search_file().ok_or_else(|| anyhow!("no cache directory (set HOME)"))?;
    let text = std::fs::read_to_string(&file).with_context(|| {
        format!(
            "no last search recorded in {}; run `docketeer search` first",
            file.display()
        )
    })?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is damaged; run `docketeer search` again",
            file.display()
        )
    })
}

/// PATH, PATH:PAGE or N, resolved to a path, a page and the query to mark.
fn resolve(args: &ShowArgs) -> Result<(PathBuf, Option<usize>, String, bool)> {
    let t = args.target.as_str();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && !Path::new(t).exists() {
        let n: usize = t
            .parse()
            .map_err(|_| anyhow!("hit number `{t}` is too large"))?;
        let last = load_last()?;
        let (path, page) = n
            .checked_sub(1)
            .and_then(|i| last.hits.get(i))
            .ok_or_else(|| {
                anyhow!(
                    "the last search (`{}`) showed {} hits; there is no hit {n}",
                    last.query,
                    last.hits.len()
                )
            })?
            .clone();
        let query = args.query.clone().unwrap_or(last.query);
        return Ok((PathBuf::from(path), page, query, last.exact));
    }
    let query = match &args.query {
        Some(q) => q.clone(),
        None => load_last().map(|l| l.query).unwrap_or_default(),
    };
    if Path::new(t).exists() {
        return Ok((PathBuf::from(t), None, query, false));
    }
    if let Some((path, page)) = t.rsplit_once(':')
        && let Ok(page) = page.parse::<usize>()
    {
        return Ok((PathBuf::from(path), Some(page), query, false));
    }
    bail!("{t}: no such file; give a PATH, PATH:PAGE or the number of a hit of the last search")
}

/// The stored document of the filing at `path`.
fn find(store: &Store, path: &Path) -> Result<StoredDoc> {
    let reader = store
        .index
        .reader()
        .context("cannot open the index for reading")?;
    let searcher = reader.searcher();
    let mut candidates = vec![path.to_path_buf()];
    if let Ok(abs) = std::path::absolute(path) {
        candidates.push(abs);
    }
    if let Ok(canon) = path.canonicalize() {
        candidates.push(canon);
    }
    for p in candidates {
        let term = Term::from_field_text(store.fields.path, &p.to_string_lossy());
        let q = TermQuery::new(term, IndexRecordOption::Basic);
        if let Some((_, addr)) = searcher
            .search(&q, &TopDocs::with_limit(1))?
            .into_iter()
            .next()
        {
            let doc: TantivyDocument = searcher.doc(addr).context("cannot read the filing")?;
            return Ok(StoredDoc::read(&store.fields, &doc, true));
        }
    }
    bail!(
        "{} is not in the index; index it with `docketeer index {}`",
        path.display(),
        path.display()
    )
}

pub fn run(args: ShowArgs) -> Result<i32> {
    let store = Store::open(&super::index_dir(&args.index))?;
    let (path, page, query_text, exact) = resolve(&args)?;
    let mut doc = find(&store, &path)?;
    let body = doc.body.take().unwrap_or_default();
    let pages: Vec<&str> = body.split(PAGE_BREAK).collect();
    if let Some(p) = page
        && (p == 0 || p > pages.len())
    {
        bail!(
            "{} has {} pages; there is no page {p}",
            path.display(),
            pages.len()
        );
    }
    let marker = if query_text.trim().is_empty() {
        None
    } else {
        let reader = store.index.reader()?;
        let req = SearchRequest {
            query: query_text.clone(),
            exact,
            ..SearchRequest::default()
        };
        Some(query::build_with(&store, &reader.searcher(), &req)?)
    };
    let color = args.color.enabled();
    let mut text = Vec::new();
    human::filing_header(&mut text, &doc, color)?;
    for (i, content) in pages.iter().enumerate() {
        if page.is_some_and(|p| p != i + 1) {
            continue;
        }
        let ranges = match &marker {
            Some(q) => highlight::ranges(&store, &**q, content)?,
            None => Vec::new(),
        };
        human::page(&mut text, i + 1, pages.len(), content, &ranges, color)?;
    }
    page_out(&text, args.no_pager)?;
    Ok(0)
}

/// Through `$PAGER` (else `less -R`) on a terminal; straight to stdout otherwise.
fn page_out(text: &[u8], no_pager: bool) -> Result<()> {
    let stdout = std::io::stdout();
    if !no_pager && stdout.is_terminal() {
        let pager = std::env::var("PAGER")
            .ok()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| "less -R".to_string());
        let mut words = pager.split_whitespace();
        if let Some(program) = words.next()
            && let Ok(mut child) = std::process::Command::new(program)
                .args(words)
                .stdin(std::process::Stdio::piped())
                .spawn()
        {
            if let Some(mut stdin) = child.stdin.take() {
                // The reader quitting early closes the pipe: not an error.
                let _ = stdin.write_all(text);
            }
            child.wait().context("the pager failed")?;
            return Ok(());
        }
    }
    let mut out = stdout.lock();
    out.write_all(text)?;
    out.flush()?;
    Ok(())
}
