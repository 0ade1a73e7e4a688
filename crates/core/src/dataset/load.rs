//! From file text to a validated `Dataset`: parse every file, join them, check everything,
//! and report every problem at once.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::ops::Range;

use super::file::{DataText, DatasetFile, text_path, without_bom};
use super::problem::{LoadError, Problem, Subject};
use super::verbatim;
use super::{Dataset, Entity, Id, Kind, PassageKind, Provenance, Slot};
use crate::fold;

/// Years outside this range are typing mistakes, not history.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// Texts not found in their source that `check` explains with the nearest text; the rest
/// are named only (each explanation is a pass over the source's words).
const EXPLAINED: usize = 20;
/// Ids go into button ids (`pick:expert:<id>`, at most 100 characters in all).
const MAX_ID_LEN: usize = 64;

/// Parses and validates `files` as one dataset.
///
/// JSON errors are reported first, alone: reference checks on half-parsed data would only
/// add noise. Otherwise every check runs and all problems come back together.
pub(super) fn load(files: &[DataText]) -> Result<Dataset, LoadError> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let texts: HashMap<&str, Result<&str, &str>> = files
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
    joined.place_passages(&texts, &mut problems);
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
    let before = &text[..at];
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
    origin: Origin,
}

/// Which file each entity came from: every file name once, and per kind a file number for
/// each entity of that kind's list.
#[derive(Default)]
struct Origin {
    files: Vec<String>,
    of: HashMap<Kind, Vec<u32>>,
}

impl Origin {
    fn file(&self, kind: Kind, index: usize) -> &str {
        &self.files[self.of[&kind][index] as usize]
    }

    fn subject(&self, kind: Kind, index: usize, id: &Id) -> Subject {
        Subject {
            file: self.file(kind, index).to_string(),
            kind,
            id: id.to_string(),
        }
    }

