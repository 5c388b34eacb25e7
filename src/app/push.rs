//! `docketeer push`, and `docketeer schema` (whose `--engine quickwit` prints the config
//! `push` creates).

use anyhow::Result;

use crate::cli::{Engine, PushArgs, SchemaArgs};
use crate::index::schema::{SCHEMA_TOML, SchemaSpec};
use crate::index::store::{Store, default_index_dir};
use crate::quickwit::client::Client;
use crate::quickwit::mapping;
use crate::quickwit::push::{PushOptions, push};

/// `docketeer schema [--engine quickwit]`.
pub fn schema(args: SchemaArgs) -> Result<i32> {
    match args.engine {
        Engine::Local => print!("{SCHEMA_TOML}"),
        Engine::Quickwit => print!(
            "{}",
            mapping::index_config_yaml(&SchemaSpec::bundled()?, &args.index_id)
        ),
    }
    Ok(0)
}

/// `docketeer push --endpoint URL [--index NAME]`.
pub fn run(args: PushArgs) -> Result<i32> {
    let dir = args.local.clone().unwrap_or_else(default_index_dir);
    let store = Store::open(&dir)?;
    let client = Client::new(&args.endpoint)?;
    let opts = PushOptions {
        index_id: args.index.clone(),
        batch_bytes: (args.batch_mib << 20) as usize,
        progress: !args.quiet,
    };
    let r = push(&store, &client, &opts)?;
    let target = format!("{}/{}", client.endpoint(), args.index);
    if r.created {
        eprintln!("created index {target}");
    }
    eprintln!(
        "{target}: {} local documents; {} already there; {} sent in {} requests ({:.1} MiB, {:.1} s), {} accepted, {} rejected, searchable {:.1} s later; {} replaced versions being deleted",
        r.local,
        r.unchanged,
        r.sent,
        r.requests,
        r.bytes as f64 / (1 << 20) as f64,
        r.sending.as_secs_f64(),
        r.accepted,
        r.rejected,
        r.committing.as_secs_f64(),
        r.deleted
    );
    if r.rejected > 0 {
        eprintln!(
            "{} documents were rejected: the Quickwit indexer's log says why; run push again once fixed",
            r.rejected
        );
    }
    if !r.searchable {
        eprintln!(
            "note: accepted documents were not all searchable after 2 minutes; Quickwit will commit them"
        );
    }
    for path in &r.too_large {
        eprintln!("not sent: {path}: larger than one ingest request (--batch-mib)");
    }
    if r.duplicates > 0 {
        eprintln!(
            "note: the cluster holds {} documents twice (a batch was sent twice); searches show each once",
            r.duplicates
        );
    }
    Ok(
        if r.rejected == 0 && r.too_large.is_empty() && r.accepted == r.sent {
            0
        } else {
            2
        },
    )
}
