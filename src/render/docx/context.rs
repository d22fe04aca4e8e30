//! State shared while the body is built: the source, the brand's colours, bookmark names for
//! cross-references, list instances and the figures' alt text.

use std::collections::HashMap;

use crate::model::{Brand, Contact, Guidance, Rgb};

use super::numbering::Lists;

/// A4 in twentieths of a point, and the margins of every page.
pub const PAGE_W: u32 = 11_906;
pub const PAGE_H: u32 = 16_838;
pub const MARGIN_X: u32 = 1_134; // 2 cm
pub const MARGIN_Y: u32 = 1_418; // 2.5 cm
pub const HEADER_GAP: u32 = 567; // 1 cm
/// The width of the text column.
pub const TEXT_W: u32 = PAGE_W - 2 * MARGIN_X;

/// Colours as `RRGGBB`, the form WordprocessingML wants.
#[derive(Debug, Clone)]
pub struct Palette {
    pub primary: String,
    pub secondary: String,
    pub foreground: String,
    pub rule: String,
}

impl Palette {
    pub fn of(brand: &Brand) -> Palette {
        let hex = |c: Rgb| c.hex().trim_start_matches('#').to_string();
        Palette { primary: hex(brand.color.primary), secondary: hex(brand.color.secondary), foreground: hex(brand.color.foreground), rule: "8C8C8C".into() }
    }
}

pub struct Ctx<'a> {
    pub g: &'a Guidance,
    pub brand: &'a Brand,
    pub contacts: Vec<Contact>,
    pub palette: Palette,
    pub lists: Lists,
    /// Alt text of every picture, in document order (written into `wp:docPr/@descr`).
    pub alts: Vec<String>,
    bookmarks: HashMap<String, String>,
    used_names: HashMap<String, usize>,
    next_bookmark: usize,
}

impl<'a> Ctx<'a> {
    pub fn new(g: &'a Guidance, brand: &'a Brand) -> Ctx<'a> {
        Ctx {
            g,
            brand,
            contacts: brand.merge_contacts(&g.contacts),
            palette: Palette::of(brand),
            lists: Lists::default(),
            alts: Vec::new(),
            bookmarks: HashMap::new(),
            used_names: HashMap::new(),
            next_bookmark: 0,
        }
    }

    /// The Word bookmark name for a link target (`section-id`, or `pathway-id/step-id` for a
    /// pathway step). Word wants a letter first, then letters, digits and `_`, at most 40
    /// characters; names stay readable so editors can find them under Insert › Bookmark.
    pub fn bookmark_name(&mut self, key: &str) -> String {
        if let Some(n) = self.bookmarks.get(key) {
            return n.clone();
        }
        let mut base: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            base.insert_str(0, "ref_");
        }
        base.truncate(36);
        let n = self.used_names.entry(base.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 { base } else { format!("{base}_{n}") };
        self.bookmarks.insert(key.to_string(), name.clone());
        name
    }

    /// A fresh numeric id for a `w:bookmarkStart`/`w:bookmarkEnd` pair.
    pub fn bookmark_id(&mut self) -> usize {
        self.next_bookmark += 1;
        self.next_bookmark
    }

    /// Whether `id` names something a cross-reference can point at.
    pub fn is_target(&self, id: &str) -> bool {
        self.g.all_sections().iter().any(|s| s.id == id) || self.g.worksheets.iter().any(|w| w.id == id) || pathway_ids(self.g).any(|p| p == id)
    }
}

fn pathway_ids(g: &Guidance) -> impl Iterator<Item = &str> {
    g.all_sections().into_iter().flat_map(|s| s.blocks.iter()).filter_map(|b| match b {
        crate::model::Block::Pathway(p) => Some(p.id.as_str()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn bookmark_names_are_word_safe_and_unique() {
        let mut seen = std::collections::HashMap::new();
        let mut used = std::collections::HashMap::<String, usize>::new();
        let mut name = |key: &str| {
            let mut base: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
            if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
                base.insert_str(0, "ref_");
            }
            base.truncate(36);
            let n = used.entry(base.clone()).or_insert(0);
            *n += 1;
            let out = if *n == 1 { base } else { format!("{base}_{n}") };
            seen.insert(key.to_string(), out.clone());
            out
        };
        assert_eq!(name("response-pathway"), "response_pathway");
        let long = "a-very-long-identifier-that-goes-on-and-on-and-on";
        let a = name(long);
        let b = name(&format!("{long}-2"));
        assert!(a.len() <= 40 && b.len() <= 40 && a != b);
    }
}
