//! The validator: checks that need the whole source at once (ids, references, files on disk,
//! dates), after the loader has checked each file's shape. It adds to, never replaces, the
//! loader's diagnostics, so a policy officer sees every problem in one run.

use std::collections::HashMap;
use std::path::{Component, Path};

use crate::diag::{Diagnostic, Loc, SourceFiles};
use crate::load::{Ns, SourceIndex};
use crate::model::{Block, Date, Guidance, Section, Status};
use crate::util::suggest::did_you_mean;

mod gates;
mod style;
mod yaml_traps;

pub use gates::CONTACT_STALE_DAYS;

/// Every cross-file check of a loaded source; `files` are the texts read, for the release gates
/// that look for placeholder details wherever they are written.
pub fn validate(guidance: Option<&Guidance>, index: &SourceIndex, files: &SourceFiles, today: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    duplicate_ids(index, &mut out);
    unresolved_references(index, &mut out);
    if let Some(g) = guidance {
        images(g, index, &mut out);
        empty_sections(&g.sections, &mut out);
        empty_sections(&g.appendices, &mut out);
        document_status(g, index, &mut out);
        gates::check(g, index, files, today, &mut out);
        style::check(&index.style, files, &mut out);
        yaml_traps::check(files, &mut out);
        brands(g, index, &mut out);
        unused_worksheets(g, index, &mut out);
    }
    out
}

fn duplicate_ids(index: &SourceIndex, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(&Ns, &str), Loc> = HashMap::new();
    for def in &index.defs {
        // Worksheet ids are also registered as link targets; report clashes there once.
        if def.ns == Ns::Worksheet {
            continue;
        }
        if let Some(first) = seen.get(&(&def.ns, def.id.as_str())) {
            out.push(
                Diagnostic::error(
                    def.loc,
                    &def.path,
                    format!("the id `{}` is already used by another {} (first at line {})", def.id, def.ns.noun(), first.line),
                )
                .with_hint("ids must be unique: rename one of them and update any references to it"),
            );
        } else {
            seen.insert((&def.ns, &def.id), def.loc);
        }
    }
}

fn unresolved_references(index: &SourceIndex, out: &mut Vec<Diagnostic>) {
    for r in &index.refs {
        let defined = |ns: &Ns, id: &str| index.defs.iter().any(|d| &d.ns == ns && d.id == id);
        let found = defined(&r.ns, &r.id)
            || (r.ns == Ns::Contact && !index.brand_contacts.is_empty() && index.brand_contacts.values().all(|ids| ids.contains(&r.id)));
        if found {
            continue;
        }
        let candidates: Vec<&str> = index.defs.iter().filter(|d| d.ns == r.ns).map(|d| d.id.as_str()).collect();
        let suggestion = did_you_mean(&r.id, &candidates).map(|s| format!("did you mean `{s}`? ")).unwrap_or_default();
        let where_defined = match &r.ns {
            Ns::Contact => "contacts are defined in contacts.yaml, or in every brand file".to_string(),
            Ns::Worksheet => "worksheets are defined in toolkit.yaml".to_string(),
            Ns::Target => "links with `#` go to the id of a section, appendix, pathway or worksheet".to_string(),
            Ns::Step(p) => format!("`next` names the id of another step of pathway `{p}`"),
            Ns::Flyer => "flyers are defined in flyers.yaml".to_string(),
        };
        out.push(
            Diagnostic::error(r.loc, &r.path, format!("unknown {} `{}`", r.ns.noun(), r.id))
                .with_hint(format!("{suggestion}{where_defined}")),
        );
    }
}

