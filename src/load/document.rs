//! guidance.yaml: document control, revision history, sections and appendices.

use super::{blocks, Ctx, Ns};
use crate::model::{DocumentInfo, Revision, Section, Status, Text};
use crate::source::decode::{item, Decoder};
use crate::source::yaml::Node;

pub struct DocParts {
    pub info: DocumentInfo,
    pub revisions: Vec<Revision>,
    pub sections: Vec<Section>,
    pub appendices: Vec<Section>,
}

const TOP: &[&str] = &["document", "revisions", "sections", "appendices"];
const DOCUMENT: &[&str] = &[
    "slug",
    "title",
    "short_title",
    "subtitle",
    "partnership",
    "edition",
    "version",
    "status",
    "author",
    "approved_by",
    "approved_on",
    "published",
    "review_date",
    "supersedes",
    "language",
    "audience",
    "keywords",
    "equality_impact",
    "controlled_copy",
    "accessibility",
    "default_brand",
    "crisis_contacts",
    "crisis_line",
];
const ACCESSIBILITY: &[&str] = &["statement", "contact"];
const REVISION: &[&str] = &["version", "date", "author", "summary"];
const SECTION: &[&str] = &["id", "title", "blocks", "sections"];

/// Sections may nest three levels: 1, 1.1 and 1.1.1.
pub const MAX_SECTION_DEPTH: u8 = 3;

pub fn decode_guidance(cx: &mut Ctx, root: &Node) -> Option<DocParts> {
    let top = cx.d.map(root, "", TOP)?;
    let info = top.req(&mut cx.d, "document", decode_info);
    if let Some(n) = top.get("document") {
        record_field_locs(cx, n);
        record_crisis_references(cx, n);
    }
    let revisions = top.opt(&mut cx.d, "revisions", |d, n, p| d.list_of(n, p, decode_revision)).unwrap_or_default();
    let sections = match top.get("sections") {
        Some(n) => match cx.d.list(n, "sections") {
            Some(items) => decode_sections(cx, items, "sections", "", 1, false),
            None => Vec::new(),
        },
        None => {
            cx.d.error(root.loc, "sections", "missing field `sections`", "add `sections:` with at least one section");
            Vec::new()
        }
    };
    let appendices = match top.get("appendices") {
        Some(n) => match cx.d.list(n, "appendices") {
            Some(items) => decode_sections(cx, items, "appendices", "", 1, true),
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    Some(DocParts { info: info?, revisions, sections, appendices })
}

/// Remembers where the dated fields are, so warnings about them can point there.
fn record_field_locs(cx: &mut Ctx, doc: &Node) {
    if let crate::source::yaml::Value::Map(entries) = &doc.value {
        for (k, v) in entries {
            let key = crate::source::decode::scalar_text(k);
            cx.index.fields.insert(format!("document.{key}"), v.loc);
        }
    }
}

/// The crisis panel names contacts by id; they are checked like every other reference.
fn record_crisis_references(cx: &mut Ctx, doc: &Node) {
    let crate::source::yaml::Value::Map(entries) = &doc.value else { return };
    let Some((_, list)) = entries.iter().find(|(k, _)| crate::source::decode::scalar_text(k) == "crisis_contacts") else { return };
    if let crate::source::yaml::Value::Seq(items) = &list.value {
        for (i, item) in items.iter().enumerate() {
            let id = crate::source::decode::scalar_text(item).to_string();
            cx.reference(super::Ns::Contact, &id, item.loc, &format!("document.crisis_contacts[{i}]"));
        }
    }
}

fn decode_info(d: &mut Decoder, node: &Node, path: &str) -> Option<DocumentInfo> {
    let m = d.map(node, path, DOCUMENT)?;
    let slug = m.req(d, "slug", Decoder::id);
    let title = m.req(d, "title", Decoder::string);
    let short_title = m.opt(d, "short_title", Decoder::string);
    let subtitle = m.opt(d, "subtitle", Decoder::string);
    let partnership = m.req(d, "partnership", Decoder::string);
    let edition = m.req(d, "edition", Decoder::string);
    let version = m.req(d, "version", Decoder::string);
    let status =
        m.req(d, "status", |d, n, p| d.choice(n, p, &["draft", "approved"])).map(|i| if i == 0 { Status::Draft } else { Status::Approved });
    let author = m.req(d, "author", Decoder::string);
    let approved_by = m.opt(d, "approved_by", Decoder::string);
    let approved_on = m.opt(d, "approved_on", Decoder::date);
    let published = m.req(d, "published", Decoder::date);
    let review_date = m.req(d, "review_date", Decoder::date);
    let supersedes = m.opt(d, "supersedes", Decoder::string);
    let language = m.opt(d, "language", decode_language).unwrap_or_else(|| "en-GB".to_string());
    let audience = m.opt(d, "audience", Decoder::one_or_many).unwrap_or_default();
    let keywords = m.opt(d, "keywords", Decoder::one_or_many).unwrap_or_default();
    let equality_impact = m.opt(d, "equality_impact", Decoder::text);
    let controlled_copy = m.opt(d, "controlled_copy", Decoder::text).unwrap_or_else(|| {
        Text::plain("The online copy of this document is the controlled version. Printed copies are uncontrolled: check that you have the latest version before relying on it.")
    });
    let accessibility = m.req(d, "accessibility", |d, n, p| {
        let a = d.map(n, p, ACCESSIBILITY)?;
        let statement = a.req(d, "statement", Decoder::text);
        let contact = a.req(d, "contact", Decoder::text);
        Some((statement?, contact?))
    });
    let default_brand = m.req(d, "default_brand", Decoder::id);
    let crisis_contacts = m.opt(d, "crisis_contacts", |d, n, p| d.list_of(n, p, Decoder::id)).unwrap_or_default();
    let crisis_line = m.opt(d, "crisis_line", Decoder::string);
    if let (Some(p), Some(r)) = (published, review_date) {
        if r <= p {
            let loc = m.get("review_date").map(|n| n.loc).unwrap_or(node.loc);
            d.error(
                loc,
                &m.path_of("review_date"),
                format!("the review date {r} is not after the published date {p}"),
                "set the review date to when the guidance must next be reviewed, usually two years after publication",
            );
        }
    }
    let title = title?;
    let (accessibility_statement, accessibility_contact) = accessibility?;
    Some(DocumentInfo {
        slug: slug?,
        short_title: short_title.unwrap_or_else(|| title.clone()),
        title,
        subtitle,
        partnership: partnership?,
        edition: edition?,
        version: version?,
        status: status?,
        author: author?,
        approved_by,
        approved_on,
        published: published?,
        review_date: review_date?,
        supersedes,
        language,
        audience,
        keywords,
        equality_impact,
        controlled_copy,
        accessibility_statement,
        accessibility_contact,
        default_brand: default_brand?,
        crisis_contacts,
        crisis_line,
    })
}

/// A BCP 47 language tag of the simple `ll` or `ll-CC` shape that typst and Word both accept.
fn decode_language(d: &mut Decoder, node: &Node, path: &str) -> Option<String> {
    let s = d.string(node, path)?;
    let mut parts = s.split('-');
    let lang_ok = parts.next().is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    let region_ok = parts.next().is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()));
    if !(lang_ok && region_ok && parts.next().is_none()) {
        d.error(node.loc, path, format!("`{s}` is not a language tag"), "write a language and region such as `en-GB` or `cy-GB`");
        return None;
    }
    Some(s)
}

