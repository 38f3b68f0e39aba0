//! `reset-check.toml`: the settings of a project, and its waivers.
//!
//! The file is found by walking up from the current folder (or given with
//! `--config FILE`; `--no-config` ignores it). Every setting is taken from
//! the command line first, then from the file, then from the default, and
//! `Settings` remembers which one decided. Errors point to the file, line
//! and column (TOML spans).
//!
//! ```toml
//! grids = "grids/"            # custom grids, relative to this file
//! lang = "fr"
//! only = ["privacy", "inclusivity"]
//! fail_under = 60
//! fail_on = ["PRIV-01"]
//! jobs = 4
//!
//! [limits]
//! max_input_size = "50M"    # a size: bytes, or with k, M, G (Ki, Mi, Gi)
//! max_xml_depth = 128       # also max_inflated, max_entries, max_pdf_pages,
//!                           # max_html_depth, max_files (see `reset-check spec --help`)
//! max_documents = 20000
//!
//! [[waivers]]
//! criterion = "INCL-03"
//! reason = "Accessibility audit planned in lot 2"
//! expires = 2026-06-30
//! documents = "lot-1/**"
//! ```

use crate::cli::{limit_key, parse_size};
use anyhow::{bail, Context as _, Result};
use reset_criteria::report::{DocumentReport, Waiver};
use reset_criteria::{Catalog, Diagnostic, Diagnostics, Lang};
use reset_extract::LimitKind;
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;

/// The name of the configuration file.
pub const FILE_NAME: &str = "reset-check.toml";

/// A configuration file, read and checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// Its absolute path.
    pub path: PathBuf,
    /// Its path as shown in messages (relative to the current folder when below it).
    pub display: String,
    /// Its text (for diagnostics found later, against the catalog).
    text: String,
    /// `grids`, resolved against the file's folder.
    pub grids: Option<PathBuf>,
    /// `lang`.
    pub lang: Option<Lang>,
    /// `only`.
    pub only: Option<Vec<String>>,
    /// `fail_under`.
    pub fail_under: Option<f64>,
    /// `fail_on`, with the span of each id.
    fail_on: Option<Vec<Spanned<String>>>,
    /// `jobs`.
    pub jobs: Option<usize>,
    /// The extraction limits of `[limits]` (`max_input_size`, in bytes,
    /// `max_inflated`, `max_entries`...), those the file sets.
    pub limits: Vec<(LimitKind, u64)>,
    /// `[limits] max_documents`.
    pub max_documents: Option<usize>,
    /// `[[waivers]]`.
    pub waivers: Vec<WaiverRule>,
}

/// One `[[waivers]]` entry.
#[derive(Debug, Clone)]
pub struct WaiverRule {
    /// The criterion set aside.
    pub criterion: String,
    /// Why (mandatory).
    pub reason: String,
    /// The last day it holds.
    pub expires: Option<Date>,
    /// Only for the documents matching this glob (relative to the config file's folder).
    pub documents: Option<String>,
    matcher: Option<globset::GlobMatcher>,
    /// The file that declares it, as shown in messages.
    pub file: String,
    /// Its line in that file.
    pub line: usize,
    criterion_span: Range<usize>,
    base: PathBuf,
}

