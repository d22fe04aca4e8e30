//! Shared helpers for the integration tests: a writable copy of a fixture source and easy
//! access to the diagnostics it produces.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use guidepress::diag::{Diagnostic, Severity};
use guidepress::model::Date;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixed "today" so date warnings do not depend on when the tests run.
pub fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A temporary copy of `tests/fixtures/minimal`.
pub fn minimal() -> tempfile::TempDir {
    copy_of(&repo().join("tests/fixtures/minimal"))
}

pub fn copy_of(src: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(src, dir.path());
    dir
}

/// Replaces `from` with `to` in `file`, failing loudly if `from` is not there.
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

pub struct Found {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub path: String,
    pub message: String,
    pub hint: String,
    pub severity: Severity,
}

/// Checks `dir` and returns its diagnostics with file names relative to `dir`.
pub fn check(dir: &Path) -> (Vec<Found>, guidepress::Checked) {
    let checked = guidepress::check(&guidepress::CheckRequest::new(dir).on(today())).expect("source folder loads");
    let found = checked
        .diags
        .iter()
        .map(|d: &Diagnostic| Found {
            file: checked.files.path(d.loc.file).strip_prefix(dir).unwrap().display().to_string(),
            line: d.loc.line,
            col: d.loc.col,
            path: d.path.clone(),
            message: d.message.clone(),
            hint: d.hint.clone().unwrap_or_default(),
            severity: d.severity,
        })
        .collect();
    (found, checked)
}

/// The one diagnostic whose message contains `needle`.
pub fn one<'a>(found: &'a [Found], needle: &str) -> &'a Found {
    let hits: Vec<&Found> = found.iter().filter(|f| f.message.contains(needle)).collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one diagnostic containing {needle:?}, got: {:#?}",
        found.iter().map(|f| format!("{}:{}:{} {} [{}]", f.file, f.line, f.col, f.message, f.path)).collect::<Vec<_>>()
    );
    hits[0]
}

/// Asserts where a diagnostic points: `file:line:col` and field path.
pub fn at(f: &Found, file: &str, line: usize, col: usize, path: &str) {
    assert_eq!((f.file.as_str(), f.line, f.col, f.path.as_str()), (file, line, col, path), "diagnostic {:?}", f.message);
}

/// Peak resident memory of a running child, in kB (`VmHWM`), polled until it exits.
pub fn run_measuring_peak(mut cmd: std::process::Command) -> (std::process::ExitStatus, String, u64) {
    use std::io::Read;
    let mut child = cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    // Drain stderr while the child runs, or a child with many warnings blocks on a full pipe.
    let mut pipe = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = pipe.read_to_string(&mut text);
        text
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_file) {
            if let Some(kb) =
                s.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak = peak.max(kb);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    (status, reader.join().unwrap_or_default(), peak)
}
