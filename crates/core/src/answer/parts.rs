//! The pieces replies are made of: buttons that carry a request, the source line, the guess
//! note's outcome, one-card replies, and the few phrases more than one answer says.

use crate::articles::TitleMatch;
use crate::command::{Asked, NameOrId, Request};
use crate::dataset::{Expert, Id};
use crate::knowledge::Knowledge;
use crate::people::Standing;
use crate::reply::{Button, ButtonStyle, Card, Outcome, Reply, Visibility, escape_data};

use super::subject::{CardKind, Subject};

/// What the cards say of facts that are not the article's.
pub(super) const NOT_FROM_ARTICLE: &str = "not from the article: well-established public fact";

/// The page a request asks for (from 1), as a count of pages to skip and show.
pub(super) fn page_index(page: u32) -> usize {
    // A u32 fits a usize on every target we build for (32 and 64 bits).
    usize::try_from(page.max(1)).unwrap_or(usize::MAX)
}

/// A page as a request carries it: no list has 2^32 pages (one that did would be shown from
/// its last page, as any page past the end is).
pub(super) fn page_number(page: usize) -> u32 {
    u32::try_from(page).unwrap_or(u32::MAX)
}

/// "◂ Previous" and "Next ▸" for page `page` of `pages`, each opening privately for whoever
/// clicks (paging a public answer for everyone would fill the channel); `to` makes the
/// request of a page. None where the request does not fit a button id.
pub(super) fn pager(page: usize, pages: usize, to: &dyn Fn(u32) -> Request) -> Vec<Button> {
    [
        (page > 1).then(|| pick_button("◂ Previous", to(page_number(page - 1)))),
        (page < pages).then(|| pick_button("Next ▸", to(page_number(page + 1)))),
    ]
    .into_iter()
    .flatten()
    .flatten()
    .collect()
}

/// A button that runs `asked`; `None` when the request does not fit in a button id.
pub(super) fn button(label: impl Into<String>, asked: Asked, style: ButtonStyle) -> Option<Button> {
    Button::new(label, asked, style)
}

/// "Post to channel" under a private answer: the same request, public.
pub(super) fn post_button(request: Request) -> Option<Button> {
    button(
        "Post to channel",
        Asked {
            request,
            visibility: Visibility::Public,
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
            visibility: Visibility::Private,
        },
        ButtonStyle::Secondary,
    )
}

/// A button that opens an entity's card privately for whoever clicks it: harmless on a public
/// message, since nobody else sees the answer.
pub(super) fn open_button(card: CardKind, id: &Id, label: &str) -> Option<Button> {
    pick_button(label, card.open(id))
}

/// A reply with one card: the guess note above it, its buttons, and "Post to channel" when
/// private (`post` is the request that posts it). A card shown for a guessed name says so,
/// and logs as a guess.
pub(super) fn card_reply(
    note: Option<String>,
    card: Card,
    visibility: Visibility,
    buttons: Vec<Button>,
    post: Request,
) -> Reply {
    cards_reply(note, vec![card], visibility, buttons, post)
}

/// A reply of several cards shown as one answer (a person quoted in several articles: a card
/// for each), as [`card_reply`].
pub(super) fn cards_reply(
    note: Option<String>,
    cards: Vec<Card>,
    visibility: Visibility,
    mut buttons: Vec<Button>,
    post: Request,
) -> Reply {
    if visibility.is_private() {
        buttons.extend(post_button(post));
    }
    Reply {
        outcome: if note.is_some() {
            Outcome::Guessed
        } else {
            Outcome::Answered
        },
        content: note,
        cards,
        buttons,
        visibility,
        ..Reply::default()
    }
}

/// The article `named` names (for `/article` and `/search`'s `article`): a source's id is
/// looked up; typed text, or an id the data no longer has, is read as a title.
pub(super) fn find_article(k: &Knowledge, named: &NameOrId) -> TitleMatch {
    if let NameOrId::Id(id) = named
        && let Some(ix) = k.dataset.source_ix(id.as_str())
    {
        return TitleMatch::One(k.dataset[ix].id.clone());
    }
    k.articles.find(named.as_str())
}

/// An expert's name with their credentials: "Tanya Filer, PhD".
pub(super) fn display_name(e: &Expert) -> String {
    if e.credentials.is_empty() {
        e.name.clone()
    } else {
        format!("{}, {}", e.name, e.credentials.join(", "))
    }
}

/// Names listed where the bot says what it knows (a miss, `/about`): one page of them.
pub(super) const KNOWN_PAGE: usize = 10;

/// The names of `subjects` the bot knows, in that order, up to a page: their names in bold,
/// "and N more" past the page, and a button for each that runs `to` (its card, or the command
/// that was asked, now with that name).
pub(super) fn known(
    k: &Knowledge,
    subjects: &[Subject],
    visibility: Visibility,
    to: &dyn Fn(&Id) -> Request,
) -> (String, Vec<Button>) {
    let d = &k.dataset;
    let people = |standing: Standing| {
        d.experts()
            .iter()
            .filter(move |e| Standing::of(e) == standing)
            .map(|e| (&e.id, e.name.as_str()))
    };
    let of = |subject: Subject| -> Box<dyn Iterator<Item = (&Id, &str)> + '_> {
        match subject {
            Subject::Expert => Box::new(people(Standing::Panel)),
            Subject::Person => Box::new(people(Standing::Quoted)),
            Subject::Group => Box::new(d.groups().iter().map(|g| (&g.id, g.name.as_str()))),
            Subject::Body => Box::new(d.bodies().iter().map(|b| (&b.id, b.name.as_str()))),
        }
    };
    // Counted at load, so that a miss costs its page, not the dataset.
    let panel = d.panel_count();
    let total = subjects
        .iter()
        .map(|s| match s {
            Subject::Expert => panel,
            Subject::Person => d.experts().len().saturating_sub(panel),
            Subject::Group => d.groups().len(),
            Subject::Body => d.bodies().len(),
        })
        .sum();
    let page: Vec<(&Id, &str)> = subjects
        .iter()
        .flat_map(|s| of(*s))
        .take(KNOWN_PAGE)
        .collect();
    named_page(total, &page, visibility, to)
}

/// Names in bold, "and N more" past the page, and a button for each.
fn named_page(
    total: usize,
    page: &[(&Id, &str)],
    visibility: Visibility,
    to: &dyn Fn(&Id) -> Request,
) -> (String, Vec<Button>) {
    let mut names: Vec<String> = page
        .iter()
        .map(|(_, name)| format!("**{}**", escape_data(name)))
        .collect();
    if total > page.len() {
        names.push(format!("and {} more", total - page.len()));
    }
    let buttons = page
        .iter()
        .filter_map(|(id, name)| {
            button(
                name.to_string(),
                Asked {
                    request: to(id),
                    visibility,
                },
                ButtonStyle::Secondary,
            )
        })
        .collect();
    (names.join(", "), buttons)
}
