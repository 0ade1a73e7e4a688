//! Resolving loosely typed names to experts and groups, and completing partial ones.
//!
//! `resolve` scores every likely key of one kind, keeps each entity's best, and `decide`s:
//! one confident answer, several close ones, or none. `complete` ranks names for Discord's
//! autocomplete. Both pick candidates through an index first, so their cost does not grow
//! with the size of the dataset.

mod index;
pub mod query;
pub mod score;

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::{Dataset, Entity, Id, Kind};
use crate::limits;
use index::KeyIndex;
use query::Key;
pub use query::Query;
pub use score::Tier;
use score::{Scored, match_words, score};

/// A best score at least this high can be a match. Calibrated on `tests/fixtures/queries.tsv`
/// (`match KIND --batch` prints every score): the lowest right answer there is "anthony weiss"
/// at 0.848 (a fuzzy likeness of two words); the highest wrong one is a short query's fuzzy
/// likeness capped at 0.83 ("w", "seven"), then "ann" at 0.78.
pub const MATCH_THRESHOLD: f64 = 0.84;
/// ... and must lead the runner-up by this much; closer than that is ambiguous. A typo scores
/// about 0.03 below its exact form, so two real candidates closer than 0.05 cannot be told apart.
pub const MARGIN: f64 = 0.05;
/// Candidates at least this close are offered as "did you mean" suggestions. Below it the
/// likeness is chance (random surname pairs score 0.55–0.70 in Jaro-Winkler).
pub const SUGGEST_THRESHOLD: f64 = 0.72;
/// At most this many candidates are listed in a resolution.
pub const MAX_CANDIDATES: usize = 5;
/// At most this many suggestions come with a `none`.
pub const MAX_SUGGESTIONS: usize = 3;
/// Queries this short are never matched on a fuzzy likeness alone ("G8", "ODA").
pub const SHORT_QUERY_CHARS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Match,
    Ambiguous,
    None,
}

/// One scored entity.
#[derive(Clone, Debug, Serialize)]
pub struct Candidate {
    pub id: Id,
    pub name: String,
    pub score: f64,
    #[serde(skip)]
    pub tier: Tier,
}

/// What a query resolved to; serialises to the JSON of `minilateral match` (the README).
#[derive(Clone, Debug, Serialize)]
pub struct Resolution {
    pub query: String,
    pub outcome: Outcome,
    pub id: Option<Id>,
    pub name: Option<String>,
    pub score: Option<f64>,
    pub candidates: Vec<Candidate>,
}

impl Resolution {
    /// The matched candidate, for `Outcome::Match`.
    pub fn best(&self) -> Option<&Candidate> {
        match self.outcome {
            Outcome::Match => self.candidates.first(),
            _ => None,
        }
    }
}

/// One autocomplete choice: a label for people and the entity id as the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub label: String,
    pub value: String,
}

/// One entity of a kind as the matcher knows it.
#[derive(Debug)]
struct Entry {
    id: Id,
    name: String,
    /// Context for labels: "CEO, ODI".
    context: String,
}

/// The index of one kind.
#[derive(Debug, Default)]
struct KindIndex {
    entries: Vec<Entry>,
    by_id: HashMap<Id, u32>,
    /// Entries in name order, for an empty autocomplete.
    by_name: Vec<u32>,
    keys: KeyIndex,
}

/// Resolves names of every kind of one dataset. Built once per dataset (it is part of what a
/// reload swaps).
#[derive(Debug)]
pub struct Matcher {
    kinds: HashMap<Kind, KindIndex>,
}

impl Matcher {
    pub fn new(dataset: &Dataset) -> Matcher {
        let mut grouped: HashMap<Kind, Vec<Entity<'_>>> = HashMap::new();
        for e in dataset.entities() {
            grouped.entry(e.kind()).or_default().push(e);
        }
        let kinds = grouped
            .into_iter()
            .map(|(kind, entities)| (kind, KindIndex::new(dataset, &entities)))
            .collect();
        Matcher { kinds }
    }

    /// How `text` resolves among entities of `kind`.
    pub fn resolve(&self, kind: Kind, text: &str) -> Resolution {
        let Some(index) = self.kinds.get(&kind) else {
            return decide(text, Vec::new());
        };
        // An id handed back by autocomplete resolves exactly.
        if let Some(&i) = index.by_id.get(text.trim()) {
            let e = &index.entries[i as usize];
            let c = Candidate {
                id: e.id.clone(),
                name: e.name.clone(),
                score: 1.0,
                tier: Tier::Exact,
            };
            return decide(text, vec![c]);
        }
        decide(text, index.scored(&Query::new(text)))
    }

    /// Autocomplete: at most 25 choices of `kind` for the partial `text`, ranked exact, prefix,
    /// word prefix, substring, fuzzy; one per entity. `keep` limits the entities offered (for
    /// `/wish`, experts with wishes that year).
    pub fn complete(&self, kind: Kind, text: &str, keep: &dyn Fn(&Id) -> bool) -> Vec<Choice> {
        let Some(index) = self.kinds.get(&kind) else {
            return Vec::new();
        };
        index.complete(text, keep)
    }
}

