//! Autocomplete's order and labels: a key's class for what is typed so far (exact, prefix, word
//! prefix, substring, fuzzy) and a choice's label, with the alias that matched and a short
//! context.

use std::cmp::Ordering;

use super::entries::Entry;
use super::query::{Key, Query};
use super::score::{match_words, score};
use super::{Choice, SUGGEST_THRESHOLD};
use crate::limits;

/// Completion order: class first (exact, prefix, word prefix, substring, fuzzy), then the
/// finer score within it (shorter names first for prefixes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rank(u8, f64);

impl Eq for Rank {}

impl PartialOrd for Rank {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rank {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .cmp(&other.0)
            .then_with(|| self.1.partial_cmp(&other.1).unwrap_or(Ordering::Equal))
    }
}

/// How `key` completes `query`; `None` when it does not.
pub(super) fn completion_rank(query: &Query, key: &Key) -> Option<Rank> {
    let q = &query.compact;
    let klen = key.compact.chars().count() as f64;
    if key.compact == *q || key.compact == query.compact_full {
        return Some(Rank(0, 0.0));
    }
    if key.compact.starts_with(q.as_str()) || key.compact.starts_with(query.compact_full.as_str()) {
        return Some(Rank(1, klen));
    }
    if match_words(&query.tokens, &key.tokens, 1).is_some() {
        return Some(Rank(2, klen));
    }
    if key.compact.contains(q.as_str()) {
        return Some(Rank(3, klen));
    }
    let s = score(query, key)?;
    (s.score >= SUGGEST_THRESHOLD && query.len() > 1).then_some(Rank(4, -s.score))
}

/// The choice of `entry`: "Name — context", or "Name (alias) — context" when an alias matched
/// that is not the name's own words shortened ("Jose Fernandez" of "Jose W. Fernandez" says
/// nothing new and would cut the context); at most 100 characters.
pub(super) fn choice(entry: &Entry, matched: &str) -> Choice {
    let mut label = entry.name.clone();
    let own_words = crate::fold::words(&entry.name);
    if !crate::fold::words(matched)
        .iter()
        .all(|w| own_words.contains(w))
    {
        label = format!("{label} ({matched})");
    }
    if !entry.context.is_empty() {
        label = format!("{label} — {}", entry.context);
    }
    Choice {
        label: limits::cut(&label, limits::CHOICE_NAME_CHARS),
        value: entry.id.to_string(),
    }
}
