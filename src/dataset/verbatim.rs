//! Is a text verbatim in its source? Exact characters (typographic quotes, dashes and line
//! breaks included), with one allowance: a passage may leave out part of a sentence where it
//! writes an elision mark (`[…]` or `[...]`), each piece then found in order. Used by
//! `Dataset::load` (and so by `check`) for every passage, lead-in and `as_written` text, and
//! by the tests, so that one definition of "verbatim" holds everywhere.

/// The marks with which a passage says that it leaves something out. A mark that the source
/// itself writes matches as it stands: the exact comparison comes first.
pub const ELISIONS: &[&str] = &["[…]", "[...]"];

/// Words compared when looking for the nearest text: beyond this, `check` names the passage
/// without the nearest text, rather than spend seconds on a huge source.
const NEAREST_BUDGET: usize = 50_000_000;

/// Why a text is not verbatim: the span of the source that comes nearest, and the first
/// word that differs there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// The source's words where the text comes nearest (as many words as the text has).
    pub text: String,
    /// The first word of the text that differs, and the source's word in its place.
    pub differs: Option<(String, String)>,
}

/// The byte offset where `text` starts in `source`, looking first from `from` (the end of
/// the previous passage, so that passages in source order are found in one pass) and then
/// from the start. `Err` holds the nearest span of the source.
pub fn locate(source: &str, text: &str, from: usize) -> Result<usize, Option<Nearest>> {
    if text.is_empty() {
        return Err(None);
    }
    let from = if source.is_char_boundary(from) {
        from
    } else {
        0
    };
    if let Some(i) = source[from..].find(text) {
        return Ok(from + i);
    }
    if let Some(i) = source.find(text) {
        return Ok(i);
    }
    if let Some(at) = elided(source, text) {
        return Ok(at);
    }
    Err(nearest(source, text))
}

/// `text` with elision marks: each piece in order, the first piece's offset.
fn elided(source: &str, text: &str) -> Option<usize> {
    let mark = ELISIONS.iter().find(|m| text.contains(*m))?;
    let pieces: Vec<&str> = text
        .split(mark)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let first = pieces.first()?;
    // Every place the first piece occurs may start the passage.
    let mut start = 0;
    while let Some(i) = source[start..].find(first) {
        let at = start + i;
        let mut cursor = at + first.len();
        let all = pieces[1..].iter().all(|p| match source[cursor..].find(p) {
            Some(j) => {
                cursor += j + p.len();
                true
            }
            None => false,
        });
        if all {
            return Some(at);
        }
        start = at + first.len();
    }
    None
}

/// The span of `source` whose words agree most with the words of `text`, aligned word by
/// word (one changed word keeps every other aligned); the earliest of equals.
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
            .zip(&src[start..])
            .filter(|(a, (_, b))| a == &b)
            .count();
        if same > best.1 {
            best = (start, same);
        }
    }
    let (start, _) = best;
    let end = (start + want.len()).min(src.len());
    let (from, _) = src[start];
    let (last_at, last) = src[end - 1];
    let differs = want
        .iter()
        .zip(&src[start..end])
        .find(|(a, (_, b))| a != &b)
        .map(|(a, (_, b))| (a.to_string(), b.to_string()))
        .or_else(|| {
            // Every aligned word agrees: the text runs past the source's end.
            want.get(end - start)
                .map(|a| (a.to_string(), "(the end of the source)".to_string()))
        });
    Some(Nearest {
        text: source[from..last_at + last.len()].to_string(),
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
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "One word kept cropping up. “The way of the future [...] focused, agile.” \
                          Forums such as the G7 offer flexibility.\n1/ The G7 code";

    #[test]
    fn exact_text_is_found_where_it_starts() {
        let at = locate(SOURCE, "Forums such as the G7", 0).unwrap();
        assert!(SOURCE[at..].starts_with("Forums such as"));
        // From a later cursor, an earlier occurrence is still found.
        assert_eq!(locate(SOURCE, "One word", SOURCE.len()), Ok(0));
        // The source's own elision mark matches as it stands.
        assert!(locate(SOURCE, "The way of the future [...] focused", 0).is_ok());
        // Exact characters: straight quotes are not typographic ones.
        assert!(locate(SOURCE, "\"The way of the future", 0).is_err());
        assert!(locate(SOURCE, "offer flexibility.\n1/ The", 0).is_ok());
    }

    #[test]
    fn a_passage_may_elide_with_a_mark() {
        let at = locate(SOURCE, "One word […] the G7 offer flexibility.", 0).unwrap();
        assert_eq!(at, 0);
        // Pieces must come in order.
        assert!(locate(SOURCE, "the G7 offer […] One word", 0).is_err());
    }

    #[test]
    fn a_changed_word_is_named_with_the_nearest_text() {
        let err = locate(SOURCE, "Forums such as the G8 offer flexibility.", 0).unwrap_err();
        let n = err.unwrap();
        assert_eq!(n.text, "Forums such as the G7 offer flexibility.");
        assert_eq!(n.differs, Some(("G8".to_string(), "G7".to_string())));
        assert_eq!(locate(SOURCE, "", 0), Err(None));
    }
}
