//! Echoed text: whatever a person types comes back in a reply cleaned by one rule
//! (`echo::clean`): nothing invisible (bidi controls, tag characters, fillers, format
//! characters), no control characters, and at most 80 characters of it. Every command that
//! shows typed text back is asked, and so are the errors that name an unknown command, an
//! unknown option or a bad value.

use minilateral::answer;
use minilateral::command::{
    Asked, CommandName, OptionType, Options, Request, RequestError, TABLE, Value, request,
};
use minilateral::discord;
use minilateral::echo::{ECHO_CHARS, clean, is_invisible};
use minilateral::knowledge::Knowledge;
use minilateral::reply::Fitted;
use minilateral::reply::Visibility;
use proptest::prelude::*;
use serde_json::Value as Json;
use std::sync::OnceLock;

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::new(crate::bundled()))
}

/// Every reply that shows `typed` back: each string option of each command set to it, the
/// message command on it, and the three request errors that quote what was typed.
fn replies(typed: &str) -> Vec<(String, Fitted)> {
    let k = knowledge();
    let mut out = Vec::new();
    for spec in TABLE {
        for option in spec.options.iter().filter(|o| o.kind == OptionType::String) {
            // As much as Discord lets a person type there: past it, the request is refused
            // before any answer (and its echo) is made.
            let max = option.max_length.map_or(usize::MAX, usize::from);
            let typed: String = typed.chars().take(max).collect();
            let mut options: Options = vec![(option.name().to_string(), Value::String(typed))];
            for required in spec
                .options
                .iter()
                .filter(|o| o.required && o.name() != option.name())
            {
                options.push((required.name().to_string(), Value::Integer(2024)));
            }
            let reply = match request(spec.command, &options) {
                Ok(asked) => answer::answer(k, &asked),
                Err(e) => answer::request_error(&e),
            };
            out.push((format!("/{} {}", spec.name, option.name()), reply));
        }
    }
    let message = Asked {
        request: Request::Mentions { text: typed.into() },
        visibility: Visibility::Private,
    };
    out.push(("message command".into(), answer::answer(k, &message)));
    // (An option or a year that happens to be valid is no error: nothing to echo there.)
    let unknown_option = request(
        CommandName::Expert,
        &vec![(typed.into(), Value::String("x".into()))],
    )
    .err();
    let bad_value = request(
        CommandName::Wish,
        &vec![("year".into(), Value::String(typed.into()))],
    )
    .err();
    for (what, err) in [
        (
            "unknown command",
            Some(RequestError::UnknownCommand(typed.into())),
        ),
        ("unknown option", unknown_option),
        ("bad value", bad_value),
    ] {
        if let Some(err) = err {
            out.push((what.into(), answer::request_error(&err)));
        }
    }
    out
}

