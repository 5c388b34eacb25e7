//! Command-line definitions (clap) and nothing else.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::output::ColorChoice;
use crate::search::Sort;

#[derive(Debug, Parser)]
#[command(
    name = "docketeer",
    version,
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
    /// Query: words (all must match), "phrases", "phrase"~N (words within N), AND/OR/NOT, field:value (case_name, docket, party, plaintiff, defendant, court, judge, date, doc_type, dkt, cites, title, body)
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
    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Order of hits
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    pub sort: Sort,
    /// One JSON object per hit
    #[arg(long)]
    pub json: bool,
    /// Colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Search docket entries instead of filings: one line per entry (case · Dkt. N · date · text); --sort newest lists latest first, --sort oldest in docket order
    #[arg(long)]
    pub entries: bool,
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
