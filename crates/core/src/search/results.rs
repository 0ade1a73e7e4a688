//! What a search returns: one page of hits, how many there are in all, the entities the query
//! names, and the terms its hits are marked for.

use super::ids::TermId;
use crate::dataset::{Id, PassageIx};

/// A search hit: a passage of the dataset.
#[derive(Debug)]
pub struct Hit {
    /// The passage (`dataset[passage]`).
    pub passage: PassageIx,
    /// Its score, which ranks hits that match as many clauses of the query (BM25 and the
    /// boost for its words lying close together): for tests and benchmarks, not for readers.
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
    pub(super) marks: Vec<TermId>,
}

impl Results {
    /// Whether the query marks words of `term` in its hits.
    pub(super) fn marks_term(&self, term: TermId) -> bool {
        self.marks.binary_search(&term).is_ok()
    }
}
