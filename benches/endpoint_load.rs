//! Load on `minilateral serve` over loopback (`cargo bench --bench endpoint_load`): signed
//! `/expert` requests from a small open-loop client in this process, against the release
//! binary in its own process. Prints requests per second at saturation and the latency
//! percentiles at a fixed 2,000 requests per second; then slow clients past the connection
//! cap, reloads under load, and a stalled Discord API (`bounded`). Client and server share the
//! machine's 2 cores, so the figures are a floor for the server alone.
//!
//! `cargo bench --bench endpoint_load -- --compare PATH` also runs the fixed rate against the
//! binary at PATH (another build), alternating with this one, three times each.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::{Signer, SigningKey};

#[path = "endpoint_load/bounded.rs"]
mod bounded;
#[path = "endpoint_load/messages.rs"]
mod messages;

const SATURATION_SECS: u64 = 10;
const CONNECTIONS: usize = 32;
const RATE: u64 = 2_000;
const RATE_SECS: u64 = 10;
/// Slow clients held open (each sent half a request line and stops) while valid requests go on:
/// more than the 4,096 connections `serve` takes at once.
const SLOW_CLIENTS: usize = 4_500;
const SLOW_RATE: u64 = 500;
const SLOW_SECS: u64 = 5;
/// Entities of the synthetic dataset reloaded under load (about 50 MB of JSON).
const RELOAD_ENTITIES: usize = 45_000;
const RELOAD_RATE: u64 = 200;
const RELOAD_SECS: u64 = 20;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

struct Server(Child);

impl Server {
    /// `minilateral serve` on a free port of 127.0.0.1, with the public key of `key` and the
    /// dataset at `data` (the bundled one when `None`); its address.
    fn start(key: &SigningKey, data: Option<&std::path::Path>) -> (Server, String) {
        Server::start_with(env!("CARGO_BIN_EXE_minilateral"), key, data, &[])
    }

