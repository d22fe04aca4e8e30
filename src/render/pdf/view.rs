//! The model as the templates see it: plain strings (escaped when printed), inline text already
//! turned into typst markup (safe), contacts resolved for the brand, the pathway laid out in
//! pieces of SVG (see `build::pathway_charts`), sections flattened into a reading-order list.

use serde::Serialize;

use super::escape;
use super::templates::markup;
use crate::model::{Block, Brand, Contact, DrawSize, Guidance, ListItem, Part, Section, StepKind, Text, Worksheet};
use crate::render::pathway_layout;

type Markup = minijinja::Value;

fn m(t: &Text) -> Markup {
    markup(escape::inline(t))
}

/// Paths of assets inside the typst world (and in an `--emit-typst` folder).
pub fn asset_path(relative: &std::path::Path) -> String {
    format!("/assets/{}", relative.to_string_lossy().replace('\\', "/"))
}

#[derive(Serialize)]
pub struct BrandView {
    pub id: String,
    pub name: String,
    pub primary: String,
    pub tint: String,
    pub on_primary: String,
    pub foreground: String,
    pub muted: String,
    pub rule: String,
    pub link: String,
    pub font: String,
    pub heading_font: String,
    pub logo: Option<String>,
    pub logo_alt: String,
    pub footer: Option<String>,
    pub how_to_refer: Option<Markup>,
}

pub fn brand(b: &Brand) -> BrandView {
    let c = b.color;
    let muted = c.muted();
    BrandView {
        id: b.id.clone(),
        name: b.name.clone(),
        primary: c.primary.hex(),
        tint: c.secondary.hex(),
        on_primary: c.on_primary.hex(),
        foreground: c.foreground.hex(),
        muted: muted.hex(),
        rule: c.foreground.mix(c.background, 0.7).hex(),
        link: c.primary.hex(),
        font: b.font_base.clone(),
        heading_font: b.font_headings.clone(),
        logo: b.logo.as_ref().map(|l| asset_path(&l.path)),
        logo_alt: b.logo.as_ref().map(|l| l.alt.clone()).unwrap_or_default(),
        footer: b.footer.clone(),
        how_to_refer: b.how_to_refer.as_ref().map(m),
    }
}

#[derive(Serialize)]
pub struct DocView {
    title: String,
    short_title: String,
    subtitle: Option<String>,
    partnership: String,
    edition: String,
    version: String,
    status: String,
    draft: bool,
    author: String,
    published: String,
    review_date: String,
    lang: String,
    region: Option<String>,
    keywords: Vec<String>,
    description: String,
    controlled_copy: Markup,
    accessibility_statement: Markup,
    accessibility_contact: Markup,
    crisis_line: Option<String>,
}

pub fn doc(g: &Guidance) -> DocView {
    let d = &g.document;
    let (lang, region) = match d.language.split_once('-') {
        Some((l, r)) => (l.to_string(), Some(r.to_lowercase())),
        None => (d.language.clone(), None),
    };
    DocView {
        title: d.title.clone(),
        short_title: d.short_title.clone(),
        subtitle: d.subtitle.clone(),
        partnership: d.partnership.clone(),
        edition: d.edition.clone(),
        version: d.version.clone(),
        status: d.status.label().to_string(),
        draft: d.status == crate::model::Status::Draft,
        author: d.author.clone(),
        published: d.published.long(),
        review_date: d.review_date.long(),
        lang,
        region,
        keywords: d.keywords.clone(),
        description: d.subtitle.clone().unwrap_or_else(|| d.title.clone()),
        controlled_copy: m(&d.controlled_copy),
        accessibility_statement: m(&d.accessibility_statement),
        accessibility_contact: m(&d.accessibility_contact),
        crisis_line: d.crisis_line.clone(),
    }
}

/// The contacts of the "in danger now" panel, in the source's order, each brand's own where it
/// replaces a national one.
pub fn crisis_contacts(g: &Guidance, brand: &Brand) -> Vec<ContactView> {
    let all = brand.merge_contacts(&g.contacts);
    g.document.crisis_contacts.iter().filter_map(|id| all.iter().find(|c| &c.id == id)).map(contact).collect()
}

#[derive(Serialize)]
pub struct Row {
    label: String,
    value: Markup,
}

