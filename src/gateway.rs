//! The gateway bot: serenity connects, registers the command table, and hands every
//! interaction to `discord::respond`. No intents, no cache, no framework.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serenity::all::{
    ClientBuilder, Context, EventHandler, GatewayIntents, GuildId, Http, Interaction, Ready,
};
use tracing::{error, info};

use crate::config::{Discord, Shards};
use crate::datafiles::DataPath;
use crate::discord;
use crate::knowledge::Knowledge;
use crate::live::Live;
use crate::runtime::{answered, drawn, http, register_on, shutdown_signal};

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
        handle(&ctx.http, self.live.get(), interaction).await;
    }
}

/// Answers one interaction over REST, with one structured log line. The answer is made off
/// the async workers (`answered`); a panic while answering becomes an apology; the bot and
/// every other interaction go on.
pub async fn handle(http: &Http, knowledge: Arc<Knowledge>, interaction: Interaction) {
    let start = Instant::now();
    let (kind, name) = discord::describe(&interaction);
    let interaction = Arc::new(interaction);
    let response = drawn(answered(knowledge, interaction.clone()).await).await;
    let body = response.body.clone();
    let sent = match &*interaction {
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
