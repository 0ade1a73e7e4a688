//! The dataset's model: ids, kinds and the entities and passages a dataset file holds,
//! as serde reads and writes them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A stable entity id (`sara-pantuliano`, `g7`): lowercase ASCII letters, digits and `-`.
/// Ids are unique across all kinds, so an id alone names one entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// An id made outside a dataset file (the importer's drafts, `minilateral-import`). Not
    /// checked here, as an id read from a file is not checked by serde either: a loaded
    /// dataset's ids are checked by `load`, and so are a draft's before it is written.
    pub fn new(id: impl Into<String>) -> Id {
        Id(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// The kinds of entity a name can resolve to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An article.
    Source,
    /// A person a source quotes.
    Expert,
    /// A group of countries.
    Group,
    /// Another body, initiative or organisation.
    Body,
    /// A publication a source names.
    Publication,
    /// A verbatim span of a source.
    Passage,
}

impl Kind {
    /// The kind as files and messages write it (`expert`).
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
    /// The article's own words.
    Article,
    /// Well-established public fact from outside the article, shown as not from it.
    Background,
}

/// The article (or any other source) the passages come from. Its title and the question it
/// asks are passages of kind `title` and `question`, not fields, so that they are stored once
/// and checked like every other passage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The source's id.
    pub id: Id,
    /// The year the article looks ahead to ("What Experts Want in 2024"), not a publication
    /// date: replies say "looking ahead to 2024".
    pub year: i32,
    /// The date the source was published (`YYYY-MM-DD`), where a curator knows it; never
    /// guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the source can be read (`https://…`), where a curator knows it; never guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A short form of the title that labels tell articles apart by ("Small Clubs"); by
    /// default the title up to its first colon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    /// What the source is about, in our words.
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
    /// What a curator still has to decide about this item (`minilateral import` writes these
    /// where it guessed); `check` lists them. Never shown in a reply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

/// A person the article quotes: one of the panel of experts, or an official quoted in the
/// introduction (`panel: false`). What they said is in their passages (`speaker`), who they
/// are in their byline passage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expert {
    /// The person's id.
    pub id: Id,
    /// Their name as the article writes it.
    pub name: String,
    #[serde(default)]
    /// Other names they answer to.
    pub aliases: Vec<String>,
    /// Post-nominal credentials as the article gives them ("PhD").
    #[serde(default)]
    pub credentials: Vec<String>,
    /// True for the experts who answered the question; false for people quoted in passing.
    pub panel: bool,
    /// Their roles, as the byline gives them.
    pub roles: Vec<Role>,
    /// The source that introduces them.
    pub source: Id,
    /// What a curator still has to decide about this item (`minilateral import` writes these
    /// where it guessed); `check` lists them. Never shown in a reply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

/// A position someone holds or held.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// May be empty where the article names only the organisation; a role names one or both.
    #[serde(default)]
    pub title: String,
    /// A `bodies` id; absent for a title that names no organisation ("US Undersecretary of
    /// State for …", "Independent researcher").
    #[serde(default)]
    pub organisation: Option<Id>,
    /// Whether the person holds it now (read as a [`Tense`] through [`Role::tense`]).
    pub current: bool,
    /// The article's wording, where the title above is normalised from it (checked verbatim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
}

/// Whether a role is held now or was held before: the data's `current`, read as a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Held now.
    Current,
    /// Held before ("former Director").
    Former,
}

impl Role {
    /// Whether the person holds this role now.
    pub fn tense(&self) -> Tense {
        if self.current {
            Tense::Current
        } else {
            Tense::Former
        }
    }

    /// The role as one line says it: "CEO, ODI"; the title alone, or the organisation alone,
    /// where the article names only one ("Ada Quill (Northwind Lab):"). `organisation` is the
    /// organisation's name.
    pub fn label(&self, organisation: Option<&str>) -> String {
        match (self.title.trim(), organisation) {
            (title, Some(org)) if !title.is_empty() => format!("{title}, {org}"),
            ("", Some(org)) => org.to_string(),
            (title, _) => title.to_string(),
        }
    }
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
    /// The kind as the data file writes it (`wish`).
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
    /// The passage's id.
    pub id: Id,
    /// The source it is from.
    pub source: Id,
    /// What the passage is in the source's structure.
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
    /// What a curator still has to decide about this item (`minilateral import` writes these
    /// where it guessed); `check` lists them. Never shown in a reply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
    /// Where the passage starts in its source: (source's index, byte offset). Set by `load`;
    /// passages are kept in this order.
    #[serde(skip)]
    pub at: (usize, usize),
    /// How the source lays the passage out (its paragraph, its list marker). Set by `load`.
    #[serde(skip)]
    pub layout: Layout,
}

