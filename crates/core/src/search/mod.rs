//! Full-text search over the passages, each passage once whatever it concerns: BM25 ranking
//! over stemmed words, a boost for query words found close together, names and aliases of
//! entities read as one concept ("united nations" finds the passage about "The UN"), typo
//! tolerance only where the word typed is not in the data, and the data's own misspellings
//! indexed under the word they misspell as well (at half weight). A total order (clauses matched,
//! score, then position in the source), so the same query gives the same answer in every
//! process. A query costs what its words' postings cost and builds only the page it shows.

mod build;
pub mod fuzzy;
mod highlight;
mod query;
mod rank;
mod stream;
mod terms;

use std::collections::HashMap;

use crate::dataset::Id;
use crate::fold;

pub use highlight::highlight;
pub use rank::{Hit, Results};
pub use terms::term;

/// BM25's constants, the usual ones.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// BM25's weight of `tf` occurrences in a document of `len` words, where the average is `avg`:
/// it grows with `tf` towards `K1 + 1`, and more slowly in long documents.
fn saturate(tf: f32, len: f32, avg: f32) -> f32 {
    tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg.max(1.0)))
}

/// Edits forgiven in a word typed for search that the data does not hold, by its length: none
/// below 4 characters (too many short lookalikes), one up to 8, two from 9.
fn typo_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// Edits allowed between a word typed and a word suggested for it: one more than search
/// forgives (what search forgives it has already found), but never more than two, and one for
/// words of five characters or fewer ("nato" is not "nation").
fn suggestion_edits(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// The search index of one dataset.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Index terms (stems), sorted: a term's number is its place here.
    terms: Vec<String>,
    /// Per term, where its postings start in `post_doc`, `post_weight` and `post_first` (one entry more than
    /// terms). Postings are in document order.
    post_start: Vec<u32>,
    post_doc: Vec<u32>,
    /// BM25's weight of the term's occurrences in the document, length-normalised, as a
    /// fraction of its greatest value (`u16::MAX`): computed once here, not per query.
    post_weight: Vec<u16>,
    /// Where the term first occurs in the document, in content words (saturating), for
    /// nearness.
    post_first: Vec<u16>,
    /// Per document: the passage it is (every passage but the titles, in source order).
    doc_passage: Vec<u32>,
    /// Per document: its content words (saturating), for BM25's length normalisation.
    doc_len: Vec<u16>,
    avg_len: f32,
    /// Per-query accumulators, one per query running at once, kept between queries: a query
    /// at 100k passages would otherwise allocate and fault in megabytes.
    scratch: std::sync::Mutex<Vec<stream::Scratch>>,
    /// Folded words as written (sorted), with their term and the documents holding them:
    /// suggestions are words people can read, not stems.
    words: Vec<(String, u32, u32)>,
    /// Folded words of the data taken for misspellings of another (sorted), with the term of
    /// the word they misspell, under which they are indexed too: so that a hit is marked
    /// where the text has the misspelling.
    misspellings: Vec<(String, u32)>,
    /// Folded name or alias → entities bearing it (numbers into `entity_ids`).
    names: HashMap<String, Vec<u32>>,
    /// The most words of any name.
    longest_name: usize,
    entity_ids: Vec<Id>,
    /// Per entity, the documents it speaks or concerns; and the terms of its names, marked
    /// where a passage about it says them.
    entity_docs: Csr,
    entity_terms: Csr,
}

/// Lists of numbers packed in one vector.
#[derive(Debug, Default)]
struct Csr {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Csr {
    fn from_lists(lists: Vec<Vec<u32>>) -> Csr {
        let mut csr = Csr {
            start: Vec::with_capacity(lists.len() + 1),
            items: Vec::new(),
        };
        for list in lists {
            csr.start.push(csr.items.len() as u32);
            csr.items.extend(list);
        }
        csr.start.push(csr.items.len() as u32);
        csr
    }

    fn get(&self, i: usize) -> &[u32] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

impl SearchIndex {
    /// The query as search reads it (its names, then its other content words, each once, at
    /// most as many as search reads): the same hits as `text`, and often shorter, for a button
    /// id that must fit 100 characters.
    pub fn canonical(&self, text: &str) -> String {
        let reading = self.read(text);
        let names = reading.names.iter().map(|(words, _)| words.join(" "));
        let words: Vec<String> = names.chain(reading.loose).collect();
        words.join(" ")
    }

