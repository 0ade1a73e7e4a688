//! Property tests over everything a stranger can send: console lines, interaction JSON from
//! Discord (or from anyone, to the HTTP endpoint), and what comes back. No input may panic, and
//! every reply stays within Discord's limits. Thousands of cases per property. Besides any JSON
//! and any option values in the recorded interactions, a strategy generates well-formed
//! interactions (commands and autocompletes of the command table, clicks on the bot's own
//! buttons, and some of what the bot does not know), most of which must reach the answers.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use minilateral::command::{
    self, Asked, NameOrId, OptionSpec, OptionType, Request, TABLE, completion_of_line, parse_line,
    request,
};
use minilateral::dataset::Id;
use minilateral::knowledge::Knowledge;
use minilateral::reply::Visibility;
use minilateral::{answer, console, discord};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};
use serenity::all::Interaction;

use crate::limits::{choices_problems, message_problems};

mod decoder;

pub(crate) fn knowledge() -> &'static Knowledge {
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
pub(crate) fn within_limits(body: &Value) -> Result<(), TestCaseError> {
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
pub(crate) fn any_json() -> impl Strategy<Value = Value> {
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

/// Runs `property` on `cases` values of `strategy` as `proptest!` would (a failure is shrunk and
/// reported) and returns how many of them it used rather than set aside (`Ok(true)`): a property
/// that sets cases aside must show that most of them still reach the code it tests.
pub(crate) fn run_counting<S: Strategy>(
    cases: u32,
    strategy: &S,
    property: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) -> usize {
    let (ran, used) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let result = TestRunner::new(config).run(strategy, |value| {
        ran.fetch_add(1, Ordering::Relaxed);
        if property(value)? {
            used.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // A run that passes calls the property once per case (nothing here rejects a case).
    assert_eq!(ran.into_inner(), cases as usize);
    used.into_inner()
}

/// Fails unless `used` of `cases` is at least `floor` percent; prints the share (`--nocapture`).
pub(crate) fn require_share(what: &str, used: usize, cases: u32, floor: usize) {
    let share = used * 100 / cases as usize;
    eprintln!("{what}: {used} of {cases} ({share} %, floor {floor} %)");
    assert!(
        share >= floor,
        "{what}: only {used} of {cases} cases ({share} %) got through, fewer than {floor} %"
    );
}

/// A console line as typed: mostly a command of the table with any text after it, sometimes
/// text with no command or no slash.
fn console_line() -> impl Strategy<Value = String> {
    let command = prop::sample::select(vec![
        "/expert ",
        "/group ",
        "/wish ",
        "/search ",
        "/about ",
        "/",
        "",
        "/wish year:",
        "/expert name:",
    ]);
    (command, string_value()).prop_map(|(command, rest)| format!("{command}{rest}"))
}

/// Every console line is answered within Discord's limits, as the console answers it: an error
/// for a line that is no request, else the answer and, if the line ends in an option, its
/// completions. At least FLOOR % of the lines must be requests that reach the answers (about
/// 41 % are: lines with no command, `/about` with words after it and `/wish` with a word that
/// is no year are errors, as are names longer than 100 characters).
#[test]
fn any_console_line_is_answered_within_limits() {
    const CASES: u32 = 3000;
    const FLOOR: usize = 30;
    let answered = run_counting(CASES, &console_line(), |line| {
        let (reply, answered) = match parse_line(&line) {
            Ok(parsed) => {
                if let Some(c) = completion_of_line(&parsed) {
                    let choices = answer::complete(knowledge(), &c);
                    within_limits(
                        &serde_json::to_value(discord::encode_choices(&choices)).unwrap(),
                    )?;
                }
                match request(parsed.command, &parsed.options) {
                    Ok(asked) => (answer::answer(knowledge(), &asked), true),
                    Err(e) => (answer::request_error(&e), false),
                }
            }
            Err(e) => (answer::request_error(&e), false),
        };
        within_limits(&serde_json::to_value(discord::encode(&reply)).unwrap())?;
        let _ = console::render(&reply);
        Ok(answered)
    });
    require_share("console lines answered", answered, CASES, FLOOR);
}

/// The recorded interactions with any text (or number) as their last option's value, or as a
/// button's id: all decode but an integer option given text (a tenth of the cases), and every
/// response is within limits. At least FLOOR % must decode and be answered (about 90 % are).
#[test]
fn interactions_with_arbitrary_option_values_are_answered_within_limits() {
    const CASES: u32 = 3000;
    const FLOOR: usize = 80;
    let cases = (
        prop::sample::select(vec!["02", "03", "04", "05", "07"]),
        text(),
        any::<i64>(),
        any::<bool>(),
    );
    let decoded = run_counting(CASES, &cases, |(which, text, number, as_number)| {
        let mut v = fixture(which);
        match which {
            "05" => v["data"]["custom_id"] = json!(text),
            "03" => {
                v["data"]["options"][0]["value"] = if as_number {
                    json!(number)
                } else {
                    json!(text)
                }
            }
            _ => {
                let n = v["data"]["options"].as_array().map_or(0, Vec::len);
                v["data"]["options"][n - 1]["value"] = json!(text);
            }
        }
        match serde_json::from_value::<Interaction>(v.clone()) {
            Ok(interaction) => respond(&interaction).map(|()| true),
            Err(_) if which == "03" && !as_number => Ok(false),
            Err(e) => Err(TestCaseError::fail(format!("{e} for {v}"))),
        }
    });
    require_share(
        "interactions with any option value answered",
        decoded,
        CASES,
        FLOOR,
    );
}

/// A command and option the bot does not know, in the envelope of a recorded command: every one
/// decodes (a case that does not fails, and is shrunk) and is answered within limits.
#[test]
fn unknown_command_and_option_names_are_answered() {
    const CASES: u32 = 3000;
    let cases = ("[a-z]{1,12}", "[a-z]{1,12}", text());
    let answered = run_counting(CASES, &cases, |(name, option, value)| {
        let mut v = fixture("02");
        v["data"]["name"] = json!(name);
        v["data"]["options"][0]["name"] = json!(option);
        v["data"]["options"][0]["value"] = json!(value);
        let interaction = serde_json::from_value::<Interaction>(v.clone())
            .map_err(|e| TestCaseError::fail(format!("{e} for {v}")))?;
        respond(&interaction).map(|()| true)
    });
    require_share("unknown names answered", answered, CASES, 100);
}

/// Names and ids of the bundled data's experts and groups: option values and button ids that
/// find something.
fn known_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let d = &knowledge().dataset;
        let experts = d
            .experts()
            .iter()
            .flat_map(|e| [e.name.clone(), e.id.to_string()]);
        let groups = d
            .groups()
            .iter()
            .flat_map(|g| [g.name.clone(), g.id.to_string()]);
        experts.chain(groups).collect()
    })
}

/// A string option's value: a known name, a year, or any text.
fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(known_names()),
        1 => (2018..2032i64).prop_map(|y| y.to_string()),
        3 => text(),
    ]
}

