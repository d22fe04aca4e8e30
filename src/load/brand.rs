//! brands/<id>.yaml: who a flyer or edition is published by. Field names follow Quarto's
//! `_brand.yml` (meta, logo, color, typography) where the meaning is the same.

use std::path::PathBuf;

use super::{contacts, Ctx, BRANDS_DIR};
use crate::diag::Loc;
use crate::model::{Brand, Colors, Logo, Rgb};
use crate::source::decode::Decoder;
use crate::source::yaml::Node;

const TOP: &[&str] = &["meta", "logo", "color", "typography", "contacts", "how_to_refer", "footer"];
const META: &[&str] = &["name", "short_name", "organisation_type", "link", "placeholder"];
const COLOR: &[&str] = &["primary", "secondary", "on_primary", "foreground", "background"];

/// WCAG 2.1 AA: 4.5:1 for body text. Every pair below carries body-size text somewhere
/// (links, callout text on the tint, the banner on flyers), so none may use the 3:1 large-text rule.
pub const MIN_CONTRAST: f64 = 4.5;

pub fn decode(cx: &mut Ctx, id: &str, root: &Node) -> Option<Brand> {
    let d = &mut cx.d;
    let top = d.map(root, "", TOP)?;
    let meta = top.req(d, "meta", |d, n, p| {
        let m = d.map(n, p, META)?;
        let name = m.req(d, "name", Decoder::string);
        let short_name = m.opt(d, "short_name", Decoder::string);
        let organisation_type = m.req(d, "organisation_type", Decoder::string);
        let link = m.opt(d, "link", Decoder::url);
        let placeholder = m.opt(d, "placeholder", Decoder::boolean).unwrap_or(false);
        Some((name?, short_name, organisation_type?, link, placeholder))
    });
    let logo = top.opt(d, "logo", |d, n, p| {
        let m = d.map(n, p, &["path", "alt"])?;
        let path = m.req(d, "path", Decoder::string);
        let alt = m.req(d, "alt", Decoder::string);
        Some((PathBuf::from(BRANDS_DIR).join(path?), alt?, m.get("path").map(|n| n.loc).unwrap_or(n.loc), m.path_of("path")))
    });
    let color = top.req(d, "color", decode_colors);
    let (font_base, font_headings) = top
        .opt(d, "typography", |d, n, p| {
            let m = d.map(n, p, &["base", "headings"])?;
            let base = m.opt(d, "base", Decoder::string);
            let headings = m.opt(d, "headings", Decoder::string);
            Some((base, headings))
        })
        .unwrap_or((None, None));
    let how_to_refer = top.opt(d, "how_to_refer", Decoder::text);
    let footer = top.opt(d, "footer", Decoder::string);
    let local = match top.get("contacts") {
        Some(n) => contacts::decode_list(cx, n, "contacts", false),
        None => Some(Vec::new()),
    };
    if let Some(l) = &local {
        cx.index.brand_contacts.insert(id.to_string(), l.iter().map(|c| c.id.clone()).collect());
    }
    let logo = logo.map(|(path, alt, loc, field)| {
        cx.index.images.push((path.clone(), loc, field));
        Logo { path, alt }
    });
    let (name, short_name, organisation_type, link, placeholder) = meta?;
    let base = font_base.unwrap_or_else(|| crate::DEFAULT_FONT.to_string());
    Some(Brand {
        id: id.to_string(),
        name,
        short_name,
        organisation_type,
        link,
        placeholder,
        logo,
        color: color?,
        font_headings: font_headings.unwrap_or_else(|| base.clone()),
        font_base: base,
        contacts: local?,
        how_to_refer,
        footer,
        at: root.loc,
    })
}

fn decode_colors(d: &mut Decoder, node: &Node, path: &str) -> Option<Colors> {
    let m = d.map(node, path, COLOR)?;
    let mut get = |key: &str, default: Option<Rgb>| -> Option<(Rgb, Loc)> {
        match m.get(key) {
            Some(n) => {
                let s = d.string(n, &m.path_of(key))?;
                match Rgb::parse(s.trim()) {
                    Some(c) => Some((c, n.loc)),
                    None => {
                        d.error(
                            n.loc,
                            &m.path_of(key),
                            format!("`{s}` is not a colour"),
                            "write a hex colour such as \"#1D4F91\" (in quotes, because YAML reads `#` as a comment)",
                        );
                        None
                    }
                }
            }
            None => match default {
                Some(c) => Some((c, node.loc)),
                None => {
                    d.error(node.loc, &m.path_of(key), format!("missing field `{key}`"), format!("add `{key}: \"#RRGGBB\"`"));
                    None
                }
            },
        }
    };
    let primary = get("primary", None);
    let secondary = get("secondary", Some(Rgb(0xF2, 0xF2, 0xF2)));
    let on_primary = get("on_primary", Some(Rgb(0xFF, 0xFF, 0xFF)));
    let foreground = get("foreground", Some(Rgb(0x1A, 0x1A, 0x1A)));
    let background = get("background", Some(Rgb(0xFF, 0xFF, 0xFF)));
    let (primary, secondary, on_primary, foreground, background) = (primary?, secondary?, on_primary?, foreground?, background?);
    // (text colour, its field, background colour, its field, where to point)
    let pairs = [
        (on_primary, "on_primary", primary, "primary", on_primary.1),
        (foreground, "foreground", background, "background", foreground.1),
        (foreground, "foreground", secondary, "secondary", secondary.1),
        (primary, "primary", background, "background", primary.1),
    ];
    let mut ok = true;
    for (text, tf, bg, bf, loc) in pairs {
        let ratio = text.0.contrast(bg.0);
        if ratio < MIN_CONTRAST {
            ok = false;
            d.error(
                loc,
                &m.path_of(tf),
                format!("`{tf}` {} on `{bf}` {} has a contrast ratio of {ratio:.2}:1, below the {MIN_CONTRAST}:1 that WCAG 2.1 AA requires for text", text.0.hex(), bg.0.hex()),
                format!("darken or lighten one of the two colours until the ratio is at least {MIN_CONTRAST}:1"),
            );
        }
    }
    ok.then_some(Colors {
        primary: primary.0,
        secondary: secondary.0,
        on_primary: on_primary.0,
        foreground: foreground.0,
        background: background.0,
    })
}
