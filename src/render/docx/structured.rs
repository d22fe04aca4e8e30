//! Blocks that become data tables: contacts, levels of need, and the pathway as a numbered
//! step table (Word has no flowchart, and a table reads in order for everyone).

use docx_rs::{Paragraph, Shading, ShdType};

use super::context::Ctx;
use super::inline::{self, Fmt};
use super::paragraphs::{self, Out};
use super::styles::{self, id};
use super::tables;
use crate::model::{CalloutKind, Contact, Level, LinkTarget, Pathway, StepKind};

pub fn contacts(cx: &mut Ctx, ids: &[String], out: &mut Vec<Out>) {
    let found: Vec<Contact> = ids.iter().filter_map(|i| cx.contacts.iter().find(|c| &c.id == i).cloned()).collect();
    if found.is_empty() {
        return;
    }
    let cols = tables::grid(&[3.0, 3.2, 2.3], 3);
    let header = ["Service", "How to contact", "When and who for"].map(String::from);
    let mut rows = vec![tables::header_row(cx, &header, &cols)];
    for c in &found {
        let mut who = vec![Paragraph::new().style(id::TABLE_TEXT).add_run(inline::run(&c.name, Fmt::BOLD))];
        if let Some(d) = &c.description {
            who.push(inline::para(cx, id::TABLE_TEXT, d));
        }
        let reach = how_to_contact(cx, c);
        let when: Vec<Paragraph> =
            [c.hours.as_deref(), c.audience.as_deref()].into_iter().flatten().map(|s| inline::plain(id::TABLE_TEXT, s)).collect();
        rows.push(tables::row(vec![tables::cell(who, cols[0]), tables::cell(reach, cols[1]), tables::cell(when, cols[2])]));
    }
    tables::push(out, rows, &cols, id::TABLE);
}

fn how_to_contact(cx: &mut Ctx, c: &Contact) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut line = |label: &str, shown: &str, url: Option<String>| {
        let p = Paragraph::new().style(id::TABLE_TEXT).add_run(inline::run(&format!("{label}: "), Fmt::BOLD));
        let shown_text = crate::render::nobreak::keep_numbers_together(shown);
        let p = match url.and_then(|u| inline::link(cx, &LinkTarget::Url(u))) {
            Some(h) => p.add_hyperlink(h.add_run(inline::run(&shown_text, Fmt::default()).style(id::HYPERLINK))),
            None => p.add_run(inline::run(&shown_text, Fmt::default())),
        };
        // A draft may still hold placeholder details; say so beside each.
        let p = if crate::util::placeholders::find(shown).is_empty() { p } else { p.add_run(inline::placeholder_tag()) };
        out.push(p);
    };
    if let Some(phone) = &c.phone {
        let digits: String = phone.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect();
        line("Phone", phone, (!digits.is_empty()).then(|| format!("tel:{digits}")));
    }
    if let Some(t) = &c.text {
        line("Text", t, None);
    }
    if let Some(e) = &c.email {
        line("Email", e, Some(format!("mailto:{e}")));
    }
    if let Some(w) = &c.website {
        let shown = w.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/');
        line("Website", shown, Some(w.clone()));
    }
    out
}

pub fn levels_of_need(cx: &mut Ctx, levels: &[Level], out: &mut Vec<Out>) {
    let has_response = levels.iter().any(|l| l.response.is_some());
    let has_examples = levels.iter().any(|l| !l.examples.is_empty());
    let mut header = vec!["Level".to_string(), "What it means".to_string()];
    let mut widths = vec![1.6, 3.0];
    if has_response {
        header.push("What to do".into());
        widths.push(3.0);
    }
    if has_examples {
        header.push("Examples".into());
        widths.push(2.6);
    }
    let cols = tables::grid(&widths, header.len());
    let mut rows = vec![tables::header_row(cx, &header, &cols)];
    for l in levels {
        let mut cells = vec![
            tables::cell(
                vec![Paragraph::new()
                    .style(id::TABLE_TEXT)
                    .add_run(inline::run(&format!("Level {}", l.level), Fmt::BOLD))
                    .add_run(inline::run(&format!("\n{}", l.name), Fmt::default()))],
                cols[0],
            ),
            tables::cell(vec![inline::para(cx, id::TABLE_TEXT, &l.summary)], cols[1]),
        ];
        let mut next = 2;
        if has_response {
            let ps = l.response.as_ref().map(|r| vec![inline::para(cx, id::TABLE_TEXT, r)]).unwrap_or_default();
            cells.push(tables::cell(ps, cols[next]));
            next += 1;
        }
        if has_examples {
            cells.push(tables::cell(paragraphs::cell_bullets(cx, &l.examples), cols[next]));
        }
        rows.push(tables::row(cells));
    }
    tables::push(out, rows, &cols, id::TABLE);
}

