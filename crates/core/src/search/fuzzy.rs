//! Words of a sorted vocabulary within a few edits of a word, found by walking the vocabulary as
//! a trie: neighbours in sorted order share their prefix's rows of the edit-distance table, and a
//! prefix already too far from the word skips every word that starts with it. The cost follows
//! the prefixes that stay close, not the size of the vocabulary. And every pair of words of a
//! vocabulary one edit apart, found through the words left by deleting one character.

use std::hash::{Hash, Hasher};

/// The index and edit distance of every word of `sorted` (each read by `key`) within `max` edits of `word`
/// (insertions, deletions, substitutions and swaps of two neighbours, each one edit), in
/// vocabulary order.
pub fn within<T>(
    sorted: &[T],
    key: impl Fn(&T) -> &str,
    word: &str,
    max: usize,
) -> Vec<(usize, usize)> {
    let q: Vec<char> = word.chars().collect();
    let width = q.len() + 1;
    // The rows of the table, one after another: row d (after the first d characters of the
    // current word) is rows[d * width..(d + 1) * width]. One buffer for the whole walk, as the
    // current word's characters are: a vocabulary of tens of thousands of words is walked for
    // each word a question misspells, and allocating a row a character was most of the cost.
    let mut rows: Vec<usize> = (0..width).collect();
    let mut chars: Vec<char> = Vec::new();
    let mut w: Vec<char> = Vec::new();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(item) = sorted.get(i) {
        let text = key(item);
        w.clear();
        w.extend(text.chars());
        // Rows of the prefix shared with the previous word are still right.
        let shared = chars.iter().zip(&w).take_while(|(a, b)| a == b).count();
        rows.truncate((shared + 1) * width);
        chars.truncate(shared);
        let mut dead_at = None;
        for d in shared..w.len() {
            let best = push_row(&q, &w, &mut rows, d);
            chars.extend(w.get(d).copied());
            if best > max {
                dead_at = Some(d + 1);
                break;
            }
        }
        match dead_at {
            // No word starting with this prefix can come back within `max`: skip them all.
            Some(len) => {
                let end = text.char_indices().nth(len).map_or(text.len(), |(b, _)| b);
                let prefix = text.get(..end).unwrap_or(text);
                let rest = sorted.get(i + 1..).unwrap_or_default();
                i += 1 + rest.partition_point(|s| key(s).starts_with(prefix));
            }
            None => {
                // The last row is the whole word's, its last entry the whole query's.
                if let Some(&d) = rows.last().filter(|&&d| d <= max) {
                    out.push((i, d));
                }
                i += 1;
            }
        }
    }
    out
}

/// Appends to `rows` the row of the edit-distance table between `q` and `w` after `w`'s
/// character `d`, from the rows after its first `d` characters (already in `rows`, `q.len() +
/// 1` entries each); returns the row's least entry.
#[inline]
// In bounds: `rows` holds `d + 1` rows of `width` entries; `d < w.len()`; `j` runs over
// `1..width`, and the row before the last and `j - 2` are read only when `d >= 1` and `j >= 2`.
#[allow(clippy::indexing_slicing)]
fn push_row(q: &[char], w: &[char], rows: &mut Vec<usize>, d: usize) -> usize {
    let c = w[d];
    let width = q.len() + 1;
    let prev = d * width;
    let at = prev + width;
    rows.push(d + 1);
    let mut best = d + 1;
    for j in 1..width {
        let cost = usize::from(q[j - 1] != c);
        let mut v = (rows[prev + j] + 1)
            .min(rows[at + j - 1] + 1)
            .min(rows[prev + j - 1] + cost);
        if d >= 1 && j >= 2 && q[j - 1] == w[d - 1] && q[j - 2] == c {
            v = v.min(rows[prev - width + j - 2] + 1);
        }
        rows.push(v);
        best = best.min(v);
    }
    best
}

