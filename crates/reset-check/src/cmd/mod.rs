//! One module per subcommand, and what they share: the context built from
//! the global options (language, catalog, output, colours).

pub mod clauses;
pub mod completions;
pub mod config;
pub mod diff;
pub mod explain;
pub mod extract;
pub mod grids;
pub mod init;
pub mod man;
pub mod match_;
pub mod product;
pub mod render;
pub mod schema;
pub mod spec;
pub mod validate;

use crate::cli::{Cli, ColorArg, Command, Format, GlobalArgs, LangArg, LimitArgs};
use crate::config::{Config, Source, Sourced, WaiverRule};
use anyhow::{bail, Context as _, Result};
use reset_criteria::catalog::{read_toml_files, Origin, BUILTIN_FILES};
use reset_criteria::{Catalog, Lang};
use reset_extract::{LimitKind, Limits};
use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// How a subcommand ended, when it did not fail with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exit 0.
    Ok,
    /// Exit 1: a threshold (`--fail-under`, `--fail-on`) was not met.
    Failed,
    /// Exit 2: invalid input, already reported on stderr.
    Invalid,
}

/// Runs the subcommand of a parsed command line.
pub fn dispatch(cli: Cli) -> Result<Status> {
    let ctx = Ctx::new(cli.global)?;
    match cli.command {
        Command::Clauses(a) => clauses::run(a, &ctx),
        Command::Config(a) => config::run(a, &ctx),
        Command::Grids(a) => grids::run(a, &ctx),
        Command::Explain(a) => explain::run(a, &ctx),
        Command::Validate(a) => validate::run(a, &ctx),
        Command::Schema(a) => schema::run(a, &ctx),
        Command::Completions(a) => completions::run(a, &ctx),
        Command::Man(a) => man::run(a, &ctx),
        Command::Spec(a) => spec::run(a, &ctx),
        Command::Product(a) => product::run(a, &ctx),
        Command::Match(a) => match_::run(a, &ctx),
        Command::Diff(a) => diff::run(a, &ctx),
        Command::Init(a) => init::run(a, &ctx),
        Command::Extract(a) => extract::run(a, &ctx),
    }
}

/// What every subcommand gets from the global options.
#[derive(Debug)]
pub struct Ctx {
    /// Language of the output.
    pub lang: Lang,
    /// `--grids DIR`.
    pub grids_dir: Option<PathBuf>,
    /// `--only`.
    pub only: Vec<String>,
    /// `--format`.
    pub format: Format,
    /// `-o FILE`.
    pub output: Option<PathBuf>,
    /// Whether to write ANSI colours.
    pub color: bool,
    /// The configuration file in use, if any.
    pub config: Option<Config>,
    /// Who set `lang`.
    pub lang_source: Source,
    /// Who set `grids_dir`.
    pub grids_source: Source,
    /// Who set `only`.
    pub only_source: Source,
}

