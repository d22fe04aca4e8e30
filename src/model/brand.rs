use std::path::PathBuf;

use super::{Contact, Text};
use crate::diag::Loc;

/// A re-branding: the partnership's own, or a local authority's.
#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    pub organisation_type: String,
    pub link: Option<String>,
    /// A made-up brand (a demonstration council): never to be published as it is.
    pub placeholder: bool,
    pub logo: Option<Logo>,
    pub color: Colors,
    pub font_base: String,
    pub font_headings: String,
    pub contacts: Vec<Contact>,
    pub how_to_refer: Option<Text>,
    pub footer: Option<String>,
    pub at: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// Relative to the source folder.
    pub path: PathBuf,
    pub alt: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(s: &str) -> Option<Rgb> {
        let h = s.strip_prefix('#')?;
        let v = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        match h.len() {
            6 => Some(Rgb(v(0)?, v(2)?, v(4)?)),
            3 => {
                let d = |i: usize| u8::from_str_radix(h.get(i..i + 1)?, 16).ok().map(|x| x * 17);
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    /// A colour between `self` and `other` (t = 0 gives `self`).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let f = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
        Rgb(f(self.0, other.0), f(self.1, other.1), f(self.2, other.2))
    }

    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// WCAG 2.1 relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG 2.1 contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    pub primary: Rgb,
    pub secondary: Rgb,
    pub on_primary: Rgb,
    pub foreground: Rgb,
    pub background: Rgb,
}

impl Colors {
    /// Muted text (running heads, notes): a lighter foreground, stepped back towards the
    /// foreground until it still passes 4.5:1 on the background.
    pub fn muted(&self) -> Rgb {
        let mut muted = self.foreground.mix(self.background, 0.35);
        while muted.contrast(self.background) < 4.6 {
            muted = muted.mix(self.foreground, 0.2);
        }
        muted
    }
}

impl Brand {
    /// The contacts directory as this brand sees it: national contacts with the brand's
    /// same-id contacts replacing them, then the brand's own new ones.
    pub fn merge_contacts(&self, national: &[Contact]) -> Vec<Contact> {
        let mut out: Vec<Contact> = national.iter().map(|c| self.contacts.iter().find(|l| l.id == c.id).unwrap_or(c).clone()).collect();
        out.extend(self.contacts.iter().filter(|l| !national.iter().any(|c| c.id == l.id)).cloned());
        out
    }

    /// Ids of contacts that only this brand has (its local services).
    pub fn local_contact_ids(&self, national: &[Contact]) -> Vec<String> {
        self.contacts.iter().filter(|l| !national.iter().any(|c| c.id == l.id)).map(|c| c.id.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Rgb;

    #[test]
    fn contrast_matches_wcag_examples() {
        let white = Rgb::parse("#FFFFFF").unwrap();
        let black = Rgb::parse("#000").unwrap();
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic "just passes AA" grey (4.54:1).
        let grey = Rgb::parse("#767676").unwrap();
        assert!((grey.contrast(white) - 4.54).abs() < 0.01);
        assert!(Rgb::parse("#12345").is_none());
        assert!(Rgb::parse("blue").is_none());
    }
}
