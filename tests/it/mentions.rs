//! Names found in a message (`minilateral mentions`, the core of the message context-menu
//! command): every entity once, in the order of the message, however the name is written.

use minilateral::knowledge::Knowledge;
use serde_json::Value;

use crate::{bundled, minilateral, stdout};

fn ids(k: &Knowledge, text: &str) -> Vec<String> {
    k.mentions(text)
        .into_iter()
        .map(|m| m.id.to_string())
        .collect()
}

#[test]
fn the_names_in_a_message_in_its_order() {
    // Characters before the first name that take more than one byte: spans are in characters.
    let text = "Ça — Filer's point about the G7 secretariat and what Meserole wants from the UN…";
    let out = minilateral(&["mentions", text]);
    assert!(out.status.success());
    let found: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found = found.as_array().unwrap();
    let ids: Vec<&str> = found.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["tanya-filer", "g7", "chris-meserole", "un"]);
    let kinds: Vec<&str> = found.iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["expert", "group", "expert", "body"]);
    // The span is in characters, and is the text that named it.
    for m in found {
        let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        let span: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(span, m["text"].as_str().unwrap());
    }
    assert_eq!(found[0]["text"], "Filer's");
    assert_eq!(found[0]["start"], 5);
    assert_eq!(found[3]["text"], "the UN");
}

#[test]
fn names_are_found_as_people_write_them() {
    let k = Knowledge::new(bundled());
    for (text, want) in [
        // Glued, spaced and hyphenated acronyms, number words, plurals and possessives.
        ("the G-7s and I 2 U 2", vec!["g7", "i2u2"]),
        ("what the three seas initiative did", vec!["3si"]),
        (
            "3SI vs BRI vs the Belt and Road Initiative",
            vec!["3si", "bri"],
        ),
        ("Meserole's list", vec!["chris-meserole"]),
        ("ODI's staff and the UN's body", vec!["odi", "un"]),
        ("UN's view, BRI's loans", vec!["un", "bri"]),
        // Lowercase is fine for a name with a digit.
        ("g7 and i2u2", vec!["g7", "i2u2"]),
        // An accent typed apart from its letter.
        ("Ferna\u{301}ndez said", vec!["jose-w-fernandez"]),
        // A surname one typo off, capitalised; a full name in any case.
        ("Pantulano said", vec!["sara-pantuliano"]),
        (
            "tanya filer and sara pantuliano agree",
            vec!["tanya-filer", "sara-pantuliano"],
        ),
        // Each entity once, at its first mention.
        ("G7, then the G7 again, then Group of Seven", vec!["g7"]),
        // A capitalised surname after a first name the data does not know is someone else's;
        // after an ordinary word it is the expert's.
        (
            "Ben Weiss wrote it. And Meserole agreed",
            vec!["chris-meserole"],
        ),
        // Organisations are bodies of the data.
        (
            "people at ODI, StateUp and Brookings",
            vec!["odi", "stateup", "brookings-ai-initiative"],
        ),
    ] {
        assert_eq!(ids(&k, text), want, "{text}");
    }
}

#[test]
fn ordinary_words_name_nothing() {
    let k = Knowledge::new(bundled());
    for text in [
        "We should meet next week to discuss the budget and the agenda.",
        // A surname that is an ordinary word only counts written as a name.
        "the weiss beer was fine, and the filer of the report is away",
        // Capitalised ordinary words are not typos of short names.
        "Files, Filed, Filter, Filler, Fixer and Tiler. Brick, Bricks, Brice. Bookings. Weirs.",
        // A short name written in capitals in the data counts only in capitals.
        "an un-ambitious plan at /un/ and Bri said so",
        "",
        "…’”",
        "ηλιος 한국 data",
    ] {
        assert_eq!(ids(&k, text), Vec::<String>::new(), "{text}");
    }
    let out = minilateral(&["mentions", "nothing here"]);
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn a_name_is_whole_written_words() {
    let k = Knowledge::new(bundled());
    // Another group's name, or names glued into one word, are not the G7.
    for text in [
        "G77G77",
        "the G77 met",
        "7G7G",
        "G7G7G7G7",
        "xG7 and G7x",
        "Filer7 and 7Meserole",
    ] {
        assert_eq!(ids(&k, text), Vec::<String>::new(), "{text}");
    }
    // Glued text of any length names nothing and reports no span across it.
    let glued = "G7".repeat(5_000);
    assert!(k.mentions(&glued).is_empty());
    let glued = format!("{} and the G7", "G7".repeat(5_000));
    let found = k.mentions(&glued);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "G7");
    assert_eq!(found[0].start, 10_009);
    // Glued text after a name is not part of it.
    let found = k.mentions(&format!("the G7 {}", "G7".repeat(5_000)));
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].text.as_str(), found[0].end), ("G7", 6));
    // The words of one name stand close together.
    let far = format!("G{}7", "!".repeat(100));
    for text in [far.as_str(), "G\n7", "G Dr Dr Dr 7", "odis and bris"] {
        assert_eq!(ids(&k, text), Vec::<String>::new(), "{text:?}");
    }
    // Whole words still make names however they are joined to the next word, or to a word of
    // a script written without spaces, or to a footnote's mark.
    for (text, want) in [
        ("G7-led, G7/BRICS, (I2U2)", vec!["g7", "brics", "i2u2"]),
        ("the G7s and Meserole's", vec!["g7", "chris-meserole"]),
        ("G7峰会, 日本はBRICSの, G7은", vec!["g7", "brics"]),
        ("as Meserole¹ wrote", vec!["chris-meserole"]),
        ("Jose W. Fernandez said", vec!["jose-w-fernandez"]),
    ] {
        assert_eq!(ids(&k, text), want, "{text}");
    }
}

