//! Front matter and page furniture: the cover, document control and revision history, the
//! contents (a TOC field pre-filled with entries), and the running header and footer.

use docx_rs::{Footer, Header, Paragraph, Run};

use super::context::Ctx;
use super::inline::{self, Fmt};
use super::paragraphs::{self, Out};
use super::styles::id;
use super::tables;
use crate::model::Status;

pub fn cover(cx: &mut Ctx, out: &mut Vec<Out>) {
    if let Some(logo) = &cx.brand.logo {
        let bytes = std::fs::read(cx.g.root.join(&logo.path)).ok();
        if let Some(p) = bytes.and_then(|b| super::figure::picture(cx, b, &logo.alt, 35)) {
            out.push(Out::p(p.style(id::COVER_DETAIL)));
        }
    }
    let d = &cx.g.document;
    out.push(Out::p(inline::plain(id::TITLE, &d.title)));
    if let Some(s) = &d.subtitle {
        out.push(Out::p(inline::plain(id::SUBTITLE, s)));
    }
    let mut details = vec![(String::new(), d.partnership.clone()), (String::new(), d.edition.clone())];
    details.push(("Version: ".into(), format!("{} ({})", d.version, d.status.label().to_lowercase())));
    details.push(("Published: ".into(), d.published.long()));
    details.push(("Review date: ".into(), d.review_date.long()));
    if !d.audience.is_empty() {
        details.push(("For: ".into(), d.audience.join(", ")));
    }
    if cx.brand.name != d.partnership {
        details.push(("Published by: ".into(), cx.brand.name.clone()));
    }
    for (label, value) in details {
        let mut p = Paragraph::new().style(id::COVER_DETAIL);
        if !label.is_empty() {
            p = p.add_run(inline::run(&label, Fmt::BOLD));
        }
        out.push(Out::p(p.add_run(inline::run(&value, Fmt::default()))));
    }
}

pub fn document_control(cx: &mut Ctx, out: &mut Vec<Out>) {
    let g = cx.g;
    let d = &g.document;
    let h = paragraphs::heading(cx, 1, "Document control", "front:document-control");
    out.push(Out::p(h));

    let mut rows: Vec<(&str, String)> = vec![
        ("Title", d.title.clone()),
        ("Version", d.version.clone()),
        ("Status", d.status.label().to_string()),
        ("Edition", d.edition.clone()),
        ("Owner", d.partnership.clone()),
        ("Author", d.author.clone()),
    ];
    if let Some(a) = &d.approved_by {
        rows.push(("Approved by", a.clone()));
    }
    if let Some(a) = d.approved_on {
        rows.push(("Date approved", a.long()));
    }
    rows.push(("Published", d.published.long()));
    rows.push(("Review date", d.review_date.long()));
    if let Some(s) = &d.supersedes {
        rows.push(("Supersedes", s.clone()));
    }
    if !d.audience.is_empty() {
        rows.push(("Intended audience", d.audience.join(", ")));
    }
    let cols = tables::grid(&[1.0, 3.0], 2);
    let mut table = vec![tables::header_row(cx, &["Item".to_string(), "Detail".to_string()], &cols)];
    for (k, v) in rows {
        table.push(tables::row(vec![
            tables::cell(vec![Paragraph::new().style(id::TABLE_TEXT).add_run(inline::run(k, Fmt::BOLD))], cols[0]),
            tables::cell(vec![inline::plain(id::TABLE_TEXT, &v)], cols[1]),
        ]));
    }
    out.push(Out::p(inline::plain(id::CAPTION, "Document details")));
    tables::push(out, table, &cols, id::TABLE);
    out.push(Out::p(inline::para(cx, id::NORMAL, &d.controlled_copy)));

    let h = paragraphs::heading(cx, 2, "Revision history", "front:revision-history");
    out.push(Out::p(h));
    let cols = tables::grid(&[1.2, 1.5, 2.2, 4.3], 4);
    let header = ["Version", "Date", "Author", "Summary of changes"].map(String::from);
    let mut table = vec![tables::header_row(cx, &header, &cols)];
    for r in &g.revisions {
        table.push(tables::row(vec![
            tables::cell(vec![inline::plain(id::TABLE_TEXT, &r.version)], cols[0]),
            tables::cell(vec![inline::plain(id::TABLE_TEXT, &r.date.long())], cols[1]),
            tables::cell(vec![inline::plain(id::TABLE_TEXT, &r.author)], cols[2]),
            tables::cell(vec![inline::para(cx, id::TABLE_TEXT, &r.summary)], cols[3]),
        ]));
    }
    out.push(Out::p(inline::plain(id::CAPTION, "Revision history, oldest first")));
    tables::push(out, table, &cols, id::TABLE);

    if let Some(e) = &d.equality_impact {
        let h = paragraphs::heading(cx, 2, "Equality impact", "front:equality-impact");
        out.push(Out::p(h));
        out.push(Out::p(inline::para(cx, id::NORMAL, e)));
    }
    let h = paragraphs::heading(cx, 2, "Accessibility", "front:accessibility");
    out.push(Out::p(h));
    out.push(Out::p(inline::para(cx, id::NORMAL, &d.accessibility_statement)));
    let contact = Paragraph::new().style(id::NORMAL).add_run(inline::run("Contact: ", Fmt::BOLD));
    out.push(Out::p(inline::append(cx, contact, &d.accessibility_contact, Fmt::default())));
}

