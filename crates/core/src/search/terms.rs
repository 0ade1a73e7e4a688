//! What search counts as a word: folded as names are (accents, case, punctuation, number words),
//! then stemmed (Snowball English), so that "minilateral", "minilaterals" and "minilateralism"
//! meet, and "organisation" and "organisational" do.

use rust_stemmers::{Algorithm, Stemmer};

use crate::fold;

/// Words too common to rank by. They still join the words around them into a name ("the UN",
/// "code of conduct") and count for nothing else.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in", "is",
    "it", "its", "of", "on", "or", "that", "the", "their", "they", "this", "to", "was", "we",
    "with",
];

/// Query words kept: a longer query is a paste, not a search.
pub const MAX_QUERY_WORDS: usize = 12;

/// Whether `folded_word` is too common to search for (it is not indexed).
pub fn is_stopword(folded_word: &str) -> bool {
    STOPWORDS.contains(&folded_word)
}

/// The index term of a folded word.
pub fn term(folded_word: &str) -> String {
    Stemmer::create(Algorithm::English)
        .stem(folded_word)
        .into_owned()
}

/// The content words of `text`, folded, each once, in the order typed; all of them when
/// every word is a stopword ("the" alone is still what was asked).
pub fn query_words(text: &str) -> Vec<String> {
    let words = fold::words(text);
    let mut content = fold::content_words(&words, STOPWORDS);
    let mut seen = std::collections::HashSet::new();
    content.retain(|w| seen.insert(w.clone()));
    content.truncate(MAX_QUERY_WORDS);
    content
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_one_word_share_a_term() {
        assert_eq!(term("minilaterals"), term("minilateral"));
        assert_eq!(term("minilateralism"), term("minilateral"));
        assert_eq!(term("organisations"), term("organisation"));
        assert_eq!(term("countries"), term("country"));
        assert_ne!(term("state"), term("statement"));
    }
}
