//! `serve`'s bounds (issue 28), end to end over loopback: interaction tokens checked before
//! they go into an upload's URL, a form's submission answered honestly, a request framed two
//! ways refused, slow clients cut first at the connection cap, and a stalled Discord: the
//! upload queue full answers with the text at once, and shutdown takes one deadline.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::endpoint_e2e::{key, public_key_hex, serve_against, sign, signed, start_server_with};
use crate::fake_discord::Fake;
use crate::fixture_text;

fn overlap(token: &str) -> Vec<u8> {
    let mut interaction: Value =
        serde_json::from_str(&fixture_text("discord/09-command-overlap.json")).unwrap();
    interaction["token"] = json!(token);
    serde_json::to_vec(&interaction).unwrap()
}

fn address(base: &str) -> String {
    base.trim_start_matches("http://").to_string()
}

/// A request in flight whose body never finishes: its headers (with `Expect: 100-continue`)
/// sent, `HTTP/1.1 100 Continue` read back (hyper sends it once the handler starts reading the
/// body, so the server has accepted and parsed it: no sleep to guess at), then `partial` of
/// the 1,000 bytes announced.
pub async fn stuck_in_body(addr: &str, partial: &[u8]) -> TcpStream {
    let mut stuck = TcpStream::connect(addr).await.unwrap();
    stuck
        .write_all(
            b"POST /interactions HTTP/1.1\r\nHost: x\r\nX-Signature-Ed25519: 00\r\n\
              X-Signature-Timestamp: 1\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n",
        )
        .await
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 256];
    while !got.ends_with(b"\r\n\r\n") {
        let n = tokio::time::timeout(Duration::from_secs(10), stuck.read(&mut buf))
            .await
            .expect("100 Continue once the handler reads the body")
            .unwrap();
        assert!(n > 0, "closed: {}", String::from_utf8_lossy(&got));
        got.extend_from_slice(&buf[..n]);
    }
    assert_eq!(got, b"HTTP/1.1 100 Continue\r\n\r\n");
    stuck.write_all(partial).await.unwrap();
    stuck
}

