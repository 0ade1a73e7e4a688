//! The HTTP endpoint's uploads. An endpoint's HTTP answer cannot carry files, so an answer with a
//! picture is sent in two steps: "thinking" (a deferred answer, type 5) at once, then the
//! message with its files as an edit of that answer: `PATCH
//! /webhooks/{application_id}/{interaction_token}/messages/@original`, multipart. The
//! interaction token is the credential (valid 15 minutes), so no bot token is needed, and none
//! is sent: serenity's client always sends an Authorization header, which is why this one call
//! goes through reqwest (which serenity itself uses) directly.
//!
//! Uploads are bounded: at most `queue` admitted at once (running or waiting for a turn), so
//! that a stalled Discord cannot make memory grow; past that, the endpoint answers with the
//! text at once (`Webhooks::admit`). `token` checks what goes into the URL.

mod token;

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::multipart::{Form, Part};
use thiserror::Error;
use tracing::{info, warn};

use crate::discord::Upload;
pub use token::{ApplicationId, InteractionToken, MAX_TOKEN_CHARS, TokenError};

/// Discord's REST base, unless `DISCORD_API_BASE` says otherwise.
pub const DISCORD: &str = "https://discord.com";
/// An upload that takes longer than this is given up (and the text sent alone).
const TIMEOUT: Duration = Duration::from_secs(30);
/// Tries of one edit: Discord may not know of the deferral yet (404), or ask to wait (429), or
/// fail for a moment (5xx).
const TRIES: u32 = 3;
/// The wait before the second try; doubled before each next one.
const FIRST_WAIT: Duration = Duration::from_millis(500);
/// Uploads at once; more wait for a turn. Each holds a picture (tens of KB) and a connection.
const AT_ONCE: usize = 32;
/// Uploads admitted at once, running or waiting for a turn (`MINILATERAL_UPLOAD_QUEUE`). Once
/// drawn, each holds its picture's PNG and its message (tens of KB), so 128 hold a few MB: a
/// burst of pictures is absorbed, and a stalled Discord costs no more. While a picture is
/// drawn its pixels take about 6 MB more, but only as many are drawn at once as there are
/// cores (`runtime::drawn`), not one per place.
pub const QUEUE: usize = 128;

#[derive(Debug, Error)]
pub enum UploadError {
    #[error("could not reach Discord: {0}")]
    Send(String),
    #[error("Discord refused the edit: HTTP {status}: {body}")]
    Refused {
        status: u16,
        body: String,
        /// Discord's `retry_after` (seconds), with a 429.
        retry_after: Option<f64>,
    },
}

impl UploadError {
    /// How long to wait before trying again, when another try may go through.
    fn wait(&self, before: Duration) -> Option<Duration> {
        match self {
            UploadError::Refused {
                status: 429,
                retry_after,
                ..
            } => Some(
                retry_after
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .map_or(before, |s| Duration::from_secs_f64(s.min(10.0)).max(before)),
            ),
            UploadError::Refused { status, .. } if *status == 404 || *status >= 500 => Some(before),
            UploadError::Send(_) => Some(before),
            UploadError::Refused { .. } => None,
        }
    }
}

/// Where edits of deferred answers go, and the uploads under way (so that a shutdown lets
/// them finish).
#[derive(Clone, Debug)]
pub struct Webhooks {
    client: reqwest::Client,
    /// `https://discord.com`, or `DISCORD_API_BASE`.
    base: String,
    running: tokio_util::task::TaskTracker,
    turns: Arc<tokio::sync::Semaphore>,
    /// Places in the queue: taken before the picture is drawn, given back when its upload ends.
    places: Arc<tokio::sync::Semaphore>,
}

/// A place in the upload queue, held from before the picture is drawn to the upload's end.
#[derive(Debug)]
pub struct Place {
    _permit: tokio::sync::OwnedSemaphorePermit,
}

