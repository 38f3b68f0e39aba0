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
  reset-check schema product > product.schema.json      from the catalog (with --grids too)
  reset-check schema report                             the JSON report of spec and product")]
pub struct Args {
    /// Which schema
    #[arg(value_enum, value_name = "NAME")]
    pub name: SchemaName,
}

/// The schemas reset-check can print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaName {
    /// A grid file (criteria/*.toml)
    Grid,
    /// The shared cue lists (criteria/language.toml)
    Language,
    /// The procurement subjects (criteria/subjects.toml)
    Subjects,
    /// A product self-assessment file, generated from the catalog (--grids, --only)
    Product,
    /// The JSON report written by --format json
    Report,
}

/// Runs `schema`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("schema", &[Format::Table, Format::Json])?;
    use reset_criteria::catalog::{grid_schema, language_schema, subjects_schema};
    let schema = match args.name {
        SchemaName::Grid => grid_schema().clone(),
        SchemaName::Language => language_schema().clone(),
        SchemaName::Subjects => subjects_schema().clone(),
        SchemaName::Product => reset_criteria::product::product_schema(&*ctx.catalog()?),
        SchemaName::Report => {
            serde_json::to_value(schemars::schema_for!(reset_criteria::report::Report))?
        }
    };
    let mut s = serde_json::to_string_pretty(&schema)?;
    s.push('\n');
    ctx.emit(s.as_bytes())?;
    Ok(Status::Ok)
}
