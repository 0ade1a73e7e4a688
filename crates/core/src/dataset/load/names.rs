//! Names: no two entities may answer to the same folded name (two people may: homonyms are
//! real, and the answer then asks which one, with their roles), and every name must fold to
//! something the matcher can match.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Origin, Who};
use crate::dataset::problem::Problem;
use crate::dataset::{Dataset, Entity, Kind};
use crate::fold;

/// No two entities may answer to the same folded name: the matcher could not tell them apart.
/// Two experts may, since two people can share a name: typed, it gives the choice between them
/// with their roles. Names that fold to nothing ("Dr.") could never be matched at all.
pub(super) fn check(d: &Dataset, origin: &Origin, problems: &mut Vec<Problem>) {
    let mut owners: HashMap<String, (Who<'_>, &str)> = HashMap::new();
    let indexed = d
        .experts
        .iter()
        .enumerate()
        .map(|(i, e)| (Kind::Expert, i, Entity::Expert(e)))
        .chain(
            d.groups
                .iter()
                .enumerate()
                .map(|(i, g)| (Kind::Group, i, Entity::Group(g))),
        )
        .chain(
            d.bodies
                .iter()
                .enumerate()
                .map(|(i, b)| (Kind::Body, i, Entity::Body(b))),
        );
    for (kind, index, entity) in indexed {
        let who = Who::new(kind, index, entity.id());
        // Other names come last in `names`.
        let others_from = entity
            .names()
            .len()
            .saturating_sub(entity.other_names().len());
        for (n, text) in entity.names().into_iter().enumerate() {
            let key = fold::compact(&fold::fold(text));
            if key.is_empty() {
                let field = match n {
                    0 => "name",
                    n if n >= others_from => "other_names",
                    _ => "aliases",
                };
                if !text.trim().is_empty() || n > 0 {
                    problems.push(Problem::Empty {
                        subject: origin.subject(who),
                        field: format!("{field} (\"{text}\" has no letters or digits)"),
                    });
                }
                continue;
            }
            match owners.entry(key) {
                Entry::Vacant(v) => {
                    v.insert((who, text));
                }
                Entry::Occupied(o) => {
                    let (other, other_text) = *o.get();
                    let homonyms = other.kind == Kind::Expert && who.kind == Kind::Expert;
                    if other.id != who.id && !homonyms {
                        problems.push(Problem::NameClash {
                            subject: origin.subject(who),
                            text: text.to_string(),
                            other: origin.subject(other),
                            other_text: other_text.to_string(),
                        });
                    }
                }
            }
        }
    }
}
