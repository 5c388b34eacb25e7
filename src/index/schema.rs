//! Builds the tantivy schema and tokenizers from `index_schema/schema.toml`, the one
//! description of the index's fields.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, WhitespaceTokenizer,
};

/// The schema file, compiled in so the binary and the index always agree.
pub const SCHEMA_TOML: &str = include_str!("../../index_schema/schema.toml");

/// File name under which an index keeps a copy of the schema it was built with.
pub const SCHEMA_COPY: &str = "docketeer-schema.toml";

/// The schema file, parsed.
#[derive(Debug, Clone, Deserialize)]
pub struct SchemaSpec {
    pub version: u32,
    #[serde(default)]
    pub tokenizers: BTreeMap<String, TokenizerSpec>,
    pub fields: Vec<FieldSpec>,
}

/// A named analysis chain.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenizerSpec {
    pub base: String,
    #[serde(default)]
    pub filters: Vec<String>,
}

/// One field of the index.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    pub tokenizer: Option<String>,
    pub record: Option<String>,
    #[serde(default)]
    pub indexed: bool,
    #[serde(default)]
    pub stored: bool,
    #[serde(default)]
    pub fast: bool,
    #[serde(default)]
    pub multi: bool,
    /// Boost when searched by default; absent = not a default field.
    pub default: Option<f32>,
    /// For a field that is not stored: the stored fields whose values it repeats.
    #[serde(default)]
    pub from: Vec<String>,
    /// For a stemmed copy of another field: that field's name. The copy is indexed from
    /// the same text; the named field answers quoted words and `--exact`.
    pub stems: Option<String>,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Text,
    String,
    U64,
    Date,
}

impl SchemaSpec {
    /// The schema this binary was built with.
    pub fn bundled() -> Result<SchemaSpec> {
        SchemaSpec::parse(SCHEMA_TOML).context("the bundled index_schema/schema.toml is invalid")
    }

    pub fn parse(text: &str) -> Result<SchemaSpec> {
        let spec: SchemaSpec = toml::from_str(text)?;
        for f in &spec.fields {
            if f.kind == FieldKind::Text {
                let tok = f.tokenizer.as_deref().unwrap_or("default");
                if !spec.tokenizers.contains_key(tok) && !matches!(tok, "default" | "raw") {
                    bail!("field `{}` uses undefined tokenizer `{tok}`", f.name);
                }
            }
            for source in &f.from {
                if !spec.fields.iter().any(|s| &s.name == source && s.stored) {
                    bail!(
                        "field `{}` is made from `{source}`, which is not a stored field",
                        f.name
                    );
                }
            }
        }
        Ok(spec)
    }

