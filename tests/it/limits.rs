//! Every reply and every autocomplete, for every entity of the bundled data and of a generated
//! dataset with very long texts, checked against Discord's limits on the JSON itself.

use std::collections::HashSet;

use minilateral::answer;
use minilateral::command::{self, Asked, CommandName, Completion, NameOrId, Request};
use minilateral::dataset::{DataText, Dataset};
use minilateral::discord;
use minilateral::knowledge::Knowledge;
use minilateral::reply::Fitted;
use minilateral::reply::Visibility;
use minilateral_synthetic::{Spec, dataset_json};
use serde_json::{Value, json};

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Problems with one type-4 response body, as Discord would see them (platform.md §3).
pub fn message_problems(body: &Value) -> Vec<String> {
    let mut p = Vec::new();
    let mut fail = |cond: bool, what: String| {
        if !cond {
            p.push(what);
        }
    };
    fail(body["type"] == 4, format!("type {}", body["type"]));
    let d = &body["data"];
    fail(
        d["allowed_mentions"] == json!({"parse": [], "users": [], "roles": []}),
        format!("allowed_mentions {}", d["allowed_mentions"]),
    );
    fail(chars(&d["content"]) <= 2000, "content > 2000".into());
    let embeds = d["embeds"].as_array().cloned().unwrap_or_default();
    fail(embeds.len() <= 10, "more than 10 embeds".into());
    let has_content = d["content"].as_str().is_some_and(|c| !c.is_empty());
    fail(has_content || !embeds.is_empty(), "empty message".into());
    let mut total = 0;
    for e in &embeds {
        let trimmed = |v: &Value| v.as_str().map_or(0, |s| s.trim().chars().count());
        fail(chars(&e["title"]) <= 256, "title > 256".into());
        fail(
            chars(&e["description"]) <= 4096,
            "description > 4096".into(),
        );
        fail(chars(&e["footer"]["text"]) <= 2048, "footer > 2048".into());
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        fail(fields.len() <= 25, "more than 25 fields".into());
        total += trimmed(&e["title"]) + trimmed(&e["description"]) + trimmed(&e["footer"]["text"]);
        for f in &fields {
            fail(
                (1..=256).contains(&chars(&f["name"])),
                format!("field name {}", chars(&f["name"])),
            );
            fail(
                (1..=1024).contains(&chars(&f["value"])),
                format!("field value {}", chars(&f["value"])),
            );
            total += trimmed(&f["name"]) + trimmed(&f["value"]);
        }
    }
    fail(total <= 6000, format!("embeds total {total} > 6000"));
    // Attachments: named, alt text within 1024, and every picture a card shows is attached.
    let attachments = d["attachments"].as_array().cloned().unwrap_or_default();
    let files: Vec<&str> = attachments
        .iter()
        .filter_map(|a| a["filename"].as_str())
        .collect();
    fail(
        files.len() == attachments.len(),
        "unnamed attachment".into(),
    );
    for a in &attachments {
        fail(
            chars(&a["description"]) <= 1024,
            "attachment description > 1024".into(),
        );
    }
    for e in &embeds {
        if let Some(url) = e["image"]["url"].as_str() {
            let file = url.strip_prefix("attachment://");
            fail(
                file.is_some_and(|f| files.contains(&f)),
                format!("embed image {url} is not attached"),
            );
        }
    }
    let rows = d["components"].as_array().cloned().unwrap_or_default();
    fail(rows.len() <= 5, "more than 5 action rows".into());
    let mut ids = HashSet::new();
    for row in &rows {
        let buttons = row["components"].as_array().cloned().unwrap_or_default();
        fail(
            (1..=5).contains(&buttons.len()),
            "row without 1-5 buttons".into(),
        );
        for b in &buttons {
            let id = b["custom_id"].as_str().unwrap_or("");
            fail(
                (1..=100).contains(&id.chars().count()),
                format!("custom_id {id:?}"),
            );
            fail(
                ids.insert(id.to_string()),
                format!("duplicate custom_id {id}"),
            );
            fail(
                chars(&b["label"]) <= 80 && chars(&b["label"]) >= 1,
                "label length".into(),
            );
            fail(
                command::parse_button_id(id).is_some(),
                format!("unreadable custom_id {id}"),
            );
        }
    }
    p
}

