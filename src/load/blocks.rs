//! Blocks: the typed content of sections and flyers.

use std::path::PathBuf;

use super::{Ctx, Ns};
use crate::model::{Block, Callout, CalloutKind, Edge, Figure, Level, ListItem, Pathway, Step, StepKind, Table, Text};
use crate::source::decode::{item, Decoder};
use crate::source::yaml::{Node, Value};

/// Where blocks appear: flyers are single sheets, so they take no pathway or worksheet.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Guidance,
    Flyer,
}

const GUIDANCE_KINDS: &[&str] = &[
    "paragraph",
    "bullets",
    "numbered",
    "callout",
    "table",
    "definition",
    "quote",
    "figure",
    "pathway",
    "contacts",
    "levels_of_need",
    "worksheet",
    "page_break",
];
const FLYER_KINDS: &[&str] =
    &["paragraph", "bullets", "numbered", "callout", "table", "definition", "quote", "figure", "contacts", "levels_of_need"];

/// Lists nest at most this deep (an item, a sub-item, a sub-sub-item).
const MAX_LIST_DEPTH: usize = 3;

pub fn decode_blocks(cx: &mut Ctx, node: &Node, path: &str, context: Context) -> Option<Vec<Block>> {
    let items = cx.d.list(node, path)?;
    let before = cx.d.error_count();
    let mut out = Vec::new();
    for (i, n) in items.iter().enumerate() {
        if let Some(b) = decode_block(cx, n, &item(path, i), context) {
            out.push(b);
        }
    }
    (cx.d.error_count() == before).then_some(out)
}

fn decode_block(cx: &mut Ctx, node: &Node, path: &str, context: Context) -> Option<Block> {
    let kinds = if context == Context::Guidance { GUIDANCE_KINDS } else { FLYER_KINDS };
    let (kind, value, p) = match cx.d.tagged(node, path, kinds) {
        Some(t) => t,
        None => {
            if context == Context::Flyer {
                if let Value::Map(entries) = &node.value {
                    if let Some((k, _)) = entries
                        .iter()
                        .find(|(k, _)| matches!(crate::source::decode::scalar_text(k), "pathway" | "worksheet" | "page_break"))
                    {
                        // Replace the generic "unknown kind" with the real reason.
                        cx.d.diags.pop();
                        let name = crate::source::decode::scalar_text(k);
                        cx.d.error(
                            k.loc,
                            path,
                            format!("a `{name}` block cannot go on a flyer"),
                            "flyers are single sheets: link to the full guidance instead, or use a paragraph",
                        );
                    }
                }
            }
            return None;
        }
    };
    let d = &mut cx.d;
    match kind {
        "paragraph" => d.text(value, &p).map(Block::Paragraph),
        "bullets" => decode_list(d, value, &p, 1).map(Block::Bullets),
        "numbered" => decode_list(d, value, &p, 1).map(Block::Numbered),
        "callout" => decode_callout(d, value, &p).map(Block::Callout),
        "table" => decode_table(d, value, &p).map(Block::Table),
        "definition" => {
            let m = d.map(value, &p, &["term", "text", "source"])?;
            let term = m.req(d, "term", Decoder::string);
            let text = m.req(d, "text", Decoder::text);
            let source = m.opt(d, "source", Decoder::string);
            Some(Block::Definition { term: term?, text: text?, source })
        }
        "quote" => {
            let m = d.map(value, &p, &["text", "source"])?;
            let text = m.req(d, "text", Decoder::text);
            let source = m.opt(d, "source", Decoder::string);
            Some(Block::Quote { text: text?, source })
        }
        "figure" => decode_figure(cx, value, &p).map(Block::Figure),
        "pathway" => decode_pathway(cx, value, &p).map(Block::Pathway),
        "contacts" => {
            let ids = d.list(value, &p)?;
            let mut out = Vec::new();
            for (i, n) in ids.iter().enumerate() {
                let ip = item(&p, i);
                if let Some(id) = cx.d.id(n, &ip) {
                    cx.reference(Ns::Contact, &id, n.loc, &ip);
                    out.push(id);
                }
            }
            if out.is_empty() && ids.is_empty() {
                cx.d.error(
                    value.loc,
                    &p,
                    "the contacts list is empty",
                    "list contact ids from contacts.yaml, for example `[samaritans, childline]`",
                );
                return None;
            }
            Some(Block::Contacts(out))
        }
        "levels_of_need" => d.list_of(value, &p, decode_level).map(Block::LevelsOfNeed),
        "worksheet" => {
            let id = d.id(value, &p)?;
            cx.reference(Ns::Worksheet, &id, value.loc, &p);
            Some(Block::Worksheet(id))
        }
        "page_break" => d.boolean(value, &p).map(|_| Block::PageBreak),
        _ => unreachable!("kinds are checked by `tagged`"),
    }
}

