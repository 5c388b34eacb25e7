//! Property test of the query language against a reference: random boolean queries over a
//! small vocabulary, run by the real binary on real filings from `corpus/`, must return
//! exactly the filings a direct evaluation over each file's words selects.

mod common;

use common::{root, stderr, stdout};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const FILES: &[&str] = &[
    "txt/cl-opinion_text.txt",
    "txt/eyecite-case_Democracy.txt",
    "txt/seed-cacd-immdef-order.txt",
    "txt/seed-cand-aclu-cms.txt",
    "txt/seed-casd-alotrolado-order.txt",
];

/// Words some filings hold and others do not.
const VOCABULARY: &[&str] = &[
    "asylum",
    "order",
    "class",
    "vote",
    "fees",
    "summary",
    "tracking",
    "information",
    "discovery",
    "injunction",
    "mexico",
    "privilege",
];

struct Fixture {
    _dir: tempfile::TempDir,
    index: PathBuf,
    words: BTreeMap<String, BTreeSet<String>>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = dir.path().join("filings");
        let mut words = BTreeMap::new();
        for f in FILES {
            let to = files.join(f);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
            std::fs::copy(root().join("corpus").join(f), &to).expect("copy a corpus filing");
            let text = std::fs::read_to_string(&to).expect("read");
            let set: BTreeSet<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            words.insert(name(f), set);
        }
        let index = dir.path().join("index");
        let out = Command::new(env!("CARGO_BIN_EXE_docketeer"))
            .args(["index", files.to_str().expect("utf-8")])
            .arg("--index")
            .arg(&index)
            .output()
            .expect("runs");
        assert!(out.status.success(), "index failed: {}", stderr(&out));
        Fixture {
            _dir: dir,
            index,
            words,
        }
    })
}

fn name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned()
}

/// A boolean query and its meaning.
#[derive(Debug, Clone)]
enum Q {
    Word(&'static str),
    And(Box<Q>, Box<Q>),
    Or(Box<Q>, Box<Q>),
    AndNot(Box<Q>, Box<Q>),
}

impl Q {
    /// The query as typed, in one of the equivalent spellings `style` picks.
    fn typed(&self, style: usize) -> String {
        match self {
            Q::Word(w) => format!("\"{w}\""),
            Q::And(a, b) => {
                let op = [" ", " AND ", " & "][style % 3];
                format!("({}{op}{})", a.typed(style / 3), b.typed(style / 3))
            }
            Q::Or(a, b) => format!("({} OR {})", a.typed(style / 3), b.typed(style / 3)),
            Q::AndNot(a, b) => {
                let op = [" AND NOT ", " NOT ", " % ", " BUT NOT "][style % 4];
                format!("({}{op}{})", a.typed(style / 4), b.typed(style / 4))
            }
        }
    }

    fn matches(&self, words: &BTreeSet<String>) -> bool {
        match self {
            Q::Word(w) => words.contains(*w),
            Q::And(a, b) => a.matches(words) && b.matches(words),
            Q::Or(a, b) => a.matches(words) || b.matches(words),
            Q::AndNot(a, b) => a.matches(words) && !b.matches(words),
        }
    }
}

fn query() -> impl Strategy<Value = Q> {
    let leaf = proptest::sample::select(VOCABULARY).prop_map(Q::Word);
    leaf.prop_recursive(4, 16, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Q::And(Box::new(a), Box::new(b))),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Q::Or(Box::new(a), Box::new(b))),
            (inner.clone(), inner).prop_map(|(a, b)| Q::AndNot(Box::new(a), Box::new(b))),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn boolean_queries_return_what_a_direct_evaluation_selects(q in query(), style in 0usize..64) {
        let f = fixture();
        let typed = q.typed(style);
        let out = Command::new(env!("CARGO_BIN_EXE_docketeer"))
            .args(["search", "-l", &typed, "--index"])
            .arg(&f.index)
            .output()
            .expect("runs");
        prop_assert!(matches!(out.status.code(), Some(0) | Some(1)), "{typed}: {}", stderr(&out));
        let got: BTreeSet<String> = stdout(&out).lines().map(name).collect();
        let want: BTreeSet<String> = f
            .words
            .iter()
            .filter(|(_, words)| q.matches(words))
            .map(|(n, _)| n.clone())
            .collect();
        prop_assert_eq!(got, want, "{}", typed);
    }
}
