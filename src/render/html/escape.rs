//! Escaping for the three languages the site is written in. Templates escape with minijinja's
//! HTML auto-escaping; these are for the HTML and SVG that Rust writes itself (inline text,
//! the pathway chart) and for the few values that go into CSS.

/// Text safe inside an element or a double- or single-quoted attribute.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text; the loader refuses most, and
            // anything left is dropped rather than written.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A CSS string literal: `"…"` with quotes, backslashes and line ends escaped, and `<` escaped
/// so the text can never close the element it sits in.
pub fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The address a link may point to: only the schemes the source format allows. Anything else
/// (`javascript:`, `data:`) gives `None`, and the link is written as plain text.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:", "sms:"].iter().any(|s| lower.starts_with(s)).then_some(url.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_come_out_as_text() {
        assert_eq!(html("<script>\"x\" & 'y'</script>"), "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
        assert_eq!(css_string("A\"}</style>"), "\"A\\22 }\\3c /style\\3e \"");
        assert_eq!(safe_url(" JavaScript:alert(1)"), None);
        assert_eq!(safe_url("https://example.org"), Some("https://example.org"));
    }
}
