//! The PDF edition, typeset by typst linked in as a library: no typst binary, no network.
//!
//! [`templates`] turns the model into typst source (every user string escaped by one
//! mechanism, see [`escape`]); [`world`] serves that source, the template library, images and
//! the fonts of `fonts/` to the compiler; [`compile`] lays it out and exports PDF/UA-1.

pub mod build;
pub mod compile;
pub mod escape;
pub mod fonts;
pub mod pathway_layout;
pub mod templates;
pub mod view;
pub mod world;

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
