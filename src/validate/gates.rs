//! Release gates: what must not reach a published edition. In an approved source each is an
//! error; in a draft a warning (and the outputs mark the detail as a placeholder). Every
//! report names its rule, so a partnership can see why a release was refused.

use crate::diag::{Diagnostic, Loc, SourceFiles};
use crate::load::SourceIndex;
use crate::model::{Contact, Date, Guidance, Status};
use crate::util::placeholders::{find, Placeholder};

/// Contacts whose details were last checked longer ago than this fail the gate.
pub const CONTACT_STALE_DAYS: i64 = 365;

struct Gate {
    approved: bool,
}

impl Gate {
    fn report(&self, loc: Loc, path: &str, rule: &str, message: String, hint: &str) -> Diagnostic {
        let message = format!("{message} [release gate `{rule}`]");
        if self.approved {
            Diagnostic::error(loc, path, message)
                .with_hint(format!("{hint}; an approved edition cannot be published with this (or set `document.status: draft`)"))
        } else {
            Diagnostic::warning(loc, path, message).with_hint(hint.to_string())
        }
    }
}

pub fn check(g: &Guidance, index: &SourceIndex, files: &SourceFiles, today: Date, out: &mut Vec<Diagnostic>) {
    let gate = Gate { approved: g.document.status == Status::Approved };
    let doc = &g.document;
    if doc.review_date < today {
        let loc = index.fields.get("document.review_date").copied().unwrap_or_default();
        out.push(gate.report(
            loc,
            "document.review_date",
            "review-date-passed",
            format!("the review date {} has passed (today is {today})", doc.review_date),
            "review the guidance, then record a new revision and set the next `review_date`",
        ));
    }
    for c in g.contacts.iter().chain(g.brands.iter().flat_map(|b| &b.contacts)) {
        contact(&gate, c, today, out);
    }
    for b in g.brands.iter().filter(|b| b.placeholder) {
        out.push(gate.report(
            b.at,
            "meta.placeholder",
            "placeholder-brand",
            format!("the brand `{}` ({}) is marked as a placeholder", b.id, b.name),
            "replace its details with the council's real ones and remove `placeholder: true`, or delete the brand file",
        ));
    }
    for id in files.ids() {
        scan_text(&gate, files, id, out);
    }
}

fn contact(gate: &Gate, c: &Contact, today: Date, out: &mut Vec<Diagnostic>) {
    let path = format!("contacts.{}", c.id);
    if today.days_since_epoch() - c.verified_on.days_since_epoch() > CONTACT_STALE_DAYS {
        out.push(gate.report(
            c.at,
            &path,
            "stale-contact",
            format!("the details of `{}` were last verified on {}, more than 12 months ago", c.id, c.verified_on),
            "check the details with the service, then update `verified_on`",
        ));
    }
    if c.verify {
        out.push(gate.report(
            c.at,
            &path,
            "unverified-contact",
            format!("the details of `{}` are marked `verify: true` (still to be confirmed)", c.id),
            "confirm the details with the service, then remove `verify: true`",
        ));
    }
}

/// Drama-range numbers and reserved domains anywhere in a source file's text (contacts, prose,
/// brand files), outside YAML comments, reported where they are.
fn scan_text(gate: &Gate, files: &SourceFiles, id: crate::diag::FileId, out: &mut Vec<Diagnostic>) {
    let text = files.text(id);
    for (n, line) in text.lines().enumerate() {
        let content = &line[..comment_start(line)];
        let at = |start: usize, end: usize| files.loc_at(id, n + 1, content[..start].chars().count(), content[start..end].chars().count());
        for (s, e, kind) in find(content) {
            let shown = &content[s..e];
            let (rule, message, hint) = match kind {
                Placeholder::DramaNumber(area) => (
                    "drama-number",
                    format!("`{shown}` is in a range Ofcom keeps for drama ({area}): it reaches no one"),
                    "put the service's real number here",
                ),
                Placeholder::ExampleDomain(name) => (
                    "example-domain",
                    format!("`{shown}` is under `{name}`, a name reserved for examples: no one can be reached there"),
                    "put the service's real web or email address here",
                ),
            };
            out.push(gate.report(at(s, e), "", rule, message, hint));
        }
    }
}

/// Where a YAML comment starts on `line` (its length if none): a `#` at the start or after a
/// space, outside quotes.
pub(super) fn comment_start(line: &str) -> usize {
    let (mut single, mut double) = (false, false);
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && (prev == ' ' || prev == '\t') => return i,
            _ => {}
        }
        prev = c;
    }
    line.len()
}

#[cfg(test)]
mod tests {
    use super::comment_start;

    #[test]
    fn finds_comments_but_not_hashes_in_text_or_addresses() {
        assert_eq!(comment_start("phone: 0113 496 0456 # placeholder"), 21);
        assert_eq!(comment_start("# a comment"), 0);
        assert_eq!(comment_start("link: https://x.org/#part"), 25);
        assert_eq!(comment_start("text: 'not # a comment'"), 23);
    }
}
