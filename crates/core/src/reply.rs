//! Replies as the core makes them (cards, buttons, visibility) and the one place where every
//! Discord limit is enforced (`fit`, which makes a `Fitted`). A reply's picture is in
//! `picture`, text made safe to show in `escape`.

use serde::Serialize;

use crate::command::{Asked, button_id, parse_button_id};
use crate::dataset::Kind;
use crate::limits::{self, cut};

mod escape;
mod picture;

// Defined beside `Asked`, which carries it, so that the commands need nothing of replies.
pub use crate::command::Visibility;
pub use escape::{echo, escape_data};
pub use picture::{Column, Grid, Picture, Row};

/// A reply to one request, before any front end turns it into JSON or text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reply {
    /// A line above the cards ("Showing Antonio Weiss for 'wiess'").
    pub content: Option<String>,
    /// The cards (Discord's embeds), in the order shown.
    pub cards: Vec<Card>,
    /// The buttons under the cards, in the order shown (five to a row).
    pub buttons: Vec<Button>,
    /// Who sees it: the channel, or only the person who asked.
    pub visibility: Visibility,
    /// A picture to attach, as data: the core draws nothing; a front end renders it and
    /// attaches it under `Picture::file`, which a card shows through `Card::image`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picture: Option<Box<Picture>>,
    /// What happened, for the log line of each interaction; never shown.
    #[serde(skip)]
    pub outcome: Outcome,
    /// A query that matched nothing, for curators to find missing aliases; never shown.
    #[serde(skip)]
    pub miss: Option<Miss>,
}

/// A query that matched nothing: what was looked for, and the query in its folded form (what
/// the matcher compared), never who asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    /// What was looked for.
    pub what: Missed,
    /// The query as the matcher compared it (`fold`), never as typed.
    pub folded: String,
}

/// What a query that matched nothing was looking for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missed {
    /// An expert, group or body by name (`/expert`, `/group`, `/overlap`).
    Entity(Kind),
    /// An article by title (`/article`, `/search article:`).
    Article,
    /// Words in what was said (`/search`).
    Search,
    /// A country in the member lists (`/country`).
    Country,
    /// A question the articles do not answer (`/ask`).
    Question,
}

impl Missed {
    /// As the log line says it: "expert", "group", "body", "article", "search", "country", "question".
    pub fn as_str(self) -> &'static str {
        match self {
            Missed::Entity(kind) => kind.as_str(),
            Missed::Article => "article",
            Missed::Search => "search",
            Missed::Country => "country",
            Missed::Question => "question",
        }
    }
}

/// How a request went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Outcome {
    /// A card, for an exact name or id.
    #[default]
    Answered,
    /// A card for a name that had to be guessed ("wiess").
    Guessed,
    /// Several close names: "did you mean".
    Ambiguous,
    /// Nothing matched (with or without suggestions).
    NotFound,
    /// A name of the other kind ("/group tanya").
    OtherKind,
    /// The request could not be read.
    BadRequest,
    /// A kind of interaction the bot does not take (a form's submission): said so, nothing
    /// failed.
    Unsupported,
    /// The bot failed while answering.
    Failed,
}

impl Outcome {
    /// As the log line says it: "answered", "not_found" …
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Answered => "answered",
            Outcome::Guessed => "guessed",
            Outcome::Ambiguous => "ambiguous",
            Outcome::NotFound => "not_found",
            Outcome::OtherKind => "other_kind",
            Outcome::BadRequest => "bad_request",
            Outcome::Unsupported => "unsupported",
            Outcome::Failed => "failed",
        }
    }
}

/// One card (a Discord embed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Card {
    /// The bold line at the top (a name, an article's title).
    pub title: String,
    /// The text under the title; empty for none.
    pub description: String,
    /// Named texts under the description, in the order shown.
    pub fields: Vec<Field>,
    /// The small line at the bottom: the sources quoted.
    pub footer: Option<String>,
    /// Where the card's title links to: the article it quotes, where the data gives its
    /// address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The file name of the reply's picture, shown inside the card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// A named text on a card (a Discord embed field).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The field's heading, in bold.
    pub name: String,
    /// The field's text.
    pub value: String,
    /// Beside its neighbours (`FieldLayout::SideBySide`) rather than on a row of its own.
    pub inline: bool,
}

