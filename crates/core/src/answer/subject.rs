//! What a card, a button to one, or a name typed for a command is about: `Subject` (an expert,
//! someone quoted off the panel, a group, a body), `CardKind` (the two kinds with a card of
//! their own) and `Carded`, what each of those kinds says of its card. The dataset's `Kind`
//! also names sources, publications and passages, which no card is about; it is met only where
//! the matcher is asked (`CardKind::kind`).

use crate::command::{NameOrId, Request};
use crate::dataset::{Entity, Id, Kind};
use crate::knowledge::{Knowledge, Named};
use crate::mentions::MentionKind;
use crate::people::Standing;
use crate::reply::{Button, Card};

/// What a name in a reply is about. People are two subjects, as replies keep them apart (a
/// panel's expert, or someone an article quotes outside its panel); both have the same card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Subject {
    /// Someone on an article's panel.
    Expert,
    /// Someone an article quotes outside its panel, never called an expert.
    Person,
    /// A group of states.
    Group,
    /// A body or organisation the articles name: no card of its own.
    Body,
}

impl Subject {
    /// What `entity` is, a person by their standing.
    pub(super) fn of(entity: Entity<'_>) -> Subject {
        match entity {
            Entity::Expert(e) => match Standing::of(e) {
                Standing::Panel => Subject::Expert,
                Standing::Quoted => Subject::Person,
            },
            Entity::Group(_) => Subject::Group,
            Entity::Body(_) => Subject::Body,
        }
    }

    /// The card that shows it, if it has one.
    pub(super) fn card(self) -> Option<CardKind> {
        match self {
            Subject::Expert | Subject::Person => Some(CardKind::Expert),
            Subject::Group => Some(CardKind::Group),
            Subject::Body => None,
        }
    }
}

impl From<MentionKind> for Subject {
    fn from(kind: MentionKind) -> Subject {
        match kind {
            MentionKind::Expert => Subject::Expert,
            MentionKind::Person => Subject::Person,
            MentionKind::Group => Subject::Group,
            MentionKind::Body => Subject::Body,
        }
    }
}

/// The kinds of entity with a card: what `/expert` and `/group` resolve a name to, and what a
/// button opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CardKind {
    /// A person's card (`/expert`), whatever their standing.
    Expert,
    /// A group's card (`/group`).
    Group,
}

impl CardKind {
    /// The dataset's kind, as the matcher takes it.
    pub(super) fn kind(self) -> Kind {
        match self {
            CardKind::Expert => Kind::Expert,
            CardKind::Group => Kind::Group,
        }
    }

    /// The word for it in a reply ("No expert matches", "The groups I know").
    pub(super) fn word(self) -> &'static str {
        self.kind().as_str()
    }

    /// The kind a name of the other kind is looked for in, when it matches none of this one.
    pub(super) fn other(self) -> CardKind {
        match self {
            CardKind::Expert => CardKind::Group,
            CardKind::Group => CardKind::Expert,
        }
    }

    /// Whose names a miss of this kind lists: the panels' experts first, then the people
    /// quoted outside a panel, since `/expert` finds both.
    pub(super) fn listed(self) -> &'static [Subject] {
        match self {
            CardKind::Expert => &[Subject::Expert, Subject::Person],
            CardKind::Group => &[Subject::Group],
        }
    }

    /// The request that opens the card of `id` (for buttons and "Post to channel"): by id,
    /// since the answer that makes the button knows it.
    pub(super) fn open(self, id: &Id) -> Request {
        let id = NameOrId::Id(id.clone());
        match self {
            CardKind::Expert => Request::Expert { expert: id },
            CardKind::Group => Request::Group { group: id },
        }
    }
}

/// A kind of entity with a card of its own: the one card path (`cards::card`) asks it for its
/// card and buttons.
pub(super) trait Carded<'k>: Named<'k> {
    /// Which kind of card it is.
    const CARD: CardKind;
    /// Its id, for the request that opens its card again.
    fn id(self) -> &'k Id;
    /// The card, or one card for each article a person is quoted in.
    fn cards(self, k: &'k Knowledge) -> Vec<Card>;
    /// Buttons to the cards of related entities.
    fn buttons(self, k: &'k Knowledge) -> Vec<Button>;
}
