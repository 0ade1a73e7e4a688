//! Is a text verbatim in its source? Exact characters (typographic quotes, dashes and line
//! breaks included), with one allowance: a passage may leave out words inside a paragraph
//! where it writes an elision mark (`[…]` or `[...]`). Used by `Dataset::load` (and so by
//! `check` and every reload) for every passage, lead-in and `as_written` text, and by the
//! tests, so that one definition of "verbatim" holds everywhere.

use std::ops::Range;

/// The marks with which a passage says that it leaves something out. A mark that the source
/// itself writes matches as it stands: the exact comparison comes first.
pub const ELISIONS: &[&str] = &["[…]", "[...]"];

/// Words compared when looking for the nearest text: beyond this, `check` names the passage
/// without the nearest text, rather than spend seconds on a huge source.
const NEAREST_BUDGET: usize = 50_000_000;

/// Why a text is not verbatim: the span of the source that comes nearest, and how the text
/// differs from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// The source's words where the text comes nearest (as many words as the text has);
    /// empty for an elision whose pieces are each in the source.
    pub text: String,
    /// How the text differs from those words.
    pub differs: Difference,
}

/// How a text that is not verbatim differs from the source's nearest words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The first word of the text that differs, and the source's word in its place.
    Word {
        /// The text's word.
        ours: String,
        /// The source's word in its place.
        theirs: String,
    },
    /// Every word agrees: only spacing or line breaks differ.
    Spacing,
    /// Every piece between elision marks is in the source, but not in order, within one
    /// paragraph, at word boundaries, with words left out between them.
    Elision,
}

/// Where `text` is in `source`, as whole words: the byte range from its first to its last
/// character. Looks first from `from` (the end of the previous passage, so that passages in
/// source order are found in one pass) and then from the start. `Err` holds the nearest span
/// of the source, when some of its words agree.
pub fn locate(source: &str, text: &str, from: usize) -> Result<Range<usize>, Option<Nearest>> {
    locate_in(source, text, from, Explain::Nearest)
}

/// What a text not found in its source is reported with. The nearest text costs a pass over
/// the source's words for each text not found, so a load stops explaining after a few.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Explain {
    /// Look for the source's nearest words.
    Nearest,
    /// Only say that it is not found.
    NotFound,
}

/// `locate`, with the nearest text looked for only when `explain` asks for it.
pub fn locate_in(
    source: &str,
    text: &str,
    from: usize,
    explain: Explain,
) -> Result<Range<usize>, Option<Nearest>> {
    if text.trim().is_empty() {
        return Err(None);
    }
    let from = if source.is_char_boundary(from) {
        from
    } else {
        0
    };
    if let Some(at) = find_whole(source, text, from).or_else(|| find_whole(source, text, 0)) {
        return Ok(at..at + text.len());
    }
    let pieces = pieces(source, text);
    if pieces.len() > 1 {
        return elided(source, &pieces, explain);
    }
    Err(match explain {
        Explain::Nearest => nearest(source, text),
        Explain::NotFound => None,
    })
}

/// The first place from `start` where `text` stands as whole words: a passage that begins or
/// ends inside a word ("secret" of "secretariat") would quote the source wrongly.
fn find_whole(source: &str, text: &str, start: usize) -> Option<usize> {
    source
        .get(start..)?
        .match_indices(text)
        .map(|(i, _)| start + i)
        .find(|&at| whole_words(source, at..at + text.len()))
}

/// The pieces of `text` between the elision marks that the source does not itself write
/// (the article's own "[...]" is part of its words), trimmed.
fn pieces<'t>(source: &str, text: &'t str) -> Vec<&'t str> {
    let mut pieces = vec![text];
    for mark in ELISIONS.iter().filter(|m| !source.contains(*m)) {
        pieces = pieces.into_iter().flat_map(|p| p.split(mark)).collect();
    }
    pieces.into_iter().map(str::trim).collect()
}

