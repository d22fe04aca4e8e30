//! The model as the HTML templates see it: inline text already turned into escaped HTML
//! (passed as safe values), plain strings left for the templates to escape, contacts resolved
//! for the brand, internal links resolved for the page being written.

use serde::Serialize;

use super::inline::{detail, inline};
use super::links::Links;
use super::Downloads;
use crate::model::{Block, Brand, Contact, DrawSize, Guidance, ListItem, Part, Section, StepKind, Text, Worksheet};

type Html = minijinja::Value;

fn safe(s: String) -> Html {
    Html::from_safe_string(s)
}

/// One entry of a page's body in reading order: a heading or a block.
#[derive(Serialize)]
pub struct Item {
    heading: Option<HeadingView>,
    block: Option<BlockView>,
}

#[derive(Serialize)]
pub struct HeadingView {
    /// The HTML heading level, 1 to 6.
    tag: u8,
    id: String,
    number: String,
    title: String,
}

/// `sections` in reading order, the first level as `<h{top}>`.
/// The flowchart of each pathway, as SVG, by pathway id.
pub type Charts = std::collections::HashMap<String, String>;

pub fn body(
    g: &Guidance,
    brand: &Brand,
    sections: &[&Section],
    top: u8,
    links: &Links,
    downloads: &Downloads,
    charts: &Charts,
) -> Vec<Item> {
    let contacts = brand.merge_contacts(&g.contacts);
    let ctx = Ctx { g, contacts: &contacts, links, downloads, charts };
    let mut out = Vec::new();
    for s in sections {
        walk(&ctx, s, top, &mut out);
    }
    out
}

struct Ctx<'a> {
    g: &'a Guidance,
    contacts: &'a [Contact],
    links: &'a Links<'a>,
    downloads: &'a Downloads,
    charts: &'a Charts,
}

fn walk(ctx: &Ctx, s: &Section, tag: u8, out: &mut Vec<Item>) {
    let tag = tag.min(6);
    out.push(Item { heading: Some(HeadingView { tag, id: s.id.clone(), number: s.number.clone(), title: s.title.clone() }), block: None });
    let mut blocks = s.blocks.iter().peekable();
    while let Some(b) = blocks.next() {
        // Definitions next to each other make one description list.
        if let Block::Definition { .. } = b {
            let mut terms = vec![definition(ctx, b)];
            while let Some(next @ Block::Definition { .. }) = blocks.peek() {
                terms.push(definition(ctx, next));
                blocks.next();
            }
            out.push(Item { heading: None, block: Some(BlockView { kind: "definitions", terms, ..Default::default() }) });
            continue;
        }
        out.push(Item { heading: None, block: Some(block(ctx, b, (tag + 1).min(6))) });
    }
    for c in &s.sections {
        walk(ctx, c, tag + 1, out);
    }
}

#[derive(Serialize, Default)]
pub struct BlockView {
    kind: &'static str,
    /// Heading level for a block's own headings (levels of need, worksheets).
    tag: u8,
    text: Option<Html>,
    items: Vec<ListView>,
    callout_kind: Option<&'static str>,
    label: Option<&'static str>,
    title: Option<String>,
    caption: Option<String>,
    header: Vec<String>,
    rows: Vec<Vec<Html>>,
    terms: Vec<TermView>,
    source: Option<String>,
    src: Option<String>,
    alt: Option<String>,
    width: u32,
    id: Option<String>,
    svg: Option<Html>,
    steps: Vec<StepView>,
    contacts: Vec<ContactView>,
    levels: Vec<LevelView>,
    worksheet: Option<WorksheetView>,
    /// A worksheet shown as a summary linking to its own page (everywhere but `all.html`).
    card: bool,
}

#[derive(Serialize)]
pub struct ListView {
    text: Html,
    children: Vec<ListView>,
}

#[derive(Serialize)]
pub struct TermView {
    term: String,
    text: Html,
    source: Option<String>,
}

#[derive(Serialize)]
pub struct StepView {
    id: String,
    number: usize,
    label: Option<&'static str>,
    text: Html,
    next: Vec<EdgeView>,
}

#[derive(Serialize)]
pub struct EdgeView {
    href: String,
    label: Option<String>,
    number: usize,
}

#[derive(Serialize)]
pub struct LevelView {
    level: u32,
    name: String,
    summary: Html,
    response: Option<Html>,
    examples: Vec<Html>,
}

fn list(items: &[ListItem], links: &Links) -> Vec<ListView> {
    items.iter().map(|i| ListView { text: safe(inline(&i.text, links)), children: list(&i.children, links) }).collect()
}

