//! The Word edition (being built).

use crate::model::{Brand, Guidance};

/// Options shared by every Word build.
#[derive(Debug, Clone, Copy)]
pub struct DocxOptions {
    /// Seconds since the Unix epoch, used for created/modified dates and zip entry times.
    pub timestamp: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot build the Word document: {0}")]
    Build(String),
}

/// Builds the Word edition of `guidance` for `brand`.
pub fn render(_guidance: &Guidance, _brand: &Brand, _options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    Err(DocxError::Build("not implemented yet".into()))
}
