//! `reset-check schema NAME`: print a JSON Schema derived from the Rust types.

use super::{Ctx, Status};
use crate::cli::Format;
use anyhow::Result;
use clap::ValueEnum;

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check schema grid > grid.schema.json
  reset-check schema subjects -o subjects.schema.json

The schemas of product files and of the JSON report come in a later version.")]
pub struct Args {
    /// Which schema
    #[arg(value_enum, value_name = "NAME")]
    pub name: SchemaName,
}

/// The schemas known so far (`product` and `report` come later).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaName {
    /// A grid file (criteria/*.toml)
    Grid,
    /// The shared cue lists (criteria/language.toml)
    Language,
    /// The procurement subjects (criteria/subjects.toml)
    Subjects,
}

/// Runs `schema`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("schema", &[Format::Table, Format::Json])?;
    use reset_criteria::catalog::{grid_schema, language_schema, subjects_schema};
    let schema = match args.name {
        SchemaName::Grid => grid_schema(),
        SchemaName::Language => language_schema(),
        SchemaName::Subjects => subjects_schema(),
    };
    let mut s = serde_json::to_string_pretty(schema)?;
    s.push('\n');
    ctx.emit(s.as_bytes())?;
    Ok(Status::Ok)
}
