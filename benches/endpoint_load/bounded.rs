//! The endpoint bench's runs for issue 28 ("bounded everything"): slow clients the server has
//! cut, and a stalled Discord API under 2,000 `/overlap` requests (memory, answers, shutdown).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ed25519_dalek::{Signer, SigningKey};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

use super::{Server, client_runtime, fixed_rate, hex, percentile, rss_kib};

/// `/overlap` requests sent while the API hangs, and how fast.
const STALLED_REQUESTS: u64 = 2_000;
const STALLED_RATE: u64 = 200;

/// How many of `slow` the server has closed (or reset) by now.
pub async fn closed(slow: &mut [TcpStream]) -> usize {
    // Let the reactor see what came in.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut buf = [0u8; 64];
    slow.iter_mut()
        .filter(|s| match s.try_read(&mut buf) {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => e.kind() != std::io::ErrorKind::WouldBlock,
        })
        .count()
}

/// A Discord API that takes every connection, reads what comes and never answers: how many
/// connections (upload attempts) it took.
async fn hanging_api() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let attempts = Arc::new(AtomicUsize::new(0));
    let counted = attempts.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::Relaxed);
            tokio::spawn(async move {
                let mut sink = vec![0u8; 64 * 1024];
                while let Ok(1..) = stream.read(&mut sink).await {}
                // Held until the client gives up.
            });
        }
    });
    (format!("http://{addr}"), attempts)
}

/// `serve` against a stalled API: 2,000 signed `/overlap` requests at a fixed rate; how they
/// were answered (deferred for an upload, or the text at once), the memory they cost, and how
/// long SIGTERM then takes (one shutdown deadline: 10 s by default).
pub fn stalled_discord(key: &SigningKey, timestamp: &'static str) {
    let runtime = client_runtime();
    let (api, attempts) = runtime.block_on(hanging_api());
    let (mut server, base) = Server::start_with(
        env!("CARGO_BIN_EXE_minilateral"),
        key,
        None,
        &[("DISCORD_API_BASE", api.as_str())],
    );
    let pid = server.0.id();
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord/09-command-overlap.json"
    ))
    .unwrap();
    let ping = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord/01-ping.json"
    ))
    .unwrap();
    let sign = |body: &[u8]| hex(&key.sign(&[timestamp.as_bytes(), body].concat()).to_bytes());
    let (signature, ping_signature) = (sign(&body), sign(&ping));
    runtime.block_on(async move {
        let client = reqwest::Client::new();
        let post = {
            let client = client.clone();
            move |body: Vec<u8>, signature: String| {
                let (client, url) = (client.clone(), format!("{base}/interactions"));
                async move {
                    let response = client
                        .post(url)
                        .header("X-Signature-Ed25519", signature)
                        .header("X-Signature-Timestamp", timestamp)
                        .body(body)
                        .send()
                        .await
                        .ok()?;
                    let bytes = response.bytes().await.ok()?;
                    let answer: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
                    answer["type"].as_u64()
                }
            }
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while post(ping.clone(), ping_signature.clone()).await != Some(1) {
            assert!(Instant::now() < deadline, "serve did not come up");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let rss_before = rss_kib(pid);
        let kinds = Arc::new(std::sync::Mutex::new(Vec::new()));
        let send = || {
            let (post, kinds) = (post.clone(), kinds.clone());
            let (body, signature) = (body.clone(), signature.clone());
            async move {
                let kind = post(body, signature).await;
                kinds.lock().unwrap().push(kind);
                kind.is_some()
            }
        };
        let (latencies, errors, secs) = fixed_rate(
            STALLED_RATE,
            STALLED_REQUESTS / STALLED_RATE,
            send,
            |_| {},
        )
        .await;
        let rss_after = rss_kib(pid);
        tokio::time::sleep(Duration::from_secs(5)).await;
        let rss_later = rss_kib(pid);
        let kinds = kinds.lock().unwrap().clone();
        let deferred = kinds.iter().filter(|k| **k == Some(5)).count();
        let text = kinds.iter().filter(|k| **k == Some(4)).count();
        let mut sorted = latencies;
        sorted.sort_unstable();
        println!(
            "stalled API: {STALLED_REQUESTS} /overlap at {STALLED_RATE}/s in {secs:.1} s: {deferred} deferred for an upload, {text} answered at once with the text, {errors} errors; latency ms p50 {:.2} p99 {:.2} max {:.2}",
            percentile(&sorted, 0.50),
            percentile(&sorted, 0.99),
            percentile(&sorted, 1.0),
        );
        println!(
            "stalled API: server memory (RSS) {} MiB before, {} MiB after the requests, {} MiB 5 s later (growth {:.1} MiB); upload attempts the API took: {}",
            rss_before / 1024,
            rss_after / 1024,
            rss_later / 1024,
            (rss_after.max(rss_later) as f64 - rss_before as f64) / 1024.0,
            attempts.load(Ordering::Relaxed)
        );
    });
    // SIGTERM, and the time to exit.
    let stopping = Instant::now();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    let code = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status.code();
        }
        assert!(
            stopping.elapsed() < Duration::from_secs(60),
            "serve did not stop"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    println!(
        "stalled API: SIGTERM to exit {:.2} s (exit code {code:?}; the shutdown deadline is 10 s)",
        stopping.elapsed().as_secs_f64()
    );
    drop(runtime);
}
