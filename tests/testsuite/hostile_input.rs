//! Input that is broken or built to hurt: each gives a clear error, never a panic.

use crate::common::*;
use proptest::prelude::*;

fn write(dir: &std::path::Path, file: &str, bytes: &[u8]) {
    std::fs::write(dir.join(file), bytes).unwrap();
}

#[test]
fn malformed_yaml_points_at_the_problem() {
    let dir = minimal();
    write(dir.path(), "contacts.yaml", b"contacts:\n  - id: samaritans\n    name: [Samaritans\n    phone: 116 123\n");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "this is not valid YAML");
    assert_eq!(f.file, "contacts.yaml");
    assert!(f.line >= 3, "points into the broken part, got line {}", f.line);
    assert!(f.hint.contains("indentation"));
}

#[test]
fn alias_bombs_are_refused_before_expansion() {
    let dir = minimal();
    let mut bomb = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h", "i"].windows(2).map(|w| (w[0], w[1])) {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    write(dir.path(), "flyers.yaml", bomb.as_bytes());
    let (found, _) = check(dir.path());
    let f = one(&found, "YAML aliases (`*name`) are not accepted");
    assert_eq!((f.file.as_str(), f.line, f.col), ("flyers.yaml", 2, 8));
}

#[test]
fn deep_nesting_is_refused() {
    let dir = minimal();
    // Block style: our own depth limit.
    let deep: String = (0..200).map(|i| format!("{}a:\n", "  ".repeat(i))).collect();
    write(dir.path(), "flyers.yaml", deep.as_bytes());
    // Flow style: the parser's own recursion limit, reported as a YAML error.
    let flow = format!("worksheets: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    write(dir.path(), "toolkit.yaml", flow.as_bytes());
    let (found, _) = check(dir.path());
    let f = one(&found, "nested more than 48 levels");
    assert_eq!((f.file.as_str(), f.line), ("flyers.yaml", 49));
    assert_eq!(one(&found, "recursion limit").file, "toolkit.yaml");
}

#[test]
fn a_fifty_megabyte_file_is_refused_without_reading_it() {
    let dir = minimal();
    let f = std::fs::File::create(dir.path().join("toolkit.yaml")).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let (found, _) = check(dir.path());
    let f = one(&found, "file is too large (52.4 MB)");
    assert_eq!(f.file, "toolkit.yaml");
}

#[test]
fn non_utf8_bytes_are_located() {
    let dir = minimal();
    write(dir.path(), "contacts.yaml", b"contacts:\n  - id: samaritans\n    name: Caf\xe9 line\n");
    let (found, _) = check(dir.path());
    let f = one(&found, "not valid UTF-8 (byte 0xE9");
    assert_eq!((f.file.as_str(), f.line, f.col), ("contacts.yaml", 3, 14));
    assert!(f.hint.contains("UTF-8"));
}

#[test]
fn binary_files_are_refused() {
    let dir = minimal();
    write(dir.path(), "toolkit.yaml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let (found, _) = check(dir.path());
    let f = one(&found, "this is not a text file");
    assert_eq!(f.file, "toolkit.yaml");
}

#[test]
fn a_second_document_and_tags_are_refused() {
    let dir = minimal();
    write(dir.path(), "flyers.yaml", b"flyers: []\n---\nflyers: []\n");
    write(dir.path(), "toolkit.yaml", b"worksheets: !!binary aGVsbG8=\n");
    let (found, _) = check(dir.path());
    assert_eq!(one(&found, "a second one starts here").line, 2);
    assert_eq!(one(&found, "YAML tags").file, "toolkit.yaml");
}

#[test]
fn a_root_that_is_not_a_map() {
    let dir = minimal();
    write(dir.path(), "contacts.yaml", b"- samaritans\n- childline\n");
    let (found, _) = check(dir.path());
    let f = one(&found, "expected a map of fields, found a list");
    assert_eq!((f.file.as_str(), f.line, f.col), ("contacts.yaml", 1, 1));
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_guidepress")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn cli_exit_codes() {
    let dir = minimal();
    let src = dir.path().to_str().unwrap();
    let (code, _, stderr) = run(&["check", "--source", src]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("check ok:") && stderr.contains("0 error(s), 0 warning(s)"), "{stderr}");

    // A stale contact fails an approved source (a release gate)…
    edit(dir.path(), "contacts.yaml", "verified_on: 2026-01-05", "verified_on: 2020-01-05");
    assert_eq!(run(&["check", "--source", src]).0, 1);
    // …and is a warning in a draft: fine, unless warnings are denied.
    edit(dir.path(), "guidance.yaml", "status: approved", "status: draft");
    assert_eq!(run(&["check", "--source", src]).0, 0);
    assert_eq!(run(&["check", "--source", src, "--deny-warnings"]).0, 1);

    edit(dir.path(), "guidance.yaml", "  title: Test Guidance", "  tittle: Test Guidance");
    let (code, _, stderr) = run(&["check", "--source", src]);
    assert_eq!(code, 1);
    // Shape errors stop the model, so the date warning waits until they are fixed.
    assert!(stderr.contains("check failed:") && stderr.contains("2 error(s), 0 warning(s)"), "{stderr}");
    assert!(stderr.contains("guidance.yaml:3:3"), "{stderr}");
    assert!(stderr.contains("did you mean `title`?"), "{stderr}");

    let (code, _, stderr) = run(&["check", "--source", "/definitely/not/here"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no source folder"));
    assert_eq!(run(&["check", "--bogus"]).0, 2);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    /// Whatever bytes a source file holds, checking it returns diagnostics, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), yamlish in "[a-z:\\-\\[\\]{}&*!|> \n'\"#]{0,200}") {
        let dir = minimal();
        write(dir.path(), "contacts.yaml", &bytes);
        write(dir.path(), "flyers.yaml", yamlish.as_bytes());
        let _ = guidepress::check(&guidepress::CheckRequest::new(dir.path()).on(today())).unwrap();
    }
}

#[test]
fn a_brand_file_whose_name_is_not_an_id_is_refused_so_nothing_is_written_outside_out() {
    let dir = minimal();
    std::fs::copy(dir.path().join("brands/test.yaml"), dir.path().join("brands/...yaml")).unwrap();
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "does not make a valid brand id");
    assert_eq!((f.file.as_str(), f.line), ("brands/...yaml", 1));
    assert!(f.message.contains("`...yaml`") && f.hint.contains("lower-case"), "{}", f.message);
}

#[test]
fn a_picture_that_is_a_link_to_a_file_outside_the_source_folder_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("source/brands/logos/lscp.svg"), outside.path().join("secret.svg")).unwrap();
    let dir = minimal();
    let logo = std::fs::read_dir(dir.path().join("brands/logos")).unwrap().flatten().next().unwrap().path();
    std::fs::remove_file(&logo).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.svg"), &logo).unwrap();
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "is a link to a file outside the source folder");
    assert_eq!(f.file, "brands/test.yaml");
    assert!(f.hint.contains("copy the picture"), "{}", f.hint);
}

