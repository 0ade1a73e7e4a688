//! Resolving loosely typed names to experts and groups, and completing partial ones.
//!
//! `resolve` scores every likely key of one kind (names, aliases, acronyms, and for experts the
//! names of their organisations), keeps each entity's best, ranks them by tier, then (for
//! likenesses within a typo's reach) edits, then score, and `decide`s: one confident answer,
//! several close ones, or none. A name written for an entity of
//! another kind is never answered by likeness, and plural or possessive endings are forgiven.
//! `complete` ranks names for Discord's autocomplete. Both pick candidates through an index
//! first, so their cost does not grow with the size of the dataset.
//!
//! The modules, one type each: `Matcher` here; `entries` (`Entries`: each entity by its
//! `EntityIx`, as candidates and labels show it), `kind` (`KindIndex`: one kind's keys, scored
//! and completed), `index` (`KeyIndex`: the candidate index of keys, by `KeyIx`), `query`
//! (`Query`, `Key`), `score` (a key's tier and score), `complete` (completion order and
//! labels), `decide` (the outcome), `staff` (people through their organisations), `persons`
//! (people through a name beside a role, a role's words, or a short form of a first name),
//! `diminutives` (the table of short forms of first names, ours).

mod complete;
mod decide;
mod diminutives;
mod entries;
mod index;
mod kind;
mod persons;
mod query;
mod score;
mod staff;

use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::{Dataset, Entity, EntityIx, Id, Kind};

use decide::rank;
pub use decide::{Edits, decide};
use entries::{Entries, Entry};
use kind::KindIndex;
use persons::Persons;
pub use persons::{
    LOOSE_NAME_AND_ROLE_SCORE, NAME_AND_ROLE_SCORE, ROLE_WORDS_SCORE, SHORT_FORM_SCORE,
};
use query::Query;
pub(crate) use query::parenthesised;
pub use score::Tier;
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

/// What a name resolved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// One entity, confidently: the first candidate.
    Match,
    /// Several close candidates: which one is a question.
    Ambiguous,
    /// Nothing close enough; the candidates are suggestions.
    None,
}

