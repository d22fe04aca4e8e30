//! QR codes for web addresses on flyers, generated in Rust as SVG and handed to typst as an
//! image (with alt text "QR code linking to …").

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code encoding `url`, or `None` if it is too long to encode.
pub fn svg_for(url: &str) -> Option<String> {
    // Level M survives a smudged or folded print while staying small enough to scan at 25 mm.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

/// The modules of the QR code for `url` (true = dark), row by row: used by tests to check what
/// a scanner would read without decoding pixels.
pub fn modules(url: &str) -> Option<Vec<Vec<bool>>> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    Some((0..w).map(|y| (0..w).map(|x| colors[y * w + x] == qrcode::Color::Dark).collect()).collect())
}
