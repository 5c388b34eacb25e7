//! Command-line definitions (clap) and nothing else.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::output::ColorChoice;
use crate::search::Sort;
use crate::search::facets::Facet;

/// How `--group` gathers hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Group {
    /// Hits of one case together, in the order of each case's best hit
    Case,
}

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "docketeer",
    version,
    disable_help_subcommand = true,
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
// Parsed once per process: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
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
    /// Print the index schema file (or, with --engine quickwit, the Quickwit index config made from it)
    Schema(SchemaArgs),
    /// Copy the local index to a Quickwit cluster: creates the index, sends new and changed documents, deletes replaced ones
    Push(PushArgs),
    /// List the indexed cases: name, docket, court, filings, date range
    Cases(CasesArgs),
    /// Print a filing's metadata and a page's text with the last search's words marked
    Show(ShowArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
    /// Print the manual page (roff), generated from these definitions
    Man,
    /// Help on a command, or on the query language: `docketeer help syntax`
    Help(HelpArgs),
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
    /// Per-file extraction time limit, in seconds (1 to 86400)
    #[arg(long, default_value_t = 60, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
    /// Memory budget of the index writer, in MiB (16 to 65536)
    #[arg(long, default_value_t = 256, value_name = "MIB", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(16..=65_536))]
    pub memory: usize,
    /// Per-file memory limit of the PDF extractor, in MiB (64 to 1048576, or 0 for none)
    #[arg(long, default_value_t = 2048, value_name = "MIB", value_parser = parse_file_memory)]
    pub file_memory: u64,
    /// Skip files larger than this, in MiB, without reading them (0 = no limit)
    #[arg(long, default_value_t = 1024, value_name = "MIB", value_parser = clap::value_parser!(u64).range(0..=1_048_576))]
    pub max_file_size: u64,
    /// Keep at most this much text per filing, in MiB; the rest is left out and reported (0 = no limit)
    #[arg(long, default_value_t = 16, value_name = "MIB", value_parser = clap::value_parser!(u64).range(0..=4096))]
    pub max_text: u64,
    /// Delete the index (after checking it holds only index files) and index PATH again: the way out of a damaged index
    #[arg(long)]
    pub rebuild: bool,
    /// Print only problems and the summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Commit the index after this many new documents (it also commits every 10 s)
    #[arg(long, default_value_t = 200, value_name = "N", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
    pub commit_every: usize,
}

/// `--file-memory`: 0 (no limit) or enough for a PDF reader to start.
fn parse_file_memory(s: &str) -> Result<u64, String> {
    let v: u64 = s.parse().map_err(|e| format!("{e}"))?;
    if v == 0 || (64..=1_048_576).contains(&v) {
        Ok(v)
    } else {
        Err("must be 0 (no limit) or between 64 and 1048576".into())
    }
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
    /// Number of hits to show, at most 10000 (0: the count only) [default: 10; with -l, all]
    #[arg(long, short = 'n')]
    pub limit: Option<usize>,
    /// Order of hits
    #[arg(long, value_parser = sort_values(), ignore_case = true, default_value = "relevance")]
    pub sort: Sort,
    /// One JSON object per hit
    #[arg(long)]
    pub json: bool,
    /// Colour the output
    #[arg(long, value_parser = color_values(), ignore_case = true, default_value = "auto")]
    pub color: ColorChoice,
    /// Where to search: the local index, or a Quickwit cluster (then --index names the cluster's index, default docketeer)
    #[arg(long, value_enum, default_value_t = Engine::Local)]
    pub engine: Engine,
    /// Quickwit REST endpoint, e.g. http://127.0.0.1:7280
    #[arg(long, value_name = "URL", env = "DOCKETEER_ENDPOINT")]
    pub endpoint: Option<String>,
    /// Count all hits by this (repeatable): printed after the hits; in --json a final object
    #[arg(long, value_parser = facet_values(), ignore_case = true, value_name = "FACET")]
    pub count_by: Vec<Facet>,
    /// Print only the paths of matching filings, like grep -l
    #[arg(long, short = 'l')]
    pub files_with_matches: bool,
    /// Snippet length, in words of context (default 40)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=2000))]
    pub context: Option<u16>,
    /// Group hits of the same case together, under the case's name
    #[arg(long, value_enum, ignore_case = true, value_name = "BY")]
    pub group: Option<Group>,
    /// Match every word as written: no stemming (quoted words always match as written)
    #[arg(long)]
    pub exact: bool,
    /// --court and court: also take the courts below the named one (a circuit's districts)
    #[arg(long)]
    pub with_children: bool,
    /// Search docket entries instead of filings: one line per entry (case · Dkt. N · date · text); --sort newest lists latest first, --sort oldest in docket order
    #[arg(long)]
    pub entries: bool,
}