impl Ctx {
    /// Resolves the global options against the configuration file (found
    /// or given) and the environment: command line, then file, then default.
    pub fn new(g: GlobalArgs) -> Result<Ctx> {
        let config = match crate::config::find(g.config.as_deref(), g.no_config)? {
            Some(path) => Some(crate::config::load(&path)?),
            None => None,
        };
        let file = config.as_ref();
        let cli_lang = g.lang.map(|l| match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        });
        let mut lang = crate::config::pick(
            cli_lang,
            file.and_then(|c| c.lang),
            file,
            lang_from_env(|k| std::env::var(k).ok()),
        );
        if lang.source == Source::Default && locale_is_set(|k| std::env::var(k).ok()) {
            lang.source = Source::Locale;
        }
        let grids = crate::config::pick(
            g.grids.map(Some),
            file.and_then(|c| c.grids.clone()).map(Some),
            file,
            None,
        );
        let only = crate::config::pick(
            (!g.only.is_empty()).then_some(g.only),
            file.and_then(|c| c.only.clone()),
            file,
            Vec::new(),
        );
        let color = match g.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                g.output.is_none()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Ok(Ctx {
            lang: lang.value,
            grids_dir: grids.value,
            only: only.value,
            format: g.format,
            output: g.output,
            color,
            config,
            lang_source: lang.source,
            grids_source: grids.source,
            only_source: only.source,
        })
    }

    /// The catalog before `--only`: built-in plus `--grids DIR`.
    pub fn full_catalog(&self) -> Result<Cow<'static, Catalog>> {
        Ok(match &self.grids_dir {
            Some(dir) => Cow::Owned(Catalog::load_dir(dir)?),
            None => Cow::Borrowed(Catalog::builtin()),
        })
    }

    /// The waivers of the configuration file, their criterion ids checked
    /// against the full catalog (before `--only`), and the file's `fail_on`
    /// ids too.
    pub fn waivers(&self) -> Result<Vec<WaiverRule>> {
        let Some(config) = &self.config else {
            return Ok(Vec::new());
        };
        config.check_criteria(&*self.full_catalog()?)?;
        Ok(config.waivers.clone())
    }

    /// The settings of a run: the command line's values (`None` when not
    /// given) merged with the configuration file and the defaults.
    pub fn settings(&self, cli: RunOptions) -> Settings {
        let file = self.config.as_ref();
        Settings {
            fail_under: crate::config::pick(
                cli.fail_under.map(Some),
                file.and_then(|c| c.fail_under).map(Some),
                file,
                None,
            ),
            fail_on: crate::config::pick(
                (!cli.fail_on.is_empty()).then_some(cli.fail_on),
                file.and_then(|c| c.fail_on()),
                file,
                Vec::new(),
            ),
            jobs: crate::config::pick(
                cli.jobs.map(Some),
                file.and_then(|c| c.jobs).map(Some),
                file,
                None,
            ),
            limits: LimitKind::ALL
                .into_iter()
                .map(|kind| {
                    let value = crate::config::pick(
                        cli.limits.get(kind),
                        file.and_then(|c| c.limit(kind)),
                        file,
                        Limits::default().get(kind),
                    );
                    (kind, value)
                })
                .collect(),
            max_documents: crate::config::pick(
                cli.max_documents,
                file.and_then(|c| c.max_documents),
                file,
                crate::batch::DEFAULT_MAX_DOCUMENTS,
            ),
        }
    }

    /// True when the run uses the built-in catalog as it is (no `--grids`,
    /// no `--only`): its automaton can be built before the catalog is read.
    pub fn uses_builtin_catalog(&self) -> bool {
        self.grids_dir.is_none() && self.only.is_empty()
    }

    /// The catalog in use: built-in, plus `--grids DIR`, narrowed by `--only`.
    /// The built-in one is borrowed, not copied: with its compiled cues, it
    /// is shared by the whole process.
    pub fn catalog(&self) -> Result<Cow<'static, Catalog>> {
        let catalog = match &self.grids_dir {
            Some(dir) => {
                if !dir.is_dir() {
                    bail!(
                        "--grids `{}` is not a directory; give the directory holding your grid files (*.toml)",
                        dir.display()
                    );
                }
                Cow::Owned(Catalog::load_dir(dir)?)
            }
            None => Cow::Borrowed(Catalog::builtin()),
        };
        if self.only.is_empty() {
            return Ok(catalog);
        }
        Ok(Cow::Owned(catalog.only(&self.only)?))
    }

    /// Where a grid of [`Ctx::catalog`] comes from: `None` when built in,
    /// else the file it was read from.
    pub fn origin_file(&self, origin: &Origin) -> Option<String> {
        let name = match origin {
            Origin::Builtin => return None,
            Origin::File(f) => f,
        };
        // The built-in catalog is itself parsed from (embedded) files.
        let builtin = BUILTIN_FILES.iter().any(|(n, _)| n == name);
        let from_user = match &self.grids_dir {
            Some(dir) => read_toml_files(dir)
                .map(|fs| fs.iter().any(|f| &f.name == name))
                .unwrap_or(true),
            None => false,
        };
        if builtin && !from_user {
            None
        } else {
            Some(name.clone())
        }
    }

    /// Fails unless the chosen `--format` is one of `supported`.
    pub fn require_format(&self, command: &str, supported: &[Format]) -> Result<()> {
        if supported.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = supported.iter().map(|f| f.name()).collect();
        bail!(
            "`{command}` does not write `--format {}`; use one of: {}",
            self.format.name(),
            names.join(", ")
        )
    }

    /// Writes the whole output to stdout, or to `-o FILE` atomically (a
    /// temporary file in the same directory, renamed once complete).
    pub fn emit(&self, bytes: &[u8]) -> Result<()> {
        match &self.output {
            None => {
                let mut out = std::io::stdout().lock();
                match out.write_all(bytes).and_then(|_| out.flush()) {
                    Ok(()) => Ok(()),
                    // `reset-check grids | head` is not an error.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                    Err(e) => Err(e).context("cannot write to stdout"),
                }
            }
            Some(path) => write_atomically(path, bytes),
        }
    }

    /// Like [`Ctx::emit`], but the output is written piece by piece by
    /// `write` (through a buffer) instead of being held whole in memory:
    /// to stdout, or to a temporary file renamed to `-o FILE` once complete
    /// (nothing is left behind on failure).
    pub fn emit_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        match &self.output {
            None => {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
                match write(&mut out).and_then(|_| out.flush()) {
                    Ok(()) => Ok(()),
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                    Err(e) => Err(e).context("cannot write to stdout"),
                }
            }
            Some(path) => write_atomically_with(path, write),
        }
    }

    /// A styler honouring `--color`.
    pub fn style(&self) -> Style {
        Style { on: self.color }
    }
}

