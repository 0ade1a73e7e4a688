//! Ranking: a query becomes clauses (a word, or a name of an entity), every document scores
//! BM25 per clause, and documents are ordered by how many clauses they match, then by score
//! plus a boost for matched words close together (where each clause's words first occur).
//! One pass over the clauses' postings scores every document; only the hits up to the end of
//! the page asked for are put in order.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Range;

use super::{SearchIndex, fuzzy, terms, typo_edits};
use crate::dataset::Id;
use crate::fold;

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

/// What a query gathers on one document over all its clauses, in one record of twelve bytes:
/// the loop over a common word's postings streams through one array.
#[derive(Clone, Copy, Debug)]
struct Gathered {
    /// The sum of the clauses' scores.
    total: f32,
    /// The span of the clauses' first places in the text.
    first: u16,
    last: u16,
    /// Clauses matched, and clauses placed in the text.
    matched: u8,
    placed: u8,
}

const UNTOUCHED: Gathered = Gathered {
    total: 0.0,
    first: u16::MAX,
    last: 0,
    matched: 0,
    placed: 0,
};

/// A query's working memory, one entry per document, kept between queries
/// (`SearchIndex::scratch`) with every touched entry reset after use.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    gathered: Vec<Gathered>,
    /// The clause being counted, when it has more than one source: its score (0 when the
    /// document is not in it yet; every score is positive) and first place.
    clause: Vec<(f32, u16)>,
    /// A name's words: their sum, the first place, how many the document has.
    phrase: Vec<(f32, u16, u8)>,
}

impl Scratch {
    fn new(docs: usize) -> Scratch {
        Scratch {
            gathered: vec![UNTOUCHED; docs],
            clause: vec![(0.0, u16::MAX); docs],
            phrase: vec![(0.0, u16::MAX, 0); docs],
        }
    }

    /// Counts a clause's score and first place for document `d`.
    #[inline]
    fn count(&mut self, d: usize, score: f32, first: u16, touched: &mut Vec<u32>) {
        let g = &mut self.gathered[d];
        if g.matched == 0 {
            touched.push(d as u32);
        }
        g.matched += 1;
        g.total += score;
        if first != u16::MAX {
            g.placed += 1;
            g.first = g.first.min(first);
            g.last = g.last.max(first);
        }
    }

    /// The key of document `d`, which is then reset for the next query.
    fn take(&mut self, d: u32) -> Key {
        let g = std::mem::replace(&mut self.gathered[d as usize], UNTOUCHED);
        Key {
            clauses: g.matched,
            score: g.total + nearness(g.placed, g.first, g.last),
            doc: d,
        }
    }
}

/// A term's postings: documents, BM25 weights (of `u16::MAX`), first places.
struct Postings<'a> {
    docs: &'a [u32],
    weights: &'a [u16],
    firsts: &'a [u16],
}

