//! YAML that silently loses text, and a link that prints nothing: each is reported where it is.

use crate::common::*;
use guidepress::diag::Severity;

#[test]
fn a_comment_after_plain_text_is_reported_where_the_text_stops() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "- paragraph: See", "- paragraph: Call us # 24 hours\n      - paragraph: See");
    let (found, _) = check(dir.path());
    let f = one(&found, "YAML reads ` #` and everything after it as a comment");
    assert_eq!((f.file.as_str(), f.line, f.col, f.severity), ("guidance.yaml", 25, 28, Severity::Warning));
    assert!(f.message.contains("`paragraph`") && f.hint.contains("quotes"), "{}", f.message);
    // Quoted text and comments after other values are fine.
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "- paragraph: See", "- paragraph: \"Call us # 24 hours\" # a note\n      - paragraph: See");
    assert!(check(dir.path()).0.iter().all(|f| !f.message.contains("as a comment")));
}

#[test]
fn a_backslash_at_the_end_of_a_folded_line_is_reported() {
    let dir = minimal();
    edit(
        dir.path(),
        "guidance.yaml",
        "- paragraph: See",
        "- paragraph: >-\n          First line\\\n          second line.\n      - paragraph: See",
    );
    let (found, _) = check(dir.path());
    let f = one(&found, "prints as a backslash");
    assert_eq!((f.file.as_str(), f.line, f.col), ("guidance.yaml", 26, 21));
}

#[test]
fn a_link_with_no_text_is_an_error() {
    let dir = minimal();
    edit(dir.path(), "guidance.yaml", "See [the pathway](#pathway)", "See [](#pathway)");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "a link with no text prints nothing");
    assert_eq!((f.file.as_str(), f.line), ("guidance.yaml", 25));
}

#[test]
fn a_missing_source_folder_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_guidepress")).current_dir(dir.path()).arg("build").output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("looked in {}", dir.path().join("source").display())), "{stderr}");
    assert!(stderr.contains("--source DIR"), "{stderr}");
}
