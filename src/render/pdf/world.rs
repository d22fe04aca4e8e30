//! The typst `World` guidepress compiles in. Everything it can read is handed to it up front
//! and held in memory: the generated main file, the template library, and the images and logos
//! the builder read from the source folder. Nothing else on disk is reachable (so a template or
//! a string cannot `#read("/etc/passwd")`), fonts come only from `fonts/`, and packages are
//! refused with a message saying why.

use std::collections::HashMap;
use std::sync::Arc;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FontStore;

/// The standard library is the same for every document: build it once.
fn library() -> &'static LazyHash<Library> {
    static LIB: std::sync::OnceLock<LazyHash<Library>> = std::sync::OnceLock::new();
    LIB.get_or_init(|| LazyHash::new(Library::default()))
}

pub struct GuideWorld {
    fonts: Arc<FontStore>,
    main: FileId,
    /// Typst sources held in memory (the generated main file and the template library).
    sources: HashMap<FileId, Source>,
    /// Other files held in memory (generated QR codes, for example).
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// A file id for a path inside the project, e.g. `/main.typ`.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid").expect("valid path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl GuideWorld {
    pub fn new(fonts: Arc<FontStore>, main_path: &str, main_text: String, today: Datetime) -> GuideWorld {
        let main = file_id(main_path);
        let mut sources = HashMap::new();
        sources.insert(main, Source::new(main, main_text));
        GuideWorld { fonts, main, sources, files: HashMap::new(), today }
    }

    pub fn add_source(&mut self, path: &str, text: String) {
        let id = file_id(path);
        self.sources.insert(id, Source::new(id, text));
    }

    pub fn add_file(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.insert(file_id(path), Bytes::new(bytes));
    }

    pub fn name(&self, id: FileId) -> String {
        id.get().vpath().get_without_slash().to_string()
    }

    /// Every file the world holds, with its path, for `--emit-typst`.
    pub fn all_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = self.sources.iter().map(|(id, s)| (self.name(*id), s.text().as_bytes().to_vec())).collect();
        out.extend(self.files.iter().map(|(id, b)| (self.name(*id), b.to_vec())));
        out.sort();
        out
    }

    fn missing(&self, id: FileId) -> FileError {
        let rooted = id.get();
        if let VirtualRoot::Package(spec) = rooted.root() {
            return FileError::Other(Some(
                format!("packages such as `{spec}` are not available: guidepress compiles offline without Typst Universe packages; copy what you need into templates/").into(),
            ));
        }
        FileError::NotFound(std::path::PathBuf::from(rooted.vpath().get_without_slash()))
    }
}

impl World for GuideWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| self.missing(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.files.get(&id) {
            return Ok(b.clone());
        }
        if let Some(s) = self.sources.get(&id) {
            return Ok(Bytes::from_string(s.clone()));
        }
        Err(self.missing(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
