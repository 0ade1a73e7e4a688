//! `/overlap`: which groups the typed names are, the grid and its words, the picture as a file
//! (`ask --out`), and its upload by the HTTP endpoint as the edit of a deferred answer.

use std::time::Duration;

use minilateral::answer;
use minilateral::command;
use minilateral::knowledge::Knowledge;
use minilateral::reply::{Outcome, Reply};
use serde_json::{Value, json};

use crate::endpoint_e2e::{serve_against, signed};
use crate::fake_discord::{APPLICATION_ID, Fake};
use crate::{ask, bundled, fixture_text, labels, minilateral, stdout};
use minilateral::reply::Visibility;

fn columns(reply: &Reply) -> Vec<&str> {
    let grid = &reply.picture.as_ref().expect("a picture").grid;
    grid.columns.iter().map(|c| c.name.as_str()).collect()
}

fn shared(reply: &Reply) -> Vec<&str> {
    let grid = &reply.picture.as_ref().expect("a picture").grid;
    grid.rows
        .iter()
        .filter(|r| r.shared())
        .map(|r| r.name.as_str())
        .collect()
}

#[test]
fn all_groups_by_default_with_the_shared_members_first_and_in_words() {
    let k = Knowledge::new(bundled());
    let reply = ask(&k, "/overlap");
    assert_eq!(reply.outcome, Outcome::Answered);
    assert_eq!(columns(&reply), ["G7", "BRICS", "I2U2", "3SI"]);
    let grid = &reply.picture.as_ref().unwrap().grid;
    // The shared rows come first, and they are exactly the states in two of the lists.
    assert_eq!(
        shared(&reply),
        ["United States", "India", "United Arab Emirates"]
    );
    assert!(grid.rows.iter().take(3).all(|r| r.shared()));
    // Every membership of every list is a filled cell, and nothing else is.
    for (c, g) in k.dataset.groups().iter().enumerate() {
        for row in &grid.rows {
            assert_eq!(
                row.cells[c],
                g.members.states.contains(&row.name),
                "{} in {}",
                row.name,
                g.name
            );
        }
    }
    let distinct: std::collections::HashSet<&String> = k
        .dataset
        .groups()
        .iter()
        .flat_map(|g| &g.members.states)
        .collect();
    assert_eq!(grid.rows.len(), distinct.len());
    // The words say what the picture shows, and where each list comes from.
    let card = &reply.cards[0];
    assert!(
        card.description.starts_with("3 of 30 states"),
        "{}",
        card.description
    );
    assert!(card.description.contains("**India**: BRICS, I2U2"));
    assert!(card.fields[0].value.contains("I2U2: from the article."));
    assert_eq!(card.image.as_deref(), Some("overlap.png"));
    // Only I2U2's list is the article's: the others are starred in the picture.
    let from_article: Vec<bool> = grid.columns.iter().map(|c| c.from_article).collect();
    assert_eq!(from_article, [false, false, true, false]);
}

#[test]
fn names_are_read_however_they_are_separated_and_typos_are_said() {
    let k = Knowledge::new(bundled());
    for (line, want) in [
        ("/overlap g7 brics", vec!["G7", "BRICS"]),
        ("/overlap G7, BRICS", vec!["G7", "BRICS"]),
        ("/overlap three seas i2u2", vec!["3SI", "I2U2"]),
        (
            "/overlap Three Seas Initiative and BRICS",
            vec!["3SI", "BRICS"],
        ),
        ("/overlap i2u2 / g7 + brics", vec!["I2U2", "G7", "BRICS"]),
        // Once each, in the order typed.
        ("/overlap brics g7 brics", vec!["BRICS", "G7"]),
    ] {
        let reply = ask(&k, line);
        assert_eq!(columns(&reply), want, "{line}");
        assert_eq!(reply.outcome, Outcome::Answered, "{line}");
        assert_eq!(reply.content, None, "{line}");
    }
    let typo = ask(&k, "/overlap bricks i2u2");
    assert_eq!(columns(&typo), ["BRICS", "I2U2"]);
    assert_eq!(typo.outcome, Outcome::Guessed);
    assert!(
        typo.content
            .as_deref()
            .unwrap()
            .contains("Showing **BRICS** for “bricks”")
    );
    assert_eq!(
        shared(&ask(&k, "/overlap brics i2u2")),
        ["India", "United Arab Emirates"]
    );
}

