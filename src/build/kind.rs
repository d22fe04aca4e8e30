//! The kinds of artefact a build makes. Everything the build needs to know about a kind —
//! its name, which items it has, where each goes, which back-end makes it and what in the
//! model it reads — is in its one arm of [`Kind::spec`], so a new kind is one new arm.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::{Brand, Guidance};
use crate::render::docx::{self, DocxOptions};
use crate::render::pdf::{self, PdfOptions, PdfResources};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pdf,
    Docx,
    Flyers,
    Worksheets,
}

/// What a back-end hands back for one artefact.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: Option<usize>,
    pub warnings: Vec<Diagnostic>,
    /// For PDFs: the typst sources and assets compiled, by path (for `--emit-typst`).
    pub typst_sources: Vec<(String, Vec<u8>)>,
}

/// Why a back-end could not make an artefact.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    #[error(transparent)]
    Docx(#[from] docx::DocxError),
}

/// Everything a back-end may be given besides the model and the brand.
pub struct RenderInputs<'a> {
    pub timestamp: i64,
    pub pdf: &'a PdfResources,
}

/// One kind's entry in the table.
pub struct Spec {
    /// The name used by `--only` and in the manifest.
    pub name: &'static str,
    /// The ids of this kind's artefacts in a model (one per flyer, say).
    pub items: fn(&Guidance) -> Vec<String>,
    /// Where item `id` goes, relative to the brand's folder.
    pub path: fn(&Guidance, &str) -> PathBuf,
    /// The back-end that makes item `id`.
    pub render: fn(&Guidance, &Brand, &str, &RenderInputs) -> Result<Rendered, RenderError>,
    /// True if the parts of the model that item `id` reads differ between `old` and `new`
    /// (the brand is compared separately), so `watch` rebuilds only what an edit touches.
    pub changed: fn(old: &Guidance, new: &Guidance, id: &str) -> bool,
    /// Files from the source folder that item `id` embeds, besides the brand's logo.
    pub assets: fn(&Guidance, &str) -> Vec<PathBuf>,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Pdf, Kind::Docx, Kind::Flyers, Kind::Worksheets];

    pub fn spec(self) -> Spec {
        match self {
            Kind::Pdf => Spec {
                name: "pdf",
                items: |g| vec![g.document.slug.clone()],
                path: |g, _| PathBuf::from(format!("{}.pdf", g.document.slug)),
                render: |g, brand, _, inputs| {
                    let b = pdf::guidance(g, brand, &pdf_options(inputs))?;
                    Ok(Rendered { bytes: b.bytes, pages: Some(b.pages), warnings: b.warnings, typst_sources: b.sources })
                },
                changed: edition_changed,
                assets: |g, _| g.figure_images(),
            },
            Kind::Docx => Spec {
                name: "docx",
                items: |g| vec![g.document.slug.clone()],
                path: |g, _| PathBuf::from(format!("{}.docx", g.document.slug)),
                render: |g, brand, _, inputs| {
                    let bytes = docx::render(g, brand, &DocxOptions { timestamp: inputs.timestamp })?;
                    Ok(Rendered { bytes, pages: None, warnings: Vec::new(), typst_sources: Vec::new() })
                },
                changed: edition_changed,
                assets: |g, _| g.figure_images(),
            },
            Kind::Flyers => Spec {
                name: "flyers",
                items: |g| g.flyers.iter().map(|f| f.id.clone()).collect(),
                path: |_, id| Path::new("flyers").join(format!("{id}.pdf")),
                render: |g, brand, id, inputs| {
                    let f = g.flyers.iter().find(|f| f.id == id).ok_or_else(|| missing("flyer", id))?;
                    let b = pdf::flyer(g, brand, f, &pdf_options(inputs))?;
                    Ok(Rendered { bytes: b.bytes, pages: Some(b.pages), warnings: b.warnings, typst_sources: b.sources })
                },
                changed: |old, new, id| {
                    old.document != new.document
                        || old.contacts != new.contacts
                        || old.flyers.iter().find(|f| f.id == id) != new.flyers.iter().find(|f| f.id == id)
                },
                assets: |_, _| Vec::new(),
            },
            Kind::Worksheets => Spec {
                name: "worksheets",
                items: |g| g.worksheets.iter().map(|w| w.id.clone()).collect(),
                path: |_, id| Path::new("worksheets").join(format!("{id}.pdf")),
                render: |g, brand, id, inputs| {
                    let w = g.worksheet(id).ok_or_else(|| missing("worksheet", id))?;
                    let b = pdf::worksheet(g, brand, w, &pdf_options(inputs))?;
                    Ok(Rendered { bytes: b.bytes, pages: Some(b.pages), warnings: b.warnings, typst_sources: b.sources })
                },
                changed: |old, new, id| old.document != new.document || old.worksheet(id) != new.worksheet(id),
                assets: |_, _| Vec::new(),
            },
        }
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

impl std::str::FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        Kind::ALL.into_iter().find(|k| k.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            format!("`{s}` is not a kind of artefact (kinds: {})", names.join(", "))
        })
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

fn pdf_options<'a>(inputs: &RenderInputs<'a>) -> PdfOptions<'a> {
    PdfOptions { timestamp: inputs.timestamp, resources: inputs.pdf }
}

fn missing(what: &str, id: &str) -> RenderError {
    RenderError::Pdf(pdf::PdfError::Other(format!("there is no {what} `{id}` in the model")))
}

/// The editions read the whole model except the other brands and the flyers.
fn edition_changed(old: &Guidance, new: &Guidance, _: &str) -> bool {
    old.document != new.document
        || old.revisions != new.revisions
        || old.sections != new.sections
        || old.appendices != new.appendices
        || old.contacts != new.contacts
        || old.worksheets != new.worksheets
}
