//! `/search TEXT`: the passages that say it, one page at a time, with the words found in bold,
//! stateless page buttons, and suggestions when nothing is found.

use crate::articles::TitleMatch;
use crate::command::{Asked, NameOrId, Request};
use crate::dataset::{Id, Source};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::reply::{Button, ButtonStyle, Card, Miss, Missed, Outcome, Reply, Visibility, echo};
use crate::search::Results;

use super::hits::{self, SNIPPET_CHARS, Shown};
use super::parts::{
    button, find_article, known, open_button, page_index, page_number, pager, post_button,
};
use super::subject::{CardKind, Subject};

/// Search hits shown on one page.
const SEARCH_PAGE: usize = 5;
// A page of hits at their longest takes at most half of a card's description: the rest is for
// labels, lead-ins, escapes and bold marks (`reply::fit` cuts whatever still runs over).
const _: () = assert!(
    SEARCH_PAGE * crate::excerpt::most(SNIPPET_CHARS) <= crate::limits::EMBED_DESCRIPTION_CHARS / 2
);

pub(super) fn search(
    k: &Knowledge,
    text: &str,
    page: u32,
    article: Option<&NameOrId>,
    visibility: Visibility,
) -> Reply {
    let shown = echo(text);
    let page = page_index(page);
    // One article: its id (buttons carry it) or a title as typed.
    let within = match article {
        None => None,
        Some(named) => match find_article(k, named) {
            TitleMatch::One(id) => k.dataset.source(id.as_str()),
            other => return no_such_article(k, text, named.as_str(), &other, visibility),
        },
    };
    let mut found = find(k, text, within, page_range(page));
    if found.total == 0 {
        return nothing_found(k, text, visibility);
    }
    let pages = found.total.div_ceil(SEARCH_PAGE);
    // A page past the end (an old button after a data change) shows the last one.
    let page = if page > pages {
        found = find(k, text, within, page_range(pages));
        pages
    } else {
        page
    };
    let d = &k.dataset;
    let first = (page - 1) * SEARCH_PAGE;
    let on_page = &found.hits;
    let hits: Vec<_> = on_page.iter().map(|hit| &d[hit.passage]).collect();
    let Shown {
        mut entries,
        related,
        cited,
    } = hits::shown(k, &hits, &|w| k.search.marks(&found, w));
    let more = found.total.saturating_sub(first + on_page.len());
    if more > 0 {
        entries.push(format!("_…and {more} more._"));
    }
    let card = Card {
        title: match within {
            Some(s) => format!("Search: “{shown}” in “{}”", k.dataset.short_title(s)),
            None => format!("Search: “{shown}”"),
        },
        description: entries.join("\n\n"),
        footer: Some(format!(
            "Hits {}–{} of {}{}",
            first + 1,
            first + on_page.len(),
            found.total,
            cited
                .footer()
                .map(|s| format!(" · {s}"))
                .unwrap_or_default()
        )),
        url: cited.url(),
        ..Card::default()
    };
    let mut reply = Reply {
        cards: vec![card],
        visibility,
        ..Reply::default()
    };
    // Other pages open privately for whoever clicks: paging a public answer for everyone
    // would fill the channel. The id carries the query as search reads it, which gives the
    // same hits in fewer characters.
    let canonical = k.search.canonical(text);
    let within_id = within.map(|s| NameOrId::Id(s.id.clone()));
    let pager = pager(page, pages, &|page| Request::Search {
        text: canonical.clone(),
        page,
        article: within_id.clone(),
    });
    if pages > 1 && pager.is_empty() {
        // Even the short form is over 100 characters: no button can carry it.
        if let Some(card) = reply.cards.first_mut() {
            card.description.push_str(
                "\n_This query is too long for page buttons: shorten it to see the rest._",
            );
        }
    }
    reply.buttons.extend(pager);
    if visibility.is_private() {
        let post = |text: String| {
            post_button(Request::Search {
                text,
                page: page_number(page),
                article: within_id.clone(),
            })
        };
        reply
            .buttons
            .extend(post(text.trim().to_string()).or_else(|| post(canonical.clone())));
    }
    // The entities named in the query first: "united nations" opens nothing, but "g7" does.
    let named: Vec<&Id> = found.named.iter().collect();
    for id in named
        .into_iter()
        .chain(related.into_iter().filter(|id| !found.named.contains(id)))
    {
        if let Some(entity) = d.entity(id.as_str())
            && let Some(card) = Subject::of(entity).card()
        {
            reply
                .buttons
                .extend(open_button(card, entity.id(), entity.name()));
        }
    }
    reply
}