/// Everything the server sends until it closes the connection (at most `within`); a reset
/// ends it too.
async fn until_closed(stream: &mut TcpStream, within: Duration) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let read = tokio::time::timeout(within, async {
        while let Ok(n @ 1..) = stream.read(&mut buf).await {
            got.extend_from_slice(&buf[..n]);
        }
    });
    read.await.expect("the server closes the connection");
    String::from_utf8_lossy(&got).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_that_would_change_the_upload_url_is_refused_and_never_logged() {
    let fake = Fake::start().await;
    let server = serve_against(&fake, &[]).await;
    let client = reqwest::Client::new();
    let crafted = [
        "../../../../../api/v10/channels/123/messages",
        "a?b=c#",
        "x#frag",
        "..",
    ];
    for token in crafted {
        let (status, answer) = signed(&client, &server.base, &overlap(token)).await;
        // Answered at once with the text, which says what the picture shows; not deferred.
        assert_eq!((status, answer["type"].as_u64()), (200, Some(4)), "{token}");
        let text = answer["data"]["embeds"][0]["description"].as_str().unwrap();
        assert!(text.contains("India"), "{text}");
    }
    // A token in Discord's form still gets its upload, and it is the only call Discord got.
    let (_, answer) = signed(&client, &server.base, &overlap("Good_token-1.x")).await;
    assert_eq!(answer, json!({"type": 5}));
    fake.rest_call(
        1,
        "PATCH",
        "/webhooks/1000000000000000001/Good_token-1.x/messages/@original",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let paths: Vec<String> = fake.rest_calls().into_iter().map(|c| c.path).collect();
    assert_eq!(
        paths,
        ["/api/v10/webhooks/1000000000000000001/Good_token-1.x/messages/@original"]
    );
    let (_, log) = server.stop().await;
    assert_eq!(log.matches("interaction token refused").count(), 4, "{log}");
    for token in crafted.iter().filter(|t| t.len() > 2) {
        assert!(!log.contains(token), "the log holds a token: {log}");
    }
    assert!(!log.contains("Good_token"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_submission_is_answered_honestly_not_with_an_apology() {
    let server = start_server_with(&public_key_hex(), None, &[]).await;
    // A modal submit (type 5), as Discord sends one: the command payload with a form's data.
    let mut modal: Value = serde_json::from_str(&fixture_text(
        "discord/02-command-expert-string-option.json",
    ))
    .unwrap();
    modal["type"] = json!(5);
    modal["data"] = json!({"custom_id": "feedback", "components": []});
    let (status, answer) = signed(
        &reqwest::Client::new(),
        &server.base,
        &modal.to_string().into_bytes(),
    )
    .await;
    assert_eq!((status, answer["type"].as_u64()), (200, Some(4)));
    assert_eq!(answer["data"]["flags"], 64, "private");
    let content = answer["data"]["content"].as_str().unwrap();
    assert!(content.contains("not supported"), "{content}");
    assert!(
        !content.contains("Sorry") && !content.contains("logged"),
        "{content}"
    );
    let (_, log) = server.stop().await;
    assert!(
        log.contains("kind=\"modal\"") && log.contains("outcome=\"unsupported\""),
        "{log}"
    );
    assert!(
        !log.contains("outcome=\"failed\"") && !log.contains("ERROR"),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_with_both_content_length_and_transfer_encoding_gets_400() {
    let server = start_server_with(&public_key_hex(), None, &[]).await;
    let addr = address(&server.base);
    let ping = fixture_text("discord/01-ping.json").into_bytes();
    let (signature, timestamp) = sign(&key(), "1700000000", &ping);
    let head = |framing: &str| {
        format!(
            "POST /interactions HTTP/1.1\r\nHost: x\r\nX-Signature-Ed25519: {signature}\r\n\
             X-Signature-Timestamp: {timestamp}\r\n{framing}\r\n"
        )
        .into_bytes()
    };
    let chunked = [
        format!("{:x}\r\n", ping.len()).into_bytes(),
        ping.clone(),
        b"\r\n0\r\n\r\n".to_vec(),
    ]
    .concat();
    // Both, in either order: refused, and the connection closed.
    for framing in [
        format!(
            "Content-Length: {}\r\nTransfer-Encoding: chunked\r\n",
            chunked.len()
        ),
        format!(
            "Transfer-Encoding: chunked\r\nContent-Length: {}\r\n",
            ping.len()
        ),
    ] {
        let mut stream = TcpStream::connect(&addr).await.unwrap();
        stream
            .write_all(&[head(&framing), chunked.clone()].concat())
            .await
            .unwrap();
        let said = until_closed(&mut stream, Duration::from_secs(5)).await;
        assert!(said.starts_with("HTTP/1.1 400"), "{framing}: {said}");
    }
    // Chunked alone is served (the connection then closes), and Content-Length alone too,
    // twice on one connection.
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream
        .write_all(&[head("Transfer-Encoding: chunked\r\n"), chunked].concat())
        .await
        .unwrap();
    let said = until_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(
        said.starts_with("HTTP/1.1 200") && said.ends_with(r#"{"type":1}"#),
        "{said}"
    );
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    let sized = [head(&format!("Content-Length: {}\r\n", ping.len())), ping].concat();
    stream
        .write_all(&[sized.clone(), sized].concat())
        .await
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while got.windows(10).filter(|w| w == br#"{"type":1}"#).count() < 2 {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
            .await
            .expect("both answered")
            .unwrap();
        assert!(n > 0, "closed early: {}", String::from_utf8_lossy(&got));
        got.extend_from_slice(&buf[..n]);
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_connection_cap_the_oldest_slow_client_is_cut_for_a_complete_request() {
    // A long header timeout: only the cap's cut can free a slot within the test.
    let server = start_server_with(
        &public_key_hex(),
        None,
        &[
            ("MINILATERAL_HEADER_TIMEOUT", "60"),
            ("MINILATERAL_MAX_CONNECTIONS", "3"),
        ],
    )
    .await;
    let addr = address(&server.base);
    let mut slow = Vec::new();
    for _ in 0..3 {
        let mut s = TcpStream::connect(&addr).await.unwrap();
        s.write_all(b"POST /interactions HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        slow.push(s);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // Two clients, each keeping its connection (so the second finds no free slot either).
    let clients = [reqwest::Client::new(), reqwest::Client::new()];
    for client in &clients {
        let started = Instant::now();
        let health = tokio::time::timeout(
            Duration::from_secs(5),
            client.get(format!("{}/healthz", server.base)).send(),
        )
        .await
        .expect("a complete request finds a slot at once")
        .unwrap();
        assert_eq!(health.status().as_u16(), 200);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
    // The two oldest were cut (closed without a word); the newest still waits.
    for s in &mut slow[..2] {
        assert_eq!(until_closed(s, Duration::from_secs(5)).await, "");
    }
    let mut byte = [0u8; 1];
    let still = tokio::time::timeout(Duration::from_millis(300), slow[2].read(&mut byte)).await;
    assert!(still.is_err(), "the newest slow client was cut too");
    // At shutdown a half-sent head is no request to finish: cut at once, not at the deadline.
    let started = Instant::now();
    let (code, _) = server.stop().await;
    assert_eq!(code, Some(0));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_discord_stalled_a_full_upload_queue_answers_with_the_text_at_once() {
    let fake = Fake::start().await;
    fake.hang_edits();
    let server = serve_against(
        &fake,
        &[
            ("MINILATERAL_UPLOAD_QUEUE", "1"),
            ("MINILATERAL_SHUTDOWN_DEADLINE", "1"),
        ],
    )
    .await;
    let client = reqwest::Client::new();
    let (_, first) = signed(&client, &server.base, &overlap("first")).await;
    assert_eq!(first, json!({"type": 5}));
    // Its upload hangs at Discord, holding the queue's one place.
    fake.rest_call(1, "PATCH", "/first/").await;
    for _ in 0..3 {
        let started = Instant::now();
        let (status, answer) = signed(&client, &server.base, &overlap("next")).await;
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert_eq!((status, answer["type"].as_u64()), (200, Some(4)));
        let card = &answer["data"]["embeds"][0];
        assert!(
            card["description"].as_str().unwrap().contains("India"),
            "{card}"
        );
        assert!(card["image"].is_null(), "no picture: {card}");
        assert!(
            answer["data"]
                .get("attachments")
                .is_none_or(|a| a == &json!([])),
            "{answer}"
        );
    }
    assert_eq!(
        fake.rest_calls().len(),
        1,
        "nothing more was sent to Discord"
    );
    let (code, log) = server.stop().await;
    assert_eq!(code, Some(0));
    assert_eq!(log.matches("upload queue full").count(), 3, "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_with_discord_stalled_takes_one_deadline_for_requests_and_uploads() {
    let fake = Fake::start().await;
    fake.hang_edits();
    let server = serve_against(
        &fake,
        &[
            ("MINILATERAL_BODY_TIMEOUT", "60"),
            ("MINILATERAL_SHUTDOWN_DEADLINE", "3"),
        ],
    )
    .await;
    let (_, deferred) = signed(&reqwest::Client::new(), &server.base, &overlap("stalled")).await;
    assert_eq!(deferred, json!({"type": 5}));
    fake.rest_call(1, "PATCH", "/stalled/").await;
    // And a request in flight whose body never finishes.
    let _stuck = stuck_in_body(&address(&server.base), b"{").await;
    let started = Instant::now();
    let (code, log) = server.stop().await;
    let took = started.elapsed();
    assert_eq!(code, Some(0), "{log}");
    // One deadline (3 s) for both, not one after the other (6 s).
    assert!(took >= Duration::from_millis(2800), "{took:?}");
    assert!(took < Duration::from_millis(5500), "took {took:?}: {log}");
    assert!(
        log.contains("connections still open at the shutdown deadline were dropped"),
        "{log}"
    );
    assert!(
        log.contains("uploads still running at the shutdown deadline were dropped"),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_connection_cap_a_client_trickling_its_body_is_cut_for_a_complete_request() {
    // Long timeouts: only the cap's cut can free a slot within the test.
    let server = start_server_with(
        &public_key_hex(),
        None,
        &[
            ("MINILATERAL_HEADER_TIMEOUT", "60"),
            ("MINILATERAL_BODY_TIMEOUT", "60"),
            ("MINILATERAL_MAX_CONNECTIONS", "3"),
            // The requests left in flight hold the shutdown to its deadline.
            ("MINILATERAL_SHUTDOWN_DEADLINE", "1"),
        ],
    )
    .await;
    let addr = address(&server.base);
    // Every slot held by a request with whole headers and a body that never comes whole.
    let mut stuck = Vec::new();
    for _ in 0..3 {
        stuck.push(stuck_in_body(&addr, b"{\"type\":").await);
    }
    let started = Instant::now();
    let health = tokio::time::timeout(
        Duration::from_secs(5),
        reqwest::get(format!("{}/healthz", server.base)),
    )
    .await
    .expect("a complete request finds a slot within 5 s")
    .unwrap();
    assert_eq!(health.status().as_u16(), 200, "{:?}", started.elapsed());
    // The oldest was cut (closed without a word); the others still wait.
    assert_eq!(
        until_closed(&mut stuck[0], Duration::from_secs(5)).await,
        ""
    );
    let mut byte = [0u8; 1];
    let still = tokio::time::timeout(Duration::from_millis(300), stuck[2].read(&mut byte)).await;
    assert!(still.is_err(), "the newest was cut too");
    let (code, _) = server.stop().await;
    assert_eq!(code, Some(0));
}
