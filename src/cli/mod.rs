//! Subcommands of the binary that need more than a few lines.

pub mod init;
pub mod watch;
