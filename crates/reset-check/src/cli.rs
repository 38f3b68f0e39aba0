//! Command-line definitions (clap derive).
//!
//! Adding a subcommand: write `src/cmd/NAME.rs` with an `Args` struct and a
//! `run(args, &Ctx)` function, declare the module in `src/cmd/mod.rs`, then add
//! one variant to [`Command`] and one arm to `cmd::dispatch`.

use crate::cmd;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  reset-check grids                          list the grids of the built-in catalog
  reset-check grids --cues > cues.txt        every cue, one per line
  reset-check explain PRIV-06 --lang fr      one criterion in full, in French
  reset-check explain PRIV-06 --format json  the same, as JSON
  reset-check --grids my-grids/ grids        add or override grids from a directory
  reset-check validate my-grids/             check custom grid files
  reset-check schema grid > grid.schema.json the JSON Schema of a grid file
  reset-check completions bash > reset-check.bash

Exit codes: 0 ok, 1 below --fail-under or --fail-on or an expired waiver, 2 usage or input error.
Settings: reset-check.toml, found walking up from the current folder (see `reset-check config`).
Environment: LC_ALL, LC_MESSAGES, LANG set the default --lang; NO_COLOR turns colours off.";

/// Check public tender specifications and digital products against the RESET
/// grids: privacy, frugality, inclusivity, non-discrimination, attention.
#[derive(Debug, Parser)]
#[command(name = "reset-check", version, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    /// Options shared by every subcommand.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands. One variant per module of `src/cmd/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess tender texts: which criteria they require, how firmly, with the sentences
    Spec(cmd::spec::Args),
    /// Assess product self-assessments (.toml, .json): score per grid, what fails, what is not declared
    Product(cmd::product::Args),
    /// Does this product meet what this tender requires? Requirement against answer, verdict, compliance
    Match(cmd::match_::Args),
    /// What changed between two tenders, two product files or two JSON reports
    Diff(cmd::diff::Args),
    /// Write a commented product self-assessment template (TOML)
    Init(cmd::init::Args),
    /// The structured text the checker reads: blocks, kinds and positions
    Extract(cmd::extract::Args),
    /// List the grids of the catalog (or, with --cues, every cue)
    Grids(cmd::grids::Args),
    /// Everything about one criterion: rationale, references, cues, product question, clause
    Explain(cmd::explain::Args),
    /// Check custom grid files and product self-assessments
    Validate(cmd::validate::Args),
    /// Model clauses to paste into a tender, for the criteria it leaves below level 2
    Clauses(cmd::clauses::Args),
    /// Print a JSON Schema (grid, language, subjects, product, report)
    Schema(cmd::schema::Args),
    /// The merged settings (command line, reset-check.toml, defaults) and where each came from
    Config(cmd::config::Args),
    /// Print a shell completion script
    Completions(cmd::completions::Args),
    /// Print the man page (roff) to stdout
    Man(cmd::man::Args),
}

/// Options valid before or after any subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Language of the output [default: from LC_ALL / LC_MESSAGES / LANG, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// Directory of custom grids (*.toml) that add to or override the built-in ones
    #[arg(long, global = true, value_name = "DIR")]
    pub grids: Option<PathBuf>,

    /// Use only these grids (comma-separated ids)
    #[arg(long, global = true, value_name = "GRID,...", value_delimiter = ',')]
    pub only: Vec<String>,

    /// Output format (each subcommand says which it supports)
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write the output to FILE instead of stdout (written whole, or not at all)
    #[arg(short = 'o', long = "output", global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to use colours (NO_COLOR is honoured with auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Settings file to use [default: the first reset-check.toml walking up from the current folder]
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore any reset-check.toml
    #[arg(long, global = true)]
    pub no_config: bool,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// French
    Fr,
    /// English
    En,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table (or readable text) for a terminal
    Table,
    /// JSON
    Json,
    /// JSON lines
    Jsonl,
    /// CSV
    Csv,
    /// Markdown
    Md,
    /// Self-contained HTML
    Html,
    /// SARIF 2.1.0
    Sarif,
    /// Word document (.docx), to -o FILE
    Docx,
    /// OpenDocument text (.odt), to -o FILE
    Odt,
}

impl Format {
    /// The name as written on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Html => "html",
            Format::Sarif => "sarif",
            Format::Docx => "docx",
            Format::Odt => "odt",
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colours when writing to a terminal and NO_COLOR is not set
    Auto,
    /// Always colours
    Always,
    /// Never colours
    Never,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }
}
