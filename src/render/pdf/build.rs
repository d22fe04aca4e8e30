//! Builds one PDF: render the template, load assets into a world, compile, export.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::value::Value;
use typst::foundations::Datetime;

use super::compile::{self, Compiled};
use super::fonts::FontStore;
use super::view::{self, asset_path};
use super::world::GuideWorld;
use super::{templates, PdfError, PdfOptions};
use crate::diag::Diagnostic;
use crate::model::{Brand, Date, Guidance};

/// What typst builds with besides the model: the project's `templates/` folder and the fonts
/// of its `fonts/` folder (loaded once per process and shared).
#[derive(Clone)]
pub struct PdfResources {
    pub templates: PathBuf,
    fonts: Arc<FontStore>,
}

impl PdfResources {
    /// The templates and fonts folders of a project directory (usually the current one).
    pub fn open(project: &Path) -> Result<PdfResources, PdfError> {
        Ok(PdfResources { templates: project.join("templates"), fonts: FontStore::shared(&project.join("fonts"))? })
    }

    /// Font family names in `fonts/`, for messages.
    pub fn font_families(&self) -> Vec<String> {
        self.fonts.families()
    }

    pub fn has_font_family(&self, family: &str) -> bool {
        self.fonts.has_family(family)
    }

    /// The files of font family `family` in `fonts/` as (weight, italic, bytes), lightest
    /// first, for a back-end that ships the fonts themselves (the website).
    pub fn font_files(&self, family: &str) -> Vec<(u16, bool, Vec<u8>)> {
        let mut out: Vec<(u16, bool, Vec<u8>)> = self
            .fonts
            .fonts
            .iter()
            .filter(|f| f.info().family.eq_ignore_ascii_case(family) && f.index() == 0)
            .map(|f| (f.info().variant.weight.to_number(), f.info().variant.style != typst::text::FontStyle::Normal, f.data().to_vec()))
            .collect();
        out.sort_by_key(|(w, i, _)| (*w, *i));
        out.dedup_by_key(|(w, i, _)| (*w, *i));
        out
    }

    /// A measure of text in font family `family` (regular and bold from `fonts/`), for laying
    /// out drawings whose boxes must fit their words.
    pub fn measure(&self, family: &str) -> FontMeasure {
        let pick = |bold: bool| {
            self.fonts
                .fonts
                .iter()
                .filter(|f| f.info().family.eq_ignore_ascii_case(family) && f.info().variant.style == typst::text::FontStyle::Normal)
                .min_by_key(|f| (f.info().variant.weight.to_number() as i32 - if bold { 700 } else { 400 }).abs())
                .cloned()
        };
        FontMeasure { regular: pick(false), bold: pick(true) }
    }

    /// Whether the fonts a brand names are in `fonts/`; the error names the field and lists
    /// the families there are.
    pub fn check_brand_fonts(&self, brand: &Brand) -> Result<(), PdfError> {
        check_fonts(brand, &self.fonts)
    }
}

/// Advance widths from the real font files (kerning left out, so a little generous).
pub struct FontMeasure {
    regular: Option<typst::text::Font>,
    bold: Option<typst::text::Font>,
}

impl crate::render::flowchart::Measure for FontMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let font = if bold { self.bold.as_ref().or(self.regular.as_ref()) } else { self.regular.as_ref() };
        let Some(font) = font else { return crate::render::flowchart::Approx.width(text, size, bold) };
        let Ok(face) = ttf_parser::Face::parse(font.data(), font.index()) else {
            return crate::render::flowchart::Approx.width(text, size, bold);
        };
        let per_em = f64::from(face.units_per_em());
        let units: f64 =
            text.chars().map(|c| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or(0.6 * per_em, f64::from)).sum();
        units / per_em * size
    }
}

/// A finished PDF and what went into it.
pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
    /// The laid-out text, page by page (pages separated by form feeds).
    pub text: String,
    /// The typst sources and assets compiled, by path, for `--emit-typst`.
    pub sources: Vec<(String, Vec<u8>)>,
}

