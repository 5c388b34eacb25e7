//! A small ordered document tree for Quickwit configs: printed as YAML for people and
//! sent as JSON to the REST API, so the two never disagree.

use serde_json::{Map, Value as Json};

/// A config value. Maps keep their insertion order so the YAML reads like Quickwit's docs.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A string, quoted in YAML.
    Str(String),
    /// A scalar written as is in YAML (numbers, booleans, the version `0.8`), sent to
    /// the API as the JSON value it spells.
    Plain(String),
    /// A list.
    List(Vec<Node>),
    /// A map with its keys in order.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// A string node.
    pub fn str(s: impl Into<String>) -> Node {
        Node::Str(s.into())
    }

    /// A boolean node.
    pub fn bool(b: bool) -> Node {
        Node::Plain(b.to_string())
    }

    /// A list of strings.
    pub fn strs<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Node {
        Node::List(items.into_iter().map(|s| Node::str(s.as_ref())).collect())
    }

    /// The value under `key` of a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// This tree as JSON, for the REST API.
    pub fn to_json(&self) -> Json {
        match self {
            Node::Str(s) => Json::String(s.clone()),
            Node::Plain(s) => match s.as_str() {
                "true" => Json::Bool(true),
                "false" => Json::Bool(false),
                // The config version is a string to Quickwit ("0.8"), other plain scalars are numbers.
                _ if s.contains('.') => Json::String(s.clone()),
                _ => s
                    .parse::<u64>()
                    .map(Json::from)
                    .unwrap_or_else(|_| Json::String(s.clone())),
            },
            Node::List(items) => Json::Array(items.iter().map(Node::to_json).collect()),
            Node::Map(entries) => {
                let mut m = Map::new();
                for (k, v) in entries {
                    m.insert(k.clone(), v.to_json());
                }
                Json::Object(m)
            }
        }
    }

    /// This tree as a YAML document.
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        self.write_yaml(&mut out, 0);
        out
    }

    fn write_yaml(&self, out: &mut String, indent: usize) {
        let pad = " ".repeat(indent);
        match self {
            Node::Map(entries) => {
                for (k, v) in entries {
                    out.push_str(&pad);
                    out.push_str(k);
                    out.push(':');
                    v.write_value(out, indent);
                }
            }
            Node::List(items) => {
                for item in items {
                    out.push_str(&pad);
                    out.push('-');
                    match item {
                        Node::Map(entries) if !entries.is_empty() => {
                            // The first key goes on the dash's line, the rest under it.
                            let mut first = String::new();
                            Node::Map(entries.clone()).write_yaml(&mut first, indent + 2);
                            out.push(' ');
                            out.push_str(first.trim_start());
                        }
                        other => other.write_value(out, indent),
                    }
                }
            }
            scalar => {
                out.push_str(&pad);
                out.push_str(&scalar.scalar());
                out.push('\n');
            }
        }
    }

    /// Write what follows `key:` or `-`.
    fn write_value(&self, out: &mut String, indent: usize) {
        match self {
            Node::Map(e) if e.is_empty() => out.push_str(" {}\n"),
            Node::List(l) if l.is_empty() => out.push_str(" []\n"),
            Node::List(items) if items.iter().all(|i| matches!(i, Node::Str(_))) => {
                let inline: Vec<String> = items.iter().map(Node::scalar).collect();
                out.push_str(&format!(" [{}]\n", inline.join(", ")));
            }
            Node::Map(_) | Node::List(_) => {
                out.push('\n');
                self.write_yaml(out, indent + 2);
            }
            scalar => {
                out.push(' ');
                out.push_str(&scalar.scalar());
                out.push('\n');
            }
        }
    }

    fn scalar(&self) -> String {
        match self {
            // A JSON string is a valid YAML double-quoted scalar.
            Node::Str(s) => Json::String(s.clone()).to_string(),
            Node::Plain(s) => s.clone(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_json_say_the_same() {
        let n = Node::Map(vec![
            ("version".into(), Node::Plain("0.8".into())),
            (
                "fields".into(),
                Node::List(vec![Node::Map(vec![
                    ("name".into(), Node::str("a \"b\"")),
                    ("fast".into(), Node::bool(true)),
                ])]),
            ),
            ("defaults".into(), Node::strs(["body", "title"])),
        ]);
        assert_eq!(
            n.to_yaml(),
            "version: 0.8\nfields:\n  - name: \"a \\\"b\\\"\"\n    fast: true\ndefaults: [\"body\", \"title\"]\n"
        );
        let j = n.to_json();
        assert_eq!(j["version"], "0.8");
        assert_eq!(j["fields"][0]["fast"], true);
        assert_eq!(j["fields"][0]["name"], "a \"b\"");
    }
}
