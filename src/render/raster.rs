//! SVG to PNG, for the Word edition: Word needs a raster picture, and docx-rs cannot write the
//! SVG-with-PNG-fallback pair, so logos and SVG figures are rasterised here with resvg (the
//! same renderer typst uses). Output is deterministic: same SVG, same PNG bytes.

use resvg::{tiny_skia, usvg};

/// The largest side of a rasterised picture, in pixels (A4 at 300 dpi is 3508 pixels tall).
const MAX_SIDE: f32 = 4000.0;

/// Renders `svg` to a PNG `width_px` wide (height from the aspect ratio). `None` if the SVG
/// cannot be read.
pub fn svg_to_png(svg: &[u8], width_px: u32) -> Option<Vec<u8>> {
    svg_to_png_with_fonts(svg, width_px, &[], "")
}

/// As [`svg_to_png`], with `fonts` (font files) loaded so the SVG's text is drawn, in
/// `family` where the SVG names none. Only these fonts: never the system's.
pub fn svg_to_png_with_fonts(svg: &[u8], width_px: u32, fonts: &[Vec<u8>], family: &str) -> Option<Vec<u8>> {
    // The same options as the validator: no file or network access from inside the SVG.
    let mut options = crate::picture::svg_options(Default::default());
    for f in fonts {
        options.fontdb_mut().load_font_data(f.clone());
    }
    if !family.is_empty() {
        options.font_family = family.to_string();
    }
    let tree = usvg::Tree::from_data(svg, &options).ok()?;
    let size = tree.size();
    if size.width() <= 0.0 || size.height() <= 0.0 {
        return None;
    }
    // Whatever the aspect ratio, the picture is at most MAX_SIDE pixels a side: a 1×20000
    // SVG gets a narrow picture, not a 131 GB one.
    let fit = (MAX_SIDE / size.width().max(size.height())).min(width_px as f32 / size.width());
    let width_px = (size.width() * fit).ceil().clamp(1.0, MAX_SIDE) as u32;
    let scale = width_px as f32 / size.width();
    let height_px = (size.height() * scale).ceil().clamp(1.0, MAX_SIDE) as u32;
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
        let tall = br#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="20000"/>"#;
        let png = svg_to_png(tall, 600).unwrap();
        assert!(u32::from_be_bytes(png[20..24].try_into().unwrap()) <= 4000);
    }
}
