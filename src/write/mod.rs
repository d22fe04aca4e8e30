//! Writing outputs as one transaction, so a build that fails, is killed or cannot rename leaves
//! the output folder holding either the previous set of files or the new one, never a mix.
//!
//! Layout inside the output folder (`.guidepress/` is ours; nothing else there is touched):
//! - `.guidepress/lock`: held (an OS file lock) while a transaction runs, so concurrent builds
//!   into one folder take turns;
//! - `.guidepress/staging-ID/…`: the new files, written as they are built;
//! - `.guidepress/backup-ID/…`: hard links to the files about to be replaced;
//! - `.guidepress/journal`: written (atomically) once every new file is staged; its presence
//!   means "ID is committed: move its staged files into place".
//!
//! The next run that opens the folder ([`recover`], called by [`Transaction::begin`] and at
//! the start of every build) finishes a committed transaction (or, if a move fails, puts the
//! backups back) and removes staging folders that never reached the journal.

mod journal;
mod transaction;

pub use journal::recover;
pub use transaction::Transaction;

use std::path::{Component, Path};

/// The folder inside `--out` that holds our bookkeeping.
pub const STATE_DIR: &str = ".guidepress";

/// True if `rel` is a plain relative path that stays below the folder it is joined to.
pub fn is_safe_relative(rel: &Path) -> bool {
    !rel.as_os_str().is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)))
}

/// A test hook for the fault-injection tests: with `GUIDEPRESS_TEST_KILL_AFTER_WRITES=N` set,
/// the process aborts (as a SIGKILL would stop it) just before its Nth file operation.
pub(crate) fn fault_point() {
    use std::sync::atomic::{AtomicU64, Ordering};
    static DONE: AtomicU64 = AtomicU64::new(0);
    static LIMIT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let limit = LIMIT.get_or_init(|| std::env::var("GUIDEPRESS_TEST_KILL_AFTER_WRITES").ok().and_then(|s| s.parse().ok()));
    if let Some(limit) = *limit {
        if DONE.fetch_add(1, Ordering::SeqCst) + 1 >= limit {
            std::process::abort();
        }
    }
}
