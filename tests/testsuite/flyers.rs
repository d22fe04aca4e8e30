//! Flyers and worksheets for two brands, read back: paper size, pages, brand-specific text,
//! QR codes decoded with an independent reader (rqrr), alt text in the structure tree.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::common::*;
use guidepress::model::{Guidance, PaperSize};
use guidepress::render::pdf::{self, PdfOptions, PdfOutput as Built, PdfResources as Project};
use lopdf::{Document, Object};

fn example() -> &'static Guidance {
    static G: OnceLock<Guidance> = OnceLock::new();
    G.get_or_init(|| {
        guidepress::check(&guidepress::CheckRequest::new(repo().join("source")).on(today()))
            .unwrap()
            .guidance
            .expect("bundled source is valid")
    })
}

fn project() -> Project {
    Project::open(&repo()).unwrap()
}

fn flyer(brand: &str, id: &str) -> Built {
    let g = example();
    let f = g.flyers.iter().find(|f| f.id == id).unwrap();
    pdf::flyer(g, g.brand(brand).unwrap(), f, &PdfOptions { timestamp: 0, resources: &project() }).unwrap()
}

/// Width and height in points of every page.
fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|id| {
            let page = doc.get_object(*id).unwrap().as_dict().unwrap();
            let mb = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n = |o: &Object| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32)).unwrap();
            (n(&mb[2]) - n(&mb[0]), n(&mb[3]) - n(&mb[1]))
        })
        .collect()
}

/// Every /Alt text in the PDF's structure tree.
fn alt_texts(pdf: &[u8]) -> BTreeSet<String> {
    let doc = Document::load_mem(pdf).unwrap();
    let mut out = BTreeSet::new();
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict() {
            if let Ok(Object::String(bytes, _)) = d.get(b"Alt") {
                let s = if bytes.starts_with(&[0xFE, 0xFF]) {
                    String::from_utf16_lossy(&bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>())
                } else {
                    String::from_utf8_lossy(bytes).into_owned()
                };
                out.insert(s);
            }
        }
    }
    out
}

/// Decodes a QR code SVG as written by the `qrcode` crate (squares drawn as `M x y h.. v.. H.. V..`)
/// by rasterising it and reading it with rqrr.
fn decode_qr_svg(svg: &str) -> String {
    let size: usize = svg.split("width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
    let mut dark = vec![false; size * size];
    for sq in d.split('M').filter(|s| !s.is_empty()) {
        let nums: Vec<usize> = sq.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
        for yy in y..(y + h).min(size) {
            for xx in x..(x + w).min(size) {
                dark[yy * size + xx] = true;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| if dark[y * size + x] { 0 } else { 255 });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

#[test]
fn flyers_have_the_paper_size_the_source_asks_for() {
    let g = example();
    for f in &g.flyers {
        let built = flyer("lscp", &f.id);
        let sizes = page_sizes(&built.bytes);
        assert_eq!(sizes.len(), built.pages);
        assert!((1..=4).contains(&built.pages), "{} has {} pages", f.id, built.pages);
        let (w, h) = match f.size {
            PaperSize::A4 => (595.3, 841.9),
            PaperSize::A5 => (419.5, 595.3),
        };
        for (pw, ph) in sizes {
            assert!((pw - w).abs() < 1.0 && (ph - h).abs() < 1.0, "{}: page is {pw}x{ph}, expected {}", f.id, f.size.name());
        }
    }
}

#[test]
fn worksheets_print_on_a4_with_their_title() {
    let g = example();
    let brand = g.brand("northbrook").unwrap();
    for w in &g.worksheets {
        let built = pdf::worksheet(g, brand, w, &PdfOptions { timestamp: 0, resources: &project() }).unwrap();
        assert!((1..=4).contains(&built.pages), "{}: {} pages", w.id, built.pages);
        for (pw, ph) in page_sizes(&built.bytes) {
            assert!((pw - 595.3).abs() < 1.0 && (ph - 841.9).abs() < 1.0);
        }
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert!(squash(&built.text).contains(&squash(&w.title)), "{} title missing", w.id);
        assert!(alt_texts(&built.bytes).iter().any(|a| a.contains("Northbrook")), "logo alt text");
    }
}

#[test]
fn each_brand_shows_its_own_name_and_local_contacts_only() {
    let g = example();
    let (lscp, north) = (g.brand("lscp").unwrap(), g.brand("northbrook").unwrap());
    let a = flyer("lscp", "practitioner-support-services").text.replace('\u{a0}', " ");
    let b = flyer("northbrook", "practitioner-support-services").text.replace('\u{a0}', " ");
    assert!(a.contains(&lscp.name) && !a.contains(&north.name));
    assert!(b.contains(&north.name) && !b.contains(&lscp.name));
    assert!(north.contacts.len() >= 2 && lscp.contacts.len() >= 2);
    let flyer_ids = &g.flyers.iter().find(|f| f.id == "practitioner-support-services").unwrap().contacts;
    let mut shown = 0;
    for c in &north.contacts {
        if let Some(phone) = &c.phone {
            let on_flyer = flyer_ids.contains(&c.id) || !g.contacts.iter().any(|n| n.id == c.id);
            if on_flyer {
                shown += 1;
                assert!(b.contains(phone.as_str()), "Northbrook's {} ({phone}) missing", c.id);
                assert!(!a.contains(phone.as_str()), "Northbrook's {} ({phone}) on the LSCP flyer", c.id);
            }
        }
    }
    assert!(shown >= 2, "at least two Northbrook local contacts on its flyer");
}

#[test]
fn qr_codes_decode_to_the_printed_address_and_have_alt_text() {
    let g = example();
    let brand = g.brand("lscp").unwrap();
    let built = flyer("lscp", "where-to-get-help");
    let alts = alt_texts(&built.bytes);
    let f = g.flyers.iter().find(|f| f.id == "where-to-get-help").unwrap();
    let contacts = brand.merge_contacts(&g.contacts);
    let mut checked = 0;
    for id in &f.contacts {
        let c = contacts.iter().find(|c| &c.id == id).unwrap();
        let Some(url) = &c.website else { continue };
        let svg = built
            .sources
            .iter()
            .find(|(p, _)| p.trim_start_matches('/') == format!("assets/qr/{id}.svg"))
            .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
            .unwrap();
        assert_eq!(&decode_qr_svg(&svg), url, "QR code of {id}");
        assert!(alts.contains(&format!("QR code linking to {url}")), "alt text for {url}: {alts:?}");
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} QR codes checked");
}

#[test]
fn outputs_of_two_brands_go_to_separate_folders() {
    let g = example();
    let brands: Vec<_> = g.brands.iter().collect();
    let jobs = guidepress::build::plan(g, &brands, &[guidepress::Kind::Flyers, guidepress::Kind::Worksheets]);
    let paths: BTreeSet<String> = jobs.iter().map(|j| j.path(g).display().to_string()).collect();
    assert_eq!(paths.len(), jobs.len(), "no two artefacts share a path");
    assert!(paths.contains("lscp/flyers/where-to-get-help.pdf"));
    assert!(paths.contains("northbrook/worksheets/my-safety-plan.pdf"));
    assert_eq!(jobs.len(), 2 * (g.flyers.len() + g.worksheets.len()));
}
