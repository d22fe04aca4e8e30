//! Pictures in the source (figures, logos): what they are and whether they can be printed.
//! The validator uses [`check`] so that a broken image is reported at its place in the YAML,
//! before any back-end sees it; the Word back-end uses [`raster_size`] to size pictures.

/// Why a picture cannot be used, or its size in pixels (SVG: its declared size, rounded).
pub fn check(bytes: &[u8]) -> Result<(u32, u32), String> {
    if crate::render::raster::is_svg(bytes) {
        let tree =
            resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default()).map_err(|e| format!("the SVG cannot be read: {e}"))?;
        let s = tree.size();
        return Ok((s.width().round() as u32, s.height().round() as u32));
    }
    raster_size(bytes).ok_or_else(|| "this is not a readable PNG, JPEG or SVG picture".to_string())
}

/// Pixel size of a PNG or baseline/progressive JPEG; `None` for anything else.
pub fn raster_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.len() >= 24 {
        let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then_some((w, h));
    }
    if b.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 9 < b.len() {
            if b[i] != 0xFF {
                return None;
            }
            let marker = b[i + 1];
            let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
            let sof = (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker);
            if sof {
                let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
                let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
                return (w > 0 && h > 0).then_some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_png_jpeg_and_svg_sizes_and_refuses_the_rest() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&300u32.to_be_bytes());
        png.extend_from_slice(&200u32.to_be_bytes());
        assert_eq!(raster_size(&png), Some((300, 200)));
        // SOI, an APP0 segment of length 4, then SOF0 with height 20, width 40.
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 20, 0x00, 40, 0x03, 0x00, 0x00];
        assert_eq!(raster_size(&jpeg), Some((40, 20)));
        assert_eq!(raster_size(b"<svg/>"), None);
        assert_eq!(check(br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 30"/>"#), Ok((60, 30)));
        assert!(check(b"<svg xmlns='http://www.w3.org/2000/svg'><rect").unwrap_err().contains("SVG cannot be read"));
        assert!(check(b"GIF89a").is_err());
    }
}
