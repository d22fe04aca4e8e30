//! A minimal XML tree for post-processing the parts docx-rs writes: parse (with docx-rs's own
//! pull parser, so no extra dependency), edit, serialise. Names keep their prefixes (`w:p`);
//! namespace declarations are ordinary attributes, which is all the OOXML parts here need.

use docx_rs::{EventReader, OwnedName, XmlEvent};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

fn qname(n: &OwnedName) -> String {
    match &n.prefix {
        Some(p) => format!("{p}:{}", n.local_name),
        None => n.local_name.clone(),
    }
}

/// Parses a whole part. Comments, processing instructions and the declaration are dropped
/// (the declaration is written back by [`serialize`]).
pub fn parse(bytes: &[u8]) -> Result<Element, String> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    for event in EventReader::new(bytes) {
        match event.map_err(|e| format!("malformed XML: {e}"))? {
            XmlEvent::StartElement { name, attributes, .. } => {
                let attrs = attributes.iter().map(|a| (qname(&a.name), a.value.clone())).collect();
                stack.push(Element { name: qname(&name), attrs, children: Vec::new() });
            }
            XmlEvent::EndElement { .. } => {
                let done = stack.pop().ok_or("unbalanced end tag")?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None if root.is_none() => root = Some(done),
                    None => return Err("more than one root element".into()),
                }
            }
            XmlEvent::Characters(s) | XmlEvent::Whitespace(s) => {
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Text(s));
                }
            }
            XmlEvent::EndDocument => break,
        }
    }
    if !stack.is_empty() {
        return Err("unclosed element".into());
    }
    root.ok_or_else(|| "no root element".into())
}

/// Writes `root` with a standalone XML declaration, `<a/>` for empty elements.
pub fn serialize(root: &Element) -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
    write_element(root, &mut out);
    out.into_bytes()
}

fn write_element(e: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&e.name);
    for (k, v) in &e.attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape_into(v, true, out);
        out.push('"');
    }
    if e.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in &e.children {
        match c {
            Node::Element(child) => write_element(child, out),
            Node::Text(t) => escape_into(t, false, out),
        }
    }
    out.push_str("</");
    out.push_str(&e.name);
    out.push('>');
}

fn escape_into(s: &str, attr: bool, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

impl Element {
    pub fn new(name: impl Into<String>) -> Element {
        Element { name: name.into(), ..Element::default() }
    }

    pub fn with_attr(mut self, k: &str, v: impl Into<String>) -> Element {
        self.set_attr(k, v);
        self
    }

    pub fn with_child(mut self, c: Element) -> Element {
        self.children.push(Node::Element(c));
        self
    }

    pub fn with_text(mut self, t: impl Into<String>) -> Element {
        self.children.push(Node::Text(t.into()));
        self
    }

    pub fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }

    pub fn set_attr(&mut self, k: &str, v: impl Into<String>) {
        let v = v.into();
        match self.attrs.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = v,
            None => self.attrs.push((k.to_string(), v)),
        }
    }

    pub fn remove_attr(&mut self, k: &str) {
        self.attrs.retain(|(n, _)| n != k);
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    pub fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.elements_mut().find(|e| e.name == name)
    }

    /// The child called `name`, created (at the end) when missing.
    pub fn child_or_insert(&mut self, name: &str) -> &mut Element {
        let pos = self.children.iter().position(|c| matches!(c, Node::Element(e) if e.name == name));
        let i = match pos {
            Some(i) => i,
            None => {
                self.children.push(Node::Element(Element::new(name)));
                self.children.len() - 1
            }
        };
        match &mut self.children[i] {
            Node::Element(e) => e,
            Node::Text(_) => unreachable!("index points at an element"),
        }
    }

    /// Descendants (not self) in document order.
    pub fn descendants(&self) -> Vec<&Element> {
        fn walk<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
            for c in e.elements() {
                out.push(c);
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out
    }

    /// Calls `f` on self and every descendant, parents before children.
    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut Element)) {
        f(self);
        for c in self.elements_mut() {
            c.walk_mut(f);
        }
    }

    /// The concatenated character data below this element.
    #[cfg(test)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        fn walk(e: &Element, out: &mut String) {
            for c in &e.children {
                match c {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(e) => walk(e, out),
                }
            }
        }
        walk(self, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_entities_and_empty_elements() {
        let src = br#"<?xml version="1.0"?><w:a xmlns:w="urn:x" w:v="a &amp; &quot;b&quot;"><w:b/><w:t xml:space="preserve"> x &lt; y </w:t></w:a>"#;
        let e = parse(src).unwrap();
        assert_eq!(e.attr("w:v"), Some("a & \"b\""));
        assert_eq!(e.text(), " x < y ");
        let out = String::from_utf8(serialize(&e)).unwrap();
        assert!(
            out.ends_with(r#"<w:a xmlns:w="urn:x" w:v="a &amp; &quot;b&quot;"><w:b/><w:t xml:space="preserve"> x &lt; y </w:t></w:a>"#),
            "{out}"
        );
        assert_eq!(parse(out.as_bytes()).unwrap(), e);
    }

    proptest::proptest! {
        /// Text and attribute values survive a serialise/parse round trip, whatever they hold.
        #[test]
        fn text_and_attributes_round_trip(text in "[ -~\u{a0}-\u{17f}\t\n]{1,40}", attr in "[ -~\u{e9}\t\n]{0,20}") {
            let e = Element::new("w:t").with_attr("w:val", attr.clone()).with_text(text.clone());
            let back = parse(&serialize(&e)).unwrap();
            proptest::prop_assert_eq!(back.attr("w:val"), Some(attr.as_str()));
            proptest::prop_assert_eq!(back.text(), text);
        }
    }

    #[test]
    fn rejects_broken_xml() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"").is_err());
    }
}
