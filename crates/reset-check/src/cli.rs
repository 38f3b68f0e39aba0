//! Command-line definitions (clap derive).
//!
//! Adding a subcommand: write `src/cmd/NAME.rs` with an `Args` struct and a
//! `run(args, &Ctx)` function, declare the module in `src/cmd/mod.rs`, then add
//! one variant to [`Command`] and one arm to `cmd::dispatch`.

use crate::cmd;
use clap::{Args, Parser, Subcommand, ValueEnum};
use reset_extract::LimitKind;
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

/// The extraction limits, shared by every command that reads tender
/// documents (`spec`, `extract`, `clauses`, `match`, `diff`, and `config` to
/// show the merge). Each is also a key of `[limits]` in `reset-check.toml`
/// (the option's name with `_`: `--max-xml-depth` is `max_xml_depth`); the
/// command line wins over the file, the file over the default. The option
/// names are those the limit errors give (`reset_extract::LimitKind::option`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Limits (also [limits] in reset-check.toml)")]
pub struct LimitArgs {
    /// Largest input file, e.g. 50M, 1G (k, M, G: powers of 1000; Ki, Mi, Gi: of 1024) [default: 100M]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_input_size: Option<u64>,

    /// Largest total inflated size of the parts read from one zip (docx, odt, zipped dossier) [default: 500M]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_inflated: Option<u64>,

    /// Most entries a zip (docx, odt, zipped dossier) may list [default: 10000]
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub max_entries: Option<u64>,

    /// Deepest XML element nesting in docx and odt [default: 256]
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub max_xml_depth: Option<u64>,

    /// Most pages read from a PDF [default: 2000]
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub max_pdf_pages: Option<u64>,

    /// Deepest HTML element nesting [default: 512]
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub max_html_depth: Option<u64>,

    /// Most documents in one dossier (a folder or .zip read as one tender) [default: 1000]
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub max_files: Option<u64>,
}

impl LimitArgs {
    /// The value given on the command line for one limit, if any.
    pub fn get(&self, kind: LimitKind) -> Option<u64> {
        match kind {
            LimitKind::InputSize => self.max_input_size,
            LimitKind::InflatedSize => self.max_inflated,
            LimitKind::ZipEntries => self.max_entries,
            LimitKind::XmlDepth => self.max_xml_depth,
            LimitKind::PdfPages => self.max_pdf_pages,
            LimitKind::HtmlDepth => self.max_html_depth,
            LimitKind::DossierFiles => self.max_files,
        }
    }
}

/// The key of a limit in `[limits]` of `reset-check.toml`: its option
/// without the dashes, `_` for `-` (`--max-xml-depth` → `max_xml_depth`).
pub fn limit_key(kind: LimitKind) -> String {
    kind.option().trim_start_matches('-').replace('-', "_")
}

/// Parses `100`, `100k`, `20M`, `1G` (powers of 1000), `64Ki`, `1Mi`, `1Gi`
/// (powers of 1024); a trailing `B` is allowed (`20MB`, `1GiB`).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => {
            let unit = t[i..].to_ascii_lowercase();
            let m: u64 = match unit.as_str() {
                "b" => 1,
                "k" | "kb" => 1_000,
                "m" | "mb" => 1_000_000,
                "g" | "gb" => 1_000_000_000,
                "ki" | "kib" => 1 << 10,
                "mi" | "mib" => 1 << 20,
                "gi" | "gib" => 1 << 30,
                _ => return Err(format!("unknown size unit `{unit}`; use k, M or G")),
            };
            (&t[..i], m)
        }
        None => (t, 1),
    };
    let n: f64 = num
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size; write e.g. 100M or 1G"))?;
    if n < 0.0 {
        return Err("a size cannot be negative".into());
    }
    if !n.is_finite() || n * mult as f64 > u64::MAX as f64 {
        return Err(format!("`{s}` is too large a size"));
    }
    Ok((n * mult as f64) as u64)
}

/// Parses a count of at least 1 (a limit of 0 would refuse every document).
pub fn parse_count(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        Ok(_) => Err("takes a number of at least 1".into()),
        Err(_) => Err(format!("`{s}` is not a whole number")),
    }
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

    /// Every limit error names an option that exists, on every command that
    /// reads documents, and its config key is that option with `_`.
    #[test]
    fn every_limit_has_its_option_on_every_reading_command() {
        let cli = Cli::command();
        for command in ["spec", "extract", "clauses", "match", "diff", "config"] {
            let sub = cli.find_subcommand(command).unwrap();
            for kind in reset_extract::LimitKind::ALL {
                let long = kind.option().trim_start_matches("--");
                assert!(
                    sub.get_arguments().any(|a| a.get_long() == Some(long)),
                    "`{command}` has no {}",
                    kind.option()
                );
            }
        }
        assert_eq!(
            super::limit_key(reset_extract::LimitKind::XmlDepth),
            "max_xml_depth"
        );
        assert_eq!(
            super::limit_key(reset_extract::LimitKind::InflatedSize),
            "max_inflated"
        );
    }

    #[test]
    fn sizes_and_counts() {
        use super::{parse_count, parse_size};
        assert_eq!(parse_size("300M"), Ok(300_000_000));
        assert_eq!(parse_size("1G"), Ok(1_000_000_000));
        assert_eq!(parse_size("64Ki"), Ok(65_536));
        assert_eq!(parse_size("1.5k"), Ok(1_500));
        assert_eq!(parse_size("12"), Ok(12));
        assert!(parse_size("12X").is_err());
        assert!(parse_size("-1M").is_err());
        assert!(parse_size("1e30G").is_err());
        assert_eq!(parse_count("10"), Ok(10));
        assert!(parse_count("0").is_err());
        assert!(parse_count("ten").is_err());
    }
}
