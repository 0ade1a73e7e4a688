//! Ranking: a query becomes clauses (a word, or a name of an entity), every document scores
//! BM25 per clause, and documents are ordered by how many clauses they match, then by score
//! plus a boost for matched words close together. Only the hits of the page asked for are put
//! in order: the nearness boost is bounded, so documents whose best possible key cannot reach
//! the page are never looked at again.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

use super::{SearchIndex, fuzzy, terms, typo_edits};
use crate::dataset::Id;
use crate::fold;

/// BM25's constants, the usual ones.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much a passage that speaks or concerns an entity named in the query counts, against a
/// word of that name in its text.
const ENTITY_WEIGHT: f32 = 1.0;
/// A word found only through a typo, or as the beginning of a longer word, counts for less than
/// the word itself.
const TYPO_WEIGHT: f32 = 0.6;
const PREFIX_WEIGHT: f32 = 0.8;
/// The most words a typo or a prefix stands for (the closest and most frequent).
const MAX_EXPANSIONS: usize = 8;
/// A query word this long may match the beginning of a longer word ("secret" → "secretariat").
const PREFIX_MIN_CHARS: usize = 4;
/// The boost for every matched clause side by side; less as they lie further apart.
const NEARNESS: f32 = 1.5;

/// A search hit: a passage of the dataset.
#[derive(Debug)]
pub struct Hit {
    /// Index into `Dataset::passages`.
    pub passage: usize,
    pub score: f32,
    /// Terms of the passage that matched, sorted, for highlighting (`SearchIndex::marks`).
    pub terms: Vec<u32>,
}

/// One page of the hits of a query.
#[derive(Debug, Default)]
pub struct Results {
    /// Passages that match.
    pub total: usize,
    /// The hits in the range asked for, best first.
    pub hits: Vec<Hit>,
    /// The entities named in the query.
    pub named: Vec<Id>,
}

/// A part of the query that a document matches or not.
#[derive(Debug, Default)]
struct Clause {
    /// Alternatives: the document's best counts (a word, its typos or its completions).
    terms: Vec<(u32, f32)>,
    /// The words of a name: the sum counts, in a document that has every one of them.
    phrase: Vec<u32>,
    /// The entities of a name: speaking or concerning one of them counts.
    entities: Vec<u32>,
    /// Terms marked in a hit, and counted for nearness.
    marks: Vec<u32>,
}

/// Order of documents: clauses matched, score, then the earlier passage.
#[derive(Clone, Copy, Debug)]
struct Key {
    clauses: u8,
    score: f32,
    doc: u32,
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        self.clauses
            .cmp(&other.clauses)
            .then(self.score.total_cmp(&other.score))
            .then(other.doc.cmp(&self.doc))
    }
}

impl SearchIndex {
    fn postings(&self, term: u32) -> (&[u32], &[u8]) {
        let t = term as usize;
        let (a, b) = (self.post_start[t] as usize, self.post_start[t + 1] as usize);
        (&self.post_doc[a..b], &self.post_tf[a..b])
    }

