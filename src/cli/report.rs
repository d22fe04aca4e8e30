//! Everything the command line prints about a result, and the exit code it maps to: one place,
//! so every subcommand reports the same way.

use std::path::Path;

use guidepress::build::JobFailure;
use guidepress::render::pdf::PdfError;
use guidepress::{BuildFailure, Built, Checked, Problem};

use super::args::BuildArgs;

pub const EXIT_OK: u8 = 0;
/// Problems in the content or templates (or warnings with `--deny-warnings`).
pub const EXIT_CONTENT: u8 = 1;
/// Usage or I/O errors.
pub const EXIT_USAGE: u8 = 2;

/// Prints `error: …` and returns `code`.
pub fn error(message: &str, code: u8) -> u8 {
    eprintln!("error: {message}");
    code
}

/// Prints a check's diagnostics and its one-line verdict.
pub fn checked(checked: &Checked, source: &Path, quiet: bool) -> u8 {
    eprint!("{}", checked.files.render(&checked.diags));
    verdict(checked.failed(), checked.counts(), source, quiet)
}

fn verdict(failed: bool, (errors, warnings): (usize, usize), source: &Path, quiet: bool) -> u8 {
    if !quiet || failed {
        let word = if failed { "failed" } else { "ok" };
        eprintln!("check {word}: {} — {errors} error(s), {warnings} warning(s)", source.display());
    }
    if failed {
        EXIT_CONTENT
    } else {
        EXIT_OK
    }
}

/// Prints a build's diagnostics, progress lines and summary (or its JSON), or why it failed.
pub fn build(result: &Result<Built, BuildFailure>, args: &BuildArgs) -> u8 {
    let quiet = args.quiet || args.json;
    let source = &args.src.source;
    match result {
        Ok(built) => {
            eprint!("{}", built.files.render(&built.diags));
            verdict(false, guidepress::diag::summary(&built.diags), source, quiet);
            for (path, w) in &built.warnings {
                // A back-end's warning about a part of the source (it names the field) is
                // shown at its place in the YAML; typst's own warnings name only the artefact.
                if w.path.is_empty() {
                    eprintln!("warning: {path}: {}", w.message);
                } else {
                    eprint!("{}", built.files.render(std::slice::from_ref(w)));
                }
            }
            built_summary(built, args);
            EXIT_OK
        }
        Err(failure) => {
            eprint!("{}", failure.files.render(&failure.diags));
            let code = match &failure.problem {
                Problem::Content => {
                    verdict(true, guidepress::diag::summary(&failure.diags), source, false);
                    EXIT_CONTENT
                }
                Problem::Render(failures) => {
                    verdict(false, guidepress::diag::summary(&failure.diags), source, quiet);
                    failures.iter().for_each(job_failure);
                    if failure.problem.is_content() {
                        EXIT_CONTENT
                    } else {
                        EXIT_USAGE
                    }
                }
                other => error(&other.to_string(), if other.is_content() { EXIT_CONTENT } else { EXIT_USAGE }),
            };
            if !matches!(failure.problem, Problem::Content) {
                eprintln!("build failed: nothing was written; earlier outputs are unchanged");
            }
            code
        }
    }
}

fn job_failure(f: &JobFailure) {
    match f {
        JobFailure::Render { path, error: guidepress::build::RenderError::Pdf(PdfError::Typst { diags, files }) } => {
            eprint!("{}", files.render(diags));
            eprintln!("error: typst could not build {path} (inspect the generated source with --emit-typst)");
        }
        other => eprintln!("error: {other}"),
    }
}

fn built_summary(built: &Built, args: &BuildArgs) {
    let out = &args.out;
    if args.json {
        let summary = serde_json::json!({ "ok": true, "out": out, "millis": built.millis, "manifest": built.manifest });
        println!("{}", serde_json::to_string_pretty(&summary).unwrap_or_default());
        return;
    }
    if !args.quiet {
        for r in &built.rebuilt {
            let pages = r.pages.map(|p| format!(", {p} page{}", if p == 1 { "" } else { "s" })).unwrap_or_default();
            println!("wrote {} ({} KB{pages}, {} ms)", out.join(&r.path).display(), r.bytes.div_ceil(1024), r.millis);
        }
    }
    let artefacts = &built.manifest.artefacts;
    let total: usize = artefacts.iter().map(|r| r.bytes).sum();
    let kept = artefacts.len() - built.rebuilt.len();
    let kept = if kept > 0 { format!(" ({kept} unchanged)") } else { String::new() };
    println!(
        "built {} artefact(s){kept} for {} brand(s) into {} ({} KB) in {} ms; manifest: {}",
        artefacts.len(),
        built.manifest.brands.len(),
        out.display(),
        total.div_ceil(1024),
        built.millis,
        out.join("manifest.json").display()
    );
}
