//! Answers: from a request to a reply, and from a partial option to autocomplete choices.
//! Pure functions of the knowledge and the request; every front end calls these.
//!
//! `cards` holds the expert and group cards, `resolve` what is said when a name is not one
//! match, `wish`, `search` and `about` their commands, `parts` the buttons and lines every
//! reply is made of, and `subject` what a card or a name is about. Each uses only the ones
//! listed after it: `cards` → `resolve` → `parts` → `subject`, no two of them each other.

mod about;
mod article;
mod ask;
mod cards;
mod country;
mod group_list;
mod hits;
mod mentions;
mod overlap;
mod parts;
mod resolve;
mod search;
mod subject;
mod wish;

use crate::command::{Asked, Choices, Completion, Request, RequestError};
use crate::dataset::{Expert, Group, Id, Kind};
use crate::knowledge::Knowledge;
use crate::matching::Choice;
use crate::reply::{Fitted, Outcome, Reply, Visibility, fit};

/// The reply to a request, cut to fit Discord's limits.
pub fn answer(k: &Knowledge, asked: &Asked) -> Fitted {
    let reply = match &asked.request {
        Request::Expert { expert } => cards::card::<&Expert>(k, expert, asked.visibility),
        Request::Group { group } => cards::card::<&Group>(k, group, asked.visibility),
        Request::Wish { year, expert, page } => {
            wish::wish(k, *year, expert.as_ref(), *page, asked.visibility)
        }
        Request::Search {
            text,
            page,
            article,
        } => search::search(k, text, *page, article.as_ref(), asked.visibility),
        Request::Article { article, page } => {
            article::article(k, article.as_ref(), *page, asked.visibility)
        }
        Request::Country { name } => country::country(k, name, asked.visibility),
        Request::Overlap { groups } => overlap::overlap(k, groups, asked.visibility),
        Request::About => about::about(k, asked.visibility),
        Request::Ask { question, from } => ask::ask(k, question, *from, asked.visibility),
        Request::Mentions { text } => mentions::mentions(k, text),
    };
    fit(reply)
}

/// The reply to a request that could not be read: said privately, so that the channel is
/// not filled with someone's typing mistakes.
pub fn request_error(err: &RequestError) -> Fitted {
    fit(Reply::text(
        format!("Sorry, I could not read that: {err}."),
        Visibility::Private,
    ))
}

/// The reply to a kind of interaction the bot does not take (a form's submission, or one
/// Discord adds later): said plainly and privately; nothing failed, so nothing is logged as
/// an error.
pub fn unsupported() -> Fitted {
    fit(Reply::text(
        "This bot has no forms: that kind of interaction is not supported. `/about` says what it answers.",
        Visibility::Private,
    )
    .with_outcome(Outcome::Unsupported))
}