/// The TOC instruction: heading levels 1–3, entries as hyperlinks, no page numbers in web view,
/// outline levels honoured.
pub const TOC_INSTR: &str = r#"TOC \o "1-3" \h \z \u"#;

/// "Contents" and a TOC field whose cached result already lists every heading as a link, so
/// the contents are readable before anything updates the field.
pub fn contents(headings: &[(usize, String, String)]) -> Vec<Out> {
    let mut out = vec![Out::p(inline::plain(id::TOC_HEADING, "Contents"))];
    let begin = inline::field(TOC_INSTR, "", true);
    let (open, close) = (&begin[..3], &begin[3..]);
    if headings.is_empty() {
        let mut p = Paragraph::new().style(id::TOC[0]);
        for r in open.iter().chain(close) {
            p = p.add_run(r.clone());
        }
        out.push(Out::p(p));
        return out;
    }
    for (i, (level, text, bookmark)) in headings.iter().enumerate() {
        let mut p = Paragraph::new().style(id::TOC[level.clamp(&1, &3) - 1]);
        if i == 0 {
            for r in open {
                p = p.add_run(r.clone());
            }
        }
        // No page numbers yet: nothing here knows where pages break. Word fills them in when it
        // updates the field on opening (settings: updateFields); LibreOffice on Tools › Update.
        let link = docx_rs::Hyperlink::new(bookmark.as_str(), docx_rs::HyperlinkType::Anchor).add_run(inline::run(text, Fmt::default()));
        out.push(Out::p(p.add_hyperlink(link)));
    }
    let mut end = Paragraph::new().style(id::NORMAL);
    for r in close {
        end = end.add_run(r.clone());
    }
    out.push(Out::p(end));
    out
}

/// Running header: short title, then version (and DRAFT while a draft) at the right margin.
pub fn header(cx: &Ctx) -> Header {
    let d = &cx.g.document;
    let mut right = format!("Version {}", d.version);
    if d.status == Status::Draft {
        right.push_str(" \u{2013} DRAFT");
    }
    Header::new().add_paragraph(
        Paragraph::new()
            .style(id::HEADER)
            .add_run(inline::run(&d.short_title, Fmt::default()))
            .add_run(Run::new().add_tab().add_tab())
            .add_run(inline::run(&right, Fmt::default())),
    )
}

/// Running footer: "Page X of Y" from PAGE and NUMPAGES fields, then the review date.
pub fn footer(cx: &Ctx) -> Footer {
    let d = &cx.g.document;
    let mut p = Paragraph::new().style(id::FOOTER).add_run(inline::run("Page ", Fmt::default()));
    for r in inline::field("PAGE", "1", false) {
        p = p.add_run(r);
    }
    p = p.add_run(inline::run(" of ", Fmt::default()));
    for r in inline::field("NUMPAGES", "1", false) {
        p = p.add_run(r);
    }
    p = p.add_run(Run::new().add_tab().add_tab()).add_run(inline::run(&format!("Review date: {}", d.review_date.long()), Fmt::default()));
    Footer::new().add_paragraph(p)
}

/// Header and footer of the cover page: empty.
pub fn blank_header() -> Header {
    Header::new().add_paragraph(Paragraph::new().style(id::HEADER))
}

pub fn blank_footer() -> Footer {
    Footer::new().add_paragraph(Paragraph::new().style(id::FOOTER))
}
