//! `/wish YEAR [expert]`: what the experts wished for in a year, each wish once, by expert, a
//! page of experts at a time (stateless page buttons), so that its cost follows the page.

use std::collections::HashSet;

use crate::command::{Asked, NameOrId, Request};
use crate::dataset::{Expert, Id, Passage, Source};
use crate::knowledge::Knowledge;
use crate::quote::{self, Cited};
use crate::reply::{
    ButtonStyle, Card, FieldLayout, Outcome, Reply, Visibility, escape_data, years_text,
};

use super::parts::{
    button, cards_reply, display_name, open_button, page_index, page_number, pager,
};
use super::resolve::resolve;
use super::subject::CardKind;

/// Experts shown on one page of `/wish YEAR`: five fields of at most 1,024 characters stay
/// within an embed's 6,000.
const WISH_PAGE: usize = 5;

/// One expert's wishes of one article, in its order.
type Wishes<'d> = (&'d Expert, Vec<&'d Passage>);

pub(super) fn wish(
    k: &Knowledge,
    year: i64,
    expert: Option<&NameOrId>,
    page: u32,
    visibility: Visibility,
) -> Reply {
    let d = &k.dataset;
    let years = d.wish_years();
    let year_buttons = |reply: &mut Reply, expert: Option<&Id>| {
        for y in &years {
            let asked = Asked {
                request: Request::Wish {
                    year: i64::from(*y),
                    expert: expert.map(|id| NameOrId::Id(id.clone())),
                    page: 1,
                },
                visibility,
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
            Visibility::Private,
        );
        year_buttons(&mut reply, None);
        return reply.with_outcome(Outcome::NotFound);
    };

    // (the experts on this page, the note of a guessed name, the page, the experts on every
    // page)
    let (experts, note, page, total): (Vec<&Expert>, Option<String>, usize, usize) = match expert {
        None => {
            let (total, all) = d.wishers(year);
            let pages = total.div_ceil(WISH_PAGE).max(1);
            // A page past the end (an old button after a data change) shows the last one.
            let page = page_index(page).min(pages);
            let experts = all.skip((page - 1) * WISH_PAGE).take(WISH_PAGE).collect();
            (experts, None, page, total)
        }
        Some(name) => {
            let again = |id: &Id| Request::Wish {
                year: i64::from(year),
                expert: Some(NameOrId::Id(id.clone())),
                page: 1,
            };
            let (e, note) = match resolve::<&Expert>(k, name, visibility, &again) {
                Ok(found) => found,
                Err(reply) => return *reply,
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
                    Visibility::Private,
                );
                if theirs.is_empty() {
                    let open = Asked {
                        request: CardKind::Expert.open(&e.id),
                        visibility,
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
            (vec![e], note, 1, 1)
        }
    };

    // Each article with wishes for the year on this page gets a card: its question above its
    // experts' wishes, its own footer. Articles newest first (one year may be looked ahead to
    // by several), then each expert in the page's order.
    // Only the page's wishes are read (not every article's): grouped by their article.
    let mut per_source: Vec<(&Source, Vec<Wishes<'_>>)> = Vec::new();
    for e in &experts {
        for w in d.wishes_of(e.id.as_str()).filter(|w| w.year == Some(year)) {
            let Some(source) = d.source(w.source.as_str()) else {
                continue;
            };
            let at = match per_source.iter().position(|(s, _)| s.id == source.id) {
                Some(at) => at,
                None => {
                    per_source.push((source, Vec::new()));
                    per_source.len() - 1
                }
            };
            let Some((_, theirs)) = per_source.get_mut(at) else {
                continue;
            };
            match theirs.last_mut() {
                Some((x, wishes)) if x.id == e.id => wishes.push(w),
                _ => theirs.push((*e, vec![w])),
            }
        }
    }
    per_source.sort_by_key(|(s, _)| k.articles.rank(&s.id));
    let several = per_source.len() > 1;
    let base = match experts.as_slice() {
        [one] if expert.is_some() => format!("{}: wishes for {year}", one.name),
        _ => format!("Wishes for {year}"),
    };
    let mut shown = HashSet::new();
    let mut cards: Vec<Card> = Vec::new();
    for (source, theirs) in per_source {
        let question = d.question(source);
        let cited = Cited::of(
            d,
            question
                .into_iter()
                .chain(theirs.iter().flat_map(|(_, w)| w.iter().copied())),
        );
        let mut card = Card {
            title: if several {
                format!("{base} in “{}”", d.short_title(source))
            } else {
                base.clone()
            },
            description: question
                .map(|q| format!("_{}_", escape_data(&q.text)))
                .unwrap_or_default(),
            footer: cited.footer(),
            url: cited.url(),
            ..Card::default()
        };
        for (e, wishes) in theirs {
            card.field(
                display_name(e),
                quote::bullets(&wishes, &mut shown),
                FieldLayout::Stacked,
            );
        }
        cards.push(card);
    }
    let pages = total.div_ceil(WISH_PAGE).max(1);
    if pages > 1
        && let Some(footer) = cards.first_mut().and_then(|c| c.footer.as_mut())
    {
        let first = (page - 1) * WISH_PAGE + 1;
        footer.insert_str(
            0,
            &format!(
                "Experts {first}–{} of {total} · ",
                first + experts.len() - 1
            ),
        );
    }
    // Other pages open privately for whoever clicks, as search's do.
    let mut buttons = pager(page, pages, &|page| Request::Wish {
        year: i64::from(year),
        expert: None,
        page,
    });
    buttons.extend(
        experts
            .iter()
            .filter_map(|e| open_button(CardKind::Expert, &e.id, &e.name)),
    );
    let post = Request::Wish {
        year: i64::from(year),
        expert: expert.and(experts.first().map(|e| NameOrId::Id(e.id.clone()))),
        page: page_number(page),
    };
    cards_reply(note, cards, visibility, buttons, post)
}
