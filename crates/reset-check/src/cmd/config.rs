//! `reset-check config`: the merged settings, and where each came from
//! (default, locale, a `reset-check.toml`, the command line).

use super::{Ctx, RunOptions, Settings, Status};
use crate::cli::{limit_key, Format, LimitArgs};
use crate::config::{Date, Source};
use anyhow::Result;
use serde::Serialize;

/// Arguments of `config`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  reset-check config                       the settings in force here, and who set each
  reset-check config --format json
  reset-check --config ci.toml config      another settings file
  reset-check config --fail-under 70       what a run with this option would use

The settings file is the first reset-check.toml found walking up from the current
folder. The command line wins over the file, the file over the defaults.
Exits 1 when a waiver has expired, as spec and product do.")]
pub struct Args {
    /// As `spec --fail-under`: show the merge with this value
    #[arg(long, value_name = "SCORE")]
    pub fail_under: Option<f64>,

    /// As `spec --fail-on`
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub fail_on: Vec<String>,

    /// As `spec --jobs`
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// As `spec --max-documents`
    #[arg(long, value_name = "N")]
    pub max_documents: Option<usize>,

    /// As the limits of `spec`: show the merge with these values.
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Serialize)]
struct Setting {
    name: String,
    value: serde_json::Value,
    source: String,
    /// A size in bytes (shown as `100 MB` too in the table).
    #[serde(skip)]
    bytes: bool,
}

#[derive(Serialize)]
struct WaiverOut {
    criterion: String,
    reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<String>,
    expired: bool,
    source: String,
}

#[derive(Serialize)]
struct Out {
    config_file: Option<String>,
    settings: Vec<Setting>,
    waivers: Vec<WaiverOut>,
}

/// Runs `config`.
pub fn run(args: Args, ctx: &Ctx) -> Result<Status> {
    ctx.require_format("config", &[Format::Table, Format::Json])?;
    let waivers = ctx.waivers()?;
    let s: Settings = ctx.settings(RunOptions {
        fail_under: args.fail_under,
        fail_on: args.fail_on,
        jobs: args.jobs,
        limits: args.limits,
        max_documents: args.max_documents,
    });
    if let Some(f) = s.fail_under.value {
        if !(0.0..=100.0).contains(&f) {
            anyhow::bail!("--fail-under takes a score between 0 and 100, not {f}");
        }
    }
    let today = Date::today();
    let set = |name: &str, value: serde_json::Value, source: &Source| Setting {
        name: name.to_string(),
        value,
        source: source.to_string(),
        bytes: false,
    };
    let mut settings = vec![
        set("lang", ctx.lang.code().into(), &ctx.lang_source),
        set(
            "grids",
            ctx.grids_dir
                .as_ref()
                .map(|p| p.display().to_string().into())
                .unwrap_or(serde_json::Value::Null),
            &ctx.grids_source,
        ),
        set("only", json(&ctx.only), &ctx.only_source),
        set(
            "fail_under",
            json(&s.fail_under.value),
            &s.fail_under.source,
        ),
        set("fail_on", json(&s.fail_on.value), &s.fail_on.source),
        set("jobs", json(&s.jobs.value), &s.jobs.source),
    ];
    for (kind, v) in &s.limits {
        settings.push(Setting {
            name: limit_key(*kind),
            value: json(&v.value),
            source: v.source.to_string(),
            bytes: kind.is_bytes(),
        });
    }
    settings.push(set(
        "max_documents",
        json(&s.max_documents.value),
        &s.max_documents.source,
    ));
    let out = Out {
        config_file: ctx.config.as_ref().map(|c| c.path.display().to_string()),
        settings,
        waivers: waivers
            .iter()
            .map(|w| WaiverOut {
                criterion: w.criterion.clone(),
                reason: w.reason.clone(),
                expires: w.expires.map(|d| d.to_string()),
                documents: w.documents.clone(),
                expired: w.is_expired(today),
                source: format!("{}:{}", w.file, w.line),
            })
            .collect(),
    };
    let text = match ctx.format {
        Format::Json => {
            let mut t = serde_json::to_string_pretty(&out)?;
            t.push('\n');
            t
        }
        _ => render(&out, ctx),
    };
    ctx.emit(text.as_bytes())?;
    Ok(if super::spec::expired_waivers(&waivers, today) {
        Status::Failed
    } else {
        Status::Ok
    })
}

