//! style.yaml (optional): the partnership's changes to the built-in safe-messaging rules.
//!
//! ```yaml
//! disable: [manipulative]          # built-in rules to switch off, by id
//! rules:                           # rules to add (an existing id is replaced)
//!   - id: cluster
//!     avoid: [suicide cluster]
//!     say: describe what happened without linking deaths
//!     review: false                # true: flag for a person to read, not a mistake
//! ```

use super::Ctx;
use crate::model::{StyleRule, StyleRules};
use crate::source::decode::{item, Decoder};
use crate::source::yaml::Node;
use crate::util::suggest::did_you_mean;

pub fn decode(cx: &mut Ctx, root: &Node) -> StyleRules {
    let mut style = StyleRules::defaults();
    let d = &mut cx.d;
    let Some(top) = d.map(root, "", &["disable", "rules"]) else { return style };
    if let Some(n) = top.get("disable") {
        let known = StyleRules::defaults();
        let ids = known.ids();
        if let Some(items) = d.list(n, "disable") {
            for (i, node) in items.iter().enumerate() {
                let path = item("disable", i);
                let Some(id) = d.id(node, &path) else { continue };
                if !ids.contains(&id.as_str()) {
                    let suggestion = did_you_mean(&id, &ids).map(|s| format!("did you mean `{s}`? ")).unwrap_or_default();
                    d.error(
                        node.loc,
                        &path,
                        format!("there is no built-in style rule `{id}`"),
                        format!("{suggestion}rules: {}", ids.join(", ")),
                    );
                    continue;
                }
                style.rules.retain(|r| r.id != id);
            }
        }
    }
    if let Some(n) = top.get("rules") {
        if let Some(items) = d.list(n, "rules") {
            for (i, node) in items.iter().enumerate() {
                if let Some(rule) = decode_rule(d, node, &item("rules", i)) {
                    style.rules.retain(|r| r.id != rule.id);
                    style.rules.push(rule);
                }
            }
        }
    }
    style
}

fn decode_rule(d: &mut Decoder, node: &Node, path: &str) -> Option<StyleRule> {
    let m = d.map(node, path, &["id", "avoid", "say", "review"])?;
    let id = m.req(d, "id", Decoder::id);
    let avoid = m.req(d, "avoid", Decoder::one_or_many);
    let say = m.req(d, "say", Decoder::string);
    let review = m.opt(d, "review", Decoder::boolean).unwrap_or(false);
    let avoid: Vec<String> = avoid?.into_iter().map(|a| a.trim().to_lowercase()).filter(|a| !a.is_empty()).collect();
    if avoid.is_empty() {
        d.error(node.loc, path, "the rule has no phrase to avoid", "list at least one phrase in `avoid`");
        return None;
    }
    Some(StyleRule { id: id?, avoid, say: say?, review })
}