/// The PDF edition of the whole guidance for `brand`.
pub fn guidance(g: &Guidance, brand: &Brand, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let (charts, generated, chart_warnings) = pathway_charts(g, brand, options.resources);
    let ctx = minijinja::context! {
        doc => ser(view::doc(g)),
        brand => ser(view::brand(brand)),
        crisis => ser(view::crisis_contacts(g, brand)),
        control => ser(view::control_rows(g)),
        revisions => ser(view::revisions(g)),
        body => ser(view::body(g, &g.sections, brand, &charts)),
        appendix_body => ser(view::body(g, &g.appendices, brand, &charts)),
    };
    let mut assets: Vec<PathBuf> = brand.logo.iter().map(|l| l.path.clone()).collect();
    assets.extend(g.figure_images());
    let mut built =
        compile_template(g, brand, options, "guidance.typ.j2", ctx, &assets, &generated, &format!("{}/{}", g.document.slug, brand.id))?;
    built.warnings.extend(chart_warnings);
    Ok(built)
}

/// A chart wider than this is shrunk to the text width with its text under 9 pt (A4's text
/// column is about 481 pt; the chart's text is 10.5 pt).
const WIDEST_READABLE_CHART: f64 = 481.0 * 10.5 / 9.0;

/// Every pathway drawn as in the HTML edition and the figure files, cut into page-sized
/// pieces: the view's paths and the SVG files to put in the typst world.
/// Files to add to the typst world, by path.
type Generated = Vec<(String, Vec<u8>)>;

fn pathway_charts(g: &Guidance, brand: &Brand, resources: &PdfResources) -> (view::Charts, Generated, Vec<Diagnostic>) {
    use crate::render::flowchart;
    let measure = resources.measure(&brand.font_base);
    let palette = flowchart::svg::Palette::of(brand);
    let mut charts = view::Charts::new();
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for p in g.pathways() {
        let chart = flowchart::layout(p, &measure);
        if chart.width > WIDEST_READABLE_CHART {
            let size = flowchart::TEXT_SIZE * 481.0 / chart.width;
            warnings.push(
                Diagnostic::warning(
                    p.at,
                    format!("pathway {}", p.id),
                    format!("the flowchart is {:.0} pt wide, so its text prints at {size:.1} pt on A4", chart.width),
                )
                .with_hint("fewer steps side by side reads better: split the pathway in two, or let branches rejoin sooner"),
            );
        }
        let alt = crate::render::pathway_layout::alt_text(p);
        let mut pieces = Vec::new();
        for (i, window) in flowchart::slices(&chart, flowchart::PAGE_PIECE).into_iter().enumerate() {
            let path = format!("/assets/pathway/{}-{}.svg", p.id, i + 1);
            let svg = flowchart::svg::svg_window(&chart, &p.title, &alt, "", &palette, 1.0, window);
            files.push((path.clone(), svg.into_bytes()));
            pieces.push(path);
        }
        charts.insert(p.id.clone(), (pieces, chart.width));
    }
    (charts, files, warnings)
}

/// A standalone flyer for `brand`, with QR codes for web addresses.
pub fn flyer(g: &Guidance, brand: &Brand, f: &crate::model::Flyer, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let flyer = view::flyer(g, f, brand);
    // QR codes only for the contacts this flyer shows.
    let mut generated = Vec::new();
    for (path, url) in flyer.qr_codes() {
        let svg =
            crate::render::qr::svg_for(&url).ok_or_else(|| PdfError::Other(format!("the web address {url} is too long for a QR code")))?;
        generated.push((path, svg.into_bytes()));
    }
    let ctx = minijinja::context! {
        doc => ser(view::doc(g)),
        brand => ser(view::brand(brand)),
        flyer => ser(flyer),
    };
    let assets: Vec<PathBuf> = brand.logo.iter().map(|l| l.path.clone()).collect();
    compile_template(g, brand, options, "flyer.typ.j2", ctx, &assets, &generated, &format!("flyer/{}/{}", f.id, brand.id))
}

/// A worksheet on its own, laid out for printing.
pub fn worksheet(g: &Guidance, brand: &Brand, w: &crate::model::Worksheet, options: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let ctx = minijinja::context! {
        doc => ser(view::doc(g)),
        brand => ser(view::brand(brand)),
        w => ser(view::worksheet(w)),
    };
    let assets: Vec<PathBuf> = brand.logo.iter().map(|l| l.path.clone()).collect();
    compile_template(g, brand, options, "worksheet.typ.j2", ctx, &assets, &[], &format!("worksheet/{}/{}", w.id, brand.id))
}