/// An integer option's value: mostly near the data's years.
fn integer_value() -> impl Strategy<Value = i64> {
    prop_oneof![3 => 2018..2032i64, 1 => any::<i64>()]
}

/// Discord's option type for one of ours.
fn discord_type(kind: OptionType) -> u8 {
    match kind {
        OptionType::String => 3,
        OptionType::Integer => 4,
        OptionType::Boolean => 5,
    }
}

/// A value as Discord sends it for option type `kind` (3 string, 4 integer, 5 boolean,
/// 10 number, 6 user: a snowflake as a string).
fn value_of_type(kind: u8) -> BoxedStrategy<Value> {
    match kind {
        3 => string_value().prop_map(Value::String).boxed(),
        4 => integer_value().prop_map(|n| json!(n)).boxed(),
        5 => any::<bool>().prop_map(Value::Bool).boxed(),
        10 => any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(|n| json!(n))
            .boxed(),
        _ => "[1-9][0-9]{17}".prop_map(Value::String).boxed(),
    }
}

/// One option of command `spec` as Discord sends it: mostly its declared name and type, now and
/// then an unknown name or another type. `None` when left out (always possible for optional
/// options, rarely for required ones).
fn option_json(spec: &'static OptionSpec) -> impl Strategy<Value = Option<Value>> {
    let name = prop_oneof![
        29 => Just(spec.name().to_string()),
        1 => "[a-z]{1,12}",
    ];
    let kind = prop_oneof![
        29 => Just(discord_type(spec.kind)),
        1 => prop::sample::select(vec![3u8, 4, 5, 6, 10]),
    ];
    let present = if spec.required { 0.97 } else { 0.5 };
    (prop::bool::weighted(present), name, kind).prop_flat_map(|(present, name, kind)| {
        value_of_type(kind).prop_map(move |value| {
            present.then(|| json!({"type": kind, "name": name, "value": value}))
        })
    })
}

