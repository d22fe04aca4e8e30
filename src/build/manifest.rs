//! `manifest.json`: what a release contains. No timings or clock times, so two builds of the
//! same source give the same manifest.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::kind::Kind;
use crate::model::Guidance;

/// One built artefact, as the manifest and the progress lines describe it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub path: String,
    pub kind: Kind,
    pub brand: String,
    pub id: String,
    pub bytes: usize,
    pub pages: Option<usize>,
    pub sha256: String,
    /// Time to build, for the progress line; not in the manifest.
    #[serde(skip)]
    pub millis: u128,
}

#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub generator: String,
    pub title: String,
    pub version: String,
    pub status: String,
    pub published: String,
    pub review_date: String,
    pub timestamp: i64,
    pub brands: Vec<String>,
    pub artefacts: Vec<Report>,
}

impl Manifest {
    pub fn new(g: &Guidance, brands: Vec<String>, artefacts: Vec<Report>, timestamp: i64) -> Manifest {
        Manifest {
            generator: format!("guidepress {}", env!("CARGO_PKG_VERSION")),
            title: g.document.title.clone(),
            version: g.document.version.clone(),
            status: g.document.status.label().to_string(),
            published: g.document.published.to_string(),
            review_date: g.document.review_date.to_string(),
            timestamp,
            brands,
            artefacts,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")) + "\n"
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
