//! Places the steps of a pathway on a grid of ranks (rows) and columns for drawing.
//!
//! Ranks follow the longest path from the first step, so every arrow points down. A step
//! continues in its parent's column when it is the parent's only or last branch (the "No" of a
//! yes/no question, by the order the source lists them); other branches open columns to the
//! right. Links back up (cycles) are left out of the ranking and not drawn.

use std::collections::HashMap;

use crate::model::Pathway;

pub struct Layout {
    /// (rank, column) of each step, in the order of `Pathway::steps`.
    pub cells: Vec<(usize, usize)>,
    pub columns: usize,
}

pub fn layout(p: &Pathway) -> Layout {
    let n = p.steps.len();
    let index: HashMap<&str, usize> = p.steps.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let edges: Vec<Vec<usize>> =
        p.steps.iter().map(|s| s.next.iter().filter_map(|e| index.get(e.to.as_str()).copied()).collect()).collect();

    // Depth-first order from the start; edges to a step still on the stack are back edges.
    let mut order = Vec::with_capacity(n);
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut forward: Vec<Vec<usize>> = vec![Vec::new(); n];
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some((v, i)) = stack.pop() {
            if i < edges[v].len() {
                stack.push((v, i + 1));
                let w = edges[v][i];
                match state[w] {
                    0 => {
                        forward[v].push(w);
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => forward[v].push(w),
                    _ => {} // back edge: ignored
                }
            } else {
                state[v] = 2;
                order.push(v);
            }
        }
    }
    order.reverse(); // topological order of the forward edges

    let mut rank = vec![0usize; n];
    for &v in &order {
        for &w in &forward[v] {
            rank[w] = rank[w].max(rank[v] + 1);
        }
    }

    // Columns: a step takes the smallest column offered by a parent it continues from.
    let mut col: Vec<Option<usize>> = vec![None; n];
    let mut taken: HashMap<(usize, usize), usize> = HashMap::new();
    for &v in &order {
        let c = match col[v] {
            Some(c) => c,
            None => {
                // No parent placed it: the first free column of its rank.
                (0..).find(|c| !taken.contains_key(&(rank[v], *c))).unwrap_or(0)
            }
        };
        let c = (c..).find(|c| taken.get(&(rank[v], *c)).is_none_or(|o| *o == v)).unwrap_or(c);
        col[v] = Some(c);
        taken.insert((rank[v], c), v);
        let kids = &forward[v];
        let last = kids.len().saturating_sub(1);
        for (k, &w) in kids.iter().enumerate() {
            let offer = if k == last { c } else { c + (last - k) };
            col[w] = Some(col[w].map_or(offer, |old| old.min(offer)));
        }
    }
    let cells: Vec<(usize, usize)> = (0..n).map(|i| (rank[i], col[i].unwrap_or(0))).collect();
    let columns = cells.iter().map(|c| c.1 + 1).max().unwrap_or(1);
    Layout { cells, columns }
}

/// The figure's alternative text: a one-paragraph summary of the steps for screen readers.
pub fn alt_text(p: &Pathway) -> String {
    format!(
        "Flowchart: {}. {} steps, starting with: {}. The full text version follows the chart.",
        p.title,
        p.steps.len(),
        p.steps.first().map(|s| s.text.to_plain().trim_end_matches('.').to_string()).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Step, StepKind, Text};

    fn step(id: &str, next: &[&str]) -> Step {
        Step {
            id: id.into(),
            kind: StepKind::Action,
            text: Text::plain(id),
            next: next.iter().map(|t| Edge { to: t.to_string(), label: None }).collect(),
        }
    }

    #[test]
    fn ranks_follow_the_longest_path_and_the_last_branch_keeps_the_column() {
        let p = Pathway {
            id: "p".into(),
            title: "P".into(),
            steps: vec![step("a", &["b"]), step("b", &["yes", "no"]), step("yes", &["end"]), step("no", &["end"]), step("end", &["a"])],
        };
        let l = layout(&p);
        assert_eq!(l.cells, vec![(0, 0), (1, 0), (2, 1), (2, 0), (3, 0)]);
        assert_eq!(l.columns, 2);
    }
}
