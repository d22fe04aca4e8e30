//! guidepress: one YAML source of safeguarding guidance compiled into an accessible PDF, an
//! editable Word document and printable flyers.
//!
//! The pipeline runs one way: [`load`] (YAML → typed model, with locations) → [`validate`]
//! (every problem at once) → [`model`] (the one representation every back-end reads) →
//! render → write.

pub mod diag;
pub mod files;
pub mod load;
pub mod model;
pub mod output;
pub mod picture;
pub mod pipeline;
pub mod render;
pub mod source;
pub mod validate;

use std::path::Path;

use diag::{Diagnostic, SourceFiles};
use model::{Date, Guidance};

/// The type family used when a brand names none; its files are in `fonts/`.
pub const DEFAULT_FONT: &str = "Atkinson Hyperlegible";

/// The result of loading and validating a source folder.
pub struct Checked {
    /// Present only when there are no errors.
    pub guidance: Option<Guidance>,
    pub diags: Vec<Diagnostic>,
    pub files: SourceFiles,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// Loads and validates `dir`. `today` decides which dates count as passed.
pub fn check(dir: &Path, today: Date) -> Result<Checked, load::LoadError> {
    let loaded = load::load(dir)?;
    let mut diags = loaded.diags;
    diags.extend(validate::validate(loaded.guidance.as_ref(), &loaded.index, today));
    let has_errors = diags.iter().any(Diagnostic::is_error);
    let guidance = if has_errors { None } else { loaded.guidance };
    Ok(Checked { guidance, diags, files: loaded.files })
}

/// Today's date from the system clock (UTC).
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    Date::from_days_since_epoch(secs.div_euclid(86_400))
}

/// The timestamp written into outputs: `SOURCE_DATE_EPOCH` when set (reproducible builds),
/// otherwise midnight UTC on the document's published date. Never the wall clock, so the same
/// source gives the same bytes.
pub fn build_timestamp(guidance: &Guidance) -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| guidance.document.published.unix_seconds())
}