    /// After `kind`'s list was put in `order` (new position → old position).
    fn reorder(&mut self, kind: Kind, order: &[usize]) {
        if let Some(files) = self.of.get_mut(&kind) {
            *files = order.iter().map(|&old| files[old]).collect();
        }
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
        let file = self.origin.files.len() as u32;
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

    fn subject(&self, kind: Kind, index: usize, id: &Id) -> Subject {
        self.origin.subject(kind, index, id)
    }

    fn check(self, problems: &mut Vec<Problem>) -> Dataset {
        let by_id = self.check_ids(problems);
        let Joined { dataset: d, origin } = self;
        let (said, about) = passage_index(&d.passages, &by_id, d.experts.len(), d.groups.len());
        let heads = source_heads(&d.sources, &d.passages);
        let dataset = Dataset {
            sources: d.sources,
            experts: d.experts,
            groups: d.groups,
            bodies: d.bodies,
            publications: d.publications,
            passages: d.passages,
            by_id,
            said,
            about,
            heads,
        };
        Checker {
            dataset: &dataset,
            origin: &origin,
            problems,
        }
        .run();
        dataset
    }

    /// Finds every passage in its source's text (and every other text the dataset says is
    /// the source's words), then puts the passages in source order. Reports each text that
    /// is not verbatim, with the nearest text of the source; passages that overlap (the same
    /// words stored twice); and lead-ins that do not lead into their passage.
    fn place_passages(&mut self, texts: &Texts<'_>, problems: &mut Vec<Problem>) {
        // A source's text is needed once, here: taken out, the dataset keeps no copy of it.
        let inline: HashMap<Id, String> = self
            .dataset
            .sources
            .iter_mut()
            .filter_map(|s| Some((s.id.clone(), s.text.take()?)))
            .collect();
        let full = self.source_texts(texts, &inline, problems);
        // Where the previous passage of each source ended: passages written in source order
        // are each found at once.
        let mut cursor: HashMap<&Id, usize> = HashMap::new();
        let mut placed: Vec<Option<(usize, Range<usize>)>> = Vec::new();
        // Texts not found: the first few are explained with the nearest text of the source,
        // the rest only named, so that a broken source of a huge dataset reports quickly.
        let mut unexplained = EXPLAINED;
        for (i, p) in self.dataset.passages.iter().enumerate() {
            let Some((index, text, text_name)) = full.get(&p.source) else {
                placed.push(None);
                continue;
            };
            if p.text.trim().is_empty() {
                // Reported as an empty field by the checker.
                placed.push(None);
                continue;
            }
            let from = cursor.get(&p.source).copied().unwrap_or(0);
            match verbatim::locate_in(text, &p.text, from, unexplained > 0) {
                Ok(range) => {
                    cursor.insert(&p.source, range.end);
                    placed.push(Some((*index, range)));
                }
                Err(nearest) => {
                    unexplained = unexplained.saturating_sub(1);
                    placed.push(None);
                    let subject = self.subject(Kind::Passage, i, &p.id);
                    problems.push(not_verbatim(subject, "text", p, text_name, nearest));
                }
            }
        }
        let leads = self.lead_ins(&full, &placed, problems);
        self.overlaps(&placed, &leads, problems);
        self.other_verbatim(&full, problems);
        // Source order; passages that could not be placed stay last, in file order (the
        // dataset is refused anyway).
        let key = |i: usize| {
            placed[i]
                .as_ref()
                .map_or((usize::MAX, i), |(s, r)| (*s, r.start))
        };
        let mut order: Vec<usize> = (0..self.dataset.passages.len()).collect();
        order.sort_by_key(|&i| key(i));
        let mut passages: Vec<_> = std::mem::take(&mut self.dataset.passages)
            .into_iter()
            .map(Some)
            .collect();
        for &old in &order {
            let mut p = passages[old].take().expect("each passage is moved once");
            p.at = key(old);
            self.dataset.passages.push(p);
        }
        self.origin.reorder(Kind::Passage, &order);
    }

    /// The full text of each source that has one, by source id: (source index, text, the
    /// name to show for it). A source whose text is missing is reported once.
    fn source_texts<'t>(
        &self,
        texts: &Texts<'t>,
        inline: &'t HashMap<Id, String>,
        problems: &mut Vec<Problem>,
    ) -> SourceTexts<'t> {
        let d = &self.dataset;
        let mut full = HashMap::new();
        for (i, s) in d.sources.iter().enumerate() {
            let subject = self.subject(Kind::Source, i, &s.id);
            let message = match (inline.get(&s.id), &s.text_file) {
                (Some(_), Some(_)) => "has both `text` and `text_file`; keep one".to_string(),
                (Some(text), None) => {
                    full.insert(s.id.clone(), (i, text.as_str(), "its `text`".to_string()));
                    continue;
                }
                (None, Some(file)) => {
                    let path = text_path(&subject.file, file);
                    match texts.get(path.as_str()) {
                        Some(Ok(text)) => {
                            full.insert(s.id.clone(), (i, *text, path));
                            continue;
                        }
                        Some(Err(why)) => format!(
                            "names `text_file` \"{file}\", but {path} could not be read: {why}"
                        ),
                        None => {
                            format!("names `text_file` \"{file}\", but {path} could not be read")
                        }
                    }
                }
                (None, None) => {
                    // Without a text nothing can be proven; that is only wrong when
                    // something claims to be the source's words.
                    let claims = d.passages.iter().any(|p| p.source == s.id)
                        || d.publications.iter().any(|p| p.source == s.id)
                        || d.experts.iter().any(|e| {
                            e.source == s.id && e.roles.iter().any(|r| r.as_written.is_some())
                        })
                        || d.groups
                            .iter()
                            .any(|g| g.source == s.id && g.members.as_written.is_some());
                    if !claims {
                        continue;
                    }
                    "has passages (or `as_written` texts, or publications) but no `text_file` (or `text`) to prove them against".to_string()
                }
            };
            problems.push(Problem::SourceText { subject, message });
        }
        full
    }
    /// Two passages of one source that share words (or a passage and another's lead-in):
    /// the same text stored twice, which a reply would show twice.
    fn overlaps(
        &self,
        placed: &[Option<(usize, Range<usize>)>],
        leads: &[(usize, Range<usize>, usize)],
        problems: &mut Vec<Problem>,
    ) {
        // (source, span, passage, whether the span is that passage's lead-in)
        let mut spans: Vec<(usize, Range<usize>, usize, bool)> = placed
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.clone().map(|(s, r)| (s, r, i, false)))
            .chain(leads.iter().map(|(s, r, i)| (*s, r.clone(), *i, true)))
            .collect();
        spans.sort_by_key(|(s, r, i, lead)| (*s, r.start, *lead, *i));
        let name = |i: usize, lead: bool| {
            let id = &self.dataset.passages[i].id;
            if lead {
                format!("the `lead_in` of passage \"{id}\"")
            } else {
                format!("passage \"{id}\"")
            }
        };
        // The span reaching furthest so far, per source: a later one starting before its end
        // overlaps it.
        let mut reach: Option<(usize, usize, usize, bool)> = None;
        for (source, range, i, lead) in spans {
            if let Some((s, end, j, other_lead)) = reach
                && s == source
                && range.start < end
            {
                let p = &self.dataset.passages[i];
                problems.push(Problem::Overlap {
                    subject: self.subject(Kind::Passage, i, &p.id),
                    what: if lead { "its `lead_in`" } else { "it" },
                    other: name(j, other_lead),
                });
            }
            if reach.is_none_or(|(s, end, _, _)| s != source || range.end > end) {
                reach = Some((source, range.end, i, lead));
            }
        }
    }

    /// A lead-in is the words just before its passage: only spacing, quotes, list markers
    /// and passages with the same lead-in (the items of one list) may come between.
    /// Returns where each distinct lead-in is (source, span, the first passage it leads
    /// into), for the overlap check.
    fn lead_ins(
        &self,
        full: &SourceTexts<'_>,
        placed: &[Option<(usize, Range<usize>)>],
        problems: &mut Vec<Problem>,
    ) -> Vec<(usize, Range<usize>, usize)> {
        let passages = &self.dataset.passages;
        let mut spans: Vec<(usize, Range<usize>, usize)> = Vec::new();
        let mut seen: std::collections::HashSet<(usize, usize)> = Default::default();
        // The placed passages that share a lead-in, by source and lead-in: the items of one
        // list, which may stand between a later item and its lead-in.
        let mut lists: HashMap<(&Id, &str), Vec<Range<usize>>> = HashMap::new();
        for (p, placed) in passages.iter().zip(placed) {
            if let (Some(lead), Some((_, range))) = (&p.lead_in, placed) {
                lists
                    .entry((&p.source, lead.as_str()))
                    .or_default()
                    .push(range.clone());
            }
        }
        for (i, p) in passages.iter().enumerate() {
            let (Some(lead), Some((source, range)), Some((_, text, text_name))) =
                (&p.lead_in, &placed[i], full.get(&p.source))
            else {
                continue;
            };
            let subject = || self.subject(Kind::Passage, i, &p.id);
            if lead.trim().is_empty() {
                continue;
            }
            let Some(at) = text[..range.start].rfind(lead.as_str()) else {
                problems.push(match verbatim::locate(text, lead, 0) {
                    Ok(_) => Problem::LeadInNotBefore {
                        subject: subject(),
                        between: String::new(),
                    },
                    Err(n) => not_verbatim(subject(), "lead_in", p, text_name, n),
                });
                continue;
            };
            let span = at..at + lead.len();
            // The items of one list share their lead-in's span: it counts once.
            if seen.insert((*source, span.start)) {
                spans.push((*source, span, i));
            }
            let gap = at + lead.len()..range.start;
            let siblings = &lists[&(&p.source, lead.as_str())];
            let between: String = text[gap.clone()]
                .char_indices()
                .filter(|(k, _)| {
                    let k = gap.start + k;
                    !siblings.iter().any(|r| r.start <= k && k < r.end)
                })
                .map(|(_, c)| c)
                .collect();
            if between.chars().any(char::is_alphabetic) {
                let shown: String = between.split_whitespace().collect::<Vec<_>>().join(" ");
                let shown: String = shown.chars().take(80).collect();
                problems.push(Problem::LeadInNotBefore {
                    subject: subject(),
                    between: format!(" (“{shown}” comes between)"),
                });
            }
        }
        spans
    }

    /// Role titles, member lists and publication titles that claim to be the source's words.
    fn other_verbatim(&self, full: &SourceTexts<'_>, problems: &mut Vec<Problem>) {
        let d = &self.dataset;
        let mut check = |subject: Subject, field: String, source: &Id, claimed: &str| {
            if let Some((_, text, text_name)) = full.get(source)
                && let Err(nearest) = verbatim::locate(text, claimed, 0)
            {
                problems.push(Problem::NotVerbatim {
                    subject,
                    field,
                    context: String::new(),
                    source_id: source.to_string(),
                    text_name: text_name.clone(),
                    nearest,
                });
            }
        };
        for (i, e) in d.experts.iter().enumerate() {
            for (r, role) in e.roles.iter().enumerate() {
                if let Some(written) = &role.as_written {
                    let subject = self.subject(Kind::Expert, i, &e.id);
                    check(
                        subject,
                        format!("roles[{r}].as_written"),
                        &e.source,
                        written,
                    );
                }
            }
        }
        for (i, g) in d.groups.iter().enumerate() {
            if let Some(written) = &g.members.as_written {
                let subject = self.subject(Kind::Group, i, &g.id);
                check(
                    subject,
                    "members.as_written".to_string(),
                    &g.source,
                    written,
                );
            }
            // What a card shows as the article's must be the article's.
            if let (Provenance::Article, Some(full)) = (g.full_name_source, &g.full_name) {
                let subject = self.subject(Kind::Group, i, &g.id);
                check(subject, "full_name".to_string(), &g.source, full);
            }
        }
        for (i, p) in d.publications.iter().enumerate() {
            let subject = self.subject(Kind::Publication, i, &p.id);
            check(subject, "title".to_string(), &p.source, &p.title);
        }
        for (i, g) in d.groups.iter().enumerate() {
            if g.members.source == Provenance::Article && g.members.as_written.is_none() {
                problems.push(Problem::Rule {
                    subject: self.subject(Kind::Group, i, &g.id),
                    message: "`members.source` is \"article\", so `members.as_written` must give the article's words for the list (or mark the list \"background\")".to_string(),
                });
            }
        }
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
            )
            .chain(
                d.passages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (Kind::Passage, i, &p.id, Slot::Passage(i))),
            );
        let n = d.sources.len()
            + d.experts.len()
            + d.groups.len()
            + d.bodies.len()
            + d.publications.len()
            + d.passages.len();
        let mut by_id: HashMap<Id, Slot> = HashMap::with_capacity(n);
        // Where each id was first seen, for the message about a second one.
        let mut first: HashMap<&Id, (Kind, usize)> = HashMap::new();
        for (kind, index, id, slot) in all {
            if !is_valid_id(id.as_str()) {
                problems.push(Problem::BadId {
                    subject: self.subject(kind, index, id),
                });
            }
            match by_id.entry(id.clone()) {
                Entry::Vacant(v) => {
                    v.insert(slot);
                }
                Entry::Occupied(o) => {
                    let (first_kind, first_index) = *first
                        .entry(id)
                        .or_insert_with(|| slot_place(*o.get(), &self.dataset, id));
                    problems.push(Problem::DuplicateId {
                        subject: self.subject(kind, index, id),
                        first_kind,
                        first_file: self.origin.file(first_kind, first_index).to_string(),
                    });
                }
            }
        }
        if d.sources.is_empty() {
            let file = self
                .origin
                .files
                .iter()
                .min()
                .cloned()
                .unwrap_or_else(|| "(no files)".to_string());
            problems.push(Problem::NoSource { file });
        }
        by_id
    }
}