/// The options of one command: each of its declared options (or none of them for an unknown
/// command), in a random order.
fn options_json(command: &str) -> BoxedStrategy<Vec<Value>> {
    let Some(spec) = TABLE.iter().find(|s| s.name == command) else {
        return prop::collection::vec(
            ("[a-z]{1,12}", value_of_type(3))
                .prop_map(|(name, value)| json!({"type": 3, "name": name, "value": value})),
            0..3,
        )
        .boxed();
    };
    spec.options
        .iter()
        .map(option_json)
        .collect::<Vec<_>>()
        .prop_map(|options| options.into_iter().flatten().collect::<Vec<_>>())
        .prop_shuffle()
        .boxed()
}

/// A command name: mostly one of the table's, sometimes one the bot does not have.
fn command_name() -> impl Strategy<Value = String> {
    let known: Vec<String> = TABLE.iter().map(|s| s.name.to_string()).collect();
    prop_oneof![
        15 => prop::sample::select(known),
        1 => "[a-z]{1,12}",
    ]
}

/// The `data` of an application command (interaction type 2) or an autocomplete (type 4);
/// an autocomplete has one focused option, whose value is the partial text as a string
/// whatever the option's type.
fn command_data(autocomplete: bool) -> impl Strategy<Value = Value> {
    command_name().prop_flat_map(move |name| {
        // Mostly an option that has autocomplete, as Discord sends only those.
        let with_autocomplete = TABLE
            .iter()
            .find(|s| s.name == name)
            .and_then(|s| s.options.iter().find(|o| o.choices.autocompleted()))
            .map_or(("name".to_string(), 3), |o| {
                (o.name().to_string(), discord_type(o.kind))
            });
        let focused = prop_oneof![
            4 => Just(with_autocomplete),
            1 => ("[a-z]{1,12}", Just(3u8)),
        ];
        (
            options_json(&name),
            focused,
            text(),
            any::<prop::sample::Index>(),
        )
            .prop_map(move |(mut options, (focused, kind), partial, at)| {
                if autocomplete {
                    // The focused option replaces any option of that name.
                    options.retain(|o| o["name"] != focused.as_str());
                    let o =
                        json!({"type": kind, "name": focused, "value": partial, "focused": true});
                    options.insert(at.index(options.len() + 1), o);
                }
                json!({
                    "id": "1200000000000000001",
                    "name": name,
                    "type": 1,
                    "version": "1210000000000000001",
                    "options": options,
                })
            })
    })
}

/// An entity or article as a request names it: a known or random name, as an id or as typed
/// (a button carries either as the same text). Boxed: nested unions of unboxed strategies
/// make stack frames that overflow a test thread's stack in a debug build.
fn named() -> BoxedStrategy<NameOrId> {
    prop_oneof![
        string_value().prop_map(|s| NameOrId::Id(Id::new(s))),
        string_value().prop_map(NameOrId::Typed),
    ]
    .boxed()
}