/// The reply when answering failed inside the bot.
pub fn apology() -> Fitted {
    fit(Reply::text(
        "Sorry, something went wrong on my side while answering. It has been logged; please try again.",
        Visibility::Private,
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
        Choices::GroupList => group_list::complete(k, &c.partial),
        Choices::Countries => k
            .countries
            .complete(&c.partial, crate::limits::AUTOCOMPLETE_CHOICES),
        Choices::ExpertsWithWishes => {
            // Only experts with wishes that year (or with any wishes, before a year is chosen).
            let has_wishes = |id: &Id| {
                k.dataset
                    .wishes_of(id.as_str())
                    .any(|w| c.year.is_none_or(|y| w.year.map(i64::from) == Some(y)))
            };
            k.matcher.complete(Kind::Expert, &c.partial, &has_wishes)
        }
        Choices::Articles => k
            .articles
            .complete(&c.partial, crate::limits::AUTOCOMPLETE_CHOICES)
            .into_iter()
            .filter_map(|id| k.dataset.source(id.as_str()))
            .map(|s| Choice {
                label: crate::limits::cut(k.dataset.title(s), crate::limits::CHOICE_NAME_CHARS),
                value: s.id.to_string(),
            })
            .collect(),
        Choices::WishYears | Choices::None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::{CommandName, parse_line, request};

    /// The bundled dataset's knowledge.
    fn knowledge() -> Knowledge {
        Knowledge::new(crate::testdata::bundled())
    }

    fn ask(k: &Knowledge, line: &str) -> Fitted {
        let line = parse_line(line).unwrap();
        answer(k, &request(line.command, &line.options).unwrap())
    }

    #[test]
    fn a_question_that_finds_nothing_is_logged_only_when_typed() {
        use crate::command::{MessageCommand, Visibility};
        let k = knowledge();
        let question = "what does Meserole think about crypto?";
        let typed = ask(&k, &format!("/ask {question}"));
        assert_eq!(typed.outcome, Outcome::NotFound);
        let miss = typed.miss.as_ref().unwrap();
        assert_eq!(miss.what, crate::reply::Missed::Question);
        // Someone's message, answered with the message command, is theirs: never logged.
        let message = answer(
            &k,
            &Asked {
                request: Request::of_message(MessageCommand::Answer, question.into()),
                visibility: Visibility::Private,
            },
        );
        assert_eq!(message.outcome, Outcome::NotFound);
        assert_eq!(message.miss, None);
        assert_eq!(message.content, typed.content);
    }

    #[test]
    fn an_exact_name_is_answered_without_a_note_and_a_typo_with_one() {
        let k = knowledge();
        let exact = ask(&k, "/expert Tanya Filer");
        assert_eq!(exact.outcome, Outcome::Answered);
        assert_eq!(exact.content, None);
        assert!(exact.cards[0].title.starts_with("Tanya Filer"));
        let typo = ask(&k, "/expert tanya fyler");
        assert_eq!(typo.outcome, Outcome::Guessed);
        assert!(typo.content.as_deref().unwrap().contains("Tanya Filer"));
        assert_eq!(typo.cards[0].title, exact.cards[0].title);
    }

    #[test]
    fn a_name_of_the_other_kind_says_what_it_is_with_a_button_to_its_card() {
        let k = knowledge();
        let reply = ask(&k, "/expert g7");
        assert_eq!(reply.outcome, Outcome::OtherKind);
        assert!(
            reply
                .content
                .as_deref()
                .unwrap()
                .contains("is a group, not an expert")
        );
        assert_eq!(reply.buttons.len(), 1);
        let reply = ask(&k, "/group filer");
        assert_eq!(reply.outcome, Outcome::OtherKind);
        let id = crate::command::button_id(reply.buttons[0].asked()).unwrap();
        assert!(id.ends_with(":expert:tanya-filer"), "{id}");
    }

    #[test]
    fn a_private_card_offers_to_post_the_same_request() {
        let k = knowledge();
        let reply = ask(&k, "/group three seas private:true");
        assert_eq!(reply.visibility, Visibility::Private);
        let post = reply.buttons.last().unwrap();
        assert_eq!(post.label, "Post to channel");
        let posted = post.asked().clone();
        assert_eq!(posted.visibility, Visibility::Public);
        let again = answer(&k, &posted);
        assert_eq!(again.cards[0].title, reply.cards[0].title);
        assert_eq!(again.visibility, Visibility::Public);
    }

    /// An id is looked up; one the data lacks (a button from before a data change) or of
    /// another kind is read as if typed, and answered as typed text would be.
    #[test]
    fn an_id_is_looked_up_and_a_stale_one_read_as_typed() {
        use crate::command::NameOrId;
        let k = knowledge();
        let expert = |named: NameOrId| {
            answer(
                &k,
                &Asked {
                    request: Request::Expert { expert: named },
                    visibility: Visibility::Public,
                },
            )
        };
        let found = expert(NameOrId::Id(Id::new("tanya-filer")));
        assert_eq!(found.outcome, Outcome::Answered);
        assert_eq!(found.content, None);
        for text in ["tanya-fyler", "g7", "zzzz"] {
            let by_id = expert(NameOrId::Id(Id::new(text)));
            assert_ne!(by_id.outcome, Outcome::Answered, "{text}");
            assert_eq!(by_id, expert(NameOrId::Typed(text.into())), "{text}");
        }
    }

    /// A button is made only for a request whose id fits, and holds what a click reads back.
    #[test]
    fn a_button_is_made_only_when_its_id_fits() {
        use crate::reply::{Button, ButtonStyle};
        let search = |text: String| Asked {
            request: Request::Search {
                text,
                page: 1,
                article: None,
            },
            visibility: Visibility::Private,
        };
        let fits = Button::new("x", search("g7".into()), ButtonStyle::Secondary).unwrap();
        let id = crate::command::button_id(fits.asked()).unwrap();
        assert_eq!(id, "pick:search:g7");
        assert_eq!(
            crate::command::parse_button_id(&id).as_ref(),
            Some(fits.asked())
        );
        let longest = "x".repeat(crate::limits::CUSTOM_ID_CHARS - "pick:search:".len());
        assert!(Button::new("x", search(longest.clone()), ButtonStyle::Secondary).is_some());
        let over = format!("{longest}x");
        assert!(Button::new("x", search(over), ButtonStyle::Secondary).is_none());
    }

    #[test]
    fn completion_follows_the_table() {
        let k = knowledge();
        let completion = |command, option: &str, year| Completion {
            command,
            option: option.to_string(),
            partial: String::new(),
            year,
        };
        let experts = complete(&k, &completion(CommandName::Expert, "name", None));
        let with_wishes = complete(&k, &completion(CommandName::Wish, "expert", Some(2024)));
        assert!(!with_wishes.is_empty());
        assert!(
            with_wishes.len() < experts.len(),
            "/wish expert offers only experts with wishes"
        );
        for c in &with_wishes {
            assert!(k.dataset.wishes_of(&c.value).any(|w| w.year == Some(2024)));
        }
        let none = complete(&k, &completion(CommandName::Wish, "expert", Some(1999)));
        assert!(none.is_empty());
        // Options the table completes with nothing, or does not have.
        assert!(complete(&k, &completion(CommandName::Search, "text", None)).is_empty());
        assert!(complete(&k, &completion(CommandName::Expert, "nope", None)).is_empty());
    }

    #[test]
    fn an_organisation_finds_its_person_and_another_kinds_name_is_not_guessed() {
        let k = knowledge();
        let odi = ask(&k, "/expert ODI");
        assert_eq!(odi.outcome, Outcome::Guessed);
        let note = odi.content.as_deref().unwrap();
        assert!(
            note.contains("**Sara Pantuliano**") && note.contains("through their role"),
            "{note}"
        );
        // A role held before is said to be one.
        let brookings = ask(&k, "/expert brookings");
        let note = brookings.content.clone().unwrap_or_default();
        assert!(
            note.contains("**Chris Meserole**") && note.contains("through a former role"),
            "{note}"
        );
        let bri = ask(&k, "/group bri");
        assert_eq!(bri.outcome, Outcome::OtherKind);
        assert!(
            bri.content
                .as_deref()
                .unwrap()
                .contains("Belt and Road Initiative"),
            "BRI is not BRICS"
        );
        let plural = ask(&k, "/group g7s");
        assert_eq!(plural.outcome, Outcome::Guessed);
        assert!(plural.cards[0].title.starts_with("G7"));
    }
}
