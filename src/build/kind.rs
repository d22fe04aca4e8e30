//! The kinds of artefact a build makes. Everything the build needs to know about a kind —
//! its name, which items it has, where each goes, which back-end makes it and what in the
//! model it reads — is in its one arm of [`Kind::spec`], so a new kind is one new arm.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::{Brand, Guidance};
use crate::render::docx::{self, DocxOptions};
use crate::render::html::{self, Download, Downloads, HtmlOptions, WebFont};
use crate::render::pdf::{self, PdfOptions, PdfResources};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pdf,
    Docx,
    Flyers,
    Worksheets,
    Html,
    Figures,
}

/// What a back-end hands back for one artefact.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: Option<usize>,
    pub warnings: Vec<Diagnostic>,
    /// For PDFs: the typst sources and assets compiled, by path (for `--emit-typst`).
    pub typst_sources: Vec<(String, Vec<u8>)>,
    /// More files beside the artefact (a website's other pages, style sheet, fonts, pictures),
    /// by path relative to the artefact's folder; each is staged and listed in the manifest.
    pub more_files: Vec<(String, Vec<u8>)>,
}

/// Why a back-end could not make an artefact.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    #[error(transparent)]
    Docx(#[from] docx::DocxError),
    #[error(transparent)]
    Html(#[from] html::HtmlError),
}

/// Everything a back-end may be given besides the model and the brand.
pub struct RenderInputs<'a> {
    pub timestamp: i64,
    pub pdf: &'a PdfResources,
    /// Artefacts already built (or kept) by this build, for kinds that link to them.
    pub built: &'a [Made],
}

/// A file an earlier round of the build made: what a late kind may link to.
#[derive(Debug, Clone)]
pub struct Made {
    pub kind: Kind,
    pub brand: String,
    pub id: String,
    /// Relative to the output folder: `<brand>/…`.
    pub path: String,
    pub bytes: usize,
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
    /// Built after every other kind, because it reads what they made (the website links to
    /// the PDF and Word files with their sizes).
    pub late: bool,
}

impl Kind {
    pub const ALL: [Kind; 6] = [Kind::Pdf, Kind::Docx, Kind::Flyers, Kind::Worksheets, Kind::Figures, Kind::Html];

