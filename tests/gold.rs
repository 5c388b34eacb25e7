//! Per-field accuracy of metadata extraction against the hand-checked GOLD.tsv.
//!
//! Every GOLD file goes through `filing::read`, the pipeline `index` and `inspect` run.
//! Values are compared loosely (case, punctuation, whitespace, `v.`/`vs.`); parties as sets per side; docket numbers by canonical key,
//! every gold number having to be among ours. An empty gold value means "nothing" and
//! counts as right only when we also give nothing.

#[path = "common/gold.rs"]
mod gold_common;

use docketeer::metadata::docket;
use gold_common::{load_gold, loose, metadata_of_rows, same_set};

const FIELDS: [(&str, f64); 7] = [
    ("docket", 0.99),
    ("court", 0.98),
    ("case_name", 0.92),
    ("parties", 0.92),
    ("judge", 0.92),
    ("date", 0.97),
    ("doc_type", 0.90),
];

fn opt_eq(gold: &str, got: Option<&str>, f: impl Fn(&str) -> String) -> bool {
    match got {
        None => gold.trim().is_empty(),
        Some(g) => f(gold) == f(g),
    }
}

#[test]
fn gold_accuracy() {
    let rows = load_gold();
    let mut right = [0usize; FIELDS.len()];
    let mut misses: Vec<String> = Vec::new();
    let metas = metadata_of_rows(&rows);
    for (row, md) in rows.iter().zip(metas) {
        let ours: Vec<String> = md.dockets.iter().map(|d| d.canonical.clone()).collect();
        let gold_keys: Vec<String> = row
            .case_number
            .split(" | ")
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| docket::normalize(s).map(|d| d.canonical))
            .collect();
        let docket_ok = if gold_keys.is_empty() {
            ours.is_empty()
        } else {
            gold_keys.iter().all(|k| ours.contains(k))
        };
        let checks = [
            docket_ok,
            opt_eq(&row.court, md.court.as_ref().map(|c| c.id.as_str()), |s| {
                s.to_string()
            }),
            opt_eq(&row.case_name, md.case_name.as_deref(), loose),
            same_set(&row.plaintiffs, &md.plaintiffs) && same_set(&row.defendants, &md.defendants),
            opt_eq(&row.judge, md.judge.as_deref(), loose),
            opt_eq(&row.date, md.date.as_deref(), |s| s.to_string()),
            opt_eq(&row.doc_type, md.doc_type.as_deref(), |s| s.to_string()),
        ];
        let gold_vals = [
            row.case_number.clone(),
            row.court.clone(),
            row.case_name.clone(),
            format!("{} || {}", row.plaintiffs, row.defendants),
            row.judge.clone(),
            row.date.clone(),
            row.doc_type.clone(),
        ];
        let our_vals = [
            ours.join(" | "),
            md.court.as_ref().map(|c| c.id.clone()).unwrap_or_default(),
            md.case_name.clone().unwrap_or_default(),
            format!(
                "{} || {}",
                md.plaintiffs.join(" ; "),
                md.defendants.join(" ; ")
            ),
            md.judge.clone().unwrap_or_default(),
            md.date.clone().unwrap_or_default(),
            md.doc_type.clone().unwrap_or_default(),
        ];
        for (i, ok) in checks.iter().enumerate() {
            if *ok {
                right[i] += 1;
            } else {
                misses.push(format!(
                    "  {:<10} {:<48} gold={:?} ours={:?}",
                    FIELDS[i].0, row.file, gold_vals[i], our_vals[i]
                ));
            }
        }
    }
    misses.sort();
    eprintln!("misses:\n{}", misses.join("\n"));
    let n = rows.len() as f64;
    let mut failed = Vec::new();
    eprintln!(
        "\n{:<10} {:>6} {:>8} {:>9}",
        "field", "right", "accuracy", "threshold"
    );
    for (i, (name, min)) in FIELDS.iter().enumerate() {
        let acc = right[i] as f64 / n;
        eprintln!(
            "{:<10} {:>3}/{:<2} {:>7.1}% {:>8.0}%",
            name,
            right[i],
            rows.len(),
            acc * 100.0,
            min * 100.0
        );
        if acc < *min {
            failed.push(format!("{name} {:.1}% < {:.0}%", acc * 100.0, min * 100.0));
        }
    }
    assert!(failed.is_empty(), "below threshold: {}", failed.join(", "));
}
