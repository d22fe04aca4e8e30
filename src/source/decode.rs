//! Turns [`Node`]s into typed values while collecting every problem.
//!
//! Each decoding function returns `Option<T>`: `None` means "something was wrong here and a
//! diagnostic has been recorded", so the caller carries on decoding the siblings.

use crate::diag::{Diagnostic, Loc};
use crate::model::{Date, Text};

use super::inline;
use super::yaml::{Node, Value};
use crate::util::suggest::did_you_mean;

#[derive(Default)]
pub struct Decoder {
    pub diags: Vec<Diagnostic>,
    /// Every `#id` link met in text, for the validator to resolve: (id, loc, field path).
    pub internal_links: Vec<(String, Loc, String)>,
}

/// `parent.key`, or `key` at the top.
pub fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub fn item(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl Decoder {
    pub fn error(&mut self, loc: Loc, path: &str, message: impl Into<String>, hint: impl Into<String>) {
        self.diags.push(Diagnostic::error(loc, path, message).with_hint(hint));
    }

    /// A map whose keys must all be in `allowed`.
    pub fn map<'n>(&mut self, node: &'n Node, path: &str, allowed: &[&str]) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.error(
                node.loc,
                path,
                format!("expected a map of fields, found {}", node.kind_name()),
                format!("write the fields on their own lines below, indented: {}", allowed.join(", ")),
            );
            return None;
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            let name = scalar_text(key);
            if !allowed.contains(&name) {
                let suggestion = did_you_mean(name, allowed).map(|s| format!("did you mean `{s}`? ")).unwrap_or_default();
                self.error(
                    key.loc,
                    &child(path, name),
                    format!("unknown field `{name}`"),
                    format!("{suggestion}fields allowed here: {}", allowed.join(", ")),
                );
            }
            if entries[..i].iter().any(|(k, _)| scalar_text(k) == name) {
                self.error(key.loc, &child(path, name), format!("field `{name}` is given twice"), "keep one of them");
            }
        }
        Some(Fields { node, entries, path: path.to_string() })
    }

    /// A map with exactly one field, the key naming the kind (as blocks are written).
    pub fn tagged<'n>(&mut self, node: &'n Node, path: &str, kinds: &[&str]) -> Option<(&'n str, &'n Node, String)> {
        let what = format!("one of: {}", kinds.join(", "));
        match &node.value {
            Value::Map(entries) if entries.len() == 1 => {
                let (key, value) = &entries[0];
                let name = scalar_text(key);
                if kinds.contains(&name) {
                    return Some((name, value, child(path, name)));
                }
                let suggestion = did_you_mean(name, kinds).map(|s| format!("did you mean `{s}`? ")).unwrap_or_default();
                self.error(key.loc, path, format!("unknown kind `{name}`"), format!("{suggestion}each entry starts with {what}"));
            }
            Value::Map(entries) if entries.is_empty() => {
                self.error(node.loc, path, "empty entry", format!("start the entry with {what}"));
            }
            Value::Map(entries) => {
                let names: Vec<&str> = entries.iter().map(|(k, _)| scalar_text(k)).collect();
                self.error(
                    entries[1].0.loc,
                    path,
                    format!("an entry holds exactly one kind, but this one has {}: {}", entries.len(), names.join(", ")),
                    "start a new `- ` entry for each one, or indent the details under the first field",
                );
            }
            _ => {
                self.error(
                    node.loc,
                    path,
                    format!("expected an entry such as `- paragraph: …`, found {}", node.kind_name()),
                    format!("start the entry with {what}"),
                );
            }
        }
        None
    }

    pub fn list<'n>(&mut self, node: &'n Node, path: &str) -> Option<&'n [Node]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            _ => {
                self.error(
                    node.loc,
                    path,
                    format!("expected a list, found {}", node.kind_name()),
                    "write each entry on its own line starting with `- `",
                );
                None
            }
        }
    }

    /// Decodes every item of a list, skipping the ones that fail (their problems are recorded).
    pub fn list_of<T>(&mut self, node: &Node, path: &str, mut f: impl FnMut(&mut Self, &Node, &str) -> Option<T>) -> Option<Vec<T>> {
        let items = self.list(node, path)?;
        let before = self.error_count();
        let out: Vec<T> = items.iter().enumerate().filter_map(|(i, n)| f(self, n, &item(path, i))).collect();
        (self.error_count() == before).then_some(out)
    }

    pub fn error_count(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    /// Any single value, as text.
    pub fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.value {
            Value::Scalar { .. } if node.is_null() => {
                self.error(node.loc, path, "expected text, found nothing", "write the text after the `:`, or remove the field");
                None
            }
            Value::Scalar { text, .. } => {
                if text.trim().is_empty() {
                    self.error(node.loc, path, "expected text, found an empty string", "write the text, or remove the field");
                    return None;
                }
                Some(text.trim_end_matches('\n').to_string())
            }
            _ => {
                self.error(
                    node.loc,
                    path,
                    format!("expected text, found {}", node.kind_name()),
                    "write the text on the same line after the `:` (use `|` for several lines)",
                );
                None
            }
        }
    }

    /// Text with the inline Markdown subset.
    pub fn text(&mut self, node: &Node, path: &str) -> Option<Text> {
        let s = self.string(node, path)?;
        match inline::parse(&s) {
            Ok(t) => {
                for target in t.links() {
                    if let crate::model::LinkTarget::Internal(id) = target {
                        self.internal_links.push((id.clone(), node.loc, path.to_string()));
                    }
                }
                Some(t)
            }
            Err(e) => {
                self.error(node.loc, path, e.message, e.hint);
                None
            }
        }
    }

    pub fn strings(&mut self, node: &Node, path: &str) -> Option<Vec<String>> {
        self.list_of(node, path, Self::string)
    }

    /// A single word or a list of words (`audience: Schools` or `audience: [Schools, Health]`).
    pub fn one_or_many(&mut self, node: &Node, path: &str) -> Option<Vec<String>> {
        match &node.value {
            Value::Seq(_) => self.strings(node, path),
            _ => self.string(node, path).map(|s| vec![s]),
        }
    }

    pub fn date(&mut self, node: &Node, path: &str) -> Option<Date> {
        let s = self.string(node, path)?;
        let d = Date::parse(s.trim());
        if d.is_none() {
            self.error(node.loc, path, format!("`{s}` is not a date"), "write dates as YYYY-MM-DD, for example 2026-04-30");
        }
        d
    }

    pub fn uint(&mut self, node: &Node, path: &str, min: u32, max: u32) -> Option<u32> {
        let s = self.string(node, path)?;
        match s.trim().parse::<u32>() {
            Ok(v) if (min..=max).contains(&v) => Some(v),
            _ => {
                self.error(
                    node.loc,
                    path,
                    format!("expected a whole number from {min} to {max}, found `{s}`"),
                    format!("write a number such as {}", min.max(1)),
                );
                None
            }
        }
    }

    pub fn number(&mut self, node: &Node, path: &str) -> Option<f64> {
        let s = self.string(node, path)?;
        match s.trim().parse::<f64>() {
            Ok(v) if v.is_finite() && v > 0.0 && v <= 1000.0 => Some(v),
            _ => {
                self.error(node.loc, path, format!("expected a positive number, found `{s}`"), "write a number such as 1 or 2.5");
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node, path: &str) -> Option<bool> {
        match &node.value {
            Value::Scalar { text, plain: true } if matches!(text.as_str(), "true" | "True" | "TRUE") => Some(true),
            Value::Scalar { text, plain: true } if matches!(text.as_str(), "false" | "False" | "FALSE") => Some(false),
            _ => {
                self.error(
                    node.loc,
                    path,
                    format!("expected true or false, found {}", describe(node)),
                    "write `true` or `false` (without quotes)",
                );
                None
            }
        }
    }

    /// One of a fixed set of words; returns its index in `choices`.
    pub fn choice(&mut self, node: &Node, path: &str, choices: &[&str]) -> Option<usize> {
        let s = self.string(node, path)?;
        let found = choices.iter().position(|c| c.eq_ignore_ascii_case(s.trim()));
        if found.is_none() {
            let suggestion = did_you_mean(&s, choices).map(|c| format!("did you mean `{c}`? ")).unwrap_or_default();
            self.error(
                node.loc,
                path,
                format!("`{s}` is not one of: {}", choices.join(", ")),
                format!("{suggestion}use one of the listed words"),
            );
        }
        found
    }

    /// An id: lower-case letters and digits joined by single hyphens.
    pub fn id(&mut self, node: &Node, path: &str) -> Option<String> {
        let s = self.string(node, path)?;
        if !is_valid_id(&s) {
            let suggestion: String =
                s.trim().to_lowercase().split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
            self.error(
                node.loc,
                path,
                format!("`{s}` is not a valid id"),
                format!("ids use lower-case letters, digits and single hyphens, for example `{suggestion}`"),
            );
            return None;
        }
        Some(s)
    }

    pub fn url(&mut self, node: &Node, path: &str) -> Option<String> {
        let s = self.string(node, path)?;
        let s = s.trim().to_string();
        if !(s.starts_with("https://") || s.starts_with("http://")) || s.contains(char::is_whitespace) {
            self.error(node.loc, path, format!("`{s}` is not a web address"), "write the full address starting with https://");
            return None;
        }
        Some(s)
    }
}

/// The fields of one map, read by name.
pub struct Fields<'n> {
    pub node: &'n Node,
    entries: &'n [(Node, Node)],
    pub path: String,
}

