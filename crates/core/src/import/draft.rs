//! The draft: entities made from the bylines (or matched in the data drafted against),
//! passages made from the article's structure and linked to what they name, and the whole
//! loaded as any dataset is, so that the draft is known to pass `check` before it is written.

use std::collections::HashMap;

use serde::Serialize;

use super::byline::Byline;
use super::entities::{self, Ids};
use super::passages::{self, Answer, Unit, year_in};
use super::read::{self, Article};
use super::{Options, Refused, With};
use crate::dataset::{
    Body, DataText, Dataset, Expert, Group, Id, LoadError, Passage, PassageKind, Publication,
    Role, Source, is_valid_id,
};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::matching::Outcome;

/// A drafted dataset, with what was found and what a curator has to decide.
#[derive(Debug)]
pub struct Draft {
    pub source_id: String,
    pub file: DraftFile,
    /// What was found, matched and left out, for the curator (one line each).
    pub report: Vec<String>,
    /// How many `review` notes the draft holds.
    pub to_review: usize,
    /// What `check` says of the draft beside the data it was drafted against, when that is
    /// not yet a valid dataset (an expert whose byline names no organisation has no role).
    pub problems: Option<LoadError>,
}

/// The draft as a dataset file holds it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DraftFile {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    pub experts: Vec<Expert>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    pub bodies: Vec<Body>,
    pub publications: Vec<Publication>,
    pub passages: Vec<Passage>,
}

impl DraftFile {
    /// The file's JSON, with the source's text named as `text_file` (beside the file) or,
    /// without one, inline as `text`. Keys keep the model's order (ids first).
    pub fn to_json(&self, text_file: Option<&str>, text: &str) -> String {
        /// A source with its text where the file says it is.
        #[derive(Serialize)]
        struct SourceOut<'a> {
            #[serde(flatten)]
            source: &'a Source,
            #[serde(skip_serializing_if = "Option::is_none")]
            text: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct FileOut<'a> {
            sources: Vec<SourceOut<'a>>,
            #[serde(flatten)]
            rest: &'a DraftFile,
        }
        let mut sources = Vec::new();
        let mut located: Vec<Source> = self.sources.clone();
        for s in &mut located {
            s.text_file = text_file.map(String::from);
        }
        for source in &located {
            sources.push(SourceOut {
                source,
                text: text_file.is_none().then_some(text),
            });
        }
        let out = FileOut {
            sources,
            rest: &DraftFile {
                sources: Vec::new(),
                ..self.clone()
            },
        };
        let mut json = serde_json::to_string_pretty(&out).expect("a draft serialises");
        json.push('\n');
        json
    }
}

pub(super) fn draft(text: &str, options: &Options, with: Option<With<'_>>) -> Result<Draft, Refused> {
    let article = read::read(text)?;
    let year = match options.year {
        Some(y) if (1900..=2100).contains(&y) => y,
        Some(y) => return Err(Refused::Year(y)),
        None => year_in(&text[article.title.clone()])
            .or_else(|| year_in(text))
            .ok_or(Refused::NoYear)?,
    };
    let source_id = match &options.source_id {
        Some(id) if !is_valid_id(id) => return Err(Refused::SourceId(id.clone())),
        Some(id) => id.clone(),
        None => Some(entities::slug(&text[article.title.clone()], 40))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "article".into()),
    };
    let mut ids = Ids::new(with.iter().flat_map(|w| taken(&w.knowledge.dataset)));
    if ids.is_taken(&source_id) || !is_valid_id(&source_id) {
        return Err(Refused::SourceTaken(source_id));
    }
    ids.fresh(&source_id);
    let mut b = Builder {
        text,
        with,
        source: Id::new(source_id.clone()),
        ids,
        file: DraftFile::default(),
        people: HashMap::new(),
        organisations: HashMap::new(),
        surnames: HashMap::new(),
        report: Vec::new(),
    };
    let units = b.units(&article, year);
    b.acronyms(&article);
    b.source(&article, year, options.year.is_some());
    // Pass 1: the draft loaded with one passage per unit, to find what each names.
    let units = b.with_concerns(units);
    let units = passages::join(units);
    b.passages(&units, year);
    let problems = b.load(&b.file).err();
    let to_review = count_reviews(&b.file);
    b.summarise(&article, to_review);
    Ok(Draft {
        source_id,
        file: b.file,
        report: b.report,
        to_review,
        problems,
    })
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

