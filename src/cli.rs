//! Command-line definitions (clap) and nothing else.

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

#[derive(Debug, Parser)]
#[command(
    name = "docketeer",
    version,
    disable_help_subcommand = true,
    about = "Full-text search over court filings (PDF, HTML, text)",
    after_help = "Examples:\n  docketeer index ~/filings\n  docketeer search '\"protective order\" AND asylum'\n  docketeer search --docket 3:17-cv-02366 --party Mayorkas\n  docketeer inspect filing.pdf\n\nExit codes: 0 hits found, 1 no hits, 2 error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct IndexDir {
    /// Index directory [default: $DOCKETEER_INDEX, else $XDG_DATA_HOME/docketeer/index, else ~/.local/share/docketeer/index]
    #[arg(long, value_name = "DIR", global = true)]
    pub index: Option<PathBuf>,
}

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
    /// Print the index schema file
    Schema,
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
    ExtractWorker { path: PathBuf },
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
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

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words (all must match; stemmed unless quoted), "phrases", "phrase"~N, AND/OR/NOT, field:value (case_name, docket, party, plaintiff, defendant, court, judge, date, doc_type, dkt, cites, title, body), and connectors w/N pre/N /s /p & % ! * (see `docketeer help syntax`)
    #[arg(value_name = "QUERY", default_value = "")]
    pub query: String,
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
    #[arg(long, value_enum, ignore_case = true, default_value_t = Sort::Relevance)]
    pub sort: Sort,
    /// One JSON object per hit
    #[arg(long)]
    pub json: bool,
    /// Colour the output
    #[arg(long, value_enum, ignore_case = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Count all hits by this (repeatable): printed after the hits; in --json a final object
    #[arg(long, value_enum, ignore_case = true, value_name = "FACET")]
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
}

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

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// Leave out the body text
    #[arg(long)]
    pub no_body: bool,
}

#[derive(Debug, Args)]
pub struct CasesArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// One JSON object per case
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// PATH, PATH:PAGE, or the number of a hit of the last search (`docketeer show 2`)
    #[arg(value_name = "TARGET")]
    pub target: String,
    #[command(flatten)]
    pub index: IndexDir,
    /// Words to mark [default: the last search's query]
    #[arg(long, short = 'q', value_name = "QUERY")]
    pub query: Option<String>,
    /// Print straight to stdout, even on a terminal
    #[arg(long)]
    pub no_pager: bool,
    /// Colour the output
    #[arg(long, value_enum, ignore_case = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, ignore_case = true)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct HelpArgs {
    /// `syntax` for the query language, or a command's name
    #[arg(value_name = "TOPIC")]
    pub topic: Option<String>,
}
