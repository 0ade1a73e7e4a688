//! What a dataset holds, counted: `Summary` (for `check` and `/about`), `SourceCounts` (one
//! source's), and `ToReview` (a curator's open `review` notes, which `check` lists).

use serde::Serialize;

/// What one source holds, for `/about` and `/article`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceCounts {
    pub passages: usize,
    /// People of the panel it introduces (a byline) and the others it introduces.
    pub panel: usize,
    pub others: usize,
    pub statements: usize,
    pub wishes: usize,
}

/// Counts for `check` and `/about`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub passages: usize,
    pub experts: usize,
    /// Experts on the article's panel (the others are quoted in its introduction).
    pub panel: usize,
    pub statements: usize,
    pub wishes: usize,
    pub groups: usize,
    pub bodies: usize,
    pub publications: usize,
    pub wish_years: Vec<i32>,
}

/// One thing a curator still has to decide: an item's `review` note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToReview<'a> {
    /// `source`, `expert`, `group`, `body`, `publication` or `passage`.
    pub kind: &'static str,
    pub id: &'a str,
    pub note: &'a str,
}
