//! Manual inspection aid: `cargo test --test extract_dump -- --ignored` writes what
//! extraction gives for every corpus file to $TMPDIR/docketeer-dump/.

use std::path::Path;
use std::time::Instant;

use docketeer::extract::{ExtractOptions, extract_path};

#[test]
#[ignore]
fn dump_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let out = std::env::temp_dir().join("docketeer-dump");
    let _ = std::fs::create_dir_all(&out);
    let filter = std::env::var("DUMP_FILTER").unwrap_or_default();
    for dir in ["pdf", "hostile", "html", "txt", "docket"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !name.contains(&filter) || name.ends_with(".tsv") {
                continue;
            }
            let t = Instant::now();
            let r = extract_path(&f, &ExtractOptions::default());
            let ms = t.elapsed().as_millis();
            match r {
                Ok(ex) => {
                    println!(
                        "{dir}/{name}\t{ms}ms\t{}\t{} pages\t{:?}\tscanned {:?}",
                        ex.method,
                        ex.pages.len(),
                        ex.notes,
                        ex.scanned_pages
                    );
                    let clean = docketeer::clean::clean_pages(&ex.pages);
                    let _ = std::fs::write(
                        out.join(format!("{name}.raw.txt")),
                        ex.pages.join("\n<<<PAGE>>>\n"),
                    );
                    let _ = std::fs::write(
                        out.join(format!("{name}.clean.txt")),
                        format!("{:?}\n{}", clean.ecf, clean.pages.join("\n<<<PAGE>>>\n")),
                    );
                }
                Err(e) => println!("{dir}/{name}\t{ms}ms\tERR {e:?}"),
            }
        }
    }
}
