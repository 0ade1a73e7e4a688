//! A fake of Discord's REST API and gateway on 127.0.0.1, for running the real bot binary
//! end to end: the REST routes serenity calls and the gateway's hello, identify, ready and
//! dispatch, as Discord's developer documentation describes them. It records every REST call and gateway
//! message, and lets the test push dispatches or drop the connection.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc};

pub const APPLICATION_ID: &str = "1000000000000000001";

/// One REST call as the fake received it.
#[derive(Clone, Debug)]
pub struct RestCall {
    pub method: String,
    pub path: String,
    pub authorization: Option<String>,
    /// The JSON body; for a multipart request, its `payload_json`.
    pub body: Value,
    /// The files of a multipart request, in order.
    pub files: Vec<File>,
}

/// One file part of a multipart request.
#[derive(Clone, Debug)]
pub struct File {
    /// The form field (`files[0]`).
    pub field: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// What the test tells the current gateway connection to do.
#[derive(Debug)]
pub enum Control {
    Send(Value),
    Close(u16),
}

#[derive(Default)]
struct Inner {
    rest: Vec<RestCall>,
    /// Gateway messages from the bot (IDENTIFY, RESUME, heartbeats), in order.
    gateway: Vec<Value>,
    connections: usize,
    /// The open connection (its number, and how to reach it).
    control: Option<(usize, mpsc::UnboundedSender<Control>)>,
    /// The connection that identified as each shard (for several processes sharing a bot).
    by_shard: std::collections::HashMap<u64, mpsc::UnboundedSender<Control>>,
    seq: u64,
    /// Edits with files are refused (400), as Discord refuses a file it cannot take.
    refuse_files: bool,
    /// Edits of interaction responses are recorded and never answered, as when Discord stalls.
    hang_edits: bool,
    /// Statuses for the next edits of interaction responses, one each (404 while Discord
    /// does not know the deferral yet, 429, 5xx).
    fail_edits: std::collections::VecDeque<u16>,
}

#[derive(Clone)]
pub struct Fake {
    pub addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    changed: Arc<Notify>,
}

impl Fake {
    pub async fn start() -> Fake {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let fake = Fake {
            addr,
            inner: Arc::default(),
            changed: Arc::default(),
        };
        let app = Router::new()
            .route("/ws", get(gateway))
            .route("/api/v10/gateway", get(gateway_url))
            .route("/api/v10/gateway/bot", get(gateway_bot))
            .route("/api/v10/{*rest}", any(rest))
            .with_state(fake.clone());
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        fake
    }

    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Answers the next edits of interaction responses with these statuses, one each.
    pub fn fail_next_edits(&self, statuses: &[u16]) {
        self.inner.lock().unwrap().fail_edits.extend(statuses);
    }

    /// From now on, records edits of interaction responses and never answers them.
    pub fn hang_edits(&self) {
        self.inner.lock().unwrap().hang_edits = true;
    }

    /// From now on, refuses edits that carry files.
    pub fn refuse_files(&self) {
        self.inner.lock().unwrap().refuse_files = true;
    }

    pub fn rest_calls(&self) -> Vec<RestCall> {
        self.inner.lock().unwrap().rest.clone()
    }

    pub fn gateway_messages(&self) -> Vec<Value> {
        self.inner.lock().unwrap().gateway.clone()
    }

    /// Waits (up to `secs`) until `found` returns something.
    pub async fn wait_for<T>(
        &self,
        secs: u64,
        what: &str,
        found: impl Fn(&Fake) -> Option<T>,
    ) -> T {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let notified = self.changed.notified();
            if let Some(t) = found(self) {
                return t;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!("timed out waiting for {what}");
            }
        }
    }

    /// Waits for the `n`th (1-based) REST call matching `method` and a path containing `part`.
    pub async fn rest_call(&self, n: usize, method: &str, part: &str) -> RestCall {
        self.wait_for(20, &format!("{method} {part} #{n}"), |f| {
            f.rest_calls()
                .into_iter()
                .filter(|c| c.method == method && c.path.contains(part))
                .nth(n - 1)
        })
        .await
    }

