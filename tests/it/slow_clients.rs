//! `serve` against slow, silent and half-finished clients: each is cut off by a timeout, the
//! server keeps answering past its connection cap, and SIGTERM exits within the deadline with
//! such clients attached. Short limits are configured so that the test takes seconds.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::bounded::stuck_in_body;
use crate::endpoint_e2e::{public_key_hex, start_server_with};

/// Reads until the server closes the connection; what it sent, or a failure if it is still
/// open after `within`.
async fn until_closed(stream: &mut TcpStream, within: Duration) -> String {
    let mut got = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut got)).await;
    assert!(
        read.is_ok(),
        "the server kept the connection open for {within:?}"
    );
    String::from_utf8_lossy(&got).into_owned()
}

fn address(base: &str) -> String {
    base.trim_start_matches("http://").to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_silent_clients_are_cut_off_and_others_still_answered() {
    let server = start_server_with(
        &public_key_hex(),
        None,
        &[
            ("MINILATERAL_HEADER_TIMEOUT", "0.5"),
            ("MINILATERAL_BODY_TIMEOUT", "0.5"),
            ("MINILATERAL_MAX_CONNECTIONS", "3"),
        ],
    )
    .await;
    let addr = address(&server.base);
    let limit = Duration::from_secs(5);

    // Silent: connects and sends nothing.
    let mut silent = TcpStream::connect(&addr).await.unwrap();
    let started = Instant::now();
    until_closed(&mut silent, limit).await;
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "closed before the timeout"
    );

    // Half the headers.
    let mut half = TcpStream::connect(&addr).await.unwrap();
    half.write_all(b"POST /interactions HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    until_closed(&mut half, limit).await;

    // A body shorter than its Content-Length: 408 once the body timeout passes.
    let mut short = TcpStream::connect(&addr).await.unwrap();
    short
        .write_all(
            b"POST /interactions HTTP/1.1\r\nHost: x\r\nX-Signature-Ed25519: 00\r\n\
              X-Signature-Timestamp: 1\r\nContent-Length: 100\r\n\r\n{\"type\":",
        )
        .await
        .unwrap();
    let said = until_closed(&mut short, limit).await;
    assert!(said.starts_with("HTTP/1.1 408"), "{said}");

    // Headers past the cap are refused, not buffered.
    let mut huge = TcpStream::connect(&addr).await.unwrap();
    let mut request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: ".to_vec();
    request.extend(std::iter::repeat_n(b'a', 64 * 1024));
    let _ = huge.write_all(&request).await;
    let said = until_closed(&mut huge, limit).await;
    assert!(
        said.is_empty() || said.starts_with("HTTP/1.1 431"),
        "{said}"
    );

    // Past the connection cap (3), idle clients hold every slot: the one that has waited
    // longest is cut, and a real request is answered (`bounded` checks it is at once).
    let mut idle = Vec::new();
    for _ in 0..3 {
        idle.push(TcpStream::connect(&addr).await.unwrap());
    }
    let health = tokio::time::timeout(limit, reqwest::get(format!("{}/healthz", server.base)))
        .await
        .expect("answered once a slot is free")
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);

    let (code, log) = server.stop().await;
    assert_eq!(code, Some(0), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_exits_within_the_deadline_with_a_half_sent_request() {
    let server = start_server_with(
        &public_key_hex(),
        None,
        &[
            ("MINILATERAL_BODY_TIMEOUT", "60"),
            ("MINILATERAL_SHUTDOWN_DEADLINE", "1"),
        ],
    )
    .await;
    let addr = address(&server.base);
    // A request whose body never finishes: in flight until the deadline (read by the server
    // before the signal: `stuck_in_body` waits for its 100 Continue).
    let _stuck = stuck_in_body(&addr, b"{\"type\":").await;
    let started = Instant::now();
    let (code, log) = server.stop().await;
    assert_eq!(code, Some(0), "{log}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?} to stop",
        started.elapsed()
    );
    assert!(log.contains("dropped"), "{log}");
}

#[test]
fn a_bad_limit_is_a_configuration_error() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("DISCORD_PUBLIC_KEY", public_key_hex())
        .env("MINILATERAL_HEADER_TIMEOUT", "soon")
        .env("MINILATERAL_DATA", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("MINILATERAL_HEADER_TIMEOUT must be a number of seconds above 0, not `soon`"),
        "{err}"
    );
}
