//! Vertical positions and the arrows. Each arrow leaves its step by a port of its own on the
//! box's bottom edge (ports spread along the edge in the order of where the arrows go) and
//! enters by a port of its own on the target's top edge; horizontal runs use tracks of their
//! own in the gap between two layers (interval colouring per gap), so no two arrows share a
//! segment; an arrow that skips layers goes down through its waypoints, which the layer keeps
//! clear of boxes; links back up run in lanes to the right of everything. Labels sit under
//! their step on their own arrow, in a band above the tracks, never on a box.

use super::order::{Graph, Layers};
use super::{Arrow, Chart, Line, Measure, Rect, StepBox, LABEL_SIZE};
use crate::model::Pathway;

const MARGIN: f64 = 4.0;
const TRACK: f64 = 9.0;
/// Straight run into a box at the end of an arrow, room for the arrowhead.
const ARRIVE: f64 = 12.0;
const LABEL_H: f64 = LABEL_SIZE + 3.0;
const LANE: f64 = 12.0;

/// One horizontal run an arrow needs in a gap: from x `a` to x `b`.
struct Run {
    edge: usize,
    a: f64,
    b: f64,
    track: usize,
}

pub fn route(p: &Pathway, g: &Graph, l: &Layers, x0: &[f64], sizes: Vec<(Vec<Line>, f64, f64)>, m: &dyn Measure) -> Chart {
    let depth = l.order.len();
    let n = g.n;
    let x = x0;
    let width = |v: usize| l.nodes[v].width;
    let layer_of = |v: usize| l.nodes[v].layer;
    let right_of_all = l.nodes.iter().enumerate().map(|(v, node)| x[v] + node.width / 2.0).fold(0.0, f64::max);
    let back: Vec<usize> = (0..g.edges.len()).filter(|&e| g.edges[e].back).collect();
    let lane_x = |e: usize| right_of_all + 16.0 + LANE * back.iter().position(|&b| b == e).unwrap_or(0) as f64;

    // Ports: where each arrow leaves its source and enters its target, in the order of the
    // x it heads for (links back up go right, to their lane).
    let toward = |e: usize| match &l.chains[e] {
        Some(c) => x[c[1]],
        None => lane_x(e),
    };
    let from_x = |e: usize| match &l.chains[e] {
        Some(c) => x[c[c.len() - 2]],
        None => lane_x(e),
    };
    let mut out_port = vec![0.0; g.edges.len()];
    let mut in_port = vec![0.0; g.edges.len()];
    for (v, &centre) in x.iter().enumerate().take(n) {
        let left = centre - width(v) / 2.0;
        let mut outs: Vec<usize> = (0..g.edges.len()).filter(|&e| g.edges[e].from == v).collect();
        outs.sort_by(|&a, &b| toward(a).total_cmp(&toward(b)).then(a.cmp(&b)));
        for (k, &e) in outs.iter().enumerate() {
            out_port[e] = (left + width(v) * (k + 1) as f64 / (outs.len() + 1) as f64).round();
        }
        let mut ins: Vec<usize> = (0..g.edges.len()).filter(|&e| g.edges[e].to == v).collect();
        ins.sort_by(|&a, &b| from_x(a).total_cmp(&from_x(b)).then(a.cmp(&b)));
        for (k, &e) in ins.iter().enumerate() {
            in_port[e] = (left + width(v) * (k + 1) as f64 / (ins.len() + 1) as f64).round();
        }
    }

    // Each hop of each arrow across a gap: (edge, gap, x leaving, x arriving, the waypoint it
    // arrives at if not the target). Gap c lies above layer c (gap `depth` is below the last).
    let mut x = x.to_vec();
    let hops_of = |x: &[f64], in_port: &[f64]| {
        let mut hops: Vec<(usize, usize, f64, f64, Option<usize>)> = Vec::new();
        for (e, edge) in g.edges.iter().enumerate() {
            match &l.chains[e] {
                Some(chain) => {
                    for (i, w) in chain.windows(2).enumerate() {
                        let last = i + 2 == chain.len();
                        let a = if i == 0 { out_port[e] } else { x[w[0]] };
                        let b = if last { in_port[e] } else { x[w[1]] };
                        hops.push((e, layer_of(w[1]), a, b, (!last).then_some(w[1])));
                    }
                }
                None => {
                    hops.push((e, layer_of(edge.from) + 1, out_port[e], lane_x(e), None));
                    hops.push((e, layer_of(edge.to), lane_x(e), in_port[e], None));
                }
            }
        }
        hops
    };
    // An arrow going down out of a gap must not run on the same line as another coming down
    // into it: move the arriving end (a port, or a waypoint) aside until no two meet.
    for _ in 0..200 {
        let hops = hops_of(&x, &in_port);
        let clash = hops
            .iter()
            .find_map(|h2| hops.iter().find(|h1| h1.0 != h2.0 && h1.1 == h2.1 && (h1.2 - h2.3).abs() < 3.0).map(|_| (h2.0, h2.4)));
        match clash {
            Some((_, Some(waypoint))) => x[waypoint] += 4.0,
            Some((e, None)) => in_port[e] += 4.0,
            None => break,
        }
    }
    let hops = hops_of(&x, &in_port);
    let mut gaps: Vec<Vec<Run>> = (0..=depth).map(|_| Vec::new()).collect();
    for &(e, gap, a, b, _) in &hops {
        if (a - b).abs() > 0.5 {
            gaps[gap].push(Run { edge: e, a, b, track: 0 });
        }
    }
    let mut tracks_in = vec![0usize; depth + 1];
    for (gi, runs) in gaps.iter_mut().enumerate() {
        runs.sort_by(|r, s| r.a.min(r.b).total_cmp(&s.a.min(s.b)).then(r.edge.cmp(&s.edge)));
        let mut ends: Vec<f64> = Vec::new();
        for r in runs.iter_mut() {
            let (lo, hi) = (r.a.min(r.b), r.a.max(r.b));
            let t = ends.iter().position(|&end| end + 6.0 < lo).unwrap_or(ends.len());
            if t == ends.len() {
                ends.push(hi);
            } else {
                ends[t] = hi;
            }
            r.track = t;
        }
        tracks_in[gi] = ends.len();
    }

    // Labels: under their source's layer, on their own arrow's first run down, in rows so none
    // overlaps another.
    let mut label_rows: Vec<Vec<(usize, f64, f64)>> = (0..=depth).map(|_| Vec::new()).collect();
    let mut label_row = vec![0usize; g.edges.len()];
    let mut order: Vec<usize> = (0..g.edges.len()).filter(|&e| g.edges[e].label.is_some()).collect();
    order.sort_by(|&a, &b| out_port[a].total_cmp(&out_port[b]).then(a.cmp(&b)));
    let label_w = |e: usize| g.edges[e].label.as_deref().map_or(0.0, |t| m.width(t, LABEL_SIZE, true).ceil() + 2.0);
    let mut rows_in = vec![0usize; depth + 1];
    for e in order {
        let gap = layer_of(g.edges[e].from) + 1;
        let (lo, hi) = (out_port[e] + 3.0, out_port[e] + 3.0 + label_w(e));
        let taken = &mut label_rows[gap];
        let row = (0..).find(|r| !taken.iter().any(|&(tr, a, b)| tr == *r && a < hi + 2.0 && lo < b + 2.0)).unwrap_or(0);
        taken.push((row, lo, hi));
        label_row[e] = row;
        rows_in[gap] = rows_in[gap].max(row + 1);
    }

    // Vertical positions: a gap's height is its label band, its tracks and the arrival run.
    let band_h: Vec<f64> =
        (0..depth).map(|li| l.order[li].iter().filter_map(|&v| l.nodes[v].step.map(|s| sizes[s].2)).fold(0.0, f64::max)).collect();
    let gap_h = |gi: usize| {
        let used = tracks_in[gi] > 0 || rows_in[gi] > 0 || (gi > 0 && gi < depth);
        if !used {
            return 0.0;
        }
        (4.0 + rows_in[gi] as f64 * LABEL_H + tracks_in[gi].max(1) as f64 * TRACK + ARRIVE).max(24.0)
    };
    let mut gap_top = vec![0.0; depth + 1];
    let mut band_top = vec![0.0; depth];
    let mut y = MARGIN;
    for li in 0..depth {
        gap_top[li] = y;
        y += gap_h(li);
        band_top[li] = y;
        y += band_h[li];
    }
    gap_top[depth] = y;
    y += gap_h(depth);
    let height = (y + MARGIN).ceil();
    let track_y = |gap: usize, e: usize| {
        let t = gaps[gap].iter().find(|r| r.edge == e).map_or(0, |r| r.track);
        (gap_top[gap] + 4.0 + rows_in[gap] as f64 * LABEL_H + TRACK * (t as f64 + 0.5)).round()
    };

    let boxes: Vec<StepBox> = sizes
        .into_iter()
        .enumerate()
        .map(|(i, (lines, w, h))| StepBox {
            id: p.steps[i].id.clone(),
            kind: p.steps[i].kind,
            rect: Rect { x: x[i] - w / 2.0, y: band_top[layer_of(i)], w, h },
            lines,
        })
        .collect();

    let mut arrows = Vec::with_capacity(g.edges.len());
    for (e, edge) in g.edges.iter().enumerate() {
        let (u, v) = (&boxes[edge.from].rect, &boxes[edge.to].rect);
        let mut pts = vec![(out_port[e], u.bottom())];
        for &(_, gap, a, b, _) in hops.iter().filter(|h| h.0 == e) {
            if (a - b).abs() > 0.5 {
                let ty = track_y(gap, e);
                pts.push((a, ty));
                pts.push((b, ty));
            }
        }
        pts.push((in_port[e], v.y));
        let points = tidy(pts);
        let label = edge.label.as_ref().map(|t| {
            let gap = layer_of(edge.from) + 1;
            let ly = gap_top[gap] + 3.0 + label_row[e] as f64 * LABEL_H;
            (t.clone(), Rect { x: out_port[e] + 3.0, y: ly, w: label_w(e), h: LABEL_H - 1.0 })
        });
        arrows.push(Arrow { from: edge.from, to: edge.to, points, label, back: edge.back });
    }
    let width = arrows.iter().flat_map(|a| a.points.iter().map(|p| p.0)).chain(boxes.iter().map(|b| b.rect.right())).fold(0.0, f64::max);
    let width = arrows.iter().filter_map(|a| a.label.as_ref().map(|l| l.1.right())).fold(width, f64::max);
    Chart { width: (width + MARGIN).ceil(), height, boxes, arrows }
}

/// The polyline without repeated points or points in the middle of a straight run.
fn tidy(pts: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(pts.len());
    for p in pts {
        if out.last().is_some_and(|q| (q.0 - p.0).abs() < 0.01 && (q.1 - p.1).abs() < 0.01) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = ((a.0 - b.0).abs() < 0.01 && (b.0 - p.0).abs() < 0.01) || ((a.1 - b.1).abs() < 0.01 && (b.1 - p.1).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}
