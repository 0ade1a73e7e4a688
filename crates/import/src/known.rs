//! What the data drafted against already names, indexed once: its entities by each folded
//! name (name, full name, alias) and its publications by folded title, so that every byline,
//! organisation and acronym of a long article is one lookup, not a walk over the data.

use std::collections::HashMap;

use minilateral_core::dataset::{Dataset, Entity, Kind, Publication};
use minilateral_core::fold;

#[derive(Default)]
pub(super) struct Known<'w> {
    /// A folded name → the entities that have it, in the dataset's order.
    names: HashMap<String, Vec<Entity<'w>>>,
    /// A folded title → the first publication with it.
    titles: HashMap<String, &'w Publication>,
}

impl<'w> Known<'w> {
    pub fn new(dataset: &'w Dataset) -> Known<'w> {
        let mut names: HashMap<String, Vec<Entity<'w>>> = HashMap::new();
        for e in dataset.entities() {
            let mut keys: Vec<String> = e.names().iter().map(|n| fold::fold(n)).collect();
            // An entity is listed once under a key, however many of its names fold to it.
            keys.sort();
            keys.dedup();
            for key in keys {
                names.entry(key).or_default().push(e);
            }
        }
        let mut titles = HashMap::new();
        for p in dataset.publications() {
            titles.entry(fold::fold(&p.title)).or_insert(p);
        }
        Known { names, titles }
    }

    /// The first entity of one of `kinds` with a name that folds to `key`.
    pub fn entity(&self, key: &str, kinds: &[Kind]) -> Option<Entity<'w>> {
        self.names
            .get(key)?
            .iter()
            .copied()
            .find(|e| kinds.contains(&e.kind()))
    }

    /// Whether any entity has a name that folds to `key`.
    pub fn names(&self, key: &str) -> bool {
        self.names.contains_key(key)
    }

    /// The publication whose title folds as `title` does.
    pub fn publication(&self, title: &str) -> Option<&'w Publication> {
        self.titles.get(&fold::fold(title)).copied()
    }
}
