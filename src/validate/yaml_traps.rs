//! Two YAML traps that lose text without an error, found in the source texts:
//! - ` #` after a plain (unquoted) text value starts a comment, so the rest of the line is
//!   silently dropped (`title: Call us # 24 hours` prints "Call us");
//! - a `\` at the end of a line inside `>` folded text is not a line break there (folding joins
//!   the lines with a space first), so it prints as a backslash.

use crate::diag::{Diagnostic, FileId, SourceFiles};

/// Keys whose values are text that is printed.
const TEXT_KEYS: &[&str] = &[
    "paragraph",
    "title",
    "subtitle",
    "text",
    "caption",
    "summary",
    "description",
    "name",
    "intro",
    "prompt",
    "term",
    "source",
    "alt",
    "label",
    "hours",
    "audience",
    "how_to_refer",
    "footer",
    "response",
];

pub fn check(files: &SourceFiles, out: &mut Vec<Diagnostic>) {
    for id in files.ids() {
        check_file(files, id, out);
    }
}

fn check_file(files: &SourceFiles, id: FileId, out: &mut Vec<Diagnostic>) {
    // Indent of the key that opened a `>` folded block, while inside it.
    let mut folded: Option<usize> = None;
    for (n, line) in files.text(id).lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(at) = folded {
            if indent > at {
                if line.trim_end().ends_with('\\') && !line.trim_end().ends_with("\\\\") {
                    let col = line.trim_end().chars().count() - 1;
                    out.push(
                        Diagnostic::warning(
                            files.loc_at(id, n + 1, col, 1),
                            "",
                            "a `\\` at the end of a line in `>` text prints as a backslash",
                        )
                        .with_hint("remove it; for a line break inside the text use `|` instead of `>`, then `\\` at the end of the line"),
                    );
                }
                continue;
            }
            folded = None;
        }
        let cut = super::gates::comment_start(line);
        let content = line[..cut].trim_end();
        if content.ends_with(": >") || content.ends_with(": >-") || content.ends_with("- >-") || content.ends_with("- >") {
            folded = Some(indent);
            continue;
        }
        if cut == line.len() {
            continue;
        }
        let item = content.trim_start().trim_start_matches("- ");
        let (key, value) = match item.split_once(": ") {
            Some((k, v)) if TEXT_KEYS.contains(&k.trim()) => (Some(k.trim()), v.trim()),
            Some(_) => continue,
            // A plain list item of text (`- It is …`).
            None if content.trim_start().starts_with("- ") && !item.ends_with(':') => (None, item.trim()),
            None => continue,
        };
        if value.is_empty() || value.starts_with(['"', '\'', '|', '>', '[', '{', '&', '*']) {
            continue;
        }
        let col = line[..cut].chars().count();
        let field = key.map(|k| format!("`{k}` ")).unwrap_or_default();
        out.push(
            Diagnostic::warning(
                files.loc_at(id, n + 1, col, 1),
                "",
                format!("the text of {field}stops here: YAML reads ` #` and everything after it as a comment"),
            )
            .with_hint("put the whole text in quotes, or remove the space before `#` if it belongs to the text"),
        );
    }
}
