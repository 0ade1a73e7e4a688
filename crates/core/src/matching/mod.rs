//! Resolving loosely typed names to experts and groups, and completing partial ones.
//!
//! `resolve` scores every likely key of one kind (names, aliases, acronyms, and for experts the
//! names of their organisations), keeps each entity's best, ranks them by tier, then (for
//! likenesses within a typo's reach) edits, then score, and `decide`s: one confident answer,
//! several close ones, or none. A name written for an entity of
//! another kind is never answered by likeness, and plural or possessive endings are forgiven.
//! `complete` (in `complete`) ranks names for Discord's autocomplete. Both pick candidates
//! through an index first, so their cost does not grow with the size of the dataset.

mod complete;
mod decide;
mod index;
pub mod query;
pub mod score;
mod staff;

use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::{Dataset, Entity, Id, Kind};
use crate::people::{self, Standing};

use decide::rank;
pub use decide::{Edits, decide};
use index::KeyIndex;
use query::Key;
pub use query::Query;
pub use score::Tier;
use score::{Scored, score};
use staff::Staff;
pub use staff::Via;

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
/// What a person scores when the query is exactly the name of their organisation: a word match,
/// confident enough to answer when they are the only one there.
pub const ROLE_SCORE: f64 = 0.90;
/// What a name scores when typed with a plural or possessive ending ("G7s", "Filer's").
pub const SINGULAR_SCORE: f64 = 0.97;
/// At most this many candidates are listed in a resolution (and offered as buttons by "which
/// one did you mean"): at 100k people a surname alone is borne by dozens, and a question that
/// cannot offer the one meant is no help. Twenty is four rows of buttons.
pub const MAX_CANDIDATES: usize = 20;
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
    /// For a likeness (and a word match of a query of several words): the fewest edits from
    /// the query to one of its names. A typo is one or two edits from the name meant and
    /// usually more from every other, which a likeness score does not show as plainly. `None`
    /// where a typo must not be read: a query too short, or a name of another kind.
    #[serde(skip)]
    pub edits: Option<Edits>,
    /// A word match through a prefix or an initial, not every word whole.
    #[serde(skip)]
    pub partial: bool,
    /// The role it was found through, when the query named the person's organisation.
    #[serde(skip)]
    pub via: Option<Via>,
    /// A short context (an expert's current role, a group's full name) that tells two
    /// candidates of one name apart; filled for the few candidates a resolution keeps.
    #[serde(skip)]
    pub context: String,
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
    /// For each organisation (a body's entry), the experts with a role there and that role as
    /// labels say it: `/expert ODI` finds the people of ODI without an expert key per role.
    staff: Staff,
}

impl Matcher {
    pub fn new(dataset: &Dataset) -> Matcher {
        let mut grouped: HashMap<Kind, Vec<Entity<'_>>> = HashMap::new();
        for e in dataset.entities() {
            grouped.entry(e.kind()).or_default().push(e);
        }
        let kinds: HashMap<Kind, KindIndex> = grouped
            .into_iter()
            .map(|(kind, entities)| (kind, KindIndex::new(dataset, &entities)))
            .collect();
        let staff = match (kinds.get(&Kind::Expert), kinds.get(&Kind::Body)) {
            (Some(experts), Some(bodies)) => Staff::new(dataset, experts, bodies),
            _ => Staff::default(),
        };
        Matcher { kinds, staff }
    }

    /// The experts of the organisations `query` names exactly, each found through its role: a
    /// word match, so that a person's own name typed exactly always comes first.
    fn through_roles(&self, query: &Query) -> Vec<Candidate> {
        let (Some(experts), Some(bodies)) =
            (self.kinds.get(&Kind::Expert), self.kinds.get(&Kind::Body))
        else {
            return Vec::new();
        };
        let mut out: Vec<Candidate> = Vec::new();
        for org in bodies.keys.exactly(query) {
            for (entry, via) in self.staff.of(org) {
                let e = &experts.entries[*entry as usize];
                if out.iter().any(|c| c.id == e.id) {
                    continue;
                }
                out.push(Candidate {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    score: ROLE_SCORE,
                    tier: Tier::Word,
                    edits: None,
                    partial: false,
                    via: Some(via.clone()),
                    context: String::new(),
                });
            }
        }
        out
    }