/// A button under a reply: its label, what a click asks, its style. Made only by [`Button::new`],
/// which refuses a request whose id would not fit in 100 characters or read back; the front
/// ends turn the request into its id (`command::button_id`) when they build a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Button {
    /// What the button says.
    pub label: String,
    /// What a click asks, as the click will read it back from the button's id (serialised as
    /// that id, as when a button held it).
    #[serde(rename = "id", serialize_with = "as_id")]
    asked: Asked,
    /// How it is drawn.
    pub style: ButtonStyle,
}

impl Button {
    /// A button that asks `asked`; `None` when its id would not fit or would not read back.
    pub fn new(label: impl Into<String>, asked: Asked, style: ButtonStyle) -> Option<Button> {
        // Kept as a click reads it back from the id: two buttons with one id then hold one
        // request, so that `fit` can tell them apart by request.
        let (label, asked) = (label.into(), parse_button_id(&button_id(&asked)?)?);
        Some(Button {
            label,
            asked,
            style,
        })
    }

    /// What clicking the button asks.
    pub fn asked(&self) -> &Asked {
        &self.asked
    }
}

fn as_id<S: serde::Serializer>(asked: &Asked, serializer: S) -> Result<S::Ok, S::Error> {
    button_id(asked).serialize(serializer)
}

/// How a button stands out: the one to press, or one of the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ButtonStyle {
    /// Coloured: the step most people take next (post the answer, open the card meant).
    Primary,
    /// Grey: the rest.
    Secondary,
}

impl Reply {
    /// A reply of text alone, seen as `visibility` says.
    pub fn text(content: impl Into<String>, visibility: Visibility) -> Reply {
        Reply {
            content: Some(content.into()),
            visibility,
            ..Reply::default()
        }
    }

    /// The reply, with how the request went (for the log line).
    pub fn with_outcome(mut self, outcome: Outcome) -> Reply {
        self.outcome = outcome;
        self
    }
}

/// Where a card's field stands: on a row of its own, or beside its neighbours (Discord's
/// inline fields, up to three a row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldLayout {
    /// On a row of its own.
    Stacked,
    /// Beside its neighbours, up to three a row.
    SideBySide,
}

impl Card {
    /// Adds a field at the end, laid out as `layout` says.
    pub fn field(
        &mut self,
        name: impl Into<String>,
        value: impl Into<String>,
        layout: FieldLayout,
    ) {
        self.fields.push(Field {
            name: name.into(),
            value: value.into(),
            inline: layout == FieldLayout::SideBySide,
        });
    }
}

/// What a card counts toward the 6000-character total (title, description, field names and
/// values, footer).
fn card_chars(card: &Card) -> usize {
    let n = |s: &str| s.trim().chars().count();
    n(&card.title)
        + n(&card.description)
        + card
            .fields
            .iter()
            .map(|f| n(&f.name) + n(&f.value))
            .sum::<usize>()
        + card.footer.as_deref().map_or(0, n)
}

/// A reply cut to fit every Discord limit, as only [`fit`] makes one. Every encoder (the
/// Discord JSON, the endpoint's upload, the console's text) takes a `Fitted`, so the compiler
/// holds "every reply shown passes the limits". It reads as the [`Reply`] it holds (`Deref`)
/// and cannot be changed: a reply that needs changing is changed before it is fitted.
///
/// Nothing but `fit` makes one:
/// ```compile_fail,E0603
/// use minilateral_core::reply::{Fitted, Reply};
/// let unfitted = Fitted(Reply::default());
/// ```
/// and nothing changes one once made:
/// ```compile_fail,E0594
/// use minilateral_core::reply::{Reply, fit};
/// let mut fitted = fit(Reply::default());
/// fitted.content = Some("x".repeat(5000));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fitted(Reply);

impl std::ops::Deref for Fitted {
    type Target = Reply;

    fn deref(&self) -> &Reply {
        &self.0
    }
}

