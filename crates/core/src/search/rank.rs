//! Ranking: every document that matches a clause of the query, ordered by how many clauses it
//! matches, then by BM25 score plus a boost for the clauses' words lying close together, then
//! by its place in the source. A count of every match, and only the hits up to the end of the
//! page asked for put in order: a heap of that size ([`Best`]), the rest only compared with
//! its smallest. When enough documents match every clause, only those are scored; the others
//! are counted.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::ids::DocId;
use super::scratch::{Scratch, UNPLACED};
use super::stream::{Stream, WordStream};

/// The boost for every matched clause side by side; less as they lie further apart.
const NEARNESS: f32 = 1.5;

/// A ranked document. Order: clauses matched, score, then the earlier passage.
#[derive(Clone, Copy, Debug)]
pub(super) struct Key {
    /// How many of the query's clauses it matches: the first rule.
    clauses: u8,
    /// Its score: BM25 and nearness.
    pub(super) score: f32,
    /// The document, whose place breaks ties (the earlier first).
    pub(super) doc: DocId,
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

/// The best documents so far, at most `cap` (the end of the page asked for), the smallest on
/// top: a document enters only by beating it.
#[derive(Debug)]
struct Best {
    heap: BinaryHeap<Reverse<Key>>,
    cap: usize,
}

impl Best {
    fn new(cap: usize) -> Best {
        Best {
            heap: BinaryHeap::with_capacity(cap.min(64) + 1),
            cap,
        }
    }

    /// Keeps `key` if it is among the best `cap` so far.
    #[inline]
    fn keep(&mut self, key: Key) {
        if self.heap.len() < self.cap {
            self.heap.push(Reverse(key));
        } else if self.heap.peek().is_some_and(|low| key > low.0) {
            self.heap.pop();
            self.heap.push(Reverse(key));
        }
    }

    /// Whether `cap` documents are kept.
    fn is_full(&self) -> bool {
        self.heap.len() == self.cap
    }

    /// The score of the smallest kept.
    fn lowest_score(&self) -> Option<f32> {
        self.heap.peek().map(|k| k.0.score)
    }

    /// The documents kept, best first.
    fn into_sorted(self) -> Vec<Key> {
        let mut keys: Vec<Key> = self.heap.into_iter().map(|r| r.0).collect();
        keys.sort_unstable_by(|a, b| b.cmp(a));
        keys
    }
}

/// The documents of a query's clauses, ranked.
#[derive(Debug)]
pub(super) struct Ranked {
    /// How many documents match at least one clause: the count a reply shows.
    pub(super) total: usize,
    /// The best `cap` of them, best first.
    pub(super) best: Vec<Key>,
}

impl Ranked {
    /// The documents of `streams` (one per clause that matches anything), counted, and the
    /// best `cap` of them in order; `acc` counts the documents of several streams.
    pub(super) fn new(streams: &[Stream], cap: usize, acc: &mut Scratch) -> Ranked {
        let mut best = Best::new(cap);
        let total = match streams {
            [] => 0,
            [one] => match one.as_word() {
                Some(word) => one_word(&word, &mut best),
                None => merge(streams, &mut best),
            },
            _ => {
                let total = acc.count_distinct(streams.iter().flat_map(|s| s.docs()));
                // Every document matching all clauses outranks every other: when they fill
                // the page, the others need only be counted.
                if every_clause(streams, &mut best) < cap {
                    best = Best::new(cap);
                    merge(streams, &mut best);
                }
                total
            }
        };
        Ranked {
            total,
            best: best.into_sorted(),
        }
    }
}

/// A one-word query: its postings are the hits, in document order; returns how many.
fn one_word(word: &WordStream, best: &mut Best) -> usize {
    let mut low = f32::MIN;
    for (&doc, &w) in word.docs.iter().zip(word.weights) {
        let score = word.idf * f32::from(w);
        // Later documents lose ties, so only a better score can enter a full page.
        if score > low || !best.is_full() {
            best.keep(Key {
                clauses: 1,
                score,
                doc,
            });
            if best.is_full() {
                low = best.lowest_score().unwrap_or(f32::MIN);
            }
        }
    }
    word.docs.len()
}

/// Where the clauses matched in one document: how many are placed in its text, and the first
/// and last of their first places.
#[derive(Clone, Copy, Debug)]
struct Places {
    placed: u8,
    first: u16,
    last: u16,
}

impl Places {
    fn new() -> Places {
        Places {
            placed: 0,
            first: UNPLACED,
            last: 0,
        }
    }

