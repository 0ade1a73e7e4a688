//! The one cleaning rule for a person's text shown back in a reply or an error ("No expert
//! matches “…”", "unknown command `/…`"): what cannot be seen is dropped, what would break the
//! line becomes a space, and the rest is cut to `ECHO_CHARS`.
//!
//! Echoed text is typed by anyone, so it may carry characters that change how the text around
//! them reads without showing themselves: bidirectional overrides (U+202E makes "txt.exe" read
//! "exe.txt"), tag characters that hide a message in plain sight, fillers that make a blank
//! name. They are Unicode's default-ignorable code points and format characters (the classes
//! are listed below from Unicode 16's `DerivedCoreProperties.txt` and `UnicodeData.txt`).

use crate::excerpt::cut;

/// How much of a person's text is echoed back, in characters.
pub const ECHO_CHARS: usize = 80;

/// `text` cleaned and cut: invisible characters dropped, control characters and line breaks as
/// spaces, trimmed, then at most `ECHO_CHARS` characters (a cut is marked "…"). Not escaped for
/// Markdown: `reply::echo` does that for a reply's text, `code` for a code span.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * ECHO_CHARS));
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        out.push(if c.is_control() || c.is_whitespace() || is_blank(c) {
            ' '
        } else {
            c
        });
    }
    cut(out.trim(), ECHO_CHARS)
}

/// `clean`, for a Markdown code span (`` `/name` ``): nothing can be escaped inside one, so a
/// backtick, which would end it, becomes a quote.
pub fn code(text: &str) -> String {
    clean(text).replace('`', "'")
}

/// Whether a character is one that is never seen: a default-ignorable code point or a format
/// character.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        // Default_Ignorable_Code_Point.
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
            // Format characters (Cf) that are not default-ignorable.
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// A character that shows as blank space though it is not a space: the Braille blank, used to
/// make names look empty.
fn is_blank(c: char) -> bool {
    c == '\u{2800}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_is_dropped() {
        for c in [
            '\u{00AD}',
            '\u{180E}',
            '\u{206A}',
            '\u{206F}',
            '\u{FFF9}',
            '\u{FFFB}',
            '\u{1D173}',
            '\u{1D17A}',
            '\u{115F}',
            '\u{1160}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{202E}',
            '\u{2066}',
            '\u{200B}',
            '\u{FEFF}',
        ] {
            assert_eq!(clean(&format!("a{c}b")), "ab", "U+{:04X}", u32::from(c));
        }
        assert_eq!(clean("a\0b\u{2028}c\u{7F}d\u{2800}e"), "a b c d e");
        assert_eq!(code("a`b"), "a'b");
        assert_eq!(clean(&"x".repeat(1000)).chars().count(), ECHO_CHARS);
    }
}
