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
    /// Version of the schema file's format.
    pub version: u32,
    /// Named analysis chains, used by text fields.
    #[serde(default)]
    pub tokenizers: BTreeMap<String, TokenizerSpec>,
    /// The fields, in order.
    pub fields: Vec<FieldSpec>,
}

/// A named analysis chain.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenizerSpec {
    /// The tokenizer: `simple` or `whitespace`.
    pub base: String,
    /// Filters applied in order: `lowercase`, `ascii_folding`, `remove_long:N`.
    #[serde(default)]
    pub filters: Vec<String>,
}

/// One field of the index.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldSpec {
    /// The field's name, used in queries and in `export`.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// For text: the tokenizer's name.
    pub tokenizer: Option<String>,
    /// For text: `basic`, `freq` or `position`.
    pub record: Option<String>,
    /// Searchable.
    #[serde(default)]
    pub indexed: bool,
    /// Returned with hits and by `export`.
    #[serde(default)]
    pub stored: bool,
    /// Column-stored, for sorting and ranges.
    #[serde(default)]
    pub fast: bool,
    /// May hold several values per document.
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
    /// What the field holds.
    #[serde(default)]
    pub description: String,
}

/// The type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// Analysed text.
    Text,
    /// One exact term.
    String,
    /// An unsigned integer.
    U64,
    /// A date.
    Date,
}

impl SchemaSpec {
    /// The schema this binary was built with.
    pub fn bundled() -> Result<SchemaSpec> {
        SchemaSpec::parse(SCHEMA_TOML).context("the bundled index_schema/schema.toml is invalid")
    }

    /// Parse and check a schema file.
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

    /// Names of the fields a query can name (`field:value`): every indexed field.
    pub fn query_fields(&self) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|f| f.indexed)
            .map(|f| f.name.as_str())
            .collect()
    }

    /// Fields searched when a query names none, with their boosts.
    pub fn default_fields(&self) -> impl Iterator<Item = (&str, f32)> {
        self.fields
            .iter()
            .filter_map(|f| f.default.map(|boost| (f.name.as_str(), boost)))
    }

    /// The field called `name`.
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

/// Declares [`Fields`] from one list of the schema's field names, so each name the code
/// uses is written once, here, and checked against the schema file when an index opens.
macro_rules! fields {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// Fields the code reads and writes, resolved once against the schema; each is
        /// named as in `index_schema/schema.toml`, whose `description` says what it holds.
        #[derive(Debug, Clone, Copy)]
        pub struct Fields {
            $($(#[$doc])* pub $name: Field,)*
        }

        impl Fields {
            /// The schema field names the code uses, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Resolve every field against `schema`; an index built without one of them
            /// is an error that says to rebuild it.
            pub fn resolve(schema: &Schema) -> Result<Fields> {
                let f = |name: &str| {
                    schema.get_field(name).with_context(|| {
                        format!("the index schema has no field `{name}`; rebuild the index with this version of docketeer")
                    })
                };
                Ok(Fields {
                    $($name: f(stringify!($name))?,)*
                })
            }

            /// The schema name of one of these fields (empty for a field not listed here).
            pub fn name(&self, field: Field) -> &'static str {
                $(if field == self.$name {
                    return stringify!($name);
                })*
                ""
            }
        }
    };
}

fields! {
    /// SHA-256 of the content: one document per distinct filing.
    doc_id,
    /// Every path holding this content.
    path,
    /// Size, mtime and path of each file when indexed.
    file_sig,
    /// `pdf`, `html` or `text`.
    format,
    /// The extractor that produced the text.
    method,
    /// Page count.
    pages,
    /// The document's title.
    title,
    /// The caption, "X v. Y".
    case_name,
    /// Docket numbers as canonical search keys.
    docket,
    /// Docket numbers as printed.
    docket_raw,
    /// Court id.
    court,
    /// Court name.
    court_name,
    /// Plaintiffs (and petitioners, appellants...).
    plaintiff,
    /// Defendants (and respondents, appellees...).
    defendant,
    /// Parties on either side.
    party,
    /// The judge.
    judge,
    /// The filing's date.
    date,
    /// What the date is (`filed`, `signed`...).
    date_kind,
    /// Document type.
    doc_type,
    /// Docket entries the filing cites.
    dkt,
    /// Citations.
    cites,
    /// What a file's text lacks (a reader missing or failed), when it is incomplete.
    gap,
    /// The cleaned text, pages separated by form feeds.
    body,
    /// The body, stemmed: what unquoted words search.
    body_stem,
    /// The title, stemmed.
    title_stem,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_schema_builds_and_names_every_field_the_code_uses() {
        let spec = SchemaSpec::bundled().expect("schema parses");
        let schema = spec.to_tantivy().expect("schema builds");
        let fields = Fields::resolve(&schema).expect("all fields present");
        for name in Fields::NAMES {
            let field = schema.get_field(name).expect("resolved");
            assert_eq!(fields.name(field), *name);
        }
        let defaults: Vec<_> = spec.default_fields().map(|(n, _)| n).collect();
        assert!(defaults.contains(&"body_stem") && defaults.contains(&"case_name"));
    }

    #[test]
    fn stored_documents_are_written_under_the_schema_field_names() {
        let spec = SchemaSpec::bundled().expect("schema parses");
        let doc = crate::index::document::StoredDoc {
            body: Some(String::new()),
            ..Default::default()
        };
        let json = serde_json::to_value(&doc).expect("serialises");
        let keys = json.as_object().expect("an object");
        assert!(keys.len() > 10);
        for key in keys.keys() {
            assert!(
                spec.field(key).is_some_and(|f| f.stored),
                "`{key}` is not a stored field of index_schema/schema.toml"
            );
        }
    }

    #[test]
    fn unknown_tokenizer_is_an_error() {
        let bad = "version = 1\n[[fields]]\nname = \"x\"\ntype = \"text\"\ntokenizer = \"nope\"\nindexed = true\n";
        assert!(SchemaSpec::parse(bad).is_err());
    }
}
