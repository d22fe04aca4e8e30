//! Back-ends. Each reads only the [`crate::model`] and owns its own folder.

pub mod docx;
pub mod flowchart;
pub mod html;
pub mod nobreak;
pub mod pathway_layout;
pub mod pdf;
pub mod qr;
pub mod raster;
