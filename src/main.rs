//! The `guidepress` command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use guidepress::diag::{Diagnostic, SourceFiles};
use guidepress::output::{self, Artefact};
use guidepress::render::pdf::{build, PdfError};

/// Exit codes, documented in `--help` and the README.
const EXIT_CONTENT: u8 = 1;
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "guidepress",
    version,
    about = "Compile one YAML source of safeguarding guidance into a PDF, a Word document and printable flyers."
)]
#[command(after_help = "Exit codes: 0 success (warnings allowed), 1 problems in the content or templates, 2 usage or I/O error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct SourceArgs {
    /// The source folder.
    #[arg(long, default_value = "source")]
    source: PathBuf,
    /// Treat warnings (review date passed, contacts not verified recently, drafts) as failures.
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Check the source for problems and print every one of them, with where it is and a hint.
    Check {
        #[command(flatten)]
        src: SourceArgs,
    },
    /// Check the source, then build the PDF edition into the output folder.
    Build {
        #[command(flatten)]
        src: SourceArgs,
        /// The output folder; each brand gets its own subfolder.
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// The folder holding templates/ and fonts/.
        #[arg(long, default_value = ".")]
        project: PathBuf,
        /// Brand to build (a file in source/brands/); the document's default_brand otherwise.
        #[arg(long)]
        brand: Option<String>,
        /// Also write the generated typst source and its assets here, for inspection or for
        /// compiling with the typst CLI (`typst compile DIR/main.typ --font-path fonts --ignore-system-fonts`).
        #[arg(long, value_name = "DIR")]
        emit_typst: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { src } => match check(&src) {
            Ok(_) => ExitCode::SUCCESS,
            Err(code) => ExitCode::from(code),
        },
        Command::Build { src, out, project, brand, emit_typst } => {
            match build(&src, &out, &project, brand.as_deref(), emit_typst.as_deref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => ExitCode::from(code),
            }
        }
    }
}

/// Loads and validates; prints diagnostics and the summary. Returns the model when it may be built.
fn check(src: &SourceArgs) -> Result<guidepress::model::Guidance, u8> {
    let checked = guidepress::check(&src.source, guidepress::today()).map_err(|e| {
        eprintln!("error: {e}");
        EXIT_USAGE
    })?;
    eprint!("{}", checked.files.render(&checked.diags));
    let (errors, warnings) = guidepress::diag::summary(&checked.diags);
    let failed = errors > 0 || (src.deny_warnings && warnings > 0);
    let verdict = if failed { "failed" } else { "ok" };
    println!("check {verdict}: {} — {errors} error(s), {warnings} warning(s)", src.source.display());
    match checked.guidance {
        Some(g) if !failed => Ok(g),
        _ => Err(EXIT_CONTENT),
    }
}

fn build(src: &SourceArgs, out: &Path, project: &Path, brand: Option<&str>, emit: Option<&Path>) -> Result<(), u8> {
    let g = check(src)?;
    let brand_id = brand.unwrap_or(&g.document.default_brand);
    let Some(brand) = g.brand(brand_id) else {
        let ids: Vec<&str> = g.brands.iter().map(|b| b.id.as_str()).collect();
        eprintln!("error: there is no brand `{brand_id}` (brands: {})", ids.join(", "));
        return Err(EXIT_USAGE);
    };
    let project = build::Project::open(project).map_err(|e| report_pdf(e))?;
    let timestamp = guidepress::build_timestamp(&g);

    let started = Instant::now();
    let pdf = build::guidance(&g, brand, &project, timestamp).map_err(report_pdf)?;
    let pdf_time = started.elapsed();
    report_warnings(&pdf.warnings);

    let pdf_path = PathBuf::from(&brand.id).join(format!("{}.pdf", g.document.slug));
    let artefacts = vec![Artefact { path: pdf_path.clone(), bytes: pdf.bytes }];
    if let Some(dir) = emit {
        let emitted: Vec<Artefact> = pdf.sources.iter().map(|(p, b)| Artefact { path: PathBuf::from(p), bytes: b.clone() }).collect();
        output::write_all(dir, &emitted).map_err(|e| io_error(dir, e))?;
        println!("wrote typst source to {}", dir.display());
    }
    output::write_all(out, &artefacts).map_err(|e| io_error(out, e))?;
    println!(
        "wrote {} ({} pages, {} KB, {} ms)",
        out.join(&pdf_path).display(),
        pdf.pages,
        artefacts[0].bytes.len().div_ceil(1024),
        pdf_time.as_millis()
    );
    Ok(())
}

fn report_pdf(e: PdfError) -> u8 {
    match e {
        PdfError::Typst { diags, files } => {
            eprint!("{}", files.render(&diags));
            eprintln!("error: typst could not build the PDF (the generated source can be inspected with --emit-typst)");
        }
        other => eprintln!("error: {other}"),
    }
    EXIT_CONTENT
}

fn report_warnings(warnings: &[Diagnostic]) {
    if !warnings.is_empty() {
        let files = SourceFiles::default();
        for w in warnings {
            eprintln!("typst warning: {}", w.message);
        }
        let _ = files;
    }
}

fn io_error(path: &Path, e: std::io::Error) -> u8 {
    eprintln!("error: cannot write to {}: {e}", path.display());
    EXIT_USAGE
}
