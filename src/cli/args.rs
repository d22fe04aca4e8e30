//! Every command-line argument, in one place (as typst's CLI keeps its `args.rs`). The other
//! files of `cli/` turn these into library requests.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use guidepress::Kind;

#[derive(Parser)]
#[command(
    name = "guidepress",
    version,
    about = "Compile one YAML source of safeguarding guidance into a PDF, a Word document and printable flyers."
)]
#[command(after_help = "Exit codes: 0 success (warnings allowed), 1 problems in the content or templates, 2 usage or I/O error.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check the source for problems and print every one of them, with where it is and a hint.
    Check(SourceArgs),
    /// Check the source, then build the PDF, Word and HTML editions, flyers and worksheets.
    Build(BuildArgs),
    /// Build once, then rebuild what an edit touches whenever a file in source/, templates/ or
    /// fonts/ changes. Errors are printed and watching goes on.
    Watch(WatchArgs),
    /// Create a new, buildable project in DIR from the bundled example (source, templates,
    /// fonts and the default brand). Refuses to write into a folder that is not empty.
    Init(InitArgs),
}

#[derive(clap::Args)]
pub struct SourceArgs {
    /// The source folder.
    #[arg(long, default_value = "source")]
    pub source: PathBuf,
    /// Treat warnings (review date passed, contacts not verified recently, drafts) as failures.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub src: SourceArgs,
    /// The output folder; each brand gets its own subfolder, and manifest.json lists everything.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// The folder holding templates/ and fonts/.
    #[arg(long, default_value = ".")]
    pub project: PathBuf,
    /// Brand to build (a file in source/brands/); the document's default_brand otherwise.
    #[arg(long, conflicts_with = "all_brands")]
    pub brand: Option<String>,
    /// Build every brand in source/brands/.
    #[arg(long)]
    pub all_brands: bool,
    /// Build only these kinds of artefact: pdf, docx, flyers, worksheets, figures, html.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<Kind>,
    /// Also write the generated typst source and its assets here (one folder per PDF), for
    /// inspection or for `typst compile DIR/…/main.typ --font-path fonts --ignore-system-fonts`.
    #[arg(long, value_name = "DIR")]
    pub emit_typst: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0, hide_default_value = true)]
    pub jobs: usize,
    /// Print only errors and the summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print a machine-readable JSON summary on standard output instead of progress lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// How often to look for changes, in milliseconds.
    #[arg(long, default_value_t = 200)]
    pub poll_ms: u64,
    /// Stop after this many rebuilds (for scripts and tests); runs until interrupted otherwise.
    #[arg(long)]
    pub max_rebuilds: Option<u32>,
    /// Also serve the output folder over HTTP (default port 8000; 0 picks a free one) and
    /// reload an open page of the HTML edition after each rebuild.
    #[arg(long, value_name = "PORT", num_args = 0..=1, default_missing_value = "8000")]
    pub serve: Option<u16>,
    /// The address to serve on. Loopback by default, so nothing outside this computer can
    /// read a draft; give 0.0.0.0 only on a network you trust.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1", requires = "serve")]
    pub bind: std::net::IpAddr,
}

#[derive(clap::Args)]
pub struct InitArgs {
    pub dir: PathBuf,
    /// The project to copy from (holding source/, templates/ and fonts/).
    #[arg(long, default_value = ".")]
    pub from: PathBuf,
}
