//! The draft: entities made from the bylines (or matched in the data drafted against),
//! passages made from the article's structure and linked to what they name, and the whole
//! loaded as any dataset is, so that the draft is known to pass `check` before it is written.

use std::collections::HashMap;

use minilateral_core::dataset::{
    Body, DataText, Dataset, Entity, Expert, Group, Id, Kind, LoadError, Passage, PassageKind,
    Publication, Source, is_valid_id,
};
use minilateral_core::knowledge::Knowledge;
use serde::Serialize;

use super::entities::Ids;
use super::known::Known;
use super::passages::{self, Answer, Unit, year_in};
use super::quoted;
use super::read::{self, Article};
use super::{Options, Refused, With};

/// A drafted dataset, with what was found and what a curator has to decide.
#[derive(Debug)]
pub struct Draft {
    pub source_id: String,
    pub file: DraftFile,
    /// What was found, matched and left out, for the curator (one line each).
    pub report: Vec<String>,
    /// How many `review` notes the draft holds.
    pub to_review: usize,
}

/// The draft as a dataset file holds it.
#[derive(Debug, Default)]
pub struct DraftFile {
    pub sources: Vec<Source>,
    pub experts: Vec<Expert>,
    pub groups: Vec<Group>,
    pub bodies: Vec<Body>,
    pub publications: Vec<Publication>,
    pub passages: Vec<Passage>,
}

impl DraftFile {
    /// The file's JSON, with the source's text named as `text_file` (beside the file) or,
    /// without one, inline as `text`. Keys keep the model's order (ids first).
    pub fn to_json(&self, text_file: Option<&str>, text: &str) -> String {
        /// A source with its text inline, when there is no file for it.
        #[derive(Serialize)]
        struct SourceOut {
            #[serde(flatten)]
            source: Source,
            #[serde(skip_serializing_if = "Option::is_none")]
            text: Option<String>,
        }
        #[derive(Serialize)]
        struct FileOut<'a> {
            sources: Vec<SourceOut>,
            experts: &'a [Expert],
            #[serde(skip_serializing_if = "<[Group]>::is_empty")]
            groups: &'a [Group],
            bodies: &'a [Body],
            publications: &'a [Publication],
            passages: &'a [Passage],
        }
        let out = FileOut {
            sources: self
                .sources
                .iter()
                .map(|source| SourceOut {
                    source: Source {
                        text_file: text_file.map(String::from),
                        ..source.clone()
                    },
                    text: text_file.is_none().then(|| text.to_string()),
                })
                .collect(),
            experts: &self.experts,
            groups: &self.groups,
            bodies: &self.bodies,
            publications: &self.publications,
            passages: &self.passages,
        };
        let mut json = serde_json::to_string_pretty(&out).expect("a draft serialises");
        json.push('\n');
        json
    }
}

pub(super) fn draft(
    text: &str,
    options: &Options,
    with: Option<With<'_>>,
) -> Result<Draft, Refused> {
    let article = read::read(text)?;
    let year = match options.year {
        Some(y) if (1900..=2100).contains(&y) => y,
        Some(y) => return Err(Refused::Year(y)),
        None => year_in(&text[article.title.clone()])
            .or_else(|| year_in(text))
            .ok_or(Refused::NoYear)?,
    };
    let source_id = super::named(text, &article, options)?;
    let mut ids = Ids::new(with.iter().flat_map(|w| taken(&w.knowledge.dataset)));
    if ids.is_taken(&source_id) || !is_valid_id(&source_id) {
        return Err(Refused::SourceTaken(source_id));
    }
    ids.fresh(&source_id);
    let known = with
        .as_ref()
        .map(|w| Known::new(&w.knowledge.dataset))
        .unwrap_or_default();
    let mut b = Builder {
        text,
        with,
        source: Id::new(source_id.clone()),
        ids,
        file: DraftFile::default(),
        people: HashMap::new(),
        organisations: HashMap::new(),
        surnames: HashMap::new(),
        experts_at: HashMap::new(),
        known,
        report: Vec::new(),
    };
    let units = b.units(&article, year);
    b.acronyms(&article);
    b.source(&article, year, options.year.is_some());
    // Pass 1: the draft loaded with one passage per unit, to find what each names.
    let units = b.with_concerns(units);
    let units = passages::join(units);
    b.passages(&units, year);
    // A draft that would not load is a fault of the importer, not of the article: refused
    // rather than written.
    if let Err(e) = b.load(&b.file) {
        return Err(Refused::Unloadable(e));
    }
    let to_review = count_reviews(&b.file);
    b.summarise(&article, to_review);
    Ok(Draft {
        source_id,
        file: b.file,
        report: b.report,
        to_review,
    })
}

/// The draft's own `review` notes (`Dataset::to_review` would count the data drafted
/// against too).
fn count_reviews(f: &DraftFile) -> usize {
    f.sources.iter().map(|s| s.review.len()).sum::<usize>()
        + f.experts.iter().map(|e| e.review.len()).sum::<usize>()
        + f.bodies.iter().map(|b| b.review.len()).sum::<usize>()
        + f.publications.iter().map(|p| p.review.len()).sum::<usize>()
        + f.passages.iter().map(|p| p.review.len()).sum::<usize>()
}

