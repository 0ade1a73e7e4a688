//! Read-only queries on a [`Dataset`]: what an expert said, what concerns an entity, a
//! source's title and question, and the counts `check` and `/about` show.

use serde::Serialize;

use super::{Dataset, Entity, Expert, Id, Passage, PassageKind, Publication, Slot, Source};

/// Whether `p` is the byline introducing `expert` (a byline's first concern is the person it
/// introduces; the others are their organisations and co-authors).
fn introduces(p: &Passage, expert: &str) -> bool {
    p.kind == PassageKind::Byline && p.concerns.first().is_some_and(|c| c.as_str() == expert)
}

/// What one source holds, for `/about` and `/article`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceCounts {
    pub passages: usize,
    /// People of the panel it introduces (a byline) and the others it introduces.
    pub panel: usize,
    pub others: usize,
    pub statements: usize,
    pub wishes: usize,
}

/// Counts for `check` and `/about`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub sources: usize,
    pub passages: usize,
    pub experts: usize,
    /// Experts on the article's panel (the others are quoted in its introduction).
    pub panel: usize,
    pub statements: usize,
    pub wishes: usize,
    pub groups: usize,
    pub bodies: usize,
    pub publications: usize,
    pub wish_years: Vec<i32>,
}

impl Dataset {
    fn indexed<'a>(&'a self, list: Option<&'a Vec<u32>>) -> impl Iterator<Item = &'a Passage> + 'a {
        list.into_iter()
            .flatten()
            .map(|&i| &self.passages[i as usize])
    }

    /// The passages an expert speaks (statements and wishes), in source order.
    pub fn said_by<'a>(&'a self, expert: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        let list = match self.slot(expert) {
            Some(Slot::Expert(i)) => self.said.get(i),
            _ => None,
        };
        self.indexed(list)
    }

    /// The passages that concern an entity, in source order.
    pub fn about<'a>(&'a self, entity: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        let number = self
            .slot(entity)
            .and_then(|s| s.entity_number(self.experts.len(), self.groups.len()));
        self.indexed(number.and_then(|n| self.about.get(n)))
    }

    /// The article's sentence introducing an expert: the first byline whose first concern
    /// is the expert (a byline may also name others, such as a co-author).
    pub fn byline(&self, expert: &str) -> Option<&Passage> {
        self.about(expert).find(|p| introduces(p, expert))
    }

    /// The article's sentence introducing an expert in source `source`, where it has one
    /// (someone quoted in two articles is introduced in each, perhaps with another role).
    pub fn byline_in(&self, expert: &str, source: &Id) -> Option<&Passage> {
        self.about(expert)
            .find(|p| p.source == *source && introduces(p, expert))
    }

    /// The sources a person speaks in or is introduced by, newest first.
    pub fn sources_of(&self, expert: &str) -> Vec<&Source> {
        let mut ids: Vec<&Id> = self
            .said_by(expert)
            .chain(self.about(expert).filter(|p| introduces(p, expert)))
            .map(|p| &p.source)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut sources: Vec<&Source> = ids
            .into_iter()
            .filter_map(|id| self.source(id.as_str()))
            .collect();
        sources.sort_by_key(|s| std::cmp::Reverse(self.recency(s)));
        sources
    }

    /// An expert's wishes, in source order.
    pub fn wishes_of<'a>(&'a self, expert: &str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.said_by(expert).filter(|p| p.kind == PassageKind::Wish)
    }

    /// The source's title (every source has one; checked at load).
    pub fn title<'a>(&'a self, source: &'a Source) -> &'a str {
        self.head(source)
            .and_then(|(title, _)| title)
            .map_or(source.id.as_str(), |i| self.passages[i].text.as_str())
    }

    /// The sources, newest first: by the year they look ahead to, then by publication date
    /// where known, then the later in the data first.
    pub fn newest_first(&self) -> Vec<&Source> {
        let mut list: Vec<&Source> = self.sources.iter().collect();
        list.sort_by_key(|s| std::cmp::Reverse(self.recency(s)));
        list
    }

    /// What "newest" means wherever sources are ordered: (year looked ahead to, publication
    /// date, place in the data).
    fn recency<'a>(&self, s: &'a Source) -> (i32, Option<&'a str>, usize) {
        let place = match self.slot(s.id.as_str()) {
            Some(Slot::Source(i)) => i,
            _ => 0,
        };
        (s.year, s.published.as_deref(), place)
    }

    /// The short form of a source's title that labels use when a reply quotes more than one
    /// source: the data's `short_title`, or else the title up to its first colon ("Small
    /// Clubs, Big Questions"), or the whole title.
    pub fn short_title<'a>(&'a self, source: &'a Source) -> &'a str {
        if let Some(short) = source.short_title.as_deref() {
            return short;
        }
        let title = self.title(source);
        match title.split_once(':') {
            Some((head, _)) if !head.trim().is_empty() => head.trim(),
            _ => title,
        }
    }

    /// A source's passages, in its order.
    pub fn passages_of(&self, source: &Source) -> &[Passage] {
        self.passages.get(self.span_of(source)).unwrap_or_default()
    }

    /// Where a source's passages stand in [`passages`](Self::passages): one run, since
    /// passages are kept in source order.
    pub fn span_of(&self, source: &Source) -> std::ops::Range<usize> {
        match self.slot(source.id.as_str()) {
            Some(Slot::Source(i)) => self.spans.get(i).cloned().unwrap_or(0..0),
            _ => 0..0,
        }
    }

    /// The people a source introduces (its bylines' first concerns), in its order.
    pub fn people_of(&self, source: &Source) -> Vec<&Expert> {
        let mut seen = std::collections::HashSet::new();
        self.passages_of(source)
            .iter()
            .filter(|p| p.kind == PassageKind::Byline)
            .filter_map(|p| self.expert(p.concerns.first()?.as_str()))
            .filter(|e| seen.insert(&e.id))
            .collect()
    }

    /// What a source holds: passages, people, statements and wishes.
    pub fn counts(&self, source: &Source) -> SourceCounts {
        let passages = self.passages_of(source);
        let people = self.people_of(source);
        let count = |kind| passages.iter().filter(|p| p.kind == kind).count();
        SourceCounts {
            passages: passages.len(),
            panel: people.iter().filter(|e| e.panel).count(),
            others: people.iter().filter(|e| !e.panel).count(),
            statements: count(PassageKind::Statement),
            wishes: count(PassageKind::Wish),
        }
    }

    /// The question the source put to its experts, if it has one.
    pub fn question(&self, source: &Source) -> Option<&Passage> {
        let (_, question) = self.head(source)?;
        question.map(|i| &self.passages[i])
    }

    fn head(&self, source: &Source) -> Option<(Option<usize>, Option<usize>)> {
        match self.slot(source.id.as_str())? {
            Slot::Source(i) => self.heads.get(i).copied(),
            _ => None,
        }
    }

    /// The publications an expert wrote, with their co-authors.
    pub fn publications_of<'a>(&'a self, expert: &'a Id) -> impl Iterator<Item = &'a Publication> {
        self.publications
            .iter()
            .filter(move |p| p.authors.contains(expert))
    }

    /// Groups and bodies that an expert's own passages concern, in dataset order.
    pub fn spoken_of_by(&self, expert: &str) -> Vec<Entity<'_>> {
        let mut slots: Vec<(u8, usize)> = self
            .said_by(expert)
            .flat_map(|p| &p.concerns)
            .filter_map(|id| match self.slot(id.as_str())? {
                Slot::Group(i) => Some((0, i)),
                Slot::Body(i) => Some((1, i)),
                _ => None,
            })
            .collect();
        slots.sort_unstable();
        slots.dedup();
        slots
            .into_iter()
            .map(|(kind, i)| match kind {
                0 => Entity::Group(&self.groups[i]),
                _ => Entity::Body(&self.bodies[i]),
            })
            .collect()
    }

    /// Experts whose own passages concern an entity, in dataset order.
    pub fn speakers_of(&self, entity: &str) -> Vec<&Expert> {
        let mut slots: Vec<usize> = self
            .about(entity)
            .filter_map(|p| match self.slot(p.speaker.as_ref()?.as_str())? {
                Slot::Expert(i) => Some(i),
                _ => None,
            })
            .collect();
        slots.sort_unstable();
        slots.dedup();
        slots.into_iter().map(|i| &self.experts[i]).collect()
    }

    /// The years that have at least one wish, ascending.
    pub fn wish_years(&self) -> Vec<i32> {
        self.wishers.keys().copied().collect()
    }

    /// The experts with a wish for `year`, in the dataset's order, and how many there are:
    /// a page of them costs the page.
    pub fn wishers(&self, year: i32) -> (usize, impl Iterator<Item = &Expert> + '_) {
        let list = self.wishers.get(&year).map_or(&[][..], Vec::as_slice);
        (list.len(), list.iter().map(|&e| &self.experts[e as usize]))
    }

    /// The counts, made once at load (`/about` shows them on every call).
    pub fn summary(&self) -> Summary {
        self.counted.clone()
    }

    /// Counts every passage by kind: for `load`, once.
    pub(super) fn count(&self) -> Summary {
        let count = |kind| self.passages.iter().filter(|p| p.kind == kind).count();
        Summary {
            sources: self.sources.len(),
            passages: self.passages.len(),
            experts: self.experts.len(),
            panel: self.experts.iter().filter(|e| e.panel).count(),
            statements: count(PassageKind::Statement),
            wishes: count(PassageKind::Wish),
            groups: self.groups.len(),
            bodies: self.bodies.len(),
            publications: self.publications.len(),
            wish_years: self.wish_years(),
        }
    }
}

