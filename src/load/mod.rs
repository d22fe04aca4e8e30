//! The loader: reads a source folder into the [`Guidance`] model.
//!
//! It owns the mapping from files and fields to model types, and records where every id is
//! defined and referenced ([`SourceIndex`]) so the validator can point at the right place.

mod blocks;
mod brand;
mod contacts;
mod document;
mod style;
mod toolkit;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Loc, SourceFiles};
use crate::model::Guidance;
use crate::source::decode::Decoder;
use crate::source::yaml::{self, Node};

/// What the loader hands on: the model (if every file decoded), what it found wrong, and the
/// file texts for rendering diagnostics.
pub struct Loaded {
    pub guidance: Option<Guidance>,
    pub index: SourceIndex,
    pub diags: Vec<Diagnostic>,
    pub files: SourceFiles,
}

/// The namespaces ids live in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ns {
    /// Sections, appendices, pathways and worksheets: anything a `#id` link can go to.
    Target,
    Contact,
    Worksheet,
    Flyer,
    /// Steps of one pathway (named by the pathway's id).
    Step(String),
}

impl Ns {
    pub fn noun(&self) -> &'static str {
        match self {
            Ns::Target => "section, pathway or worksheet",
            Ns::Contact => "contact",
            Ns::Worksheet => "worksheet",
            Ns::Flyer => "flyer",
            Ns::Step(_) => "pathway step",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Site {
    pub ns: Ns,
    pub id: String,
    pub loc: Loc,
    pub path: String,
}

/// Where things are in the source, for the validator.
#[derive(Debug, Default, Clone)]
pub struct SourceIndex {
    pub defs: Vec<Site>,
    pub refs: Vec<Site>,
    /// Image files named by figures and logos: (path relative to the source folder, loc, field path).
    pub images: Vec<(PathBuf, Loc, String)>,
    /// Locations of single fields that warnings point at (`document.review_date`, …).
    pub fields: HashMap<String, Loc>,
    /// Contacts defined by each brand, by brand id.
    pub brand_contacts: HashMap<String, Vec<String>>,
    /// The safe-messaging rules in force (built-in, changed by style.yaml).
    pub style: crate::model::StyleRules,
}

/// I/O problems that stop loading before any file can be read: exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("there is no source folder at `{}`{}; run guidepress in the project folder (the one holding source/, templates/ and fonts/), or point at it with `--source DIR` (and `--project DIR` for build)", .0.display(), looked_in(.0))]
    NoFolder(PathBuf),
    #[error("`{0}` is missing: every source folder needs a guidance.yaml")]
    NoGuidance(PathBuf),
    #[error("cannot read `{path}`: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// " (looked in /abs/dir)" for a relative path, so the message says where it looked.
fn looked_in(path: &Path) -> String {
    match (path.is_relative(), std::env::current_dir()) {
        (true, Ok(cwd)) => format!(" (looked in {})", cwd.join(path).display()),
        _ => String::new(),
    }
}

/// The files of a source folder, in the order they are read.
pub const GUIDANCE_FILE: &str = "guidance.yaml";
pub const CONTACTS_FILE: &str = "contacts.yaml";
pub const TOOLKIT_FILE: &str = "toolkit.yaml";
pub const FLYERS_FILE: &str = "flyers.yaml";
pub const STYLE_FILE: &str = "style.yaml";
pub const BRANDS_DIR: &str = "brands";

pub struct Ctx {
    pub d: Decoder,
    pub index: SourceIndex,
}

impl Ctx {
    pub fn def(&mut self, ns: Ns, id: &str, loc: Loc, path: &str) {
        self.index.defs.push(Site { ns, id: id.to_string(), loc, path: path.to_string() });
    }

    pub fn reference(&mut self, ns: Ns, id: &str, loc: Loc, path: &str) {
        self.index.refs.push(Site { ns, id: id.to_string(), loc, path: path.to_string() });
    }
}

pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError::NoFolder(dir.to_path_buf()));
    }
    let guidance_path = dir.join(GUIDANCE_FILE);
    if !guidance_path.is_file() {
        return Err(LoadError::NoGuidance(guidance_path));
    }
    let real_root = dir.canonicalize().map_err(|source| LoadError::Io { path: dir.to_path_buf(), source })?;
    let mut files = SourceFiles::default();
    let mut cx = Ctx { d: Decoder::default(), index: SourceIndex::default() };

    let guidance_root = read(&mut files, &mut cx, &real_root, &guidance_path, true)?;
    let contacts_root = read(&mut files, &mut cx, &real_root, &dir.join(CONTACTS_FILE), false)?;
    let toolkit_root = read(&mut files, &mut cx, &real_root, &dir.join(TOOLKIT_FILE), false)?;
    let flyers_root = read(&mut files, &mut cx, &real_root, &dir.join(FLYERS_FILE), false)?;
    let style_root = read(&mut files, &mut cx, &real_root, &dir.join(STYLE_FILE), false)?;
    cx.index.style = match &style_root {
        Some(n) => style::decode(&mut cx, n),
        None => crate::model::StyleRules::defaults(),
    };

    let mut brand_roots = Vec::new();
    let brands_dir = dir.join(BRANDS_DIR);
    if brands_dir.is_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&brands_dir)
            .map_err(|source| LoadError::Io { path: brands_dir.clone(), source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        paths.sort();
        for p in paths {
            let id = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            if let Some(root) = read(&mut files, &mut cx, &real_root, &p, true)? {
                // The file name is the brand's id and its output folder: it must be an id like
                // any other, or a file named `...yaml` would write outside `--out`.
                if crate::source::decode::is_valid_id(&id) {
                    brand_roots.push((id, root));
                } else {
                    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    cx.d.error(
                        root.loc,
                        "",
                        format!("the brand file name `{name}` does not make a valid brand id"),
                        "name brand files with lower-case letters, digits and single hyphens, for example `north-council.yaml`",
                    );
                }
            }
        }
    }

    let document = guidance_root.as_ref().and_then(|n| document::decode_guidance(&mut cx, n));
    let contacts = contacts_root.as_ref().map(|n| contacts::decode_file(&mut cx, n)).unwrap_or(Some(Vec::new()));
    let worksheets = toolkit_root.as_ref().map(|n| toolkit::decode_toolkit(&mut cx, n)).unwrap_or(Some(Vec::new()));
    let flyers = flyers_root.as_ref().map(|n| toolkit::decode_flyers(&mut cx, n)).unwrap_or(Some(Vec::new()));
    let brands: Vec<_> = brand_roots.iter().map(|(id, n)| brand::decode(&mut cx, id, n)).collect();

    for (id, loc, path) in std::mem::take(&mut cx.d.internal_links) {
        cx.reference(Ns::Target, &id, loc, &path);
    }

    let guidance = match (document, contacts, worksheets, flyers) {
        (Some(doc), Some(contacts), Some(worksheets), Some(flyers)) if brands.iter().all(Option::is_some) && cx.d.error_count() == 0 => {
            Some(Guidance {
                root: dir.to_path_buf(),
                document: doc.info,
                revisions: doc.revisions,
                sections: doc.sections,
                appendices: doc.appendices,
                contacts,
                worksheets,
                flyers,
                brands: brands.into_iter().flatten().collect(),
            })
        }
        _ => None,
    };
    Ok(Loaded { guidance, index: cx.index, diags: cx.d.diags, files })
}

