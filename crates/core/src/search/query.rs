//! What a query asks: its words and the names in it, as clauses. A name of an entity is one
//! clause (its passages, or all its words together); a word the data holds is itself, and a
//! word it does not hold stands for the words it begins and the words within a typo of it.

use super::{SearchIndex, fuzzy, terms, typo_edits};
use crate::dataset::Id;
use crate::fold;

/// How much a passage that speaks or concerns an entity named in the query counts, against a
/// word of that name in its text.
pub(super) const ENTITY_WEIGHT: f32 = 1.0;
/// A word found only through a typo, or as the beginning of a longer word, counts for less than
/// the word itself.
const TYPO_WEIGHT: f32 = 0.6;
const PREFIX_WEIGHT: f32 = 0.8;
/// The most words a typo or a prefix stands for (the closest and most frequent).
const MAX_EXPANSIONS: usize = 8;
/// A query word this long may match the beginning of a longer word ("secret" → "secretariat").
const PREFIX_MIN_CHARS: usize = 4;

/// What search reads of a query: its names (their folded words, and the entities bearing
/// them) and its other content words.
pub(super) struct Reading<'a> {
    pub(super) names: Vec<(Vec<String>, &'a [u32])>,
    pub(super) loose: Vec<String>,
}

/// A part of the query that a document matches or not.
#[derive(Debug, Default)]
pub(super) struct Clause {
    /// Alternatives: the document's best counts (a word, its typos or its completions).
    pub(super) terms: Vec<(u32, f32)>,
    /// The words of a name: the sum counts, in a document that has every one of them.
    pub(super) phrase: Vec<u32>,
    /// The entities of a name: speaking or concerning one of them counts.
    pub(super) entities: Vec<u32>,
    /// Terms marked in a hit: the words, their typos and completions, the names.
    pub(super) marks: Vec<u32>,
}

impl SearchIndex {
    fn term_number(&self, stem: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(stem))
            .ok()
            .map(|n| n as u32)
    }

    /// The clause of a word typed: the word itself; where the data does not hold it, the words
    /// it begins and the words within a typo of it.
    fn word_clause(&self, word: &str) -> Clause {
        let stem = terms::term(word);
        let mut clause = Clause::default();
        if let Some(t) = self.term_number(&stem) {
            clause.terms.push((t, 1.0));
        } else {
            let mut found: Vec<(u32, f32, usize)> = Vec::new();
            if word.chars().count() >= PREFIX_MIN_CHARS {
                let from = self.words.partition_point(|w| w.0.as_str() < word);
                for (_, t, df) in self.words[from..]
                    .iter()
                    .take_while(|w| w.0.starts_with(word))
                {
                    found.push((*t, PREFIX_WEIGHT, *df as usize));
                }
            }
            // Typos between words as written, not stems: "cooperatoin" is one edit from
            // "cooperation", but its stem is five from "cooper".
            let max = typo_edits(word.chars().count());
            for (i, edits) in fuzzy::within(&self.words, |w| w.0.as_str(), word, max) {
                if let Some(&(_, t, df)) = self.words.get(i) {
                    found.push((t, TYPO_WEIGHT / edits as f32, df as usize));
                }
            }
            // The best weight per term, then the most useful few.
            found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            found.dedup_by_key(|f| f.0);
            found.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
            found.truncate(MAX_EXPANSIONS);
            clause.terms = found.into_iter().map(|(t, w, _)| (t, w)).collect();
        }
        clause.marks = clause.terms.iter().map(|t| t.0).collect();
        clause
    }

    /// The clause of a name in the query: its entities, and its words.
    fn name_clause(&self, words: &[String], entities: &[u32]) -> Clause {
        let mut clause = Clause {
            entities: entities.to_vec(),
            ..Clause::default()
        };
        // The name's words, when the data holds every one of them (else no passage has them all).
        clause.phrase = words
            .iter()
            .filter(|w| !terms::is_stopword(w))
            .map(|w| self.term_number(&terms::term(w)))
            .collect::<Option<Vec<u32>>>()
            .unwrap_or_default();
        clause.phrase.sort_unstable();
        clause.phrase.dedup();
        clause.marks = clause.phrase.clone();
        for &e in entities {
            clause
                .marks
                .extend_from_slice(self.entity_terms.get(e as usize));
        }
        clause
    }

    /// What search reads of `text`: the names in it (each set of entities once, longest
    /// first from the left) and its other content words (each once), at most
    /// `MAX_QUERY_WORDS` in all. `canonical` writes this back as text, so a button that
    /// carries it runs the same query.
    pub(super) fn read(&self, text: &str) -> Reading<'_> {
        let words = fold::words(text);
        let mut names: Vec<(Vec<String>, &[u32])> = Vec::new();
        let mut covered = vec![false; words.len()];
        for (start, len, entities) in self.name_spans(&words) {
            covered[start..start + len]
                .iter_mut()
                .for_each(|c| *c = true);
            if names.len() < terms::MAX_QUERY_WORDS && !names.iter().any(|n| n.1 == entities) {
                names.push((words[start..start + len].to_vec(), entities));
            }
        }
        let mut loose = if names.is_empty() {
            terms::query_words(text)
        } else {
            let rest: Vec<&str> = words
                .iter()
                .zip(&covered)
                .filter(|(_, c)| !**c)
                .map(|(w, _)| w.as_str())
                .collect();
            terms::query_words(&rest.join(" "))
                .into_iter()
                .filter(|w| !terms::is_stopword(w))
                .collect()
        };
        loose.truncate(terms::MAX_QUERY_WORDS - names.len());
        Reading { names, loose }
    }

    pub(super) fn clauses(&self, text: &str) -> (Vec<Clause>, Vec<Id>) {
        let reading = self.read(text);
        let mut clauses = Vec::new();
        let mut named = Vec::new();
        for (words, entities) in &reading.names {
            clauses.push(self.name_clause(words, entities));
            let ids = entities
                .iter()
                .filter_map(|&e| self.entity_ids.get(e as usize));
            named.extend(ids.cloned());
        }
        for w in &reading.loose {
            clauses.push(self.word_clause(w));
        }
        for c in &mut clauses {
            c.marks.sort_unstable();
            c.marks.dedup();
        }
        (clauses, named)
    }
}
