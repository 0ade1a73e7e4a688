//! Ids: well formed, unique across all kinds, and indexed by where their entity sits.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Joined, Who};
use crate::dataset::file::DatasetFile;
use crate::dataset::problem::Problem;
use crate::dataset::{BodyIx, ExpertIx, GroupIx, Id, Kind, PassageIx, Slot, SourceIx};

/// Ids go into button ids (`pick:expert:<id>`, at most 100 characters in all).
const MAX_ID_LEN: usize = 64;

/// Ids are well formed and unique across all kinds; builds the id index.
pub(super) fn check_ids(joined: &Joined, problems: &mut Vec<Problem>) -> HashMap<Id, Slot> {
    let d = &joined.dataset;
    let all = d
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (Kind::Source, i, &s.id, Slot::Source(SourceIx::at(i))))
        .chain(
            d.experts
                .iter()
                .enumerate()
                .map(|(i, e)| (Kind::Expert, i, &e.id, Slot::Expert(ExpertIx::at(i)))),
        )
        .chain(
            d.groups
                .iter()
                .enumerate()
                .map(|(i, g)| (Kind::Group, i, &g.id, Slot::Group(GroupIx::at(i)))),
        )
        .chain(
            d.bodies
                .iter()
                .enumerate()
                .map(|(i, b)| (Kind::Body, i, &b.id, Slot::Body(BodyIx::at(i)))),
        )
        .chain(
            d.publications
                .iter()
                .enumerate()
                .map(|(i, p)| (Kind::Publication, i, &p.id, Slot::Publication)),
        )
        .chain(
            d.passages
                .iter()
                .enumerate()
                .map(|(i, p)| (Kind::Passage, i, &p.id, Slot::Passage(PassageIx::at(i)))),
        );
    let n = d.sources.len()
        + d.experts.len()
        + d.groups.len()
        + d.bodies.len()
        + d.publications.len()
        + d.passages.len();
    let mut by_id: HashMap<Id, Slot> = HashMap::with_capacity(n);
    // Where each id was first seen, for the message about a second one.
    let mut first: HashMap<&Id, (Kind, usize)> = HashMap::new();
    for (kind, index, id, slot) in all {
        if !is_valid_id(id.as_str()) {
            problems.push(Problem::BadId {
                subject: joined.origin.subject(Who::new(kind, index, id)),
            });
        }
        match by_id.entry(id.clone()) {
            Entry::Vacant(v) => {
                v.insert(slot);
            }
            Entry::Occupied(o) => {
                let (first_kind, first_index) = *first
                    .entry(id)
                    .or_insert_with(|| slot_place(*o.get(), &joined.dataset, id));
                problems.push(Problem::DuplicateId {
                    subject: joined.origin.subject(Who::new(kind, index, id)),
                    first_kind,
                    first_file: joined.origin.file(first_kind, first_index).to_string(),
                });
            }
        }
    }
    if d.sources.is_empty() {
        let file = joined
            .origin
            .files
            .iter()
            .min()
            .cloned()
            .unwrap_or_else(|| "(no files)".to_string());
        problems.push(Problem::NoSource { file });
    }
    by_id
}

/// The kind and list position of the entity in `slot` (publications, which have no
/// position in their slot, are found by id).
fn slot_place(slot: Slot, d: &DatasetFile, id: &Id) -> (Kind, usize) {
    match slot {
        Slot::Source(i) => (Kind::Source, i.index()),
        Slot::Expert(i) => (Kind::Expert, i.index()),
        Slot::Group(i) => (Kind::Group, i.index()),
        Slot::Body(i) => (Kind::Body, i.index()),
        Slot::Passage(i) => (Kind::Passage, i.index()),
        Slot::Publication => (
            Kind::Publication,
            d.publications.iter().position(|p| p.id == *id).unwrap_or(0),
        ),
    }
}

/// 1–64 characters of `a-z`, `0-9` and `-` (docs/curating.md, "Rules").
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
