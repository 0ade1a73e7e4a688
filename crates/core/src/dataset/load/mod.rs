//! From file text to a validated `Dataset`: parse every file, join them, check everything,
//! and report every problem at once. The checks themselves live in the submodules; this
//! module parses, joins and remembers which file each entity came from.

mod checks;
mod ids;

pub use ids::is_valid_id;
mod names;
mod passages;
mod texts;

use std::collections::HashMap;

use super::file::{DataText, DatasetFile, without_bom};
use super::passage_index::PassageIndex;
use super::problem::{LoadError, Problem, Subject};
use super::{Dataset, Id, Kind};
use texts::Texts;

/// Parses and validates `files` as one dataset.
///
/// JSON errors are reported first, alone: reference checks on half-parsed data would only
/// add noise. Otherwise every check runs and all problems come back together.
pub(super) fn load(files: &[DataText]) -> Result<Dataset, LoadError> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let texts: Texts<'_> = files
        .iter()
        .filter(|f| !f.is_json())
        .map(|f| (f.name.as_str(), f.read().map(without_bom)))
        .collect();
    for file in files.iter().filter(|f| f.is_json()) {
        // A byte-order mark, as some editors write, is not part of the JSON.
        let text = without_bom(&file.text);
        if let Some(problem) = not_an_object(&file.name, text) {
            problems.push(problem);
            continue;
        }
        match serde_json::from_str::<DatasetFile>(text) {
            Ok(content) => parsed.push((file.name.as_str(), content)),
            Err(e) => problems.push(json_problem(&file.name, &e)),
        }
    }
    if !problems.is_empty() {
        return Err(LoadError { problems });
    }

    let mut joined = Joined::default();
    for (name, content) in parsed {
        joined.add(name, content);
    }
    passages::place_passages(&mut joined, &texts, &mut problems);
    let dataset = joined.check(&mut problems);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(LoadError { problems })
    }
}

/// A dataset file is one JSON object; serde would also take an array for it (filling the
/// lists by position), so anything else is refused by its first character.
fn not_an_object(file: &str, text: &str) -> Option<Problem> {
    let (at, first) = text.char_indices().find(|(_, c)| !c.is_whitespace())?;
    if first == '{' {
        return None;
    }
    let before = text.get(..at).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some(Problem::Json {
        file: file.to_string(),
        line,
        column,
        message:
            "a dataset file holds one JSON object, { \"sources\": [...], \"experts\": [...], ... }"
                .to_string(),
    })
}

fn json_problem(file: &str, e: &serde_json::Error) -> Problem {
    // serde_json's message ends in " at line L column C"; the location goes in front instead.
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or_default().to_string(),
        None => message,
    };
    Problem::Json {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message,
    }
}

/// The lists of all files joined, each entity remembering the file it came from.
#[derive(Default)]
struct Joined {
    dataset: DatasetFile,
    origin: Origin,
}

/// Which file each entity came from: every file name once, and per kind a file number for
/// each entity of that kind's list.
#[derive(Default)]
struct Origin {
    files: Vec<String>,
    of: HashMap<Kind, Vec<usize>>,
}

impl Origin {
    fn file(&self, kind: Kind, index: usize) -> &str {
        // Every entity was noted with its file when its file was added (`add`).
        self.of
            .get(&kind)
            .and_then(|files| files.get(index))
            .and_then(|&n| self.files.get(n))
            .map_or("(unknown file)", String::as_str)
    }

    /// Every check names its entity through here, so that all messages place it alike.
    fn subject(&self, who: Who<'_>) -> Subject {
        Subject {
            file: self.file(who.kind, who.index).to_string(),
            kind: who.kind,
            id: who.id.to_string(),
        }
    }

    /// After `kind`'s list was put in `order` (new position → old position).
    fn reorder(&mut self, kind: Kind, order: &[usize]) {
        if let Some(files) = self.of.get_mut(&kind) {
            *files = order
                .iter()
                .filter_map(|&old| files.get(old).copied())
                .collect();
        }
    }
}

/// The entity a check is about, cheap to copy: its `Subject` (with the file name) is made
/// only when there is a problem to report.
#[derive(Clone, Copy)]
struct Who<'a> {
    kind: Kind,
    index: usize,
    id: &'a Id,
}

impl<'a> Who<'a> {
    fn new(kind: Kind, index: usize, id: &'a Id) -> Self {
        Who { kind, index, id }
    }
}

impl Joined {
    fn add(&mut self, name: &str, content: DatasetFile) {
        let DatasetFile {
            sources,
            experts,
            groups,
            bodies,
            publications,
            passages,
        } = content;
        let d = &mut self.dataset;
        let file = self.origin.files.len();
        self.origin.files.push(name.to_string());
        let mut note = |kind: Kind, n: usize| {
            let files = self.origin.of.entry(kind).or_default();
            files.extend(std::iter::repeat_n(file, n));
        };
        note(Kind::Source, sources.len());
        note(Kind::Expert, experts.len());
        note(Kind::Group, groups.len());
        note(Kind::Body, bodies.len());
        note(Kind::Publication, publications.len());
        note(Kind::Passage, passages.len());
        d.sources.extend(sources);
        d.experts.extend(experts);
        d.groups.extend(groups);
        d.bodies.extend(bodies);
        d.publications.extend(publications);
        d.passages.extend(passages);
    }

    /// Builds the dataset from the joined lists (its id index and passage indexes), then
    /// runs the checks that need all of it.
    fn check(self, problems: &mut Vec<Problem>) -> Dataset {
        let by_id = ids::check_ids(&self, problems);
        let Joined { dataset: d, origin } = self;
        let index = PassageIndex::build(
            &d.passages,
            &by_id,
            (d.experts.len(), d.groups.len(), d.bodies.len()),
            d.sources.len(),
        );
        let mut dataset = Dataset {
            sources: d.sources,
            experts: d.experts,
            groups: d.groups,
            bodies: d.bodies,
            publications: d.publications,
            passages: d.passages,
            by_id,
            index,
            counted: Default::default(),
        };
        dataset.counted = dataset.count();
        checks::check(&dataset, &origin, problems);
        names::check(&dataset, &origin, problems);
        dataset
    }
}
