//! The words of the English language, for telling a surname written in lower case ("meserole")
//! from an ordinary word ("baker", "grant"), and a first name from a word that starts a
//! sentence ("Will").
//!
//! `english.txt` is SCOWL (Spell Checker Oriented Word Lists, by Kevin Atkinson) at size 50,
//! British spelling, as Debian's `wbritish` 2020.12.07-2 ships it: its lower-case entries only
//! (a capitalised entry is a proper name, which is what a name may be), accents removed, words
//! of letters a–z only, one a line, sorted by bytes; 63,616 words, 590 KB. Its copyright and
//! permission notice, which must go with every copy, is `english.COPYRIGHT` beside it.
//!
//! The list is compiled into the program and searched in place (a binary search over its
//! lines): loading it costs nothing and it takes no memory on the heap.

use std::cmp::Ordering;

/// The list: lower-case words, one a line, sorted by bytes.
const WORDS: &str = include_str!("english.txt");

/// Whether the folded word `word` is a word of the English language.
pub(super) fn is_word(word: &str) -> bool {
    let bytes = WORDS.as_bytes();
    // `lo` is always the start of a line; no line starting at `hi` or after is left to see.
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // The line holding `mid`: from the byte after the newline before it (never before
        // `lo`, which starts a line) to the next newline.
        let start = bytes
            .get(..mid)
            .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
            .map_or(0, |p| p + 1)
            .max(lo);
        let end = bytes
            .get(start..)
            .and_then(|b| b.iter().position(|&c| c == b'\n'))
            .map_or(bytes.len(), |p| start + p);
        let line = WORDS.get(start..end).unwrap_or_default();
        match line.cmp(word) {
            Ordering::Equal => return true,
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_lower_case_words() {
        let lines: Vec<&str> = WORDS.lines().collect();
        assert!(lines.len() > 60_000);
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(
            lines
                .iter()
                .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    #[test]
    fn words_and_names() {
        for w in [
            "a", "baker", "grant", "will", "the", "zoos", "filed", "files",
        ] {
            assert!(is_word(w), "{w}");
        }
        for w in [
            "",
            "meserole",
            "pantuliano",
            "weiss",
            "tanya",
            "chris",
            "okonjo",
            "zzzz",
            "aa",
        ] {
            assert!(!is_word(w), "{w}");
        }
        // Every word of the list is found, the first and the last included.
        assert!(WORDS.lines().all(is_word));
    }
}
