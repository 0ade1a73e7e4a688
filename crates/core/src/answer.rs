//! Answers: from a request to a reply, and from a partial option to autocomplete choices.
//! Pure functions of the knowledge and the request; every front end calls these.

use std::collections::{BTreeMap, HashSet};

use crate::command::{Asked, CommandName, Completion, Request, RequestError, button_id};
use crate::dataset::{Entity, Expert, Group, Id, Kind, Passage, PassageKind, Provenance};
use crate::knowledge::Knowledge;
use crate::matching::{self, Choice, Resolution, Tier};
use crate::quote;
use crate::reply::{Button, ButtonStyle, Card, Miss, Outcome, Reply, echo, escape_data, fit};
use crate::search::highlight;

/// Search hits shown on one page.
const SEARCH_PAGE: usize = 5;
/// What the cards say of facts that are not the article's.
const NOT_FROM_ARTICLE: &str = "not from the article: well-established public fact";
/// Characters of context shown around a search hit.
const SNIPPET_CHARS: usize = 280;

/// The reply to a request, cut to fit Discord's limits.
pub fn answer(k: &Knowledge, asked: &Asked) -> Reply {
    let reply = match &asked.request {
        Request::Expert { name } => expert(k, name, asked.private),
        Request::Group { name } => group(k, name, asked.private),
        Request::Wish { year, expert } => wish(k, *year, expert.as_deref(), asked.private),
        Request::Search { text, page } => search(k, text, *page, asked.private),
        Request::About => about(k, asked.private),
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

/// Autocomplete choices for the option being typed.
pub fn complete(k: &Knowledge, c: &Completion) -> Vec<Choice> {
    let all = |_: &Id| true;
    match (c.command, c.option.as_str()) {
        (CommandName::Expert, "name") => k.matcher.complete(Kind::Expert, &c.partial, &all),
        (CommandName::Group, "name") => k.matcher.complete(Kind::Group, &c.partial, &all),
        (CommandName::Wish, "expert") => {
            // Only experts with wishes that year (or with any wishes, before a year is chosen).
            let has_wishes = |id: &Id| {
                k.dataset
                    .wishes_of(id.as_str())
                    .any(|w| c.year.is_none_or(|y| w.year.map(i64::from) == Some(y)))
            };
            k.matcher.complete(Kind::Expert, &c.partial, &has_wishes)
        }
        _ => Vec::new(),
    }
}

/// A card shown for a guessed name says so, and logs as a guess.
fn guessed(note: &Option<String>) -> Outcome {
    if note.is_some() {
        Outcome::Guessed
    } else {
        Outcome::Answered
    }
}

fn source_footer(k: &Knowledge, source: &Id) -> String {
    match k.dataset.source(source.as_str()) {
        Some(s) => format!("Source: {} ({})", k.dataset.title(s), s.year),
        None => String::new(),
    }
}

fn button(label: impl Into<String>, asked: Asked, style: ButtonStyle) -> Option<Button> {
    Some(Button {
        label: label.into(),
        id: button_id(&asked)?,
        style,
    })
}

/// "Post to channel" under a private answer: the same request, public.
fn post_button(request: Request) -> Option<Button> {
    button(
        "Post to channel",
        Asked {
            request,
            private: false,
        },
        ButtonStyle::Primary,
    )
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Expert => "an expert",
        Kind::Group => "a group",
        _ => "a body the article names",
    }
}

/// Resolves a name of `kind`; on anything but a match, the reply that says so.
/// `again` makes the request a chosen id should run (for buttons).
fn resolve<'k>(
    k: &'k Knowledge,
    kind: Kind,
    name: &str,
    private: bool,
    again: &dyn Fn(&Id) -> Request,
) -> Result<(Entity<'k>, Option<String>), Reply> {
    let r: Resolution = k.matcher.resolve(kind, name);
    let pick = |c: &crate::matching::Candidate| {
        button(
            c.name.clone(),
            Asked {
                request: again(&c.id),
                private,
            },
            ButtonStyle::Secondary,
        )
    };
    match r.outcome {
        matching::Outcome::Match => {
            let best = r.best().expect("a match has a candidate");
            let entity = k
                .dataset
                .entity(best.id.as_str())
                .expect("the matcher only knows dataset ids");
            let note = (best.tier != Tier::Exact).then(|| {
                format!(
                    "Showing **{}** for “{}”.",
                    escape_data(&best.name),
                    echo(name)
                )
            });
            Ok((entity, note))
        }
        matching::Outcome::Ambiguous => {
            let mut reply = Reply::text(
                format!(
                    "Several names are close to “{}”. Which one did you mean?",
                    echo(name)
                ),
                true,
            );
            reply.buttons = r.candidates.iter().filter_map(pick).collect();
            Err(reply.with_outcome(Outcome::Ambiguous))
        }
        matching::Outcome::None => Err(no_match(k, kind, name, private, &r, &pick)),
    }
}

