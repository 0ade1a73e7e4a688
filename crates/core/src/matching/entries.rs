//! The matcher's table of entities, one entry per `EntityIx`: what a candidate or a label
//! shows of each (id, name, a short context), and ids typed back (autocomplete's values) found
//! without a second map of ids.

use std::ops::Index;

use crate::dataset::{Dataset, Entity, EntityIx, Id, Kind, Tense};
use crate::people::{self, Standing};

/// One entity as the matcher shows it.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) id: Id,
    pub(super) kind: Kind,
    pub(super) name: String,
    /// Context for labels: "CEO, ODI".
    pub(super) context: String,
}

/// Every entity of one dataset, by `EntityIx`.
#[derive(Debug, Default)]
pub(super) struct Entries {
    entries: Vec<Entry>,
    /// Every entity, sorted by id: an id is found by binary search, where a hash map would
    /// hold a second copy of every id.
    by_id: Vec<EntityIx>,
}

/// Lookups by an entity's index: infallible, since the table holds an entry for every index
/// of the dataset it was built from, and the matcher holds no index from another.
impl Index<EntityIx> for Entries {
    type Output = Entry;
    #[allow(clippy::indexing_slicing)] // The invariant above.
    fn index(&self, ix: EntityIx) -> &Entry {
        &self.entries[ix.index()]
    }
}

impl Entries {
    pub(super) fn new(dataset: &Dataset) -> Entries {
        // In `EntityIx` order, so that an entity's index is its place here.
        let entries = dataset
            .entities_indexed()
            .map(|(_, e)| Entry {
                id: e.id().clone(),
                kind: e.kind(),
                name: e.name().to_string(),
                context: context(dataset, e),
            })
            .collect();
        let mut by_id: Vec<EntityIx> = dataset.entities_indexed().map(|(ix, _)| ix).collect();
        by_id.sort_unstable_by_key(|&ix| dataset.entity_at(ix).id());
        Entries { entries, by_id }
    }

    /// The entity of `kind` whose id is `id`.
    pub(super) fn with_id(&self, kind: Kind, id: &str) -> Option<EntityIx> {
        let at = self
            .by_id
            .binary_search_by(|&ix| self[ix].id.as_str().cmp(id))
            .ok()?;
        self.by_id
            .get(at)
            .copied()
            .filter(|&ix| self[ix].kind == kind)
    }
}

/// A short context for labels: an expert's current role in the article's words (after
/// "quoted in the article" for someone off its panel, first so that a cut label keeps it), a
/// group's full name, a body's kind.
fn context(dataset: &Dataset, entity: Entity<'_>) -> String {
    match entity {
        Entity::Expert(e) => {
            let role = e
                .roles
                .iter()
                .find(|r| r.tense() == Tense::Current)
                .or(e.roles.first());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_finds_its_entity_and_only_as_its_kind() {
        let dataset = crate::testdata::bundled();
        let entries = Entries::new(&dataset);
        let mut kinds = 0;
        for (ix, e) in dataset.entities_indexed() {
            assert_eq!(entries[ix].id, *e.id());
            assert_eq!(entries.with_id(e.kind(), e.id().as_str()), Some(ix));
            for other in [Kind::Expert, Kind::Group, Kind::Body] {
                if other != e.kind() {
                    assert_eq!(entries.with_id(other, e.id().as_str()), None);
                    kinds += 1;
                }
            }
        }
        assert!(kinds > 0);
        assert_eq!(entries.with_id(Kind::Expert, "no-such-id"), None);
        assert_eq!(entries.with_id(Kind::Expert, ""), None);
    }
}