    /// Words of the dataset within a small edit distance of a word of the query that the data
    /// does not hold, the most frequent first, for "did you mean".
    pub fn suggestions(&self, text: &str, limit: usize) -> Vec<String> {
        let mut found: Vec<(u32, usize, &str)> = Vec::new();
        for q in terms::query_words(text) {
            let held = self
                .words
                .binary_search_by(|w| w.0.as_str().cmp(&q))
                .is_ok();
            // A stopword is never searched, so nothing can be suggested for it.
            if held || terms::is_stopword(&q) {
                continue;
            }
            let max = suggestion_edits(q.chars().count());
            for (i, d) in fuzzy::within(&self.words, |w| w.0.as_str(), &q, max) {
                if let Some((w, _, df)) = self.words.get(i) {
                    found.push((*df, d, w.as_str()));
                }
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
        let mut out: Vec<String> = Vec::new();
        for (_, _, w) in found {
            if !out.iter().any(|o| o == w) {
                out.push(w.to_string());
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// Whether `text` holds a word that is not a stopword: a query of stopwords only ("the")
    /// asks for nothing that names or words of the data could be suggested for.
    pub fn has_content(&self, text: &str) -> bool {
        fold::words(text).iter().any(|w| !terms::is_stopword(w))
    }

    /// Whether the passages use the folded word `word` (a stopword always: they are common
    /// words, only not indexed).
    pub fn holds(&self, word: &str) -> bool {
        terms::is_stopword(word)
            || self
                .words
                .binary_search_by(|w| w.0.as_str().cmp(word))
                .is_ok()
    }

    /// The names in `words`, longest first from the left: (start, length, entities).
    fn name_spans(&self, words: &[String]) -> Vec<(usize, usize, &[u32])> {
        let mut spans = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let longest = self.longest_name.min(words.len() - i);
            let found = (1..=longest).rev().find_map(|len| {
                let phrase = words[i..i + len].join(" ");
                self.names.get(&phrase).map(|e| (len, e.as_slice()))
            });
            match found {
                Some((len, entities)) => {
                    spans.push((i, len, entities));
                    i += len;
                }
                None => i += 1,
            }
        }
        spans
    }

    /// The bytes the index holds on the heap (vectors' capacities, strings and the name
    /// table), for BENCHMARKS.md's statement of its memory.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let strings = |v: &[String]| v.iter().map(String::capacity).sum::<usize>();
        self.terms.capacity() * size_of::<String>()
            + strings(&self.terms)
            + (self.post_start.capacity() + self.post_doc.capacity()) * 4
            + self.post_weight.capacity() * 2
            + self.post_first.capacity() * 2
            + self.doc_passage.capacity() * 4
            + self.doc_len.capacity() * 2
            + self.words.capacity() * size_of::<(String, u32, u32)>()
            + self.words.iter().map(|w| w.0.capacity()).sum::<usize>()
            + self.misspellings.capacity() * size_of::<(String, u32)>()
            + self
                .misspellings
                .iter()
                .map(|w| w.0.capacity())
                .sum::<usize>()
            + self.names.capacity() * (size_of::<(String, Vec<u32>)>() + 1)
            + self
                .names
                .iter()
                .map(|(k, v)| k.capacity() + v.capacity() * 4)
                .sum::<usize>()
            + self.entity_ids.capacity() * size_of::<Id>()
            + self
                .entity_ids
                .iter()
                .map(|i| i.as_str().len())
                .sum::<usize>()
            + (self.entity_docs.start.capacity() + self.entity_docs.items.capacity()) * 4
            + (self.entity_terms.start.capacity() + self.entity_terms.items.capacity()) * 4
    }

    /// Whether `folded_word` is a word the query of `results` looked for, to mark it: by its
    /// term, or by the term of the word it misspells.
    pub fn marks(&self, results: &Results, folded_word: &str) -> bool {
        let marked = |n: u32| results.marks.binary_search(&n).is_ok();
        let t = term(folded_word);
        let own = self.terms.binary_search(&t).is_ok_and(|n| marked(n as u32));
        own || self
            .misspellings
            .binary_search_by(|m| m.0.as_str().cmp(folded_word))
            .is_ok_and(|i| marked(self.misspellings[i].1))
    }
}
