//! Postings: per term, the documents holding it in document order, each with BM25's weight
//! of the term's occurrences there and the first place it occurs (for nearness).

use super::bm25;
use super::documents::Documents;
use super::ids::{DocId, Position, TermId, widen};
use super::packed::{Offsets, Packed};

/// What an occurrence of a misspelling counts for in the postings of the word it misspells:
/// half an occurrence of the word itself.
const MISSPELLING_TF: f32 = 0.5;

/// A place in a document where the data has a misspelling, and the term of the word it
/// misspells: the place is indexed under that term too.
#[derive(Clone, Copy, Debug)]
pub(super) struct Misspelt {
    doc: DocId,
    place: u16,
    term: TermId,
}

impl Misspelt {
    /// The misspelling at content word `pos` of `doc`, of the word whose term is `term`.
    pub(super) fn new(doc: DocId, pos: usize, term: TermId) -> Misspelt {
        Misspelt {
            doc,
            place: place(pos),
            term,
        }
    }
}

/// How an occurrence is written: the word itself, or a misspelling of it (which counts for
/// less).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Spelling {
    Written,
    Misspelt,
}

/// Per term, its postings: three parallel lists, so that a term's documents are one slice
/// (merges and seeks read documents only).
#[derive(Debug, Default)]
pub(super) struct Postings {
    /// Per term, where its postings start.
    start: Offsets<TermId>,
    doc: Vec<DocId>,
    /// BM25's weight of the term's occurrences in the document, length-normalised, stored
    /// (`bm25::stored`): computed once here, not per query.
    weight: Vec<u16>,
    /// Where the term first occurs in the document, in content words (saturating), for
    /// nearness.
    first: Vec<u16>,
}

/// One term's postings, in document order.
#[derive(Clone, Copy, Debug)]
pub(super) struct PostingList<'a> {
    /// The documents holding the term, ascending.
    pub(super) docs: &'a [DocId],
    /// Per document, the stored weight of the term there.
    pub(super) weights: &'a [u16],
    /// Per document, the first place of the term there.
    pub(super) firsts: &'a [u16],
}

impl PostingList<'_> {
    /// Each document with its stored weight and first place.
    pub(super) fn iter(&self) -> impl Iterator<Item = (DocId, u16, u16)> + '_ {
        self.docs
            .iter()
            .zip(self.weights)
            .zip(self.firsts)
            .map(|((&d, &w), &f)| (d, w, f))
    }
}

/// A place or length as the postings and documents store it: in content words, saturating.
pub(super) fn place(pos: usize) -> u16 {
    u16::try_from(pos).unwrap_or(u16::MAX)
}

impl Postings {
    /// The postings of `forward` (each document's terms in order) and of the misspellings
    /// `misspelt` (sorted by document, then place), for `terms` terms, weighted by BM25 over
    /// `documents`: counted, then filled, so that the postings are built in place.
    pub(super) fn new(
        forward: &Packed<DocId, TermId>,
        misspelt: &[Misspelt],
        terms: usize,
        documents: &Documents,
    ) -> Postings {
        let docs = || (0..forward.lists()).map(DocId::at);
        // A document's terms and places, sorted; a misspelling's place also under the term of
        // the word it misspells.
        let mut sorted: Vec<(TermId, u16, Spelling)> = Vec::new();
        let fill = |d: DocId, sorted: &mut Vec<(TermId, u16, Spelling)>| {
            sorted.clear();
            sorted.extend(
                forward
                    .get(d)
                    .iter()
                    .enumerate()
                    .map(|(pos, &t)| (t, place(pos), Spelling::Written)),
            );
            let at = misspelt.partition_point(|m| m.doc < d);
            let here = misspelt.get(at..).unwrap_or_default();
            for m in here.iter().take_while(|m| m.doc == d) {
                sorted.push((m.term, m.place, Spelling::Misspelt));
            }
            sorted.sort_unstable();
        };
        // Per term, how many documents hold it (at the next term's place, for the sums).
        let mut counts = vec![0u32; terms + 1];
        for d in docs() {
            fill(d, &mut sorted);
            for run in sorted.chunk_by(|a, b| a.0 == b.0) {
                if let Some(count) = run.first().and_then(|r| counts.get_mut(r.0.index() + 1)) {
                    *count += 1;
                }
            }
        }
        let mut sum = 0;
        for count in &mut counts {
            sum += *count;
            *count = sum;
        }
        let total = last(&counts);
        let start = counts.clone();
        let mut postings = Postings {
            start: Offsets::from_starts(start),
            doc: vec![DocId::default(); total],
            weight: vec![0; total],
            first: vec![0; total],
        };
        // `counts[t]` is now where term `t`'s next posting goes.
        for d in docs() {
            fill(d, &mut sorted);
            for run in sorted.chunk_by(|a, b| a.0 == b.0) {
                let Some(&(t, first, _)) = run.first() else {
                    continue;
                };
                let Some(next) = counts.get_mut(t.index()) else {
                    continue;
                };
                let at = widen(*next);
                *next += 1;
                let misspelt = run.iter().filter(|r| r.2 == Spelling::Misspelt).count() as f32;
                let tf = run.len() as f32 - misspelt * (1.0 - MISSPELLING_TF);
                let weight = bm25::stored(documents.weight(tf, d));
                postings.set(at, d, weight, first);
            }
        }
        postings
    }

    /// Writes the posting at `at`.
    fn set(&mut self, at: usize, doc: DocId, weight: u16, first: u16) {
        if let (Some(d), Some(w), Some(f)) = (
            self.doc.get_mut(at),
            self.weight.get_mut(at),
            self.first.get_mut(at),
        ) {
            (*d, *w, *f) = (doc, weight, first);
        }
    }

    /// The postings of `term`.
    pub(super) fn of(&self, term: TermId) -> PostingList<'_> {
        let r = self.start.range(term);
        PostingList {
            docs: self.doc.get(r.clone()).unwrap_or_default(),
            weights: self.weight.get(r.clone()).unwrap_or_default(),
            firsts: self.first.get(r).unwrap_or_default(),
        }
    }

    /// The bytes of the postings on the heap (`SearchIndex::heap_bytes`).
    pub(super) fn heap_bytes(&self) -> usize {
        self.start.heap_bytes()
            + self.doc.capacity() * size_of::<DocId>()
            + self.weight.capacity() * size_of::<u16>()
            + self.first.capacity() * size_of::<u16>()
    }
}

/// The last of running sums: how many postings there are in all.
fn last(sums: &[u32]) -> usize {
    widen(sums.last().copied().unwrap_or(0))
}
