//! The people of each organisation, for `/expert ODI`: each expert with a role at a body, and
//! the role they are found through (`Via`).

use std::collections::HashMap;

use crate::dataset::{Dataset, Entity, EntityIx, EntityOf, Tense};
use crate::people;

/// A role a person was found through: as labels say it ("former CEO, ODI"), and whether it is
/// held now (a note says "through a former role").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Via {
    /// The role in the article's words, "former " before a past one.
    pub role: String,
    /// Whether the role is held now.
    pub tense: Tense,
}

/// For each organisation (a body), the experts with a role there and that role: `/expert ODI`
/// finds the people of ODI without an expert key per role.
#[derive(Debug, Default)]
pub(super) struct Staff(HashMap<EntityIx, Vec<(EntityIx, Via)>>);

impl Staff {
    pub(super) fn new(dataset: &Dataset) -> Staff {
        let mut staff: HashMap<EntityIx, Vec<(EntityIx, Via)>> = HashMap::new();
        for (person, entity) in dataset.entities_indexed() {
            let Entity::Expert(x) = entity else {
                continue;
            };
            for r in &x.roles {
                let org = r
                    .organisation
                    .as_ref()
                    .and_then(|o| dataset.entity_ix(o.as_str()));
                let Some(org) = org.filter(|&o| matches!(dataset.entity_of(o), EntityOf::Body(_)))
                else {
                    continue;
                };
                staff.entry(org).or_default().push((
                    person,
                    Via {
                        role: people::role(dataset, r),
                        tense: r.tense(),
                    },
                ));
            }
        }
        Staff(staff)
    }

    /// The experts of organisation `org`, each with its role there.
    pub(super) fn of(&self, org: EntityIx) -> impl Iterator<Item = &(EntityIx, Via)> {
        self.0.get(&org).into_iter().flatten()
    }
}