/// The hits of `range`, of one article when `within` is given.
fn find(
    k: &Knowledge,
    text: &str,
    within: Option<&Source>,
    range: std::ops::Range<usize>,
) -> Results {
    match within {
        None => k.search.search(text, range),
        Some(source) => k
            .search
            .search_within(text, range, k.dataset.span_of(source)),
    }
}

/// `article` names no article (or several): say so, with the articles, privately.
fn no_such_article(
    k: &Knowledge,
    text: &str,
    typed: &str,
    found: &TitleMatch,
    visibility: Visibility,
) -> Reply {
    let mut reply = Reply::text(
        format!(
            "No single article I know matches “{}”, so I did not search for “{}”. Pick one, or leave `article` empty to search them all.",
            echo(typed),
            echo(text)
        ),
        Visibility::Private,
    );
    let d = &k.dataset;
    let candidates: Vec<&Source> = match found {
        TitleMatch::Several(ids) => crate::articles::sources(d, ids),
        _ => k
            .articles
            .newest()
            .filter_map(|id| d.source(id.as_str()))
            .collect(),
    };
    // A button carries the words to search for; with none there is nothing to offer.
    let candidates = if text.trim().is_empty() {
        Vec::new()
    } else {
        candidates
    };
    for s in candidates {
        let asked = Asked {
            request: Request::Search {
                text: text.trim().to_string(),
                page: 1,
                article: Some(NameOrId::Id(s.id.clone())),
            },
            visibility,
        };
        reply.buttons.extend(button(
            d.short_title(s).to_string(),
            asked,
            ButtonStyle::Secondary,
        ));
    }
    reply.with_outcome(Outcome::NotFound)
}

/// The hits of page `page` (from 1).
fn page_range(page: usize) -> std::ops::Range<usize> {
    let first = (page - 1) * SEARCH_PAGE;
    first..first + SEARCH_PAGE
}

/// Nothing found: words of the data close to those typed, the closest names, and else the
/// experts and groups the bot knows, each a button.
fn nothing_found(k: &Knowledge, text: &str, visibility: Visibility) -> Reply {
    let shown = echo(text);
    let mut reply = Reply::text(String::new(), Visibility::Private);
    let words = k.search.suggestions(text, 3);
    for w in &words {
        let asked = Asked {
            request: Request::Search {
                text: w.clone(),
                page: 1,
                article: None,
            },
            visibility,
        };
        reply
            .buttons
            .extend(button(w.clone(), asked, ButtonStyle::Secondary));
    }
    let mut names = Vec::new();
    // Stopwords alone ("the") are like every name a little, and ask for none of them.
    let kinds = if k.search.has_content(text) {
        &[CardKind::Expert, CardKind::Group][..]
    } else {
        &[]
    };
    for &kind in kinds {
        for c in k
            .matcher
            .resolve(kind.kind(), text)
            .candidates
            .iter()
            .take(3)
        {
            let request = kind.open(&c.id);
            names.push(c.name.clone());
            reply.buttons.extend(button(
                format!("Open {}", c.name),
                Asked {
                    request,
                    visibility,
                },
                ButtonStyle::Primary,
            ));
        }
    }
    reply.content = Some(if !reply.buttons.is_empty() {
        let words = if words.is_empty() {
            String::new()
        } else {
            " Did you mean one of these words?".to_string()
        };
        let names = if names.is_empty() {
            String::new()
        } else {
            " Or one of the names below?".to_string()
        };
        format!("Nothing found for “{shown}”.{words}{names}")
    } else {
        let (list, buttons) = known_names(k, visibility);
        reply.buttons = buttons;
        format!("Nothing found for “{shown}”. Try other words; what I know is about these:\n{list}")
    });
    reply.miss = Some(Miss {
        what: Missed::Search,
        folded: fold::fold(text),
    });
    reply.with_outcome(Outcome::NotFound)
}

/// "Experts: … / Groups: …", a page of each, with their buttons.
fn known_names(k: &Knowledge, visibility: Visibility) -> (String, Vec<Button>) {
    let open = |id: &Id| CardKind::Expert.open(id);
    // The panels' experts and the people quoted outside a panel are two kinds.
    let (experts, mut buttons) = known(k, &[Subject::Expert], visibility, &open);
    let (others, more) = known(k, &[Subject::Person], visibility, &open);
    buttons.extend(more);
    let (groups, more) = known(k, &[Subject::Group], visibility, &|id| {
        CardKind::Group.open(id)
    });
    buttons.extend(more);
    let mut lines = vec![format!("Experts: {experts}")];
    if !others.is_empty() {
        lines.push(format!("Also quoted: {others}"));
    }
    lines.push(format!("Groups: {groups}"));
    (lines.join("\n"), buttons)
}
