//! People as the article presents them: the panel's experts and the people it quotes outside
//! its panel (Jose W. Fernandez, in the introduction) are two kinds in `mentions`, the message
//! command and autocomplete, and a role is shown in the article's words, never as the data's
//! normalised title.

use serde_json::Value;

use crate::{minilateral, stdout};

/// Fernandez's role as the article writes it (the role's `as_written`).
const AS_WRITTEN: &str =
    "US Undersecretary of State for Economic Growth, Energy, and the Environment";
/// The data's normalised title of that role, kept for matching: the article never says it.
const NORMALISED: &str = "Under Secretary of State";

fn json(args: &[&str]) -> Value {
    let out = minilateral(args);
    assert!(out.status.success(), "{args:?}");
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn mentions_gives_a_person_off_the_panel_the_kind_person() {
    for (text, id, kind) in [
        ("Fernandez said", "jose-w-fernandez", "person"),
        ("Jose W. Fernandez said", "jose-w-fernandez", "person"),
        ("Filer said", "tanya-filer", "expert"),
        ("Sara Pantuliano said", "sara-pantuliano", "expert"),
    ] {
        let found = json(&["mentions", text]);
        assert_eq!(found[0]["id"], id, "{text}");
        assert_eq!(found[0]["kind"], kind, "{text}");
        // The other fields stay as they were.
        let keys: Vec<&str> = found[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["end", "id", "kind", "name", "read", "start", "text"],
            "{text}"
        );
    }
}

#[test]
fn the_message_command_never_calls_a_person_off_the_panel_an_expert() {
    let body = json(&["ask", "--message", "Fernandez and Filer agree", "--json"]);
    let description = body["data"]["embeds"][0]["description"].as_str().unwrap();
    let lines: Vec<&str> = description.lines().collect();
    assert_eq!(
        lines,
        [
            format!("**Jose W. Fernandez** · quoted in the article: {AS_WRITTEN}").as_str(),
            "**Tanya Filer** · expert: CEO, StateUp",
        ]
    );
    assert!(!description.contains(NORMALISED), "{description}");
    // His button still opens his card.
    assert_eq!(
        body["data"]["components"][0]["components"][0]["custom_id"],
        "pick:expert:jose-w-fernandez"
    );
}

#[test]
fn autocomplete_labels_a_person_off_the_panel_as_quoted_with_the_articles_words() {
    let choices = |line: &str| -> Vec<(String, String)> {
        let body = json(&["complete", line]);
        body["data"]["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["name"].as_str().unwrap().to_string(),
                    c["value"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let typed = choices("/expert fernandez");
    let (label, value) = &typed[0];
    assert_eq!(value, "jose-w-fernandez");
    // The standing first, then the role as written, cut at Discord's 100 characters.
    let words = label
        .strip_prefix("Jose W. Fernandez — quoted in the article: ")
        .unwrap_or_else(|| panic!("{label}"))
        .trim_end_matches('…');
    assert!(
        words.starts_with("US Undersecretary of State") && AS_WRITTEN.starts_with(words),
        "{label}"
    );
    for (label, value) in choices("/expert ") {
        assert!(!label.contains(NORMALISED), "{label}");
        let quoted = label.contains("quoted in the article");
        assert_eq!(quoted, value == "jose-w-fernandez", "{label}");
    }
}
