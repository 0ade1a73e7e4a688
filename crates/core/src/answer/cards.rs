//! The expert and group cards: one command path for both (`card`), each kind saying how its
//! card, its buttons and the request that opens it are made.

use std::collections::HashSet;

use crate::command::NameOrId;
use crate::dataset::{Entity, Expert, Group, Id, Passage, Provenance};
use crate::knowledge::Knowledge;
use crate::quote::{self, Cited};
use crate::reply::{Button, Card, FieldLayout, Reply, Visibility, escape_data, plural};

use super::parts::{NOT_FROM_ARTICLE, cards_reply, display_name, open_button};
use super::resolve::resolve;
use super::subject::{CardKind, Carded};

/// `/expert` and `/group`: the card of the entity the name resolves to, or the reply that says
/// why there is none.
pub(super) fn card<'k, T: Carded<'k>>(
    k: &'k Knowledge,
    name: &NameOrId,
    visibility: Visibility,
) -> Reply {
    let (entity, note) = match resolve::<T>(k, name, visibility, &|id| T::CARD.open(id)) {
        Ok(found) => found,
        Err(reply) => return *reply,
    };
    cards_reply(
        note,
        entity.cards(k),
        visibility,
        entity.buttons(k),
        T::CARD.open(entity.id()),
    )
}

impl<'k> Carded<'k> for &'k Expert {
    const CARD: CardKind = CardKind::Expert;

    fn id(self) -> &'k Id {
        &self.id
    }

    fn cards(self, k: &'k Knowledge) -> Vec<Card> {
        expert_cards(k, self)
    }

    /// The groups they speak of, then the people their byline names and their co-authors.
    fn buttons(self, k: &'k Knowledge) -> Vec<Button> {
        let d = &k.dataset;
        let e = self;
        let mut buttons: Vec<Button> = d
            .spoken_of_by(e.id.as_str())
            .into_iter()
            .filter_map(|x| match x {
                Entity::Group(g) => open_button(CardKind::Group, &g.id, &g.name),
                Entity::Expert(_) | Entity::Body(_) => None,
            })
            .collect();
        let byline_names = d
            .byline(e.id.as_str())
            .map_or(&[][..], |b| b.concerns.get(1..).unwrap_or_default());
        let coauthors = d.publications_of(&e.id).flat_map(|p| &p.authors);
        for id in byline_names.iter().chain(coauthors) {
            if let Some(x) = d.expert(id.as_str()).filter(|x| x.id != e.id) {
                // `fit` keeps the first of two buttons with one id.
                buttons.extend(open_button(CardKind::Expert, &x.id, &x.name));
            }
        }
        buttons
    }
}

impl<'k> Carded<'k> for &'k Group {
    const CARD: CardKind = CardKind::Group;

    fn id(self) -> &'k Id {
        &self.id
    }

    fn cards(self, k: &'k Knowledge) -> Vec<Card> {
        vec![group_card(k, self)]
    }

    /// The experts who speak of it.
    fn buttons(self, k: &'k Knowledge) -> Vec<Button> {
        k.dataset
            .speakers_of(self.id.as_str())
            .into_iter()
            .filter_map(|e| open_button(CardKind::Expert, &e.id, &e.name))
            .collect()
    }
}

/// Cards of one person shown in one reply: past these, the rest are named, not shown
/// (Discord shows at most 10 embeds and 6,000 characters over all of them).
const ARTICLES_SHOWN: usize = 3;