pub fn control_rows(g: &Guidance) -> Vec<Row> {
    let d = &g.document;
    let lit = |s: &str| markup(escape::markup_literal(s));
    let mut rows = vec![
        ("Title", lit(&d.title)),
        ("Version", lit(&format!("{} ({})", d.version, d.status.label()))),
        ("Edition", lit(&d.edition)),
        ("Author", lit(&d.author)),
    ];
    if let Some(a) = &d.approved_by {
        rows.push(("Approved by", lit(a)));
    }
    if let Some(a) = d.approved_on {
        rows.push(("Approved on", lit(&a.long())));
    }
    rows.push(("Published", lit(&d.published.long())));
    rows.push(("Review date", lit(&d.review_date.long())));
    if let Some(s) = &d.supersedes {
        rows.push(("Supersedes", lit(s)));
    }
    if !d.audience.is_empty() {
        rows.push(("Audience", lit(&d.audience.join(", "))));
    }
    if let Some(e) = &d.equality_impact {
        rows.push(("Equality impact", m(e)));
    }
    rows.push(("Controlled copy", m(&d.controlled_copy)));
    rows.into_iter().map(|(label, value)| Row { label: label.to_string(), value }).collect()
}

#[derive(Serialize)]
pub struct RevisionView {
    version: String,
    date: String,
    author: String,
    summary: Markup,
}

pub fn revisions(g: &Guidance) -> Vec<RevisionView> {
    g.revisions
        .iter()
        .map(|r| RevisionView { version: r.version.clone(), date: r.date.long(), author: r.author.clone(), summary: m(&r.summary) })
        .collect()
}

/// One entry of the flattened body: a heading or a block.
#[derive(Serialize)]
pub struct Item {
    heading: bool,
    level: u8,
    title: String,
    id: String,
    block: Option<BlockView>,
}

/// Each pathway's drawing, by pathway id: the pieces (paths of SVG files in the typst world,
/// one per page) and the drawing's natural width in points.
pub type Charts = std::collections::HashMap<String, (Vec<String>, f64)>;

pub fn body(g: &Guidance, sections: &[Section], brand: &Brand, charts: &Charts) -> Vec<Item> {
    let contacts = brand.merge_contacts(&g.contacts);
    let mut out = Vec::new();
    fn walk(g: &Guidance, s: &Section, contacts: &[Contact], charts: &Charts, out: &mut Vec<Item>) {
        out.push(Item { heading: true, level: s.level, title: s.title.clone(), id: s.id.clone(), block: None });
        for b in &s.blocks {
            out.push(Item {
                heading: false,
                level: s.level,
                title: String::new(),
                id: String::new(),
                block: Some(block(g, b, s.level, contacts, charts)),
            });
        }
        for c in &s.sections {
            walk(g, c, contacts, charts, out);
        }
    }
    for s in sections {
        walk(g, s, &contacts, charts, &mut out);
    }
    out
}

#[derive(Serialize, Default)]
pub struct BlockView {
    kind: &'static str,
    text: Option<Markup>,
    items: Vec<ListView>,
    callout_kind: Option<&'static str>,
    title: Option<String>,
    caption: Option<String>,
    widths: Vec<f64>,
    header: Vec<String>,
    rows: Vec<Vec<Markup>>,
    term: Option<String>,
    source: Option<String>,
    path: Option<String>,
    alt: Option<String>,
    width: u32,
    id: Option<String>,
    steps: Vec<StepView>,
    contacts: Vec<ContactView>,
    levels: Vec<LevelView>,
    worksheet: Option<WorksheetView>,
    level: u8,
    /// The pathway's drawing, in pieces of at most a page.
    charts: Vec<String>,
    chart_width: f64,
}

#[derive(Serialize)]
pub struct ListView {
    text: Markup,
    children: Vec<ListView>,
}

fn list(items: &[ListItem]) -> Vec<ListView> {
    items.iter().map(|i| ListView { text: m(&i.text), children: list(&i.children) }).collect()
}

#[derive(Serialize)]
pub struct StepView {
    id: String,
    kind: &'static str,
    kind_label: Option<&'static str>,
    text: Markup,
    next: Vec<EdgeView>,
}

#[derive(Serialize)]
pub struct EdgeView {
    to: String,
    label: Option<String>,
    number: usize,
}

