//! Sections and blocks → styled paragraphs and tables.

//! The building blocks it shares with the other block writers (`Out`, headings, lists) are in
//! [`super::paragraphs`], so the dependency runs one way: blocks → figure, parts, structured,
//! tables → paragraphs.

use docx_rs::{BreakType, Paragraph, Run};

use super::context::Ctx;
use super::inline::{self, Fmt};
use super::numbering::ListKind;
use super::paragraphs::{bullets, heading, list, Out};
use super::styles::id;
use super::{figure, parts, structured, tables};
use crate::model::{Block, Callout, Section, Table as SourceTable};

/// The heading text of a section: "2.1 Title", "Appendix B: Title", "B.1 Title".
pub fn section_label(s: &Section) -> String {
    if s.appendix && s.level == 1 {
        format!("Appendix {}: {}", s.number, s.title)
    } else {
        format!("{} {}", s.number, s.title)
    }
}

pub fn section(cx: &mut Ctx, s: &Section, out: &mut Vec<Out>) {
    let h = heading(cx, usize::from(s.level), &section_label(s), &s.id);
    out.push(Out::p(h));
    blocks(cx, &s.blocks, usize::from(s.level), out);
    for c in &s.sections {
        section(cx, c, out);
    }
}

/// `level` is the heading level of the section holding the blocks.
pub fn blocks(cx: &mut Ctx, blocks: &[Block], level: usize, out: &mut Vec<Out>) {
    for b in blocks {
        block(cx, b, level, out);
    }
}

fn block(cx: &mut Ctx, b: &Block, level: usize, out: &mut Vec<Out>) {
    match b {
        Block::Paragraph(t) => out.push(Out::p(inline::para(cx, id::NORMAL, t))),
        Block::Bullets(items) => out.extend(list(cx, items, ListKind::Bullet).into_iter().map(Out::p)),
        Block::Numbered(items) => out.extend(list(cx, items, ListKind::Number).into_iter().map(Out::p)),
        Block::Callout(c) => out.extend(callout(cx, c).into_iter().map(Out::p)),
        Block::Table(t) => table(cx, t, out),
        Block::Definition { term, text, source } => {
            out.push(Out::p(inline::plain(id::DEFINITION_TERM, term)));
            out.push(Out::p(inline::para(cx, id::DEFINITION_TEXT, text)));
            if let Some(s) = source {
                out.push(Out::p(inline::plain(id::ATTRIBUTION, &format!("Source: {s}"))));
            }
        }
        Block::Quote { text, source } => {
            out.push(Out::p(inline::para(cx, id::QUOTE, text)));
            if let Some(s) = source {
                out.push(Out::p(inline::plain(id::ATTRIBUTION, &format!("\u{2014} {s}"))));
            }
        }
        Block::Figure(f) => figure::figure(cx, f, out),
        Block::Pathway(p) => structured::pathway(cx, p, out),
        Block::Contacts(ids) => structured::contacts(cx, ids, out),
        Block::LevelsOfNeed(levels) => structured::levels_of_need(cx, levels, out),
        Block::Worksheet(wid) => {
            if let Some(ws) = cx.g.worksheet(wid) {
                parts::worksheet(cx, ws, level + 1, out);
            }
        }
        Block::PageBreak => out.push(Out::p(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))),
    }
}

/// A callout: paragraphs in the kind's boxed style, opening with the printed label.
fn callout(cx: &mut Ctx, c: &Callout) -> Vec<Paragraph> {
    let style = id::callout(c.kind);
    let label = format!("{}: ", c.kind.label());
    let mut out = Vec::new();
    let mut labelled = false;
    if let Some(title) = &c.title {
        out.push(Paragraph::new().style(style).add_run(inline::run(&label, Fmt::BOLD)).add_run(inline::run(title, Fmt::BOLD)));
        labelled = true;
    }
    if let Some(text) = &c.text {
        let mut p = Paragraph::new().style(style);
        if !labelled {
            p = p.add_run(inline::run(&label, Fmt::BOLD));
            labelled = true;
        }
        out.push(inline::append(cx, p, text, Fmt::default()));
    }
    if !labelled {
        out.push(Paragraph::new().style(style).add_run(inline::run(c.kind.label(), Fmt::BOLD)));
    }
    out.extend(bullets(cx, &c.items, Some(style)));
    out
}

fn table(cx: &mut Ctx, t: &SourceTable, out: &mut Vec<Out>) {
    if let Some(c) = &t.caption {
        out.push(Out::p(inline::plain(id::CAPTION, c)));
    }
    let n = t.header.len().max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    let cols = tables::grid(&t.widths, n);
    let mut labels = t.header.clone();
    labels.resize(n, String::new());
    let mut rows = vec![tables::header_row(cx, &labels, &cols)];
    for r in &t.rows {
        let cells = cols
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let ps = r.get(i).map(|text| vec![inline::para(cx, id::TABLE_TEXT, text)]).unwrap_or_default();
                tables::cell(ps, *w)
            })
            .collect();
        rows.push(tables::row(cells));
    }
    tables::push(out, rows, &cols, id::TABLE);
}
