//! The draft: entities made from the bylines (or matched in the data drafted against),
//! passages made from the article's structure and linked to what they name, and the whole
//! loaded as any dataset is, so that the draft is known to pass `check` before it is written.
//! The `Builder` here composes the draft being written (`drafting`) with its people
//! (`people`) and bodies (`bodies`), giving each the parts it needs.

use std::collections::HashMap;

use minilateral_core::dataset::{Dataset, Id, Passage, PassageKind, Source, is_valid_id};
use minilateral_core::knowledge::Knowledge;

use super::bodies::Bodies;
use super::drafting::Drafting;
use super::entities::Ids;
use super::file::DraftFile;
use super::passages::{self, Answer, Unit, year_in};
use super::people::People;
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

/// The article's year, and where it was found: a year the curator gave is theirs, one in the
/// title is the article's own, and one read from the text is a guess to review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Year {
    /// `--year`.
    Given(i32),
    /// The first year the title names.
    InTitle(i32),
    /// The first year the text names, the title naming none.
    InText(i32),
}

impl Year {
    /// The year `--year` gives (if it is one), or else the first the title names, or else the
    /// first the text names.
    fn of(text: &str, article: &Article, options: &Options) -> Result<Year, Refused> {
        match options.year {
            Some(y) if (1900..=2100).contains(&y) => Ok(Year::Given(y)),
            Some(y) => Err(Refused::Year(y)),
            None => year_in(&text[article.title.clone()])
                .map(Year::InTitle)
                .or_else(|| year_in(text).map(Year::InText))
                .ok_or(Refused::NoYear),
        }
    }

    fn number(self) -> i32 {
        match self {
            Year::Given(y) | Year::InTitle(y) | Year::InText(y) => y,
        }
    }
}

/// Which pass writes the passages: the first, whose draft is loaded only to find what each
/// passage names (its ids are thrown away), or the last, whose passages are the draft's.
#[derive(Clone, Copy, Debug)]
enum Pass {
    Concerns,
    Last(Year),
}

