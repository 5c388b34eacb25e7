//! Micro-benchmarks of the indexing and search hot paths, on filings bundled in
//! `corpus/`: PDF text extraction per page, cleaning, metadata per filing, court
//! lookup, query building, and a search with snippets on a warm index.
//!
//!     cargo bench --bench hot_paths [-- FILTER]
//!
//! They are not tests: `cargo test` does not build them unless asked (`--benches`).

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use docketeer::clean;
use docketeer::extract::{self, ExtractOptions};
use docketeer::index::indexer::{self, IndexOptions};
use docketeer::index::progress::{Reporter, Verbosity};
use docketeer::index::store::Store;
use docketeer::metadata::{self, court};
use docketeer::search::{self, SearchRequest};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(rel)
}

/// A 17-page appellate opinion with a text layer.
const PDF: &str = "pdf/doctor-ca1_00117684624.pdf";
/// Filings of each format for cleaning and metadata.
const FILINGS: &[&str] = &[
    PDF,
    "txt/seed-casd-alotrolado-order.txt",
    "html/cl-opinion_html.html",
];

fn extract_pdf(c: &mut Criterion) {
    let path = corpus(PDF);
    let bytes = std::fs::read(&path).expect("bundled PDF");
    let pages = extract::extract_path(&path, &ExtractOptions::default())
        .expect("bundled PDF extracts")
        .pages
        .len();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Elements(pages as u64));
    g.sample_size(20);
    g.bench_function("pdf_text_layer_per_page", |b| {
        b.iter(|| extract::pdf::pdf_extract(black_box(&bytes)))
    });
    g.finish();
}

fn clean_and_metadata(c: &mut Criterion) {
    let mut g = c.benchmark_group("filing");
    for rel in FILINGS {
        let path = corpus(rel);
        let ex = extract::extract_path(&path, &ExtractOptions::default())
            .expect("bundled filing extracts");
        let bytes: usize = ex.pages.iter().map(String::len).sum();
        let name = Path::new(rel)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(rel);
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("clean/{name}"), |b| {
            b.iter(|| clean::clean_pages(black_box(&ex.pages)))
        });
        let cleaned = clean::clean_pages(&ex.pages);
        g.bench_function(format!("metadata/{name}"), |b| {
            b.iter(|| metadata::extract_with_hint(black_box(&cleaned), ex.title.as_deref()))
        });
    }
    g.finish();
}

fn court_lookup(c: &mut Criterion) {
    let head = "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nJANE DOE,\n  Plaintiff,\nv.\nACME CORP.,\n  Defendant.\n";
    // The table compiles once per process; the first call pays for it.
    let _ = court::find_court(head);
    let mut g = c.benchmark_group("court");
    g.bench_function("find_court/filing_head", |b| {
        b.iter(|| court::find_court(black_box(head)))
    });
    // A state court's head, read through the courts-db table; the patterns it wakes
    // are compiled on the first call.
    let state = "IN THE COURT OF APPEALS OF THE STATE OF WASHINGTON\nDIVISION ONE\n\nSTATE OF WASHINGTON,\n  Respondent,\nv.\nJOHN DOE,\n  Appellant.\n";
    let _ = court::find_court(state);
    g.bench_function("find_court/state_appellate_head", |b| {
        b.iter(|| court::find_court(black_box(state)))
    });
    g.bench_function("lookup/typed_abbreviation", |b| {
        b.iter(|| court::lookup(black_box("N.D. Cal.")))
    });
    g.bench_function("query_ids/typed_id", |b| {
        b.iter(|| court::query_ids(black_box("cand"), false))
    });
    g.finish();
}

/// An index of the bundled text and HTML filings, built once in a temporary folder.
fn warm_index() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::open_or_create(&dir.path().join("index")).expect("new index");
    let opts = IndexOptions {
        inputs: vec![corpus("txt"), corpus("html")],
        extract: ExtractOptions::default(),
        memory_mb: 64,
        commit_interval: Duration::from_secs(60),
        commit_docs: 1000,
    };
    indexer::run(
        &store,
        &opts,
        &Reporter::new(Verbosity::Quiet),
        Arc::new(AtomicBool::new(false)),
    )
    .expect("bundled filings index");
    (dir, store)
}

const QUERIES: &[(&str, &str)] = &[
    ("term", "asylum"),
    ("phrase", "\"summary judgment\""),
    ("boolean", "negligence AND \"attorney's fees\""),
    ("proximity", "\"parole eligibility\"~3"),
    ("field", "court:cand"),
    ("date", "date:[2010-01-01 TO 2020-12-31]"),
];

fn request(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.into(),
        limit: 10,
        ..SearchRequest::default()
    }
}

fn query_and_search(c: &mut Criterion) {
    let (_dir, store) = warm_index();
    let reader = store.index.reader().expect("index reader");
    let searcher = reader.searcher();
    let mut g = c.benchmark_group("query");
    for (kind, q) in QUERIES {
        g.bench_function(format!("parse/{kind}"), |b| {
            b.iter(|| search::parse::parse(black_box(q)))
        });
        g.bench_function(format!("build/{kind}"), |b| {
            b.iter(|| search::query::build_with(&store, &searcher, black_box(&request(q))))
        });
    }
    g.bench_function("build/typed_court_name", |b| {
        b.iter_batched(
            || SearchRequest {
                court: Some("N.D. Cal.".into()),
                ..request("asylum")
            },
            |r| search::query::build_with(&store, &searcher, &r),
            BatchSize::SmallInput,
        )
    });
    g.finish();

    let mut g = c.benchmark_group("search_top10_with_snippets");
    g.sample_size(30);
    for (kind, q) in QUERIES {
        g.bench_function(*kind, |b| {
            b.iter(|| search::search(&store, black_box(&request(q))))
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    extract_pdf,
    clean_and_metadata,
    court_lookup,
    query_and_search
);
criterion_main!(benches);
