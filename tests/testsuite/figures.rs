//! The flowchart figures, read back from the files a build writes: the exported SVG of the
//! bundled pathway and of a pathway with a loop keep every drawing rule (checked on the
//! rectangles and paths in the file, not on the layout's own numbers), every arrow of the
//! source is drawn, and the PNG has the steps' words drawn in the brand's font.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::common::*;
use guidepress::render::flowchart::check::{crossings, problems, Drawn};
use guidepress::render::flowchart::Rect;

fn build(source: &Path, out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(["build", "-q", "--only", "figures", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(source)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn attr(tag: &str, name: &str) -> String {
    tag.split(&format!(" {name}=\"")).nth(1).and_then(|r| r.split('"').next()).unwrap_or_default().to_string()
}

fn num(tag: &str, name: &str) -> f64 {
    attr(tag, name).parse().unwrap_or_else(|_| panic!("no number {name} in {tag}"))
}

fn rect(tag: &str) -> Rect {
    Rect { x: num(tag, "x"), y: num(tag, "y"), w: num(tag, "width"), h: num(tag, "height") }
}

/// Boxes by step id, arrows and label grounds, read from the SVG text.
struct Read {
    ids: Vec<String>,
    boxes: Vec<Rect>,
    arrows: Vec<Drawn>,
    labels: Vec<Rect>,
}

fn read_svg(svg: &str) -> Read {
    let mut ids = Vec::new();
    let mut boxes = Vec::new();
    for g in svg.split("<g class=\"step").skip(1) {
        ids.push(attr(g, "id").trim_start_matches("step-").to_string());
        boxes.push(rect(&g[g.find("<rect").unwrap()..]));
    }
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let mut arrows = Vec::new();
    for p in svg.split("<path class=\"edge").skip(1) {
        let tag = &p[..p.find("/>").unwrap()];
        let points = attr(tag, "d")
            .split(['M', 'L'])
            .filter(|s| !s.is_empty())
            .map(|xy| {
                let mut it = xy.split(' ').map(|n| n.parse::<f64>().unwrap());
                (it.next().unwrap(), it.next().unwrap())
            })
            .collect();
        arrows.push(Drawn { from: index[attr(tag, "data-from").as_str()], to: index[attr(tag, "data-to").as_str()], points });
    }
    let labels = svg.split("<rect class=\"edge-label-box\"").skip(1).map(rect).collect();
    Read { ids, boxes, arrows, labels }
}

fn check_figure(dir: &Path, id: &str, edges: usize) -> Read {
    let svg = std::fs::read_to_string(dir.join(format!("{id}.svg"))).unwrap();
    assert!(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="), "no title and desc");
    let r = read_svg(&svg);
    assert_eq!(r.arrows.len(), edges, "not every arrow of the source is drawn");
    let found = problems(&r.boxes, &r.arrows, &r.labels);
    assert!(found.is_empty(), "{id}: {found:?}");
    eprintln!("{id}: {} steps, {} arrows, {} crossings", r.boxes.len(), r.arrows.len(), crossings(&r.arrows));
    r
}

#[test]
fn the_bundled_pathway_figure_keeps_every_rule_and_its_png_has_the_words() {
    let out = tempfile::tempdir().unwrap();
    build(&repo().join("source"), out.path());
    let checked = guidepress::check(&guidepress::CheckRequest::new(repo().join("source")).on(today())).unwrap();
    let g = checked.guidance.unwrap();
    let p = g.pathways()[0].clone();
    let dir = out.path().join("lscp/figures");
    let r = check_figure(&dir, &p.id, p.steps.iter().map(|s| s.next.len()).sum());
    assert_eq!(r.ids, p.steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>());

    // The PNG at 300 dpi (at most 4000 px a side) with the first step's words drawn: dark
    // pixels inside its box, away from the border.
    let png = image::open(dir.join(format!("{}.png", p.id))).unwrap().to_luma8();
    let width_pt: f64 = std::fs::read_to_string(dir.join(format!("{}.svg", p.id)))
        .unwrap()
        .split("viewBox=\"0 0 ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let scale = png.width() as f64 / width_pt;
    assert!(scale >= 3.4, "under 250 dpi: {scale} px per pt");
    let b = r.boxes[0];
    let (x0, x1) = (((b.x + 4.0) * scale) as u32, ((b.right() - 4.0) * scale) as u32);
    let (y0, y1) = (((b.y + 4.0) * scale) as u32, ((b.bottom() - 4.0) * scale) as u32);
    let dark = (x0..x1).flat_map(|x| (y0..y1).map(move |y| (x, y))).filter(|&(x, y)| png.get_pixel(x, y).0[0] < 100).count();
    let area = ((x1 - x0) * (y1 - y0)) as usize;
    assert!(dark * 100 > area * 3, "the first step's box has no words drawn ({dark} dark pixels of {area})");
}

#[test]
fn a_pathway_with_a_loop_draws_the_loop_up_the_side() {
    let src = minimal();
    // "Plan" goes back to "Life at risk?": a loop.
    edit(src.path(), "guidance.yaml", "              kind: end\n              text: Plan", "              kind: action\n              text: Plan\n              next:\n                - to: check\n                  label: Check again");
    let out = tempfile::tempdir().unwrap();
    build(src.path(), out.path());
    let r = check_figure(&out.path().join("test/figures"), "pathway", 4);
    let svg = std::fs::read_to_string(out.path().join("test/figures/pathway.svg")).unwrap();
    assert_eq!(svg.matches("class=\"edge edge-back\"").count(), 1, "the loop is drawn, as a link back up");
    let right = r.boxes.iter().map(|b| b.right()).fold(0.0, f64::max);
    let back = r.arrows.iter().find(|a| r.ids[a.from] == "done").unwrap();
    assert!(back.points.iter().any(|p| p.0 > right), "the loop runs to the right of every box");
    assert!(svg.contains(">Check again</text>"));
}

#[test]
fn every_edition_shows_the_same_drawing_and_appendix_a_fits_one_page() {
    let checked = guidepress::check(&guidepress::CheckRequest::new(repo().join("source")).on(today())).unwrap();
    let g = checked.guidance.unwrap();
    let brand = g.brand(&g.document.default_brand).unwrap().clone();
    let project = guidepress::render::pdf::PdfResources::open(&repo()).unwrap();
    let pdf = guidepress::render::pdf::guidance(&g, &brand, &guidepress::render::pdf::PdfOptions { timestamp: 0, resources: &project })
        .unwrap_or_else(|e| panic!("{e}"));
    // The PDF compiles the drawing's SVG files: the same ones the HTML edition inlines.
    let pieces: Vec<&(String, Vec<u8>)> = pdf.sources.iter().filter(|(p, _)| p.starts_with("assets/pathway/")).collect();
    assert!(pieces.iter().any(|(p, _)| p == "assets/pathway/summary-pathway-1.svg"));
    assert!(pieces.iter().any(|(p, _)| p == "assets/pathway/response-pathway-2.svg"), "the tall pathway is not cut across pages");
    for (p, svg) in &pieces {
        let svg = String::from_utf8_lossy(svg);
        assert!(svg.contains("<g class=\"step"), "{p} draws no steps");
    }
    // Appendix A on one page: the next appendix starts on the page after it.
    let pages: Vec<&str> = pdf.text.split('\u{c}').collect();
    let page_of = |needle: &str| pages.iter().position(|p| p.contains(needle)).unwrap_or_else(|| panic!("no page has {needle:?}"));
    let a = page_of("Response flowchart summary\n");
    assert_eq!(page_of("A quick reminder for anyone who works with young people"), a + 1, "Appendix A runs over one page");
    assert!(pages[a].contains("Text version of the pathway"));

    // The Word edition has the drawing as pictures with the pathway's alt text, before its table.
    let docx = guidepress::render::docx::render(&g, &brand, &guidepress::render::docx::DocxOptions { timestamp: 0, ..Default::default() });
    assert!(docx.is_ok());
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(["build", "-q", "--only", "docx", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(repo().join("source"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out.path().join("lscp/self-harm-practice-guidance.docx")).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    // (Each picture carries its description twice: on the drawing and on the picture.)
    assert_eq!(xml.matches("descr=\"Flowchart: Responding to self-harm.").count(), 4, "the tall pathway in two pictures");
    assert!(xml.contains("The full text version follows the chart. Part 2 of 2.\""));
    assert_eq!(xml.matches("descr=\"Flowchart: What to do, on one page.").count(), 2);
    let picture = xml.find("descr=\"Flowchart: Responding to self-harm.").unwrap();
    assert!(picture < xml.find("Responding to self-harm (step by step)").unwrap(), "the drawing comes before the step table");
}

#[test]
fn a_flowchart_too_wide_for_readable_print_is_a_located_warning() {
    let src = minimal();
    // Five answers side by side: too wide for an A4 column at 9 pt or more.
    edit(
        src.path(),
        "guidance.yaml",
        "                - to: done\n                  label: \"No\"",
        "                - to: done\n                  label: \"No\"\n                - to: a3\n                - to: a4\n                - to: a5\n            - id: a3\n              kind: action\n              text: Third answer\n            - id: a4\n              kind: action\n              text: Fourth answer\n            - id: a5\n              kind: action\n              text: Fifth answer",
    );
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_guidepress"))
        .args(["build", "--only", "pdf", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(src.path())
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("the flowchart is") && err.contains("pt on A4"), "{err}");
    assert!(err.contains("guidance.yaml:"), "the warning does not say where the pathway is:\n{err}");
}
