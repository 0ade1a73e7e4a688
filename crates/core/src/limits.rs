//! Discord's limits as named constants, and the one way texts are cut to fit them (`excerpt`'s
//! rule, with no slack).
//!
//! Discord counts characters as Unicode scalar values (what `str::chars` yields), as serenity
//! does. Replies are checked against these in one place (`reply::fit`) because serenity checks
//! lengths only on its REST path, never for an HTTP-endpoint body.
//! Sources: Discord's developer documentation, "Message Resource" (embed and component limits)
//! and "Application Commands" (names, descriptions, choices).

/// Message `content`.
pub const CONTENT_CHARS: usize = 2000;
/// Embeds per message.
pub const EMBEDS: usize = 10;
/// An embed's `title`.
pub const EMBED_TITLE_CHARS: usize = 256;
/// An embed's `description`.
pub const EMBED_DESCRIPTION_CHARS: usize = 4096;
/// Fields per embed.
pub const EMBED_FIELDS: usize = 25;
/// A field's `name`.
pub const EMBED_FIELD_NAME_CHARS: usize = 256;
/// A field's `value`.
pub const EMBED_FIELD_VALUE_CHARS: usize = 1024;
/// An embed footer's `text`.
pub const EMBED_FOOTER_CHARS: usize = 2048;
/// An embed author's `name` (no card has one; it counts toward the total all the same).
pub const EMBED_AUTHOR_CHARS: usize = 256;
/// Title, description, field names and values, footer and author over all embeds together.
pub const EMBEDS_TOTAL_CHARS: usize = 6000;
/// Autocomplete choices in one response.
pub const AUTOCOMPLETE_CHOICES: usize = 25;
/// An autocomplete choice's `name`.
pub const CHOICE_NAME_CHARS: usize = 100;
/// An autocomplete choice's string `value`.
pub const CHOICE_VALUE_CHARS: usize = 100;
/// Buttons per action row.
pub const BUTTONS_PER_ROW: usize = 5;
/// Action rows per message.
pub const ACTION_ROWS: usize = 5;
/// A button's `label`.
pub const BUTTON_LABEL_CHARS: usize = 80;
/// A component's `custom_id` (a button's id).
pub const CUSTOM_ID_CHARS: usize = 100;
/// Command and option descriptions.
pub const DESCRIPTION_CHARS: usize = 100;
/// Choices declared on a command option.
pub const OPTION_CHOICES: usize = 25;
/// An attachment's `description` (its alt text).
pub const ATTACHMENT_DESCRIPTION_CHARS: usize = 1024;

/// The mark put where a text was cut (the excerpt rule's, which cuts every text).
pub use crate::excerpt::ELLIPSIS;

/// `text` cut to at most `max` characters, "…" included: whole when it fits; otherwise cut at
/// the last word boundary that leaves room for "…" (or mid-word when a single word is longer
/// than half that), never inside a character. The excerpt rule with no slack
/// (`excerpt::cut`): a hard limit cannot be run over.
pub fn cut(text: &str, max: usize) -> String {
    crate::excerpt::cut(text, max)
}