/// The reply cut to fit every Discord limit: each text to its field's limit, at most 10
/// cards, 25 fields a card, 6000 characters over all cards, 25 buttons with unique ids of at
/// most 100 characters and labels of at most 80. Texts are cut at a word with "…".
pub fn fit(mut reply: Reply) -> Fitted {
    reply.content = reply
        .content
        .map(|c| cut(&c, limits::CONTENT_CHARS))
        .filter(|c| !c.trim().is_empty());
    let mut shortened = reply.cards.len() > limits::EMBEDS;
    reply.cards.truncate(limits::EMBEDS);
    for card in &mut reply.cards {
        shortened |= card.fields.len() > limits::EMBED_FIELDS;
        card.title = cut(&card.title, limits::EMBED_TITLE_CHARS);
        card.description = cut(&card.description, limits::EMBED_DESCRIPTION_CHARS);
        card.fields
            .retain(|f| !f.name.trim().is_empty() && !f.value.trim().is_empty());
        card.fields.truncate(limits::EMBED_FIELDS);
        for f in &mut card.fields {
            f.name = cut(&f.name, limits::EMBED_FIELD_NAME_CHARS);
            f.value = cut(&f.value, limits::EMBED_FIELD_VALUE_CHARS);
        }
        card.footer = card
            .footer
            .take()
            .map(|f| cut(&f, limits::EMBED_FOOTER_CHARS))
            .filter(|f| !f.trim().is_empty());
    }
    // Over the total: drop fields from the end, then shorten descriptions, last card first.
    loop {
        let total: usize = reply.cards.iter().map(card_chars).sum();
        if total <= limits::EMBEDS_TOTAL_CHARS {
            break;
        }
        shortened = true;
        let excess = total - limits::EMBEDS_TOTAL_CHARS;
        let Some(card) = reply.cards.iter_mut().rev().find(|c| card_chars(c) > 0) else {
            break;
        };
        if card.fields.len() > 1 {
            card.fields.pop();
        } else if card.description.chars().count() > 1 {
            let keep = card.description.chars().count().saturating_sub(excess + 1);
            card.description = cut(&card.description, keep.max(1));
            if keep <= 1 {
                card.description.clear();
            }
        } else if !card.fields.is_empty() {
            card.fields.pop();
        } else {
            reply.cards.pop();
        }
    }
    if shortened {
        // Say so: a list that silently stops reads as if it were complete.
        let note = "_Part of this answer was left out to fit Discord's limits; ask more narrowly to see the rest._";
        reply.content = Some(match reply.content.take() {
            Some(c) => cut(&format!("{c}\n{note}"), limits::CONTENT_CHARS),
            None => note.to_string(),
        });
    }
    if let Some(picture) = &mut reply.picture {
        picture.alt = cut(&picture.alt, limits::ATTACHMENT_DESCRIPTION_CHARS);
    }
    let mut seen = std::collections::HashSet::new();
    // Every button's id fits (`Button::new`); two with one request would have one id.
    reply.buttons.retain(|b| seen.insert(b.asked().clone()));
    reply
        .buttons
        .truncate(limits::BUTTONS_PER_ROW * limits::ACTION_ROWS);
    for b in &mut reply.buttons {
        b.label = cut(&b.label, limits::BUTTON_LABEL_CHARS);
    }
    Fitted(reply)
}

/// The word a count of `n` takes: `one` for 1, `many` for any other (0 included): "1 group",
/// "2 groups", "no groups"; also for verbs ("1 of 9 states sits", "2 of 9 states sit").
pub fn plural<'w>(n: usize, one: &'w str, many: &'w str) -> &'w str {
    if n == 1 { one } else { many }
}

/// Years as a reply or a summary lists them: "2024, 2025", or "none".
pub fn years_text(years: &[i32]) -> String {
    if years.is_empty() {
        "none".to_string()
    } else {
        years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_takes_its_word_in_agreement() {
        let groups = |n: usize| format!("{n} {}", plural(n, "group", "groups"));
        assert_eq!(
            [groups(0), groups(1), groups(2)],
            ["0 groups", "1 group", "2 groups"]
        );
    }

    #[test]
    fn fit_enforces_the_total() {
        let card = Card {
            title: "t".repeat(300),
            description: "word ".repeat(2000),
            fields: (0..30)
                .map(|i| Field {
                    name: format!("f{i}"),
                    value: "v ".repeat(600),
                    inline: false,
                })
                .collect(),
            footer: Some("footer".into()),
            url: None,
            image: None,
        };
        let reply = fit(Reply {
            cards: vec![card.clone(), card],
            ..Reply::default()
        });
        let total: usize = reply.cards.iter().map(card_chars).sum();
        assert!(total <= limits::EMBEDS_TOTAL_CHARS, "{total}");
        for c in &reply.cards {
            assert!(c.title.chars().count() <= limits::EMBED_TITLE_CHARS);
            assert!(c.fields.len() <= limits::EMBED_FIELDS);
        }
    }
}
