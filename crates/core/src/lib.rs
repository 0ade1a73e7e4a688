//! The core of minilateral: pure functions of values. It loads and checks a dataset from text
//! it is given (`dataset`), folds and matches names (`fold`, `matching`), searches what was said
//! (`search`), reads requests (`command`) and answers them (`answer`) with replies that fit
//! Discord's limits (`reply`, `limits`, `quote`), passages cut and marked by one rule
//! (`excerpt`), over the `knowledge` built once per dataset. Drafting datasets from articles is
//! not here: it is the `minilateral-import` crate (`crates/import`), which depends on this one.
//!
//! It knows nothing of Discord, files, the environment or the terminal: its dependencies say so
//! (no serenity, tokio or axum in `Cargo.toml`), and `clippy.toml` beside this crate forbids
//! reading files or the environment and printing (`-D warnings` makes that an error).

// Every public item says what it is for, and nothing here panics on data: what is not there
// is a reply that says so, a text that does not fit is cut, a name typed by anyone is read
// without a panic. The few lookups that index (a dense index the dataset issued, a key the
// matcher issued, the edit-distance row) say why they stay in bounds where they allow it.
// Clippy holds these (`.ci/run` denies warnings; `tests/it/tidy.rs` checks they stay here);
// tests may unwrap.
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::expect_used,
        clippy::unwrap_used,
        clippy::unreachable,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

pub mod answer;
pub mod articles;
pub mod command;
pub mod countries;
pub mod dataset;
pub mod echo;
pub mod excerpt;
pub mod fold;
pub mod holders;
pub mod knowledge;
pub mod limits;
pub mod matching;
pub mod mentions;
pub mod people;
pub mod question;
pub mod quote;
pub mod reply;
pub mod search;
#[cfg(test)]
mod testdata;