    /// Waits for the `n`th gateway message with opcode `op`.
    pub async fn gateway_op(&self, n: usize, op: u64) -> Value {
        self.wait_for(30, &format!("gateway op {op} #{n}"), |f| {
            f.gateway_messages()
                .into_iter()
                .filter(|m| m["op"] == op)
                .nth(n - 1)
        })
        .await
    }

    fn control(&self, c: Control) {
        let tx = self.inner.lock().unwrap().control.clone();
        tx.expect("a gateway connection is open").1.send(c).unwrap();
    }

    /// Sends a dispatch (op 0) with the next sequence number.
    pub fn dispatch(&self, event: &str, d: Value) {
        let s = {
            let mut inner = self.inner.lock().unwrap();
            inner.seq += 1;
            inner.seq
        };
        self.control(Control::Send(json!({"op": 0, "t": event, "s": s, "d": d})));
    }

    /// Sends a dispatch on the connection that identified as `shard`, as Discord sends a
    /// guild's events on the shard `(guild_id >> 22) % total`.
    pub fn dispatch_to_shard(&self, shard: u64, event: &str, d: Value) {
        let (s, tx) = {
            let mut inner = self.inner.lock().unwrap();
            inner.seq += 1;
            let tx = inner.by_shard.get(&shard).cloned();
            (inner.seq, tx)
        };
        tx.unwrap_or_else(|| panic!("no connection identified as shard {shard}"))
            .send(Control::Send(json!({"op": 0, "t": event, "s": s, "d": d})))
            .unwrap();
    }

    pub fn send(&self, payload: Value) {
        self.control(Control::Send(payload));
    }

    pub fn close(&self, code: u16) {
        self.control(Control::Close(code));
    }

    fn record_gateway(&self, message: Value) {
        self.inner.lock().unwrap().gateway.push(message);
        self.changed.notify_waiters();
    }
}

async fn gateway_url(State(fake): State<Fake>) -> impl IntoResponse {
    axum::Json(json!({"url": format!("ws://{}/ws", fake.addr)}))
}

async fn gateway_bot(State(fake): State<Fake>) -> impl IntoResponse {
    axum::Json(json!({
        "url": format!("ws://{}/ws", fake.addr),
        "shards": 1,
        "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    }))
}

/// A request's JSON body and files: `payload_json` and the file parts of a multipart body
/// (how Discord takes messages with files), or the whole body as JSON.
async fn body_and_files(request: Request) -> (Value, Vec<File>) {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let bytes: Bytes = axum::body::to_bytes(request.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        return (
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            Vec::new(),
        );
    }
    let mut form = Multipart::from_request(request, &()).await.unwrap();
    let (mut body, mut files) = (Value::Null, Vec::new());
    while let Some(field) = form.next_field().await.unwrap() {
        let name = field.name().unwrap_or_default().to_string();
        let filename = field.file_name().map(String::from);
        let content_type = field.content_type().map(String::from);
        let data = field.bytes().await.unwrap().to_vec();
        if name == "payload_json" {
            body = serde_json::from_slice(&data).unwrap_or(Value::Null);
        } else {
            files.push(File {
                field: name,
                filename,
                content_type,
                data,
            });
        }
    }
    (body, files)
}

/// Every other REST route: recorded; registration, callbacks and edits of interaction
/// responses answered as Discord does.
async fn rest(State(fake): State<Fake>, request: Request) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let authorization = request
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let (body, files) = body_and_files(request).await;
    let has_files = !files.is_empty();
    let call = RestCall {
        method: method.to_string(),
        path: path.clone(),
        authorization,
        body: body.clone(),
        files,
    };
    let is_edit = method == Method::PATCH && path.contains("/webhooks/");
    let (refuse_files, fail, hang) = {
        let mut inner = fake.inner.lock().unwrap();
        inner.rest.push(call);
        let fail = if is_edit {
            inner.fail_edits.pop_front()
        } else {
            None
        };
        (inner.refuse_files, fail, is_edit && inner.hang_edits)
    };
    fake.changed.notify_waiters();
    if hang {
        std::future::pending::<()>().await;
    }
    if method == Method::PUT && path.ends_with("/commands") {
        // Bulk overwrite returns the commands with the fields Discord adds.
        let commands: Vec<Value> = body
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, mut c)| {
                c["id"] = json!(format!("90000000000000000{i:02}"));
                c["application_id"] = json!(APPLICATION_ID);
                c["version"] = json!("1");
                // As Discord does: a slash command unless told otherwise, and an empty
                // description for a message command (which may not have one).
                if c["type"].is_null() {
                    c["type"] = json!(1);
                }
                if c["description"].is_null() {
                    c["description"] = json!("");
                }
                c["default_member_permissions"] = Value::Null;
                c
            })
            .collect();
        return axum::Json(Value::Array(commands)).into_response();
    }
    if method == Method::POST && path.ends_with("/callback") {
        return StatusCode::NO_CONTENT.into_response();
    }
    if method == Method::PATCH && path.contains("/webhooks/") && path.ends_with("/@original") {
        if let Some(status) = fail {
            let status = StatusCode::from_u16(status).unwrap();
            let body = json!({"message": "failed on purpose", "code": 0, "retry_after": 0.2});
            return (status, axum::Json(body)).into_response();
        }
        if has_files && refuse_files {
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(json!({"message": "Invalid Form Body", "code": 50035})),
            )
                .into_response();
        }
        // The edited message, as far as a client reads it.
        let mut message = body.clone();
        message["id"] = json!("1700000000000000001");
        message["channel_id"] = json!("1400000000000000001");
        return axum::Json(message).into_response();
    }
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({"message": "404: Not Found", "code": 0})),
    )
        .into_response()
}

