//! The response pathway as a flowchart: one geometry that every edition draws.
//!
//! A layered (Sugiyama-style) layout, after Graphviz `dot` and ELK Layered: links back up
//! (cycles) are set aside so the rest is acyclic ([`order`]); steps get layers by longest path;
//! an arrow that skips layers gets a chain of invisible waypoints; the order within each layer
//! comes from barycentre sweeps that keep the ordering with fewest crossings; x positions are
//! the closest to the neighbours' that keep boxes apart ([`place`], an exact isotonic fit);
//! then every arrow is routed at right angles ([`route`]): out of its own port at the bottom of
//! its step, along its own track in the gap below, down its own lane through the layers it
//! skips, into its own port at the top of its target. Links back up run in lanes to the right
//! of everything. [`svg`] writes the drawing; [`check`] tests the rules the drawing must keep.
//!
//! Box sizes come from the text measured with a [`Measure`]: the build gives one backed by the
//! fonts of `fonts/`, tests use [`Approx`].

pub mod check;
mod order;
mod place;
mod route;
pub mod svg;

use crate::model::{Pathway, StepKind};

/// Text size in the boxes, in points (and SVG user units: 1 unit = 1 pt).
pub const TEXT_SIZE: f64 = 10.5;
pub const LINE: f64 = 13.5;
pub const LABEL_SIZE: f64 = 9.0;
/// The narrowest and widest a box is drawn, in points.
const BOX_WIDTH: f64 = 156.0;
const WIDEST_BOX: f64 = 240.0;
/// The width a chart aims to fill: an A4 page's text width, less room for the lanes of links
/// back up.
const PAGE_WIDTH: f64 = 440.0;
const PAD: f64 = 7.0;

/// Width of a run of text in points.
pub trait Measure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// An estimate for tests and for when no font is at hand: a wide average advance.
pub struct Approx;

impl Measure for Approx {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        text.chars().count() as f64 * size * if bold { 0.6 } else { 0.56 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
}

/// One line of a box's text.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub bold: bool,
}

/// A step drawn as a box.
#[derive(Debug, Clone)]
pub struct StepBox {
    pub id: String,
    pub kind: StepKind,
    pub rect: Rect,
    pub lines: Vec<Line>,
}

/// An arrow: a polyline of right-angled segments from the bottom of `from` to the top of `to`.
#[derive(Debug, Clone)]
pub struct Arrow {
    /// Indices into `Chart::boxes` (the pathway's step order).
    pub from: usize,
    pub to: usize,
    pub points: Vec<(f64, f64)>,
    pub label: Option<(String, Rect)>,
    /// A link back up to an earlier step, drawn in a lane to the right.
    pub back: bool,
}

#[derive(Debug, Clone)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub boxes: Vec<StepBox>,
    pub arrows: Vec<Arrow>,
}