impl KindIndex {
    fn new(dataset: &Dataset, entities: &[Entity<'_>]) -> KindIndex {
        let mut entries = Vec::with_capacity(entities.len());
        let mut keys = Vec::new();
        let mut by_id = HashMap::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            let n = i as u32;
            by_id.insert(e.id().clone(), n);
            let names = e.names();
            let mut mine: Vec<Key> = names.iter().map(|t| Key::new(n, t, false)).collect();
            mine.extend(names.iter().filter_map(|t| Key::spelled(n, t)));
            if e.kind() != Kind::Expert {
                let acronyms: Vec<Key> = mine.iter().filter_map(Key::acronym).collect();
                mine.extend(acronyms);
            }
            mine.sort_by(|a, b| a.compact.cmp(&b.compact).then(a.derived.cmp(&b.derived)));
            mine.dedup_by(|a, b| a.compact == b.compact);
            keys.extend(mine.into_iter().filter(|k| !k.compact.is_empty()));
            entries.push(Entry {
                id: e.id().clone(),
                name: e.name().to_string(),
                context: context(dataset, *e),
            });
        }
        let mut by_name: Vec<u32> = (0..entries.len() as u32).collect();
        by_name.sort_by_cached_key(|&i| crate::fold::fold(&entries[i as usize].name));
        KindIndex {
            entries,
            by_id,
            by_name,
            keys: KeyIndex::new(keys),
        }
    }

    /// Every likely entity with its best score, best first.
    fn scored(&self, query: &Query) -> Vec<Candidate> {
        let mut best: HashMap<u32, Scored> = HashMap::new();
        for k in self.keys.candidates(query, 3) {
            let key = &self.keys.keys[k as usize];
            let Some(mut s) = score(query, key) else {
                continue;
            };
            if s.tier == Tier::Fuzzy && query.len() <= SHORT_QUERY_CHARS {
                // Never accepted on a fuzzy likeness alone; may still be suggested.
                s.score = s.score.min(MATCH_THRESHOLD - 0.01);
            }
            let slot = best.entry(key.entry).or_insert(s);
            if s.score > slot.score {
                *slot = s;
            }
        }
        let mut out: Vec<Candidate> = best
            .into_iter()
            .map(|(entry, s)| {
                let e = &self.entries[entry as usize];
                Candidate {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    score: round(s.score),
                    tier: s.tier,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(Ordering::Equal)
                .then_with(|| a.name.cmp(&b.name))
        });
        out
    }

    fn complete(&self, text: &str, keep: &dyn Fn(&Id) -> bool) -> Vec<Choice> {
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

    /// "Name — context", or "Name (alias) — context" when an alias matched; at most 100
    /// characters.
    fn choice(&self, entry: u32, matched: &str) -> Choice {
        let e = &self.entries[entry as usize];
        let mut label = e.name.clone();
        if matched != e.name {
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

/// Decides the outcome from candidates sorted best first.
pub fn decide(text: &str, mut candidates: Vec<Candidate>) -> Resolution {
    let first = candidates.first().map(|c| c.score).unwrap_or(0.0);
    let second = candidates.get(1).map(|c| c.score).unwrap_or(0.0);
    let outcome = if first >= MATCH_THRESHOLD && first - second >= MARGIN {
        Outcome::Match
    } else if first >= MATCH_THRESHOLD {
        Outcome::Ambiguous
    } else {
        Outcome::None
    };
    match outcome {
        Outcome::Match => candidates.truncate(MAX_CANDIDATES),
        Outcome::Ambiguous => {
            candidates.retain(|c| first - c.score < MARGIN * 2.0);
            candidates.truncate(MAX_CANDIDATES);
        }
        Outcome::None => {
            candidates.retain(|c| c.score >= SUGGEST_THRESHOLD);
            candidates.truncate(MAX_SUGGESTIONS);
        }
    }
    let best = (outcome == Outcome::Match).then(|| &candidates[0]);
    Resolution {
        query: text.to_string(),
        outcome,
        id: best.map(|c| c.id.clone()),
        name: best.map(|c| c.name.clone()),
        score: best.map(|c| c.score),
        candidates,
    }
}

/// Scores are reported to three decimals: more says nothing and makes golden files brittle.
fn round(score: f64) -> f64 {
    ((score * 1000.0).round() / 1000.0).clamp(0.001, 1.0)
}

/// A short context for labels: an expert's current role, a group's full name, a body's kind.
fn context(dataset: &Dataset, entity: Entity<'_>) -> String {
    match entity {
        Entity::Expert(e) => {
            let role = e.roles.iter().find(|r| r.current).or(e.roles.first());
            role.map(|r| {
                let org = dataset
                    .body(r.organisation.as_str())
                    .map_or(r.organisation.as_str(), |b| b.name.as_str());
                let former = if r.current { "" } else { "former " };
                format!("{former}{}, {org}", r.title)
            })
            .unwrap_or_default()
        }
        Entity::Group(g) => g
            .full_name
            .as_ref()
            .filter(|f| **f != g.name)
            .cloned()
            .unwrap_or_default(),
        Entity::Body(b) => b.full_name.clone().unwrap_or_else(|| b.kind.clone()),
    }
}
