//! Golden JSON: the exact interaction response body for every command and every outcome,
//! and for autocomplete on each option. `UPDATE_GOLDEN=1 cargo test golden` rewrites them;
//! review the diff before committing.

use minilateral::answer;
use minilateral::command::{self, completion_of_line, parse_line};
use minilateral::datafiles::{self, DataPath};
use minilateral::discord;
use minilateral::knowledge::Knowledge;
use serde_json::Value;

use crate::{fixture, minilateral, stdout};

fn knowledge(data: Option<&str>) -> Knowledge {
    let path = match data {
        Some(rel) => DataPath::Path(fixture(rel)),
        None => DataPath::Bundled,
    };
    Knowledge::new(datafiles::load(&path).expect("fixture data loads"))
}

fn ask_json(k: &Knowledge, line: &str) -> Value {
    let reply = match minilateral::console::ask(line) {
        Ok(asked) => answer::answer(k, &asked),
        Err(e) => answer::request_error(&e),
    };
    serde_json::to_value(discord::encode(&reply)).unwrap()
}

fn complete_json(k: &Knowledge, line: &str) -> Value {
    let c = completion_of_line(&parse_line(line).unwrap()).unwrap();
    serde_json::to_value(discord::encode_choices(&answer::complete(k, &c))).unwrap()
}

fn button_json(k: &Knowledge, id: &str) -> Value {
    let asked = command::parse_button_id(id).unwrap();
    serde_json::to_value(discord::encode(&answer::answer(k, &asked))).unwrap()
}

/// Compares with `tests/golden/NAME.json`, or writes it when UPDATE_GOLDEN is set.
fn golden(name: &str, actual: &Value) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.json"));
    let text = serde_json::to_string_pretty(actual).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    assert_eq!(
        text, expected,
        "{name}: the response changed; if that is intended, run UPDATE_GOLDEN=1 cargo test golden"
    );
}

const ASKED: &[(&str, Option<&str>, &str)] = &[
    ("expert-match", None, "/expert Tanya Filer"),
    ("expert-fuzzy", None, "/expert wiess"),
    (
        "expert-ambiguous",
        Some("two-chrises.json"),
        "/expert chris",
    ),
    ("expert-none", None, "/expert Greta Thunberg"),
    ("expert-none-suggestions", None, "/expert ann"),
    ("expert-other-kind", None, "/expert g7"),
    ("expert-private", None, "/expert name:meserole private:true"),
    ("group-match", None, "/group three seas"),
    ("group-other-kind", None, "/group tanya"),
    ("group-body", None, "/group UN"),
    ("wish-year", None, "/wish 2024"),
    ("wish-expert", None, "/wish year:2024 expert:meserole"),
    ("wish-no-such-year", None, "/wish 2031"),
    ("wish-expert-without-wishes", None, "/wish 2024 fernandez"),
    ("search", None, "/search text:secretariat"),
    ("search-none", None, "/search zzzqqq"),
    ("search-suggestions", None, "/search secretariet"),
    ("about", None, "/about"),
    ("bad-line", None, "/wish soon"),
];

#[test]
fn golden_replies_for_every_command_and_outcome() {
    for (name, data, line) in ASKED {
        let k = knowledge(*data);
        golden(name, &ask_json(&k, line));
    }
}

#[test]
fn golden_autocomplete_for_each_option() {
    let k = knowledge(None);
    for (name, line) in [
        ("complete-expert-prefix", "/expert pan"),
        ("complete-expert-empty", "/expert "),
        ("complete-expert-typo", "/expert fyler"),
        ("complete-group-alias", "/group thr"),
        ("complete-wish-expert", "/wish year:2024 expert:"),
        ("complete-wish-expert-typed", "/wish year:2024 expert:fi"),
    ] {
        golden(name, &complete_json(&k, line));
    }
}

#[test]
fn golden_button_clicks() {
    let k = knowledge(None);
    golden("button-pick-group", &button_json(&k, "pick:group:g7"));
    golden(
        "button-post-expert",
        &button_json(&k, "post:expert:tanya-filer"),
    );
}

#[test]
fn ask_json_prints_the_exact_response_body() {
    let out = minilateral(&["ask", "/expert sara", "--json"]);
    assert!(out.status.success());
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let k = knowledge(None);
    assert_eq!(printed, ask_json(&k, "/expert sara"));
    assert_eq!(printed["type"], 4);
    assert_eq!(
        printed["data"]["allowed_mentions"],
        serde_json::json!({"parse": [], "users": [], "roles": []})
    );
    golden("ask-expert-sara", &printed);
}

#[test]
fn complete_prints_the_autocomplete_body() {
    let out = minilateral(&["complete", "/wish year:2024 expert:fi"]);
    assert!(out.status.success());
    let printed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed["type"], 8);
    assert_eq!(printed["data"]["choices"][0]["value"], "tanya-filer");
}

#[test]
fn a_bad_line_exits_2() {
    let out = minilateral(&["ask", "expert sara"]);
    assert_eq!(out.status.code(), Some(2));
}
