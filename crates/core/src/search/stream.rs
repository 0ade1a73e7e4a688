//! A clause's documents in document order, each with its score and first place: a word's
//! postings as stored, or several sources (typos, completions, a name's passages and words)
//! merged through the query's scratch.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::ops::Range;

use super::documents::Documents;
use super::entities::EntityNames;
use super::ids::{DocId, TermId};
use super::postings::Postings;
use super::query::Clause;
use super::scratch::{Scratch, UNPLACED};

/// How much a passage that speaks or concerns an entity named in the query counts, against a
/// word of that name in its text.
const ENTITY_WEIGHT: f32 = 1.0;

/// What the index a stream is read from holds: the postings, the documents (for BM25's
/// statistics) and the entities' documents.
#[derive(Clone, Copy, Debug)]
pub(super) struct Sources<'a> {
    /// Per term, its postings.
    pub(super) postings: &'a Postings,
    /// The documents, for idf and length.
    pub(super) documents: &'a Documents,
    /// The entities, for the documents each speaks or concerns.
    pub(super) names: &'a EntityNames,
}

/// A clause's documents, ascending, with their scores and first places.
#[derive(Debug)]
pub(super) struct Stream<'a> {
    docs: Cow<'a, [DocId]>,
    firsts: Cow<'a, [u16]>,
    scores: Scores<'a>,
}

/// A stream's scores: stored, or computed for the query.
#[derive(Debug)]
enum Scores<'a> {
    /// A word's stored weights, times its idf.
    Weights { weights: &'a [u16], idf: f32 },
    /// Scores of merged sources.
    Built(Vec<f32>),
}

/// How a source's score joins the score a document already has in a clause.
#[derive(Clone, Copy, Debug)]
enum Join {
    /// The better of the two: alternatives (a word's typos, a name's passages).
    Best,
    /// Their sum: the words of a name, found all together.
    Sum,
}

/// A word's stream, for the single-word path: its documents, stored weights and idf.
pub(super) struct WordStream<'s> {
    /// The documents, ascending.
    pub(super) docs: &'s [DocId],
    /// Per document, the stored weight of the word there.
    pub(super) weights: &'s [u16],
    /// The word's idf, times the unit of the stored weights.
    pub(super) idf: f32,
}

