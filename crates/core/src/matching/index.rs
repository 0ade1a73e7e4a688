//! The candidate index of one kind: picks the few keys worth scoring, so that the cost of a
//! query grows with the number of likely answers rather than with the dataset.

use std::collections::HashMap;
use std::ops::Index;

use super::query::{Key, KeyOrigin, Query};
use crate::dataset::EntityIx;

/// The most keys one sorted range (a prefix of a name or of a word) may contribute. A common
/// first name has thousands of holders at 100k entities; the rarer words of the query and
/// its trigrams find the one meant, so a longer list would only cost time.
const RANGE_CAP: usize = 256;
/// The keys sharing the most trigrams with the query that are scored for fuzzy matches.
const GRAM_CANDIDATES: usize = 64;
/// Postings counted per query, rarest trigrams first. Common trigrams ("son", "ari") say
/// little and their lists grow with the dataset; this budget keeps a query's cost flat.
const GRAM_BUDGET: usize = 12_000;
/// The rarest trigrams are always counted, even past the budget.
const GRAM_MIN_LISTS: usize = 3;

/// A trigram packed into a number (21 bits a character).
type Gram = u64;

/// A key's place in its `KeyIndex`, issued by the index for its own keys (so a lookup by one
/// cannot miss). Four bytes, not eight: the postings hold one per trigram of every key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyIx(u32);

