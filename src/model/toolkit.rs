use super::{Block, Text};

/// A young people's worksheet: printed on its own and as an appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct Worksheet {
    pub id: String,
    pub title: String,
    pub audience: Option<String>,
    pub intro: Option<Text>,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Paragraph(Text),
    /// A question followed by `lines` writing lines.
    Prompt {
        text: Text,
        lines: u32,
    },
    /// Sentence starters, each followed by a writing line.
    Starters(Vec<Text>),
    /// A rating scale: one row per level, one writing column per heading.
    Scale {
        levels: Vec<String>,
        columns: Vec<String>,
    },
    Checklist(Vec<Text>),
    /// A table with a header and `rows` empty rows to fill in.
    Table {
        header: Vec<String>,
        rows: u32,
    },
    /// A box to draw in.
    Draw {
        text: Text,
        size: DrawSize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawSize {
    Small,
    Medium,
    Large,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flyer {
    pub id: String,
    pub title: String,
    pub size: PaperSize,
    pub audience: Option<String>,
    pub blocks: Vec<Block>,
    pub contacts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperSize {
    A4,
    A5,
}

impl PaperSize {
    pub fn name(self) -> &'static str {
        match self {
            PaperSize::A4 => "A4",
            PaperSize::A5 => "A5",
        }
    }

    /// Width and height in millimetres.
    pub fn mm(self) -> (f64, f64) {
        match self {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::A5 => (148.0, 210.0),
        }
    }
}
