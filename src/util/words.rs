//! Small changes to words that more than one set of templates needs.

/// `s` with its first letter lower-cased when it starts a capitalised word, so "Young people"
/// reads right after "For ", while "NHS staff" stays as it is.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => a.to_lowercase().chain(s.chars().skip(1)).collect(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_capitalised_word_is_lowered() {
        assert_eq!(super::lower_first("Young people"), "young people");
        assert_eq!(super::lower_first("NHS staff"), "NHS staff");
    }
}
