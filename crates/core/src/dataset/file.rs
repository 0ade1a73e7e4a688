//! The serde mirror of one dataset file: what a file may hold, before any check; and the
//! source texts a dataset's files name.

use serde::Deserialize;

use super::{Body, Expert, Group, Passage, Publication, Source};

/// The text of one file and the name to use for it in messages (`data/minilateral.json`,
/// or `<bundled>/minilateral.json`): a dataset file, or a source's full text, found by the
/// path its source's `text_file` gives ([`text_path`]).
#[derive(Clone, Debug)]
pub struct DataText {
    /// The name messages use for the file.
    pub name: String,
    /// The file's whole text (empty where it could not be read).
    pub text: String,
    json: bool,
    /// Why a source text named by the dataset could not be read (its `text` is then empty):
    /// loading reports it with the source, beside every other problem.
    unreadable: Option<String>,
}

impl DataText {
    /// A dataset file (JSON).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> DataText {
        DataText {
            name: name.into(),
            text: text.into(),
            json: true,
            unreadable: None,
        }
    }

    /// A source's full text.
    pub fn source_text(name: impl Into<String>, text: impl Into<String>) -> DataText {
        DataText {
            json: false,
            ..DataText::new(name, text)
        }
    }

    /// A source text that could not be read, and why.
    pub fn unreadable(name: impl Into<String>, why: impl Into<String>) -> DataText {
        DataText {
            json: false,
            unreadable: Some(why.into()),
            ..DataText::new(name, "")
        }
    }

    /// The text, or why it could not be read.
    pub(super) fn read(&self) -> Result<&str, &str> {
        match &self.unreadable {
            Some(why) => Err(why),
            None => Ok(&self.text),
        }
    }

    /// A dataset file, not a source's text.
    pub fn is_json(&self) -> bool {
        self.json
    }
}

/// One file. Every top-level list is optional, so a dataset can be split across files
/// (say, one for experts and one for passages); the lists of all files are joined.
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
    #[serde(default)]
    pub passages: Vec<Passage>,
}

/// `text` without a leading byte-order mark, which some editors write and which is not part
/// of the JSON (or of a source's words).
pub(super) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The name under which the text file `text_file`, named by a source in the dataset file
/// `json_name`, is expected: relative to that file's folder.
pub fn text_path(json_name: &str, text_file: &str) -> String {
    match json_name.rfind('/') {
        Some(slash) if !text_file.starts_with('/') => {
            format!("{}/{text_file}", json_name.get(..slash).unwrap_or_default())
        }
        _ => text_file.to_string(),
    }
}

/// The source texts the JSON files name (`text_file`), as [`text_path`]s, for the shell to
/// read before [`super::Dataset::load`]. Files that do not parse are skipped here: `load`
/// reports them with their place.
pub fn text_files(files: &[DataText]) -> Vec<String> {
    #[derive(Deserialize)]
    struct Sources {
        #[serde(default)]
        sources: Vec<SourceText>,
    }
    #[derive(Deserialize)]
    struct SourceText {
        text_file: Option<String>,
    }
    let mut out = Vec::new();
    for file in files.iter().filter(|f| f.is_json()) {
        let Ok(parsed) = serde_json::from_str::<Sources>(without_bom(&file.text)) else {
            continue;
        };
        for name in parsed.sources.into_iter().filter_map(|s| s.text_file) {
            let path = text_path(&file.name, &name);
            if !out.contains(&path) {
                out.push(path);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_are_relative_to_the_file_naming_them() {
        assert_eq!(text_path("data/x.json", "a.txt"), "data/a.txt");
        assert_eq!(text_path("<bundled>/x.json", "a.txt"), "<bundled>/a.txt");
        assert_eq!(text_path("x.json", "a.txt"), "a.txt");
        assert_eq!(text_path("data/x.json", "/abs/a.txt"), "/abs/a.txt");
        let files = [
            DataText::new(
                "d/one.json",
                r#"{"sources": [{"text_file": "a.txt", "other": 1}, {"id": "x"}]}"#,
            ),
            DataText::new("d/two.json", "{ not json"),
            DataText::source_text("d/a.txt", "{\"sources\": [{\"text_file\": \"no.txt\"}]}"),
        ];
        assert_eq!(text_files(&files), vec!["d/a.txt".to_string()]);
    }
}