/// How a source lays a passage out, read from its text at load, so that a reply can show an
/// answer as the article gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The source's paragraph the passage starts in (lines counted from 0): passages of one
    /// paragraph are shown as one.
    pub paragraph: u32,
    /// The list marker that opens the passage's line ("1/", "2.", "•"), exactly as the source
    /// writes it; the passage's text starts after it.
    pub marker: Option<String>,
}

/// A minilateral group of countries.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The group's id.
    pub id: Id,
    /// The short name the article uses ("G7", "3SI").
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Its full name ("Group of Seven"), where known.
    pub full_name: Option<String>,
    /// Whether the full name is the article's or background knowledge.
    pub full_name_source: Provenance,
    #[serde(default)]
    /// Other names it answers to.
    pub aliases: Vec<String>,
    /// Its member states and where the list comes from.
    pub members: Members,
    /// Other names press and governments use for it, not the article's: matched whole, and
    /// shown on its card as not from the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_names: Option<OtherNames>,
    /// The source that names it.
    pub source: Id,
    /// What a curator still has to decide about this item (`minilateral import` writes these
    /// where it guessed); `check` lists them. Never shown in a reply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

/// A group's member states and where that list comes from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Members {
    /// Whether the list is the article's or background fact.
    pub source: Provenance,
    /// The year the list is as of.
    pub as_of: i32,
    /// The member states' names, as cards show them.
    pub states: Vec<String>,
    /// The article's wording, when the list comes from the article (checked verbatim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
    /// Background context in our words (who joined when, observers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A group's or body's well-established other names: not the article's (those are
/// `aliases`), but public fact as of a year, which a card shows as not from the article, the
/// way it shows a member list that is background fact.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherNames {
    /// The names, as press and governments write them ("West Asian Quad").
    pub names: Vec<String>,
    /// The year they are known to be in use as of.
    pub as_of: i32,
}

/// Any other body, initiative or organisation the article names.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The body's id.
    pub id: Id,
    /// Its name as the article writes it.
    pub name: String,
    /// "multilateral", "initiative" or "organisation".
    pub kind: String,
    #[serde(default)]
    /// Other names it answers to (short forms, acronyms).
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Its full name, where the article or background knowledge gives one.
    pub full_name: Option<String>,
    /// Background context in our words, not the article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// Other names press and governments use for it, not the article's ("OBOR" for the Belt
    /// and Road Initiative): matched whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_names: Option<OtherNames>,
    /// The source that names it.
    pub source: Id,
    /// What a curator still has to decide about this item (`minilateral import` writes these
    /// where it guessed); `check` lists them. Never shown in a reply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

/// A publication the source names.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The publication's id.
    pub id: Id,
    /// Verbatim in `source`'s text.
    pub title: String,
    /// `experts` ids.
    pub authors: Vec<Id>,
    /// The source that names it.
    pub source: Id,
    /// What a curator still has to decide about this item (`minilateral import` writes these
    /// where it guessed); `check` lists them. Never shown in a reply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

/// Any named entity, borrowed from the dataset.
#[derive(Clone, Copy, Debug)]
pub enum Entity<'a> {
    /// A person the article quotes.
    Expert(&'a Expert),
    /// A group of countries.
    Group(&'a Group),
    /// Another body the article names.
    Body(&'a Body),
}

impl<'a> Entity<'a> {
    /// The entity's id.
    pub fn id(self) -> &'a Id {
        match self {
            Entity::Expert(e) => &e.id,
            Entity::Group(g) => &g.id,
            Entity::Body(b) => &b.id,
        }
    }

    /// The name the article uses.
    pub fn name(self) -> &'a str {
        match self {
            Entity::Expert(e) => &e.name,
            Entity::Group(g) => &g.name,
            Entity::Body(b) => &b.name,
        }
    }

    /// The kind of entity.
    pub fn kind(self) -> Kind {
        match self {
            Entity::Expert(_) => Kind::Expert,
            Entity::Group(_) => Kind::Group,
            Entity::Body(_) => Kind::Body,
        }
    }

    /// Every name the entity answers to: name, full name, aliases and other names, in that
    /// order.
    pub fn names(self) -> Vec<&'a str> {
        let (name, full, aliases) = match self {
            Entity::Expert(e) => (&e.name, None, &e.aliases),
            Entity::Group(g) => (&g.name, g.full_name.as_ref(), &g.aliases),
            Entity::Body(b) => (&b.name, b.full_name.as_ref(), &b.aliases),
        };
        std::iter::once(name.as_str())
            .chain(full.map(String::as_str))
            .chain(aliases.iter().map(String::as_str))
            .chain(self.other_names().iter().map(String::as_str))
            .collect()
    }

    /// The well-established other names of a group or body (`OtherNames`); none for a person.
    pub fn other_names(self) -> &'a [String] {
        let other = match self {
            Entity::Expert(_) => None,
            Entity::Group(g) => g.other_names.as_ref(),
            Entity::Body(b) => b.other_names.as_ref(),
        };
        other.map_or(&[], |o| o.names.as_slice())
    }
}
