//! toolkit.yaml (worksheets) and flyers.yaml.

use super::blocks::{decode_blocks, texts, Context};
use super::{Ctx, Ns};
use crate::model::{DrawSize, Flyer, PaperSize, Part, Worksheet};
use crate::source::decode::{item, Decoder};
use crate::source::yaml::Node;

const WORKSHEET: &[&str] = &["id", "title", "audience", "intro", "parts"];
const PARTS: &[&str] = &["paragraph", "prompt", "starters", "scale", "checklist", "table", "draw"];
const FLYER: &[&str] = &["id", "title", "size", "audience", "blocks", "contacts"];

pub fn decode_toolkit(cx: &mut Ctx, root: &Node) -> Option<Vec<Worksheet>> {
    let top = cx.d.map(root, "", &["worksheets"])?;
    let Some(list) = top.get("worksheets") else { return Some(Vec::new()) };
    let items = cx.d.list(list, "worksheets")?;
    let before = cx.d.error_count();
    let mut out = Vec::new();
    for (i, n) in items.iter().enumerate() {
        if let Some(w) = decode_worksheet(cx, n, &item("worksheets", i)) {
            out.push(w);
        }
    }
    (cx.d.error_count() == before).then_some(out)
}

fn decode_worksheet(cx: &mut Ctx, node: &Node, path: &str) -> Option<Worksheet> {
    let m = cx.d.map(node, path, WORKSHEET)?;
    let id = m.req(&mut cx.d, "id", Decoder::id);
    if let (Some(id), Some(n)) = (&id, m.get("id")) {
        cx.def(Ns::Worksheet, id, n.loc, &m.path_of("id"));
        cx.def(Ns::Target, id, n.loc, &m.path_of("id"));
    }
    let d = &mut cx.d;
    let title = m.req(d, "title", Decoder::string);
    let audience = m.opt(d, "audience", Decoder::string);
    let intro = m.opt(d, "intro", Decoder::text);
    let parts = m.req(d, "parts", |d, n, p| d.list_of(n, p, decode_part));
    if let (Some(p), Some(n)) = (&parts, m.get("parts")) {
        if p.is_empty() {
            d.error(
                n.loc,
                &m.path_of("parts"),
                "the worksheet has no parts",
                "add at least one part, such as `- prompt: {text: …, lines: 4}`",
            );
            return None;
        }
    }
    Some(Worksheet { id: id?, title: title?, audience, intro, parts: parts? })
}

fn decode_part(d: &mut Decoder, node: &Node, path: &str) -> Option<Part> {
    let (kind, value, p) = d.tagged(node, path, PARTS)?;
    match kind {
        "paragraph" => d.text(value, &p).map(Part::Paragraph),
        "prompt" => {
            let m = d.map(value, &p, &["text", "lines"])?;
            let text = m.req(d, "text", Decoder::text);
            let lines = m.opt(d, "lines", |d, n, p| d.uint(n, p, 1, 30)).unwrap_or(3);
            Some(Part::Prompt { text: text?, lines })
        }
        "starters" => texts(d, value, &p).map(Part::Starters),
        "checklist" => texts(d, value, &p).map(Part::Checklist),
        "scale" => {
            let m = d.map(value, &p, &["levels", "columns"])?;
            let levels = m.req(d, "levels", Decoder::strings);
            let columns = m.req(d, "columns", Decoder::strings);
            let (levels, columns) = (levels?, columns?);
            if levels.len() < 2 || columns.is_empty() {
                d.error(
                    value.loc,
                    &p,
                    "a scale needs at least two levels and one column",
                    "for example `levels: [1, 2, 3, 4, 5]` and `columns: [What it feels like, What helps]`",
                );
                return None;
            }
            Some(Part::Scale { levels, columns })
        }
        "table" => {
            let m = d.map(value, &p, &["header", "rows"])?;
            let header = m.req(d, "header", Decoder::strings);
            let rows = m.opt(d, "rows", |d, n, p| d.uint(n, p, 1, 30)).unwrap_or(4);
            Some(Part::Table { header: header?, rows })
        }
        "draw" => {
            let m = d.map(value, &p, &["text", "size"])?;
            let text = m.req(d, "text", Decoder::text);
            let size = m
                .opt(d, "size", |d, n, p| d.choice(n, p, &["small", "medium", "large"]))
                .map(|i| [DrawSize::Small, DrawSize::Medium, DrawSize::Large][i]);
            Some(Part::Draw { text: text?, size: size.unwrap_or(DrawSize::Medium) })
        }
        _ => unreachable!("kinds are checked by `tagged`"),
    }
}

pub fn decode_flyers(cx: &mut Ctx, root: &Node) -> Option<Vec<Flyer>> {
    let top = cx.d.map(root, "", &["flyers"])?;
    let Some(list) = top.get("flyers") else { return Some(Vec::new()) };
    let items = cx.d.list(list, "flyers")?;
    let before = cx.d.error_count();
    let mut out = Vec::new();
    for (i, n) in items.iter().enumerate() {
        if let Some(f) = decode_flyer(cx, n, &item("flyers", i)) {
            out.push(f);
        }
    }
    (cx.d.error_count() == before).then_some(out)
}

fn decode_flyer(cx: &mut Ctx, node: &Node, path: &str) -> Option<Flyer> {
    let m = cx.d.map(node, path, FLYER)?;
    let id = m.req(&mut cx.d, "id", Decoder::id);
    if let (Some(id), Some(n)) = (&id, m.get("id")) {
        cx.def(Ns::Flyer, id, n.loc, &m.path_of("id"));
    }
    let title = m.req(&mut cx.d, "title", Decoder::string);
    let size = m.opt(&mut cx.d, "size", |d, n, p| d.choice(n, p, &["A4", "A5"])).map(|i| [PaperSize::A4, PaperSize::A5][i]);
    let audience = m.opt(&mut cx.d, "audience", Decoder::string);
    let blocks = match m.get("blocks") {
        Some(n) => decode_blocks(cx, n, &m.path_of("blocks"), Context::Flyer),
        None => Some(Vec::new()),
    };
    let mut contacts = Vec::new();
    if let Some(n) = m.get("contacts") {
        let cp = m.path_of("contacts");
        if let Some(items) = cx.d.list(n, &cp) {
            for (i, c) in items.iter().enumerate() {
                let ip = item(&cp, i);
                if let Some(cid) = cx.d.id(c, &ip) {
                    if contacts.contains(&cid) {
                        // Listed again, the card is printed again: 10,000 copies made a 1,253-page flyer.
                        cx.d.error(c.loc, &ip, format!("the contact `{cid}` is already listed in this flyer"), "list each contact once");
                        continue;
                    }
                    cx.reference(Ns::Contact, &cid, c.loc, &ip);
                    contacts.push(cid);
                }
            }
        }
    }
    if matches!(&blocks, Some(b) if b.is_empty()) && contacts.is_empty() {
        cx.d.error(node.loc, path, "the flyer is empty", "add `blocks` and/or `contacts`");
        return None;
    }
    Some(Flyer { id: id?, title: title?, size: size.unwrap_or(PaperSize::A4), audience, blocks: blocks?, contacts })
}
