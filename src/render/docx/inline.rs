//! Inline text → runs: emphasis as run properties, web links as external hyperlinks,
//! `#id` links as hyperlinks to the target's bookmark, and field codes.

use docx_rs::{BreakType, FieldCharType, Hyperlink, HyperlinkType, InstrText, Paragraph, Run};

use super::context::Ctx;
use super::styles::id;
use crate::model::{Inline, LinkTarget, Text};

#[derive(Debug, Clone, Copy, Default)]
pub struct Fmt {
    pub bold: bool,
    pub italic: bool,
}

impl Fmt {
    pub const BOLD: Fmt = Fmt { bold: true, italic: false };
}

/// One run of literal text; `\n` becomes a line break.
pub fn run(text: &str, fmt: Fmt) -> Run {
    let mut r = Run::new();
    if fmt.bold {
        r = r.bold();
    }
    if fmt.italic {
        r = r.italic();
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        if !line.is_empty() {
            r = r.add_text(line);
        }
    }
    r
}

/// A paragraph in `style` holding `text`.
pub fn para(cx: &mut Ctx, style: &str, text: &Text) -> Paragraph {
    append(cx, Paragraph::new().style(style), text, Fmt::default())
}

/// A paragraph in `style` holding literal `s`.
pub fn plain(style: &str, s: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(run(s, Fmt::default()))
}

/// Appends `text` to `p`, starting from `fmt`.
pub fn append(cx: &mut Ctx, mut p: Paragraph, text: &Text, fmt: Fmt) -> Paragraph {
    for item in &text.0 {
        match item {
            Inline::Link { target, content } => {
                let mut runs = Vec::new();
                collect(content, fmt, &mut runs);
                match link(cx, target) {
                    Some(mut h) => {
                        for r in runs {
                            h = h.add_run(r.style(id::HYPERLINK));
                        }
                        p = p.add_hyperlink(h);
                    }
                    None => {
                        for r in runs {
                            p = p.add_run(r);
                        }
                    }
                }
            }
            other => {
                let mut runs = Vec::new();
                collect(std::slice::from_ref(other), fmt, &mut runs);
                for r in runs {
                    p = p.add_run(r);
                }
            }
        }
    }
    p
}

/// The hyperlink element for a link target; `None` for a `#id` that names nothing here
/// (validation rejects those, so this only guards against a model built by hand).
pub fn link(cx: &mut Ctx, target: &LinkTarget) -> Option<Hyperlink> {
    match target {
        LinkTarget::Url(url) => Some(Hyperlink::new(url.as_str(), HyperlinkType::External)),
        LinkTarget::Internal(target) if cx.is_target(target) => Some(Hyperlink::new(cx.bookmark_name(target), HyperlinkType::Anchor)),
        LinkTarget::Internal(_) => None,
    }
}

/// A hyperlink to bookmark `name` showing `label`.
pub fn anchor_link(name: &str, label: &str) -> Hyperlink {
    Hyperlink::new(name, HyperlinkType::Anchor).add_run(run(label, Fmt::default()).style(id::HYPERLINK))
}

/// Running text: numbers kept whole with no-break spaces, and in a draft a PLACEHOLDER tag
/// after each drama-range number or example address (an approved source has none: the release
/// gates refuse them).
fn text_runs(t: &str, fmt: Fmt, out: &mut Vec<Run>) {
    let pieces = crate::util::placeholders::split_after_placeholders(t);
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push(placeholder_tag());
        }
        out.push(run(&crate::render::nobreak::keep_numbers_together(piece), fmt));
    }
}

/// " PLACEHOLDER", bold on yellow, as in the PDF.
pub fn placeholder_tag() -> Run {
    run(" PLACEHOLDER", Fmt::BOLD).highlight("yellow")
}

fn collect(items: &[Inline], fmt: Fmt, out: &mut Vec<Run>) {
    for i in items {
        match i {
            Inline::Text(t) => text_runs(t, fmt, out),
            Inline::Emph(c) => collect(c, Fmt { italic: true, ..fmt }, out),
            Inline::Strong(c) => collect(c, Fmt { bold: true, ..fmt }, out),
            // Links inside link text cannot happen in the source; keep the words.
            Inline::Link { content, .. } => collect(content, fmt, out),
            Inline::LineBreak => out.push(Run::new().add_break(BreakType::TextWrapping)),
        }
    }
}

/// The runs of a complex field: begin, instruction, separate, cached result, end. Each part is
/// its own run, which is how Word writes fields and what LibreOffice reads most reliably.
pub fn field(instr: &str, cached: &str, dirty: bool) -> Vec<Run> {
    let mut out = vec![
        Run::new().add_field_char(FieldCharType::Begin, dirty),
        Run::new().add_instr_text(InstrText::Unsupported(format!(" {instr} "))),
        Run::new().add_field_char(FieldCharType::Separate, false),
    ];
    if !cached.is_empty() {
        out.push(Run::new().add_text(cached));
    }
    out.push(Run::new().add_field_char(FieldCharType::End, false));
    out
}
