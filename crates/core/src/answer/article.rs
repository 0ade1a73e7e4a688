//! `/article [title]`: the articles the bot knows, newest first, a page at a time with a
//! button each; with a title, that article: its question, its introduction in its own order,
//! the people it quotes and our summary, marked as ours.

use crate::articles::TitleMatch;
use crate::command::{Asked, NameOrId, Request};
use crate::dataset::{Dataset, Expert, Passage, PassageKind, Source};
use crate::knowledge::Knowledge;
use crate::quote::{self, Cited};
use crate::reply::{
    Button, ButtonStyle, Card, FieldLayout, Miss, Missed, Outcome, Reply, Visibility, echo,
    escape_data, plural,
};

use super::parts::{button, card_reply, find_article, open_button, page_index, page_number, pager};
use super::subject::CardKind;

/// Articles listed on one page of `/article`.
pub(super) const ARTICLE_PAGE: usize = 10;

pub(super) fn article(
    k: &Knowledge,
    article: Option<&NameOrId>,
    page: u32,
    visibility: Visibility,
) -> Reply {
    match article {
        None => list(k, page, visibility),
        Some(named) => match find_article(k, named) {
            TitleMatch::One(id) => match k.dataset.source(id.as_str()) {
                Some(source) => one(k, source, visibility),
                None => not_found(k, named.as_str()),
            },
            TitleMatch::Several(ids) => several(k, named.as_str(), &ids, visibility),
            TitleMatch::None => not_found(k, named.as_str()),
        },
    }
}

/// "looking ahead to 2025, published 2025-01-15 · 2 experts, 1 other person quoted".
fn line(d: &Dataset, s: &Source) -> String {
    let c = d.counts(s);
    let mut parts = vec![format!("looking ahead to {}", s.year)];
    if let Some(date) = &s.published {
        parts.push(format!("published {date}"));
    }
    let mut people = format!("{} {}", c.panel, plural(c.panel, "expert", "experts"));
    if c.others > 0 {
        people.push_str(&format!(
            ", {} other {} quoted",
            c.others,
            plural(c.others, "person", "people")
        ));
    }
    format!("{} · {people}", parts.join(", "))
}

/// A button that opens an article privately for whoever clicks.
fn open_article(s: &Source, label: &str, visibility: Visibility) -> Option<Button> {
    button(
        label.to_string(),
        Asked {
            request: Request::Article {
                article: Some(NameOrId::Id(s.id.clone())),
                page: 1,
            },
            visibility,
        },
        ButtonStyle::Secondary,
    )
}

/// The articles, newest first, a page at a time.
fn list(k: &Knowledge, page: u32, visibility: Visibility) -> Reply {
    let d = &k.dataset;
    let total = k.articles.len();
    let pages = total.div_ceil(ARTICLE_PAGE).max(1);
    // A page past the end (an old button after a data change) shows the last one.
    let page = page_index(page).min(pages);
    let first = (page - 1) * ARTICLE_PAGE;
    let on_page: Vec<&Source> = k
        .articles
        .newest()
        .skip(first)
        .take(ARTICLE_PAGE)
        .filter_map(|id| d.source(id.as_str()))
        .collect();
    let entries: Vec<String> = on_page
        .iter()
        .map(|s| {
            format!(
                "**{}**\n{}",
                escape_data(d.title(s)),
                escape_data(&line(d, s))
            )
        })
        .collect();
    let cited = Cited::of(d, on_page.iter().filter_map(|s| title_passage(d, s)));
    let mut footer = format!("{} {}", total, plural(total, "article", "articles"));
    if pages > 1 {
        footer = format!(
            "Articles {}–{} of {total}",
            first + 1,
            first + on_page.len()
        );
    }
    let card = Card {
        title: "Articles".to_string(),
        description: entries.join("\n\n"),
        footer: Some(match cited.footer() {
            // The titles are the articles' own words; the footer says whose.
            Some(sources) => format!("{footer} · {sources}"),
            None => footer,
        }),
        ..Card::default()
    };
    let mut buttons = pager(page, pages, &|page| Request::Article {
        article: None,
        page,
    });
    buttons.extend(
        on_page
            .iter()
            .filter_map(|s| open_article(s, d.short_title(s), Visibility::Private)),
    );
    let post = Request::Article {
        article: None,
        page: page_number(page),
    };
    card_reply(None, card, visibility, buttons, post)
}