/// Every pair `(a, b)` of `words` (by place) one edit apart (as `within` counts edits) where
/// `a` has at least `min_chars` characters, each pair once in each order its lengths allow.
/// Two words one edit apart leave the same word when one character is deleted from each (or
/// from the longer only): words are grouped by a hash of each such deletion and the candidates
/// of a group checked. The cost follows the words' lengths, not the square of their number.
pub fn one_edit_pairs<'w>(
    words: impl Iterator<Item = &'w str>,
    min_chars: usize,
) -> Vec<(usize, usize)> {
    let words: Vec<Vec<char>> = words.map(|w| w.chars().collect()).collect();
    let mut keys: Vec<(u64, usize)> = Vec::new();
    for (n, w) in words.iter().enumerate() {
        // A word one shorter than `min_chars` may still be what a long one misspells.
        if w.len() + 1 < min_chars {
            continue;
        }
        // Each deletion, and the word itself (what a word one longer leaves).
        for skip in 0..=w.len() {
            let mut h = std::hash::DefaultHasher::new();
            for (i, c) in w.iter().enumerate() {
                if i != skip {
                    c.hash(&mut h);
                }
            }
            keys.push((h.finish(), n));
        }
    }
    keys.sort_unstable();
    // "committee" leaves "comittee" twice.
    keys.dedup();
    let mut pairs = Vec::new();
    for group in keys.chunk_by(|x, y| x.0 == y.0) {
        for &(_, a) in group {
            let Some(wa) = words.get(a).filter(|w| w.len() >= min_chars) else {
                continue;
            };
            for &(_, b) in group {
                if a != b && words.get(b).is_some_and(|wb| osa_is_one(wa, wb)) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Whether `a` and `b` are one edit apart: one character inserted, deleted or replaced, or two
/// neighbours swapped.
fn osa_is_one(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if head == short.len() => false,
        0 => {
            let replaced = short.get(head + 1..) == long.get(head + 1..);
            let swapped = head + 1 < short.len()
                && short.get(head) == long.get(head + 1)
                && short.get(head + 1) == long.get(head)
                && short.get(head + 2..) == long.get(head + 2..);
            replaced || swapped
        }
        1 => short.get(head..) == long.get(head + 1..),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osa(a: &str, b: &str) -> usize {
        strsim::osa_distance(a, b)
    }

    #[test]
    fn pairs_one_edit_apart_are_exactly_those_within_one() {
        let vocab = [
            "minilateralism",
            "miniliateralism",
            "minilateralsim",
            "minilateralis",
            "minilateral",
            "secretariat",
            "secretaryat",
            "secretariats",
            "committee",
            "comittee",
            "abcdefgh",
            "bacdefgh",
            "abcdefg",
            "abcdefghi",
            "xbcdefgh",
            "abcdefhg",
            "world",
            "would",
            "ηλιοσκοπιο",
            "ηλιοςκοπιο",
        ];
        for min in [0, 5, 9, 12] {
            let got = one_edit_pairs(vocab.iter().copied(), min);
            let want = every_pair_one_edit_apart(&vocab, min);
            assert_eq!(got, want, "min {min}");
        }
    }

    /// Every (a, b) of `vocab` one edit apart with `a` of at least `min` characters, by
    /// comparing each word with each: what `one_edit_pairs` must find.
    fn every_pair_one_edit_apart(vocab: &[&str], min: usize) -> Vec<(usize, usize)> {
        let mut want = Vec::new();
        for (a, wa) in vocab.iter().enumerate() {
            for (b, wb) in vocab.iter().enumerate() {
                if wa.chars().count() >= min && osa(wa, wb) == 1 {
                    want.push((a, b));
                }
            }
        }
        want
    }

    proptest::proptest! {
        #[test]
        fn any_vocabulary_pairs_exactly_the_words_one_edit_apart(
            words in proptest::collection::btree_set("[abé]{0,9}", 0..40),
            min in 0usize..8,
        ) {
            let vocab: Vec<&str> = words.iter().map(String::as_str).collect();
            let got = one_edit_pairs(vocab.iter().copied(), min);
            let want = every_pair_one_edit_apart(&vocab, min);
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_vocabulary_gives_exactly_the_words_within_reach(
            words in proptest::collection::btree_set("[abé]{0,7}", 0..40),
            q in "[abé]{0,7}",
            max in 0usize..3,
        ) {
            let vocab: Vec<String> = words.into_iter().collect();
            let got: Vec<(usize, usize)> = within(&vocab, |s| s.as_str(), &q, max);
            let want: Vec<(usize, usize)> = vocab
                .iter()
                .enumerate()
                .map(|(i, w)| (i, osa(&q, w)))
                .filter(|&(_, d)| d <= max)
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn finds_exactly_the_words_within_reach() {
        let mut vocab: Vec<String> = [
            "nation",
            "nato",
            "data",
            "natal",
            "secretariat",
            "secretary",
            "cooper",
            "coopt",
            "g",
            "7",
            "teh",
            "the",
            "abc",
            "acb",
            "nations",
            "zzz",
            "ηλιος",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        vocab.sort();
        for q in [
            "nato",
            "secretariet",
            "coopat",
            "the",
            "ab",
            "",
            "ηλιοσ",
            "natoin",
        ] {
            for max in 0..3 {
                let got: Vec<&str> = within(&vocab, |s| s.as_str(), q, max)
                    .into_iter()
                    .map(|(i, d)| {
                        assert_eq!(d, osa(q, &vocab[i]));
                        vocab[i].as_str()
                    })
                    .collect();
                let want: Vec<&str> = vocab
                    .iter()
                    .filter(|w| osa(q, w) <= max)
                    .map(String::as_str)
                    .collect();
                assert_eq!(got, want, "{q} within {max}");
            }
        }
    }
}
