//! The `guidepress` command line: argument parsing, `check` and `build`; `watch` and `init`
//! live in their own files under `src/cli/`.

mod cli;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use guidepress::model::Brand;
use guidepress::output::{self, Artefact};
use guidepress::pipeline::{self, BuildError, Kind};
use guidepress::render::pdf::build::Project;
use guidepress::render::pdf::PdfError;

/// Exit codes, documented in `--help` and the README.
pub(crate) const EXIT_CONTENT: u8 = 1;
pub(crate) const EXIT_USAGE: u8 = 2;

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
    /// Check the source, then build the PDF and Word editions, flyers and worksheets.
    Build(BuildArgs),
    /// Build once, then rebuild whenever a file in source/, templates/ or fonts/ changes.
    /// Errors are printed and watching goes on.
    Watch {
        #[command(flatten)]
        build: BuildArgs,
        /// How often to look for changes, in milliseconds.
        #[arg(long, default_value_t = 200)]
        poll_ms: u64,
        /// Stop after this many rebuilds (for scripts and tests); runs until interrupted otherwise.
        #[arg(long)]
        max_rebuilds: Option<u32>,
    },
    /// Create a new, buildable project in DIR from the bundled example (source, templates,
    /// fonts and the default brand). Refuses to write into a folder that is not empty.
    Init {
        dir: PathBuf,
        /// The project to copy from (holding source/, templates/ and fonts/).
        #[arg(long, default_value = ".")]
        from: PathBuf,
    },
}

#[derive(clap::Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    src: SourceArgs,
    /// The output folder; each brand gets its own subfolder, and manifest.json lists everything.
    #[arg(long, default_value = "output")]
    out: PathBuf,
    /// The folder holding templates/ and fonts/.
    #[arg(long, default_value = ".")]
    project: PathBuf,
    /// Brand to build (a file in source/brands/); the document's default_brand otherwise.
    #[arg(long, conflicts_with = "all_brands")]
    brand: Option<String>,
    /// Build every brand in source/brands/.
    #[arg(long)]
    all_brands: bool,
    /// Build only these kinds of artefact.
    #[arg(long, value_delimiter = ',', value_enum)]
    only: Vec<Kind>,
    /// Also write the generated typst source and its assets here (one folder per PDF), for
    /// inspection or for `typst compile DIR/…/main.typ --font-path fonts --ignore-system-fonts`.
    #[arg(long, value_name = "DIR")]
    emit_typst: Option<PathBuf>,
    /// Print only errors and the summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Print a machine-readable JSON summary on standard output instead of progress lines.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { src } => check(&src, false).map(|_| ()),
        Command::Build(args) => build(&args),
        Command::Watch { build: args, poll_ms, max_rebuilds } => cli::watch::run(&args, poll_ms, max_rebuilds),
        Command::Init { dir, from } => cli::init::run(&dir, &from),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

/// Loads and validates; prints diagnostics and the summary. Returns the model when it may be built.
fn check(src: &SourceArgs, quiet: bool) -> Result<guidepress::model::Guidance, u8> {
    let checked = guidepress::check(&src.source, guidepress::today()).map_err(|e| {
        eprintln!("error: {e}");
        EXIT_USAGE
    })?;
    eprint!("{}", checked.files.render(&checked.diags));
    let (errors, warnings) = guidepress::diag::summary(&checked.diags);
    let failed = errors > 0 || (src.deny_warnings && warnings > 0);
    if !quiet || failed {
        let verdict = if failed { "failed" } else { "ok" };
        eprintln!("check {verdict}: {} — {errors} error(s), {warnings} warning(s)", src.source.display());
    }
    match checked.guidance {
        Some(g) if !failed => Ok(g),
        _ => Err(EXIT_CONTENT),
    }
}

