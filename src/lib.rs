//! minilateral: what the experts of "International Tech Cooperation in 2024: What Experts
//! Want" said, and the minilateral groups they spoke about, as a Discord bot.
//!
//! This crate holds the front ends and the shell over the pure core (`minilateral-core`, in
//! `crates/core`): the front ends (`discord`, `gateway`, `endpoint`, `console`) translate to
//! and from the core, `runtime` holds what the two Discord front ends share (signals, panic
//! isolation, registration), `picture` draws the pictures replies describe, and the shell (`cli`, `config`, `logging`, `datafiles`, `live`, `write`)
//! reads and writes files and reads the environment. The core's modules are re-exported under their own names,
//! so `minilateral::answer` is the core's `answer`. See ARCHITECTURE.md.

pub use minilateral_core::{
    answer, articles, command, countries, dataset, echo, excerpt, fold, holders, knowledge, limits,
    matching, mentions, people, question, quote, reply, search,
};
/// The importer (`minilateral-import`, in `crates/import`), for the CLI's `import` and the tests
/// and benches of it; nothing else in this crate uses it.
pub use minilateral_import as import;

pub mod cli;
pub mod config;
pub mod console;
pub mod datafiles;
pub mod discord;
pub mod endpoint;
pub mod gateway;
pub mod live;
pub mod logging;
pub mod picture;
pub mod runtime;
pub mod upload;
pub mod write;
