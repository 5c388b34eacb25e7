//! `push` and `search --engine quickwit` against a real 3-node Quickwit cluster on
//! 127.0.0.1: the cluster must return the same documents as the local index for every
//! kind of query, keep answering when a searcher stops, and a re-push must send only
//! what changed. The Quickwit binary comes from `QUICKWIT_BIN` (`.ci/run` sets it);
//! without it the test says it was skipped.

mod common;

use common::{root, stderr, stdout};
use docketeer::quickwit::client::Client;
use std::collections::BTreeSet;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a node may take to become ready, or the cluster to see a change.
const READY_WITHIN: Duration = Duration::from_secs(120);

/// One `quickwit run` process, in its own process group.
struct Node {
    name: &'static str,
    child: Option<Child>,
    rest: u16,
    log: PathBuf,
}

impl Node {
    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.rest)
    }

    /// Stop the node: SIGTERM to its group, SIGKILL if it is still there after a while.
    fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let group = child.id() as i32;
        signal_group(group, libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                signal_group(group, libc::SIGKILL);
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        signal_group(group, libc::SIGKILL);
        let _ = child.wait();
    }
}

fn signal_group(group: i32, sig: i32) {
    // SAFETY: kill(2) on a process group this test started; no memory is shared.
    unsafe {
        libc::kill(-group, sig);
    }
}

/// The cluster; dropping it stops every node, also when an assertion failed.
struct Cluster {
    nodes: Vec<Node>,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let failed = std::thread::panicking();
        for n in &mut self.nodes {
            // A failing run is killed at once; its logs say what the nodes saw.
            if failed {
                if let Some(c) = &n.child {
                    signal_group(c.id() as i32, libc::SIGKILL);
                }
                let log = std::fs::read_to_string(&n.log).unwrap_or_default();
                let tail: Vec<&str> = log.lines().rev().take(15).collect();
                eprintln!("--- {} log (last lines, newest first):", n.name);
                for l in tail {
                    eprintln!("{l}");
                }
            }
            n.stop();
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn start_cluster(bin: &Path, dir: &Path) -> Cluster {
    let data = dir.join("qw");
    let roles: [(&'static str, &str); 3] = [
        (
            "node1",
            "[metastore, control_plane, janitor, indexer, searcher]",
        ),
        ("node2", "[indexer, searcher]"),
        ("node3", "[searcher]"),
    ];
    let ports: Vec<(u16, u16, u16)> = roles
        .iter()
        .map(|_| (free_port(), free_port(), free_port()))
        .collect();
    let seed = format!("127.0.0.1:{}", ports[0].2);
    let mut nodes = Vec::new();
    for (i, (name, services)) in roles.iter().enumerate() {
        let (rest, grpc, gossip) = ports[i];
        let node_dir = data.join(name);
        std::fs::create_dir_all(&node_dir).expect("node dir");
        let config = format!(
            "version: 0.8\n\
             cluster_id: docketeer-test\n\
             node_id: {name}\n\
             listen_address: 127.0.0.1\n\
             rest:\n  listen_port: {rest}\n\
             grpc_listen_port: {grpc}\n\
             gossip_listen_port: {gossip}\n\
             peer_seeds: [\"{seed}\"]\n\
             enabled_services: {services}\n\
             data_dir: {}\n\
             metastore_uri: file://{}/metastore\n\
             default_index_root_uri: file://{}/indexes\n",
            node_dir.display(),
            data.display(),
            data.display()
        );
        let cfg = node_dir.join("node.yaml");
        std::fs::write(&cfg, config).expect("write node config");
        let log = node_dir.join("node.log");
        let out = std::fs::File::create(&log).expect("log file");
        let err = out.try_clone().expect("log file");
        let child = Command::new(bin)
            .args(["run", "--config"])
            .arg(&cfg)
            .env("NO_COLOR", "1")
            .env("QW_DISABLE_TELEMETRY", "1")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0)
            .spawn()
            .expect("quickwit starts");
        nodes.push(Node {
            name,
            child: Some(child),
            rest,
            log,
        });
    }
    let cluster = Cluster { nodes };
    for n in &cluster.nodes {
        wait_for(&format!("{} to be ready", n.name), || {
            minreq::get(format!("{}/health/readyz", n.endpoint()))
                .with_timeout(5)
                .send()
                .is_ok_and(|r| r.status_code == 200 && r.as_str().is_ok_and(|b| b.contains("true")))
        });
    }
    let first = Client::new(&cluster.nodes[0].endpoint()).expect("endpoint");
    wait_for("the cluster to see its 3 nodes", || {
        ready_nodes(&first) == 3
    });
    cluster
}

fn ready_nodes(c: &Client) -> usize {
    c.get("api/v1/cluster", &[])
        .ok()
        .and_then(|j| j["ready_nodes"].as_array().map(Vec::len))
        .unwrap_or(0)
}

/// Poll `ok` until it holds; fail naming `what` after [`READY_WITHIN`].
fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + READY_WITHIN;
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn docketeer(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("DOCKETEER_ENDPOINT")
        .env_remove("DOCKETEER_INDEX")
        .output()
        .expect("the docketeer binary runs")
}

/// Doc ids of a search's hits, with the exit code.
fn hits(args: &[&str]) -> (Option<i32>, Vec<String>) {
    // Quickwit cannot stem: the cluster's answers are the local index's with --exact.
    let mut all = vec!["search", "--exact", "--json", "--limit", "1000"];
    all.extend_from_slice(args);
    let out = docketeer(&all);
    let code = out.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "search {args:?} failed: {}",
        stderr(&out)
    );
    let ids = stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON hit");
            v["doc_id"].as_str().expect("doc_id").to_string()
        })
        .collect();
    (code, ids)
}

