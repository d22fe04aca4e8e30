//! The HTML edition: the guidance as a static website that works opened from disk or served
//! from any web server, with no script and no request outside its folder.
//!
//! Entered like every back-end: [`render`] takes the model, the brand and [`HtmlOptions`] and
//! returns every file of the site. Pages come from the minijinja templates in
//! `templates/html/` with HTML auto-escaping on (and the `safe` filter removed); the HTML that
//! Rust writes itself — inline text, the pathway chart — is escaped by [`escape`].

mod escape;
mod inline;
mod links;
mod site;
mod templates;
mod view;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

pub use site::render;

#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("template: {0}")]
    Template(String),
    #[error("{0}")]
    Asset(String),
}

/// Everything the site is built with besides the model and the brand.
pub struct HtmlOptions<'a> {
    /// The project's `templates/` folder (the site's templates are in its `html/`).
    pub templates: &'a Path,
    /// The brand's font files, copied into the site.
    pub fonts: &'a [WebFont],
    /// The other artefacts of this build that the site links to, with their sizes.
    pub downloads: &'a Downloads,
    /// Measures text in the brand's font, so the flowchart's boxes fit their words.
    pub measure: &'a dyn crate::render::flowchart::Measure,
}

/// One font file of a family the brand uses.
pub struct WebFont {
    pub family: String,
    pub weight: u16,
    pub italic: bool,
    pub data: Vec<u8>,
}

/// Files of the same build the site offers for download, by where they are relative to the
/// site's folder. Only artefacts of this build are listed, so no link points at a file that
/// a release does not contain.
#[derive(Default)]
pub struct Downloads {
    pub pdf: Option<Download>,
    pub docx: Option<Download>,
    /// By worksheet id.
    pub worksheets: BTreeMap<String, Download>,
}

pub struct Download {
    /// Relative to the site's folder, e.g. `../guidance.pdf`.
    pub href: String,
    pub bytes: u64,
}

#[derive(Serialize)]
pub struct DownloadView {
    format: &'static str,
    href: String,
    size: String,
}

impl Download {
    fn view(&self, format: &'static str) -> DownloadView {
        DownloadView { format, href: self.href.clone(), size: human_size(self.bytes) }
    }
}

/// A file size as the GOV.UK style writes it: "310 kB", "2.1 MB".
fn human_size(bytes: u64) -> String {
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{} kB", (bytes as f64 / 1000.0).round()),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    }
}

/// The page holding the whole guidance.
const ALL_PAGE: &str = "all.html";

/// The files of a site, by path inside its folder, `index.html` first.
pub struct Site {
    pub files: Vec<(String, Vec<u8>)>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(super::human_size(812), "812 bytes");
        assert_eq!(super::human_size(310_400), "310 kB");
        assert_eq!(super::human_size(2_140_000), "2.1 MB");
    }
}
