//! What can be wrong with a dataset, in messages that say where and what to fix.

use std::fmt;

use thiserror::Error;

use super::Kind;
use super::verbatim::{Difference, Nearest};

/// The entity a problem is about: file, kind and id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// The file the entity was read from.
    pub file: String,
    /// What kind of entity it is.
    pub kind: Kind,
    /// Its id, as the file writes it.
    pub id: String,
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} \"{}\"", self.file, self.kind, self.id)
    }
}

/// One problem found while loading. Every variant names the file; JSON errors give
/// `line:column`, the others the entity id and field.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Problem {
    /// A file is not JSON of the dataset's shape.
    #[error("{file}:{line}:{column}: {message}")]
    Json {
        /// The file.
        file: String,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What serde_json found wrong there.
        message: String,
    },
    /// No file names a source: there is nothing to quote.
    #[error("{file}: the dataset has no sources; add one under \"sources\"")]
    NoSource {
        /// The first of the files read.
        file: String,
    },
    #[error(
        "{subject}: id must be 1-64 lowercase letters, digits or '-' (it is used in button ids)"
    )]
    /// An id that is not 1–64 of `a-z`, `0-9` and `-`.
    BadId {
        /// The entity with the id.
        subject: Subject,
    },
    #[error("{subject}: duplicate id; it is already used by the {first_kind} in {first_file}")]
    /// An id already taken by another item (ids are unique across kinds).
    DuplicateId {
        /// The second item with the id.
        subject: Subject,
        /// The kind of the first.
        first_kind: Kind,
        /// The file of the first.
        first_file: String,
    },
    #[error("{subject}: field `{field}` refers to \"{target}\", which is not {expected}")]
    /// A field refers to an id that names nothing of the kind it must.
    Dangling {
        /// The entity with the field.
        subject: Subject,
        /// The field.
        field: String,
        /// The id it gives.
        target: String,
        /// What it must name ("an expert", "a source" …).
        expected: &'static str,
    },
    #[error("{subject}: field `{field}` is empty")]
    /// A field that must say something is empty.
    Empty {
        /// The entity with the field.
        subject: Subject,
        /// The field.
        field: String,
    },
    #[error("{subject}: field `{field}` has year {year}; expected a year between {min} and {max}")]
    /// A year outside the years a source can look ahead to.
    Year {
        /// The entity with the year.
        subject: Subject,
        /// The field.
        field: String,
        /// The year given.
        year: i32,
        /// The earliest year allowed.
        min: i32,
        /// The latest year allowed.
        max: i32,
    },
    #[error("{subject}: field `roles` is empty; every expert needs at least one role")]
    /// An expert with no role: a card could not say who they are.
    NoRole {
        /// The expert.
        subject: Subject,
    },
    #[error(
        "{subject}: no byline; add a passage of kind \"byline\" whose `concerns` starts with this expert"
    )]
    /// An expert whom no byline introduces.
    NoByline {
        /// The expert.
        subject: Subject,
    },
    #[error("{subject}: {message}")]
    /// A source's text is missing or cannot be read.
    SourceText {
        /// The source.
        subject: Subject,
        /// What is wrong with it.
        message: String,
    },
    #[error("{subject}: {message}")]
    /// Any other rule of the dataset's format broken (docs/curating.md, "Rules").
    Rule {
        /// The entity that breaks it.
        subject: Subject,
        /// Which rule, and how to follow it.
        message: String,
    },
    #[error(
        "{subject}{context}: field `{field}` is not verbatim in source \"{source_id}\" ({text_name}){}",
        nearest_text(nearest)
    )]
    /// A text that claims to be the source's words and is not.
    NotVerbatim {
        /// The entity with the text.
        subject: Subject,
        /// The field holding it.
        field: String,
        /// Who said it and what it is about, for the curator looking for it.
        context: String,
        /// The source it should be in.
        source_id: String,
        /// The name of the source's text (its file).
        text_name: String,
        /// The source's nearest words, where some agree.
        nearest: Option<Nearest>,
    },
    #[error(
        "{subject}: field `lead_in` is in the source, but not just before the passage{between}; a lead-in is the words that lead into it"
    )]
    /// A lead-in found in the source, but not just before its passage.
    LeadInNotBefore {
        /// The passage.
        subject: Subject,
        /// What stands between, when the lead-in is earlier but not adjacent.
        between: String,
    },
    #[error(
        "{subject}: {what} overlaps {other} in the source; the source's words are stored once (a reply would show them twice), so shorten one"
    )]
    /// Two passages (or a passage and a lead-in) share words of the source.
    Overlap {
        /// The later passage.
        subject: Subject,
        /// "it", or "its `lead_in`".
        what: &'static str,
        /// `passage "id"`, or `the lead_in of passage "id"`.
        other: String,
    },
    #[error(
        "{subject}: name \"{text}\" is the same as \"{other_text}\" of {other} once case, accents and punctuation are folded; rename one or drop the alias"
    )]
    /// Two entities answer to the same name once folded: a typed name could not tell them
    /// apart.
    NameClash {
        /// The second entity.
        subject: Subject,
        /// Its name.
        text: String,
        /// The first entity with that name.
        other: Subject,
        /// The first entity's name, as written.
        other_text: String,
    },
}

/// How the text differs from the source and the nearest text there, cut to a readable
/// length: "; it has “grey” where the source has “black”; nearest in the source: “…”".
fn nearest_text(nearest: &Option<Nearest>) -> String {
    /// Characters of the nearest text shown.
    const SHOWN: usize = 300;
    let Some(n) = nearest else {
        return String::new();
    };
    let differs = match &n.differs {
        Difference::Word { ours, theirs } => {
            format!("; it has “{ours}” where the source has “{theirs}”")
        }
        Difference::Spacing => "; every word agrees, so the spacing or line breaks differ".to_string(),
        Difference::Elision => "; each piece between its elision marks is in the source, but they do not follow each other within one paragraph, as whole words, with words left out between them".to_string(),
    };
    if n.text.is_empty() {
        return differs;
    }
    let mut text: String = n.text.chars().take(SHOWN).collect();
    if n.text.chars().count() > SHOWN {
        text.push('…');
    }
    format!("{differs}; nearest in the source: “{text}”")
}

/// Every problem found in a dataset, reported together so that one `check` run lists all
/// that needs fixing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// Every problem found, in the order the checks found them.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "the dataset has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}