    /// `start`, with the binary at `binary` and more environment.
    fn start_with(
        binary: &str,
        key: &SigningKey,
        data: Option<&std::path::Path>,
        env: &[(&str, &str)],
    ) -> (Server, String) {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = Command::new(binary);
        command
            .envs(env.iter().copied())
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .env("DISCORD_PUBLIC_KEY", hex(key.verifying_key().as_bytes()))
            .env("DISCORD_TOKEN", "")
            .env(
                "MINILATERAL_DATA",
                data.map(|d| d.as_os_str()).unwrap_or_default(),
            )
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        let child = command.spawn().expect("start serve");
        (Server(child), format!("http://127.0.0.1:{port}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

fn report(label: &str, mut micros: Vec<u64>, errors: usize, secs: f64) {
    micros.sort_unstable();
    println!(
        "{label}: {} ok, {errors} errors in {secs:.1} s = {:.0} req/s; latency ms p50 {:.2} p90 {:.2} p99 {:.2} max {:.2}",
        micros.len(),
        micros.len() as f64 / secs,
        percentile(&micros, 0.50),
        percentile(&micros, 0.90),
        percentile(&micros, 0.99),
        percentile(&micros, 1.0),
    );
}

fn main() {
    // `cargo bench` passes filter arguments; this bench runs every scenario and ignores them,
    // but for `--compare PATH` (another build, run beside this one) and `--messages` (the long
    // messages run alone).
    let key = SigningKey::from_bytes(&[0x42; 32]);
    let args: Vec<String> = std::env::args().collect();
    let other = args
        .iter()
        .position(|a| a == "--compare")
        .and_then(|at| args.get(at + 1));
    let long_messages = || {
        if let Some(other) = other {
            messages::long_messages(&key, "1700000000", other, "other");
        }
        messages::long_messages(
            &key,
            "1700000000",
            env!("CARGO_BIN_EXE_minilateral"),
            "this",
        );
    };
    if args.iter().any(|a| a == "--messages") {
        long_messages();
        return;
    }
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord/02-command-expert-string-option.json"
    ))
    .unwrap();
    const TIMESTAMP: &str = "1700000000";
    let timestamp = TIMESTAMP;
    let signature = hex(&key.sign(&[timestamp.as_bytes(), &body].concat()).to_bytes());

    // This client holds thousands of sockets too.
    let _ = rlimit::increase_nofile_limit(65_536);
    let (server, base) = Server::start(&key, None);

    let server_pid = server.0.id();
    let runtime = client_runtime();
    runtime.block_on(async move {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(CONNECTIONS)
            .build()
            .unwrap();
        let request = Arc::new((base.clone(), body, signature, client));
        let send = |r: Arc<Target>| post(r, TIMESTAMP);
        until_up(&request, TIMESTAMP, Duration::from_secs(20)).await;
        // Warm up.
        for _ in 0..500 {
            send(request.clone()).await;
        }

        // Saturation: CONNECTIONS clients, each sending as soon as the last answer came.
        let start = Instant::now();
        let stop = start + Duration::from_secs(SATURATION_SECS);
        let (all, errors) = closed_loop(CONNECTIONS, stop, request.clone(), TIMESTAMP).await;
        report(
            &format!("saturation, {CONNECTIONS} connections"),
            all,
            errors,
            start.elapsed().as_secs_f64(),
        );

        let (all, errors, secs) =
            fixed_rate(RATE, RATE_SECS, || send(request.clone()), |_| {}).await;
        report(&format!("fixed rate {RATE}/s"), all, errors, secs);

        // Slow clients: SLOW_CLIENTS connections that send half a request and stop, held
        // open (inside the server's header timeout) while valid requests come at a fixed rate.
        let rss_before = rss_kib(server_pid);
        let mut slow = Vec::with_capacity(SLOW_CLIENTS);
        let opening = Instant::now();
        for _ in 0..SLOW_CLIENTS {
            use tokio::io::AsyncWriteExt;
            let mut s = tokio::net::TcpStream::connect(base.trim_start_matches("http://"))
                .await
                .expect("connect a slow client");
            let _ = s
                .write_all(b"POST /interactions HTTP/1.1\r\nHost: x\r\n")
                .await;
            slow.push(s);
        }
        println!(
            "{SLOW_CLIENTS} slow clients connected in {:.1} s",
            opening.elapsed().as_secs_f64()
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (all, errors, secs) =
            fixed_rate(SLOW_RATE, SLOW_SECS, || send(request.clone()), |_| {}).await;
        let rss_during = rss_kib(server_pid);
        let cut = bounded::closed(&mut slow).await;
        println!("slow clients the server had closed: {cut} of {SLOW_CLIENTS}");
        report(
            &format!("fixed rate {SLOW_RATE}/s with {SLOW_CLIENTS} slow clients held open"),
            all,
            errors,
            secs,
        );
        println!(
            "server memory (RSS): {} MiB before the slow clients, {} MiB with them",
            rss_before / 1024,
            rss_during / 1024
        );
        drop(slow);
    });
    drop(server);
    if let Some(other) = other {
        compare(&key, other, TIMESTAMP);
    }
    long_messages();
    reloads_under_load(&key, TIMESTAMP);
    bounded::stalled_discord(&key, TIMESTAMP);
}

/// The fixed rate against another build and this one, alternating, three times each: the
/// difference a change makes, on the same machine in the same minutes.
fn compare(key: &SigningKey, other: &str, timestamp: &'static str) {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord/02-command-expert-string-option.json"
    ))
    .unwrap();
    let signature = hex(&key.sign(&[timestamp.as_bytes(), &body].concat()).to_bytes());
    for round in 1..=3 {
        for (label, binary) in [
            ("other", other),
            ("this", env!("CARGO_BIN_EXE_minilateral")),
        ] {
            let (server, base) = Server::start_with(binary, key, None, &[]);
            let (body, signature) = (body.clone(), signature.clone());
            client_runtime().block_on(async move {
                let request = Arc::new((base, body, signature, reqwest::Client::new()));
                let send = |r: Arc<Target>| post(r, timestamp);
                until_up(&request, timestamp, Duration::from_secs(20)).await;
                for _ in 0..500 {
                    send(request.clone()).await;
                }
                let (all, errors, secs) =
                    fixed_rate(RATE, RATE_SECS, || send(request.clone()), |_| {}).await;
                report(
                    &format!("round {round}, {label} build, fixed rate {RATE}/s"),
                    all,
                    errors,
                    secs,
                );
            });
            drop(server);
        }
    }
}

/// A second server on a large synthetic dataset, rewritten twice while valid requests come at
/// a fixed rate: how long a reload delays requests, and the memory before and after.
fn reloads_under_load(key: &SigningKey, timestamp: &'static str) {
    use minilateral_synthetic::{Spec, dataset_json};
    let dir = std::env::temp_dir().join(format!("minilateral-reload-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("data.json");
    let text = dataset_json(Spec {
        entities: RELOAD_ENTITIES,
        seed: 2024,
        long_texts: false,
    });
    std::fs::write(&file, &text).unwrap();
    let (server, base) = Server::start(key, Some(&file));
    let pid = server.0.id();
    // The same signed `/expert` request as above; on this dataset it is a miss, which is
    // answered from whatever dataset is in use.
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord/02-command-expert-string-option.json"
    ))
    .unwrap();
    let signature = hex(&key.sign(&[timestamp.as_bytes(), &body].concat()).to_bytes());
    let runtime = client_runtime();
    runtime.block_on(async move {
        let client = reqwest::Client::new();
        let request = Arc::new((base, body, signature, client));
        let send = move |r: Arc<Target>| post(r, timestamp);
        until_up(&request, timestamp, Duration::from_secs(120)).await;
        // The same load with no reload first: the tail this machine gives anyway (the client
        // shares its cores with the server), to hold the reload figures against.
        let (all, errors, secs) =
            fixed_rate(RELOAD_RATE, RELOAD_SECS / 2, || send(request.clone()), |_| {}).await;
        report(
            &format!("fixed rate {RELOAD_RATE}/s on {RELOAD_ENTITIES} entities, no reload"),
            all,
            errors,
            secs,
        );
        let rss_before = rss_kib(pid);
        let n = RELOAD_RATE * RELOAD_SECS;
        let mut rewrites = 0;
        // Rewrite the file (same bytes, new change time) at a quarter and at half time, on a
        // thread of its own: writing 51 MB takes tens of milliseconds, and done in the sending
        // loop it would delay the client's own requests and be counted against the server.
        let mut writers = Vec::new();
        let shared = Arc::new(text.clone());
        let rewrite = |i: u64| {
            if i == n / 4 || i == n / 2 {
                let (file, text) = (file.clone(), shared.clone());
                writers.push(std::thread::spawn(move || std::fs::write(&file, text.as_bytes()).unwrap()));
                rewrites += 1;
            }
        };
        let (all, errors, secs) =
            fixed_rate(RELOAD_RATE, RELOAD_SECS, || send(request.clone()), rewrite).await;
        for w in writers {
            w.join().unwrap();
        }
        report(
            &format!(
                "fixed rate {RELOAD_RATE}/s on {RELOAD_ENTITIES} entities ({} MB), {rewrites} reloads",
                text.len() / 1_000_000
            ),
            all,
            errors,
            secs,
        );
        println!(
            "server memory (RSS): {} MiB before the reloads, {} MiB after",
            rss_before / 1024,
            rss_kib(pid) / 1024
        );
    });
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The load client's runtime: two workers, as many as the machine has cores.
fn client_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Where and what to post: base URL, signed body, its signature, the client.
type Target = (String, Vec<u8>, String, reqwest::Client);

/// POSTs the signed body; true for a 200 whose body arrived.
async fn post(r: Arc<Target>, timestamp: &'static str) -> bool {
    let (base, body, signature, client) = &*r;
    let response = client
        .post(format!("{base}/interactions"))
        .header("X-Signature-Ed25519", signature)
        .header("X-Signature-Timestamp", timestamp)
        .header("Content-Type", "application/json")
        .body(body.clone())
        .send()
        .await;
    match response {
        Ok(r) if r.status() == 200 => r.bytes().await.is_ok(),
        _ => false,
    }
}

/// Waits until `serve` answers `request`; panics past `within`.
async fn until_up(request: &Arc<Target>, timestamp: &'static str, within: Duration) {
    let deadline = Instant::now() + within;
    while !post(request.clone(), timestamp).await {
        assert!(Instant::now() < deadline, "serve did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `clients` clients, each sending `request` again as soon as the last answer came, until
/// `stop`: the latencies in µs of the requests answered, and how many failed.
async fn closed_loop(
    clients: usize,
    stop: Instant,
    request: Arc<Target>,
    timestamp: &'static str,
) -> (Vec<u64>, usize) {
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let r = request.clone();
            tokio::spawn(async move {
                let (mut ok, mut errors) = (Vec::new(), 0);
                while Instant::now() < stop {
                    let t = Instant::now();
                    if post(r.clone(), timestamp).await {
                        ok.push(t.elapsed().as_micros() as u64);
                    } else {
                        errors += 1;
                    }
                }
                (ok, errors)
            })
        })
        .collect();
    let (mut all, mut errors) = (Vec::new(), 0);
    for t in tasks {
        let (ok, e) = t.await.unwrap();
        all.extend(ok);
        errors += e;
    }
    (all, errors)
}

/// Requests at `rate` a second for `secs`, open loop: each is sent at its scheduled time
/// whatever the others are doing, and its latency counts from that time (no coordinated
/// omission). `before(i)` runs just before request `i`. Returns the latencies in µs of the
/// requests that succeeded, the number that failed, and the seconds it took.
async fn fixed_rate<F, Fut>(
    rate: u64,
    secs: u64,
    send: F,
    mut before: impl FnMut(u64),
) -> (Vec<u64>, usize, f64)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool> + Send + 'static,
{
    let n = rate * secs;
    let interval = Duration::from_nanos(1_000_000_000 / rate);
    let start = tokio::time::Instant::now();
    let mut tasks = Vec::with_capacity(n as usize);
    for i in 0..n {
        let at = start + interval * i as u32;
        tokio::time::sleep_until(at).await;
        before(i);
        let request = send();
        tasks.push(tokio::spawn(async move {
            let ok = request.await;
            (ok, at.elapsed().as_micros() as u64)
        }));
    }
    let (mut all, mut errors) = (Vec::new(), 0);
    for t in tasks {
        match t.await.unwrap() {
            (true, us) => all.push(us),
            (false, _) => errors += 1,
        }
    }
    (all, errors, start.elapsed().as_secs_f64())
}

/// The resident memory of process `pid`, in KiB (Linux).
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