impl<'a> Stream<'a> {
    /// The documents of clause `c` in order: a word's postings as they are; several sources
    /// (typos, completions, a name) merged, each document with its best source (a name's
    /// words with their sum, when the document has all of them).
    pub(super) fn of(c: &Clause, from: Sources<'a>, acc: &mut Scratch) -> Stream<'a> {
        if let ([(t, weight)], [], []) = (
            c.terms.as_slice(),
            c.phrase.as_slice(),
            c.entities.as_slice(),
        ) {
            let p = from.postings.of(*t);
            let idf = weight * from.documents.weighted_idf(p.docs.len());
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
            return Stream::alternatives(&c.terms, from);
        }
        let mut in_clause: Vec<DocId> = Vec::new();
        let mut in_phrase: Vec<DocId> = Vec::new();
        let mut add = |acc: &mut Scratch, d: DocId, score: f32, first: u16, join: Join| {
            let Some((s, f)) = acc.clause(d) else {
                return;
            };
            if *s == 0.0 {
                in_clause.push(d);
                *s = score;
            } else {
                match join {
                    Join::Sum => *s += score,
                    Join::Best => *s = s.max(score),
                }
            }
            *f = (*f).min(first);
        };
        for &(t, weight) in &c.terms {
            let p = from.postings.of(t);
            let idf = weight * from.documents.weighted_idf(p.docs.len());
            for (d, w, first) in p.iter() {
                add(acc, d, idf * f32::from(w), first, Join::Best);
            }
        }
        // A name's words count only all together: "nation" alone is not "united nations".
        for &t in &c.phrase {
            let p = from.postings.of(t);
            let idf = from.documents.weighted_idf(p.docs.len());
            for (d, w, first) in p.iter() {
                let Some((sum, f, words)) = acc.phrase(d) else {
                    continue;
                };
                if *words == 0 {
                    in_phrase.push(d);
                }
                *words += 1;
                *sum += idf * f32::from(w);
                *f = (*f).min(first);
            }
        }
        for d in in_phrase {
            let Some(entry) = acc.phrase(d) else {
                continue;
            };
            let (score, first, words) = std::mem::replace(entry, (0.0, UNPLACED, 0));
            if usize::from(words) == c.phrase.len() {
                add(acc, d, score, first, Join::Sum);
            }
        }
        for &e in &c.entities {
            let docs = from.names.docs(e);
            let idf = ENTITY_WEIGHT * from.documents.idf(docs.len());
            for &d in docs {
                let once = from.documents.weight(1.0, d);
                add(acc, d, idf * once, UNPLACED, Join::Best);
            }
        }
        in_clause.sort_unstable();
        let mut firsts = Vec::with_capacity(in_clause.len());
        let mut scores = Vec::with_capacity(in_clause.len());
        for &d in &in_clause {
            if let Some(entry) = acc.clause(d) {
                let (score, first) = std::mem::replace(entry, (0.0, UNPLACED));
                scores.push(score);
                firsts.push(first);
            }
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
    fn alternatives(terms: &[(TermId, f32)], from: Sources<'a>) -> Stream<'a> {
        let mut lists: Vec<Vec<(DocId, f32, u16)>> = terms
            .iter()
            .map(|&(t, weight)| {
                let p = from.postings.of(t);
                let idf = weight * from.documents.weighted_idf(p.docs.len());
                p.iter()
                    .map(|(d, w, f)| (d, idf * f32::from(w), f))
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

    /// How many documents the stream has: an empty one is left out of the ranking.
    pub(super) fn len(&self) -> usize {
        self.docs.len()
    }

    /// The documents, ascending: what merges and seeks read.
    pub(super) fn docs(&self) -> &[DocId] {
        &self.docs
    }

    /// The `i`th document, with its score and first place.
    #[inline]
    pub(super) fn at(&self, i: usize) -> Option<(DocId, f32, u16)> {
        let score = match &self.scores {
            Scores::Weights { weights, idf } => idf * f32::from(*weights.get(i)?),
            Scores::Built(scores) => *scores.get(i)?,
        };
        Some((*self.docs.get(i)?, score, *self.firsts.get(i)?))
    }

    /// The part of the stream whose documents are in `docs` (documents are in order, so it
    /// is one run): a search narrowed to one source's passages.
    pub(super) fn within(self, docs: Range<DocId>) -> Self {
        let from = self.docs.partition_point(|&d| d < docs.start);
        let to = self.docs.partition_point(|&d| d < docs.end).max(from);
        fn part<T: Clone>(c: Cow<'_, [T]>, r: Range<usize>) -> Cow<'_, [T]> {
            match c {
                Cow::Borrowed(b) => Cow::Borrowed(b.get(r).unwrap_or_default()),
                Cow::Owned(mut o) => {
                    o.truncate(r.end);
                    o.drain(..r.start.min(o.len()));
                    Cow::Owned(o)
                }
            }
        }
        let scores = match self.scores {
            Scores::Weights { weights, idf } => Scores::Weights {
                weights: weights.get(from..to).unwrap_or_default(),
                idf,
            },
            Scores::Built(mut built) => {
                built.truncate(to);
                built.drain(..from.min(built.len()));
                Scores::Built(built)
            }
        };
        Stream {
            docs: part(self.docs, from..to),
            firsts: part(self.firsts, from..to),
            scores,
        }
    }

    /// The stream as a word's postings, for the single-word path; `None` for merged sources.
    pub(super) fn as_word(&self) -> Option<WordStream<'_>> {
        match &self.scores {
            Scores::Weights { weights, idf } => Some(WordStream {
                docs: &self.docs,
                weights,
                idf: *idf,
            }),
            Scores::Built(_) => None,
        }
    }
}

/// Two sorted lists of (document, score, first place) as one, a document in both with the
/// better score and the earlier place.
fn merge_best(a: &[(DocId, f32, u16)], b: &[(DocId, f32, u16)]) -> Vec<(DocId, f32, u16)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    while let (Some(&&x), Some(&&y)) = (a.peek(), b.peek()) {
        match x.0.cmp(&y.0) {
            Ordering::Less => {
                out.push(x);
                a.next();
            }
            Ordering::Greater => {
                out.push(y);
                b.next();
            }
            Ordering::Equal => {
                out.push((x.0, x.1.max(y.1), x.2.min(y.2)));
                a.next();
                b.next();
            }
        }
    }
    out.extend(a);
    out.extend(b);
    out
}
