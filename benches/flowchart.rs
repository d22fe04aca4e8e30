//! Layout of a 100-step pathway (target ≤ 20 ms, issue #11), printed not asserted:
//!
//!     cargo bench --bench flowchart
//!
//! Pathways of 25, 50 and 100 steps, each with decisions (a second arrow to a step further on),
//! merges and a few links back up, laid out with the approximate measure (the layout's own
//! work; the build's font measure adds a glyph lookup per character). Median of 20 runs.

use std::time::Instant;

use guidepress::model::{Edge, Pathway, Step, StepKind, Text};
use guidepress::render::flowchart::{self, check, Approx};

/// A deterministic pathway of `n` steps: a spine, a decision every third step branching two or
/// five steps ahead, and a link back up every seventeenth.
fn pathway(n: usize) -> Pathway {
    let steps = (0..n)
        .map(|i| {
            let mut next = Vec::new();
            if i + 1 < n {
                next.push(Edge { to: format!("s{}", i + 1), label: (i % 3 == 1).then(|| "No".to_string()) });
            }
            if i % 3 == 1 && i + 2 + (i % 2) * 3 < n {
                next.insert(0, Edge { to: format!("s{}", i + 2 + (i % 2) * 3), label: Some("Yes".into()) });
            }
            if i % 17 == 16 {
                next.push(Edge { to: format!("s{}", i - 10), label: Some("Again".into()) });
            }
            Step {
                id: format!("s{i}"),
                kind: if i % 3 == 1 { StepKind::Decision } else { StepKind::Action },
                text: Text::plain(format!("Step {i}: what the practitioner does next, in a sentence or two of guidance")),
                next,
            }
        })
        .collect();
    Pathway { id: "bench".into(), title: "Bench".into(), steps, at: Default::default() }
}

fn main() {
    println!("flowchart layout (median of 20 runs; target: 100 steps in <= 20 ms)");
    for n in [25, 50, 100] {
        let p = pathway(n);
        let mut times = Vec::new();
        let mut chart = None;
        for _ in 0..20 {
            let t = Instant::now();
            chart = Some(flowchart::layout(&p, &Approx));
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let c = chart.expect("laid out");
        let drawn: Vec<check::Drawn> = c.arrows.iter().map(|a| check::Drawn { from: a.from, to: a.to, points: a.points.clone() }).collect();
        println!(
            "  {n:>3} steps, {:>3} arrows: {:7.2} ms   ({} x {} pt, {} crossings, {} rule problems)",
            c.arrows.len(),
            times[times.len() / 2],
            c.width.round(),
            c.height.round(),
            check::crossings(&drawn),
            check::chart_problems(&c).len()
        );
    }
}
