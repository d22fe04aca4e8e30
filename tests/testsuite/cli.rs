//! The command line as CI and policy officers use it: build, --json, --only, --all-brands, the
//! manifest, determinism, failed builds leaving earlier outputs alone, init and watch.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

fn guidepress() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_guidepress"));
    c.env_remove("SOURCE_DATE_EPOCH");
    c
}

/// Runs `build` on `source` into `out` with the repository's templates and fonts.
fn build(source: &Path, out: &Path, extra: &[&str]) -> (i32, String, String) {
    let o = guidepress()
        .args(["build", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(source)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    (o.status.code().unwrap(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

const NO_DOCX: &str = "pdf,flyers,worksheets";

#[test]
fn build_writes_every_artefact_and_a_manifest_that_matches_the_files() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = build(src.path(), out.path(), &["--only", NO_DOCX]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("test/test-guidance.pdf"), "{stdout}");
    assert!(stdout.contains("built 3 artefact(s) for 1 brand(s)"), "{stdout}");
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["title"], "Test Guidance");
    assert_eq!(manifest["version"], "1.0");
    let arts = manifest["artefacts"].as_array().unwrap();
    let paths: Vec<&str> = arts.iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["test/test-guidance.pdf", "test/flyers/card.pdf", "test/worksheets/sheet.pdf"]);
    for a in arts {
        let bytes = std::fs::read(out.path().join(a["path"].as_str().unwrap())).unwrap();
        assert_eq!(a["bytes"].as_u64().unwrap() as usize, bytes.len());
        assert_eq!(a["sha256"].as_str().unwrap(), sha256_hex(&bytes));
        assert!(a["pages"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn json_summary_and_only() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = build(src.path(), out.path(), &["--only", "flyers", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is only JSON");
    assert_eq!(v["ok"], true);
    let arts = v["manifest"]["artefacts"].as_array().unwrap();
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["kind"], "flyers");
    assert!(!out.path().join("test/test-guidance.pdf").exists(), "--only flyers built the guidance");
}

#[test]
fn two_builds_give_the_same_bytes_and_source_date_epoch_is_honoured() {
    let src = minimal();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert_eq!(build(src.path(), a.path(), &["--only", NO_DOCX]).0, 0);
    assert_eq!(build(src.path(), b.path(), &["--only", NO_DOCX]).0, 0);
    for f in ["manifest.json", "test/test-guidance.pdf", "test/flyers/card.pdf", "test/worksheets/sheet.pdf"] {
        assert!(std::fs::read(a.path().join(f)).unwrap() == std::fs::read(b.path().join(f)).unwrap(), "{f} differs between builds");
    }
    let c = tempfile::tempdir().unwrap();
    let o = guidepress()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["build", "--only", "pdf", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(src.path())
        .arg("--out")
        .arg(c.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(c.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["timestamp"], 1_700_000_000);
    let pdf = std::fs::read(c.path().join("test/test-guidance.pdf")).unwrap();
    assert!(pdf != std::fs::read(a.path().join("test/test-guidance.pdf")).unwrap());
}

#[test]
fn all_brands_build_into_separate_folders() {
    let src = minimal();
    std::fs::write(
        src.path().join("brands/second.yaml"),
        "meta:\n  name: Second Council\n  organisation_type: Local authority\ncolor:\n  primary: \"#5B2A86\"\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = build(src.path(), out.path(), &["--only", "flyers", "--all-brands"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("for 2 brand(s)"), "{stdout}");
    let a = std::fs::read(out.path().join("test/flyers/card.pdf")).unwrap();
    let b = std::fs::read(out.path().join("second/flyers/card.pdf")).unwrap();
    assert!(a != b);
    let (code, _, stderr) = build(src.path(), out.path(), &["--brand", "nope"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no brand `nope` (brands: second, test)"), "{stderr}");
}

#[test]
fn a_failed_build_leaves_the_previous_outputs_untouched() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    assert_eq!(build(src.path(), out.path(), &["--only", NO_DOCX]).0, 0);
    let before: Vec<Vec<u8>> = ["manifest.json", "test/test-guidance.pdf", "test/flyers/card.pdf"]
        .iter()
        .map(|f| std::fs::read(out.path().join(f)).unwrap())
        .collect();

    // A content change that builds, plus a broken template that does not: nothing is written.
    edit(src.path(), "guidance.yaml", "title: Test Guidance", "title: Changed Guidance");
    let templates = copy_of(&repo().join("templates"));
    edit(templates.path(), "worksheet.typ.j2", "{{ w.title|str }}", "{{ w.nope|str }}");
    let project = tempfile::tempdir().unwrap();
    std::fs::rename(templates.path(), project.path().join("templates")).unwrap();
    std::os::unix::fs::symlink(repo().join("fonts"), project.path().join("fonts")).unwrap();
    let o = guidepress()
        .args(["build", "--only", NO_DOCX, "--project"])
        .arg(project.path())
        .arg("--source")
        .arg(src.path())
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("worksheet.typ.j2"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let after: Vec<Vec<u8>> = ["manifest.json", "test/test-guidance.pdf", "test/flyers/card.pdf"]
        .iter()
        .map(|f| std::fs::read(out.path().join(f)).unwrap())
        .collect();
    assert!(before == after, "outputs changed after a failed build");

    // Content errors fail before anything is built, with exit code 1.
    edit(src.path(), "guidance.yaml", "status: approved", "status: aproved");
    let (code, _, stderr) = build(src.path(), out.path(), &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("did you mean `approved`?"), "{stderr}");
}

#[test]
fn init_creates_a_buildable_project_and_refuses_a_non_empty_folder() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("new-partnership");
    let o = guidepress().arg("init").arg(&dir).arg("--from").arg(repo()).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let brands: Vec<String> =
        std::fs::read_dir(dir.join("source/brands")).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(brands.contains(&"lscp.yaml".to_string()) && !brands.contains(&"northbrook.yaml".to_string()), "{brands:?}");
    let o = guidepress().current_dir(&dir).args(["build", "--only", "flyers", "-q"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.join("output/lscp/flyers/where-to-get-help.pdf").is_file());

    let o = guidepress().arg("init").arg(&dir).arg("--from").arg(repo()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not empty"));
}

/// `watch --only ONLY` for one rebuild, with its standard output as lines. A watchdog ends the
/// child after 120 s, so reading its lines can never block a test forever.
fn watch_once(source: &Path, out: &Path, only: &str) -> (std::process::Child, std::io::Lines<BufReader<std::process::ChildStdout>>) {
    let mut child = guidepress()
        .args(["watch", "--only", only, "--poll-ms", "50", "--max-rebuilds", "1", "--project"])
        .arg(repo())
        .arg("--source")
        .arg(source)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let pid = child.id().to_string();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(120));
        let _ = Command::new("kill").arg(&pid).status();
    });
    (child, lines)
}

#[test]
fn watch_rebuilds_after_an_edit() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    let (mut child, mut lines) = watch_once(src.path(), out.path(), "pdf");
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut wait_for = |needle: &str| loop {
        assert!(Instant::now() < deadline, "timed out waiting for {needle:?}");
        match lines.next() {
            Some(Ok(l)) if l.contains(needle) => return,
            Some(Ok(_)) => {}
            _ => panic!("watch ended before {needle:?}"),
        }
    };
    wait_for("watching");
    let first = std::fs::read(out.path().join("test/test-guidance.pdf")).unwrap();
    edit(src.path(), "guidance.yaml", "call *now*", "call *straight away*");
    wait_for("rebuilt in");
    let status = child.wait().unwrap();
    assert!(status.success());
    let second = std::fs::read(out.path().join("test/test-guidance.pdf")).unwrap();
    assert!(first != second, "the PDF was not rebuilt");
}

#[test]
fn watch_rebuilds_only_what_an_edit_touches() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    let (mut child, lines) = watch_once(src.path(), out.path(), NO_DOCX);
    let mut after_watching = Vec::new();
    let mut watching = false;
    for line in lines.map_while(Result::ok) {
        if line.contains("watching") {
            watching = true;
            let card = std::fs::read(out.path().join("test/flyers/card.pdf")).unwrap();
            edit(src.path(), "toolkit.yaml", "title:", "title: Edited");
            assert!(!card.is_empty());
        } else if watching {
            after_watching.push(line);
        }
    }
    assert!(child.wait().unwrap().success());
    let rebuilt: Vec<&String> = after_watching.iter().filter(|l| l.starts_with("wrote ")).collect();
    assert!(rebuilt.iter().any(|l| l.contains("worksheets/sheet.pdf")), "{after_watching:?}");
    assert!(rebuilt.iter().any(|l| l.contains("test-guidance.pdf")), "the edition includes the worksheets: {after_watching:?}");
    assert!(!rebuilt.iter().any(|l| l.contains("flyers/card.pdf")), "a toolkit edit rebuilt the flyer: {after_watching:?}");
    assert!(after_watching.iter().any(|l| l.contains("(1 unchanged)")), "{after_watching:?}");
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["artefacts"].as_array().unwrap().len(), 3, "the manifest still lists the flyer");
}

#[test]
fn init_from_a_project_under_a_folder_named_brands_with_a_renamed_logo_builds() {
    // The project to copy from sits below a folder called `brands`, and its default brand's
    // logo has a file name unlike the brand's id.
    let parent = tempfile::tempdir().unwrap();
    let from = parent.path().join("brands/partnership");
    std::fs::create_dir_all(&from).unwrap();
    for dir in ["templates", "fonts"] {
        std::os::unix::fs::symlink(repo().join(dir), from.join(dir)).unwrap();
    }
    let src = copy_of(&repo().join("source"));
    std::fs::rename(src.path().join("brands/logos/lscp.svg"), src.path().join("brands/logos/partnership-mark.svg")).unwrap();
    edit(src.path(), "brands/lscp.yaml", "logos/lscp.svg", "logos/partnership-mark.svg");
    std::fs::rename(src.path(), from.join("source")).unwrap();

    let dir = parent.path().join("new");
    let o = guidepress().arg("init").arg(&dir).arg("--from").arg(&from).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in ["guidance.yaml", "contacts.yaml", "toolkit.yaml", "flyers.yaml", "brands/lscp.yaml", "brands/logos/partnership-mark.svg"] {
        assert!(dir.join("source").join(f).is_file(), "{f} was not copied");
    }
    assert!(!dir.join("source/brands/northbrook.yaml").exists());
    let o = guidepress().current_dir(&dir).args(["build", "--only", "flyers", "-q"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_brand_font_missing_from_fonts_is_reported_once_with_exit_code_1() {
    let src = minimal();
    edit(src.path(), "brands/test.yaml", "color:", "typography:\n  base: Comic Sans MS\ncolor:");
    let out = tempfile::tempdir().unwrap();
    let (code, _, stderr) = build(src.path(), out.path(), &["--only", NO_DOCX]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr.matches("names the font family `Comic Sans MS`").count(), 1, "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
}

#[test]
fn emit_typst_into_the_output_folder_is_refused_not_a_hang() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    for emit in [out.path().to_path_buf(), out.path().join("typst")] {
        let mut child = guidepress()
            .args(["build", "-q", "--only", "pdf", "--project"])
            .arg(repo())
            .arg("--source")
            .arg(src.path())
            .arg("--out")
            .arg(out.path())
            .arg("--emit-typst")
            .arg(&emit)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Bounded: a build that waits on its own lock is killed and reported.
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if started.elapsed() > std::time::Duration::from_secs(120) {
                let _ = child.kill();
                panic!("--emit-typst {} hung", emit.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert_eq!(status.code(), Some(2), "{err}");
        assert!(err.contains("overlap"), "{err}");
        assert!(!out.path().join("test/test-guidance.pdf").exists(), "it wrote anyway");
    }
}