fn title_passage<'d>(d: &'d Dataset, s: &Source) -> Option<&'d Passage> {
    d.passages_of(s)
        .iter()
        .find(|p| p.kind == PassageKind::Title)
}

/// One article: title, question, the introduction in its order, its people, our summary.
fn one(k: &Knowledge, s: &Source, visibility: Visibility) -> Reply {
    let d = &k.dataset;
    let passages = d.passages_of(s);
    let question = d.question(s);
    let mut description: Vec<String> = vec![escape_data(&line(d, s))];
    if let Some(url) = &s.url {
        description.push(format!("Read it: {url}"));
    }
    if let Some(q) = question {
        description.push(format!("\n**The question:** _{}_", escape_data(&q.text)));
    }
    let framing: Vec<&Passage> = passages
        .iter()
        .filter(|p| p.kind == PassageKind::Framing)
        .collect();
    if !framing.is_empty() {
        description.push("\n**Introduction**".to_string());
        description.push(introduction(passages));
    }
    let cited = Cited::of(
        d,
        title_passage(d, s)
            .into_iter()
            .chain(question)
            .chain(framing.iter().copied()),
    );
    let mut card = Card {
        title: d.title(s).to_string(),
        description: description.join("\n"),
        footer: cited.footer(),
        url: s.url.clone(),
        ..Card::default()
    };
    let people = d.people_of(s);
    let (panel, others): (Vec<&Expert>, Vec<&Expert>) = people.iter().partition(|e| e.panel);
    let names = |xs: &[&Expert]| {
        xs.iter()
            .map(|e| escape_data(&e.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !panel.is_empty() {
        card.field("The experts it asked", names(&panel), FieldLayout::Stacked);
    }
    if !others.is_empty() {
        card.field("Also quoted", names(&others), FieldLayout::Stacked);
    }
    if !s.summary.trim().is_empty() {
        card.field(
            "In our words (a summary, not the article's)",
            escape_data(&s.summary),
            FieldLayout::Stacked,
        );
    }
    let buttons: Vec<Button> = panel
        .iter()
        .chain(&others)
        .filter_map(|e| open_button(CardKind::Expert, &e.id, &e.name))
        .collect();
    let post = Request::Article {
        article: Some(NameOrId::Id(s.id.clone())),
        page: 1,
    };
    card_reply(None, card, visibility, buttons, post)
}

/// The article's framing passages in its order, a paragraph as one block quote; "[…]" where
/// a passage that is not the article's own voice (a person it quotes, a byline) stands
/// between two of them in one paragraph, since that text is left out here.
fn introduction(passages: &[Passage]) -> String {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut last: Option<(u32, usize)> = None;
    for (i, p) in passages.iter().enumerate() {
        if p.kind != PassageKind::Framing {
            continue;
        }
        match (last, paragraphs.last_mut()) {
            (Some((paragraph, at)), Some(current)) if paragraph == p.layout.paragraph => {
                if at + 1 != i {
                    current.push("[…]".to_string());
                }
                current.push(p.text.clone());
            }
            _ => paragraphs.push(vec![p.text.clone()]),
        }
        last = Some((p.layout.paragraph, i));
    }
    paragraphs
        .iter()
        .map(|words| quote::block_quote(&words.join(" ")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Several articles hold the words typed: a button for each.
fn several(
    k: &Knowledge,
    typed: &str,
    ids: &[crate::dataset::Id],
    visibility: Visibility,
) -> Reply {
    let d = &k.dataset;
    let mut reply = Reply::text(
        format!(
            "Several articles match “{}”: which one did you mean?",
            echo(typed)
        ),
        Visibility::Private,
    );
    for s in crate::articles::sources(d, ids) {
        reply
            .buttons
            .extend(open_article(s, d.short_title(s), visibility));
    }
    reply.with_outcome(Outcome::Ambiguous)
}

/// No article matches: the articles, as `/article` lists them.
fn not_found(k: &Knowledge, typed: &str) -> Reply {
    let mut reply = list(k, 1, Visibility::Private);
    reply.content = Some(format!(
        "No article I know has “{}” in its title. These are the ones I know:",
        echo(typed)
    ));
    // A miss is said privately, and there is nothing to post.
    reply
        .buttons
        .retain(|b| b.asked().visibility != Visibility::Public);
    reply.miss = Some(Miss {
        what: Missed::Article,
        folded: crate::fold::fold(typed),
    });
    reply.with_outcome(Outcome::NotFound)
}