/// A text with elision marks: every piece whole words, in order, each mark standing for at
/// least one left-out word and never for a paragraph break (an elision shortens a
/// sentence; it does not join two people's words).
fn elided(
    source: &str,
    pieces: &[&str],
    explain: Explain,
) -> Result<Range<usize>, Option<Nearest>> {
    let Some((&first, rest)) = pieces.split_first() else {
        return Err(None);
    };
    if pieces.iter().any(|p| p.is_empty()) {
        // "[…] words" or "words […]": nothing on one side of the mark to anchor it.
        return Err(None);
    }
    let mut start = 0;
    // Every place the first piece occurs may start the passage.
    while let Some(i) = source.get(start..).and_then(|s| s.find(first)) {
        let at = start + i;
        if let Some(end) = rest_in_order(source, at..at + first.len(), rest) {
            return Ok(at..end);
        }
        start = at + first.len();
    }
    // Name the first piece that cannot be found, with its own nearest text.
    match pieces.iter().find(|p| !source.contains(*p)) {
        Some(_) if explain == Explain::NotFound => Err(None),
        Some(missing) => Err(nearest(source, missing)),
        None => Err(Some(Nearest {
            text: String::new(),
            differs: Difference::Elision,
        })),
    }
}

/// The end of the last piece when the `rest` of the pieces follow the `first`, found there,
/// as an elision allows.
fn rest_in_order(source: &str, first: Range<usize>, rest: &[&str]) -> Option<usize> {
    if !whole_words(source, first.clone()) {
        return None;
    }
    let mut cursor = first.end;
    for piece in rest {
        // Within the paragraph, after a gap that leaves out at least part of a word.
        let after = source.get(cursor..)?;
        let window = after
            .find('\n')
            .map_or(after, |n| after.get(..n).unwrap_or(after));
        let found = window
            .match_indices(piece)
            .map(|(j, _)| cursor + j)
            .find(|&j| {
                source
                    .get(cursor..j)
                    .is_some_and(|gap| gap.chars().any(char::is_alphanumeric))
                    && whole_words(source, j..j + piece.len())
            })?;
        cursor = found + piece.len();
    }
    Some(cursor)
}

/// Whether `range` of `source` starts and ends at word boundaries.
fn whole_words(source: &str, range: Range<usize>) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = source
        .get(..range.start)
        .and_then(|s| s.chars().next_back());
    let first = source.get(range.start..).and_then(|s| s.chars().next());
    let last = source.get(..range.end).and_then(|s| s.chars().next_back());
    let after = source.get(range.end..).and_then(|s| s.chars().next());
    let cuts_a_word = (word(before) && word(first)) || (word(last) && word(after));
    !cuts_a_word
}

/// The span of `source` whose words agree most with the words of `text`, aligned word by
/// word (one changed word keeps every other aligned); the earliest of equals. None when no
/// span has at least half the words in common.
fn nearest(source: &str, text: &str) -> Option<Nearest> {
    let src: Vec<(usize, &str)> = words(source);
    let want: Vec<&str> = words(text).into_iter().map(|(_, w)| w).collect();
    if src.is_empty() || want.is_empty() || src.len().saturating_mul(want.len()) > NEAREST_BUDGET {
        return None;
    }
    let mut best = (0usize, 0usize);
    for start in 0..src.len() {
        let same = want
            .iter()
            .zip(src.iter().skip(start))
            .filter(|(a, (_, b))| a == &b)
            .count();
        if same > best.1 {
            best = (start, same);
        }
    }
    let (start, same) = best;
    // Fewer than half the words in common: no span is near enough to point at.
    if same * 2 < want.len() {
        return None;
    }
    let end = (start + want.len()).min(src.len());
    let (&(from, _), &(last_at, last)) = (src.get(start)?, src.get(end.checked_sub(1)?)?);
    let word = |ours: &str, theirs: &str| Difference::Word {
        ours: ours.to_string(),
        theirs: theirs.to_string(),
    };
    let differs = want
        .iter()
        .zip(src.get(start..end).unwrap_or_default())
        .find(|(a, (_, b))| a != &b)
        .map(|(a, (_, b))| word(a, b))
        .or_else(|| {
            // Every aligned word agrees: the text runs past the source's end …
            want.get(end - start)
                .map(|a| word(a, "(the end of the source)"))
        })
        // … or only the spacing differs.
        .unwrap_or(Difference::Spacing);
    Some(Nearest {
        text: source
            .get(from..last_at + last.len())
            .unwrap_or_default()
            .to_string(),
        differs,
    })
}