fn images(g: &Guidance, index: &SourceIndex, out: &mut Vec<Diagnostic>) {
    for (path, loc, field) in &index.images {
        if !is_contained(path) {
            out.push(
                Diagnostic::error(*loc, field, format!("the image path `{}` points outside the source folder", path.display()))
                    .with_hint("put the image in source/images/ (or source/brands/logos/) and give the path from there, without `..`"),
            );
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        if !matches!(ext.as_str(), "svg" | "png" | "jpg" | "jpeg") {
            out.push(
                Diagnostic::error(*loc, field, format!("`{}` is not an SVG, PNG or JPEG image", path.display()))
                    .with_hint("save the picture as .svg, .png or .jpg"),
            );
            continue;
        }
        let full = g.root.join(path);
        if !full.is_file() {
            out.push(
                Diagnostic::error(*loc, field, format!("the image `{}` does not exist", full.display()))
                    .with_hint("check the file name and that the image is in the source folder"),
            );
            continue;
        }
        // The path text stays inside, but a symbolic link could still lead out of the folder:
        // compare where it really points.
        let inside = matches!((full.canonicalize(), g.root.canonicalize()), (Ok(f), Ok(r)) if f.starts_with(&r));
        if !inside {
            out.push(
                Diagnostic::error(*loc, field, format!("the image `{}` is a link to a file outside the source folder", path.display()))
                    .with_hint("copy the picture itself into source/images/ instead of linking to it"),
            );
            continue;
        }
        // Read it now, so a broken picture is reported here, at its place in the YAML, rather
        // than by a back-end.
        let size = std::fs::metadata(&full).map_or(0, |m| m.len());
        if size > crate::picture::MAX_PICTURE_BYTES {
            out.push(
                Diagnostic::error(
                    *loc,
                    field,
                    format!(
                        "the image `{}` is {} MB; pictures may be at most {} MB",
                        path.display(),
                        size >> 20,
                        crate::picture::MAX_PICTURE_BYTES >> 20
                    ),
                )
                .with_hint("save a smaller copy of the picture (print needs about 300 pixels per inch of its printed width)"),
            );
            continue;
        }
        if let Err(why) = std::fs::read(&full).map_err(|e| e.to_string()).and_then(|b| crate::picture::check(&b)) {
            out.push(
                Diagnostic::error(*loc, field, format!("the image `{}` cannot be used: {why}", path.display()))
                    .with_hint("open it in an image editor and save it again as PNG, JPEG or SVG"),
            );
        }
    }
}

fn empty_sections(sections: &[Section], out: &mut Vec<Diagnostic>) {
    for s in sections {
        let has_content = s.blocks.iter().any(|b| !matches!(b, Block::PageBreak)) || !s.sections.is_empty();
        if !has_content {
            out.push(
                Diagnostic::error(s.at, "", format!("section {} `{}` is empty", s.number, s.title))
                    .with_hint("add `blocks` or `sections` to it, or remove it"),
            );
        }
        empty_sections(&s.sections, out);
    }
}

fn document_status(g: &Guidance, index: &SourceIndex, out: &mut Vec<Diagnostic>) {
    let doc = &g.document;
    if doc.status == Status::Draft {
        let loc = index.fields.get("document.status").copied().unwrap_or_default();
        out.push(
            Diagnostic::warning(loc, "document.status", format!("this is a draft (version {}): outputs will be marked DRAFT", doc.version))
                .with_hint("set `status: approved` once the guidance has been signed off"),
        );
    }
}

fn brands(g: &Guidance, index: &SourceIndex, out: &mut Vec<Diagnostic>) {
    if g.brand(&g.document.default_brand).is_none() {
        let ids: Vec<&str> = g.brands.iter().map(|b| b.id.as_str()).collect();
        let loc = index.fields.get("document.default_brand").copied().unwrap_or_default();
        let hint = if ids.is_empty() {
            "add a brand file such as source/brands/lscp.yaml".to_string()
        } else {
            format!("brands in source/brands/: {}", ids.join(", "))
        };
        out.push(
            Diagnostic::error(loc, "document.default_brand", format!("there is no brand `{}`", g.document.default_brand)).with_hint(hint),
        );
    }
}

fn unused_worksheets(g: &Guidance, index: &SourceIndex, out: &mut Vec<Diagnostic>) {
    for w in &g.worksheets {
        if !index.refs.iter().any(|r| r.ns == Ns::Worksheet && r.id == w.id) {
            let loc = index.defs.iter().find(|d| d.ns == Ns::Worksheet && d.id == w.id).map(|d| d.loc).unwrap_or_default();
            out.push(
                Diagnostic::warning(loc, "", format!("worksheet `{}` is not included in the guidance", w.id))
                    .with_hint(format!("add `- worksheet: {}` to the toolkit appendix so the PDF and Word editions carry it", w.id)),
            );
        }
    }
}

/// True if `p` stays inside its base folder (no `..`, not absolute).
fn is_contained(p: &Path) -> bool {
    !p.is_absolute() && !p.components().any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
}