fn count_reviews(f: &DraftFile) -> usize {
    f.sources.iter().map(|s| s.review.len()).sum::<usize>()
        + f.experts.iter().map(|e| e.review.len()).sum::<usize>()
        + f.bodies.iter().map(|b| b.review.len()).sum::<usize>()
        + f.publications.iter().map(|p| p.review.len()).sum::<usize>()
        + f.passages.iter().map(|p| p.review.len()).sum::<usize>()
}

struct Builder<'t, 'w> {
    text: &'t str,
    with: Option<With<'w>>,
    source: Id,
    ids: Ids,
    file: DraftFile,
    /// A person's folded name → their id (drafted, or in the data).
    people: HashMap<String, String>,
    /// An organisation's folded name → its body's id (drafted, or in the data).
    organisations: HashMap<String, String>,
    /// An expert's id → the surname passage ids start with.
    surnames: HashMap<String, String>,
    report: Vec<String>,
}

impl Builder<'_, '_> {
    fn span(&self, r: &std::ops::Range<usize>) -> String {
        self.text[r.clone()].to_string()
    }

    /// Every passage of the article, in its order, before ids and concerns.
    fn units(&mut self, article: &Article, year: i32) -> Vec<Unit> {
        let mut units = vec![Unit::new(article.title.clone(), PassageKind::Title, 0)];
        if let Some((q, p)) = &article.question {
            units.push(Unit::new(q.clone(), PassageKind::Question, *p));
        }
        for (range, p) in &article.framing {
            units.extend(passages::framing(self.text, range.clone(), *p));
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
        for (a, speaker) in article.answers.iter().zip(&speakers) {
            if let Some((_, by)) = &a.byline {
                self.publications(by, speaker.as_deref().unwrap_or_default(), &mut units);
            }
            let answer = Answer {
                quote: &a.quote,
                paras: a.paras.clone(),
                speaker: speaker.clone(),
            };
            units.extend(passages::answer(self.text, &article.paras, &answer, year));
        }
        units.sort_by_key(|u| u.range.start);
        units
    }

    /// The expert a byline introduces (drafted, or found in the data), and the byline's unit.
    fn expert(&mut self, range: std::ops::Range<usize>, by: &Byline, para: usize) -> (String, Unit) {
        let name = self.span(&by.name);
        let key = fold::fold(&name);
        let mut unit = Unit::new(range, PassageKind::Byline, para);
        let mut review = Vec::new();
        let known = self.people.get(&key).cloned().or_else(|| self.known_expert(&name, &mut unit));
        let id = match known {
            Some(id) => id,
            None => {
                let id = self.ids.fresh(&name);
                let roles = by
                    .roles
                    .iter()
                    .filter_map(|r| {
                        let written = self.span(&r.written);
                        let org = r.organisation.as_ref().map(|o| self.span(o));
                        match org {
                            Some(org) if !r.title.is_empty() => Some(Role {
                                title: self.span(&r.title),
                                organisation: Id::new(self.organisation(&org)),
                                current: r.current,
                                as_written: Some(written),
                            }),
                            _ => {
                                review.push(format!(
                                    "the byline's “{written}” names no {}: a role needs a title and an organisation (a body); add what the article does not say only if you know it",
                                    if org.is_none() { "organisation" } else { "title" }
                                ));
                                None
                            }
                        }
                    })
                    .collect();
                self.file.experts.push(Expert {
                    id: Id::new(id.clone()),
                    name: name.clone(),
                    aliases: Vec::new(),
                    credentials: by.credentials.iter().map(|c| self.span(c)).collect(),
                    panel: true,
                    roles,
                    source: self.source.clone(),
                    review,
                });
                id
            }
        };
        self.people.insert(key, id.clone());
        let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
        self.surnames.entry(id.clone()).or_insert(surname);
        let mut concerns = vec![id.clone()];
        for r in &by.roles {
            if let Some(org) = &r.organisation {
                let key = fold::fold(&self.span(org));
                let body = self.organisations.get(&key).cloned().or_else(|| self.known_body(&key));
                concerns.extend(body);
            }
        }
        unit.concerns = Some(concerns);
        (id, unit)
    }

    /// An expert of the data drafted against that `name` is, as the matcher reads it: an
    /// exact name is that person; a close one is taken and marked for review; several close
    /// ones are named in a note and the person is drafted anew.
    fn known_expert(&mut self, name: &str, unit: &mut Unit) -> Option<String> {
        let with = self.with.as_ref()?;
        let resolved = with.knowledge.resolve::<&Expert>(name);
        let key = fold::fold(name);
        match resolved.outcome {
            Outcome::Match => {
                let e = resolved.found.first()?.entity;
                let exact = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| fold::fold(n) == key);
                if exact {
                    self.report
                        .push(format!("{name}: already in the data, as {}", e.id));
                } else {
                    unit.review.push(format!(
                        "read as {} ({}), already in the data; if this is someone else, draft them as an expert of their own",
                        e.name, e.id
                    ));
                }
                unit.review.push(format!(
                    "{} is already in the data: their roles there are not changed by this byline; update them if it says something new",
                    e.id
                ));
                Some(e.id.to_string())
            }
            Outcome::Ambiguous => {
                let names: Vec<String> = resolved
                    .found
                    .iter()
                    .take(5)
                    .map(|f| format!("{} ({})", f.entity.name, f.entity.id))
                    .collect();
                unit.review.push(format!(
                    "drafted as someone new, but the data has people with close names: {}; if it is one of them, use their id",
                    names.join(", ")
                ));
                None
            }
            Outcome::None => None,
        }
    }

