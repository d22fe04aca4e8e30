//! The style sheet, defined once: every paragraph, run and table in the body refers to one of
//! these by id, and the brand's typefaces and colours live only here.

use docx_rs::{
    BorderType, LineSpacing, LineSpacingType, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading, ShdType,
    Style, StyleType, Styles, Tab, TabLeaderType, TabValueType, TableBorder, TableBorderPosition, TableBorders, TableCellMargins,
    TableProperty, WidthType,
};

use super::context::{Palette, TEXT_W};
use super::numbering::{self, BULLET_NUM, CHECK_NUM, NUMBER_NUM};
use crate::model::{Brand, CalloutKind};

/// Style ids used by the body. Built-in Word styles keep Word's ids and names so Word, LibreOffice
/// and pandoc recognise them (`Heading1` is "heading 1", `TOC1` is "toc 1" …).
pub mod id {
    pub const NORMAL: &str = "Normal";
    pub const TITLE: &str = "Title";
    pub const SUBTITLE: &str = "Subtitle";
    pub const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
    pub const TOC_HEADING: &str = "TOCHeading";
    pub const TOC: [&str; 3] = ["TOC1", "TOC2", "TOC3"];
    pub const LIST_BULLET: [&str; 3] = ["ListBullet", "ListBullet2", "ListBullet3"];
    pub const LIST_NUMBER: [&str; 3] = ["ListNumber", "ListNumber2", "ListNumber3"];
    pub const CHECKLIST: &str = "Checklist";
    pub const CAPTION: &str = "Caption";
    pub const QUOTE: &str = "Quote";
    pub const ATTRIBUTION: &str = "Attribution";
    pub const DEFINITION_TERM: &str = "DefinitionTerm";
    pub const DEFINITION_TEXT: &str = "DefinitionText";
    pub const TABLE_HEADING: &str = "TableHeading";
    pub const TABLE_TEXT: &str = "TableText";
    pub const AFTER_TABLE: &str = "AfterTable";
    pub const COVER_DETAIL: &str = "CoverDetail";
    pub const AUDIENCE: &str = "WorksheetAudience";
    pub const HEADER: &str = "Header";
    pub const FOOTER: &str = "Footer";
    pub const HYPERLINK: &str = "Hyperlink";
    pub const TABLE: &str = "GuideTable";
    pub const LINES_TABLE: &str = "WritingLines";
    pub const FIGURE: &str = "Figure";

    pub fn callout(kind: crate::model::CalloutKind) -> &'static str {
        match kind {
            crate::model::CalloutKind::Info => "CalloutNote",
            crate::model::CalloutKind::Important => "CalloutImportant",
            crate::model::CalloutKind::Emergency => "CalloutEmergency",
        }
    }
}

/// Body text size in half-points (12 pt).
pub const BODY_SIZE: usize = 24;

/// Border and fill of a callout kind. Text stays in the foreground colour, so contrast never
/// depends on the fill; the printed label ("Emergency:") carries the meaning.
pub fn callout_colours(kind: CalloutKind, p: &Palette) -> (String, String) {
    match kind {
        CalloutKind::Emergency => ("B3261E".into(), "FCEBEA".into()),
        CalloutKind::Important => ("8A5300".into(), "FFF4DE".into()),
        CalloutKind::Info => (p.primary.clone(), p.secondary.clone()),
    }
}

fn fonts(face: &str) -> RunFonts {
    RunFonts::new().ascii(face).hi_ansi(face).cs(face).east_asia(face)
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn para(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph).name(name).based_on(id::NORMAL)
}

fn box_borders(colour: &str, size: usize) -> ParagraphBorders {
    let side = |pos| ParagraphBorder::new(pos).val(BorderType::Single).size(size).space(6).color(colour);
    ParagraphBorders::with_empty()
        .set(side(ParagraphBorderPosition::Top))
        .set(side(ParagraphBorderPosition::Left))
        .set(side(ParagraphBorderPosition::Bottom))
        .set(side(ParagraphBorderPosition::Right))
}

fn table_borders(colour: &str, sides: &[TableBorderPosition]) -> TableBorders {
    sides.iter().fold(TableBorders::with_empty(), |b, pos| {
        b.set(TableBorder::new(pos.clone()).border_type(BorderType::Single).size(4).color(colour))
    })
}

