//! Word recall and precision exactly as `../shared/extraction/check` computes them: NFKC fold,
//! soft hyphens removed, lower case, words as runs of letters and digits (Python's `[^\W_]+`),
//! compared as multisets.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

const SOFT_HYPHEN: char = '\u{AD}';

/// A multiset of words.
#[derive(Debug, Default)]
pub struct Words {
    counts: HashMap<String, usize>,
    total: usize,
}

impl Words {
    pub fn of(text: &str) -> Words {
        let folded: String = text.nfkc().filter(|&c| c != SOFT_HYPHEN).collect();
        let mut words = Words::default();
        // Python's `\w` is `str.isalnum()` plus `_`; Rust's `is_alphanumeric` is the same test
        // but for a few combining marks, which resumes in Latin scripts do not carry after NFKC.
        for word in folded
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
        {
            *words.counts.entry(word.to_string()).or_default() += 1;
            words.total += 1;
        }
        words
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Words in both, each counted as often as the rarer side has it.
    fn common(&self, other: &Words) -> usize {
        self.counts
            .iter()
            .map(|(word, &count)| count.min(other.counts.get(word).copied().unwrap_or(0)))
            .sum()
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Score {
    pub recall: f64,
    pub precision: f64,
}

pub fn score(reference: &Words, extracted: &Words) -> Score {
    let common = reference.common(extracted) as f64;
    Score {
        recall: common / reference.total.max(1) as f64,
        precision: common / extracted.total.max(1) as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_case_and_soft_hyphens_fold_away() {
        let reference = Words::of("Certified Kubernetes administrator");
        let extracted = Words::of("certiﬁed KUBER\u{AD}NETES administrator, extra");
        let score = score(&reference, &extracted);
        assert_eq!(score.recall, 1.0);
        assert_eq!(score.precision, 0.75);
    }

    #[test]
    fn words_are_a_multiset_split_at_underscores() {
        let reference = Words::of("go go snake_case");
        let extracted = Words::of("go snake case");
        assert_eq!(score(&reference, &extracted).recall, 0.75);
    }
}