/// Which engine holds the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    /// The local tantivy index
    Local,
    /// A Quickwit cluster (see `docketeer push`)
    Quickwit,
}

/// `docketeer schema`: which engine's form of the schema to print.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// `local`: the schema file; `quickwit`: a Quickwit index config generated from it
    #[arg(long, value_enum, default_value_t = Engine::Local)]
    pub engine: Engine,
    /// Index id written into the Quickwit config
    #[arg(long, value_name = "NAME", default_value = "docketeer")]
    pub index_id: String,
}

/// `docketeer push`: where the cluster is and how to send to it.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// Quickwit REST endpoint, e.g. http://127.0.0.1:7280
    #[arg(long, value_name = "URL", env = "DOCKETEER_ENDPOINT")]
    pub endpoint: String,
    /// Index id on the cluster (created if missing)
    #[arg(long, value_name = "NAME", default_value = "docketeer")]
    pub index: String,
    /// Local index directory [default: as for `search`]
    #[arg(long, value_name = "DIR")]
    pub local: Option<PathBuf>,
    /// Largest ingest request, in MiB (Quickwit refuses bodies over 10 MiB)
    #[arg(long, default_value_t = 8, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..=9))]
    pub batch_mib: u64,
    /// Print only the summary
    #[arg(long, short)]
    pub quiet: bool,
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
    /// `local`: stored fields as JSON lines; `quickwit`: Quickwit ingest lines (search-only fields too)
    #[arg(long, value_enum, default_value_t = Engine::Local)]
    pub engine: Engine,
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

/// `--count-by` values, read into the library's [`Facet`].
fn facet_values() -> impl TypedValueParser<Value = Facet> {
    PossibleValuesParser::new([
        PossibleValue::new("court").help("Court id (cand, ca9)"),
        PossibleValue::new("case").help("Case name, else the docket number"),
        PossibleValue::new("judge").help("Judge"),
        PossibleValue::new("party").help("Each party of either side"),
        PossibleValue::new("doc-type").help("Document type (order, motion...)"),
        PossibleValue::new("year").help("Year of the filing date"),
    ])
    .map(|v| match v.as_str() {
        "court" => Facet::Court,
        "case" => Facet::Case,
        "judge" => Facet::Judge,
        "party" => Facet::Party,
        "doc-type" => Facet::DocType,
        _ => Facet::Year,
    })
}

/// The QUERY help, naming the fields of the schema file.
fn query_help() -> String {
    let fields = crate::index::schema::SchemaSpec::bundled()
        .map(|s| s.query_fields().join(", "))
        .unwrap_or_default();
    format!(
        "Query: words (all must match; stemmed unless quoted), \"phrases\", \"phrase\"~N, AND/OR/NOT, field:value ({fields}), and connectors w/N pre/N /s /p & % ! * (see `docketeer help syntax`)"
    )
}

/// `docketeer cases`: which index to list and in what form.
#[derive(Debug, Args)]
pub struct CasesArgs {
    /// Where the index lives.
    #[command(flatten)]
    pub index: IndexDir,
    /// One JSON object per case
    #[arg(long)]
    pub json: bool,
}

/// `docketeer show`: which filing or hit to print, and how.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// PATH, PATH:PAGE, or the number of a hit of the last search (`docketeer show 2`)
    #[arg(value_name = "TARGET")]
    pub target: String,
    /// Where the index lives.
    #[command(flatten)]
    pub index: IndexDir,
    /// Words to mark [default: the last search's query]
    #[arg(long, short = 'q', value_name = "QUERY")]
    pub query: Option<String>,
    /// Print straight to stdout, even on a terminal
    #[arg(long)]
    pub no_pager: bool,
    /// Colour the output
    #[arg(long, value_parser = color_values(), ignore_case = true, default_value = "auto")]
    pub color: ColorChoice,
}

/// `docketeer completions`: the shell to write a script for.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, ignore_case = true)]
    pub shell: clap_complete::Shell,
}

/// `docketeer help`: the topic to explain.
#[derive(Debug, Args)]
pub struct HelpArgs {
    /// `syntax` for the query language, or a command's name
    #[arg(value_name = "TOPIC")]
    pub topic: Option<String>,
}
