//! The document model: plain Rust types, no YAML left in them. Every back-end (typst PDF,
//! Word, flyers) reads only this, never the source files.

mod blocks;
mod brand;
mod contacts;
mod date;
mod document;
mod style;
mod text;
mod toolkit;

pub use blocks::*;
pub use brand::*;
pub use contacts::*;
pub use date::Date;
pub use document::*;
pub use style::*;
pub use text::*;
pub use toolkit::*;

use std::path::PathBuf;

/// Everything in one source folder, loaded and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Guidance {
    /// The source folder; image paths in the model are relative to it.
    pub root: PathBuf,
    pub document: DocumentInfo,
    pub revisions: Vec<Revision>,
    pub sections: Vec<Section>,
    pub appendices: Vec<Section>,
    pub contacts: Vec<Contact>,
    pub worksheets: Vec<Worksheet>,
    pub flyers: Vec<Flyer>,
    pub brands: Vec<Brand>,
}

impl Guidance {
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    pub fn worksheet(&self, id: &str) -> Option<&Worksheet> {
        self.worksheets.iter().find(|w| w.id == id)
    }

    pub fn brand(&self, id: &str) -> Option<&Brand> {
        self.brands.iter().find(|b| b.id == id)
    }

    /// The pictures of every `figure` block, in reading order (relative to the source folder).
    pub fn figure_images(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for s in self.all_sections() {
            for b in &s.blocks {
                if let Block::Figure(f) = b {
                    out.push(f.image.clone());
                }
            }
        }
        out
    }

    /// Every pathway of the guidance, in reading order.
    pub fn pathways(&self) -> Vec<&Pathway> {
        self.all_sections()
            .into_iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| if let Block::Pathway(p) = b { Some(p) } else { None })
            .collect()
    }

    /// Sections then appendices, depth first, in reading order.
    pub fn all_sections(&self) -> Vec<&Section> {
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for c in &s.sections {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for s in self.sections.iter().chain(&self.appendices) {
            walk(s, &mut out);
        }
        out
    }
}
