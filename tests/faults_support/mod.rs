//! Helpers of the fault-injection suites (`tests/faults_*.rs`): run the real binary
//! on copies of in-repository filings, as another user when a test needs permissions
//! to bite (root reads everything), and wait on observable events, never on sleeps
//! alone.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest any single wait may take before a test calls it a hang.
pub const HANG: Duration = Duration::from_secs(180);

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A filing in the repository's corpus (`corpus/...`) or test data (`tests/data/...`).
pub fn repo_file(rel: &str) -> PathBuf {
    let p = root().join(rel);
    assert!(
        p.is_file(),
        "{} is missing from the repository",
        p.display()
    );
    p
}

/// A temporary directory every user can enter (the tests may run the binary as
/// `nobody`), removed on drop.
pub fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    chmod(dir.path(), 0o777);
    dir
}

pub fn chmod(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Make a tree readable and writable by everyone (for runs as `nobody`).
pub fn open_up(p: &Path) {
    chmod(p, if p.is_dir() { 0o777 } else { 0o666 });
    if p.is_dir() {
        for e in std::fs::read_dir(p).expect("read_dir") {
            open_up(&e.expect("entry").path());
        }
    }
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A command running docketeer; as `nobody` when `as_other_user` and this process is
/// root (so that permissions apply), otherwise as this user.
pub fn command(as_other_user: bool) -> Command {
    let bin = env!("CARGO_BIN_EXE_docketeer");
    let mut cmd = if as_other_user && is_root() {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            bin,
        ]);
        c
    } else {
        Command::new(bin)
    };
    cmd.env("NO_COLOR", "1").stdin(Stdio::null());
    cmd
}

/// Whether runs as another user are possible here (root needs `setpriv`).
pub fn can_drop_privileges() -> bool {
    !is_root()
        || Command::new("setpriv")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
}

/// Run docketeer with `args` to completion.
pub fn run(args: &[&str]) -> Output {
    command(false).args(args).output().expect("docketeer runs")
}

/// Run docketeer as another user (see [`command`]).
pub fn run_as_other(args: &[&str]) -> Output {
    command(true).args(args).output().expect("docketeer runs")
}

pub fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `index PATH --index IDX` plus `extra` flags.
pub fn index(idx: &Path, path: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["index", s(path), "--index", s(idx)];
    args.extend_from_slice(extra);
    run(&args)
}

/// The summary line of an index run.
pub fn summary(o: &Output) -> String {
    err(o)
        .lines()
        .find(|l| l.contains(" added, "))
        .unwrap_or_else(|| panic!("no summary line in:\n{}", err(o)))
        .to_owned()
}

/// A count from the summary line, e.g. `count(&o, "unchanged")`.
pub fn count(o: &Output, what: &str) -> usize {
    let line = summary(o);
    let at = line
        .find(&format!(" {what}"))
        .unwrap_or_else(|| panic!("no `{what}` in {line}"));
    line[..at]
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before `{what}` in {line}"))
}

/// Every path of every exported document, with how many documents name it.
pub fn exported_paths(idx: &Path) -> BTreeMap<String, usize> {
    let o = run(&["export", "--no-body", "--index", s(idx)]);
    assert_eq!(o.status.code(), Some(0), "export: {}", err(&o));
    let mut paths = BTreeMap::new();
    for l in out(&o).lines() {
        let d: serde_json::Value = serde_json::from_str(l).expect("export json line");
        for p in d["path"].as_array().expect("path") {
            *paths
                .entry(p.as_str().expect("path").to_string())
                .or_insert(0) += 1;
        }
    }
    paths
}

/// Every exported document as JSON (no body).
pub fn exported(idx: &Path) -> Vec<serde_json::Value> {
    let o = run(&["export", "--no-body", "--index", s(idx)]);
    assert_eq!(o.status.code(), Some(0), "export: {}", err(&o));
    out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("export json line"))
        .collect()
}

/// Paths of the hits of a query (`--json`).
pub fn hits(idx: &Path, query: &str) -> Vec<String> {
    let o = run(&[
        "search",
        "--json",
        "--limit",
        "100",
        query,
        "--index",
        s(idx),
    ]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "search {query}: {}",
        err(&o)
    );
    out(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json hit");
            v["path"][0].as_str().expect("hit path").to_owned()
        })
        .collect()
}

/// Every file of the index directory with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("index dir")
        .map(|e| e.expect("entry"))
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read index file"),
            )
        })
        .collect()
}

/// Start `docketeer index` in the background, stderr to `log`.
pub fn spawn_index(idx: &Path, args: &[&str], log: &Path) -> Child {
    command(false)
        .arg("index")
        .args(args)
        .arg("--index")
        .arg(idx)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).expect("log file"))
        .spawn()
        .expect("the docketeer binary starts")
}

/// Wait for a child to end, failing the test on a hang.
pub fn wait(child: &mut Child, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return st;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("{what} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Wait until `cond` holds, or the child ends (returns false), failing on a hang.
pub fn wait_for(child: &mut Child, what: &str, mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if cond() {
            return true;
        }
        if child.try_wait().expect("try_wait").is_some() {
            return cond();
        }
        assert!(start.elapsed() < HANG, "waited too long for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// tantivy's meta.json: live documents of the last commit and its opstamp.
pub fn commit_state(idx: &Path) -> Option<(u64, u64)> {
    let text = std::fs::read_to_string(idx.join("meta.json")).ok()?;
    // Caught between truncate and write: the caller tries again.
    let meta: serde_json::Value = serde_json::from_str(&text).ok()?;
    let docs = meta["segments"]
        .as_array()?
        .iter()
        .map(|s| {
            let max = s["max_doc"].as_u64().unwrap_or(0);
            let del = s["deletes"]["num_deleted_docs"].as_u64().unwrap_or(0);
            max - del
        })
        .sum();
    Some((docs, meta["opstamp"].as_u64()?))
}

/// Send a signal to a child.
pub fn signal(child: &Child, sig: i32) {
    // SAFETY: kill(2) on our own child's pid.
    unsafe {
        libc::kill(child.id() as libc::pid_t, sig);
    }
}

/// A text filing of the corpus with a unique word appended.
pub fn write_text_filing(path: &Path, src: &str, token: &str) {
    let mut text = std::fs::read_to_string(repo_file(src)).expect("read corpus file");
    text.push_str(&format!("\n\nClerk's reference {token}.\n"));
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write filing");
}

/// Processes whose command line mentions `needle` (read from /proc).
pub fn processes_mentioning(needle: &str) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(needle))
        })
        .collect()
}
