//! `minilateral export`: the whole dataset as one JSON document whose shape does not depend
//! on how the files are laid out. Tools outside the project read this, not the files; its
//! keys are documented in docs/curating.md ("Export") and keep their names.

use serde::Serialize;

use super::{Dataset, Id, OtherNames, PassageKind, Provenance};

/// The document's format, so that a reader can tell a later shape from this one.
pub const FORMAT: &str = "minilateral-export/1";

#[derive(Debug, Serialize)]
/// The `export` document: every list of the dataset, each item with what it names resolved to text.
pub struct Export<'a> {
    /// [`FORMAT`], so that a reader can tell this shape from a later one.
    pub format: &'static str,
    /// The sources, in the data's order.
    pub sources: Vec<SourceOut<'a>>,
    /// Every passage, in source order.
    pub passages: Vec<PassageOut<'a>>,
    /// The people quoted, in the data's order.
    pub experts: Vec<ExpertOut<'a>>,
    /// The groups, in the data's order.
    pub groups: Vec<GroupOut<'a>>,
    /// The other bodies, in the data's order.
    pub bodies: Vec<BodyOut<'a>>,
    /// The publications, in the data's order.
    pub publications: Vec<PublicationOut<'a>>,
}

#[derive(Debug, Serialize)]
/// A source in the export: its title and question as text.
pub struct SourceOut<'a> {
    /// The source's id.
    pub id: &'a Id,
    /// The text of its title passage.
    pub title: &'a str,
    /// The text of its question passage, where it has one.
    pub question: Option<&'a str>,
    /// The year it looks ahead to.
    pub year: i32,
    /// Its theme, in our words.
    pub theme: &'a str,
    /// Our words, never the source's.
    pub summary: &'a str,
    /// The file holding its full text, relative to its dataset file.
    pub text_file: Option<&'a str>,
    /// `YYYY-MM-DD`, where the data gives it; never invented.
    pub published: Option<&'a str>,
    /// Where it can be read, where the data gives it; never invented.
    pub url: Option<&'a str>,
    /// The short form labels use (the data's `short_title`, or the title to its first colon).
    pub short_title: &'a str,
}

#[derive(Debug, Serialize)]
/// A passage in the export.
pub struct PassageOut<'a> {
    /// The passage's id.
    pub id: &'a Id,
    /// The source's words, exactly.
    pub text: &'a str,
    /// What it is in the source's structure.
    pub kind: PassageKind,
    /// Whose words these are; none for the article's own voice.
    pub speaker: Option<&'a Id>,
    /// The year a wish is for.
    pub year: Option<i32>,
    /// The source it is from.
    pub source: &'a Id,
    /// The experts, groups and bodies it speaks of.
    pub concerns: &'a [Id],
    /// The source's words just before it that it needs to be understood.
    pub lead_in: Option<&'a str>,
}

#[derive(Debug, Serialize)]
/// A person in the export, with their words as text.
pub struct ExpertOut<'a> {
    /// The person's id.
    pub id: &'a Id,
    /// Their name as the article writes it.
    pub name: &'a str,
    /// Other names they answer to.
    pub aliases: &'a [String],
    /// Post-nominal credentials as the article gives them.
    pub credentials: &'a [String],
    /// Whether they answered the article's question (false: quoted in passing).
    pub panel: bool,
    /// The text of the expert's byline passage.
    pub byline: Option<&'a str>,
    /// Their roles, as the byline gives them.
    pub roles: Vec<RoleOut<'a>>,
    /// The texts of the expert's statement passages, in source order.
    pub quotes: Vec<&'a str>,
    /// Their wishes, in source order.
    pub wishes: Vec<WishOut<'a>>,
    /// The source that introduces them.
    pub source: &'a Id,
}

#[derive(Debug, Serialize)]
/// A role in the export, its organisation as a name.
pub struct RoleOut<'a> {
    /// The title; empty where the article names only the organisation.
    pub title: &'a str,
    /// Null for a title that names no organisation.
    pub organisation: Option<&'a Id>,
    /// Whether the role is held now.
    pub current: bool,
    /// The article's wording of the title, where the title is normalised from it.
    pub as_written: Option<&'a str>,
}

#[derive(Debug, Serialize)]
/// A wish in the export.
pub struct WishOut<'a> {
    /// The year it is for.
    pub year: Option<i32>,
    /// Its text, exactly.
    pub text: &'a str,
    /// The passage it is.
    pub passage: &'a Id,
}

