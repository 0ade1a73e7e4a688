//! Property tests over everything a stranger can send: console lines, interaction JSON from
//! Discord (or from anyone, to the HTTP endpoint), and what comes back. No input may panic, and
//! every reply stays within Discord's limits. Thousands of cases per property.

use std::sync::OnceLock;

use minilateral::command::{completion_of_line, parse_line, request};
use minilateral::knowledge::Knowledge;
use minilateral::{answer, console, discord};
use proptest::prelude::*;
use serde_json::{Value, json};
use serenity::all::Interaction;

use crate::limits::{choices_problems, message_problems};

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::new(crate::bundled()))
}

fn fixture(name: &str) -> Value {
    static CACHE: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        [
            "02-command-expert-string-option.json",
            "03-command-wish-integer-option.json",
            "04-autocomplete-expert-focused.json",
            "05-component-button-click.json",
            "07-autocomplete-wish-focused-with-filled-integer.json",
        ]
        .iter()
        .map(|f| {
            let v = serde_json::from_str(&crate::fixture_text(&format!("discord/{f}"))).unwrap();
            (f.to_string(), v)
        })
        .collect()
    });
    all.iter()
        .find(|(n, _)| n.starts_with(name))
        .unwrap()
        .1
        .clone()
}

/// Checks a response body as Discord would: a message or autocomplete choices within limits.
fn within_limits(body: &Value) -> Result<(), TestCaseError> {
    let problems = match body["type"].as_u64() {
        Some(4) => message_problems(body),
        Some(8) => choices_problems(body),
        other => vec![format!("unexpected response type {other:?}")],
    };
    prop_assert!(problems.is_empty(), "{problems:?} in {body}");
    Ok(())
}

fn respond(interaction: &Interaction) -> Result<(), TestCaseError> {
    let response = discord::respond(knowledge(), interaction);
    within_limits(&serde_json::to_value(&response.body).unwrap())
}

/// Text a person might type: names, punctuation, markdown, mentions, any Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,120}",
        "[a-zA-Z .,'-]{0,40}",
        Just("@everyone <@123> **x** `y` ||z||".to_string()),
        "\\PC{0,6000}",
    ]
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        "\\PC{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn any_console_line_is_answered_within_limits(
        command in prop::sample::select(vec!["/expert ", "/group ", "/wish ", "/search ", "/about ", "/", "", "/wish year:", "/expert name:"]),
        rest in text(),
    ) {
        let line = format!("{command}{rest}");
        if let Ok(parsed) = parse_line(&line) {
            let reply = match request(parsed.command, &parsed.options) {
                Ok(asked) => answer::answer(knowledge(), &asked),
                Err(e) => answer::request_error(&e),
            };
            within_limits(&serde_json::to_value(discord::encode(&reply)).unwrap())?;
            let _ = console::render(&reply);
            if let Some(c) = completion_of_line(&parsed) {
                let choices = answer::complete(knowledge(), &c);
                within_limits(&serde_json::to_value(discord::encode_choices(&choices)).unwrap())?;
            }
        }
    }

    #[test]
    fn arbitrary_json_never_panics_the_decoder(value in any_json()) {
        if let Ok(interaction) = serde_json::from_value::<Interaction>(value) {
            let _ = discord::respond(knowledge(), &interaction);
        }
    }

    #[test]
    fn interactions_with_arbitrary_option_values_are_answered_within_limits(
        which in prop::sample::select(vec!["02", "03", "04", "05", "07"]),
        text in text(),
        number in any::<i64>(),
        as_number in any::<bool>(),
    ) {
        let mut v = fixture(which);
        match which {
            "05" => v["data"]["custom_id"] = json!(text),
            "03" => v["data"]["options"][0]["value"] = if as_number { json!(number) } else { json!(text) },
            _ => {
                let n = v["data"]["options"].as_array().map_or(0, Vec::len);
                v["data"]["options"][n - 1]["value"] = json!(text);
            }
        }
        if let Ok(interaction) = serde_json::from_value::<Interaction>(v) {
            respond(&interaction)?;
        }
    }

    #[test]
    fn unknown_command_and_option_names_are_answered(
        name in "[a-z]{1,12}",
        option in "[a-z]{1,12}",
        value in text(),
    ) {
        let mut v = fixture("02");
        v["data"]["name"] = json!(name);
        v["data"]["options"][0]["name"] = json!(option);
        v["data"]["options"][0]["value"] = json!(value);
        if let Ok(interaction) = serde_json::from_value::<Interaction>(v) {
            respond(&interaction)?;
        }
    }
}
