//! What a query asks: its words and the names in it, as clauses. A name of an entity is one
//! clause (its passages, or all its words together); a word the data holds is itself, and a
//! word it does not hold stands for the words it begins and the words within a typo of it.

use super::entities::EntityNames;
use super::ids::TermId;
use super::sought::Sought;
use super::terms;
use super::vocabulary::Vocabulary;
use crate::dataset::{EntityIx, Id};
use crate::fold;

/// A word found only through a typo, or as the beginning of a longer word, counts for less than
/// the word itself.
const TYPO_WEIGHT: f32 = 0.6;
const PREFIX_WEIGHT: f32 = 0.8;
/// The most words a typo or a prefix stands for (the closest and most frequent).
const MAX_EXPANSIONS: usize = 8;
/// A query word this long may match the beginning of a longer word ("secret" → "secretariat").
const PREFIX_MIN_CHARS: usize = 4;

/// Edits forgiven in a word typed for search that the data does not hold, by its length: none
/// below 4 characters (too many short lookalikes), one up to 8, two from 9.
pub(super) fn typo_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// What search reads of a query: its names (their folded words, and the entities bearing
/// them) and its other content words.
#[derive(Debug)]
pub(super) struct Reading<'a> {
    /// The names, each set of entities once, longest first from the left.
    pub(super) names: Vec<(Vec<String>, &'a [EntityIx])>,
    /// The other content words, each once.
    pub(super) loose: Vec<String>,
}

