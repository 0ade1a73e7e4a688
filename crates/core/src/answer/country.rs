//! `/country name`: which of the groups a country belongs to (by their member lists, marked
//! when the list is not the article's), what the article says of each, and their cards; a
//! country in no group is told so, with the groups the bot knows.

use crate::countries::groups_of;
use crate::dataset::Provenance;
use crate::dataset::{Group, Passage};
use crate::excerpt::{self, Ends, excerpt};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::quote::Cited;
use crate::reply::{
    Card, FieldLayout, Miss, Missed, Outcome, Reply, Visibility, echo, escape_data, plural,
};

use crate::command::Request;

use super::parts::{KNOWN_PAGE, NOT_FROM_ARTICLE, card_reply, known, open_button};
use super::subject::{CardKind, Subject};

/// Characters of the article's first passage on a group, shown under it (an eighth more and it
/// is shown whole: `excerpt`).
const QUOTE_CHARS: usize = 240;

pub(super) fn country(k: &Knowledge, name: &str, visibility: Visibility) -> Reply {
    let d = &k.dataset;
    let Some(found) = k.countries.find(name) else {
        return no_country(k, name, visibility);
    };
    let country = found.country;
    // A guess says so, as a guessed name does elsewhere.
    let note = found.guessed.then(|| {
        format!(
            "Showing **{}** for “{}”.",
            escape_data(&country.name),
            echo(name)
        )
    });
    let groups = groups_of(d, country);
    let shown = escape_data(&country.name);
    if groups.is_empty() {
        let (names, buttons) = known(k, &[Subject::Group], visibility, &|id| {
            CardKind::Group.open(id)
        });
        let guess = note.map(|n| format!("{n} ")).unwrap_or_default();
        let mut reply = Reply::text(
            format!(
                "{guess}**{shown}** is not a member of any group I know. The groups I know: {names}."
            ),
            Visibility::Private,
        );
        reply.buttons = buttons;
        return reply.with_outcome(Outcome::NotFound);
    }
    let names: Vec<String> = groups
        .iter()
        .map(|g| format!("**{}**", escape_data(&g.name)))
        .collect();
    // What each group's field quotes: the article's member list, and the first passage on
    // the group that this reply has not shown yet (a passage on two of the country's groups
    // is shown once), nor the one that holds the member list just quoted. Chosen first, so
    // that the footer cites exactly these and the labels name their article when there are
    // several.
    let mut shown: Vec<&Passage> = Vec::new();
    let mut chosen: Vec<(&Group, Option<&Passage>, usize)> = Vec::new();
    let mut cited = Cited::of(d, []);
    for g in &groups {
        let holds_list = |text: &str| {
            g.members
                .as_written
                .as_deref()
                .is_some_and(|w| text.contains(w))
        };
        let about: Vec<&Passage> = d.about(g.id.as_str()).collect();
        let first = about
            .iter()
            .copied()
            .find(|p| !shown.iter().any(|s| s.id == p.id) && !holds_list(&p.text));
        if let (Provenance::Article, Some(_)) = (&g.members.source, &g.members.as_written) {
            cited.add(&g.source);
        }
        if let Some(p) = first {
            shown.push(p);
            cited.add(&p.source);
        }
        let more = about.len().saturating_sub(usize::from(first.is_some()));
        chosen.push((g, first, more));
    }
    let mut card = Card {
        title: country.name.clone(),
        description: format!("Member of {}, of the groups I know.", and_list(&names)),
        footer: cited.footer(),
        url: cited.url(),
        ..Card::default()
    };
    let mut buttons = Vec::new();
    for (g, first, more) in chosen {
        let title = match g.full_name.as_deref().filter(|f| *f != g.name) {
            Some(full) => format!("{} — {full}", g.name),
            None => g.name.clone(),
        };
        let others: Vec<&str> = g
            .members
            .states
            .iter()
            .map(String::as_str)
            .filter(|s| fold::fold(s) != fold::fold(&country.name))
            .collect();
        let mut value = match (&g.members.source, &g.members.as_written) {
            (Provenance::Article, Some(written)) => {
                let ends = excerpt::sentence_goes_on(written, Ends::NONE);
                format!(
                    "The article: _{}_",
                    escape_data(&excerpt::marked(written, ends))
                )
            }
            _ => format!(
                "With {} (members as of {}, {NOT_FROM_ARTICLE}).",
                escape_data(&others.join(", ")),
                g.members.as_of
            ),
        };
        if let Some(p) = first {
            let part = excerpt(&p.text, 0, QUOTE_CHARS);
            let ends = excerpt::passage_goes_on(p, part.shown(&p.text), part.cut);
            value.push_str(&format!(
                "\n{}: “{}”",
                cited.label(p),
                escape_data(&excerpt::marked(part.shown(&p.text), ends))
            ));
        }
        if more > 0 {
            value.push_str(&format!(
                "\n_{more} more {} on {} in its card._",
                plural(more, "passage", "passages"),
                escape_data(&g.name)
            ));
        }
        card.field(title, value, FieldLayout::Stacked);
        buttons.extend(open_button(CardKind::Group, &g.id, &g.name));
    }
    let post = Request::Country {
        name: country.name.clone(),
    };
    card_reply(note, card, visibility, buttons, post)
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn no_country(k: &Knowledge, name: &str, visibility: Visibility) -> Reply {
    let members: Vec<String> = k
        .countries
        .members()
        .take(KNOWN_PAGE)
        .map(|c| escape_data(&c.name))
        .collect();
    let total = k.countries.members().count();
    let more = total.saturating_sub(members.len());
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let (groups, buttons) = known(k, &[Subject::Group], visibility, &|id| {
        CardKind::Group.open(id)
    });
    let mut reply = Reply::text(
        format!(
            "“{}” is in none of the member lists of the groups I know ({groups}). Their members: {}{more}.",
            echo(name),
            members.join(", ")
        ),
        Visibility::Private,
    );
    reply.buttons = buttons;
    reply.miss = Some(Miss {
        what: Missed::Country,
        folded: fold::fold(name),
    });
    reply.with_outcome(Outcome::NotFound)
}
