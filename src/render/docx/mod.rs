//! The Word edition: a real, editable .docx built on Word styles with docx-rs.
//!
//! docx-rs builds the body, styles, numbering, header and footer ([`blocks`], [`styles`],
//! [`front`] …); [`fixup`] then repairs what docx-rs 0.4.22 writes against the schema and
//! makes the ids deterministic, [`props`] writes the parts docx-rs cannot (properties,
//! settings, fonts), and [`package`] zips them with fixed timestamps. See
//! docs/word-edition.md.

mod blocks;
mod context;
mod figure;
mod fixup;
mod front;
mod inline;
mod numbering;
mod package;
mod paragraphs;
mod parts;
mod props;
mod schema;
mod structured;
mod styles;
mod tables;
mod xml;

use docx_rs::{Docx, PageMargin};

use crate::model::{Brand, Guidance};
use context::{Ctx, HEADER_GAP, MARGIN_X, MARGIN_Y, PAGE_H, PAGE_W};
use paragraphs::Out;

/// Options shared by every Word build.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocxOptions<'a> {
    /// Seconds since the Unix epoch, used for created/modified dates and zip entry times.
    pub timestamp: i64,
    /// Each pathway's flowchart, drawn with the brand's fonts: the same drawing as the PDF
    /// and HTML editions, placed before the step table. Without it, only the table.
    pub charts: Option<&'a Charts>,
    /// Font files (the brand's, from `fonts/`) for drawing the text in SVG pictures when
    /// they are turned into PNG for Word; without them an SVG's words are lost.
    pub fonts: &'a [Vec<u8>],
}

/// By pathway id: the drawing in pieces of at most a page, each a PNG with its size in points.
pub type Charts = std::collections::HashMap<String, Vec<ChartPiece>>;

#[derive(Debug, Clone)]
pub struct ChartPiece {
    pub png: Vec<u8>,
    pub width_pt: f64,
    pub height_pt: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot build the Word document: {0}")]
    Build(String),
}

/// Builds the Word edition of `guidance` for `brand`.
pub fn render(guidance: &Guidance, brand: &Brand, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let mut cx = Ctx::new(guidance, brand);
    cx.charts = options.charts;
    cx.fonts = options.fonts;
    let mut body = Vec::new();
    front::cover(&mut cx, &mut body);
    front::document_control(&mut cx, &mut body);
    let contents_at = body.len();
    for s in guidance.sections.iter().chain(&guidance.appendices) {
        blocks::section(&mut cx, s, &mut body);
    }
    // The contents come after document control but list every heading, so they are made last.
    let contents = front::contents(&cx.headings);
    body.splice(contents_at..contents_at, contents);

    let margins = PageMargin::new()
        .top(MARGIN_Y as i32)
        .bottom(MARGIN_Y as i32)
        .left(MARGIN_X as i32)
        .right(MARGIN_X as i32)
        .header(HEADER_GAP as i32)
        .footer(HEADER_GAP as i32)
        .gutter(0);
    let mut docx = Docx::new()
        .styles(styles::sheet(brand, &cx.palette))
        .page_size(PAGE_W, PAGE_H)
        .page_margin(margins)
        .header(front::header(&cx))
        .first_header(front::blank_header())
        .footer(front::footer(&cx))
        .first_footer(front::blank_footer());
    let (abstracts, nums) = cx.lists.definitions();
    for a in abstracts {
        docx = docx.add_abstract_numbering(a);
    }
    for n in nums {
        docx = docx.add_numbering(n);
    }
    for o in body {
        docx = match o {
            Out::P(p) => docx.add_paragraph(*p),
            Out::T(t) => docx.add_table(*t),
        };
    }

    let extra = fixup::Extra {
        language: guidance.document.language.clone(),
        alts: std::mem::take(&mut cx.alts),
        core: props::core(guidance, options.timestamp),
        app: props::app(brand),
        settings: props::settings(&guidance.document.language),
        font_table: props::font_table(brand),
    };
    let parts = fixup::parts(docx.build(), extra).map_err(DocxError::Build)?;
    package::zip(&parts, options.timestamp).map_err(DocxError::Build)
}
