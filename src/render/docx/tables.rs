//! Table building blocks: column grids, header rows (marked to repeat on every page by the
//! fixup, see [`super::fixup`]), body cells and empty writing rows.

use docx_rs::{HeightRule, Paragraph, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow, WidthType};

use super::context::{Ctx, TEXT_W};
use super::inline;
use super::paragraphs::Out;
use super::styles::id;

/// Column widths in twips for `n` columns from relative `widths` (equal when empty or
/// mismatched), summing exactly to the text width.
pub fn grid(widths: &[f64], n: usize) -> Vec<usize> {
    let n = n.max(1);
    let rel: Vec<f64> = if widths.len() == n && widths.iter().all(|w| w.is_finite() && *w > 0.0) { widths.to_vec() } else { vec![1.0; n] };
    let total: f64 = rel.iter().sum();
    let mut cols: Vec<usize> = rel.iter().map(|w| ((w / total) * f64::from(TEXT_W)).floor() as usize).collect();
    let used: usize = cols.iter().sum();
    if let Some(last) = cols.last_mut() {
        *last += TEXT_W as usize - used;
    }
    cols
}

/// A header row: every cell's paragraphs are in the Table Heading style, which is how the
/// fixup recognises the row and adds `w:tblHeader` (docx-rs has no API for it).
pub fn header_row(cx: &Ctx, labels: &[String], cols: &[usize]) -> TableRow {
    let cells = labels
        .iter()
        .zip(cols)
        .map(|(label, w)| {
            TableCell::new()
                .width(*w, WidthType::Dxa)
                .shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(&cx.palette.secondary))
                .add_paragraph(inline::plain(id::TABLE_HEADING, label))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

/// A body cell holding `paragraphs` (a cell must hold at least one paragraph).
pub fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    if paragraphs.is_empty() {
        return c.add_paragraph(Paragraph::new().style(id::TABLE_TEXT));
    }
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// A body row, kept whole on one page.
pub fn row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// A row of empty cells at least `height` twips high, to write in. `keep` holds it on the
/// same page as the next row (short writing spaces stay together).
pub fn blank_row(cols: &[usize], height: u32, keep: bool) -> TableRow {
    let cells = cols
        .iter()
        .map(|w| TableCell::new().width(*w, WidthType::Dxa).add_paragraph(Paragraph::new().style(id::TABLE_TEXT).keep_next(keep)))
        .collect();
    row(cells).row_height(height as f32).height_rule(HeightRule::AtLeast)
}

/// Pushes a full-width table and the small paragraph that gives it room below (Word has no
/// space-after for tables).
pub fn push(out: &mut Vec<Out>, rows: Vec<TableRow>, cols: &[usize], style: &str) {
    out.push(Out::t(table(rows, cols, style)));
    out.push(Out::p(Paragraph::new().style(id::AFTER_TABLE)));
}

/// A full-width table in `style` with a fixed column grid.
pub fn table(rows: Vec<TableRow>, cols: &[usize], style: &str) -> Table {
    Table::new(rows).set_grid(cols.to_vec()).style(style).width(TEXT_W as usize, WidthType::Dxa).layout(TableLayoutType::Fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_fill_the_text_width() {
        for (w, n) in [(vec![], 3), (vec![1.0, 2.0], 2), (vec![1.0], 4), (vec![0.0, 1.0], 2)] {
            let g = grid(&w, n);
            assert_eq!(g.len(), n);
            assert_eq!(g.iter().sum::<usize>(), TEXT_W as usize);
        }
        let g = grid(&[1.0, 3.0], 2);
        assert!(g[1] > 2 * g[0]);
    }
}
