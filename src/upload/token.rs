//! The two values of a request that go into an upload's URL, checked before they can: the
//! interaction token and the application id. A signed request is Discord's, but its token is
//! still text placed in a path: `../../channels/123/messages` or `a?b=c#` would send the edit
//! elsewhere. Only `InteractionToken::parse` makes a token, so an unchecked one cannot reach
//! `upload::url`.

use std::fmt;

use thiserror::Error;

/// The longest token taken. Discord documents no length (its tokens are about 200 characters
/// of URL-safe base64); this leaves room for that to grow and keeps URLs bounded.
pub const MAX_TOKEN_CHARS: usize = 1024;

/// Why a token or an id was refused. The messages never hold the value: a token is a
/// credential (for 15 minutes), and a refused one may be a crafted path.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the interaction token is empty")]
    Empty,
    #[error("the interaction token is {0} characters long, more than {MAX_TOKEN_CHARS}")]
    TooLong(usize),
    #[error(
        "the interaction token has a character outside A-Z, a-z, 0-9, '_', '.' and '-' (a '/', '?' or '#' would change the URL)"
    )]
    Character,
    #[error("the interaction token is only dots (a path segment '.' or '..')")]
    Dots,
}

/// An interaction token in Discord's form: 1 to `MAX_TOKEN_CHARS` of `[A-Za-z0-9_.-]`, not
/// only dots. Its `Debug` prints no value, so that a derived `Debug` further up cannot log it.
#[derive(Clone, PartialEq, Eq)]
pub struct InteractionToken(String);

impl InteractionToken {
    pub fn parse(token: &str) -> Result<InteractionToken, TokenError> {
        if token.is_empty() {
            return Err(TokenError::Empty);
        }
        if token.len() > MAX_TOKEN_CHARS {
            return Err(TokenError::TooLong(token.chars().count()));
        }
        if !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        {
            return Err(TokenError::Character);
        }
        // `.` and `..` are path segments a URL parser resolves: `/webhooks/1/../messages`.
        if token.bytes().all(|b| b == b'.') {
            return Err(TokenError::Dots);
        }
        Ok(InteractionToken(token.to_string()))
    }

    /// The token, for the one place that puts it in a URL.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for InteractionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InteractionToken(***)")
    }
}

/// An application id: a snowflake, `^(0|[1-9][0-9]*)$` in Discord's OpenAPI spec
/// (`SnowflakeType`). serenity parses it into a number; held as that number, it prints only
/// digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApplicationId(u64);

impl ApplicationId {
    /// From the number serenity parsed (a snowflake by its type).
    pub fn new(id: u64) -> ApplicationId {
        ApplicationId(id)
    }
}

impl fmt::Display for ApplicationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_forms_are_taken() {
        for token in [
            "PLACEHOLDER_INTERACTION_TOKEN_CMD_OVERLAP",
            "aW50ZXJhY3Rpb246MTEwMDAwMDAwMDAwMDAwMDAwOTpTZWNyZXQ-_x.y",
            &"a".repeat(MAX_TOKEN_CHARS),
            ".a",
        ] {
            assert_eq!(InteractionToken::parse(token).unwrap().as_str(), token);
        }
        assert_eq!(
            ApplicationId::new(1000000000000000001).to_string(),
            "1000000000000000001"
        );
    }

    #[test]
    fn anything_that_could_change_the_url_is_refused() {
        for (token, error) in [
            ("", TokenError::Empty),
            (
                "../../../../../api/v10/channels/123/messages",
                TokenError::Character,
            ),
            ("a?b=c#", TokenError::Character),
            ("a#b", TokenError::Character),
            ("a%2Fb", TokenError::Character),
            ("a b", TokenError::Character),
            ("tøken", TokenError::Character),
            ("..", TokenError::Dots),
            (".", TokenError::Dots),
        ] {
            assert_eq!(InteractionToken::parse(token), Err(error), "{token:?}");
        }
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(
            InteractionToken::parse(&long),
            Err(TokenError::TooLong(MAX_TOKEN_CHARS + 1))
        );
    }

    #[test]
    fn a_token_never_prints() {
        let token = InteractionToken::parse("secret_token").unwrap();
        assert!(!format!("{token:?}").contains("secret"));
        let message = TokenError::Character.to_string();
        assert!(!message.contains("secret"));
    }
}
