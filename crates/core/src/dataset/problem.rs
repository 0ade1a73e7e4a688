//! What can be wrong with a dataset, in messages that say where and what to fix.

use std::fmt;

use thiserror::Error;

use super::Kind;
use super::verbatim::{Difference, Nearest};

/// The entity a problem is about: file, kind and id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    pub file: String,
    pub kind: Kind,
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
    #[error("{file}:{line}:{column}: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: the dataset has no sources; add one under \"sources\"")]
    NoSource { file: String },
    #[error(
        "{subject}: id must be 1-64 lowercase letters, digits or '-' (it is used in button ids)"
    )]
    BadId { subject: Subject },
    #[error("{subject}: duplicate id; it is already used by the {first_kind} in {first_file}")]
    DuplicateId {
        subject: Subject,
        first_kind: Kind,
        first_file: String,
    },
    #[error("{subject}: field `{field}` refers to \"{target}\", which is not {expected}")]
    Dangling {
        subject: Subject,
        field: String,
        target: String,
        expected: &'static str,
    },
    #[error("{subject}: field `{field}` is empty")]
    Empty { subject: Subject, field: String },
    #[error("{subject}: field `{field}` has year {year}; expected a year between {min} and {max}")]
    Year {
        subject: Subject,
        field: String,
        year: i32,
        min: i32,
        max: i32,
    },
    #[error("{subject}: field `roles` is empty; every expert needs at least one role")]
    NoRole { subject: Subject },
    #[error(
        "{subject}: no byline; add a passage of kind \"byline\" whose `concerns` starts with this expert"
    )]
    NoByline { subject: Subject },
    #[error("{subject}: {message}")]
    SourceText { subject: Subject, message: String },
    #[error("{subject}: {message}")]
    Rule { subject: Subject, message: String },
    #[error(
        "{subject}{context}: field `{field}` is not verbatim in source \"{source_id}\" ({text_name}){}",
        nearest_text(nearest)
    )]
    NotVerbatim {
        subject: Subject,
        field: String,
        /// Who said it and what it is about, for the curator looking for it.
        context: String,
        source_id: String,
        text_name: String,
        nearest: Option<Nearest>,
    },
    #[error(
        "{subject}: field `lead_in` is in the source, but not just before the passage{between}; a lead-in is the words that lead into it"
    )]
    LeadInNotBefore {
        subject: Subject,
        /// What stands between, when the lead-in is earlier but not adjacent.
        between: String,
    },
    #[error(
        "{subject}: {what} overlaps {other} in the source; the source's words are stored once (a reply would show them twice), so shorten one"
    )]
    Overlap {
        subject: Subject,
        /// "it", or "its `lead_in`".
        what: &'static str,
        /// `passage "id"`, or `the lead_in of passage "id"`.
        other: String,
    },
    #[error(
        "{subject}: name \"{text}\" is the same as \"{other_text}\" of {other} once case, accents and punctuation are folded; rename one or drop the alias"
    )]
    NameClash {
        subject: Subject,
        text: String,
        other: Subject,
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