impl<'a> Reading<'a> {
    /// What search reads of `text`: the names in it (each set of entities once, longest
    /// first from the left) and its other content words (each once), at most
    /// `MAX_QUERY_WORDS` in all. The index's `canonical` writes this back as text, so a
    /// button that carries it runs the same query.
    pub(super) fn of(text: &str, entities: &'a EntityNames) -> Reading<'a> {
        let words = fold::words(text);
        let mut names: Vec<(Vec<String>, &[EntityIx])> = Vec::new();
        let mut covered = vec![false; words.len()];
        for span in entities.spans(&words) {
            let within = span.start..span.start + span.len;
            if let Some(c) = covered.get_mut(within.clone()) {
                c.fill(true);
            }
            if names.len() < terms::MAX_QUERY_WORDS
                && !names.iter().any(|n| n.1 == span.entities)
                && let Some(name) = words.get(within)
            {
                names.push((name.to_vec(), span.entities));
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

    /// The query as written back: its names, then its other words, separated by spaces.
    pub(super) fn text(&self) -> String {
        let names = self.names.iter().map(|(words, _)| words.join(" "));
        let words: Vec<String> = names.chain(self.loose.iter().cloned()).collect();
        words.join(" ")
    }
}

/// A part of the query that a document matches or not.
#[derive(Debug, Default)]
pub(super) struct Clause {
    /// Alternatives: the document's best counts (a word, its typos or its completions).
    pub(super) terms: Vec<(TermId, f32)>,
    /// The words of a name: the sum counts, in a document that has every one of them.
    pub(super) phrase: Vec<TermId>,
    /// The entities of a name: speaking or concerning one of them counts.
    pub(super) entities: Vec<EntityIx>,
    /// Terms marked in a hit: the words, their typos and completions, the names.
    pub(super) marks: Vec<TermId>,
}

impl Clause {
    /// The clause of a word typed: the word itself; where the data does not hold it, the
    /// words it begins and the words within a typo of it.
    pub(super) fn word(word: &str, vocabulary: &Vocabulary) -> Clause {
        Clause::word_near(word, vocabulary, None)
    }

    /// As [`word`](Self::word), with the words of the vocabulary near `word` already found
    /// (their places and edits, in vocabulary order, within at least the edits a typo is
    /// forgiven): `/ask` walks the vocabulary once a word, for its search and for its "did you
    /// mean".
    pub(super) fn word_near(
        word: &str,
        vocabulary: &Vocabulary,
        near: Option<&[(usize, usize)]>,
    ) -> Clause {
        let stem = terms::term(word);
        let mut clause = Clause::default();
        if let Some(t) = vocabulary.term(&stem) {
            clause.terms.push((t, 1.0));
        } else {
            let mut found: Vec<(TermId, f32, u32)> = Vec::new();
            if word.chars().count() >= PREFIX_MIN_CHARS {
                for w in vocabulary.beginning(word) {
                    found.push((w.term, PREFIX_WEIGHT, w.docs));
                }
            }
            // Typos between words as written, not stems: "cooperatoin" is one edit from
            // "cooperation", but its stem is five from "cooper".
            let max = typo_edits(word.chars().count());
            let walked;
            let near = match near {
                Some(near) => near,
                None => {
                    walked = vocabulary.within_places(word, max);
                    &walked
                }
            };
            for (w, edits) in near
                .iter()
                .filter(|&&(_, edits)| edits <= max)
                .filter_map(|&(at, edits)| Some((vocabulary.at(at)?, edits)))
            {
                found.push((w.term, TYPO_WEIGHT / edits as f32, w.docs));
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
    fn name(
        words: &[String],
        entities: &[EntityIx],
        vocabulary: &Vocabulary,
        names: &EntityNames,
    ) -> Clause {
        let mut clause = Clause {
            entities: entities.to_vec(),
            ..Clause::default()
        };
        // The name's words, when the data holds every one of them (else no passage has them all).
        clause.phrase = words
            .iter()
            .filter(|w| !terms::is_stopword(w))
            .map(|w| vocabulary.term(&terms::term(w)))
            .collect::<Option<Vec<TermId>>>()
            .unwrap_or_default();
        clause.phrase.sort_unstable();
        clause.phrase.dedup();
        clause.marks = clause.phrase.clone();
        for &e in entities {
            clause.marks.extend_from_slice(names.terms(e));
        }
        clause
    }
}

/// A query as search runs it: its clauses, and the entities it names.
#[derive(Debug)]
pub(super) struct Query {
    /// The names first, then the other words, each a clause.
    pub(super) clauses: Vec<Clause>,
    /// The entities the query names, in order.
    pub(super) named: Vec<Id>,
}

impl Query {
    /// The query `text` asks, read against the data's `vocabulary` and entity `names`.
    pub(super) fn new(text: &str, vocabulary: &Vocabulary, names: &EntityNames) -> Query {
        let reading = Reading::of(text, names);
        let mut clauses = Vec::new();
        let mut named = Vec::new();
        for (words, entities) in &reading.names {
            clauses.push(Clause::name(words, entities, vocabulary, names));
            named.extend(entities.iter().filter_map(|&e| names.id(e)).cloned());
        }
        for w in &reading.loose {
            clauses.push(Clause::word(w, vocabulary));
        }
        for c in &mut clauses {
            c.marks.sort_unstable();
            c.marks.dedup();
        }
        Query { clauses, named }
    }

    /// The query of words already sought (`/ask`'s), one clause a word, naming nothing.
    pub(super) fn of_sought(sought: &[Sought]) -> Query {
        let clauses = sought
            .iter()
            .map(|s| {
                let mut marks: Vec<TermId> = s.terms.iter().map(|t| t.0).collect();
                marks.sort_unstable();
                marks.dedup();
                Clause {
                    terms: s.terms.clone(),
                    marks,
                    ..Clause::default()
                }
            })
            .collect();
        Query {
            clauses,
            named: Vec::new(),
        }
    }

    /// Every term a hit may be marked for: the query's words, their typos and completions,
    /// and the names of the entities it names; sorted.
    pub(super) fn marks(&self) -> Vec<TermId> {
        let mut marks: Vec<TermId> = self
            .clauses
            .iter()
            .flat_map(|c| c.marks.iter().copied())
            .collect();
        marks.sort_unstable();
        marks.dedup();
        marks
    }
}
