//! Details that cannot be real: telephone numbers Ofcom keeps for drama (never allocated, so
//! they reach nobody) and domains reserved for examples (RFC 2606 and RFC 6761). Printed in
//! guidance for children at risk they would send someone in crisis to a dead line, so the
//! release gates refuse them in an approved edition and the back-ends mark them in a draft.

/// Ofcom's telephone numbers for drama purposes: 20,000 numbers in 20 blocks of 1,000 (15
/// geographic, the fictional area 01632, and mobile, freephone, premium rate and UK-wide).
/// Each is (where, first number, last number), written as dialled from the UK.
pub const DRAMA_RANGES: &[(&str, &str, &str)] = &[
    ("Leeds", "0113 496 0000", "0113 496 0999"),
    ("Sheffield", "0114 496 0000", "0114 496 0999"),
    ("Nottingham", "0115 496 0000", "0115 496 0999"),
    ("Leicester", "0116 496 0000", "0116 496 0999"),
    ("Bristol", "0117 496 0000", "0117 496 0999"),
    ("Reading", "0118 496 0000", "0118 496 0999"),
    ("Birmingham", "0121 496 0000", "0121 496 0999"),
    ("Edinburgh", "0131 496 0000", "0131 496 0999"),
    ("Glasgow", "0141 496 0000", "0141 496 0999"),
    ("Liverpool", "0151 496 0000", "0151 496 0999"),
    ("Manchester", "0161 496 0000", "0161 496 0999"),
    ("Tyneside, Durham and Sunderland", "0191 498 0000", "0191 498 0999"),
    ("London", "020 7946 0000", "020 7946 0999"),
    ("Northern Ireland", "028 9649 6000", "028 9649 6999"),
    ("Cardiff", "029 2018 0000", "029 2018 0999"),
    ("no area (01632)", "01632 960000", "01632 960999"),
    ("mobile", "07700 900000", "07700 900999"),
    ("freephone", "08081 570000", "08081 570999"),
    ("premium rate", "0909 8790000", "0909 8790999"),
    ("UK-wide", "03069 990000", "03069 990999"),
];

/// The digits of a number as dialled in the UK (`+44 113 …` and `0044 113 …` become `0113 …`).
fn national_digits(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let international = number.trim_start().starts_with('+') || digits.starts_with("0044");
    match digits.strip_prefix("0044").or_else(|| international.then(|| digits.strip_prefix("44")).flatten()) {
        Some(rest) => format!("0{}", rest.trim_start_matches('0')),
        None => digits,
    }
}

/// Which drama range `number` is in, if any.
pub fn drama_range(number: &str) -> Option<&'static str> {
    let n = national_digits(number);
    DRAMA_RANGES.iter().find_map(|(name, first, last)| {
        let (first, last) = (national_digits(first), national_digits(last));
        (n.len() == first.len() && n >= first && n <= last).then_some(*name)
    })
}

/// Telephone-number-like runs in `text` (digits with single spaces, an optional leading `+`,
/// 10 to 13 digits): their byte ranges.
pub fn phone_numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = (bytes[i].is_ascii_digit() || (bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit() || (bytes[end] == b' ' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        let digits = bytes[i..end].iter().filter(|b| b.is_ascii_digit()).count();
        if (10..=13).contains(&digits) {
            out.push((i, end));
        }
        i = end;
    }
    out
}

/// Which reserved name `host` falls under, if any: `example.org/.com/.net` and anything below
/// them, and the top-level names `.example`, `.test`, `.invalid` and `.localhost`.
pub fn reserved_domain(host: &str) -> Option<&'static str> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    for name in ["example.org", "example.com", "example.net"] {
        if host == name || host.ends_with(&format!(".{name}")) {
            return Some(name);
        }
    }
    for tld in ["example", "test", "invalid", "localhost"] {
        if host.ends_with(&format!(".{tld}")) {
            return Some(tld);
        }
    }
    None
}

/// Domain names in `text` (in web addresses, email addresses or bare): byte ranges of each
/// run of letters, digits, dots and hyphens that has a dot inside it.
pub fn domains(text: &str) -> Vec<(usize, usize)> {
    let is_part = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, is_part(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text[s..i].trim_end_matches('.');
                if word.contains('.') && word.chars().any(|c| c.is_ascii_alphabetic()) {
                    out.push((s, s + word.len()));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// What a placeholder detail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// A number in a drama range; the range's area.
    DramaNumber(&'static str),
    /// An address under a reserved name; the name.
    ExampleDomain(&'static str),
}

/// Every placeholder detail in `text`: byte range and kind, in order. The release gates report
/// them; the back-ends print a PLACEHOLDER tag after each in a draft.
pub fn find(text: &str) -> Vec<(usize, usize, Placeholder)> {
    let mut out: Vec<(usize, usize, Placeholder)> = phone_numbers(text)
        .into_iter()
        .filter_map(|(s, e)| drama_range(&text[s..e]).map(|area| (s, e, Placeholder::DramaNumber(area))))
        .collect();
    out.extend(
        domains(text).into_iter().filter_map(|(s, e)| reserved_domain(&text[s..e]).map(|name| (s, e, Placeholder::ExampleDomain(name)))),
    );
    out.sort_unstable_by_key(|(s, _, _)| *s);
    out
}

/// `text` cut after each placeholder detail: every piece but the last ends with one, so a
/// back-end writes each piece and a tag between them.
pub fn split_after_placeholders(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for (_, end, _) in find(text) {
        pieces.push(&text[from..end]);
        from = end;
    }
    pieces.push(&text[from..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_drama_range_is_recognised_at_both_ends_and_not_outside() {
        for (name, first, last) in DRAMA_RANGES {
            assert_eq!(drama_range(first), Some(*name), "{first}");
            assert_eq!(drama_range(last), Some(*name), "{last}");
            let (f, l) = (national_digits(first).parse::<u64>().unwrap(), national_digits(last).parse::<u64>().unwrap());
            assert_eq!(l - f, 999, "{name} is a block of 1,000");
            let width = national_digits(first).len();
            for outside in [f - 1, l + 1] {
                let s = format!("{outside:0width$}");
                assert_eq!(drama_range(&s), None, "{s} is outside {name}");
            }
        }
        assert_eq!(drama_range("+44 151 496 0123"), Some("Liverpool"));
        assert_eq!(drama_range("0044 20 7946 0321"), Some("London"));
        assert_eq!(drama_range("0800 068 4141"), None);
        assert_eq!(drama_range("116 123"), None);
    }

    #[test]
    fn finds_numbers_and_reserved_domains_in_text() {
        let t = "Call 0151 496 0123 or text 85258; see www.example.org/x or mail a@b.example.";
        let nums: Vec<&str> = phone_numbers(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(nums, ["0151 496 0123"]);
        let hosts: Vec<&str> = domains(t).into_iter().map(|(s, e)| &t[s..e]).filter(|h| reserved_domain(h).is_some()).collect();
        assert_eq!(hosts, ["www.example.org", "b.example"]);
        assert_eq!(reserved_domain("nspcc.org.uk"), None);
        assert_eq!(reserved_domain("counterexample.org"), None);
        assert_eq!(reserved_domain("x.test"), Some("test"));
        let kinds: Vec<Placeholder> = find(t).into_iter().map(|(_, _, k)| k).collect();
        assert_eq!(
            kinds,
            [Placeholder::DramaNumber("Liverpool"), Placeholder::ExampleDomain("example.org"), Placeholder::ExampleDomain("example")]
        );
        assert_eq!(split_after_placeholders("call 0151 496 0123 now"), ["call 0151 496 0123", " now"]);
    }
}
