//! SVG to PNG, for the Word edition: Word needs a raster picture, and docx-rs cannot write the
//! SVG-with-PNG-fallback pair, so logos and SVG figures are rasterised here with resvg (the
//! same renderer typst uses). Output is deterministic: same SVG, same PNG bytes.

use resvg::{tiny_skia, usvg};

/// Renders `svg` to a PNG `width_px` wide (height from the aspect ratio). `None` if the SVG
/// cannot be read.
pub fn svg_to_png(svg: &[u8], width_px: u32) -> Option<Vec<u8>> {
    let tree = usvg::Tree::from_data(svg, &usvg::Options::default()).ok()?;
    let size = tree.size();
    if size.width() <= 0.0 || size.height() <= 0.0 {
        return None;
    }
    let scale = width_px as f32 / size.width();
    let height_px = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width_px, height_px)?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rasterises_an_svg_at_the_requested_width_deterministically() {
        let svg =
            br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#1D4F91"/></svg>"##;
        let png = svg_to_png(svg, 400).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 400);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 200);
        assert_eq!(png, svg_to_png(svg, 400).unwrap());
        assert!(svg_to_png(b"<svg", 10).is_none());
    }
}
