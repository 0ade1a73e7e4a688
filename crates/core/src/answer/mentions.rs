//! The message command ("Find experts and groups", in Discord's Apps menu on a message): the
//! people, groups and bodies the message names, in its order, each on a line of its own with a
//! button to its card. A person is an expert of the panel or someone quoted in the article, with
//! their roles in the article's words. A name read from a first name or a typo says so
//! ("Tanya → Tanya Filer"). Always private: the person who asked wants the sources, the channel
//! does not need them twice.

use crate::dataset::{Entity, Provenance};
use crate::knowledge::Knowledge;
use crate::people::{self, Standing};
use crate::quote::Cited;
use crate::reply::{Card, Outcome, Reply, Visibility, echo, escape_data};

use super::parts::{NOT_FROM_ARTICLE, open_button};
use super::subject::Subject;

pub(super) fn mentions(k: &Knowledge, text: &str) -> Reply {
    let found = k.mentions(text);
    if found.is_empty() {
        return Reply::text(
            "This message names no person, group or body I know. `/about` lists what I know."
                .to_string(),
            Visibility::Private,
        )
        .with_outcome(Outcome::NotFound);
    }
    let d = &k.dataset;
    let mut lines = Vec::new();
    let mut buttons = Vec::new();
    // A person's roles are their article's words; so are a group's full name or members where
    // the article gives them: the footer cites those articles.
    let mut cited = Cited::of(d, []);
    for m in &found {
        let Some(entity) = d.entity(m.id.as_str()) else {
            continue;
        };
        match entity {
            Entity::Expert(e) => cited.add(&e.source),
            Entity::Group(g)
                if g.members.source == Provenance::Article
                    || g.full_name_source == Provenance::Article =>
            {
                cited.add(&g.source)
            }
            _ => {}
        }
        let summary = summary(k, entity);
        // A first name or a typo is a guess: the line says what it was read as ("Tanya →
        // Tanya Filer"), as a card says "Showing … for …".
        let read_as = if m.read.is_guess() {
            format!("{} → ", echo(&m.text))
        } else {
            String::new()
        };
        lines.push(format!(
            "{read_as}**{}** · {}{}",
            escape_data(&m.name),
            kind_word(entity),
            if summary.is_empty() {
                String::new()
            } else {
                format!(": {}", escape_data(&summary))
            }
        ));
        if let Some(card) = Subject::from(m.kind).card() {
            buttons.extend(open_button(card, &m.id, &m.name));
        }
    }
    let card = Card {
        title: "Named in this message".to_string(),
        description: lines.join("\n"),
        footer: Some(match cited.footer() {
            Some(sources) => {
                format!("Each name is shown once, in the order of the message. · {sources}")
            }
            None => "Each name is shown once, in the order of the message.".to_string(),
        }),
        ..Card::default()
    };
    Reply {
        cards: vec![card],
        buttons,
        visibility: Visibility::Private,
        ..Reply::default()
    }
}

/// What an entity is, in a word or two: "expert" (of the panel), "quoted in the article",
/// "group", or a body's kind ("multilateral body", "initiative", "organisation").
fn kind_word(entity: Entity<'_>) -> String {
    match entity {
        Entity::Expert(e) => Standing::of(e).word().to_string(),
        Entity::Group(_) => "group".to_string(),
        Entity::Body(b) if b.kind == "multilateral" => "multilateral body".to_string(),
        Entity::Body(b) => b.kind.clone(),
    }
}

/// One line on what an entity is: a person's current roles in the article's words, a group's
/// full name and members, a body's full name.
fn summary(k: &Knowledge, entity: Entity<'_>) -> String {
    let d = &k.dataset;
    match entity {
        Entity::Expert(e) => people::current_roles(d, e),
        Entity::Group(g) => {
            let full = g.full_name.as_deref().filter(|f| *f != g.name);
            let mut members = format!("{} member states", g.members.states.len());
            if g.members.source == Provenance::Background {
                members.push_str(&format!(" ({NOT_FROM_ARTICLE})"));
            }
            match full {
                Some(full) => format!("{full}; {members}"),
                None => members,
            }
        }
        Entity::Body(b) => b.full_name.clone().unwrap_or_default(),
    }
}
