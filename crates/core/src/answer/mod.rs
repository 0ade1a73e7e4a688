//! Answers: from a request to a reply, and from a partial option to autocomplete choices.
//! Pure functions of the knowledge and the request; every front end calls these.
//!
//! `cards` holds the expert and group cards, `resolve` what is said when a name is not one
//! match, `wish`, `search` and `about` their commands, and `parts` the buttons and lines every
//! reply is made of.

mod about;
mod cards;
mod parts;
mod resolve;
mod search;
mod wish;

use crate::command::{Asked, Choices, Completion, Request, RequestError};
use crate::dataset::{Expert, Group, Id, Kind};
use crate::knowledge::Knowledge;
use crate::matching::Choice;
use crate::reply::{Outcome, Reply, fit};

/// The reply to a request, cut to fit Discord's limits.
pub fn answer(k: &Knowledge, asked: &Asked) -> Reply {
    let reply = match &asked.request {
        Request::Expert { name } => cards::card::<&Expert>(k, name, asked.private),
        Request::Group { name } => cards::card::<&Group>(k, name, asked.private),
        Request::Wish { year, expert } => wish::wish(k, *year, expert.as_deref(), asked.private),
        Request::Search { text, page } => search::search(k, text, *page, asked.private),
        Request::About => about::about(k, asked.private),
    };
    fit(reply)
}

/// The reply to a request that could not be read: said privately, so that the channel is
/// not filled with someone's typing mistakes.
pub fn request_error(err: &RequestError) -> Reply {
    fit(Reply::text(
        format!("Sorry, I could not read that: {err}."),
        true,
    ))
}

/// The reply when answering failed inside the bot.
pub fn apology() -> Reply {
    fit(Reply::text(
        "Sorry, something went wrong on my side while answering. It has been logged; please try again.",
        true,
    )
    .with_outcome(Outcome::Failed))
}

/// Autocomplete choices for the option being typed: what completes it is the table's to say.
pub fn complete(k: &Knowledge, c: &Completion) -> Vec<Choice> {
    let Some(option) = c.command.spec().option(&c.option) else {
        return Vec::new();
    };
    let all = |_: &Id| true;
    match option.choices {
        Choices::Experts => k.matcher.complete(Kind::Expert, &c.partial, &all),
        Choices::Groups => k.matcher.complete(Kind::Group, &c.partial, &all),
        Choices::ExpertsWithWishes => {
            // Only experts with wishes that year (or with any wishes, before a year is chosen).
            let has_wishes = |id: &Id| {
                k.dataset
                    .wishes_of(id.as_str())
                    .any(|w| c.year.is_none_or(|y| w.year.map(i64::from) == Some(y)))
            };
            k.matcher.complete(Kind::Expert, &c.partial, &has_wishes)
        }
        Choices::WishYears | Choices::None => Vec::new(),
    }
}