/// The kind and list position of the entity in `slot` (publications, which have no
/// position in their slot, are found by id).
fn slot_place(slot: Slot, d: &DatasetFile, id: &Id) -> (Kind, usize) {
    match slot {
        Slot::Source(i) => (Kind::Source, i),
        Slot::Expert(i) => (Kind::Expert, i),
        Slot::Group(i) => (Kind::Group, i),
        Slot::Body(i) => (Kind::Body, i),
        Slot::Passage(i) => (Kind::Passage, i),
        Slot::Publication => (
            Kind::Publication,
            d.publications.iter().position(|p| p.id == *id).unwrap_or(0),
        ),
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn not_verbatim(
    subject: Subject,
    field: &str,
    p: &super::Passage,
    text_name: &str,
    nearest: Option<verbatim::Nearest>,
) -> Problem {
    let mut context = Vec::new();
    if let Some(s) = &p.speaker {
        context.push(format!("said by {s}"));
    }
    if !p.concerns.is_empty() {
        let ids: Vec<&str> = p.concerns.iter().map(Id::as_str).collect();
        context.push(format!("about {}", ids.join(", ")));
    }
    Problem::NotVerbatim {
        subject,
        field: field.to_string(),
        context: if context.is_empty() {
            String::new()
        } else {
            format!(" ({})", context.join("; "))
        },
        source_id: p.source.to_string(),
        text_name: text_name.to_string(),
        nearest,
    }
}

/// For each source (in order), its title passage and its question passage, if any.
fn source_heads(
    sources: &[super::Source],
    passages: &[super::Passage],
) -> Vec<(Option<usize>, Option<usize>)> {
    let index: HashMap<&Id, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let mut heads = vec![(None, None); sources.len()];
    for (i, p) in passages.iter().enumerate() {
        let Some(&s) = index.get(&p.source) else {
            continue;
        };
        let slot = match p.kind {
            PassageKind::Title => &mut heads[s].0,
            PassageKind::Question => &mut heads[s].1,
            _ => continue,
        };
        slot.get_or_insert(i);
    }
    heads
}

/// The source texts given to `load`, by name: the text, or why it could not be read.
type Texts<'t> = HashMap<&'t str, Result<&'t str, &'t str>>;

/// The full text of each source, by source id: (source's index, text, the name to show).
type SourceTexts<'t> = HashMap<Id, (usize, &'t str, String)>;

/// The passages each expert speaks (by expert position), and the passages that concern each
/// entity (by entity number: experts, then groups, then bodies), in source order.
fn passage_index(
    passages: &[super::Passage],
    by_id: &HashMap<Id, Slot>,
    experts: usize,
    groups: usize,
) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let number = |id: &Id| match by_id.get(id.as_str())? {
        Slot::Expert(i) => Some(*i),
        Slot::Group(i) => Some(experts + i),
        Slot::Body(i) => Some(experts + groups + i),
        _ => None,
    };
    let mut said: Vec<Vec<u32>> = vec![Vec::new(); experts];
    let mut about: Vec<Vec<u32>> = Vec::new();
    for (i, p) in passages.iter().enumerate() {
        let i = i as u32;
        if let Some(Slot::Expert(e)) = p.speaker.as_ref().and_then(|s| by_id.get(s.as_str())) {
            said[*e].push(i);
        }
        for n in p.concerns.iter().filter_map(number) {
            if about.len() <= n {
                about.resize_with(n + 1, Vec::new);
            }
            // A passage that names an entity twice concerns it once.
            if about[n].last() != Some(&i) {
                about[n].push(i);
            }
        }
    }
    (said, about)
}

