//! The HTTP interactions endpoint (`serve`): Discord POSTs signed interactions to
//! `/interactions`; each is verified against the raw bytes first, then answered inline through
//! the same `discord::respond` as the gateway bot. `accept` holds the connections (timeouts,
//! a cap that cuts slow clients first, the shutdown deadline), `framing` what hyper lets
//! through of a request's framing.

mod accept;
mod framing;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serenity::all::Interaction;
use serenity::interactions_endpoint::Verifier;
use thiserror::Error;
use tracing::{info, warn};

use crate::config::ServerLimits;
use crate::datafiles::DataPath;
use crate::discord;
use crate::live::Live;
use crate::runtime;
use crate::upload::{self, ApplicationId, InteractionToken, TokenError, Webhooks};

/// Discord's interaction bodies are a few KiB; anything past this is not from Discord.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum KeyError {
    #[error(
        "DISCORD_PUBLIC_KEY is not set; copy the Public Key from the Developer Portal (General Information)"
    )]
    Missing,
    #[error(
        "DISCORD_PUBLIC_KEY must be 64 hex characters (the Public Key from the Developer Portal)"
    )]
    NotHex,
    #[error("DISCORD_PUBLIC_KEY is not a valid Ed25519 public key")]
    Invalid,
}

/// A verifier from the hex public key; never panics on a bad key.
pub fn verifier(hex: Option<&str>) -> Result<Verifier, KeyError> {
    let hex = hex
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .ok_or(KeyError::Missing)?;
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(KeyError::NotHex);
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| KeyError::NotHex)?;
    }
    Verifier::try_new(key).map_err(|_| KeyError::Invalid)
}

/// Discord signs `timestamp ‖ body` with no separator, so a timestamp that is not only
/// digits could carry bytes of the body ("1700000000{" with the body's first brace moved into
/// it) and still verify; and a hex decoder may accept "+" for a digit. Only a timestamp of
/// ASCII digits and a signature of exactly 128 hex digits are verified at all.
fn well_formed(signature: &str, timestamp: &str) -> bool {
    let digits = !timestamp.is_empty()
        && timestamp.len() <= 20
        && timestamp.bytes().all(|b| b.is_ascii_digit());
    let hex = signature.len() == 128 && signature.bytes().all(|b| b.is_ascii_hexdigit());
    digits && hex
}

/// Whether a signature's timestamp (seconds since 1970, ASCII digits) is within `max_age` of
/// `now`, before or after: a replayed request is refused once it is that old. Always, when no
/// age is set.
fn fresh(timestamp: &str, max_age: Option<Duration>, now: SystemTime) -> bool {
    let Some(max_age) = max_age else {
        return true;
    };
    let (Ok(signed), Ok(now)) = (timestamp.parse::<u64>(), now.duration_since(UNIX_EPOCH)) else {
        return false;
    };
    now.as_secs().abs_diff(signed) <= max_age.as_secs()
}

#[derive(Clone)]
struct App {
    live: Arc<Live>,
    verifier: Verifier,
    body_timeout: Duration,
    max_signature_age: Option<Duration>,
    /// Where answers with files are finished (`upload`).
    webhooks: Webhooks,
}

/// The open-files limit `serve` asks for (the soft limit is raised toward the hard one).
const OPEN_FILES_WANTED: u64 = 65_536;

/// The most bytes of request headers taken (hyper's floor is 8 KiB; Discord sends about 1).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The routes: `POST /interactions`, `GET /healthz`; answers with files are finished at
/// Discord's REST API.
pub fn router(live: Arc<Live>, verifier: Verifier) -> Router {
    router_with(
        live,
        verifier,
        ServerLimits::default(),
        Webhooks::new(None, upload::QUEUE),
    )
}

fn router_with(
    live: Arc<Live>,
    verifier: Verifier,
    limits: ServerLimits,
    webhooks: Webhooks,
) -> Router {
    Router::new()
        .route("/interactions", post(interactions))
        .route("/healthz", get(healthz))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(App {
            live,
            verifier,
            body_timeout: limits.body_timeout,
            max_signature_age: limits.max_signature_age,
            webhooks,
        })
}