/// The document's whole style sheet for `brand`.
pub fn sheet(brand: &Brand, p: &Palette) -> Styles {
    let base = brand.font_base.as_str();
    let heads = brand.font_headings.as_str();
    let mut styles = Vec::new();

    let mut normal = Style::new(id::NORMAL, StyleType::Paragraph)
        .name("Normal")
        .fonts(fonts(base))
        .size(BODY_SIZE)
        .color(&p.foreground)
        .line_spacing(spacing(0, 160).line(276).line_rule(LineSpacingType::Auto));
    normal.paragraph_property = normal.paragraph_property.widow_control(true);
    styles.push(normal);

    let mut title = para(id::TITLE, "Title").fonts(fonts(heads)).size(56).bold().color(&p.primary).line_spacing(spacing(1200, 240));
    title.paragraph_property = title.paragraph_property.keep_next(true);
    styles.push(title.next(id::SUBTITLE));
    styles.push(para(id::SUBTITLE, "Subtitle").fonts(fonts(heads)).size(32).line_spacing(spacing(0, 480)).next(id::NORMAL));

    let heading_sizes = [40, 32, 26];
    for (l, sid) in id::HEADINGS.iter().enumerate() {
        let colour = if l < 2 { &p.primary } else { &p.foreground };
        let (before, after) = [(0, 240), (360, 120), (240, 80)][l];
        let mut h = para(sid, &format!("heading {}", l + 1))
            .next(id::NORMAL)
            .fonts(fonts(heads))
            .size(heading_sizes[l])
            .bold()
            .color(colour)
            .outline_lvl(l)
            .line_spacing(spacing(before, after));
        // Each main section starts a page, as in the PDF edition.
        h.paragraph_property = h.paragraph_property.keep_next(true).keep_lines(true).page_break_before(l == 0);
        styles.push(h);
    }
    // "Contents" looks like a level-1 heading but is body text, so it is not listed in itself.
    styles.push(
        Style::new(id::TOC_HEADING, StyleType::Paragraph).name("TOC Heading").based_on(id::HEADINGS[0]).next(id::NORMAL).outline_lvl(9),
    );
    for (l, sid) in id::TOC.iter().enumerate() {
        let mut t = para(sid, &format!("toc {}", l + 1)).next(id::NORMAL).line_spacing(spacing(if l == 0 { 120 } else { 0 }, 60));
        t = t.indent(Some(425 * l as i32), None, Some(567), None);
        t.paragraph_property =
            t.paragraph_property.add_tab(Tab::new().val(TabValueType::Right).leader(TabLeaderType::Dot).pos(TEXT_W as usize));
        if l == 0 {
            t = t.bold();
        }
        styles.push(t);
    }

    // List styles carry the numbering, so Word's list buttons and the style gallery agree.
    for (ids, num) in [(id::LIST_BULLET, BULLET_NUM), (id::LIST_NUMBER, NUMBER_NUM)] {
        for (l, sid) in ids.iter().enumerate() {
            let name = if l == 0 { word_name(sid) } else { format!("{} {}", word_name(ids[0]), l + 1) };
            let mut s = para(sid, &name).line_spacing(spacing(0, 80));
            s.paragraph_property = s.paragraph_property.numbering(numbering::num_id(num), numbering::level(l));
            styles.push(s);
        }
    }
    let mut check = para(id::CHECKLIST, "Checklist").line_spacing(spacing(0, 120));
    check.paragraph_property = check.paragraph_property.numbering(numbering::num_id(CHECK_NUM), numbering::level(0));
    styles.push(check);

    let mut caption = para(id::CAPTION, "caption").size(22).bold().line_spacing(spacing(240, 80));
    caption.paragraph_property = caption.paragraph_property.keep_next(true);
    styles.push(caption.next(id::NORMAL));
    let mut figure = para(id::FIGURE, "Figure").line_spacing(spacing(240, 0));
    figure.paragraph_property = figure.paragraph_property.keep_next(true);
    styles.push(figure);

    let mut quote = para(id::QUOTE, "Quote").italic().indent(Some(567), None, Some(567), None).line_spacing(spacing(120, 120));
    quote.paragraph_property = quote.paragraph_property.set_borders(
        ParagraphBorders::with_empty()
            .set(ParagraphBorder::new(ParagraphBorderPosition::Left).val(BorderType::Single).size(18).space(8).color(&p.primary)),
    );
    styles.push(quote);
    styles.push(para(id::ATTRIBUTION, "Attribution").size(22).indent(Some(567), None, None, None).line_spacing(spacing(0, 200)));

    for kind in [CalloutKind::Info, CalloutKind::Important, CalloutKind::Emergency] {
        let (border, fill) = callout_colours(kind, p);
        let mut s = para(id::callout(kind), &format!("Callout {}", kind.label()))
            .indent(Some(142), None, Some(142), None)
            .line_spacing(spacing(0, 80));
        s.paragraph_property = s
            .paragraph_property
            .keep_lines(true)
            .set_borders(box_borders(&border, 12))
            .shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(fill));
        styles.push(s);
    }

    let mut term = para(id::DEFINITION_TERM, "Definition Term").bold().line_spacing(spacing(120, 40));
    term.paragraph_property = term.paragraph_property.keep_next(true);
    styles.push(term);
    styles.push(para(id::DEFINITION_TEXT, "Definition Text").indent(Some(567), None, None, None));

    let mut th =
        para(id::TABLE_HEADING, "Table Heading").size(22).bold().line_spacing(spacing(0, 0).line(252).line_rule(LineSpacingType::Auto));
    th.paragraph_property = th.paragraph_property.keep_next(true);
    styles.push(th);
    styles.push(para(id::TABLE_TEXT, "Table Text").size(22).line_spacing(spacing(0, 60).line(252).line_rule(LineSpacingType::Auto)));
    styles.push(para(id::AFTER_TABLE, "After Table").size(12).line_spacing(spacing(0, 0).line(200).line_rule(LineSpacingType::Exact)));
    styles.push(para(id::COVER_DETAIL, "Cover Detail").line_spacing(spacing(0, 80)));
    styles.push(para(id::AUDIENCE, "Worksheet Audience").italic().line_spacing(spacing(0, 160)));

    for (sid, name) in [(id::HEADER, "header"), (id::FOOTER, "footer")] {
        let mut s = para(sid, name).size(18).color("595959").line_spacing(spacing(0, 0));
        s.paragraph_property = s
            .paragraph_property
            .add_tab(Tab::new().val(TabValueType::Center).pos((TEXT_W / 2) as usize))
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_W as usize));
        styles.push(s.q_format(false));
    }

    styles.push(Style::new(id::HYPERLINK, StyleType::Character).name("Hyperlink").color(&p.primary).underline("single").q_format(false));

    let margins = TableCellMargins::new()
        .margin_top(57, WidthType::Dxa)
        .margin_bottom(57, WidthType::Dxa)
        .margin_left(108, WidthType::Dxa)
        .margin_right(108, WidthType::Dxa);
    use TableBorderPosition::*;
    let all = [Top, Left, Bottom, Right, InsideH, InsideV];
    styles.push(
        Style::new(id::TABLE, StyleType::Table)
            .name("Guide Table")
            .q_format(false)
            .table_property(TableProperty::new().set_borders(table_borders(&p.rule, &all)).set_margins(margins.clone())),
    );
    styles.push(
        Style::new(id::LINES_TABLE, StyleType::Table)
            .name("Writing Lines")
            .q_format(false)
            .table_property(TableProperty::new().set_borders(table_borders(&p.rule, &[Bottom, InsideH])).set_margins(margins)),
    );

    styles.into_iter().fold(Styles::new().default_fonts(fonts(base)).default_size(BODY_SIZE), Styles::add_style)
}

/// "ListBullet" → "List Bullet".
fn word_name(style_id: &str) -> String {
    let mut out = String::new();
    for c in style_id.chars() {
        if c.is_ascii_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Paragraph style for a list of `kind` at depth `level` (0-based).
pub fn list_style(kind: numbering::ListKind, level: usize) -> &'static str {
    let l = level.min(2);
    match kind {
        numbering::ListKind::Bullet => id::LIST_BULLET[l],
        numbering::ListKind::Number => id::LIST_NUMBER[l],
        numbering::ListKind::Check => id::CHECKLIST,
    }
}

#[cfg(test)]
mod tests {
    use super::word_name;

    #[test]
    fn word_names() {
        assert_eq!(word_name("ListBullet"), "List Bullet");
        assert_eq!(word_name("ListNumber"), "List Number");
    }
}