    /// How `text` resolves among entities of `kind`.
    /// The one entity of `kind` whose id, name or alias `text` is exactly (folded), without
    /// scoring anything: what `resolve` answers at its exact tier, for callers that need only
    /// that (`/overlap` tries every run of words as a name).
    pub fn exact(&self, kind: Kind, text: &str) -> Option<&Id> {
        let index = self.kinds.get(&kind)?;
        if let Some(&i) = index.by_id.get(text.trim()) {
            return index.entries.get(i as usize).map(|e| &e.id);
        }
        match index.keys.exactly(&Query::new(text)).as_slice() {
            [one] => index.entries.get(*one as usize).map(|e| &e.id),
            _ => None,
        }
    }

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
                edits: None,
                partial: false,
                via: None,
                context: String::new(),
            };
            return index.with_context(decide(text, vec![c]));
        }
        let query = Query::new(text);
        let mut candidates = index.scored(&query);
        if kind == Kind::Expert {
            for c in self.through_roles(&query) {
                merge(&mut candidates, c);
            }
            candidates.sort_by(rank);
        }
        // Only a likeness can be bettered by the singular form: an exact name or a word of
        // one is what was typed. (Scoring twice costs time on every query ending in "s".)
        let guessed = candidates.first().is_none_or(|c| c.tier == Tier::Fuzzy);
        if let Some(singular) = guessed.then(|| query.singular()).flatten() {
            // "g7s", "Filer's": the name without its ending, as a word match at best (the
            // reply says what it took the words for).
            for mut c in index.scored(&singular) {
                if c.tier == Tier::Exact {
                    (c.tier, c.score) = (Tier::Word, SINGULAR_SCORE);
                }
                // Edits from another query than the one typed are not compared with it.
                c.edits = None;
                merge(&mut candidates, c);
            }
            candidates.sort_by(rank);
        }
        let exact = candidates.first().is_some_and(|c| c.tier == Tier::Exact);
        // A person found through their organisation is meant to be found by its name.
        let via_role = candidates.first().is_some_and(|c| c.via.is_some());
        if !exact && !via_role && self.named_elsewhere(kind, &query) {
            // "BRI" is the Belt and Road Initiative's name: it must not become BRICS by
            // likeness. The candidates stay as suggestions; the answer says what BRI is.
            for c in &mut candidates {
                c.score = c.score.min(MATCH_THRESHOLD - 0.01);
                // Nor as a typo.
                c.edits = None;
            }
        }
        index.with_context(decide(text, candidates))
    }

    /// Whether `query` is exactly a written name or alias of an entity of another kind.
    fn named_elsewhere(&self, kind: Kind, query: &Query) -> bool {
        self.kinds
            .iter()
            .any(|(k, index)| *k != kind && index.keys.written_exactly(query))
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
            let mut names = e.names();
            // "Three Coasts Academy (3CA)": the name before the parentheses and the acronym in
            // them are both written names of it.
            let parts: Vec<&str> = names
                .iter()
                .filter_map(|t| query::parenthesised(t))
                .flat_map(|(base, inner)| [base, inner])
                .collect();
            names.extend(parts);
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

    /// `r` with each kept candidate's context, copied only now: scoring makes hundreds of
    /// candidates, a resolution keeps at most `MAX_CANDIDATES`.
    fn with_context(&self, mut r: Resolution) -> Resolution {
        for c in &mut r.candidates {
            if let Some(&i) = self.by_id.get(&c.id) {
                c.context.clone_from(&self.entries[i as usize].context);
            }
        }
        r
    }

    /// Every likely entity with its best score, best first.
    fn scored(&self, query: &Query) -> Vec<Candidate> {
        let mut best: HashMap<u32, (Scored, Option<Edits>)> = HashMap::new();
        for k in self.keys.candidates(query, 3) {
            let key = &self.keys.keys[k as usize];
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
            let slot = best.entry(key.entry).or_insert((s, edits));
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
            .map(|(entry, (s, edits))| {
                let e = &self.entries[entry as usize];
                Candidate {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    score: round(s.score),
                    tier: s.tier,
                    edits,
                    partial: s.partial,
                    via: None,
                    context: String::new(),
                }
            })
            .collect();
        out.sort_by(rank);
        out
    }
}

/// Adds `c` to `candidates`, or puts it in place of the same entity's candidate if it ranks
/// higher.
fn merge(candidates: &mut Vec<Candidate>, c: Candidate) {
    match candidates.iter_mut().find(|o| o.id == c.id) {
        Some(o) if (c.tier, c.score) > (o.tier, o.score) => *o = c,
        Some(_) => {}
        None => candidates.push(c),
    }
}

/// Scores are reported to three decimals: more says nothing and makes golden files brittle.
fn round(score: f64) -> f64 {
    ((score * 1000.0).round() / 1000.0).clamp(0.001, 1.0)
}

/// A short context for labels: an expert's current role in the article's words (after
/// "quoted in the article" for someone off its panel, first so that a cut label keeps it), a
/// group's full name, a body's kind.
fn context(dataset: &Dataset, entity: Entity<'_>) -> String {
    match entity {
        Entity::Expert(e) => {
            let role = e.roles.iter().find(|r| r.current).or(e.roles.first());
            let role = role.map(|r| people::role(dataset, r));
            match (Standing::of(e), role) {
                (Standing::Panel, role) => role.unwrap_or_default(),
                (quoted, None) => quoted.word().to_string(),
                (quoted, Some(role)) => format!("{}: {role}", quoted.word()),
            }
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