#[derive(Serialize)]
pub struct ContactView {
    /// Path of the QR code for the website, on flyers.
    pub qr: Option<String>,
    name: String,
    description: Option<Markup>,
    phone: Option<String>,
    sms: Option<String>,
    email: Option<String>,
    website: Option<String>,
    website_label: String,
    hours: Option<String>,
    audience: Option<String>,
    /// A detail is a placeholder (a drama-range number, an example domain): only in drafts,
    /// since the release gates refuse them in an approved source.
    placeholder: bool,
}

pub fn contact(c: &Contact) -> ContactView {
    // The same finder as the release gates and the running text.
    let placeholder = [&c.phone, &c.email, &c.website].into_iter().flatten().any(|s| !crate::util::placeholders::find(s).is_empty());
    ContactView {
        placeholder,
        qr: None,
        name: c.name.clone(),
        description: c.description.as_ref().map(m),
        phone: c.phone.clone(),
        sms: c.text.clone(),
        email: c.email.clone(),
        website: c.website.clone(),
        website_label: c
            .website
            .as_deref()
            .map(|w| w.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/').to_string())
            .unwrap_or_default(),
        hours: c.hours.clone(),
        audience: c.audience.clone(),
    }
}

#[derive(Serialize)]
pub struct LevelView {
    level: u32,
    name: String,
    summary: Markup,
    response: Option<Markup>,
    examples: Vec<Markup>,
}

pub fn block(g: &Guidance, b: &Block, level: u8, contacts: &[Contact], charts: &Charts) -> BlockView {
    let mut v = BlockView { level: (level + 1).min(3), ..BlockView::default() };
    match b {
        Block::Paragraph(t) => {
            v.kind = "paragraph";
            v.text = Some(m(t));
        }
        Block::Bullets(items) | Block::Numbered(items) => {
            v.kind = if matches!(b, Block::Bullets(_)) { "bullets" } else { "numbered" };
            v.items = list(items);
        }
        Block::Callout(c) => {
            v.kind = "callout";
            v.callout_kind = Some(c.kind.name());
            v.title = c.title.clone();
            v.text = c.text.as_ref().map(m);
            v.items = c.items.iter().map(|t| ListView { text: m(t), children: Vec::new() }).collect();
        }
        Block::Table(t) => {
            v.kind = "table";
            v.caption = t.caption.clone();
            v.widths = t.widths.clone();
            v.header = t.header.clone();
            v.rows = t.rows.iter().map(|r| r.iter().map(m).collect()).collect();
        }
        Block::Definition { term, text, source } => {
            v.kind = "definition";
            v.term = Some(term.clone());
            v.text = Some(m(text));
            v.source = source.clone();
        }
        Block::Quote { text, source } => {
            v.kind = "quote";
            v.text = Some(m(text));
            v.source = source.clone();
        }
        Block::Figure(f) => {
            v.kind = "figure";
            v.path = Some(asset_path(&f.image));
            v.alt = Some(f.alt.clone());
            v.caption = f.caption.clone();
            v.width = f.width;
        }
        Block::Pathway(p) => {
            v.kind = "pathway";
            let number = |id: &str| p.steps.iter().position(|s| s.id == id).map(|i| i + 1).unwrap_or(0);
            v.id = Some(p.id.clone());
            v.title = Some(p.title.clone());
            v.alt = Some(pathway_layout::alt_text(p));
            if let Some((pieces, width)) = charts.get(&p.id) {
                v.charts = pieces.clone();
                v.chart_width = *width;
            }
            v.steps = p
                .steps
                .iter()
                .map(|s| StepView {
                    id: s.id.clone(),
                    kind: step_kind(s.kind),
                    kind_label: match s.kind {
                        StepKind::Decision => Some("Decision"),
                        StepKind::Emergency => Some("Emergency"),
                        _ => None,
                    },
                    text: m(&s.text),
                    next: s.next.iter().map(|e| EdgeView { to: e.to.clone(), label: e.label.clone(), number: number(&e.to) }).collect(),
                })
                .collect();
        }
        Block::Contacts(ids) => {
            v.kind = "contacts";
            v.contacts = ids.iter().filter_map(|id| contacts.iter().find(|c| &c.id == id)).map(contact).collect();
        }
        Block::LevelsOfNeed(levels) => {
            v.kind = "levels_of_need";
            v.levels = levels
                .iter()
                .map(|l| LevelView {
                    level: l.level,
                    name: l.name.clone(),
                    summary: m(&l.summary),
                    response: l.response.as_ref().map(m),
                    examples: l.examples.iter().map(m).collect(),
                })
                .collect();
        }
        Block::Worksheet(id) => {
            v.kind = "worksheet";
            v.worksheet = g.worksheet(id).map(worksheet);
        }
        Block::PageBreak => v.kind = "page_break",
    }
    v
}

fn step_kind(k: StepKind) -> &'static str {
    match k {
        StepKind::Start => "start",
        StepKind::Action => "action",
        StepKind::Decision => "decision",
        StepKind::Emergency => "emergency",
        StepKind::End => "end",
    }
}

