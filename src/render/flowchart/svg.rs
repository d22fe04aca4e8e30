//! The flowchart as SVG: semantic, so the figure file can be read as well as seen. Each step
//! is `<g class="step step-<kind>" id="<prefix>step-<id>">` with its `<rect>` and text; each
//! arrow is `<path class="edge" data-from data-to>` with its label in `<text class="edge-label">`;
//! `<title>` and `<desc>` carry the alternative text. Styles are inline attributes (with class
//! names for a page's CSS to override), so the file looks right on its own, in typst and in a
//! rasteriser.

use std::fmt::Write;

use super::{Chart, LABEL_SIZE, LINE, TEXT_SIZE};
use crate::model::StepKind;

/// Colours the drawing uses; the brand's, or defaults for a standalone figure.
pub struct Palette {
    pub text: String,
    pub primary: String,
    pub tint: String,
    pub font: String,
}

impl Palette {
    /// The brand's colours and body font.
    pub fn of(brand: &crate::model::Brand) -> Palette {
        let c = brand.color;
        Palette { text: c.foreground.hex(), primary: c.primary.hex(), tint: c.secondary.hex(), font: brand.font_base.clone() }
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// `chart` as an SVG element. `prefix` keeps ids unique when several drawings share a page.
/// `scale` sets the drawn size (1: one unit per point, for a figure file).
pub fn svg(c: &Chart, title: &str, desc: &str, prefix: &str, pal: &Palette, scale: f64) -> String {
    svg_window(c, title, desc, prefix, pal, scale, (0.0, c.height))
}

/// The part of the drawing between `window.0` and `window.1` from the top (a piece of a chart
/// cut across pages).
pub fn svg_window(c: &Chart, title: &str, desc: &str, prefix: &str, pal: &Palette, scale: f64, window: (f64, f64)) -> String {
    let (top, h) = (window.0, window.1 - window.0);
    let p = esc(prefix);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="pathway-chart" role="img" aria-labelledby="{p}chart-title {p}chart-desc" viewBox="0 {top} {w} {h}" width="{sw}" height="{sh}" font-family="{font}" font-size="{TEXT_SIZE}">"#,
        w = c.width,
        sw = (c.width * scale).round(),
        sh = (h * scale).round(),
        font = esc(&pal.font)
    );
    let _ = write!(out, r#"<title id="{p}chart-title">{}</title><desc id="{p}chart-desc">{}</desc>"#, esc(title), esc(desc));
    let _ = write!(
        out,
        r#"<defs><marker id="{p}arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{}"/></marker></defs>"#,
        esc(&pal.text)
    );
    for a in &c.arrows {
        let d: String = a.points.iter().enumerate().map(|(i, (x, y))| format!("{}{x} {y}", if i == 0 { "M" } else { "L" })).collect();
        let _ = write!(
            out,
            r#"<path class="edge{}" data-from="{}" data-to="{}" d="{d}" fill="none" stroke="{}" stroke-width="1.2" marker-end="url(#{p}arrow)"/>"#,
            if a.back { " edge-back" } else { "" },
            esc(&c.boxes[a.from].id),
            esc(&c.boxes[a.to].id),
            esc(&pal.text)
        );
        if let Some((text, r)) = &a.label {
            // A white ground under the label, so no line runs through its letters.
            let _ =
                write!(out, r##"<rect class="edge-label-box" x="{}" y="{}" width="{}" height="{}" fill="#FFFFFF"/>"##, r.x, r.y, r.w, r.h);
            let _ = write!(
                out,
                r#"<text class="edge-label" x="{}" y="{}" font-size="{LABEL_SIZE}" font-weight="bold" fill="{}">{}</text>"#,
                r.x + 1.0,
                r.y + LABEL_SIZE,
                esc(&pal.text),
                esc(text)
            );
        }
    }
    for b in &c.boxes {
        let (kind, fill, stroke, width) = match b.kind {
            StepKind::Start => ("start", "#FFFFFF".to_string(), pal.primary.clone(), 1.2),
            StepKind::End => ("end", "#FFFFFF".to_string(), pal.primary.clone(), 1.2),
            StepKind::Action => ("action", pal.tint.clone(), pal.primary.clone(), 1.2),
            StepKind::Decision => ("decision", "#FFF7BF".to_string(), "#594D00".to_string(), 1.5),
            StepKind::Emergency => ("emergency", "#FDECEE".to_string(), "#B10E1E".to_string(), 2.5),
        };
        let r = &b.rect;
        let rx = if matches!(b.kind, StepKind::Start | StepKind::End) { 12 } else { 3 };
        let _ = write!(
            out,
            r#"<g class="step step-{kind}" id="{p}step-{}"><rect x="{}" y="{}" width="{}" height="{}" rx="{rx}" fill="{}" stroke="{}" stroke-width="{width}"/>"#,
            esc(&b.id),
            r.x,
            r.y,
            r.w,
            r.h,
            esc(&fill),
            esc(&stroke)
        );
        for (i, line) in b.lines.iter().enumerate() {
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" fill="{}"{}>{}</text>"#,
                r.x + 7.0,
                r.y + 7.0 + LINE * i as f64 + TEXT_SIZE * 0.95,
                esc(&pal.text),
                if line.bold { r#" font-weight="bold""# } else { "" },
                esc(&line.text)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}
