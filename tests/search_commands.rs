//! Reading search results as litigators do, on real filings from `corpus/`: counts by
//! facet over every hit, the list of cases, `show` with marked words, `-l`, `--context`,
//! `--group case`, and the generated completions, man page and syntax help.

mod common;

use common::{hit_names, root, stderr, stdout};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const FILES: &[&str] = &[
    "txt/cl-opinion_text.txt",
    "txt/eyecite-case_Democracy.txt",
    "txt/seed-cacd-immdef-order.txt",
    "txt/seed-cand-aclu-cms.txt",
    "txt/seed-casd-alotrolado-order.txt",
    "html/cap-590SE2d53.html",
    "html/cl-opinion_html.html",
    "pdf/xray-S.D.N.Y._1_18-cv-08653-VEC-SDA_252_0.pdf",
];

struct Fixture {
    dir: tempfile::TempDir,
    index: PathBuf,
    files: PathBuf,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = dir.path().join("filings");
        for f in FILES {
            let to = files.join(f);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
            std::fs::copy(root().join("corpus").join(f), &to).expect("copy a corpus filing");
        }
        let index = dir.path().join("index");
        let fx = Fixture { dir, index, files };
        let out = run(&fx, &["index", fx.files.to_str().expect("utf-8")]);
        assert!(out.status.success(), "index failed: {}", stderr(&out));
        fx
    })
}

/// Run docketeer on the fixture's index.
fn run(f: &Fixture, args: &[&str]) -> Output {
    run_in(f, "cache", args)
}

/// Run docketeer with its cache (where the last search is kept) in a folder of its own,
/// so tests running at once do not see each other's last search.
fn run_in(f: &Fixture, cache: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .args(args)
        .arg("--index")
        .arg(&f.index)
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", f.dir.path().join(cache))
        .output()
        .expect("the docketeer binary runs")
}

/// Run a command that takes no index.
fn run_plain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the docketeer binary runs")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn total(q: &str) -> u64 {
    let out = run(fixture(), &["search", "--json", "--limit", "0", q]);
    json_lines(&out)[0]["total"].as_u64().expect("total")
}

