//! What finding a filing's court costs, for `bench/court_bench.sh`.
//!
//!     court_match none            start and exit, no court looked up
//!     court_match extract FILE... read the files only (the baseline for `first`)
//!     court_match first FILE...   find the court of each file's head once (a process
//!                                 that needs courts: the table loads, patterns compile)
//!     court_match phases FILE...  time the table load, the court lines and the rest
//!     court_match repeat N FILE.. find the courts N times over and print the mean time
//!                                 a filing (an indexing run, patterns compiled)

use std::time::Instant;

use docketeer::extract::{ExtractOptions, extract_path};
use docketeer::metadata::court;

fn heads(files: &[String]) -> Vec<String> {
    files
        .iter()
        .filter_map(|f| extract_path(std::path::Path::new(f), &ExtractOptions::default()).ok())
        .map(|ex| {
            let clean = docketeer::clean::clean_pages(&ex.pages);
            let mut head: String = clean
                .pages
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n");
            head.truncate(court::floor_char_pub(&head, 8 * 1024));
            head
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => {
            println!("{} heads", heads(&args[1..]).len());
        }
        Some("phases") => {
            let hs = heads(&args[1..]);
            let t0 = Instant::now();
            let _ = docketeer::metadata::courts_db::table();
            let load = t0.elapsed();
            let t1 = Instant::now();
            for h in &hs {
                let _ = docketeer::metadata::court_header::find(h);
            }
            let lines = t1.elapsed();
            let t2 = Instant::now();
            for h in &hs {
                let _ = court::find_court(h);
            }
            println!(
                "table load {load:?}, court lines (first use) {lines:?}, rest of find_court (first use) {:?}",
                t2.elapsed()
            );
        }
        Some("first") => {
            let hs = heads(&args[1..]);
            let found = hs.iter().filter(|h| court::find_court(h).is_some()).count();
            println!("{found}/{} courts found", hs.len());
        }
        Some("repeat") => {
            let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10);
            let hs = heads(&args[2..]);
            // Warm: the patterns a run needs compile on first use.
            for h in &hs {
                let _ = court::find_court(h);
            }
            let t0 = Instant::now();
            for _ in 0..n {
                for h in &hs {
                    let _ = court::find_court(h);
                }
            }
            let per = t0.elapsed() / (n * hs.len().max(1)) as u32;
            let t1 = Instant::now();
            for _ in 0..n {
                for h in &hs {
                    let _ = docketeer::metadata::court_header::find(h);
                }
            }
            let table = t1.elapsed() / (n * hs.len().max(1)) as u32;
            println!(
                "{} filings x {n}: {per:?} a filing (court table lines alone: {table:?})",
                hs.len()
            );
        }
        _ => {}
    }
}