fn definition(ctx: &Ctx, b: &Block) -> TermView {
    match b {
        Block::Definition { term, text, source } => {
            TermView { term: term.clone(), text: safe(inline(text, ctx.links)), source: source.clone() }
        }
        _ => TermView { term: String::new(), text: safe(String::new()), source: None },
    }
}

/// The path of a source picture inside the site.
pub fn image_path(relative: &std::path::Path) -> String {
    format!("img/{}", relative.to_string_lossy().replace('\\', "/"))
}

fn block(ctx: &Ctx, b: &Block, tag: u8) -> BlockView {
    let links = ctx.links;
    let h = |t: &Text| safe(inline(t, links));
    let mut v = BlockView { tag, ..BlockView::default() };
    match b {
        Block::Paragraph(t) => {
            v.kind = "paragraph";
            v.text = Some(h(t));
        }
        Block::Bullets(items) | Block::Numbered(items) => {
            v.kind = if matches!(b, Block::Bullets(_)) { "bullets" } else { "numbered" };
            v.items = list(items, links);
        }
        Block::Callout(c) => {
            v.kind = "callout";
            v.callout_kind = Some(c.kind.name());
            v.label = Some(c.kind.label());
            v.title = c.title.clone();
            v.text = c.text.as_ref().map(h);
            v.items = c.items.iter().map(|t| ListView { text: h(t), children: Vec::new() }).collect();
        }
        Block::Table(t) => {
            v.kind = "table";
            v.caption = t.caption.clone();
            v.header = t.header.clone();
            v.rows = t.rows.iter().map(|r| r.iter().map(h).collect()).collect();
        }
        Block::Definition { .. } => {
            v.kind = "definitions";
            v.terms = vec![definition(ctx, b)];
        }
        Block::Quote { text, source } => {
            v.kind = "quote";
            v.text = Some(h(text));
            v.source = source.clone();
        }
        Block::Figure(f) => {
            v.kind = "figure";
            v.src = Some(image_path(&f.image));
            v.alt = Some(f.alt.clone());
            v.caption = f.caption.clone();
            v.width = f.width;
        }
        Block::Pathway(p) => {
            v.kind = "pathway";
            v.id = Some(p.id.clone());
            v.title = Some(p.title.clone());
            v.svg = ctx.charts.get(&p.id).map(|svg| safe(svg.clone()));
            let number = |id: &str| p.steps.iter().position(|s| s.id == id).map(|i| i + 1).unwrap_or(0);
            v.steps = p
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| StepView {
                    id: format!("{}-{}", p.id, s.id),
                    number: i + 1,
                    label: match s.kind {
                        StepKind::Decision => Some("Decision"),
                        StepKind::Emergency => Some("Emergency"),
                        _ => None,
                    },
                    text: h(&s.text),
                    next: s
                        .next
                        .iter()
                        .map(|e| EdgeView { href: format!("#{}-{}", p.id, e.to), label: e.label.clone(), number: number(&e.to) })
                        .collect(),
                })
                .collect();
        }
        Block::Contacts(ids) => {
            v.kind = "contacts";
            v.contacts = ids.iter().filter_map(|id| ctx.contacts.iter().find(|c| &c.id == id)).map(|c| contact(c, links)).collect();
        }
        Block::LevelsOfNeed(levels) => {
            v.kind = "levels_of_need";
            v.levels = levels
                .iter()
                .map(|l| LevelView {
                    level: l.level,
                    name: l.name.clone(),
                    summary: h(&l.summary),
                    response: l.response.as_ref().map(h),
                    examples: l.examples.iter().map(h).collect(),
                })
                .collect();
        }
        Block::Worksheet(id) => {
            v.kind = "worksheet";
            v.card = !links.is_all();
            v.worksheet = ctx.g.worksheet(id).map(|w| worksheet(w, links, ctx.downloads));
        }
        Block::PageBreak => v.kind = "page_break",
    }
    v
}

#[derive(Serialize)]
pub struct ContactView {
    name: String,
    description: Option<Html>,
    phone: Option<Html>,
    tel: Option<String>,
    sms: Option<Html>,
    sms_href: Option<String>,
    email: Option<Html>,
    mailto: Option<String>,
    website: Option<String>,
    website_label: Option<Html>,
    hours: Option<String>,
    audience: Option<String>,
}

/// `tel:` address of a phone number as people write it ("0800 068 4141").
fn tel(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    (digits.len() >= 3).then(|| format!("tel:{digits}"))
}

