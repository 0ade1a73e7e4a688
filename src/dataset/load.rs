//! From file text to a validated `Dataset`: parse every file, join them, check everything,
//! and report every problem at once.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::file::{DataText, DatasetFile};
use super::problem::{LoadError, Problem, Subject};
use super::{Dataset, Entity, Id, Kind, Note, Slot};
use crate::fold;

/// Years outside this range are typing mistakes, not history.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// Ids go into button ids (`pick:expert:<id>`, at most 100 characters in all).
const MAX_ID_LEN: usize = 64;

/// Parses and validates `files` as one dataset.
///
/// JSON errors are reported first, alone: reference checks on half-parsed data would only
/// add noise. Otherwise every check runs and all problems come back together.
pub(super) fn load(files: &[DataText]) -> Result<Dataset, LoadError> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match serde_json::from_str::<DatasetFile>(&file.text) {
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
    let dataset = joined.check(&mut problems);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(LoadError { problems })
    }
}

fn json_problem(file: &str, e: &serde_json::Error) -> Problem {
    // serde_json's message ends in " at line L column C"; the location goes in front instead.
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
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
    /// File names, parallel to each list of `dataset`.
    origin: HashMap<(Kind, usize), String>,
}

impl Joined {
    fn add(&mut self, name: &str, content: DatasetFile) {
        let DatasetFile {
            sources,
            experts,
            groups,
            bodies,
            publications,
        } = content;
        let d = &mut self.dataset;
        let mut note = |kind: Kind, start: usize, n: usize| {
            for i in start..start + n {
                self.origin.insert((kind, i), name.to_string());
            }
        };
        note(Kind::Source, d.sources.len(), sources.len());
        note(Kind::Expert, d.experts.len(), experts.len());
        note(Kind::Group, d.groups.len(), groups.len());
        note(Kind::Body, d.bodies.len(), bodies.len());
        note(Kind::Publication, d.publications.len(), publications.len());
        d.sources.extend(sources);
        d.experts.extend(experts);
        d.groups.extend(groups);
        d.bodies.extend(bodies);
        d.publications.extend(publications);
    }

    fn subject(&self, kind: Kind, index: usize, id: &Id) -> Subject {
        Subject {
            file: self.origin[&(kind, index)].clone(),
            kind,
            id: id.to_string(),
        }
    }

    fn check(self, problems: &mut Vec<Problem>) -> Dataset {
        let by_id = self.check_ids(problems);
        let Joined { dataset: d, origin } = self;
        let dataset = Dataset {
            sources: d.sources,
            experts: d.experts,
            groups: d.groups,
            bodies: d.bodies,
            publications: d.publications,
            by_id,
        };
        Checker {
            dataset: &dataset,
            origin: &origin,
            problems,
        }
        .run();
        dataset
    }

