//! Ranking: every document that matches a clause of the query, ordered by how many clauses it
//! matches, then by BM25 score plus a boost for the clauses' words lying close together, then
//! by its place in the source. A count of every match, and only the hits up to the end of the
//! page asked for put in order: a heap of that size, the rest only compared with its smallest.
//! When enough documents match every clause, only those are scored; the others are counted.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Range;

use super::SearchIndex;
use super::query::Clause;
use super::stream::{Stream, UNPLACED};
use crate::dataset::Id;

/// The boost for every matched clause side by side; less as they lie further apart.
const NEARNESS: f32 = 1.5;

/// A search hit: a passage of the dataset.
#[derive(Debug)]
pub struct Hit {
    /// Index into `Dataset::passages`.
    pub passage: usize,
    pub score: f32,
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
    /// The terms a hit's words are marked for (`SearchIndex::marks`): the query's words, their
    /// typos and completions, and the names of the entities it names; sorted.
    pub marks: Vec<u32>,
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

type Best = BinaryHeap<Reverse<Key>>;

impl SearchIndex {
    /// The hits of `text` in `range` of the ranked list (`range` past the end gives none), and
    /// how many there are in all.
    pub fn search(&self, text: &str, range: Range<usize>) -> Results {
        self.search_in(text, range, None)
    }

    /// As [`search`](Self::search), among the passages of `passages` only (one source's,
    /// which are contiguous): each clause's documents are cut to that run before ranking, so
    /// a narrowed search costs what its own hits cost.
    pub fn search_within(
        &self,
        text: &str,
        range: Range<usize>,
        passages: Range<usize>,
    ) -> Results {
        let doc = |p: usize| self.doc_passage.partition_point(|&d| (d as usize) < p) as u32;
        self.search_in(text, range, Some(doc(passages.start)..doc(passages.end)))
    }

    fn search_in(&self, text: &str, range: Range<usize>, docs: Option<Range<u32>>) -> Results {
        let (clauses, named) = self.clauses(text);
        // A clause that matches nothing cannot change any document's place.
        let mut acc = self.take_scratch();
        let streams: Vec<Stream> = clauses
            .iter()
            .map(|c| self.stream(c, &mut acc))
            .map(|s| match &docs {
                Some(docs) => s.within(docs.clone()),
                None => s,
            })
            .filter(|s| s.len() > 0)
            .collect();
        let cap = range.end;
        let mut best: Best = BinaryHeap::with_capacity(cap.min(64) + 1);
        let total = match streams.as_slice() {
            [] => 0,
            [one] => match one.as_word() {
                Some((docs, weights, idf)) => one_word(docs, weights, idf, cap, &mut best),
                None => merge(&streams, cap, &mut best),
            },
            _ => {
                let total = union_count(&streams, &mut acc.bits);
                // Every document matching all clauses outranks every other: when they fill
                // the page, the others need only be counted.
                if every_clause(&streams, cap, &mut best) < cap {
                    best.clear();
                    merge(&streams, cap, &mut best);
                }
                total
            }
        };
        drop(streams);
        self.give_back(acc);
        let mut keys: Vec<Key> = best.into_iter().map(|r| r.0).collect();
        keys.sort_unstable_by(|a, b| b.cmp(a));
        let hits = keys
            .into_iter()
            .skip(range.start)
            .map(|k| Hit {
                passage: self.doc_passage[k.doc as usize] as usize,
                score: k.score,
            })
            .collect();
        Results {
            total,
            hits,
            named,
            marks: all_marks(&clauses),
        }
    }
}

/// How many documents are in at least one stream: one bit per document in `bits` (all clear,
/// and left clear).
fn union_count(streams: &[Stream], bits: &mut [u64]) -> usize {
    for s in streams {
        for &d in s.docs.iter() {
            bits[(d / 64) as usize] |= 1 << (d % 64);
        }
    }
    let count = bits.iter().map(|w| w.count_ones() as usize).sum();
    bits.fill(0);
    count
}

/// A one-word query: its postings are the hits, in document order; returns how many.
fn one_word(docs: &[u32], weights: &[u16], idf: f32, cap: usize, best: &mut Best) -> usize {
    let mut low = f32::MIN;
    for (&doc, &w) in docs.iter().zip(weights) {
        let score = idf * f32::from(w);
        // Later documents lose ties, so only a better score can enter a full page.
        if score > low || best.len() < cap {
            keep(
                best,
                cap,
                Key {
                    clauses: 1,
                    score,
                    doc,
                },
            );
            if best.len() == cap {
                low = best.peek().map_or(f32::MIN, |k| k.0.score);
            }
        }
    }
    docs.len()
}

/// The documents in every stream, kept in `best`; returns how many there are. Driven by the
/// shortest stream, the others searched forward from where they were (exponentially, so that
/// a long stream is skipped through, not walked).
fn every_clause(streams: &[Stream], cap: usize, best: &mut Best) -> usize {
    let Some(driver) = (0..streams.len()).min_by_key(|&i| streams[i].len()) else {
        return 0;
    };
    let mut at = vec![0usize; streams.len()];
    let mut count = 0;
    'docs: for &doc in streams[driver].docs.iter() {
        let (mut score, mut placed, mut first, mut last) = (0.0f32, 0u8, UNPLACED, 0u16);
        for (s, pos) in streams.iter().zip(at.iter_mut()) {
            *pos = seek(&s.docs, *pos, doc);
            match s.docs.get(*pos) {
                None => break 'docs,
                Some(&d) if d != doc => continue 'docs,
                Some(_) => {}
            }
            let (sc, f) = s.hit(*pos);
            score += sc;
            if f != UNPLACED {
                placed += 1;
                first = first.min(f);
                last = last.max(f);
            }
        }
        count += 1;
        let key = Key {
            clauses: streams.len() as u8,
            score: score + nearness(placed, first, last),
            doc,
        };
        keep(best, cap, key);
    }
    count
}

