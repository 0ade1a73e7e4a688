//! `/country name`: which of the groups a country belongs to (by their member lists, marked
//! when the list is not the article's), what the article says of each, and their cards; a
//! country in no group is told so, with the groups the bot knows.

use crate::countries::groups_of;
use crate::dataset::{Kind, Provenance};
use crate::excerpt::{self, Ends, excerpt};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::quote;
use crate::reply::{Card, Miss, Outcome, Reply, echo, escape_data, plural};

use crate::command::Request;

use super::parts::{
    KNOWN_PAGE, NOT_FROM_ARTICLE, card_reply, known, open_button, open_request, source_footer,
};

/// Characters of the article's first passage on a group, shown under it (an eighth more and it
/// is shown whole: `excerpt`).
const QUOTE_CHARS: usize = 240;

pub(super) fn country(k: &Knowledge, name: &str, private: bool) -> Reply {
    let d = &k.dataset;
    let Some(found) = k.countries.find(name) else {
        return no_country(k, name, private);
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
        let (names, buttons) = known(k, Kind::Group, private, &|id| open_request(Kind::Group, id));
        let guess = note.map(|n| format!("{n} ")).unwrap_or_default();
        let mut reply = Reply::text(
            format!(
                "{guess}**{shown}** is not a member of any group I know. The groups I know: {names}."
            ),
            true,
        );
        reply.buttons = buttons;
        return reply.with_outcome(Outcome::NotFound);
    }
    let names: Vec<String> = groups
        .iter()
        .map(|g| format!("**{}**", escape_data(&g.name)))
        .collect();
    let mut card = Card {
        title: country.name.clone(),
        description: format!("Member of {}, of the groups I know.", and_list(&names)),
        footer: groups.first().map(|g| source_footer(k, &g.source)),
        ..Card::default()
    };
    let mut buttons = Vec::new();
    let mut shown = Vec::new();
    for g in &groups {
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
        // The first passage on the group that this reply has not shown yet: a passage on
        // two of the country's groups is shown once.
        let about: Vec<_> = d.about(g.id.as_str()).collect();
        let mut quoted = false;
        // Nor the passage that holds the member list just quoted.
        let holds_list = |text: &str| {
            g.members
                .as_written
                .as_deref()
                .is_some_and(|w| text.contains(w))
        };
        if let Some(p) = about
            .iter()
            .find(|p| !shown.contains(&p.id) && !holds_list(&p.text))
        {
            quoted = true;
            shown.push(p.id.clone());
            let part = excerpt(&p.text, 0, QUOTE_CHARS);
            let ends = excerpt::passage_goes_on(p, part.shown(&p.text), part.cut);
            value.push_str(&format!(
                "\n{}: “{}”",
                quote::label(d, p),
                escape_data(&excerpt::marked(part.shown(&p.text), ends))
            ));
        }
        let more = about.len().saturating_sub(usize::from(quoted));
        if more > 0 {
            value.push_str(&format!(
                "\n_{more} more {} on {} in its card._",
                plural(more, "passage", "passages"),
                escape_data(&g.name)
            ));
        }
        card.field(title, value, false);
        buttons.extend(open_button(Kind::Group, &g.id, &g.name));
    }
    let post = Request::Country {
        name: country.name.clone(),
    };
    card_reply(note, card, private, buttons, post)
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn no_country(k: &Knowledge, name: &str, private: bool) -> Reply {
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
    let (groups, buttons) = known(k, Kind::Group, private, &|id| open_request(Kind::Group, id));
    let mut reply = Reply::text(
        format!(
            "“{}” is in none of the member lists of the groups I know ({groups}). Their members: {}{more}.",
            echo(name),
            members.join(", ")
        ),
        true,
    );
    reply.buttons = buttons;
    reply.miss = Some(Miss {
        what: "country",
        folded: fold::fold(name),
    });
    reply.with_outcome(Outcome::NotFound)
}
