//! The library's first door: load and validate a source folder, every problem at once.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, SourceFiles};
use crate::load::{self, LoadError};
use crate::model::{Date, Guidance};
use crate::validate;

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    /// The source folder (holding guidance.yaml).
    pub source: PathBuf,
    /// The day that decides which dates count as passed (review dates, contact checks).
    pub today: Date,
    /// Warnings fail the check as errors do.
    pub deny_warnings: bool,
}

impl CheckRequest {
    /// Checks `source` as of today (UTC), with warnings allowed.
    pub fn new(source: impl Into<PathBuf>) -> Self {
        CheckRequest { source: source.into(), today: today(), deny_warnings: false }
    }

    pub fn on(mut self, day: Date) -> Self {
        self.today = day;
        self
    }

    pub fn deny_warnings(mut self, deny: bool) -> Self {
        self.deny_warnings = deny;
        self
    }
}

/// The result of loading and validating a source folder.
pub struct Checked {
    /// Present only when there are no errors.
    pub guidance: Option<Guidance>,
    pub diags: Vec<Diagnostic>,
    pub files: SourceFiles,
    pub deny_warnings: bool,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }

    /// `(errors, warnings)`.
    pub fn counts(&self) -> (usize, usize) {
        crate::diag::summary(&self.diags)
    }

    /// Errors, or warnings when they are denied: the source may not be built.
    pub fn failed(&self) -> bool {
        let (errors, warnings) = self.counts();
        errors > 0 || (self.deny_warnings && warnings > 0)
    }
}

/// Loads and validates `request.source`. `Err` only when the folder cannot be read at all;
/// problems in the content are diagnostics in [`Checked`].
pub fn check(request: &CheckRequest) -> Result<Checked, LoadError> {
    check_dir(&request.source, request.today, request.deny_warnings)
}

fn check_dir(dir: &Path, today: Date, deny_warnings: bool) -> Result<Checked, LoadError> {
    let loaded = load::load(dir)?;
    let mut diags = loaded.diags;
    diags.extend(validate::validate(loaded.guidance.as_ref(), &loaded.index, &loaded.files, today));
    let has_errors = diags.iter().any(Diagnostic::is_error);
    let guidance = if has_errors { None } else { loaded.guidance };
    Ok(Checked { guidance, diags, files: loaded.files, deny_warnings })
}

/// Today's date from the system clock (UTC).
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    Date::from_days_since_epoch(secs.div_euclid(86_400))
}

/// The timestamp written into outputs: `SOURCE_DATE_EPOCH` when set (reproducible builds),
/// otherwise midnight UTC on the document's published date. Never the wall clock, so the same
/// source gives the same bytes. A `SOURCE_DATE_EPOCH` that is not a whole number of seconds
/// is refused rather than silently ignored.
pub fn build_timestamp(guidance: &Guidance) -> Result<i64, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) if !s.trim().is_empty() => s.trim().parse::<i64>().ok().filter(|t| (0..=253_402_300_799).contains(t)).ok_or_else(|| {
            format!(
                "SOURCE_DATE_EPOCH is `{s}`; it must be a whole number of seconds since 1970-01-01 (for example `git log -1 --format=%ct`)"
            )
        }),
        _ => Ok(guidance.document.published.unix_seconds()),
    }
}