impl SearchIndex {
    fn postings(&self, term: u32) -> Postings<'_> {
        let t = term as usize;
        let (a, b) = (self.post_start[t] as usize, self.post_start[t + 1] as usize);
        Postings {
            docs: &self.post_doc[a..b],
            weights: &self.post_weight[a..b],
            firsts: &self.post_first[a..b],
        }
    }

    /// The inverse document frequency of a term in `df` documents, times the unit of the
    /// stored weights (so that `idf * weight` is BM25's score).
    fn weighted_idf(&self, df: usize) -> f32 {
        self.idf(df) * (super::K1 + 1.0) / f32::from(u16::MAX)
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.doc_passage.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25's weight of one occurrence in document `doc`.
    fn once(&self, doc: u32) -> f32 {
        super::saturate(1.0, f32::from(self.doc_len[doc as usize]), self.avg_len)
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
                let weight = TYPO_WEIGHT / edits as f32;
                found.push((t as u32, weight, self.postings(t as u32).docs.len()));
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
        let mut acc = self.take_scratch();
        let mut touched: Vec<u32> = Vec::new();
        let mut in_clause: Vec<u32> = Vec::new();
        let mut in_phrase: Vec<u32> = Vec::new();
        for c in &clauses {
            // A clause of one word: each document once, counted straight over the query.
            if let ([(t, weight)], [], []) = (
                c.terms.as_slice(),
                c.phrase.as_slice(),
                c.entities.as_slice(),
            ) {
                let p = self.postings(*t);
                let idf = weight * self.weighted_idf(p.docs.len());
                for ((&d, &w), &first) in p.docs.iter().zip(p.weights).zip(p.firsts) {
                    let score = idf * f32::from(w);
                    acc.count(d as usize, score, first, &mut touched);
                }
                continue;
            }
            let mut add = |acc: &mut Scratch, d: usize, score: f32, first: u16, sum: bool| {
                let (s, f) = &mut acc.clause[d];
                if *s == 0.0 {
                    in_clause.push(d as u32);
                    *s = score;
                } else if sum {
                    *s += score;
                } else {
                    *s = s.max(score);
                }
                *f = (*f).min(first);
            };
            for &(t, weight) in &c.terms {
                let p = self.postings(t);
                let idf = weight * self.weighted_idf(p.docs.len());
                for ((&d, &w), &first) in p.docs.iter().zip(p.weights).zip(p.firsts) {
                    let score = idf * f32::from(w);
                    add(&mut acc, d as usize, score, first, false);
                }
            }
            // A name's words count only all together: "nation" alone is not "united nations".
            for &t in &c.phrase {
                let p = self.postings(t);
                let idf = self.weighted_idf(p.docs.len());
                for ((&d, &w), &first) in p.docs.iter().zip(p.weights).zip(p.firsts) {
                    let (sum, f, words) = &mut acc.phrase[d as usize];
                    if *words == 0 {
                        in_phrase.push(d);
                    }
                    *words += 1;
                    *sum += idf * f32::from(w);
                    *f = (*f).min(first);
                }
            }
            for d in in_phrase.drain(..) {
                let i = d as usize;
                let (score, first, words) =
                    std::mem::replace(&mut acc.phrase[i], (0.0, u16::MAX, 0));
                if usize::from(words) == c.phrase.len() {
                    add(&mut acc, i, score, first, true);
                }
            }
            for &e in &c.entities {
                let docs = self.entity_docs.get(e as usize);
                let idf = ENTITY_WEIGHT * self.idf(docs.len());
                for &d in docs {
                    let score = idf * self.once(d);
                    add(&mut acc, d as usize, score, u16::MAX, false);
                }
            }
            for d in in_clause.drain(..) {
                let i = d as usize;
                let (score, first) = std::mem::replace(&mut acc.clause[i], (0.0, u16::MAX));
                acc.count(i, score, first, &mut touched);
            }
        }
        let total = touched.len();
        // The best keys up to the end of the page, kept in a heap of that size: the rest are
        // only compared with its smallest.
        let want = range.end.min(total);
        let mut best: BinaryHeap<Reverse<Key>> = BinaryHeap::with_capacity(want + 1);
        for &d in &touched {
            let key = acc.take(d);
            if best.len() < want {
                best.push(Reverse(key));
            } else if best.peek().is_some_and(|low| key > low.0) {
                best.pop();
                best.push(Reverse(key));
            }
        }
        self.give_back(acc);
        let mut keys: Vec<Key> = best.into_iter().map(|r| r.0).collect();
        keys.sort_unstable_by(|a, b| b.cmp(a));
        let marks = all_marks(&clauses);
        let hits = keys
            .into_iter()
            .skip(range.start)
            .map(|k| Hit {
                passage: self.doc_passage[k.doc as usize] as usize,
                score: k.score,
                terms: marks.clone(),
            })
            .collect();
        Results { total, hits, named }
    }

    /// Accumulators for one query, all at their defaults.
    fn take_scratch(&self) -> Scratch {
        let pooled = self.scratch.lock().ok().and_then(|mut pool| pool.pop());
        pooled.unwrap_or_else(|| Scratch::new(self.doc_passage.len()))
    }

    /// Hands accumulators back (every touched one reset) for the next query.
    fn give_back(&self, acc: Scratch) {
        if let Ok(mut pool) = self.scratch.lock() {
            pool.push(acc);
        }
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