/// A serialisable view as a template value.
fn ser<T: serde::Serialize>(v: T) -> Value {
    Value::from(minijinja::value::Serde(v))
}

/// Renders `template` with `ctx` and compiles it with the given assets from the source folder.
#[allow(clippy::too_many_arguments)] // each is a different input of one compile; a struct would only rename them
fn compile_template(
    g: &Guidance,
    brand: &Brand,
    options: &PdfOptions,
    template: &str,
    ctx: Value,
    assets: &[PathBuf],
    generated: &[(String, Vec<u8>)],
    ident: &str,
) -> Result<PdfOutput, PdfError> {
    let (project, timestamp) = (options.resources, options.timestamp);
    check_fonts(brand, &project.fonts)?;
    let env = templates::environment(&project.templates);
    let main = templates::render(&env, template, ctx)?;
    let library = std::fs::read_to_string(project.templates.join("guidepress.typ"))
        .map_err(|e| PdfError::Template(format!("cannot read {}: {e}", project.templates.join("guidepress.typ").display())))?;
    let day = Date::from_days_since_epoch(timestamp.div_euclid(86_400));
    let today = Datetime::from_ymd(day.year, day.month, day.day).ok_or_else(|| PdfError::Other("timestamp out of range".into()))?;
    let mut world = GuideWorld::new(project.fonts.clone(), "/main.typ", main, today);
    world.add_source("/guidepress.typ", library);
    for rel in assets {
        // The validator has already refused paths that leave the source folder.
        let path = g.root.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| PdfError::Other(format!("cannot read image {}: {e}", path.display())))?;
        world.add_file(&asset_path(rel), bytes);
    }
    for (path, bytes) in generated {
        world.add_file(path, bytes.clone());
    }
    let compiled: Compiled = compile::layout(&world).map_err(|e| point_back(e, &g.root))?;
    let bytes = compile::export(&world, &compiled, ident, timestamp).map_err(|e| point_back(e, &g.root))?;
    Ok(PdfOutput {
        pages: compiled.document.pages().len(),
        text: compile::plain_text(&compiled.document),
        bytes,
        warnings: compiled.warnings,
        sources: world.all_files(),
    })
}

fn check_fonts(brand: &Brand, fonts: &FontStore) -> Result<(), PdfError> {
    for (field, family) in [("typography.base", &brand.font_base), ("typography.headings", &brand.font_headings)] {
        if !fonts.has_family(family) {
            return Err(PdfError::Fonts(format!(
                "brand `{}`: `{field}` names the font family `{family}`, which is not in fonts/ (available: {})",
                brand.id,
                fonts.families().join(", ")
            )));
        }
    }
    Ok(())
}

/// Typst errors caused by content (user text is never code, so the one kind left is text no
/// font in fonts/ can show) are pointed back at the YAML: the hint names the first place in the
/// source folder where that text occurs.
fn point_back(e: PdfError, root: &Path) -> PdfError {
    let PdfError::Typst { mut diags, files } = e else { return e };
    for d in &mut diags {
        let Some(text) = d.message.split("the text `").nth(1).and_then(|r| r.split("` could not be displayed").next()) else { continue };
        let text = text.trim_matches('"');
        // Typst prints the text as a Rust string literal: `\u{200d}` for invisible characters.
        let needle: String = if let Some(hex) = text.strip_prefix("\\u{") {
            hex.split('}')
                .next()
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32)
                .map(String::from)
                .unwrap_or_default()
        } else {
            text.to_string()
        };
        if needle.is_empty() {
            continue;
        }
        if let Some((file, line, col)) = find_in_yaml(root, &needle) {
            let place = format!("it comes from {}:{line}:{col}; add a font that has it to fonts/, or change the text", file.display());
            d.hint = Some(match d.hint.take() {
                Some(h) => format!("{h}; {place}"),
                None => place,
            });
        }
    }
    PdfError::Typst { diags, files }
}

/// The first occurrence of `needle` in the YAML files under `root` (sorted by path).
fn find_in_yaml(root: &Path, needle: &str) -> Option<(PathBuf, usize, usize)> {
    let files = crate::util::files::below(root, |p| crate::util::files::has_extension(p, &["yaml", "yml"])).ok()?;
    files.into_iter().find_map(|f| {
        let text = std::fs::read_to_string(&f).ok()?;
        let at = text.find(needle)?;
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((f, line, col))
    })
}
