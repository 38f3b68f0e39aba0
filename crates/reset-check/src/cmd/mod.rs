//! One module per subcommand, and what they share: the context built from
//! the global options (language, catalog, output, colours).

pub mod completions;
pub mod diff;
pub mod explain;
pub mod extract;
pub mod grids;
pub mod init;
pub mod man;
pub mod match_;
pub mod product;
pub mod schema;
pub mod spec;
pub mod validate;

use crate::cli::{Cli, ColorArg, Command, Format, GlobalArgs, LangArg};
use anyhow::{bail, Context as _, Result};
use reset_criteria::catalog::{read_toml_files, Origin, BUILTIN_FILES};
use reset_criteria::{Catalog, Lang};
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
    let ctx = Ctx::new(cli.global);
    match cli.command {
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
}

impl Ctx {
    /// Resolves the global options against the environment.
    pub fn new(g: GlobalArgs) -> Ctx {
        let lang = match g.lang {
            Some(LangArg::Fr) => Lang::Fr,
            Some(LangArg::En) => Lang::En,
            None => lang_from_env(|k| std::env::var(k).ok()),
        };
        let color = match g.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                g.output.is_none()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Ctx {
            lang,
            grids_dir: g.grids,
            only: g.only,
            format: g.format,
            output: g.output,
            color,
        }
    }

    /// The catalog in use: built-in, plus `--grids DIR`, narrowed by `--only`.
    pub fn catalog(&self) -> Result<Catalog> {
        let catalog = match &self.grids_dir {
            Some(dir) => {
                if !dir.is_dir() {
                    bail!(
                        "--grids `{}` is not a directory; give the directory holding your grid files (*.toml)",
                        dir.display()
                    );
                }
                Catalog::load_dir(dir)?
            }
            None => Catalog::builtin().clone(),
        };
        if self.only.is_empty() {
            return Ok(catalog);
        }
        Ok(catalog.only(&self.only)?)
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

    /// A styler honouring `--color`.
    pub fn style(&self) -> Style {
        Style { on: self.color }
    }
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
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
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
