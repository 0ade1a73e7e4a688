//! The dataset: what the article says, as validated, immutable values.
//!
//! A `Dataset` exists only through [`Dataset::load`], which checks every reference, so code
//! that holds one can look ids up without handling "not found" for data the file promised.
//! The unit of text is the [`Passage`]: a verbatim span of a source, stored once, with its
//! kind, speaker and the entities it concerns. Experts, groups and bodies hold only what is
//! not a passage (names, roles, members); everything they said or is said of them is found
//! through the passages. `Knowledge` holds the dataset; a reload builds a new one whole.

pub mod export;
mod file;
mod load;
mod problem;
pub mod verbatim;

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

pub use file::{DataText, text_files, text_path};
pub use problem::{LoadError, Problem};

/// A stable entity id (`sara-pantuliano`, `g7`): lowercase ASCII letters, digits and `-`.
/// Ids are unique across all kinds, so an id alone names one entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kinds of entity a name can resolve to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Source,
    Expert,
    Group,
    Body,
    Publication,
    Passage,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Expert => "expert",
            Kind::Group => "group",
            Kind::Body => "body",
            Kind::Publication => "publication",
            Kind::Passage => "passage",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a fact that is not a passage comes from: the article itself, or well-established
/// public knowledge that the cards mark as "not from the article".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    Article,
    Background,
}

/// The article (or any other source) the passages come from. Its title and the question it
/// asks are passages of kind `title` and `question`, not fields, so that they are stored once
/// and checked like every other passage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub year: i32,
    pub theme: String,
    /// A short summary in the dataset's own words (never a quote; shown as ours).
    pub summary: String,
    /// The file holding the source's full text, relative to the folder of the dataset file
    /// that names it. Every passage of the source is checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_file: Option<String>,
    /// The full text inline, for small or generated datasets; `text_file` is for curators.
    #[serde(default, skip_serializing)]
    pub text: Option<String>,
}

/// A person the article quotes: one of the panel of experts, or an official quoted in the
/// introduction (`panel: false`). What they said is in their passages (`speaker`), who they
/// are in their byline passage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expert {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Post-nominal credentials as the article gives them ("PhD").
    #[serde(default)]
    pub credentials: Vec<String>,
    /// True for the experts who answered the question; false for people quoted in passing.
    pub panel: bool,
    pub roles: Vec<Role>,
    pub source: Id,
}

/// A position someone holds or held.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    /// A `bodies` id.
    pub organisation: Id,
    pub current: bool,
    /// The article's wording, where the title above is normalised from it (checked verbatim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
}

/// What a passage is, in the article's structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// The source's title (one per source).
    Title,
    /// The question put to the experts (at most one per source).
    Question,
    /// The article's own voice: its introduction and framing.
    Framing,
    /// The article's sentence introducing a person; its first `concerns` is that person.
    Byline,
    /// What an expert said.
    Statement,
    /// What an expert wished to see happen in a year.
    Wish,
}

impl PassageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Title => "title",
            PassageKind::Question => "question",
            PassageKind::Framing => "framing",
            PassageKind::Byline => "byline",
            PassageKind::Statement => "statement",
            PassageKind::Wish => "wish",
        }
    }

    /// Statements and wishes are someone's words; the other kinds are the article's voice.
    pub fn has_speaker(self) -> bool {
        matches!(self, PassageKind::Statement | PassageKind::Wish)
    }
}

/// A verbatim span of one source, stored once: the unit every answer is built from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub id: Id,
    pub source: Id,
    pub kind: PassageKind,
    /// The expert whose words these are; none for the article's own voice.
    #[serde(default)]
    pub speaker: Option<Id>,
    /// The year a wish is for; none for other kinds.
    #[serde(default)]
    pub year: Option<i32>,
    /// The experts, groups and bodies the passage speaks of.
    #[serde(default)]
    pub concerns: Vec<Id>,
    /// Words of the source just before the passage that it needs to be understood
    /// ("recently enthused about minilaterals as"); verbatim, and before the passage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<String>,
    /// The source's words, exactly (typographic quotes and the source's own elisions kept).
    pub text: String,
    /// Where the passage starts in its source: (source's index, byte offset). Set by `load`;
    /// passages are kept in this order.
    #[serde(skip)]
    pub at: (usize, usize),
}

/// A minilateral group of countries.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: Id,
    /// The short name the article uses ("G7", "3SI").
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Whether the full name is the article's or background knowledge.
    pub full_name_source: Provenance,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub members: Members,
    pub source: Id,
}

/// A group's member states and where that list comes from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Members {
    pub source: Provenance,
    pub as_of: i32,
    pub states: Vec<String>,
    /// The article's wording, when the list comes from the article (checked verbatim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
    /// Background context in our words (who joined when, observers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Any other body, initiative or organisation the article names.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub id: Id,
    pub name: String,
    /// "multilateral", "initiative" or "organisation".
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Background context in our words, not the article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    pub source: Id,
}

/// A publication the source names.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub id: Id,
    /// Verbatim in `source`'s text.
    pub title: String,
    /// `experts` ids.
    pub authors: Vec<Id>,
    pub source: Id,
}