    /// The body an organisation's name is: already drafted, in the data, or drafted now.
    fn organisation(&mut self, name: &str) -> String {
        let key = fold::fold(name);
        if let Some(id) = self.organisations.get(&key) {
            return id.clone();
        }
        let id = match self.known_body(&key) {
            Some(id) => id,
            None => {
                let id = self.ids.fresh(name);
                self.file.bodies.push(Body {
                    id: Id::new(id.clone()),
                    name: name.to_string(),
                    kind: body_kind(name).into(),
                    aliases: Vec::new(),
                    full_name: None,
                    background: None,
                    source: self.source.clone(),
                    review: vec![format!(
                        "kind guessed from the name: “{}” (multilateral, initiative or organisation)",
                        body_kind(name)
                    )],
                });
                id
            }
        };
        self.organisations.insert(key, id.clone());
        id
    }

    /// The body of the data drafted against whose name or alias folds to `key`.
    fn known_body(&self, key: &str) -> Option<String> {
        let with = self.with.as_ref()?;
        let body = with.knowledge.dataset.bodies().iter().find(|b| {
            std::iter::once(&b.name)
                .chain(&b.aliases)
                .any(|n| fold::fold(n) == key)
        })?;
        Some(body.id.to_string())
    }

    /// The publications a byline names ("co-author of ‘…’ with Tanya Filer"), and its
    /// co-authors added to the byline's concerns.
    fn publications(&mut self, by: &Byline, author: &str, units: &mut [Unit]) {
        for p in &by.publications {
            let title = self.span(&p.title);
            let mut authors = vec![Id::new(author)];
            let mut review = Vec::new();
            for w in &p.with {
                let name = self.span(w);
                match self.people.get(&fold::fold(&name)) {
                    Some(id) => authors.push(Id::new(id.clone())),
                    None => review.push(format!(
                        "co-author “{name}” is not an expert of the draft or the data: add them, or leave them out"
                    )),
                }
            }
            if let Some(unit) = units
                .iter_mut()
                .find(|u| u.kind == PassageKind::Byline && u.concerns.as_ref().is_some_and(|c| c[0] == author))
            {
                let concerns = unit.concerns.get_or_insert_with(Vec::new);
                concerns.extend(authors[1..].iter().map(Id::to_string));
            }
            let known = self.with.as_ref().and_then(|w| {
                w.knowledge
                    .dataset
                    .publications()
                    .iter()
                    .find(|known| fold::fold(&known.title) == fold::fold(&title))
            });
            if let Some(known) = known {
                self.report
                    .push(format!("“{title}”: already in the data, as {}", known.id));
                continue;
            }
            let short: String = title.split(':').next().unwrap_or(&title).to_string();
            self.file.publications.push(Publication {
                id: Id::new(self.ids.fresh(&entities::slug(&short, 40))),
                title,
                authors,
                source: self.source.clone(),
                review,
            });
        }
    }

