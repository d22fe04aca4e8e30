//! The command line: `args` holds every clap struct; `check`, `build`, `watch` and `init` each
//! make a library request from them; `report` prints every result and maps it to an exit code.

pub mod args;
pub mod build;
pub mod check;
pub mod init;
pub mod report;
pub mod serve;
pub mod watch;