/// A person: for each article they are quoted in, newest first, a card with the article's
/// byline as written (roles change between articles), the question they answered and their
/// answer in the article's order (wishes marked where they stand), each citing its article;
/// then, on the last card, what the bylines do not already say.
fn expert_cards(k: &Knowledge, e: &Expert) -> Vec<Card> {
    let d = &k.dataset;
    let mut shown = HashSet::new();
    let sources = d.sources_of(e.id.as_str());
    let several = sources.len() > 1;
    let mut cards: Vec<Card> = Vec::new();
    for source in sources.iter().take(ARTICLES_SHOWN) {
        let byline = d.byline_in(e.id.as_str(), &source.id);
        let said: Vec<&Passage> = d
            .said_by(e.id.as_str())
            .filter(|p| p.source == source.id)
            .collect();
        let mut description: Vec<String> = Vec::new();
        if let Some(b) = byline {
            description.push(format!("_{}_", escape_data(&b.text)));
        }
        let question = d.question(source).filter(|_| e.panel && !said.is_empty());
        if let Some(q) = question {
            description.push(format!("**Asked:** _{}_", escape_data(&q.text)));
        }
        if !e.panel {
            description.push("Quoted in the article's introduction, not on its panel.".to_string());
        }
        if !said.is_empty() {
            description.extend(quote::wish_legend(&said));
            description.push(String::new());
            description.push(quote::in_order(&said, &mut shown));
        }
        let cited = Cited::of(
            d,
            byline
                .into_iter()
                .chain(question)
                .chain(said.iter().copied()),
        );
        let mut footer = cited.footer().unwrap_or_default();
        footer.push_str(" · Statements and wishes are verbatim.");
        cards.push(Card {
            title: if several {
                format!("{} in “{}”", display_name(e), d.short_title(source))
            } else {
                display_name(e)
            },
            description: description.join("\n"),
            footer: Some(footer),
            url: cited.url(),
            ..Card::default()
        });
    }
    let Some(card) = cards.last_mut() else {
        // Every person has a byline (checked at load), so a source; never reached.
        return vec![Card {
            title: display_name(e),
            ..Card::default()
        }];
    };
    if sources.len() > ARTICLES_SHOWN {
        let rest: Vec<String> = sources
            .iter()
            .skip(ARTICLES_SHOWN)
            .map(|s| format!("*{}* ({})", escape_data(d.short_title(s)), s.year))
            .collect();
        card.field(
            format!(
                "Also quoted in {} more {}",
                rest.len(),
                plural(rest.len(), "article", "articles")
            ),
            rest.join(", "),
            FieldLayout::Stacked,
        );
    }
    for p in d.publications_of(&e.id) {
        // A byline may name the publication already; a card says a thing once.
        if sources
            .iter()
            .filter_map(|s| d.byline_in(e.id.as_str(), &s.id))
            .any(|b| b.text.contains(p.title.as_str()))
        {
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
            FieldLayout::Stacked,
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
        card.field(
            "Groups they speak of",
            names(&groups),
            FieldLayout::SideBySide,
        );
    }
    if !bodies.is_empty() {
        card.field("Also mentions", names(&bodies), FieldLayout::SideBySide);
    }
    cards
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
    // Newest article first, each in its own order: what the articles say, grouped. Only what
    // a card can hold is quoted (and so cited); the rest is in `/search` and `/article`.
    let mut about: Vec<&Passage> = d.about(g.id.as_str()).collect();
    about.sort_by_key(|p| k.articles.rank(&p.source));
    let mut room = crate::limits::EMBED_DESCRIPTION_CHARS;
    let total = about.len();
    about.retain(|p| {
        // The passage, its label and lead-in, roughly.
        let cost = p.text.chars().count() + p.lead_in.as_ref().map_or(0, |l| l.len()) + 80;
        let fits = cost <= room;
        room = room.saturating_sub(cost);
        fits && room > 0
    });
    let cited = Cited::of(d, about.iter().copied());
    let mut passages: Vec<String> = about
        .iter()
        .map(|p| format!("{}:\n{}", cited.label(p), quote::quoted(p, &mut shown)))
        .collect();
    if total > about.len() {
        passages.push(format!(
            "_…and {} more; `/search {}` finds them._",
            total - about.len(),
            escape_data(&g.name)
        ));
    }
    let description = if passages.is_empty() {
        "The article names it and says nothing more of it.".to_string()
    } else if cited.many() {
        format!("**What the articles say**\n{}", passages.join("\n\n"))
    } else {
        format!("**What the article says**\n{}", passages.join("\n\n"))
    };
    let mut card = Card {
        title,
        description,
        footer: cited.footer(),
        url: cited.url(),
        ..Card::default()
    };
    let m = &g.members;
    // A list said to be the article's is in its words; the states as we name them (for
    // `/country` and `/overlap`) are then labelled as ours.
    // The passage that holds the list may be quoted above already: a card says a thing once.
    let quoted_above = |written: &str| about.iter().any(|p| p.text.contains(written));
    let (origin, mut members) = match (m.source, &m.as_written) {
        (Provenance::Article, Some(written)) if quoted_above(written) => (
            "the article lists them in a passage above".to_string(),
            format!("_In our list: {}_", escape_data(&m.states.join(", "))),
        ),
        (Provenance::Article, Some(written)) => {
            let ends = crate::excerpt::sentence_goes_on(written, crate::excerpt::Ends::NONE);
            (
                "in the article's words".to_string(),
                format!(
                    "“{}”\n_In our list: {}_",
                    escape_data(&crate::excerpt::marked(written, ends)),
                    escape_data(&m.states.join(", "))
                ),
            )
        }
        (Provenance::Article, None) => (
            "as the article lists them".to_string(),
            escape_data(&m.states.join(", ")),
        ),
        (Provenance::Background, _) => (
            format!("{NOT_FROM_ARTICLE}, as of {}", m.as_of),
            escape_data(&m.states.join(", ")),
        ),
    };
    if let Some(note) = &m.note {
        members.push_str(&format!("\n_Our note: {}_", escape_data(note)));
    }
    card.field(format!("Members ({origin})"), members, FieldLayout::Stacked);
    if let (Provenance::Background, Some(full)) = (g.full_name_source, &g.full_name) {
        card.field(
            "Name",
            format!(
                "The article calls it {}. “{}” is {NOT_FROM_ARTICLE}.",
                escape_data(&g.name),
                escape_data(full)
            ),
            FieldLayout::Stacked,
        );
    }
    // Names press and governments use that the article does not: background fact, said so
    // the way a background member list is.
    if let Some(other) = g.other_names.as_ref().filter(|o| !o.names.is_empty()) {
        card.field(
            format!("Also called ({NOT_FROM_ARTICLE}, as of {})", other.as_of),
            escape_data(&other.names.join(", ")),
            FieldLayout::Stacked,
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
        FieldLayout::Stacked,
    );
    card
}
