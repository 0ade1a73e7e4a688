//! What a dataset holds, counted: `Summary` (for `check` and `/about`), `SourceCounts` (one
//! source's), and `ToReview` (a curator's open `review` notes, which `check` lists).

use serde::Serialize;

/// What one source holds, for `/about` and `/article`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceCounts {
    /// Its passages, of every kind.
    pub passages: usize,
    /// People of the panel it introduces (a byline) and the others it introduces.
    pub panel: usize,
    /// People it introduces who are not on its panel (quoted in passing).
    pub others: usize,
    /// What its experts said.
    pub statements: usize,
    /// What its experts wished for.
    pub wishes: usize,
}

/// Counts for `check` and `/about`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Sources (articles).
    pub sources: usize,
    /// Passages, of every kind.
    pub passages: usize,
    /// People quoted, on the panel or not.
    pub experts: usize,
    /// Experts on the article's panel (the others are quoted in its introduction).
    pub panel: usize,
    /// Passages of kind statement.
    pub statements: usize,
    /// Passages of kind wish.
    pub wishes: usize,
    /// Groups of countries.
    pub groups: usize,
    /// Other bodies.
    pub bodies: usize,
    /// Publications named.
    pub publications: usize,
    /// The years with at least one wish, ascending.
    pub wish_years: Vec<i32>,
}

/// One thing a curator still has to decide: an item's `review` note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToReview<'a> {
    /// `source`, `expert`, `group`, `body`, `publication` or `passage`.
    pub kind: &'static str,
    /// The item's id.
    pub id: &'a str,
    /// What is left to decide, as the note says it.
    pub note: &'a str,
}
