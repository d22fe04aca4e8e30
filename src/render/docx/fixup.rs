//! Post-processing of the parts docx-rs 0.4.22 writes, so that the package validates against
//! the Open XML schema and is the same bytes on every build. Each rule names the docx-rs
//! behaviour it repairs (see docs/word-edition.md):
//!
//! - children written out of schema order (`w:rPr` first in `w:pPr`, `w:rPr` before `w:pPr`
//!   in `w:style`, `w:headerReference` last in `w:sectPr`, `w:tblStyle` last in `w:tblPr`,
//!   `w:numId` before `w:ilvl`, `w:color` before `w:b` …) → stable sort by [`schema::order`];
//! - `w:rPr` inside the `w:pPr` of styles, document defaults and numbering levels, where the
//!   schema (CT_PPrGeneral) has none → removed;
//! - `w:tblW` in a table style's `w:tblPr` (not allowed there) → removed;
//! - a second, empty `Normal` style ahead of ours, and no default paragraph style → the
//!   duplicate goes, `Normal` gets `w:default="1"`;
//! - an undeclared `w:type` attribute on `w:gridCol` → removed;
//! - the unused abstract numbering and instance with id 1 → removed;
//! - `wp:docPr id="1" name="Figure"` on every picture and no alt text → unique ids, `descr`;
//! - direct `w:tblBorders` on every table even when it has a table style → removed, so the
//!   style governs;
//! - no way to mark a header row → `w:tblHeader` on rows whose cells are all Table Heading;
//! - hyperlink and picture relationship ids from process-wide counters (`rIdHyperlink7`
//!   depends on what was built before in the same process) → renumbered in document order,
//!   media renamed `imageN.png|jpeg`;
//! - `w14:paraId` from a per-thread counter that is reset when a document is built but used
//!   when a paragraph is made, so it depends on what the thread did before → removed (optional;
//!   Word assigns its own);
//! - empty `w:rPr`/`w:pPr`/`w:trPr`/`w:tcPr` everywhere → dropped (noise only).

use docx_rs::XMLDocx;

use super::figure;
use super::schema;
use super::styles::id;
use super::xml::{self, Element, Node};

/// Parts docx-rs cannot write correctly, made by [`super::props`], and what the fixup needs to
/// know about the body.
pub struct Extra {
    pub language: String,
    pub alts: Vec<String>,
    pub core: Vec<u8>,
    pub app: Vec<u8>,
    pub settings: Vec<u8>,
    pub font_table: Vec<u8>,
}

/// Every package part as (zip path, bytes), in a fixed order.
pub fn parts(x: XMLDocx, extra: Extra) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut doc = xml::parse(&x.document).map_err(|e| format!("document.xml: {e}"))?;
    fix_story(&mut doc);
    set_picture_alts(&mut doc, &extra.alts)?;
    let mut rels = xml::parse(&x.document_rels).map_err(|e| format!("document.xml.rels: {e}"))?;
    let media = canonical_relationships(&mut doc, &mut rels, &x.media)?;
    ensure_numbering_relationship(&mut rels);

    let mut styles = xml::parse(&x.styles).map_err(|e| format!("styles.xml: {e}"))?;
    fix_styles(&mut styles, &extra.language);
    let mut numbering = xml::parse(&x.numberings).map_err(|e| format!("numbering.xml: {e}"))?;
    fix_numbering(&mut numbering);

    let mut out: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), x.content_type),
        ("_rels/.rels".into(), x.rels),
        ("docProps/core.xml".into(), extra.core),
        ("docProps/app.xml".into(), extra.app),
        ("docProps/custom.xml".into(), x.doc_props.custom),
        ("word/document.xml".into(), xml::serialize(&doc)),
        ("word/_rels/document.xml.rels".into(), xml::serialize(&rels)),
        ("word/styles.xml".into(), xml::serialize(&styles)),
        ("word/numbering.xml".into(), xml::serialize(&numbering)),
        ("word/settings.xml".into(), extra.settings),
        ("word/fontTable.xml".into(), extra.font_table),
        ("word/comments.xml".into(), x.comments),
        ("word/commentsExtended.xml".into(), x.comments_extended),
        ("word/footnotes.xml".into(), x.footnotes),
    ];
    for (kind, parts, rels) in [("header", &x.headers, &x.header_rels), ("footer", &x.footers, &x.footer_rels)] {
        for (i, part) in parts.iter().enumerate() {
            let mut e = xml::parse(part).map_err(|err| format!("{kind}{}.xml: {err}", i + 1))?;
            fix_story(&mut e);
            out.push((format!("word/{kind}{}.xml", i + 1), xml::serialize(&e)));
            if let Some(r) = rels.get(i) {
                out.push((format!("word/_rels/{kind}{}.xml.rels", i + 1), r.clone()));
            }
        }
    }
    out.extend(media);
    Ok(out)
}

