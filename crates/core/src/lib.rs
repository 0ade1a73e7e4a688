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

pub mod answer;
pub mod articles;
pub mod command;
pub mod countries;
pub mod dataset;
pub mod echo;
pub mod excerpt;
pub mod fold;
pub mod knowledge;
pub mod limits;
pub mod matching;
pub mod mentions;
pub mod people;
pub mod quote;
pub mod reply;
pub mod search;
