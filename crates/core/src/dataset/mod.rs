//! The dataset: what the article says, as validated, immutable values.
//!
//! A `Dataset` exists only through [`Dataset::load`], which checks every reference, so code
//! that holds one can look ids up without handling "not found" for data the file promised.
//! The unit of text is the [`Passage`]: a verbatim span of a source, stored once, with its
//! kind, speaker and the entities it concerns. Experts, groups and bodies hold only what is
//! not a passage (names, roles, members); everything they said or is said of them is found
//! through the passages. `Knowledge` holds the dataset; a reload builds a new one whole.
//!
//! This module holds the `Dataset`: its lists, its lookups by id and by dense index
//! ([`indices`]), and its queries. The types it is made of are in `model`, the tables its
//! queries read in `passage_index`, its counts in `summary`, and every check in `load`.

pub mod export;
mod file;
mod indices;
mod load;
mod model;
mod passage_index;
mod problem;
mod summary;
pub mod verbatim;

use std::collections::HashMap;

pub use file::{DataText, text_files, text_path};
pub use indices::{BodyIx, EntityIx, EntityOf, ExpertIx, GroupIx, PassageIx, SourceIx};
pub use load::is_valid_id;
pub use model::{
    Body, Entity, Expert, Group, Id, Kind, Layout, Members, OtherNames, Passage, PassageKind,
    Provenance, Publication, Role, Source, Tense,
};
pub use problem::{LoadError, Problem};
pub use summary::{SourceCounts, Summary, ToReview};

use passage_index::PassageIndex;

/// Where the item with an id sits: its kind and its dense index.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Source(SourceIx),
    Expert(ExpertIx),
    Group(GroupIx),
    Body(BodyIx),
    /// Publications are looked up through their authors, never by id; the slot only makes
    /// their ids count as taken.
    Publication,
    Passage(PassageIx),
}

impl Slot {
    /// The entity's index among all entities (experts, then groups, then bodies), given how
    /// many experts and groups there are; none for what is not an entity.
    fn entity(self, experts: usize, groups: usize) -> Option<EntityIx> {
        match self {
            Slot::Expert(e) => Some(EntityIx::at(e.index())),
            Slot::Group(g) => Some(EntityIx::at(experts + g.index())),
            Slot::Body(b) => Some(EntityIx::at(experts + groups + b.index())),
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
    /// What the queries on passages read, built once at load.
    index: PassageIndex,
    /// The counts `summary` gives, made once at load.
    counted: Summary,
}

/// Whether `p` is the byline introducing `expert` (a byline's first concern is the person it
/// introduces; the others are their organisations and co-authors).
fn introduces(p: &Passage, expert: &Expert) -> bool {
    p.kind == PassageKind::Byline && p.concerns.first() == Some(&expert.id)
}

impl Dataset {
    /// Parses and validates the given files as one dataset; see [`load::load`]. `files` holds
    /// the JSON files and the source texts they name ([`text_files`]).
    pub fn load(files: &[DataText]) -> Result<Dataset, LoadError> {
        load::load(files)
    }

    /// Every source, in the data's order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// Every person the sources quote, in the data's order.
    pub fn experts(&self) -> &[Expert] {
        &self.experts
    }
    /// Every group, in the data's order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }
    /// Every other body the sources name, in the data's order.
    pub fn bodies(&self) -> &[Body] {
        &self.bodies
    }
    /// Every publication the sources name, in the data's order.
    pub fn publications(&self) -> &[Publication] {
        &self.publications
    }
    /// Every passage, in source order.
    pub fn passages(&self) -> &[Passage] {
        &self.passages
    }

    /// All experts, groups and bodies, in [`EntityIx`] order.
    pub fn entities(&self) -> impl Iterator<Item = Entity<'_>> {
        self.experts
            .iter()
            .map(Entity::Expert)
            .chain(self.groups.iter().map(Entity::Group))
            .chain(self.bodies.iter().map(Entity::Body))
    }

    // ---- By dense index -------------------------------------------------------------------

    /// How many entities there are (experts, groups and bodies): a table indexed by
    /// [`EntityIx`] has this length.
    pub fn entity_count(&self) -> usize {
        self.experts.len() + self.groups.len() + self.bodies.len()
    }

    /// Every entity with its index, in [`EntityIx`] order.
    pub fn entities_indexed(&self) -> impl Iterator<Item = (EntityIx, Entity<'_>)> {
        self.entities()
            .enumerate()
            .map(|(i, e)| (EntityIx::at(i), e))
    }

    /// Every passage with its index, in source order.
    pub fn passages_indexed(&self) -> impl Iterator<Item = (PassageIx, &Passage)> {
        self.passages
            .iter()
            .enumerate()
            .map(|(i, p)| (PassageIx::at(i), p))
    }

    /// Every source with its index, in the data's order.
    pub fn sources_indexed(&self) -> impl Iterator<Item = (SourceIx, &Source)> {
        self.sources
            .iter()
            .enumerate()
            .map(|(i, s)| (SourceIx::at(i), s))
    }

    /// Which kind of entity `ix` is.
    pub fn entity_of(&self, ix: EntityIx) -> EntityOf {
        let (experts, groups) = (self.experts.len(), self.groups.len());
        match ix.index() {
            i if i < experts => EntityOf::Expert(ExpertIx::at(i)),
            i if i < experts + groups => EntityOf::Group(GroupIx::at(i - experts)),
            i => EntityOf::Body(BodyIx::at(i - experts - groups)),
        }
    }

    /// The entity at `ix`.
    pub fn entity_at(&self, ix: EntityIx) -> Entity<'_> {
        match self.entity_of(ix) {
            EntityOf::Expert(e) => Entity::Expert(&self[e]),
            EntityOf::Group(g) => Entity::Group(&self[g]),
            EntityOf::Body(b) => Entity::Body(&self[b]),
        }
    }

