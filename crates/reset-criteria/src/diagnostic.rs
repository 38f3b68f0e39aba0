//! Diagnostics in the style of rustc: what is wrong, where (file, line,
//! column, the source line underlined) and how to fix it.

use std::fmt;
use std::ops::Range;

/// One problem found in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters), 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we know.
    pub help: Option<String>,
    /// The source line, for display.
    pub source_line: Option<String>,
    /// Length of the underline in characters.
    pub width: usize,
}

impl Diagnostic {
    /// A diagnostic for a whole file (no position).
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: 0,
            column: 0,
            message: clip(message.into(), MAX_MESSAGE),
            help: None,
            source_line: None,
            width: 0,
        }
    }

    /// A diagnostic at a byte span of `source`.
    pub fn at(
        file: impl Into<String>,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let (line, column, source_line) = line_col(source, span.start);
        let end = span.end.min(source.len()).max(span.start);
        let width = source
            .get(span.start..end)
            .map(|s| s.lines().next().unwrap_or("").chars().count())
            .unwrap_or(1)
            .max(1);
        Diagnostic {
            file: file.into(),
            line,
            column,
            message: clip(message.into(), MAX_MESSAGE),
            help: None,
            source_line: Some(source_line),
            width,
        }
    }

    /// Adds a hint on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Longest message kept, in characters: a value quoted from a hostile file
/// (a 10 MB string) is cut in its middle.
const MAX_MESSAGE: usize = 600;

/// Widest source line shown, in characters, around the column.
const MAX_SHOWN: usize = 160;

/// `s` cut to at most about `max` characters, keeping its start and end.
fn clip(s: String, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s;
    }
    let keep = max / 2;
    let head: String = s.chars().take(keep).collect();
    let tail: String = s.chars().skip(n - keep).collect();
    format!("{head} […{} characters…] {tail}", n - 2 * keep)
}

/// The part of a long source line shown around `column` (1-based), and the
/// column in it.
fn window(src: &str, column: usize) -> (String, usize) {
    let n = src.chars().count();
    if n <= MAX_SHOWN {
        return (src.to_string(), column);
    }
    let start = column
        .saturating_sub(1)
        .saturating_sub(MAX_SHOWN / 3)
        .min(n);
    let end = (start + MAX_SHOWN).min(n);
    let mut shown: String = src.chars().skip(start).take(end - start).collect();
    let mut col = column - start;
    if start > 0 {
        shown.insert(0, '…');
        col += 1;
    }
    if end < n {
        shown.push('…');
    }
    (shown, col)
}

/// 1-based line and column of a byte offset, and the text of that line.
pub fn line_col(source: &str, offset: usize) -> (usize, usize, String) {
    let mut offset = offset.min(source.len());
    while offset > 0 && !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = source[line_start..offset].chars().count() + 1;
    let line_end = source[offset..]
        .find('\n')
        .map(|i| offset + i)
        .unwrap_or(source.len());
    (
        line,
        column,
        source[line_start..line_end]
            .trim_end_matches('\r')
            .to_string(),
    )
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        if self.line == 0 {
            writeln!(f, "  --> {}", self.file)?;
        } else {
            let gutter = self.line.to_string().len();
            let pad = " ".repeat(gutter);
            writeln!(f, "{pad}--> {}:{}:{}", self.file, self.line, self.column)?;
            if let Some(src) = &self.source_line {
                let (src, column) = window(src, self.column.max(1));
                writeln!(f, "{pad} |")?;
                writeln!(f, "{} | {}", self.line, src)?;
                let lead: String = src
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                writeln!(f, "{pad} | {lead}{}", "^".repeat(self.width.min(80)))?;
            }
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in a set of files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// True when no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        let n = self.0.len();
        write!(
            f,
            "error: {n} problem{} found",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_rustc() {
        let src = "a = 1\nid = \"PRIV-01\"\n";
        let d = Diagnostic::at("g.toml", src, 11..20, "duplicate id").with_help("rename it");
        let s = d.to_string();
        assert!(s.contains("--> g.toml:2:6"), "{s}");
        assert!(s.contains("2 | id = \"PRIV-01\""), "{s}");
        assert!(s.contains("^^^^^^^^^"), "{s}");
        assert!(s.contains("help: rename it"), "{s}");
    }

    #[test]
    fn a_huge_value_is_not_echoed_whole() {
        let long = "x".repeat(10_000_000);
        let src = format!("name = \"{long}\"\nvalue = \"{long}\"\n");
        let at = src.find("value").unwrap() + 9;
        let d = Diagnostic::at(
            "p.toml",
            &src,
            at..at + 3,
            format!("\"{long}\" is not one of [\"a\"]"),
        );
        let s = d.to_string();
        assert!(s.len() < 2_000, "{} bytes", s.len());
        assert!(s.contains("is not one of [\"a\"]"), "{s}");
        assert!(s.contains("--> p.toml:2:10"), "{s}");
        // The caret still sits under the column (just after the quote).
        let lines: Vec<&str> = s.lines().collect();
        let shown = lines.iter().find(|l| l.starts_with("2 | ")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        let col_shown = shown.chars().position(|c| c == '"').unwrap() + 1;
        assert_eq!(caret.chars().position(|c| c == '^').unwrap(), col_shown);
    }
}
