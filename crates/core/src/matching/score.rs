//! How well a query fits one key: a tier (exact, word, fuzzy) and a score in (0, 1].
//!
//! Tiers keep a fuzzy likeness from outranking a real word match: "filer" is a whole word of
//! "Tanya Filer" and only looks a bit like "Frontier Model Forum", so the first is a word match
//! scored from 0.80 up and the second a fuzzy one scaled down by `FUZZY_SCALE`.

use serde::Serialize;

use super::query::{Key, Query};

/// The best a fuzzy likeness can score, so that a near-perfect typo still ranks below a
/// confident word match of similar coverage.
const FUZZY_SCALE: f64 = 0.92;
/// Word-tier scores run from `WORD_BASE` up with coverage.
const WORD_BASE: f64 = 0.80;
/// Shortest query taken as a prefix of a whole name or a word ("mes" for Meserole).
const MIN_PREFIX_CHARS: usize = 3;

/// How a query fits a name, weakest first: no tier is outranked by a lower one, whatever the
/// scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// A likeness: the query looks like the name (a typo, a misspelling).
    Fuzzy,
    /// The query's words are words of the name, or begin them, or begin the name.
    Word,
    /// The query is the name (folded).
    Exact,
}

/// How well a query fits one key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    /// In (0, 1].
    pub score: f64,
    /// Which kind of fit.
    pub tier: Tier,
    /// A word match through a prefix or an initial: some word of the query is not a whole
    /// word of the name ("Kai Taka" of Kai Takaza).
    pub partial: bool,
}

/// strsim's Jaro-Winkler clamped to (0, 1], so that every candidate's score is a positive
/// number and a perfect likeness is exactly 1.
fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b).clamp(f64::MIN_POSITIVE, 1.0)
}

/// Scores `query` against `key`; `None` when the key cannot be meant (an empty query, or
/// digits in the query that the key lacks: "G20" never becomes G7).
pub fn score(query: &Query, key: &Key) -> Option<Scored> {
    if query.compact.is_empty() || !query.digits.iter().all(|d| key.digits.contains(d)) {
        return None;
    }
    if !initials_agree(query, key) {
        return None;
    }
    if query.compact == key.compact || query.compact_full == key.compact {
        return Some(Scored {
            score: 1.0,
            tier: Tier::Exact,
            partial: false,
        });
    }
    if key.whole_only {
        // An other name answers only whole: "Quad" is not the West Asian Quad.
        return None;
    }
    if let Some((score, partial)) = word_score(query, key) {
        return Some(Scored {
            score,
            tier: Tier::Word,
            partial,
        });
    }
    let whole = similarity(&query.compact, &key.compact);
    let score = whole.max(token_similarity(query, key)) * FUZZY_SCALE;
    Some(Scored {
        score: score.clamp(f64::MIN_POSITIVE, 1.0),
        tier: Tier::Fuzzy,
        partial: false,
    })
}

/// A name typed with an initial ("V. Lévesque") means someone whose name has a word starting
/// with that letter: Anaïs Lévesque is not a typo of it. Only for a query that also has a word
/// of two letters or more, so that "g 7" and "i 2 u 2" (folded acronyms) are left alone.
fn initials_agree(query: &Query, key: &Key) -> bool {
    let is_initial = |t: &String| t.chars().count() == 1 && t.chars().all(char::is_alphabetic);
    let has_word = query
        .tokens
        .iter()
        .any(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    !has_word
        || query
            .tokens
            .iter()
            .filter(|t| is_initial(t))
            .all(|i| key.tokens.iter().any(|k| k.starts_with(i.as_str())))
}

/// The word tier: the query is a prefix of the whole name, or each query word is a whole word
/// of the name, a prefix of one (3+ letters), or an initial ("T. Filer") beside a whole word.
/// With the score: whether it was reached through a prefix or an initial.
fn word_score(query: &Query, key: &Key) -> Option<(f64, bool)> {
    let qlen = query.compact.chars().count();
    let klen = key.compact.chars().count().max(1);
    let coverage = |matched: usize| (matched as f64 / klen as f64).min(1.0);
    if qlen >= MIN_PREFIX_CHARS && key.compact.starts_with(&query.compact) {
        return Some((WORD_BASE + 0.08 + 0.1 * coverage(qlen), true));
    }
    let words = match_words(&query.tokens, &key.tokens, MIN_PREFIX_CHARS)?;
    let cov = coverage(words.chars);
    if words.whole > 0 {
        let all_whole = words.whole == query.tokens.len();
        let score = (WORD_BASE + 0.15 * cov + if all_whole { 0.03 } else { 0.0 }).min(0.99);
        Some((score, !all_whole))
    } else if words.initials == 0 {
        // Prefixes of 3+ letters only ("weis", "meserol").
        Some((WORD_BASE + 0.02 + 0.12 * cov, true))
    } else {
        // An initial needs a whole word beside it: "t f" says too little.
        None
    }
}

/// How a query's words pair with a key's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordMatch {
    /// Characters of the query matched.
    pub chars: usize,
    /// Query words equal to a key word of two or more letters. A lone letter ("w" of
    /// "Jose W. Fernandez") is only an initial, however it is typed.
    pub whole: usize,
    /// One-letter query words.
    pub initials: usize,
}

/// Pairs each query word with a distinct key word it equals, begins (at least `min_prefix`
/// characters), or is the initial of; `None` when a query word has no partner.
pub fn match_words(query: &[String], key: &[String], min_prefix: usize) -> Option<WordMatch> {
    // The key's words not yet paired with a query word.
    let mut free: Vec<Option<&String>> = key.iter().map(Some).collect();
    let mut result = WordMatch {
        chars: 0,
        whole: 0,
        initials: 0,
    };
    // Whole words first, so that "chris meserole" does not spend "chris" on a prefix.
    let mut order: Vec<&String> = query.iter().collect();
    order.sort_by_key(|q| std::cmp::Reverse(q.len()));
    for q in order {
        let qn = q.chars().count();
        let first_free =
            |fits: &dyn Fn(&String) -> bool| free.iter().position(|k| k.is_some_and(fits));
        let pick = first_free(&|k| k == q).map(|j| (j, true)).or_else(|| {
            first_free(&|k| k.starts_with(q.as_str()) && (qn >= min_prefix || qn == 1))
                .map(|j| (j, false))
        });
        let (j, equal) = pick?;
        if let Some(slot) = free.get_mut(j) {
            *slot = None;
        }
        result.chars += qn;
        if qn == 1 {
            result.initials += 1;
        } else if equal {
            result.whole += 1;
        }
    }
    Some(result)
}

/// Each query word against its most similar key word, weighted by the query word's length.
fn token_similarity(query: &Query, key: &Key) -> f64 {
    let mut total = 0.0;
    let mut weight = 0.0;
    for q in &query.tokens {
        let best = key
            .tokens
            .iter()
            .map(|k| similarity(q, k))
            .fold(0.0_f64, f64::max);
        let w = q.chars().count() as f64;
        total += best * w;
        weight += w;
    }
    if weight == 0.0 { 0.0 } else { total / weight }
}