/// The deferred answer of one interaction, as a webhook message. The URL holds the token, a
/// credential for 15 minutes: it is never logged.
/// Both values are checked types (`token`): a token cannot add a path segment, a query or a
/// fragment.
fn url(base: &str, application_id: ApplicationId, token: &InteractionToken) -> String {
    let token = token.as_str();
    format!("{base}/api/v10/webhooks/{application_id}/{token}/messages/@original")
}

impl Webhooks {
    /// Edits go to `base` (Discord's when `None`); at most `queue` uploads are admitted at once.
    pub fn new(base: Option<String>, queue: usize) -> Webhooks {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .user_agent(concat!(
                "DiscordBot (https://github.com/minilateral, ",
                env!("CARGO_PKG_VERSION"),
                ")"
            ))
            .build()
            .unwrap_or_default();
        Webhooks {
            client,
            base: base.unwrap_or_else(|| DISCORD.to_string()),
            running: tokio_util::task::TaskTracker::new(),
            turns: Arc::new(tokio::sync::Semaphore::new(AT_ONCE)),
            places: Arc::new(tokio::sync::Semaphore::new(queue.max(1))),
        }
    }

    /// A place in the queue, or `None` when it is full or the shutdown has begun (an upload
    /// admitted then would be dropped at the deadline, after "thinking"): the caller then
    /// answers with the text at once (it says what the picture shows) and draws nothing.
    pub fn admit(&self) -> Option<Place> {
        if self.shutting_down() {
            return None;
        }
        self.places
            .clone()
            .try_acquire_owned()
            .ok()
            .map(|permit| Place { _permit: permit })
    }

    /// Whether the shutdown has begun (`wait_until`): no upload is admitted any more.
    pub fn shutting_down(&self) -> bool {
        self.running.is_closed()
    }

    /// Finishes the deferred answer of one interaction in a task of its own (`finish`); the
    /// place is given back when it ends.
    pub fn spawn(
        &self,
        place: Place,
        application_id: ApplicationId,
        token: InteractionToken,
        upload: Upload,
    ) {
        let this = self.clone();
        self.running.spawn(async move {
            // Never closed, so a turn always comes.
            let _turn = this.turns.acquire().await;
            this.finish(application_id, &token, upload).await;
            drop(place);
        });
    }

    /// Admits no more uploads, and waits until `deadline` for those under way (the shutdown's
    /// one deadline, which the requests in flight share); says how many were left.
    pub async fn wait_until(&self, deadline: tokio::time::Instant) {
        self.running.close();
        if tokio::time::timeout_at(deadline, self.running.wait())
            .await
            .is_err()
        {
            warn!(
                uploads = self.running.len(),
                "uploads still running at the shutdown deadline were dropped"
            );
        }
    }

    /// Sends `upload` as the edit of the deferred answer; if that fails, the message without
    /// its files, so that the person is not left with "thinking…". Logs either way.
    async fn finish(
        &self,
        application_id: ApplicationId,
        token: &InteractionToken,
        upload: Upload,
    ) {
        let start = Instant::now();
        let bytes: usize = upload.files().iter().map(|f| f.data.len()).sum();
        let with_files = || self.edit_with_files(application_id, token, &upload);
        match tries(with_files).await {
            Ok(()) => info!(
                files = upload.files().len(),
                bytes,
                ms = ms(start),
                "picture uploaded"
            ),
            Err(e) => {
                warn!(error = %e, bytes, "picture not uploaded; sending the text alone");
                let text_only = || {
                    send(
                        self.patch(application_id, token)
                            .header(reqwest::header::CONTENT_TYPE, "application/json")
                            .body(upload.text_only().to_string()),
                    )
                };
                match tries(text_only).await {
                    Ok(()) => info!(ms = ms(start), "text sent without its picture"),
                    Err(e) => warn!(error = %e, "the deferred answer could not be completed"),
                }
            }
        }
    }