impl WaiverRule {
    /// True once the day after `expires` has come.
    pub fn is_expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|d| today > d)
    }

    /// Whether the waiver covers a document (by its source, as named by the user).
    pub fn covers(&self, source: &str) -> bool {
        let Some(m) = &self.matcher else {
            return true;
        };
        let given = Path::new(source);
        if m.is_match(given) || given.file_name().is_some_and(|n| m.is_match(n)) {
            return true;
        }
        let abs = std::env::current_dir()
            .map(|cwd| cwd.join(given))
            .unwrap_or_else(|_| given.to_path_buf());
        let abs: PathBuf = abs
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect();
        abs.strip_prefix(&self.base)
            .is_ok_and(|rel| m.is_match(rel))
    }

    /// What a report shows.
    pub fn waiver(&self) -> Waiver {
        Waiver {
            reason: self.reason.clone(),
            expires: self.expires.map(|d| d.to_string()),
        }
    }

    /// The message of an expired waiver.
    pub fn expired_message(&self) -> String {
        format!(
            "the waiver of {} expired on {} ({}:{}); renew it with a later `expires` or remove it",
            self.criterion,
            self.expires.map(|d| d.to_string()).unwrap_or_default(),
            self.file,
            self.line
        )
    }
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1-12.
    pub month: u8,
    /// Day 1-31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: Range<usize>| -> Option<u32> {
            let t = &s[r];
            t.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| t.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let d = Date {
            year: year as i32,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        };
        let valid =
            (1..=12).contains(&d.month) && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
        valid.then_some(d)
    }

    /// Today (UTC).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days((secs / 86_400) as i64)
    }

    /// The day `days` after 1970-01-01 (H. Hinnant's civil_from_days).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    grids: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    only: Option<Vec<String>>,
    fail_under: Option<Spanned<f64>>,
    fail_on: Option<Vec<Spanned<String>>>,
    jobs: Option<Spanned<i64>>,
    limits: Option<RawLimits>,
    #[serde(default)]
    waivers: Vec<Spanned<RawWaiver>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_input_size: Option<Spanned<toml::Value>>,
    max_inflated: Option<Spanned<toml::Value>>,
    max_entries: Option<Spanned<toml::Value>>,
    max_xml_depth: Option<Spanned<toml::Value>>,
    max_pdf_pages: Option<Spanned<toml::Value>>,
    max_html_depth: Option<Spanned<toml::Value>>,
    max_files: Option<Spanned<toml::Value>>,
    max_documents: Option<Spanned<i64>>,
}

impl RawLimits {
    /// The value written for an extraction limit, if any.
    fn take(&mut self, kind: LimitKind) -> Option<Spanned<toml::Value>> {
        match kind {
            LimitKind::InputSize => self.max_input_size.take(),
            LimitKind::InflatedSize => self.max_inflated.take(),
            LimitKind::ZipEntries => self.max_entries.take(),
            LimitKind::XmlDepth => self.max_xml_depth.take(),
            LimitKind::PdfPages => self.max_pdf_pages.take(),
            LimitKind::HtmlDepth => self.max_html_depth.take(),
            LimitKind::DossierFiles => self.max_files.take(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    criterion: Spanned<String>,
    reason: Option<Spanned<String>>,
    expires: Option<Spanned<toml::Value>>,
    documents: Option<Spanned<String>>,
}

/// Finds the configuration file: `explicit` when given (it must exist),
/// none with `no_config`, else the first `reset-check.toml` walking up from
/// the current folder.
pub fn find(explicit: Option<&Path>, no_config: bool) -> Result<Option<PathBuf>> {
    if no_config {
        return Ok(None);
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    if let Some(p) = explicit {
        if !p.is_file() {
            bail!(
                "--config `{}`: no such file; give the path of a {FILE_NAME}, or --no-config",
                p.display()
            );
        }
        return Ok(Some(cwd.join(p)));
    }
    Ok(cwd
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file()))
}

/// Reads and checks a configuration file (all but the criterion ids, which
/// need the catalog: see [`Config::check_criteria`]).
pub fn load(path: &Path) -> Result<Config> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the configuration `{}`", path.display()))?;
    let display = std::env::current_dir()
        .ok()
        .and_then(|cwd| relative_to(path, &cwd))
        .unwrap_or_else(|| path.display().to_string());
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(&text, &display, &base).map(|mut c| {
        c.path = path.to_path_buf();
        c
    })
}

fn relative_to(path: &Path, cwd: &Path) -> Option<String> {
    let rel = path
        .strip_prefix(cwd)
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            // A file in a parent folder: `../reset-check.toml`.
            let dir = path.parent()?;
            let up = cwd.strip_prefix(dir).ok()?.components().count();
            Some(PathBuf::from("../".repeat(up)).join(path.file_name()?))
        })?;
    Some(rel.display().to_string())
}

