//! Many brands in one build: 30 brand files (copies of Northbrook's with other names, colours
//! and numbers) built with `--all-brands`. This aborted with a stack overflow from about 16
//! brands when builds ran on rayon's pool (see src/build/workers.rs). Peak memory is read
//! from the child's /proc status while it runs.

use std::process::Command;

use crate::common::*;

const BRANDS: usize = 30;

/// Writes `n` extra brand files into `source/brands`.
fn add_brands(source: &std::path::Path, n: usize) {
    let template = std::fs::read_to_string(source.join("brands/northbrook.yaml")).unwrap();
    let primaries = ["#005A52", "#1D4F91", "#6B2C91", "#8A1538", "#3D4A00", "#00485C"];
    for i in 1..=n {
        let text = template
            .replace("Northbrook", &format!("Brand {i:02}"))
            .replace("northbrook/", &format!("brand-{i:02}/"))
            .replace("#005A52", primaries[i % primaries.len()])
            .replace("0113 496 0456", &format!("0113 496 0{:03}", i))
            .replace("0113 496 0123", &format!("0113 496 0{:03}", 100 + i));
        assert_ne!(text, template);
        std::fs::write(source.join(format!("brands/scale-{i:02}.yaml")), text).unwrap();
    }
}

#[test]
fn thirty_brands_build_in_one_process_without_running_out_of_stack() {
    let src = copy_of(&repo().join("source"));
    add_brands(src.path(), BRANDS);
    let out = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guidepress"));
    cmd.args(["build", "--all-brands", "--quiet", "--project"]).arg(repo()).arg("--source").arg(src.path()).arg("--out").arg(out.path());
    let (status, stderr, peak_kb) = run_measuring_peak(cmd);
    assert!(status.success(), "exit {status}: {stderr}");
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    let brands = manifest["brands"].as_array().unwrap();
    assert_eq!(brands.len(), BRANDS + 2);
    let artefacts = manifest["artefacts"].as_array().unwrap();
    let per_brand = artefacts.len() / brands.len();
    assert_eq!(artefacts.len(), per_brand * brands.len());
    for a in artefacts {
        let bytes = std::fs::read(out.path().join(a["path"].as_str().unwrap())).unwrap();
        assert_eq!(bytes.len() as u64, a["bytes"].as_u64().unwrap(), "{}", a["path"]);
    }
    // Each brand's own name reaches its flyer.
    let card = std::fs::read(out.path().join("scale-07/flyers/where-to-get-help.pdf")).unwrap_or_default();
    assert!(!card.is_empty(), "scale-07's card was built");
    eprintln!("peak memory for {} brands: {} MB", BRANDS + 2, peak_kb / 1024);
    assert!(peak_kb < 1024 * 1024, "peak memory {} MB", peak_kb / 1024);
}
