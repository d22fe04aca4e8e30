//! Assembles the site: which pages there are, what each page is given, and the files copied
//! in beside them (style sheet, fonts, logo, pictures).

use minijinja::{context, Value};
use serde::Serialize;

use super::escape::css_string;
use super::links::{page_file, page_map, worksheet_file, Links};
use super::view::{self, image_path};
use super::{templates, HtmlError, HtmlOptions, Site, ALL_PAGE};
use crate::model::{Brand, Guidance, Section};

#[derive(Serialize, Clone)]
struct PageRef {
    file: String,
    id: String,
    number: String,
    title: String,
}

/// What every page shows: the header, the contents, the footer.
#[derive(Serialize)]
struct SiteView {
    lang: String,
    title: String,
    short_title: String,
    subtitle: Option<String>,
    partnership: String,
    version: String,
    status: String,
    draft: bool,
    published: String,
    review_date: String,
    brand_name: String,
    logo: Option<String>,
    logo_alt: String,
    crisis_line: Option<String>,
    downloads: Vec<super::DownloadView>,
    accessibility_statement: Value,
    accessibility_contact: Value,
    generator: String,
}

#[derive(Serialize)]
struct Row {
    label: &'static str,
    value: String,
}

pub fn render(g: &Guidance, brand: &Brand, options: &HtmlOptions) -> Result<Site, HtmlError> {
    let env = templates::environment(&options.templates.join("html"));
    let map = page_map(g);
    let tops: Vec<&Section> = g.sections.iter().chain(&g.appendices).collect();
    // Each pathway's flowchart, drawn once: the same geometry as the figure files.
    let palette = crate::render::flowchart::svg::Palette::of(brand);
    let charts: view::Charts = g
        .pathways()
        .into_iter()
        .map(|p| {
            let chart = crate::render::flowchart::layout(p, options.measure);
            let alt = crate::render::pathway_layout::alt_text(p);
            (p.id.clone(), crate::render::flowchart::svg::svg(&chart, &p.title, &alt, &format!("{}-", p.id), &palette, 1.4))
        })
        .collect();
    let pages: Vec<PageRef> =
        tops.iter().map(|s| PageRef { file: page_file(s), id: s.id.clone(), number: s.number.clone(), title: s.title.clone() }).collect();
    let d = &g.document;
    let mut downloads = Vec::new();
    downloads.extend(options.downloads.pdf.as_ref().map(|x| x.view("PDF")));
    downloads.extend(options.downloads.docx.as_ref().map(|x| x.view("Word")));
    let site_view = |links: &Links| SiteView {
        lang: d.language.clone(),
        title: d.title.clone(),
        short_title: d.short_title.clone(),
        subtitle: d.subtitle.clone(),
        partnership: d.partnership.clone(),
        version: d.version.clone(),
        status: d.status.label().to_string(),
        draft: d.status == crate::model::Status::Draft,
        published: d.published.long(),
        review_date: d.review_date.long(),
        brand_name: brand.name.clone(),
        logo: brand.logo.as_ref().map(|l| image_path(&l.path)),
        logo_alt: brand.logo.as_ref().map(|l| l.alt.clone()).unwrap_or_default(),
        crisis_line: d.crisis_line.clone(),
        downloads: downloads.iter().map(|v| super::DownloadView { format: v.format, href: v.href.clone(), size: v.size.clone() }).collect(),
        accessibility_statement: Value::from_safe_string(super::inline::inline(&d.accessibility_statement, links)),
        accessibility_contact: Value::from_safe_string(super::inline::inline(&d.accessibility_contact, links)),
        generator: format!("guidepress {}", env!("CARGO_PKG_VERSION")),
    };
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    // index.html: the crisis panel, the contents, document control.
    {
        let links = Links::new(&map, "index.html");
        let control = control_rows(g);
        let revisions: Vec<Value> = g
            .revisions
            .iter()
            .map(|r| {
                context! { version => r.version.clone(), date => r.date.long(), author => r.author.clone(),
                summary => Value::from_safe_string(super::inline::inline(&r.summary, &links)) }
            })
            .collect();
        let ctx = context! {
            site => ser(site_view(&links)),
            pages => ser(&pages),
            current => "index.html",
            crisis => ser(view::crisis_contacts(g, brand, &links)),
            control => ser(&control),
            revisions => revisions,
        };
        files.push(("index.html".into(), tidy(&templates::render(&env, "index.html.j2", ctx)?)));
    }

    // One page per top-level section and appendix.
    for (i, s) in tops.iter().enumerate() {
        let file = page_file(s);
        let links = Links::new(&map, &file);
        let body = view::body(g, brand, &[s], 1, &links, options.downloads, &charts);
        let ctx = context! {
            site => ser(site_view(&links)),
            pages => ser(&pages),
            current => file.clone(),
            page => ser(&pages[i]),
            prev => if i == 0 { ser(PageRef { file: "index.html".into(), id: String::new(), number: String::new(), title: "Home".into() }) } else { ser(&pages[i - 1]) },
            next => pages.get(i + 1).map(ser).unwrap_or_else(|| ser(PageRef { file: ALL_PAGE.into(), id: String::new(), number: String::new(), title: "The whole guidance on one page".into() })),
            body => ser(&body),
        };
        files.push((file.clone(), tidy(&templates::render(&env, "section.html.j2", ctx)?)));
    }

    // One page per worksheet, under the page that includes it, in the order they appear.
    let mut sheets: Vec<(String, &PageRef)> = Vec::new();
    for (i, s) in tops.iter().enumerate() {
        sheets.extend(worksheet_ids(s).into_iter().map(|id| (id, &pages[i])));
    }
    let home = PageRef { file: "index.html".into(), id: String::new(), number: String::new(), title: "Home".into() };
    for w in &g.worksheets {
        if !sheets.iter().any(|(id, _)| *id == w.id) {
            sheets.push((w.id.clone(), &home));
        }
    }
    for (i, (id, parent)) in sheets.iter().enumerate() {
        let Some(w) = g.worksheet(id) else { continue };
        let file = worksheet_file(id);
        let links = Links::new(&map, &file);
        let neighbour = |j: usize| {
            sheets.get(j).and_then(|(id, _)| g.worksheet(id)).map(|w| PageRef {
                file: worksheet_file(&w.id),
                id: w.id.clone(),
                number: String::new(),
                title: w.title.clone(),
            })
        };
        let prev = if i == 0 { (*parent).clone() } else { neighbour(i - 1).unwrap_or_else(|| (*parent).clone()) };
        let next = neighbour(i + 1).unwrap_or_else(|| (*parent).clone());
        let ctx = context! {
            site => ser(site_view(&links)),
            pages => ser(&pages),
            current => file.clone(),
            parent => ser(*parent),
            sheet => ser(view::worksheet(w, &links, options.downloads)),
            prev => ser(prev),
            next => ser(next),
        };
        files.push((file, tidy(&templates::render(&env, "worksheet.html.j2", ctx)?)));
    }

    // all.html: everything on one page, for printing and searching.
    {
        let links = Links::new(&map, ALL_PAGE);
        let body = view::body(g, brand, &tops, 2, &links, options.downloads, &charts);
        let ctx = context! {
            site => ser(site_view(&links)),
            pages => ser(&pages),
            current => ALL_PAGE,
            body => ser(&body),
        };
        files.push((ALL_PAGE.into(), tidy(&templates::render(&env, "all.html.j2", ctx)?)));
    }

    files.push(("style.css".into(), templates::render(&env, "style.css.j2", style_context(brand, options))?.into_bytes()));
    for f in options.fonts {
        files.push((font_path(f), f.data.clone()));
    }
    let mut pictures: Vec<std::path::PathBuf> = brand.logo.iter().map(|l| l.path.clone()).collect();
    pictures.extend(g.figure_images());
    pictures.sort();
    pictures.dedup();
    for rel in pictures {
        // The validator has already refused paths that leave the source folder and pictures
        // over the size caps.
        let bytes =
            std::fs::read(g.root.join(&rel)).map_err(|e| HtmlError::Asset(format!("cannot read picture {}: {e}", rel.display())))?;
        files.push((image_path(&rel), bytes));
    }
    Ok(Site { files })
}