/// Every id the data drafted against uses.
fn taken(d: &Dataset) -> Vec<String> {
    d.sources()
        .iter()
        .map(|s| s.id.to_string())
        .chain(d.entities().map(|e| e.id().to_string()))
        .chain(d.passages().iter().map(|p| p.id.to_string()))
        .chain(d.publications().iter().map(|p| p.id.to_string()))
        .collect()
}

pub(super) struct Builder<'t, 'w> {
    pub(super) text: &'t str,
    pub(super) with: Option<With<'w>>,
    pub(super) source: Id,
    pub(super) ids: Ids,
    pub(super) file: DraftFile,
    /// A person's folded name → their id (drafted, or in the data).
    pub(super) people: HashMap<String, String>,
    /// An organisation's folded name → its body's id (drafted, or in the data).
    pub(super) organisations: HashMap<String, String>,
    /// An expert's id → the surname passage ids start with.
    pub(super) surnames: HashMap<String, String>,
    /// A drafted expert's id → where it is in `file.experts`.
    pub(super) experts_at: HashMap<String, usize>,
    /// The names and titles of the data drafted against (empty without it).
    pub(super) known: Known<'w>,
    pub(super) report: Vec<String>,
}

impl<'w> Builder<'_, 'w> {
    pub(super) fn span(&self, r: &std::ops::Range<usize>) -> String {
        self.text[r.clone()].to_string()
    }

    /// The entity of the data drafted against, of one of `kinds`, one of whose names (name,
    /// full name, alias) folds to `key`.
    pub(super) fn in_data(&self, key: &str, kinds: &[Kind]) -> Option<Entity<'w>> {
        self.known.entity(key, kinds)
    }

    /// The words of `r` with each run of spaces and line breaks as one space: a name or a
    /// title as a card shows it, where a hard-wrapped line broke it ("Director of the\n
    /// Northwind Lab"). What is checked verbatim (`as_written`, passages) keeps `span`.
    pub(super) fn plain(&self, r: &std::ops::Range<usize>) -> String {
        self.text[r.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every passage of the article, in its order, before ids and concerns.
    fn units(&mut self, article: &Article, year: i32) -> Vec<Unit> {
        let mut units = vec![Unit::new(article.title.clone(), PassageKind::Title, 0)];
        if let Some((q, p)) = &article.question {
            units.push(Unit::new(q.clone(), PassageKind::Question, *p));
        }
        for (range, p) in &article.framing {
            for unit in passages::framing(self.text, range.clone(), *p) {
                // The quotations in the text's order: only those that open within the
                // unit are looked at, not every quotation of the article for every unit.
                let from = article
                    .inline
                    .partition_point(|q| q.open.start < unit.range.start);
                let mut near = article.inline[from..]
                    .iter()
                    .take_while(|q| q.open.start < unit.range.end);
                let quoted = near.find_map(|q| {
                    let within = q.close.end <= unit.range.end;
                    within
                        .then(|| {
                            quoted::inline(self.text, unit.range.clone(), q.open.start, q.close.end)
                        })
                        .flatten()
                        .map(|i| (i, q.inside()))
                });
                match quoted {
                    Some((i, words)) => units.extend(self.quoted(&i, words, *p)),
                    None => units.push(unit),
                }
            }
        }
        let mut speakers = Vec::new();
        for a in &article.answers {
            let speaker = a.byline.as_ref().map(|(range, by)| {
                let (id, unit) = self.expert(range.clone(), by, a.paras.start);
                units.push(unit);
                id
            });
            speakers.push(speaker);
        }
        // Each person's first byline, where a publication's co-authors are added.
        let mut bylines: HashMap<String, usize> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            if u.kind == PassageKind::Byline
                && let Some(person) = u.concerns.as_ref().and_then(|c| c.first())
            {
                bylines.entry(person.clone()).or_insert(i);
            }
        }
        for (a, speaker) in article.answers.iter().zip(&speakers) {
            if let Some((_, by)) = &a.byline {
                let author = speaker.as_deref().unwrap_or_default();
                let unit = bylines.get(author).map(|&i| &mut units[i]);
                self.publications(by, author, unit);
            }
            let shared = a.shares.and_then(|j| speakers[j].clone());
            let answer = Answer {
                quote: &a.quote,
                paras: a.paras.clone(),
                shared: shared.is_some(),
                speaker: speaker.clone().or(shared),
            };
            units.extend(passages::answer(self.text, &article.paras, &answer, year));
        }
        units.sort_by_key(|u| u.range.start);
        units
    }

    fn source(&mut self, article: &Article, year: i32, year_given: bool) {
        let mut review = vec![
            "write `theme` and `summary` in your own words (the summary is shown as ours, “In our words”)".to_string(),
        ];
        if !year_given && year_in(&self.text[article.title.clone()]).is_none() {
            review.push(format!(
                "year {year}: the first year the text names (the title names none)"
            ));
        }
        self.file.sources.push(Source {
            id: self.source.clone(),
            year,
            // Never guessed: a curator who knows them adds them.
            published: None,
            url: None,
            short_title: None,
            theme: String::new(),
            summary: String::new(),
            text_file: None,
            text: None,
            review,
        });
    }

    /// The units with what each names, found by loading the draft with one passage per unit
    /// (beside the data drafted against) and scanning each passage as a message is scanned.
    fn with_concerns(&mut self, mut units: Vec<Unit>) -> Vec<Unit> {
        self.passages(&units, 0);
        let Ok(dataset) = self.load(&self.file) else {
            return units;
        };
        let knowledge = Knowledge::new(dataset);
        for u in &mut units {
            // A byline's are set first (the person, their organisations, co-authors); what
            // else it names follows.
            let mut concerns: Vec<String> = u.concerns.take().unwrap_or_default();
            for m in knowledge.mentions(&self.text[u.range.clone()]) {
                let id = m.id.to_string();
                if u.speaker.as_deref() != Some(id.as_str()) && !concerns.contains(&id) {
                    concerns.push(id);
                }
            }
            u.concerns = Some(concerns);
        }
        units
    }

    /// The units as the draft's passages, with fresh ids (`year` prefixes them when drafting
    /// against other data, where "title" is taken; 0 for the first pass).
    fn passages(&mut self, units: &[Unit], year: i32) {
        let mut ids = self.ids.clone();
        let prefix = if self.with.is_some() && year > 0 {
            format!("{year} ")
        } else {
            String::new()
        };
        self.file.passages = units
            .iter()
            .map(|u| {
                let who = u
                    .speaker
                    .as_ref()
                    .or(u.concerns.as_ref().and_then(|c| c.first()));
                let surname = who
                    .and_then(|id| self.surnames.get(id))
                    .map_or("", String::as_str);
                let base = match u.kind {
                    PassageKind::Title => "title".to_string(),
                    PassageKind::Question => "question".to_string(),
                    PassageKind::Framing => "framing".to_string(),
                    kind => format!("{surname} {}", kind.as_str()),
                };
                Passage {
                    id: Id::new(ids.fresh(&format!("{prefix}{base}"))),
                    source: self.source.clone(),
                    kind: u.kind,
                    speaker: u.speaker.clone().map(Id::new),
                    year: u.year,
                    concerns: u.concerns.iter().flatten().cloned().map(Id::new).collect(),
                    lead_in: u.lead_in.as_ref().map(|r| self.span(r)),
                    text: self.span(&u.range),
                    review: u.review.clone(),
                    at: (0, 0),
                    layout: Default::default(),
                }
            })
            .collect();
    }

    /// The draft loaded beside the data drafted against, as `check` would load them.
    fn load(&self, file: &DraftFile) -> Result<Dataset, LoadError> {
        let mut files: Vec<DataText> = self.with.as_ref().map_or(Vec::new(), |w| w.files.to_vec());
        files.push(DataText::new("<draft>", file.to_json(None, self.text)));
        Dataset::load(&files)
    }

    fn summarise(&mut self, article: &Article, to_review: usize) {
        let f = &self.file;
        let count = |k: PassageKind| f.passages.iter().filter(|p| p.kind == k).count();
        let unattributed = article
            .answers
            .iter()
            .filter(|a| a.byline.is_none() && a.shares.is_none())
            .count();
        let shared = article
            .answers
            .iter()
            .filter(|a| a.shares.is_some())
            .count();
        let mut lines = vec![format!(
            "drafted source \"{}\" ({}): {} passages ({} framing, {} bylines, {} statements, {} wishes{}), {} experts, {} bodies, {} publications",
            self.source,
            f.sources[0].year,
            f.passages.len(),
            count(PassageKind::Framing),
            count(PassageKind::Byline),
            count(PassageKind::Statement),
            count(PassageKind::Wish),
            if count(PassageKind::Question) == 0 {
                "; no question found: no sentence ending in “?” before the first answer"
            } else {
                ""
            },
            f.experts.len(),
            f.bodies.len(),
            f.publications.len(),
        )];
        let mut answers = format!(
            "{} answers: {} with a byline",
            article.answers.len(),
            article.answers.len() - unattributed - shared
        );
        if shared > 0 {
            answers.push_str(&format!(
                ", {shared} sharing the byline of the quotation beside them (marked for review)"
            ));
        }
        if unattributed > 0 {
            answers.push_str(&format!(", {unattributed} without (marked for review)"));
        }
        lines.push(answers);
        if article.headings > 0 {
            lines.push(format!(
                "left out: {} Markdown headings after the title",
                article.headings
            ));
        }
        lines.append(&mut self.report);
        lines.push(format!(
            "{to_review} notes to review: each is a `review` note beside what it is about; `check` lists them"
        ));
        self.report = lines;
    }
}
