//! Reads one YAML file into a tree of [`Node`]s that remember where they came from.
//!
//! We use saphyr-parser's event stream rather than a serde deserializer because serde stops at
//! the first problem, and a policy officer needs every problem at once. Owning the tree also
//! lets us refuse hostile input up front: oversized files, binary or non-UTF-8 bytes, nesting
//! beyond [`MAX_DEPTH`], and aliases (which is how "billion laughs" bombs multiply).

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::diag::{Diagnostic, FileId, Loc, SourceFiles};

/// Largest source file accepted. The whole bundled guidance is under 200 KB.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Deepest nesting of lists and maps accepted; the format itself needs fewer than 20.
pub const MAX_DEPTH: usize = 48;
/// Most values in one file.
pub const MAX_NODES: usize = 500_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Every scalar is kept as written; the decoder decides what type it needs.
    /// `plain` is false for quoted and block scalars, which are always strings.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// A plain `~`, `null` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            _ if self.is_null() => "nothing (null)",
            Value::Scalar { .. } => "a single value",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map of fields",
        }
    }
}

/// Checks the raw bytes of a file and returns its text, or a diagnostic saying why it cannot
/// be a source file. The returned text is registered in `files` so diagnostics can quote it.
pub fn read_text(files: &mut SourceFiles, path: &std::path::Path, bytes: Vec<u8>) -> Result<FileId, Box<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        let id = files.add(path, String::new());
        let d = Diagnostic::error(
            files.file_start(id),
            "",
            format!(
                "file is too large ({:.1} MB); source files may be at most {} MB",
                bytes.len() as f64 / 1e6,
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .with_hint("split the content or check that this is the right file");
        return Err(Box::new(d));
    }
    if let Some(pos) = bytes.iter().position(|b| *b == 0) {
        let id = files.add(path, String::from_utf8_lossy(&bytes[..pos.min(4096)]).into_owned());
        let d = Diagnostic::error(files.file_start(id), "", format!("this is not a text file: it contains a NUL byte at byte {pos}"))
            .with_hint("source files are YAML text saved as UTF-8; is this an image or a Word file?");
        return Err(Box::new(d));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(files.add(path, text)),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..good]).into_owned();
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let id = files.add(path, text);
            let mut loc = files.loc_at(id, line, col, 1);
            loc.start = loc.start.min(good);
            loc.end = loc.start;
            let d = Diagnostic::error(loc, "", format!("the file is not valid UTF-8 (byte 0x{:02X} at byte offset {good})", bytes[good]))
                .with_hint("save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)");
            Err(Box::new(d))
        }
    }
}

/// Parses the text of `file` into one node tree. Returns `None` (with diagnostics) if the YAML
/// is malformed or breaks a limit; an empty file gives an empty map.
pub fn parse(files: &SourceFiles, file: FileId, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let text = files.text(file);
    let mut builder = Builder { files, file, stack: Vec::new(), root: None, nodes: 0, documents: 0 };
    for item in Parser::new_from_str(text) {
        match item {
            Ok((event, span)) => {
                if let Err(d) = builder.event(event, span) {
                    diags.push(d);
                    return None;
                }
            }
            Err(e) => {
                let m = e.marker();
                let loc = files.loc_at(file, m.line(), m.col(), 1);
                diags.push(
                    Diagnostic::error(loc, "", format!("this is not valid YAML: {}", e.info()))
                        .with_hint("check the indentation and that `: ` follows each field name; quote text that contains `: ` or starts with a special character"),
                );
                return None;
            }
        }
    }
    Some(builder.root.unwrap_or(Node { value: Value::Map(Vec::new()), loc: files.file_start(file) }))
}

enum Frame {
    Seq(Vec<Node>, Loc),
    Map(Vec<(Node, Node)>, Option<Node>, Loc),
}

struct Builder<'a> {
    files: &'a SourceFiles,
    file: FileId,
    stack: Vec<Frame>,
    root: Option<Node>,
    nodes: usize,
    documents: usize,
}

impl Builder<'_> {
    fn loc(&self, span: Span) -> Loc {
        let len = if span.end.line() == span.start.line() { span.end.index().saturating_sub(span.start.index()) } else { 1 };
        self.files.loc_at(self.file, span.start.line(), span.start.col(), len)
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Diagnostic> {
        let loc = self.loc(span);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Diagnostic::error(loc, "", "a source file holds one YAML document, but a second one starts here")
                        .with_hint("remove the `---` line, or move this part into its own file"));
                }
            }
            Event::Alias(_) => {
                return Err(Diagnostic::error(loc, "", "YAML aliases (`*name`) are not accepted in guidepress sources").with_hint(
                    "write the value out in full where it is needed; aliases make sources hard to read and can be used to blow up memory",
                ));
            }
            Event::Scalar(text, style, _, tag) => {
                self.check_tag(tag.is_some(), loc)?;
                let plain = style == ScalarStyle::Plain;
                self.push(Node { value: Value::Scalar { text: Cow::into_owned(text), plain }, loc })?;
            }
            Event::SequenceStart(_, tag) => {
                self.check_tag(tag.is_some(), loc)?;
                self.open(Frame::Seq(Vec::new(), loc), loc)?;
            }
            Event::MappingStart(_, tag) => {
                self.check_tag(tag.is_some(), loc)?;
                self.open(Frame::Map(Vec::new(), None, loc), loc)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Frame::Seq(items, loc)) => Node { value: Value::Seq(items), loc },
                    Some(Frame::Map(entries, _, loc)) => Node { value: Value::Map(entries), loc },
                    None => return Ok(()),
                };
                self.push(node)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn check_tag(&self, tagged: bool, loc: Loc) -> Result<(), Diagnostic> {
        if tagged {
            return Err(Diagnostic::error(loc, "", "YAML tags (`!something`) are not accepted in guidepress sources")
                .with_hint("remove the tag; write plain text, numbers, lists and fields"));
        }
        Ok(())
    }

    fn open(&mut self, frame: Frame, loc: Loc) -> Result<(), Diagnostic> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Diagnostic::error(loc, "", format!("the YAML is nested more than {MAX_DEPTH} levels deep here"))
                .with_hint("the guidepress format never needs this much nesting; check the indentation"));
        }
        self.stack.push(frame);
        Ok(())
    }

    fn push(&mut self, node: Node) -> Result<(), Diagnostic> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(Diagnostic::error(node.loc, "", format!("the file holds more than {MAX_NODES} values"))
                .with_hint("split the content or check that this is the right file"));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(entries, pending, _)) => match pending.take() {
                None => {
                    if !matches!(node.value, Value::Scalar { .. }) {
                        return Err(Diagnostic::error(node.loc, "", "a field name must be a single word, not a list or map")
                            .with_hint("check for a stray `?` or `{` before the field name"));
                    }
                    *pending = Some(node);
                }
                Some(key) => entries.push((key, node)),
            },
        }
        Ok(())
    }
}
