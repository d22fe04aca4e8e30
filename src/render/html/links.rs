//! Where everything lives in the site: which page holds each id of the source (sections,
//! appendices, pathways, worksheets), so an internal link `#response-pathway` becomes
//! `responding.html#response-pathway` on a section page and stays `#response-pathway` on
//! `all.html`, where everything is on one page.

use std::collections::HashMap;

use crate::model::{Block, Guidance, Section};

/// The id → page map, seen from one page.
#[derive(Clone)]
pub struct Links<'a> {
    page_of: &'a HashMap<String, String>,
    /// The file being written (`all.html` holds every id).
    current: &'a str,
}

impl<'a> Links<'a> {
    pub fn new(page_of: &'a HashMap<String, String>, current: &'a str) -> Self {
        Links { page_of, current }
    }

    /// Whether the page is the one-page edition, which holds everything in full.
    pub fn is_all(&self) -> bool {
        self.current == super::ALL_PAGE
    }

    /// The href of source id `id` from the current page.
    pub fn to(&self, id: &str) -> String {
        match self.page_of.get(id) {
            Some(page) if page != self.current && self.current != super::ALL_PAGE => format!("{page}#{id}"),
            _ => format!("#{id}"),
        }
    }
}

/// The file of each top-level section and appendix: its id, which the source keeps unique.
pub fn page_file(s: &Section) -> String {
    format!("{}.html", s.id)
}

/// The page of a worksheet (each has its own, as each prints on its own).
pub fn worksheet_file(id: &str) -> String {
    format!("worksheet-{id}.html")
}

/// Every linkable id of the source and the page it is on.
pub fn page_map(g: &Guidance) -> HashMap<String, String> {
    let mut map = HashMap::new();
    fn walk(s: &Section, file: &str, map: &mut HashMap<String, String>) {
        map.insert(s.id.clone(), file.to_string());
        for b in &s.blocks {
            match b {
                Block::Pathway(p) => {
                    map.insert(p.id.clone(), file.to_string());
                }
                Block::Worksheet(w) => {
                    map.insert(w.clone(), worksheet_file(w));
                }
                _ => {}
            }
        }
        for c in &s.sections {
            walk(c, file, map);
        }
    }
    for s in g.sections.iter().chain(&g.appendices) {
        walk(s, &page_file(s), &mut map);
    }
    // Worksheets no section includes still get their page.
    for w in &g.worksheets {
        map.entry(w.id.clone()).or_insert_with(|| worksheet_file(&w.id));
    }
    map
}
