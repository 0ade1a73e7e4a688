//! `minilateral serve` end to end over loopback: signed requests answered inline (`/ask` and
//! both message commands among them), forged ones refused before parsing, bad input with the
//! right status, and the server still answering.

use std::process::Stdio;
use std::time::Duration;

use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::fixture_text;
use crate::gateway_e2e::{
    ANSWER, ASK_FIRST_PASSAGE, ASK_QUESTION, ASK_READ_AS, MESSAGE_FIRST_PASSAGE, MESSAGE_QUESTION,
    MESSAGE_READ_AS, ask_interaction, assert_first_passage, message_command,
};

/// The test key of `signature-vectors.json` (seed 0x42 × 32).
pub fn key() -> SigningKey {
    SigningKey::from_bytes(&[0x42u8; 32])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn public_key_hex() -> String {
    hex(key().verifying_key().as_bytes())
}

/// Headers for `body` signed with `signer` at `timestamp`.
pub fn sign(signer: &SigningKey, timestamp: &str, body: &[u8]) -> (String, String) {
    let message = [timestamp.as_bytes(), body].concat();
    (
        hex(&signer.sign(&message).to_bytes()),
        timestamp.to_string(),
    )
}

pub struct Server {
    child: Child,
    pub base: String,
    /// Everything the server printed so far, without colour codes.
    log: std::sync::Arc<std::sync::Mutex<String>>,
    reader: tokio::task::JoinHandle<()>,
}

/// Starts `serve` on a free loopback port and waits until it listens.
pub async fn start_server(public_key: &str, data: Option<&str>) -> Server {
    start_server_with(public_key, data, &[]).await
}

/// `serve` on the bundled data, its uploads sent to `fake` (`DISCORD_API_BASE`), with more
/// environment.
pub async fn serve_against(fake: &crate::fake_discord::Fake, env: &[(&str, &str)]) -> Server {
    let base = fake.base();
    let mut all = vec![("DISCORD_API_BASE", base.as_str())];
    all.extend_from_slice(env);
    start_server_with(&public_key_hex(), None, &all).await
}

/// `start_server` with more environment (limits, …).
pub async fn start_server_with(
    public_key: &str,
    data: Option<&str>,
    env: &[(&str, &str)],
) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minilateral"));
    cmd.envs(env.iter().copied());
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_PUBLIC_KEY", public_key)
        .env("DISCORD_TOKEN", "")
        .env("MINILATERAL_DATA", data.unwrap_or(""))
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = cmd.spawn().unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let address = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            let mut line = String::new();
            if lines.read_line(&mut line).await.unwrap() == 0 {
                panic!("serve exited early:\n{seen}");
            }
            seen.push_str(&line);
            let plain = strip_ansi(&line);
            if let Some(at) = plain.find("address=") {
                let rest = &plain[at + "address=".len()..];
                return rest.split_whitespace().next().unwrap().to_string();
            }
        }
    })
    .await
    .expect("serve starts listening");
    let log = std::sync::Arc::new(std::sync::Mutex::new(strip_ansi(&seen)));
    let shared = log.clone();
    let reader = tokio::spawn(async move {
        let mut line = String::new();
        while lines.read_line(&mut line).await.unwrap_or(0) > 0 {
            shared.lock().unwrap().push_str(&strip_ansi(&line));
            line.clear();
        }
    });
    Server {
        child,
        base: format!("http://{address}"),
        log,
        reader,
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl Server {
    pub fn pid(&self) -> u32 {
        self.child.id().unwrap()
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// SIGTERM, then the exit code and the log.
    pub async fn stop(mut self) -> (Option<i32>, String) {
        let pid = self.child.id().unwrap().to_string();
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        let code = tokio::time::timeout(Duration::from_secs(10), self.child.wait())
            .await
            .expect("serve stops within 10 s of SIGTERM")
            .unwrap()
            .code();
        let log = self.log.clone();
        let _ = self.reader.await;
        let printed = log.lock().unwrap().clone();
        (code, printed)
    }
}

/// POSTs `body` with the given signature headers (None: header left out).
pub async fn post(
    client: &reqwest::Client,
    base: &str,
    body: Vec<u8>,
    signature: Option<&str>,
    timestamp: Option<&str>,
) -> (u16, Option<String>, Vec<u8>) {
    let mut request = client.post(format!("{base}/interactions")).body(body);
    if let Some(s) = signature {
        request = request.header("X-Signature-Ed25519", s);
    }
    if let Some(t) = timestamp {
        request = request.header("X-Signature-Timestamp", t);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string());
    (
        status,
        content_type,
        response.bytes().await.unwrap().to_vec(),
    )
}

pub async fn signed(client: &reqwest::Client, base: &str, body: &[u8]) -> (u16, Value) {
    let (sig, ts) = sign(&key(), "1700000000", body);
    let (status, _, bytes) = post(client, base, body.to_vec(), Some(&sig), Some(&ts)).await;
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_answers_signed_interactions_and_refuses_the_rest() {
    let server = start_server(&public_key_hex(), None).await;
    let base = server.base.clone();
    let client = reqwest::Client::new();

    // The ready-made vectors: three valid, six to refuse (the bytes of the files, unchanged).
    let vectors: Value =
        serde_json::from_str(&fixture_text("discord/signature-vectors.json")).unwrap();
    assert_eq!(vectors["public_key"], public_key_hex());
    for case in vectors["cases"].as_array().unwrap() {
        let mut body = fixture_text(&format!("discord/{}", case["body_file"].as_str().unwrap()));
        body.push_str(case["append_to_body"].as_str().unwrap_or(""));
        let body = body.into_bytes();
        let (status, content_type, bytes) = post(
            &client,
            &base,
            body,
            case["signature"].as_str(),
            case["timestamp"].as_str(),
        )
        .await;
        let expect = case["expect"].as_str().unwrap();
        if expect.starts_with("accept") {
            assert_eq!(status, 200, "{}", case["name"]);
            assert_eq!(content_type.as_deref(), Some("application/json"));
            if case["body_file"] == "01-ping.json" {
                assert_eq!(bytes, br#"{"type":1}"#, "PING gets exactly {{\"type\":1}}");
            }
        } else {
            assert_eq!(status, 401, "{}", case["name"]);
        }
    }

    // The message command: the message's names, in its order, privately.
    let (status, body) = signed(
        &client,
        &base,
        fixture_text("discord/08-message-command.json").as_bytes(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["flags"], 64);
    let description = body["data"]["embeds"][0]["description"].as_str().unwrap();
    let order: Vec<usize> = ["Tanya Filer", "**G7**", "Chris Meserole", "United Nations"]
        .iter()
        .map(|n| {
            description
                .find(n)
                .unwrap_or_else(|| panic!("{n}: {description}"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{description}");

    // /ask, signed: the reading line, then the best passage, in public.
    let ask = ask_interaction(ASK_QUESTION);
    let (status, body) = signed(&client, &base, &serde_json::to_vec(&ask).unwrap()).await;
    assert_eq!((status, body["type"].as_u64()), (200, Some(4)), "{body}");
    assert_eq!(body["data"]["flags"], 0, "/ask answers in public");
    let said = body["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(said.starts_with(ASK_READ_AS), "{said}");
    assert_first_passage(said, ASK_FIRST_PASSAGE);

    // "Answer from the article", signed: the message read as a question, privately.
    let used = message_command(ANSWER, MESSAGE_QUESTION);
    let (status, body) = signed(&client, &base, &serde_json::to_vec(&used).unwrap()).await;
    assert_eq!((status, body["type"].as_u64()), (200, Some(4)), "{body}");
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
    // A message with no text (a picture alone): asked for a question, privately.
    let empty = message_command(ANSWER, "");
    let (status, body) = signed(&client, &base, &serde_json::to_vec(&empty).unwrap()).await;
    assert_eq!(
        (status, body["data"]["flags"].as_u64()),
        (200, Some(64)),
        "{body}"
    );
    let content = body["data"]["content"].as_str().unwrap_or_default();
    assert!(
        content.starts_with("Ask me a question in plain words"),
        "{body}"
    );

    // /country: the groups of a country, answered inline.
    let mut country: Value = serde_json::from_str(&fixture_text(
        "discord/02-command-expert-string-option.json",
    ))
    .unwrap();
    country["data"]["name"] = json!("country");
    country["data"]["options"] = json!([{"type": 3, "name": "name", "value": "india"}]);
    let (status, body) = signed(&client, &base, &serde_json::to_vec(&country).unwrap()).await;
    assert_eq!((status, body["type"].as_u64()), (200, Some(4)));
    let card = &body["data"]["embeds"][0];
    assert_eq!(card["title"], "India");
    let groups = card["description"].as_str().unwrap();
    assert!(
        groups.contains("**BRICS**") && groups.contains("**I2U2**"),
        "{groups}"
    );

    // A command, autocomplete and a button click, signed here.
    let (status, body) = signed(
        &client,
        &base,
        fixture_text("discord/02-command-expert-string-option.json").as_bytes(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["embeds"][0]["title"], "Sara Pantuliano, PhD");
    assert_eq!(
        body["data"]["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": []})
    );
    let (_, body) = signed(
        &client,
        &base,
        fixture_text("discord/07-autocomplete-wish-focused-with-filled-integer.json").as_bytes(),
    )
    .await;
    assert_eq!(body["type"], 8);
    assert!(body["data"]["choices"].as_array().unwrap().len() <= 25);
    let mut click: Value =
        serde_json::from_str(&fixture_text("discord/05-component-button-click.json")).unwrap();
    click["data"]["custom_id"] = json!("post:group:i2u2");
    let (_, body) = signed(&client, &base, click.to_string().as_bytes()).await;
    assert_eq!(body["data"]["embeds"][0]["title"], "I2U2 — I2U2 Group");

    // Tampered body, another key, missing headers: 401.
    let ping = fixture_text("discord/01-ping.json").into_bytes();
    let (sig, ts) = sign(&key(), "1700000000", &ping);
    let mut tampered = ping.clone();
    tampered[5] ^= 1;
    assert_eq!(
        post(&client, &base, tampered, Some(&sig), Some(&ts))
            .await
            .0,
        401
    );
    let other = SigningKey::from_bytes(&[7u8; 32]);
    let (osig, ots) = sign(&other, "1700000000", &ping);
    assert_eq!(
        post(&client, &base, ping.clone(), Some(&osig), Some(&ots))
            .await
            .0,
        401
    );
    assert_eq!(
        post(&client, &base, ping.clone(), None, Some(&ts)).await.0,
        401
    );
    assert_eq!(
        post(&client, &base, ping.clone(), Some(&sig), None).await.0,
        401
    );
    assert_eq!(
        post(&client, &base, ping.clone(), Some("zz"), Some(&ts))
            .await
            .0,
        401
    );
    // A byte moved from the body into the timestamp signs the same message: refused before
    // verifying, since a timestamp is digits only.
    let moved_ts = format!("{ts}{}", ping[0] as char);
    assert_eq!(
        post(
            &client,
            &base,
            ping[1..].to_vec(),
            Some(&sig),
            Some(&moved_ts)
        )
        .await
        .0,
        401
    );
    // "+" where the signature has a 0 digit: not hex, refused.
    let zero = sig.find('0').expect("the fixed signature has a 0 digit");
    let plus = format!("{}+{}", &sig[..zero], &sig[zero + 1..]);
    assert_eq!(
        post(&client, &base, ping.clone(), Some(&plus), Some(&ts))
            .await
            .0,
        401
    );

    // Oversized: 413. Malformed JSON or an unknown type after a valid signature: 400.
    let big = vec![b' '; 65 * 1024];
    let (bsig, bts) = sign(&key(), "1", &big);
    assert_eq!(
        post(&client, &base, big, Some(&bsig), Some(&bts)).await.0,
        413
    );
    let (status, _) = signed(&client, &base, b"{not json").await;
    assert_eq!(status, 400);
    let (status, _) = signed(
        &client,
        &base,
        br#"{"type": 99, "id": "1", "application_id": "1", "token": "t", "version": 1}"#,
    )
    .await;
    assert_eq!(status, 400);

    // Still answering afterwards; health is fine.
    let (status, body) = signed(&client, &base, &ping).await;
    assert_eq!((status, body), (200, json!({"type": 1})));
    let health = client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let health: Value = serde_json::from_slice(&health).unwrap();
    assert_eq!(health["status"], "ok");

    // A name that matches nothing is logged folded, for curators; never who asked.
    let mut miss: Value = serde_json::from_str(&fixture_text(
        "discord/02-command-expert-string-option.json",
    ))
    .unwrap();
    miss["data"]["options"][0]["value"] = json!("Gréta  THUNBERG");
    let (status, body) = signed(&client, &base, miss.to_string().as_bytes()).await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["flags"], 64);

    let (code, log) = server.stop().await;
    assert_eq!(code, Some(0), "{log}");
    assert!(
        log.contains("no match what=\"expert\" query=greta thunberg"),
        "{log}"
    );
    let user = miss["member"]["user"]["id"].as_str().unwrap();
    assert!(!log.contains(user), "the log names who asked");
    assert!(
        log.contains("signed request is not an interaction"),
        "a warning for the 400s:\n{log}"
    );
}

#[test]
fn a_missing_or_malformed_key_stops_serve_with_exit_1() {
    for (key, says) in [
        ("", "not set"),
        ("abc", "64 hex"),
        (&"g".repeat(64)[..], "64 hex"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_minilateral"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DISCORD_PUBLIC_KEY", key)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{key:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{key:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_maximum_signature_age_refuses_old_and_future_timestamps() {
    let server = start_server_with(
        &public_key_hex(),
        None,
        &[("MINILATERAL_MAX_SIGNATURE_AGE", "300")],
    )
    .await;
    let client = reqwest::Client::new();
    let body = fixture_text("discord/02-command-expert-string-option.json").into_bytes();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let status_at = |timestamp: u64| {
        let (sig, ts) = sign(&key(), &timestamp.to_string(), &body);
        let (client, base, body) = (client.clone(), server.base.clone(), body.clone());
        async move { post(&client, &base, body, Some(&sig), Some(&ts)).await.0 }
    };
    assert_eq!(status_at(now).await, 200, "a fresh signature is taken");
    assert_eq!(status_at(now - 200).await, 200, "within the age");
    assert_eq!(status_at(now - 1000).await, 401, "older than the age");
    assert_eq!(status_at(now + 1000).await, 401, "from the future");
    assert_eq!(status_at(1_700_000_000).await, 401, "a replay from 2023");
    // Without the setting (the default), the same old timestamp is taken: Discord does not
    // require the check.
    let open = start_server(&public_key_hex(), None).await;
    let (sig, ts) = sign(&key(), "1700000000", &body);
    let (status, _, _) = post(&client, &open.base, body.clone(), Some(&sig), Some(&ts)).await;
    assert_eq!(status, 200);
    server.stop().await;
    open.stop().await;
}
