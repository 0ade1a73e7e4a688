//! `/about`: what the bot knows (the experts and groups by name), its commands (from the table), how names are matched, where
//! facts come from, and how to report an error.

use crate::command::{Asked, MessageCommand, Request, TABLE};
use crate::dataset::{Id, PassageKind, Source};
use crate::knowledge::Knowledge;
use crate::quote::Cited;
use crate::reply::{
    ButtonStyle, Card, FieldLayout, Reply, Visibility, escape_data, plural, years_text,
};

use super::parts::{button, known, post_button};
use super::subject::{CardKind, Subject};

/// Articles described on `/about`; `/article` lists them all, a page at a time.
const ABOUT_ARTICLES: usize = 5;

pub(super) fn about(k: &Knowledge, visibility: Visibility) -> Reply {
    let d = &k.dataset;
    let s = d.summary();
    let shown: Vec<&Source> = k
        .articles
        .newest()
        .take(ABOUT_ARTICLES)
        .filter_map(|id| d.source(id.as_str()))
        .collect();
    let mut description = String::new();
    let mut fields: Vec<(String, String)> = Vec::new();
    match shown.as_slice() {
        [] => {}
        [src] => {
            // One article: the title is in the footer; the card says it once.
            description.push_str(
                "I know what the experts in the article below said, and the groups they spoke of.",
            );
            if let Some(q) = d.question(src) {
                description.push_str(&format!(
                    "\n\nThe question put to them: _{}_",
                    escape_data(&q.text)
                ));
            }
            // A draft from `import` has no summary until a curator writes one.
            if !src.summary.trim().is_empty() {
                description.push_str(&format!(
                    "\n\n**In our words** (a summary, not the article's): {}",
                    escape_data(&src.summary)
                ));
            }
        }
        several => {
            description.push_str(&format!(
                "I know what the people in these {} articles said, and the groups they spoke of; `/article` shows each.",
                k.articles.len()
            ));
            for src in several {
                let c = d.counts(src);
                let mut value = format!(
                    "Looking ahead to {}{} · {} {}{}, {} {}",
                    src.year,
                    src.published
                        .as_deref()
                        .map(|p| format!(", published {p}"))
                        .unwrap_or_default(),
                    c.panel,
                    plural(c.panel, "expert", "experts"),
                    if c.others > 0 {
                        format!(
                            " and {} other {} quoted",
                            c.others,
                            plural(c.others, "person", "people")
                        )
                    } else {
                        String::new()
                    },
                    c.passages,
                    plural(c.passages, "passage", "passages"),
                );
                if let Some(q) = d.question(src) {
                    value.push_str(&format!("\nThe question: _{}_", escape_data(&q.text)));
                }
                if !src.summary.trim().is_empty() {
                    value.push_str(&format!(
                        "\n**In our words** (not the article's): {}",
                        escape_data(&src.summary)
                    ));
                }
                fields.push((d.title(src).to_string(), value));
            }
        }
    }
    let cited = Cited::of(
        d,
        shown.iter().flat_map(|src| {
            d.passages_of(src)
                .iter()
                .filter(|p| matches!(p.kind, PassageKind::Title | PassageKind::Question))
        }),
    );
    let mut card = Card {
        title: "About minilateral".to_string(),
        description,
        footer: cited.footer(),
        url: cited.url(),
        ..Card::default()
    };
    let mut buttons = Vec::new();
    for (name, value) in fields {
        card.field(name, value, FieldLayout::Stacked);
    }
    if k.articles.len() > shown.len() {
        card.field(
            "More articles",
            format!(
                "and {} more; `/article` lists them all, newest first.",
                k.articles.len() - shown.len()
            ),
            FieldLayout::Stacked,
        );
        buttons.extend(button(
            "All articles",
            Asked {
                request: Request::Article {
                    article: None,
                    page: 1,
                },
                visibility: Visibility::Private,
            },
            ButtonStyle::Secondary,
        ));
    }
    let others = s.experts - s.panel;
    card.field(
        "What I know",
        format!(
            "{} {} and {} other {} quoted; {} {} of {}: {} statements, {} wishes ({}), {} and the bylines; {} groups, {} other bodies and organisations.",
            s.panel,
            plural(s.panel, "expert", "experts"),
            others,
            plural(others, "person", "people"),
            s.passages,
            plural(s.passages, "passage", "passages"),
            if s.sources == 1 { "the article".to_string() } else { format!("{} articles", s.sources) },
            s.statements,
            s.wishes,
            years_text(&s.wish_years),
            if s.sources == 1 { "the introduction" } else { "their introductions" },
            s.groups,
            s.bodies
        ),
        FieldLayout::Stacked,
    );
    // The names themselves, a page of each, with a button to each card: the panels' experts
    // and the people quoted outside a panel are two kinds.
    let open_person = |id: &Id| CardKind::Expert.open(id);
    for (people, title) in [
        (Subject::Expert, "Experts"),
        (Subject::Person, "Also quoted"),
    ] {
        let (names, open) = known(k, &[people], Visibility::Private, &open_person);
        if !names.is_empty() {
            card.field(title, names, FieldLayout::Stacked);
        }
        buttons.extend(open);
    }
    let (names, open) = known(k, &[Subject::Group], Visibility::Private, &|id| {
        CardKind::Group.open(id)
    });
    if !names.is_empty() {
        card.field("Groups", names, FieldLayout::Stacked);
    }
    buttons.extend(open);
    let commands: Vec<String> = TABLE
        .iter()
        .map(|c| format!("`/{}`: {}", c.name, c.description))
        .collect();
    let mut commands = commands.join("\n");
    for m in MessageCommand::ALL {
        commands.push_str(&format!(
            "\nOn any message, Apps → **{m}**: {}",
            m.description()
        ));
    }
    card.field("Commands", commands, FieldLayout::Stacked);
    card.field(
        "How names are matched",
        "Type names as you remember them: case, accents, punctuation, word order (“Filer, Tanya”) and titles (Dr, PhD) do not matter, and small typos are forgiven. When I had to guess I say so; when several names are close I ask which you meant.",
        FieldLayout::Stacked,
    );
    let ours = if shown.iter().any(|src| !src.summary.trim().is_empty()) {
        "this summary, notes"
    } else {
        "notes"
    };
    card.field(
        "Where facts come from",
        format!("Quotes, wishes, bylines and the introduction are the article's own words, each stored once and checked against the article's text. What a card marks “not from the article” (member lists, full names) is well-established public fact; what it marks as ours ({ours}) is our wording."),
        FieldLayout::Stacked,
    );
    card.field(
        "Found an error?",
        "Tell the people who run this bot in your server, with the command you typed and what is wrong. The data is a JSON file beside the article's text, and `minilateral check` proves every quote against that text, so a fix is quick.",
        FieldLayout::Stacked,
    );
    let mut reply = Reply {
        cards: vec![card],
        buttons,
        visibility,
        ..Reply::default()
    };
    if visibility.is_private() {
        reply.buttons.extend(post_button(Request::About));
    }
    reply
}