#[derive(Serialize)]
pub struct WorksheetView {
    pub id: String,
    pub title: String,
    pub audience: Option<String>,
    pub intro: Option<Markup>,
    pub parts: Vec<PartView>,
}

#[derive(Serialize, Default)]
pub struct PartView {
    kind: &'static str,
    text: Option<Markup>,
    lines: u32,
    items: Vec<Markup>,
    levels: Vec<String>,
    columns: Vec<String>,
    header: Vec<String>,
    rows: u32,
    size: &'static str,
}

pub fn worksheet(w: &Worksheet) -> WorksheetView {
    let parts = w
        .parts
        .iter()
        .map(|p| match p {
            Part::Paragraph(t) => PartView { kind: "paragraph", text: Some(m(t)), ..Default::default() },
            Part::Prompt { text, lines } => PartView { kind: "prompt", text: Some(m(text)), lines: *lines, ..Default::default() },
            Part::Starters(items) => PartView { kind: "starters", items: items.iter().map(m).collect(), ..Default::default() },
            Part::Checklist(items) => PartView { kind: "checklist", items: items.iter().map(m).collect(), ..Default::default() },
            Part::Scale { levels, columns } => {
                PartView { kind: "scale", levels: levels.clone(), columns: columns.clone(), ..Default::default() }
            }
            Part::Table { header, rows } => PartView { kind: "table", header: header.clone(), rows: *rows, ..Default::default() },
            Part::Draw { text, size } => PartView {
                kind: "draw",
                text: Some(m(text)),
                size: match size {
                    DrawSize::Small => "small",
                    DrawSize::Medium => "medium",
                    DrawSize::Large => "large",
                },
                ..Default::default()
            },
        })
        .collect();
    WorksheetView { id: w.id.clone(), title: w.title.clone(), audience: w.audience.clone(), intro: w.intro.as_ref().map(m), parts }
}

#[derive(Serialize)]
pub struct FlyerView {
    title: String,
    size: &'static str,
    audience: Option<String>,
    blocks: Vec<BlockView>,
    contacts: Vec<ContactView>,
    local_contacts: Vec<ContactView>,
}

impl FlyerView {
    /// (image path, web address) of every QR code the flyer shows.
    pub fn qr_codes(&self) -> Vec<(String, String)> {
        self.contacts.iter().chain(&self.local_contacts).filter_map(|c| Some((c.qr.clone()?, c.website.clone()?))).collect()
    }
}

/// Path of the QR code image for a contact's website.
pub fn qr_path(contact_id: &str) -> String {
    format!("/assets/qr/{contact_id}.svg")
}

/// A flyer for `brand`: its contacts resolved through the brand, then the brand's own local
/// contacts; every contact with a website gets a QR code.
pub fn flyer(g: &Guidance, f: &crate::model::Flyer, brand: &Brand) -> FlyerView {
    let all = brand.merge_contacts(&g.contacts);
    let with_qr = |c: &Contact| {
        let mut v = contact(c);
        v.qr = c.website.as_ref().map(|_| qr_path(&c.id));
        v
    };
    let listed: Vec<ContactView> = f.contacts.iter().filter_map(|id| all.iter().find(|c| &c.id == id)).map(with_qr).collect();
    let local: Vec<ContactView> = brand
        .local_contact_ids(&g.contacts)
        .iter()
        .filter(|id| !f.contacts.contains(id))
        .filter_map(|id| all.iter().find(|c| &c.id == id))
        .map(with_qr)
        .collect();
    FlyerView {
        title: f.title.clone(),
        size: match f.size {
            crate::model::PaperSize::A4 => "a4",
            crate::model::PaperSize::A5 => "a5",
        },
        audience: f.audience.clone(),
        blocks: f.blocks.iter().map(|b| block(g, b, 1, &all, &Charts::new())).collect(),
        contacts: listed,
        local_contacts: local,
    }
}