    /// Adds a clause first placed at `at` (or not placed: `UNPLACED`).
    fn add(&mut self, at: u16) {
        if at != UNPLACED {
            self.placed += 1;
            self.first = self.first.min(at);
            self.last = self.last.max(at);
        }
    }

    /// The boost for a document's matched clauses lying close together: full when their
    /// first places are side by side, less the further apart they are.
    fn nearness(self) -> f32 {
        if self.placed < 2 {
            return 0.0;
        }
        let needed = f32::from(self.placed - 1);
        let span = f32::from(self.last - self.first).max(needed);
        NEARNESS * needed / span
    }
}

/// The documents in every stream, kept in `best`; returns how many there are. Driven by the
/// shortest stream, the others searched forward from where they were (exponentially, so that
/// a long stream is skipped through, not walked).
fn every_clause(streams: &[Stream], best: &mut Best) -> usize {
    let Some(driver) = streams.iter().min_by_key(|s| s.len()) else {
        return 0;
    };
    let clauses = u8::try_from(streams.len()).unwrap_or(u8::MAX);
    let mut at = vec![0usize; streams.len()];
    let mut count = 0;
    'docs: for &doc in driver.docs() {
        let mut score = 0.0f32;
        let mut places = Places::new();
        for (s, pos) in streams.iter().zip(at.iter_mut()) {
            *pos = seek(s.docs(), *pos, doc);
            let (sc, first) = match s.at(*pos) {
                None => break 'docs,
                Some((d, _, _)) if d != doc => continue 'docs,
                Some((_, sc, first)) => (sc, first),
            };
            score += sc;
            places.add(first);
        }
        count += 1;
        best.keep(Key {
            clauses,
            score: score + places.nearness(),
            doc,
        });
    }
    count
}

/// The first position from `from` whose document is at least `doc`.
fn seek(docs: &[DocId], from: usize, doc: DocId) -> usize {
    let mut step = 1;
    let mut lo = from;
    while docs.get(lo + step).is_some_and(|&d| d < doc) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step + 1).min(docs.len());
    lo + docs
        .get(lo..hi)
        .map_or(0, |run| run.partition_point(|&d| d < doc))
}

/// The key of `doc` from the streams positioned on it (`at[i]` on `doc`, or elsewhere).
fn key_at(streams: &[Stream], at: &[usize], doc: DocId) -> Key {
    let (mut clauses, mut score) = (0u8, 0.0f32);
    let mut places = Places::new();
    for (s, &i) in streams.iter().zip(at) {
        if let Some((d, sc, first)) = s.at(i)
            && d == doc
        {
            clauses += 1;
            score += sc;
            places.add(first);
        }
    }
    Key {
        clauses,
        score: score + places.nearness(),
        doc,
    }
}

/// Every document of any stream, in document order, kept in `best`; returns how many.
fn merge(streams: &[Stream], best: &mut Best) -> usize {
    let mut at = vec![0usize; streams.len()];
    let mut total = 0;
    loop {
        let next = streams
            .iter()
            .zip(&at)
            .filter_map(|(s, &i)| s.docs().get(i))
            .min()
            .copied();
        let Some(doc) = next else {
            return total;
        };
        total += 1;
        best.keep(key_at(streams, &at, doc));
        for (s, i) in streams.iter().zip(at.iter_mut()) {
            if s.docs().get(*i) == Some(&doc) {
                *i += 1;
            }
        }
    }
}