    pub fn spec(self) -> Spec {
        match self {
            Kind::Pdf => Spec {
                name: "pdf",
                items: |g| vec![g.document.slug.clone()],
                path: |g, _| PathBuf::from(format!("{}.pdf", g.document.slug)),
                render: |g, brand, _, inputs| {
                    let b = pdf::guidance(g, brand, &pdf_options(inputs))?;
                    Ok(Rendered {
                        bytes: b.bytes,
                        pages: Some(b.pages),
                        warnings: b.warnings,
                        typst_sources: b.sources,
                        more_files: Vec::new(),
                    })
                },
                changed: edition_changed,
                assets: |g, _| g.figure_images(),
                late: false,
            },
            Kind::Docx => Spec {
                name: "docx",
                items: |g| vec![g.document.slug.clone()],
                path: |g, _| PathBuf::from(format!("{}.docx", g.document.slug)),
                render: |g, brand, _, inputs| {
                    let charts = chart_pictures(g, brand, inputs.pdf);
                    let fonts: Vec<Vec<u8>> = web_fonts(brand, inputs.pdf).into_iter().map(|f| f.data).collect();
                    let options = DocxOptions { timestamp: inputs.timestamp, charts: Some(&charts), fonts: &fonts };
                    let bytes = docx::render(g, brand, &options)?;
                    Ok(Rendered { bytes, pages: None, warnings: Vec::new(), typst_sources: Vec::new(), more_files: Vec::new() })
                },
                changed: edition_changed,
                assets: |g, _| g.figure_images(),
                late: false,
            },
            Kind::Flyers => Spec {
                name: "flyers",
                items: |g| g.flyers.iter().map(|f| f.id.clone()).collect(),
                path: |_, id| Path::new("flyers").join(format!("{id}.pdf")),
                render: |g, brand, id, inputs| {
                    let f = g.flyers.iter().find(|f| f.id == id).ok_or_else(|| missing("flyer", id))?;
                    let b = pdf::flyer(g, brand, f, &pdf_options(inputs))?;
                    Ok(Rendered {
                        bytes: b.bytes,
                        pages: Some(b.pages),
                        warnings: b.warnings,
                        typst_sources: b.sources,
                        more_files: Vec::new(),
                    })
                },
                changed: |old, new, id| {
                    old.document != new.document
                        || old.contacts != new.contacts
                        || old.flyers.iter().find(|f| f.id == id) != new.flyers.iter().find(|f| f.id == id)
                },
                assets: |_, _| Vec::new(),
                late: false,
            },
            Kind::Worksheets => Spec {
                name: "worksheets",
                items: |g| g.worksheets.iter().map(|w| w.id.clone()).collect(),
                path: |_, id| Path::new("worksheets").join(format!("{id}.pdf")),
                render: |g, brand, id, inputs| {
                    let w = g.worksheet(id).ok_or_else(|| missing("worksheet", id))?;
                    let b = pdf::worksheet(g, brand, w, &pdf_options(inputs))?;
                    Ok(Rendered {
                        bytes: b.bytes,
                        pages: Some(b.pages),
                        warnings: b.warnings,
                        typst_sources: b.sources,
                        more_files: Vec::new(),
                    })
                },
                changed: |old, new, id| old.document != new.document || old.worksheet(id) != new.worksheet(id),
                assets: |_, _| Vec::new(),
                late: false,
            },
            Kind::Html => Spec {
                name: "html",
                items: |g| vec![g.document.slug.clone()],
                path: |_, _| Path::new("html").join("index.html"),
                render: |g, brand, _, inputs| {
                    let fonts = web_fonts(brand, inputs.pdf);
                    let downloads = downloads_for(brand, inputs.built);
                    let measure = inputs.pdf.measure(&brand.font_base);
                    let options = HtmlOptions { templates: &inputs.pdf.templates, fonts: &fonts, downloads: &downloads, measure: &measure };
                    let mut site = html::render(g, brand, &options)?.files.into_iter();
                    let (_, index) = site.next().ok_or_else(|| missing("page", "index.html"))?;
                    Ok(Rendered { bytes: index, pages: None, warnings: Vec::new(), typst_sources: Vec::new(), more_files: site.collect() })
                },
                // Cheap to build and it shows the sizes of the other files: always rebuilt.
                changed: |_, _, _| true,
                assets: |g, _| g.figure_images(),
                late: true,
            },
            Kind::Figures => Spec {
                name: "figures",
                items: |g| g.pathways().iter().map(|p| p.id.clone()).collect(),
                path: |_, id| Path::new("figures").join(format!("{id}.svg")),
                render: |g, brand, id, inputs| {
                    let p = g.pathways().into_iter().find(|p| p.id == id).ok_or_else(|| missing("pathway", id))?;
                    let (svg, png) = figure(p, brand, inputs.pdf)?;
                    Ok(Rendered {
                        bytes: svg.into_bytes(),
                        pages: None,
                        warnings: Vec::new(),
                        typst_sources: Vec::new(),
                        more_files: vec![(format!("{id}.png"), png)],
                    })
                },
                changed: |old, new, id| {
                    let find = |g: &Guidance| g.pathways().into_iter().find(|p| p.id == id).cloned();
                    find(old) != find(new)
                },
                assets: |_, _| Vec::new(),
                late: false,
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

/// A pathway's flowchart as a figure file: the SVG (1 unit = 1 pt) and a 300-dpi PNG drawn
/// with the brand's fonts, for posters and slides.
fn figure(p: &crate::model::Pathway, brand: &Brand, resources: &PdfResources) -> Result<(String, Vec<u8>), RenderError> {
    use crate::render::flowchart;
    let chart = flowchart::layout(p, &resources.measure(&brand.font_base));
    let palette = flowchart::svg::Palette::of(brand);
    let svg = flowchart::svg::svg(&chart, &p.title, &crate::render::pathway_layout::alt_text(p), "", &palette, 1.0);
    let fonts: Vec<Vec<u8>> = web_fonts(brand, resources).into_iter().map(|f| f.data).collect();
    let width_px = (chart.width / 72.0 * 300.0).round() as u32;
    let png = crate::render::raster::svg_to_png_with_fonts(svg.as_bytes(), width_px, &fonts, &brand.font_base)
        .ok_or_else(|| missing("drawable figure", &p.id))?;
    Ok((svg, png))
}

/// Every pathway's flowchart as PNG pieces of at most a page (300 dpi, the brand's fonts), for
/// the Word edition.
fn chart_pictures(g: &Guidance, brand: &Brand, resources: &PdfResources) -> docx::Charts {
    use crate::render::flowchart;
    let measure = resources.measure(&brand.font_base);
    let palette = flowchart::svg::Palette::of(brand);
    let fonts: Vec<Vec<u8>> = web_fonts(brand, resources).into_iter().map(|f| f.data).collect();
    let mut out = docx::Charts::new();
    for p in g.pathways() {
        let chart = flowchart::layout(p, &measure);
        let pieces = flowchart::slices(&chart, flowchart::PAGE_PIECE)
            .into_iter()
            .filter_map(|w| {
                let svg = flowchart::svg::svg_window(&chart, &p.title, "", "", &palette, 1.0, w);
                let png = crate::render::raster::svg_to_png_with_fonts(
                    svg.as_bytes(),
                    (chart.width / 72.0 * 300.0) as u32,
                    &fonts,
                    &brand.font_base,
                )?;
                Some(docx::ChartPiece { png, width_pt: chart.width, height_pt: w.1 - w.0 })
            })
            .collect();
        out.insert(p.id.clone(), pieces);
    }
    out
}

/// The brand's font files from `fonts/`, for the website to serve itself.
fn web_fonts(brand: &Brand, resources: &PdfResources) -> Vec<WebFont> {
    let mut families = vec![brand.font_base.as_str()];
    if brand.font_headings != brand.font_base {
        families.push(&brand.font_headings);
    }
    families
        .into_iter()
        .flat_map(|family| {
            resources.font_files(family).into_iter().map(move |(weight, italic, data)| WebFont {
                family: family.to_string(),
                weight,
                italic,
                data,
            })
        })
        .collect()
}

/// This brand's PDF, Word and worksheet files among what the build made, as links from its
/// `html/` folder.
fn downloads_for(brand: &Brand, built: &[Made]) -> Downloads {
    let mut d = Downloads::default();
    let prefix = format!("{}/", brand.id);
    for r in built.iter().filter(|r| r.brand == brand.id) {
        let Some(rel) = r.path.strip_prefix(&prefix) else { continue };
        let download = Download { href: format!("../{rel}"), bytes: r.bytes as u64 };
        match r.kind {
            Kind::Pdf => d.pdf = Some(download),
            Kind::Docx => d.docx = Some(download),
            Kind::Worksheets => {
                d.worksheets.insert(r.id.clone(), download);
            }
            _ => {}
        }
    }
    d
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
