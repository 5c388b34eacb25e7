//! Command-line definitions (clap) and nothing else.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::output::ColorChoice;
use crate::search::Sort;

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "docketeer",
    version,
    about = "Full-text search over court filings (PDF, HTML, text)",
    after_help = "Examples:\n  docketeer index ~/filings\n  docketeer search '\"protective order\" AND asylum'\n  docketeer search --docket 3:17-cv-02366 --party Mayorkas\n  docketeer inspect filing.pdf\n\nExit codes: 0 hits found, 1 no hits, 2 error."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Read the command line (exits with clap's message on a bad one).
pub fn parse() -> Cli {
    Cli::parse()
}

/// Where the index lives (`--index`), shared by every command.
#[derive(Debug, Args, Clone)]
pub struct IndexDir {
    /// Index directory [default: $DOCKETEER_INDEX, else $XDG_DATA_HOME/docketeer/index, else ~/.local/share/docketeer/index]
    #[arg(long, value_name = "DIR", global = true)]
    pub index: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index filings: files and folders, recursively; re-runs index only what changed
    Index(IndexArgs),
    /// Search the index
    Search(SearchArgs),
    /// Print the text-derived metadata of files, without touching an index
    Inspect(InspectArgs),
    /// Summarise what the index holds
    Stats(StatsArgs),
    /// Write every indexed document as JSON lines (schema field names), for moving to another engine
    Export(ExportArgs),
    /// Print the index schema file
    Schema,
    /// Extract one PDF in this process and print the result as JSON (used by `index` to isolate PDF libraries)
    #[command(hide = true)]
    ExtractWorker {
        /// The PDF to extract.
        path: PathBuf,
    },
}

/// `docketeer index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Where the index lives.
    #[command(flatten)]
    pub index: IndexDir,
    /// OCR PDFs that have no text layer (needs tesseract and pdftoppm)
    #[arg(long)]
    pub ocr: bool,
    /// Per-file extraction time limit, in seconds
    #[arg(long, default_value_t = 60, value_name = "SECS")]
    pub timeout: u64,
    /// Memory budget of the index writer, in MiB
    #[arg(long, default_value_t = 256, value_name = "MIB")]
    pub memory: usize,
    /// Per-file memory limit of the PDF extractor, in MiB
    #[arg(long, default_value_t = 2048, value_name = "MIB")]
    pub file_memory: u64,
    /// Print only problems and the summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Commit the index after this many new documents (it also commits every 10 s)
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub commit_every: usize,
}

/// `docketeer search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words (all must match), "phrases", "phrase"~N (words within N), AND/OR/NOT, field:value
    #[arg(value_name = "QUERY", default_value = "", help = query_help())]
    pub query: String,
    /// Where the index lives.
    #[command(flatten)]
    pub index: IndexDir,
    /// Only this case: words of the caption ("Al Otro Lado v. Mayorkas")
    #[arg(long, value_name = "NAME")]
    pub case: Option<String>,
    /// Only this docket number, in any printed form (3:17-cv-02366, 17-cv-2366, CV 20-9893 JGB)
    #[arg(long, value_name = "NUMBER")]
    pub docket: Option<String>,
    /// Only filings naming this party, either side ("Mayorkas")
    #[arg(long, value_name = "NAME")]
    pub party: Option<String>,
    /// Only this court: id (cand, ca9) or name (N.D. Cal., Northern District of California)
    #[arg(long, value_name = "COURT")]
    pub court: Option<String>,
    /// Only this judge ("Ryu", "Judge Donna M. Ryu")
    #[arg(long, value_name = "NAME")]
    pub judge: Option<String>,
    /// Only this document type (order, opinion, motion, notice, brief, complaint, docket-sheet, other)
    #[arg(long = "type", value_name = "TYPE")]
    pub doc_type: Option<String>,
    /// Only filings dated on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only filings dated on or before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Order of hits
    #[arg(long, value_parser = sort_values(), default_value = "relevance")]
    pub sort: Sort,
    /// One JSON object per hit
    #[arg(long)]
    pub json: bool,
    /// Colour the output
    #[arg(long, value_parser = color_values(), default_value = "auto")]
    pub color: ColorChoice,
}

/// `docketeer inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files to inspect
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// JSON even on a terminal
    #[arg(long)]
    pub json: bool,
    /// Also print the cleaned text
    #[arg(long)]
    pub text: bool,
    /// OCR PDFs that have no text layer
    #[arg(long)]
    pub ocr: bool,
}

/// `docketeer stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Where the index lives.
    #[command(flatten)]
    pub index: IndexDir,
    /// JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

/// `docketeer export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where the index lives.
    #[command(flatten)]
    pub index: IndexDir,
    /// Leave out the body text
    #[arg(long)]
    pub no_body: bool,
}

/// `--sort` values, each with its help, read into the library's [`Sort`].
fn sort_values() -> impl TypedValueParser<Value = Sort> {
    PossibleValuesParser::new([
        PossibleValue::new("relevance")
            .help("Best match first (BM25, with case name, title and parties weighted up)"),
        PossibleValue::new("newest").help("Latest filing date first"),
        PossibleValue::new("oldest")
            .help("Earliest filing date first; filings without a date are left out"),
    ])
    .map(|v| match v.as_str() {
        "newest" => Sort::Newest,
        "oldest" => Sort::Oldest,
        _ => Sort::Relevance,
    })
}

/// `--color` values, read into the library's [`ColorChoice`].
fn color_values() -> impl TypedValueParser<Value = ColorChoice> {
    PossibleValuesParser::new([
        PossibleValue::new("auto").help("On a terminal, unless NO_COLOR is set"),
        PossibleValue::new("always"),
        PossibleValue::new("never"),
    ])
    .map(|v| match v.as_str() {
        "always" => ColorChoice::Always,
        "never" => ColorChoice::Never,
        _ => ColorChoice::Auto,
    })
}

/// The QUERY help, naming the fields of the schema file.
fn query_help() -> String {
    let fields = crate::index::schema::SchemaSpec::bundled()
        .map(|s| s.query_fields().join(", "))
        .unwrap_or_default();
    format!(
        "Query: words (all must match), \"phrases\", \"phrase\"~N (words within N), AND/OR/NOT, field:value ({fields})"
    )
}
