//! Full-text search over the passages: each passage once, whatever it concerns. Accent- and
//! typo-tolerant through the same folding as names; a total order (score, then position in
//! the source), so the same query gives the same answer in every process.

use std::collections::{HashMap, HashSet};

use crate::dataset::{Dataset, PassageKind};
use crate::fold;

/// Words too common to rank by.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in", "is",
    "it", "its", "of", "on", "or", "that", "the", "their", "they", "this", "to", "was", "we",
    "with",
];
/// A vocabulary word this similar to a query word counts as a typo of it: Jaro-Winkler for a
/// likeness that forgives transpositions, and Damerau-Levenshtein so that a shared beginning
/// alone ("secretary" for "secretariat") is not enough.
const TYPO_SIMILARITY: f64 = 0.88;
const TYPO_EDIT_SIMILARITY: f64 = 0.8;
/// Words shorter than this match only exactly or as a prefix: short words have too many
/// lookalikes.
const TYPO_MIN_CHARS: usize = 4;
/// A query word this long may match the beginning of a longer word ("secret" → "secretariat").
const PREFIX_MIN_CHARS: usize = 4;
/// Suggestions offered when nothing is found.
const SUGGESTION_SIMILARITY: f64 = 0.8;

/// A search result: a passage of the dataset.
#[derive(Debug)]
pub struct Hit {
    /// Index into `Dataset::passages`.
    pub passage: usize,
    pub score: f64,
    /// Folded vocabulary words that matched, for highlighting.
    pub words: HashSet<String>,
}

/// The search index of one dataset.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Folded word → passages holding it (indices into `Dataset::passages`, ascending), the
    /// words sorted so that every walk over them is in one order.
    vocab: Vec<(String, Vec<u32>)>,
    /// Passages searched.
    docs: usize,
}