/// Sorts children into schema order (stable, so content order is kept) throughout `e`.
pub fn reorder(e: &mut Element) {
    if let Some(seq) = schema::order(&e.name) {
        let key = |n: &Node| match n {
            Node::Element(c) => schema::rank(seq, &c.name).unwrap_or(usize::MAX),
            Node::Text(_) => usize::MAX,
        };
        e.children.sort_by_key(key);
    }
    for c in e.elements_mut() {
        reorder(c);
    }
}

/// Elements that say nothing when empty.
const DROP_WHEN_EMPTY: [&str; 6] = ["w:rPr", "w:pPr", "w:trPr", "w:tcPr", "w:rPrDefault", "w:pPrDefault"];

/// Removes empty property containers, bottom-up.
pub fn drop_empty(e: &mut Element) {
    for c in e.elements_mut() {
        drop_empty(c);
    }
    e.children.retain(
        |n| !matches!(n, Node::Element(c) if DROP_WHEN_EMPTY.contains(&c.name.as_str()) && c.children.is_empty() && c.attrs.is_empty()),
    );
}

/// The rules for a story part (document, header, footer).
fn fix_story(root: &mut Element) {
    root.walk_mut(&mut |e| match e.name.as_str() {
        "w:p" => {
            e.remove_attr("w14:paraId");
            e.remove_attr("w14:textId");
        }
        "w:gridCol" => e.remove_attr("w:type"),
        "w:tblPr" if e.child("w:tblStyle").is_some() => {
            e.children.retain(|n| !matches!(n, Node::Element(c) if c.name == "w:tblBorders"));
        }
        "w:tr" if is_header_row(e) => {
            let tr_pr = e.child_or_insert("w:trPr");
            if tr_pr.child("w:tblHeader").is_none() {
                tr_pr.children.push(Node::Element(Element::new("w:tblHeader")));
            }
        }
        _ => {}
    });
    drop_empty(root);
    reorder(root);
}

/// A row whose every cell holds only Table Heading paragraphs.
pub fn is_header_row(tr: &Element) -> bool {
    let cells: Vec<&Element> = tr.elements().filter(|c| c.name == "w:tc").collect();
    !cells.is_empty()
        && cells.iter().all(|tc| {
            let ps: Vec<&Element> = tc.elements().filter(|p| p.name == "w:p").collect();
            !ps.is_empty() && ps.iter().all(|p| paragraph_style(p) == Some(id::TABLE_HEADING))
        })
}

/// The `w:pStyle` of a paragraph.
pub fn paragraph_style(p: &Element) -> Option<&str> {
    p.child("w:pPr")?.child("w:pStyle")?.attr("w:val")
}

/// Gives the n-th picture a unique id, a name and the n-th alt text.
fn set_picture_alts(doc: &mut Element, alts: &[String]) -> Result<(), String> {
    let mut n: usize = 0;
    doc.walk_mut(&mut |e| {
        if e.name == "wp:docPr" || e.name == "pic:cNvPr" {
            let k = if e.name == "wp:docPr" {
                n += 1;
                n
            } else {
                n
            };
            e.set_attr("id", k.to_string());
            e.set_attr("name", format!("Figure {k}"));
            if let Some(alt) = alts.get(k.wrapping_sub(1)) {
                e.set_attr("descr", alt.clone());
            }
        }
    });
    if n != alts.len() {
        return Err(format!("{n} pictures but {} alt texts", alts.len()));
    }
    Ok(())
}

