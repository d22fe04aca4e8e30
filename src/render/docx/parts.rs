//! Toolkit worksheets as appendix pages, with room to write: ruled rows for prompts and
//! sentence starters, empty table rows, check boxes and a box to draw in.

use docx_rs::Paragraph;

use super::context::Ctx;
use super::inline::{self, Fmt};
use super::numbering::ListKind;
use super::paragraphs::{self, Out};
use super::styles::id;
use super::tables;
use crate::model::{DrawSize, Part, Worksheet};

/// Height of one writing line, and of a row in a fill-in table (twips).
const LINE: u32 = 567;
const ROW: u32 = 737;

pub fn worksheet(cx: &mut Ctx, ws: &Worksheet, level: usize, out: &mut Vec<Out>) {
    // Each worksheet starts a page so it can be printed on its own.
    let h = paragraphs::heading(cx, level, &ws.title, &ws.id).page_break_before(true);
    out.push(Out::p(h));
    if let Some(a) = &ws.audience {
        out.push(Out::p(inline::plain(id::AUDIENCE, &format!("For: {a}"))));
    }
    if let Some(intro) = &ws.intro {
        out.push(Out::p(inline::para(cx, id::NORMAL, intro)));
    }
    for part in &ws.parts {
        self::part(cx, part, out);
    }
}

fn part(cx: &mut Ctx, part: &Part, out: &mut Vec<Out>) {
    match part {
        Part::Paragraph(t) => out.push(Out::p(inline::para(cx, id::NORMAL, t))),
        Part::Prompt { text, lines } => {
            // The question heads the rows it is answered on.
            let cols = tables::grid(&[], 1);
            let mut rows = vec![tables::header_row(cx, &[text.to_plain()], &cols)];
            let n = (*lines).max(1);
            rows.extend((0..n).map(|i| tables::blank_row(&cols, LINE, i + 1 < n)));
            tables::push(out, rows, &cols, id::LINES_TABLE);
        }
        Part::Starters(items) => {
            let cols = tables::grid(&[2.0, 3.0], 2);
            let header = ["Sentence starter", "Finish the sentence"].map(String::from);
            let mut rows = vec![tables::header_row(cx, &header, &cols)];
            for s in items {
                let start = inline::para(cx, id::TABLE_TEXT, s);
                rows.push(
                    tables::row(vec![tables::cell(vec![start], cols[0]), tables::cell(Vec::new(), cols[1])])
                        .row_height(ROW as f32)
                        .height_rule(docx_rs::HeightRule::AtLeast),
                );
            }
            tables::push(out, rows, &cols, id::LINES_TABLE);
        }
        Part::Scale { levels, columns } => {
            let mut header = vec!["Level".to_string()];
            header.extend(columns.iter().cloned());
            let mut widths = vec![1.2];
            widths.extend(columns.iter().map(|_| 2.0));
            let cols = tables::grid(&widths, header.len());
            let mut rows = vec![tables::header_row(cx, &header, &cols)];
            for l in levels {
                let mut cells =
                    vec![tables::cell(vec![Paragraph::new().style(id::TABLE_TEXT).add_run(inline::run(l, Fmt::BOLD))], cols[0])];
                cells.extend(cols[1..].iter().map(|w| tables::cell(Vec::new(), *w)));
                rows.push(tables::row(cells).row_height((ROW * 2) as f32).height_rule(docx_rs::HeightRule::AtLeast));
            }
            tables::push(out, rows, &cols, id::TABLE);
        }
        Part::Checklist(items) => {
            let num = cx.lists.start(ListKind::Check);
            for t in items {
                let p = paragraphs::list_paragraph(id::CHECKLIST, num, 0);
                out.push(Out::p(inline::append(cx, p, t, Fmt::default())));
            }
        }
        Part::Table { header, rows: n } => {
            let cols = tables::grid(&[], header.len());
            let mut rows = vec![tables::header_row(cx, header, &cols)];
            rows.extend((0..(*n).max(1)).map(|_| tables::blank_row(&cols, ROW, false)));
            tables::push(out, rows, &cols, id::TABLE);
        }
        Part::Draw { text, size } => {
            let height = match size {
                DrawSize::Small => 2_268,
                DrawSize::Medium => 4_536,
                DrawSize::Large => 6_804,
            };
            let cols = tables::grid(&[], 1);
            let rows = vec![tables::header_row(cx, &[text.to_plain()], &cols), tables::blank_row(&cols, height, false)];
            tables::push(out, rows, &cols, id::TABLE);
        }
    }
}