    // ---- By id ----------------------------------------------------------------------------

    /// The entity (expert, group or body) with this id.
    pub fn entity_ix(&self, id: &str) -> Option<EntityIx> {
        self.slot(id)?.entity(self.experts.len(), self.groups.len())
    }

    /// The expert with this id.
    pub fn expert_ix(&self, id: &str) -> Option<ExpertIx> {
        match self.slot(id)? {
            Slot::Expert(e) => Some(e),
            _ => None,
        }
    }

    /// The source with this id.
    pub fn source_ix(&self, id: &str) -> Option<SourceIx> {
        match self.slot(id)? {
            Slot::Source(s) => Some(s),
            _ => None,
        }
    }

    /// The passage with this id.
    pub fn passage_ix(&self, id: &str) -> Option<PassageIx> {
        match self.slot(id)? {
            Slot::Passage(p) => Some(p),
            _ => None,
        }
    }

    /// The expert, group or body with this id.
    pub fn entity(&self, id: &str) -> Option<Entity<'_>> {
        self.entity_ix(id).map(|ix| self.entity_at(ix))
    }

    /// The expert with this id.
    pub fn expert(&self, id: &str) -> Option<&Expert> {
        self.expert_ix(id).map(|ix| &self[ix])
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        match self.slot(id)? {
            Slot::Group(g) => Some(&self[g]),
            _ => None,
        }
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        match self.slot(id)? {
            Slot::Body(b) => Some(&self[b]),
            _ => None,
        }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_ix(id).map(|ix| &self[ix])
    }

    /// The passage with this id.
    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passage_ix(id).map(|ix| &self[ix])
    }

    /// What kind of item has this id (every id names one item, whatever its kind).
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

    fn slot(&self, id: &str) -> Option<Slot> {
        // `Id` is a transparent String wrapper; look it up without allocating.
        self.by_id.get(id).copied()
    }

    // ---- Passages by person and entity ----------------------------------------------------

    fn listed<'a>(&'a self, list: &'a [PassageIx]) -> impl Iterator<Item = &'a Passage> + 'a {
        list.iter().map(|&ix| &self[ix])
    }

    /// The passages an expert speaks (statements and wishes), by index, in source order.
    pub fn passages_said(&self, expert: ExpertIx) -> &[PassageIx] {
        self.index.said(expert)
    }

    /// The passages that concern an entity, by index, in source order.
    pub fn passages_about(&self, entity: EntityIx) -> &[PassageIx] {
        self.index.about(entity)
    }

    /// The passages an expert speaks (statements and wishes), in source order.
    pub fn said_by<'a>(&'a self, expert: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        let list = self
            .expert_ix(expert)
            .map_or(&[][..], |e| self.index.said(e));
        self.listed(list)
    }

    /// The passages that concern an entity, in source order.
    pub fn about<'a>(&'a self, entity: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        let list = self
            .entity_ix(entity)
            .map_or(&[][..], |e| self.index.about(e));
        self.listed(list)
    }

    /// The article's sentence introducing an expert: the first byline whose first concern
    /// is the expert (a byline may also name others, such as a co-author).
    pub fn byline(&self, expert: &str) -> Option<&Passage> {
        let e = self.expert(expert)?;
        self.about(expert).find(|p| introduces(p, e))
    }

    /// The article's sentence introducing an expert in source `source`, where it has one
    /// (someone quoted in two articles is introduced in each, perhaps with another role).
    pub fn byline_in(&self, expert: &str, source: &Id) -> Option<&Passage> {
        let e = self.expert(expert)?;
        self.about(expert)
            .find(|p| p.source == *source && introduces(p, e))
    }

    /// The sources a person speaks in or is introduced by, newest first.
    pub fn sources_of(&self, expert: &str) -> Vec<&Source> {
        let Some(e) = self.expert(expert) else {
            return Vec::new();
        };
        let mut ixs: Vec<SourceIx> = self
            .said_by(expert)
            .chain(self.about(expert).filter(|p| introduces(p, e)))
            .filter_map(|p| self.source_ix(p.source.as_str()))
            .collect();
        ixs.sort_unstable();
        ixs.dedup();
        let mut sources: Vec<(SourceIx, &Source)> =
            ixs.into_iter().map(|ix| (ix, &self[ix])).collect();
        sources.sort_by_key(|&(ix, s)| std::cmp::Reverse(recency(ix, s)));
        sources.into_iter().map(|(_, s)| s).collect()
    }

    /// An expert's wishes, in source order.
    pub fn wishes_of<'a>(&'a self, expert: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.said_by(expert).filter(|p| p.kind == PassageKind::Wish)
    }

    /// The publications an expert wrote, with their co-authors.
    pub fn publications_of<'a>(&'a self, expert: &'a Id) -> impl Iterator<Item = &'a Publication> {
        self.publications
            .iter()
            .filter(move |p| p.authors.contains(expert))
    }

    /// Groups and bodies that an expert's own passages concern, in dataset order.
    pub fn spoken_of_by(&self, expert: &str) -> Vec<Entity<'_>> {
        let mut ixs: Vec<EntityIx> = self
            .said_by(expert)
            .flat_map(|p| &p.concerns)
            .filter_map(|id| self.entity_ix(id.as_str()))
            .filter(|&ix| !matches!(self.entity_of(ix), EntityOf::Expert(_)))
            .collect();
        ixs.sort_unstable();
        ixs.dedup();
        ixs.into_iter().map(|ix| self.entity_at(ix)).collect()
    }

    /// Experts whose own passages concern an entity, in dataset order.
    pub fn speakers_of(&self, entity: &str) -> Vec<&Expert> {
        let mut ixs: Vec<ExpertIx> = self
            .about(entity)
            .filter_map(|p| self.expert_ix(p.speaker.as_ref()?.as_str()))
            .collect();
        ixs.sort_unstable();
        ixs.dedup();
        ixs.into_iter().map(|ix| &self[ix]).collect()
    }

    /// The years that have at least one wish, ascending.
    pub fn wish_years(&self) -> Vec<i32> {
        self.index.wish_years().collect()
    }

    /// The experts with a wish for `year`, in the dataset's order, and how many there are:
    /// a page of them costs the page.
    pub fn wishers(&self, year: i32) -> (usize, impl Iterator<Item = &Expert> + '_) {
        let list = self.index.wishers(year);
        (list.len(), list.iter().map(|&e| &self[e]))
    }

    // ---- Sources --------------------------------------------------------------------------

    /// The source's title (every source has one; checked at load).
    pub fn title<'a>(&'a self, source: &'a Source) -> &'a str {
        self.head(source)
            .0
            .map_or(source.id.as_str(), |ix| self[ix].text.as_str())
    }

    /// The question the source put to its experts, if it has one.
    pub fn question(&self, source: &Source) -> Option<&Passage> {
        self.head(source).1.map(|ix| &self[ix])
    }

    fn head(&self, source: &Source) -> (Option<PassageIx>, Option<PassageIx>) {
        self.source_ix(source.id.as_str())
            .map_or((None, None), |s| self.index.head(s))
    }

    /// The sources, newest first: by the year they look ahead to, then by publication date
    /// where known, then the later in the data first.
    pub fn newest_first(&self) -> Vec<&Source> {
        let mut list: Vec<(SourceIx, &Source)> = self.sources_indexed().collect();
        list.sort_by_key(|&(ix, s)| std::cmp::Reverse(recency(ix, s)));
        list.into_iter().map(|(_, s)| s).collect()
    }

    /// The short form of a source's title that labels use when a reply quotes more than one
    /// source: the data's `short_title`, or else the title up to its first colon ("Small
    /// Clubs, Big Questions"), or the whole title.
    pub fn short_title<'a>(&'a self, source: &'a Source) -> &'a str {
        if let Some(short) = source.short_title.as_deref() {
            return short;
        }
        let title = self.title(source);
        match title.split_once(':') {
            Some((head, _)) if !head.trim().is_empty() => head.trim(),
            _ => title,
        }
    }

    /// A source's passages, in its order.
    pub fn passages_of(&self, source: &Source) -> &[Passage] {
        self.passages.get(self.span_of(source)).unwrap_or_default()
    }

    /// Where a source's passages stand in [`passages`](Self::passages): one run, since
    /// passages are kept in source order.
    pub fn span_of(&self, source: &Source) -> std::ops::Range<usize> {
        self.source_ix(source.id.as_str())
            .map_or(0..0, |s| self.index.span(s))
    }

    /// The people a source introduces (its bylines' first concerns), in its order.
    pub fn people_of(&self, source: &Source) -> Vec<&Expert> {
        let mut seen = std::collections::HashSet::new();
        self.passages_of(source)
            .iter()
            .filter(|p| p.kind == PassageKind::Byline)
            .filter_map(|p| self.expert(p.concerns.first()?.as_str()))
            .filter(|e| seen.insert(&e.id))
            .collect()
    }

    /// What a source holds: passages, people, statements and wishes.
    pub fn counts(&self, source: &Source) -> SourceCounts {
        let passages = self.passages_of(source);
        let people = self.people_of(source);
        let count = |kind| passages.iter().filter(|p| p.kind == kind).count();
        SourceCounts {
            passages: passages.len(),
            panel: people.iter().filter(|e| e.panel).count(),
            others: people.iter().filter(|e| !e.panel).count(),
            statements: count(PassageKind::Statement),
            wishes: count(PassageKind::Wish),
        }
    }

    // ---- Counts and review notes ----------------------------------------------------------

    /// How many people are on the panel (the others are quoted in passing): counted at load.
    pub fn panel_count(&self) -> usize {
        self.counted.panel
    }

    /// The counts, made once at load (`/about` shows them on every call).
    pub fn summary(&self) -> Summary {
        self.counted.clone()
    }

    /// Counts every passage by kind: for `load`, once.
    fn count(&self) -> Summary {
        let count = |kind| self.passages.iter().filter(|p| p.kind == kind).count();
        Summary {
            sources: self.sources.len(),
            passages: self.passages.len(),
            experts: self.experts.len(),
            panel: self.experts.iter().filter(|e| e.panel).count(),
            statements: count(PassageKind::Statement),
            wishes: count(PassageKind::Wish),
            groups: self.groups.len(),
            bodies: self.bodies.len(),
            publications: self.publications.len(),
            wish_years: self.wish_years(),
        }
    }

    /// Every `review` note, sources first, then experts, groups, bodies, publications and
    /// passages in the source's order: what `check` lists as left to decide.
    pub fn to_review(&self) -> Vec<ToReview<'_>> {
        fn add<'a>(
            out: &mut Vec<ToReview<'a>>,
            kind: &'static str,
            id: &'a Id,
            notes: &'a [String],
        ) {
            out.extend(notes.iter().map(|note| ToReview {
                kind,
                id: id.as_str(),
                note,
            }));
        }
        let mut out = Vec::new();
        for s in &self.sources {
            add(&mut out, "source", &s.id, &s.review);
        }
        for e in &self.experts {
            add(&mut out, "expert", &e.id, &e.review);
        }
        for g in &self.groups {
            add(&mut out, "group", &g.id, &g.review);
        }
        for b in &self.bodies {
            add(&mut out, "body", &b.id, &b.review);
        }
        for p in &self.publications {
            add(&mut out, "publication", &p.id, &p.review);
        }
        for p in &self.passages {
            add(&mut out, "passage", &p.id, &p.review);
        }
        out
    }
}

/// What "newest" means wherever sources are ordered: (year looked ahead to, publication
/// date, place in the data).
fn recency(ix: SourceIx, s: &Source) -> (i32, Option<&str>, SourceIx) {
    (s.year, s.published.as_deref(), ix)
}