/// Relationship-id attributes that point into document.xml.rels.
const REL_ATTRS: [&str; 3] = ["r:id", "r:embed", "r:link"];

/// Renames counter-based relationship ids (`rIdHyperlinkN`, `rIdImageN`) to `rIdLinkK` /
/// `rIdImgK` in order of first use, and media to `media/imageK.ext`. Returns the media parts.
fn canonical_relationships(doc: &mut Element, rels: &mut Element, media: &[(String, Vec<u8>)]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut order: Vec<String> = Vec::new();
    for e in doc.descendants() {
        for a in REL_ATTRS {
            if let Some(v) = e.attr(a) {
                if !order.iter().any(|o| o == v) {
                    order.push(v.to_string());
                }
            }
        }
    }
    let (mut links, mut images) = (0, 0);
    let mut map: Vec<(String, String)> = Vec::new();
    for old in &order {
        if old.starts_with("rIdHyperlink") {
            links += 1;
            map.push((old.clone(), format!("rIdLink{links}")));
        } else if old.starts_with("rIdImage") {
            images += 1;
            map.push((old.clone(), format!("rIdImg{images}")));
        }
    }
    let rename = |v: &str| map.iter().find(|(o, _)| o == v).map(|(_, n)| n.clone());
    doc.walk_mut(&mut |e| {
        for a in REL_ATTRS {
            if let Some(n) = e.attr(a).and_then(rename) {
                e.set_attr(a, n);
            }
        }
    });

    let mut media_out = Vec::new();
    let mut failure = None;
    rels.walk_mut(&mut |e| {
        if e.name != "Relationship" {
            return;
        }
        let Some(new_id) = e.attr("Id").and_then(rename) else { return };
        if let Some(n) = new_id.strip_prefix("rIdImg") {
            let target = e.attr("Target").unwrap_or_default().to_string();
            let bytes = media.iter().find(|(mid, _)| target == format!("media/{mid}.png")).map(|(_, b)| b);
            match bytes {
                Some(b) => {
                    let name = format!("media/image{n}.{}", figure::extension(b));
                    media_out.push((format!("word/{name}"), b.clone()));
                    e.set_attr("Target", name);
                }
                None => failure = Some(format!("no media for relationship target {target}")),
            }
        }
        e.set_attr("Id", new_id);
    });
    if let Some(f) = failure {
        return Err(f);
    }
    // Relationships in id order, so the part does not depend on docx-rs's collection order.
    rels.children.sort_by_key(|n| match n {
        Node::Element(e) => rel_sort_key(e.attr("Id").unwrap_or_default()),
        Node::Text(_) => (String::new(), 0),
    });
    media_out.sort();
    Ok(media_out)
}

/// `rIdLink10` sorts after `rIdLink9`.
fn rel_sort_key(id: &str) -> (String, u64) {
    let digits = id.len() - id.chars().rev().take_while(char::is_ascii_digit).count();
    (id[..digits].to_string(), id[digits..].parse().unwrap_or(0))
}

/// Styles refer to numbering instances, so numbering.xml must be related even when no body
/// paragraph is numbered (docx-rs only relates it then).
fn ensure_numbering_relationship(rels: &mut Element) {
    const TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
    if rels.elements().any(|e| e.attr("Type") == Some(TYPE)) {
        return;
    }
    rels.children.push(Node::Element(
        Element::new("Relationship").with_attr("Id", "rId7").with_attr("Type", TYPE).with_attr("Target", "numbering.xml"),
    ));
}

