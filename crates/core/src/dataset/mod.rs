//! The dataset: what the article says, as validated, immutable values.
//!
//! A `Dataset` exists only through [`Dataset::load`], which checks every reference, so code
//! that holds one can look ids up without handling "not found" for data the file promised.
//! The unit of text is the [`Passage`]: a verbatim span of a source, stored once, with its
//! kind, speaker and the entities it concerns. Experts, groups and bodies hold only what is
//! not a passage (names, roles, members); everything they said or is said of them is found
//! through the passages. `Knowledge` holds the dataset; a reload builds a new one whole.
//!
//! This module holds the `Dataset` and its lookups by id; the types it is made of are in
//! `model`, the queries on passages in `queries`, and every check in `load`.

pub mod export;
mod file;
mod indices;
mod load;
mod model;
mod problem;
mod queries;
pub mod verbatim;

use std::collections::HashMap;

pub use file::{DataText, text_files, text_path};
pub use indices::{BodyIx, EntityIx, EntityOf, ExpertIx, GroupIx, PassageIx, SourceIx};
pub use load::is_valid_id;
pub use model::{
    Body, Entity, Expert, Group, Id, Kind, Layout, Members, Passage, PassageKind, Provenance,
    Publication, Role, Source, Tense,
};
pub use problem::{LoadError, Problem};
pub use queries::{SourceCounts, Summary};

/// Where an entity sits in its kind's list.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Source(usize),
    Expert(usize),
    Group(usize),
    Body(usize),
    /// Publications are looked up through their authors, never by id; the slot only makes
    /// their ids count as taken.
    Publication,
    Passage(usize),
}

impl Slot {
    /// The entity's number in `Dataset::about`: experts, then groups, then bodies. The index
    /// is built at load and read by queries, so both take the number from here.
    fn entity_number(self, experts: usize, groups: usize) -> Option<usize> {
        match self {
            Slot::Expert(i) => Some(i),
            Slot::Group(i) => Some(experts + i),
            Slot::Body(i) => Some(experts + groups + i),
            Slot::Source(_) | Slot::Publication | Slot::Passage(_) => None,
        }
    }
}

/// The validated dataset.
#[derive(Debug)]
pub struct Dataset {
    sources: Vec<Source>,
    experts: Vec<Expert>,
    groups: Vec<Group>,
    bodies: Vec<Body>,
    publications: Vec<Publication>,
    /// In source order: by source, then by position in the source's text.
    passages: Vec<Passage>,
    by_id: HashMap<Id, Slot>,
    /// Per expert (by position): their passages, in source order.
    said: Vec<Vec<u32>>,
    /// Per entity (experts, then groups, then bodies): the passages that concern it, in
    /// source order.
    about: Vec<Vec<u32>>,
    /// Per source (in order): its title passage and its question passage.
    heads: Vec<(Option<usize>, Option<usize>)>,
    /// Per source (in order): the range of its passages in `passages`.
    spans: Vec<std::ops::Range<usize>>,
    /// The counts `summary` gives, made once at load.
    counted: Summary,
    /// Per year with wishes: the experts (by position, in order) with a wish for it, so that a
    /// page of `/wish YEAR` costs the page, not the dataset.
    wishers: std::collections::BTreeMap<i32, Vec<u32>>,
}

impl Dataset {
    /// Parses and validates the given files as one dataset; see [`load::load`]. `files` holds
    /// the JSON files and the source texts they name ([`text_files`]).
    pub fn load(files: &[DataText]) -> Result<Dataset, LoadError> {
        load::load(files)
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    pub fn experts(&self) -> &[Expert] {
        &self.experts
    }
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }
    pub fn bodies(&self) -> &[Body] {
        &self.bodies
    }
    pub fn publications(&self) -> &[Publication] {
        &self.publications
    }
    /// Every passage, in source order.
    pub fn passages(&self) -> &[Passage] {
        &self.passages
    }

    /// All experts, groups and bodies.
    pub fn entities(&self) -> impl Iterator<Item = Entity<'_>> {
        self.experts
            .iter()
            .map(Entity::Expert)
            .chain(self.groups.iter().map(Entity::Group))
            .chain(self.bodies.iter().map(Entity::Body))
    }

    pub fn entity(&self, id: &str) -> Option<Entity<'_>> {
        match self.slot(id)? {
            Slot::Expert(i) => Some(Entity::Expert(&self.experts[i])),
            Slot::Group(i) => Some(Entity::Group(&self.groups[i])),
            Slot::Body(i) => Some(Entity::Body(&self.bodies[i])),
            Slot::Source(_) | Slot::Publication | Slot::Passage(_) => None,
        }
    }

    pub fn expert(&self, id: &str) -> Option<&Expert> {
        match self.slot(id)? {
            Slot::Expert(i) => Some(&self.experts[i]),
            _ => None,
        }
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        match self.slot(id)? {
            Slot::Group(i) => Some(&self.groups[i]),
            _ => None,
        }
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        match self.slot(id)? {
            Slot::Body(i) => Some(&self.bodies[i]),
            _ => None,
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        match self.slot(id)? {
            Slot::Source(i) => Some(&self.sources[i]),
            _ => None,
        }
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        match self.slot(id)? {
            Slot::Passage(i) => Some(&self.passages[i]),
            _ => None,
        }
    }

    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        Some(match self.slot(id)? {
            Slot::Source(_) => Kind::Source,
            Slot::Expert(_) => Kind::Expert,
            Slot::Group(_) => Kind::Group,
            Slot::Body(_) => Kind::Body,
            Slot::Publication => Kind::Publication,
            Slot::Passage(_) => Kind::Passage,
        })
    }

    /// The entity (expert, group or body) with this id.
    pub fn entity_ix(&self, id: &str) -> Option<EntityIx> {
        let n = self
            .slot(id)?
            .entity_number(self.experts.len(), self.groups.len())?;
        Some(EntityIx::at(n))
    }

    /// The expert with this id.
    pub fn expert_ix(&self, id: &str) -> Option<ExpertIx> {
        match self.slot(id)? {
            Slot::Expert(i) => Some(ExpertIx::at(i)),
            _ => None,
        }
    }

    /// The source with this id.
    pub fn source_ix(&self, id: &str) -> Option<SourceIx> {
        match self.slot(id)? {
            Slot::Source(i) => Some(SourceIx::at(i)),
            _ => None,
        }
    }

    /// The passage with this id.
    pub fn passage_ix(&self, id: &str) -> Option<PassageIx> {
        match self.slot(id)? {
            Slot::Passage(i) => Some(PassageIx::at(i)),
            _ => None,
        }
    }

    fn slot(&self, id: &str) -> Option<Slot> {
        // `Id` is a transparent String wrapper; look it up without allocating.
        self.by_id.get(id).copied()
    }
}
