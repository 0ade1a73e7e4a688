//! Resolving a name typed for a command: the entity when it is one match, and otherwise the
//! reply that says so (which one did you mean, what the name is instead, the closest names).

use crate::command::{Asked, NameOrId, Request};
use crate::dataset::{Id, Kind, Tense};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::matching::{self, Candidate, Resolution, Tier};
use crate::reply::{
    Button, ButtonStyle, Miss, Missed, Outcome, Reply, Visibility, echo, escape_data,
};

use super::parts::{button, known};
use super::subject::{CardKind, Carded};

/// Resolves a name to an entity of `T`'s kind of card, with the note shown when it was a guess; on
/// anything but a match, the reply that says so (boxed: a reply is large, a match is the
/// common case). `again` makes the request a chosen id should
/// run (for the buttons of "which one did you mean").
pub(super) fn resolve<'k, T: Carded<'k>>(
    k: &'k Knowledge,
    name: &NameOrId,
    visibility: Visibility,
    again: &dyn Fn(&Id) -> Request,
) -> Result<(T, Option<String>), Box<Reply>> {
    let name = match name {
        // An id is looked up: it names one entity, or none of this kind.
        NameOrId::Id(id) => match T::get(&k.dataset, id.as_str()) {
            Some(entity) => return Ok((entity, None)),
            // Gone from the data, or another kind's: read as typed, so that the reply says
            // what it is now (the other kind, the closest names), as it did before ids were
            // told from names.
            None => id.as_str(),
        },
        NameOrId::Typed(text) => text.as_str(),
    };
    // Exactly one name or id of this kind: no scoring of every other candidate (with many
    // names sharing words, that is most of a card's cost).
    if let Some(entity) = k
        .matcher
        .exact(T::CARD.kind(), name)
        .and_then(|id| T::get(&k.dataset, id.as_str()))
    {
        return Ok((entity, None));
    }
    let r = k.resolve::<T>(name);
    let same_name = |c: &Candidate| {
        r.found
            .iter()
            .filter(|f| f.candidate.name == c.name)
            .count()
            > 1
    };
    let pick = |c: &Candidate| {
        let asked = Asked {
            request: again(&c.id),
            visibility,
        };
        // A role tells people apart: "Ann Lee — CEO, ODI" when found through it, and for two
        // people of one name.
        let label = match &c.via {
            Some(via) => format!("{} — {}", c.name, via.role),
            None if same_name(c) && !c.context.is_empty() => format!("{} — {}", c.name, c.context),
            None => c.name.clone(),
        };
        button(label, asked, ButtonStyle::Secondary)
    };
    if let Some(best) = r.best() {
        let c = &best.candidate;
        // Through a role, the note says so and no more: the card's byline below names it.
        let through = match c.via.as_ref().map(|v| v.tense) {
            Some(Tense::Former) => ", through a former role",
            Some(Tense::Current) => ", through their role",
            None => "",
        };
        let note = (c.tier != Tier::Exact).then(|| {
            format!(
                "Showing **{}** for “{}”{through}.",
                escape_data(&c.name),
                echo(name)
            )
        });
        return Ok((best.entity, note));
    }
    let candidates: Vec<&Candidate> = r.found.iter().map(|f| &f.candidate).collect();
    if r.outcome == matching::Outcome::Ambiguous {
        let mut reply = Reply::text(
            format!(
                "Several names are close to “{}”. Which one did you mean?",
                echo(name)
            ),
            Visibility::Private,
        );
        reply.buttons = candidates.into_iter().filter_map(pick).collect();
        return Err(Box::new(reply.with_outcome(Outcome::Ambiguous)));
    }
    let mut reply = no_match(k, T::CARD, name, visibility, &candidates, &pick, again);
    if reply.outcome == Outcome::NotFound {
        reply.miss = Some(Miss {
            what: Missed::Entity(T::CARD.kind()),
            folded: fold::fold(name),
        });
    }
    Err(Box::new(reply))
}

/// "an expert", "a group": what a name is, in a sentence.
fn kind_word(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Expert => "an expert",
        CardKind::Group => "a group",
    }
}

/// The reply for a name that matches nothing of `kind`: what it is instead if it is another
/// kind's name, else the closest names of this kind.
fn no_match(
    k: &Knowledge,
    kind: CardKind,
    name: &str,
    visibility: Visibility,
    candidates: &[&Candidate],
    pick: &dyn Fn(&Candidate) -> Option<Button>,
    again: &dyn Fn(&Id) -> Request,
) -> Reply {
    let shown = echo(name);
    // A name of the other kind with a card: say what it is, with a button to its card.
    let other = kind.other();
    let elsewhere: Resolution = k.matcher.resolve(other.kind(), name);
    if let Some(best) = elsewhere.best() {
        let request = other.open(&best.id);
        let mut reply = Reply::text(
            format!(
                "**{}** is {}, not {}.",
                escape_data(&best.name),
                kind_word(other),
                kind_word(kind)
            ),
            Visibility::Private,
        );
        let label = format!("Open {}", best.name);
        reply.buttons.extend(button(
            label,
            Asked {
                request,
                visibility,
            },
            ButtonStyle::Primary,
        ));
        return reply.with_outcome(Outcome::OtherKind);
    }
    if let Some(body) = k.matcher.resolve(Kind::Body, name).best() {
        return Reply::text(
            format!(
                "**{}** is named in the article, but it is not one of the {}s I have cards for. `/search` finds what is said of it.",
                escape_data(&body.name),
                kind.word(),
            ),
            Visibility::Private,
        )
        .with_outcome(Outcome::OtherKind);
    }
    let what = kind.word();
    if candidates.is_empty() {
        // Nothing close: what the bot does know of this kind, so the miss leads somewhere.
        let (names, buttons) = known(k, kind.listed(), visibility, again);
        let known = if names.is_empty() {
            format!("I know of no {what}s.")
        } else {
            format!("The {what}s I know: {names}.")
        };
        let mut reply = Reply::text(
            format!("No {what} matches “{shown}”. {known} `/search` looks through what was said."),
            Visibility::Private,
        );
        reply.buttons = buttons;
        reply.with_outcome(Outcome::NotFound)
    } else {
        let mut reply = Reply::text(
            format!("No {what} matches “{shown}”. The closest names are below."),
            Visibility::Private,
        );
        reply.buttons = candidates.iter().copied().filter_map(pick).collect();
        reply.with_outcome(Outcome::NotFound)
    }
}
