//! Batch runs shared by `spec` and `product`: finding the documents of the
//! inputs (folders recurse; hidden entries and what a `.resetignore` names are
//! skipped), assessing them on a pool of threads with a progress bar, and
//! streaming JSON lines as documents finish.
//!
//! A document that fails, or even panics, gets a report carrying its error;
//! the others complete.

use anyhow::{bail, Result};
use indicatif::{ParallelProgressIterator, ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use reset_criteria::report::{DocumentKind, DocumentReport};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Default of `--max-documents`.
pub const DEFAULT_MAX_DOCUMENTS: usize = 100_000;

/// Name of the ignore files read in the folders given and their subfolders.
pub const IGNORE_FILE: &str = ".resetignore";

/// The name of the configuration file, never taken for a document.
const CONFIG_FILE: &str = crate::config::FILE_NAME;

/// The documents of a batch: files as given (whatever their name), folders
/// walked recursively, sorted by name, symlinks not followed (unless
/// `follow`), keeping files
/// whose extension is one of `extensions` (lowercase, without the dot).
/// Hidden files and folders (a leading dot) are skipped, and so is what the
/// gitignore-style patterns of a `.resetignore` file name, in the folder
/// given or any subfolder. Fails when more than `max` documents are found.
///
/// With `follow` (`--follow`), symbolic links are followed: a link may then
/// lead out of the folder given, and a link loop is said as a warning and
/// skipped.
pub fn expand(
    inputs: &[PathBuf],
    extensions: &[&str],
    max: usize,
    follow: bool,
) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if !p.is_dir() {
            out.push(p.clone());
        } else {
            let walker = ignore::WalkBuilder::new(p)
                .standard_filters(false)
                .hidden(true)
                .parents(false)
                .follow_links(follow)
                .add_custom_ignore_filename(IGNORE_FILE)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walker {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        // A bad pattern in a .resetignore, an unreadable folder:
                        // said, and the walk goes on.
                        eprintln!("warning: {e}");
                        continue;
                    }
                };
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let wanted = path
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| extensions.contains(&x.to_ascii_lowercase().as_str()));
                let is_config = path.file_name().is_some_and(|n| n == CONFIG_FILE);
                if is_file && wanted && !is_config {
                    out.push(path.to_path_buf());
                    if out.len() > max {
                        break;
                    }
                }
            }
        }
        if out.len() > max {
            bail!(
                "more than {max} documents in the inputs (--max-documents {max}); \
                 split the batch (or shard it across runs), name what to skip in a \
                 {IGNORE_FILE} file, or raise --max-documents"
            );
        }
    }
    Ok(out)
}

/// How a batch reports its progress and its documents as they finish.
pub struct Runner {
    /// Worker threads (`None`: one per core).
    pub jobs: Option<usize>,
    /// Write each document as one JSON line on stdout as soon as it is done.
    pub stream_jsonl: bool,
}

impl Runner {
    /// Assesses every input with `assess`, on a pool of `jobs` threads, and
    /// returns the reports in input order. A panic while assessing one
    /// document becomes that document's error.
    pub fn run<F>(
        &self,
        inputs: &[PathBuf],
        kind: DocumentKind,
        assess: F,
    ) -> Result<Vec<DocumentReport>>
    where
        F: Fn(&Path) -> DocumentReport + Sync,
    {
        if self.jobs == Some(0) {
            bail!("--jobs takes a number of threads of at least 1");
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs.unwrap_or(0))
            .build()?;
        let bar = progress_bar(inputs.len());
        let stdout = Mutex::new(StreamOut::default());
        let one = |path: &PathBuf| -> DocumentReport {
            let doc = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| assess(path)))
            {
                Ok(d) => d,
                Err(p) => {
                    let what = p
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    DocumentReport::failed(
                        path.display().to_string(),
                        kind,
                        format!(
                            "`{}`: internal error while assessing ({what}); please report it",
                            path.display()
                        ),
                    )
                }
            };
            if self.stream_jsonl {
                let line = reset_report::render_jsonl_line(&doc);
                bar.suspend(|| {
                    if let Ok(mut out) = stdout.lock() {
                        out.write(line.as_bytes());
                    }
                });
            }
            doc
        };
        let docs = pool.install(|| {
            inputs
                .par_iter()
                .progress_with(bar.clone())
                .map(one)
                .collect()
        });
        bar.finish_and_clear();
        Ok(docs)
    }
}

/// A progress bar on stderr when it is a terminal and there is more than
/// one document; hidden otherwise.
fn progress_bar(len: usize) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} documents, {elapsed} elapsed, {eta} left",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Stdout for streamed lines: stops quietly once the reader went away
/// (`reset-check spec dir/ --format jsonl | head`).
#[derive(Default)]
struct StreamOut {
    closed: bool,
}

impl StreamOut {
    fn write(&mut self, bytes: &[u8]) {
        if self.closed {
            return;
        }
        let mut out = std::io::stdout().lock();
        if out.write_all(bytes).and_then(|_| out.flush()).is_err() {
            self.closed = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    fn names(found: &[PathBuf], root: &Path) -> Vec<String> {
        found
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    #[test]
    fn folders_recurse_skipping_hidden_and_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.md",
            "b.txt",
            "notes.rs",
            ".hidden.md",
            ".git/x.md",
            "sub/c.docx",
            "sub/drafts/d.md",
            "sub/old-e.md",
            "sub/keep.md",
            "reset-check.toml",
        ] {
            touch(&root.join(f));
        }
        std::fs::write(root.join(".resetignore"), "drafts/\n").unwrap();
        std::fs::write(root.join("sub/.resetignore"), "old-*\n").unwrap();
        let found = expand(
            &[root.to_path_buf()],
            &["md", "txt", "docx", "toml"],
            100,
            false,
        )
        .unwrap();
        assert_eq!(
            names(&found, root),
            ["a.md", "b.txt", "sub/c.docx", "sub/keep.md"]
        );
    }

    #[test]
    fn files_given_are_kept_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let hidden = dir.path().join(".draft.md");
        touch(&hidden);
        let found = expand(std::slice::from_ref(&hidden), &["md"], 10, false).unwrap();
        assert_eq!(found, vec![hidden]);
    }

    #[test]
    fn too_many_documents_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            touch(&dir.path().join(format!("{i}.md")));
        }
        let e = expand(&[dir.path().to_path_buf()], &["md"], 4, false).unwrap_err();
        assert!(e.to_string().contains("--max-documents 4"), "{e}");
        assert_eq!(
            expand(&[dir.path().to_path_buf()], &["md"], 5, false)
                .unwrap()
                .len(),
            5
        );
    }
}