/// Any named entity, borrowed from the dataset.
#[derive(Clone, Copy, Debug)]
pub enum Entity<'a> {
    Expert(&'a Expert),
    Group(&'a Group),
    Body(&'a Body),
}

impl<'a> Entity<'a> {
    pub fn id(self) -> &'a Id {
        match self {
            Entity::Expert(e) => &e.id,
            Entity::Group(g) => &g.id,
            Entity::Body(b) => &b.id,
        }
    }

    pub fn name(self) -> &'a str {
        match self {
            Entity::Expert(e) => &e.name,
            Entity::Group(g) => &g.name,
            Entity::Body(b) => &b.name,
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Entity::Expert(_) => Kind::Expert,
            Entity::Group(_) => Kind::Group,
            Entity::Body(_) => Kind::Body,
        }
    }

    /// Every name the entity answers to: name, full name and aliases, in that order.
    pub fn names(self) -> Vec<&'a str> {
        let (name, full, aliases) = match self {
            Entity::Expert(e) => (&e.name, None, &e.aliases),
            Entity::Group(g) => (&g.name, g.full_name.as_ref(), &g.aliases),
            Entity::Body(b) => (&b.name, b.full_name.as_ref(), &b.aliases),
        };
        std::iter::once(name.as_str())
            .chain(full.map(String::as_str))
            .chain(aliases.iter().map(String::as_str))
            .collect()
    }
}

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
}

/// Counts for `check` and `/about`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub passages: usize,
    pub experts: usize,
    pub statements: usize,
    pub wishes: usize,
    pub groups: usize,
    pub bodies: usize,
    pub publications: usize,
    pub wish_years: Vec<i32>,
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

    fn slot(&self, id: &str) -> Option<Slot> {
        // `Id` is a transparent String wrapper; look it up without allocating.
        self.by_id.get(id).copied()
    }

    fn indexed<'a>(&'a self, list: Option<&'a Vec<u32>>) -> impl Iterator<Item = &'a Passage> + 'a {
        list.into_iter()
            .flatten()
            .map(|&i| &self.passages[i as usize])
    }

    /// The passages an expert speaks (statements and wishes), in source order.
    pub fn said_by<'a>(&'a self, expert: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        let list = match self.slot(expert) {
            Some(Slot::Expert(i)) => self.said.get(i),
            _ => None,
        };
        self.indexed(list)
    }

    /// The passages that concern an entity, in source order.
    pub fn about<'a>(&'a self, entity: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        let (e, g) = (self.experts.len(), self.groups.len());
        let number = match self.slot(entity) {
            Some(Slot::Expert(i)) => Some(i),
            Some(Slot::Group(i)) => Some(e + i),
            Some(Slot::Body(i)) => Some(e + g + i),
            _ => None,
        };
        self.indexed(number.and_then(|n| self.about.get(n)))
    }

    /// The article's sentence introducing an expert: the first byline whose first concern
    /// is the expert (a byline may also name others, such as a co-author).
    pub fn byline(&self, expert: &str) -> Option<&Passage> {
        self.about(expert).find(|p| {
            p.kind == PassageKind::Byline
                && p.concerns.first().is_some_and(|c| c.as_str() == expert)
        })
    }

    /// An expert's wishes, in source order.
    pub fn wishes_of<'a>(&'a self, expert: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.said_by(expert).filter(|p| p.kind == PassageKind::Wish)
    }

    /// The source's title (every source has one; checked at load).
    pub fn title<'a>(&'a self, source: &'a Source) -> &'a str {
        self.head(source)
            .and_then(|(title, _)| title)
            .map_or(source.id.as_str(), |i| self.passages[i].text.as_str())
    }

    /// The question the source put to its experts, if it has one.
    pub fn question(&self, source: &Source) -> Option<&Passage> {
        let (_, question) = self.head(source)?;
        question.map(|i| &self.passages[i])
    }

    fn head(&self, source: &Source) -> Option<(Option<usize>, Option<usize>)> {
        match self.slot(source.id.as_str())? {
            Slot::Source(i) => self.heads.get(i).copied(),
            _ => None,
        }
    }

    /// The publications an expert wrote, with their co-authors.
    pub fn publications_of<'a>(&'a self, expert: &'a Id) -> impl Iterator<Item = &'a Publication> {
        self.publications
            .iter()
            .filter(move |p| p.authors.contains(expert))
    }

    /// Groups and bodies that an expert's own passages concern, in dataset order.
    pub fn spoken_of_by(&self, expert: &str) -> Vec<Entity<'_>> {
        let mut slots: Vec<(u8, usize)> = self
            .said_by(expert)
            .flat_map(|p| &p.concerns)
            .filter_map(|id| match self.slot(id.as_str())? {
                Slot::Group(i) => Some((0, i)),
                Slot::Body(i) => Some((1, i)),
                _ => None,
            })
            .collect();
        slots.sort_unstable();
        slots.dedup();
        slots
            .into_iter()
            .map(|(kind, i)| match kind {
                0 => Entity::Group(&self.groups[i]),
                _ => Entity::Body(&self.bodies[i]),
            })
            .collect()
    }

    /// Experts whose own passages concern an entity, in dataset order.
    pub fn speakers_of(&self, entity: &str) -> Vec<&Expert> {
        let mut slots: Vec<usize> = self
            .about(entity)
            .filter_map(|p| match self.slot(p.speaker.as_ref()?.as_str())? {
                Slot::Expert(i) => Some(i),
                _ => None,
            })
            .collect();
        slots.sort_unstable();
        slots.dedup();
        slots.into_iter().map(|i| &self.experts[i]).collect()
    }

    /// The years that have at least one wish, ascending.
    pub fn wish_years(&self) -> Vec<i32> {
        let years: BTreeSet<i32> = self
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Wish)
            .filter_map(|p| p.year)
            .collect();
        years.into_iter().collect()
    }

    pub fn summary(&self) -> Summary {
        let count = |kind| self.passages.iter().filter(|p| p.kind == kind).count();
        Summary {
            sources: self.sources.len(),
            passages: self.passages.len(),
            experts: self.experts.len(),
            statements: count(PassageKind::Statement),
            wishes: count(PassageKind::Wish),
            groups: self.groups.len(),
            bodies: self.bodies.len(),
            publications: self.publications.len(),
            wish_years: self.wish_years(),
        }
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}