/// The options of a run that the configuration file may also set, as given
/// on the command line (`None` or empty when not given).
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// `--fail-under`.
    pub fail_under: Option<f64>,
    /// `--fail-on`.
    pub fail_on: Vec<String>,
    /// `--jobs`.
    pub jobs: Option<usize>,
    /// The extraction limits (`--max-input-size`, `--max-inflated`, ...).
    pub limits: LimitArgs,
    /// `--max-documents`.
    pub max_documents: Option<usize>,
}

/// The merged settings of a run, each with where it came from.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Exit 1 below this overall score.
    pub fail_under: Sourced<Option<f64>>,
    /// Exit 1 when one of these criteria is below level 2 (and not waived).
    pub fail_on: Sourced<Vec<String>>,
    /// Worker threads (`None`: one per core).
    pub jobs: Sourced<Option<usize>>,
    /// The extraction limits, each with where it came from, in the order
    /// of [`LimitKind::ALL`].
    pub limits: Vec<(LimitKind, Sourced<u64>)>,
    /// Most documents in one batch.
    pub max_documents: Sourced<usize>,
}

impl Settings {
    /// The extraction limits in force.
    pub fn extract_limits(&self) -> Limits {
        let mut limits = Limits::default();
        for (kind, v) in &self.limits {
            limits.set(*kind, v.value);
        }
        limits
    }
}

/// Whether a locale variable is set (then the default language comes from it).
fn locale_is_set(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .any(|k| var(k).is_some_and(|v| !v.is_empty()))
}

/// The default language from the locale variables: LC_ALL, then
/// LC_MESSAGES, then LANG; English when none is French or English.
pub fn lang_from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = var(key).filter(|v| !v.is_empty()) {
            // The first variable set decides, as in POSIX.
            return Lang::parse(&v).unwrap_or(Lang::En);
        }
    }
    Lang::En
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(path, |w| w.write_all(bytes))
}

/// Writes a file through `write` into a temporary file of the same folder,
/// renamed to `path` once complete; removed on failure.
fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("-o `{}` is not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::File::create(&tmp)
        .and_then(|f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
            write(&mut w)?;
            w.flush()
        })
        .and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write `{}`", path.display()))
}

/// ANSI styling, on or off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    fn wrap(self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// Bold text.
    pub fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }

    /// Dimmed text.
    pub fn dim(self, s: &str) -> String {
        self.wrap("2", s)
    }

    /// Cyan text (ids, code).
    pub fn code(self, s: &str) -> String {
        self.wrap("36", s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn lang_follows_the_locale() {
        assert_eq!(lang_from_env(env(&[])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", ""), ("LANG", "fr_CA")])),
            Lang::Fr
        );
        assert_eq!(lang_from_env(env(&[("LANG", "C.UTF-8")])), Lang::En);
    }
}
