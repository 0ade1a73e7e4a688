//! Golden replies as insta snapshots: the exact interaction response body for every command and
//! every outcome, for autocomplete on each option and for button clicks, one named snapshot per
//! case in `tests/it/snapshots/it__golden__NAME.snap`.
//!
//! When a reply changes, the test fails and shows the diff for each changed case (all of them in
//! one run), and outside CI insta writes the new reply beside the old one as `NAME.snap.new`.
//! Review and accept them one by one:
//!
//! - with `cargo insta review` (from `cargo install cargo-insta`): shows each change and asks to
//!   accept, reject or skip it; or
//! - without cargo-insta: `INSTA_UPDATE=always cargo test --test it golden` rewrites the changed
//!   snapshots in place, then `git diff tests/it/snapshots` shows each change, and `git add -p`
//!   / `git checkout -- FILE` accept or undo them one by one (delete any leftover `*.snap.new`).
//!
//! In CI (`CI` set) insta never writes a file: a missing or changed snapshot only fails.
use minilateral::answer;
use minilateral::command::{self, completion_of_line, parse_line};
use minilateral::datafiles::{self, DataPath};
use minilateral::discord;
use minilateral::knowledge::Knowledge;
use serde_json::Value;

use crate::{fixture, minilateral, stdout};
use minilateral::reply::Visibility;

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

/// Compares `actual` with the snapshot `tests/it/snapshots/it__golden__NAME.snap`. A missing or
/// changed snapshot fails; outside CI insta also writes `NAME.snap.new` beside it, for review.
/// The snapshot's header says what was asked (`input`), for the reviewer.
fn golden(name: &str, input: &str, actual: &Value) {
    insta::with_settings!({ description => input, omit_expression => true }, {
        insta::assert_json_snapshot!(name, actual);
    });
}

/// Checks every case, not only up to the first change, so that one run shows (and, outside CI,
/// writes for review) every changed reply; then fails naming them all.
fn golden_all<'a>(cases: impl IntoIterator<Item = (&'a str, &'a str, Value)>) {
    let changed: Vec<&str> = cases
        .into_iter()
        .filter(|(name, input, actual)| {
            let check = || golden(name, input, actual);
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).is_err()
        })
        .map(|(name, _, _)| name)
        .collect();
    assert!(
        changed.is_empty(),
        "snapshots changed or missing: {changed:?}; see the module doc of tests/it/golden.rs"
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
    // A typo close enough to match: hits, no question.
    ("search-typo", None, "/search secretariet"),
    // A typo too far from any word to match ("cooperate" less two letters), close enough to
    // be suggested: the did-you-mean branch (checked below).
    ("search-suggestions", None, "/search coopate"),
    ("country", None, "/country india"),
    ("country-other-name", None, "/country emirati"),
    ("country-in-no-group", None, "/country saudi arabia"),
    ("country-none", None, "/country narnia"),
    ("overlap-all", None, "/overlap"),
    ("overlap-two-typed", None, "/overlap bricks and i2u2"),
    ("overlap-unknown", None, "/overlap g7 g77"),
    ("overlap-none", None, "/overlap nato"),
    ("about", None, "/about"),
    (
        "ask-wishes",
        None,
        "/ask what does Meserole hope for the G7?",
    ),
    (
        "ask-who-through-organisation",
        None,
        "/ask who's the CEO of ODI",
    ),
    ("ask-members", None, "/ask which countries are in I2U2?"),
    (
        "ask-country",
        None,
        "/ask is Israel in any of these groups?",
    ),
    (
        "ask-not-answered-named",
        None,
        "/ask what does Meserole think about crypto?",
    ),
    ("ask-not-answered", None, "/ask how do i install python"),
    ("bad-line", None, "/wish soon"),
];

#[test]
fn golden_replies_for_every_command_and_outcome() {
    golden_all(
        ASKED
            .iter()
            .map(|(name, data, line)| (*name, *line, ask_json(&knowledge(*data), line))),
    );
}

