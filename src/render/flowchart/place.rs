//! x positions: each node as close as it can be to the mean of its neighbours while the nodes
//! of a layer keep their order and their gaps. For one layer that is an isotonic regression,
//! solved exactly by pooling adjacent violators; sweeps down and up the layers repeat it.

use super::order::Layers;

/// Gap between neighbouring boxes (and waypoints) of a layer.
pub const GAP: f64 = 26.0;

/// Centre x of every node, by node id.
pub fn x_positions(l: &Layers) -> Vec<f64> {
    let mut x = vec![0.0f64; l.nodes.len()];
    for layer in &l.order {
        let mut at = 0.0;
        for &v in layer {
            x[v] = at + l.nodes[v].width / 2.0;
            at += l.nodes[v].width + GAP;
        }
    }
    for sweep in 0..16 {
        let down = sweep % 2 == 0;
        let layers: Vec<usize> = if down { (0..l.order.len()).collect() } else { (0..l.order.len()).rev().collect() };
        for li in layers {
            let layer = &l.order[li];
            let wanted: Vec<(f64, f64)> = layer
                .iter()
                .map(|&v| {
                    let n = &l.nodes[v];
                    // Both neighbours count; the side just placed counts double. Waypoints
                    // weigh more, so arrows that skip layers run straight.
                    let (near, far) = if down { (&n.preds, &n.succs) } else { (&n.succs, &n.preds) };
                    let mut sum = 0.0;
                    let mut weight = 0.0;
                    for &w in near {
                        sum += 2.0 * x[w];
                        weight += 2.0;
                    }
                    for &w in far {
                        sum += x[w];
                        weight += 1.0;
                    }
                    let strength = if n.step.is_none() { 4.0 } else { 1.0 };
                    if weight == 0.0 {
                        (x[v], 0.1)
                    } else {
                        (sum / weight, strength * weight)
                    }
                })
                .collect();
            let gaps: Vec<f64> = layer.windows(2).map(|p| (l.nodes[p[0]].width + l.nodes[p[1]].width) / 2.0 + GAP).collect();
            for (v, nx) in layer.iter().zip(fit_in_order(&wanted, &gaps)) {
                x[*v] = nx;
            }
        }
    }
    straighten(l, &mut x);
    // Round, so the drawing's coordinates are the same on every machine and easy to read.
    let min = l.order.iter().flat_map(|layer| layer.iter().map(|&v| x[v] - l.nodes[v].width / 2.0)).fold(f64::INFINITY, f64::min);
    x.iter().map(|v| (v - min).round()).collect()
}

/// Where a step has one way in from a step with one way out (or one way out to a step with
/// one way in), put the two exactly in line when the layer has room: the main path then runs
/// straight instead of with small jogs.
fn straighten(l: &Layers, x: &mut [f64]) {
    for down in [true, false, true] {
        let layers: Vec<usize> = if down { (0..l.order.len()).collect() } else { (0..l.order.len()).rev().collect() };
        for li in layers {
            let layer = &l.order[li];
            for (i, &v) in layer.iter().enumerate() {
                let n = &l.nodes[v];
                let near = if down { &n.preds } else { &n.succs };
                let [u] = near.as_slice() else { continue };
                let back = if down { &l.nodes[*u].succs } else { &l.nodes[*u].preds };
                if back.len() != 1 {
                    continue;
                }
                let want = x[*u];
                let half = n.width / 2.0;
                let left_ok = i == 0 || x[layer[i - 1]] + l.nodes[layer[i - 1]].width / 2.0 + GAP <= want - half;
                let right_ok = i + 1 == layer.len() || x[layer[i + 1]] - l.nodes[layer[i + 1]].width / 2.0 - GAP >= want + half;
                if left_ok && right_ok {
                    x[v] = want;
                }
            }
        }
    }
}

/// Positions closest (weighted least squares) to `wanted` with `x[i+1] >= x[i] + gaps[i]`.
fn fit_in_order(wanted: &[(f64, f64)], gaps: &[f64]) -> Vec<f64> {
    // Shift out the gaps so the constraint becomes y[i+1] >= y[i], then pool adjacent violators.
    let mut offset = vec![0.0; wanted.len()];
    for i in 1..wanted.len() {
        offset[i] = offset[i - 1] + gaps[i - 1];
    }
    // Blocks of (mean, weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for (i, &(w, weight)) in wanted.iter().enumerate() {
        blocks.push((w - offset[i], weight, 1));
        while blocks.len() > 1 && blocks[blocks.len() - 2].0 > blocks[blocks.len() - 1].0 {
            let (m2, w2, c2) = blocks.pop().unwrap_or((0.0, 0.0, 0));
            let (m1, w1, c1) = blocks.pop().unwrap_or((0.0, 0.0, 0));
            blocks.push(((m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2));
        }
    }
    let mut out = Vec::with_capacity(wanted.len());
    for (mean, _, count) in blocks {
        for _ in 0..count {
            out.push(mean + offset[out.len()]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn isotonic_fit_keeps_order_and_gaps() {
        let x = super::fit_in_order(&[(10.0, 1.0), (0.0, 1.0), (50.0, 1.0)], &[20.0, 20.0]);
        assert!(x[1] >= x[0] + 20.0 - 1e-9 && x[2] >= x[1] + 20.0 - 1e-9);
        assert!((x[0] - (-5.0)).abs() < 1e-9, "{x:?}");
        assert!((x[2] - 50.0).abs() < 1e-9);
    }
}
