//! The graph side of the layout: which links go back up (set aside), each step's layer, the
//! invisible waypoints of arrows that skip layers, and the order within each layer.

use std::collections::HashMap;

use crate::model::Pathway;

/// One arrow of the source.
#[derive(Debug, Clone)]
pub struct GEdge {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
    /// Points back to a step on the current path (a cycle) or to itself.
    pub back: bool,
}

pub struct Graph {
    pub n: usize,
    pub edges: Vec<GEdge>,
}

impl Graph {
    pub fn of(p: &Pathway) -> Graph {
        let index: HashMap<&str, usize> = p.steps.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let mut edges: Vec<GEdge> = Vec::new();
        for (i, s) in p.steps.iter().enumerate() {
            for e in &s.next {
                if let Some(&j) = index.get(e.to.as_str()) {
                    edges.push(GEdge { from: i, to: j, label: e.label.clone(), back: false });
                }
            }
        }
        // Depth first from the first step (then any step not reached), in the source's order:
        // an arrow to a step still on the path is a link back up.
        let n = p.steps.len();
        let out: Vec<Vec<usize>> = (0..n).map(|v| (0..edges.len()).filter(|&e| edges[e].from == v).collect()).collect();
        let mut state = vec![0u8; n];
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            state[root] = 1;
            let mut stack = vec![(root, 0usize)];
            while let Some((v, k)) = stack.pop() {
                if k < out[v].len() {
                    stack.push((v, k + 1));
                    let e = out[v][k];
                    let w = edges[e].to;
                    match state[w] {
                        0 => {
                            state[w] = 1;
                            stack.push((w, 0));
                        }
                        1 => edges[e].back = true,
                        _ => {}
                    }
                } else {
                    state[v] = 2;
                }
            }
        }
        Graph { n, edges }
    }
}

/// A node of the layered graph: a step, or a waypoint of an arrow that skips layers.
#[derive(Debug, Clone)]
pub struct Node {
    pub step: Option<usize>,
    pub width: f64,
    pub layer: usize,
    pub preds: Vec<usize>,
    pub succs: Vec<usize>,
}

pub struct Layers {
    pub nodes: Vec<Node>,
    /// Node ids in each layer, left to right.
    pub order: Vec<Vec<usize>>,
    /// For each edge of the graph that is not a link back up: its nodes from source to target.
    pub chains: Vec<Option<Vec<usize>>>,
}

/// Width a waypoint reserves, so a passing arrow keeps clear of the boxes beside it.
pub const WAYPOINT: f64 = 10.0;

pub fn layers(g: &Graph, widths: &[f64]) -> Layers {
    // Layers by longest path over the forward arrows.
    let mut layer = vec![0usize; g.n];
    for _ in 0..g.n {
        let mut changed = false;
        for e in g.edges.iter().filter(|e| !e.back) {
            if layer[e.to] < layer[e.from] + 1 {
                layer[e.to] = layer[e.from] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut nodes: Vec<Node> =
        (0..g.n).map(|i| Node { step: Some(i), width: widths[i], layer: layer[i], preds: vec![], succs: vec![] }).collect();
    let mut chains = Vec::with_capacity(g.edges.len());
    for e in &g.edges {
        if e.back {
            chains.push(None);
            continue;
        }
        let mut chain = vec![e.from];
        for l in layer[e.from] + 1..layer[e.to] {
            nodes.push(Node { step: None, width: WAYPOINT, layer: l, preds: vec![], succs: vec![] });
            chain.push(nodes.len() - 1);
        }
        chain.push(e.to);
        for w in chain.windows(2) {
            nodes[w[0]].succs.push(w[1]);
            nodes[w[1]].preds.push(w[0]);
        }
        chains.push(Some(chain));
    }
    let depth = nodes.iter().map(|n| n.layer + 1).max().unwrap_or(0);
    // First order: depth first from the first step, following arrows in the source's order, so
    // a chart with no choices to make comes out as the source reads.
    let mut seen = vec![false; nodes.len()];
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for root in 0..nodes.len() {
        let mut stack = vec![root];
        while let Some(v) = stack.pop() {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            order[nodes[v].layer].push(v);
            stack.extend(nodes[v].succs.iter().rev().copied());
        }
    }
    let mut best = order.clone();
    let mut best_crossings = crossings(&nodes, &order);
    for sweep in 0..12 {
        let down = sweep % 2 == 0;
        let range: Vec<usize> = if down { (1..depth).collect() } else { (0..depth.saturating_sub(1)).rev().collect() };
        for l in range {
            let pos = position(&order[if down { l - 1 } else { l + 1 }]);
            let mut keyed: Vec<(f64, usize, usize)> = order[l]
                .iter()
                .enumerate()
                .map(|(i, &v)| {
                    let near = if down { &nodes[v].preds } else { &nodes[v].succs };
                    let ps: Vec<f64> = near.iter().filter_map(|w| pos.get(w)).map(|&p| p as f64).collect();
                    let bary = if ps.is_empty() { i as f64 } else { ps.iter().sum::<f64>() / ps.len() as f64 };
                    (bary, i, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            order[l] = keyed.into_iter().map(|k| k.2).collect();
        }
        let c = crossings(&nodes, &order);
        if c < best_crossings {
            best_crossings = c;
            best = order.clone();
        }
    }
    Layers { nodes, order: best, chains }
}

fn position(layer: &[usize]) -> HashMap<usize, usize> {
    layer.iter().enumerate().map(|(i, &v)| (v, i)).collect()
}

/// Crossings between the segments of consecutive layers.
pub fn crossings(nodes: &[Node], order: &[Vec<usize>]) -> usize {
    let mut total = 0;
    for l in 0..order.len().saturating_sub(1) {
        let (a, b) = (position(&order[l]), position(&order[l + 1]));
        let segs: Vec<(usize, usize)> =
            order[l].iter().flat_map(|&v| nodes[v].succs.iter().filter_map(|w| Some((a[&v], *b.get(w)?))).collect::<Vec<_>>()).collect();
        for i in 0..segs.len() {
            for j in i + 1..segs.len() {
                let (s, t) = (segs[i], segs[j]);
                if (s.0 < t.0 && s.1 > t.1) || (s.0 > t.0 && s.1 < t.1) {
                    total += 1;
                }
            }
        }
    }
    total
}
