//! The picture a reply may describe: a grid of member states by groups, as data. The core
//! draws nothing; the shell draws it (`picture::png`) and attaches it under its file name.

// `reply`'s lints hold here too: missing docs and panics are errors (tests aside).

use serde::Serialize;

/// A picture of a reply: what to draw, the file name to attach it under, and a text
/// alternative for screen readers (Discord's attachment description).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Picture {
    /// The file name it is attached under ("overlap.png"), which `Card::image` refers to.
    pub file: String,
    /// What it shows, in words, for those who cannot see it.
    pub alt: String,
    /// What to draw.
    pub grid: Grid,
}

/// A grid of member states (rows) by groups (columns), a filled cell for every membership.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Grid {
    /// The line above the grid.
    pub title: String,
    /// The groups, left to right.
    pub columns: Vec<Column>,
    /// The member states, top to bottom.
    pub rows: Vec<Row>,
    /// Rows left out of the picture to keep it readable (said under it).
    pub more_rows: usize,
}

/// A column of a `Grid`: one group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The group's name, as the column's heading.
    pub name: String,
    /// The member list is the article's own; otherwise it is background knowledge, marked.
    pub from_article: bool,
}

/// A row of a `Grid`: one member state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The state's name, at the row's start.
    pub name: String,
    /// One per column: a member of that group.
    pub cells: Vec<bool>,
}

impl Row {
    /// In more than one of the grid's groups: the rows the picture highlights.
    pub fn shared(&self) -> bool {
        self.cells.iter().filter(|c| **c).count() > 1
    }
}
