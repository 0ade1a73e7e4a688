//! A passage cut to an excerpt around its first matched word (`excerpt`'s rule), the matched
//! words marked.

use crate::excerpt::excerpt;
use crate::fold;
use crate::limits::ELLIPSIS;

/// `text` with the words whose folded form `matched` accepts marked by `mark` (which gets each
/// word, escaped by `escape`, and returns it marked); everything else escaped. The text is
/// shown as `excerpt` shows it in `window` characters around the first marked word: whole
/// when it fits with its slack, else cut at words with "…" exactly where text is left out.
pub fn highlight(
    text: &str,
    matched: impl Fn(&str) -> bool,
    window: usize,
    escape: impl Fn(&str) -> String,
    mark: impl Fn(&str) -> String,
) -> String {
    // Runs of word characters and the rest, as byte ranges, each word with whether it is hit.
    let mut pieces: Vec<(bool, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    let mut in_word = None;
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
                pieces.push((w, start..i));
                start = i;
            }
            _ => {}
        }
        in_word = Some(is_word);
    }
    if let Some(w) = in_word {
        pieces.push((w, start..text.len()));
    }
    let hit = |word: bool, r: &std::ops::Range<usize>| {
        word && text
            .get(r.clone())
            .is_some_and(|w| fold::words(w).iter().any(|w| matched(w)))
    };
    let pieces: Vec<(bool, std::ops::Range<usize>)> = pieces
        .into_iter()
        .map(|(word, r)| (hit(word, &r), r))
        .collect();
    let focus = pieces.iter().find(|p| p.0).map_or(0, |p| p.1.start);
    let shown = excerpt(text, focus, window);
    let mut out = String::new();
    if shown.cut.before {
        out.push(ELLIPSIS);
    }
    for (is_hit, r) in &pieces {
        // A piece the excerpt cuts (a word longer than the window) is shown in part.
        let part = r.start.max(shown.range.start)..r.end.min(shown.range.end);
        let Some(part) = text.get(part).filter(|p| !p.is_empty()) else {
            continue;
        };
        if *is_hit {
            out.push_str(&mark(&escape(part)));
        } else {
            out.push_str(&escape(part));
        }
    }
    if shown.cut.after {
        out.push(ELLIPSIS);
    }
    out
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

    #[test]
    fn a_long_passage_is_cut_around_its_first_hit_and_marked_where_cut() {
        let text = format!("{} needle {}", "before ".repeat(60), "after ".repeat(60));
        let shown = bold(text.trim(), &["needle"]);
        assert!(
            shown.starts_with("…before") && shown.ends_with("after…"),
            "{shown}"
        );
        assert!(shown.contains("**needle**"));
        // A passage that fits with the slack is whole, unmarked.
        let fits = "word ".repeat(60);
        assert_eq!(bold(fits.trim(), &["word"]).matches('…').count(), 0);
    }
}
