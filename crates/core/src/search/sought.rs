//! A word of a question as search reads it (`Sought`): the terms it stands for (itself, or,
//! where the data does not hold it, its typos and completions) and how rare it is. `/ask`
//! weighs a passage by which of a question's words it holds, so it asks search, word by word,
//! what search would have found.

use super::ids::TermId;

/// A word sought: the terms it stands for, each with the weight a match counts for (1 for the
/// word itself, less for a typo or a completion), and its inverse document frequency. One
/// `Sought` may stand for several words that mean one thing (a country's names: "UK",
/// "United Kingdom", "British").
#[derive(Clone, Debug)]
pub struct Sought {
    /// The terms it stands for, with their weights.
    pub(super) terms: Vec<(TermId, f32)>,
    /// How rare it is: the inverse document frequency of its rarest term, or of a word no
    /// passage holds when it stands for none (a word the data lacks tells most).
    pub idf: f32,
    /// The word as typed, and the vocabulary's words near it (places and edits) within
    /// `reach` edits, when it was walked for them: kept for the "did you mean" of an answer
    /// that finds nothing, so the vocabulary is walked once a word.
    pub(super) walked: Option<Walked>,
}

/// A word's walk of the vocabulary.
#[derive(Clone, Debug)]
pub(super) struct Walked {
    /// The word, folded.
    pub(super) word: String,
    /// The edits walked.
    pub(super) reach: usize,
    /// The places and edits of the words within `reach`, in vocabulary order.
    pub(super) near: Vec<(usize, usize)>,
}