/// Parses the text of a configuration file named `display`, whose relative
/// paths start at `base`.
pub fn parse(text: &str, display: &str, base: &Path) -> Result<Config> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let d = match e.span() {
            Some(span) => Diagnostic::at(display, text, span, e.message().trim()),
            None => Diagnostic::file(display, e.message().trim()),
        };
        let d = if e.message().contains("unknown field") {
            d.with_help(
                "the settings are grids, lang, only, fail_under, fail_on, jobs, [limits] \
                 (max_input_size, max_inflated, max_entries, max_xml_depth, max_pdf_pages, \
                 max_html_depth, max_files, max_documents) and [[waivers]] (criterion, reason, \
                 expires, documents)",
            )
        } else {
            d
        };
        Diagnostics(vec![d])
    })?;
    let mut problems = Vec::new();
    let at = |span: Range<usize>, msg: String| Diagnostic::at(display, text, span, msg);

    let grids = raw.grids.and_then(|g| {
        let dir = base.join(g.get_ref());
        if dir.is_dir() {
            Some(dir)
        } else {
            problems.push(
                at(
                    g.span(),
                    format!("grids: `{}` is not a directory", dir.display()),
                )
                .with_help("give the folder of your grid files (*.toml), relative to this file"),
            );
            None
        }
    });
    let lang = raw.lang.and_then(|l| match l.get_ref().as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        other => {
            problems.push(
                at(l.span(), format!("lang: unknown language `{other}`"))
                    .with_help("write lang = \"fr\" or lang = \"en\""),
            );
            None
        }
    });
    let fail_under = raw.fail_under.and_then(|f| {
        let v = *f.get_ref();
        if (0.0..=100.0).contains(&v) {
            Some(v)
        } else {
            problems.push(at(
                f.span(),
                format!("fail_under takes a score between 0 and 100, not {v}"),
            ));
            None
        }
    });
    let jobs = raw.jobs.and_then(|j| match usize::try_from(*j.get_ref()) {
        Ok(n) if n >= 1 => Some(n),
        _ => {
            problems.push(at(
                j.span(),
                "jobs takes a number of threads of at least 1".into(),
            ));
            None
        }
    });
    let (mut limits, mut max_documents) = (Vec::new(), None);
    if let Some(mut l) = raw.limits {
        for kind in LimitKind::ALL {
            let Some(m) = l.take(kind) else {
                continue;
            };
            let parsed = match (m.get_ref(), kind.is_bytes()) {
                (toml::Value::Integer(n), true) => {
                    u64::try_from(*n).map_err(|_| "a size cannot be negative".to_string())
                }
                (toml::Value::String(s), true) => parse_size(s),
                (_, true) => Err("write a number of bytes or a size such as \"100M\"".to_string()),
                (toml::Value::Integer(n), false) => match u64::try_from(*n) {
                    Ok(n) if n >= 1 => Ok(n),
                    _ => Err("takes a number of at least 1".to_string()),
                },
                (_, false) => Err("takes a whole number, without quotes".to_string()),
            };
            match parsed {
                Ok(n) => limits.push((kind, n)),
                Err(e) => problems.push(at(m.span(), format!("{}: {e}", limit_key(kind)))),
            }
        }
        if let Some(m) = l.max_documents {
            match usize::try_from(*m.get_ref()) {
                Ok(n) if n >= 1 => max_documents = Some(n),
                _ => problems.push(at(
                    m.span(),
                    "max_documents takes a number of at least 1".into(),
                )),
            }
        }
    }
    let mut waivers = Vec::new();
    for w in raw.waivers {
        let span = w.span();
        let line = reset_criteria::diagnostic::line_col(text, span.start).0;
        let w = w.into_inner();
        let reason = match &w.reason {
            Some(r) if !r.get_ref().trim().is_empty() => Some(r.get_ref().trim().to_string()),
            Some(r) => {
                problems.push(at(r.span(), "a waiver's reason cannot be empty".into()));
                None
            }
            None => {
                problems.push(
                    at(
                        w.criterion.span(),
                        format!("the waiver of {} has no `reason`", w.criterion.get_ref()),
                    )
                    .with_help(
                        "a waiver must say why the criterion is set aside: reason = \"...\"",
                    ),
                );
                None
            }
        };
        let expires = match &w.expires {
            None => None,
            Some(e) => {
                let date = match e.get_ref() {
                    toml::Value::String(s) => Date::parse(s),
                    toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
                        d.date.and_then(|x| Date::parse(&x.to_string()))
                    }
                    _ => None,
                };
                match date {
                    Some(d) => Some(d),
                    None => {
                        problems.push(
                            at(e.span(), "expires: not a date".into())
                                .with_help("write the last day the waiver holds as YYYY-MM-DD, e.g. expires = 2026-06-30"),
                        );
                        continue;
                    }
                }
            }
        };
        let (documents, matcher) = match &w.documents {
            None => (None, None),
            Some(g) => match globset::GlobBuilder::new(g.get_ref())
                .literal_separator(true)
                .build()
            {
                Ok(glob) => (Some(g.get_ref().clone()), Some(glob.compile_matcher())),
                Err(e) => {
                    problems.push(at(g.span(), format!("documents: not a glob pattern: {e}")));
                    continue;
                }
            },
        };
        let Some(reason) = reason else {
            continue;
        };
        waivers.push(WaiverRule {
            criterion: w.criterion.get_ref().clone(),
            reason,
            expires,
            documents,
            matcher,
            file: display.to_string(),
            line,
            criterion_span: w.criterion.span(),
            base: base.to_path_buf(),
        });
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems).into());
    }
    Ok(Config {
        path: base.join(FILE_NAME),
        display: display.to_string(),
        text: text.to_string(),
        grids,
        lang,
        only: raw.only,
        fail_under,
        fail_on: raw.fail_on,
        jobs,
        limits,
        max_documents,
        waivers,
    })
}