fn push(endpoint: &str, local: &Path) -> String {
    let out = docketeer(&[
        "push",
        "--quiet",
        "--endpoint",
        endpoint,
        "--local",
        local.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "push failed: {}", stderr(&out));
    stderr(&out)
}

/// Queries of every kind, each with an expectation that it matches something.
const QUERIES: &[&[&str]] = &[
    // terms
    &["asylum"],
    &["injunction"],
    &["habeas"],
    &["jurisdiction"],
    &["Mayorkas"],
    &["confidential"],
    &["sanctions"],
    // phrases
    &["\"protective order\""],
    &["\"motion to dismiss\""],
    &["\"summary judgment\""],
    &["\"due process\""],
    &["\"motion to dismiss\"~2"],
    // boolean
    &["summary AND judgment"],
    &["asylum OR refugee"],
    &["court -appeal"],
    &["court NOT appeal"],
    &["(injunction OR restraining) AND order"],
    // fields
    &["case_name:Mayorkas"],
    &["party:Mayorkas"],
    &["doc_type:order"],
    &["judge:Ryu"],
    &["title:order"],
    &["cites:\"U.S.C.\""],
    // dockets, every printed form
    &["docket:3:17-cv-02366"],
    &["docket:17-cv-2366"],
    &["docket:\"CV 20-9893 JGB (SHKx)\""],
    &["--docket", "3:17-cv-02366-BAS-KSC"],
    // courts, by id and by name
    &["court:casd"],
    &["court:\"N.D. Cal.\""],
    &["--court", "Northern District of California"],
    &["--court", "ca9"],
    // dates and ranges
    &["date:2021"],
    &["date:[2020-01-01 TO 2021-12-31]"],
    &["order", "--from", "2020-01-01", "--to", "2022-12-31"],
    &["order", "--to", "2015-01-01"],
    // flags with a query
    &["order", "--party", "Mayorkas"],
    &["order", "--type", "order", "--court", "casd"],
];

#[test]
fn a_quickwit_cluster_answers_like_the_local_index() {
    let Some(bin) = std::env::var_os("QUICKWIT_BIN").filter(|b| !b.is_empty()) else {
        eprintln!(
            "skipped: QUICKWIT_BIN is not set (.ci/run sets it when the Quickwit binary is available)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    // The bundled corpus, copied so one filing can be removed later.
    let filings = dir.path().join("filings");
    copy_dir(&root().join("corpus"), &filings);
    let local = dir.path().join("index");
    let local_s = local.to_str().expect("utf-8 path").to_string();
    let out = docketeer(&[
        "index",
        "--quiet",
        "--index",
        &local_s,
        filings.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "index failed: {}", stderr(&out));

    let mut cluster = start_cluster(Path::new(&bin), dir.path());
    let endpoint = cluster.nodes[0].endpoint();

    // 1. The first push creates the index and sends every document.
    let report = push(&endpoint, &local);
    let local_docs = count_local(&local_s);
    assert!(report.contains("created index"), "{report}");
    assert!(
        report.contains(&format!("{local_docs} sent"))
            && report.contains(&format!("{local_docs} accepted")),
        "every local document is sent and accepted: {report}"
    );

    // 2. The same documents for every kind of query: the fixed list above, and at least
    //    20 of each kind made from the filings' own words and metadata.
    let mut queries: Vec<(&str, Vec<String>)> = QUERIES
        .iter()
        .map(|q| ("listed", q.iter().map(|s| s.to_string()).collect()))
        .collect();
    queries.extend(generated_queries(&local_s));
    for kind in [
        "term", "phrase", "boolean", "field", "docket", "court", "date",
    ] {
        let n = queries.iter().filter(|(k, _)| *k == kind).count();
        assert!(n >= 20, "only {n} {kind} queries");
    }
    let mut matched = 0;
    for (kind, q) in &queries {
        let q: Vec<&str> = q.iter().map(String::as_str).collect();
        let mut l = vec!["--index", local_s.as_str()];
        l.extend_from_slice(&q);
        let (code_l, ids_l) = hits(&l);
        let mut c = vec!["--engine", "quickwit", "--endpoint", endpoint.as_str()];
        c.extend_from_slice(&q);
        let (code_c, ids_c) = hits(&c);
        let set_l: BTreeSet<_> = ids_l.iter().collect();
        let set_c: BTreeSet<_> = ids_c.iter().collect();
        assert_eq!(set_l, set_c, "{kind} query {q:?}: local and cluster differ");
        assert_eq!(code_l, code_c, "{kind} query {q:?}: exit codes differ");
        if !ids_l.is_empty() {
            matched += 1;
        }
    }
    eprintln!("{} queries compared, {matched} with hits", queries.len());
    assert!(
        matched * 10 >= queries.len() * 9,
        "only {matched} of {} queries matched anything: the comparison proves little",
        queries.len()
    );

    // Date order is the same on both (filings dated the same day may swap).
    for sort in ["newest", "oldest"] {
        let dates = |engine: &[&str]| -> Vec<String> {
            let mut a = vec![
                "search", "--exact", "--json", "--limit", "1000", "--sort", sort, "order",
            ];
            a.extend_from_slice(engine);
            stdout(&docketeer(&a))
                .lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).expect("json");
                    v["date"].as_str().unwrap_or("").to_string()
                })
                .collect()
        };
        let l = dates(&["--index", &local_s]);
        let c = dates(&["--engine", "quickwit", "--endpoint", &endpoint]);
        assert!(!l.is_empty(), "--sort {sort} finds filings");
        assert_eq!(l, c, "--sort {sort}: dates in the same order");
    }

    // Human output: the same lines (a docket matches metadata, so both show the lead).
    let human = |engine: &[&str]| -> Vec<String> {
        let mut a = vec![
            "search",
            "--limit",
            "3",
            "--sort",
            "newest",
            "docket:17-cv-2366",
        ];
        a.extend_from_slice(engine);
        stdout(&docketeer(&a)).lines().map(str::to_string).collect()
    };
    assert_eq!(
        human(&["--index", &local_s]),
        human(&["--engine", "quickwit", "--endpoint", &endpoint])
    );

    // DOCKETEER_ENDPOINT stands for --endpoint.
    let out = Command::new(env!("CARGO_BIN_EXE_docketeer"))
        .args([
            "search", "--exact", "--json", "--engine", "quickwit", "asylum",
        ])
        .env("DOCKETEER_ENDPOINT", &endpoint)
        .output()
        .expect("docketeer runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).lines().count(),
        hits(&["--index", &local_s, "asylum"]).1.len()
    );

    // A query form the cluster refuses is an error (exit 2) with Quickwit's reason.
    let bad = docketeer(&[
        "search",
        "--engine",
        "quickwit",
        "--endpoint",
        &endpoint,
        "nosuchfield:x",
    ]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("nosuchfield"), "{}", stderr(&bad));

    // 3. Re-pushing an unchanged index sends nothing and duplicates nothing.
    let report = push(&endpoint, &local);
    assert!(
        report.contains(&format!("{local_docs} already there")) && report.contains(" 0 sent"),
        "{report}"
    );
    let (_, ids) = hits(&["--engine", "quickwit", "--endpoint", &endpoint, "order"]);
    let (_, ids_l) = hits(&["--index", &local_s, "order"]);
    assert_eq!(ids.len(), ids_l.len(), "no document twice after a re-push");

    // 4. Searches still answer with a searcher node stopped.
    let through_node2 = cluster.nodes[1].endpoint();
    let (_, before) = hits(&[
        "--engine",
        "quickwit",
        "--endpoint",
        &through_node2,
        "\"protective order\"",
    ]);
    cluster.nodes[2].stop();
    let first = Client::new(&endpoint).expect("endpoint");
    wait_for("the cluster to see node3 leave", || {
        ready_nodes(&first) == 2
    });
    for ep in [&endpoint, &through_node2] {
        let (_, after) = hits(&[
            "--engine",
            "quickwit",
            "--endpoint",
            ep,
            "\"protective order\"",
        ]);
        assert_eq!(
            before.iter().collect::<BTreeSet<_>>(),
            after.iter().collect::<BTreeSet<_>>(),
            "the same answer through {ep} with a searcher down"
        );
    }

    // 5. One filing removed and one changed locally: the next push sends the new
    // version and deletes exactly the two old ones, by their fingerprints.
    let removed = filings.join("txt/seed-casd-alotrolado-order.txt");
    let changed = filings.join("txt/seed-cacd-immdef-order.txt");
    let before = fingerprints(&local_s);
    let old: BTreeSet<u64> = [&removed, &changed]
        .iter()
        .map(|p| before[&p.to_string_lossy().into_owned()])
        .collect();
    std::fs::remove_file(&removed).expect("remove a filing");
    let mut text = std::fs::read_to_string(&changed).expect("read a filing");
    text.push_str("\nAmended by stipulation zyzzogeton.\n");
    std::fs::write(&changed, text).expect("change a filing");
    let out = docketeer(&[
        "index",
        "--quiet",
        "--index",
        &local_s,
        filings.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "re-index failed: {}", stderr(&out));
    let report = push(&endpoint, &local);
    assert!(
        report.contains(&format!("{} already there", local_docs - 2))
            && report.contains(" 1 sent")
            && report.contains("2 replaced versions being deleted"),
        "{report}"
    );
    let tasks = first
        .get("api/v1/docketeer/delete-tasks", &[])
        .expect("delete tasks");
    let named: BTreeSet<u64> = tasks
        .as_array()
        .expect("a list of tasks")
        .iter()
        .flat_map(|t| {
            let q = t["delete_query"]["query_ast"]
                .as_str()
                .unwrap_or("")
                .to_string();
            q.split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        named, old,
        "the delete task names exactly the replaced versions"
    );
    let (_, new) = hits(&[
        "--engine",
        "quickwit",
        "--endpoint",
        &endpoint,
        "zyzzogeton",
    ]);
    assert_eq!(
        new.len(),
        1,
        "the changed filing's new version is searchable at once"
    );
    // A pending delete is not asked for twice.
    let report = push(&endpoint, &local);
    assert!(report.contains("0 replaced versions"), "{report}");
}

/// Fingerprint of each local document by its first path, from the Quickwit export.
fn fingerprints(index: &str) -> std::collections::HashMap<String, u64> {
    let out = docketeer(&[
        "export",
        "--engine",
        "quickwit",
        "--no-body",
        "--index",
        index,
    ]);
    assert!(out.status.success(), "export failed: {}", stderr(&out));
    stdout(&out)
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            // Docket entries carry no path of their own.
            Some((
                v["path"][0].as_str()?.to_string(),
                v["doc_hash"].as_u64().expect("doc_hash"),
            ))
        })
        .collect()
}

/// Queries of each kind made from what the local index holds: phrases a reader would
/// quote (tests/data/GOLD.tsv), their words, and the exported metadata values.
fn generated_queries(index: &str) -> Vec<(&'static str, Vec<String>)> {
    let one = |s: String| vec![s];
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    let gold = std::fs::read_to_string(root().join("tests/data/GOLD.tsv")).expect("GOLD.tsv");
    let phrases: Vec<String> = gold
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(9))
        .flat_map(|p| {
            p.split(" | ")
                .map(str::trim)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty() && !p.contains('"') && p.split(' ').count() >= 2)
        .take(25)
        .collect();
    let mut words: Vec<String> = Vec::new();
    for w in phrases.iter().flat_map(|p| p.split(' ')) {
        let w = w.to_lowercase();
        if w.len() >= 6 && w.chars().all(|c| c.is_ascii_alphabetic()) && !words.contains(&w) {
            words.push(w);
        }
    }
    words.truncate(25);
    out.extend(phrases.iter().map(|p| ("phrase", one(format!("\"{p}\"")))));
    out.extend(words.iter().map(|w| ("term", one(w.clone()))));
    for (i, pair) in words.windows(2).take(24).enumerate() {
        let q = match i % 3 {
            0 => format!("{} AND {}", pair[0], pair[1]),
            1 => format!("{} OR {}", pair[0], pair[1]),
            _ => format!("({} OR {}) -court", pair[0], pair[1]),
        };
        out.push(("boolean", one(q)));
    }

    let out_json = docketeer(&[
        "export",
        "--engine",
        "quickwit",
        "--no-body",
        "--index",
        index,
    ]);
    let docs: Vec<serde_json::Value> = stdout(&out_json)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let mut seen = BTreeSet::new();
    let mut add = |kind: &'static str, q: Vec<String>| {
        if seen.insert(q.clone()) && out.iter().filter(|(k, _)| *k == kind).count() < 25 {
            out.push((kind, q));
        }
    };
    let last_word = |s: &str| -> Option<String> {
        s.split_whitespace()
            .rev()
            .find(|w| w.len() > 2 && w.chars().all(|c| c.is_alphabetic()))
            .map(str::to_string)
    };
    for d in &docs {
        let s = |k: &str| d[k].as_str().map(str::to_string);
        let first = |k: &str| d[k][0].as_str().map(str::to_string);
        if let Some(w) = s("judge").as_deref().and_then(last_word) {
            add("field", one(format!("judge:{w}")));
        }
        if let Some(w) = first("plaintiff").as_deref().and_then(last_word) {
            add("field", one(format!("party:\"{w}\"")));
        }
        if let Some(w) = s("case_name").as_deref().and_then(last_word) {
            add("field", vec!["order".into(), "--case".into(), w]);
        }
        if let Some(raw) = first("docket_raw").filter(|r| !r.contains('"')) {
            add("docket", one(format!("docket:\"{raw}\"")));
            add("docket", vec!["--docket".into(), raw]);
        }
        if let Some(c) = s("court") {
            add("court", one(format!("court:{c}")));
        }
        if let Some(n) = s("court_name") {
            add("court", vec!["--court".into(), n]);
        }
        if let Some(day) = s("date") {
            let (y, m) = (&day[..4], &day[..7]);
            add("date", one(format!("date:{y}")));
            add("date", one(format!("date:{m}")));
            add("date", one(format!("date:[{y}-01-01 TO {}]", &day[..10])));
            add(
                "date",
                vec![
                    "--from".into(),
                    day[..10].to_string(),
                    "--to".into(),
                    format!("{y}-12-31"),
                ],
            );
        }
    }
    out
}

/// Documents of the local index (filings and docket entries), as export writes them.
fn count_local(index: &str) -> usize {
    let out = docketeer(&["export", "--no-body", "--index", index]);
    assert!(out.status.success(), "export failed: {}", stderr(&out));
    stdout(&out).lines().count()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read corpus") {
        let entry = entry.expect("entry");
        let dest = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}
