//! The dataset: what the article says, as validated, immutable values.
//!
//! A `Dataset` exists only through [`Dataset::load`], which checks every reference, so code
//! that holds one can look ids up without handling "not found" for data the file promised.
//! Front ends share it as `Arc<Dataset>`; a reload builds a new one and swaps it whole.

mod file;
mod load;
mod problem;

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

pub use file::DataText;
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
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Expert => "expert",
            Kind::Group => "group",
            Kind::Body => "body",
            Kind::Publication => "publication",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a fact comes from: the article itself, or well-established public knowledge that
/// the cards mark as background.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    Article,
    Background,
}

/// The article (or any other source) the facts come from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    /// The question put to the experts, verbatim.
    pub question: String,
    pub year: i32,
    pub theme: String,
    /// A short summary in the dataset's own words (not a quote).
    pub summary: String,
}

/// A person the article quotes: one of the panel of experts, or an official quoted in the
/// introduction (`panel: false`).
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
    /// The article's own sentence introducing the person, verbatim.
    pub byline: String,
    pub roles: Vec<Role>,
    /// Statements verbatim from the source, elisions marked as the source marks them.
    #[serde(default)]
    pub quotes: Vec<String>,
    #[serde(default)]
    pub wishes: Vec<Wish>,
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
    /// The article's wording, where the title above is normalised from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
}

/// One thing someone wished to see happen in a year.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wish {
    pub year: i32,
    /// The article's words (a verbatim excerpt).
    pub text: String,
    /// Groups or bodies the wish is about.
    #[serde(default)]
    pub mentions: Vec<Id>,
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
    /// What the article says of the group, verbatim excerpts.
    pub article: Vec<Note>,
    pub source: Id,
}

/// A group's member states and where that list comes from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Members {
    pub source: Provenance,
    pub as_of: i32,
    pub states: Vec<String>,
    /// The article's wording, when the list comes from the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
    /// Background context (who joined when, observers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A verbatim excerpt of the source about a group or body.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    /// What the excerpt is about ("purpose", "organisation", "ai", ...).
    pub topic: String,
    /// The expert whose statement it is; none for the article's own introduction.
    #[serde(default)]
    pub said_by: Option<Id>,
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
    /// Background context, not the article's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    pub article: Vec<Note>,
    pub source: Id,
}

/// A publication the source names.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub id: Id,
    pub title: String,
    /// `experts` ids.
    pub authors: Vec<Id>,
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

    /// What the source says of a group or body (empty for experts).
    pub fn notes(self) -> &'a [Note] {
        match self {
            Entity::Expert(_) => &[],
            Entity::Group(g) => &g.article,
            Entity::Body(b) => &b.article,
        }
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
}

/// The validated dataset.
#[derive(Debug)]
pub struct Dataset {
    sources: Vec<Source>,
    experts: Vec<Expert>,
    groups: Vec<Group>,
    bodies: Vec<Body>,
    publications: Vec<Publication>,
    by_id: HashMap<Id, Slot>,
}

/// Counts for `check` and `/about`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub experts: usize,
    pub quotes: usize,
    pub wishes: usize,
    pub groups: usize,
    pub bodies: usize,
    pub publications: usize,
    pub wish_years: Vec<i32>,
}

impl Dataset {
    /// Parses and validates the given files as one dataset; see [`load::load`].
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
            Slot::Source(_) | Slot::Publication => None,
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

    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        Some(match self.slot(id)? {
            Slot::Source(_) => Kind::Source,
            Slot::Expert(_) => Kind::Expert,
            Slot::Group(_) => Kind::Group,
            Slot::Body(_) => Kind::Body,
            Slot::Publication => Kind::Publication,
        })
    }

    fn slot(&self, id: &str) -> Option<Slot> {
        // `Id` is a transparent String wrapper; look it up without allocating.
        self.by_id.get(id).copied()
    }

    /// The publications an expert wrote, with their co-authors.
    pub fn publications_of<'a>(&'a self, expert: &'a Id) -> impl Iterator<Item = &'a Publication> {
        self.publications
            .iter()
            .filter(move |p| p.authors.contains(expert))
    }

    /// Groups and bodies that an expert speaks of, in dataset order.
    pub fn spoken_of_by<'a>(&'a self, expert: &'a Id) -> impl Iterator<Item = Entity<'a>> {
        self.entities()
            .filter(move |e| e.notes().iter().any(|n| n.said_by.as_ref() == Some(expert)))
    }

    /// Experts who speak of a group or body, in dataset order.
    pub fn speakers_of<'a>(&'a self, entity: Entity<'a>) -> impl Iterator<Item = &'a Expert> {
        let said: BTreeSet<&Id> = entity
            .notes()
            .iter()
            .filter_map(|n| n.said_by.as_ref())
            .collect();
        self.experts.iter().filter(move |e| said.contains(&e.id))
    }

    /// The years that have at least one wish, ascending.
    pub fn wish_years(&self) -> Vec<i32> {
        let years: BTreeSet<i32> = self
            .experts
            .iter()
            .flat_map(|e| e.wishes.iter().map(|w| w.year))
            .collect();
        years.into_iter().collect()
    }

    pub fn summary(&self) -> Summary {
        Summary {
            sources: self.sources.len(),
            experts: self.experts.len(),
            quotes: self.experts.iter().map(|e| e.quotes.len()).sum(),
            wishes: self.experts.iter().map(|e| e.wishes.len()).sum(),
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
