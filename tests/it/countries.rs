//! `/country`: a country's groups from the member lists, found by name, short form or demonym;
//! honest about a country in no group and about a name that is no country.

use minilateral::command::Request;
use minilateral::knowledge::Knowledge;
use minilateral::reply::Reply;

use crate::{ask, bundled, minilateral, stdout};

fn group_buttons(reply: &Reply) -> Vec<&str> {
    reply
        .buttons
        .iter()
        .filter(|b| matches!(b.asked().request, Request::Group { .. }))
        .map(|b| b.label.as_str())
        .collect()
}

#[test]
fn india_is_in_brics_and_i2u2() {
    let out = minilateral(&["ask", "/country india"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("Member of BRICS and I2U2"), "{text}");
    let k = Knowledge::new(bundled());
    let reply = ask(&k, "/country india");
    assert_eq!(group_buttons(&reply), ["BRICS", "I2U2"]);
    // Membership that is not the article's says so; the article's is quoted.
    let fields = &reply.cards[0].fields;
    assert!(
        fields[0].value.contains("not from the article"),
        "{}",
        fields[0].value
    );
    // The article's list is part of its sentence, which goes on: a fragment, marked so.
    assert!(
        fields[1]
            .value
            .starts_with("The article: _I2U2—comprising India, the UAE, Israel, and the US…_\n"),
        "{}",
        fields[1].value
    );
    // A whole sentence is quoted without a mark.
    assert!(
        fields[0]
            .value
            .ends_with("resonating with global leaders.”"),
        "{}",
        fields[0].value
    );
}

#[test]
fn short_forms_and_demonyms_find_the_country() {
    let k = Knowledge::new(bundled());
    for (typed, title, groups) in [
        ("US", "United States", vec!["G7", "I2U2"]),
        ("america", "United States", vec!["G7", "I2U2"]),
        ("Emirati", "United Arab Emirates", vec!["BRICS", "I2U2"]),
        ("UAE", "United Arab Emirates", vec!["BRICS", "I2U2"]),
        ("Czechia", "Czech Republic", vec!["3SI"]),
        ("unted kingdom", "United Kingdom", vec!["G7"]),
        ("pol", "Poland", vec!["3SI"]),
        ("the UK", "United Kingdom", vec!["G7"]),
    ] {
        let reply = ask(&k, &format!("/country {typed}"));
        assert_eq!(reply.cards[0].title, title, "{typed}");
        assert_eq!(group_buttons(&reply), groups, "{typed}");
    }
}

#[test]
fn a_country_in_no_group_and_a_name_that_is_none_are_told_so() {
    let k = Knowledge::new(bundled());
    let reply = ask(&k, "/country saudi");
    let content = reply.content.as_deref().unwrap_or_default();
    assert!(
        content.starts_with("**Saudi Arabia** is not a member of any group I know."),
        "{content}"
    );
    assert_eq!(group_buttons(&reply), ["G7", "BRICS", "I2U2", "3SI"]);
    let reply = ask(&k, "/country narnia");
    let content = reply.content.as_deref().unwrap_or_default();
    assert!(
        content.starts_with("“narnia” is in none of the member lists of the groups I know"),
        "{content}"
    );
    assert_eq!(group_buttons(&reply), ["G7", "BRICS", "I2U2", "3SI"]);
    assert!(reply.miss.is_some(), "a miss is logged for curators");
}

#[test]
fn a_passage_on_two_of_a_countrys_groups_is_shown_once() {
    let k = Knowledge::new(bundled());
    for typed in ["india", "united states", "united arab emirates"] {
        let reply = ask(&k, &format!("/country {typed}"));
        let quotes: Vec<&str> = reply.cards[0]
            .fields
            .iter()
            .flat_map(|f| f.value.lines().filter(|l| l.contains("“")))
            .collect();
        assert!(!quotes.is_empty(), "{typed}: no passage quoted");
        let mut unique = quotes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), quotes.len(), "{typed}: {quotes:?}");
    }
}

#[test]
fn a_guess_says_so_and_a_tie_is_no_answer() {
    let k = Knowledge::new(bundled());
    // A typo or a beginning is a guess, and the reply says so.
    let reply = ask(&k, "/country unted kingdom");
    let note = reply.content.as_deref().unwrap_or_default();
    assert_eq!(note, "Showing **United Kingdom** for “unted kingdom”.");
    // An exact name is not a guess.
    assert!(ask(&k, "/country india").content.is_none());
    // "Austrlia" is as close to Austria as to Australia: no answer rather than a wrong one.
    let reply = ask(&k, "/country austrlia");
    assert!(reply.cards.is_empty());
    assert!(reply.miss.is_some());
}
