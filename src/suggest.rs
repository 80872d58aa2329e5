//! "Did you mean" suggestions.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &'a str)> = None;
    let word = word.to_lowercase();
    for candidate in candidates {
        // Case-blind, so `BASIC` suggests `basic`.
        let score = strsim::jaro_winkler(&word, &candidate.to_lowercase());
        // Candidates are visited in a fixed order and only a strictly better score
        // replaces the best, so ties resolve to the first candidate: deterministic.
        if score >= 0.8 && best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// "did you mean `x`?" or the list of valid values when nothing is close.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
    what: &str,
) -> String {
    match closest(word, candidates.clone()) {
        Some(candidate) => format!("did you mean `{candidate}`?"),
        None => {
            let list: Vec<String> = candidates.into_iter().map(|c| format!("`{c}`")).collect();
            format!("valid {what}: {}", list.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos_not_strangers() {
        let ids = ["greet-customer", "take-ticket", "sign-contract"];
        assert_eq!(closest("take-tiket", ids), Some("take-ticket"));
        assert_eq!(closest("greet-custmer", ids), Some("greet-customer"));
        assert_eq!(closest("zzz", ids), None);
        assert_eq!(closest("TAKE-TICKET", ids), Some("take-ticket"));
    }
}