impl Config {
    /// The value the file sets for an extraction limit, if any.
    pub fn limit(&self, kind: LimitKind) -> Option<u64> {
        self.limits
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, v)| *v)
    }

    /// The ids of `fail_on`.
    pub fn fail_on(&self) -> Option<Vec<String>> {
        self.fail_on
            .as_ref()
            .map(|v| v.iter().map(|s| s.get_ref().clone()).collect())
    }

    /// Checks the criterion ids of `fail_on` and of the waivers against a
    /// catalog, suggesting the closest known id.
    pub fn check_criteria(&self, catalog: &Catalog) -> Result<(), Diagnostics> {
        let mut problems = Vec::new();
        let mut check = |id: &str, span: Range<usize>, what: &str| {
            if catalog.criterion(id).is_none() {
                let mut d = Diagnostic::at(
                    &self.display,
                    &self.text,
                    span,
                    format!("{what}: unknown criterion `{id}`"),
                );
                d = match reset_criteria::suggest::closest(id, catalog.criterion_ids()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help("`reset-check grids` lists the criteria"),
                };
                problems.push(d);
            }
        };
        for id in self.fail_on.iter().flatten() {
            check(id.get_ref(), id.span(), "fail_on");
        }
        for w in &self.waivers {
            check(&w.criterion, w.criterion_span.clone(), "waiver");
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(problems))
        }
    }
}

