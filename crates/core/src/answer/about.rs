//! `/about`: what the bot knows (the experts and groups by name), its commands (from the table), how names are matched, where
//! facts come from, and how to report an error.

use crate::command::{MESSAGE_COMMAND, Request, TABLE};
use crate::dataset::Kind;
use crate::knowledge::Knowledge;
use crate::reply::{Card, Reply, escape_data, years_text};

use super::parts::{known, open_request, post_button, source_footer};

pub(super) fn about(k: &Knowledge, private: bool) -> Reply {
    let d = &k.dataset;
    let s = d.summary();
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
        // A draft from `import` has no summary until a curator writes one.
        if !src.summary.trim().is_empty() {
            description.push_str(&format!(
                "\n\n**In our words** (a summary, not the article's): {}",
                escape_data(&src.summary)
            ));
        }
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
            "{} experts and {} other {} quoted; {} passages of the article: {} statements, {} wishes ({}), the introduction and the bylines; {} groups, {} other bodies and organisations.",
            s.panel,
            s.experts - s.panel,
            if s.experts - s.panel == 1 { "person" } else { "people" },
            s.passages,
            s.statements,
            s.wishes,
            years_text(&s.wish_years),
            s.groups,
            s.bodies
        ),
        false,
    );
    // The names themselves, a page of each, with a button to each card.
    let mut buttons = Vec::new();
    for (kind, title) in [(Kind::Expert, "Experts"), (Kind::Group, "Groups")] {
        let (names, open) = known(k, kind, true, &|id| open_request(kind, id));
        if !names.is_empty() {
            card.field(title, names, false);
        }
        buttons.extend(open);
    }
    let commands: Vec<String> = TABLE
        .iter()
        .map(|c| format!("`/{}`: {}", c.name, c.description))
        .collect();
    let mut commands = commands.join("\n");
    commands.push_str(&format!(
        "\nOn any message, Apps → **{MESSAGE_COMMAND}**: the experts, groups and bodies it names, with their cards"
    ));
    card.field("Commands", commands, false);
    card.field(
        "How names are matched",
        "Type names as you remember them: case, accents, punctuation, word order (“Filer, Tanya”) and titles (Dr, PhD) do not matter, and small typos are forgiven. When I had to guess I say so; when several names are close I ask which you meant.",
        false,
    );
    let ours = if source.is_some_and(|src| !src.summary.trim().is_empty()) {
        "this summary, notes"
    } else {
        "notes"
    };
    card.field(
        "Where facts come from",
        format!("Quotes, wishes, bylines and the introduction are the article's own words, each stored once and checked against the article's text. What a card marks “not from the article” (member lists, full names) is well-established public fact; what it marks as ours ({ours}) is our wording."),
        false,
    );
    card.field(
        "Found an error?",
        "Tell the people who run this bot in your server, with the command you typed and what is wrong. The data is a JSON file beside the article's text, and `minilateral check` proves every quote against that text, so a fix is quick.",
        false,
    );
    let mut reply = Reply {
        cards: vec![card],
        buttons,
        private,
        ..Reply::default()
    };
    if private {
        reply.buttons.extend(post_button(Request::About));
    }
    reply
}
