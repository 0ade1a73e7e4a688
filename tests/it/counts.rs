//! Counts in replies agree with their words: "1 group", "2 groups", "0 groups", "1 of 9
//! states sits"; read from the replies as the console shows them.

use minilateral::console::render;
use minilateral::knowledge::Knowledge;

use crate::{ask, bundled};

/// Nouns the bot counts, singular and plural.
const NOUNS: &[(&str, &str)] = &[
    ("group", "groups"),
    ("passage", "passages"),
    ("expert", "experts"),
    ("state", "states"),
    ("hit", "hits"),
    ("wish", "wishes"),
    ("statement", "statements"),
    ("name", "names"),
    ("word", "words"),
    ("body", "bodies"),
    ("button", "buttons"),
    ("country", "countries"),
];

/// Every count in `text` whose noun does not agree with it ("1 groups", "2 group"), a number
/// followed by the noun, with "more", "other" or "member" between them or not.
fn disagreements(text: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "(),.;:“”*_".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut wrong = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Ok(n) = w.parse::<usize>() else {
            continue;
        };
        let mut next = words.iter().skip(i + 1);
        let mut noun = next.next();
        while noun.is_some_and(|w| ["more", "other", "member"].contains(w)) {
            noun = next.next();
        }
        let Some(noun) = noun else {
            continue;
        };
        for (one, many) in NOUNS {
            if (n == 1 && noun == many) || (n != 1 && noun == one) {
                wrong.push(format!("{n} {noun}"));
            }
        }
    }
    wrong
}

#[test]
fn the_finder_finds_a_count_that_disagrees() {
    assert_eq!(
        disagreements("Grid of 7 member states by 1 groups (G7)."),
        ["1 groups"]
    );
    assert_eq!(
        disagreements("2 more passage; 0 expert"),
        ["2 passage", "0 expert"]
    );
    assert!(disagreements("1 more passage, 2 groups, 0 states, in 2024 wishes").is_empty());
}

#[test]
fn overlap_counts_zero_one_and_two_in_agreement() {
    let k = Knowledge::new(bundled());
    let said = |line: &str| {
        let text = render(&ask(&k, line));
        assert!(
            disagreements(&text).is_empty(),
            "{line}: {:?}\n{text}",
            disagreements(&text)
        );
        text
    };
    // Shared states: none (G7, BRICS), one (the US: G7, I2U2), two (India and the UAE).
    assert!(said("/overlap g7 brics").contains("No state sits in more than one of these 2 groups"));
    let one = said("/overlap g7 i2u2");
    assert!(
        one.contains("1 of 10 states sits in more than one"),
        "{one}"
    );
    let two = said("/overlap brics i2u2");
    assert!(two.contains("2 of 11 states sit in more than one"), "{two}");
    // Groups in the picture: one, then two.
    let g7 = said("/overlap g7 and nato");
    assert!(
        g7.contains("Grid of 7 member states by 1 group (G7)"),
        "{g7}"
    );
    assert!(two.contains("by 2 groups (BRICS, I2U2)"), "{two}");
}

#[test]
fn every_reply_of_the_bundled_data_counts_in_agreement() {
    let k = Knowledge::new(bundled());
    let wrong = std::cell::RefCell::new(Vec::new());
    crate::limits::check_everything(&k, &[], &|asked, reply| {
        for w in disagreements(&render(reply)) {
            wrong.borrow_mut().push(format!("{asked:?}: {w}"));
        }
    });
    let wrong = wrong.into_inner();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
