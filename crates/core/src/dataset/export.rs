//! `minilateral export`: the whole dataset as one JSON document whose shape does not depend
//! on how the files are laid out. Tools outside the project read this, not the files; its
//! keys are documented in the README ("Export") and keep their names.

use serde::Serialize;

use super::{Dataset, Id, PassageKind, Provenance};

/// The document's format, so that a reader can tell a later shape from this one.
pub const FORMAT: &str = "minilateral-export/1";

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub format: &'static str,
    pub sources: Vec<SourceOut<'a>>,
    pub passages: Vec<PassageOut<'a>>,
    pub experts: Vec<ExpertOut<'a>>,
    pub groups: Vec<GroupOut<'a>>,
    pub bodies: Vec<BodyOut<'a>>,
    pub publications: Vec<PublicationOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SourceOut<'a> {
    pub id: &'a Id,
    pub title: &'a str,
    pub question: Option<&'a str>,
    pub year: i32,
    pub theme: &'a str,
    /// Our words, never the source's.
    pub summary: &'a str,
    pub text_file: Option<&'a str>,
    /// `YYYY-MM-DD`, where the data gives it; never invented.
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    /// The short form labels use (the data's `short_title`, or the title to its first colon).
    pub short_title: &'a str,
}

#[derive(Debug, Serialize)]
pub struct PassageOut<'a> {
    pub id: &'a Id,
    pub text: &'a str,
    pub kind: PassageKind,
    pub speaker: Option<&'a Id>,
    pub year: Option<i32>,
    pub source: &'a Id,
    pub concerns: &'a [Id],
    pub lead_in: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExpertOut<'a> {
    pub id: &'a Id,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub credentials: &'a [String],
    pub panel: bool,
    /// The text of the expert's byline passage.
    pub byline: Option<&'a str>,
    pub roles: Vec<RoleOut<'a>>,
    /// The texts of the expert's statement passages, in source order.
    pub quotes: Vec<&'a str>,
    pub wishes: Vec<WishOut<'a>>,
    pub source: &'a Id,
}

#[derive(Debug, Serialize)]
pub struct RoleOut<'a> {
    pub title: &'a str,
    /// Null for a title that names no organisation.
    pub organisation: Option<&'a Id>,
    pub current: bool,
    /// The article's wording of the title, where the title is normalised from it.
    pub as_written: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct WishOut<'a> {
    pub year: Option<i32>,
    pub text: &'a str,
    /// The passage it is.
    pub passage: &'a Id,
}

#[derive(Debug, Serialize)]
pub struct GroupOut<'a> {
    pub id: &'a Id,
    pub name: &'a str,
    pub full_name: Option<&'a str>,
    pub full_name_source: Provenance,
    pub aliases: &'a [String],
    /// Member states.
    pub members: &'a [String],
    /// `article` when the list is the article's, `background` for well-established public
    /// fact as of `members_as_of`.
    pub members_source: Provenance,
    pub members_as_of: i32,
    /// Our words on the membership.
    pub members_note: Option<&'a str>,
    pub source: &'a Id,
}

#[derive(Debug, Serialize)]
pub struct BodyOut<'a> {
    pub id: &'a Id,
    pub name: &'a str,
    pub kind: &'a str,
    pub full_name: Option<&'a str>,
    pub aliases: &'a [String],
    /// Our words, not the source's.
    pub background: Option<&'a str>,
    pub source: &'a Id,
}

#[derive(Debug, Serialize)]
pub struct PublicationOut<'a> {
    pub id: &'a Id,
    pub title: &'a str,
    pub authors: &'a [Id],
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
