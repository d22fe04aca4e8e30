//! Diagnostics: every problem found in a source, with where it is, what was expected and a hint.
//!
//! The loader and validator never stop at the first problem: they push [`Diagnostic`]s into a
//! list and the caller renders them all at once, with source snippets, through
//! codespan-reporting (the same crate typst's own CLI uses).

use std::fmt;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

/// Index of a file in [`SourceFiles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FileId(pub usize);

/// A place in a source file: 1-based line and column (in characters), and the byte range
/// used to underline it in snippets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    pub file: FileId,
    pub line: usize,
    pub col: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem. `path` is the field path inside the file (`sections[3].blocks[2].rows[1]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub loc: Loc,
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(loc: Loc, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, loc, path: path.into(), message: message.into(), hint: None }
    }

    pub fn warning(loc: Loc, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, loc, path: path.into(), message: message.into(), hint: None }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text of every file read while loading, so diagnostics can quote them.
#[derive(Debug, Default, Clone)]
pub struct SourceFiles {
    files: Vec<(PathBuf, String)>,
    /// Byte offset of the start of every line, per file, so locating a node is not a scan
    /// from the top of the file (the loader locates every node).
    line_starts: Vec<Vec<usize>>,
}

impl SourceFiles {
    pub fn add(&mut self, path: &Path, text: String) -> FileId {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        self.line_starts.push(starts);
        self.files.push((path.to_path_buf(), text));
        FileId(self.files.len() - 1)
    }

    /// Every file held, in the order they were added.
    pub fn ids(&self) -> impl Iterator<Item = FileId> {
        (0..self.files.len()).map(FileId)
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.files[id.0].0
    }

    pub fn text(&self, id: FileId) -> &str {
        &self.files[id.0].1
    }

    /// A location for a (1-based line, 0-based character column) pair as the YAML parser reports it.
    pub fn loc_at(&self, file: FileId, line: usize, char_col: usize, char_len: usize) -> Loc {
        let text = self.text(file);
        let starts = &self.line_starts[file.0];
        let line_start = starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len()).min(text.len());
        let rest = &text[line_start..];
        let byte_of = |chars: usize| rest.char_indices().nth(chars).map(|(i, _)| i).unwrap_or(rest.len());
        let start = line_start + byte_of(char_col);
        let line_end = rest.find('\n').map(|i| line_start + i).unwrap_or(text.len());
        let end = (line_start + byte_of(char_col + char_len.max(1))).min(line_end).max(start);
        Loc { file, line: line.max(1), col: char_col + 1, start, end }
    }

    /// Location of the start of a file, for problems that concern the whole file.
    pub fn file_start(&self, file: FileId) -> Loc {
        Loc { file, line: 1, col: 1, start: 0, end: 0 }
    }

    /// Render diagnostics as plain text (snippets included), one after another.
    pub fn render(&self, diags: &[Diagnostic]) -> String {
        let mut files = SimpleFiles::new();
        for (path, text) in &self.files {
            files.add(path.display().to_string(), text.as_str());
        }
        let config = term::Config::default();
        let mut out = String::new();
        for d in diags {
            let cs = to_codespan(d);
            if term::emit_to_string(&mut out, &config, &files, &cs).is_err() {
                // A location outside the file text: fall back to the one-line form.
                out.push_str(&format!("{}\n", self.one_line(d)));
            }
        }
        out
    }

    /// `file:line:col: error: message [path]` — the compact form used in summaries and tests.
    pub fn one_line(&self, d: &Diagnostic) -> String {
        let sev = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut s = format!("{}:{}:{}: {sev}: {}", self.path(d.loc.file).display(), d.loc.line, d.loc.col, d.message);
        if !d.path.is_empty() {
            s.push_str(&format!(" (at `{}`)", d.path));
        }
        if let Some(h) = &d.hint {
            s.push_str(&format!("; hint: {h}"));
        }
        s
    }
}

fn to_codespan(d: &Diagnostic) -> CsDiagnostic<usize> {
    let base = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    };
    let label_text = if d.path.is_empty() { String::new() } else { format!("in `{}`", d.path) };
    let mut notes = Vec::new();
    if let Some(h) = &d.hint {
        notes.push(format!("hint: {h}"));
    }
    base.with_message(&d.message)
        .with_labels(vec![Label::primary(d.loc.file.0, d.loc.start..d.loc.end).with_message(label_text)])
        .with_notes(notes)
}

/// Counts of errors and warnings, for the one-line summary.
pub fn summary(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}