/// The text a person sees in a reply, as Discord gets it: every string of the encoded body but
/// button ids and links.
fn shown(reply: &Fitted) -> Vec<String> {
    fn walk(v: &Json, key: &str, out: &mut Vec<String>) {
        match v {
            Json::String(s) if !matches!(key, "custom_id" | "url") => out.push(s.clone()),
            Json::Array(a) => a.iter().for_each(|x| walk(x, key, out)),
            Json::Object(o) => o.iter().for_each(|(k, x)| walk(x, k, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    // No picture is drawn: only the text matters here.
    walk(
        &serde_json::to_value(discord::encode_with(reply, &[])).unwrap(),
        "",
        &mut out,
    );
    out
}

/// What no echo may show, listed here apart from the code's own table (so that a class the
/// code forgets is caught): the classes the issue names, bidi controls, zero-width characters,
/// controls; and anything the code itself calls invisible.
fn unclean(c: char) -> bool {
    let listed = matches!(
        c,
        '\u{E0000}'..='\u{E0FFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'..='\u{200F}'
            | '\u{FEFF}'
    );
    listed || is_invisible(c) || (c.is_control() && c != '\n')
}

/// Characters of every class the rule drops, among letters and spaces.
fn hostile() -> impl Strategy<Value = String> {
    let classes = prop_oneof![
        Just('\u{202E}'),
        Just('\u{2066}'),
        Just('\u{00AD}'),
        Just('\u{180E}'),
        Just('\u{206A}'),
        Just('\u{206F}'),
        Just('\u{FFF9}'),
        Just('\u{FFFB}'),
        Just('\u{1D173}'),
        Just('\u{1D17A}'),
        Just('\u{115F}'),
        Just('\u{1160}'),
        Just('\u{3164}'),
        Just('\u{FFA0}'),
        Just('\u{200B}'),
        Just('\u{FEFF}'),
        Just('\u{0}'),
        Just('\u{1B}'),
        Just('\u{85}'),
        proptest::char::range('\u{E0000}', '\u{E007F}'),
        proptest::char::range('\u{E0100}', '\u{E01EF}'),
        any::<char>(),
        prop::sample::select(vec!['a', 'G', '7', ' ', '`', '@', '*']),
    ];
    prop::collection::vec(classes, 0..200).prop_map(|cs| cs.into_iter().collect())
}

/// How many of `replies` echo what was typed when it names nothing: the miss of every string
/// option, and the three errors (the message command never echoes).
const ECHOING: usize = 10;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_rule_leaves_nothing_invisible_and_is_cut(typed in hostile()) {
        let once = clean(&typed);
        prop_assert!(once.chars().count() <= ECHO_CHARS);
        prop_assert!(!once.chars().any(|c| unclean(c) || c == '\n'), "{once:?}");
        prop_assert_eq!(clean(&once), once.clone());
        // Visible text is kept: only what the rule drops is missing.
        if typed.chars().count() <= ECHO_CHARS {
            let visible: String = typed
                .chars()
                .filter(|c| !unclean(*c) && !c.is_whitespace())
                .collect();
            let kept: String = once.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, visible);
        }
    }

    #[test]
    fn no_echo_shows_an_invisible_or_control_character(typed in hostile()) {
        // A line break inside the typed text, between two markers: no echo may keep it.
        let typed = format!("QX\n{typed}\nXQ");
        let all = replies(&typed);
        prop_assert!(all.len() >= 10, "only {} replies", all.len());
        let echoed = all
            .iter()
            .filter(|(_, reply)| shown(reply).iter().any(|s| s.contains("QX")))
            .count();
        // Every option's miss, and the three errors, show the text back.
        prop_assert!(echoed >= ECHOING, "{echoed} replies echo {typed:?}");
        for (what, reply) in &all {
            for s in shown(reply) {
                // The one invisible character a reply adds itself: after "@", so that
                // "@everyone" shows as text and pings no one.
                let ours = s.replace("@\u{200B}", "@");
                prop_assert!(!ours.chars().any(unclean), "{what}: {s:?}");
                prop_assert!(!s.contains("QX\n"), "{what}: a typed line break in {s:?}");
            }
        }
    }
}

#[test]
fn every_echo_is_cut_to_its_length() {
    // A marker no reply holds otherwise: its longest run is what was echoed of it.
    let typed = "Q".repeat(1_000);
    let mut echoed = 0;
    for (what, reply) in replies(&typed) {
        let longest = shown(&reply)
            .iter()
            .flat_map(|s| s.split(|c| c != 'Q').map(str::len).collect::<Vec<_>>())
            .max()
            .unwrap_or(0);
        assert!(longest <= ECHO_CHARS, "{what}: {longest} characters echoed");
        echoed += usize::from(longest >= ECHO_CHARS - 1);
    }
    assert!(
        echoed >= ECHOING,
        "only {echoed} replies echo the text, cut"
    );
    // And the invisible ones are gone from an unknown command's name in the console's path too.
    let line = minilateral::command::parse_line("/\u{202E}ex\u{0}pert\u{E0041} sara");
    let err = line.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(!err.is_empty() && !err.chars().any(unclean), "{err:?}");
}

#[test]
fn an_unknown_button_says_so_without_showing_its_id() {
    let mut v: Json = serde_json::from_str(&crate::fixture_text(
        "discord/05-component-button-click.json",
    ))
    .unwrap();
    v["data"]["custom_id"] = Json::from("pick:\u{202E}old-format@1");
    let interaction: serenity::all::Interaction = serde_json::from_value(v).unwrap();
    let body = serde_json::to_value(discord::respond(knowledge(), &interaction).body).unwrap();
    let content = body["data"]["content"].as_str().unwrap_or_default();
    assert!(content.contains("this button no longer works"), "{body}");
    assert!(!content.contains("old-format"), "{content}");
}
