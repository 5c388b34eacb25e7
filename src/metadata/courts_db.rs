//! The table of US courts, read from `data/courts/` (derived from Free Law Project's
//! courts-db by `data/courts/generate.py`): every court with its CourtListener id, name,
//! citation form and parent, and the patterns courts-db gives for the ways its name is
//! printed.
//!
//! Compiling all ~7,000 patterns costs over a second, so nothing is compiled up front:
//! each pattern carries the words and literals every match of it contains, an
//! Aho-Corasick automaton over the words picks the few patterns a text can match, the
//! literals narrow those further, and only the rest are compiled, once each, on first
//! use. A pattern compiles to a forward Thompson NFA searched by a bounded backtracker
//! (texts here are court lines of a few hundred bytes): no reverse automaton, no
//! capture groups and no DFA are built, which makes compiling several times cheaper
//! than a full `regex::Regex`.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;
use regex_automata::nfa::thompson::backtrack::BoundedBacktracker;
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::syntax;
use regex_automata::{Input, Match};

const COURTS_TSV: &str = include_str!("../../data/courts/courts.tsv");
const PATTERNS_TSV: &str = include_str!("../../data/courts/patterns.tsv");

/// One court of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourtRow {
    /// CourtListener's id (`cand`, `ohioctapp`).
    pub id: &'static str,
    /// Full name (`Ohio Court of Appeals`).
    pub name: &'static str,
    /// The form citations print (`Ohio Ct. App.`); empty when courts-db gives none.
    pub citation: &'static str,
    /// The court this one is a division or district of.
    pub parent: Option<&'static str>,
    /// `trial`, `appellate`, `bankruptcy`, `special`, `ag`...
    pub kind: &'static str,
    /// `federal`, `state`, `tribal`...
    pub system: &'static str,
    /// courts-db's level: `colr` (court of last resort), `iac` (intermediate
    /// appellate), `gjc`, `ljc` (trial courts); empty when it gives none.
    pub level: &'static str,
    /// State or territory (`California`, `United States`).
    pub location: &'static str,
}

struct Pattern {
    court: usize,
    /// Keyword indexes every match contains.
    words: Vec<usize>,
    /// Lower-cased literals every match contains, longest first, `|` between them
    /// (split when checked: most patterns are never looked at).
    literals: &'static str,
    source: &'static str,
    anchored: OnceLock<Option<Matcher>>,
    unanchored: OnceLock<Option<Matcher>>,
}

/// One compiled pattern: the backtracker for texts it can take, the Pike VM (same NFA)
/// for longer ones.
struct Matcher {
    backtrack: BoundedBacktracker,
    pike: PikeVM,
}

impl Matcher {
    fn build(src: &str) -> Option<Matcher> {
        // Court names are ASCII: without Unicode classes a pattern compiles several
        // times faster. Case is folded by lower-casing pattern and text alike (the
        // patterns' escapes and classes are all lower-case or letter ranges), which
        // spares the parser folding every literal.
        let src = src.to_ascii_lowercase();
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .configure(
                thompson::Config::new()
                    .utf8(false)
                    .shrink(false)
                    .which_captures(WhichCaptures::Implicit)
                    .nfa_size_limit(Some(32 << 20)),
            )
            .build(&src)
            .ok()?;
        let pike = PikeVM::builder().build_from_nfa(nfa.clone()).ok()?;
        let backtrack = BoundedBacktracker::builder().build_from_nfa(nfa).ok()?;
        Some(Matcher { backtrack, pike })
    }

    /// The leftmost-first match in `hay`, as `regex` reports it.
    fn find(&self, hay: &[u8]) -> Option<Match> {
        // ASCII lower-casing keeps every byte where it was: offsets hold for `hay`.
        let hay = hay.to_ascii_lowercase();
        let input = Input::new(&hay);
        if hay.len() <= self.backtrack.max_haystack_len() {
            let mut cache = self.backtrack.create_cache();
            if let Ok(m) = self.backtrack.try_find(&mut cache, input.clone()) {
                return m;
            }
        }
        let mut cache = self.pike.create_cache();
        self.pike.find(&mut cache, input)
    }
}

