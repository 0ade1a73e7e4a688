//! The documents search ranks: every passage but the titles (the title is in every card's
//! footer already), in source order, with the length BM25 normalises by.

use std::ops::Range;

use super::bm25;
use super::ids::{DocId, Position};
use crate::dataset::PassageIx;

/// Per document, its passage and length; and their average length.
#[derive(Debug, Default)]
pub(super) struct Documents {
    /// Per document, the passage it is.
    passage: Vec<PassageIx>,
    /// Per document, its content words (saturating), for BM25's length normalisation.
    len: Vec<u16>,
    avg_len: f32,
}

impl Documents {
    /// The documents that are `passage` (in source order), each of `len` content words
    /// (saturating), `words` in all (not saturated, for the average).
    pub(super) fn new(passage: Vec<PassageIx>, len: Vec<u16>, words: usize) -> Documents {
        let avg_len = words as f32 / passage.len().max(1) as f32;
        Documents {
            passage,
            len,
            avg_len,
        }
    }

    /// How many documents there are: the N of idf, and the size of a query's scratch.
    pub(super) fn count(&self) -> usize {
        self.passage.len()
    }

    /// Every document with its passage, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (DocId, PassageIx)> + '_ {
        self.passage
            .iter()
            .enumerate()
            .map(|(d, &p)| (DocId::at(d), p))
    }

    /// The passage document `doc` is.
    pub(super) fn passage(&self, doc: DocId) -> Option<PassageIx> {
        self.passage.get(doc.index()).copied()
    }

    /// The document that is `passage`; none for a title, which is not indexed.
    pub(super) fn doc_of(&self, passage: PassageIx) -> Option<DocId> {
        self.passage.binary_search(&passage).ok().map(DocId::at)
    }

    /// The documents of the passages in `passages` (one source's: a run of passages, so a
    /// run of documents).
    pub(super) fn of_passages(&self, passages: Range<usize>) -> Range<DocId> {
        let first = |p: usize| DocId::at(self.passage.partition_point(|d| d.index() < p));
        first(passages.start)..first(passages.end)
    }

    /// BM25's weight of `tf` occurrences of a term in `doc`.
    pub(super) fn weight(&self, tf: f32, doc: DocId) -> f32 {
        let len = self.len.get(doc.index()).copied().unwrap_or_default();
        bm25::saturate(tf, f32::from(len), self.avg_len)
    }

    /// The inverse document frequency of a term in `df` documents.
    pub(super) fn idf(&self, df: usize) -> f32 {
        bm25::idf(self.count(), df)
    }

    /// As [`idf`](Self::idf), times the unit of the stored weights.
    pub(super) fn weighted_idf(&self, df: usize) -> f32 {
        bm25::weighted_idf(self.count(), df)
    }

    /// The bytes of the documents on the heap (`SearchIndex::heap_bytes`).
    pub(super) fn heap_bytes(&self) -> usize {
        self.passage.capacity() * size_of::<PassageIx>() + self.len.capacity() * size_of::<u16>()
    }
}