/// A list item is text, or `{text, items}` for an item with a nested list.
fn decode_list(d: &mut Decoder, node: &Node, path: &str, depth: usize) -> Option<Vec<ListItem>> {
    let items = d.list(node, path)?;
    if items.is_empty() {
        d.error(node.loc, path, "the list is empty", "add at least one `- item`, or remove the block");
        return None;
    }
    let before = d.error_count();
    let mut out = Vec::new();
    for (i, n) in items.iter().enumerate() {
        let ip = item(path, i);
        let it = match &n.value {
            Value::Map(_) => {
                let m = d.map(n, &ip, &["text", "items"])?;
                let text = m.req(d, "text", Decoder::text);
                let children = match m.get("items") {
                    Some(_) if depth >= MAX_LIST_DEPTH => {
                        d.error(
                            n.loc,
                            &m.path_of("items"),
                            format!("lists nest at most {MAX_LIST_DEPTH} levels deep"),
                            "flatten the innermost list into its parent item",
                        );
                        None
                    }
                    Some(c) => decode_list(d, c, &m.path_of("items"), depth + 1),
                    None => Some(Vec::new()),
                };
                text.zip(children).map(|(text, children)| ListItem { text, children })
            }
            _ => d.text(n, &ip).map(|text| ListItem { text, children: Vec::new() }),
        };
        out.extend(it);
    }
    (d.error_count() == before).then_some(out)
}

fn decode_callout(d: &mut Decoder, node: &Node, path: &str) -> Option<Callout> {
    let m = d.map(node, path, &["kind", "title", "text", "items"])?;
    let kind = m.req(d, "kind", |d, n, p| d.choice(n, p, &["info", "important", "emergency"]));
    let title = m.opt(d, "title", Decoder::string);
    let text = m.opt(d, "text", Decoder::text);
    let items = m.opt(d, "items", |d, n, p| d.list_of(n, p, Decoder::text)).unwrap_or_default();
    if title.is_none() && text.is_none() && items.is_empty() && m.get("title").is_none() && m.get("text").is_none() {
        d.error(node.loc, path, "the callout says nothing", "give it a `title`, `text` or `items`");
        return None;
    }
    let kind = [CalloutKind::Info, CalloutKind::Important, CalloutKind::Emergency][kind?];
    Some(Callout { kind, title, text, items })
}

fn decode_table(d: &mut Decoder, node: &Node, path: &str) -> Option<Table> {
    let m = d.map(node, path, &["caption", "widths", "header", "rows"])?;
    let caption = m.opt(d, "caption", Decoder::string);
    let header = m.req(d, "header", Decoder::strings);
    let widths = m.opt(d, "widths", |d, n, p| d.list_of(n, p, Decoder::number));
    let rows = m.req(d, "rows", |d, n, p| d.list_of(n, p, |d, n, p| d.list_of(n, p, Decoder::text)));
    let (header, rows) = (header?, rows?);
    let cols = header.len();
    let mut ok = true;
    if cols == 0 {
        d.error(
            node.loc,
            &m.path_of("header"),
            "the header row is empty",
            "give each column a heading: `header: [Sign, What you might notice]`",
        );
        ok = false;
    }
    if rows.is_empty() {
        d.error(node.loc, &m.path_of("rows"), "the table has no rows", "add rows such as `- [cell, cell]`");
        ok = false;
    }
    if let (Some(rows_node), true) = (m.get("rows"), cols > 0) {
        if let Value::Seq(items) = &rows_node.value {
            for (i, (row, n)) in rows.iter().zip(items).enumerate() {
                if row.len() != cols {
                    d.error(
                        n.loc,
                        &item(&m.path_of("rows"), i),
                        format!("this row has {} cells but the header has {cols} columns", row.len()),
                        "give every row one cell per column (an empty cell is `\"\"`… or a dash)",
                    );
                    ok = false;
                }
            }
        }
    }
    if let Some(w) = &widths {
        if w.len() != cols {
            d.error(
                m.get("widths").map(|n| n.loc).unwrap_or(node.loc),
                &m.path_of("widths"),
                format!("{} widths are given for {cols} columns", w.len()),
                "give one relative width per column, or remove `widths`",
            );
            ok = false;
        }
    }
    ok.then(|| Table { caption, widths: widths.unwrap_or_default(), header, rows })
}

fn decode_figure(cx: &mut Ctx, node: &Node, path: &str) -> Option<Figure> {
    let d = &mut cx.d;
    let m = d.map(node, path, &["image", "alt", "caption", "width"])?;
    let image = m.req(d, "image", Decoder::string);
    let alt = match m.get("alt") {
        Some(n) => d.string(n, &m.path_of("alt")),
        None => {
            d.error(
                node.loc,
                &m.path_of("alt"),
                "the figure has no alt text",
                "add `alt:` describing what the picture shows for someone who cannot see it (alt text is required for accessibility)",
            );
            None
        }
    };
    let caption = m.opt(d, "caption", Decoder::string);
    let width = m.opt(d, "width", |d, n, p| d.uint(n, p, 10, 100)).unwrap_or(100);
    let image = PathBuf::from(image?);
    if let Some(n) = m.get("image") {
        cx.index.images.push((image.clone(), n.loc, m.path_of("image")));
    }
    Some(Figure { image, alt: alt?, caption, width, at: node.loc })
}

