//! Keeping numbers whole across line ends: "0151 496 0123" or "116 123" split over two lines
//! is misread or missed, so a space between two groups of digits becomes a no-break space.
//! Every back-end that lays out lines applies it to running text.

/// `s` with each space that sits between two digit groups (of two or more digits, so phone
/// numbers and short codes but not "page 3 of 4") replaced by U+00A0.
pub fn keep_numbers_together(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let group_len = |range: &mut dyn Iterator<Item = &char>| range.take_while(|c| c.is_ascii_digit()).count();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 {
            let before = group_len(&mut chars[..i].iter().rev());
            let after = group_len(&mut chars[i + 1..].iter());
            if before >= 2 && after >= 2 {
                out.push('\u{a0}');
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::keep_numbers_together as k;

    #[test]
    fn joins_digit_groups_only() {
        assert_eq!(k("call 0151 496 0123 now"), "call 0151\u{a0}496\u{a0}0123 now");
        assert_eq!(k("Samaritans on 116 123."), "Samaritans on 116\u{a0}123.");
        assert_eq!(k("page 3 of 4, in 2024 there"), "page 3 of 4, in 2024 there");
        assert_eq!(k("text SHOUT to 85258"), "text SHOUT to 85258");
    }
}
