//! A synthetic article's text for `import` (`benches/import.rs`): one paragraph per line, as
//! the bundled article is written, of any length. The same arguments always give the same text.

use std::collections::HashSet;

use crate::Rng;
use crate::words::{
    CITIES, COUNTRIES, FIRST_NAMES, GROUP_ADJECTIVES, GROUP_FORMS, GROUP_TOPICS, ORG_FORMS,
    ROLE_TITLES, Taken, surname,
};

/// Paragraphs between two answers: most of a long article is its own voice, as the bundled
/// article's introduction is, and every answer adds an expert (so entities grow with the
/// text too, as they would in a real long article).
const FRAMING_BETWEEN_ANSWERS: usize = 16;

/// The text of an article of `paragraphs` lines (at least 3): its title and question, then
/// framing paragraphs that name the article's groups and introduce bodies as "Full Name
/// (ACRONYM)", and every `FRAMING_BETWEEN_ANSWERS + 1` lines an answer by a new expert (a
/// quotation of statements and a wish, one answer in four a numbered list after "In 2031 I
/// hope to see:"), its byline on the line after it ("Name, PhD is Title of Org.").
pub fn article_text(paragraphs: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut lines: Vec<String> = vec![
        "Ports and Pacts in 2031: What Experts Want".into(),
        "What is one thing you would like to see the small clubs of countries do in 2031?".into(),
    ];
    let mut taken = Taken::default();
    let mut acronyms: HashSet<String> = HashSet::new();
    let mut answers = 0usize;
    while lines.len() < paragraphs {
        let left = paragraphs - lines.len();
        if lines.len().is_multiple_of(FRAMING_BETWEEN_ANSWERS + 1) && left >= 2 {
            let list = answers % 4 == 3 && left >= 5;
            answers += 1;
            if list {
                lines.push(format!("“{} In 2031 I hope to see:", statement(&mut rng)));
                for i in 1..=3 {
                    lines.push(format!("{i}/ {}", wished(&mut rng)));
                }
                let last = lines.len() - 1;
                lines[last].push('”');
            } else {
                lines.push(format!(
                    "“{} {} In 2031 I would like to see {}.”",
                    statement(&mut rng),
                    statement(&mut rng),
                    wished(&mut rng)
                ));
            }
            lines.push(byline(&mut rng, &mut taken));
        } else {
            lines.push(framing(&mut rng, &mut acronyms));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// "Name, PhD is Title of City Form." for a person whose name no one before had.
fn byline(rng: &mut Rng, taken: &mut Taken) -> String {
    let name = loop {
        let name = format!("{} {}", rng.pick(FIRST_NAMES), surname(rng));
        if taken.claim(&name) {
            break name;
        }
    };
    format!(
        "{name}, PhD is {} of the {} {}.",
        rng.pick(ROLE_TITLES),
        rng.pick(CITIES),
        rng.pick(ORG_FORMS)
    )
}

fn statement(rng: &mut Rng) -> String {
    let topic = rng.pick(GROUP_TOPICS).to_lowercase();
    match rng.below(3) {
        0 => format!("Small clubs move faster than large ones on {topic}."),
        1 => format!(
            "Trust on {topic} is built slowly, e.g. through shared data with {}.",
            rng.pick(COUNTRIES)
        ),
        _ => format!("Budgets for {topic} matter more than summits."),
    }
}

fn wished(rng: &mut Rng) -> String {
    format!(
        "a shared registry for {} in {}",
        rng.pick(GROUP_TOPICS).to_lowercase(),
        rng.pick(CITIES)
    )
}

/// A line in the article's own voice; now and then one that introduces a body as "Full
/// Name (ACRONYM)", each acronym once.
fn framing(rng: &mut Rng, acronyms: &mut HashSet<String>) -> String {
    let topic = rng.pick(GROUP_TOPICS);
    if rng.below(8) == 0 {
        let full = format!(
            "{} {topic} {}",
            rng.pick(GROUP_ADJECTIVES),
            rng.pick(GROUP_FORMS)
        );
        let short: String = full
            .split(' ')
            .filter_map(|w| w.chars().next())
            .filter(char::is_ascii_uppercase)
            .collect();
        if short.len() >= 2 && acronyms.insert(short.clone()) {
            return format!(
                "Delegates met in {} as the {full} ({short}) compared notes on {}.",
                rng.pick(CITIES),
                topic.to_lowercase()
            );
        }
    }
    match rng.below(4) {
        0 => format!(
            "Delegates met in {} to compare notes on {}.",
            rng.pick(CITIES),
            topic.to_lowercase()
        ),
        1 => format!(
            "{} and {} agreed to pool their {} budgets.",
            rng.pick(COUNTRIES),
            rng.pick(COUNTRIES),
            topic.to_lowercase()
        ),
        2 => "A growing cadre of policymakers and analysts agrees.".into(),
        _ => format!(
            "Technology cooperation on {} is a new focal point for prominent groupings.",
            topic.to_lowercase()
        ),
    }
}
