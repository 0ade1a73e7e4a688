//! `/ask`: a question in plain words, read into what it asks about and answered from the
//! articles' own passages, never from text of ours. The reading is deterministic and can be
//! said back in one line ("Read as: Tanya Filer · wishes · 2024"): no model, no weights learnt.
//!
//! `plain` takes Discord's markup out of a message, `cues` holds the words that say what kind
//! of answer is asked for (`Want`) and the words every question is made of, `reading` reads a
//! question (`Reading`), `rank` finds what answers it (`Answer`). Each uses only the ones
//! listed before it.

mod cues;
mod plain;
mod rank;
mod reading;

pub use cues::{Fact, Want};
pub use rank::{Answer, WORDS_FLOOR, answer, answer_with_floor};
pub use reading::{Named, Reading, Through, read};
