//! Fuzz target: bytes as an interaction body, as the HTTP endpoint would get them after the
//! signature check: decode, answer, serialise. Must never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use minilateral::knowledge::Knowledge;
use minilateral::{datafiles, discord};
use serenity::all::Interaction;

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::new(datafiles::load(&datafiles::DataPath::Bundled).unwrap()))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(interaction) = serde_json::from_slice::<Interaction>(data) {
        let response = discord::respond(knowledge(), &interaction);
        let _ = serde_json::to_vec(&response.body).unwrap();
    }
});