#[test]
fn a_name_that_is_no_group_is_said_and_never_becomes_one() {
    let k = Knowledge::new(bundled());
    // "g77" is one typo from G7, which is already there: not G7 twice, and said.
    let reply = ask(&k, "/overlap g7 g77");
    assert_eq!(columns(&reply), ["G7"]);
    let note = reply.content.clone().unwrap();
    assert!(
        note.contains("“g77”") && note.contains("Name two or more groups"),
        "{note}"
    );
    // Nothing known: the groups the bot knows, and a button to compare them all.
    let none = ask(&k, "/overlap nato");
    assert_eq!(none.outcome, Outcome::NotFound);
    assert!(none.picture.is_none() && none.visibility.is_private());
    assert_eq!(
        labels(&none),
        ["G7", "BRICS", "I2U2", "3SI", "Compare them all"]
    );
    assert_eq!(none.miss.as_ref().unwrap().what.as_str(), "group");
    // A body the article names is not a group with members.
    let bri = ask(&k, "/overlap bri");
    assert_eq!(bri.outcome, Outcome::NotFound);
    // Wherever the exact name stands, a guess never lands on it again.
    let reply = ask(&k, "/overlap g77 g7");
    assert_eq!(columns(&reply), ["G7"]);
    assert!(
        reply
            .content
            .clone()
            .unwrap()
            .contains("No group I know matches “g77”")
    );
    // A name that matched nothing is logged for curators, even when others did.
    let miss = reply.miss.as_ref().unwrap();
    assert_eq!(
        (miss.what.as_str(), miss.folded.as_str()),
        ("group", "g 77")
    );
    // Two misspelt names are two names, not one guess.
    let two = ask(&k, "/overlap brcs i2u2");
    assert_eq!(columns(&two), ["BRICS", "I2U2"]);
}

#[test]
fn post_to_channel_posts_the_groups_understood() {
    let k = Knowledge::new(bundled());
    let reply = ask(&k, "/overlap groups:bricks i2u2 private:true");
    let post = reply.buttons.last().unwrap();
    assert_eq!(post.label, "Post to channel");
    assert_eq!(crate::button_id(post), "post:overlap:brics,i2u2");
    let posted = answer::answer(&k, post.asked());
    assert!(!posted.visibility.is_private());
    assert_eq!(columns(&posted), ["BRICS", "I2U2"]);
    // With nothing typed, the post is of all groups.
    let all = ask(&k, "/overlap private:true");
    assert_eq!(
        crate::button_id(all.buttons.last().unwrap()),
        "post:overlap"
    );
}

#[test]
fn the_option_completes_the_name_being_typed_after_the_ones_typed() {
    let k = Knowledge::new(bundled());
    let values = |line: &str| -> Vec<String> {
        let c = command::completion_of_line(&command::parse_line(line).unwrap()).unwrap();
        answer::complete(&k, &c)
            .into_iter()
            .map(|c| c.value)
            .collect()
    };
    assert_eq!(values("/overlap groups:g7 br"), ["G7, BRICS"]);
    assert_eq!(values("/overlap groups:three seas, i2"), ["3SI, I2U2"]);
    // A name of two words is still being typed: "three se" is not "three" then "se".
    assert!(values("/overlap groups:three se").contains(&"3SI".to_string()));
    let next = values("/overlap groups:g7,");
    assert_eq!(next[0], "G7", "what is typed, as it stands, first");
    assert!(next.iter().skip(1).all(|v| v.starts_with("G7, ")));
    assert_eq!(next.len(), 4);
    // Nothing typed: every group, in name order.
    assert_eq!(values("/overlap groups:"), ["3SI", "BRICS", "G7", "I2U2"]);
    // Spaces of other widths (no-break, ideographic) are spaces, and never cut a character.
    for space in ['\u{00A0}', '\u{3000}', '\u{2003}'] {
        let partial = format!("g7{space}br");
        let completion = minilateral::command::Completion {
            command: minilateral::command::CommandName::Overlap,
            option: "groups".into(),
            partial,
            year: None,
        };
        let got: Vec<String> = answer::complete(&k, &completion)
            .into_iter()
            .map(|c| c.value)
            .collect();
        assert_eq!(got, ["G7, BRICS"], "{space:?}");
        let lone = minilateral::command::Completion {
            partial: format!("{space}g"),
            ..completion
        };
        assert!(!answer::complete(&k, &lone).is_empty());
    }
}

