//! Print rules read back from the laid-out pages: a draft says so on every page of every
//! artefact, in the text layer (where pdftotext and screen readers meet it), and phone numbers
//! are never broken across lines.

use std::sync::OnceLock;

use crate::common::*;
use guidepress::model::Guidance;
use guidepress::render::pdf::{self, PdfOptions, PdfOutput, PdfResources};

fn resources() -> PdfResources {
    PdfResources::open(&repo()).unwrap()
}

fn options(r: &PdfResources) -> PdfOptions<'_> {
    PdfOptions { timestamp: 0, resources: r }
}

/// Every PDF artefact of `g` for its first brand, by name.
fn every_pdf(g: &Guidance) -> Vec<(String, PdfOutput)> {
    let r = resources();
    let brand = &g.brands[0];
    let mut out = vec![("guidance".to_string(), pdf::guidance(g, brand, &options(&r)).unwrap())];
    for f in &g.flyers {
        out.push((format!("flyer {}", f.id), pdf::flyer(g, brand, f, &options(&r)).unwrap()));
    }
    for w in &g.worksheets {
        out.push((format!("worksheet {}", w.id), pdf::worksheet(g, brand, w, &options(&r)).unwrap()));
    }
    out
}

#[test]
fn a_draft_says_draft_on_every_page_of_every_artefact_in_the_text() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "status: approved", "status: draft");
    let g = check(dir.path()).1.guidance.expect("a draft is valid");
    for (name, built) in every_pdf(&g) {
        let pages: Vec<&str> = built.text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
        assert_eq!(pages.len(), built.pages, "{name}");
        for (i, page) in pages.iter().enumerate() {
            // The cover of the guidance carries the status in its own grid; every other page
            // has the mark in its running header or footer.
            assert!(page.contains("DRAFT") || page.contains("Draft"), "{name}, page {}: no draft mark in the text", i + 1);
        }
    }
    // An approved source carries no mark.
    let fixture = minimal();
    let approved = check(fixture.path()).1.guidance.unwrap();
    for (name, built) in every_pdf(&approved) {
        assert!(!built.text.contains("DRAFT"), "{name} of an approved source says DRAFT");
    }
}

fn example() -> &'static Guidance {
    static G: OnceLock<Guidance> = OnceLock::new();
    G.get_or_init(|| check(&repo().join("source")).1.guidance.expect("bundled source is valid"))
}

#[test]
fn phone_numbers_are_never_broken_across_lines_on_flyers() {
    let g = example();
    let r = resources();
    let mut seen = 0;
    for brand in &g.brands {
        let contacts = brand.merge_contacts(&g.contacts);
        for f in &g.flyers {
            let built = pdf::flyer(g, brand, f, &options(&r)).unwrap();
            // One laid-out text run per line: a number split over two lines is in two runs.
            let lines: Vec<String> =
                built.text.lines().map(|l| l.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ")).collect();
            // The text of the whole flyer with every run of spaces and line ends as one space.
            let joined = built.text.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ");
            for c in &contacts {
                let Some(phone) = c.phone.as_deref() else { continue };
                let everywhere = joined.matches(phone).count();
                let unbroken: usize = lines.iter().map(|l| l.matches(phone).count()).sum();
                seen += everywhere;
                assert_eq!(unbroken, everywhere, "{phone} on flyer {} ({}) is split across lines", f.id, brand.id);
            }
        }
    }
    assert!(seen >= 10, "only {seen} phone numbers were found on the flyers");
}

#[test]
fn crisis_help_comes_first_with_each_brands_own_line_and_is_in_every_footer() {
    let g = example();
    let r = resources();
    for brand in &g.brands {
        let built = pdf::guidance(g, brand, &options(&r)).unwrap();
        let pages: Vec<String> = built.text.split('\u{c}').map(|p| p.replace('\u{a0}', " ")).collect();
        let panel = &pages[1];
        assert!(panel.contains("If a young person is in danger now"), "{}: page 2 is not the crisis panel", brand.id);
        for needle in ["999", "116 123", "0800 1111", "85258"] {
            assert!(panel.contains(needle), "{}: {needle} is not on page 2", brand.id);
        }
        let local = brand.contacts.iter().find(|c| c.id == "local-mental-health-crisis").and_then(|c| c.phone.clone()).unwrap();
        assert!(panel.contains(&local), "{}: its own crisis line {local} is not on page 2", brand.id);
        let line = g.document.crisis_line.as_deref().unwrap();
        for (i, page) in pages.iter().enumerate().skip(1).filter(|(_, p)| !p.trim().is_empty()) {
            assert!(page.contains(line), "{}: page {} has no crisis line in its footer", brand.id, i + 1);
        }
    }
}

#[test]
fn an_unknown_crisis_contact_is_a_located_error() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "  default_brand: test", "  default_brand: test\n  crisis_contacts: [samaritans, samaritan]");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "samaritan`");
    assert_eq!((f.file.as_str(), f.path.as_str()), ("guidance.yaml", "document.crisis_contacts[1]"));
    assert!(f.hint.contains("did you mean `samaritans`?"), "{}", f.hint);
}
