//! `/ask QUESTION` (and the message command "Answer from the article"): the question read
//! (`question::read`), said back in one line ("Read as: Tanya Filer · wishes · 2024"), and
//! answered with the passages that fit it best, the best first, labelled as search hits are;
//! or with a member list, from the same code as `/group` and `/country`; or honestly, with
//! "The article does not answer this" and the closest things it does cover as buttons.

use crate::command::{Asked, NameOrId, QUESTION_MAX_CHARS, QuestionFrom, Request};
use crate::dataset::{Group, Id, PassageIx};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::question::{self, Answer, Reading, Through};
use crate::reply::{
    ButtonStyle, Card, Miss, Missed, Outcome, Reply, Visibility, echo, escape_data,
};
use crate::search::Sought;

use super::cards;
use super::country;
use super::hits::{Shown, shown};
use super::parts::{button, open_button, post_button};
use super::subject::Subject;

/// How many of the people found through an organisation or a role the reading line names.
const PEOPLE_SAID: usize = 3;

pub(super) fn ask(
    k: &Knowledge,
    question: &str,
    from: QuestionFrom,
    visibility: Visibility,
) -> Reply {
    // Refused before any work: a message the message command is used on may be 4,000
    // characters, and a paste is not one question.
    let length = question
        .chars()
        .take(usize::from(QUESTION_MAX_CHARS) + 1)
        .count();
    if length > usize::from(QUESTION_MAX_CHARS) {
        return Reply::text(
            format!(
                "That is too long to read as one question: I read questions of up to {QUESTION_MAX_CHARS} characters. Ask it in a sentence or two."
            ),
            Visibility::Private,
        )
        .with_outcome(Outcome::NotFound);
    }
    if fold::words(question).is_empty() {
        return Reply::text(
            "Ask me a question in plain words, e.g. `/ask what does Meserole hope for the G7?`",
            Visibility::Private,
        )
        .with_outcome(Outcome::NotFound);
    }
    let reading = question::read(k, question);
    let read_as = read_as(k, &reading);
    match question::answer(k, &reading) {
        Answer::Passages { found, sought } => passages(
            k,
            question,
            &reading,
            (&found, &sought),
            &read_as,
            visibility,
        ),
        Answer::Members(group) => {
            let g: &Group = &k.dataset[group];
            let mut reply = cards::card::<&Group>(k, &NameOrId::Id(g.id.clone()), visibility);
            say_first(&mut reply, &read_as);
            reply
        }
        Answer::Country(c) => {
            let mut reply = country::country(k, &c.name, visibility);
            say_first(&mut reply, &read_as);
            reply
        }
        Answer::NotAnswered { sought } => {
            not_answered(k, question, from, (&reading, &sought), &read_as)
        }
    }
}

/// "Read as: **Tanya Filer** · wishes · 2024 · “secretariat”": how the question was read, so
/// that whoever asked can tell a wrong reading from a wrong answer.
fn read_as(k: &Knowledge, reading: &Reading) -> String {
    let d = &k.dataset;
    let mut parts: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut through_shown = 0;
    for n in &reading.entities {
        let name = escape_data(d.entity_at(n.entity).name());
        let through = match n.through {
            Through::Named => {
                // A guess says what it was read from ("Chris → **Chris Meserole**").
                match reading.guessed.iter().find(|(e, _)| *e == n.entity) {
                    Some((_, written)) => names.push(format!("{} → **{name}**", echo(written))),
                    None => names.push(format!("**{name}**")),
                }
                continue;
            }
            Through::Organisation(org) => format!(" (of {})", escape_data(d.entity_at(org).name())),
            Through::Role => " (by role)".to_string(),
        };
        if through_shown < PEOPLE_SAID {
            through_shown += 1;
            names.push(format!("**{name}**{through}"));
        }
    }
    names.extend(
        reading
            .countries
            .iter()
            .map(|c| format!("**{}**", escape_data(&c.name))),
    );
    if !names.is_empty() {
        parts.push(names.join(", "));
    }
    if let Some(want) = reading.want {
        parts.push(want.as_str().to_string());
    }
    if let Some(fact) = reading.fact {
        parts.push(fact.as_str().to_string());
    }
    if let Some(year) = reading.year {
        parts.push(year.to_string());
    }
    if !reading.words.is_empty() {
        let words: Vec<String> = reading
            .words
            .iter()
            .map(|w| format!("“{}”", echo(w)))
            .collect();
        parts.push(words.join(" "));
    }
    if parts.is_empty() {
        "_Read as: nothing I know of._".to_string()
    } else {
        format!("_Read as:_ {}", parts.join(" · "))
    }
}

