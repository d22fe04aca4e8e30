//! Inline text as HTML: every word escaped, emphasis as `<em>`/`<strong>`, links resolved, and
//! a visible "placeholder" tag after any drama-range number or example address (the same
//! finder the release gates use), as the PDF and Word editions do.

use super::escape::{html, safe_url};
use super::links::Links;
use crate::model::{Inline, LinkTarget, Text};

/// `text` as HTML for a page that resolves internal links with `links`.
pub fn inline(text: &Text, links: &Links) -> String {
    let mut out = String::new();
    into(&text.0, links, &mut out);
    out
}

/// The tag shown after a placeholder detail; never in an approved edition, since the release
/// gates refuse placeholder details there.
pub const PLACEHOLDER_TAG: &str = r#" <strong class="placeholder-tag">placeholder</strong>"#;

/// A contact detail (an address, a number) as HTML, with one placeholder tag after the whole
/// detail rather than inside it.
pub fn detail(s: &str) -> String {
    let mut out = html(&crate::render::nobreak::keep_numbers_together(s));
    if !crate::util::placeholders::find(s).is_empty() {
        out.push_str(PLACEHOLDER_TAG);
    }
    out
}

fn words_into(s: &str, out: &mut String) {
    for (i, piece) in crate::util::placeholders::split_after_placeholders(s).iter().enumerate() {
        if i > 0 {
            out.push_str(PLACEHOLDER_TAG);
        }
        out.push_str(&html(&crate::render::nobreak::keep_numbers_together(piece)));
    }
}

fn into(items: &[Inline], links: &Links, out: &mut String) {
    for item in items {
        match item {
            Inline::Text(t) => words_into(t, out),
            Inline::Emph(c) => {
                out.push_str("<em>");
                into(c, links, out);
                out.push_str("</em>");
            }
            Inline::Strong(c) => {
                out.push_str("<strong>");
                into(c, links, out);
                out.push_str("</strong>");
            }
            Inline::Link { target, content } => {
                let href = match target {
                    LinkTarget::Internal(id) => Some(links.to(id)),
                    LinkTarget::Url(u) => safe_url(u).map(str::to_string),
                };
                match href {
                    Some(h) => {
                        out.push_str(&format!("<a href=\"{}\">", html(&h)));
                        into(content, links, out);
                        out.push_str("</a>");
                    }
                    None => into(content, links, out),
                }
            }
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
}
