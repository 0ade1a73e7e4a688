//! The index of one kind of entity (experts, groups or bodies): the keys it answers to
//! (names, aliases, their parts and acronyms) and its entities in name order; every likely
//! entity scored for a query (`scored`), and names ranked for a partial one (`complete`).

use std::collections::HashMap;

use super::complete::{Rank, choice, completion_rank};
use super::decide::{Edits, rank};
use super::entries::Entries;
use super::index::{KeyIndex, KeyIx};
use super::query::{self, Key, Query};
use super::score::{Scored, Tier, score};
use super::{Candidate, Choice, MATCH_THRESHOLD, SHORT_QUERY_CHARS};
use crate::dataset::{Entity, EntityIx, Id, Kind};
use crate::limits;

/// Word prefixes this long are taken when resolving: shorter ones say too little to be worth
/// scoring.
const RESOLVE_WORD_PREFIX: usize = 3;
/// ... and from one letter when completing, where the last word is being typed.
const COMPLETE_WORD_PREFIX: usize = 1;

/// The keys and name order of one kind's entities.
#[derive(Debug, Default)]
pub(super) struct KindIndex {
    /// The kind's entities in name order, for an empty autocomplete.
    by_name: Vec<EntityIx>,
    /// Every name of the kind's entities, ready for scoring.
    keys: KeyIndex,
}