/// A button's custom id: mostly one the bot makes (`command::button_id`) for a request with a
/// known or random name, sometimes any text.
fn custom_id() -> impl Strategy<Value = String> {
    let request = prop_oneof![
        named().prop_map(|expert| Request::Expert { expert }),
        named().prop_map(|group| Request::Group { group }),
        (integer_value(), prop::option::of(named()), 1..20u32)
            .prop_map(|(year, expert, page)| Request::Wish { year, expert, page }),
        (string_value(), 1..20u32, prop::option::of(named())).prop_map(|(text, page, article)| {
            Request::Search {
                text,
                page,
                article,
            }
        }),
        (prop::option::of(named()), 1..20u32)
            .prop_map(|(article, page)| Request::Article { article, page }),
        string_value().prop_map(|groups| Request::Overlap { groups }),
        Just(Request::About),
    ];
    let visibility = prop_oneof![Just(Visibility::Public), Just(Visibility::Private)];
    let made = (request, visibility).prop_filter_map("id too long", |(request, visibility)| {
        command::button_id(&Asked {
            request,
            visibility,
        })
    });
    prop_oneof![
        8 => made,
        1 => "\\PC{0,100}",
        1 => "(pick|post|open):\\PC{0,40}",
    ]
}

/// A structurally valid interaction as Discord sends it: an application command, an
/// autocomplete or a button click, in the envelope of the recorded fixtures.
fn interaction_json() -> impl Strategy<Value = Value> {
    let with = |base: &str, kind: u8| {
        let mut v = fixture(base);
        v["type"] = json!(kind);
        move |data: Value| {
            let mut v = v.clone();
            v["data"] = data;
            v
        }
    };
    prop_oneof![
        3 => command_data(false).prop_map(with("02", 2)),
        2 => command_data(true).prop_map(with("04", 4)),
        2 => custom_id()
            .prop_map(|id| json!({"component_type": 2, "custom_id": id}))
            .prop_map(with("05", 3)),
    ]
}

/// Whether the core reads the interaction as a request (and so answers it with what it knows,
/// not with an explanation of what was wrong).
fn reaches_the_answers(interaction: &Interaction) -> bool {
    match interaction {
        Interaction::Command(c) => discord::decode_command(c).is_ok(),
        Interaction::Autocomplete(c) => discord::decode_completion(c).is_some(),
        Interaction::Component(c) => command::parse_button_id(&c.data.custom_id).is_some(),
        _ => false,
    }
}

/// Generated interactions all decode, most of them (80 % or more, and half or more of each
/// kind) are requests the core answers, and every response is within Discord's limits.
#[test]
fn generated_interactions_decode_reach_the_answers_and_stay_within_limits() {
    // Per kind (command, autocomplete, button): cases, and cases that reached the answers.
    let seen: [[AtomicUsize; 2]; 3] = Default::default();
    let config = ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&interaction_json(), |v| {
        let interaction = serde_json::from_value::<Interaction>(v.clone())
            .map_err(|e| TestCaseError::fail(format!("{e} for {v}")))?;
        let kind = match &interaction {
            Interaction::Command(_) => 0,
            Interaction::Autocomplete(_) => 1,
            Interaction::Component(_) => 2,
            other => return Err(TestCaseError::fail(format!("decoded as {other:?}"))),
        };
        seen[kind][0].fetch_add(1, Ordering::Relaxed);
        if reaches_the_answers(&interaction) {
            seen[kind][1].fetch_add(1, Ordering::Relaxed);
        }
        respond(&interaction)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let seen = seen.map(|[n, reached]| (n.into_inner(), reached.into_inner()));
    let report = format!("(cases, reached) for commands, autocompletes, buttons: {seen:?}");
    eprintln!("{report}");
    let (total, reached) = seen
        .iter()
        .fold((0, 0), |(n, r), (kn, kr)| (n + kn, r + kr));
    assert!(
        reached * 100 >= total * 80,
        "too few reached the answers: {report}"
    );
    for (n, reached) in seen {
        assert!(
            n > 0 && reached * 2 >= n,
            "a kind seldom reached the answers: {report}"
        );
    }
}
