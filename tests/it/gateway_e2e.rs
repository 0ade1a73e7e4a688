//! The real bot binary against the fake Discord: registration, a command, `/ask`, both message
//! commands, autocomplete, a button, a dropped connection (resume), an invalid session
//! (identify again), SIGTERM, and the token never in its output, at RUST_LOG=trace.

use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::AsyncReadExt;
use tokio::process::{Child, Command};

use crate::fake_discord::{APPLICATION_ID, Fake, RestCall};
use crate::fixture_text;

/// Looks like a real token (three base64 parts), so that any leak would be found verbatim.
const TOKEN: &str = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gq7xYz.secret-test-token-never-printed";
const GUILD: &str = "1300000000000000001";

fn payload(name: &str) -> Value {
    serde_json::from_str(&fixture_text(&format!("discord/{name}"))).unwrap()
}

/// The second message command, by the name Discord sends.
pub const ANSWER: &str = "Answer from the article";
/// A question for /ask, how it is read, and words of the passage that answers it first.
pub const ASK_QUESTION: &str = "what does Meserole hope for the G7?";
pub const ASK_READ_AS: &str = "_Read as:_ **G7**, **Chris Meserole** · wishes\n\n";
pub const ASK_FIRST_PASSAGE: &str = "The G7 code of conduct finalising";
/// A message to answer from the article: how it is read, and its first passage.
pub const MESSAGE_QUESTION: &str = "Does anyone know if the G7 has a permanent secretariat?";
pub const MESSAGE_READ_AS: &str = "_Read as:_ **G7** · “permanent” “secretariat”\n\n";
pub const MESSAGE_FIRST_PASSAGE: &str = "lacks a **permanent** **secretariat**.";

/// `/ask question:QUESTION` as Discord sends it: the slash-command fixture with another name
/// and option, and an id of its own.
pub fn ask_interaction(question: &str) -> Value {
    let mut ask = payload("02-command-expert-string-option.json");
    ask["id"] = json!("1100000000000000160");
    ask["data"]["name"] = json!("ask");
    ask["data"]["options"] = json!([{"type": 3, "name": "question", "value": question}]);
    ask
}

/// The message command `name` used on a message of `text` (type 2, data.type 3, the message
/// resolved), with an id of its own.
pub fn message_command(name: &str, text: &str) -> Value {
    let mut used = payload("08-message-command.json");
    used["id"] = json!("1100000000000000161");
    used["data"]["name"] = json!(name);
    let target = used["data"]["target_id"].as_str().unwrap().to_string();
    used["data"]["resolved"]["messages"][&target]["content"] = json!(text);
    used
}

/// The first passage of an /ask card is the one after the reading line: `words` are in it,
/// before any second one.
pub fn assert_first_passage(description: &str, words: &str) {
    let passages: Vec<&str> = description.split("\n\n").skip(1).collect();
    assert!(
        passages.first().is_some_and(|p| p.contains(words)),
        "{words:?} is not in the first passage of\n{description}"
    );
}

/// The running bot and everything it prints, read as it goes: at RUST_LOG=trace it prints a
/// lot, and an unread pipe would block it.
struct Bot {
    child: Child,
    output: tokio::task::JoinHandle<String>,
}

fn start_bot(fake: &Fake, extra: &[(&str, &str)]) -> Bot {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minilateral"));
    cmd.arg("run")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", fake.base())
        .env("DISCORD_GUILD_ID", GUILD)
        .env("DISCORD_APPLICATION_ID", "")
        .env("DISCORD_SHARDS", "")
        .env("MINILATERAL_DATA", "")
        .env("RUST_LOG", "trace")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start the bot");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let output = tokio::spawn(async move {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let _ = tokio::join!(stdout.read_to_end(&mut out), stderr.read_to_end(&mut err));
        format!(
            "{}{}",
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&err)
        )
    });
    Bot { child, output }
}

