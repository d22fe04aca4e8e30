//! Which artefacts a build makes: one job per brand, kind and item, in a stable order.

use std::path::{Path, PathBuf};

use super::kind::Kind;
use crate::model::{Brand, Guidance};

/// One artefact to build.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    pub brand: &'a Brand,
    pub kind: Kind,
    /// Flyer or worksheet id; the document slug for the editions.
    pub id: String,
}

impl Job<'_> {
    /// Where the artefact goes, relative to the output folder: `<brand>/…`.
    pub fn path(&self, g: &Guidance) -> PathBuf {
        Path::new(&self.brand.id).join((self.kind.spec().path)(g, &self.id))
    }
}

/// Every job for `brands`, limited to `only` (all kinds when empty), brand by brand.
pub fn plan<'a>(g: &'a Guidance, brands: &[&'a Brand], only: &[Kind]) -> Vec<Job<'a>> {
    let mut jobs = Vec::new();
    for &brand in brands {
        for kind in Kind::ALL.into_iter().filter(|k| only.is_empty() || only.contains(k)) {
            jobs.extend((kind.spec().items)(g).into_iter().map(|id| Job { brand, kind, id }));
        }
    }
    jobs
}
