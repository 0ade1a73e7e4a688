//! Working memory for a query, one entry per document, pooled between queries: a query at
//! 100k passages would otherwise allocate and fault in megabytes.

use std::sync::Mutex;

use super::ids::{DocId, Position, widen};

/// "Not placed in the text": a document matched through a name, not a word of it.
pub(super) const UNPLACED: u16 = u16::MAX;

/// One query's working memory, with every touched entry reset after use.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The clause being built: its score (0 when the document is not in it yet: every score
    /// is positive, since idfs are, stored weights are at least 1 and typo weights above 0)
    /// and first place.
    clause: Vec<(f32, u16)>,
    /// A name's words: their sum, the first place, how many the document has.
    phrase: Vec<(f32, u16, u8)>,
    /// One bit per document, for counting the documents of several clauses.
    bits: Vec<u64>,
}

impl Scratch {
    fn new(docs: usize) -> Scratch {
        Scratch {
            clause: vec![(0.0, UNPLACED); docs],
            phrase: vec![(0.0, UNPLACED, 0); docs],
            bits: vec![0; docs.div_ceil(64)],
        }
    }

    /// `doc`'s entry in the clause being built: its score (0 while not in it) and first place.
    pub(super) fn clause(&mut self, doc: DocId) -> Option<&mut (f32, u16)> {
        self.clause.get_mut(doc.index())
    }

    /// `doc`'s entry for a name's words: their sum, first place, and how many it has.
    pub(super) fn phrase(&mut self, doc: DocId) -> Option<&mut (f32, u16, u8)> {
        self.phrase.get_mut(doc.index())
    }

    /// How many distinct documents `docs` holds, by setting one bit per document (all clear
    /// before, and left clear).
    pub(super) fn count_distinct<'d>(&mut self, docs: impl Iterator<Item = &'d DocId>) -> usize {
        for d in docs {
            let i = d.index();
            if let Some(word) = self.bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
        let count = self.bits.iter().map(|w| widen(w.count_ones())).sum();
        self.bits.fill(0);
        count
    }
}

/// Scratch kept between queries, one per query running at once.
#[derive(Debug, Default)]
pub(super) struct ScratchPool(Mutex<Vec<Scratch>>);

impl ScratchPool {
    /// Scratch for one query over `docs` documents, all at its defaults.
    pub(super) fn take(&self, docs: usize) -> Scratch {
        let pooled = self.0.lock().ok().and_then(|mut pool| pool.pop());
        pooled.unwrap_or_else(|| Scratch::new(docs))
    }

    /// Hands scratch back (every touched entry reset) for the next query.
    pub(super) fn give_back(&self, scratch: Scratch) {
        if let Ok(mut pool) = self.0.lock() {
            pool.push(scratch);
        }
    }
}