fn no_match(
    k: &Knowledge,
    kind: Kind,
    name: &str,
    private: bool,
    r: &Resolution,
    pick: &dyn Fn(&crate::matching::Candidate) -> Option<Button>,
) -> Reply {
    let mut reply = no_match_reply(k, kind, name, private, r, pick);
    if reply.outcome == Outcome::NotFound {
        reply.miss = Some(Miss {
            what: kind.as_str(),
            folded: crate::fold::fold(name),
        });
    }
    reply
}

fn no_match_reply(
    k: &Knowledge,
    kind: Kind,
    name: &str,
    private: bool,
    r: &Resolution,
    pick: &dyn Fn(&crate::matching::Candidate) -> Option<Button>,
) -> Reply {
    let shown = echo(name);
    // A name of the other kind: say what it is, with a button to its card.
    let other = match kind {
        Kind::Expert => Kind::Group,
        _ => Kind::Expert,
    };
    if let Some(best) = k.matcher.resolve(other, name).best() {
        let request = open_request(other, &best.id).expect("experts and groups have cards");
        let mut reply = Reply::text(
            format!(
                "**{}** is {}, not {}.",
                escape_data(&best.name),
                kind_word(other),
                kind_word(kind)
            ),
            true,
        );
        let label = format!("Open {}", best.name);
        reply.buttons.extend(button(
            label,
            Asked { request, private },
            ButtonStyle::Primary,
        ));
        return reply.with_outcome(Outcome::OtherKind);
    }
    if let Some(body) = k.matcher.resolve(Kind::Body, name).best() {
        return Reply::text(
            format!(
                "**{}** is named in the article, but it is not one of the {}s I have cards for. `/search` finds what is said of it.",
                escape_data(&body.name),
                kind.as_str(),
            ),
            true,
        )
        .with_outcome(Outcome::OtherKind);
    }
    let what = kind.as_str();
    if r.candidates.is_empty() {
        Reply::text(
            format!(
                "No {what} matches “{shown}”. `/search` looks through what was said, and `/about` lists what I know."
            ),
            true,
        )
        .with_outcome(Outcome::NotFound)
    } else {
        let mut reply = Reply::text(
            format!("No {what} matches “{shown}”. The closest names are below."),
            true,
        );
        reply.buttons = r.candidates.iter().filter_map(pick).collect();
        reply.with_outcome(Outcome::NotFound)
    }
}

/// The request that opens the card of entity `id` of `kind` (experts and groups have cards).
fn open_request(kind: Kind, id: &Id) -> Option<Request> {
    let name = id.to_string();
    match kind {
        Kind::Expert => Some(Request::Expert { name }),
        Kind::Group => Some(Request::Group { name }),
        _ => None,
    }
}

/// A button that opens an entity's card privately for whoever clicks it: harmless on a public
/// message, since nobody else sees the answer.
fn open_button(kind: Kind, id: &Id, label: &str) -> Option<Button> {
    pick_button(label, open_request(kind, id)?)
}

/// A button whose answer only the person who clicks it sees.
fn pick_button(label: &str, request: Request) -> Option<Button> {
    button(
        label,
        Asked {
            request,
            private: true,
        },
        ButtonStyle::Secondary,
    )
}

/// A reply with one card: the guess note above it, its buttons, and "Post to channel" when
/// private (`post` is the request that posts it).
fn card_reply(
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
        outcome: guessed(&note),
        content: note,
        cards: vec![card],
        buttons,
        private,
        ..Reply::default()
    }
}

