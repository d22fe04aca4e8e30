use super::{Date, Text};
use crate::diag::Loc;

/// One service in the contacts directory (or a brand's local contacts).
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub description: Option<Text>,
    pub phone: Option<String>,
    /// How to reach the service by text message, e.g. "Text SHOUT to 85258".
    pub text: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<String>,
    pub audience: Option<String>,
    pub verified_on: Date,
    /// Details still to be confirmed before publication.
    pub verify: bool,
    pub at: Loc,
}
