//! Did-you-mean suggestions for misspelt field names, enum words and ids: the loader and the
//! validator both offer them, so they live here rather than in either.

/// The closest allowed word, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, options: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    options
        .iter()
        .map(|o| (*o, strsim::jaro_winkler(&word, o)))
        .filter(|(o, score)| *score >= 0.82 || strsim::levenshtein(&word, o) <= 2)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(o, _)| o)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_field_names_only() {
        assert_eq!(did_you_mean("tittle", &["title", "subtitle", "id"]), Some("title"));
        assert_eq!(did_you_mean("verifed_on", &["verified_on", "verify"]), Some("verified_on"));
        assert_eq!(did_you_mean("colour", &["id", "name"]), None);
    }
}
