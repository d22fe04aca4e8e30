//! The safe-messaging linter: each built-in rule fires where its wording is written and not
//! on the wording it suggests; a block can opt out by naming the rule; style.yaml switches
//! rules off or adds them; the bundled source has no unreviewed matches.

use crate::common::*;
use guidepress::diag::Severity;
use guidepress::model::StyleRules;

/// The minimal fixture with its first paragraph replaced by `text`.
fn with_paragraph(text: &str) -> tempfile::TempDir {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "- paragraph: See", &format!("- paragraph: \"{text}\"\n      - paragraph: See"));
    dir
}

fn style_warnings(dir: &std::path::Path) -> Vec<Found> {
    check(dir).0.into_iter().filter(|f| f.message.contains("[style rule")).collect()
}

#[test]
fn every_built_in_rule_fires_on_its_wording_and_not_on_what_it_suggests() {
    let suggestions = [
        ("committed-suicide", "He committed suicide last year.", "He died by suicide last year."),
        ("attempt-outcome", "It was a failed attempt.", "It was a suicide attempt."),
        ("attention-seeking", "She is attention-seeking.", "She is asking for help."),
        ("manipulative", "He can be manipulative.", "He is trying to get his needs met."),
        ("cry-for-help", "It was just a cry for help.", "It was a sign that they need help."),
        ("suicide-epidemic", "There is a suicide epidemic.", "Rates are rising."),
        ("self-harmer", "She is a self-harmer.", "She is a young person who self-harms."),
        ("high-risk-of-suicide", "Signs of a high risk of suicide.", "Signs that they need urgent help."),
        ("method-or-means", "Remove any ligature points.", "Make the room safe."),
    ];
    let ids = StyleRules::defaults().ids().into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(ids.len(), suggestions.len(), "a built-in rule has no case here");
    for (rule, bad, good) in suggestions {
        let dir = with_paragraph(bad);
        let found = style_warnings(dir.path());
        assert_eq!(found.len(), 1, "{rule} on {bad:?}: {:?}", found.iter().map(|f| &f.message).collect::<Vec<_>>());
        let f = &found[0];
        assert!(f.message.contains(&format!("`{rule}`")), "{}", f.message);
        assert_eq!((f.file.as_str(), f.line, f.severity), ("guidance.yaml", 25, Severity::Warning));
        assert!(f.col > 20, "points at the phrase, not the line start: {}", f.col);
        assert!(style_warnings(with_paragraph(good).path()).is_empty(), "{rule} fired on {good:?}");
    }
}

#[test]
fn a_block_that_quotes_wording_on_purpose_opts_out_by_naming_the_rule() {
    let dir = minimal();
    edit(
        dir.path(),
        "guidance.yaml",
        "- paragraph: See",
        "# style: allow attention-seeking\n      - paragraph: >-\n          Never call it attention-seeking.\n      - paragraph: It is attention-seeking, they said.\n      - paragraph: See",
    );
    let found = style_warnings(dir.path());
    assert_eq!(found.len(), 1, "only the next block is covered: {:?}", found.iter().map(|f| (f.line, &f.message)).collect::<Vec<_>>());
    assert_eq!(found[0].line, 28);
    // A trailing comment covers its own line; naming another rule covers nothing.
    let dir = with_paragraph("It is attention-seeking.");
    edit(dir.path(), "guidance.yaml", "attention-seeking.\"", "attention-seeking.\" # style: allow attention-seeking");
    assert!(style_warnings(dir.path()).is_empty());
    let dir = with_paragraph("It is attention-seeking.");
    edit(dir.path(), "guidance.yaml", "attention-seeking.\"", "attention-seeking.\" # style: allow manipulative");
    assert_eq!(style_warnings(dir.path()).len(), 1);
}

#[test]
fn style_yaml_switches_rules_off_and_adds_them() {
    let dir = with_paragraph("He can be manipulative, in a suicide cluster.");
    std::fs::write(
        dir.path().join("style.yaml"),
        "disable: [manipulative]\nrules:\n  - id: cluster\n    avoid: [Suicide cluster]\n    say: describe what happened without linking deaths\n",
    )
    .unwrap();
    let found = style_warnings(dir.path());
    assert_eq!(found.len(), 1, "{:?}", found.iter().map(|f| &f.message).collect::<Vec<_>>());
    assert!(found[0].message.contains("`cluster`") && found[0].hint.contains("without linking deaths"));

    std::fs::write(dir.path().join("style.yaml"), "disable: [manipulativ]\n").unwrap();
    let (found, _) = check(dir.path());
    let f = one(&found, "there is no built-in style rule `manipulativ`");
    assert_eq!((f.file.as_str(), f.line, f.severity), ("style.yaml", 1, Severity::Error));
    assert!(f.hint.contains("did you mean `manipulative`?"), "{}", f.hint);
}

#[test]
fn the_bundled_source_has_no_unreviewed_matches() {
    let found = style_warnings(&repo().join("source"));
    assert!(found.is_empty(), "{:#?}", found.iter().map(|f| format!("{}:{}:{} {}", f.file, f.line, f.col, f.message)).collect::<Vec<_>>());
}
