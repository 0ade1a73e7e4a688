//! What both Discord front ends (the gateway bot and the HTTP endpoint) need at run time, in
//! one place: serenity's REST client, answering with panics caught, registering the command
//! table, and the shutdown signal.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use serenity::all::{
    ApplicationId, Command, CreateCommand, GuildId, Http, HttpBuilder, Interaction,
};

use crate::answer;
use crate::config::Discord;
use crate::discord::{self, Response};
use crate::knowledge::Knowledge;
use crate::reply::Outcome;

/// serenity's HTTP client, sent to `DISCORD_API_BASE` when set. serenity 0.12.5 honours the
/// proxy only with its rate limiter off (`Http::request` passes `proxy` to the request only on
/// the path without a rate limiter); a shared API proxy does the rate limiting then.
pub fn http(config: &Discord) -> Http {
    let mut builder = HttpBuilder::new(config.token.expose());
    if let Some(id) = config.application_id {
        builder = builder.application_id(ApplicationId::new(id));
    }
    if let Some(base) = &config.api_base {
        builder = builder.proxy(base.clone()).ratelimiter_disabled(true);
    }
    builder.build()
}

/// `discord::respond`, with a panic caught and turned into an apology; for autocomplete, into
/// no choices (the only answer Discord takes there).
pub fn respond_caught(knowledge: &Knowledge, interaction: &Interaction) -> Response {
    as_taken(
        interaction,
        caught(|| discord::respond(knowledge, interaction)),
    )
}

/// An apology as the interaction can take it: for autocomplete, no choices.
fn as_taken(interaction: &Interaction, response: Response) -> Response {
    match interaction {
        Interaction::Autocomplete(_) if response.outcome == Outcome::Failed => {
            Response::new(discord::encode_choices(&[]), Outcome::Failed)
        }
        _ => response,
    }
}

/// `respond_caught` on tokio's blocking threads, which both front ends answer through. An
/// answer costs microseconds (BENCHMARKS.md), but one that costs more (a long message to
/// scan) would hold up every interaction queued behind it on its async worker; on a blocking
/// thread it holds up none, and the hand-over costs about as much as a short answer.
pub async fn answered(knowledge: Arc<Knowledge>, interaction: Arc<Interaction>) -> Response {
    let asked = interaction.clone();
    match tokio::task::spawn_blocking(move || respond_caught(&knowledge, &asked)).await {
        Ok(response) => response,
        Err(e) => {
            // Only when the runtime is shutting down: the panics of answers are caught.
            tracing::error!(error = %e, "the answer could not be made");
            as_taken(&interaction, apology())
        }
    }
}

/// Pictures drawn at once: one per core. Each holds its pixels (about 6 MB for `/overlap`)
/// while it is drawn, so a burst of pictures costs memory by the core, not by the request;
/// the rest wait for a turn.
fn drawing() -> &'static Arc<tokio::sync::Semaphore> {
    static DRAWING: std::sync::OnceLock<Arc<tokio::sync::Semaphore>> = std::sync::OnceLock::new();
    DRAWING.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Arc::new(tokio::sync::Semaphore::new(cores))
    })
}

/// The response with its picture drawn, off the async workers (drawing takes milliseconds of
/// CPU, which would hold up every other interaction on a worker), at most one per core at
/// once (`drawing`). A drawing that fails leaves the response as it was: its text says what
/// the picture shows.
pub async fn drawn(response: Response) -> Response {
    if !response.has_picture() {
        return response;
    }
    let mut text = Response::new(response.body.clone(), response.outcome);
    text.miss = response.miss.clone();
    // The turn goes into the drawing, so that a request given up while the picture is drawn
    // does not give it back before the pixels are freed.
    let turn = drawing()
        .clone()
        .acquire_owned()
        .await
        .expect("the drawing semaphore is never closed");
    let drawing = move || {
        let drawn = response.drawn();
        drop(turn);
        drawn
    };
    match tokio::task::spawn_blocking(drawing).await {
        Ok(drawn) => drawn,
        Err(e) => {
            tracing::error!(error = %e, "the picture could not be drawn");
            text
        }
    }
}

/// Runs `answer`; a panic in it becomes a private apology (outcome `Failed`) instead of an
/// unanswered interaction. Both front ends answer through this.
pub fn caught(answer: impl FnOnce() -> Response) -> Response {
    match std::panic::catch_unwind(AssertUnwindSafe(answer)) {
        Ok(response) => response,
        // The panic hook has logged the message and place.
        Err(_) => apology(),
    }
}

fn apology() -> Response {
    Response::new(discord::encode(&answer::apology()), Outcome::Failed)
}

/// Puts the command table in one guild (instant) or globally; returns how many.
pub async fn register_on(
    http: &Http,
    commands: Vec<CreateCommand>,
    guild: Option<GuildId>,
) -> serenity::Result<usize> {
    let n = commands.len();
    match guild {
        Some(g) => g.set_commands(http, commands).await?,
        None => Command::set_global_commands(http, commands).await?,
    };
    Ok(n)
}

/// What `register` does with the scope it does not register in (global when it registers in
/// a guild, `DISCORD_GUILD_ID`'s when it registers globally).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherScope {
    /// Left as it is.
    Kept,
    /// Emptied, so that no server shows every command twice.
    Cleared,
}

/// `register`: the application id from the configuration or from Discord, then the commands
/// in the chosen scope, and the other scope as `other` says.
pub async fn register(
    config: &Discord,
    knowledge: &Knowledge,
    guild: Option<u64>,
    other: OtherScope,
) -> anyhow::Result<String> {
    let http = http(config);
    if http.application_id().is_none() {
        let app = http.get_current_application_info().await?;
        http.set_application_id(app.id);
    }
    let guild = guild.or(config.guild_id).map(GuildId::new);
    let n = register_on(&http, discord::commands(knowledge), guild).await?;
    let mut said = match guild {
        Some(g) => format!("registered {n} commands in guild {g}"),
        None => format!("registered {n} commands globally"),
    };
    if other == OtherScope::Cleared {
        match (guild, config.guild_id) {
            (Some(_), _) => {
                Command::set_global_commands(&http, Vec::new()).await?;
                said.push_str("; cleared the global commands");
            }
            (None, Some(g)) => {
                GuildId::new(g).set_commands(&http, Vec::new()).await?;
                said.push_str(&format!("; cleared the commands of guild {g}"));
            }
            (None, None) => said.push_str("; no guild to clear (set DISCORD_GUILD_ID)"),
        }
    }
    Ok(said)
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("a SIGTERM handler can be installed");
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_answering_becomes_a_private_apology() {
        let response = caught(|| panic!("boom"));
        assert_eq!(response.outcome, Outcome::Failed);
        let body = serde_json::to_value(&response.body).unwrap();
        assert_eq!(body["type"], 4);
        assert_eq!(body["data"]["flags"], 64);
        assert!(
            body["data"]["content"]
                .as_str()
                .unwrap()
                .starts_with("Sorry")
        );
        // And the next one is answered as usual.
        let fine = caught(|| {
            Response::new(
                discord::encode(&crate::reply::fit(crate::reply::Reply::text(
                    "ok",
                    crate::reply::Visibility::Public,
                ))),
                Outcome::Answered,
            )
        });
        assert_eq!(fine.outcome, Outcome::Answered);
    }
}
