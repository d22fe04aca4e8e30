//! Outputs stay whole through kills and failed renames. The build is stopped (aborted, as a
//! SIGKILL would) before its 1st, 2nd, 3rd … file operation in turn, through staging, the
//! journal and the renames; after each, the next run (here a build that fails its check, so it
//! writes nothing of its own) must leave the folder holding exactly the old set or the new set,
//! each file matching the manifest, and no temporary files.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::common::*;

fn guidepress() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_guidepress"));
    c.env_remove("SOURCE_DATE_EPOCH").env_remove("GUIDEPRESS_TEST_KILL_AFTER_WRITES");
    c
}

fn build(source: &Path, out: &Path, kill_after: Option<usize>) -> std::process::Output {
    let mut c = guidepress();
    c.args(["build", "--only", "pdf,flyers,worksheets", "-q", "--project"]).arg(repo()).arg("--source").arg(source).arg("--out").arg(out);
    if let Some(n) = kill_after {
        c.env("GUIDEPRESS_TEST_KILL_AFTER_WRITES", n.to_string());
    }
    c.output().unwrap()
}

/// Every file under `out` except our lock file, with its bytes.
fn contents(out: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, root: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, root, into);
            } else {
                into.insert(p.strip_prefix(root).unwrap().display().to_string(), std::fs::read(&p).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(out, out, &mut files);
    files.remove(".guidepress/lock");
    files
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The folder is one whole set: every artefact in the manifest is there with its hash, and
/// nothing else is.
fn assert_whole(files: &BTreeMap<String, Vec<u8>>, when: &str) {
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    let mut listed: Vec<String> = vec!["manifest.json".into()];
    for a in manifest["artefacts"].as_array().unwrap() {
        let path = a["path"].as_str().unwrap();
        let bytes = files.get(path).unwrap_or_else(|| panic!("{when}: {path} is in the manifest but missing"));
        assert_eq!(sha256_hex(bytes), a["sha256"].as_str().unwrap(), "{when}: {path} does not match the manifest");
        listed.push(path.to_string());
    }
    listed.sort();
    let present: Vec<String> = files.keys().cloned().collect();
    assert_eq!(present, listed, "{when}: files that are not in the manifest (temporary files?)");
}

#[test]
fn a_build_killed_at_any_file_operation_leaves_the_old_set_or_the_new_one() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    assert!(build(src.path(), out.path(), None).status.success());
    let old = contents(out.path());
    assert_whole(&old, "first build");

    // The new set differs in every artefact.
    edit(src.path(), "guidance.yaml", "title: Test Guidance", "title: Changed Guidance");
    let broken = copy_of(src.path());
    edit(broken.path(), "guidance.yaml", "status: approved", "status: aproved");
    let mut killed = 0;
    let mut saw_new = false;
    for n in 1..200 {
        let o = build(src.path(), out.path(), Some(n));
        let finished = o.status.success();
        if !finished {
            killed += 1;
            // The next run recovers even though its own build fails the check.
            let next = build(broken.path(), out.path(), None);
            assert_eq!(next.status.code(), Some(1), "{}", String::from_utf8_lossy(&next.stderr));
        }
        let now = contents(out.path());
        assert_whole(&now, &format!("killed before operation {n}"));
        let is_new = now["manifest.json"] != old["manifest.json"];
        if !is_new {
            assert!(now == old, "killed before operation {n}: manifest is old but the files are not");
        }
        saw_new |= is_new;
        if finished {
            break;
        }
        // Back to the old set for the next kill point.
        if is_new {
            let _ = std::fs::remove_dir_all(out.path());
            for (p, bytes) in &old {
                let path = out.path().join(p);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
        }
    }
    assert!(killed >= 10, "only {killed} kill points were reached");
    assert!(saw_new, "no run got as far as the new set");
}

#[test]
fn a_rename_that_fails_keeps_the_previous_outputs_and_leaves_no_temporary_files() {
    let src = minimal();
    let out = tempfile::tempdir().unwrap();
    assert!(build(src.path(), out.path(), None).status.success());
    // Something in the way of the manifest: a folder where the file goes.
    std::fs::remove_file(out.path().join("manifest.json")).unwrap();
    std::fs::create_dir(out.path().join("manifest.json")).unwrap();
    let before = contents(out.path());
    edit(src.path(), "guidance.yaml", "title: Test Guidance", "title: Changed Guidance");
    for _ in 0..2 {
        let o = build(src.path(), out.path(), None);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("manifest.json") && stderr.contains("not a file"), "{stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert!(contents(out.path()) == before, "outputs changed after a failed rename");
    }
}
