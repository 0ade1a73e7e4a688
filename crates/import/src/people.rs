//! The people of a draft: the experts bylines introduce (or find in the data drafted
//! against), people the article quotes in its own sentences, and the publications bylines
//! name.

use std::ops::Range;

use minilateral_core::dataset::{Entity, Expert, Id, Kind, PassageKind, Publication, Role};
use minilateral_core::fold;
use minilateral_core::matching::Outcome;

use super::byline::Byline;
use super::draft::Builder;
use super::entities;
use super::passages::Unit;
use super::quoted;
use super::text;

impl Builder<'_, '_> {
    /// The expert a byline introduces (drafted, or found in the data), and the byline's unit.
    pub(super) fn expert(
        &mut self,
        range: std::ops::Range<usize>,
        by: &Byline,
        para: usize,
    ) -> (String, Unit) {
        let name = self.plain(&by.name);
        let key = fold::fold(&name);
        let mut unit = Unit::new(range, PassageKind::Byline, para);
        let mut review = Vec::new();
        let known = self
            .people
            .get(&key)
            .cloned()
            .or_else(|| self.known_expert(&name, &mut unit));
        let drafted = |b: &Self, id: &str| b.experts_at.get(id).copied();
        let id = match known {
            // Someone drafted already (a second byline, or quoted before their answer): the
            // roles this byline adds are theirs too, and they answered, so they are on the panel.
            Some(id) => {
                if let Some(at) = drafted(self, &id) {
                    let roles = self.roles(by, &mut review);
                    let e = &mut self.file.experts[at];
                    for role in roles {
                        let same =
                            |r: &Role| r.title == role.title && r.organisation == role.organisation;
                        if !e.roles.iter().any(same) {
                            e.roles.push(role);
                        }
                    }
                    e.panel = true;
                    e.review.append(&mut review);
                }
                id
            }
            None => {
                let id = self.ids.fresh(&name);
                let roles = self.roles(by, &mut review);
                self.experts_at.insert(id.clone(), self.file.experts.len());
                self.file.experts.push(Expert {
                    id: Id::new(id.clone()),
                    name: name.clone(),
                    aliases: Vec::new(),
                    credentials: by.credentials.iter().map(|c| self.plain(c)).collect(),
                    panel: true,
                    roles,
                    source: self.source.clone(),
                    review,
                });
                id
            }
        };
        self.people.insert(key, id.clone());
        self.name_surname(&id, &name);
        let mut concerns = vec![id.clone()];
        for r in &by.roles {
            if let Some(org) = &r.organisation {
                concerns.extend(self.find_organisation(&self.plain(org)));
            }
        }
        unit.concerns = Some(concerns);
        (id, unit)
    }

    /// Remembers the surname passage ids of `id` start with: the data's spelling of the
    /// name where the person is the data's (a byline may misspell it).
    fn name_surname(&mut self, id: &str, written: &str) {
        let known = self
            .with
            .as_ref()
            .and_then(|w| w.knowledge.dataset.expert(id))
            .map(|e| e.name.clone());
        let name = known.unwrap_or_else(|| written.to_string());
        let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
        self.surnames.entry(id.to_string()).or_insert(surname);
    }

    /// The roles a byline gives, each organisation as a body (drafted, or the data's).
    fn roles(&mut self, by: &Byline, review: &mut Vec<String>) -> Vec<Role> {
        by.roles
            .iter()
            .map(|r| {
                let written = self.span(&r.written);
                let org = r.organisation.as_ref().map(|o| self.plain(o));
                if r.title.is_empty() {
                    review.push(format!(
                        "the byline names the organisation “{written}” but no title: add it if you know it"
                    ));
                }
                // "— Ada Quill, G7": a title that is the name of a body or group known.
                let title = self.plain(&r.title);
                if org.is_none() && let Some(id) = self.find_organisation(&title) {
                    return Role {
                        title: String::new(),
                        organisation: Some(Id::new(id)),
                        current: r.current,
                        as_written: Some(written),
                    };
                }
                Role {
                    title,
                    organisation: org.map(|org| Id::new(self.organisation(&org))),
                    current: r.current,
                    as_written: Some(written),
                }
            })
            .collect()
    }

    /// A person the article quotes in its own sentence: a byline (their name and the
    /// apposition after it) and a statement (the quoted words, with the words before them as
    /// its lead-in). Drafted off the panel, with the apposition as one title.
    pub(super) fn quoted(
        &mut self,
        i: &quoted::Inline,
        words: Range<usize>,
        para: usize,
    ) -> Vec<Unit> {
        let name = self.plain(&i.name);
        let mut by = Unit::new(i.name.start..i.role.end, PassageKind::Byline, para);
        let known = self
            .people
            .get(&fold::fold(&name))
            .cloned()
            .or_else(|| self.known_expert(&name, &mut by));
        let id = match known {
            Some(id) => id,
            None => {
                let id = self.ids.fresh(&name);
                self.experts_at.insert(id.clone(), self.file.experts.len());
                self.file.experts.push(Expert {
                    id: Id::new(id.clone()),
                    name: name.clone(),
                    aliases: Vec::new(),
                    credentials: Vec::new(),
                    panel: false,
                    roles: vec![Role {
                        title: self.plain(&i.role),
                        organisation: None,
                        current: true,
                        as_written: None,
                    }],
                    source: self.source.clone(),
                    review: vec![
                        "quoted in the article's own voice, so drafted off the panel; the words after the name are taken as one title (add an organisation if you know it)".into(),
                    ],
                });
                id
            }
        };
        self.people.insert(fold::fold(&name), id.clone());
        self.name_surname(&id, &name);
        by.concerns = Some(vec![id.clone()]);
        let mut said = Unit::new(text::trim(self.text, words), PassageKind::Statement, para);
        said.speaker = Some(id);
        said.lead_in = Some(i.lead.clone());
        vec![by, said]
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
                let exact = Entity::Expert(e)
                    .names()
                    .iter()
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

    /// The publications a byline names ("co-author of ‘…’ with Tanya Filer"), and its
    /// co-authors added to the concerns of the author's first byline.
    pub(super) fn publications(
        &mut self,
        by: &Byline,
        author: &str,
        mut byline: Option<&mut Unit>,
    ) {
        for p in &by.publications {
            let title = self.span(&p.title);
            let mut authors = vec![Id::new(author)];
            let mut review = Vec::new();
            for w in &p.with {
                let name = self.plain(w);
                let key = fold::fold(&name);
                let known = self.people.get(&key).cloned().or_else(|| {
                    let e = self.in_data(&key, &[Kind::Expert])?;
                    Some(e.id().to_string())
                });
                match known {
                    Some(id) => authors.push(Id::new(id.clone())),
                    None => review.push(format!(
                        "co-author “{name}” is not an expert of the draft or the data: add them, or leave them out"
                    )),
                }
            }
            if let Some(unit) = byline.as_deref_mut() {
                let concerns = unit.concerns.get_or_insert_with(Vec::new);
                concerns.extend(authors[1..].iter().map(Id::to_string));
            }
            let known = self.known.publication(&title);
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
}
