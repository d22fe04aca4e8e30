//! The journal that makes a set of renames all-or-nothing across kills, and the recovery that
//! finishes (or undoes) an interrupted set.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{fault_point, is_safe_relative, STATE_DIR};

const HEADER: &str = "guidepress-journal 1";

pub(super) fn state_dir(out: &Path) -> PathBuf {
    out.join(STATE_DIR)
}

pub(super) fn staging_dir(out: &Path, id: &str) -> PathBuf {
    state_dir(out).join(format!("staging-{id}"))
}

pub(super) fn backup_dir(out: &Path, id: &str) -> PathBuf {
    state_dir(out).join(format!("backup-{id}"))
}

fn journal_path(out: &Path) -> PathBuf {
    state_dir(out).join("journal")
}

/// Takes the folder's lock (waiting for another build's transaction to end).
pub(super) fn lock(out: &Path) -> io::Result<File> {
    std::fs::create_dir_all(state_dir(out))?;
    let file = File::options().create(true).truncate(false).write(true).open(state_dir(out).join("lock"))?;
    file.lock()?;
    Ok(file)
}

/// Records that transaction `id` is committed: from here on its files will be moved into
/// place, by this process or, if it dies, by the next one to open the folder.
pub(super) fn write(out: &Path, id: &str, entries: &[PathBuf]) -> io::Result<()> {
    let mut text = format!("{HEADER}\n{id}\n");
    for e in entries {
        text.push_str(&e.to_string_lossy());
        text.push('\n');
    }
    let tmp = state_dir(out).join("journal.tmp");
    fault_point();
    let mut f = File::create(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    fault_point();
    std::fs::rename(&tmp, journal_path(out))?;
    sync_dir(&state_dir(out));
    Ok(())
}

fn read(out: &Path) -> io::Result<Option<(String, Vec<PathBuf>)>> {
    let text = match std::fs::read_to_string(journal_path(out)) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut lines = text.lines();
    let bad = || io::Error::new(io::ErrorKind::InvalidData, format!("{} is damaged", journal_path(out).display()));
    if lines.next() != Some(HEADER) {
        return Err(bad());
    }
    let id = lines.next().filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).ok_or_else(bad)?.to_string();
    let entries: Vec<PathBuf> = lines.map(PathBuf::from).collect();
    if !entries.iter().all(|e| is_safe_relative(e)) {
        return Err(bad());
    }
    Ok(Some((id, entries)))
}

/// Moves the staged files of `id` into place in order. If one move fails, every file already
/// moved is put back as it was (from the backups), and the error is returned.
pub(super) fn apply(out: &Path, id: &str, entries: &[PathBuf]) -> io::Result<()> {
    for rel in entries {
        let staged = staging_dir(out, id).join(rel);
        if !staged.exists() {
            continue; // moved before an interruption
        }
        fault_point();
        if let Err(e) = std::fs::rename(&staged, out.join(rel)) {
            roll_back(out, id, entries);
            finish(out, id)?;
            return Err(io::Error::new(e.kind(), format!("cannot move {} into place: {e}", out.join(rel).display())));
        }
    }
    finish(out, id)
}

/// Undoes the moves of `id` that happened: a replaced file gets its backup back, a new file
/// is removed.
fn roll_back(out: &Path, id: &str, entries: &[PathBuf]) {
    for rel in entries {
        if staging_dir(out, id).join(rel).exists() {
            continue; // never moved
        }
        let backup = backup_dir(out, id).join(rel);
        if backup.exists() {
            let _ = std::fs::rename(&backup, out.join(rel));
        } else {
            let _ = std::fs::remove_file(out.join(rel));
        }
    }
}

/// Ends transaction `id`: the journal goes first (the new set is now the one), then the
/// staging and backup folders.
fn finish(out: &Path, id: &str) -> io::Result<()> {
    fault_point();
    match std::fs::remove_file(journal_path(out)) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    sync_dir(&state_dir(out));
    let _ = std::fs::remove_dir_all(staging_dir(out, id));
    let _ = std::fs::remove_dir_all(backup_dir(out, id));
    Ok(())
}

/// Finishes a transaction that an earlier run committed but did not complete, and removes
/// whatever an earlier run staged without committing. Safe to call at any time; does nothing
/// if `out` has no state folder.
pub fn recover(out: &Path) -> io::Result<()> {
    if !state_dir(out).is_dir() {
        return Ok(());
    }
    let _lock = lock(out)?;
    recover_locked(out)
}

pub(super) fn recover_locked(out: &Path) -> io::Result<()> {
    if let Some((id, entries)) = read(out)? {
        apply(out, &id, &entries)?;
    }
    for e in std::fs::read_dir(state_dir(out))?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("staging-") || name.starts_with("backup-") {
            std::fs::remove_dir_all(e.path())?;
        } else if name == "journal.tmp" {
            std::fs::remove_file(e.path())?;
        }
    }
    Ok(())
}

/// Makes a rename in `dir` durable (best effort: not every platform can sync a folder).
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}