/// `line` above what a reply already says.
fn say_first(reply: &mut Reply, line: &str) {
    reply.content = Some(match reply.content.take() {
        Some(said) => format!("{line}\n{said}"),
        None => line.to_string(),
    });
}

/// The passages that answer the question, best first, its words in bold.
fn passages(
    k: &Knowledge,
    question: &str,
    reading: &Reading,
    (found, sought): (&[(PassageIx, f32)], &[Sought]),
    read_as: &str,
    visibility: Visibility,
) -> Reply {
    let d = &k.dataset;
    let on_page: Vec<_> = found.iter().map(|&(p, _)| &d[p]).collect();
    let Shown {
        entries,
        related,
        cited,
    } = shown(k, &on_page, &|w| k.search.is_sought(sought, w));
    let card = Card {
        title: format!("Ask: “{}”", echo(question.trim())),
        description: format!("{read_as}\n\n{}", entries.join("\n\n")),
        footer: cited.footer(),
        url: cited.url(),
        ..Card::default()
    };
    let mut reply = Reply {
        cards: vec![card],
        visibility,
        ..Reply::default()
    };
    if visibility.is_private() {
        reply.buttons.extend(post_button(Request::Ask {
            question: question.trim().to_string(),
            from: QuestionFrom::Typed,
        }));
    }
    // The cards of what the question names, then of who and what the passages are by or about.
    let named: Vec<&Id> = reading.named().map(|e| d.entity_at(e).id()).collect();
    open_cards(k, named.into_iter().chain(related), &mut reply);
    reply
}

/// A button to the card of each of `ids` (each once, as many as fit).
fn open_cards<'d>(k: &'d Knowledge, ids: impl Iterator<Item = &'d Id>, reply: &mut Reply) {
    let mut opened: Vec<&Id> = Vec::new();
    for id in ids {
        if opened.contains(&id) {
            continue;
        }
        opened.push(id);
        if let Some(entity) = k.dataset.entity(id.as_str())
            && let Some(card) = Subject::of(entity).card()
        {
            reply
                .buttons
                .extend(open_button(card, entity.id(), entity.name()));
        }
    }
}

/// The honest reply: the articles do not answer this. What the question names, each a
/// button; else words of the data close to its own, each a search; said privately, like
/// every miss. A typed question is logged for curators; someone's message is not.
fn not_answered(
    k: &Knowledge,
    question: &str,
    from: QuestionFrom,
    (reading, sought): (&Reading, &[Sought]),
    read_as: &str,
) -> Reply {
    let d = &k.dataset;
    let mut reply = Reply::text(String::new(), Visibility::Private);
    let named: Vec<&Id> = reading
        .entities
        .iter()
        .map(|n| d.entity_at(n.entity).id())
        .collect();
    open_cards(k, named.into_iter(), &mut reply);
    let private = |request: Request| Asked {
        request,
        visibility: Visibility::Private,
    };
    for c in &reading.countries {
        let request = Request::Country {
            name: c.name.clone(),
        };
        reply.buttons.extend(button(
            format!("Groups of {}", c.name),
            private(request),
            ButtonStyle::Secondary,
        ));
    }
    let closest = if reply.buttons.is_empty() {
        // Only the question's own words: its question words and names are not what was missed.
        for w in k
            .search
            .suggestions_with(&reading.words.join(" "), 3, sought)
        {
            let request = Request::Search {
                text: w.clone(),
                page: 1,
                article: None,
            };
            reply.buttons.extend(button(
                format!("Search “{w}”"),
                private(request),
                ButtonStyle::Secondary,
            ));
        }
        if reply.buttons.is_empty() {
            " `/about` lists what it covers."
        } else {
            " Words it does use that are close to yours are below."
        }
    } else {
        " What it says of what you named is below."
    };
    reply.content = Some(format!(
        "The article does not answer this: I found no passage that says it.{closest}\n{read_as}"
    ));
    if from == QuestionFrom::Typed {
        reply.miss = Some(Miss {
            what: Missed::Question,
            folded: fold::fold(question),
        });
    }
    reply.with_outcome(Outcome::NotFound)
}
