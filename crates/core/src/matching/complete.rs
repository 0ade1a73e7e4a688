//! Autocomplete: up to 25 names for what is typed so far, ranked by class (exact, prefix, word
//! prefix, substring, fuzzy), each labelled with the alias that matched and a short context.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::query::{Key, Query};
use super::score::{match_words, score};
use super::{Choice, KindIndex, SUGGEST_THRESHOLD};
use crate::dataset::Id;
use crate::limits;

impl KindIndex {
    pub(super) fn complete(&self, text: &str, keep: &dyn Fn(&Id) -> bool) -> Vec<Choice> {
        let limit = limits::AUTOCOMPLETE_CHOICES;
        if let Some(&i) = self.by_id.get(text.trim()) {
            let e = &self.entries[i as usize];
            if keep(&e.id) {
                return vec![self.choice(i, &e.name)];
            }
        }
        let query = Query::new(text);
        if query.is_empty() {
            return self
                .by_name
                .iter()
                .filter(|&&i| keep(&self.entries[i as usize].id))
                .take(limit)
                .map(|&i| self.choice(i, &self.entries[i as usize].name))
                .collect();
        }
        // (rank, -score) per entry, lower is better, with the key that earned it.
        let mut best: HashMap<u32, (Rank, u32)> = HashMap::new();
        let candidates = self
            .keys
            .candidates(&query, 1)
            .into_iter()
            .chain(self.keys.name_prefix(&query.compact_full))
            .chain(
                query
                    .tokens
                    .last()
                    .into_iter()
                    .flat_map(|t| self.keys.word_prefix(t)),
            );
        for k in candidates {
            let key = &self.keys.keys[k as usize];
            let Some(rank) = completion_rank(&query, key) else {
                continue;
            };
            if !keep(&self.entries[key.entry as usize].id) {
                continue;
            }
            let slot = best.entry(key.entry).or_insert((rank, k));
            if rank < slot.0 {
                *slot = (rank, k);
            }
        }
        let mut ranked: Vec<(Rank, u32, u32)> =
            best.into_iter().map(|(e, (r, k))| (r, e, k)).collect();
        ranked.sort_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| {
                self.entries[a.1 as usize]
                    .name
                    .cmp(&self.entries[b.1 as usize].name)
            })
        });
        ranked
            .into_iter()
            .take(limit)
            .map(|(_, e, k)| self.choice(e, &self.keys.keys[k as usize].text))
            .collect()
    }

    /// "Name — context", or "Name (alias) — context" when an alias matched that is not the
    /// name's own words shortened ("Jose Fernandez" of "Jose W. Fernandez" says nothing new and
    /// would cut the context); at most 100 characters.
    fn choice(&self, entry: u32, matched: &str) -> Choice {
        let e = &self.entries[entry as usize];
        let mut label = e.name.clone();
        let own_words = crate::fold::words(&e.name);
        if !crate::fold::words(matched)
            .iter()
            .all(|w| own_words.contains(w))
        {
            label = format!("{label} ({matched})");
        }
        if !e.context.is_empty() {
            label = format!("{label} — {}", e.context);
        }
        Choice {
            label: limits::cut(&label, limits::CHOICE_NAME_CHARS),
            value: e.id.to_string(),
        }
    }
}

/// Completion order: class first (exact, prefix, word prefix, substring, fuzzy), then the
/// finer score within it (shorter names first for prefixes).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rank(u8, f64);

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

fn completion_rank(query: &Query, key: &Key) -> Option<Rank> {
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
