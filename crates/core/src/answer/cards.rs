//! The expert and group cards: one command path for both (`card`), each kind saying how its
//! card, its buttons and the request that opens it are made.

use std::collections::{BTreeMap, HashSet};

use crate::command::Request;
use crate::dataset::{Entity, Expert, Group, Id, Kind, Passage, PassageKind, Provenance};
use crate::knowledge::{Knowledge, Named};
use crate::quote;
use crate::reply::{Button, Card, Reply, escape_data};

use super::parts::{NOT_FROM_ARTICLE, card_reply, display_name, open_button, source_footer};
use super::resolve::resolve;

/// A kind of entity with a card of its own.
pub(super) trait Carded<'k>: Named<'k> {
    /// The request that opens the card of `id` (for buttons and "Post to channel").
    fn open(id: &Id) -> Request;
    fn id(self) -> &'k Id;
    fn card(self, k: &'k Knowledge) -> Card;
    /// Buttons to the cards of related entities.
    fn buttons(self, k: &'k Knowledge) -> Vec<Button>;
}

/// `/expert` and `/group`: the card of the entity the name resolves to, or the reply that says
/// why there is none.
pub(super) fn card<'k, T: Carded<'k>>(k: &'k Knowledge, name: &str, private: bool) -> Reply {
    let (entity, note) = match resolve::<T>(k, name, private, &T::open) {
        Ok(found) => found,
        Err(reply) => return *reply,
    };
    card_reply(
        note,
        entity.card(k),
        private,
        entity.buttons(k),
        T::open(entity.id()),
    )
}

impl<'k> Carded<'k> for &'k Expert {
    fn open(id: &Id) -> Request {
        Request::Expert {
            name: id.to_string(),
        }
    }

    fn id(self) -> &'k Id {
        &self.id
    }

    fn card(self, k: &'k Knowledge) -> Card {
        expert_card(k, self)
    }

    /// The groups they speak of, then the people their byline names and their co-authors.
    fn buttons(self, k: &'k Knowledge) -> Vec<Button> {
        let d = &k.dataset;
        let e = self;
        let mut buttons: Vec<Button> = d
            .spoken_of_by(e.id.as_str())
            .into_iter()
            .filter(|x| x.kind() == Kind::Group)
            .filter_map(|g| open_button(Kind::Group, g.id(), g.name()))
            .collect();
        let byline_names = d
            .byline(e.id.as_str())
            .map_or(&[][..], |b| b.concerns.get(1..).unwrap_or_default());
        let coauthors = d.publications_of(&e.id).flat_map(|p| &p.authors);
        for id in byline_names.iter().chain(coauthors) {
            if let Some(x) = d.expert(id.as_str()).filter(|x| x.id != e.id) {
                // `fit` keeps the first of two buttons with one id.
                buttons.extend(open_button(Kind::Expert, &x.id, &x.name));
            }
        }
        buttons
    }
}

impl<'k> Carded<'k> for &'k Group {
    fn open(id: &Id) -> Request {
        Request::Group {
            name: id.to_string(),
        }
    }

    fn id(self) -> &'k Id {
        &self.id
    }

    fn card(self, k: &'k Knowledge) -> Card {
        group_card(k, self)
    }

    /// The experts who speak of it.
    fn buttons(self, k: &'k Knowledge) -> Vec<Button> {
        k.dataset
            .speakers_of(self.id.as_str())
            .into_iter()
            .filter_map(|e| open_button(Kind::Expert, &e.id, &e.name))
            .collect()
    }
}

