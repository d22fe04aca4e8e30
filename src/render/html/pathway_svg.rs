//! The response pathway as inline SVG, on the same grid of ranks and columns as the PDF
//! (`render::pathway_layout`), with `<title>` and `<desc>` for screen readers. The chart is
//! a picture of the steps; the page follows it with the same steps as an ordered list.

use std::fmt::Write;

use super::escape::html;
use crate::model::{Pathway, StepKind};
use crate::render::pathway_layout;

const COL_W: f64 = 250.0;
const GAP_X: f64 = 40.0;
const GAP_Y: f64 = 46.0;
const PAD: f64 = 12.0;
const LINE: f64 = 20.0;
/// Characters per line at 15 px in the site's fonts, with room to spare.
const WRAP: usize = 27;

/// The words of `s` in lines of at most `WRAP` characters (a longer word gets a line of its own).
fn wrap(s: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WRAP {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn kind_class(k: StepKind) -> (&'static str, Option<&'static str>) {
    match k {
        StepKind::Start => ("start", None),
        StepKind::Action => ("action", None),
        StepKind::Decision => ("decision", Some("Decision")),
        StepKind::Emergency => ("emergency", Some("Emergency")),
        StepKind::End => ("end", None),
    }
}

/// The SVG element for `p`, with ids prefixed by the pathway's id.
pub fn svg(p: &Pathway) -> String {
    let layout = pathway_layout::layout(p);
    let ranks = layout.cells.iter().map(|c| c.0 + 1).max().unwrap_or(0);
    // Each box: its lines (a kind label first, then the numbered text).
    let boxes: Vec<Vec<(bool, String)>> = p
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut lines = Vec::new();
            if let Some(label) = kind_class(s.kind).1 {
                lines.push((true, label.to_string()));
            }
            lines.extend(wrap(&format!("{}. {}", i + 1, s.text.to_plain())).into_iter().map(|l| (false, l)));
            lines
        })
        .collect();
    let height = |lines: &Vec<(bool, String)>| lines.len() as f64 * LINE + 2.0 * PAD;
    let mut row_h = vec![0.0f64; ranks];
    for (b, (rank, _)) in boxes.iter().zip(&layout.cells) {
        row_h[*rank] = row_h[*rank].max(height(b));
    }
    let mut row_y = vec![0.0f64; ranks];
    for r in 1..ranks {
        row_y[r] = row_y[r - 1] + row_h[r - 1] + GAP_Y;
    }
    let width = layout.columns as f64 * (COL_W + GAP_X) - GAP_X + 2.0;
    let total_h = row_y.last().copied().unwrap_or(0.0) + row_h.last().copied().unwrap_or(0.0) + 2.0;
    let x_of = |col: usize| 1.0 + col as f64 * (COL_W + GAP_X);
    let id = html(&p.id);

    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="pathway-chart" role="img" aria-labelledby="{id}-chart-title {id}-chart-desc" viewBox="0 0 {width:.0} {total_h:.0}" width="{width:.0}" height="{total_h:.0}">"#
    );
    let _ = write!(out, r#"<title id="{id}-chart-title">{}</title>"#, html(&p.title));
    let _ = write!(out, r#"<desc id="{id}-chart-desc">{}</desc>"#, html(&pathway_layout::alt_text(p)));
    let _ = write!(
        out,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-head"/></marker></defs>"#
    );
    // Arrows first, so boxes sit on top of them.
    let index = |to: &str| p.steps.iter().position(|s| s.id == to);
    for (i, s) in p.steps.iter().enumerate() {
        let (rank, col) = layout.cells[i];
        let (sx, sy) = (x_of(col) + COL_W / 2.0, row_y[rank] + height(&boxes[i]));
        // Arrows that change column turn in the gap below the source's row, clear of every box.
        let mid = row_y[rank] + row_h[rank] + GAP_Y / 2.0;
        for e in &s.next {
            let Some(j) = index(&e.to) else { continue };
            let (trank, tcol) = layout.cells[j];
            if trank <= rank {
                continue; // a link back up: the text version says it, the chart leaves it out
            }
            let (tx, ty) = (x_of(tcol) + COL_W / 2.0, row_y[trank]);
            let d = if tcol == col {
                format!("M{sx:.1} {sy:.1}V{:.1}", ty - 2.0)
            } else {
                format!("M{sx:.1} {sy:.1}V{mid:.1}H{tx:.1}V{:.1}", ty - 2.0)
            };
            let _ = write!(out, r#"<path d="{d}" class="edge" marker-end="url(#{id}-arrow)"/>"#);
            if let Some(label) = &e.label {
                // Straight down: beside the line under the source. Turning: above the
                // horizontal run, next to where it turns down into the target.
                let (lx, ly, anchor) = if tcol == col {
                    (sx + 8.0, sy + 16.0, "start")
                } else if tx > sx {
                    (tx - 8.0, mid - 6.0, "end")
                } else {
                    (tx + 8.0, mid - 6.0, "start")
                };
                let _ = write!(out, r#"<text x="{lx:.1}" y="{ly:.1}" class="edge-label" text-anchor="{anchor}">{}</text>"#, html(label));
            }
        }
    }
    for (i, s) in p.steps.iter().enumerate() {
        let (rank, col) = layout.cells[i];
        let (x, y) = (x_of(col), row_y[rank]);
        let (class, _) = kind_class(s.kind);
        let _ = write!(
            out,
            r#"<g class="step step-{class}"><rect x="{x:.1}" y="{y:.1}" width="{COL_W:.0}" height="{:.1}" rx="{}"/>"#,
            height(&boxes[i]),
            if s.kind == StepKind::Start || s.kind == StepKind::End { 18 } else { 4 }
        );
        for (n, (label, line)) in boxes[i].iter().enumerate() {
            let ty = y + PAD + LINE * (n as f64 + 0.75);
            let cls = if *label { r#" class="step-kind""# } else { "" };
            let _ = write!(out, r#"<text x="{:.1}" y="{ty:.1}"{cls}>{}</text>"#, x + PAD, html(line));
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stay_within_the_box() {
        let lines = wrap("Talk to the young person calmly and listen without judging what they tell you");
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= WRAP));
        assert_eq!(lines.join(" "), "Talk to the young person calmly and listen without judging what they tell you");
    }
}