/// Whitespace-separated words with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.extend(text.get(s..i).map(|w| (s, w)));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.extend(text.get(s..).map(|w| (s, w)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "One word kept cropping up. “The way of the future [...] focused, agile.” \
                          Forums such as the G7 offer flexibility.\n1/ The G7 code\nA growing cadre agrees. \
                          The G7 lacks a permanent secretariat.";

    #[test]
    fn exact_text_is_found_where_it_is() {
        let r = locate(SOURCE, "Forums such as the G7", 0).unwrap();
        assert_eq!(&SOURCE[r], "Forums such as the G7");
        // From a later cursor, an earlier occurrence is still found.
        assert_eq!(locate(SOURCE, "One word", SOURCE.len()), Ok(0..8));
        // The source's own elision mark matches as it stands.
        assert!(locate(SOURCE, "The way of the future [...] focused", 0).is_ok());
        // Exact characters: straight quotes are not typographic ones.
        assert!(locate(SOURCE, "\"The way of the future", 0).is_err());
        assert!(locate(SOURCE, "offer flexibility.\n1/ The", 0).is_ok());
        assert_eq!(locate(SOURCE, "", 0), Err(None));
        // Whole words: a passage cut inside a word misquotes the source.
        assert!(locate(SOURCE, "lacks a permanent secret", 0).is_err());
        assert!(locate(SOURCE, "he G7 lacks", 0).is_err());
        assert!(locate(SOURCE, "The G7 lacks a permanent secretariat.", 0).is_ok());
        // A quote mark or a dash is not a word: "the way" right after "“" is whole.
        assert!(locate(SOURCE, "The way of the future", 0).is_ok());
    }

    #[test]
    fn a_passage_may_elide_words_within_a_paragraph() {
        let r = locate(SOURCE, "One word […] the G7 offer flexibility.", 0).unwrap();
        assert_eq!(r, 0..SOURCE.find("\n1/").unwrap());
        assert!(locate(SOURCE, "One word […] cropping up. […] Forums such", 0).is_ok());
        // Pieces must come in order.
        assert!(locate(SOURCE, "the G7 offer […] One word", 0).is_err());
        // An elision never joins two paragraphs.
        assert!(locate(SOURCE, "Forums such […] A growing cadre agrees.", 0).is_err());
        // It stands for something left out, not for nothing.
        assert!(locate(SOURCE, "One word […] kept cropping up.", 0).is_err());
        // Pieces are whole words.
        assert!(locate(SOURCE, "One wo […] cropping up.", 0).is_err());
        assert!(locate(SOURCE, "One word […] ropping up.", 0).is_err());
        // A mark with nothing on one side anchors nothing.
        assert!(locate(SOURCE, "[…] cropping up.", 0).is_err());
        // The source's own "[...]" stays text while a curator's "[…]" elides.
        assert!(
            locate(
                SOURCE,
                "The way of the future [...] focused, […] Forums such",
                0
            )
            .is_ok()
        );
    }

    #[test]
    fn a_changed_word_is_named_with_the_nearest_text() {
        let err = locate(SOURCE, "Forums such as the G8 offer flexibility.", 0).unwrap_err();
        let n = err.unwrap();
        assert_eq!(n.text, "Forums such as the G7 offer flexibility.");
        let g8 = Difference::Word {
            ours: "G8".to_string(),
            theirs: "G7".to_string(),
        };
        assert_eq!(n.differs, g8);
        // With an elision, the piece that is not in the source is the one named.
        let n = locate(SOURCE, "One word […] the G8 offer flexibility.", 0)
            .unwrap_err()
            .unwrap();
        assert_eq!(n.differs, g8);
        // Pieces that are each in the source, joined across a paragraph.
        let n = locate(SOURCE, "Forums such […] A growing cadre agrees.", 0)
            .unwrap_err()
            .unwrap();
        assert_eq!(n.differs, Difference::Elision);
        // Only the spacing differs: every word agrees.
        let n = locate(SOURCE, "Forums  such as the G7", 0)
            .unwrap_err()
            .unwrap();
        assert_eq!(
            (n.text.as_str(), n.differs),
            ("Forums such as the G7", Difference::Spacing)
        );
        // No word in common: nothing to point at.
        assert_eq!(locate(SOURCE, "Zebras", 0), Err(None));
    }
}
