//! What every edition says of a pathway's drawing in words. (The drawing itself is
//! [`crate::render::flowchart`].)

use crate::model::Pathway;

/// The figure's alternative text: a one-paragraph summary of the steps for screen readers.
pub fn alt_text(p: &Pathway) -> String {
    format!(
        "Flowchart: {}. {} steps, starting with: {}. The full text version follows the chart.",
        p.title,
        p.steps.len(),
        p.steps.first().map(|s| s.text.to_plain().trim_end_matches('.').to_string()).unwrap_or_default()
    )
}