pub fn kind_label(k: StepKind) -> &'static str {
    match k {
        StepKind::Start => "Start",
        StepKind::Action => "Action",
        StepKind::Decision => "Decision",
        StepKind::Emergency => "Emergency",
        StepKind::End => "End",
    }
}

pub fn pathway(cx: &mut Ctx, p: &Pathway, out: &mut Vec<Out>) {
    // The flowchart first (the same drawing as the other editions), then the steps as a table.
    let pieces = cx.charts.and_then(|c| c.get(&p.id)).cloned().unwrap_or_default();
    let alt = crate::render::pathway_layout::alt_text(p);
    let count = pieces.len();
    for (i, piece) in pieces.into_iter().enumerate() {
        let alt = if count > 1 { format!("{alt} Part {} of {count}.", i + 1) } else { alt.clone() };
        if let Some(para) = super::figure::picture_at(cx, piece.png, &alt, piece.width_pt, piece.height_pt) {
            out.push(Out::p(para.style(id::FIGURE)));
        }
    }
    let name = cx.bookmark_name(&p.id);
    let bid = cx.bookmark_id();
    out.push(Out::p(
        Paragraph::new()
            .style(id::CAPTION)
            .add_bookmark_start(bid, name)
            .add_run(inline::run(&format!("{} (step by step)", p.title), Fmt::default()))
            .add_bookmark_end(bid),
    ));
    let cols = tables::grid(&[1.4, 4.6, 3.0], 3);
    let header = ["Step", "What happens", "Next step"].map(String::from);
    let mut rows = vec![tables::header_row(cx, &header, &cols)];
    let number = |sid: &str| p.steps.iter().position(|s| s.id == sid).map(|i| i + 1);
    for (i, step) in p.steps.iter().enumerate() {
        let key = format!("{}/{}", p.id, step.id);
        let name = cx.bookmark_name(&key);
        let bid = cx.bookmark_id();
        let label = Paragraph::new()
            .style(id::TABLE_TEXT)
            .add_bookmark_start(bid, name)
            .add_run(inline::run(&format!("Step {}", i + 1), Fmt::BOLD))
            .add_bookmark_end(bid)
            .add_run(inline::run(&format!("\n{}", kind_label(step.kind)), Fmt::default()));
        let what = inline::para(cx, id::TABLE_TEXT, &step.text);
        let mut next = Vec::new();
        for e in &step.next {
            let Some(n) = number(&e.to) else { continue };
            let target = cx.bookmark_name(&format!("{}/{}", p.id, e.to));
            let mut para = Paragraph::new().style(id::TABLE_TEXT);
            para = match &e.label {
                Some(l) => para.add_run(inline::run(&format!("{l}: "), Fmt::BOLD)).add_run(inline::run("go to ", Fmt::default())),
                None => para.add_run(inline::run("Go to ", Fmt::default())),
            };
            next.push(para.add_hyperlink(inline::anchor_link(&target, &format!("step {n}"))));
        }
        if next.is_empty() {
            next.push(inline::plain(id::TABLE_TEXT, "End of the pathway"));
        }
        let mut cells = vec![tables::cell(vec![label], cols[0]), tables::cell(vec![what], cols[1]), tables::cell(next, cols[2])];
        if step.kind == StepKind::Emergency {
            let (_, fill) = styles::callout_colours(CalloutKind::Emergency, &cx.palette);
            cells = cells.into_iter().map(|c| c.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(&fill))).collect();
        }
        rows.push(tables::row(cells));
    }
    tables::push(out, rows, &cols, id::TABLE);
}
