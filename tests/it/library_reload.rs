//! An article imported beside the data of a running `serve`: the real `import` drafts it into
//! the served folder, the next reload serves it (`/search`, `/expert`, `/article`), and a draft
//! that would not load landing there afterwards changes nothing served, and the log says so.

use std::path::Path;

use serde_json::{Value, json};

use crate::endpoint_e2e::{Server, public_key_hex, signed, start_server};
use crate::reload::{eventually, interaction, temp_dir};
use crate::{fixture, minilateral, stderr};

/// The 2025 article's passage that only it says.
const SECRETARIAT: &str = "A secretariat of ten people would do more than another communiqué.";
/// The broken 2026 draft's passage, as its text has it (the draft claims other words).
const FOLLOW_UP: &str = "Working groups are only as good as their follow-up.";

/// The first embed of the answer to `/<command> <option>:<value>`, with search's bold marks
/// taken out; `Value::Null` when there is none.
async fn embed(server: &Server, command: &str, option: &str, value: &str) -> Value {
    let client = reqwest::Client::new();
    let (status, body) = signed(&client, &server.base, &interaction(command, option, value)).await;
    assert_eq!(status, 200, "/{command} {value}");
    let mut embed = body["data"]["embeds"][0].clone();
    if let Some(d) = embed["description"].as_str() {
        embed["description"] = Value::String(d.replace("**", ""));
    }
    embed
}

async fn search_finds(server: &Server, words: &str, passage: &str) -> bool {
    let found = embed(server, "search", "text", words).await;
    found["description"]
        .as_str()
        .is_some_and(|d| d.contains(passage))
}

async fn expert_title(server: &Server, name: &str) -> String {
    let card = embed(server, "expert", "name", name).await;
    card["title"].as_str().unwrap_or_default().to_string()
}

/// The first embed of `/article`, with a title or without (the list).
async fn article(server: &Server, title: Option<&str>) -> Value {
    let mut v: Value = serde_json::from_slice(&interaction("article", "title", "")).unwrap();
    v["data"]["options"] = match title {
        Some(t) => json!([{"type": 3, "name": "title", "value": t}]),
        None => json!([]),
    };
    let client = reqwest::Client::new();
    let (status, body) = signed(&client, &server.base, v.to_string().as_bytes()).await;
    assert_eq!(status, 200, "/article {title:?}");
    body["data"]["embeds"][0].clone()
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_article_is_served_and_a_broken_draft_beside_it_is_not() {
    let dir = temp_dir("library-reload");
    copy_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &dir);
    let folder = dir.to_str().unwrap();
    let server = start_server(&public_key_hex(), Some(folder)).await;

    // Before: the bundled article only.
    assert!(!search_finds(&server, "secretariat of ten", SECRETARIAT).await);
    assert_ne!(expert_title(&server, "mara ellison").await, "Mara Ellison");

    // The real `import`, drafting the 2025 article into the served folder against its data.
    let text = fixture("library/small-clubs-2025.txt");
    let imported = minilateral(&[
        "import",
        text.to_str().unwrap(),
        "--source-id",
        "small-clubs-2025",
        "--with",
        folder,
        "--out",
        folder,
    ]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(dir.join("small-clubs-2025.json").is_file());

    eventually("the imported article to be searched", || {
        search_finds(&server, "secretariat of ten", SECRETARIAT)
    })
    .await;
    let card = embed(&server, "expert", "name", "mara ellison").await;
    assert_eq!(card["title"], "Mara Ellison");
    let about = card.to_string();
    assert!(about.contains("Harbour Policy Lab"), "{about}");
    assert!(about.contains("Budgets that nobody can read"), "{about}");
    // Tanya Filer, of the bundled article, speaks again in the new one: still one person,
    // whose card of the newest article comes first.
    assert_eq!(
        expert_title(&server, "tanya filer").await,
        "Tanya Filer, PhD in “Small Clubs, Big Questions”"
    );
    let found = embed(&server, "search", "text", "clubs that meet once a year").await;
    let found = found["description"].as_str().unwrap_or_default();
    assert!(
        found.contains("Tanya Filer") && found.contains("Clubs that meet once a year forget"),
        "{found}"
    );
    // Two articles now, newest first; one of them by words of its title.
    let list = article(&server, None).await.to_string();
    let (new, old) = (
        list.find("Small Clubs, Big Questions: Tech Cooperation in 2025"),
        list.find("International Tech Cooperation in 2024"),
    );
    assert!(new.is_some_and(|n| old.is_some_and(|o| n < o)), "{list}");
    let one = article(&server, Some("small clubs")).await;
    assert_eq!(
        one["title"],
        "Small Clubs, Big Questions: Tech Cooperation in 2025"
    );
    let reloads = server.log().matches("dataset reloaded").count();

    // A second draft lands (text first, then its JSON at once, as a rename does), but one of
    // its passages is not its text's words: the folder no longer loads.
    let draft: String =
        std::fs::read_to_string(fixture("library/clubs-at-work-2026.json")).unwrap();
    let broken = draft.replacen(
        FOLLOW_UP,
        "Working groups are only as good as their budgets.",
        1,
    );
    assert_ne!(broken, draft, "the fixture edit applies");
    std::fs::copy(
        fixture("library/clubs-at-work-2026.txt"),
        dir.join("clubs-at-work-2026.txt"),
    )
    .unwrap();
    let staged = dir.join("clubs-at-work-2026.json.part");
    std::fs::write(&staged, broken).unwrap();
    std::fs::rename(&staged, dir.join("clubs-at-work-2026.json")).unwrap();
    eventually("the broken draft to be reported", || async {
        server.log().contains("passage \"2026-carvalho-statement\"")
    })
    .await;
    // The report is the refusal's: "not reloaded" said for it, no reload since.
    let log = server.log();
    let at = log.find("passage \"2026-carvalho-statement\"").unwrap();
    let refused = log[..at].rfind("dataset not reloaded; still serving the last good one");
    assert!(
        refused.is_some_and(|r| !log[r..].contains("dataset reloaded")),
        "{log}"
    );

    // Served as before: the 2025 article still answered, nothing of the 2026 one.
    assert_eq!(expert_title(&server, "mara ellison").await, "Mara Ellison");
    assert!(search_finds(&server, "secretariat of ten", SECRETARIAT).await);
    assert_ne!(
        expert_title(&server, "ines carvalho").await,
        "Ines Carvalho"
    );
    assert!(!search_finds(&server, "projects need owners", "Projects need owners").await);
    let card = embed(&server, "expert", "name", "mara ellison")
        .await
        .to_string();
    assert!(!card.contains("Projects need owners"), "{card}");
    let list = article(&server, None).await.to_string();
    assert!(list.contains("Small Clubs, Big Questions"), "{list}");
    assert!(!list.contains("Minilaterals at Work"), "{list}");
    assert_eq!(server.log().matches("dataset reloaded").count(), reloads);

    let (code, _) = server.stop().await;
    assert_eq!(code, Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}