/// `sms:` address of a text line as the source writes it ("Text SHOUT to 85258"): the last
/// number is the one to text, a word between "Text" and "to" is the message.
fn sms(text: &str) -> Option<String> {
    let number = text.split_whitespace().rev().find(|w| w.chars().all(|c| c.is_ascii_digit()) && w.len() >= 3)?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let body = match words.as_slice() {
        [text, body, to, ..]
            if text.eq_ignore_ascii_case("text") && to.eq_ignore_ascii_case("to") && body.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            Some(*body)
        }
        _ => None,
    };
    Some(match body {
        Some(b) => format!("sms:{number}?body={b}"),
        None => format!("sms:{number}"),
    })
}

pub fn contact(c: &Contact, links: &Links) -> ContactView {
    ContactView {
        name: c.name.clone(),
        description: c.description.as_ref().map(|d| safe(inline(d, links))),
        phone: c.phone.as_deref().map(|p| safe(detail(p))),
        tel: c.phone.as_deref().and_then(tel),
        sms: c.text.as_deref().map(|t| safe(detail(t))),
        sms_href: c.text.as_deref().and_then(sms),
        email: c.email.as_deref().map(|e| safe(detail(e))),
        mailto: c.email.as_deref().filter(|e| !e.contains(['"', '<', '>', ' '])).map(|e| format!("mailto:{e}")),
        website: c.website.as_deref().and_then(super::escape::safe_url).map(str::to_string),
        website_label: c
            .website
            .as_deref()
            .map(|w| safe(detail(w.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/')))),
        hours: c.hours.clone(),
        audience: c.audience.clone(),
    }
}

/// The "in danger now" contacts of the index page, each brand's own where it has one.
pub fn crisis_contacts(g: &Guidance, brand: &Brand, links: &Links) -> Vec<ContactView> {
    let all = brand.merge_contacts(&g.contacts);
    g.document.crisis_contacts.iter().filter_map(|id| all.iter().find(|c| &c.id == id)).map(|c| contact(c, links)).collect()
}

#[derive(Serialize)]
pub struct WorksheetView {
    id: String,
    /// Its own page.
    page: String,
    title: String,
    audience: Option<String>,
    intro: Option<Html>,
    parts: Vec<PartView>,
    download: Option<super::DownloadView>,
}

#[derive(Serialize, Default)]
pub struct PartView {
    kind: &'static str,
    text: Option<Html>,
    items: Vec<Html>,
    levels: Vec<String>,
    columns: Vec<String>,
    header: Vec<String>,
    size: &'static str,
}

pub fn worksheet(w: &Worksheet, links: &Links, downloads: &Downloads) -> WorksheetView {
    let h = |t: &Text| safe(inline(t, links));
    let parts = w
        .parts
        .iter()
        .map(|p| match p {
            Part::Paragraph(t) => PartView { kind: "paragraph", text: Some(h(t)), ..Default::default() },
            Part::Prompt { text, .. } => PartView { kind: "prompt", text: Some(h(text)), ..Default::default() },
            Part::Starters(items) => PartView { kind: "starters", items: items.iter().map(h).collect(), ..Default::default() },
            Part::Checklist(items) => PartView { kind: "checklist", items: items.iter().map(h).collect(), ..Default::default() },
            Part::Scale { levels, columns } => {
                PartView { kind: "scale", levels: levels.clone(), columns: columns.clone(), ..Default::default() }
            }
            Part::Table { header, .. } => PartView { kind: "table", header: header.clone(), ..Default::default() },
            Part::Draw { text, size } => PartView {
                kind: "draw",
                text: Some(h(text)),
                size: match size {
                    DrawSize::Small => "small",
                    DrawSize::Medium => "medium",
                    DrawSize::Large => "large",
                },
                ..Default::default()
            },
        })
        .collect();
    WorksheetView {
        id: w.id.clone(),
        page: super::links::worksheet_file(&w.id),
        title: w.title.clone(),
        audience: w.audience.clone(),
        intro: w.intro.as_ref().map(h),
        parts,
        download: downloads.worksheets.get(&w.id).map(|d| d.view("PDF")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_and_text_lines_become_links() {
        assert_eq!(tel("0800 068 4141").as_deref(), Some("tel:08000684141"));
        assert_eq!(sms("Text SHOUT to 85258").as_deref(), Some("sms:85258?body=SHOUT"));
        assert_eq!(sms("Text 85258").as_deref(), Some("sms:85258"));
        assert_eq!(sms("No number here"), None);
    }
}