async fn gateway(State(fake): State<Fake>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| connection(fake, socket))
}

/// One gateway connection: HELLO, then READY on IDENTIFY, RESUMED on RESUME, ACK on
/// heartbeats, and whatever the test sends.
async fn connection(fake: Fake, mut socket: WebSocket) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let own = tx.clone();
    let number = {
        let mut inner = fake.inner.lock().unwrap();
        inner.connections += 1;
        inner.control = Some((inner.connections, tx));
        inner.connections
    };
    fake.changed.notify_waiters();
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 45000}, "s": null, "t": null});
    if socket
        .send(Message::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(message)) = incoming else { break };
                let text = match message {
                    Message::Text(t) => t.to_string(),
                    Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                    Message::Close(_) => break,
                    _ => continue,
                };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                let op = payload["op"].as_u64();
                // Known by its shard before the test can see the IDENTIFY.
                if op == Some(2) && let Some(id) = payload["d"]["shard"][0].as_u64() {
                    fake.inner.lock().unwrap().by_shard.insert(id, own.clone());
                }
                fake.record_gateway(payload.clone());
                let answer = match op {
                    Some(1) => Some(json!({"op": 11, "d": null, "s": null, "t": null})),
                    Some(2) => {
                        let shard = payload["d"]["shard"].clone();
                        let s = { let mut i = fake.inner.lock().unwrap(); i.seq += 1; i.seq };
                        Some(json!({"op": 0, "t": "READY", "s": s, "d": {
                            "v": 10,
                            "user": {"id": "1000000000000000001", "username": "minilateral", "discriminator": "0", "avatar": null, "bot": true, "global_name": null},
                            "guilds": [{"id": "1300000000000000001", "unavailable": true}],
                            "session_id": format!("session-{s}"),
                            "resume_gateway_url": format!("ws://{}/ws", fake.addr),
                            "shard": shard,
                            "application": {"id": APPLICATION_ID, "flags": 0}
                        }}))
                    }
                    Some(6) => {
                        let s = { let mut i = fake.inner.lock().unwrap(); i.seq += 1; i.seq };
                        Some(json!({"op": 0, "t": "RESUMED", "s": s, "d": {}}))
                    }
                    _ => None,
                };
                if let Some(a) = answer
                    && socket.send(Message::Text(a.to_string().into())).await.is_err()
                {
                    break;
                }
            }
            control = rx.recv() => {
                match control {
                    Some(Control::Send(v)) => {
                        if socket.send(Message::Text(v.to_string().into())).await.is_err() { break; }
                    }
                    Some(Control::Close(code)) => {
                        let _ = socket.send(Message::Close(Some(CloseFrame { code, reason: "test".into() }))).await;
                        break;
                    }
                    None => break,
                }
            }
        }
    }
    let mut inner = fake.inner.lock().unwrap();
    if inner.control.as_ref().is_some_and(|(n, _)| *n == number) {
        inner.control = None;
    }
    drop(inner);
    fake.changed.notify_waiters();
}
