//! One build's writes: files are staged as they are made, then committed together.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::journal::{self, backup_dir, staging_dir};
use super::{fault_point, is_safe_relative};

/// An open set of writes into one output folder. Dropping it without [`commit`](Self::commit)
/// discards everything staged; the folder is then as it was.
pub struct Transaction {
    out: PathBuf,
    id: String,
    staged: Mutex<Vec<PathBuf>>,
    _lock: File,
}

impl Transaction {
    /// Opens `out` (creating it), waits for its lock, and finishes or clears whatever an
    /// interrupted earlier build left there.
    pub fn begin(out: &Path) -> io::Result<Transaction> {
        std::fs::create_dir_all(out)?;
        let lock = journal::lock(out)?;
        journal::recover_locked(out)?;
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let id = format!("{}-{nanos}", std::process::id());
        std::fs::create_dir_all(staging_dir(out, &id))?;
        Ok(Transaction { out: out.to_path_buf(), id, staged: Mutex::new(Vec::new()), _lock: lock })
    }

    /// The folder being written.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Writes one file of the new set (`rel` is relative to the output folder). Safe to call
    /// from several threads at once.
    pub fn stage(&self, rel: &Path, bytes: &[u8]) -> io::Result<()> {
        if !is_safe_relative(rel) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write `{}` outside the output folder", rel.display()),
            ));
        }
        let path = staging_dir(&self.out, &self.id).join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        fault_point();
        let mut f = File::create(&path)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        self.staged.lock().unwrap_or_else(|p| p.into_inner()).push(rel.to_path_buf());
        Ok(())
    }

    /// Moves every staged file into place. Files named `manifest.json` go last, so a reader
    /// that trusts the manifest never sees it describe files not yet there. On error the
    /// folder holds the previous set.
    pub fn commit(self) -> io::Result<Vec<PathBuf>> {
        let mut entries = std::mem::take(&mut *self.staged.lock().unwrap_or_else(|p| p.into_inner()));
        entries.sort_by_key(|p| (p.file_name().is_some_and(|n| n == "manifest.json"), p.clone()));
        entries.dedup();
        self.prepare(&entries)?;
        journal::write(&self.out, &self.id, &entries)?;
        journal::apply(&self.out, &self.id, &entries)?;
        journal::sync_dir(&self.out);
        Ok(entries.iter().map(|e| self.out.join(e)).collect())
    }

    /// Everything that can fail before the first file is replaced: folders for the new files,
    /// targets that are not files (a folder where a file must go), and backups of the files
    /// about to be replaced (hard links, so they cost no space).
    fn prepare(&self, entries: &[PathBuf]) -> io::Result<()> {
        for rel in entries {
            let target = self.out.join(rel);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir)?;
            }
            match std::fs::symlink_metadata(&target) {
                Ok(m) if m.is_file() => {
                    let backup = backup_dir(&self.out, &self.id).join(rel);
                    if let Some(dir) = backup.parent() {
                        std::fs::create_dir_all(dir)?;
                    }
                    fault_point();
                    if std::fs::hard_link(&target, &backup).is_err() {
                        std::fs::copy(&target, &backup)?;
                    }
                }
                Ok(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!("{} is in the way: it is not a file; move it away and build again", target.display()),
                    ))
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

impl Drop for Transaction {
    fn drop(&mut self) {
        // After a commit the folders are already gone; after an abandoned build this discards
        // what was staged. The journal is never written by an abandoned transaction.
        let _ = std::fs::remove_dir_all(staging_dir(&self.out, &self.id));
        let _ = std::fs::remove_dir_all(backup_dir(&self.out, &self.id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(p: &Path) -> String {
        std::fs::read_to_string(p).unwrap_or_else(|e| format!("<{e}>"))
    }

    #[test]
    fn commit_replaces_the_set_and_leaves_no_bookkeeping() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), "old a").unwrap();
        let t = Transaction::begin(dir.path()).unwrap();
        t.stage(Path::new("a.pdf"), b"new a").unwrap();
        t.stage(Path::new("x/b.pdf"), b"new b").unwrap();
        t.commit().unwrap();
        assert_eq!(read(&dir.path().join("a.pdf")), "new a");
        assert_eq!(read(&dir.path().join("x/b.pdf")), "new b");
        let state: Vec<_> = std::fs::read_dir(dir.path().join(".guidepress")).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(state, ["lock"], "only the lock file stays");
    }

    #[test]
    fn a_target_that_is_a_folder_fails_before_anything_changes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), "old a").unwrap();
        std::fs::create_dir(dir.path().join("manifest.json")).unwrap();
        let t = Transaction::begin(dir.path()).unwrap();
        t.stage(Path::new("a.pdf"), b"new a").unwrap();
        t.stage(Path::new("manifest.json"), b"{}").unwrap();
        let err = t.commit().unwrap_err();
        assert!(err.to_string().contains("not a file"), "{err}");
        assert_eq!(read(&dir.path().join("a.pdf")), "old a");
        // The next transaction starts clean.
        let t = Transaction::begin(dir.path()).unwrap();
        drop(t);
        let names: Vec<_> = std::fs::read_dir(dir.path().join(".guidepress")).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, ["lock"]);
    }

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let t = Transaction::begin(dir.path()).unwrap();
        for bad in ["../x.pdf", "/etc/x", "a/../../x", ""] {
            assert!(t.stage(Path::new(bad), b"x").is_err(), "{bad}");
        }
    }

    #[test]
    fn recovery_finishes_a_committed_transaction_or_drops_an_uncommitted_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("a.pdf"), "old a").unwrap();
        std::fs::write(out.join("b.pdf"), "old b").unwrap();
        // A committed transaction interrupted after moving a.pdf: the journal names both.
        std::fs::create_dir_all(staging_dir(out, "7-1")).unwrap();
        std::fs::write(staging_dir(out, "7-1").join("b.pdf"), "new b").unwrap();
        std::fs::write(out.join("a.pdf"), "new a").unwrap();
        journal::write(out, "7-1", &[PathBuf::from("a.pdf"), PathBuf::from("b.pdf")]).unwrap();
        // And a staging folder that never got a journal.
        std::fs::create_dir_all(staging_dir(out, "8-2")).unwrap();
        std::fs::write(staging_dir(out, "8-2").join("a.pdf"), "abandoned").unwrap();
        journal::recover(out).unwrap();
        assert_eq!((read(&out.join("a.pdf")), read(&out.join("b.pdf"))), ("new a".into(), "new b".into()));
        let names: Vec<_> = std::fs::read_dir(out.join(".guidepress")).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, ["lock"]);
    }
}
