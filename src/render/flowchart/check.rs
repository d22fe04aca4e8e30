//! The rules a drawn flowchart keeps, checked on its geometry (tests run them on random
//! pathways and on the exported SVG read back): no two boxes overlap; no arrow runs through a
//! box other than its own two ends; no two arrows share a stretch of line unless they go to
//! the same step; no label overlaps a box or another label. Crossings are counted, not refused.

use super::{Chart, Rect};

/// An arrow as drawn: its points, and the boxes (indices) it leaves and enters.
pub struct Drawn {
    pub from: usize,
    pub to: usize,
    pub points: Vec<(f64, f64)>,
}

/// Every broken rule, described; empty when the drawing is sound.
pub fn problems(boxes: &[Rect], arrows: &[Drawn], labels: &[Rect]) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            if boxes[i].overlaps(&boxes[j]) {
                out.push(format!("boxes {i} and {j} overlap"));
            }
        }
    }
    for (k, a) in arrows.iter().enumerate() {
        for s in a.points.windows(2) {
            for (i, b) in boxes.iter().enumerate() {
                // Its own ends may touch their boxes (the run in and out of the ports).
                let inner = Rect { x: b.x + 0.5, y: b.y + 0.5, w: b.w - 1.0, h: b.h - 1.0 };
                if segment_hits(s[0], s[1], &inner) && !((i == a.from || i == a.to) && touches_only_edge(s[0], s[1], b)) {
                    out.push(format!("arrow {k} ({} → {}) runs through box {i}", a.from, a.to));
                }
            }
        }
        for (k2, b) in arrows.iter().enumerate().skip(k + 1) {
            if a.to == b.to {
                continue;
            }
            for s in a.points.windows(2) {
                for t in b.points.windows(2) {
                    if shared(s[0], s[1], t[0], t[1]) {
                        out.push(format!("arrows {k} and {k2} share a stretch of line"));
                    }
                }
            }
        }
    }
    for (i, l) in labels.iter().enumerate() {
        for (j, b) in boxes.iter().enumerate() {
            if l.overlaps(b) {
                out.push(format!("label {i} overlaps box {j}"));
            }
        }
        for (j, m) in labels.iter().enumerate().skip(i + 1) {
            if l.overlaps(m) {
                out.push(format!("labels {i} and {j} overlap"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The rules for a laid-out chart.
pub fn chart_problems(c: &Chart) -> Vec<String> {
    let boxes: Vec<Rect> = c.boxes.iter().map(|b| b.rect).collect();
    let arrows: Vec<Drawn> = c.arrows.iter().map(|a| Drawn { from: a.from, to: a.to, points: a.points.clone() }).collect();
    let labels: Vec<Rect> = c.arrows.iter().filter_map(|a| a.label.as_ref().map(|l| l.1)).collect();
    problems(&boxes, &arrows, &labels)
}

/// Crossings between arrows (perpendicular segments of different arrows that cross inside).
pub fn crossings(arrows: &[Drawn]) -> usize {
    let mut n = 0;
    for (k, a) in arrows.iter().enumerate() {
        for b in arrows.iter().skip(k + 1) {
            for s in a.points.windows(2) {
                for t in b.points.windows(2) {
                    if crosses(s[0], s[1], t[0], t[1]) {
                        n += 1;
                    }
                }
            }
        }
    }
    n
}

fn segment_hits(p: (f64, f64), q: (f64, f64), r: &Rect) -> bool {
    let (x0, x1) = (p.0.min(q.0), p.0.max(q.0));
    let (y0, y1) = (p.1.min(q.1), p.1.max(q.1));
    x0 < r.right() && x1 > r.x && y0 < r.bottom() && y1 > r.y
}

/// A vertical run that only meets the box at its top or bottom edge.
fn touches_only_edge(p: (f64, f64), q: (f64, f64), b: &Rect) -> bool {
    let (y0, y1) = (p.1.min(q.1), p.1.max(q.1));
    (p.0 - q.0).abs() < 0.01 && (y1 <= b.y + 0.5 || y0 >= b.bottom() - 0.5)
}

/// Two axis-parallel segments on the same line overlapping over a positive length.
fn shared(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let vertical = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0).abs() < 0.01;
    let horizontal = |p: (f64, f64), q: (f64, f64)| (p.1 - q.1).abs() < 0.01;
    let overlap = |a0: f64, a1: f64, b0: f64, b1: f64| a0.min(a1).max(b0.min(b1)) + 0.5 < a0.max(a1).min(b0.max(b1));
    if vertical(a, b) && vertical(c, d) && (a.0 - c.0).abs() < 0.5 {
        return overlap(a.1, b.1, c.1, d.1);
    }
    if horizontal(a, b) && horizontal(c, d) && (a.1 - c.1).abs() < 0.5 {
        return overlap(a.0, b.0, c.0, d.0);
    }
    false
}

fn crosses(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let (v, h) = if (a.0 - b.0).abs() < 0.01 && (c.1 - d.1).abs() < 0.01 {
        ((a, b), (c, d))
    } else if (c.0 - d.0).abs() < 0.01 && (a.1 - b.1).abs() < 0.01 {
        ((c, d), (a, b))
    } else {
        return false;
    };
    let x = v.0 .0;
    let y = h.0 .1;
    x > h.0 .0.min(h.1 .0) && x < h.0 .0.max(h.1 .0) && y > v.0 .1.min(v.1 .1) && y < v.0 .1.max(v.1 .1)
}