/// Marks the criteria that the waivers in force (not expired on `today`) set
/// aside in a document.
pub fn apply_waivers(doc: &mut DocumentReport, waivers: &[WaiverRule], today: Date) {
    for w in waivers
        .iter()
        .filter(|w| !w.is_expired(today) && w.covers(&doc.source))
    {
        for c in doc.grids.iter_mut().flat_map(|g| g.criteria.iter_mut()) {
            if c.id.eq_ignore_ascii_case(&w.criterion) && c.waived.is_none() {
                c.waived = Some(w.waiver());
            }
        }
    }
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The built-in default.
    Default,
    /// The locale (LC_ALL, LC_MESSAGES, LANG).
    Locale,
    /// A configuration file (as shown).
    File(String),
    /// An option of the command line.
    CommandLine,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::Locale => f.write_str("locale (LC_ALL, LC_MESSAGES, LANG)"),
            Source::File(p) => f.write_str(p),
            Source::CommandLine => f.write_str("command line"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    /// The value in force.
    pub value: T,
    /// Who set it.
    pub source: Source,
}

/// The command line first, then the file, then the default.
pub fn pick<T>(cli: Option<T>, file: Option<T>, config: Option<&Config>, default: T) -> Sourced<T> {
    match (cli, file) {
        (Some(v), _) => Sourced {
            value: v,
            source: Source::CommandLine,
        },
        (None, Some(v)) => Sourced {
            value: v,
            source: Source::File(config.map(|c| c.display.clone()).unwrap_or_default()),
        },
        (None, None) => Sourced {
            value: default,
            source: Source::Default,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> String {
        let e = parse(text, "reset-check.toml", Path::new("/nonexistent")).unwrap_err();
        format!("{e:#}")
    }

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "tomorrow",
            "2024-04-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(19_782).to_string(), "2024-02-29");
        assert!(Date::today().year >= 2024);
    }

    #[test]
    fn a_full_file_parses() {
        let c = parse(
            r#"
lang = "fr"
only = ["privacy"]
fail_under = 60
fail_on = ["PRIV-01"]
jobs = 2
[limits]
max_input_size = "20M"
max_inflated = "1Gi"
max_entries = 100
max_xml_depth = 64
max_pdf_pages = 50
max_html_depth = 128
max_files = 20
max_documents = 50
[[waivers]]
criterion = "PRIV-04"
reason = "DPIA done by the DPO"
expires = 2099-12-31
[[waivers]]
criterion = "INCL-01"
reason = "lot 2"
expires = "2020-01-01"
documents = "lot-2/**"
"#,
            "reset-check.toml",
            Path::new("/p"),
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::Fr));
        assert_eq!(c.fail_under, Some(60.0));
        assert_eq!(c.limit(LimitKind::InputSize), Some(20_000_000));
        assert_eq!(c.limit(LimitKind::InflatedSize), Some(1 << 30));
        assert_eq!(c.limit(LimitKind::ZipEntries), Some(100));
        assert_eq!(c.limit(LimitKind::XmlDepth), Some(64));
        assert_eq!(c.limit(LimitKind::PdfPages), Some(50));
        assert_eq!(c.limit(LimitKind::HtmlDepth), Some(128));
        assert_eq!(c.limit(LimitKind::DossierFiles), Some(20));
        assert_eq!(c.max_documents, Some(50));
        assert_eq!(c.waivers.len(), 2);
        assert_eq!(c.waivers[0].line, 16);
        let today = Date::parse("2025-01-01").unwrap();
        assert!(!c.waivers[0].is_expired(today));
        assert!(c.waivers[1].is_expired(today));
        assert!(c.waivers[1].covers("lot-2/cctp.md"));
        assert!(c.waivers[1].covers("/p/lot-2/a/cctp.md"));
        assert!(!c.waivers[1].covers("lot-1/cctp.md"));
        assert!(c.waivers[0].covers("anything.md"));
        assert!(c.check_criteria(Catalog::builtin()).is_ok());
    }

    #[test]
    fn errors_point_to_the_line() {
        let e = parse_err("lang = \"fr\"\ncolour = true\n");
        assert!(e.contains("reset-check.toml:2:1"), "{e}");
        assert!(e.contains("unknown field"), "{e}");
        let e = parse_err("[[waivers]]\ncriterion = \"PRIV-04\"\n");
        assert!(e.contains("no `reason`") && e.contains(":2:"), "{e}");
        let e = parse_err(
            "[[waivers]]\ncriterion = \"PRIV-04\"\nreason = \"x\"\nexpires = \"31/12/2026\"\n",
        );
        assert!(e.contains("not a date") && e.contains(":4:"), "{e}");
        let e = parse_err("[limits]\nmax_entries = 0\n");
        assert!(
            e.contains("max_entries: takes a number of at least 1") && e.contains(":2:"),
            "{e}"
        );
        let e = parse_err("[limits]\nmax_pdf_pages = \"10\"\n");
        assert!(e.contains("max_pdf_pages: takes a whole number"), "{e}");
        let e = parse_err("[limits]\nmax_inflated = \"lots\"\n");
        assert!(e.contains("max_inflated: unknown size unit"), "{e}");
        let e = parse_err("[limits]\nmax_zip_entries = 3\n");
        assert!(
            e.contains("unknown field") && e.contains("max_entries"),
            "{e}"
        );
        let e = parse_err("lang = \"de\"\n");
        assert!(e.contains("unknown language"), "{e}");
        let c = parse(
            "fail_on = [\"PRIV-1\"]\n[[waivers]]\ncriterion = \"PRIV-04\"\nreason = \"x\"\n",
            "reset-check.toml",
            Path::new("/p"),
        )
        .unwrap();
        let e = c
            .check_criteria(Catalog::builtin())
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown criterion `PRIV-1`"), "{e}");
        assert!(e.contains("did you mean `PRIV-01`"), "{e}");
        assert!(e.contains("reset-check.toml:1:"), "{e}");
    }
}
