//! The people of a draft (`People`): the experts bylines introduce (or find in the data
//! drafted against), people the article quotes in its own sentences, and the publications
//! bylines name.

use std::collections::HashMap;
use std::ops::Range;

use minilateral_core::dataset::{Entity, Expert, Id, Kind, PassageKind, Publication, Role};
use minilateral_core::fold;
use minilateral_core::matching::Outcome;

use super::bodies::Bodies;
use super::byline::Byline;
use super::drafting::Drafting;
use super::entities;
use super::passages::Unit;
use super::quoted;
use super::text;

/// The people drafted or found so far: who each name is, the surname their passages' ids
/// start with, and where each drafted expert is in the draft.
#[derive(Default)]
pub(super) struct People {
    /// A person's folded name → their id (drafted, or in the data).
    ids: HashMap<String, String>,
    /// An expert's id → the surname passage ids start with.
    surnames: HashMap<String, String>,
    /// A drafted expert's id → where it is in the draft's experts.
    experts_at: HashMap<String, usize>,
}

impl People {
    /// The surname the ids of `id`'s passages start with.
    pub fn surname(&self, id: &str) -> Option<&str> {
        self.surnames.get(id).map(String::as_str)
    }

    /// The expert a byline introduces (drafted, or found in the data), and the byline's unit;
    /// the organisations of their roles are drafted into `bodies`.
    pub fn expert(
        &mut self,
        d: &mut Drafting<'_, '_>,
        bodies: &mut Bodies,
        range: Range<usize>,
        by: &Byline,
        para: usize,
    ) -> (String, Unit) {
        let name = d.plain(&by.name);
        let key = fold::fold(&name);
        let mut unit = Unit::new(range, PassageKind::Byline, para);
        let mut review = Vec::new();
        let known = self
            .ids
            .get(&key)
            .cloned()
            .or_else(|| known_expert(d, &name, &mut unit));
        let id = match known {
            // Someone drafted already (a second byline, or quoted before their answer): the
            // roles this byline adds are theirs too, and they answered, so they are on the panel.
            Some(id) => {
                if let Some(at) = self.experts_at.get(&id).copied() {
                    let roles = roles(d, bodies, by, &mut review);
                    let e = &mut d.file.experts[at];
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
                let id = d.ids.fresh(&name);
                let roles = roles(d, bodies, by, &mut review);
                self.experts_at.insert(id.clone(), d.file.experts.len());
                d.file.experts.push(Expert {
                    id: Id::new(id.clone()),
                    name: name.clone(),
                    aliases: Vec::new(),
                    credentials: by.credentials.iter().map(|c| d.plain(c)).collect(),
                    panel: true,
                    roles,
                    source: d.source.clone(),
                    review,
                });
                id
            }
        };
        self.ids.insert(key, id.clone());
        self.name_surname(d, &id, &name);
        let mut concerns = vec![id.clone()];
        for r in &by.roles {
            if let Some(org) = &r.organisation {
                concerns.extend(bodies.find(d, &d.plain(org)));
            }
        }
        unit.concerns = Some(concerns);
        (id, unit)
    }

    /// Remembers the surname passage ids of `id` start with: the data's spelling of the
    /// name where the person is the data's (a byline may misspell it).
    fn name_surname(&mut self, d: &Drafting<'_, '_>, id: &str, written: &str) {
        let known = d
            .knowledge()
            .and_then(|k| k.dataset.expert(id))
            .map(|e| e.name.clone());
        let name = known.unwrap_or_else(|| written.to_string());
        let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
        self.surnames.entry(id.to_string()).or_insert(surname);
    }

    /// A person the article quotes in its own sentence: a byline (their name and the
    /// apposition after it) and a statement (the quoted words, with the words before them as
    /// its lead-in). Drafted off the panel, with the apposition as one title.
    pub fn quoted(
        &mut self,
        d: &mut Drafting<'_, '_>,
        i: &quoted::Inline,
        words: Range<usize>,
        para: usize,
    ) -> Vec<Unit> {
        let name = d.plain(&i.name);
        let mut by = Unit::new(i.name.start..i.role.end, PassageKind::Byline, para);
        let known = self
            .ids
            .get(&fold::fold(&name))
            .cloned()
            .or_else(|| known_expert(d, &name, &mut by));
        let id = match known {
            Some(id) => id,
            None => {
                let id = d.ids.fresh(&name);
                self.experts_at.insert(id.clone(), d.file.experts.len());
                d.file.experts.push(Expert {
                    id: Id::new(id.clone()),
                    name: name.clone(),
                    aliases: Vec::new(),
                    credentials: Vec::new(),
                    panel: false,
                    roles: vec![Role {
                        title: d.plain(&i.role),
                        organisation: None,
                        current: true,
                        as_written: None,
                    }],
                    source: d.source.clone(),
                    review: vec![
                        "quoted in the article's own voice, so drafted off the panel; the words after the name are taken as one title (add an organisation if you know it)".into(),
                    ],
                });
                id
            }
        };
        self.ids.insert(fold::fold(&name), id.clone());
        self.name_surname(d, &id, &name);
        by.concerns = Some(vec![id.clone()]);
        let mut said = Unit::new(text::trim(d.text, words), PassageKind::Statement, para);
        said.speaker = Some(id);
        said.lead_in = Some(i.lead.clone());
        vec![by, said]
    }

    /// The publications a byline names ("co-author of ‘…’ with Tanya Filer"), and its
    /// co-authors added to the concerns of the author's first byline.
    pub fn publications(
        &self,
        d: &mut Drafting<'_, '_>,
        by: &Byline,
        author: &str,
        mut byline: Option<&mut Unit>,
    ) {
        for p in &by.publications {
            let title = d.span(&p.title);
            let mut authors = vec![Id::new(author)];
            let mut review = Vec::new();
            for w in &p.with {
                let name = d.plain(w);
                let key = fold::fold(&name);
                let known = self.ids.get(&key).cloned().or_else(|| {
                    let e = d.in_data(&key, &[Kind::Expert])?;
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
            let known = d.known().publication(&title);
            if let Some(known) = known {
                d.report
                    .push(format!("“{title}”: already in the data, as {}", known.id));
                continue;
            }
            let short: String = title.split(':').next().unwrap_or(&title).to_string();
            d.file.publications.push(Publication {
                id: Id::new(d.ids.fresh(&entities::slug(&short, 40))),
                title,
                authors,
                source: d.source.clone(),
                review,
            });
        }
    }
}

/// The roles a byline gives, each organisation as a body (drafted, or the data's).
fn roles(
    d: &mut Drafting<'_, '_>,
    bodies: &mut Bodies,
    by: &Byline,
    review: &mut Vec<String>,
) -> Vec<Role> {
    by.roles
        .iter()
        .map(|r| {
            let written = d.span(&r.written);
            let org = r.organisation.as_ref().map(|o| d.plain(o));
            if r.title.is_empty() {
                review.push(format!(
                    "the byline names the organisation “{written}” but no title: add it if you know it"
                ));
            }
            // "— Ada Quill, G7": a title that is the name of a body or group known.
            let title = d.plain(&r.title);
            if org.is_none() && let Some(id) = bodies.find(d, &title) {
                return Role {
                    title: String::new(),
                    organisation: Some(Id::new(id)),
                    current: r.current,
                    as_written: Some(written),
                };
            }
            Role {
                title,
                organisation: org.map(|org| Id::new(bodies.organisation(d, &org))),
                current: r.current,
                as_written: Some(written),
            }
        })
        .collect()
}

/// An expert of the data drafted against that `name` is, as the matcher reads it: an
/// exact name is that person; a close one is taken and marked for review; several close
/// ones are named in a note and the person is drafted anew.
fn known_expert(d: &mut Drafting<'_, '_>, name: &str, unit: &mut Unit) -> Option<String> {
    let resolved = d.knowledge()?.resolve::<&Expert>(name);
    let key = fold::fold(name);
    match resolved.outcome {
        Outcome::Match => {
            let e = resolved.found.first()?.entity;
            let exact = Entity::Expert(e)
                .names()
                .iter()
                .any(|n| fold::fold(n) == key);
            if exact {
                d.report
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
