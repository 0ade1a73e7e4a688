//! minilateral's importer (`minilateral import`): a draft dataset from an article's text, made
//! over the core (`minilateral-core`) and checked by its loader. An authoring tool: the CLI's
//! `import` (`src/cli/import.rs`) is its one caller; the bot's front ends never name it. Pure, as
//! the core is (`clippy.toml` beside this crate).
//!
//! The article is read as paragraphs, quotations and sentences (`text`); each quotation is
//! given to the byline beside it (`byline`); every passage is a byte range of the text, so
//! it is verbatim by construction. Entities come from the bylines (experts, the bodies of
//! their roles, publications) and from "Full Name (ACRONYM)" patterns; with existing data,
//! an expert or body already there is used rather than drafted again. What the importer had
//! to guess is written beside the item as a `review` note, which `check` lists (`draft`).
//! The draft is then loaded by the same code as any dataset, so `check` would say the same.

mod bodies;
mod byline;
mod draft;
mod drafting;
mod entities;
mod file;
mod known;
mod passages;
mod people;
mod quoted;
mod read;
mod roles;
mod text;

use std::fmt;

use minilateral_core::dataset::{DataText, LoadError};
use minilateral_core::knowledge::Knowledge;

pub use draft::Draft;
pub use file::DraftFile;

/// What the command line gives.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The source's id; by default made from the title.
    pub source_id: Option<String>,
    /// The article's year; by default the first year the title (or else the text) names.
    pub year: Option<i32>,
}

/// Existing data to draft against (`--with DATA`): what is already there is matched, not
/// drafted again, and the draft is checked together with it.
pub struct With<'a> {
    pub knowledge: &'a Knowledge,
    /// The files it was loaded from (dataset files and source texts).
    pub files: &'a [DataText],
}

/// Why an article cannot be drafted: where in the text, and what is wrong there. Nothing is
/// written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl ImportError {
    fn at(text: &str, at: usize, message: impl Into<String>) -> ImportError {
        let (line, column) = text::line_col(text, at);
        ImportError {
            line,
            column,
            message: message.into(),
        }
    }

    fn unbalanced(text: &str, at: usize, why: String) -> ImportError {
        ImportError::at(text, at, format!("unbalanced quotation marks: {why}"))
    }
}

/// Why no draft was made.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Article(#[from] ImportError),
    #[error("--source-id {0:?} is not an id: use 1-64 characters of a-z, 0-9 and -")]
    SourceId(String),
    #[error("--year {0} is not a year between 1900 and 2100")]
    Year(i32),
    #[error("the article's year is named nowhere in its title or text: give it with --year")]
    NoYear,
    #[error("source {0:?} is already in the data: give another --source-id")]
    SourceTaken(String),
    #[error(
        "the draft would not load (beside the data drafted against, if any): a fault of `import`, \
         not of the article; please report it with the article. What loading says:\n{0}"
    )]
    Unloadable(LoadError),
}

/// The article's text as the draft stores it: UTF-8, without a byte-order mark, lines ending
/// in `\n`. A file that is empty, binary or not UTF-8 is refused, naming the line.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    // Line ends and the mark first, on bytes (they are ASCII, never inside a multi-byte
    // character), so that every line and column named below is the stored text's.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut normal = Vec::with_capacity(bytes.len());
    let mut after_cr = false;
    for &b in bytes {
        match b {
            b'\r' => normal.push(b'\n'),
            b'\n' if after_cr => {}
            _ => normal.push(b),
        }
        after_cr = b == b'\r';
    }
    let text = match String::from_utf8(normal) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let ok =
                std::str::from_utf8(&bytes[..e.utf8_error().valid_up_to()]).unwrap_or_default();
            return Err(ImportError::at(
                ok,
                ok.len(),
                "not UTF-8 text (a binary file, or text in another encoding: save it as UTF-8)",
            ));
        }
    };
    if let Some(at) = text.find(|c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}')) {
        return Err(ImportError::at(
            &text,
            at,
            format!(
                "a control character (U+{:04X}): this looks like a binary file, not an article",
                text[at..].chars().next().map_or(0, u32::from)
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(ImportError::at(
            &text,
            0,
            "the file is empty: there is no article to draft",
        ));
    }
    Ok(text)
}

/// The id the draft of `text` gives its source (`--source-id`, or else made from the title),
/// known before drafting, so that the shell can refuse where the draft would go before the
/// work is done.
pub fn source_id(text: &str, options: &Options) -> Result<String, Refused> {
    named(text, &read::read(text)?, options)
}

fn named(text: &str, article: &read::Article, options: &Options) -> Result<String, Refused> {
    Ok(match &options.source_id {
        Some(id) if !minilateral_core::dataset::is_valid_id(id) => {
            return Err(Refused::SourceId(id.clone()));
        }
        Some(id) => id.clone(),
        None => Some(entities::slug(&text[article.title.clone()], 40))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "article".into()),
    })
}

/// Drafts a dataset from `text` (as [`decode`] returns it).
pub fn draft(text: &str, options: &Options, with: Option<With<'_>>) -> Result<Draft, Refused> {
    draft::draft(text, options, with)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_what_is_not_an_article() {
        let e = decode(b"Title\nline two \xff\xfe").unwrap_err();
        assert_eq!((e.line, e.column), (2, 10), "{e}");
        let e = decode(b"Title\n\nsome\x00binary").unwrap_err();
        assert_eq!((e.line, e.column), (3, 5), "{e}");
        assert!(decode(b" \n\n\t\n").unwrap_err().message.contains("empty"));
        assert_eq!(decode("\u{feff}A\r\nB\rC".as_bytes()).unwrap(), "A\nB\nC");
        // Places count the stored text: no mark, one line end per line.
        let e = decode(
            "\u{feff}Tétle \u{ff}"
                .as_bytes()
                .iter()
                .copied()
                .chain([0xff])
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (1, 8), "{e}");
        let e = decode(b"Title\rline two\r\xff").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e}");
    }
}
