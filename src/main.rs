//! The `guidepress` command line. This file only dispatches; each subcommand's file in `cli/`
//! turns arguments into a library request and hands the result to `cli::report`.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::args::{Cli, Command};

fn main() -> ExitCode {
    let code = match Cli::parse().command {
        Command::Check(args) => cli::check::run(&args),
        Command::Build(args) => cli::build::run(&args),
        Command::Watch(args) => cli::watch::run(&args),
        Command::Init(args) => cli::init::run(&args),
    };
    ExitCode::from(code)
}
