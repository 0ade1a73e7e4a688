//! Logs: tracing to stderr, filtered by RUST_LOG, with every secret blotted out of every line.
//!
//! Our code never logs the token (it lives in `config::Secret`), but dependencies log at
//! trace level (HTTP headers, websocket frames) and we cannot audit all of them. So the writer
//! itself replaces each secret with `***` in whatever is written, at every level.

use std::io::{self, Write};
use std::sync::Arc;

use tracing_subscriber::EnvFilter;

use crate::config::Secret;
use tracing_subscriber::fmt::MakeWriter;

/// Writes to stderr with secrets replaced.
#[derive(Clone)]
struct Redacting {
    secrets: Arc<Vec<Secret>>,
}

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = RedactingWriter;

    fn make_writer(&'a self) -> RedactingWriter {
        RedactingWriter {
            secrets: self.secrets.clone(),
            buffer: Vec::new(),
        }
    }
}

/// Buffers one event and writes it, redacted, when dropped: tracing-subscriber writes each
/// event through its own writer, so a secret is never split between two writes.
struct RedactingWriter {
    secrets: Arc<Vec<Secret>>,
    buffer: Vec<u8>,
}

impl Write for RedactingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for RedactingWriter {
    fn drop(&mut self) {
        let text = redact(&String::from_utf8_lossy(&self.buffer), &self.secrets);
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }
}

/// `text` with every secret (of 8 characters or more, so that nothing common is hidden)
/// replaced by `***`.
pub fn redact(text: &str, secrets: &[Secret]) -> String {
    let mut out = text.to_string();
    for s in secrets.iter().map(Secret::expose).filter(|s| s.len() >= 8) {
        if out.contains(s) {
            out = out.replace(s, "***");
        }
    }
    out
}

/// Starts logging (the filter of `config::log_filter`, default `info`); `secrets` never appear
/// in the output. Panic messages go through the same writer.
pub fn init(secrets: Vec<Secret>) {
    let secrets = Arc::new(secrets);
    let filter = crate::config::log_filter()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Redacting {
            secrets: secrets.clone(),
        })
        .with_target(true)
        // Colour only for a person at a terminal: escape codes in a log file are noise.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    std::panic::set_hook(Box::new(move |info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_string());
        let message = redact(&message, &secrets);
        tracing::error!(%location, %message, "panic");
    }));
}

/// An error and its causes on one line, each text once: many errors print their cause in their
/// own message and return it as `source()` too, and `{e:#}` would then say it twice ("Error
/// while sending HTTP request.: Error while sending HTTP request.").
pub fn error_chain(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Wrapped(std::io::Error);

    impl std::fmt::Display for Wrapped {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // Like serenity's HTTP errors: the cause's text, and the cause as source.
            write!(f, "{}", self.0)
        }
    }

    impl std::error::Error for Wrapped {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn an_error_chain_says_each_cause_once() {
        let io = std::io::Error::other("connection refused");
        let e = anyhow::Error::new(Wrapped(io)).context("could not register the commands");
        assert_eq!(
            format!("{e:#}"),
            "could not register the commands: connection refused: connection refused"
        );
        assert_eq!(
            error_chain(&e),
            "could not register the commands: connection refused"
        );
    }

    #[test]
    fn redact_replaces_every_secret() {
        let secrets = vec![Secret::new("MTIzNDU2.abc.def"), Secret::new("short")];
        assert_eq!(
            redact("Bot MTIzNDU2.abc.def and MTIzNDU2.abc.def, short", &secrets),
            "Bot *** and ***, short"
        );
    }
}