#[test]
fn ask_without_out_says_how_to_write_the_picture() {
    let out = minilateral(&["ask", "/overlap"]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.starts_with("[picture overlap.png: "))
        .unwrap_or_else(|| panic!("no picture line in\n{text}"));
    assert!(
        line.ends_with(" (not written: add --out DIR to write it)]"),
        "{line}"
    );
    assert!(!text.contains("Picture written"), "{text}");
    // With --json, stdout stays the body alone; the note goes to stderr.
    let out = minilateral(&["ask", "/overlap", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::stderr(&out));
    let body: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(body["data"]["attachments"][0]["filename"], "overlap.png");
    assert_eq!(
        crate::stderr(&out),
        "Picture overlap.png not written: add --out DIR to write it\n"
    );
    // A reply without a picture says nothing of one.
    let out = minilateral(&["ask", "/overlap nato"]);
    assert!(!stdout(&out).contains("--out"), "{}", stdout(&out));
}

#[test]
fn ask_out_writes_a_png_under_200_kb() {
    let dir = std::env::temp_dir().join(format!("minilateral-overlap-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = minilateral(&["ask", "/overlap", "--out", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let file = dir.join("overlap.png");
    assert!(
        stdout(&out).contains(&format!("Picture written to {}", file.display())),
        "{}",
        stdout(&out)
    );
    let png = std::fs::read(&file).unwrap();
    assert!(png.len() < 200 * 1024, "{} bytes", png.len());
    let picture = tiny_skia::Pixmap::decode_png(&png).expect("a valid PNG");
    assert!(picture.width() >= 400 && picture.height() >= 400);
    // A picture already there is never written over: refused (an input problem, exit 1, that
    // names the path), and left as it was.
    let again = minilateral(&["ask", "/overlap g7 i2u2", "--out", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1), "{}", crate::stderr(&again));
    assert!(
        crate::stderr(&again).contains(&format!("{} exists (a file)", file.display())),
        "{}",
        crate::stderr(&again)
    );
    assert_eq!(std::fs::read(&file).unwrap(), png);
    // With --json, stdout stays one JSON document and the path goes to stderr.
    let json_dir = dir.join("json");
    let out = minilateral(&[
        "ask",
        "/overlap g7 i2u2",
        "--json",
        "--out",
        json_dir.to_str().unwrap(),
    ]);
    let body: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(body["data"]["attachments"][0]["filename"], "overlap.png");
    assert!(crate::stderr(&out).contains("Picture written to"));
    assert_eq!(stdout(&out).lines().count(), 1, "one line on a pipe");
    // A folder that cannot be made is an input problem that names it.
    let blocked = dir.join("overlap.png").join("sub");
    let out = minilateral(&["ask", "/overlap", "--out", blocked.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", crate::stderr(&out));
    assert!(
        crate::stderr(&out).contains(&format!(
            "cannot write the picture into {}",
            blocked.display()
        )),
        "{}",
        crate::stderr(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The overlap command as Discord sends it, private or not.
fn overlap_interaction(visibility: Visibility) -> Value {
    let mut interaction: Value =
        serde_json::from_str(&fixture_text("discord/09-command-overlap.json")).unwrap();
    if visibility.is_private() {
        interaction["data"]["options"]
            .as_array_mut()
            .unwrap()
            .push(json!({"type": 5, "name": "private", "value": true}));
    }
    interaction
}

const EDIT: &str =
    "/webhooks/1000000000000000001/PLACEHOLDER_INTERACTION_TOKEN_CMD_OVERLAP/messages/@original";
const EDIT_BUTTON: &str =
    "/webhooks/1000000000000000001/PLACEHOLDER_INTERACTION_TOKEN_BUTTON/messages/@original";

/// A click on a button that asks for `/overlap` (the component payload, its id replaced).
fn overlap_button(id: &str) -> Value {
    let mut click: Value =
        serde_json::from_str(&fixture_text("discord/05-component-button-click.json")).unwrap();
    click["data"]["custom_id"] = json!(id);
    click
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_endpoint_defers_and_uploads_the_picture_with_the_interaction_token() {
    assert!(EDIT.contains(APPLICATION_ID));
    let fake = Fake::start().await;
    let server = serve_against(&fake, &[]).await;
    let client = reqwest::Client::new();
    let body = serde_json::to_vec(&overlap_interaction(Visibility::Public)).unwrap();
    let (status, answer) = signed(&client, &server.base, &body).await;
    // "Thinking…" at once: an HTTP answer cannot carry files.
    assert_eq!((status, answer), (200, json!({"type": 5})));
    let edit = fake.rest_call(1, "PATCH", EDIT).await;
    // The interaction token is the credential: no bot token goes with it.
    assert_eq!(edit.authorization, None);
    assert_eq!(edit.files.len(), 1);
    let file = &edit.files[0];
    assert_eq!(
        (
            file.field.as_str(),
            file.filename.as_deref(),
            file.content_type.as_deref()
        ),
        ("files[0]", Some("overlap.png"), Some("image/png"))
    );
    tiny_skia::Pixmap::decode_png(&file.data).expect("a PNG");
    assert_eq!(
        edit.body["embeds"][0]["image"]["url"],
        "attachment://overlap.png"
    );
    assert_eq!(edit.body["attachments"][0]["id"], 0);
    assert!(
        edit.body["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("India")
    );
    assert_eq!(
        edit.body["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []})
    );
    // An edit cannot change who sees the answer: that was the deferral's to say.
    assert!(edit.body.get("flags").is_none(), "{}", edit.body);

    // Private: the deferral is ephemeral, the edit the same message with its "Post to
    // channel".
    let body = serde_json::to_vec(&overlap_interaction(Visibility::Private)).unwrap();
    let (_, answer) = signed(&client, &server.base, &body).await;
    assert_eq!(answer, json!({"type": 5, "data": {"flags": 64}}));
    let visibility = fake.rest_call(2, "PATCH", EDIT).await;
    assert_eq!(visibility.files.len(), 1);
    assert!(visibility.body.get("flags").is_none());
    assert!(
        visibility
            .body
            .to_string()
            .contains("post:overlap:brics,i2u2")
    );

    // A button ("Post to channel", "Compare them all") asks the same over the endpoint.
    let body = serde_json::to_vec(&overlap_button("post:overlap:brics,i2u2")).unwrap();
    let (_, answer) = signed(&client, &server.base, &body).await;
    assert_eq!(answer, json!({"type": 5}));
    let clicked = fake.rest_call(1, "PATCH", EDIT_BUTTON).await;
    assert_eq!(clicked.files.len(), 1);
    assert_eq!(
        clicked.body["embeds"][0]["title"],
        "Who sits where: BRICS · I2U2"
    );

    // Discord does not know of the deferral yet (404), then asks to wait (429): tried again.
    fake.fail_next_edits(&[404, 429]);
    let body = serde_json::to_vec(&overlap_interaction(Visibility::Public)).unwrap();
    signed(&client, &server.base, &body).await;
    let retried = fake.rest_call(5, "PATCH", EDIT).await;
    assert_eq!(retried.files.len(), 1, "the third try carries the picture");

    // Discord refuses the file: the text is sent alone, so that "thinking…" does not stay.
    fake.refuse_files();
    let body = serde_json::to_vec(&overlap_interaction(Visibility::Public)).unwrap();
    signed(&client, &server.base, &body).await;
    fake.rest_call(6, "PATCH", EDIT).await;
    let text_only = fake.rest_call(7, "PATCH", EDIT).await;
    assert!(text_only.files.is_empty());
    // No `attachments`: were the picture there after all, the edit would remove it.
    assert!(
        text_only.body.get("attachments").is_none(),
        "{}",
        text_only.body
    );
    assert!(
        text_only.body["embeds"][0]["image"].is_null(),
        "{}",
        text_only.body
    );
    assert!(
        text_only.body["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("India")
    );

    // Said in the log, and the token never is.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !server.log().contains("text sent without its picture")
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (_, log) = server.stop().await;
    assert!(log.contains("picture uploaded"), "{log}");
    assert!(log.contains("picture not uploaded"), "{log}");
    assert!(log.contains("text sent without its picture"), "{log}");
    assert!(!log.contains("PLACEHOLDER_INTERACTION_TOKEN"), "{log}");
}
