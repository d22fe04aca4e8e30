//! Finding files below a folder in a stable (sorted) order: fonts, YAML lookups and `watch`
//! all need the same walk.

use std::path::{Path, PathBuf};

/// Every file below `dir` (recursively) that `keep` accepts, sorted by path. Only an unreadable
/// `dir` itself is an error; unreadable subfolders are skipped.
pub fn below(dir: &Path, keep: impl Fn(&Path) -> bool) -> std::io::Result<Vec<PathBuf>> {
    fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, keep, out);
            } else if keep(&path) {
                out.push(path);
            }
        }
    }
    std::fs::read_dir(dir)?;
    let mut out = Vec::new();
    walk(dir, &keep, &mut out);
    out.sort();
    Ok(out)
}

/// True if `path` ends in one of `exts` (without the dot, compared case-insensitively).
pub fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_matching_files_recursively_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
        for f in ["z.TTF", "a.yaml", "b/c/x.ttf", "b/readme.txt"] {
            std::fs::write(dir.path().join(f), b"").unwrap();
        }
        let fonts = below(dir.path(), |p| has_extension(p, &["ttf", "otf"])).unwrap();
        let names: Vec<_> = fonts.iter().map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string()).collect();
        assert_eq!(names, ["b/c/x.ttf", "z.TTF"]);
        assert!(below(&dir.path().join("missing"), |_| true).is_err());
    }
}
