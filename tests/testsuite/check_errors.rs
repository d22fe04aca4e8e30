//! Every kind of problem the loader and validator report, each asserted at its exact place.

use crate::common::*;
use guidepress::diag::Severity;

#[test]
fn minimal_fixture_is_clean() {
    let dir = minimal();
    let (found, checked) = check(dir.path());
    assert!(found.is_empty(), "{}", checked.files.render(&checked.diags));
    let g = checked.guidance.unwrap();
    assert_eq!(g.sections.len(), 2);
    assert_eq!(g.sections[0].sections[0].number, "1.1");
    assert_eq!(g.appendices[0].number, "A");
}

#[test]
fn unknown_field_suggests_the_right_name() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "  title: Test Guidance", "  tittle: Test Guidance");
    let (found, _) = check(dir.path());
    let f = one(&found, "unknown field `tittle`");
    at(f, "guidance.yaml", 3, 3, "document.tittle");
    assert!(f.hint.starts_with("did you mean `title`?"), "{}", f.hint);
    // The same typo also leaves `title` missing, reported at the map it belongs in.
    at(one(&found, "missing field `title`"), "guidance.yaml", 2, 3, "document.title");
}

#[test]
fn all_problems_are_reported_at_once_across_files() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "review_date: 2028-01-10", "review_date: 2028-13-10");
    edit(dir.path(), "contacts.yaml", "phone: 116 123", "phone: call us");
    edit(dir.path(), "toolkit.yaml", "lines: 3", "lines: lots");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    at(one(&found, "`2028-13-10` is not a date"), "guidance.yaml", 11, 16, "document.review_date");
    at(one(&found, "`call us` is not a phone number"), "contacts.yaml", 4, 12, "contacts[0].phone");
    at(one(&found, "expected a whole number from 1 to 30, found `lots`"), "toolkit.yaml", 7, 18, "worksheets[0].parts[0].prompt.lines");
}

#[test]
fn wrong_types_say_what_was_expected() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "          - bullets: [One, Two]", "          - bullets: One");
    edit(dir.path(), "contacts.yaml", "    name: Samaritans", "    name:\n      - Samaritans");
    let (found, _) = check(dir.path());
    let f = one(&found, "expected a list, found a single value");
    at(f, "guidance.yaml", 31, 22, "sections[0].sections[0].blocks[0].bullets");
    at(one(&found, "expected text, found a list"), "contacts.yaml", 4, 7, "contacts[0].name");
}

#[test]
fn unknown_block_kind_and_two_kinds_in_one_entry() {
    let dir = minimal();
    edit(
        dir.path(),
        "guidance.yaml",
        "      - contacts: [samaritans]",
        "      - paragrap: Hello\n      - paragraph: One\n        bullets: [Two]",
    );
    let (found, _) = check(dir.path());
    let f = one(&found, "unknown kind `paragrap`");
    at(f, "guidance.yaml", 26, 9, "sections[0].blocks[1]");
    assert!(f.hint.contains("did you mean `paragraph`?"));
    at(one(&found, "exactly one kind, but this one has 2"), "guidance.yaml", 28, 9, "sections[0].blocks[2]");
}

#[test]
fn table_rows_must_match_the_header() {
    let dir = minimal();
    edit(
        dir.path(),
        "guidance.yaml",
        "          - bullets: [One, Two]",
        "          - table:\n              header: [A, B]\n              rows:\n                - [a, b]\n                - [only one]",
    );
    let (found, _) = check(dir.path());
    at(
        one(&found, "this row has 1 cells but the header has 2 columns"),
        "guidance.yaml",
        35,
        19,
        "sections[0].sections[0].blocks[0].table.rows[1]",
    );
}

#[test]
fn duplicate_ids_point_at_the_second_one() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "  - id: respond", "  - id: intro");
    let (found, _) = check(dir.path());
    let f = one(&found, "the id `intro` is already used");
    at(f, "guidance.yaml", 32, 9, "sections[1].id");
    assert!(f.message.contains("first at line 22"), "{}", f.message);
}

#[test]
fn unknown_references_of_every_kind() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "contacts: [samaritans]", "contacts: [samartians]");
    edit(dir.path(), "guidance.yaml", "(#pathway)", "(#pathwya)");
    edit(dir.path(), "guidance.yaml", "- worksheet: sheet", "- worksheet: sheeet");
    edit(dir.path(), "guidance.yaml", "next: check", "next: chek");
    let (found, _) = check(dir.path());
    let c = one(&found, "unknown contact `samartians`");
    at(c, "guidance.yaml", 26, 20, "sections[0].blocks[1].contacts[0]");
    assert!(c.hint.contains("did you mean `samaritans`?"));
    at(one(&found, "unknown section, pathway or worksheet `pathwya`"), "guidance.yaml", 25, 20, "sections[0].blocks[0].paragraph");
    at(one(&found, "unknown worksheet `sheeet`"), "guidance.yaml", 61, 20, "appendices[0].blocks[0].worksheet");
    at(one(&found, "unknown pathway step `chek`"), "guidance.yaml", 42, 21, "sections[1].blocks[0].pathway.steps[0].next");
}