    /// Build the tantivy schema.
    pub fn to_tantivy(&self) -> Result<Schema> {
        let mut b = Schema::builder();
        for f in &self.fields {
            match f.kind {
                FieldKind::Text | FieldKind::String => {
                    let mut opts = TextOptions::default();
                    if f.indexed {
                        let (tok, record) = if f.kind == FieldKind::String {
                            ("raw", IndexRecordOption::Basic)
                        } else {
                            (
                                f.tokenizer.as_deref().unwrap_or("default"),
                                record_option(f.record.as_deref(), &f.name)?,
                            )
                        };
                        opts = opts.set_indexing_options(
                            TextFieldIndexing::default()
                                .set_tokenizer(tok)
                                .set_index_option(record),
                        );
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast {
                        opts = opts.set_fast(None);
                    }
                    b.add_text_field(&f.name, opts);
                }
                FieldKind::U64 => {
                    let mut opts = NumericOptions::default();
                    if f.indexed {
                        opts = opts.set_indexed();
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast {
                        opts = opts.set_fast();
                    }
                    b.add_u64_field(&f.name, opts);
                }
                FieldKind::Date => {
                    let mut opts = DateOptions::default().set_precision(DateTimePrecision::Seconds);
                    if f.indexed {
                        opts = opts.set_indexed();
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast {
                        opts = opts.set_fast();
                    }
                    b.add_date_field(&f.name, opts);
                }
            }
        }
        Ok(b.build())
    }

    /// Register this schema's tokenizers on an index.
    pub fn register_tokenizers(&self, index: &tantivy::Index) -> Result<()> {
        for (name, spec) in &self.tokenizers {
            index
                .tokenizers()
                .register(name, build_analyzer(name, spec)?);
        }
        Ok(())
    }

    /// Fields searched when a query names none, with their boosts.
    pub fn default_fields(&self) -> impl Iterator<Item = (&str, f32)> {
        self.fields
            .iter()
            .filter_map(|f| f.default.map(|boost| (f.name.as_str(), boost)))
    }

    pub fn field(&self, name: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }
}

fn record_option(record: Option<&str>, field: &str) -> Result<IndexRecordOption> {
    Ok(match record.unwrap_or("position") {
        "basic" => IndexRecordOption::Basic,
        "freq" => IndexRecordOption::WithFreqs,
        "position" => IndexRecordOption::WithFreqsAndPositions,
        other => bail!("field `{field}`: unknown record option `{other}` (basic, freq, position)"),
    })
}

fn build_analyzer(name: &str, spec: &TokenizerSpec) -> Result<TextAnalyzer> {
    let mut builder = match spec.base.as_str() {
        "simple" => TextAnalyzer::builder(SimpleTokenizer::default()).dynamic(),
        "whitespace" => TextAnalyzer::builder(WhitespaceTokenizer::default()).dynamic(),
        "sentences" => {
            TextAnalyzer::builder(crate::search::analysis::SentenceTokenizer::default()).dynamic()
        }
        other => {
            bail!("tokenizer `{name}`: unknown base `{other}` (simple, whitespace, sentences)")
        }
    };
    for filter in &spec.filters {
        let (kind, arg) = filter.split_once(':').unwrap_or((filter.as_str(), ""));
        builder = match kind {
            "lowercase" => builder.filter_dynamic(LowerCaser),
            "ascii_folding" => builder.filter_dynamic(AsciiFoldingFilter),
            "remove_long" => {
                let limit: usize = arg.parse().with_context(|| {
                    format!("tokenizer `{name}`: remove_long needs a length, as remove_long:80")
                })?;
                builder.filter_dynamic(RemoveLongFilter::limit(limit))
            }
            "stem" => builder.filter_dynamic(Stemmer::new(stem_language(name, arg)?)),
            other => bail!("tokenizer `{name}`: unknown filter `{other}`"),
        };
    }
    Ok(builder.build())
}

/// `stem:english` and the other languages of tantivy's stemmer.
fn stem_language(tokenizer: &str, name: &str) -> Result<Language> {
    Ok(match name {
        "english" => Language::English,
        "french" => Language::French,
        "german" => Language::German,
        "spanish" => Language::Spanish,
        other => bail!(
            "tokenizer `{tokenizer}`: no stemmer for `{other}` (english, french, german, spanish)"
        ),
    })
}

/// Fields the code reads and writes, resolved once against the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub doc_id: Field,
    pub path: Field,
    pub file_sig: Field,
    pub format: Field,
    pub method: Field,
    pub pages: Field,
    pub title: Field,
    pub case_name: Field,
    pub docket: Field,
    pub docket_raw: Field,
    pub court: Field,
    pub court_name: Field,
    pub plaintiff: Field,
    pub defendant: Field,
    pub party: Field,
    pub judge: Field,
    pub date: Field,
    pub date_kind: Field,
    pub doc_type: Field,
    pub dkt: Field,
    pub cites: Field,
    pub gap: Field,
    pub body: Field,
    pub body_stem: Field,
    pub title_stem: Field,
}

impl Fields {
    pub fn resolve(schema: &Schema) -> Result<Fields> {
        let f = |name: &str| {
            schema.get_field(name).with_context(|| {
                format!("the index schema has no field `{name}`; rebuild the index with this version of docketeer")
            })
        };
        Ok(Fields {
            doc_id: f("doc_id")?,
            path: f("path")?,
            file_sig: f("file_sig")?,
            format: f("format")?,
            method: f("method")?,
            pages: f("pages")?,
            title: f("title")?,
            case_name: f("case_name")?,
            docket: f("docket")?,
            docket_raw: f("docket_raw")?,
            court: f("court")?,
            court_name: f("court_name")?,
            plaintiff: f("plaintiff")?,
            defendant: f("defendant")?,
            party: f("party")?,
            judge: f("judge")?,
            date: f("date")?,
            date_kind: f("date_kind")?,
            doc_type: f("doc_type")?,
            dkt: f("dkt")?,
            cites: f("cites")?,
            gap: f("gap")?,
            body: f("body")?,
            body_stem: f("body_stem")?,
            title_stem: f("title_stem")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_schema_builds_and_names_every_field_the_code_uses() {
        let spec = SchemaSpec::bundled().expect("schema parses");
        let schema = spec.to_tantivy().expect("schema builds");
        Fields::resolve(&schema).expect("all fields present");
        let defaults: Vec<_> = spec.default_fields().map(|(n, _)| n).collect();
        assert!(defaults.contains(&"body_stem") && defaults.contains(&"case_name"));
    }

    #[test]
    fn unknown_tokenizer_is_an_error() {
        let bad = "version = 1\n[[fields]]\nname = \"x\"\ntype = \"text\"\ntokenizer = \"nope\"\nindexed = true\n";
        assert!(SchemaSpec::parse(bad).is_err());
    }
}