fn decode_pathway(cx: &mut Ctx, node: &Node, path: &str) -> Option<Pathway> {
    let m = cx.d.map(node, path, &["id", "title", "steps"])?;
    let id = m.req(&mut cx.d, "id", Decoder::id);
    let title = m.req(&mut cx.d, "title", Decoder::string);
    let id = id?;
    if let Some(n) = m.get("id") {
        cx.def(Ns::Target, &id, n.loc, &m.path_of("id"));
    }
    let steps_node = m.get("steps");
    let Some(steps_node) = steps_node else {
        cx.d.error(
            node.loc,
            &m.path_of("steps"),
            "missing field `steps`",
            "add the steps of the pathway, each with `id`, `kind`, `text` and `next`",
        );
        return None;
    };
    let spath = m.path_of("steps");
    let items = cx.d.list(steps_node, &spath)?;
    let before = cx.d.error_count();
    let mut steps = Vec::new();
    for (i, n) in items.iter().enumerate() {
        if let Some(s) = decode_step(cx, n, &item(&spath, i), &id) {
            steps.push(s);
        }
    }
    if items.is_empty() {
        cx.d.error(steps_node.loc, &spath, "the pathway has no steps", "add at least a start step and what follows it");
    }
    (cx.d.error_count() == before && !items.is_empty()).then_some(Pathway { id, title: title?, steps, at: node.loc })
}

fn decode_step(cx: &mut Ctx, node: &Node, path: &str, pathway: &str) -> Option<Step> {
    let m = cx.d.map(node, path, &["id", "kind", "text", "next"])?;
    let id = m.req(&mut cx.d, "id", Decoder::id);
    let kind = m.opt(&mut cx.d, "kind", |d, n, p| d.choice(n, p, &["start", "action", "decision", "emergency", "end"]));
    let text = m.req(&mut cx.d, "text", Decoder::text);
    let mut next = Vec::new();
    if let Some(n) = m.get("next") {
        let np = m.path_of("next");
        match &n.value {
            Value::Scalar { .. } => {
                if let Some(to) = cx.d.id(n, &np) {
                    cx.reference(Ns::Step(pathway.to_string()), &to, n.loc, &np);
                    next.push(Edge { to, label: None });
                }
            }
            _ => {
                let edges = cx.d.list(n, &np).unwrap_or_default();
                for (i, e) in edges.iter().enumerate() {
                    let ep = item(&np, i);
                    let Some(em) = cx.d.map(e, &ep, &["to", "label"]) else { continue };
                    let to = em.req(&mut cx.d, "to", Decoder::id);
                    let label = em.opt(&mut cx.d, "label", Decoder::string);
                    if let (Some(to), Some(tn)) = (to, em.get("to")) {
                        cx.reference(Ns::Step(pathway.to_string()), &to, tn.loc, &em.path_of("to"));
                        next.push(Edge { to, label });
                    }
                }
            }
        }
    }
    let id = id?;
    if let Some(n) = m.get("id") {
        cx.def(Ns::Step(pathway.to_string()), &id, n.loc, &m.path_of("id"));
    }
    let kind = match kind {
        Some(i) => [StepKind::Start, StepKind::Action, StepKind::Decision, StepKind::Emergency, StepKind::End][i],
        None if m.get("kind").is_some() => return None,
        None => StepKind::Action,
    };
    if kind == StepKind::Decision && next.len() < 2 {
        cx.d.error(
            node.loc,
            path,
            "a decision step needs at least two labelled branches in `next`",
            "list the branches, e.g. `next: [{to: call-999, label: \"Yes\"}, {to: dsl, label: \"No\"}]`",
        );
    }
    Some(Step { id, kind, text: text?, next })
}

fn decode_level(d: &mut Decoder, node: &Node, path: &str) -> Option<Level> {
    let m = d.map(node, path, &["level", "name", "summary", "response", "examples"])?;
    let level = m.req(d, "level", |d, n, p| d.uint(n, p, 1, 9));
    let name = m.req(d, "name", Decoder::string);
    let summary = m.req(d, "summary", Decoder::text);
    let response = m.opt(d, "response", Decoder::text);
    let examples = m.opt(d, "examples", |d, n, p| d.list_of(n, p, Decoder::text)).unwrap_or_default();
    Some(Level { level: level?, name: name?, summary: summary?, response, examples })
}

/// Used by the toolkit loader for worksheet intros and parts.
pub fn texts(d: &mut Decoder, node: &Node, path: &str) -> Option<Vec<Text>> {
    d.list_of(node, path, Decoder::text)
}
