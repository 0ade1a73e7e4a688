//! Configuration from the environment (and `.env`), typed and checked in one place. Secrets
//! live in `Secret`, whose `Debug` and `Display` print `***`.

use std::fmt;
use std::time::Duration;

use thiserror::Error;

/// An environment variable's value; unset and empty are the same (a `.env` copied from
/// `.env.example` has empty lines for what is not used). The one place the environment is read.
#[allow(clippy::disallowed_methods)] // The one place; `clippy.toml` forbids it everywhere else.
pub fn value(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// `MINILATERAL_DATA`: the dataset path when `--data` is not given.
pub fn data_path() -> Option<std::path::PathBuf> {
    value("MINILATERAL_DATA").map(std::path::PathBuf::from)
}

/// `MINILATERAL_LISTEN`: where `serve` listens when `--listen` is not given.
pub fn listen() -> Option<String> {
    value("MINILATERAL_LISTEN")
}

/// `DISCORD_PUBLIC_KEY`: the key `serve` verifies signatures with.
pub fn public_key() -> Option<String> {
    value("DISCORD_PUBLIC_KEY")
}

/// `DISCORD_TOKEN`, kept secret: for modes that can do without Discord settings but must still
/// keep the token out of their logs (`serve`), and to tell whether `run` has one.
pub fn token() -> Option<Secret> {
    value("DISCORD_TOKEN").map(|t| Secret::new(t.trim()))
}

/// `RUST_LOG`: the log filter, e.g. `info` or `minilateral=debug`.
pub fn log_filter() -> Option<String> {
    value("RUST_LOG")
}

/// A value that must never reach a log, an error or a panic message.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Which shards this process runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shards {
    /// Discord's recommended count, all in this process.
    Auto,
    /// Shards `first..=last` of `total`.
    Range { first: u32, last: u32, total: u32 },
}

impl std::str::FromStr for Shards {
    type Err = String;

    fn from_str(s: &str) -> Result<Shards, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("auto") {
            return Ok(Shards::Auto);
        }
        let bad = || {
            format!("DISCORD_SHARDS must be `auto` or FIRST-LAST/TOTAL such as 0-3/8, not `{s}`")
        };
        let (range, total) = s.split_once('/').ok_or_else(bad)?;
        let (first, last) = range.split_once('-').unwrap_or((range, range));
        let n = |x: &str| x.trim().parse::<u32>().map_err(|_| bad());
        let (first, last, total) = (n(first)?, n(last)?, n(total)?);
        if first > last || last >= total {
            return Err(format!(
                "DISCORD_SHARDS {s}: shards are numbered 0 to TOTAL-1, and FIRST must not be after LAST"
            ));
        }
        Ok(Shards::Range { first, last, total })
    }
}

/// Settings for talking to Discord.
#[derive(Clone, Debug)]
pub struct Discord {
    pub token: Secret,
    pub application_id: Option<u64>,
    pub guild_id: Option<u64>,
    pub shards: Shards,
    /// REST base URL instead of https://discord.com (a proxy, or a test server).
    pub api_base: Option<String>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("DISCORD_TOKEN is not set; see the README, \"Setting up in Discord\"")]
    NoToken,
    #[error("{name} must be a Discord id (a number above 0), not `{value}`")]
    NotAnId { name: &'static str, value: String },
    #[error("{0}")]
    Shards(String),
    #[error("DISCORD_API_BASE must be an http:// or https:// URL, not `{0}`")]
    ApiBase(String),
}

fn id(name: &'static str) -> Result<Option<u64>, ConfigError> {
    value(name)
        .map(|v| {
            // Discord ids start at 1; serenity's id types panic on 0.
            v.trim()
                .parse::<std::num::NonZeroU64>()
                .map(u64::from)
                .map_err(|_| ConfigError::NotAnId { name, value: v })
        })
        .transpose()
}

/// `DISCORD_API_BASE`: Discord's REST API elsewhere (a proxy, or a test server), without a
/// trailing slash.
pub fn api_base() -> Result<Option<String>, ConfigError> {
    value("DISCORD_API_BASE")
        .map(|b| {
            let b = b.trim().trim_end_matches('/').to_string();
            if b.starts_with("http://") || b.starts_with("https://") {
                Ok(b)
            } else {
                Err(ConfigError::ApiBase(b))
            }
        })
        .transpose()
}