#[test]
fn count_by_counts_every_hit_not_only_the_shown_ones() {
    let f = fixture();
    let out = run(
        f,
        &[
            "search",
            "--json",
            "--limit",
            "1",
            "--count-by",
            "court",
            "--count-by",
            "YEAR",
            "order",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "one hit, then the final object");
    let last = &lines[1];
    let all = last["total"].as_u64().expect("total");
    assert!(all > 1);
    let courts = last["facets"]["court"].as_object().expect("court counts");
    let sum: u64 = courts.values().map(|v| v.as_u64().expect("count")).sum();
    assert_eq!(sum, all, "every hit has one court or is unknown");
    for (court, n) in courts.iter().filter(|(c, _)| !c.starts_with('(')) {
        assert_eq!(
            total(&format!("order court:{court}")),
            n.as_u64().expect("n"),
            "{court}"
        );
    }
    let years = last["facets"]["year"].as_object().expect("year counts");
    for (year, n) in years.iter().filter(|(y, _)| !y.starts_with('(')) {
        assert_eq!(
            total(&format!("order date:{year}")),
            n.as_u64().expect("n"),
            "{year}"
        );
    }
    // The human form prints the counts after the hits.
    let out = run(f, &["search", "--count-by", "court", "order"]);
    assert!(
        stdout(&out).lines().any(|l| l.starts_with("court: ")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn cases_lists_each_case_with_docket_court_and_dates() {
    let out = run(fixture(), &["cases", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cases = json_lines(&out);
    let by_name: BTreeMap<String, &serde_json::Value> = cases
        .iter()
        .map(|c| (c["case_name"].as_str().expect("name").to_string(), c))
        .collect();
    let aol = by_name
        .iter()
        .find(|(n, _)| n.starts_with("Al Otro Lado"))
        .map(|(_, c)| *c)
        .expect("Al Otro Lado is listed");
    assert_eq!(aol["court"], "casd");
    assert_eq!(aol["filings"], 1);
    assert_eq!(aol["first_date"], "2021-04-07");
    assert!(
        aol["docket"]
            .as_str()
            .expect("docket")
            .contains("17-cv-02366")
    );
    let filings: u64 = cases
        .iter()
        .map(|c| c["filings"].as_u64().expect("n"))
        .sum();
    assert!(
        filings as usize <= FILES.len() && cases.len() >= 5,
        "{cases:?}"
    );
}

#[test]
fn files_with_matches_prints_paths_only() {
    let f = fixture();
    let out = run(f, &["search", "-l", "asylum"]);
    assert_eq!(out.status.code(), Some(0));
    let listed: BTreeSet<String> = stdout(&out)
        .lines()
        .map(|l| {
            Path::new(l)
                .file_name()
                .expect("a path")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let hits = json_lines(&run(f, &["search", "--json", "--limit", "100", "asylum"]));
    let names: BTreeSet<String> = hit_names(&hits).into_iter().collect();
    assert_eq!(listed, names);
    assert!(
        stdout(&out)
            .lines()
            .all(|l| !l.contains(' ') || Path::new(l).exists())
    );
}

#[test]
fn context_widens_the_snippet() {
    let f = fixture();
    let snippet = |extra: &[&str]| {
        let mut args = vec!["search", "--json", "--limit", "1"];
        args.extend_from_slice(extra);
        args.push("\"protective order\"");
        let hits = json_lines(&run(f, &args));
        hits[0]["snippet"].as_str().expect("snippet").len()
    };
    assert!(snippet(&["--context", "150"]) > snippet(&[]) + 200);
}

#[test]
fn show_prints_a_page_with_marked_words_and_hit_numbers_of_the_last_search() {
    let f = fixture();
    let pdf = f
        .files
        .join("pdf/xray-S.D.N.Y._1_18-cv-08653-VEC-SDA_252_0.pdf");
    let target = format!("{}:2", pdf.display());
    let out = run(f, &["show", &target, "-q", "judicial notice"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Sweigert v. Goodman"), "{text}");
    assert!(text.contains("--- page 2 of 3 ---"), "{text}");
    assert!(!text.contains("--- page 1 of"), "{text}");
    assert!(text.contains("[[judicial]] [[notice]]"), "{text}");

    // `show N` opens hit N of the last search, at its page, marking its words.
    let out = run_in(f, "show-cache", &["search", "--json", "\"credible-fear\""]);
    let hits = json_lines(&out);
    let first = hits[0]["path"][0].as_str().expect("path").to_string();
    let out = run_in(f, "show-cache", &["show", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&first), "{text}");
    assert!(
        text.to_lowercase().contains("[[credible]]-[[fear]]"),
        "{text}"
    );

    let out = run_in(f, "show-cache", &["show", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no hit 99"), "{}", stderr(&out));
    let out = run(f, &["show", &format!("{}:9", pdf.display())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("3 pages"), "{}", stderr(&out));
}

#[test]
fn group_case_puts_each_case_under_one_heading() {
    let out = run(
        fixture(),
        &["search", "--group", "case", "--limit", "20", "court"],
    );
    let text = stdout(&out);
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("== ")).collect();
    let unique: BTreeSet<&&str> = headings.iter().collect();
    assert!(!headings.is_empty(), "{text}");
    assert_eq!(headings.len(), unique.len(), "each case once: {text}");
}

#[test]
fn completions_man_page_and_syntax_help_come_from_the_definitions() {
    for shell in ["bash", "zsh", "fish", "BASH"] {
        let out = run_plain(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("docketeer") && text.contains("count-by"),
            "{shell}"
        );
    }
    let out = run_plain(&["man"]);
    let man = stdout(&out);
    assert!(
        man.contains(".TH docketeer") && man.contains("QUERY SYNTAX"),
        "{man}"
    );
    let out = run_plain(&["help", "syntax"]);
    let help = stdout(&out);
    for form in [
        "w/5",
        "pre/5",
        "/s",
        "/p",
        "BUT NOT",
        "enforc!",
        "wom*n",
        "--count-by",
    ] {
        assert!(help.contains(form), "help syntax lacks {form}");
    }
    let out = run_plain(&["help", "nosuch"]);
    assert_eq!(out.status.code(), Some(2));
}