/// The entity a check is about, cheap to copy: its `Subject` (with the file name) is made
/// only when there is a problem to report.
#[derive(Clone, Copy)]
struct Who<'a> {
    kind: Kind,
    index: usize,
    id: &'a Id,
}

/// The checks that need the whole dataset: references, empty fields, years, roles and
/// name clashes.
struct Checker<'a> {
    dataset: &'a Dataset,
    origin: &'a Origin,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    fn run(mut self) {
        let d = self.dataset;
        for (i, s) in d.sources.iter().enumerate() {
            let who = Who {
                kind: Kind::Source,
                index: i,
                id: &s.id,
            };
            self.year(who, "year", s.year);
            let count = |kind| {
                d.passages
                    .iter()
                    .filter(|p| p.source == s.id && p.kind == kind)
                    .count()
            };
            let titles = count(PassageKind::Title);
            if titles != 1 {
                self.problems.push(Problem::SourceText {
                    subject: self.subject(who),
                    message: format!(
                        "needs exactly one passage of kind \"title\" (it has {titles}); cards cite it"
                    ),
                });
            }
            let questions = count(PassageKind::Question);
            if questions > 1 {
                self.problems.push(Problem::SourceText {
                    subject: self.subject(who),
                    message: format!(
                        "has {questions} passages of kind \"question\"; a source asks one question"
                    ),
                });
            }
        }
        // The experts some byline introduces (its first concern), looked up once.
        let introduced: std::collections::HashSet<&Id> = d
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Byline)
            .filter_map(|p| p.concerns.first())
            .collect();
        for (i, e) in d.experts.iter().enumerate() {
            let who = Who {
                kind: Kind::Expert,
                index: i,
                id: &e.id,
            };
            self.nonempty(who, "name", &e.name);
            self.reference(who, "source", &e.source, &[Kind::Source]);
            if e.roles.is_empty() {
                self.problems.push(Problem::NoRole {
                    subject: self.subject(who),
                });
            }
            for (r, role) in e.roles.iter().enumerate() {
                self.nonempty(who, format_args!("roles[{r}].title"), &role.title);
                let field = format_args!("roles[{r}].organisation");
                self.reference(who, field, &role.organisation, &[Kind::Body]);
            }
            if !introduced.contains(&e.id) {
                self.problems.push(Problem::NoByline {
                    subject: self.subject(who),
                });
            }
        }
        for (i, g) in d.groups.iter().enumerate() {
            let who = Who {
                kind: Kind::Group,
                index: i,
                id: &g.id,
            };
            self.nonempty(who, "name", &g.name);
            self.reference(who, "source", &g.source, &[Kind::Source]);
            self.year(who, "members.as_of", g.members.as_of);
            for (s, state) in g.members.states.iter().enumerate() {
                self.nonempty(who, format_args!("members.states[{s}]"), state);
            }
        }
        for (i, b) in d.bodies.iter().enumerate() {
            let who = Who {
                kind: Kind::Body,
                index: i,
                id: &b.id,
            };
            self.nonempty(who, "name", &b.name);
            self.reference(who, "source", &b.source, &[Kind::Source]);
        }
        for (i, p) in d.passages.iter().enumerate() {
            self.passage(i, p);
        }
        for (i, p) in d.publications.iter().enumerate() {
            let who = Who {
                kind: Kind::Publication,
                index: i,
                id: &p.id,
            };
            self.nonempty(who, "title", &p.title);
            if p.authors.is_empty() {
                self.problems.push(Problem::Empty {
                    subject: self.subject(who),
                    field: "authors".to_string(),
                });
            }
            for (a, id) in p.authors.iter().enumerate() {
                self.reference(who, format_args!("authors[{a}]"), id, &[Kind::Expert]);
            }
            self.reference(who, "source", &p.source, &[Kind::Source]);
        }
        self.names();
    }

    fn subject(&self, who: Who<'_>) -> Subject {
        self.origin.subject(who.kind, who.index, who.id)
    }

    fn nonempty(&mut self, who: Who<'_>, field: impl fmt::Display, value: &str) {
        if value.trim().is_empty() {
            self.problems.push(Problem::Empty {
                subject: self.subject(who),
                field: field.to_string(),
            });
        }
    }

    fn year(&mut self, who: Who<'_>, field: impl fmt::Display, year: i32) {
        if !YEARS.contains(&year) {
            self.problems.push(Problem::Year {
                subject: self.subject(who),
                field: field.to_string(),
                year,
                min: *YEARS.start(),
                max: *YEARS.end(),
            });
        }
    }

    fn reference(&mut self, who: Who<'_>, field: impl fmt::Display, target: &Id, kinds: &[Kind]) {
        let found = self.dataset.kind_of(target.as_str());
        if !found.is_some_and(|k| kinds.contains(&k)) {
            let expected = match kinds {
                [Kind::Source] => "a source id",
                [Kind::Body] => "a body id",
                [Kind::Expert] => "an expert id",
                [Kind::Group, Kind::Body] => "a group or body id",
                _ => "an expert, group or body id",
            };
            self.problems.push(Problem::Dangling {
                subject: self.subject(who),
                field: field.to_string(),
                target: target.to_string(),
                expected,
            });
        }
    }

    /// A passage's references, and the fields its kind needs: statements and wishes have a
    /// speaker, wishes a year, bylines an expert first among what they concern.
    fn passage(&mut self, i: usize, p: &super::Passage) {
        let who = Who {
            kind: Kind::Passage,
            index: i,
            id: &p.id,
        };
        self.nonempty(who, "text", &p.text);
        self.reference(who, "source", &p.source, &[Kind::Source]);
        if let Some(s) = &p.speaker {
            self.reference(who, "speaker", s, &[Kind::Expert]);
        }
        for (c, id) in p.concerns.iter().enumerate() {
            let field = format_args!("concerns[{c}]");
            self.reference(who, field, id, &[Kind::Expert, Kind::Group, Kind::Body]);
        }
        if let Some(y) = p.year {
            self.year(who, "year", y);
        }
        let kind = p.kind.as_str();
        let first_concern = p
            .concerns
            .first()
            .and_then(|c| self.dataset.kind_of(c.as_str()));
        let mut rule = |ok: bool, message: &dyn Fn() -> String| {
            if !ok {
                let subject = self.subject(who);
                self.problems.push(Problem::Rule {
                    subject,
                    message: message(),
                });
            }
        };
        if p.kind.has_speaker() {
            rule(p.speaker.is_some(), &|| {
                format!("a {kind} needs `speaker` (the expert whose words these are)")
            });
        } else {
            rule(p.speaker.is_none(), &|| {
                format!("a {kind} is the article's own voice and has no `speaker`")
            });
        }
        if p.kind == PassageKind::Wish {
            rule(p.year.is_some(), &|| "a wish needs `year`".to_string());
        } else {
            rule(p.year.is_none(), &|| {
                format!("only a wish has a `year`, not a {kind}")
            });
        }
        if p.kind == PassageKind::Byline {
            rule(first_concern == Some(Kind::Expert), &|| {
                "a byline's `concerns` starts with the expert it introduces".to_string()
            });
        }
        if let Some(lead) = &p.lead_in {
            self.nonempty(who, "lead_in", lead);
        }
    }

    /// No two entities may answer to the same folded name: the matcher could not tell them
    /// apart. Names that fold to nothing ("Dr.") could never be matched at all.
    fn names(&mut self) {
        let d = self.dataset;
        let mut owners: HashMap<String, (Who<'_>, &str)> = HashMap::new();
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
            let who = Who {
                kind,
                index,
                id: entity.id(),
            };
            for (n, text) in entity.names().into_iter().enumerate() {
                let key = fold::compact(&fold::fold(text));
                if key.is_empty() {
                    let field = if n == 0 { "name" } else { "aliases" };
                    if !text.trim().is_empty() || n > 0 {
                        self.problems.push(Problem::Empty {
                            subject: self.subject(who),
                            field: format!("{field} (\"{text}\" has no letters or digits)"),
                        });
                    }
                    continue;
                }
                match owners.entry(key) {
                    Entry::Vacant(v) => {
                        v.insert((who, text));
                    }
                    Entry::Occupied(o) => {
                        let (other, other_text) = *o.get();
                        if other.id != who.id {
                            self.problems.push(Problem::NameClash {
                                subject: self.subject(who),
                                text: text.to_string(),
                                other: self.subject(other),
                                other_text: other_text.to_string(),
                            });
                        }
                    }
                }
            }
        }
    }
}
