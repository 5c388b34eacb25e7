//! How long one docket sheet of 2,000 entries takes to parse.
//!
//! Builds the sheet from a real one in the repository (`corpus/docket/js-casd.html`,
//! 45 entries) by repeating its entry rows, then parses it repeatedly and prints the
//! median and worst time. Run: `cargo run --release --example docket_parse_speed [ENTRIES]`.

use std::time::Instant;

fn main() {
    let want: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/docket/js-casd.html");
    let html = std::fs::read_to_string(path).expect("corpus/docket/js-casd.html");
    let rows: Vec<usize> = html
        .match_indices("<tr><td width='94'")
        .map(|(i, _)| i)
        .collect();
    let (first, last) = (rows[0], rows[rows.len() - 1]);
    let end = last + html[last..].find("</tr>").expect("row end") + 5;
    let block = &html[first..end];
    let per_block = rows.len();
    let mut body = String::with_capacity(block.len() * (want / per_block + 1));
    for _ in 0..want.div_ceil(per_block) {
        body.push_str(block);
    }
    let sheet = format!("{}{}{}", &html[..first], body, &html[end..]);
    let mut times = Vec::new();
    let mut entries = 0;
    for _ in 0..15 {
        let t = Instant::now();
        let s = docketeer::docket::parse_html(&sheet, None).expect("a docket sheet");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        entries = s.entries.len();
    }
    times.sort_by(f64::total_cmp);
    // The HTML tree alone, for comparison: what the reading on top of it costs.
    let mut tree = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let _ = scraper::Html::parse_document(&sheet);
        tree.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    tree.sort_by(f64::total_cmp);
    println!("HTML tree alone: median {:.1} ms", tree[tree.len() / 2]);
    println!(
        "{entries} entries, {:.1} MB: median {:.1} ms, worst {:.1} ms",
        sheet.len() as f64 / 1e6,
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
