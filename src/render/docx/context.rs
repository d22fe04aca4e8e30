//! State shared while the body is built: the source, the brand's colours, bookmark names for
//! cross-references, list instances and the figures' alt text.

use std::collections::{HashMap, HashSet};

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
        Palette {
            primary: hex(brand.color.primary),
            secondary: hex(brand.color.secondary),
            foreground: hex(brand.color.foreground),
            rule: "8C8C8C".into(),
        }
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
    /// Every heading so far as (level 1–3, text, bookmark), for the pre-filled contents.
    pub headings: Vec<(usize, String, String)>,
    /// The pathways' drawings, when the build made them.
    pub charts: Option<&'a super::Charts>,
    /// Font files for the text of SVG pictures.
    pub fonts: &'a [Vec<u8>],
    bookmarks: HashMap<String, String>,
    used_names: HashSet<String>,
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
            headings: Vec::new(),
            charts: None,
            fonts: &[],
            bookmarks: HashMap::new(),
            used_names: HashSet::new(),
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
        let name = unique_name(key, &mut self.used_names);
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
        self.g.all_sections().iter().any(|s| s.id == id)
            || self.g.worksheets.iter().any(|w| w.id == id)
            || pathway_ids(self.g).any(|p| p == id)
    }
}

fn pathway_ids(g: &Guidance) -> impl Iterator<Item = &str> {
    g.all_sections().into_iter().flat_map(|s| s.blocks.iter()).filter_map(|b| match b {
        crate::model::Block::Pathway(p) => Some(p.id.as_str()),
        _ => None,
    })
}

/// `key` made into a Word bookmark name, distinct from every name already `issued`.
fn unique_name(key: &str, issued: &mut HashSet<String>) -> String {
    let mut base: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
        base.insert_str(0, "ref_");
    }
    base.truncate(36);
    let mut name = base.clone();
    let mut n = 1;
    while issued.contains(&name) {
        n += 1;
        name = format!("{base}_{n}");
    }
    issued.insert(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::unique_name;

    #[test]
    fn bookmark_names_are_word_safe_and_unique() {
        let mut used = std::collections::HashSet::new();
        assert_eq!(unique_name("response-pathway", &mut used), "response_pathway");
        assert_eq!(unique_name("response-pathway/call-999", &mut used), "response_pathway_call_999");
        assert_eq!(unique_name("9-lives", &mut used), "ref_9_lives");
        assert_eq!(unique_name("x", &mut used), "x");
        assert_eq!(unique_name("x-2", &mut used), "x_2");
        assert_eq!(unique_name("x_", &mut used), "x_");
        assert_eq!(unique_name("x-", &mut used), "x__2");
        let long = "a-very-long-identifier-that-goes-on-and-on-and-on";
        let a = unique_name(long, &mut used);
        let b = unique_name(&format!("{long}-2"), &mut used);
        assert!(a.len() <= 40 && b.len() <= 40 && a != b, "{a} {b}");
        assert!(b.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    }
}