fn fix_styles(root: &mut Element, language: &str) {
    // Keep the last definition of each style id: docx-rs writes an empty Normal first.
    let mut seen: Vec<String> = Vec::new();
    let mut keep = vec![true; root.children.len()];
    for (i, n) in root.children.iter().enumerate().rev() {
        if let Node::Element(e) = n {
            if e.name == "w:style" {
                let sid = e.attr("w:styleId").unwrap_or_default().to_string();
                if seen.contains(&sid) {
                    keep[i] = false;
                } else {
                    seen.push(sid);
                }
            }
        }
    }
    let mut i = 0;
    root.children.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for e in root.elements_mut() {
        if e.name == "w:style" {
            if e.attr("w:styleId") == Some(id::NORMAL) {
                e.set_attr("w:default", "1");
            }
            strip_run_props_from_ppr(e);
            if let Some(tbl_pr) = e.child_mut("w:tblPr") {
                tbl_pr.children.retain(|n| matches!(n, Node::Element(c) if STYLE_TBL_PR.contains(&c.name.as_str())));
            }
        }
        if e.name == "w:docDefaults" {
            if let Some(p) = e.child_mut("w:pPrDefault") {
                strip_run_props_from_ppr(p);
            }
            let rpr = e.child_or_insert("w:rPrDefault").child_or_insert("w:rPr");
            if rpr.child("w:lang").is_none() {
                rpr.children.push(Node::Element(Element::new("w:lang").with_attr("w:val", language)));
            }
        }
    }
    drop_empty(root);
    reorder(root);
}

/// What a table style's `w:tblPr` may hold (the SDK's StyleTableProperties): docx-rs also
/// writes `w:tblW`, which only a table itself may have.
const STYLE_TBL_PR: [&str; 8] =
    ["w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblCellMar"];

/// CT_PPrGeneral (styles, defaults, numbering levels) has no `w:rPr` or `w:sectPr`.
fn strip_run_props_from_ppr(parent: &mut Element) {
    if let Some(ppr) = parent.child_mut("w:pPr") {
        ppr.children.retain(|n| !matches!(n, Node::Element(c) if c.name == "w:rPr" || c.name == "w:sectPr"));
    }
}

