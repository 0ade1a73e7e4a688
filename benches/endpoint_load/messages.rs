//! The endpoint bench's run of long messages (issue 28): four clients ask the message command
//! about 4,000-character messages of glued names ("G7G7…", Discord's longest message), each
//! sending again as soon as it is answered, while `/expert` requests come at a fixed rate. The
//! `/expert` latencies with and without them say whether one costly request delays others.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::{Signer, SigningKey};

use super::{Server, Target, client_runtime, closed_loop, fixed_rate, hex, post, report, until_up};

/// Clients sending long messages, and the `/expert` rate beside them.
const HEAVY_CLIENTS: usize = 4;
const EXPERT_RATE: u64 = 500;
const SECS: u64 = 10;

/// The message command's interaction, on a message of `content`, signed.
fn message_request(key: &SigningKey, timestamp: &str, content: &str) -> (Vec<u8>, String) {
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/discord/08-message-command.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let messages = v["data"]["resolved"]["messages"].as_object_mut().unwrap();
    for m in messages.values_mut() {
        m["content"] = serde_json::json!(content);
    }
    let body = serde_json::to_vec(&v).unwrap();
    let signature = hex(&key.sign(&[timestamp.as_bytes(), &body].concat()).to_bytes());
    (body, signature)
}

/// `/expert` at a fixed rate alone, then beside the long messages, on the build at `binary`.
pub fn long_messages(key: &SigningKey, timestamp: &'static str, binary: &str, label: &str) {
    let (server, base) = Server::start_with(binary, key, None, &[]);
    let expert = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord/02-command-expert-string-option.json"
    ))
    .unwrap();
    let signature = hex(&key
        .sign(&[timestamp.as_bytes(), &expert].concat())
        .to_bytes());
    let (message, message_signature) = message_request(key, timestamp, &"G7".repeat(2_000));
    let label = label.to_string();
    client_runtime().block_on(async move {
        let client = reqwest::Client::new();
        let expert = Arc::new((base.clone(), expert, signature, client.clone()));
        let heavy = Arc::new((base, message, message_signature, client));
        let send = |r: Arc<Target>| post(r, timestamp);
        until_up(&expert, timestamp, Duration::from_secs(20)).await;
        for _ in 0..200 {
            send(expert.clone()).await;
            send(heavy.clone()).await;
        }
        let (all, errors, secs) =
            fixed_rate(EXPERT_RATE, SECS, || send(expert.clone()), |_| {}).await;
        report(
            &format!("{label} build, /expert at {EXPERT_RATE}/s alone"),
            all,
            errors,
            secs,
        );
        let stop = Instant::now() + Duration::from_secs(SECS);
        // The long messages go on beside the fixed rate below.
        let heavy_run = tokio::spawn(closed_loop(HEAVY_CLIENTS, stop, heavy.clone(), timestamp));
        let (all, errors, secs) =
            fixed_rate(EXPERT_RATE, SECS, || send(expert.clone()), |_| {}).await;
        report(
            &format!(
                "{label} build, /expert at {EXPERT_RATE}/s beside {HEAVY_CLIENTS} clients of 4,000-character messages"
            ),
            all,
            errors,
            secs,
        );
        let (messages, failed) = heavy_run.await.unwrap();
        report(
            &format!("{label} build, the 4,000-character messages themselves"),
            messages,
            failed,
            SECS as f64,
        );
    });
    drop(server);
}