fn expert(k: &Knowledge, name: &str, private: bool) -> Reply {
    let again = |id: &Id| Request::Expert {
        name: id.to_string(),
    };
    let (entity, note) = match resolve(k, Kind::Expert, name, private, &again) {
        Ok(found) => found,
        Err(reply) => return reply,
    };
    let Entity::Expert(e) = entity else {
        unreachable!("resolve(Kind::Expert) gives experts");
    };
    let d = &k.dataset;
    // Buttons to the groups they speak of, then to the people their byline names and their
    // co-authors.
    let mut buttons: Vec<Button> = d
        .spoken_of_by(e.id.as_str())
        .into_iter()
        .filter(|x| x.kind() == Kind::Group)
        .filter_map(|g| open_button(Kind::Group, g.id(), g.name()))
        .collect();
    let byline_names = d
        .byline(e.id.as_str())
        .map_or(&[][..], |b| &b.concerns[1..]);
    let coauthors = d.publications_of(&e.id).flat_map(|p| &p.authors);
    for id in byline_names.iter().chain(coauthors) {
        if let Some(x) = d.expert(id.as_str()).filter(|x| x.id != e.id) {
            // `fit` keeps the first of two buttons with one id.
            buttons.extend(open_button(Kind::Expert, &x.id, &x.name));
        }
    }
    card_reply(note, expert_card(k, e), private, buttons, again(&e.id))
}

fn display_name(e: &Expert) -> String {
    if e.credentials.is_empty() {
        e.name.clone()
    } else {
        format!("{}, {}", e.name, e.credentials.join(", "))
    }
}