    async fn edit_with_files(
        &self,
        application_id: ApplicationId,
        token: &InteractionToken,
        upload: &Upload,
    ) -> Result<(), UploadError> {
        let mut form = Form::new().text("payload_json", upload.message().to_string());
        for (i, f) in upload.files().iter().enumerate() {
            let part = Part::bytes(f.data.clone())
                .file_name(f.name.clone())
                .mime_str(mime(&f.name))
                .map_err(|e| UploadError::Send(e.to_string()))?;
            form = form.part(format!("files[{i}]"), part);
        }
        send(self.patch(application_id, token).multipart(form)).await
    }

    fn patch(
        &self,
        application_id: ApplicationId,
        token: &InteractionToken,
    ) -> reqwest::RequestBuilder {
        self.client.patch(url(&self.base, application_id, token))
    }
}

/// Runs `attempt` up to `TRIES` times, waiting between tries as the error asks.
async fn tries<F, Fut>(attempt: F) -> Result<(), UploadError>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<(), UploadError>>,
{
    let mut wait = FIRST_WAIT;
    let mut tried = 1;
    loop {
        let error = match attempt().await {
            Ok(()) => return Ok(()),
            Err(e) => e,
        };
        match error.wait(wait) {
            Some(pause) if tried < TRIES => {
                tokio::time::sleep(pause).await;
                wait *= 2;
                tried += 1;
            }
            _ => return Err(error),
        }
    }
}

async fn send(request: reqwest::RequestBuilder) -> Result<(), UploadError> {
    // reqwest's errors name the URL, and the URL holds the token: say only what kind.
    let response = request.send().await.map_err(|e| {
        UploadError::Send(
            if e.is_timeout() {
                "timed out"
            } else if e.is_connect() {
                "connection failed"
            } else {
                "request failed"
            }
            .to_string(),
        )
    })?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let body = response.text().await.unwrap_or_default();
    let retry_after = serde_json::from_str::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["retry_after"].as_f64());
    Err(UploadError::Refused {
        status: status.as_u16(),
        body: body.chars().take(300).collect(),
        retry_after,
    })
}

fn mime(name: &str) -> &'static str {
    if name.ends_with(".png") {
        "image/png"
    } else {
        "application/octet-stream"
    }
}

fn ms(start: Instant) -> f64 {
    (start.elapsed().as_secs_f64() * 100_000.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_goes_to_the_original_answer_of_the_interaction() {
        let token = InteractionToken::parse("tok").unwrap();
        assert_eq!(
            url("http://127.0.0.1:9", ApplicationId::new(42), &token),
            "http://127.0.0.1:9/api/v10/webhooks/42/tok/messages/@original"
        );
        assert_eq!(mime("overlap.png"), "image/png");
    }

    #[tokio::test]
    async fn once_the_shutdown_has_begun_no_upload_is_admitted() {
        let webhooks = Webhooks::new(None, 2);
        let (place, _other) = (webhooks.admit(), webhooks.admit());
        assert!(place.is_some() && _other.is_some());
        assert!(webhooks.admit().is_none(), "the queue is full");
        drop(place);
        assert!(webhooks.admit().is_some(), "a place given back");
        webhooks.wait_until(tokio::time::Instant::now()).await;
        assert!(webhooks.shutting_down());
        assert!(webhooks.admit().is_none(), "shutting down");
    }

    #[test]
    fn only_what_may_go_through_later_is_tried_again() {
        let refused = |status, retry_after| UploadError::Refused {
            status,
            body: String::new(),
            retry_after,
        };
        let second = Duration::from_secs(1);
        assert_eq!(refused(404, None).wait(second), Some(second));
        assert_eq!(refused(502, None).wait(second), Some(second));
        assert_eq!(
            refused(429, Some(3.0)).wait(second),
            Some(Duration::from_secs(3))
        );
        assert_eq!(refused(429, Some(-1.0)).wait(second), Some(second));
        assert_eq!(refused(400, None).wait(second), None);
        assert_eq!(refused(401, None).wait(second), None);
    }
}
