//! A clause's documents in document order, each with its score and first place: a word's
//! postings as stored, or several sources (typos, completions, a name's passages and words)
//! merged through a pooled per-document scratch.

use std::borrow::Cow;
use std::ops::Range;

use super::SearchIndex;
use super::query::{Clause, ENTITY_WEIGHT};

/// "Not placed in the text": a document matched through a name, not a word of it.
pub(super) const UNPLACED: u16 = u16::MAX;

/// A clause's documents, ascending, with their scores and first places.
pub(super) struct Stream<'a> {
    pub(super) docs: Cow<'a, [u32]>,
    firsts: Cow<'a, [u16]>,
    scores: Scores<'a>,
}

enum Scores<'a> {
    /// A word's stored weights, times its idf.
    Weights { weights: &'a [u16], idf: f32 },
    /// Scores of merged sources.
    Built(Vec<f32>),
}

impl Stream<'_> {
    pub(super) fn len(&self) -> usize {
        self.docs.len()
    }

    /// The score and first place of the `i`th document.
    #[inline]
    pub(super) fn hit(&self, i: usize) -> (f32, u16) {
        let score = match &self.scores {
            Scores::Weights { weights, idf } => idf * f32::from(weights[i]),
            Scores::Built(scores) => scores[i],
        };
        (score, self.firsts[i])
    }

    /// The part of the stream whose documents are in `docs` (documents are in order, so it
    /// is one run): a search narrowed to one source's passages.
    pub(super) fn within(self, docs: Range<u32>) -> Self {
        let from = self.docs.partition_point(|&d| d < docs.start);
        let to = self.docs.partition_point(|&d| d < docs.end).max(from);
        fn part<'a, T: Clone>(c: Cow<'a, [T]>, r: Range<usize>) -> Cow<'a, [T]> {
            match c {
                Cow::Borrowed(b) => Cow::Borrowed(&b[r]),
                Cow::Owned(mut o) => {
                    o.truncate(r.end);
                    o.drain(..r.start);
                    Cow::Owned(o)
                }
            }
        }
        let scores = match self.scores {
            Scores::Weights { weights, idf } => Scores::Weights {
                weights: &weights[from..to],
                idf,
            },
            Scores::Built(mut built) => {
                built.truncate(to);
                built.drain(..from);
                Scores::Built(built)
            }
        };
        Stream {
            docs: part(self.docs, from..to),
            firsts: part(self.firsts, from..to),
            scores,
        }
    }

    /// A word's stream, for the single-word path: (documents, weights, idf).
    pub(super) fn as_word(&self) -> Option<(&[u32], &[u16], f32)> {
        match &self.scores {
            Scores::Weights { weights, idf } => Some((&self.docs, weights, *idf)),
            Scores::Built(_) => None,
        }
    }
}

/// Working memory for clauses of more than one source, one entry per document, kept between
/// queries (`SearchIndex::scratch`) with every touched entry reset after use.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The clause being built: its score (0 when the document is not in it yet: every score
    /// is positive, since idfs are, stored weights are at least 1 and typo weights above 0)
    /// and first place.
    clause: Vec<(f32, u16)>,
    /// A name's words: their sum, the first place, how many the document has.
    phrase: Vec<(f32, u16, u8)>,
    /// One bit per document, for counting the documents of several clauses.
    pub(super) bits: Vec<u64>,
}

impl Scratch {
    fn new(docs: usize) -> Scratch {
        Scratch {
            clause: vec![(0.0, UNPLACED); docs],
            phrase: vec![(0.0, UNPLACED, 0); docs],
            bits: vec![0; docs.div_ceil(64)],
        }
    }
}

