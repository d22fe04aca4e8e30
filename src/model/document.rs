use super::{Date, Text};

/// Document control details, shown on the cover, in the control table and in file metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    pub subtitle: Option<String>,
    pub partnership: String,
    pub edition: String,
    pub version: String,
    pub status: Status,
    pub author: String,
    pub approved_by: Option<String>,
    pub approved_on: Option<Date>,
    pub published: Date,
    pub review_date: Date,
    pub supersedes: Option<String>,
    /// BCP 47 tag such as `en-GB`.
    pub language: String,
    pub audience: Vec<String>,
    pub keywords: Vec<String>,
    pub equality_impact: Option<Text>,
    pub controlled_copy: Text,
    pub accessibility_statement: Text,
    pub accessibility_contact: Text,
    pub default_brand: String,
    /// Contacts for the "in danger now" panel at the front of the guidance, by id (a brand's
    /// contact with the same id replaces the national one, so each brand shows its own line).
    pub crisis_contacts: Vec<String>,
    /// One line of crisis help printed in the footer of every page of the guidance.
    pub crisis_line: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Approved,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Approved => "Approved",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub version: String,
    pub date: Date,
    pub author: String,
    pub summary: Text,
}
