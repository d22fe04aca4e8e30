//! Fonts come only from the project's `fonts/` folder, never from the system, so the same
//! source gives the same bytes on every machine. They are read once per process and shared by
//! every document compiled in it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use super::PdfError;

pub struct FontStore {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

impl FontStore {
    /// Reads every .ttf/.otf/.ttc file below `dir`, in sorted path order (so font indices,
    /// and therefore outputs, do not depend on directory listing order).
    pub fn load(dir: &Path) -> Result<FontStore, PdfError> {
        let paths = font_files(dir).map_err(|e| PdfError::Fonts(format!("cannot read the fonts folder `{}`: {e}", dir.display())))?;
        let mut book = FontBook::new();
        let mut fonts = Vec::new();
        for path in paths {
            let data = std::fs::read(&path).map_err(|e| PdfError::Fonts(format!("cannot read `{}`: {e}", path.display())))?;
            for font in Font::iter(Bytes::new(data)) {
                book.push(font.info().clone());
                fonts.push(font);
            }
        }
        if fonts.is_empty() {
            return Err(PdfError::Fonts(format!("no font files (.ttf, .otf) found in `{}`", dir.display())));
        }
        Ok(FontStore { book: LazyHash::new(book), fonts })
    }

    /// The font store for `dir`, loaded on first use and then shared. It is read again only
    /// if the folder's files changed (names, sizes or times), so `watch` sees new fonts.
    pub fn shared(dir: &Path) -> Result<Arc<FontStore>, PdfError> {
        type Stores = HashMap<PathBuf, (Vec<(PathBuf, u64, Option<std::time::SystemTime>)>, Arc<FontStore>)>;
        static STORES: OnceLock<Mutex<Stores>> = OnceLock::new();
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let fingerprint: Vec<_> = font_files(dir)
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                let m = std::fs::metadata(&p).ok();
                let (len, time) = (m.as_ref().map_or(0, |m| m.len()), m.and_then(|m| m.modified().ok()));
                (p, len, time)
            })
            .collect();
        let mut stores = STORES.get_or_init(Default::default).lock().unwrap_or_else(|p| p.into_inner());
        if let Some((seen, store)) = stores.get(&key) {
            if *seen == fingerprint {
                return Ok(store.clone());
            }
        }
        let store = Arc::new(FontStore::load(dir)?);
        stores.insert(key, (fingerprint, store.clone()));
        Ok(store)
    }

    /// Family names available, for error messages.
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = self.book.families().map(|(name, _)| name.to_string()).collect();
        names.dedup();
        names
    }

    pub fn has_family(&self, family: &str) -> bool {
        self.book.contains_family(&family.to_lowercase())
    }
}

fn font_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    crate::util::files::below(dir, |p| crate::util::files::has_extension(p, &["ttf", "otf", "ttc"]))
}
