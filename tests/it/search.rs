//! Search relevance and behaviour on the bundled data: the labelled queries of
//! `tests/fixtures/search.tsv` (right passage in the first three hits), suggestions only for
//! near misses, aliases, and misses that list what the bot knows.

use minilateral::answer;
use minilateral::knowledge::Knowledge;
use minilateral::reply::Reply;

use crate::{bundled, fixture_text};

/// The share of right answers a set must reach (issue 13's target).
const TARGET: f64 = 0.9;

struct Labelled {
    set: String,
    query: String,
    expected: Vec<String>,
}

fn labelled() -> Vec<Labelled> {
    fixture_text("search.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "{l}");
            Labelled {
                set: cols[0].to_string(),
                query: cols[1].to_string(),
                expected: cols[2].split(',').map(str::to_string).collect(),
            }
        })
        .collect()
}

/// The ids of the first three hits of `query`.
fn top3(k: &Knowledge, query: &str) -> Vec<String> {
    k.search
        .search(query, 0..3)
        .hits
        .iter()
        .map(|h| k.dataset.passages()[h.passage].id.to_string())
        .collect()
}

#[test]
fn labelled_queries_find_the_right_passage_in_the_first_three() {
    let k = Knowledge::new(bundled());
    let all = labelled();
    assert!(all.len() >= 40);
    let mut report = String::new();
    for set in ["tune", "held"] {
        let queries: Vec<&Labelled> = all.iter().filter(|l| l.set == set).collect();
        assert!(queries.len() >= 20, "{set}");
        let (mut right, mut first) = (0, 0);
        for l in &queries {
            let got = top3(&k, &l.query);
            if got.first().is_some_and(|id| l.expected.contains(id)) {
                first += 1;
            } else if !got.is_empty() {
                report.push_str(&format!("{set}: not first: {:?} → {got:?}\n", l.query));
            }
            if got.iter().any(|id| l.expected.contains(id)) {
                right += 1;
            } else {
                report.push_str(&format!(
                    "{set}: {:?} → {got:?}, wanted {:?}\n",
                    l.query, l.expected
                ));
            }
        }
        let rate = right as f64 / queries.len() as f64;
        report.push_str(&format!(
            "{set}: right in the first three {right}/{n} = {rate:.3}; first {first}/{n}\n",
            n = queries.len()
        ));
        assert!(rate >= TARGET, "{report}");
    }
    eprintln!("{report}");
}

fn ask(k: &Knowledge, line: &str) -> Reply {
    answer::answer(k, &minilateral::console::ask(line).unwrap())
}

fn button_labels(reply: &Reply) -> Vec<&str> {
    reply.buttons.iter().map(|b| b.label.as_str()).collect()
}

#[test]
fn a_name_finds_the_passages_about_its_entity_by_any_alias() {
    let k = Knowledge::new(bundled());
    // "united nations" is not in the text; the UN is, and Meserole's wish concerns it.
    let reply = ask(&k, "/search united nations");
    let text = &reply.cards[0].description;
    assert!(
        text.starts_with(
            "**Chris Meserole**, wish for 2024 · about United Nations, IPCC, IAEA\n_In 2024 I hope to see:_\n> The **UN** begin"
        ),
        "{text}"
    );
    // Only what is about it: "nation-states" alone is not the United Nations.
    assert_eq!(
        reply.cards[0]
            .footer
            .as_deref()
            .map(|f| f.starts_with("Hits 1–1 of 1")),
        Some(true)
    );
    // Three Seas is 3SI, however it is written.
    for q in ["three seas", "3 seas initiative", "3SI"] {
        assert_eq!(top3(&k, q)[0], "filer-3si-momentum", "{q}");
    }
}

#[test]
fn suggestions_are_near_misses_only() {
    let k = Knowledge::new(bundled());
    // "nation" is two edits from "nato": not a near miss of a four-letter word.
    let reply = ask(&k, "/search nato");
    let content = reply.content.as_deref().unwrap_or_default();
    assert!(!content.contains("Did you mean"), "{content}");
    assert!(
        !button_labels(&reply).contains(&"nation"),
        "{:?}",
        button_labels(&reply)
    );
    // A miss still leads somewhere: the experts and groups the bot knows, each a button.
    assert!(
        content.contains("Groups: **G7**, **BRICS**, **I2U2**, **3SI**"),
        "{content}"
    );
    for name in ["Sara Pantuliano", "Tanya Filer", "G7", "3SI"] {
        assert!(button_labels(&reply).contains(&name), "{name}");
    }
    // Two edits from a longer word is a near miss, and one word of the data is suggested for it.
    assert_eq!(k.search.suggestions("coopate", 3), ["cooperate"]);
    // One edit from a word of the data is found by search itself, so no suggestion is needed.
    assert!(k.search.search("budgett", 0..1).total > 0);
    // The most frequent of several near words first.
    // Ranked by how often they occur, not by how close: "minilaterals" is in more passages
    // than "minilateral", one edit nearer.
    assert_eq!(
        k.search.suggestions("minilaterel", 3),
        ["minilaterals", "minilateral"]
    );
}
