//! The command line (docs/commands.md, "The binary"): arguments, and the dispatch to each
//! mode.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use crate::datafiles::{self, DataPath};
use crate::knowledge::Knowledge;
use crate::live::Live;

mod answers;
mod data;
mod import;

use answers::{ask, complete, mentions};
use data::{check, export, match_names};

#[derive(Debug, Parser)]
#[command(
    name = "minilateral",
    version,
    about = "What the experts of 'International Tech Cooperation in 2024: What Experts Want' said, as a Discord bot"
)]
pub struct Args {
    /// Dataset: a JSON file or a folder of them [env: MINILATERAL_DATA] [default: ./data if it
    /// exists, else the bundled copy]
    // Not clap's `env`: clap refuses an empty variable ("a value is required"), and a `.env`
    // copied from `.env.example` has empty lines for what is not used. `config::value` reads
    // empty as unset.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The Discord bot over the gateway (the default); without DISCORD_TOKEN, the local console
    Run,
    /// Local console: type slash commands as in Discord, read the replies as text
    ///
    /// Pictures (/overlap) are written into a fresh temporary folder of this console, numbered
    /// (overlap.png, overlap-2.png …); the console removes them and the folder when it exits
    /// (`quit` or `exit`, Ctrl-D or Ctrl-C at its prompt, or the end of piped input).
    Console,
    /// Answer one slash-command line, e.g. "/expert sara"; or, with --message, a message
    /// command ("Find experts and groups", or another named by --command) for a message of TEXT
    Ask {
        /// The line a user would type in Discord: "/expert sara", "/wish year:2024 expert:filer",
        /// "/overlap g7 brics" (options by name:value, or in order)
        // `--command` too: clap does not hold `--command` to its `requires` when a line is
        // given, and it would be dropped without a word.
        #[arg(required_unless_present = "message", conflicts_with_all = ["message", "command"])]
        line: Option<String>,
        /// Answer the message context-menu command for a message of this text
        #[arg(long, value_name = "TEXT")]
        message: Option<String>,
        /// The message command to answer with --message: "Find experts and groups" (the
        /// default) or "Answer from the article" (the message read as a question, as /ask)
        #[arg(long, value_name = "NAME", requires = "message", value_parser = message_command)]
        command: Option<crate::command::MessageCommand>,
        /// Print the exact Discord interaction response body the bot would send, as JSON
        #[arg(long)]
        json: bool,
        /// Write the answer's pictures (/overlap) into DIR, made if missing; a file already
        /// there is never replaced. Without it a picture is only described
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Autocomplete for the last option in LINE, as the Discord autocomplete response body
    /// (JSON)
    Complete {
        /// A slash-command line ending in the option being typed: "/expert pan",
        /// "/wish year:2024 expert:fi"
        line: String,
    },
    /// How a loosely typed name resolves, as JSON: match, ambiguous or none, with the best
    /// candidates
    Match {
        /// Which names to look in
        kind: MatchKind,
        /// The name to resolve, as a user would type it
        #[arg(required_unless_present = "batch", conflicts_with = "batch")]
        query: Option<String>,
        /// One query per line of FILE (blank lines skipped), one JSON object per line of output
        #[arg(long, value_name = "FILE")]
        batch: Option<PathBuf>,
    },
    /// The entities named in TEXT, in order, as JSON (id, kind, name, the span that named it)
    Mentions {
        /// Any text, e.g. a Discord message: "Filer on the G7 and I2U2"
        text: String,
    },
    /// Validate the dataset and print a summary (exit 0); if anything is wrong, list every
    /// problem on stderr and exit 1
    Check,
    /// Print the whole dataset as one JSON document (its shape is in docs/curating.md, "Export")
    Export,
    /// Draft a dataset from an article's text (plain text or Markdown): to stdout, or to
    /// --out PATH with the text beside it
    Import {
        /// The article's text
        file: PathBuf,
        /// The source's id [default: made from the title]
        #[arg(long, value_name = "ID")]
        source_id: Option<String>,
        /// The article's year [default: the first year its title, or else its text, names]
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
        /// Existing data: people and bodies already there are used, not drafted again
        #[arg(long = "with", value_name = "DATA")]
        with: Option<PathBuf>,
        /// PATH.json (the text is written beside it) or a folder; stdout without it
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Register the bot's commands with Discord: the slash commands and the two message commands
    /// (globally, or in one guild); needs DISCORD_TOKEN
    Register {
        /// Register in this guild only [default: DISCORD_GUILD_ID if set, else globally]
        // Discord ids start at 1 (serenity's id types panic on 0).
        #[arg(long, value_name = "ID", value_parser = clap::value_parser!(u64).range(1..))]
        guild: Option<u64>,
        /// Also empty the other scope (global when registering in a guild, DISCORD_GUILD_ID's
        /// when registering globally), so that no server shows every command twice
        #[arg(long)]
        clear_other: bool,
    },
    /// HTTP interactions endpoint: POST /interactions, GET /healthz; needs DISCORD_PUBLIC_KEY
    Serve {
        /// Address to listen on [env: MINILATERAL_LISTEN] [default: 127.0.0.1:8080]
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MatchKind {
    /// People: the experts of an article's panel and others it quotes
    Expert,
    /// Groups of states: G7, BRICS …
    Group,
}

/// Exit status, one table for every command.
pub mod exit {
    /// Success; an honest "no match" answer is one too.
    pub const OK: u8 = 0;
    /// A data or input problem: the dataset or the configuration wrong, a file that cannot be
    /// read or written, an output that already exists, an article `import` refuses.
    pub const BAD_INPUT: u8 = 1;
    /// The command line is wrong: clap's usage errors, and an argument clap cannot judge (a
    /// LINE of `ask` or `complete` that is not a slash-command line, or has no option to
    /// complete; an `import --source-id` or `--year` out of range).
    pub const BAD_USAGE: u8 = 2;
}

/// Runs the mode the arguments ask for.
pub fn run(args: Args) -> ExitCode {
    let data = DataPath::choose(args.data.or_else(crate::config::data_path));
    match args.command.unwrap_or(Command::Run) {
        Command::Check => check(&data),
        Command::Export => export(&data),
        Command::Import {
            file,
            source_id,
            year,
            with,
            out,
        } => import::import(import::ImportArgs {
            file,
            options: import::Options { source_id, year },
            with,
            out,
        }),
        Command::Match { kind, query, batch } => match_names(&data, kind, query, batch),
        Command::Ask {
            line,
            message,
            command,
            json,
            out,
        } => with_knowledge(&data, |k| {
            let form = if json {
                answers::Form::Json
            } else {
                answers::Form::Text
            };
            let message = message.map(|text| {
                let command = command.unwrap_or(crate::command::MessageCommand::FindNames);
                crate::command::Request::of_message(command, text)
            });
            ask(k, line.as_deref(), message, form, out.as_deref())
        }),
        Command::Complete { line } => with_knowledge(&data, |k| complete(k, &line)),
        Command::Mentions { text } => with_knowledge(&data, |k| mentions(k, &text)),
        Command::Console => with_knowledge(&data, console),
        Command::Run if crate::config::token().is_none() => {
            eprintln!("{NO_TOKEN}");
            with_knowledge(&data, console)
        }
        Command::Run => {
            let path = data.clone();
            with_discord(&data, |config, k| async move {
                crate::gateway::run(config, path, Arc::new(Live::new(k))).await
            })
        }
        Command::Serve { listen } => serve(&data, listen),
        Command::Register { guild, clear_other } => with_discord(&data, |config, k| async move {
            let other = if clear_other {
                crate::runtime::OtherScope::Cleared
            } else {
                crate::runtime::OtherScope::Kept
            };
            let said = crate::runtime::register(&config, &k, guild, other).await?;
            out(&format!("{said}\n"));
            Ok(())
        }),
    }
}

/// Said when `run` finds no token.
const NO_TOKEN: &str =
    "minilateral: DISCORD_TOKEN is not set, so this is the local console on the dataset.
To run the Discord bot: create an application at https://discord.com/developers/applications,
copy its bot token (Bot > Reset Token) into .env as DISCORD_TOKEN=..., and run again.
The README's \"Setting up in Discord\" has every step.
";

/// Runs an async Discord mode: configuration from the environment, logs with the token
/// redacted, the dataset, a runtime.
fn with_discord<F, Fut>(path: &DataPath, f: F) -> ExitCode
where
    F: FnOnce(crate::config::Discord, Knowledge) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let config = match crate::config::Discord::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    crate::logging::init(vec![config.token.clone()]);
    match load(path) {
        Ok(d) => block_on(f(config, Knowledge::new(d))),
        Err(code) => code,
    }
}

/// Runs an async mode to its end on a multi-threaded runtime; an error is logged (the log
/// writer redacts secrets) and exits 1.
fn block_on(mode: impl std::future::Future<Output = anyhow::Result<()>>) -> ExitCode {
    map_large_allocations();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("minilateral: cannot start the async runtime: {e}");
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    let code = match runtime.block_on(mode) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(e) => {
            tracing::error!(error = %crate::logging::error_chain(&e), "stopped on an error");
            ExitCode::from(exit::BAD_INPUT)
        }
    };
    // Dropping a runtime waits for its blocking threads without end; the mode has already
    // spent its shutdown deadline, so an answer, a picture or a reload under way gets a moment
    // more, not another deadline.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    code
}

/// Large allocations (a picture's pixels: 6 MB for `/overlap`) mapped and unmapped each time
/// rather than kept: by default glibc raises its mapping threshold after the first such free,
/// and each of its arenas (one per thread that allocates at once, up to 16 on 2 cores) then
/// keeps up to twice that. A burst of 128 pictures on the blocking threads left the endpoint
/// 140 MiB larger for good; with a fixed threshold, 12 MiB (BENCHMARKS.md, "Bounded").
fn map_large_allocations() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called before the runtime starts
    // any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}

/// `serve`: the key checked first (a bad one stops here with exit 1), then the endpoint.
fn serve(path: &DataPath, listen: Option<String>) -> ExitCode {
    let verifier = match crate::endpoint::verifier(crate::config::public_key().as_deref()) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    // The endpoint needs no token; with one it can register changed commands itself. Either
    // way the token stays out of the logs. A token with a wrong setting beside it (an id of 0,
    // bad shards) is refused as it is by `run`, not dropped without a word.
    let discord = match crate::config::Discord::from_env() {
        Ok(d) => Some(d),
        Err(crate::config::ConfigError::NoToken) => None,
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    let limits = match crate::config::ServerLimits::from_env() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    // Answers with pictures are finished at Discord's REST API (or DISCORD_API_BASE).
    let webhooks = match crate::config::api_base() {
        Ok(base) => crate::upload::Webhooks::new(base, limits.upload_queue),
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    crate::logging::init(crate::config::token().into_iter().collect());
    let listen = listen
        .or_else(crate::config::listen)
        .unwrap_or_else(|| DEFAULT_LISTEN.to_string());
    let live = match load(path) {
        Ok(d) => Arc::new(Live::new(Knowledge::new(d))),
        Err(code) => return code,
    };
    block_on(crate::endpoint::serve(
        &listen,
        path.clone(),
        live,
        verifier,
        discord,
        limits,
        webhooks,
    ))
}

/// Where `serve` listens without `--listen` or MINILATERAL_LISTEN.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Runs `f` on the knowledge built from the dataset, or says what is wrong with the dataset.
fn with_knowledge(path: &DataPath, f: impl FnOnce(&Knowledge) -> ExitCode) -> ExitCode {
    match load(path) {
        Ok(dataset) => f(&Knowledge::new(dataset)),
        Err(code) => code,
    }
}

fn console(k: &Knowledge) -> ExitCode {
    match crate::console::run(k) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(e) => {
            eprintln!("minilateral: console: {e}");
            ExitCode::from(exit::BAD_INPUT)
        }
    }
}

/// Loads the dataset, or says what is wrong with it on stderr.
fn load(path: &DataPath) -> Result<crate::dataset::Dataset, ExitCode> {
    datafiles::load(path).map_err(|e| {
        eprintln!("minilateral: {}: {e}", path.describe());
        ExitCode::from(exit::BAD_INPUT)
    })
}

/// Writes to stdout; a closed pipe (`minilateral check | head -1`) is not an error.
pub fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// What stdout is, which decides how JSON is laid out there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdoutIs {
    /// A person reads it: JSON pretty-printed.
    Terminal,
    /// A pipe or a file: a program reads it, one JSON value per line.
    Redirected,
}

impl StdoutIs {
    /// This process's stdout.
    pub fn now() -> StdoutIs {
        use std::io::IsTerminal;
        if std::io::stdout().is_terminal() {
            StdoutIs::Terminal
        } else {
            StdoutIs::Redirected
        }
    }
}

/// One JSON value as every command prints it (docs/commands.md, "JSON output"): pretty on a
/// terminal, on one line otherwise; ends in a line break.
pub fn json_text(value: &impl serde::Serialize, stdout: StdoutIs) -> String {
    let text = match stdout {
        StdoutIs::Terminal => serde_json::to_string_pretty(value),
        StdoutIs::Redirected => serde_json::to_string(value),
    };
    format!("{}\n", text.expect("our JSON values serialise"))
}

/// Prints one JSON value on stdout (`json_text`).
fn print_json(value: &impl serde::Serialize) {
    out(&json_text(value, StdoutIs::now()));
}

/// A message command by its name in Discord's Apps menu, for `ask --command`.
fn message_command(name: &str) -> Result<crate::command::MessageCommand, String> {
    crate::command::MessageCommand::parse(name).ok_or_else(|| {
        let names: Vec<String> = crate::command::MessageCommand::ALL
            .iter()
            .map(|m| format!("\"{m}\""))
            .collect();
        format!("the message commands are {}", names.join(" and "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_pretty_on_a_terminal_and_one_line_otherwise() {
        let value = serde_json::json!({"id": "g7", "members": ["Canada", "France"]});
        let pretty = json_text(&value, StdoutIs::Terminal);
        assert_eq!(
            pretty,
            "{\n  \"id\": \"g7\",\n  \"members\": [\n    \"Canada\",\n    \"France\"\n  ]\n}\n"
        );
        let line = json_text(&value, StdoutIs::Redirected);
        assert_eq!(
            line,
            "{\"id\":\"g7\",\"members\":[\"Canada\",\"France\"]}\n"
        );
        for text in [pretty, line] {
            let read: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(read, value);
        }
    }
}
