//! What extraction and cleaning make of every file under a folder, for reading by eye.
//!
//! ```sh
//! cargo run --release --example dump_extraction -- corpus/ [NAME_FILTER]
//! ```
//!
//! Prints one line per file (extractor, pages, notes, scanned pages, or the error) and
//! writes `<name>.raw.txt` (pages as extracted) and `<name>.clean.txt` (the ECF header
//! read from the stamp, then the cleaned pages) to `$TMPDIR/docketeer-dump/`. For the
//! metadata of one file, `docketeer inspect --text FILE` prints the same cleaned text.

use std::path::{Path, PathBuf};

use docketeer::extract::{ExtractOptions, extract_path};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: dump_extraction FOLDER [NAME_FILTER]");
        std::process::exit(2);
    };
    let filter = args.next().unwrap_or_default();
    let out = std::env::temp_dir().join("docketeer-dump");
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {e}", out.display());
        std::process::exit(2);
    }
    let mut files = Vec::new();
    walk(Path::new(&root), &mut files);
    files.sort();
    for f in files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !name.contains(&filter) || name.ends_with(".tsv") {
            continue;
        }
        match extract_path(&f, &ExtractOptions::default()) {
            Ok(ex) => {
                println!(
                    "{}\t{}\t{} pages\t{:?}\tscanned {:?}",
                    f.display(),
                    ex.method,
                    ex.pages.len(),
                    ex.notes,
                    ex.scanned_pages
                );
                let clean = docketeer::clean::clean_pages(&ex.pages);
                write(
                    &out.join(format!("{name}.raw.txt")),
                    &ex.pages.join("\n<<<PAGE>>>\n"),
                );
                write(
                    &out.join(format!("{name}.clean.txt")),
                    &format!("{:?}\n{}", clean.ecf, clean.pages.join("\n<<<PAGE>>>\n")),
                );
            }
            Err(e) => println!("{}\tERR {e:?}", f.display()),
        }
    }
    eprintln!("texts written to {}", out.display());
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        if dir.is_file() {
            files.push(dir.to_path_buf());
        }
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else {
            files.push(p);
        }
    }
}

fn write(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("cannot write {}: {e}", path.display());
    }
}
