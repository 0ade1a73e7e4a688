//! The words of the data: each term (a stem, in sorted order), each word as written with its
//! term and how many documents hold it (suggestions are words people can read, not stems),
//! and the misspellings among them; and [`WordsMet`], which collects them while indexing.

use std::collections::{HashMap, HashSet};

use super::fuzzy;
use super::ids::{Position, StemId, TermId, WordId};
use super::terms;

/// A word of the data as written (folded), with its term and how many documents hold it.
#[derive(Debug)]
pub(super) struct Word {
    /// The folded word, as suggestions show it.
    pub(super) text: String,
    /// The term it is indexed under.
    pub(super) term: TermId,
    /// How many documents hold it: the more, the likelier a typo meant it.
    pub(super) docs: u32,
}

/// The terms and words of the data, sorted, for lookups by binary search and fuzzy walks.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// Index terms (stems), sorted: a term's number is its place here.
    terms: Vec<String>,
    /// Folded words as written, sorted.
    words: Vec<Word>,
    /// Folded words of the data taken for misspellings of another (sorted), with the term of
    /// the word they misspell, under which they are indexed too: so that a hit is marked
    /// where the text has the misspelling.
    misspellings: Vec<(String, TermId)>,
}

impl Vocabulary {
    /// How many terms there are: the postings have a list per term.
    pub(super) fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The term that is `stem`, if the data has it.
    pub(super) fn term(&self, stem: &str) -> Option<TermId> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(stem))
            .ok()
            .map(TermId::at)
    }

    /// The data's word `folded_word`, if it has it.
    pub(super) fn word(&self, folded_word: &str) -> Option<&Word> {
        let at = self
            .words
            .binary_search_by(|w| w.text.as_str().cmp(folded_word))
            .ok()?;
        self.words.get(at)
    }

    /// The data's words that begin with `prefix`, in order.
    pub(super) fn beginning(&self, prefix: &str) -> impl Iterator<Item = &Word> {
        let from = self.words.partition_point(|w| w.text.as_str() < prefix);
        let rest = self.words.get(from..).unwrap_or_default();
        rest.iter().take_while(move |w| w.text.starts_with(prefix))
    }

    /// The places (for [`at`](Self::at)) of the data's words within `max` edits of `word`,
    /// with their edits, in order.
    pub(super) fn within_places(&self, word: &str, max: usize) -> Vec<(usize, usize)> {
        fuzzy::within(&self.words, |w| w.text.as_str(), word, max)
    }

    /// The word at place `at`, as `within_places` gives it.
    pub(super) fn at(&self, at: usize) -> Option<&Word> {
        self.words.get(at)
    }

    /// The term of the word `folded_word` misspells, if the data has it as a misspelling.
    pub(super) fn misspelt(&self, folded_word: &str) -> Option<TermId> {
        let at = self
            .misspellings
            .binary_search_by(|m| m.0.as_str().cmp(folded_word))
            .ok()?;
        self.misspellings.get(at).map(|m| m.1)
    }

    /// The bytes of the vocabulary on the heap (`SearchIndex::heap_bytes`).
    pub(super) fn heap_bytes(&self) -> usize {
        let strings = |v: &[String]| v.iter().map(String::capacity).sum::<usize>();
        self.terms.capacity() * size_of::<String>()
            + strings(&self.terms)
            + self.words.capacity() * size_of::<Word>()
            + self.words.iter().map(|w| w.text.capacity()).sum::<usize>()
            + self.misspellings.capacity() * size_of::<(String, TermId)>()
            + self
                .misspellings
                .iter()
                .map(|w| w.0.capacity())
                .sum::<usize>()
    }
}

/// A word of the data this long or longer, one edit from a word the data holds more often,
/// and no word of a name, is taken for a misspelling of it: one edit makes another real word
/// of a shorter one too often ("would" and "world", "most" and "must"), of a longer one rarely
/// but for its own forms, which share a term anyway.
const MISSPELLING_MIN_CHARS: usize = 8;

/// A word met while indexing: its stem, and how many documents so far hold it.
#[derive(Debug)]
struct Met {
    text: String,
    stem: StemId,
    docs: u32,
}

/// The words met while indexing, each stemmed once, numbered in the order met; made into a
/// [`Vocabulary`] once every document is read.
#[derive(Debug, Default)]
pub(super) struct WordsMet {
    number: HashMap<String, WordId>,
    words: Vec<Met>,
    stem_number: HashMap<String, StemId>,
    stems: Vec<String>,
}

