//! Everything the answers need, built once per dataset: the dataset, the name matcher, the
//! search index and the names messages are scanned for. Front ends share it as `Arc<Knowledge>`; a reload builds a new one. Names
//! resolve here to the entities themselves (`&Expert`, `&Group`), so no answer looks an id up
//! again.

use crate::articles::Articles;
use crate::countries::Countries;
use crate::dataset::{Body, Dataset, EntityIx, EntityOf, Expert, Group, Kind};
use crate::holders::Holders;
use crate::matching::{Candidate, Matcher, Outcome};
use crate::mentions::Mentions;
use crate::search::SearchIndex;

/// What every answer reads: a dataset and the indexes built from it, once.
#[derive(Debug)]
pub struct Knowledge {
    /// The dataset, as loaded and checked.
    pub dataset: Dataset,
    /// The articles by title, newest first.
    pub articles: Articles,
    /// The names of experts, groups and bodies, to match what is typed.
    pub matcher: Matcher,
    /// What was said, to search.
    pub search: SearchIndex,
    /// The names a message is scanned for (the message command).
    pub mentions: Mentions,
    /// The countries of the groups' member lists (`/country`).
    pub countries: Countries,
    /// The people of each organisation and role title (`/ask`).
    pub holders: Holders,
}

/// A kind of entity that names resolve to.
pub trait Named<'k>: Copy {
    /// The kind the matcher resolves among.
    const KIND: Kind;
    /// The entity of this kind with id `id`.
    fn get(dataset: &'k Dataset, id: &str) -> Option<Self>;
    /// The entity at `ix`, when it is of this kind.
    fn at(dataset: &'k Dataset, ix: EntityIx) -> Option<Self>;
}

impl<'k> Named<'k> for &'k Expert {
    const KIND: Kind = Kind::Expert;
    fn get(dataset: &'k Dataset, id: &str) -> Option<Self> {
        dataset.expert(id)
    }
    fn at(dataset: &'k Dataset, ix: EntityIx) -> Option<Self> {
        match dataset.entity_of(ix) {
            EntityOf::Expert(e) => Some(&dataset[e]),
            _ => None,
        }
    }
}

impl<'k> Named<'k> for &'k Group {
    const KIND: Kind = Kind::Group;
    fn get(dataset: &'k Dataset, id: &str) -> Option<Self> {
        dataset.group(id)
    }
    fn at(dataset: &'k Dataset, ix: EntityIx) -> Option<Self> {
        match dataset.entity_of(ix) {
            EntityOf::Group(g) => Some(&dataset[g]),
            _ => None,
        }
    }
}

impl<'k> Named<'k> for &'k Body {
    const KIND: Kind = Kind::Body;
    fn get(dataset: &'k Dataset, id: &str) -> Option<Self> {
        dataset.body(id)
    }
    fn at(dataset: &'k Dataset, ix: EntityIx) -> Option<Self> {
        match dataset.entity_of(ix) {
            EntityOf::Body(b) => Some(&dataset[b]),
            _ => None,
        }
    }
}

/// A candidate of a resolution, with its entity.
#[derive(Clone, Debug)]
pub struct Found<T> {
    /// The entity the candidate names.
    pub entity: T,
    /// The matcher's candidate: how it was found, and its score.
    pub candidate: Candidate,
}

/// The matcher's decision on a name, each candidate with its entity, best first.
#[derive(Clone, Debug)]
pub struct Resolved<T> {
    /// One match, several too close to call, or none.
    pub outcome: Outcome,
    /// The candidates, best first.
    pub found: Vec<Found<T>>,
}

impl<T> Resolved<T> {
    /// The matched candidate, for `Outcome::Match`.
    pub fn best(&self) -> Option<&Found<T>> {
        match self.outcome {
            Outcome::Match => self.found.first(),
            _ => None,
        }
    }
}

impl Knowledge {
    /// The knowledge of `dataset`: every index built from it.
    pub fn new(dataset: Dataset) -> Knowledge {
        Knowledge {
            matcher: Matcher::new(&dataset),
            search: SearchIndex::new(&dataset),
            mentions: Mentions::new(&dataset),
            countries: Countries::new(&dataset),
            articles: Articles::new(&dataset),
            holders: Holders::new(&dataset),
            dataset,
        }
    }

    /// The entities `text` names, each once, in the order of the text.
    pub fn mentions(&self, text: &str) -> Vec<crate::mentions::Mention> {
        self.mentions.scan(text, &|w| self.search.holds(w))
    }

    /// Resolves `name` among the entities of `T`'s kind. The matcher was built from this
    /// dataset, so every candidate's `EntityIx` is its entity, of its kind. Were one not, it would be left out, and a
    /// match would become no match rather than a confident answer from the wrong candidate.
    pub fn resolve<'k, T: Named<'k>>(&'k self, name: &str) -> Resolved<T> {
        let r = self.matcher.resolve(T::KIND, name);
        let total = r.candidates.len();
        let found: Vec<Found<T>> = r
            .candidates
            .into_iter()
            .filter_map(|candidate| {
                let entity = T::at(&self.dataset, candidate.entity)?;
                Some(Found { entity, candidate })
            })
            .collect();
        let outcome = match r.outcome {
            Outcome::Match if found.len() < total => Outcome::None,
            other => other,
        };
        Resolved { outcome, found }
    }
}
