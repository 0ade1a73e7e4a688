//! BM25's arithmetic: the weight of a word's occurrences in a document, its inverse document
//! frequency, and the unit the postings store weights in.

/// BM25's constants, the usual ones.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// BM25's weight of `tf` occurrences in a document of `len` words, where the average is `avg`:
/// it grows with `tf` towards `K1 + 1`, and more slowly in long documents.
pub(super) fn saturate(tf: f32, len: f32, avg: f32) -> f32 {
    tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg.max(1.0)))
}

/// The inverse document frequency of a term in `df` of `n` documents.
pub(super) fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// A weight as the postings store it: a fraction of its greatest value (`K1 + 1`) in units of
/// `1 / u16::MAX`, computed once when indexing, not per query. At least 1, so that every
/// score is positive (the scratch of a query reads 0 as "not in the clause").
pub(super) fn stored(weight: f32) -> u16 {
    let stored = (weight / (K1 + 1.0) * f32::from(u16::MAX)).round() as u16;
    stored.max(1)
}

/// The inverse document frequency of a term in `df` of `n` documents, times the unit of the
/// stored weights, so that `weighted_idf * stored` is BM25's score.
pub(super) fn weighted_idf(n: usize, df: usize) -> f32 {
    idf(n, df) * (K1 + 1.0) / f32::from(u16::MAX)
}