/// An expert: the article's byline as written, their statements, their wishes by year, each
/// passage once; then what the byline does not already say.
fn expert_card(k: &Knowledge, e: &Expert) -> Card {
    let d = &k.dataset;
    let mut shown = HashSet::new();
    let byline = d.byline(e.id.as_str());
    let mut description: Vec<String> = Vec::new();
    if let Some(b) = byline {
        description.push(format!("_{}_", escape_data(&b.text)));
    }
    if !e.panel {
        description.push("Quoted in the article's introduction.".to_string());
    }
    let statements: Vec<String> = d
        .said_by(e.id.as_str())
        .filter(|p| p.kind == PassageKind::Statement)
        .map(|p| quote::quoted(p, &mut shown))
        .collect();
    if !statements.is_empty() {
        description.push(String::new());
        description.push(statements.join("\n\n"));
    }
    let mut card = Card {
        title: display_name(e),
        description: description.join("\n"),
        footer: Some(format!(
            "{} · Statements and wishes are verbatim.",
            source_footer(k, &e.source)
        )),
        ..Card::default()
    };
    let mut by_year: BTreeMap<Option<i32>, Vec<&Passage>> = BTreeMap::new();
    for w in d.wishes_of(e.id.as_str()) {
        by_year.entry(w.year).or_default().push(w);
    }
    for (year, wishes) in by_year {
        let name = year.map_or_else(|| "Wishes".to_string(), |y| format!("Wishes for {y}"));
        card.field(name, quote::bullets(&wishes, &mut shown), false);
    }
    for p in d.publications_of(&e.id) {
        // The byline may name the publication already; a card says a thing once.
        if byline.is_some_and(|b| b.text.contains(p.title.as_str())) {
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
            false,
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
        card.field("Groups they speak of", names(&groups), true);
    }
    if !bodies.is_empty() {
        card.field("Also mentions", names(&bodies), true);
    }
    card
}

fn group(k: &Knowledge, name: &str, private: bool) -> Reply {
    let again = |id: &Id| Request::Group {
        name: id.to_string(),
    };
    let (entity, note) = match resolve(k, Kind::Group, name, private, &again) {
        Ok(found) => found,
        Err(reply) => return reply,
    };
    let Entity::Group(g) = entity else {
        unreachable!("resolve(Kind::Group) gives groups");
    };
    let buttons = k
        .dataset
        .speakers_of(g.id.as_str())
        .into_iter()
        .filter_map(|e| open_button(Kind::Expert, &e.id, &e.name))
        .collect();
    card_reply(note, group_card(k, g), private, buttons, again(&g.id))
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
    let passages: Vec<String> = d
        .about(g.id.as_str())
        .map(|p| format!("{}:\n{}", quote::label(d, p), quote::quoted(p, &mut shown)))
        .collect();
    let description = if passages.is_empty() {
        "The article names it and says nothing more of it.".to_string()
    } else {
        format!("**What the article says**\n{}", passages.join("\n\n"))
    };
    let mut card = Card {
        title,
        description,
        footer: Some(source_footer(k, &g.source)),
        ..Card::default()
    };
    let m = &g.members;
    let origin = match m.source {
        Provenance::Article => "as the article lists them".to_string(),
        Provenance::Background => format!("{NOT_FROM_ARTICLE}, as of {}", m.as_of),
    };
    let mut members = escape_data(&m.states.join(", "));
    if let Some(note) = &m.note {
        members.push_str(&format!("\n_Our note: {}_", escape_data(note)));
    }
    card.field(format!("Members ({origin})"), members, false);
    if let (Provenance::Background, Some(full)) = (g.full_name_source, &g.full_name) {
        card.field(
            "Name",
            format!(
                "The article calls it {}. “{}” is {NOT_FROM_ARTICLE}.",
                escape_data(&g.name),
                escape_data(full)
            ),
            false,
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
        false,
    );
    card
}

fn years_text(years: &[i32]) -> String {
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

fn wish(k: &Knowledge, year: i64, expert: Option<&str>, private: bool) -> Reply {
    let d = &k.dataset;
    let years = d.wish_years();
    let year_buttons = |reply: &mut Reply, expert: Option<&Id>| {
        for y in &years {
            let asked = Asked {
                request: Request::Wish {
                    year: i64::from(*y),
                    expert: expert.map(Id::to_string),
                },
                private,
            };
            reply
                .buttons
                .extend(button(y.to_string(), asked, ButtonStyle::Secondary));
        }
    };
    let Some(year) = i32::try_from(year).ok().filter(|y| years.contains(y)) else {
        let mut reply = Reply::text(
            format!(
                "No wishes for {year} in the data. Years with wishes: {}.",
                years_text(&years)
            ),
            true,
        );
        year_buttons(&mut reply, None);
        return reply.with_outcome(Outcome::NotFound);
    };

    let (experts, note): (Vec<&Expert>, Option<String>) = match expert {
        None => (
            d.experts()
                .iter()
                .filter(|e| d.wishes_of(e.id.as_str()).any(|w| w.year == Some(year)))
                .collect(),
            None,
        ),
        Some(name) => {
            let again = |id: &Id| Request::Wish {
                year: i64::from(year),
                expert: Some(id.to_string()),
            };
            let (entity, note) = match resolve(k, Kind::Expert, name, private, &again) {
                Ok(found) => found,
                Err(reply) => return reply,
            };
            let Entity::Expert(e) = entity else {
                unreachable!("resolve(Kind::Expert) gives experts");
            };
            if !d.wishes_of(e.id.as_str()).any(|w| w.year == Some(year)) {
                let theirs: Vec<i32> = {
                    let mut y: Vec<i32> =
                        d.wishes_of(e.id.as_str()).filter_map(|w| w.year).collect();
                    y.sort_unstable();
                    y.dedup();
                    y
                };
                let mut reply = Reply::text(
                    format!(
                        "**{}** has no wishes for {year} in the data. Years with their wishes: {}.",
                        escape_data(&e.name),
                        years_text(&theirs)
                    ),
                    true,
                );
                if theirs.is_empty() {
                    let open = Asked {
                        request: Request::Expert {
                            name: e.id.to_string(),
                        },
                        private,
                    };
                    reply.buttons.extend(button(
                        format!("Open {}", e.name),
                        open,
                        ButtonStyle::Secondary,
                    ));
                } else {
                    year_buttons(&mut reply, Some(&e.id));
                }
                return reply.with_outcome(Outcome::NotFound);
            }
            (vec![e], note)
        }
    };

    let question = d
        .sources()
        .first()
        .and_then(|s| d.question(s))
        .map(|q| format!("_{}_", escape_data(&q.text)))
        .unwrap_or_default();
    let mut card = Card {
        title: match experts.as_slice() {
            [one] if expert.is_some() => format!("{}: wishes for {year}", one.name),
            _ => format!("Wishes for {year}"),
        },
        description: question,
        footer: experts.first().map(|e| source_footer(k, &e.source)),
        ..Card::default()
    };
    let mut shown = HashSet::new();
    for e in &experts {
        let wishes: Vec<&Passage> = d
            .wishes_of(e.id.as_str())
            .filter(|w| w.year == Some(year))
            .collect();
        card.field(display_name(e), quote::bullets(&wishes, &mut shown), false);
    }
    let buttons = experts
        .iter()
        .filter_map(|e| open_button(Kind::Expert, &e.id, &e.name))
        .collect();
    let post = Request::Wish {
        year: i64::from(year),
        expert: expert.and(experts.first().map(|e| e.id.to_string())),
    };
    card_reply(note, card, private, buttons, post)
}

fn search(k: &Knowledge, text: &str, page: u32, private: bool) -> Reply {
    let shown = echo(text);
    let hits = k.search.search(text);
    if hits.is_empty() {
        let mut reply = Reply::text(format!("Nothing found for “{shown}”."), true);
        let words = k.search.suggestions(text, 3);
        if !words.is_empty() {
            reply.content = Some(format!(
                "Nothing found for “{shown}”. Did you mean one of these?"
            ));
            for w in words {
                let asked = Asked {
                    request: Request::Search {
                        text: w.clone(),
                        page: 1,
                    },
                    private,
                };
                reply
                    .buttons
                    .extend(button(w, asked, ButtonStyle::Secondary));
            }
        }
        for kind in [Kind::Expert, Kind::Group] {
            if let Some(best) = k.matcher.resolve(kind, text).best() {
                let Some(request) = open_request(kind, &best.id) else {
                    continue;
                };
                reply.buttons.extend(button(
                    format!("Open {}", best.name),
                    Asked { request, private },
                    ButtonStyle::Primary,
                ));
            }
        }
        if reply.buttons.is_empty() {
            reply.content = Some(format!(
                "Nothing found for “{shown}”. Try other words, or `/about` for what I know."
            ));
        }
        reply.miss = Some(Miss {
            what: "search",
            folded: crate::fold::fold(text),
        });
        return reply.with_outcome(Outcome::NotFound);
    }
    let d = &k.dataset;
    let pages = hits.len().div_ceil(SEARCH_PAGE);
    // A page past the end (an old button after a data change) shows the last one.
    let page = (page.max(1) as usize).min(pages);
    let first = (page - 1) * SEARCH_PAGE;
    let on_page = &hits[first..(first + SEARCH_PAGE).min(hits.len())];
    let mut previous_lead: Option<&str> = None;
    let mut entries = Vec::new();
    // Experts and groups the hits are by or about, in order of appearance, for buttons.
    let mut related: Vec<&Id> = Vec::new();
    for hit in on_page {
        let p = &d.passages()[hit.passage];
        let mut head = quote::label(d, p);
        let about = quote::concerns(d, p);
        if !about.is_empty() {
            head.push_str(&format!(" · about {about}"));
        }
        let snippet = highlight(&p.text, &hit.words, SNIPPET_CHARS, escape_data, |w| {
            format!("**{w}**")
        });
        let mut entry = head;
        // Each hit stands alone, so it gets its lead-in, unless the hit just above had the
        // same one (the items of one list, in a row).
        let repeated = previous_lead.is_some() && previous_lead == p.lead_in.as_deref();
        previous_lead = p.lead_in.as_deref();
        if let Some(lead) = quote::lead_in(p, &mut HashSet::new()).filter(|_| !repeated) {
            entry.push_str(&format!("\n{lead}"));
        }
        entry.push_str(&format!("\n> {}", snippet.replace('\n', "\n> ")));
        entries.push(entry);
        for id in p.speaker.iter().chain(&p.concerns) {
            if !related.contains(&id) {
                related.push(id);
            }
        }
    }
    let more = hits.len() - (first + on_page.len());
    if more > 0 {
        entries.push(format!("_…and {more} more._"));
    }
    let source = d.sources().first().map(|s| source_footer(k, &s.id));
    let card = Card {
        title: format!("Search: “{shown}”"),
        description: entries.join("\n\n"),
        footer: Some(format!(
            "Hits {}–{} of {}{}",
            first + 1,
            first + on_page.len(),
            hits.len(),
            source.map(|s| format!(" · {s}")).unwrap_or_default()
        )),
        ..Card::default()
    };
    let mut reply = Reply {
        cards: vec![card],
        private,
        ..Reply::default()
    };
    // Other pages open privately for whoever clicks: paging a public answer for everyone
    // would fill the channel. The id carries the query as search reads it, which gives the
    // same hits in fewer characters.
    let canonical = crate::search::SearchIndex::canonical(text);
    let to_page = |label: &str, page: usize| {
        let request = Request::Search {
            text: canonical.clone(),
            page: page as u32,
        };
        pick_button(label, request)
    };
    let pager: Vec<Button> = [
        (page > 1).then(|| to_page("◂ Previous", page - 1)),
        (page < pages).then(|| to_page("Next ▸", page + 1)),
    ]
    .into_iter()
    .flatten()
    .flatten()
    .collect();
    if pages > 1 && pager.is_empty() {
        // Even the short form is over 100 characters: no button can carry it.
        reply.cards[0]
            .description
            .push_str("\n_This query is too long for page buttons: shorten it to see the rest._");
    }
    reply.buttons.extend(pager);
    if private {
        let post = |text: String| {
            post_button(Request::Search {
                text,
                page: page as u32,
            })
        };
        reply
            .buttons
            .extend(post(text.trim().to_string()).or_else(|| post(canonical.clone())));
    }
    for id in related {
        if let Some(entity) = d.entity(id.as_str()) {
            reply
                .buttons
                .extend(open_button(entity.kind(), entity.id(), entity.name()));
        }
    }
    reply
}

fn about(k: &Knowledge, private: bool) -> Reply {
    let d = &k.dataset;
    let s = d.summary();
    let panel = d.experts().iter().filter(|e| e.panel).count();
    let source = d.sources().first();
    let mut description = String::new();
    if let Some(src) = source {
        // The title is in the footer; the card says it once.
        description.push_str(
            "I know what the experts in the article below said, and the groups they spoke of.",
        );
        if let Some(q) = d.question(src) {
            description.push_str(&format!(
                "\n\nThe question put to them: _{}_",
                escape_data(&q.text)
            ));
        }
        description.push_str(&format!(
            "\n\n**In our words** (a summary, not the article's): {}",
            escape_data(&src.summary)
        ));
    }
    let mut card = Card {
        title: "About minilateral".to_string(),
        description,
        footer: source.map(|src| source_footer(k, &src.id)),
        ..Card::default()
    };
    card.field(
        "What I know",
        format!(
            "{panel} experts and {} other person quoted; {} passages of the article: {} statements, {} wishes ({}), the introduction and the bylines; {} groups, {} other bodies and organisations.",
            s.experts - panel,
            s.passages,
            s.statements,
            s.wishes,
            years_text(&s.wish_years),
            s.groups,
            s.bodies
        ),
        false,
    );
    let commands: Vec<String> = crate::command::TABLE
        .iter()
        .map(|c| format!("`/{}`: {}", c.name, c.description))
        .collect();
    card.field("Commands", commands.join("\n"), false);
    card.field(
        "How names are matched",
        "Type names as you remember them: case, accents, punctuation, word order (“Filer, Tanya”) and titles (Dr, PhD) do not matter, and small typos are forgiven. When I had to guess I say so; when several names are close I ask which you meant.",
        false,
    );
    card.field(
        "Where facts come from",
        "Quotes, wishes, bylines and the introduction are the article's own words, each stored once and checked against the article's text. What a card marks “not from the article” (member lists, full names) is well-established public fact; what it marks as ours (this summary, notes) is our wording.",
        false,
    );
    card.field(
        "Found an error?",
        "Tell the people who run this bot in your server, with the command you typed and what is wrong. The data is a JSON file beside the article's text, and `minilateral check` proves every quote against that text, so a fix is quick.",
        false,
    );
    let mut reply = Reply {
        cards: vec![card],
        private,
        ..Reply::default()
    };
    if private {
        reply.buttons.extend(post_button(Request::About));
    }
    reply
}