async fn healthz(State(app): State<App>) -> impl IntoResponse {
    let s = app.live.get().dataset.summary();
    axum::Json(serde_json::json!({"status": "ok", "experts": s.experts, "groups": s.groups}))
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

async fn interactions(
    State(app): State<App>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let start = Instant::now();
    // A body that never arrives (shorter than its Content-Length, an unfinished chunk) holds a
    // connection: it has `body_timeout` to come, and `MAX_BODY_BYTES` to be.
    let body: Bytes =
        match tokio::time::timeout(app.body_timeout, axum::body::to_bytes(body, MAX_BODY_BYTES))
            .await
        {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(_)) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
            Err(_) => return StatusCode::REQUEST_TIMEOUT.into_response(),
        };
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(signature), Some(timestamp)) = (
        header("x-signature-ed25519"),
        header("x-signature-timestamp"),
    ) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    // Verified over the raw bytes, before any parsing: re-serialised JSON would not verify,
    // and nothing unsigned should reach the parser. Only Discord's forms are verified at all.
    if !well_formed(signature, timestamp)
        || app.verifier.verify(signature, timestamp, &body).is_err()
        || !fresh(timestamp, app.max_signature_age, SystemTime::now())
    {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            warn!(error = %e, bytes = body.len(), "signed request is not an interaction we can read");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    if let Interaction::Ping(_) = interaction {
        // Discord checks the endpoint with a PING and wants exactly this.
        return json(StatusCode::OK, br#"{"type":1}"#.to_vec());
    }
    let (kind, name) = discord::describe(&interaction);
    let interaction = Arc::new(interaction);
    // Answered off the async workers: one costly request must not hold up the others.
    let response = runtime::answered(app.live.get(), interaction.clone()).await;
    let response = match deferred(&app.webhooks, &interaction, response).await {
        Ok(deferred) => {
            deferred
                .response
                .log(kind, &name, start.elapsed().as_secs_f64() * 1000.0, None);
            return json(StatusCode::OK, deferred.body);
        }
        Err(inline) => inline,
    };
    let body = match serde_json::to_vec(&response.body) {
        Ok(b) => b,
        Err(e) => {
            warn!(error = %e, "could not serialise a response");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    response.log(kind, &name, start.elapsed().as_secs_f64() * 1000.0, None);
    json(StatusCode::OK, body)
}

/// An answer whose picture goes as an upload: "thinking" now.
struct Deferred {
    response: discord::Response,
    body: Vec<u8>,
}

/// Files cannot ride on an HTTP answer: for a response with a picture, "thinking" now and the
/// message with its picture as an edit of it, from a task of its own. The response back
/// (`Err`), to answer inline with its text (which says what the picture shows), when there is
/// no picture, when the token is not in Discord's form (nothing is sent to a URL made of it),
/// when the upload queue is full (nothing is drawn, and memory stays flat however long
/// Discord stalls), or once the shutdown has begun (the upload would be dropped at the
/// deadline).
async fn deferred(
    webhooks: &Webhooks,
    interaction: &Interaction,
    response: discord::Response,
) -> Result<Deferred, discord::Response> {
    if !response.has_picture() {
        return Err(response);
    }
    let (application_id, token) = match credentials(interaction) {
        Some(Ok(credentials)) => credentials,
        Some(Err(e)) => {
            // Never the token itself: it is a credential, and this one may be a crafted path.
            warn!(error = %e, "interaction token refused; answered without the picture");
            return Err(response);
        }
        None => return Err(response),
    };
    let Some(place) = webhooks.admit() else {
        if webhooks.shutting_down() {
            info!("shutting down; answered at once without the picture");
        } else {
            warn!("upload queue full; answered at once without the picture");
        }
        return Err(response);
    };
    let mut response = runtime::drawn(response).await;
    let Some(upload) = response.upload.take() else {
        return Err(response);
    };
    let body = if upload.visibility().is_private() {
        serde_json::json!({"type": 5, "data": {"flags": 64}})
    } else {
        serde_json::json!({"type": 5})
    };
    webhooks.spawn(place, application_id, token, upload);
    Ok(Deferred {
        response,
        body: body.to_string().into_bytes(),
    })
}

/// The application id and interaction token an edit of the answer needs, the token checked.
fn credentials(
    interaction: &Interaction,
) -> Option<Result<(ApplicationId, InteractionToken), TokenError>> {
    let (application_id, token) = match interaction {
        Interaction::Command(c) => (c.application_id.get(), &c.token),
        Interaction::Component(c) => (c.application_id.get(), &c.token),
        _ => return None,
    };
    Some(InteractionToken::parse(token).map(|token| (ApplicationId::new(application_id), token)))
}

/// `serve`: listens until SIGINT or SIGTERM, then finishes the requests in flight. The
/// dataset at `path` is reloaded when it changes; with Discord settings (a token), the
/// commands are registered again when the years of `/wish` change.
pub async fn serve(
    listen: &str,
    path: DataPath,
    live: Arc<Live>,
    verifier: Verifier,
    discord: Option<crate::config::Discord>,
    limits: ServerLimits,
    webhooks: Webhooks,
) -> anyhow::Result<()> {
    let addr: SocketAddr = tokio::net::lookup_host(listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot use listen address {listen}: {e}"))?
        .next()
        .ok_or_else(|| anyhow::anyhow!("listen address {listen} resolves to nothing"))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    // Idle clients must not lock everyone out: as many connections as the open-files limit
    // allows, raised to the hard limit where the system lets us.
    let open_files = rlimit::increase_nofile_limit(OPEN_FILES_WANTED).unwrap_or(1024);
    let limits = ServerLimits {
        max_connections: limits
            .max_connections
            .min(open_files.saturating_sub(64).max(1) as usize),
        ..limits
    };
    info!(
        address = %listener.local_addr()?,
        max_connections = limits.max_connections,
        open_files,
        "serving POST /interactions and GET /healthz"
    );
    tokio::spawn(crate::live::watch(path, live.clone(), move |knowledge| {
        let discord = discord.clone();
        async move {
            // With a token the endpoint registers the changed commands itself; without one it
            // says what to do.
            let Some(config) = discord else {
                warn!(
                    "the years of /wish changed: run `minilateral register` so Discord offers them"
                );
                return;
            };
            match runtime::register(&config, &knowledge, None, runtime::OtherScope::Kept).await {
                Ok(said) => info!("{said}: the years of /wish changed"),
                Err(e) => {
                    warn!(
                        error = %crate::logging::error_chain(&e),
                        "could not register the changed commands"
                    )
                }
            }
        }
    }));
    // Answers deferred for their pictures are finished within the same deadline as requests.
    accept::accept(
        listener,
        router_with(live, verifier, limits, webhooks.clone()),
        limits,
        &webhooks,
    )
    .await;
    info!("stopped");
    Ok(())
}
