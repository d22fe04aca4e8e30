/// Inline text: the small Markdown subset allowed inside strings, already parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub Vec<Inline>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Link { target: LinkTarget, content: Vec<Inline> },
    LineBreak,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `https:`, `http:`, `mailto:` or `tel:` address.
    Url(String),
    /// `#id`: a section, appendix, pathway or worksheet of this document.
    Internal(String),
}

impl Text {
    /// A text holding one literal run (no markup interpreted).
    pub fn plain(s: impl Into<String>) -> Text {
        Text(vec![Inline::Text(s.into())])
    }

    /// The words without formatting, e.g. for bookmarks, alt text and plain-text exports.
    pub fn to_plain(&self) -> String {
        let mut out = String::new();
        plain_into(&self.0, &mut out);
        out
    }

    pub fn is_empty(&self) -> bool {
        self.to_plain().trim().is_empty()
    }

    /// Every link in reading order (used by validation and the QR-code renderer).
    pub fn links(&self) -> Vec<&LinkTarget> {
        fn walk<'a>(items: &'a [Inline], out: &mut Vec<&'a LinkTarget>) {
            for i in items {
                match i {
                    Inline::Emph(c) | Inline::Strong(c) => walk(c, out),
                    Inline::Link { target, content } => {
                        out.push(target);
                        walk(content, out);
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.0, &mut out);
        out
    }
}

fn plain_into(items: &[Inline], out: &mut String) {
    for i in items {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => plain_into(c, out),
            Inline::LineBreak => out.push('\n'),
        }
    }
}