impl<'n> Fields<'n> {
    /// The value of a field that is present and not null.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(k, _)| scalar_text(k) == key).map(|(_, v)| v).filter(|v| !v.is_null())
    }

    pub fn path_of(&self, key: &str) -> String {
        child(&self.path, key)
    }

    /// A field that must be present.
    pub fn req<T>(&self, d: &mut Decoder, key: &str, f: impl FnOnce(&mut Decoder, &Node, &str) -> Option<T>) -> Option<T> {
        match self.get(key) {
            Some(v) => f(d, v, &self.path_of(key)),
            None => {
                d.error(self.node.loc, &self.path_of(key), format!("missing field `{key}`"), format!("add `{key}: …` to this entry"));
                None
            }
        }
    }

    /// A field that may be absent. `None` both when absent and when wrong (then recorded).
    pub fn opt<T>(&self, d: &mut Decoder, key: &str, f: impl FnOnce(&mut Decoder, &Node, &str) -> Option<T>) -> Option<T> {
        self.get(key).and_then(|v| f(d, v, &self.path_of(key)))
    }
}

pub fn scalar_text(node: &Node) -> &str {
    match &node.value {
        Value::Scalar { text, .. } => text,
        _ => "",
    }
}

fn describe(node: &Node) -> String {
    match &node.value {
        Value::Scalar { text, .. } if !node.is_null() => format!("`{text}`"),
        _ => node.kind_name().to_string(),
    }
}

/// Lower-case letters and digits joined by single hyphens: safe as a file or folder name and
/// as an anchor.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty() && s.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}
