//! The pieces replies are made of: buttons that carry a request, the source line, the guess
//! note's outcome, one-card replies, and the few phrases more than one answer says.

use crate::command::{Asked, Request, button_id};
use crate::dataset::{Expert, Group, Id, Kind};
use crate::knowledge::Knowledge;
use crate::reply::{Button, ButtonStyle, Card, Outcome, Reply};

use super::cards::Carded;

/// What the cards say of facts that are not the article's.
pub(super) const NOT_FROM_ARTICLE: &str = "not from the article: well-established public fact";

/// "Source: TITLE (YEAR)" for the source `id`.
pub(super) fn source_footer(k: &Knowledge, source: &Id) -> String {
    match k.dataset.source(source.as_str()) {
        Some(s) => format!("Source: {} ({})", k.dataset.title(s), s.year),
        None => String::new(),
    }
}

/// A button that runs `asked`; `None` when the request does not fit in a button id.
pub(super) fn button(label: impl Into<String>, asked: Asked, style: ButtonStyle) -> Option<Button> {
    Some(Button {
        label: label.into(),
        id: button_id(&asked)?,
        style,
    })
}

/// "Post to channel" under a private answer: the same request, public.
pub(super) fn post_button(request: Request) -> Option<Button> {
    button(
        "Post to channel",
        Asked {
            request,
            private: false,
        },
        ButtonStyle::Primary,
    )
}

/// A button whose answer only the person who clicks it sees.
pub(super) fn pick_button(label: &str, request: Request) -> Option<Button> {
    button(
        label,
        Asked {
            request,
            private: true,
        },
        ButtonStyle::Secondary,
    )
}

/// The request that opens the card of entity `id` of `kind`; `None` for a kind without cards.
pub(super) fn open_request(kind: Kind, id: &Id) -> Option<Request> {
    match kind {
        Kind::Expert => Some(<&Expert as Carded>::open(id)),
        Kind::Group => Some(<&Group as Carded>::open(id)),
        _ => None,
    }
}

/// A button that opens an entity's card privately for whoever clicks it: harmless on a public
/// message, since nobody else sees the answer.
pub(super) fn open_button(kind: Kind, id: &Id, label: &str) -> Option<Button> {
    pick_button(label, open_request(kind, id)?)
}

/// A reply with one card: the guess note above it, its buttons, and "Post to channel" when
/// private (`post` is the request that posts it). A card shown for a guessed name says so,
/// and logs as a guess.
pub(super) fn card_reply(
    note: Option<String>,
    card: Card,
    private: bool,
    mut buttons: Vec<Button>,
    post: Request,
) -> Reply {
    if private {
        buttons.extend(post_button(post));
    }
    Reply {
        outcome: if note.is_some() {
            Outcome::Guessed
        } else {
            Outcome::Answered
        },
        content: note,
        cards: vec![card],
        buttons,
        private,
        ..Reply::default()
    }
}

/// An expert's name with their credentials: "Tanya Filer, PhD".
pub(super) fn display_name(e: &Expert) -> String {
    if e.credentials.is_empty() {
        e.name.clone()
    } else {
        format!("{}, {}", e.name, e.credentials.join(", "))
    }
}