/// Reads and parses one file. A missing optional file gives `None`; a missing required one
/// (other than guidance.yaml, checked earlier) cannot happen. Problems with the bytes or the
/// YAML become diagnostics.
/// Reads and parses one YAML file. `real_root` is the source folder with links resolved: a file
/// whose own resolved path is not inside it is refused.
fn read(files: &mut SourceFiles, cx: &mut Ctx, real_root: &Path, path: &Path, required: bool) -> Result<Option<Node>, LoadError> {
    if !required && !path.exists() {
        return Ok(None);
    }
    let meta = std::fs::metadata(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    // A symbolic link may lead out of the source folder; its target is neither read nor quoted.
    if !path.canonicalize().is_ok_and(|real| real.starts_with(real_root)) {
        let id = files.add(path, String::new());
        cx.d.diags.push(
            Diagnostic::error(files.file_start(id), "", "this file is a link to a file outside the source folder; it was not read")
                .with_hint("copy the file itself into the source folder instead of linking to it"),
        );
        return Ok(None);
    }
    if meta.len() > yaml::MAX_FILE_BYTES as u64 {
        // Don't read a huge file into memory just to refuse it.
        let id = files.add(path, String::new());
        cx.d.diags.push(
            Diagnostic::error(
                files.file_start(id),
                "",
                format!(
                    "file is too large ({:.1} MB); source files may be at most {} MB",
                    meta.len() as f64 / 1e6,
                    yaml::MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .with_hint("split the content or check that this is the right file"),
        );
        return Ok(None);
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    match yaml::read_text(files, path, bytes) {
        Ok(id) => Ok(yaml::parse(files, id, &mut cx.d.diags)),
        Err(d) => {
            cx.d.diags.push(*d);
            Ok(None)
        }
    }
}
