//! Writing outputs atomically: every artefact of a build is first written beside its target
//! under a temporary name, and only when all of them are written are they renamed into place.
//! A build that fails part-way therefore leaves the previous good outputs untouched.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One file to write, relative to the output folder.
pub struct Artefact {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Writes all artefacts under `out`, all or nothing (as far as the file system allows: the
/// final renames are atomic one by one).
pub fn write_all(out: &Path, artefacts: &[Artefact]) -> std::io::Result<Vec<PathBuf>> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = (|| {
        for a in artefacts {
            let target = out.join(&a.path);
            let dir = target.parent().unwrap_or(out);
            std::fs::create_dir_all(dir)?;
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
            let mut f = std::fs::File::create(&tmp)?;
            staged.push((tmp.clone(), target.clone()));
            f.write_all(&a.bytes)?;
            f.sync_all()?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        for (tmp, _) in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    let mut written = Vec::new();
    for (tmp, target) in staged {
        std::fs::rename(&tmp, &target)?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_previous_files_and_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("good.pdf"), b"old").unwrap();
        // A file where a folder should be makes the second write fail.
        std::fs::write(dir.path().join("notadir"), b"").unwrap();
        let arts = vec![
            Artefact { path: "good.pdf".into(), bytes: b"new".to_vec() },
            Artefact { path: "notadir/x.pdf".into(), bytes: b"x".to_vec() },
        ];
        assert!(write_all(dir.path(), &arts).is_err());
        assert_eq!(std::fs::read(dir.path().join("good.pdf")).unwrap(), b"old");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty());
        write_all(dir.path(), &arts[..1]).unwrap();
        assert_eq!(std::fs::read(dir.path().join("good.pdf")).unwrap(), b"new");
    }
}
