//! Discord's limits as named constants, and the one way texts are cut to fit them.
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
pub const EMBED_TITLE_CHARS: usize = 256;
pub const EMBED_DESCRIPTION_CHARS: usize = 4096;
pub const EMBED_FIELDS: usize = 25;
pub const EMBED_FIELD_NAME_CHARS: usize = 256;
pub const EMBED_FIELD_VALUE_CHARS: usize = 1024;
pub const EMBED_FOOTER_CHARS: usize = 2048;
pub const EMBED_AUTHOR_CHARS: usize = 256;
/// Title, description, field names and values, footer and author over all embeds together.
pub const EMBEDS_TOTAL_CHARS: usize = 6000;
/// Autocomplete choices in one response.
pub const AUTOCOMPLETE_CHOICES: usize = 25;
/// An autocomplete choice's `name`, and a string `value`.
pub const CHOICE_NAME_CHARS: usize = 100;
pub const CHOICE_VALUE_CHARS: usize = 100;
/// Buttons per action row, and action rows per message.
pub const BUTTONS_PER_ROW: usize = 5;
pub const ACTION_ROWS: usize = 5;
pub const BUTTON_LABEL_CHARS: usize = 80;
pub const CUSTOM_ID_CHARS: usize = 100;
/// Command and option descriptions.
pub const DESCRIPTION_CHARS: usize = 100;
/// Choices declared on a command option.
pub const OPTION_CHOICES: usize = 25;
/// An attachment's `description` (its alt text).
pub const ATTACHMENT_DESCRIPTION_CHARS: usize = 1024;

/// The mark put where a text was cut.
pub const ELLIPSIS: char = '…';

/// `text` cut to at most `max` characters: whole when it fits; otherwise cut at the last word
/// boundary that leaves room for "…" (or mid-word when a single word is longer than that),
/// never inside a character.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1;
    let end = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    // Prefer a word boundary in the last half of the budget; a cut that drops half the text
    // to find a space reads worse than one mid-word.
    let at_space = head
        .rfind(char::is_whitespace)
        .filter(|&i| head[..i].chars().count() * 2 >= budget);
    let head = at_space.map_or(head, |i| &head[..i]).trim_end();
    format!("{head}{ELLIPSIS}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_texts_whole() {
        assert_eq!(cut("Sara Pantuliano", 100), "Sara Pantuliano");
        assert_eq!(cut("", 5), "");
    }

    #[test]
    fn cut_stops_at_a_word_and_marks_it() {
        assert_eq!(cut("the way of the future", 12), "the way of…");
        assert!(cut("the way of the future", 12).chars().count() <= 12);
    }

    #[test]
    fn cut_never_splits_a_character() {
        let s = "é".repeat(50);
        let c = cut(&s, 10);
        assert_eq!(c.chars().count(), 10);
        assert!(c.ends_with(ELLIPSIS));
        assert_eq!(cut("abc", 0), "");
    }
}
