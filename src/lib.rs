//! guidepress: one YAML source of safeguarding guidance compiled into an accessible PDF, an
//! editable Word document and printable flyers.
//!
//! Two doors lead in: [`check()`] (load and validate, every problem at once) and [`build()`]
//! (check, render every artefact in parallel, write them as one transaction). Behind them the
//! pipeline runs one way: [`source`] (YAML with locations) → [`load`] (typed model) →
//! [`validate`] → [`model`] (the one representation every back-end reads) → [`render`] (one
//! back-end per edition) → [`write`]. `docs/architecture.md` is the map.

pub mod build;
pub mod check;
pub mod diag;
pub mod load;
pub mod model;
pub mod picture;
pub mod render;
pub mod source;
pub mod util;
pub mod validate;
pub mod write;

pub use build::{build, BrandChoice, BuildFailure, BuildRequest, Built, Kind, Problem, Session};
pub use check::{build_timestamp, check, today, CheckRequest, Checked};

/// The type family used when a brand names none; its files are in `fonts/`.
pub const DEFAULT_FONT: &str = "Atkinson Hyperlegible";