impl KeyIx {
    fn index(self) -> usize {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

/// The keys of one kind and the ways to find the few worth scoring.
#[derive(Debug, Default)]
pub struct KeyIndex {
    keys: Vec<Key>,
    /// compact form → keys.
    exact: HashMap<String, Vec<KeyIx>>,
    /// (word, key) sorted by word: whole words and word prefixes by binary search.
    words: Vec<(String, KeyIx)>,
    /// (compact form, key) sorted: prefixes of whole names.
    compacts: Vec<(String, KeyIx)>,
    /// trigram → keys holding it (each key once).
    grams: HashMap<Gram, Vec<KeyIx>>,
}

/// Lookups by a key's index: infallible, since `KeyIndex::new` issues an index only for a key
/// it holds (and keys are never removed).
impl Index<KeyIx> for KeyIndex {
    type Output = Key;
    #[allow(clippy::indexing_slicing)] // The invariant above.
    fn index(&self, k: KeyIx) -> &Key {
        &self.keys[k.index()]
    }
}

impl KeyIndex {
    /// The index of `keys`, which it keeps.
    pub fn new(keys: Vec<Key>) -> KeyIndex {
        let mut exact: HashMap<String, Vec<KeyIx>> = HashMap::new();
        let mut words = Vec::new();
        let mut compacts = Vec::with_capacity(keys.len());
        let mut grams: HashMap<Gram, Vec<KeyIx>> = HashMap::new();
        // Past 2^32 keys (billions of names) there are no indices left: the rest are never
        // found, rather than found as another key.
        for (key, i) in keys.iter().zip((0..=u32::MAX).map(KeyIx)) {
            exact.entry(key.compact.clone()).or_default().push(i);
            compacts.push((key.compact.clone(), i));
            for t in &key.tokens {
                words.push((t.clone(), i));
            }
            let mut mine = trigrams(&key.compact);
            mine.sort_unstable();
            mine.dedup();
            for g in mine {
                grams.entry(g).or_default().push(i);
            }
        }
        words.sort_unstable();
        compacts.sort_unstable();
        KeyIndex {
            keys,
            exact,
            words,
            compacts,
            grams,
        }
    }

    /// Whether `query` is exactly a name or alias written in the dataset (not one made at load
    /// time, like an acronym).
    pub fn written_exactly(&self, query: &Query) -> bool {
        [&query.compact, &query.compact_full].iter().any(|form| {
            self.exact
                .get(form.as_str())
                .is_some_and(|keys| keys.iter().any(|&k| self[k].origin == KeyOrigin::Written))
        })
    }

    /// The entries with a name, alias or acronym that `query` is exactly, each once.
    pub fn exactly(&self, query: &Query) -> Vec<EntityIx> {
        let mut out: Vec<EntityIx> = [&query.compact, &query.compact_full]
            .iter()
            .filter_map(|form| self.exact.get(form.as_str()))
            .flatten()
            .map(|&k| self[k].entity)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Keys worth scoring for `query`: exact forms, names and words it begins, and the keys
    /// sharing the most trigrams with it; each key once.
    pub fn candidates(&self, query: &Query, min_word_prefix: usize) -> Vec<KeyIx> {
        let mut out = Vec::new();
        for form in [&query.compact, &query.compact_full] {
            if let Some(keys) = self.exact.get(form.as_str()) {
                out.extend_from_slice(keys);
            }
        }
        out.extend(prefix_range(&self.compacts, &query.compact));
        for t in &query.tokens {
            if t.chars().count() >= min_word_prefix {
                out.extend(prefix_range(&self.words, t));
            } else {
                out.extend(equal_range(&self.words, t));
            }
        }
        out.extend(self.by_trigrams(&query.compact));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The keys sharing the most trigrams with `text`, best first.
    fn by_trigrams(&self, text: &str) -> Vec<KeyIx> {
        let mut grams = trigrams(text);
        grams.sort_unstable();
        grams.dedup();
        let mut lists: Vec<&Vec<KeyIx>> = grams.iter().filter_map(|g| self.grams.get(g)).collect();
        lists.sort_unstable_by_key(|l| l.len());
        let mut counts: HashMap<KeyIx, u16> = HashMap::new();
        let mut spent = 0;
        for (i, keys) in lists.into_iter().enumerate() {
            if i >= GRAM_MIN_LISTS && spent + keys.len() > GRAM_BUDGET {
                break;
            }
            spent += keys.len();
            for &k in keys {
                *counts.entry(k).or_default() += 1;
            }
        }
        let mut ranked: Vec<(u16, KeyIx)> = counts.into_iter().map(|(k, c)| (c, k)).collect();
        let n = GRAM_CANDIDATES.min(ranked.len());
        if n == 0 {
            return Vec::new();
        }
        ranked.select_nth_unstable_by(n - 1, |a, b| b.cmp(a));
        ranked.truncate(n);
        ranked.into_iter().map(|(_, k)| k).collect()
    }

    /// Keys whose compact form begins with `prefix`, in name order, at most `RANGE_CAP`.
    pub fn name_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = KeyIx> + 'a {
        prefix_range(&self.compacts, prefix)
    }

    /// Keys with a word beginning with `prefix`, at most `RANGE_CAP`.
    pub fn word_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = KeyIx> + 'a {
        prefix_range(&self.words, prefix)
    }
}

/// The keys of the entries of `sorted` that begin with `prefix` (none for an empty one), at
/// most `RANGE_CAP`.
fn prefix_range<'a>(
    sorted: &'a [(String, KeyIx)],
    prefix: &'a str,
) -> impl Iterator<Item = KeyIx> + 'a {
    let start = sorted.partition_point(|(s, _)| s.as_str() < prefix);
    let range = if prefix.is_empty() {
        &[]
    } else {
        sorted.get(start..).unwrap_or_default()
    };
    range
        .iter()
        .take_while(move |(s, _)| s.starts_with(prefix))
        .take(RANGE_CAP)
        .map(|(_, k)| *k)
}

/// The keys of the entries of `sorted` that are `word`, at most `RANGE_CAP`.
fn equal_range<'a>(
    sorted: &'a [(String, KeyIx)],
    word: &'a str,
) -> impl Iterator<Item = KeyIx> + 'a {
    let start = sorted.partition_point(|(s, _)| s.as_str() < word);
    sorted
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(move |(s, _)| s == word)
        .take(RANGE_CAP)
        .map(|(_, k)| *k)
}

/// The trigrams of `text`, with the start and end marked so that short names have some.
fn trigrams(text: &str) -> Vec<Gram> {
    let chars: Vec<u64> = std::iter::once(0)
        .chain(text.chars().map(u64::from))
        .chain(std::iter::once(0))
        .collect();
    chars
        .windows(3)
        .filter_map(|w| match *w {
            [a, b, c] => Some((a << 42) | (b << 21) | c),
            _ => None,
        })
        .collect()
}