#[test]
fn a_yaml_file_that_is_a_link_out_of_the_source_folder_is_not_read_or_quoted() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("private.yaml"), "contacts:\n  - id: secret-line-from-elsewhere\n").unwrap();
    let dir = minimal();
    std::fs::remove_file(dir.path().join("contacts.yaml")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("private.yaml"), dir.path().join("contacts.yaml")).unwrap();
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "link to a file outside the source folder");
    assert_eq!(f.file, "contacts.yaml");
    let shown = checked.files.render(&checked.diags);
    assert!(!shown.contains("secret-line-from-elsewhere"), "{shown}");
}

/// Valid pictures of each kind, to mutate.
fn seed_pictures() -> Vec<Vec<u8>> {
    let img = image::RgbImage::from_fn(16, 8, |x, y| image::Rgb([(x * 16) as u8, (y * 32) as u8, 90]));
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
    let mut jpeg = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg).unwrap();
    let svg = std::fs::read(repo().join("source/brands/logos/lscp.svg")).unwrap();
    vec![png, jpeg, svg]
}

proptest! {
    // A bounded fuzz of the picture decoders the validator and the Word back-end use: mutated
    // PNG, JPEG and SVG bytes never panic or abort, and what is accepted is within the caps.
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn mutated_pictures_are_refused_or_accepted_within_the_caps(
        which in 0usize..3,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = seed_pictures()[which].clone();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        if which != 2 && cut.index(4) == 0 {
            let keep = cut.index(bytes.len().max(1));
            bytes.truncate(keep);
        }
        if let Ok((w, h)) = guidepress::picture::check(&bytes) {
            if which != 2 {
                prop_assert!(w <= guidepress::picture::MAX_SIDE_PX && h <= guidepress::picture::MAX_SIDE_PX);
            }
        }
        let _ = guidepress::render::raster::svg_to_png(&bytes, 600);
    }
}

#[test]
fn a_picture_bomb_in_a_figure_is_reported_at_its_yaml_field() {
    let dir = minimal();
    let mut bomb = seed_pictures()[0].clone();
    bomb[16..20].copy_from_slice(&65535u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&65535u32.to_be_bytes());
    let logo = std::fs::read_dir(dir.path().join("brands/logos")).unwrap().flatten().next().unwrap().path();
    std::fs::write(logo.with_extension("png"), &bomb).unwrap();
    edit(dir.path(), "brands/test.yaml", "logos/test.svg", "logos/test.png");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "65535×65535");
    assert_eq!((f.file.as_str(), f.line), ("brands/test.yaml", 5));
}

#[test]
fn a_contact_listed_twice_in_a_flyer_is_reported_where_it_repeats() {
    let dir = minimal();
    edit(dir.path(), "flyers.yaml", "contacts: [samaritans]", "contacts: [samaritans, samaritans]");
    let (found, checked) = check(dir.path());
    assert!(checked.guidance.is_none());
    let f = one(&found, "is already listed in this flyer");
    assert_eq!((f.file.as_str(), f.line, f.path.as_str()), ("flyers.yaml", 7, "flyers[0].contacts[1]"));
}

#[test]
fn a_very_tall_svg_figure_builds_every_edition_within_a_gigabyte() {
    let dir = minimal();
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    let tall =
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="20000"><rect width="1" height="20000" fill="#1D4F91"/></svg>"##;
    std::fs::write(dir.path().join("images/tall.svg"), tall).unwrap();
    edit(
        dir.path(),
        "guidance.yaml",
        "          - bullets: [One, Two]",
        "          - bullets: [One, Two]\n          - figure:\n              image: images/tall.svg\n              alt: A thin blue line\n              width: 10",
    );
    let out = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_guidepress"));
    cmd.args(["build", "-q", "--project"]).arg(repo()).arg("--source").arg(dir.path()).arg("--out").arg(out.path());
    let (status, stderr, peak_kb) = run_measuring_peak(cmd);
    assert!(status.success(), "{stderr}");
    assert!(out.path().join("test/test-guidance.docx").is_file() && out.path().join("test/test-guidance.pdf").is_file());
    assert!(peak_kb < 1024 * 1024, "peak memory {} MB", peak_kb / 1024);
}
