use std::path::PathBuf;

use super::Text;
use crate::diag::Loc;

/// A section, subsection or appendix. Numbers are given by the loader ("2", "2.1", "B", "B.1").
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub number: String,
    /// 1 for a main section or appendix, 2 and 3 for subsections.
    pub level: u8,
    pub appendix: bool,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    pub at: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Text),
    Bullets(Vec<ListItem>),
    Numbered(Vec<ListItem>),
    Callout(Callout),
    Table(Table),
    Definition {
        term: String,
        text: Text,
        source: Option<String>,
    },
    Quote {
        text: Text,
        source: Option<String>,
    },
    Figure(Figure),
    Pathway(Pathway),
    /// Contact ids, resolved against the directory and the brand when rendering.
    Contacts(Vec<String>),
    LevelsOfNeed(Vec<Level>),
    /// A toolkit worksheet included here (normally in an appendix).
    Worksheet(String),
    PageBreak,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub text: Text,
    pub children: Vec<ListItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutKind {
    Info,
    Important,
    Emergency,
}

impl CalloutKind {
    pub fn name(self) -> &'static str {
        match self {
            CalloutKind::Info => "info",
            CalloutKind::Important => "important",
            CalloutKind::Emergency => "emergency",
        }
    }

    /// The word printed before the title, so meaning never rests on colour alone.
    pub fn label(self) -> &'static str {
        match self {
            CalloutKind::Info => "Note",
            CalloutKind::Important => "Important",
            CalloutKind::Emergency => "Emergency",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Callout {
    pub kind: CalloutKind,
    pub title: Option<String>,
    pub text: Option<Text>,
    pub items: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: Option<String>,
    /// Relative widths, one per column; empty means equal widths.
    pub widths: Vec<f64>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Text>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Relative to the source folder.
    pub image: PathBuf,
    pub alt: String,
    pub caption: Option<String>,
    /// Per cent of the text width.
    pub width: u32,
    pub at: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pathway {
    pub id: String,
    pub title: String,
    pub steps: Vec<Step>,
    /// Where the pathway is in the source, for warnings about its drawing.
    pub at: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Start,
    Action,
    Decision,
    Emergency,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub text: Text,
    pub next: Vec<Edge>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub to: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub level: u32,
    pub name: String,
    pub summary: Text,
    pub response: Option<Text>,
    pub examples: Vec<Text>,
}
