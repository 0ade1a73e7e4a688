//! The draft as a dataset file holds it (`DraftFile`): what was drafted, kind by kind, and
//! its JSON as `import` writes it.

use minilateral_core::dataset::{Body, Expert, Group, Passage, Publication, Source};
use serde::Serialize;

/// The draft as a dataset file holds it.
#[derive(Debug, Default)]
pub struct DraftFile {
    pub sources: Vec<Source>,
    pub experts: Vec<Expert>,
    pub groups: Vec<Group>,
    pub bodies: Vec<Body>,
    pub publications: Vec<Publication>,
    pub passages: Vec<Passage>,
}

impl DraftFile {
    /// The file's JSON, with the source's text named as `text_file` (beside the file) or,
    /// without one, inline as `text`. Keys keep the model's order (ids first).
    pub fn to_json(&self, text_file: Option<&str>, text: &str) -> String {
        /// A source with its text inline, when there is no file for it.
        #[derive(Serialize)]
        struct SourceOut {
            #[serde(flatten)]
            source: Source,
            #[serde(skip_serializing_if = "Option::is_none")]
            text: Option<String>,
        }
        #[derive(Serialize)]
        struct FileOut<'a> {
            sources: Vec<SourceOut>,
            experts: &'a [Expert],
            #[serde(skip_serializing_if = "<[Group]>::is_empty")]
            groups: &'a [Group],
            bodies: &'a [Body],
            publications: &'a [Publication],
            passages: &'a [Passage],
        }
        let out = FileOut {
            sources: self
                .sources
                .iter()
                .map(|source| SourceOut {
                    source: Source {
                        text_file: text_file.map(String::from),
                        ..source.clone()
                    },
                    text: text_file.is_none().then(|| text.to_string()),
                })
                .collect(),
            experts: &self.experts,
            groups: &self.groups,
            bodies: &self.bodies,
            publications: &self.publications,
            passages: &self.passages,
        };
        let mut json = serde_json::to_string_pretty(&out).expect("a draft serialises");
        json.push('\n');
        json
    }

    /// The draft's own `review` notes (`Dataset::to_review` would count the data drafted
    /// against too).
    pub(super) fn reviews(&self) -> usize {
        self.sources.iter().map(|s| s.review.len()).sum::<usize>()
            + self.experts.iter().map(|e| e.review.len()).sum::<usize>()
            + self.bodies.iter().map(|b| b.review.len()).sum::<usize>()
            + self
                .publications
                .iter()
                .map(|p| p.review.len())
                .sum::<usize>()
            + self.passages.iter().map(|p| p.review.len()).sum::<usize>()
    }
}
