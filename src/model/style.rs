//! Safe-messaging rules: wording the partnership avoids, with what to say instead. Built-in
//! defaults (after the Samaritans media guidelines) that `source/style.yaml` can extend or
//! switch off. Data, not code: the validator applies whatever is here.

/// One rule. `avoid` phrases are matched case-insensitively as whole words.
#[derive(Debug, Clone, PartialEq)]
pub struct StyleRule {
    pub id: String,
    pub avoid: Vec<String>,
    /// What to write instead; for a `review` rule, what to check.
    pub say: String,
    /// A word that may describe methods or means: not wrong in itself, but a person should
    /// read the sentence (and then mark it reviewed with an allow comment).
    pub review: bool,
}

/// The rules in force for a source.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StyleRules {
    pub rules: Vec<StyleRule>,
}

/// `(id, phrases to avoid, what to say, review only)`.
const DEFAULTS: &[(&str, &[&str], &str, bool)] = &[
    (
        "committed-suicide",
        &["commit suicide", "commits suicide", "committed suicide", "committing suicide"],
        "say \"died by suicide\" or \"took their own life\": suicide is not a crime",
        false,
    ),
    (
        "attempt-outcome",
        &["successful attempt", "failed attempt", "unsuccessful attempt", "successful suicide", "failed suicide"],
        "say \"a suicide attempt\" or \"died by suicide\": an attempt is not a success or a failure",
        false,
    ),
    (
        "attention-seeking",
        &["attention-seeking", "attention seeking", "seeking attention"],
        "say \"asking for help\" or \"needing support\"",
        false,
    ),
    ("manipulative", &["manipulative", "manipulate"], "describe the need behind the behaviour: \"trying to get their needs met\"", false),
    ("cry-for-help", &["just a cry for help", "only a cry for help"], "say \"a sign that they need help\"", false),
    (
        "suicide-epidemic",
        &["suicide epidemic", "epidemic of suicide", "suicide contagion"],
        "say \"rising rates\"; avoid language that sensationalises",
        false,
    ),
    (
        "self-harmer",
        &["self-harmer", "self-harmers", "cutter", "cutters"],
        "say \"a young person who self-harms\": a person is not their behaviour",
        false,
    ),
    (
        "high-risk-of-suicide",
        &["high risk of suicide"],
        "say \"a greater chance of suicide\" or \"a need for urgent help\": risk labels predict poorly (NICE NG225)",
        false,
    ),
    (
        "method-or-means",
        &["ligature", "ligatures", "hanging", "razor", "razors", "razor blade", "paracetamol", "noose", "poison"],
        "this word can describe a method or means: check the sentence gives no method detail",
        true,
    ),
];

impl StyleRules {
    /// The built-in rules.
    pub fn defaults() -> StyleRules {
        let rules = DEFAULTS
            .iter()
            .map(|(id, avoid, say, review)| StyleRule {
                id: id.to_string(),
                avoid: avoid.iter().map(|s| s.to_string()).collect(),
                say: say.to_string(),
                review: *review,
            })
            .collect();
        StyleRules { rules }
    }

    pub fn ids(&self) -> Vec<&str> {
        self.rules.iter().map(|r| r.id.as_str()).collect()
    }
}