/// One scored entity.
#[derive(Clone, Debug, Serialize)]
pub struct Candidate {
    /// The entity's id.
    pub id: Id,
    /// The entity, in the dataset the matcher was built from.
    #[serde(skip)]
    pub entity: EntityIx,
    /// The entity's name.
    pub name: String,
    /// How well the query fits its best key, in (0, 1], to three decimals.
    pub score: f64,
    /// How it fits: exactly, by words, or by likeness.
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

/// What a query resolved to; serialises to the JSON of `minilateral match` (docs/commands.md).
#[derive(Clone, Debug, Serialize)]
pub struct Resolution {
    /// The text resolved, as typed.
    pub query: String,
    /// Whether it is one entity, several, or none.
    pub outcome: Outcome,
    /// The matched entity's id, for `Outcome::Match`.
    pub id: Option<Id>,
    /// The matched entity's name, for `Outcome::Match`.
    pub name: Option<String>,
    /// The matched candidate's score, for `Outcome::Match`.
    pub score: Option<f64>,
    /// The match first, the close candidates, or the suggestions: by `Outcome`.
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
    /// What the menu shows.
    pub label: String,
    /// What comes back when it is chosen.
    pub value: String,
}

/// Words that only join others: a query of nothing else names nothing.
const JOINING_WORDS: &[&str] = &[
    "of", "and", "for", "in", "on", "at", "to", "with", "by", "from", "the", "a", "an", "or",
];

/// Resolves names of every kind of one dataset. Built once per dataset (it is part of what a
/// reload swaps).
#[derive(Debug)]
pub struct Matcher {
    /// Every entity, as candidates and labels show it.
    entries: Entries,
    /// The keys of each kind that has entities.
    kinds: HashMap<Kind, KindIndex>,
    /// For each organisation (a body), the experts with a role there and that role as labels
    /// say it: `/expert ODI` finds the people of ODI without an expert key per role.
    staff: Staff,
    /// Each expert's name and role words: a name beside a role, a role's words alone, a
    /// short form of a first name beside the surname.
    persons: Persons,
}

impl Matcher {
    /// The matcher of `dataset`'s experts, groups and bodies.
    pub fn new(dataset: &Dataset) -> Matcher {
        let mut grouped: HashMap<Kind, Vec<(EntityIx, Entity<'_>)>> = HashMap::new();
        for (ix, e) in dataset.entities_indexed() {
            grouped.entry(e.kind()).or_default().push((ix, e));
        }
        let kinds: HashMap<Kind, KindIndex> = grouped
            .into_iter()
            .map(|(kind, entities)| (kind, KindIndex::new(&entities)))
            .collect();
        Matcher {
            entries: Entries::new(dataset),
            kinds,
            staff: Staff::new(dataset),
            persons: Persons::new(dataset),
        }
    }

    /// The experts of the organisations `query` names exactly, each found through its role: a
    /// word match, so that a person's own name typed exactly always comes first.
    fn through_roles(&self, query: &Query) -> Vec<Candidate> {
        let (Some(_), Some(bodies)) = (self.kinds.get(&Kind::Expert), self.kinds.get(&Kind::Body))
        else {
            return Vec::new();
        };
        let mut out: Vec<Candidate> = Vec::new();
        for org in bodies.exactly(query) {
            for (person, via) in self.staff.of(org) {
                if out.iter().any(|c| c.entity == *person) {
                    continue;
                }
                out.push(Candidate {
                    via: Some(via.clone()),
                    ..Candidate::new(*person, &self.entries[*person], ROLE_SCORE, Tier::Word)
                });
            }
        }
        out
    }

    /// The entity of `kind` whose id `text` is: autocomplete hands ids back as values.
    fn with_id(&self, kind: Kind, text: &str) -> Option<EntityIx> {
        self.entries.with_id(kind, text.trim())
    }

    /// The one entity of `kind` whose id, name or alias `text` is exactly (folded), without
    /// scoring anything: what `resolve` answers at its exact tier, for callers that need only
    /// that (`/overlap` tries every run of words as a name).
    pub fn exact(&self, kind: Kind, text: &str) -> Option<&Id> {
        let index = self.kinds.get(&kind)?;
        if let Some(ix) = self.with_id(kind, text) {
            return Some(&self.entries[ix].id);
        }
        match index.exactly(&Query::new(text)).as_slice() {
            [one] => Some(&self.entries[*one].id),
            _ => None,
        }
    }

    /// Whether the folded first name `typed` is a short form of the first name `name` or the
    /// other way round, by the table of diminutives ("tony" and "antonio"; ours).
    pub fn is_short_form(&self, typed: &str, name: &str) -> bool {
        self.persons.is_short_form(typed, name)
    }

    /// How `text` resolves among entities of `kind`.
    pub fn resolve(&self, kind: Kind, text: &str) -> Resolution {
        let Some(index) = self.kinds.get(&kind) else {
            return decide(text, Vec::new());
        };
        // An id handed back by autocomplete resolves exactly.
        if let Some(ix) = self.with_id(kind, text) {
            let c = Candidate::new(ix, &self.entries[ix], 1.0, Tier::Exact);
            return self.with_context(decide(text, vec![c]));
        }
        let query = Query::new(text);
        // Words that only join others name nothing, though names hold them ("of" of "Group of
        // Seven").
        if query
            .tokens
            .iter()
            .all(|t| JOINING_WORDS.contains(&t.as_str()))
        {
            return decide(text, Vec::new());
        }
        let mut candidates = index.scored(&self.entries, &query);
        if kind == Kind::Expert {
            for c in self.through_roles(&query) {
                merge(&mut candidates, c);
            }
            for c in self.persons.scored(&self.entries, &query) {
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
            for mut c in index.scored(&self.entries, &singular) {
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
        self.with_context(decide(text, candidates))
    }

    /// `r` with each kept candidate's context, copied only now: scoring makes hundreds of
    /// candidates, a resolution keeps at most `MAX_CANDIDATES`.
    fn with_context(&self, mut r: Resolution) -> Resolution {
        for c in &mut r.candidates {
            c.context.clone_from(&self.entries[c.entity].context);
        }
        r
    }

    /// Whether `query` is exactly a written name or alias of an entity of another kind.
    fn named_elsewhere(&self, kind: Kind, query: &Query) -> bool {
        self.kinds
            .iter()
            .any(|(k, index)| *k != kind && index.written_exactly(query))
    }

    /// Autocomplete: at most 25 choices of `kind` for the partial `text`, ranked exact, prefix,
    /// word prefix, substring, fuzzy; one per entity. `keep` limits the entities offered (for
    /// `/wish`, experts with wishes that year).
    pub fn complete(&self, kind: Kind, text: &str, keep: &dyn Fn(&Id) -> bool) -> Vec<Choice> {
        let Some(index) = self.kinds.get(&kind) else {
            return Vec::new();
        };
        if let Some(ix) = self.with_id(kind, text) {
            let e = &self.entries[ix];
            if keep(&e.id) {
                return vec![complete::choice(e, &e.name)];
            }
        }
        index.complete(&self.entries, text, keep)
    }
}

impl Candidate {
    /// `entity`, shown as `entry`, scored `score` at `tier`: a whole-word or exact fit, with
    /// no edits, role or context yet.
    fn new(entity: EntityIx, entry: &Entry, score: f64, tier: Tier) -> Candidate {
        Candidate {
            id: entry.id.clone(),
            entity,
            name: entry.name.clone(),
            score,
            tier,
            edits: None,
            partial: false,
            via: None,
            context: String::new(),
        }
    }
}

/// Adds `c` to `candidates`, or puts it in place of the same entity's candidate if it ranks
/// higher.
fn merge(candidates: &mut Vec<Candidate>, c: Candidate) {
    match candidates.iter_mut().find(|o| o.entity == c.entity) {
        Some(o) if (c.tier, c.score) > (o.tier, o.score) => *o = c,
        Some(_) => {}
        None => candidates.push(c),
    }
}
