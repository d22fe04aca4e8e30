//! Figures: PNG and JPEG pictures inline, sized to a share of the text width, with the alt
//! text recorded for `wp:docPr/@descr` (written by the fixup; docx-rs has no API for it) and
//! the caption below. SVG pictures are rasterised to PNG first (Word needs a raster picture
//! and docx-rs cannot write the SVG-with-fallback pair).

use docx_rs::{Paragraph, Pic, Run};

use super::context::{Ctx, TEXT_W};
use super::inline;
use super::paragraphs::Out;
use super::styles::id;
use crate::model::Figure;

/// EMUs per twip.
const EMU_PER_TWIP: u64 = 635;

pub fn figure(cx: &mut Ctx, f: &Figure, out: &mut Vec<Out>) {
    let bytes = std::fs::read(cx.g.root.join(&f.image)).ok();
    match bytes.and_then(|b| picture(cx, b, &f.alt, f.width)) {
        Some(p) => out.push(Out::p(p.style(id::FIGURE))),
        None => out.push(Out::p(inline::plain(id::FIGURE, &format!("[Figure: {}]", f.alt)))),
    }
    if let Some(c) = &f.caption {
        out.push(Out::p(inline::plain(id::CAPTION, c)));
    }
}

/// A paragraph holding the picture `bytes` (PNG, JPEG or SVG) at `share` per cent of the text
/// width, its alt text recorded; `None` if the bytes are not a picture we can place.
pub fn picture(cx: &mut Ctx, bytes: Vec<u8>, alt: &str, share: u32) -> Option<Paragraph> {
    let share = u64::from(share.clamp(1, 100));
    let bytes = if crate::util::sniff::is_svg(&bytes) {
        // Twice the printed width in pixels at 96 dpi keeps edges sharp in print.
        let px = (u64::from(TEXT_W) * share / 100 / 15 * 2).max(64) as u32;
        // With the brand's fonts loaded, so the picture's words survive.
        crate::render::raster::svg_to_png_with_fonts(&bytes, px, cx.fonts, &cx.brand.font_base)?
    } else {
        bytes
    };
    let (w, h) = crate::util::sniff::raster_size(&bytes)?;
    let cx_emu = u64::from(TEXT_W) * EMU_PER_TWIP * share / 100;
    let cy_emu = cx_emu * u64::from(h) / u64::from(w.max(1));
    let pic = Pic::new_with_dimensions(bytes, w, h).size(cx_emu as u32, cy_emu as u32);
    cx.alts.push(alt.to_string());
    Some(Paragraph::new().add_run(Run::new().add_image(pic)))
}

/// A paragraph holding a PNG drawn `width_pt` × `height_pt` points, its alt text recorded.
pub fn picture_at(cx: &mut Ctx, png: Vec<u8>, alt: &str, width_pt: f64, height_pt: f64) -> Option<Paragraph> {
    let (w, h) = crate::util::sniff::raster_size(&png)?;
    // 12 700 EMU to the point; never wider than the text.
    let max = u64::from(TEXT_W) * EMU_PER_TWIP;
    let cx_emu = ((width_pt * 12_700.0) as u64).min(max);
    let cy_emu = (height_pt * 12_700.0 * cx_emu as f64 / (width_pt * 12_700.0).max(1.0)) as u64;
    let pic = Pic::new_with_dimensions(png, w, h).size(cx_emu as u32, cy_emu as u32);
    cx.alts.push(alt.to_string());
    Some(Paragraph::new().add_run(Run::new().add_image(pic)))
}

/// File extension for picture bytes docx-rs stores under a `.png` name.
pub fn extension(b: &[u8]) -> &'static str {
    if b.starts_with(&[0xFF, 0xD8]) {
        "jpeg"
    } else {
        "png"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_bytes_are_named_jpeg() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0];
        assert_eq!(extension(&jpeg), "jpeg");
        assert_eq!(extension(b"\x89PNG"), "png");
    }
}
