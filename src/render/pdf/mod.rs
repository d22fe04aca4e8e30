//! The PDF edition, typeset by typst linked in as a library: no typst binary, no network.
//!
//! [`templates`] turns the model into typst source (every user string escaped by one
//! mechanism, see [`escape`]); [`world`] serves that source, the template library, images and
//! the fonts of `fonts/` to the compiler; [`compile`] lays it out and exports PDF/UA-1.

//!
//! Entered like every back-end: [`guidance`], [`flyer`] and [`worksheet`] take the model, the
//! brand and [`PdfOptions`]; everything else in this folder is private to it.

mod build;
mod compile;
mod escape;
mod fonts;
mod templates;
mod view;
mod world;

pub use build::{flyer, guidance, worksheet, FontMeasure, PdfOutput, PdfResources};

use crate::diag::{Diagnostic, SourceFiles};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("fonts: {0}")]
    Fonts(String),
    #[error("template: {0}")]
    Template(String),
    #[error("typst reported {} error(s)", diags.iter().filter(|d| d.is_error()).count())]
    Typst { diags: Vec<Diagnostic>, files: SourceFiles },
    #[error("{0}")]
    Other(String),
}

/// Options shared by every PDF build.
#[derive(Clone, Copy)]
pub struct PdfOptions<'a> {
    /// Seconds since the Unix epoch: the creation date written into the PDF and its `today`.
    pub timestamp: i64,
    /// The typst templates and fonts to build with.
    pub resources: &'a PdfResources,
}
