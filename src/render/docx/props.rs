//! Parts written whole instead of through docx-rs: core and extended properties (docx-rs
//! writes author "unknown", a 1970 date and no title, keywords or language, with no API to
//! set them), the settings (update fields on open; docx-rs puts `w:zoom` out of order), and
//! the font table (docx-rs lists only its own three faces).

use super::xml::{self, Element};
use crate::model::{Brand, Date, Guidance};

/// `2026-11-16T00:00:00Z` from seconds since the epoch.
pub fn w3cdtf(ts: i64) -> String {
    let d = Date::from_days_since_epoch(ts.div_euclid(86_400));
    let s = ts.rem_euclid(86_400);
    format!("{d}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

fn text_el(name: &str, value: &str) -> Element {
    Element::new(name).with_text(value)
}

pub fn core(g: &Guidance, timestamp: i64) -> Vec<u8> {
    let d = &g.document;
    let when = w3cdtf(timestamp);
    let dated = |name: &str| Element::new(name).with_attr("xsi:type", "dcterms:W3CDTF").with_text(when.clone());
    let mut root = Element::new("cp:coreProperties")
        .with_attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .with_attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .with_attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .with_attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .with_attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .with_child(text_el("dc:title", &d.title))
        .with_child(text_el("dc:subject", &d.short_title))
        .with_child(text_el("dc:creator", &d.author))
        .with_child(text_el("cp:keywords", &d.keywords.join(", ")));
    if let Some(s) = &d.subtitle {
        root = root.with_child(text_el("dc:description", s));
    }
    let root = root
        .with_child(text_el("cp:lastModifiedBy", &d.partnership))
        .with_child(text_el("cp:revision", "1"))
        .with_child(dated("dcterms:created"))
        .with_child(dated("dcterms:modified"))
        .with_child(text_el("dc:language", &d.language))
        .with_child(text_el("cp:category", "Safeguarding guidance"))
        .with_child(text_el("cp:contentStatus", d.status.label()))
        .with_child(text_el("cp:version", &d.version));
    xml::serialize(&root)
}

pub fn app(brand: &Brand) -> Vec<u8> {
    let root = Element::new("Properties")
        .with_attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        .with_attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
        .with_child(text_el("Application", "guidepress"))
        .with_child(text_el("DocSecurity", "0"))
        .with_child(text_el("Company", &brand.name));
    xml::serialize(&root)
}

pub fn settings(language: &str) -> Vec<u8> {
    let val = |name: &str, v: &str| Element::new(name).with_attr("w:val", v);
    let compat = Element::new("w:compat").with_child(
        Element::new("w:compatSetting")
            .with_attr("w:name", "compatibilityMode")
            .with_attr("w:uri", "http://schemas.microsoft.com/office/word")
            .with_attr("w:val", "15"),
    );
    let root = Element::new("w:settings")
        .with_attr("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
        .with_child(Element::new("w:zoom").with_attr("w:percent", "100"))
        .with_child(val("w:defaultTabStop", "720"))
        .with_child(val("w:characterSpacingControl", "doNotCompress"))
        // Word refreshes the contents, PAGE/NUMPAGES and PAGEREF fields when the file opens.
        .with_child(val("w:updateFields", "true"))
        .with_child(compat)
        .with_child(val("w:themeFontLang", language))
        .with_child(val("w:decimalSymbol", "."))
        .with_child(val("w:listSeparator", ","));
    xml::serialize(&root)
}

pub fn font_table(brand: &Brand) -> Vec<u8> {
    let mut faces: Vec<&str> = vec![&brand.font_base, &brand.font_headings, "Segoe UI Symbol", "DejaVu Sans"];
    faces.dedup();
    let mut root = Element::new("w:fonts")
        .with_attr("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
        .with_attr("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    for f in faces {
        root = root.with_child(
            Element::new("w:font")
                .with_attr("w:name", f)
                .with_child(Element::new("w:family").with_attr("w:val", "swiss"))
                .with_child(Element::new("w:pitch").with_attr("w:val", "variable")),
        );
    }
    xml::serialize(&root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_w3cdtf() {
        assert_eq!(w3cdtf(1_619_740_800), "2021-04-30T00:00:00Z");
        assert_eq!(w3cdtf(1_619_740_800 + 3_723), "2021-04-30T01:02:03Z");
        assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
    }
}
