//! The serde mirror of one dataset file: what a file may hold, before any check.

use serde::Deserialize;

use super::{Body, Expert, Group, Publication, Source};

/// The text of one dataset file and the name to use for it in messages
/// (`data/minilateral.json`, or `<bundled>/minilateral.json`).
#[derive(Clone, Debug)]
pub struct DataText {
    pub name: String,
    pub text: String,
}

impl DataText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> DataText {
        DataText {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// One file. Every top-level list is optional, so a dataset can be split across files
/// (say, one for experts and one for groups); the lists of all files are joined.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DatasetFile {
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub experts: Vec<Expert>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub bodies: Vec<Body>,
    #[serde(default)]
    pub publications: Vec<Publication>,
}
