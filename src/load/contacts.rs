//! contacts.yaml (and the `contacts` of a brand file): the directory of services.

use super::{Ctx, Ns};
use crate::model::Contact;
use crate::source::decode::{item, Decoder};
use crate::source::yaml::Node;

const CONTACT: &[&str] = &["id", "name", "description", "phone", "text", "email", "website", "hours", "audience", "verified_on", "verify"];

pub fn decode_file(cx: &mut Ctx, root: &Node) -> Option<Vec<Contact>> {
    let top = cx.d.map(root, "", &["contacts"])?;
    let list = top.get("contacts")?;
    decode_list(cx, list, "contacts", true)
}

/// `national` contacts define ids in the shared namespace; a brand's are kept per brand.
pub fn decode_list(cx: &mut Ctx, node: &Node, path: &str, national: bool) -> Option<Vec<Contact>> {
    let items = cx.d.list(node, path)?;
    let before = cx.d.error_count();
    let mut out = Vec::new();
    for (i, n) in items.iter().enumerate() {
        let p = item(path, i);
        if let Some(c) = decode_contact(&mut cx.d, n, &p) {
            if national {
                cx.def(Ns::Contact, &c.id, c.at, &format!("{p}.id"));
            }
            out.push(c);
        }
    }
    (cx.d.error_count() == before).then_some(out)
}

fn decode_contact(d: &mut Decoder, node: &Node, path: &str) -> Option<Contact> {
    let m = d.map(node, path, CONTACT)?;
    let id = m.req(d, "id", Decoder::id);
    let name = m.req(d, "name", Decoder::string);
    let description = m.opt(d, "description", Decoder::text);
    let phone = m.opt(d, "phone", decode_phone);
    let text = m.opt(d, "text", Decoder::string);
    let email = m.opt(d, "email", decode_email);
    let website = m.opt(d, "website", Decoder::url);
    let hours = m.opt(d, "hours", Decoder::string);
    let audience = m.opt(d, "audience", Decoder::string);
    let verified_on = m.req(d, "verified_on", Decoder::date);
    let verify = m.opt(d, "verify", Decoder::boolean).unwrap_or(false);
    if ["phone", "text", "email", "website"].iter().all(|k| m.get(k).is_none()) {
        d.error(
            node.loc,
            path,
            "the contact gives no way to reach the service",
            "add at least one of `phone`, `text`, `email` or `website`",
        );
        return None;
    }
    let at = m.get("id").map(|n| n.loc).unwrap_or(node.loc);
    Some(Contact { id: id?, name: name?, description, phone, text, email, website, hours, audience, verified_on: verified_on?, verify, at })
}

/// Digits and spaces (UK style, e.g. `0800 068 4141`), optionally a leading `+`.
fn decode_phone(d: &mut Decoder, node: &Node, path: &str) -> Option<String> {
    let s = d.string(node, path)?;
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let ok = s.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == ' ' || (c == '+' && i == 0)) && (3..=15).contains(&digits);
    if !ok {
        d.error(
            node.loc,
            path,
            format!("`{s}` is not a phone number"),
            "write digits and spaces only, for example `0800 1111` or `116 123`; put opening hours in `hours` and text numbers in `text`",
        );
        return None;
    }
    Some(s)
}

fn decode_email(d: &mut Decoder, node: &Node, path: &str) -> Option<String> {
    let s = d.string(node, path)?;
    let ok = s.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !s.contains(char::is_whitespace));
    if !ok {
        d.error(node.loc, path, format!("`{s}` is not an email address"), "write an address such as `help@nspcc.org.uk`");
        return None;
    }
    Some(s)
}