fn fix_numbering(root: &mut Element) {
    root.children.retain(|n| match n {
        Node::Element(e) => {
            !((e.name == "w:abstractNum" && e.attr("w:abstractNumId") == Some("1"))
                || (e.name == "w:num" && e.attr("w:numId") == Some("1")))
        }
        Node::Text(_) => true,
    });
    root.walk_mut(&mut |e| {
        if e.name == "w:lvl" {
            strip_run_props_from_ppr(e);
        }
    });
    drop_empty(root);
    reorder(root);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(s: &str) -> Element {
        xml::parse(s.as_bytes()).unwrap()
    }

    fn names(e: &Element) -> Vec<&str> {
        e.elements().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn reorders_paragraph_and_run_properties() {
        let mut p = el(
            r#"<w:p><w:pPr><w:rPr><w:b/></w:rPr><w:pStyle w:val="X"/><w:numPr><w:numId w:val="3"/><w:ilvl w:val="0"/></w:numPr><w:jc w:val="left"/><w:keepNext/></w:pPr><w:r><w:rPr><w:sz w:val="20"/><w:color w:val="FF0000"/><w:b/><w:rFonts w:ascii="A"/><w:rStyle w:val="H"/></w:rPr><w:t>x</w:t></w:r></w:p>"#,
        );
        fix_story(&mut p);
        assert_eq!(p.attr("w14:paraId"), None, "thread-dependent paragraph ids dropped");
        let ppr = p.child("w:pPr").unwrap();
        assert_eq!(names(ppr), ["w:pStyle", "w:keepNext", "w:numPr", "w:jc", "w:rPr"]);
        assert_eq!(names(ppr.child("w:numPr").unwrap()), ["w:ilvl", "w:numId"]);
        let rpr = p.child("w:r").unwrap().child("w:rPr").unwrap();
        assert_eq!(names(rpr), ["w:rStyle", "w:rFonts", "w:b", "w:color", "w:sz"]);
    }

    #[test]
    fn section_properties_put_references_first_and_keep_their_order() {
        let mut s = el(
            r#"<w:body><w:sectPr><w:pgSz/><w:pgMar/><w:cols/><w:headerReference w:type="default"/><w:footerReference w:type="default"/><w:headerReference w:type="first"/><w:titlePg/></w:sectPr><w:p/></w:body>"#,
        );
        fix_story(&mut s);
        assert_eq!(names(&s), ["w:p", "w:sectPr"]);
        let sect = s.child("w:sectPr").unwrap();
        assert_eq!(
            names(sect),
            ["w:headerReference", "w:footerReference", "w:headerReference", "w:pgSz", "w:pgMar", "w:cols", "w:titlePg"]
        );
        assert_eq!(sect.elements().nth(2).unwrap().attr("w:type"), Some("first"));
    }

    #[test]
    fn tables_get_header_rows_grids_and_style_borders() {
        let mut t = el(
            r#"<w:tbl><w:tblPr><w:tblW w:w="1"/><w:tblBorders><w:top/></w:tblBorders><w:tblStyle w:val="GuideTable"/></w:tblPr><w:tblGrid><w:gridCol w:w="5" w:type="dxa"/></w:tblGrid><w:tr><w:trPr/><w:tc><w:tcPr/><w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc></w:tr></w:tbl>"#,
        );
        fix_story(&mut t);
        assert_eq!(names(t.child("w:tblPr").unwrap()), ["w:tblStyle", "w:tblW"]);
        assert_eq!(t.child("w:tblGrid").unwrap().child("w:gridCol").unwrap().attr("w:type"), None);
        let rows: Vec<&Element> = t.elements().filter(|e| e.name == "w:tr").collect();
        assert!(rows[0].child("w:trPr").unwrap().child("w:tblHeader").is_some());
        assert!(rows[1].child("w:trPr").is_none());
        assert!(rows[0].child("w:tc").unwrap().child("w:tcPr").is_none(), "empty tcPr dropped");
    }

    #[test]
    fn styles_lose_duplicates_and_paragraph_run_properties() {
        let mut s = el(
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault><w:pPrDefault><w:pPr><w:rPr/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr/><w:pPr><w:rPr/></w:pPr><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="24"/></w:rPr><w:pPr><w:rPr/><w:spacing w:after="1"/></w:pPr><w:qFormat/><w:basedOn w:val="X"/></w:style><w:style w:type="table" w:styleId="T"><w:name w:val="T"/><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="left"/><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr></w:style></w:styles>"#,
        );
        fix_styles(&mut s, "en-GB");
        let styles: Vec<&Element> = s.elements().filter(|e| e.name == "w:style").collect();
        assert_eq!(styles.len(), 2);
        assert_eq!(names(styles[1].child("w:tblPr").unwrap()), ["w:jc", "w:tblBorders"]);
        assert_eq!(styles[0].attr("w:default"), Some("1"));
        assert_eq!(names(styles[0]), ["w:name", "w:basedOn", "w:qFormat", "w:pPr", "w:rPr"]);
        assert_eq!(names(styles[0].child("w:pPr").unwrap()), ["w:spacing"]);
        let defaults = s.child("w:docDefaults").unwrap();
        assert_eq!(defaults.child("w:rPrDefault").unwrap().child("w:rPr").unwrap().child("w:lang").unwrap().attr("w:val"), Some("en-GB"));
        assert!(defaults.child("w:pPrDefault").is_none(), "empty pPr default dropped");
    }

    #[test]
    fn numbering_drops_the_docx_rs_default_and_orders_levels() {
        let mut n = el(
            r#"<w:numbering><w:abstractNum w:abstractNumId="1"/><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:pPr><w:rPr/><w:ind w:left="1"/></w:pPr><w:rPr/><w:lvlJc w:val="left"/></w:lvl><w:multiLevelType w:val="multilevel"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#,
        );
        fix_numbering(&mut n);
        assert_eq!(names(&n), ["w:abstractNum", "w:num"]);
        let a = n.child("w:abstractNum").unwrap();
        assert_eq!(names(a), ["w:multiLevelType", "w:lvl"]);
        assert_eq!(names(a.child("w:lvl").unwrap()), ["w:start", "w:lvlJc", "w:pPr"]);
    }

    #[test]
    fn relationship_ids_do_not_depend_on_process_counters() {
        let run = |first: usize| {
            let mut doc = el(&format!(
                r#"<w:body><w:hyperlink r:id="rIdHyperlink{a}"/><w:hyperlink r:id="rIdHyperlink{b}"/><a:blip r:embed="rIdImage{a}"/><w:hyperlink r:id="rIdHyperlink{a}"/></w:body>"#,
                a = first,
                b = first + 1
            ));
            let mut rels = el(&format!(
                r#"<Relationships><Relationship Id="rId1" Target="styles.xml"/><Relationship Id="rIdImage{a}" Target="media/rIdImage{a}.png"/><Relationship Id="rIdHyperlink{b}" Target="https://b"/><Relationship Id="rIdHyperlink{a}" Target="https://a"/></Relationships>"#,
                a = first,
                b = first + 1
            ));
            let media = vec![(format!("rIdImage{first}"), b"\x89PNG".to_vec())];
            let m = canonical_relationships(&mut doc, &mut rels, &media).unwrap();
            (xml::serialize(&doc), xml::serialize(&rels), m)
        };
        let (d1, r1, m1) = run(1);
        let (d2, r2, m2) = run(9);
        assert_eq!(d1, d2);
        assert_eq!(r1, r2);
        assert_eq!(m1, m2);
        assert_eq!(m1[0].0, "word/media/image1.png");
        let rels = String::from_utf8(r1).unwrap();
        assert!(rels.contains(r#"<Relationship Id="rIdLink1" Target="https://a"/>"#), "{rels}");
    }

    proptest::proptest! {
        /// Any order of known property children comes out in schema order, nothing lost, and a
        /// second pass changes nothing.
        #[test]
        fn reorder_sorts_any_permutation(picks in proptest::collection::vec(0usize..1000, 1..20), parent in 0usize..4) {
            let parent = ["w:pPr", "w:rPr", "w:sectPr", "w:tblPr"][parent];
            let seq = schema::order(parent).unwrap();
            let names: Vec<&str> = picks.iter().map(|i| seq[i % seq.len()].split('|').next().unwrap()).collect();
            let mut e = Element::new(parent);
            for n in &names {
                e.children.push(Node::Element(Element::new(*n).with_attr("w:val", "x")));
            }
            reorder(&mut e);
            let ranks: Vec<usize> = e.elements().map(|c| schema::rank(seq, &c.name).unwrap()).collect();
            proptest::prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{:?}", names);
            let mut before = names.clone();
            before.sort_unstable();
            let mut after: Vec<&str> = e.elements().map(|c| c.name.as_str()).collect();
            after.sort_unstable();
            proptest::prop_assert_eq!(before, after);
            let once = e.clone();
            reorder(&mut e);
            proptest::prop_assert_eq!(once, e);
        }
    }

    #[test]
    fn pictures_get_unique_ids_and_alt_text() {
        let mut doc = el(
            r#"<w:body><wp:docPr id="1" name="Figure"/><pic:cNvPr id="0" name=""/><wp:docPr id="1" name="Figure"/><pic:cNvPr id="0" name=""/></w:body>"#,
        );
        set_picture_alts(&mut doc, &["A chart".into(), "A map".into()]).unwrap();
        let prs: Vec<&Element> = doc.elements().collect();
        assert_eq!(prs[2].attr("id"), Some("2"));
        assert_eq!(prs[2].attr("descr"), Some("A map"));
        assert_eq!(prs[1].attr("descr"), Some("A chart"));
        assert!(set_picture_alts(&mut doc, &["one".into()]).is_err());
    }
}
