//! Release gates: placeholder details are errors in an approved source (exit 1, located, with
//! the rule's name) and warnings in a draft, whose outputs then mark them.

use std::process::Command;

use crate::common::*;
use guidepress::diag::Severity;
use guidepress::util::placeholders::DRAMA_RANGES;

/// The minimal fixture with the Samaritans number replaced by `phone`.
fn with_phone(phone: &str) -> tempfile::TempDir {
    let dir = minimal();
    edit(dir.path(), "contacts.yaml", "phone: 116 123", &format!("phone: {phone}"));
    dir
}

#[test]
fn every_drama_range_fails_an_approved_source_at_the_number() {
    for (area, first, last) in DRAMA_RANGES {
        for number in [first, last] {
            let dir = with_phone(number);
            let (found, checked) = check(dir.path());
            assert!(checked.guidance.is_none(), "{number} passed an approved check");
            let f = one(&found, "in a range Ofcom keeps for drama");
            assert_eq!((f.file.as_str(), f.line, f.col, f.severity), ("contacts.yaml", 4, 12, Severity::Error), "{number}");
            assert!(f.message.contains(area) && f.message.contains("`drama-number`"), "{}", f.message);
        }
    }
    // Next to a range is a real number.
    let (found, _) = check(with_phone("0151 496 1000").path());
    assert!(found.iter().all(|f| !f.message.contains("drama")), "0151 496 1000 is not in the range");
}

#[test]
fn every_reserved_domain_fails_an_approved_source_where_it_is_written() {
    for (address, reserved) in [
        ("https://www.example.org/help", "example.org"),
        ("https://example.com", "example.com"),
        ("https://help.example.net/x", "example.net"),
        ("https://council.example", "example"),
        ("https://crisis.test/", "test"),
        ("https://line.invalid", "invalid"),
    ] {
        let dir = minimal();
        edit(dir.path(), "contacts.yaml", "https://www.samaritans.org", address);
        let (found, checked) = check(dir.path());
        assert!(checked.guidance.is_none(), "{address} passed");
        let f = one(&found, "a name reserved for examples");
        assert_eq!((f.file.as_str(), f.line, f.severity), ("contacts.yaml", 5, Severity::Error), "{address}");
        assert!(f.message.contains(&format!("under `{reserved}`")) && f.message.contains("`example-domain`"), "{}", f.message);
    }
    // A comment may mention one; prose may not.
    let dir = minimal();
    edit(dir.path(), "contacts.yaml", "contacts:", "# e.g. www.example.org\ncontacts:");
    assert!(check(dir.path()).1.guidance.is_some(), "a YAML comment is not published");
}

#[test]
fn stale_and_unverified_contacts_a_passed_review_and_a_placeholder_brand_fail_an_approved_source() {
    let dir = minimal();
    edit(dir.path(), "contacts.yaml", "verified_on: 2026-01-05", "verified_on: 2025-06-01\n    verify: true");
    edit(dir.path(), "guidance.yaml", "review_date: 2028-01-10", "review_date: 2026-02-01");
    edit(dir.path(), "brands/test.yaml", "meta:", "meta:\n  placeholder: true");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    for rule in ["stale-contact", "unverified-contact", "review-date-passed", "placeholder-brand"] {
        let f = one(&found, &format!("`{rule}`"));
        assert_eq!(f.severity, Severity::Error, "{rule}");
        assert!(f.hint.contains("approved edition"), "{rule}: {}", f.hint);
    }
    at(one(&found, "`review-date-passed`"), "guidance.yaml", 11, 16, "document.review_date");
    at(one(&found, "`stale-contact`"), "contacts.yaml", 2, 9, "contacts.samaritans");
}

#[test]
fn a_draft_with_placeholders_builds_and_marks_each_one() {
    let dir = with_phone("0151 496 0123");
    edit(dir.path(), "guidance.yaml", "status: approved", "status: draft");
    let (found, checked) = check(dir.path());
    let f = one(&found, "in a range Ofcom keeps for drama");
    assert_eq!(f.severity, Severity::Warning);
    let g = checked.guidance.expect("a draft with placeholders still builds");
    let resources = guidepress::render::pdf::PdfResources::open(&repo()).unwrap();
    let options = guidepress::render::pdf::PdfOptions { timestamp: 0, resources: &resources };
    let card = guidepress::render::pdf::flyer(&g, &g.brands[0], &g.flyers[0], &options).unwrap();
    assert!(card.text.contains("PLACEHOLDER"), "the flyer does not mark the drama number");
    let docx =
        guidepress::render::docx::render(&g, &g.brands[0], &guidepress::render::docx::DocxOptions { timestamp: 0, ..Default::default() })
            .unwrap();
    assert!(document_xml(&docx).contains("PLACEHOLDER"), "the Word edition does not mark the drama number");
    let approved = minimal();
    let g = check(approved.path()).1.guidance.unwrap();
    let docx =
        guidepress::render::docx::render(&g, &g.brands[0], &guidepress::render::docx::DocxOptions { timestamp: 0, ..Default::default() })
            .unwrap();
    assert!(!document_xml(&docx).contains("PLACEHOLDER"));
    let card = guidepress::render::pdf::flyer(&g, &g.brands[0], &g.flyers[0], &options).unwrap();
    assert!(!card.text.contains("PLACEHOLDER"));
}

fn document_xml(docx: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn the_cli_exits_1_on_an_approved_source_with_a_drama_number() {
    let dir = with_phone("020 7946 0321");
    let o = Command::new(env!("CARGO_BIN_EXE_guidepress")).arg("check").arg("--source").arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("contacts.yaml:4:12") && stderr.contains("London"), "{stderr}");
}

#[test]
fn the_bundled_example_is_an_honest_draft() {
    let (found, checked) = check(&repo().join("source"));
    let g = checked.guidance.expect("the README's build command works on it");
    assert_eq!(g.document.status, guidepress::model::Status::Draft);
    assert!(found.iter().any(|f| f.message.contains("`drama-number`")), "its placeholder numbers are reported");
    assert!(found.iter().all(|f| f.severity == Severity::Warning));
}
