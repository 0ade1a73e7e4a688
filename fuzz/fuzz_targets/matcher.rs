//! Fuzz target: any text as a name to resolve and to complete, for both kinds. Must never
//! panic, and scores stay in (0, 1].
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use minilateral::datafiles;
use minilateral::dataset::Kind;
use minilateral::matching::Matcher;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(&datafiles::load(&datafiles::DataPath::Bundled).unwrap()))
}

fuzz_target!(|text: &str| {
    for kind in [Kind::Expert, Kind::Group] {
        let r = matcher().resolve(kind, text);
        assert!(r.candidates.iter().all(|c| c.score > 0.0 && c.score <= 1.0));
        assert!(matcher().complete(kind, text, &|_| true).len() <= 25);
    }
});
