//! The people of each organisation, for `/expert ODI`: each expert with a role at a body, and
//! the role they are found through (`Via`).

use std::collections::HashMap;

use super::KindIndex;
use crate::dataset::{Dataset, Tense};
use crate::people;

/// A role a person was found through: as labels say it ("former CEO, ODI"), and whether it is
/// held now (a note says "through a former role").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Via {
    pub role: String,
    pub tense: Tense,
}

/// For each organisation (a body's entry), the experts with a role there (their entries) and
/// that role: `/expert ODI` finds the people of ODI without an expert key per role.
#[derive(Debug, Default)]
pub(super) struct Staff(HashMap<u32, Vec<(u32, Via)>>);

impl Staff {
    pub(super) fn new(dataset: &Dataset, experts: &KindIndex, bodies: &KindIndex) -> Staff {
        let mut staff: HashMap<u32, Vec<(u32, Via)>> = HashMap::new();
        for x in dataset.experts() {
            let Some(&entry) = experts.by_id.get(&x.id) else {
                continue;
            };
            for r in &x.roles {
                if let Some(&org) = r.organisation.as_ref().and_then(|o| bodies.by_id.get(o)) {
                    staff.entry(org).or_default().push((
                        entry,
                        Via {
                            role: people::role(dataset, r),
                            tense: r.tense(),
                        },
                    ));
                }
            }
        }
        Staff(staff)
    }

    /// The experts of organisation `org`, each with its role there.
    pub(super) fn of(&self, org: u32) -> impl Iterator<Item = &(u32, Via)> {
        self.0.get(&org).into_iter().flatten()
    }
}