    fn doc_terms(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        &self.forward[self.forward_start[d] as usize..self.forward_start[d + 1] as usize]
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.doc_passage.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25's weight of `tf` occurrences in document `doc`.
    fn saturate(&self, tf: f32, doc: u32) -> f32 {
        let len = self.doc_terms(doc).len() as f32;
        tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg_len.max(1.0)))
    }

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
                for (w, t, df) in self.words[from..]
                    .iter()
                    .take_while(|w| w.0.starts_with(word))
                {
                    let _ = w;
                    found.push((*t, PREFIX_WEIGHT, *df as usize));
                }
            }
            let max = typo_edits(stem.chars().count());
            for (t, edits) in fuzzy::within(&self.terms, |t| t.as_str(), &stem, max) {
                let (docs, _) = self.postings(t as u32);
                let weight = TYPO_WEIGHT / edits as f32;
                found.push((t as u32, weight, docs.len()));
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

    fn clauses(&self, text: &str) -> (Vec<Clause>, Vec<Id>) {
        let words = fold::words(text);
        let mut clauses = Vec::new();
        let mut named = Vec::new();
        let mut covered = vec![false; words.len()];
        for (start, len, entities) in self.name_spans(&words) {
            clauses.push(self.name_clause(&words[start..start + len], entities));
            named.extend(
                entities
                    .iter()
                    .filter_map(|&e| self.entity_ids.get(e as usize))
                    .cloned(),
            );
            covered[start..start + len]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        let rest: Vec<String> = words
            .iter()
            .zip(&covered)
            .filter(|(_, c)| !**c)
            .map(|(w, _)| w.clone())
            .collect();
        let loose = if clauses.is_empty() {
            terms::query_words(text)
        } else {
            terms::query_words(&rest.join(" "))
                .into_iter()
                .filter(|w| !terms::is_stopword(w))
                .collect()
        };
        for w in loose {
            if clauses.len() == terms::MAX_QUERY_WORDS {
                break;
            }
            clauses.push(self.word_clause(&w));
        }
        for c in &mut clauses {
            c.marks.sort_unstable();
            c.marks.dedup();
        }
        (clauses, named)
    }

    /// The hits of `text` in `range` of the ranked list (`range` past the end gives none), and
    /// how many there are in all.
    pub fn search(&self, text: &str, range: Range<usize>) -> Results {
        let (clauses, named) = self.clauses(text);
        let n = self.doc_passage.len();
        let mut total_score = vec![0f32; n];
        let mut matched = vec![0u8; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut clause_score = vec![0f32; n];
        let mut in_clause: Vec<u32> = Vec::new();
        let mut phrase_count = vec![0u8; n];
        let mut phrase_score = vec![0f32; n];
        for c in &clauses {
            in_clause.clear();
            let mut add = |doc: u32, s: f32, sum: bool| {
                let slot = &mut clause_score[doc as usize];
                if *slot == 0.0 {
                    in_clause.push(doc);
                }
                *slot = if sum { *slot + s } else { slot.max(s) };
            };
            for &(t, weight) in &c.terms {
                let (docs, tfs) = self.postings(t);
                let idf = self.idf(docs.len());
                for (&d, &tf) in docs.iter().zip(tfs) {
                    add(d, weight * idf * self.saturate(f32::from(tf), d), false);
                }
            }
            // A name's words count only all together: "nation" alone is not "united nations".
            let mut in_phrase: Vec<u32> = Vec::new();
            for &t in &c.phrase {
                let (docs, tfs) = self.postings(t);
                let idf = self.idf(docs.len());
                for (&d, &tf) in docs.iter().zip(tfs) {
                    let i = d as usize;
                    if phrase_count[i] == 0 {
                        in_phrase.push(d);
                    }
                    phrase_count[i] += 1;
                    phrase_score[i] += idf * self.saturate(f32::from(tf), d);
                }
            }
            for d in in_phrase {
                let i = d as usize;
                if usize::from(phrase_count[i]) == c.phrase.len() {
                    add(d, phrase_score[i], true);
                }
                phrase_count[i] = 0;
                phrase_score[i] = 0.0;
            }
            for &e in &c.entities {
                let docs = self.entity_docs.get(e as usize);
                let idf = self.idf(docs.len());
                for &d in docs {
                    add(d, ENTITY_WEIGHT * idf * self.saturate(1.0, d), false);
                }
            }
            for &d in &in_clause {
                let i = d as usize;
                if matched[i] == 0 {
                    touched.push(d);
                }
                matched[i] += 1;
                total_score[i] += clause_score[i];
                clause_score[i] = 0.0;
            }
        }
        let total = touched.len();
        // Best possible keys first; a document is scored exactly only while it could still
        // make the page.
        let mut bound: BinaryHeap<Key> = touched
            .iter()
            .map(|&doc| {
                let clauses = matched[doc as usize];
                let boost = if clauses >= 2 { NEARNESS } else { 0.0 };
                Key {
                    clauses,
                    score: total_score[doc as usize] + boost,
                    doc,
                }
            })
            .collect();
        let want = range.end.min(total);
        let mut best: BinaryHeap<std::cmp::Reverse<Key>> = BinaryHeap::new();
        while let Some(upper) = bound.pop() {
            if best.len() == want && best.peek().is_some_and(|low| upper <= low.0) {
                break;
            }
            let doc = upper.doc;
            let exact = Key {
                score: total_score[doc as usize] + self.nearness(&clauses, doc),
                ..upper
            };
            best.push(std::cmp::Reverse(exact));
            if best.len() > want {
                best.pop();
            }
        }
        let mut keys: Vec<Key> = best.into_iter().map(|r| r.0).collect();
        keys.sort_unstable_by(|a, b| b.cmp(a));
        let hits = keys
            .into_iter()
            .skip(range.start)
            .map(|k| Hit {
                passage: self.doc_passage[k.doc as usize] as usize,
                score: k.score,
                terms: self.marked(&clauses, k.doc),
            })
            .collect();
        Results { total, hits, named }
    }

    /// The boost of document `doc` for its matched clauses' words lying close together: full
    /// when they are side by side, less the further the smallest stretch holding them spans.
    fn nearness(&self, clauses: &[Clause], doc: u32) -> f32 {
        let words = self.doc_terms(doc);
        // (position, clause) of every word that belongs to a clause.
        let hits: Vec<(usize, usize)> = words
            .iter()
            .enumerate()
            .filter_map(|(pos, t)| {
                let c = clauses
                    .iter()
                    .position(|c| c.marks.binary_search(t).is_ok())?;
                Some((pos, c))
            })
            .collect();
        let mut present: Vec<usize> = hits.iter().map(|h| h.1).collect();
        present.sort_unstable();
        present.dedup();
        let m = present.len();
        if m < 2 {
            return 0.0;
        }
        // The smallest window holding every present clause.
        let mut count = vec![0usize; clauses.len()];
        let mut have = 0;
        let mut span = usize::MAX;
        let mut left = 0;
        for right in 0..hits.len() {
            let c = hits[right].1;
            count[c] += 1;
            if count[c] == 1 {
                have += 1;
            }
            while have == m {
                span = span.min(hits[right].0 - hits[left].0 + 1);
                let l = hits[left].1;
                count[l] -= 1;
                if count[l] == 0 {
                    have -= 1;
                }
                left += 1;
            }
        }
        NEARNESS * (m - 1) as f32 / (span - 1).max(m - 1) as f32
    }

    fn marked(&self, clauses: &[Clause], doc: u32) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .doc_terms(doc)
            .iter()
            .copied()
            .filter(|t| clauses.iter().any(|c| c.marks.binary_search(t).is_ok()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