/// Ids of the worksheets a top-level section includes, in reading order.
fn worksheet_ids(s: &Section) -> Vec<String> {
    let mut out: Vec<String> =
        s.blocks.iter().filter_map(|b| if let crate::model::Block::Worksheet(id) = b { Some(id.clone()) } else { None }).collect();
    for c in &s.sections {
        out.extend(worksheet_ids(c));
    }
    out
}

/// The page without the templates' indentation: a line break and spaces between two tags
/// become one line break. The site has no `<pre>` or `<textarea>`, so this changes nothing a
/// reader sees, and it keeps the one-page edition under 150 kB.
fn tidy(page: &str) -> Vec<u8> {
    let mut out = String::with_capacity(page.len());
    let mut lines = page.split('\n').map(str::trim_start).filter(|l| !l.is_empty()).peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        if lines.peek().is_some() || page.ends_with('\n') {
            out.push('\n');
        }
    }
    out.into_bytes()
}

fn ser<T: Serialize>(v: T) -> Value {
    Value::from(minijinja::value::Serde(v))
}

fn font_path(f: &super::WebFont) -> String {
    let slug: String = f.family.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("fonts/{slug}-{}{}.ttf", f.weight, if f.italic { "-italic" } else { "" })
}

/// The brand as CSS custom properties: colours (muted text stepped until it passes 4.5:1) and
/// the font faces copied into the site.
fn style_context(brand: &Brand, options: &HtmlOptions) -> Value {
    let c = brand.color;
    let muted = c.muted();
    let faces: Vec<Value> = options
        .fonts
        .iter()
        .map(|f| {
            context! { family => css_string(&f.family), src => css_string(&font_path(f)), weight => f.weight,
            style => if f.italic { "italic" } else { "normal" } }
        })
        .collect();
    context! {
        primary => c.primary.hex(),
        tint => c.secondary.hex(),
        on_primary => c.on_primary.hex(),
        foreground => c.foreground.hex(),
        background => c.background.hex(),
        muted => muted.hex(),
        rule => c.foreground.mix(c.background, 0.7).hex(),
        font => css_string(&brand.font_base),
        heading_font => css_string(&brand.font_headings),
        faces => faces,
    }
}

fn control_rows(g: &Guidance) -> Vec<Row> {
    let d = &g.document;
    let mut rows = vec![
        Row { label: "Title", value: d.title.clone() },
        Row { label: "Version", value: format!("{} ({})", d.version, d.status.label()) },
        Row { label: "Edition", value: d.edition.clone() },
        Row { label: "Author", value: d.author.clone() },
    ];
    if let Some(a) = &d.approved_by {
        rows.push(Row { label: "Approved by", value: a.clone() });
    }
    if let Some(a) = d.approved_on {
        rows.push(Row { label: "Approved on", value: a.long() });
    }
    rows.push(Row { label: "Published", value: d.published.long() });
    rows.push(Row { label: "Review date", value: d.review_date.long() });
    if let Some(s) = &d.supersedes {
        rows.push(Row { label: "Supersedes", value: s.clone() });
    }
    if !d.audience.is_empty() {
        rows.push(Row { label: "Audience", value: d.audience.join(", ") });
    }
    rows
}
