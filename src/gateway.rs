//! The gateway bot: serenity connects, registers the command table, and hands every
//! interaction to `discord::respond`. No intents, no cache, no framework.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serenity::all::{
    ApplicationId, ClientBuilder, Command, Context, CreateCommand, EventHandler, GatewayIntents,
    GuildId, Http, HttpBuilder, Interaction, Ready,
};
use tracing::{error, info};

use crate::answer;
use crate::config::{Discord, Shards};
use crate::datafiles::DataPath;
use crate::discord::{self, Response};
use crate::knowledge::Knowledge;
use crate::live::Live;
use crate::reply::Outcome;

/// serenity's HTTP client, sent to `DISCORD_API_BASE` when set. serenity 0.12.5 honours the
/// proxy only with its rate limiter off (shared/discord/platform.md §4); a shared API proxy
/// does the rate limiting then.
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

struct Handler {
    live: Arc<Live>,
    guild: Option<GuildId>,
    /// READY comes again after every new IDENTIFY and once per shard; register once.
    registered: AtomicBool,
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        info!(
            user = %ready.user.name,
            shard = ?ready.shard.map(|s| (s.id.0, s.total)),
            guilds = ready.guilds.len(),
            "connected to Discord"
        );
        if self.registered.swap(true, Ordering::SeqCst) {
            return;
        }
        let commands = discord::commands(&self.live.get());
        match register_on(&ctx.http, commands, self.guild).await {
            Ok(n) => {
                info!(commands = n, guild = ?self.guild.map(|g| g.get()), "commands registered")
            }
            Err(e) => {
                // Let a later READY try again.
                self.registered.store(false, Ordering::SeqCst);
                error!(error = %e, "could not register the commands");
            }
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        // One dataset for the whole interaction, even if a reload swaps it meanwhile.
        let knowledge = self.live.get();
        handle(&ctx.http, &knowledge, interaction).await;
    }
}

/// Answers one interaction over REST, with one structured log line. A panic while answering
/// becomes an apology; the bot and every other interaction go on.
pub async fn handle(http: &Http, knowledge: &Knowledge, interaction: Interaction) {
    let start = Instant::now();
    let (kind, name) = discord::describe(&interaction);
    let response = respond_caught(knowledge, &interaction);
    let body = response.body.clone();
    let sent = match &interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => {
            c.create_response(http, body).await
        }
        Interaction::Component(c) => c.create_response(http, body).await,
        Interaction::Modal(m) => m.create_response(http, body).await,
        _ => Ok(()),
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let failed = sent.err();
    response.log(
        kind,
        &name,
        ms,
        failed.as_ref().map(|e| e as &dyn std::fmt::Display),
    );
}

/// `discord::respond`, with a panic caught and turned into an apology.
pub fn respond_caught(knowledge: &Knowledge, interaction: &Interaction) -> Response {
    caught(|| discord::respond(knowledge, interaction))
}

/// Runs `answer`; a panic in it becomes a private apology (outcome `Failed`) instead of an
/// unanswered interaction. Both front ends answer through this.
pub fn caught(answer: impl FnOnce() -> Response) -> Response {
    match std::panic::catch_unwind(AssertUnwindSafe(answer)) {
        Ok(response) => response,
        Err(_) => {
            // The panic hook has logged the message and place.
            let reply = answer::apology();
            Response {
                body: discord::encode(&reply),
                outcome: Outcome::Failed,
                miss: None,
            }
        }
    }
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

/// `register`: the application id from the configuration or from Discord, then the commands
/// in the chosen scope; `clear_other` empties the other scope so that no server shows every
/// command twice.
pub async fn register(
    config: &Discord,
    knowledge: &Knowledge,
    guild: Option<u64>,
    clear_other: bool,
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
    if clear_other {
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

/// `run`: connects and answers until SIGINT or SIGTERM, then closes the shards and returns.
/// The dataset at `path` is reloaded when it changes; the commands are registered again when
/// the years offered by `/wish` change.
pub async fn run(config: Discord, path: DataPath, live: Arc<Live>) -> anyhow::Result<()> {
    let guild = config.guild_id.map(GuildId::new);
    let handler = Handler {
        live: live.clone(),
        guild,
        registered: AtomicBool::new(false),
    };
    // Slash commands need no intents, and no privileged intent is ever asked for.
    let mut client = ClientBuilder::new_with_http(http(&config), GatewayIntents::empty())
        .event_handler(handler)
        .await?;
    let http = client.http.clone();
    tokio::spawn(crate::live::watch(path, live, move |knowledge| {
        let http = http.clone();
        async move {
            match register_on(&http, discord::commands(&knowledge), guild).await {
                Ok(n) => info!(
                    commands = n,
                    "commands registered again: the years of /wish changed"
                ),
                Err(e) => error!(error = %e, "could not register the changed commands"),
            }
        }
    }));
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        info!("shutting down: closing the shards");
        shards.shutdown_all().await;
    });
    match config.shards {
        Shards::Auto => client.start_autosharded().await?,
        // serenity's range end is the last shard, inclusive.
        Shards::Range { first, last, total } => {
            client.start_shard_range(first..last, total).await?
        }
    }
    info!("stopped");
    Ok(())
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
        let fine = caught(|| Response {
            body: discord::encode(&crate::reply::Reply::text("ok", false)),
            outcome: Outcome::Answered,
            miss: None,
        });
        assert_eq!(fine.outcome, Outcome::Answered);
    }
}
