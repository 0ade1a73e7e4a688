//! The labelled questions of `/ask` (`tests/fixtures/ask.tsv`, issue 25) read into rows, and
//! what `/ask` answers first written as the fixture writes it: shared by the labelled-set test
//! (`tests/it/ask.rs`) and the benchmark (`benches/ask.rs`), so that both count alike.

use minilateral_core::knowledge::Knowledge;
use minilateral_core::question::{self, Answer};

/// One row of `ask.tsv`.
#[derive(Clone, Debug)]
pub struct Labelled {
    /// `tune` or `held`.
    pub set: String,
    /// `passage`, `list` or `none`.
    pub kind: String,
    /// What a person types after `/ask`.
    pub question: String,
    /// What answers it, as `first_answer` writes an answer.
    pub expected: Vec<String>,
}

impl Labelled {
    /// Whether `/ask` on `k` answers it right first time (or honestly, for a `none` row).
    pub fn right(&self, k: &Knowledge) -> bool {
        self.expected.contains(&first_answer(k, &self.question))
    }
}

/// The rows of `tsv` (the text of `ask.tsv`): comment and blank lines skipped. Panics on a row
/// without its four columns: the fixture is wrong.
pub fn labelled(tsv: &str) -> Vec<Labelled> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "{l}");
            Labelled {
                set: cols[0].to_string(),
                kind: cols[1].to_string(),
                question: cols[2].to_string(),
                expected: cols[3].split(',').map(str::to_string).collect(),
            }
        })
        .collect()
}

/// What `/ask` answers first, as the fixture writes it: a passage's id, `group:<id>`,
/// `country:<Name>`, or `-` for the honest reply.
pub fn first_answer(k: &Knowledge, q: &str) -> String {
    let reading = question::read(k, q);
    first_of(k, &question::answer(k, &reading))
}

/// What `answer` answers first, written as `ask.tsv` writes what is expected.
pub fn first_of(k: &Knowledge, answer: &Answer) -> String {
    match answer {
        Answer::Passages { found, .. } => found
            .first()
            .map(|&(p, _)| k.dataset[p].id.to_string())
            .unwrap_or_default(),
        Answer::Members(g) => format!("group:{}", k.dataset[*g].id),
        Answer::Country(c) => format!("country:{}", c.name),
        Answer::NotAnswered { .. } => "-".to_string(),
    }
}