#[test]
fn ask_message_answers_the_message_command() {
    let out = minilateral(&[
        "ask",
        "--message",
        "What did Filer say about 3SI?",
        "--json",
    ]);
    assert!(out.status.success());
    let body: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(body["data"]["flags"], 64, "private");
    assert_eq!(body["data"]["embeds"][0]["title"], "Named in this message");
    let labels = crate::body_labels(&body);
    assert_eq!(labels, ["Tanya Filer", "3SI"]);
    // A line and --message together is a usage error.
    let out = minilateral(&["ask", "/about", "--message", "x"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Any text scans without a panic, and every span is the text it names, in characters. The
/// text is made of names and parts of names, some of them set apart by spaces, so that at least
/// FLOOR % of the cases find a name whose span is checked (about 90 % do; glued to other
/// letters alone, "Filer" and "G7" were found in fewer than half).
#[test]
fn any_text_scans() {
    const CASES: u32 = 256;
    const FLOOR: usize = 70;
    let text = "(\\PC|[A-Z][a-z0-9]{0,3}|G7|UN's|Filer| Filer | G7 | ){0,40}";
    let found = crate::properties::run_counting(CASES, &text, |text| {
        let found = knowledge().mentions(&text);
        for m in &found {
            let span: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            proptest::prop_assert_eq!(span, m.text.clone());
        }
        Ok(!found.is_empty())
    });
    crate::properties::require_share("texts with a name found", found, CASES, FLOOR);
}

/// The bundled knowledge, built once for the property test.
fn knowledge() -> &'static Knowledge {
    static K: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
    K.get_or_init(|| Knowledge::new(bundled()))
}

#[test]
fn a_word_of_several_units_after_a_capitalised_one_is_no_trouble() {
    // "Q7" folds to two units of one written word; the unit "7" follows a capitalised unit
    // ("q") that is not a word of the passages.
    let k = Knowledge::new(bundled());
    assert_eq!(ids(&k, "Q7 and X2, then Filer"), ["tanya-filer"]);
}

/// A name written with its acronym in parentheses is found by either part, in capitals or not.
#[test]
fn a_parenthesised_acronym_names_its_entity() {
    let data = crate::matching::people_data(
        &["Ann Lee"],
        &[],
        &[
            ("Three Coasts Academy (3CA)", &[]),
            ("Three Capitals Hub", &[]),
        ],
    );
    let k = Knowledge::new(data);
    assert_eq!(
        ids(&k, "The 3CA's report, and what Three Coasts Academy said"),
        ["3-coasts-academy-3-ca"]
    );
    assert_eq!(
        ids(&k, "Three Coasts Academy said so."),
        ["3-coasts-academy-3-ca"]
    );
}

/// The ids a message names, each with how it was read (`name`, `surname`, `first_name`,
/// `typo`).
fn reads(k: &Knowledge, text: &str) -> Vec<(String, String)> {
    k.mentions(text)
        .into_iter()
        .map(|m| {
            let read = serde_json::to_value(m.read).unwrap();
            (m.id.to_string(), read.as_str().unwrap().to_string())
        })
        .collect()
}

/// Chat as people write it (issue 29): a surname in lower case, a first name alone.
#[test]
fn chat_style_names_are_found() {
    let k = Knowledge::new(bundled());
    for (text, want) in [
        // A surname in lower case that is no word of the language nor of the passages.
        ("did anyone read meserole on this?", vec!["chris-meserole"]),
        (
            "pantuliano's point, and weiss's reply",
            vec!["sara-pantuliano", "antonio-weiss"],
        ),
        ("ask fernandez about it", vec!["jose-w-fernandez"]),
        // A first name alone, capitalised, that only one person in the data has.
        (
            "according to Tanya, the G7 should act",
            vec!["tanya-filer", "g7"],
        ),
        (
            "Sara and Antonio disagree",
            vec!["sara-pantuliano", "antonio-weiss"],
        ),
        ("as Chris said", vec!["chris-meserole"]),
        // After a chat abbreviation, which is no word of the language but no first name.
        ("imo meserole is right", vec!["chris-meserole"]),
        ("btw weiss said so", vec!["antonio-weiss"]),
        ("ok meserole, fair", vec!["chris-meserole"]),
        // A typo of a surname after that person's own first name is still that person.
        ("Chris Meserol said", vec!["chris-meserole"]),
        ("Sara Pantulano said", vec!["sara-pantuliano"]),
    ] {
        assert_eq!(ids(&k, text), want, "{text}");
    }
    // Each says how it was read.
    let read = |id: &str, how: &str| (id.to_string(), how.to_string());
    assert_eq!(
        reads(
            &k,
            "Tanya and meserole, Pantulano and jose w. fernandez, and the UN"
        ),
        [
            read("tanya-filer", "first_name"),
            read("chris-meserole", "surname"),
            read("sara-pantuliano", "typo"),
            read("jose-w-fernandez", "name"),
            read("un", "name"),
        ]
    );
}

/// What chat-style reading must not take for a name.
#[test]
fn chat_style_traps_name_nothing() {
    let k = Knowledge::new(bundled());
    for text in [
        // A first name in lower case is a word, not a name.
        "tanya said so",
        // A lower-case surname after a word that is no word of the language: someone else's
        // first name.
        "ben weiss wrote it",
        // A first name followed by a surname the data does not hold: someone else.
        "Chris Smith wrote it",
        "Tanya Jones agreed",
        // A typo is forgiven only in a capitalised word.
        "pantulano said",
        // A lower-case surname after an article is an ordinary word.
        "the meserole thing",
        // After a first name that is also a word (a first name of the census list): someone
        // else's surname, not the expert's.
        "mark fernandez said so",
        "bill weiss wrote that",
        "rose fernandez agreed",
        "max weiss too",
        // A surname that is a word the list does not hold but one it derives ("file" + "r").
        "as a late filer I got fined",
        "every tax filer should know",
        // A first name right after another capitalised first name is someone else's.
        "Jose Antonio said",
        "then Tanya Meserole said",
    ] {
        assert_eq!(ids(&k, text), Vec::<String>::new(), "{text}");
    }
}

/// Traps the bundled data cannot show, on a small dataset (`tests/fixtures/chat-names.json`):
/// a surname that is a common word (Ann Baker), one the passages use as a word (Mia Sherpa:
/// "Our sherpa met theirs."), a first name that is a common word (Will Grant), a first name
/// two people share (Chris Example, Chris Other).
#[test]
fn chat_style_names_on_a_dataset_of_traps() {
    let d = minilateral::dataset::Dataset::load(&[minilateral::dataset::DataText::new(
        "chat-names.json",
        crate::fixture_text("chat-names.json"),
    )])
    .unwrap();
    let k = Knowledge::new(d);
    for (text, want) in [
        ("did anyone read okonjo on this?", vec!["ola-okonjo"]),
        ("as Ola said", vec!["ola-okonjo"]),
        // A surname that is a word of the language counts only capitalised.
        ("i asked baker for bread", vec![]),
        ("Baker said so", vec!["ann-baker"]),
        // So does one the passages use as a word.
        ("sherpa work is slow", vec![]),
        ("ask Sherpa", vec!["mia-sherpa"]),
        // A first name two people share names neither.
        ("as Chris said", vec![]),
        // A first name that is a word of the language counts inside a sentence, not at its
        // start, where any word is capitalised.
        ("Will the G7 agree?", vec!["g7"]),
        ("Yes. Will they?", vec![]),
        ("as Will said", vec!["will-grant"]),
        ("grant it", vec![]),
        // Lower case, or before someone else's surname, a first name is no one's.
        ("ola said", vec![]),
        ("Ola Smith said", vec![]),
    ] {
        assert_eq!(ids(&k, text), want, "{text}");
    }
}

/// The message command says how it read a first name or a typo: "Tanya → Tanya Filer".
#[test]
fn the_reply_says_how_a_name_was_read() {
    let out = minilateral(&[
        "ask",
        "--message",
        "according to Tanya, and Pantulano, and meserole",
        "--json",
    ]);
    assert!(out.status.success());
    let body: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = body["data"]["embeds"][0]["description"].as_str().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("Tanya → **Tanya Filer** · expert"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("Pantulano → **Sara Pantuliano** · expert"),
        "{text}"
    );
    // A surname is part of the name: no arrow.
    assert!(
        lines[2].starts_with("**Chris Meserole** · expert"),
        "{text}"
    );
    // `mentions` says it too.
    let out = minilateral(&["mentions", "according to Tanya"]);
    let found: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(found[0]["read"], "first_name");
}