fn decode_revision(d: &mut Decoder, node: &Node, path: &str) -> Option<Revision> {
    let m = d.map(node, path, REVISION)?;
    let version = m.req(d, "version", Decoder::string);
    let date = m.req(d, "date", Decoder::date);
    let author = m.req(d, "author", Decoder::string);
    let summary = m.req(d, "summary", Decoder::text);
    Some(Revision { version: version?, date: date?, author: author?, summary: summary? })
}

/// Decodes a list of sections at `level`, numbering them under `prefix`.
fn decode_sections(cx: &mut Ctx, items: &[Node], path: &str, prefix: &str, level: u8, appendix: bool) -> Vec<Section> {
    let mut out = Vec::new();
    for (i, node) in items.iter().enumerate() {
        let path = item(path, i);
        let number = match (level, appendix) {
            (1, true) => appendix_letter(i),
            (1, false) => (i + 1).to_string(),
            _ => format!("{prefix}.{}", i + 1),
        };
        if let Some(s) = decode_section(cx, node, &path, number, level, appendix) {
            out.push(s);
        }
    }
    out
}

fn appendix_letter(i: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if i < 26 {
        char::from(letters[i]).to_string()
    } else {
        format!("{}{}", char::from(letters[i / 26 - 1]), char::from(letters[i % 26]))
    }
}

fn decode_section(cx: &mut Ctx, node: &Node, path: &str, number: String, level: u8, appendix: bool) -> Option<Section> {
    let m = cx.d.map(node, path, SECTION)?;
    let id = m.req(&mut cx.d, "id", Decoder::id);
    if let (Some(id), Some(n)) = (&id, m.get("id")) {
        cx.def(Ns::Target, id, n.loc, &m.path_of("id"));
    }
    let title = m.req(&mut cx.d, "title", Decoder::string);
    let blocks = match m.get("blocks") {
        Some(n) => blocks::decode_blocks(cx, n, &m.path_of("blocks"), blocks::Context::Guidance),
        None => Some(Vec::new()),
    };
    let mut sections = Vec::new();
    if let Some(n) = m.get("sections") {
        let spath = m.path_of("sections");
        if level >= MAX_SECTION_DEPTH {
            cx.d.error(
                n.loc,
                &spath,
                format!(
                    "sections nest at most {MAX_SECTION_DEPTH} levels deep, but section {number} has subsections (they would be level {})",
                    level + 1
                ),
                "move these subsections up a level, or turn them into paragraphs or a list",
            );
        } else if let Some(items) = cx.d.list(n, &spath) {
            sections = decode_sections(cx, items, &spath, &number, level + 1, appendix);
        }
    }
    Some(Section { id: id?, title: title?, number, level, appendix, blocks: blocks?, sections, at: node.loc })
}