impl SearchIndex {
    /// Indexes every passage but the titles (the title is in every card's footer already):
    /// its text and its lead-in.
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let mut vocab: HashMap<String, Vec<u32>> = HashMap::new();
        let mut docs = 0;
        for (i, p) in dataset.passages().iter().enumerate() {
            if p.kind == PassageKind::Title {
                continue;
            }
            docs += 1;
            let mut words: Vec<String> = fold::words(&p.text);
            if let Some(lead) = &p.lead_in {
                words.extend(fold::words(lead));
            }
            words.sort_unstable();
            words.dedup();
            for w in words {
                vocab.entry(w).or_default().push(i as u32);
            }
        }
        let mut vocab: Vec<(String, Vec<u32>)> = vocab.into_iter().collect();
        vocab.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SearchIndex { vocab, docs }
    }

    /// Every passage matching `text`, best first: the most query words matched, then how
    /// well (an exact word before a prefix, a prefix before a typo), then the rarest words,
    /// then the earliest in the source.
    pub fn search(&self, text: &str) -> Vec<Hit> {
        let words = query_words(text);
        let n_docs = self.docs.max(1) as f64;
        // The largest idf, so that rarity only orders matches of one kind.
        let max_idf = (1.0 + n_docs).ln();
        // passage → (query words matched, score, vocabulary words matched)
        let mut found: HashMap<u32, (usize, f64, HashSet<String>)> = HashMap::new();
        for q in &words {
            let mut best_per_doc: HashMap<u32, f64> = HashMap::new();
            for (w, docs) in &self.vocab {
                let Some(quality) = word_match(q, w) else {
                    continue;
                };
                let idf = (1.0 + n_docs / docs.len() as f64).ln() / max_idf;
                // The kind of match first (exact 3, prefix 2, typo 1), rarity within it.
                let score = quality.tier() + quality.weight() * idf;
                for &d in docs {
                    let best = best_per_doc.entry(d).or_insert(0.0);
                    *best = best.max(score);
                    // Every matching word is highlighted, not only the best.
                    found.entry(d).or_default().2.insert(w.clone());
                }
            }
            for (d, s) in best_per_doc {
                let entry = found.entry(d).or_default();
                entry.0 += 1;
                entry.1 += s;
            }
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .filter(|(_, (n, _, _))| *n > 0)
            .map(|(d, (n, s, words))| Hit {
                passage: d as usize,
                // Matching more of the query's words always ranks higher (each word adds
                // at most 4).
                score: n as f64 * 100.0 + s,
                words,
            })
            .collect();
        // A total order: equal scores come in source order, never in hash-map order.
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.passage.cmp(&b.passage))
        });
        hits
    }

    /// The query as search reads it (folded content words): the same hits as `text`, and
    /// often shorter, for a button id that must fit 100 characters.
    pub fn canonical(text: &str) -> String {
        query_words(text).join(" ")
    }

    /// Words of the dataset close to the query's words, for "did you mean".
    pub fn suggestions(&self, text: &str, limit: usize) -> Vec<String> {
        let mut scored: Vec<(f64, &String)> = Vec::new();
        for q in query_words(text) {
            for (w, _) in &self.vocab {
                let s = strsim::jaro_winkler(&q, w);
                if s >= SUGGESTION_SIMILARITY && w.chars().count() >= 3 {
                    scored.push((s, w));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, w) in scored {
            if !out.contains(w) {
                out.push(w.clone());
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }
}

fn query_words(text: &str) -> Vec<String> {
    let mut words = fold::content_words(&fold::words(text), STOPWORDS);
    // Each word once, in the order typed: "g7 brics g7" asks for two words.
    let mut seen = std::collections::HashSet::new();
    words.retain(|w| seen.insert(w.clone()));
    words.truncate(12);
    words
}

/// How a vocabulary word matches a query word.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Match {
    Exact,
    Prefix,
    /// With the Jaro-Winkler similarity.
    Typo(f64),
}

impl Match {
    /// Any exact match ranks above any prefix, any prefix above any typo.
    fn tier(self) -> f64 {
        match self {
            Match::Exact => 3.0,
            Match::Prefix => 2.0,
            Match::Typo(_) => 1.0,
        }
    }

    /// Within a tier: how much of the word's rarity counts (below 1, so tiers never mix).
    fn weight(self) -> f64 {
        match self {
            Match::Exact | Match::Prefix => 0.99,
            Match::Typo(s) => 0.99 * s,
        }
    }
}

/// How vocabulary word `w` matches query word `q`, if it does.
fn word_match(q: &str, w: &str) -> Option<Match> {
    if q == w {
        return Some(Match::Exact);
    }
    let qn = q.chars().count();
    if qn >= PREFIX_MIN_CHARS && w.starts_with(q) {
        return Some(Match::Prefix);
    }
    if qn >= TYPO_MIN_CHARS && w.chars().count() >= TYPO_MIN_CHARS {
        let s = strsim::jaro_winkler(q, w);
        if s >= TYPO_SIMILARITY
            && strsim::normalized_damerau_levenshtein(q, w) >= TYPO_EDIT_SIMILARITY
        {
            return Some(Match::Typo(s));
        }
    }
    None
}

/// `text` with the words whose folded form is in `words` marked by `mark` (which gets each
/// word, escaped by `escape`, and returns it marked); everything else escaped. Only a window
/// of about `window` characters around the first marked word is kept, with "…" where cut.
pub fn highlight(
    text: &str,
    words: &HashSet<String>,
    window: usize,
    escape: impl Fn(&str) -> String,
    mark: impl Fn(&str) -> String,
) -> String {
    // Split into runs of word characters and the rest, keeping char offsets.
    let mut pieces: Vec<(bool, &str, usize)> = Vec::new();
    let mut start = 0;
    let mut chars_before = 0;
    let mut in_word = None;
    let mut count = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // An apostrophe inside a word is part of it, as folding reads it ("It’s" is "its"); a
        // closing quote after a word is not.
        let is_word = c.is_alphanumeric()
            || (fold::is_apostrophe(c)
                && in_word == Some(true)
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()));
        match in_word {
            Some(w) if w != is_word => {
                pieces.push((w, &text[start..i], chars_before));
                start = i;
                chars_before = count;
            }
            _ => {}
        }
        in_word = Some(is_word);
        count += 1;
    }
    if let Some(w) = in_word {
        pieces.push((w, &text[start..], chars_before));
    }
    let is_hit =
        |p: &(bool, &str, usize)| p.0 && fold::words(p.1).iter().any(|w| words.contains(w));
    let first_hit = pieces.iter().find(|p| is_hit(p)).map_or(0, |p| p.2);
    let from = first_hit.saturating_sub(window / 3);
    let to = from + window;
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    for p in &pieces {
        let len = p.1.chars().count();
        if p.2 + len <= from || p.2 >= to {
            continue;
        }
        if is_hit(p) {
            out.push_str(&mark(&escape(p.1)));
        } else {
            out.push_str(&escape(p.1));
        }
    }
    if count > to {
        out.push('…');
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bold(text: &str, words: &[&str]) -> String {
        let words: HashSet<String> = words.iter().map(|w| w.to_string()).collect();
        highlight(text, &words, 280, |s| s.to_string(), |w| format!("**{w}**"))
    }

    #[test]
    fn a_word_with_an_apostrophe_is_marked_whole_as_folding_reads_it() {
        assert_eq!(
            bold("It’s critical, O'Neill said.", &["its", "oneill"]),
            "**It’s** critical, **O'Neill** said."
        );
        // A closing quote after a word is not part of it.
        assert_eq!(
            bold("‘the way of the future’ it was", &["future"]),
            "‘the way of the **future**’ it was"
        );
        assert_eq!(bold("Nothing here", &["its"]), "Nothing here");
    }
}