fn shown(name: &str, v: &serde_json::Value, ctx: &Ctx) -> String {
    let fr = ctx.lang == reset_criteria::Lang::Fr;
    match v {
        serde_json::Value::Null => match name {
            "grids" => ctx.lang.pick("(grilles intégrées)", "(built-in grids)"),
            "jobs" => ctx.lang.pick("(un par cœur)", "(one per core)"),
            _ => ctx.lang.pick("(aucun)", "(none)"),
        }
        .into(),
        serde_json::Value::String(s) => s.clone(),
        // An empty `only` keeps every grid; an empty `fail_on` gates nothing.
        serde_json::Value::Array(a) if a.is_empty() && name == "only" => {
            (if fr { "(toutes)" } else { "(all)" }).into()
        }
        serde_json::Value::Array(a) if a.is_empty() => ctx.lang.pick("(aucun)", "(none)").into(),
        serde_json::Value::Array(a) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn render(out: &Out, ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let mut s = String::new();
    s.push_str(&match &out.config_file {
        Some(p) => format!("{}: {p}\n\n", lang.pick("Fichier de réglages", "Settings file")),
        None => format!(
            "{}\n\n",
            lang.pick(
                "Aucun fichier reset-check.toml (en remontant depuis le dossier courant) : valeurs par défaut.",
                "No reset-check.toml (walking up from the current folder): defaults in force."
            )
        ),
    });
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.force_no_tty();
    table.set_header(vec![
        lang.pick("réglage", "setting"),
        lang.pick("valeur", "value"),
        lang.pick("source", "from"),
    ]);
    for x in &out.settings {
        let mut value = shown(&x.name, &x.value, ctx);
        if let Some(n) = x.value.as_u64().filter(|_| x.bytes) {
            value = format!("{value} ({})", human_bytes(n));
        }
        table.add_row(vec![x.name.clone(), value, x.source.clone()]);
    }
    s.push_str(&table.to_string());
    s.push('\n');
    if !out.waivers.is_empty() {
        s.push_str(&format!("\n{}\n", lang.pick("Dérogations", "Waivers")));
        for w in &out.waivers {
            let until = match (&w.expires, w.expired) {
                (Some(d), true) => format!(" ({} {d})", lang.pick("EXPIRÉE le", "EXPIRED on")),
                (Some(d), false) => format!(" ({} {d})", lang.pick("jusqu'au", "until")),
                (None, _) => String::new(),
            };
            let docs = w
                .documents
                .as_ref()
                .map(|g| format!(" [{g}]"))
                .unwrap_or_default();
            s.push_str(&format!(
                "  {}: {}{until}{docs} — {}\n",
                w.criterion, w.reason, w.source
            ));
        }
    }
    s
}

/// `100 MB`, `1.5 GB`, `300 kB`, `12 bytes` (powers of 1000, as the options read them).
fn human_bytes(n: u64) -> String {
    let (value, unit) = match n {
        n if n >= 1_000_000_000 => (n as f64 / 1e9, "GB"),
        n if n >= 1_000_000 => (n as f64 / 1e6, "MB"),
        n if n >= 1_000 => (n as f64 / 1e3, "kB"),
        n => return format!("{n} bytes"),
    };
    let s = format!("{value:.2}");
    format!("{} {unit}", s.trim_end_matches('0').trim_end_matches('.'))
}

/// A setting's value as JSON.
fn json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}
