//! Words of a sorted vocabulary within a few edits of a word, found by walking the vocabulary as
//! a trie: neighbours in sorted order share their prefix's rows of the edit-distance table, and a
//! prefix already too far from the word skips every word that starts with it. The cost follows
//! the prefixes that stay close, not the size of the vocabulary.

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
    // rows[d] is the row of the table after the first d characters of the current word.
    let mut rows: Vec<Vec<usize>> = vec![(0..width).collect()];
    let mut chars: Vec<char> = Vec::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let w: Vec<char> = key(&sorted[i]).chars().collect();
        // Rows of the prefix shared with the previous word are still right.
        let shared = chars.iter().zip(&w).take_while(|(a, b)| a == b).count();
        rows.truncate(shared + 1);
        chars.truncate(shared);
        let mut dead_at = None;
        for (d, &c) in w.iter().enumerate().skip(shared) {
            let prev = &rows[d];
            let mut row = vec![d + 1; width];
            for j in 1..width {
                let cost = usize::from(q[j - 1] != c);
                let mut v = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
                if d >= 1 && j >= 2 && q[j - 1] == w[d - 1] && q[j - 2] == c {
                    v = v.min(rows[d - 1][j - 2] + 1);
                }
                row[j] = v;
            }
            chars.push(c);
            let best = row.iter().copied().min().unwrap_or(usize::MAX);
            rows.push(row);
            if best > max {
                dead_at = Some(d + 1);
                break;
            }
        }
        match dead_at {
            // No word starting with this prefix can come back within `max`: skip them all.
            Some(len) => {
                let prefix: String = w[..len].iter().collect();
                let rest = &sorted[i + 1..];
                i += 1 + rest.partition_point(|s| key(s).starts_with(prefix.as_str()));
            }
            None => {
                let d = rows[w.len()][q.len()];
                if d <= max {
                    out.push((i, d));
                }
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osa(a: &str, b: &str) -> usize {
        strsim::osa_distance(a, b)
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
