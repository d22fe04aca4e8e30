//! Build orchestration: which artefacts a build makes, building them in parallel in one
//! process (fonts loaded once), and the release manifest.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::diag::Diagnostic;
use crate::model::{Brand, Guidance};
use crate::output::Artefact;
use crate::render::docx;
use crate::render::pdf::build::{self as pdf, Project};
use crate::render::pdf::PdfError;

/// The kinds of artefact, as named by `--only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pdf,
    Docx,
    Flyers,
    Worksheets,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Pdf, Kind::Docx, Kind::Flyers, Kind::Worksheets];
}

/// One thing to build.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    pub brand: &'a Brand,
    pub kind: Kind,
    /// Flyer or worksheet id; the document slug for the editions.
    pub id: String,
}

impl Job<'_> {
    /// Where the artefact goes, relative to the output folder.
    pub fn path(&self, g: &Guidance) -> PathBuf {
        let b = PathBuf::from(&self.brand.id);
        match self.kind {
            Kind::Pdf => b.join(format!("{}.pdf", g.document.slug)),
            Kind::Docx => b.join(format!("{}.docx", g.document.slug)),
            Kind::Flyers => b.join("flyers").join(format!("{}.pdf", self.id)),
            Kind::Worksheets => b.join("worksheets").join(format!("{}.pdf", self.id)),
        }
    }
}

/// Every job for `brands`, limited to `only`, in a stable order.
pub fn plan<'a>(g: &'a Guidance, brands: &[&'a Brand], only: &[Kind]) -> Vec<Job<'a>> {
    let mut jobs = Vec::new();
    for &brand in brands {
        for kind in Kind::ALL.into_iter().filter(|k| only.contains(k)) {
            match kind {
                Kind::Pdf | Kind::Docx => jobs.push(Job { brand, kind, id: g.document.slug.clone() }),
                Kind::Flyers => jobs.extend(g.flyers.iter().map(|f| Job { brand, kind, id: f.id.clone() })),
                Kind::Worksheets => jobs.extend(g.worksheets.iter().map(|w| Job { brand, kind, id: w.id.clone() })),
            }
        }
    }
    jobs
}

/// What one built artefact is, for the progress line and the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub path: String,
    pub kind: Kind,
    pub brand: String,
    pub id: String,
    pub bytes: usize,
    pub pages: Option<usize>,
    pub sha256: String,
    #[serde(skip)]
    pub millis: u128,
}

/// A built artefact with its report, the typst warnings it raised, and (for PDFs) the typst
/// source that made it.
pub struct Output {
    pub artefact: Artefact,
    pub report: Report,
    pub warnings: Vec<Diagnostic>,
    pub typst_sources: Vec<(String, Vec<u8>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{path}: {source}")]
    Pdf { path: String, source: PdfError },
    #[error("{path}: {source}")]
    Docx { path: String, source: docx::DocxError },
}

/// Builds all jobs in parallel. Any failure fails the whole build (nothing is written).
pub fn run(g: &Guidance, project: &Project, jobs: &[Job<'_>], timestamp: i64) -> Result<Vec<Output>, Vec<BuildError>> {
    let results: Vec<Result<Output, BuildError>> = jobs.par_iter().map(|job| build_one(g, project, job, timestamp)).collect();
    let mut outputs = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(o) => outputs.push(o),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(outputs)
    } else {
        Err(errors)
    }
}

fn build_one(g: &Guidance, project: &Project, job: &Job<'_>, timestamp: i64) -> Result<Output, BuildError> {
    let started = Instant::now();
    let path = job.path(g);
    let shown = path.display().to_string();
    let pdf_err = |source| BuildError::Pdf { path: shown.clone(), source };
    let (bytes, pages, warnings, typst_sources) = match job.kind {
        Kind::Pdf => {
            let b = pdf::guidance(g, job.brand, project, timestamp).map_err(pdf_err)?;
            (b.bytes, Some(b.pages), b.warnings, b.sources)
        }
        Kind::Flyers => {
            let f = g.flyers.iter().find(|f| f.id == job.id).expect("planned from the model");
            let b = pdf::flyer(g, job.brand, f, project, timestamp).map_err(pdf_err)?;
            (b.bytes, Some(b.pages), b.warnings, b.sources)
        }
        Kind::Worksheets => {
            let w = g.worksheet(&job.id).expect("planned from the model");
            let b = pdf::worksheet(g, job.brand, w, project, timestamp).map_err(pdf_err)?;
            (b.bytes, Some(b.pages), b.warnings, b.sources)
        }
        Kind::Docx => {
            let bytes = docx::render(g, job.brand, &docx::DocxOptions { timestamp })
                .map_err(|source| BuildError::Docx { path: shown.clone(), source })?;
            (bytes, None, Vec::new(), Vec::new())
        }
    };
    let report = Report {
        path: path.to_string_lossy().replace('\\', "/"),
        kind: job.kind,
        brand: job.brand.id.clone(),
        id: job.id.clone(),
        bytes: bytes.len(),
        pages,
        sha256: hex(&Sha256::digest(&bytes)),
        millis: started.elapsed().as_millis(),
    };
    Ok(Output { artefact: Artefact { path, bytes }, report, warnings, typst_sources })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `output/manifest.json`: what a release contains. No timings or clock times, so two builds
/// of the same source give the same manifest.
#[derive(Serialize)]
pub struct Manifest<'a> {
    pub generator: String,
    pub title: &'a str,
    pub version: &'a str,
    pub status: &'a str,
    pub published: String,
    pub review_date: String,
    pub timestamp: i64,
    pub brands: Vec<&'a str>,
    pub artefacts: Vec<&'a Report>,
}

pub fn manifest<'a>(g: &'a Guidance, brands: &[&'a Brand], outputs: &'a [Output], timestamp: i64) -> Manifest<'a> {
    Manifest {
        generator: format!("guidepress {}", env!("CARGO_PKG_VERSION")),
        title: &g.document.title,
        version: &g.document.version,
        status: g.document.status.label(),
        published: g.document.published.to_string(),
        review_date: g.document.review_date.to_string(),
        timestamp,
        brands: brands.iter().map(|b| b.id.as_str()).collect(),
        artefacts: outputs.iter().map(|o| &o.report).collect(),
    }
}
