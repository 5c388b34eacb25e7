//! The juriscraper docket-sheet fixtures, read from their compressed archive.
#![allow(dead_code)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;

/// One fixture sheet: its page and juriscraper's parse of it.
pub struct Sheet {
    pub name: String,
    /// The court id the file name starts with (`azb` of `azb_13`).
    pub court: String,
    pub html: String,
    pub expected: Value,
}

/// Every sheet of `tests/data/dockets/juriscraper.tar.gz`, in name order.
pub fn load() -> Vec<Sheet> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/dockets/juriscraper.tar.gz"
    );
    let file = std::fs::File::open(path).expect("fixture archive present");
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut html: BTreeMap<String, String> = BTreeMap::new();
    let mut json: BTreeMap<String, Value> = BTreeMap::new();
    for entry in archive.entries().expect("readable archive") {
        let mut entry = entry.expect("readable entry");
        let p = entry.path().expect("path").to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("readable file");
        if let Some(stem) = p.strip_suffix(".expected.json") {
            json.insert(
                stem.to_string(),
                serde_json::from_slice(&bytes).expect("valid json"),
            );
        } else if let Some(stem) = p.strip_suffix(".html") {
            html.insert(
                stem.to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            );
        }
    }
    html.into_iter()
        .filter_map(|(stem, h)| {
            let expected = json.remove(&stem)?;
            let name = stem.rsplit('/').next().unwrap_or(&stem).to_string();
            let court = name.split(['_', '.']).next().unwrap_or(&name).to_string();
            Some(Sheet {
                name,
                court,
                html: h,
                expected,
            })
        })
        .collect()
}