    /// Bodies the article introduces as "Full Name (ACRONYM)": proposed when the full name
    /// reads as an institution's and the data does not already have it.
    fn acronyms(&mut self, article: &Article) {
        let mut seen = Vec::new();
        for para in &article.paras {
            for a in entities::acronyms(self.text, para.range.clone()) {
                let (full, short) = (self.span(&a.full), self.span(&a.short));
                if seen.contains(&short) {
                    continue;
                }
                seen.push(short.clone());
                let in_data = self.with.as_ref().is_some_and(|w| {
                    w.knowledge.dataset.entities().any(|e| {
                        e.names()
                            .iter()
                            .any(|n| fold::fold(n) == fold::fold(&full) || fold::fold(n) == fold::fold(&short))
                    })
                });
                if in_data {
                    continue;
                }
                if let Some(id) = self.organisations.get(&fold::fold(&full)).cloned() {
                    if let Some(body) = self.file.bodies.iter_mut().find(|b| b.id.as_str() == id) {
                        body.aliases.push(short);
                    }
                    continue;
                }
                if !a.institutional {
                    self.report.push(format!(
                        "left out: “{full} ({short})”, not an institution's name by its words; add it as a body if it is one"
                    ));
                    continue;
                }
                let id = self.ids.fresh(&full);
                self.organisations.insert(fold::fold(&full), id.clone());
                self.organisations.insert(fold::fold(&short), id.clone());
                self.file.bodies.push(Body {
                    id: Id::new(id),
                    name: full.clone(),
                    kind: body_kind(&full).into(),
                    aliases: vec![short.clone()],
                    full_name: None,
                    background: None,
                    source: self.source.clone(),
                    review: vec![format!(
                        "proposed from “{full} ({short})”: kind guessed (“{}”); a bloc of states belongs in `groups`, with its members",
                        body_kind(&full)
                    )],
                });
            }
        }
    }

    fn source(&mut self, article: &Article, year: i32, year_given: bool) {
        let mut review = vec![
            "write `theme` and `summary` in your own words (the summary is shown as ours, “In our words”)".to_string(),
        ];
        if !year_given && year_in(&self.text[article.title.clone()]).is_none() {
            review.push(format!("year {year}: the first year the text names (the title names none)"));
        }
        self.file.sources.push(Source {
            id: self.source.clone(),
            year,
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
        for u in units.iter_mut().filter(|u| u.concerns.is_none()) {
            let mut concerns: Vec<String> = Vec::new();
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
                let who = u.speaker.as_ref().or(u.concerns.as_ref().and_then(|c| c.first()));
                let surname = who.and_then(|id| self.surnames.get(id)).map_or("", String::as_str);
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
        let unattributed = article.answers.iter().filter(|a| a.byline.is_none()).count();
        let mut lines = vec![format!(
            "drafted source \"{}\" ({}): {} passages ({} framing, {} bylines, {} statements, {} wishes{}), {} experts, {} bodies, {} publications",
            self.source,
            f.sources[0].year,
            f.passages.len(),
            count(PassageKind::Framing),
            count(PassageKind::Byline),
            count(PassageKind::Statement),
            count(PassageKind::Wish),
            if count(PassageKind::Question) == 0 { "; no question found: no sentence ending in “?” before the first answer" } else { "" },
            f.experts.len(),
            f.bodies.len(),
            f.publications.len(),
        )];
        lines.push(format!(
            "{} answers: {} with a byline{}",
            article.answers.len(),
            article.answers.len() - unattributed,
            if unattributed > 0 { format!(", {unattributed} without (marked for review)") } else { String::new() }
        ));
        if article.headings > 0 {
            lines.push(format!("left out: {} Markdown headings after the title", article.headings));
        }
        lines.append(&mut self.report);
        lines.push(format!(
            "{to_review} notes to review: each is a `review` note beside what it is about; `check` lists them"
        ));
        self.report = lines;
    }
}

/// A body's kind, guessed from its name.
fn body_kind(name: &str) -> &'static str {
    if name.contains("Initiative") {
        "initiative"
    } else {
        "organisation"
    }
}