/// One thing a curator still has to decide: an item's `review` note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToReview<'a> {
    /// `source`, `expert`, `group`, `body`, `publication` or `passage`.
    pub kind: &'static str,
    pub id: &'a str,
    pub note: &'a str,
}

impl Dataset {
    /// Every `review` note, sources first, then experts, groups, bodies, publications and
    /// passages in the source's order: what `check` lists as left to decide.
    pub fn to_review(&self) -> Vec<ToReview<'_>> {
        fn add<'a>(
            out: &mut Vec<ToReview<'a>>,
            kind: &'static str,
            id: &'a Id,
            notes: &'a [String],
        ) {
            out.extend(notes.iter().map(|note| ToReview {
                kind,
                id: id.as_str(),
                note,
            }));
        }
        let mut out = Vec::new();
        for s in &self.sources {
            add(&mut out, "source", &s.id, &s.review);
        }
        for e in &self.experts {
            add(&mut out, "expert", &e.id, &e.review);
        }
        for g in &self.groups {
            add(&mut out, "group", &g.id, &g.review);
        }
        for b in &self.bodies {
            add(&mut out, "body", &b.id, &b.review);
        }
        for p in &self.publications {
            add(&mut out, "publication", &p.id, &p.review);
        }
        for p in &self.passages {
            add(&mut out, "passage", &p.id, &p.review);
        }
        out
    }
}
