//! The library's second door: [`build`] (and [`Session::build`] for `watch`) does the whole
//! job — check, choose brands, plan, render in parallel, write the manifest and commit
//! everything to the output folder as one transaction. The command line only turns its
//! arguments into a [`BuildRequest`] and reports what comes back.

mod kind;
mod manifest;
mod plan;
mod session;
mod workers;

pub use kind::{Kind, Made, RenderError, RenderInputs, Rendered, Spec};
pub use manifest::{Manifest, Report};
pub use plan::{plan, Job};
pub use session::Session;
pub use workers::JobFailure;

use std::path::PathBuf;

use crate::diag::{Diagnostic, SourceFiles};
use crate::load::LoadError;
use crate::model::Date;

/// Which brands to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrandChoice {
    /// The document's `default_brand`.
    Default,
    One(String),
    All,
}

/// Everything a build needs to be told.
#[derive(Debug, Clone)]
pub struct BuildRequest {
    /// The source folder.
    pub source: PathBuf,
    /// The output folder; each brand gets its own subfolder, and manifest.json lists everything.
    pub out: PathBuf,
    /// The folder holding templates/ and fonts/.
    pub project: PathBuf,
    pub brands: BrandChoice,
    /// Kinds to build; all when empty.
    pub only: Vec<Kind>,
    /// Also write the generated typst source and its assets here, one folder per PDF.
    pub emit_typst: Option<PathBuf>,
    pub deny_warnings: bool,
    /// The day that decides which dates count as passed.
    pub today: Date,
    /// Seconds since 1970 written into the outputs; `None`: `SOURCE_DATE_EPOCH`, else the
    /// document's published date.
    pub timestamp: Option<i64>,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
}

impl BuildRequest {
    /// A build of every kind for the default brand, from `source` into `out`, with templates
    /// and fonts from the current folder.
    pub fn new(source: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Self {
        BuildRequest {
            source: source.into(),
            out: out.into(),
            project: PathBuf::from("."),
            brands: BrandChoice::Default,
            only: Vec::new(),
            emit_typst: None,
            deny_warnings: false,
            today: crate::check::today(),
            timestamp: None,
            threads: 0,
        }
    }
}

/// A finished build.
pub struct Built {
    /// The check's warnings (a build with errors does not get here).
    pub diags: Vec<Diagnostic>,
    pub files: SourceFiles,
    /// What is now in the output folder.
    pub manifest: Manifest,
    /// Artefacts made by this build, in plan order (a `watch` rebuild skips the untouched).
    pub rebuilt: Vec<Report>,
    /// Warnings typst gave, with the artefact they came from.
    pub warnings: Vec<(String, Diagnostic)>,
    pub millis: u128,
}

/// A build that wrote nothing: the output folder is as it was.
pub struct BuildFailure {
    pub problem: Problem,
    /// The check's diagnostics, when it got that far.
    pub diags: Vec<Diagnostic>,
    pub files: SourceFiles,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    Unreadable(#[from] LoadError),
    #[error("the source has problems")]
    Content,
    #[error("there is no brand `{id}` (brands: {})", available.join(", "))]
    UnknownBrand { id: String, available: Vec<String> },
    #[error("{0}")]
    Setup(String),
    /// A brand asks for something the project cannot give (a font not in fonts/).
    #[error("{}", .0.join("\n"))]
    Brand(Vec<String>),
    #[error("{} artefact(s) could not be built", .0.len())]
    Render(Vec<JobFailure>),
    #[error("cannot write to {}: {error}", path.display())]
    Write { path: PathBuf, error: std::io::Error },
}

impl Problem {
    /// True for problems in the content or templates (exit 1); false for usage and I/O
    /// problems (exit 2).
    pub fn is_content(&self) -> bool {
        match self {
            Problem::Content | Problem::Brand(_) => true,
            Problem::Render(failures) => failures.iter().any(|f| matches!(f, JobFailure::Render { .. })),
            _ => false,
        }
    }
}

impl BuildFailure {
    fn new(problem: Problem) -> Self {
        BuildFailure { problem, diags: Vec::new(), files: SourceFiles::default() }
    }
}

/// Checks and builds `request` in full.
pub fn build(request: &BuildRequest) -> Result<Built, BuildFailure> {
    Session::default().build(request, None)
}