    /// Ids are well formed and unique across all kinds; builds the id index.
    fn check_ids(&self, problems: &mut Vec<Problem>) -> HashMap<Id, Slot> {
        let d = &self.dataset;
        let all = d
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (Kind::Source, i, &s.id, Slot::Source(i)))
            .chain(
                d.experts
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (Kind::Expert, i, &e.id, Slot::Expert(i))),
            )
            .chain(
                d.groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| (Kind::Group, i, &g.id, Slot::Group(i))),
            )
            .chain(
                d.bodies
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (Kind::Body, i, &b.id, Slot::Body(i))),
            )
            .chain(
                d.publications
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (Kind::Publication, i, &p.id, Slot::Publication)),
            );
        let mut by_id: HashMap<Id, Slot> = HashMap::new();
        let mut first: HashMap<&Id, (Kind, usize)> = HashMap::new();
        for (kind, index, id, slot) in all {
            let subject = self.subject(kind, index, id);
            if !is_valid_id(id.as_str()) {
                problems.push(Problem::BadId {
                    subject: subject.clone(),
                });
            }
            match by_id.entry(id.clone()) {
                Entry::Vacant(v) => {
                    v.insert(slot);
                    first.insert(id, (kind, index));
                }
                Entry::Occupied(_) => {
                    let (first_kind, first_index) = first[id];
                    problems.push(Problem::DuplicateId {
                        subject,
                        first_kind,
                        first_file: self.origin[&(first_kind, first_index)].clone(),
                    });
                }
            }
        }
        if d.sources.is_empty() {
            let file = self
                .origin
                .values()
                .min()
                .cloned()
                .unwrap_or_else(|| "(no files)".to_string());
            problems.push(Problem::NoSource { file });
        }
        by_id
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The checks that need the whole dataset: references, empty fields, years, roles and
/// name clashes.
struct Checker<'a> {
    dataset: &'a Dataset,
    origin: &'a HashMap<(Kind, usize), String>,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    fn run(mut self) {
        let d = self.dataset;
        for (i, s) in d.sources.iter().enumerate() {
            let subject = self.subject(Kind::Source, i, &s.id);
            self.nonempty(&subject, "title", &s.title);
            self.nonempty(&subject, "question", &s.question);
            self.year(&subject, "year", s.year);
        }
        for (i, e) in d.experts.iter().enumerate() {
            let subject = self.subject(Kind::Expert, i, &e.id);
            self.nonempty(&subject, "name", &e.name);
            self.nonempty(&subject, "byline", &e.byline);
            self.reference(&subject, "source", &e.source, &[Kind::Source]);
            if e.roles.is_empty() {
                self.problems.push(Problem::NoRole {
                    subject: subject.clone(),
                });
            }
            for (r, role) in e.roles.iter().enumerate() {
                self.nonempty(&subject, &format!("roles[{r}].title"), &role.title);
                let field = format!("roles[{r}].organisation");
                self.reference(&subject, &field, &role.organisation, &[Kind::Body]);
            }
            for (q, quote) in e.quotes.iter().enumerate() {
                self.nonempty(&subject, &format!("quotes[{q}]"), quote);
            }
            for (w, wish) in e.wishes.iter().enumerate() {
                self.nonempty(&subject, &format!("wishes[{w}].text"), &wish.text);
                self.year(&subject, &format!("wishes[{w}].year"), wish.year);
                for (m, id) in wish.mentions.iter().enumerate() {
                    let field = format!("wishes[{w}].mentions[{m}]");
                    self.reference(&subject, &field, id, &[Kind::Group, Kind::Body]);
                }
            }
        }
        for (i, g) in d.groups.iter().enumerate() {
            let subject = self.subject(Kind::Group, i, &g.id);
            self.nonempty(&subject, "name", &g.name);
            self.reference(&subject, "source", &g.source, &[Kind::Source]);
            self.year(&subject, "members.as_of", g.members.as_of);
            for (s, state) in g.members.states.iter().enumerate() {
                self.nonempty(&subject, &format!("members.states[{s}]"), state);
            }
            self.notes(&subject, &g.article);
        }
        for (i, b) in d.bodies.iter().enumerate() {
            let subject = self.subject(Kind::Body, i, &b.id);
            self.nonempty(&subject, "name", &b.name);
            self.reference(&subject, "source", &b.source, &[Kind::Source]);
            self.notes(&subject, &b.article);
        }
        for (i, p) in d.publications.iter().enumerate() {
            let subject = self.subject(Kind::Publication, i, &p.id);
            self.nonempty(&subject, "title", &p.title);
            if p.authors.is_empty() {
                self.problems.push(Problem::Empty {
                    subject: subject.clone(),
                    field: "authors".to_string(),
                });
            }
            for (a, id) in p.authors.iter().enumerate() {
                self.reference(&subject, &format!("authors[{a}]"), id, &[Kind::Expert]);
            }
        }
        self.names();
    }

    fn subject(&self, kind: Kind, index: usize, id: &Id) -> Subject {
        Subject {
            file: self.origin[&(kind, index)].clone(),
            kind,
            id: id.to_string(),
        }
    }

    fn nonempty(&mut self, subject: &Subject, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.problems.push(Problem::Empty {
                subject: subject.clone(),
                field: field.to_string(),
            });
        }
    }

    fn year(&mut self, subject: &Subject, field: &str, year: i32) {
        if !YEARS.contains(&year) {
            self.problems.push(Problem::Year {
                subject: subject.clone(),
                field: field.to_string(),
                year,
                min: *YEARS.start(),
                max: *YEARS.end(),
            });
        }
    }

    fn reference(&mut self, subject: &Subject, field: &str, target: &Id, kinds: &[Kind]) {
        let found = self.dataset.kind_of(target.as_str());
        if !found.is_some_and(|k| kinds.contains(&k)) {
            let expected = match kinds {
                [Kind::Source] => "a source id",
                [Kind::Body] => "a body id",
                [Kind::Expert] => "an expert id",
                _ => "a group or body id",
            };
            self.problems.push(Problem::Dangling {
                subject: subject.clone(),
                field: field.to_string(),
                target: target.to_string(),
                expected,
            });
        }
    }

    fn notes(&mut self, subject: &Subject, notes: &[Note]) {
        for (n, note) in notes.iter().enumerate() {
            self.nonempty(subject, &format!("article[{n}].text"), &note.text);
            if let Some(id) = &note.said_by {
                let field = format!("article[{n}].said_by");
                self.reference(subject, &field, id, &[Kind::Expert]);
            }
        }
    }

    /// No two entities may answer to the same folded name: the matcher could not tell them
    /// apart. Names that fold to nothing ("Dr.") could never be matched at all.
    fn names(&mut self) {
        let d = self.dataset;
        let mut owners: HashMap<String, (Subject, String)> = HashMap::new();
        let indexed = d
            .experts
            .iter()
            .enumerate()
            .map(|(i, e)| (Kind::Expert, i, Entity::Expert(e)))
            .chain(
                d.groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| (Kind::Group, i, Entity::Group(g))),
            )
            .chain(
                d.bodies
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (Kind::Body, i, Entity::Body(b))),
            );
        for (kind, index, entity) in indexed {
            let subject = self.subject(kind, index, entity.id());
            for (n, text) in entity.names().into_iter().enumerate() {
                let key = fold::compact(&fold::fold(text));
                if key.is_empty() {
                    let field = if n == 0 { "name" } else { "aliases" };
                    if !text.trim().is_empty() || n > 0 {
                        self.problems.push(Problem::Empty {
                            subject: subject.clone(),
                            field: format!("{field} (\"{text}\" has no letters or digits)"),
                        });
                    }
                    continue;
                }
                match owners.entry(key) {
                    Entry::Vacant(v) => {
                        v.insert((subject.clone(), text.to_string()));
                    }
                    Entry::Occupied(o) => {
                        let (other, other_text) = o.get();
                        if other.id != subject.id {
                            self.problems.push(Problem::NameClash {
                                subject: subject.clone(),
                                text: text.to_string(),
                                other: other.clone(),
                                other_text: other_text.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
}
