//! Pictures in the source (figures, logos): what they are and whether they can be printed.
//! The validator uses [`check`] so that a broken image is reported at its place in the YAML,
//! before any back-end sees it.

use crate::util::sniff::{is_svg, raster_size};

/// Why a picture cannot be used, or its size in pixels (SVG: its declared size, rounded).
pub fn check(bytes: &[u8]) -> Result<(u32, u32), String> {
    if is_svg(bytes) {
        let tree =
            resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default()).map_err(|e| format!("the SVG cannot be read: {e}"))?;
        let s = tree.size();
        return Ok((s.width().round() as u32, s.height().round() as u32));
    }
    raster_size(bytes).ok_or_else(|| "this is not a readable PNG, JPEG or SVG picture".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_svg_sizes_and_refuses_what_is_not_a_picture() {
        assert_eq!(check(br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 30"/>"#), Ok((60, 30)));
        assert!(check(b"<svg xmlns='http://www.w3.org/2000/svg'><rect").unwrap_err().contains("SVG cannot be read"));
        assert!(check(b"GIF89a").is_err());
    }
}
