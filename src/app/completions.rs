//! `docketeer completions SHELL`, `docketeer man` and `docketeer help [TOPIC]`: generated
//! from the clap definitions, so they always match the flags.

use anyhow::{Result, bail};
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, HelpArgs};

/// The query language, as `docketeer help syntax` prints it.
pub const SYNTAX: &str = include_str!("../search/syntax.txt");

/// Print a completion script for a shell.
pub fn completions(args: CompletionsArgs) -> Result<i32> {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "docketeer", &mut std::io::stdout());
    Ok(0)
}

/// Print the manual page (roff) on stdout.
pub fn man() -> Result<i32> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    let syntax = SYNTAX
        .lines()
        .map(|l| format!("{}\n", l.replace('\\', "\\\\")))
        .collect::<String>();
    out.extend_from_slice(b".SH \"QUERY SYNTAX\"\n.nf\n");
    out.extend_from_slice(syntax.as_bytes());
    out.extend_from_slice(b".fi\n");
    use std::io::Write;
    std::io::stdout().write_all(&out)?;
    Ok(0)
}

/// `help syntax`, `help COMMAND` or the main help.
pub fn help(args: HelpArgs) -> Result<i32> {
    let mut cmd = Cli::command();
    match args.topic.as_deref() {
        Some(t) if t.eq_ignore_ascii_case("syntax") || t.eq_ignore_ascii_case("query") => {
            print!("{SYNTAX}");
        }
        Some(t) => {
            let names: Vec<String> = cmd
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_name().to_string())
                .collect();
            match cmd.find_subcommand_mut(t) {
                Some(sub) => sub.print_long_help()?,
                None => bail!(
                    "no help on `{t}`; try `docketeer help syntax` or one of: {}",
                    names.join(", ")
                ),
            }
        }
        None => cmd.print_long_help()?,
    }
    Ok(0)
}
