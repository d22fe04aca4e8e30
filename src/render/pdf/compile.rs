//! Compiling a world to a PDF, and turning typst's diagnostics into ours.

use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::world::GuideWorld;
use super::PdfError;
use crate::diag::{Diagnostic, Loc, Severity, SourceFiles};
use crate::model::Date;

/// A compiled document and the warnings typst gave while compiling it.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
    pub files: SourceFiles,
}

/// Lays out the world's main file.
pub fn layout(world: &GuideWorld) -> Result<Compiled, PdfError> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let mut files = SourceFiles::default();
    let warnings = convert(world, &warnings, &mut files);
    match output {
        Ok(document) => Ok(Compiled { document, warnings, files }),
        Err(errors) => {
            let mut diags = convert(world, &errors, &mut files);
            diags.extend(warnings);
            Err(PdfError::Typst { diags, files })
        }
    }
}

/// Exports a laid-out document as tagged PDF/UA-1, dated `timestamp` (seconds since 1970).
pub fn export(world: &GuideWorld, compiled: &Compiled, ident: &str, timestamp: i64) -> Result<Vec<u8>, PdfError> {
    let date = Date::from_days_since_epoch(timestamp.div_euclid(86_400));
    let secs = timestamp.rem_euclid(86_400);
    let datetime =
        Datetime::from_ymd_hms(date.year, date.month, date.day, (secs / 3600) as u8, (secs % 3600 / 60) as u8, (secs % 60) as u8)
            .ok_or_else(|| PdfError::Other(format!("timestamp {timestamp} is out of range")))?;
    let standards =
        PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| PdfError::Other(format!("PDF/UA-1 is not available: {}", e.message())))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("guidepress {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(datetime)),
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&compiled.document, &options).map_err(|errors| {
        let mut files = compiled.files.clone();
        let diags = convert(world, &errors, &mut files);
        PdfError::Typst { diags, files }
    })
}

/// Converts typst diagnostics, registering the typst files they quote in `files`.
fn convert(world: &GuideWorld, diags: &[SourceDiagnostic], files: &mut SourceFiles) -> Vec<Diagnostic> {
    let mut ids: std::collections::HashMap<typst::syntax::FileId, crate::diag::FileId> = Default::default();
    diags
        .iter()
        .map(|d| {
            let severity = match d.severity {
                TypstSeverity::Error => Severity::Error,
                TypstSeverity::Warning => Severity::Warning,
            };
            let mut loc = Loc::default();
            let mut have_loc = false;
            if let (Some(id), Some(range)) = (d.span.id(), world.range(d.span)) {
                if let Ok(source) = world.source(id) {
                    let fid = *ids.entry(id).or_insert_with(|| files.add(std::path::Path::new(&world.name(id)), source.text().to_string()));
                    let text = source.text();
                    let start = range.start.min(text.len());
                    let before = &text[..start];
                    let line = before.matches('\n').count() + 1;
                    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
                    loc = Loc { file: fid, line, col, start, end: range.end.min(text.len()).max(start) };
                    have_loc = true;
                }
            }
            if !have_loc {
                let fid = *ids.entry(world.main()).or_insert_with(|| files.add(std::path::Path::new("<typst>"), String::new()));
                loc.file = fid;
                loc.line = 1;
                loc.col = 1;
            }
            let hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
            let mut out = Diagnostic { severity, loc, path: String::new(), message: d.message.to_string(), hint: None };
            if !hints.is_empty() {
                out.hint = Some(hints.join("; "));
            }
            out
        })
        .collect()
}

/// The text of the laid-out pages in reading order, one line per text run. Used for the
/// summary line and by tests that check what a reader would see.
pub fn plain_text(document: &PagedDocument) -> String {
    fn walk(frame: &typst::layout::Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                typst::layout::FrameItem::Text(t) => {
                    out.push_str(&t.text);
                    out.push('\n');
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
        out.push('\u{c}');
    }
    out
}