impl KindIndex {
    /// The index of `entities`, all of one kind.
    pub(super) fn new(entities: &[(EntityIx, Entity<'_>)]) -> KindIndex {
        let mut keys = Vec::new();
        for &(ix, e) in entities {
            // Other names come last in `names`; they are keyed apart, to be matched whole.
            let others = e.other_names();
            let mut names = e.names();
            names.truncate(names.len().saturating_sub(others.len()));
            // "Three Coasts Academy (3CA)": the name before the parentheses and the acronym in
            // them are both written names of it.
            let parts: Vec<&str> = names
                .iter()
                .filter_map(|t| query::parenthesised(t))
                .flat_map(|(base, inner)| [base, inner])
                .collect();
            names.extend(parts);
            let mut mine: Vec<Key> = names.iter().map(|t| Key::new(ix, t)).collect();
            mine.extend(names.iter().filter_map(|t| Key::spelled(ix, t)));
            if e.kind() != Kind::Expert {
                let acronyms: Vec<Key> = mine.iter().filter_map(Key::acronym).collect();
                mine.extend(acronyms);
            }
            // No acronym is made of an other name: it answers as press writes it, whole.
            for t in others {
                mine.push(Key::new(ix, t).whole());
                mine.extend(Key::spelled(ix, t).map(Key::whole));
            }
            // Of two keys with one compact form, the written one stays, and of those one that
            // answers to its words too.
            mine.sort_by(|a, b| {
                a.compact
                    .cmp(&b.compact)
                    .then(a.origin.cmp(&b.origin))
                    .then(a.whole_only.cmp(&b.whole_only))
            });
            mine.dedup_by(|a, b| a.compact == b.compact);
            keys.extend(mine.into_iter().filter(|k| !k.compact.is_empty()));
        }
        let mut by_name: Vec<(EntityIx, Entity<'_>)> = entities.to_vec();
        by_name.sort_by_cached_key(|(_, e)| crate::fold::fold(e.name()));
        KindIndex {
            by_name: by_name.into_iter().map(|(ix, _)| ix).collect(),
            keys: KeyIndex::new(keys),
        }
    }

    /// The entities with a name, alias or acronym that `query` is exactly, each once.
    pub(super) fn exactly(&self, query: &Query) -> Vec<EntityIx> {
        self.keys.exactly(query)
    }

    /// Whether `query` is exactly a name or alias the dataset writes for one of them.
    pub(super) fn written_exactly(&self, query: &Query) -> bool {
        self.keys.written_exactly(query)
    }

    /// Every likely entity with its best score, best first.
    pub(super) fn scored(&self, entries: &Entries, query: &Query) -> Vec<Candidate> {
        let mut best: HashMap<EntityIx, (Scored, Option<Edits>)> = HashMap::new();
        for k in self.keys.candidates(query, RESOLVE_WORD_PREFIX) {
            let key = &self.keys[k];
            let Some(mut s) = score(query, key) else {
                continue;
            };
            let short = s.tier == Tier::Fuzzy && query.len() <= SHORT_QUERY_CHARS;
            if short {
                // Never accepted on a fuzzy likeness alone (nor read as a typo); may still be
                // suggested.
                s.score = s.score.min(MATCH_THRESHOLD - 0.01);
            }
            // Edits are counted for likenesses, and for word matches of a query of several
            // words (a name typed whole, which may be a typo of another name); a surname
            // alone matches hundreds of names by a word, and is no typo of any.
            let counted = match s.tier {
                Tier::Fuzzy => !short,
                Tier::Word => query.tokens.len() > 1,
                Tier::Exact => false,
            };
            // Filler words ("Group of Seven") count as the exact forms count them.
            let edits = counted.then(|| {
                let typed = strsim::osa_distance(&query.compact, &key.compact);
                let full = (query.compact_full != query.compact)
                    .then(|| strsim::osa_distance(&query.compact_full, &key.compact));
                Edits {
                    count: full.map_or(typed, |f| typed.min(f)),
                    key_chars: key.compact.chars().count(),
                }
            });
            let slot = best.entry(key.entity).or_insert((s, edits));
            if (s.tier, s.score) > (slot.0.tier, slot.0.score) {
                slot.0 = s;
            }
            slot.1 = match (slot.1, edits) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        let mut out: Vec<Candidate> = best
            .into_iter()
            .map(|(entity, (s, edits))| Candidate {
                edits,
                partial: s.partial,
                ..Candidate::new(entity, &entries[entity], round(s.score), s.tier)
            })
            .collect();
        out.sort_by(rank);
        out
    }

    /// At most 25 choices for the partial `text`, ranked exact, prefix, word prefix,
    /// substring, fuzzy; one per entity, of those `keep` lets through.
    pub(super) fn complete(
        &self,
        entries: &Entries,
        text: &str,
        keep: &dyn Fn(&Id) -> bool,
    ) -> Vec<Choice> {
        let limit = limits::AUTOCOMPLETE_CHOICES;
        let query = Query::new(text);
        if query.is_empty() {
            return self
                .by_name
                .iter()
                .map(|&ix| &entries[ix])
                .filter(|e| keep(&e.id))
                .take(limit)
                .map(|e| choice(e, &e.name))
                .collect();
        }
        // The best rank per entity (lower is better), with the key that earned it.
        let mut best: HashMap<EntityIx, (Rank, KeyIx)> = HashMap::new();
        let candidates = self
            .keys
            .candidates(&query, COMPLETE_WORD_PREFIX)
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
            let key = &self.keys[k];
            let Some(rank) = completion_rank(&query, key) else {
                continue;
            };
            if !keep(&entries[key.entity].id) {
                continue;
            }
            let slot = best.entry(key.entity).or_insert((rank, k));
            if rank < slot.0 {
                *slot = (rank, k);
            }
        }
        let mut ranked: Vec<(Rank, EntityIx, KeyIx)> =
            best.into_iter().map(|(e, (r, k))| (r, e, k)).collect();
        // Entities of one rank and name in the data's order, not the hash map's.
        ranked.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| entries[a.1].name.cmp(&entries[b.1].name))
                .then(a.1.cmp(&b.1))
        });
        ranked
            .into_iter()
            .take(limit)
            .map(|(_, e, k)| choice(&entries[e], &self.keys[k].text))
            .collect()
    }
}

/// Scores are reported to three decimals: more says nothing and makes golden files brittle.
fn round(score: f64) -> f64 {
    ((score * 1000.0).round() / 1000.0).clamp(0.001, 1.0)
}
