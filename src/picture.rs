//! Pictures in the source (figures, logos): whether they can be printed, decoded here with
//! caps so that a hostile file cannot exhaust memory or reach outside the source folder. The
//! validator uses [`check`] so that a broken picture is reported at its place in the YAML,
//! before any back-end sees it; the Word back-end parses SVG with [`svg_options`] too.

use std::io::Cursor;
use std::sync::{Arc, Mutex};

use resvg::usvg;

use crate::util::sniff::{is_svg, raster_size};

/// The largest picture side, in pixels, that a PNG or JPEG may declare.
pub const MAX_SIDE_PX: u32 = 20_000;
/// The most pixels a PNG or JPEG may declare (100 megapixels: 400 MB decoded).
pub const MAX_PIXELS: u64 = 100_000_000;
/// The largest picture file (PNG or JPEG), in bytes; checked before it is read.
pub const MAX_PICTURE_BYTES: u64 = 20 * 1024 * 1024;
/// The largest SVG file, in bytes.
pub const MAX_SVG_BYTES: usize = 5 * 1024 * 1024;

/// Why a picture cannot be used, or its size in pixels (SVG: its declared size, rounded).
pub fn check(bytes: &[u8]) -> Result<(u32, u32), String> {
    if is_svg(bytes) {
        return check_svg(bytes);
    }
    let (w, h) = raster_size(bytes).ok_or_else(|| "this is not a readable PNG, JPEG or SVG picture".to_string())?;
    within_caps(w, h)?;
    if bytes.starts_with(&[0xFF, 0xD8]) && !jpeg_is_complete(bytes) {
        return Err("the JPEG is cut short (it has no end marker), so part of it would print blank".into());
    }
    let mut reader = image::ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| format!("it cannot be read: {e}"))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(4 * MAX_PIXELS + (64 << 20));
    reader.limits(limits);
    reader.decode().map_err(|e| format!("it cannot be decoded: {e}"))?;
    Ok((w, h))
}

fn within_caps(w: u32, h: u32) -> Result<(), String> {
    if w > MAX_SIDE_PX || h > MAX_SIDE_PX || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!(
            "it declares {w}×{h} pixels; pictures may be at most {MAX_SIDE_PX} pixels a side and {} megapixels",
            MAX_PIXELS / 1_000_000
        ));
    }
    Ok(())
}

/// True if the last scan of a JPEG is followed by its end-of-image marker. Inside scan data a
/// 0xFF byte is always followed by 0x00 or a restart marker, so FF D9 there can only be the end.
fn jpeg_is_complete(b: &[u8]) -> bool {
    let last_scan = b.windows(2).rposition(|w| w == [0xFF, 0xDA]).unwrap_or(0);
    b[last_scan..].windows(2).any(|w| w == [0xFF, 0xD9])
}

fn check_svg(bytes: &[u8]) -> Result<(u32, u32), String> {
    if bytes.len() > MAX_SVG_BYTES {
        return Err(format!("the SVG is {} MB; SVG pictures may be at most {} MB", bytes.len() >> 20, MAX_SVG_BYTES >> 20));
    }
    // Entities can expand a small file to gigabytes; pictures never need them.
    if bytes.windows(8).any(|w| w.eq_ignore_ascii_case(b"<!ENTITY")) {
        return Err("the SVG declares XML entities (`<!ENTITY`), which guidepress refuses; export it again without a DTD".into());
    }
    let refused = Arc::new(Mutex::new(Vec::new()));
    let tree = usvg::Tree::from_data(bytes, &svg_options(refused.clone())).map_err(|e| format!("the SVG cannot be read: {e}"))?;
    if let Some(href) = refused.lock().unwrap_or_else(|p| p.into_inner()).first() {
        return Err(format!(
            "the SVG refers to another file or address (`{href}`), which guidepress does not follow; embed the picture in the SVG or use the picture directly"
        ));
    }
    let s = tree.size();
    Ok((s.width().round() as u32, s.height().round() as u32))
}

/// Options for parsing SVG that never touch the file system or the network: an `<image>` that
/// names a file or address is refused (and its `href` recorded in `refused`), and an embedded
/// picture is refused if it declares more pixels than the caps allow.
pub fn svg_options<'a>(refused: Arc<Mutex<Vec<String>>>) -> usvg::Options<'a> {
    let data = usvg::ImageHrefResolver::default_data_resolver();
    let resolver = usvg::ImageHrefResolver {
        resolve_data: Box::new(move |mime, bytes, opts| {
            let ok = is_svg(&bytes) || raster_size(&bytes).is_some_and(|(w, h)| within_caps(w, h).is_ok());
            if ok {
                data(mime, bytes, opts)
            } else {
                None
            }
        }),
        resolve_string: Box::new(move |href, _| {
            refused.lock().unwrap_or_else(|p| p.into_inner()).push(href.to_string());
            None
        }),
    };
    usvg::Options { resources_dir: None, image_href_resolver: resolver, ..usvg::Options::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::RgbImage::new(w, h).write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn reads_svg_sizes_and_refuses_what_is_not_a_picture() {
        assert_eq!(check(br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 30"/>"#), Ok((60, 30)));
        assert!(check(b"<svg xmlns='http://www.w3.org/2000/svg'><rect").unwrap_err().contains("SVG cannot be read"));
        assert!(check(b"GIF89a").is_err());
        assert_eq!(check(&png(30, 20)), Ok((30, 20)));
    }

    #[test]
    fn refuses_dimension_bombs_entities_external_images_and_broken_files() {
        // A valid PNG header declaring 65535×65535.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&65535u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&65535u32.to_be_bytes());
        assert!(check(&bomb).unwrap_err().contains("65535×65535"));
        let entities =
            br#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>"#;
        assert!(check(entities).unwrap_err().contains("entities"));
        for href in ["/etc/hostname", "picture.png", "http://example.com/x.png"] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="{href}" width="10" height="10"/></svg>"#
            );
            assert!(check(svg.as_bytes()).unwrap_err().contains(href), "{href}");
        }
        let mut garbage = png(4, 4)[..33].to_vec();
        garbage.extend_from_slice(b"this is not image data at all");
        assert!(check(&garbage).unwrap_err().contains("cannot be decoded"));
        // SOI, SOF0 8×8, SOS, then the file stops.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00];
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34]);
        assert!(check(&jpeg).unwrap_err().contains("cut short"));
    }
}