/// Two sorted lists of (document, score, first place) as one, a document in both with the
/// better score and the earlier place.
fn merge_best(a: &[(u32, f32, u16)], b: &[(u32, f32, u16)]) -> Vec<(u32, f32, u16)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1.max(y.1), x.2.min(y.2)));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
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

    /// The documents of clause `c` in order: a word's postings as they are; several sources
    /// (typos, completions, a name) merged, each document with its best source (a name's
    /// words with their sum, when the document has all of them).
    pub(super) fn stream(&self, c: &Clause, acc: &mut Scratch) -> Stream<'_> {
        if let ([(t, weight)], [], []) = (
            c.terms.as_slice(),
            c.phrase.as_slice(),
            c.entities.as_slice(),
        ) {
            let p = self.postings(*t);
            let idf = weight * self.weighted_idf(p.docs.len());
            return Stream {
                docs: Cow::Borrowed(p.docs),
                firsts: Cow::Borrowed(p.firsts),
                scores: Scores::Weights {
                    weights: p.weights,
                    idf,
                },
            };
        }
        if c.phrase.is_empty() && c.entities.is_empty() {
            return self.alternatives(&c.terms);
        }
        let mut in_clause: Vec<u32> = Vec::new();
        let mut in_phrase: Vec<u32> = Vec::new();
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
                add(acc, d as usize, idf * f32::from(w), first, false);
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
        for d in in_phrase {
            let i = d as usize;
            let (score, first, words) = std::mem::replace(&mut acc.phrase[i], (0.0, UNPLACED, 0));
            if usize::from(words) == c.phrase.len() {
                add(acc, i, score, first, true);
            }
        }
        for &e in &c.entities {
            let docs = self.entity_docs.get(e as usize);
            let idf = ENTITY_WEIGHT * self.idf(docs.len());
            for &d in docs {
                add(acc, d as usize, idf * self.once(d), UNPLACED, false);
            }
        }
        in_clause.sort_unstable();
        let mut firsts = Vec::with_capacity(in_clause.len());
        let mut scores = Vec::with_capacity(in_clause.len());
        for &d in &in_clause {
            let (score, first) = std::mem::replace(&mut acc.clause[d as usize], (0.0, UNPLACED));
            scores.push(score);
            firsts.push(first);
        }
        Stream {
            docs: Cow::Owned(in_clause),
            firsts: Cow::Owned(firsts),
            scores: Scores::Built(scores),
        }
    }

    /// The documents of any of `terms` (a word's typos or completions, each with its weight),
    /// each with its best: the sorted postings merged two by two, so that the cost follows
    /// the postings, with no sort and no scratch.
    fn alternatives(&self, terms: &[(u32, f32)]) -> Stream<'_> {
        let mut lists: Vec<Vec<(u32, f32, u16)>> = terms
            .iter()
            .map(|&(t, weight)| {
                let p = self.postings(t);
                let idf = weight * self.weighted_idf(p.docs.len());
                let hits = p.docs.iter().zip(p.weights).zip(p.firsts);
                hits.map(|((&d, &w), &f)| (d, idf * f32::from(w), f))
                    .collect()
            })
            .collect();
        while lists.len() > 1 {
            let b = lists.pop().unwrap_or_default();
            let a = lists.pop().unwrap_or_default();
            lists.insert(0, merge_best(&a, &b));
        }
        let merged = lists.pop().unwrap_or_default();
        Stream {
            docs: Cow::Owned(merged.iter().map(|h| h.0).collect()),
            firsts: Cow::Owned(merged.iter().map(|h| h.2).collect()),
            scores: Scores::Built(merged.iter().map(|h| h.1).collect()),
        }
    }

    /// Scratch for one query, all at its defaults.
    pub(super) fn take_scratch(&self) -> Scratch {
        let pooled = self.scratch.lock().ok().and_then(|mut pool| pool.pop());
        pooled.unwrap_or_else(|| Scratch::new(self.doc_passage.len()))
    }

    /// Hands scratch back (every touched entry reset) for the next query.
    pub(super) fn give_back(&self, acc: Scratch) {
        if let Ok(mut pool) = self.scratch.lock() {
            pool.push(acc);
        }
    }
}
