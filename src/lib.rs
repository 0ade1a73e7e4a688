//! minilateral: what the experts of "International Tech Cooperation in 2024: What Experts
//! Want" said, and the minilateral groups they spoke about, as a Discord bot.
//!
//! The core (`dataset`, `fold`, `matching`, `search`, `quote`, `command`, `answer`, `reply`,
//! `limits`, `knowledge`) knows nothing of Discord, files or the environment; the front ends
//! (`discord`, `gateway`, `endpoint`, `console`) translate to and from it, and the shell
//! (`cli`, `config`, `logging`, `datafiles`, `live`) reads files and the environment. See
//! ARCHITECTURE.md.

pub mod dataset;
pub mod fold;

pub mod answer;
pub mod cli;
pub mod command;
pub mod config;
pub mod console;
pub mod datafiles;
pub mod discord;
pub mod endpoint;
pub mod gateway;
pub mod knowledge;
pub mod limits;
pub mod live;
pub mod logging;
pub mod matching;
pub mod quote;
pub mod reply;
pub mod search;
pub mod synthetic;
