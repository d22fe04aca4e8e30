//! The `guidepress` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit codes, documented in `--help` and the README.
const EXIT_CONTENT: u8 = 1;
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "guidepress",
    version,
    about = "Compile one YAML source of safeguarding guidance into a PDF, a Word document and printable flyers."
)]
#[command(after_help = "Exit codes: 0 success (warnings allowed), 1 problems in the content, 2 usage or I/O error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the source for problems and print every one of them, with where it is and a hint.
    Check {
        /// The source folder.
        #[arg(long, default_value = "source")]
        source: PathBuf,
        /// Treat warnings (review date passed, contacts not verified recently, drafts) as failures.
        #[arg(long)]
        deny_warnings: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { source, deny_warnings } => check(&source, deny_warnings),
    }
}

fn check(source: &std::path::Path, deny_warnings: bool) -> ExitCode {
    let checked = match guidepress::check(source, guidepress::today()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    eprint!("{}", checked.files.render(&checked.diags));
    let (errors, warnings) = guidepress::diag::summary(&checked.diags);
    let failed = errors > 0 || (deny_warnings && warnings > 0);
    let verdict = if failed { "failed" } else { "ok" };
    println!("check {verdict}: {} — {errors} error(s), {warnings} warning(s)", source.display());
    if failed {
        ExitCode::from(EXIT_CONTENT)
    } else {
        ExitCode::SUCCESS
    }
}