pub fn choices_problems(body: &Value) -> Vec<String> {
    let mut p = Vec::new();
    if body["type"] != 8 {
        p.push(format!("type {}", body["type"]));
    }
    let choices = body["data"]["choices"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if choices.len() > 25 {
        p.push(format!("{} choices", choices.len()));
    }
    for c in &choices {
        if !(1..=100).contains(&chars(&c["name"])) {
            p.push(format!("choice name {}", chars(&c["name"])));
        }
        if chars(&c["value"]) > 100 {
            p.push("choice value > 100".into());
        }
    }
    p
}

/// What the walk checks of each reply besides Discord's limits.
pub type OnReply<'a> = &'a dyn Fn(&Asked, &Fitted);

/// Answers `asked`, checks the body (and `on_reply`), then follows every button once. On the
/// bundled data nothing may be left out: every statement is shown whole.
fn walk(
    k: &Knowledge,
    asked: &Asked,
    seen: &mut HashSet<String>,
    checked: &mut usize,
    on_reply: OnReply<'_>,
) {
    let reply = answer::answer(k, asked);
    on_reply(asked, &reply);
    if k.dataset.sources()[0].id.as_str() == "itc-2024" {
        let cut = reply
            .content
            .as_deref()
            .is_some_and(|c| c.contains("left out"));
        assert!(!cut, "{asked:?} was shortened on the bundled data");
    }
    let body = serde_json::to_value(discord::encode(&reply)).unwrap();
    let problems = message_problems(&body);
    assert!(problems.is_empty(), "{asked:?}: {problems:?}");
    *checked += 1;
    for b in &reply.buttons {
        if seen.insert(crate::button_id(b)) {
            walk(k, b.asked(), seen, checked, on_reply);
        }
    }
}

fn complete(k: &Knowledge, command: CommandName, option: &str, partial: &str, year: Option<i64>) {
    let c = Completion {
        command,
        option: option.into(),
        partial: partial.into(),
        year,
    };
    let body = serde_json::to_value(discord::encode_choices(&answer::complete(k, &c))).unwrap();
    let problems = choices_problems(&body);
    assert!(problems.is_empty(), "{c:?}: {problems:?}");
}

fn prefixes(name: &str) -> Vec<String> {
    let n = name.chars().count();
    [0, 1, 3, n / 2, n]
        .into_iter()
        .map(|i| name.chars().take(i).collect())
        .collect()
}

/// Walks every command and option the data offers (every expert, group and year, searches,
/// misses, `/about`), following every button, and checks each reply; `searches` are asked
/// too. Returns how many replies were checked.
pub fn check_everything(k: &Knowledge, searches: &[String], on_reply: OnReply<'_>) -> usize {
    let d = &k.dataset;
    let mut seen = HashSet::new();
    let mut checked = 0;
    let ask = |request: Request, visibility: Visibility| Asked {
        request,
        visibility,
    };
    let years = d.wish_years();
    for e in d.experts() {
        for visibility in [Visibility::Public, Visibility::Private] {
            walk(
                k,
                &ask(
                    Request::Expert {
                        expert: NameOrId::Id(e.id.clone()),
                    },
                    visibility,
                ),
                &mut seen,
                &mut checked,
                on_reply,
            );
        }
        walk(
            k,
            &ask(
                Request::Expert {
                    expert: NameOrId::Typed(e.name.clone()),
                },
                Visibility::Public,
            ),
            &mut seen,
            &mut checked,
            on_reply,
        );
        for y in &years {
            let r = Request::Wish {
                year: i64::from(*y),
                expert: Some(NameOrId::Id(e.id.clone())),
                page: 1,
            };
            walk(
                k,
                &ask(r, Visibility::Public),
                &mut seen,
                &mut checked,
                on_reply,
            );
        }
        if let Some(q) = d.said_by(e.id.as_str()).next() {
            let words: String = q
                .text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            walk(
                k,
                &ask(
                    Request::Search {
                        text: words,
                        page: 1,
                        article: None,
                    },
                    Visibility::Private,
                ),
                &mut seen,
                &mut checked,
                on_reply,
            );
        }
        for p in prefixes(&e.name) {
            complete(k, CommandName::Expert, "name", &p, None);
            complete(
                k,
                CommandName::Wish,
                "expert",
                &p,
                years.first().map(|y| i64::from(*y)),
            );
        }
    }
    for g in d.groups() {
        for visibility in [Visibility::Public, Visibility::Private] {
            walk(
                k,
                &ask(
                    Request::Group {
                        group: NameOrId::Id(g.id.clone()),
                    },
                    visibility,
                ),
                &mut seen,
                &mut checked,
                on_reply,
            );
        }
        for p in prefixes(&g.name) {
            complete(k, CommandName::Group, "name", &p, None);
        }
    }
    for y in years.iter().map(|y| i64::from(*y)).chain([1999, 3000]) {
        walk(
            k,
            &ask(
                Request::Wish {
                    year: y,
                    expert: None,
                    page: 1,
                },
                Visibility::Private,
            ),
            &mut seen,
            &mut checked,
            on_reply,
        );
    }
    // Every country of the member lists, and names that are none.
    let countries: Vec<String> = k.countries.members().map(|c| c.name.clone()).collect();
    for name in countries
        .iter()
        .map(String::as_str)
        .chain(["narnia", "Saudi Arabia", ""])
    {
        for visibility in [Visibility::Public, Visibility::Private] {
            let request = Request::Country {
                name: name.to_string(),
            };
            walk(
                k,
                &ask(request, visibility),
                &mut seen,
                &mut checked,
                on_reply,
            );
        }
    }
    // Every group alone, all of them, and names that are none (the picture's file and alt text
    // are checked with the message).
    let groups: Vec<String> = k.dataset.groups().iter().map(|g| g.name.clone()).collect();
    let all = groups.join(" ");
    for text in groups.iter().map(String::as_str).chain([
        "",
        "g7 brics",
        "nato",
        "@everyone g7 <@1>",
        all.as_str(),
    ]) {
        for visibility in [Visibility::Public, Visibility::Private] {
            let request = Request::Overlap {
                groups: text.to_string(),
            };
            walk(
                k,
                &ask(request, visibility),
                &mut seen,
                &mut checked,
                on_reply,
            );
        }
    }
    let long = "long ".repeat(400);
    let fixed = ["secretariat", "AI", "zzz", "@everyone <@1> **", &long];
    for text in fixed.into_iter().chain(searches.iter().map(String::as_str)) {
        walk(
            k,
            &ask(
                Request::Search {
                    text: text.to_string(),
                    page: 1,
                    article: None,
                },
                Visibility::Public,
            ),
            &mut seen,
            &mut checked,
            on_reply,
        );
        walk(
            k,
            &ask(
                Request::Expert {
                    expert: NameOrId::Typed(text.to_string()),
                },
                Visibility::Public,
            ),
            &mut seen,
            &mut checked,
            on_reply,
        );
    }
    walk(
        k,
        &ask(Request::About, Visibility::Private),
        &mut seen,
        &mut checked,
        on_reply,
    );
    checked
}

#[test]
fn every_reply_of_the_bundled_data_fits_discord() {
    let k = Knowledge::new(crate::bundled());
    let checked = check_everything(&k, &[], &|_, _| {});
    assert!(checked > 40, "only {checked} replies checked");
}

#[test]
fn every_reply_of_a_dataset_with_very_long_texts_fits_discord() {
    let text = dataset_json(Spec {
        entities: 150,
        seed: 11,
        long_texts: true,
    });
    let d = Dataset::load(&[DataText::new("long.json", text)]).unwrap();
    // The generator really produces texts over the limits.
    assert!(d.experts().iter().any(|e| e.name.chars().count() > 256));
    assert!(d.passages().iter().any(|p| p.text.chars().count() > 4096));
    let k = Knowledge::new(d);
    let checked = check_everything(&k, &[], &|_, _| {});
    assert!(checked > 250, "only {checked} replies checked");
    // The message command on a message naming every expert (each name hundreds of characters):
    // cut to fit, not refused.
    let names: Vec<&str> = k
        .dataset
        .experts()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    let text = names.join(", ");
    let asked = Asked {
        request: Request::Mentions { text },
        visibility: Visibility::Private,
    };
    let reply = answer::answer(&k, &asked);
    // Names were found, and more than a message can hold buttons for.
    assert!(k.mentions(&names.join(", ")).len() > 25);
    let body = serde_json::to_value(discord::encode(&reply)).unwrap();
    let problems = message_problems(&body);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn registration_json_follows_discord_rules() {
    let k = Knowledge::new(crate::bundled());
    let commands = serde_json::to_value(discord::commands(&k)).unwrap();
    let all = commands.as_array().unwrap();
    // Slash commands follow the rules below; a message command (type 3) has a name of up to
    // 32 characters (spaces and capitals allowed), and no description or options.
    let (menus, commands): (Vec<&Value>, Vec<&Value>) = all.iter().partition(|c| c["type"] == 3);
    assert_eq!(commands.len(), 9);
    assert_eq!(menus.len(), 2);
    for menu in &menus {
        assert!((1..=32).contains(&chars(&menu["name"])));
        assert!(menu["description"].is_null());
        assert!(menu["options"].as_array().is_none_or(Vec::is_empty));
    }
    let name_ok = |s: &str| {
        (1..=32).contains(&s.chars().count())
            && s.chars()
                .all(|c| c.is_lowercase() || c.is_numeric() || c == '-' || c == '_')
    };
    for c in &commands {
        let name = c["name"].as_str().unwrap();
        assert!(name_ok(name), "{name}");
        assert!((1..=100).contains(&chars(&c["description"])));
        let options = c["options"].as_array().unwrap();
        assert!(options.len() <= 25);
        let mut optional = false;
        for o in options {
            assert!(name_ok(o["name"].as_str().unwrap()));
            assert!((1..=100).contains(&chars(&o["description"])));
            let required = o["required"].as_bool().unwrap_or(false);
            assert!(!(optional && required), "{name}: required after optional");
            optional |= !required;
            let choices = o["choices"].as_array().map_or(0, Vec::len);
            assert!(choices <= 25);
            assert!(
                !(choices > 0 && o["autocomplete"] == true),
                "choices with autocomplete"
            );
        }
    }
    let wish = commands.iter().find(|c| c["name"] == "wish").unwrap();
    assert_eq!(
        wish["options"][0]["choices"],
        json!([{"name": "2024", "value": 2024}])
    );
    let expert = commands.iter().find(|c| c["name"] == "expert").unwrap();
    assert_eq!(expert["options"][0]["autocomplete"], true);
}
