//! Live reload: edits under a running `serve` are served after validation; a broken edit keeps
//! the last good data and is logged with file and line; reloads never lose a request.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use minilateral::datafiles::{self, DataPath};
use minilateral::endpoint;
use minilateral::knowledge::Knowledge;
use minilateral::live::{self, Live, Reloaded};
use serde_json::{Value, json};

use crate::endpoint_e2e::{public_key_hex, signed, start_server};
use crate::fixture_text;

/// `/<command> <option>:<value>` as Discord would send it.
pub(crate) fn interaction(command: &str, option: &str, value: &str) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(&fixture_text(
        "discord/02-command-expert-string-option.json",
    ))
    .unwrap();
    v["data"]["name"] = json!(command);
    v["data"]["options"] = json!([{"type": 3, "name": option, "value": value}]);
    v.to_string().into_bytes()
}

/// `/expert name:<name>` as Discord would send it.
fn expert_interaction(name: &str) -> Vec<u8> {
    interaction("expert", "name", name)
}

/// The title of the `/expert tanya filer` card (name and credentials).
async fn filer_title(client: &reqwest::Client, base: &str) -> String {
    let (status, body) = signed(client, base, &expert_interaction("tanya filer")).await;
    assert_eq!(status, 200);
    body["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap()
        .to_string()
}

fn bundled_text() -> String {
    datafiles::BUNDLED[0].1.to_string()
}

/// The bundled dataset's JSON with Filer's credentials edited.
fn with_filer_credentials(json: &str, credentials: &str) -> String {
    let from = "\"name\": \"Tanya Filer\",\n      \"aliases\": [],\n      \"credentials\": [\n        \"PhD\"";
    let to = format!(
        "\"name\": \"Tanya Filer\",\n      \"aliases\": [],\n      \"credentials\": [\n        \"{credentials}\""
    );
    let edited = json.replacen(from, &to, 1);
    assert_ne!(edited, json, "the fixture edit applies");
    edited
}

/// A folder holding a copy of the bundled dataset and the article's text.
fn bundled_copy(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    for (file, text) in datafiles::BUNDLED {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

pub(crate) fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("minilateral-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Polls `check` every 100 ms until it holds; fails after 10 s.
pub(crate) async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_under_a_running_serve_is_served_and_a_broken_one_is_not() {
    let dir = bundled_copy("reload");
    let file = dir.join("minilateral.json");
    let good = bundled_text();
    let server = start_server(&public_key_hex(), Some(file.to_str().unwrap())).await;
    let client = reqwest::Client::new();
    assert_eq!(filer_title(&client, &server.base).await, "Tanya Filer, PhD");

    // A curator corrects a credential: the next requests see it.
    let edited = with_filer_credentials(&good, "DPhil");
    std::fs::write(&file, &edited).unwrap();
    eventually("the edit to be served", || async {
        filer_title(&client, &server.base).await == "Tanya Filer, DPhil"
    })
    .await;

    // The article's text is watched too: an edit that leaves a passage unproven is refused,
    // with the passage named, and the last good data keeps serving.
    let text_file = dir.join("itc-2024.txt");
    let article = std::fs::read_to_string(&text_file).unwrap();
    std::fs::write(&text_file, article.replace("lacks a permanent", "lacks a")).unwrap();
    eventually("the unproven passage to be reported", || async {
        server.log().contains("passage \"filer-g7-secretariat\"")
    })
    .await;
    std::fs::write(&text_file, &article).unwrap();
    eventually("the article to be read again", || async {
        server.log().matches("dataset reloaded").count() >= 2
    })
    .await;

    // A broken edit (a syntax error on line 3): still answered from the last good data, and
    // the log names the file and the line.
    let mut broken: Vec<&str> = edited.lines().collect();
    broken[2] = "  \"sources\" [";
    std::fs::write(&file, broken.join("\n")).unwrap();
    let name = file.display().to_string();
    eventually("the broken file to be reported", || async {
        server.log().contains(&format!("{name}:3:"))
    })
    .await;
    assert!(server.log().contains("still serving the last good one"));
    assert_eq!(
        filer_title(&client, &server.base).await,
        "Tanya Filer, DPhil"
    );

    // Fixed: served again.
    std::fs::write(&file, &good).unwrap();
    eventually("the fix to be served", || async {
        filer_title(&client, &server.base).await == "Tanya Filer, PhD"
    })
    .await;

    // SIGHUP reloads too, even without a change.
    let before = server.log().matches("dataset reloaded").count();
    let pid = server_pid(&server);
    std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap();
    eventually("a reload on SIGHUP", || async {
        server.log().matches("dataset reloaded").count() > before
    })
    .await;

    let (code, _) = server.stop().await;
    assert_eq!(code, Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

fn server_pid(server: &crate::endpoint_e2e::Server) -> String {
    server.pid().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_reloads_under_load_lose_no_request() {
    let dir = bundled_copy("reloads");
    let file = dir.join("minilateral.json");
    let a = bundled_text();
    let b = with_filer_credentials(&a, "DPhil");
    let path = DataPath::Path(file.clone());
    let live = Arc::new(Live::new(Knowledge::new(datafiles::load(&path).unwrap())));
    let verifier = endpoint::verifier(Some(&public_key_hex())).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = endpoint::router(live.clone(), verifier);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let done = Arc::new(AtomicBool::new(false));
    let (ok, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let streams: Vec<_> = (0..4)
        .map(|_| {
            let (base, done, ok, failed) = (base.clone(), done.clone(), ok.clone(), failed.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                while !done.load(Ordering::SeqCst) {
                    let title = filer_title(&client, &base).await;
                    if title == "Tanya Filer, PhD" || title == "Tanya Filer, DPhil" {
                        ok.fetch_add(1, Ordering::SeqCst);
                    } else {
                        failed.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    for i in 0..100 {
        std::fs::write(&file, if i % 2 == 0 { &b } else { &a }).unwrap();
        assert!(
            matches!(live::reload(&path, &live), Reloaded::Swapped { .. }),
            "reload {i}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    done.store(true, Ordering::SeqCst);
    for s in streams {
        s.await.unwrap();
    }
    let (ok, failed) = (ok.load(Ordering::SeqCst), failed.load(Ordering::SeqCst));
    assert_eq!(failed, 0);
    assert!(ok >= 100, "only {ok} requests during 100 reloads");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rewrite_with_the_same_size_and_time_is_noticed() {
    let dir = bundled_copy("same-size");
    let file = dir.join("minilateral.json");
    let path = DataPath::Path(dir.clone());
    let live = Arc::new(Live::new(Knowledge::new(datafiles::load(&path).unwrap())));
    tokio::spawn(live::watch(path, live.clone(), |_| async {}));
    // The watcher's first look at the files.
    tokio::time::sleep(live::POLL_EVERY + Duration::from_millis(500)).await;

    // What `cp -p` or `rsync -t` do: new content of the same size, the old modification time.
    let json = std::fs::read_to_string(&file).unwrap();
    let edited = with_filer_credentials(&json, "PhX");
    assert_eq!(edited.len(), json.len());
    let reference = dir.join("reference");
    std::fs::write(&reference, "").unwrap();
    let touch = |from: &std::path::Path, to: &std::path::Path| {
        let done = std::process::Command::new("touch")
            .arg("-r")
            .arg(from)
            .arg(to)
            .status()
            .unwrap();
        assert!(done.success());
    };
    touch(&file, &reference);
    std::fs::write(&file, &edited).unwrap();
    touch(&reference, &file);
    let modified = |p: &std::path::Path| std::fs::metadata(p).unwrap().modified().unwrap();
    assert_eq!(modified(&file), modified(&reference));

    eventually("the same-size rewrite to be served", || async {
        live.get()
            .dataset
            .expert("tanya-filer")
            .unwrap()
            .credentials
            == ["PhX"]
    })
    .await;
    let _ = std::fs::remove_dir_all(&dir);
}