#[test]
fn figures_need_alt_text_and_an_existing_image() {
    let dir = minimal();
    edit(
        dir.path(),
        "guidance.yaml",
        "          - bullets: [One, Two]",
        "          - figure:\n              image: images/missing.png\n              caption: No alt\n          - figure:\n              image: ../outside.png\n              alt: Outside",
    );
    let (found, _) = check(dir.path());
    let f = one(&found, "the figure has no alt text");
    at(f, "guidance.yaml", 32, 15, "sections[0].sections[0].blocks[0].figure.alt");
    assert!(f.hint.contains("required for accessibility"));
    // Shape errors stop the model, so the missing file is found once alt text is given.
    edit(dir.path(), "guidance.yaml", "              caption: No alt", "              alt: A chart");
    let (found, _) = check(dir.path());
    at(one(&found, "does not exist"), "guidance.yaml", 32, 22, "sections[0].sections[0].blocks[0].figure.image");
    at(one(&found, "points outside the source folder"), "guidance.yaml", 35, 22, "sections[0].sections[0].blocks[1].figure.image");

    // A file that is there but is not a picture is caught before any back-end runs.
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    std::fs::write(dir.path().join("images/missing.png"), b"this is not a PNG").unwrap();
    let (found, _) = check(dir.path());
    let f = one(&found, "cannot be used: this is not a readable PNG, JPEG or SVG picture");
    at(f, "guidance.yaml", 32, 22, "sections[0].sections[0].blocks[0].figure.image");
}

#[test]
fn headings_deeper_than_three_levels_are_refused() {
    let dir = minimal();
    edit(
        dir.path(),
        "guidance.yaml",
        "          - bullets: [One, Two]",
        "          - bullets: [One, Two]\n        sections:\n          - id: level-three\n            title: Three\n            sections:\n              - id: level-four\n                title: Four\n                blocks:\n                  - paragraph: Too deep",
    );
    let (found, _) = check(dir.path());
    let f = one(&found, "sections nest at most 3 levels deep");
    at(f, "guidance.yaml", 36, 15, "sections[0].sections[0].sections[0].sections");
}

#[test]
fn empty_sections_are_errors() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "        title: Scope\n        blocks:\n          - bullets: [One, Two]", "        title: Scope");
    let (found, _) = check(dir.path());
    at(one(&found, "section 1.1 `Scope` is empty"), "guidance.yaml", 28, 9, "");
}

#[test]
fn markdown_outside_the_subset_says_what_is_allowed() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "- paragraph: See", "- paragraph: <b>Bold</b> See");
    let (found, _) = check(dir.path());
    let f = one(&found, "raw HTML is not allowed inside text");
    at(f, "guidance.yaml", 25, 20, "sections[0].blocks[0].paragraph");
    assert!(f.hint.contains("*emphasis*, **strong**, [links]"), "{}", f.hint);
}

#[test]
fn warnings_for_dates_drafts_and_unverified_contacts() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "review_date: 2028-01-10", "review_date: 2026-02-01");
    edit(dir.path(), "guidance.yaml", "status: approved", "status: draft");
    edit(dir.path(), "contacts.yaml", "verified_on: 2026-01-05", "verified_on: 2025-06-01\n    verify: true");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_some(), "warnings do not stop the build");
    assert!(found.iter().all(|f| f.severity == Severity::Warning));
    at(one(&found, "the review date 2026-02-01 has passed"), "guidance.yaml", 11, 16, "document.review_date");
    at(one(&found, "this is a draft"), "guidance.yaml", 8, 11, "document.status");
    at(one(&found, "last verified on 2025-06-01, more than 12 months ago"), "contacts.yaml", 2, 9, "contacts.samaritans");
    at(one(&found, "marked `verify: true`"), "contacts.yaml", 2, 9, "contacts.samaritans");
    assert_eq!(found.len(), 4);
}

#[test]
fn low_contrast_brand_colours_are_refused_with_the_ratio() {
    let dir = minimal();
    edit(dir.path(), "brands/test.yaml", "primary: \"#1D4F91\"", "primary: \"#1D4F91\"\n  on_primary: \"#5A6E8C\"");
    let (found, _) = check(dir.path());
    let f = one(&found, "`on_primary` #5A6E8C on `primary` #1D4F91 has a contrast ratio of");
    at(f, "brands/test.yaml", 9, 15, "color.on_primary");
    assert!(f.message.contains("below the 4.5:1"));
}