impl Pattern {
    /// courts-db's look-ahead-only patterns, written `(?LOOK)+A+B-C` in the table:
    /// the text must contain every `+` part and no `-` part (any case).
    fn conditions_hold(&self, text: &str) -> Option<bool> {
        let rest = self.source.strip_prefix("(?LOOK)")?;
        let lower = text.to_lowercase();
        let mut ok = true;
        let mut i = 0;
        let b = rest.as_bytes();
        while i < b.len() {
            let want = b[i] == b'+';
            let end = rest[i + 1..]
                .find(['+', '-'])
                .map_or(rest.len(), |j| i + 1 + j);
            let part = rest[i + 1..end].to_lowercase();
            ok &= lower.contains(&part) == want;
            i = end;
        }
        Some(ok)
    }

    fn compile(&self, anchored: bool) -> Option<&Matcher> {
        let cell = if anchored {
            &self.anchored
        } else {
            &self.unanchored
        };
        cell.get_or_init(|| {
            let src = if anchored {
                format!("^(?:{})$", self.source)
            } else {
                self.source.to_string()
            };
            // A few courts-db patterns use look-around, which `regex` does not
            // have; those courts are still found by their other patterns and name.
            Matcher::build(&src)
        })
        .as_ref()
    }
}

/// The court table with its pattern index.
pub struct Table {
    rows: Vec<CourtRow>,
    by_id: HashMap<&'static str, usize>,
    children: Vec<Vec<usize>>,
    /// Built on first use: resolving what a user typed needs only the rows.
    index: OnceLock<PatternIndex>,
}

/// The patterns and the keyword automaton that wakes them.
struct PatternIndex {
    patterns: Vec<Pattern>,
    keywords: AhoCorasick,
    /// Patterns woken by each keyword, by keyword index.
    keyed: Vec<Vec<usize>>,
    /// Patterns with no literal every match contains: always tried.
    unkeyed: Vec<usize>,
}

/// A pattern's match inside a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the court in [`Table::rows`].
    pub court: usize,
    /// Byte offset in the text where the match starts.
    pub start: usize,
    /// Byte offset in the text just past the match (never equal to `start`).
    pub end: usize,
}

impl PatternIndex {
    fn load(by_id: &HashMap<&'static str, usize>) -> PatternIndex {
        let mut patterns = Vec::new();
        let mut keyword_ix: HashMap<&'static str, usize> = HashMap::new();
        let mut keywords: Vec<&'static str> = Vec::new();
        let mut keyed: Vec<Vec<usize>> = Vec::new();
        let mut unkeyed = Vec::new();
        for line in PATTERNS_TSV.lines().skip(1) {
            let mut f = line.splitn(4, '\t');
            let (Some(id), Some(keys), Some(literals), Some(source)) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let Some(&court) = by_id.get(id) else {
                continue;
            };
            let p = patterns.len();
            let words: Vec<usize> = keys
                .split(' ')
                .filter(|k| !k.is_empty())
                .map(|key| {
                    *keyword_ix.entry(key).or_insert_with(|| {
                        keywords.push(key);
                        keyed.push(Vec::new());
                        keywords.len() - 1
                    })
                })
                .collect();
            // The rarest word wakes the pattern; the others must be there too.
            match words.first() {
                Some(&k) => keyed[k].push(p),
                None => unkeyed.push(p),
            }
            patterns.push(Pattern {
                court,
                words,
                literals,
                source,
                anchored: OnceLock::new(),
                unanchored: OnceLock::new(),
            });
        }
        // The NFA builds in a fraction of a DFA's time; texts are a few KB.
        let keywords = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&keywords)
            .expect("court keywords build an automaton");
        PatternIndex {
            patterns,
            keywords,
            keyed,
            unkeyed,
        }
    }
}