pub(super) fn draft(
    text: &str,
    options: &Options,
    with: Option<With<'_>>,
) -> Result<Draft, Refused> {
    let article = read::read(text)?;
    let year = Year::of(text, &article, options)?;
    let source_id = super::named(text, &article, options)?;
    let mut ids = Ids::new(with.iter().flat_map(|w| taken(&w.knowledge.dataset)));
    if ids.is_taken(&source_id) || !is_valid_id(&source_id) {
        return Err(Refused::SourceTaken(source_id));
    }
    ids.fresh(&source_id);
    let mut b = Builder {
        drafting: Drafting::new(text, Id::new(source_id.clone()), ids, with),
        people: People::default(),
        bodies: Bodies::default(),
    };
    let units = b.units(&article, year.number());
    b.bodies.acronyms(&mut b.drafting, &article);
    b.source(year);
    // Pass 1: the draft loaded with one passage per unit, to find what each names.
    let units = b.with_concerns(units);
    let units = passages::join(units);
    b.passages(&units, Pass::Last(year));
    // A draft that would not load is a fault of the importer, not of the article: refused
    // rather than written.
    if let Err(e) = b.drafting.load() {
        return Err(Refused::Unloadable(e));
    }
    let to_review = b.drafting.file.reviews();
    b.summarise(&article, to_review);
    Ok(Draft {
        source_id,
        file: b.drafting.file,
        report: b.drafting.report,
        to_review,
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

/// What drafts an article: the draft being written, and the people and bodies drafted into
/// it, kept apart so that each is written by its own module.
struct Builder<'t, 'w> {
    drafting: Drafting<'t, 'w>,
    people: People,
    bodies: Bodies,
}

impl Builder<'_, '_> {
    /// Every passage of the article, in its order, before ids and concerns.
    fn units(&mut self, article: &Article, year: i32) -> Vec<Unit> {
        let text = self.drafting.text;
        let mut units = vec![Unit::new(article.title.clone(), PassageKind::Title, 0)];
        if let Some((q, p)) = &article.question {
            units.push(Unit::new(q.clone(), PassageKind::Question, *p));
        }
        for (range, p) in &article.framing {
            for unit in passages::framing(text, range.clone(), *p) {
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
                            quoted::inline(text, unit.range.clone(), q.open.start, q.close.end)
                        })
                        .flatten()
                        .map(|i| (i, q.inside()))
                });
                match quoted {
                    Some((i, words)) => {
                        units.extend(self.people.quoted(&mut self.drafting, &i, words, *p));
                    }
                    None => units.push(unit),
                }
            }
        }
        let mut speakers = Vec::new();
        for a in &article.answers {
            let speaker = a.byline.as_ref().map(|(range, by)| {
                let (id, unit) = self.people.expert(
                    &mut self.drafting,
                    &mut self.bodies,
                    range.clone(),
                    by,
                    a.paras.start,
                );
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
                self.people
                    .publications(&mut self.drafting, by, author, unit);
            }
            let shared = a.shares.and_then(|j| speakers[j].clone());
            let answer = Answer {
                quote: &a.quote,
                paras: a.paras.clone(),
                shared: shared.is_some(),
                speaker: speaker.clone().or(shared),
            };
            units.extend(passages::answer(text, &article.paras, &answer, year));
        }
        units.sort_by_key(|u| u.range.start);
        units
    }

    fn source(&mut self, year: Year) {
        let mut review = vec![
            "write `theme` and `summary` in your own words (the summary is shown as ours, “In our words”)".to_string(),
        ];
        if let Year::InText(year) = year {
            review.push(format!(
                "year {year}: the first year the text names (the title names none)"
            ));
        }
        let d = &mut self.drafting;
        d.file.sources.push(Source {
            id: d.source.clone(),
            year: year.number(),
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
        self.passages(&units, Pass::Concerns);
        let Ok(dataset) = self.drafting.load() else {
            return units;
        };
        let knowledge = Knowledge::new(dataset);
        for u in &mut units {
            // A byline's are set first (the person, their organisations, co-authors); what
            // else it names follows.
            let mut concerns: Vec<String> = u.concerns.take().unwrap_or_default();
            for m in knowledge.mentions(&self.drafting.text[u.range.clone()]) {
                let id = m.id.to_string();
                if u.speaker.as_deref() != Some(id.as_str()) && !concerns.contains(&id) {
                    concerns.push(id);
                }
            }
            u.concerns = Some(concerns);
        }
        units
    }

    /// The units as the draft's passages, with fresh ids (on the last pass the year prefixes
    /// them when drafting against other data, where "title" is taken).
    fn passages(&mut self, units: &[Unit], pass: Pass) {
        let d = &mut self.drafting;
        let mut ids = d.ids.clone();
        let prefix = match pass {
            Pass::Last(year) if d.knowledge().is_some() => format!("{} ", year.number()),
            Pass::Last(_) | Pass::Concerns => String::new(),
        };
        let passages = units
            .iter()
            .map(|u| {
                let who = u
                    .speaker
                    .as_ref()
                    .or(u.concerns.as_ref().and_then(|c| c.first()));
                let surname = who
                    .and_then(|id| self.people.surname(id))
                    .unwrap_or_default();
                let base = match u.kind {
                    PassageKind::Title => "title".to_string(),
                    PassageKind::Question => "question".to_string(),
                    PassageKind::Framing => "framing".to_string(),
                    kind => format!("{surname} {}", kind.as_str()),
                };
                Passage {
                    id: Id::new(ids.fresh(&format!("{prefix}{base}"))),
                    source: d.source.clone(),
                    kind: u.kind,
                    speaker: u.speaker.clone().map(Id::new),
                    year: u.year,
                    concerns: u.concerns.iter().flatten().cloned().map(Id::new).collect(),
                    lead_in: u.lead_in.as_ref().map(|r| d.span(r)),
                    text: d.span(&u.range),
                    review: u.review.clone(),
                    at: (0, 0),
                    layout: Default::default(),
                }
            })
            .collect();
        d.file.passages = passages;
    }

    fn summarise(&mut self, article: &Article, to_review: usize) {
        let d = &mut self.drafting;
        let f = &d.file;
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
            d.source,
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
        lines.append(&mut d.report);
        lines.push(format!(
            "{to_review} notes to review: each is a `review` note beside what it is about; `check` lists them"
        ));
        d.report = lines;
    }
}
