//! The draft being written (`Drafting`): the article's text, the source's id, the ids taken,
//! the file so far, the lines of the report, and the data drafted against. The people and the
//! bodies of the draft (`people`, `bodies`) write into it; it knows neither.

use std::ops::Range;

use minilateral_core::dataset::{DataText, Dataset, Entity, Id, Kind, LoadError};
use minilateral_core::knowledge::Knowledge;

use super::With;
use super::entities::Ids;
use super::file::DraftFile;
use super::known::Known;

/// A draft being written: what every part of the drafting reads (the text, the data drafted
/// against) and writes (ids, the file, the report).
pub(super) struct Drafting<'t, 'w> {
    /// The article's text, which every span of the draft is a range of.
    pub text: &'t str,
    /// The source's id, which every drafted item names as its source.
    pub source: Id,
    /// The ids taken, by the data drafted against and by the draft.
    pub ids: Ids,
    pub file: DraftFile,
    /// What was found, matched and left out, for the curator (one line each).
    pub report: Vec<String>,
    with: Option<With<'w>>,
    /// The names and titles of the data drafted against (empty without it).
    known: Known<'w>,
}

impl<'t, 'w> Drafting<'t, 'w> {
    /// An empty draft of `text` whose source is `source`, with the ids `ids` holds taken.
    pub fn new(text: &'t str, source: Id, ids: Ids, with: Option<With<'w>>) -> Drafting<'t, 'w> {
        let known = with
            .as_ref()
            .map(|w| Known::new(&w.knowledge.dataset))
            .unwrap_or_default();
        Drafting {
            text,
            source,
            ids,
            file: DraftFile::default(),
            report: Vec::new(),
            with,
            known,
        }
    }

    /// The knowledge of the data drafted against, if any.
    pub fn knowledge(&self) -> Option<&'w Knowledge> {
        self.with.as_ref().map(|w| w.knowledge)
    }

    /// The names and titles of the data drafted against, indexed (empty without it).
    pub fn known(&self) -> &Known<'w> {
        &self.known
    }

    /// The words of `r` exactly as the text writes them (for what is checked verbatim).
    pub fn span(&self, r: &Range<usize>) -> String {
        self.text[r.clone()].to_string()
    }

    /// The words of `r` with each run of spaces and line breaks as one space: a name or a
    /// title as a card shows it, where a hard-wrapped line broke it ("Director of the\n
    /// Northwind Lab"). What is checked verbatim (`as_written`, passages) keeps `span`.
    pub fn plain(&self, r: &Range<usize>) -> String {
        self.text[r.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The entity of the data drafted against, of one of `kinds`, one of whose names (name,
    /// full name, alias) folds to `key`.
    pub fn in_data(&self, key: &str, kinds: &[Kind]) -> Option<Entity<'w>> {
        self.known.entity(key, kinds)
    }

    /// The draft so far loaded beside the data drafted against, as `check` would load them.
    pub fn load(&self) -> Result<Dataset, LoadError> {
        let mut files: Vec<DataText> = self.with.as_ref().map_or(Vec::new(), |w| w.files.to_vec());
        files.push(DataText::new("<draft>", self.file.to_json(None, self.text)));
        Dataset::load(&files)
    }
}