#[derive(Debug, Serialize)]
/// A group in the export, its members flattened.
pub struct GroupOut<'a> {
    /// The group's id.
    pub id: &'a Id,
    /// The short name the article uses.
    pub name: &'a str,
    /// Its full name, where known.
    pub full_name: Option<&'a str>,
    /// Whether the full name is the article's or background fact.
    pub full_name_source: Provenance,
    /// Other names it answers to.
    pub aliases: &'a [String],
    /// Member states.
    pub members: &'a [String],
    /// `article` when the list is the article's, `background` for well-established public
    /// fact as of `members_as_of`.
    pub members_source: Provenance,
    /// The year the member list is as of.
    pub members_as_of: i32,
    /// Our words on the membership.
    pub members_note: Option<&'a str>,
    /// Well-established other names, not the article's, with the year they are as of
    /// (`{"names": [...], "as_of": 2024}`); `null` when the data gives none.
    pub other_names: Option<&'a OtherNames>,
    /// The source that names it.
    pub source: &'a Id,
}

#[derive(Debug, Serialize)]
/// Another body in the export.
pub struct BodyOut<'a> {
    /// The body's id.
    pub id: &'a Id,
    /// Its name as the article writes it.
    pub name: &'a str,
    /// "multilateral", "initiative" or "organisation".
    pub kind: &'a str,
    /// Its full name, where known.
    pub full_name: Option<&'a str>,
    /// Other names it answers to.
    pub aliases: &'a [String],
    /// Our words, not the source's.
    pub background: Option<&'a str>,
    /// Well-established other names, not the article's, as for a group.
    pub other_names: Option<&'a OtherNames>,
    /// The source that names it.
    pub source: &'a Id,
}

#[derive(Debug, Serialize)]
/// A publication in the export.
pub struct PublicationOut<'a> {
    /// The publication's id.
    pub id: &'a Id,
    /// Its title, verbatim in the source.
    pub title: &'a str,
    /// Its authors' ids.
    pub authors: &'a [Id],
    /// The source that names it.
    pub source: &'a Id,
}

/// The export document of a dataset; passages in source order, everything else in file order.
pub fn export(d: &Dataset) -> Export<'_> {
    Export {
        format: FORMAT,
        sources: d
            .sources()
            .iter()
            .map(|s| SourceOut {
                id: &s.id,
                title: d.title(s),
                question: d.question(s).map(|p| p.text.as_str()),
                year: s.year,
                theme: &s.theme,
                summary: &s.summary,
                text_file: s.text_file.as_deref(),
                published: s.published.as_deref(),
                url: s.url.as_deref(),
                short_title: d.short_title(s),
            })
            .collect(),
        passages: d
            .passages()
            .iter()
            .map(|p| PassageOut {
                id: &p.id,
                text: &p.text,
                kind: p.kind,
                speaker: p.speaker.as_ref(),
                year: p.year,
                source: &p.source,
                concerns: &p.concerns,
                lead_in: p.lead_in.as_deref(),
            })
            .collect(),
        experts: d
            .experts()
            .iter()
            .map(|e| ExpertOut {
                id: &e.id,
                name: &e.name,
                aliases: &e.aliases,
                credentials: &e.credentials,
                panel: e.panel,
                byline: d.byline(e.id.as_str()).map(|p| p.text.as_str()),
                roles: e
                    .roles
                    .iter()
                    .map(|r| RoleOut {
                        title: &r.title,
                        organisation: r.organisation.as_ref(),
                        current: r.current,
                        as_written: r.as_written.as_deref(),
                    })
                    .collect(),
                quotes: d
                    .said_by(e.id.as_str())
                    .filter(|p| p.kind == PassageKind::Statement)
                    .map(|p| p.text.as_str())
                    .collect(),
                wishes: d
                    .wishes_of(e.id.as_str())
                    .map(|p| WishOut {
                        year: p.year,
                        text: &p.text,
                        passage: &p.id,
                    })
                    .collect(),
                source: &e.source,
            })
            .collect(),
        groups: d
            .groups()
            .iter()
            .map(|g| GroupOut {
                id: &g.id,
                name: &g.name,
                full_name: g.full_name.as_deref(),
                full_name_source: g.full_name_source,
                aliases: &g.aliases,
                members: &g.members.states,
                members_source: g.members.source,
                members_as_of: g.members.as_of,
                members_note: g.members.note.as_deref(),
                other_names: g.other_names.as_ref(),
                source: &g.source,
            })
            .collect(),
        bodies: d
            .bodies()
            .iter()
            .map(|b| BodyOut {
                id: &b.id,
                name: &b.name,
                kind: &b.kind,
                full_name: b.full_name.as_deref(),
                aliases: &b.aliases,
                background: b.background.as_deref(),
                other_names: b.other_names.as_ref(),
                source: &b.source,
            })
            .collect(),
        publications: d
            .publications()
            .iter()
            .map(|p| PublicationOut {
                id: &p.id,
                title: &p.title,
                authors: &p.authors,
                source: &p.source,
            })
            .collect(),
    }
}