/// The first position from `from` whose document is at least `doc`.
fn seek(docs: &[u32], from: usize, doc: u32) -> usize {
    let mut step = 1;
    let mut lo = from;
    while lo + step < docs.len() && docs[lo + step] < doc {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step + 1).min(docs.len());
    lo + docs[lo..hi].partition_point(|&d| d < doc)
}

/// The key of `doc` from the streams positioned on it (`at[i]` on `doc`, or elsewhere).
fn key_at(streams: &[Stream], at: &[usize], doc: u32) -> Key {
    let (mut clauses, mut score, mut placed) = (0u8, 0.0f32, 0u8);
    let (mut first, mut last) = (UNPLACED, 0u16);
    for (s, &i) in streams.iter().zip(at) {
        if i < s.len() && s.docs[i] == doc {
            let (sc, f) = s.hit(i);
            clauses += 1;
            score += sc;
            if f != UNPLACED {
                placed += 1;
                first = first.min(f);
                last = last.max(f);
            }
        }
    }
    Key {
        clauses,
        score: score + nearness(placed, first, last),
        doc,
    }
}

/// Every document of any stream, in document order, kept in `best`; returns how many.
fn merge(streams: &[Stream], cap: usize, best: &mut Best) -> usize {
    let mut at = vec![0usize; streams.len()];
    let mut total = 0;
    loop {
        let mut doc = u32::MAX;
        for (s, &i) in streams.iter().zip(&at) {
            if i < s.len() {
                doc = doc.min(s.docs[i]);
            }
        }
        if doc == u32::MAX {
            return total;
        }
        total += 1;
        keep(best, cap, key_at(streams, &at, doc));
        for (s, i) in streams.iter().zip(at.iter_mut()) {
            if *i < s.len() && s.docs[*i] == doc {
                *i += 1;
            }
        }
    }
}

/// Keeps `key` if it is among the best `cap` so far (`best` holds them, the smallest on top).
#[inline]
fn keep(best: &mut Best, cap: usize, key: Key) {
    if best.len() < cap {
        best.push(Reverse(key));
    } else if best.peek().is_some_and(|low| key > low.0) {
        best.pop();
        best.push(Reverse(key));
    }
}

/// The boost for a document's matched clauses lying close together: full when their first
/// places are side by side, less the further apart they are.
fn nearness(placed: u8, first: u16, last: u16) -> f32 {
    if placed < 2 {
        return 0.0;
    }
    let needed = f32::from(placed - 1);
    let span = f32::from(last - first).max(needed);
    NEARNESS * needed / span
}

/// Every term a hit may be marked for: the query's words, their typos and completions, and
/// the names of the entities it names.
fn all_marks(clauses: &[Clause]) -> Vec<u32> {
    let mut marks: Vec<u32> = clauses
        .iter()
        .flat_map(|c| c.marks.iter().copied())
        .collect();
    marks.sort_unstable();
    marks.dedup();
    marks
}