/// An expert: the article's byline as written, their statements, their wishes by year, each
/// passage once; then what the byline does not already say.
fn expert_card(k: &Knowledge, e: &Expert) -> Card {
    let d = &k.dataset;
    let mut shown = HashSet::new();
    let byline = d.byline(e.id.as_str());
    let mut description: Vec<String> = Vec::new();
    if let Some(b) = byline {
        description.push(format!("_{}_", escape_data(&b.text)));
    }
    if !e.panel {
        description.push("Quoted in the article's introduction.".to_string());
    }
    let statements: Vec<String> = d
        .said_by(e.id.as_str())
        .filter(|p| p.kind == PassageKind::Statement)
        .map(|p| quote::quoted(p, &mut shown))
        .collect();
    if !statements.is_empty() {
        description.push(String::new());
        description.push(statements.join("\n\n"));
    }
    let mut card = Card {
        title: display_name(e),
        description: description.join("\n"),
        footer: Some(format!(
            "{} · Statements and wishes are verbatim.",
            source_footer(k, &e.source)
        )),
        ..Card::default()
    };
    let mut by_year: BTreeMap<Option<i32>, Vec<&Passage>> = BTreeMap::new();
    for w in d.wishes_of(e.id.as_str()) {
        by_year.entry(w.year).or_default().push(w);
    }
    for (year, wishes) in by_year {
        let name = year.map_or_else(|| "Wishes".to_string(), |y| format!("Wishes for {y}"));
        card.field(name, quote::bullets(&wishes, &mut shown), false);
    }
    for p in d.publications_of(&e.id) {
        // The byline may name the publication already; a card says a thing once.
        if byline.is_some_and(|b| b.text.contains(p.title.as_str())) {
            continue;
        }
        let others: Vec<&str> = p
            .authors
            .iter()
            .filter(|a| **a != e.id)
            .filter_map(|a| d.expert(a.as_str()).map(|x| x.name.as_str()))
            .collect();
        let with = if others.is_empty() {
            String::new()
        } else {
            format!(" (co-author: {})", escape_data(&others.join(", ")))
        };
        card.field(
            "Publication",
            format!("‘{}’{with}", escape_data(&p.title)),
            false,
        );
    }
    let (groups, bodies): (Vec<Entity<'_>>, Vec<Entity<'_>>) = d
        .spoken_of_by(e.id.as_str())
        .into_iter()
        .partition(|x| matches!(x, Entity::Group(_)));
    let names = |xs: &[Entity<'_>]| {
        xs.iter()
            .map(|x| escape_data(x.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !groups.is_empty() {
        card.field("Groups they speak of", names(&groups), true);
    }
    if !bodies.is_empty() {
        card.field("Also mentions", names(&bodies), true);
    }
    card
}

/// A group: every passage that concerns it, labelled with its kind and speaker, in the
/// article's order; then the members and names, saying plainly what is not the article's.
fn group_card(k: &Knowledge, g: &Group) -> Card {
    let d = &k.dataset;
    let title = match &g.full_name {
        Some(full) if *full != g.name => format!("{} — {}", g.name, full),
        _ => g.name.clone(),
    };
    let mut shown = HashSet::new();
    let passages: Vec<String> = d
        .about(g.id.as_str())
        .map(|p| format!("{}:\n{}", quote::label(d, p), quote::quoted(p, &mut shown)))
        .collect();
    let description = if passages.is_empty() {
        "The article names it and says nothing more of it.".to_string()
    } else {
        format!("**What the article says**\n{}", passages.join("\n\n"))
    };
    let mut card = Card {
        title,
        description,
        footer: Some(source_footer(k, &g.source)),
        ..Card::default()
    };
    let m = &g.members;
    let origin = match m.source {
        Provenance::Article => "as the article lists them".to_string(),
        Provenance::Background => format!("{NOT_FROM_ARTICLE}, as of {}", m.as_of),
    };
    let mut members = escape_data(&m.states.join(", "));
    if let Some(note) = &m.note {
        members.push_str(&format!("\n_Our note: {}_", escape_data(note)));
    }
    card.field(format!("Members ({origin})"), members, false);
    if let (Provenance::Background, Some(full)) = (g.full_name_source, &g.full_name) {
        card.field(
            "Name",
            format!(
                "The article calls it {}. “{}” is {NOT_FROM_ARTICLE}.",
                escape_data(&g.name),
                escape_data(full)
            ),
            false,
        );
    }
    let speakers: Vec<String> = d
        .speakers_of(g.id.as_str())
        .into_iter()
        .map(|e| escape_data(&e.name))
        .collect();
    card.field(
        "Experts who speak of it",
        if speakers.is_empty() {
            "None by name; the article's introduction mentions it.".to_string()
        } else {
            speakers.join(", ")
        },
        false,
    );
    card
}
