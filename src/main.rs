//! The `guidepress` command line.

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
struct BuildArgs {
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
        Command::Watch { build: args, poll_ms, max_rebuilds } => watch(&args, poll_ms, max_rebuilds),
        Command::Init { dir, from } => init(&dir, &from),
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

fn build(args: &BuildArgs) -> Result<(), u8> {
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

fn io_error(path: &Path, e: std::io::Error) -> u8 {
    eprintln!("error: cannot write to {}: {e}", path.display());
    EXIT_USAGE
}

/// Modification times and sizes of every file under the watched folders.
fn snapshot(dirs: &[PathBuf]) -> Vec<(PathBuf, Option<std::time::SystemTime>, u64)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Option<std::time::SystemTime>, u64)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let path = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => walk(&path, out),
                Ok(m) => out.push((path, m.modified().ok(), m.len())),
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for d in dirs {
        walk(d, &mut out);
    }
    out.sort();
    out
}

fn watch(args: &BuildArgs, poll_ms: u64, max_rebuilds: Option<u32>) -> Result<(), u8> {
    // Fonts stay loaded (FontStore::shared) and typst's memoised layout is reused between
    // builds in this process, so a rebuild after a small edit only redoes what changed.
    let dirs = vec![args.src.source.clone(), args.project.join("templates"), args.project.join("fonts")];
    // Snapshot before the first build so an edit made while it runs is not missed.
    let mut last = snapshot(&dirs);
    let _ = build(args);
    println!("watching {} for changes (Ctrl-C to stop)", dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", "));
    let mut rebuilds = 0;
    loop {
        std::thread::sleep(std::time::Duration::from_millis(poll_ms));
        let now = snapshot(&dirs);
        if now == last {
            continue;
        }
        last = now;
        let started = Instant::now();
        match build(args) {
            Ok(()) => println!("rebuilt in {} ms", started.elapsed().as_millis()),
            Err(_) => println!("rebuild failed (see above); still watching"),
        }
        rebuilds += 1;
        if max_rebuilds.is_some_and(|m| rebuilds >= m) {
            return Ok(());
        }
    }
}

fn init(dir: &Path, from: &Path) -> Result<(), u8> {
    if dir.exists() && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        eprintln!("error: {} is not empty; init only writes into a new or empty folder", dir.display());
        return Err(EXIT_USAGE);
    }
    let checked = guidepress::check(&from.join("source"), guidepress::today()).map_err(|e| {
        eprintln!("error: cannot read the example project in {}: {e}", from.display());
        EXIT_USAGE
    })?;
    let Some(g) = checked.guidance else {
        eprintln!("error: the example source in {} has errors; run `guidepress check` there", from.display());
        return Err(EXIT_CONTENT);
    };
    let brand = g.document.default_brand.clone();
    let result = (|| -> std::io::Result<()> {
        copy_tree(&from.join("templates"), &dir.join("templates"), &|_| true)?;
        copy_tree(&from.join("fonts"), &dir.join("fonts"), &|_| true)?;
        // One brand: the default one, with its logo.
        let keep = |p: &Path| {
            let in_brands = p.components().any(|c| c.as_os_str() == "brands");
            !in_brands || p.is_dir() || p.file_stem().is_some_and(|s| s.to_string_lossy() == brand)
        };
        copy_tree(&from.join("source"), &dir.join("source"), &keep)?;
        std::fs::create_dir_all(dir.join("output"))?;
        std::fs::write(dir.join(".gitignore"), "/output/\n")?;
        Ok(())
    })();
    result.map_err(|e| io_error(dir, e))?;
    println!("created {} (brand `{brand}`); next: cd {} && guidepress build", dir.display(), dir.display());
    Ok(())
}

fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut entries: Vec<_> = std::fs::read_dir(from)?.flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        if !keep(&path) {
            continue;
        }
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_tree(&path, &target, keep)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}