/// Sends `interaction` as an INTERACTION_CREATE and returns the body the bot POSTed to its
/// callback route.
async fn interact(fake: &Fake, interaction: Value) -> Value {
    interact_call(fake, interaction).await.body
}

/// `interact`, with the whole call (its files too).
async fn interact_call(fake: &Fake, interaction: Value) -> RestCall {
    let id = interaction["id"].as_str().unwrap().to_string();
    let token = interaction["token"].as_str().unwrap().to_string();
    let before = fake
        .rest_calls()
        .iter()
        .filter(|c| {
            c.path
                .contains(&format!("/interactions/{id}/{token}/callback"))
        })
        .count();
    fake.dispatch("INTERACTION_CREATE", interaction);
    fake.rest_call(
        before + 1,
        "POST",
        &format!("/interactions/{id}/{token}/callback"),
    )
    .await
}

/// Ends the bot with SIGTERM and returns its exit code and everything it printed.
async fn stop(bot: Bot) -> (Option<i32>, String) {
    let Bot { mut child, output } = bot;
    let pid = child.id().expect("running").to_string();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(status.success());
    let code = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("the bot stops within 10 s of SIGTERM")
        .unwrap()
        .code();
    (code, output.await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bot_answers_through_a_fake_discord() {
    let fake = Fake::start().await;
    // A copy of the data that the test edits later.
    let dir = std::env::temp_dir().join(format!("minilateral-gateway-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("minilateral.json");
    for (file, text) in minilateral::datafiles::BUNDLED {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let text = minilateral::datafiles::BUNDLED[0].1;
    let bot = start_bot(&fake, &[("MINILATERAL_DATA", data.to_str().unwrap())]);

    // Registration: the command table, in the guild, with the bot token.
    let put = fake
        .rest_call(
            1,
            "PUT",
            &format!("/applications/{APPLICATION_ID}/guilds/{GUILD}/commands"),
        )
        .await;
    assert_eq!(
        put.authorization.as_deref(),
        Some(format!("Bot {TOKEN}").as_str())
    );
    let names: Vec<&str> = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "expert",
            "group",
            "wish",
            "search",
            "ask",
            "country",
            "overlap",
            "article",
            "about",
            "Find experts and groups",
            "Answer from the article"
        ]
    );
    assert_eq!(put.body[0]["options"][0]["autocomplete"], true);
    // The last two are message commands (Apps menu on a message): type 3, no description.
    for menu in [9, 10] {
        assert_eq!(put.body[menu]["type"], 3);
        assert!(
            put.body[menu]["description"].is_null(),
            "{}",
            put.body[menu]
        );
    }
    let identify = fake.gateway_op(1, 2).await;
    assert_eq!(identify["d"]["intents"], 0, "no intents are asked for");

    // A command: /expert name:"sara pantuliano".
    let body = interact(&fake, payload("02-command-expert-string-option.json")).await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["embeds"][0]["title"], "Sara Pantuliano, PhD");
    assert_eq!(
        body["data"]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []})
    );

    // A name that matches nothing: answered privately, and logged for curators.
    let mut miss = payload("02-command-expert-string-option.json");
    miss["id"] = json!("1100000000000000150");
    miss["data"]["options"][0]["value"] = json!("Gréta  THUNBERG");
    let body = interact(&fake, miss).await;
    assert_eq!(body["data"]["flags"], 64);

    // /overlap: the picture goes with the answer, as multipart (payload_json and files[0]),
    // and the card shows it.
    let call = interact_call(&fake, payload("09-command-overlap.json")).await;
    assert_eq!(call.body["type"], 4, "{}", call.body);
    let sent = &call.body["data"];
    assert_eq!(
        sent["embeds"][0]["image"]["url"],
        "attachment://overlap.png"
    );
    assert_eq!(sent["attachments"][0]["filename"], "overlap.png");
    assert_eq!(call.files.len(), 1, "{call:?}");
    let file = &call.files[0];
    assert_eq!(file.field, "files[0]");
    assert_eq!(file.filename.as_deref(), Some("overlap.png"));
    let picture = tiny_skia::Pixmap::decode_png(&file.data).expect("a PNG");
    assert!(picture.width() > 100 && file.data.len() < 200 * 1024);

    // /country: the groups of a country.
    let mut country = payload("02-command-expert-string-option.json");
    country["id"] = json!("1100000000000000151");
    country["data"]["name"] = json!("country");
    country["data"]["options"] = json!([{"type": 3, "name": "name", "value": "india"}]);
    let body = interact(&fake, country).await;
    assert_eq!(body["data"]["embeds"][0]["title"], "India");
    let groups = body["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(
        groups.contains("**BRICS**") && groups.contains("**I2U2**"),
        "{groups}"
    );

    // The message command: the names in the message it was used on, privately, in order.
    let body = interact(&fake, payload("08-message-command.json")).await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["flags"], 64);
    assert_eq!(body["data"]["embeds"][0]["title"], "Named in this message");
    let labels = crate::body_labels(&body);
    assert_eq!(labels, ["Tanya Filer", "G7", "Chris Meserole"]);

    // /ask: the question read back in one line, the best passage first, in public.
    let body = interact(&fake, ask_interaction(ASK_QUESTION)).await;
    assert_eq!(body["type"], 4, "{body}");
    assert_eq!(body["data"]["flags"], 0, "/ask answers in public");
    assert_eq!(
        body["data"]["embeds"][0]["title"],
        format!("Ask: “{ASK_QUESTION}”")
    );
    let said = body["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(said.starts_with(ASK_READ_AS), "{said}");
    assert_first_passage(said, ASK_FIRST_PASSAGE);

    // "Answer from the article" on a message: the message read as /ask would, privately.
    let body = interact(&fake, message_command(ANSWER, MESSAGE_QUESTION)).await;
    assert_eq!(body["type"], 4, "{body}");
    assert_eq!(
        body["data"]["flags"], 64,
        "a message command answers privately"
    );
    assert_eq!(
        body["data"]["embeds"][0]["title"],
        format!("Ask: “{MESSAGE_QUESTION}”")
    );
    let said = body["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(said.starts_with(MESSAGE_READ_AS), "{said}");
    assert_first_passage(said, MESSAGE_FIRST_PASSAGE);
    // Its "Post to channel" button, clicked, posts the same answer in public.
    let post = body["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .filter_map(|b| b["custom_id"].as_str())
        .find(|id| id.starts_with("post:ask:"))
        .unwrap_or_else(|| panic!("no post button: {body}"));
    let mut click = payload("05-component-button-click.json");
    click["id"] = json!("1100000000000000162");
    click["data"]["custom_id"] = json!(post);
    let posted = interact(&fake, click).await;
    assert_eq!(posted["data"]["flags"], 0, "posted in public: {posted}");
    assert_eq!(posted["data"]["embeds"], body["data"]["embeds"]);

    // Autocomplete.
    let body = interact(&fake, payload("04-autocomplete-expert-focused.json")).await;
    assert_eq!(body["type"], 8);
    let choices = body["data"]["choices"].as_array().unwrap();
    assert!(!choices.is_empty() && choices.len() <= 25, "{body}");

    // A button click: our own stateless id.
    let mut click = payload("05-component-button-click.json");
    click["data"]["custom_id"] = json!("pick:group:g7");
    let body = interact(&fake, click).await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["embeds"][0]["title"], "G7 — Group of Seven");
    assert_eq!(body["data"]["flags"], 64, "a picked card is private");

    // The fake drops the connection: the bot resumes and answers the next interaction.
    fake.close(4000);
    let resume = fake.gateway_op(1, 6).await;
    assert_eq!(resume["d"]["session_id"], "session-1");
    let mut again = payload("02-command-expert-string-option.json");
    again["id"] = json!("1100000000000000102");
    let body = interact(&fake, again).await;
    assert_eq!(body["data"]["embeds"][0]["title"], "Sara Pantuliano, PhD");

    // An invalid session that cannot be resumed: the bot identifies again.
    fake.send(json!({"op": 9, "d": false, "s": null, "t": null}));
    fake.gateway_op(2, 2).await;
    let mut third = payload("03-command-wish-integer-option.json");
    third["id"] = json!("1100000000000000103");
    let body = interact(&fake, third).await;
    assert_eq!(body["data"]["embeds"][0]["title"], "Wishes for 2024");
    // Registration happens once, however often READY comes.
    assert_eq!(
        fake.rest_calls()
            .iter()
            .filter(|c| c.method == "PUT")
            .count(),
        1
    );

    // The data changes the years of /wish: the commands are registered again, with them.
    let one_wish_moved = text.replacen(
        "\"kind\": \"wish\",\n      \"speaker\": \"sara-pantuliano\",\n      \"year\": 2024",
        "\"kind\": \"wish\",\n      \"speaker\": \"sara-pantuliano\",\n      \"year\": 2025",
        1,
    );
    assert_ne!(one_wish_moved, text);
    std::fs::write(&data, one_wish_moved).unwrap();
    let again = fake
        .rest_call(
            2,
            "PUT",
            &format!("/applications/{APPLICATION_ID}/guilds/{GUILD}/commands"),
        )
        .await;
    let wish = again
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "wish")
        .unwrap();
    let years: Vec<i64> = wish["options"][0]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2025, 2024]);
    let _ = std::fs::remove_dir_all(&dir);

    // SIGTERM: a clean exit, and the token never printed at trace level.
    let (code, printed) = stop(bot).await;
    assert_eq!(code, Some(0), "{printed}");
    // The interaction line of every front end, field by field, and the miss.
    // The lines are written as the answers go out, so under load the miss's may come first:
    // the answered one is looked for among them.
    let expert_lines: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains(" interaction ") && l.contains("command=\"expert\""))
        .collect();
    assert!(
        expert_lines
            .iter()
            .any(|l| l.contains("outcome=\"not_found\"")),
        "{printed}"
    );
    let line = expert_lines
        .iter()
        .find(|l| l.contains("outcome=\"answered\""))
        .unwrap_or_else(|| panic!("no answered interaction line for /expert:\n{printed}"));
    for field in ["kind=\"command\"", "outcome=\"answered\"", "ms="] {
        assert!(line.contains(field), "{field} missing from {line}");
    }
    let ms = line
        .split("ms=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    let decimals = ms.split('.').nth(1).map_or(0, str::len);
    assert!(decimals <= 2, "ms={ms} is not rounded");
    assert!(
        printed.contains("no match what=\"expert\" query=greta thunberg"),
        "the gateway logs misses too:\n{printed}"
    );
    assert!(
        !printed.contains('\u{1b}'),
        "colour codes in a log that is not a terminal"
    );
    assert!(!printed.contains(TOKEN), "the token was printed");
    assert!(
        !printed.contains("secret-test-token"),
        "part of the token was printed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_puts_the_commands_and_clears_the_other_scope() {
    let fake = Fake::start().await;
    let out = Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .args(["register", "--guild", GUILD, "--clear-other"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", fake.base())
        .env("DISCORD_APPLICATION_ID", APPLICATION_ID)
        .env("DISCORD_GUILD_ID", "")
        .env("RUST_LOG", "trace")
        .output()
        .await
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{printed}");
    assert!(
        printed.contains("registered 11 commands in guild"),
        "{printed}"
    );
    assert!(
        !printed.contains("secret-test-token"),
        "the token was printed"
    );
    let calls = fake.rest_calls();
    let guild = calls
        .iter()
        .find(|c| c.path.ends_with(&format!("/guilds/{GUILD}/commands")))
        .unwrap();
    // The slash commands and both message commands, the last.
    let put = guild.body.as_array().unwrap();
    assert_eq!(put.len(), 11, "{}", guild.body);
    assert_eq!(put[10]["name"], "Answer from the article");
    let global = calls
        .iter()
        .find(|c| c.path == format!("/api/v10/applications/{APPLICATION_ID}/commands"))
        .unwrap();
    assert_eq!(global.body, json!([]));
}

#[test]
fn a_bad_configuration_exits_1_with_a_message() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .arg("run")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_SHARDS", "0-9/4")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DISCORD_SHARDS"), "{err}");
    assert!(!err.contains("secret-test-token"));
}

