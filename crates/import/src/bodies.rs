//! The bodies of a draft (`Bodies`): the organisations of roles (drafted, or found among the
//! bodies and groups of the data drafted against) and those an article introduces as "Full
//! Name (ACRONYM)".

use std::collections::{HashMap, HashSet};

use minilateral_core::dataset::{Body, Id, Kind};
use minilateral_core::fold;

use super::drafting::Drafting;
use super::entities;
use super::read::Article;

/// The organisations drafted or found so far, by name.
#[derive(Default)]
pub(super) struct Bodies {
    /// An organisation's folded name → its body's id (drafted, or in the data).
    organisations: HashMap<String, String>,
}

impl Bodies {
    /// The body an organisation's name is: already drafted, in the data, or drafted now.
    pub fn organisation(&mut self, d: &mut Drafting<'_, '_>, written: &str) -> String {
        if let Some(id) = self.find(d, written) {
            return id;
        }
        let (name, short) = split_acronym(written);
        let id = d.ids.fresh(name);
        d.file.bodies.push(Body {
            id: Id::new(id.clone()),
            name: name.to_string(),
            kind: body_kind(name).into(),
            aliases: short.iter().map(|s| s.to_string()).collect(),
            full_name: None,
            background: None,
            other_names: None,
            source: d.source.clone(),
            review: vec![format!(
                "kind guessed from the name: “{}” (multilateral, initiative or organisation)",
                body_kind(name)
            )],
        });
        for key in organisation_keys(written) {
            self.organisations.insert(key, id.clone());
        }
        id
    }

    /// The body an organisation's name (as a byline writes it) already is: drafted, or in
    /// the data drafted against.
    pub fn find(&self, d: &Drafting<'_, '_>, written: &str) -> Option<String> {
        let keys = organisation_keys(written);
        keys.iter()
            .find_map(|k| self.organisations.get(k).cloned())
            .or_else(|| keys.iter().find_map(|k| known_body(d, k)))
    }

    /// Bodies the article introduces as "Full Name (ACRONYM)": proposed when the full name
    /// reads as an institution's and the data does not already have it.
    pub fn acronyms(&mut self, d: &mut Drafting<'_, '_>, article: &Article) {
        let (mut spelled, mut unspelled) = (Vec::new(), Vec::new());
        for para in &article.paras {
            let (s, u) = entities::acronyms(d.text, para.range.clone());
            spelled.extend(s);
            unspelled.extend(u);
        }
        // Sets, not lists: a long article has thousands of acronyms.
        let mut seen: HashSet<String> = HashSet::new();
        let spelled_shorts: HashSet<String> = spelled.iter().map(|a| d.plain(&a.short)).collect();
        for short in unspelled {
            let short = d.plain(&short);
            let key = fold::fold(&short);
            let known = spelled_shorts.contains(&short)
                || known_body(d, &key).is_some()
                || self.organisations.contains_key(&key)
                || d.known().names(&key);
            if !known && seen.insert(short.clone()) {
                d.report.push(format!(
                    "left out: “({short})”, whose letters the words before it do not spell; add it as a body if it names one"
                ));
            }
        }
        let mut seen = HashSet::new();
        // Where each drafted body is in `file.bodies`, by id.
        let mut bodies_at: HashMap<String, usize> = d
            .file
            .bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.to_string(), i))
            .collect();
        for a in spelled {
            let (full, short) = (d.plain(&a.full), d.plain(&a.short));
            if !seen.insert(short.clone()) {
                continue;
            }
            let any = &[Kind::Expert, Kind::Group, Kind::Body];
            let in_data = [&full, &short]
                .iter()
                .any(|n| d.in_data(&fold::fold(n), any).is_some());
            if in_data {
                continue;
            }
            if let Some(id) = self.organisations.get(&fold::fold(&full)).cloned() {
                if let Some(body) = bodies_at.get(&id).map(|&i| &mut d.file.bodies[i])
                    && !body.aliases.contains(&short)
                {
                    body.aliases.push(short);
                }
                continue;
            }
            if !a.institutional {
                d.report.push(format!(
                    "left out: “{full} ({short})”, not an institution's name by its words; add it as a body if it is one"
                ));
                continue;
            }
            let id = d.ids.fresh(&full);
            self.organisations.insert(fold::fold(&full), id.clone());
            self.organisations.insert(fold::fold(&short), id.clone());
            bodies_at.insert(id.clone(), d.file.bodies.len());
            d.file.bodies.push(Body {
                id: Id::new(id),
                name: full.clone(),
                kind: body_kind(&full).into(),
                aliases: vec![short.clone()],
                full_name: None,
                background: None,
                other_names: None,
                source: d.source.clone(),
                review: vec![format!(
                    "proposed from “{full} ({short})”: kind guessed (“{}”); if it is a bloc of states, move it to `groups` with its members",
                    body_kind(&full)
                )],
            });
        }
    }
}

/// The body or group of the data drafted against whose name, full name or alias folds to
/// `key` (a role's organisation may be a group: "Coordinator of the Three Seas Initiative").
fn known_body(d: &Drafting<'_, '_>, key: &str) -> Option<String> {
    d.in_data(key, &[Kind::Body, Kind::Group])
        .map(|e| e.id().to_string())
}

/// "Overseas Development Institute (ODI)" → the name and its acronym.
fn split_acronym(written: &str) -> (&str, Option<&str>) {
    let inner = written
        .strip_suffix(')')
        .and_then(|w| w.rsplit_once(" ("))
        .filter(|(_, a)| entities::is_acronym(a));
    match inner {
        Some((name, short)) => (name, Some(short)),
        None => (written, None),
    }
}

/// The folded names an organisation is found by: as written, and its name and acronym.
fn organisation_keys(written: &str) -> Vec<String> {
    let (name, short) = split_acronym(written);
    let mut keys = vec![fold::fold(written), fold::fold(name)];
    keys.extend(short.map(fold::fold));
    keys.dedup();
    keys
}

/// A body's kind, guessed from its name.
fn body_kind(name: &str) -> &'static str {
    if name.contains("Initiative") {
        "initiative"
    } else {
        "organisation"
    }
}