impl Discord {
    /// Reads the settings from the environment.
    pub fn from_env() -> Result<Discord, ConfigError> {
        let token = value("DISCORD_TOKEN").ok_or(ConfigError::NoToken)?;
        let shards = value("DISCORD_SHARDS")
            .map(|s| s.parse().map_err(ConfigError::Shards))
            .transpose()?
            .unwrap_or(Shards::Auto);
        let api_base = api_base()?;
        Ok(Discord {
            token: Secret::new(token.trim()),
            application_id: id("DISCORD_APPLICATION_ID")?,
            guild_id: id("DISCORD_GUILD_ID")?,
            shards,
            api_base,
        })
    }
}

/// How long a client may take, and how many may be connected: an internet-facing server that
/// waits forever for slow or silent clients runs out of sockets and memory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServerLimits {
    /// To send a request's headers, and to start the next request on a kept-alive connection
    /// (`MINILATERAL_HEADER_TIMEOUT`, seconds).
    pub header_timeout: Duration,
    /// To send a request's body once its headers are in (`MINILATERAL_BODY_TIMEOUT`).
    pub body_timeout: Duration,
    /// Connections at once (`MINILATERAL_MAX_CONNECTIONS`). At the cap, the connection that
    /// has waited longest for a request's headers is cut to make room; when every connection
    /// is in a request, new ones wait in the kernel's queue. Never more than the open-files
    /// limit allows (less 64 for everything else), so that the server never runs out of file
    /// descriptors.
    pub max_connections: usize,
    /// After SIGTERM or SIGINT: how long requests in flight and the uploads under way may
    /// finish, together, before the rest are dropped and the process exits 0
    /// (`MINILATERAL_SHUTDOWN_DEADLINE`).
    pub shutdown_deadline: Duration,
    /// Picture uploads admitted at once, running or waiting (`MINILATERAL_UPLOAD_QUEUE`); past
    /// that, an answer with a picture is sent at once as its text alone.
    pub upload_queue: usize,
    /// The oldest signature timestamp taken, in either direction of this machine's clock
    /// (`MINILATERAL_MAX_SIGNATURE_AGE`, seconds). Off by default: Discord does not ask for it,
    /// and a server with a wrong clock would then refuse everything.
    pub max_signature_age: Option<Duration>,
}

impl Default for ServerLimits {
    fn default() -> ServerLimits {
        ServerLimits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            max_connections: 4096,
            shutdown_deadline: Duration::from_secs(10),
            upload_queue: crate::upload::QUEUE,
            max_signature_age: None,
        }
    }
}

impl ServerLimits {
    /// `serve`'s limits from the environment; each unset one keeps its default. A value that is
    /// not a positive number is an error that names the variable.
    pub fn from_env() -> Result<ServerLimits, String> {
        let mut limits = ServerLimits::default();
        let seconds = |name: &str, default: Duration| match value(name) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s > 0.0 && *s <= 86_400.0)
                .map(Duration::from_secs_f64)
                .ok_or_else(|| format!("{name} must be a number of seconds above 0, not `{v}`")),
        };
        limits.header_timeout = seconds("MINILATERAL_HEADER_TIMEOUT", limits.header_timeout)?;
        limits.body_timeout = seconds("MINILATERAL_BODY_TIMEOUT", limits.body_timeout)?;
        limits.shutdown_deadline =
            seconds("MINILATERAL_SHUTDOWN_DEADLINE", limits.shutdown_deadline)?;
        if value("MINILATERAL_MAX_SIGNATURE_AGE").is_some() {
            limits.max_signature_age =
                Some(seconds("MINILATERAL_MAX_SIGNATURE_AGE", Duration::ZERO)?);
        }
        let count = |name: &str, default: usize| match value(name) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("{name} must be a whole number above 0, not `{v}`")),
        };
        limits.max_connections = count("MINILATERAL_MAX_CONNECTIONS", limits.max_connections)?;
        limits.upload_queue = count("MINILATERAL_UPLOAD_QUEUE", limits.upload_queue)?;
        Ok(limits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let s = Secret::new("MTIz.abc.def");
        assert_eq!(format!("{s} {s:?}"), "*** ***");
        let d = Discord {
            token: s,
            application_id: None,
            guild_id: None,
            shards: Shards::Auto,
            api_base: None,
        };
        assert!(!format!("{d:?}").contains("MTIz"));
    }

    #[test]
    fn shards_parse() {
        assert_eq!("auto".parse(), Ok(Shards::Auto));
        assert_eq!(
            "0-3/8".parse(),
            Ok(Shards::Range {
                first: 0,
                last: 3,
                total: 8
            })
        );
        assert_eq!(
            "2/4".parse(),
            Ok(Shards::Range {
                first: 2,
                last: 2,
                total: 4
            })
        );
        assert!("3-1/8".parse::<Shards>().is_err());
        assert!("0-8/8".parse::<Shards>().is_err());
        assert!("many".parse::<Shards>().is_err());
    }
}
