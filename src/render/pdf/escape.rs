//! The one way user text enters typst source.
//!
//! Every string from the source becomes a typst *string literal*, never markup: in markup it is
//! written `#"…";` (the `;` ends the embedded expression, so nothing that follows can turn it
//! into a call or field access), in code positions just `"…"`. Inside a string literal only
//! `\` and `"` (and control characters) need escaping, and typst shows a string's characters
//! exactly as they are, so `#`, `$`, `*`, `<label>`, `//` and the rest stay literal text.

use crate::model::{Inline, LinkTarget, Text};

/// A typst string literal for `s`, for use in code (`link("…")`, `(name: "…")`).
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as literal text inside markup.
pub fn markup_literal(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    format!("#{};", string_literal(s))
}

/// A label for an id (`<response-pathway>`). Ids are checked by the loader to be lower-case
/// letters, digits and hyphens, which are all valid label characters; anything else is
/// replaced so a label can never break out.
pub fn label(id: &str) -> String {
    let clean: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("<{clean}>")
}

/// Running text as literals, numbers kept whole, and a placeholder tag (from the template
/// library, `gp.placeholder-tag`) after each drama-range number or example domain.
fn text_with_placeholder_tags(t: &str, out: &mut String) {
    let pieces = crate::util::placeholders::split_after_placeholders(t);
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(" #gp.placeholder-tag;");
        }
        out.push_str(&markup_literal(&crate::render::nobreak::keep_numbers_together(piece)));
    }
}

/// Inline text as typst markup: literals for words, functions for emphasis, strong and links.
pub fn inline(text: &Text) -> String {
    let mut out = String::new();
    inline_into(&text.0, &mut out);
    out
}

fn inline_into(items: &[Inline], out: &mut String) {
    for item in items {
        match item {
            Inline::Text(t) => text_with_placeholder_tags(t, out),
            Inline::Emph(c) => {
                out.push_str("#emph[");
                inline_into(c, out);
                out.push(']');
            }
            Inline::Strong(c) => {
                out.push_str("#strong[");
                inline_into(c, out);
                out.push(']');
            }
            Inline::Link { target, content } => {
                match target {
                    LinkTarget::Url(u) => out.push_str(&format!("#link({})[", string_literal(u))),
                    LinkTarget::Internal(id) => out.push_str(&format!("#link({})[", label(id))),
                }
                inline_into(content, out);
                out.push(']');
            }
            Inline::LineBreak => out.push_str("#linebreak()"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_only_what_strings_need() {
        assert_eq!(string_literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string_literal("#read(\"/etc/passwd\")"), r##""#read(\"/etc/passwd\")""##);
        assert_eq!(string_literal("line\nnext\u{7}"), r#""line\nnext\u{7}""#);
        assert_eq!(markup_literal("$x$ // *y*"), r##"#"$x$ // *y*";"##);
        assert_eq!(label("a\"b>"), "<a-b->");
    }
}