static TABLE: Lazy<Table> = Lazy::new(Table::load);

/// The court table, loaded on first use.
pub fn table() -> &'static Table {
    &TABLE
}

impl Table {
    fn load() -> Table {
        let mut rows = Vec::new();
        for line in COURTS_TSV.lines().skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 8 {
                continue;
            }
            rows.push(CourtRow {
                id: f[0],
                name: f[1],
                citation: f[2],
                parent: Some(f[3]).filter(|p| !p.is_empty()),
                kind: f[4],
                system: f[5],
                level: f[6],
                location: f[7],
            });
        }
        let by_id: HashMap<&'static str, usize> =
            rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut children = vec![Vec::new(); rows.len()];
        for (i, r) in rows.iter().enumerate() {
            if let Some(p) = r.parent.and_then(|p| by_id.get(p)) {
                children[*p].push(i);
            }
        }
        Table {
            rows,
            by_id,
            children,
            index: OnceLock::new(),
        }
    }

    /// The pattern index, built once.
    fn index(&self) -> &PatternIndex {
        self.index.get_or_init(|| PatternIndex::load(&self.by_id))
    }

    /// Every court, in the table's order.
    pub fn rows(&self) -> &[CourtRow] {
        &self.rows
    }

    /// A court by its id.
    pub fn get(&self, id: &str) -> Option<&CourtRow> {
        self.by_id.get(id).map(|&i| &self.rows[i])
    }

    /// Index of a court by its id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The court and every court below it by `parent`, the court first.
    pub fn with_descendants(&self, id: &str) -> Vec<&'static str> {
        let Some(&root) = self.by_id.get(id) else {
            return Vec::new();
        };
        let mut out = vec![root];
        let mut i = 0;
        while i < out.len() {
            out.extend(self.children[out[i]].iter().copied());
            i += 1;
        }
        out.into_iter().map(|i| self.rows[i].id).collect()
    }

    /// Is `ancestor` above `court` by `parent` links?
    pub fn is_ancestor(&self, ancestor: usize, court: usize) -> bool {
        let mut cur = self.rows[court].parent;
        let mut steps = 0;
        while let Some(p) = cur {
            if self.rows[ancestor].id == p {
                return true;
            }
            steps += 1;
            if steps > 16 {
                break;
            }
            cur = self.by_id.get(p).and_then(|&i| self.rows[i].parent);
        }
        false
    }

    /// A nationwide grouping of federal courts (`usdistct`, `uscirct`): a parent
    /// in the table, never a court a filing comes from.
    pub fn is_umbrella(&self, court: usize) -> bool {
        let r = &self.rows[court];
        r.system == "federal" && r.location == "United States" && !self.children[court].is_empty()
    }

    /// The court a filing of `court` is reported under: a state court's county,
    /// district or division is reported as the court it belongs to (`nysupctkings` as
    /// `nysupct`, `calctapp2d` as `calctapp`, `ohctapp3` as `ohioctapp`), as
    /// CourtListener files their opinions; a federal court as itself.
    pub fn reported(&self, court: usize) -> usize {
        let mut best = court;
        let mut cur = court;
        for _ in 0..8 {
            let Some(p) = self.rows[cur].parent.and_then(|p| self.by_id.get(p)) else {
                break;
            };
            if self.rows[*p].system == "state" && self.rows[court].system == "state" {
                best = *p;
            }
            cur = *p;
        }
        best
    }

    /// Patterns worth trying on `text`: those whose keyword it contains, and those
    /// without a keyword.
    fn candidates(&self, text: &str) -> Vec<usize> {
        let index = self.index();
        let mut present = vec![false; index.keyed.len()];
        let mut any = false;
        for m in self.index().keywords.find_overlapping_iter(text) {
            present[m.pattern().as_usize()] = true;
            any = true;
        }
        let mut out: Vec<usize> = Vec::new();
        if any {
            for (k, &here) in present.iter().enumerate() {
                if here {
                    out.extend(
                        index.keyed[k]
                            .iter()
                            .copied()
                            .filter(|&p| index.patterns[p].words.iter().all(|&w| present[w])),
                    );
                }
            }
        }
        // A text with no court's keyword in it names no court; the patterns without a
        // keyword (abbreviations such as `E.D. Mich.`) are tried only beside one.
        if out.is_empty() {
            return out;
        }
        out.extend(index.unkeyed.iter().copied());
        // A match holds each of its pattern's literals (in any case): a pattern
        // missing one is not compiled.
        let lower = text.to_lowercase();
        out.retain(|&p| {
            index.patterns[p]
                .literals
                .split('|')
                .all(|l| l.is_empty() || lower.contains(l))
        });
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Courts whose printed name is the whole of `text` (whitespace collapsed), as
    /// courts-db's `find_court` decides: a pattern must match all of it, and a court
    /// whose child also matched gives way to the child.
    pub fn match_name(&self, text: &str) -> Vec<&CourtRow> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<usize> = Vec::new();
        for p in self.candidates(&text) {
            let pat = &self.index().patterns[p];
            let hit = match pat.conditions_hold(&text) {
                Some(ok) => ok,
                None => pat
                    .compile(true)
                    .is_some_and(|r| r.find(text.as_bytes()).is_some()),
            };
            if hit {
                hits.push(pat.court);
            }
        }
        if hits.is_empty() {
            let lower = text.to_lowercase();
            hits.extend(
                (0..self.rows.len()).filter(|&i| self.rows[i].name.to_lowercase() == lower),
            );
        }
        hits.sort_unstable();
        hits.dedup();
        let reduced: Vec<usize> = hits
            .iter()
            .copied()
            .filter(|&a| !hits.iter().any(|&b| b != a && self.is_ancestor(a, b)))
            .collect();
        reduced.into_iter().map(|i| &self.rows[i]).collect()
    }

    /// Every pattern match inside `text` (courts named within running text).
    pub fn search(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for p in self.candidates(text) {
            let pat = &self.index().patterns[p];
            if pat.conditions_hold(text) == Some(true) {
                out.push(Hit {
                    court: pat.court,
                    start: 0,
                    end: text.len(),
                });
                continue;
            }
            if let Some(m) = pat.compile(false).and_then(|r| r.find(text.as_bytes()))
                && m.end() > m.start()
            {
                out.push(Hit {
                    court: pat.court,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_parents_exist() {
        let t = table();
        assert!(t.rows().len() >= 2800, "{} courts", t.rows().len());
        assert_eq!(t.by_id.len(), t.rows().len(), "duplicate court ids");
        for r in t.rows() {
            if let Some(p) = r.parent {
                assert!(t.get(p).is_some(), "{} has unknown parent {p}", r.id);
            }
        }
    }

    #[test]
    fn names_find_their_own_court() {
        let t = table();
        for (name, id) in [
            ("Ohio Court of Appeals", "ohioctapp"),
            ("Supreme Court of Ohio", "ohio"),
            (
                "United States Bankruptcy Court for the Eastern District of Michigan",
                "mieb",
            ),
            ("Court of Appeals of Washington", "washctapp"),
            (
                "State of New York Appellate Term of The Supreme Court First Dept",
                "nyappterm",
            ),
            (
                "New York Supreme Court, Appellate Division, Third Department",
                "nyappdiv",
            ),
        ] {
            let got: Vec<&str> = t.match_name(name).iter().map(|r| r.id).collect();
            assert_eq!(got, [id], "{name}");
        }
    }

    #[test]
    fn children_follow_parent_links() {
        let kids = table().with_descendants("calctapp");
        assert_eq!(kids.first(), Some(&"calctapp"));
        assert!(kids.len() > 1, "{kids:?}");
        assert!(table().with_descendants("nosuchcourt").is_empty());
    }
}