/// The "search-suggestions" case really is the did-you-mean branch of `/search`: no hit, the
/// question, and a button per suggested word that searches for it.
#[test]
fn search_suggestions_case_reaches_did_you_mean() {
    let line = ASKED
        .iter()
        .find(|(name, _, _)| *name == "search-suggestions")
        .unwrap()
        .2;
    let body = ask_json(&knowledge(None), line);
    let content = body["data"]["content"].as_str().unwrap_or("");
    assert!(
        content.contains("Did you mean one of these words?"),
        "{line}: not the did-you-mean branch: {body:#}"
    );
    let searches: Vec<&str> = body["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .filter_map(|b| b["custom_id"].as_str())
        .filter(|id| id.starts_with("post:search:"))
        .collect();
    assert!(
        !searches.is_empty(),
        "{line}: no suggestion button: {body:#}"
    );
}

#[test]
fn golden_autocomplete_for_each_option() {
    let k = knowledge(None);
    let cases = [
        ("complete-expert-prefix", "/expert pan"),
        ("complete-expert-empty", "/expert "),
        ("complete-expert-typo", "/expert fyler"),
        ("complete-group-alias", "/group thr"),
        ("complete-wish-expert", "/wish year:2024 expert:"),
        ("complete-wish-expert-typed", "/wish year:2024 expert:fi"),
        ("complete-country-typed", "/country name:u"),
        ("complete-overlap-next", "/overlap groups:g7, "),
        ("complete-overlap-typed", "/overlap groups:three seas b"),
    ]
    .map(|(name, line)| (name, line, complete_json(&k, line)));
    golden_all(cases);
}

#[test]
fn golden_button_clicks() {
    let k = knowledge(None);
    golden_all(
        [
            ("button-pick-group", "pick:group:g7"),
            ("button-post-expert", "post:expert:tanya-filer"),
            ("button-post-ask", POST_ASK),
        ]
        .map(|(name, id)| (name, id, button_json(&k, id))),
    );
}

/// The "Post to channel" button of a private /ask answer (the message command's).
const POST_ASK: &str = "post:ask:Does anyone know if the G7 has a permanent secretariat?";

/// Clicking it answers the question again, in public, with the same card the private answer
/// showed, and without a button to post it again.
#[test]
fn the_post_button_of_an_answer_posts_it() {
    let k = knowledge(None);
    let private = {
        let asked = command::Asked {
            request: command::Request::of_message(
                command::MessageCommand::Answer,
                "Does anyone know if the G7 has a permanent secretariat?".to_string(),
            ),
            visibility: Visibility::Private,
        };
        serde_json::to_value(discord::encode(&answer::answer(&k, &asked))).unwrap()
    };
    let ids = |body: &Value| -> Vec<String> {
        body["data"]["components"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|row| row["components"].as_array().into_iter().flatten())
            .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(private["data"]["flags"], 64);
    assert!(ids(&private).contains(&POST_ASK.to_string()), "{private:#}");
    let posted = button_json(&k, POST_ASK);
    assert_eq!(posted["type"], 4);
    assert_eq!(posted["data"]["flags"], 0, "posted in public: {posted:#}");
    assert_eq!(posted["data"]["embeds"], private["data"]["embeds"]);
    assert!(
        !ids(&posted).iter().any(|id| id.starts_with("post:ask:")),
        "{posted:#}"
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
    golden(
        "ask-expert-sara",
        "minilateral ask '/expert sara' --json",
        &printed,
    );
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

/// The message commands: "Find experts and groups" for a message that names four entities,
/// and one that names none; "Answer from the article" for a question, and for a message far
/// too long to be one.
#[test]
fn golden_message_command() {
    let k = knowledge(None);
    let run = |command: command::MessageCommand, text: &str| {
        let asked = command::Asked {
            request: command::Request::of_message(command, text.to_string()),
            visibility: Visibility::Private,
        };
        serde_json::to_value(discord::encode(&answer::answer(&k, &asked))).unwrap()
    };
    let message = |text: &str| run(command::MessageCommand::FindNames, text);
    let question = |text: &str| run(command::MessageCommand::Answer, text);
    let named = "Filer's point about the G7 secretariat and what Meserole wants from the UN…";
    let none = "See you at lunch.";
    let asked = "Does anyone know if the G7 has a permanent secretariat?";
    let long = "why ".repeat(500);
    golden_all([
        ("message-names", named, message(named)),
        ("message-names-nothing", none, message(none)),
        ("message-answer", asked, question(asked)),
        ("message-answer-too-long", "why × 500", question(&long)),
    ]);
}
