//! The safe-messaging linter: every phrase a style rule avoids, found in the text of the source
//! files (YAML comments skipped), is a warning at its line and column with the rule's id and
//! what to say instead.
//!
//! A passage that quotes a phrase on purpose (a table of words to avoid) opts out with a
//! comment naming the rules: `# style: allow attention-seeking, manipulative`. On a line of
//! its own it covers the next line and everything indented deeper below it (the block that
//! follows); at the end of a line it covers that line.

use crate::diag::{Diagnostic, FileId, SourceFiles};
use crate::model::StyleRules;

const ALLOW: &str = "style: allow";

pub fn check(style: &StyleRules, files: &SourceFiles, out: &mut Vec<Diagnostic>) {
    for id in files.ids() {
        // style.yaml lists the phrases to avoid; it is not published text.
        if files.path(id).file_name().is_some_and(|n| n == crate::load::STYLE_FILE) {
            continue;
        }
        check_file(style, files, id, out);
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '-']).len()
}

fn allowed_ids(comment: &str) -> Option<Vec<String>> {
    let rest = comment.trim_start_matches('#').trim().strip_prefix(ALLOW)?;
    Some(rest.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
}

fn check_file(style: &StyleRules, files: &SourceFiles, id: FileId, out: &mut Vec<Diagnostic>) {
    let text = files.text(id);
    // Open allow scopes: (indent of the block they cover, rule ids); the indent is set from
    // the first line after the comment.
    let mut scopes: Vec<(Option<usize>, Vec<String>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let cut = super::gates::comment_start(line);
        let (content, comment) = line.split_at(cut);
        if content.trim().is_empty() {
            if let Some(ids) = allowed_ids(comment) {
                scopes.push((None, ids));
            }
            continue;
        }
        let here = indent(line);
        // A scope covers the first line after its comment and everything deeper below it.
        scopes.retain(|(at, _)| at.is_none_or(|at| here > at));
        for (at, _) in scopes.iter_mut() {
            at.get_or_insert(here);
        }
        let mut allowed: Vec<&str> = scopes.iter().flat_map(|(_, ids)| ids.iter().map(String::as_str)).collect();
        let trailing = allowed_ids(comment).unwrap_or_default();
        allowed.extend(trailing.iter().map(String::as_str));
        let lower = content.to_ascii_lowercase();
        for rule in style.rules.iter().filter(|r| !allowed.contains(&r.id.as_str())) {
            for phrase in &rule.avoid {
                for (at, _) in lower.match_indices(phrase.as_str()) {
                    let end = at + phrase.len();
                    let bounded = !lower[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric())
                        && !lower[end..].chars().next().is_some_and(|c| c.is_alphanumeric());
                    if !bounded {
                        continue;
                    }
                    let loc = files.loc_at(id, n + 1, content[..at].chars().count(), content[at..end].chars().count());
                    let what = if rule.review { "may describe a method or means" } else { "is wording to avoid" };
                    out.push(
                        Diagnostic::warning(loc, "", format!("`{}` {what} [style rule `{}`]", &content[at..end], rule.id))
                            .with_hint(format!("{}; if it is quoted on purpose, add `# {ALLOW} {}` above the block", rule.say, rule.id)),
                    );
                }
            }
        }
    }
}
