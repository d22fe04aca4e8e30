//! The paragraph shapes every block writer builds from: the body element type [`Out`],
//! headings with bookmarks, and lists backed by Word numbering.

use docx_rs::{Paragraph, SpecialIndentType, Table};

use super::context::Ctx;
use super::inline::{self, Fmt};
use super::numbering::{self, ListKind};
use super::styles::{self, id};
use crate::model::{ListItem, Text};

/// One body-level element, in order.
pub enum Out {
    P(Box<Paragraph>),
    T(Box<Table>),
}

impl Out {
    pub fn p(p: Paragraph) -> Out {
        Out::P(Box::new(p))
    }

    pub fn t(t: Table) -> Out {
        Out::T(Box::new(t))
    }
}

/// A heading at `level` (1–3) with a bookmark for `key`, so the contents and cross-references
/// can link to it.
pub fn heading(cx: &mut Ctx, level: usize, text: &str, key: &str) -> Paragraph {
    let level = level.clamp(1, 3);
    let name = cx.bookmark_name(key);
    let bid = cx.bookmark_id();
    cx.headings.push((level, text.to_string(), name.clone()));
    Paragraph::new()
        .style(id::HEADINGS[level - 1])
        .add_bookmark_start(bid, name)
        .add_run(inline::run(text, Fmt::default()))
        .add_bookmark_end(bid)
}

/// A list as paragraphs in the list styles, with its own numbering instance.
pub fn list(cx: &mut Ctx, items: &[ListItem], kind: ListKind) -> Vec<Paragraph> {
    let num = cx.lists.start(kind);
    let mut out = Vec::new();
    list_items(cx, items, kind, num, 0, &mut out);
    out
}

fn list_items(cx: &mut Ctx, items: &[ListItem], kind: ListKind, num: usize, depth: usize, out: &mut Vec<Paragraph>) {
    for item in items {
        let p = list_paragraph(styles::list_style(kind, depth), num, depth);
        out.push(inline::append(cx, p, &item.text, Fmt::default()));
        list_items(cx, &item.children, kind, num, depth + 1, out);
    }
}

/// A paragraph in `style` numbered by instance `num` at `depth`.
pub fn list_paragraph(style: &str, num: usize, depth: usize) -> Paragraph {
    Paragraph::new().style(style).numbering(numbering::num_id(num), numbering::level(depth))
}

/// A flat bullet list of inline texts (callout items, examples).
pub fn bullets(cx: &mut Ctx, items: &[Text], style: Option<&str>) -> Vec<Paragraph> {
    let num = cx.lists.start(ListKind::Bullet);
    items.iter().map(|t| inline::append(cx, list_paragraph(style.unwrap_or(id::LIST_BULLET[0]), num, 0), t, Fmt::default())).collect()
}

/// Bullets for a narrow table cell: the same list, indented less.
pub fn cell_bullets(cx: &mut Ctx, items: &[Text]) -> Vec<Paragraph> {
    let num = cx.lists.start(ListKind::Bullet);
    items
        .iter()
        .map(|t| {
            let p = list_paragraph(id::TABLE_TEXT, num, 0).indent(Some(227), Some(SpecialIndentType::Hanging(227)), None, None);
            inline::append(cx, p, t, Fmt::default())
        })
        .collect()
}
