//! The inline Markdown subset allowed inside strings: emphasis, strong, links, line breaks.
//!
//! Parsed with pulldown-cmark (CommonMark); everything else it recognises is refused with a
//! message saying what is allowed, because a policy officer who types `# Title` or `- item`
//! inside a paragraph expects a heading or a list, and silently printing `#` would hide that.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::{Inline, LinkTarget, Text};

pub struct InlineError {
    pub message: String,
    pub hint: String,
}

const ALLOWED: &str = "text may use *emphasis*, **strong**, [links](https://…) and line breaks (end a line with `\\`)";

fn refuse(what: &str, hint: &str) -> InlineError {
    InlineError { message: format!("{what} is not allowed inside text"), hint: format!("{hint}; {ALLOWED}") }
}

pub fn parse(source: &str) -> Result<Text, InlineError> {
    // A stack of open containers; the bottom one is the whole text.
    let mut stack: Vec<(Option<LinkTarget>, Vec<Inline>, &'static str)> = vec![(None, Vec::new(), "text")];
    let mut paragraphs = 0;
    for event in Parser::new_ext(source, Options::empty()) {
        match event {
            Event::Start(Tag::Paragraph) => {
                paragraphs += 1;
                if paragraphs > 1 {
                    return Err(refuse(
                        "a blank line (a second paragraph)",
                        "start a new `- paragraph:` block for each paragraph, or use `\\` at the end of a line for a line break",
                    ));
                }
            }
            Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Emphasis) => stack.push((None, Vec::new(), "emph")),
            Event::Start(Tag::Strong) => stack.push((None, Vec::new(), "strong")),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let target = link_target(&dest_url)?;
                stack.push((Some(target), Vec::new(), "link"));
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                let (target, content, kind) = stack.pop().expect("balanced events from pulldown-cmark");
                let inline = match (kind, target) {
                    ("emph", _) => Inline::Emph(content),
                    ("strong", _) => Inline::Strong(content),
                    (_, Some(_)) if content.is_empty() => {
                        return Err(InlineError {
                            message: "a link with no text prints nothing".into(),
                            hint: "write the words to show between the brackets, for example `[the response pathway](#response-pathway)`"
                                .into(),
                        })
                    }
                    (_, Some(target)) => Inline::Link { target, content },
                    _ => unreachable!("only links carry a target"),
                };
                stack.last_mut().expect("outer text").1.push(inline);
            }
            Event::Text(t) => push_text(&mut stack.last_mut().expect("outer text").1, &t),
            Event::SoftBreak => push_text(&mut stack.last_mut().expect("outer text").1, " "),
            Event::HardBreak => stack.last_mut().expect("outer text").1.push(Inline::LineBreak),
            Event::Code(_) => return Err(refuse("code (text between backticks)", "remove the backticks")),
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err(refuse("raw HTML", "remove the `<…>` tag, or write `\\<` for a literal `<`"))
            }
            Event::Start(Tag::Heading { .. }) => {
                return Err(refuse("a heading", "headings are section titles: start a new section, or write `\\#` for a literal `#`"))
            }
            Event::Start(Tag::List(_)) => {
                return Err(refuse(
                    "a list",
                    "use a `bullets:` or `numbered:` block, or write `\\-` / `1\\.` at the start for a literal marker",
                ))
            }
            Event::Start(Tag::Image { .. }) => return Err(refuse("an image", "use a `figure:` block with `image` and `alt`")),
            Event::Start(Tag::BlockQuote(_)) => return Err(refuse("a quotation marker `>`", "use a `quote:` block, or write `\\>`")),
            Event::Start(Tag::CodeBlock(_)) => {
                return Err(refuse("a code block (indented text)", "remove the indentation at the start of the line"))
            }
            Event::Rule => return Err(refuse("a horizontal rule", "remove the `---` or `***` line")),
            other => return Err(refuse(&format!("this Markdown ({other:?})"), "remove it")),
        }
    }
    let (_, items, _) = stack.pop().expect("outer text");
    Ok(Text(trim_edges(items)))
}

fn push_text(items: &mut Vec<Inline>, t: &str) {
    if let Some(Inline::Text(prev)) = items.last_mut() {
        prev.push_str(t);
    } else {
        items.push(Inline::Text(t.to_string()));
    }
}

fn trim_edges(mut items: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = items.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = items.last_mut() {
        *t = t.trim_end().to_string();
    }
    items.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    items
}

fn link_target(dest: &str) -> Result<LinkTarget, InlineError> {
    if let Some(id) = dest.strip_prefix('#') {
        return Ok(LinkTarget::Internal(id.to_string()));
    }
    let ok = ["https://", "http://", "mailto:", "tel:"].iter().any(|p| dest.starts_with(p) && dest.len() > p.len());
    if !ok {
        return Err(InlineError {
            message: format!("the link target `{dest}` is not a web address or a section id"),
            hint: "links go to https://…, mailto:…, tel:…, or #id of a section, pathway or worksheet".to_string(),
        });
    }
    Ok(LinkTarget::Url(dest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_subset() {
        let t = parse("Call *now* or see **[Samaritans](https://www.samaritans.org)**.\\\nNext line").ok().unwrap();
        assert_eq!(
            t.0,
            vec![
                Inline::Text("Call ".into()),
                Inline::Emph(vec![Inline::Text("now".into())]),
                Inline::Text(" or see ".into()),
                Inline::Strong(vec![Inline::Link {
                    target: LinkTarget::Url("https://www.samaritans.org".into()),
                    content: vec![Inline::Text("Samaritans".into())]
                }]),
                Inline::Text(".".into()),
                Inline::LineBreak,
                Inline::Text("Next line".into()),
            ]
        );
        assert_eq!(t.to_plain(), "Call now or see Samaritans.\nNext line");
    }

    #[test]
    fn keeps_typst_and_markup_characters_literal() {
        let t = parse("Costs $5 #tag @ref <3 = ok").ok().unwrap();
        assert_eq!(t.to_plain(), "Costs $5 #tag @ref <3 = ok");
    }

    #[test]
    fn refuses_what_is_outside_the_subset() {
        for (src, word) in [
            ("# Heading", "heading"),
            ("- item", "list"),
            ("<b>x</b>", "HTML"),
            ("![a](b.png)", "image"),
            ("`x`", "code"),
            ("a\n\nb", "paragraph"),
            ("[x](ftp://a)", "not a web address"),
            ("see [](#pathway) now", "no text"),
        ] {
            let e = parse(src).err().unwrap_or_else(|| panic!("{src} should be refused"));
            assert!(e.message.contains(word), "{src}: {}", e.message);
        }
    }
}
