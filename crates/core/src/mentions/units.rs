//! The written words of a message, folded for finding names in it: where each written word
//! ends (at a character that is not part of a word, where a script written without spaces
//! begins, before a footnote's mark) and the folded words each one makes (`Unit`).

use std::ops::Range;

use crate::fold;
use unicode_normalization::char::is_combining_mark;

/// A folded word of the message, with the byte range of the written word it comes from and
/// whether that word is capitalised.
pub(super) struct Unit {
    pub(super) word: String,
    pub(super) bytes: Range<usize>,
    /// Where the written word ends without a possessive "'s".
    pub(super) name_end: usize,
    /// The same place in characters.
    pub(super) chars: Range<usize>,
    pub(super) capital: bool,
    /// Whether this is the first, and the last, folded word of its written word: a name starts
    /// at a first and ends at a last ("G7G7" folds to four words of one written word).
    pub(super) first: bool,
    pub(super) last: bool,
}

/// The message's words, folded: a written word ("I2U2", "Filer's") may fold to several
/// ("i 2 u 2"), each keeping the written word's place.
pub(super) fn units(text: &str, longest: usize) -> Vec<Unit> {
    let mut out = Vec::new();
    // (byte, char) where the current written word started.
    let mut start: Option<(usize, usize)> = None;
    let mut chars = text.char_indices().enumerate().peekable();
    // Whether the current written word is of a script written without spaces.
    let mut unspaced_run = false;
    while let Some((n, (i, c))) = chars.next() {
        // An apostrophe inside a word is part of it, as folding reads it ("Filer's").
        let inside = fold::is_apostrophe(c)
            && start.is_some()
            && chars
                .peek()
                .is_some_and(|(_, (_, next))| next.is_alphanumeric());
        // A combining accent typed apart ("Fernánde\u{301}z") belongs to its letter.
        let mark = start.is_some() && is_combining_mark(c);
        if (c.is_alphanumeric() && !is_footnote(c)) || inside || mark {
            // Scripts written without spaces glue words to a name ("G7峰会", "G7은"): where
            // the script changes, a written word ends.
            if let Some((b, k)) = start
                && !inside
                && !mark
                && unspaced(c) != unspaced_run
            {
                push_word(&mut out, text, b..i, k..n, longest);
                start = None;
            }
            if start.is_none() {
                unspaced_run = unspaced(c);
            }
            start.get_or_insert((i, n));
            continue;
        }
        if let Some((b, k)) = start.take() {
            push_word(&mut out, text, b..i, k..n, longest);
        }
    }
    if let Some((b, k)) = start {
        push_word(
            &mut out,
            text,
            b..text.len(),
            k..k + text.get(b..).map_or(0, |rest| rest.chars().count()),
            longest,
        );
    }
    out
}

/// Whether what stands between two written words keeps them one name: at most three
/// characters ("-", " ", ". ", " – "), none a line break.
pub(super) fn close(gap: &str) -> bool {
    gap.chars().nth(3).is_none() && !gap.contains(['\n', '\r'])
}

/// A superscript or subscript digit, a footnote's mark ("Meserole¹"): not part of a word.
fn is_footnote(c: char) -> bool {
    matches!(
        c,
        '\u{00B2}' | '\u{00B3}' | '\u{00B9}' | '\u{2070}'..='\u{209F}'
    )
}

/// A letter of a script written without spaces between words (Han, Kana, Hangul, Thai, Lao,
/// Khmer, Myanmar), after which a Latin name may follow with no space.
fn unspaced(c: char) -> bool {
    matches!(
        c,
        '\u{0E00}'..='\u{0EFF}'
            | '\u{1000}'..='\u{109F}'
            | '\u{1100}'..='\u{11FF}'
            | '\u{1780}'..='\u{17FF}'
            | '\u{3005}'
            | '\u{3040}'..='\u{30FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{31F0}'..='\u{31FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF66}'..='\u{FFDC}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

/// A written word that folds to more words than any name has (a plural "s" aside) cannot be
/// part of a name: it is kept as one unit that matches nothing and ends any name before it, so
/// that glued text ("G7G7…") keeps one unit per written word (its folded words are made once,
/// then dropped).
fn push_word(
    out: &mut Vec<Unit>,
    text: &str,
    bytes: Range<usize>,
    chars: Range<usize>,
    longest: usize,
) {
    // A possessive is the name ("the UN's", "ODI's"): its "'s" is not part of the name.
    let written = text.get(bytes.clone()).unwrap_or_default();
    let written = ["'s", "’s", "ʼs"]
        .iter()
        .find_map(|s| written.strip_suffix(s))
        .unwrap_or(written);
    let name_end = bytes.start + written.len();
    let capital = written.chars().next().is_some_and(char::is_uppercase);
    let mut words = fold::words(written);
    if words.len() > longest + 1 {
        words = vec![String::new()];
    }
    let count = words.len();
    for (n, word) in words.into_iter().enumerate() {
        out.push(Unit {
            word,
            bytes: bytes.clone(),
            name_end,
            chars: chars.clone(),
            capital,
            first: n == 0,
            last: n + 1 == count,
        });
    }
}