/// What indexing needs of each word met, by [`WordId`]: the term it is indexed under, and the
/// term of the word it misspells, if it is taken for a misspelling.
#[derive(Clone, Copy, Debug)]
pub(super) struct WordTerms {
    /// The word's own term.
    pub(super) term: TermId,
    /// The term of the word it misspells, under which it is indexed too (at half weight).
    pub(super) misspells: Option<TermId>,
}

impl WordsMet {
    /// The number of the folded word `w`, met now or before.
    pub(super) fn word(&mut self, w: &str) -> WordId {
        if let Some(&n) = self.number.get(w) {
            return n;
        }
        let stem = terms::term(w);
        let next = StemId::at(self.stems.len());
        let stem = match self.stem_number.get(&stem) {
            Some(&s) => s,
            None => {
                self.stem_number.insert(stem.clone(), next);
                self.stems.push(stem);
                next
            }
        };
        let n = WordId::at(self.words.len());
        self.words.push(Met {
            text: w.to_string(),
            stem,
            docs: 0,
        });
        self.number.insert(w.to_string(), n);
        n
    }

    /// Counts one more document for each of `words` (sorted and deduplicated here: a
    /// document's words each once).
    pub(super) fn count_document(&mut self, words: &mut Vec<WordId>) {
        words.sort_unstable();
        words.dedup();
        for &n in words.iter() {
            if let Some(met) = self.words.get_mut(n.index()) {
                met.docs += 1;
            }
        }
    }

    /// Per word: the stem of the word it misspells, if it is one: the most frequent word of
    /// the data one edit from it, held by more documents than it, with another stem. A word
    /// of a name (`names`) is never a misspelling: a name is spelt as its bearer spells it
    /// ("Kowalsky" is not "Kowalski").
    fn misspellings(&self, names: &HashSet<String>) -> Vec<Option<StemId>> {
        let texts = self.words.iter().map(|w| w.text.as_str());
        let mut best: Vec<Option<usize>> = vec![None; self.words.len()];
        for (a, b) in fuzzy::one_edit_pairs(texts, MISSPELLING_MIN_CHARS) {
            let (Some(wa), Some(wb)) = (self.words.get(a), self.words.get(b)) else {
                continue;
            };
            if wb.docs <= wa.docs || wb.stem == wa.stem || names.contains(&wa.text) {
                continue;
            }
            let Some(slot) = best.get_mut(a) else {
                continue;
            };
            // The most frequent, then the first in alphabetical order.
            let better = slot.is_none_or(|c| {
                self.words
                    .get(c)
                    .is_none_or(|wc| wb.docs.cmp(&wc.docs).then(wc.text.cmp(&wb.text)).is_gt())
            });
            if better {
                *slot = Some(b);
            }
        }
        best.into_iter()
            .map(|b| b.and_then(|b| self.words.get(b)).map(|w| w.stem))
            .collect()
    }

    /// The vocabulary of the words met, and per word met (by [`WordId`]) its terms. Terms are
    /// renumbered in sorted order, so that fuzzy lookups can walk them as a trie; a word of
    /// `names` is never taken for a misspelling.
    pub(super) fn finish(self, names: &HashSet<String>) -> (Vocabulary, Vec<WordTerms>) {
        let misspelt_as = self.misspellings(names);
        let mut order: Vec<(String, StemId)> = self
            .stems
            .into_iter()
            .enumerate()
            .map(|(i, s)| (s, StemId::at(i)))
            .collect();
        // Stems are distinct: the order is total.
        order.sort_unstable();
        let mut renumber = vec![TermId::default(); order.len()];
        let mut terms = Vec::with_capacity(order.len());
        for (new, (stem, old)) in order.into_iter().enumerate() {
            if let Some(slot) = renumber.get_mut(old.index()) {
                *slot = TermId::at(new);
            }
            terms.push(stem);
        }
        let term = |s: StemId| renumber.get(s.index()).copied().unwrap_or_default();
        let per_word: Vec<WordTerms> = self
            .words
            .iter()
            .zip(&misspelt_as)
            .map(|(w, m)| WordTerms {
                term: term(w.stem),
                misspells: m.map(term),
            })
            .collect();
        let mut misspellings: Vec<(String, TermId)> = misspelt_as
            .iter()
            .zip(&self.words)
            .filter_map(|(m, w)| m.map(|s| (w.text.clone(), term(s))))
            .collect();
        misspellings.sort_unstable();
        let mut words: Vec<Word> = self
            .words
            .into_iter()
            .map(|w| Word {
                term: term(w.stem),
                text: w.text,
                docs: w.docs,
            })
            .collect();
        words.sort_unstable_by(|a, b| a.text.cmp(&b.text));
        let vocabulary = Vocabulary {
            terms,
            words,
            misspellings,
        };
        (vocabulary, per_word)
    }
}