/// The shard Discord sends a guild's events on.
fn shard_of(guild: u64, total: u64) -> u64 {
    (guild >> 22) % total
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_share_the_shards_and_the_rest_base() {
    let fake = Fake::start().await;
    let quiet = [("RUST_LOG", "info")];
    let first = start_bot(&fake, &[quiet[0], ("DISCORD_SHARDS", "0-0/2")]);
    let second = start_bot(&fake, &[quiet[0], ("DISCORD_SHARDS", "1-1/2")]);

    // Each identifies with its own shard of two.
    let shards = fake
        .wait_for(30, "both shards to identify", |f| {
            let mut shards: Vec<Value> = f
                .gateway_messages()
                .into_iter()
                .filter(|m| m["op"] == 2)
                .map(|m| m["d"]["shard"].clone())
                .collect();
            shards.sort_by_key(|s| s[0].as_u64());
            (shards.len() == 2).then_some(shards)
        })
        .await;
    assert_eq!(shards, [json!([0, 2]), json!([1, 2])]);

    // Two guilds, one on each shard: each process answers the guild of its shard.
    let guilds: Vec<u64> = (1_300_000_000_000_000_001u64..)
        .step_by(1 << 22)
        .take(2)
        .collect();
    assert_ne!(shard_of(guilds[0], 2), shard_of(guilds[1], 2));
    let mut asked = Vec::new();
    for (n, (guild, line)) in guilds.iter().zip(["expert", "group"]).enumerate() {
        let mut interaction = payload("02-command-expert-string-option.json");
        let id = format!("11000000000000002{n:02}");
        interaction["id"] = json!(id);
        interaction["guild_id"] = json!(guild.to_string());
        interaction["data"]["name"] = json!(line);
        interaction["data"]["options"][0]["value"] =
            json!(if line == "group" { "g7" } else { "sara" });
        let token = interaction["token"].as_str().unwrap().to_string();
        fake.dispatch_to_shard(shard_of(*guild, 2), "INTERACTION_CREATE", interaction);
        let body = fake
            .rest_call(1, "POST", &format!("/interactions/{id}/{token}/callback"))
            .await
            .body;
        asked.push((shard_of(*guild, 2), line, body));
    }
    for (_, line, body) in &asked {
        let title = body["data"]["embeds"][0]["title"].as_str().unwrap_or("");
        let expected = if *line == "group" {
            "G7 — Group of Seven"
        } else {
            "Sara Pantuliano, PhD"
        };
        assert_eq!(title, expected);
    }

    // Every REST call went to the one base: each process asked for the gateway and
    // registered once; both callbacks came there.
    let calls = fake.rest_calls();
    let count = |method: &str, part: &str| {
        calls
            .iter()
            .filter(|c| c.method == method && c.path.contains(part))
            .count()
    };
    assert_eq!(count("PUT", "/commands"), 2, "{calls:?}");
    assert_eq!(count("POST", "/callback"), 2, "{calls:?}");

    // And the right process answered each: its log has the command of its shard's guild only.
    let (code0, log0) = stop(first).await;
    let (code1, log1) = stop(second).await;
    assert_eq!((code0, code1), (Some(0), Some(0)), "{log0}\n{log1}");
    for (shard, line, _) in &asked {
        let (own, other) = if *shard == 0 {
            (&log0, &log1)
        } else {
            (&log1, &log0)
        };
        let field = format!("command=\"{line}\"");
        assert!(
            own.contains(&field),
            "shard {shard} did not answer /{line}:\n{own}"
        );
        assert!(
            !other.contains(&field),
            "the other shard answered /{line}:\n{other}"
        );
    }
}