/// The words of `text` in lines no wider than `max`.
fn wrap(text: &str, m: &dyn Measure, bold: bool, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if !line.is_empty() && m.width(&candidate, TEXT_SIZE, bold) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The tallest piece of a chart on one A4 page (the text area less a caption and the running
/// header and footer), in points: the PDF and Word editions cut the drawing there.
pub const PAGE_PIECE: f64 = 600.0;

/// Where to cut a chart taller than `max` into pieces no taller than `max` (when a single
/// layer allows): just above a layer's boxes, where only arrows arriving run across the cut.
/// Returns the (top, bottom) of each piece.
pub fn slices(c: &Chart, max: f64) -> Vec<(f64, f64)> {
    let mut cuts: Vec<f64> = c.boxes.iter().map(|b| (b.rect.y - 3.0).max(0.0)).collect();
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut out = Vec::new();
    let mut top = 0.0;
    while c.height - top > max {
        let fits = cuts.iter().copied().rfind(|&y| y > top + 1.0 && y - top <= max);
        let next = cuts.iter().copied().find(|&y| y > top + 1.0);
        match fits.or(next) {
            Some(cut) => {
                out.push((top, cut));
                top = cut;
            }
            None => break,
        }
    }
    out.push((top, c.height));
    out
}

/// The word shown above a step's text, so its kind never rests on colour or shape alone.
pub fn kind_label(k: StepKind) -> Option<&'static str> {
    match k {
        StepKind::Decision => Some("Decision"),
        StepKind::Emergency => Some("Emergency"),
        _ => None,
    }
}

/// Lays out `p`, its text measured with `m`.
pub fn layout(p: &Pathway, m: &dyn Measure) -> Chart {
    let graph = order::Graph::of(p);
    // The boxes share the width a printed page gives (so a narrow chart gets wide boxes and
    // few lines, and a wide one stays at or above its text size): first the layers with
    // provisional widths, then the box width from the most crowded layer.
    let provisional = order::layers(&graph, &vec![BOX_WIDTH; p.steps.len()]);
    let crowd = provisional
        .order
        .iter()
        .map(|layer| {
            let boxes = layer.iter().filter(|&&v| provisional.nodes[v].step.is_some()).count() as f64;
            let waypoints = layer.len() as f64 - boxes;
            (boxes, waypoints)
        })
        .fold((1.0f64, 0.0f64), |a, b| if b.0 > a.0 || (b.0 == a.0 && b.1 > a.1) { b } else { a });
    let room = PAGE_WIDTH - (crowd.0 + crowd.1 - 1.0).max(0.0) * place::GAP - crowd.1 * order::WAYPOINT;
    let box_width = (room / crowd.0).clamp(BOX_WIDTH, WIDEST_BOX).floor();
    // Box contents and sizes: the step number starts the text, as in the text version.
    let sizes: Vec<(Vec<Line>, f64, f64)> = p
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut lines = Vec::new();
            if let Some(k) = kind_label(s.kind) {
                lines.push(Line { text: k.to_string(), bold: true });
            }
            let text = format!("{}. {}", i + 1, s.text.to_plain());
            let widest_word = text.split_whitespace().map(|w| m.width(w, TEXT_SIZE, false)).fold(0.0, f64::max);
            let w = box_width.max(widest_word + 2.0 * PAD).ceil();
            lines.extend(wrap(&text, m, false, w - 2.0 * PAD).into_iter().map(|t| Line { text: t, bold: false }));
            let h = (lines.len() as f64 * LINE + 2.0 * PAD).ceil();
            (lines, w, h)
        })
        .collect();
    let layers = order::layers(&graph, &sizes.iter().map(|s| s.1).collect::<Vec<_>>());
    let xs = place::x_positions(&layers);
    route::route(p, &graph, &layers, &xs, sizes, m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Step, Text};
    use proptest::prelude::*;

    /// Each step's kind and its arrows (target, label).
    type Spec<'a> = Vec<(StepKind, Vec<(usize, Option<&'a str>)>)>;

    fn pathway(steps: Spec) -> Pathway {
        Pathway {
            id: "p".into(),
            title: "P".into(),
            steps: steps
                .iter()
                .enumerate()
                .map(|(i, (kind, next))| Step {
                    id: format!("s{i}"),
                    kind: *kind,
                    text: Text::plain(format!("Step number {i} with a few words of text to wrap")),
                    next: next.iter().map(|(to, label)| Edge { to: format!("s{to}"), label: label.map(str::to_string) }).collect(),
                })
                .collect(),
            at: Default::default(),
        }
    }

    #[test]
    fn a_loop_is_drawn_back_up_the_side_and_every_rule_holds() {
        let p = pathway(vec![
            (StepKind::Start, vec![(1, None)]),
            (StepKind::Decision, vec![(2, Some("Yes")), (3, Some("No"))]),
            (StepKind::Emergency, vec![(4, None)]),
            (StepKind::Action, vec![(1, Some("Again"))]),
            (StepKind::End, vec![]),
        ]);
        let c = layout(&p, &Approx);
        assert_eq!(c.arrows.len(), 5);
        let back: Vec<&Arrow> = c.arrows.iter().filter(|a| a.back).collect();
        assert_eq!(back.len(), 1, "the link back up is drawn");
        assert!(back[0].points.iter().any(|p| p.0 > c.boxes.iter().map(|b| b.rect.right()).fold(0.0, f64::max)), "in a lane on the right");
        assert_eq!(check::chart_problems(&c), Vec::<String>::new());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
        #[test]
        fn random_pathways_keep_every_rule(
            n in 2usize..40,
            links in proptest::collection::vec((0usize..40, 0usize..40, 0u8..4), 0..80),
        ) {
            let mut steps: Spec = (0..n).map(|i| {
                let kind = match i % 5 { 0 => StepKind::Action, 1 => StepKind::Decision, 2 => StepKind::Emergency, _ => StepKind::Action };
                // A spine, so most steps are reachable as in a real pathway.
                (kind, if i + 1 < n && i % 3 != 2 { vec![(i + 1, None)] } else { vec![] })
            }).collect();
            for (a, b, l) in links {
                let (a, b) = (a % n, b % n);
                if steps[a].1.iter().any(|(t, _)| *t == b) || steps[a].1.len() >= 3 {
                    continue;
                }
                steps[a].1.push((b, match l { 0 => Some("Yes"), 1 => Some("No"), 2 => Some("Not sure yet"), _ => None }));
            }
            let wanted: usize = steps.iter().map(|s| s.1.len()).sum();
            let c = layout(&pathway(steps), &Approx);
            prop_assert_eq!(c.arrows.len(), wanted, "every arrow of the source is drawn");
            let problems = check::chart_problems(&c);
            let drawn: Vec<String> = c.arrows.iter().enumerate().map(|(k, a)| format!("{k}: {}->{} back={} {:?}", a.from, a.to, a.back, a.points)).collect();
            prop_assert!(problems.is_empty(), "{:?}\n{}", problems, drawn.join("\n"));
        }
    }
}
