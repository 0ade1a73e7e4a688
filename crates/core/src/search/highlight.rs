//! A passage cut to a window around its first matched word, the matched words marked.

use crate::fold;

/// `text` with the words whose folded form `matched` accepts marked by `mark` (which gets each
/// word, escaped by `escape`, and returns it marked); everything else escaped. Only a window
/// of about `window` characters around the first marked word is kept, with "…" where cut.
pub fn highlight(
    text: &str,
    matched: impl Fn(&str) -> bool,
    window: usize,
    escape: impl Fn(&str) -> String,
    mark: impl Fn(&str) -> String,
) -> String {
    // Split into runs of word characters and the rest, keeping char offsets.
    let mut pieces: Vec<(bool, &str, usize)> = Vec::new();
    let mut start = 0;
    let mut chars_before = 0;
    let mut in_word = None;
    let mut count = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // An apostrophe inside a word is part of it, as folding reads it ("It’s" is "its"); a
        // closing quote after a word is not.
        let is_word = c.is_alphanumeric()
            || (fold::is_apostrophe(c)
                && in_word == Some(true)
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()));
        match in_word {
            Some(w) if w != is_word => {
                pieces.push((w, &text[start..i], chars_before));
                start = i;
                chars_before = count;
            }
            _ => {}
        }
        in_word = Some(is_word);
        count += 1;
    }
    if let Some(w) = in_word {
        pieces.push((w, &text[start..], chars_before));
    }
    let is_hit = |p: &(bool, &str, usize)| p.0 && fold::words(p.1).iter().any(|w| matched(w));
    let first_hit = pieces.iter().find(|p| is_hit(p)).map_or(0, |p| p.2);
    let from = first_hit.saturating_sub(window / 3);
    let to = from + window;
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    for p in &pieces {
        let len = p.1.chars().count();
        if p.2 + len <= from || p.2 >= to {
            continue;
        }
        if is_hit(p) {
            out.push_str(&mark(&escape(p.1)));
        } else {
            out.push_str(&escape(p.1));
        }
    }
    if count > to {
        out.push('…');
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bold(text: &str, words: &[&str]) -> String {
        highlight(
            text,
            |w| words.contains(&w),
            280,
            |s| s.to_string(),
            |w| format!("**{w}**"),
        )
    }

    #[test]
    fn a_word_with_an_apostrophe_is_marked_whole_as_folding_reads_it() {
        assert_eq!(
            bold("It’s critical, O'Neill said.", &["its", "oneill"]),
            "**It’s** critical, **O'Neill** said."
        );
        // A closing quote after a word is not part of it.
        assert_eq!(
            bold("‘the way of the future’ it was", &["future"]),
            "‘the way of the **future**’ it was"
        );
        assert_eq!(bold("Nothing here", &["its"]), "Nothing here");
    }
}