pub(crate) fn build(args: &BuildArgs) -> Result<(), u8> {
    let started = Instant::now();
    let g = check(&args.src, args.quiet || args.json)?;
    let brands: Vec<&Brand> = if args.all_brands {
        g.brands.iter().collect()
    } else {
        let id = args.brand.as_deref().unwrap_or(&g.document.default_brand);
        match g.brand(id) {
            Some(b) => vec![b],
            None => {
                let ids: Vec<&str> = g.brands.iter().map(|b| b.id.as_str()).collect();
                eprintln!("error: there is no brand `{id}` (brands: {})", ids.join(", "));
                return Err(EXIT_USAGE);
            }
        }
    };
    let only = if args.only.is_empty() { Kind::ALL.to_vec() } else { args.only.clone() };
    let project = Project::open(&args.project).map_err(|e| {
        eprintln!("error: {e}");
        EXIT_USAGE
    })?;
    let timestamp = guidepress::build_timestamp(&g);
    let jobs = pipeline::plan(&g, &brands, &only);
    let outputs = pipeline::run(&g, &project, &jobs, timestamp).map_err(|errors| {
        for e in errors {
            match e {
                BuildError::Pdf { path, source: PdfError::Typst { diags, files } } => {
                    eprint!("{}", files.render(&diags));
                    eprintln!("error: typst could not build {path} (inspect the generated source with --emit-typst)");
                }
                other => eprintln!("error: {other}"),
            }
        }
        eprintln!("build failed: nothing was written; earlier outputs are unchanged");
        EXIT_CONTENT
    })?;
    for o in &outputs {
        for w in &o.warnings {
            eprintln!("warning: {}: {}", o.report.path, w.message);
        }
    }
    let manifest = pipeline::manifest(&g, &brands, &outputs, timestamp);
    let manifest_json = serde_json::to_string_pretty(&manifest).expect("manifest serialises") + "\n";
    let mut artefacts: Vec<Artefact> =
        outputs.iter().map(|o| Artefact { path: o.artefact.path.clone(), bytes: o.artefact.bytes.clone() }).collect();
    artefacts.push(Artefact { path: PathBuf::from("manifest.json"), bytes: manifest_json.into_bytes() });
    if let Some(dir) = &args.emit_typst {
        let mut emitted = Vec::new();
        for o in &outputs {
            let base = o.artefact.path.with_extension("");
            emitted.extend(o.typst_sources.iter().map(|(p, b)| Artefact { path: base.join(p.trim_start_matches('/')), bytes: b.clone() }));
        }
        output::write_all(dir, &emitted).map_err(|e| io_error(dir, e))?;
    }
    output::write_all(&args.out, &artefacts).map_err(|e| io_error(&args.out, e))?;

    let total_bytes: usize = outputs.iter().map(|o| o.report.bytes).sum();
    let elapsed = started.elapsed().as_millis();
    if args.json {
        let summary = serde_json::json!({ "ok": true, "out": args.out, "millis": elapsed, "manifest": manifest });
        println!("{}", serde_json::to_string_pretty(&summary).expect("summary serialises"));
        return Ok(());
    }
    if !args.quiet {
        for o in &outputs {
            let r = &o.report;
            let pages = r.pages.map(|p| format!(", {p} page{}", if p == 1 { "" } else { "s" })).unwrap_or_default();
            println!("wrote {} ({} KB{pages}, {} ms)", args.out.join(&r.path).display(), r.bytes.div_ceil(1024), r.millis);
        }
    }
    println!(
        "built {} artefact(s) for {} brand(s) into {} ({} KB) in {} ms; manifest: {}",
        outputs.len(),
        brands.len(),
        args.out.display(),
        total_bytes.div_ceil(1024),
        elapsed,
        args.out.join("manifest.json").display()
    );
    Ok(())
}

pub(crate) fn io_error(path: &Path, e: std::io::Error) -> u8 {
    eprintln!("error: cannot write to {}: {e}", path.display());
    EXIT_USAGE
}
