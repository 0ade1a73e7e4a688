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
//! `first-names.txt` is the common first names of the US Census Bureau's 1990 lists (public
//! domain), those that chat uses as words left out ("hope", "will"): for telling "mark
//! fernandez" (someone else's surname after a first name) from "read meserole". How it was
//! made is in `first-names.SOURCE` beside it.
//!
//! The lists are compiled into the program and searched in place (a binary search over their
//! lines): loading them costs nothing and they take no memory on the heap.

use std::cmp::Ordering;

/// The words: lower case, one a line, sorted by bytes.
const WORDS: &str = include_str!("english.txt");
/// The first names: the same form.
const FIRST_NAMES: &str = include_str!("first-names.txt");

/// Abbreviations of chat that stand before a name ("imo meserole is right"): no words of the
/// list, and no first names either.
const CHAT: &[&str] = &[
    "afaik", "btw", "fwiw", "idk", "iirc", "imho", "imo", "lol", "ngl", "ofc", "ok", "omg", "tbh",
];

/// Whether the folded word `word` is a word of the English language.
pub(super) fn is_word(word: &str) -> bool {
    in_list(WORDS, word)
}

/// Whether the folded word `word` is a word of the language the list only derives: a noun of
/// one who does a thing, from a word ending in "e" ("filer" from "file"), which the list does
/// not always hold itself.
pub(super) fn is_derived_word(word: &str) -> bool {
    word.len() > 4
        && word
            .strip_suffix('r')
            .is_some_and(|base| base.ends_with('e') && is_word(base))
}

/// Whether the folded word `word` is a common first name.
pub(super) fn is_first_name(word: &str) -> bool {
    in_list(FIRST_NAMES, word)
}

/// Whether the folded word `word` is an abbreviation of chat ("imo", "btw").
pub(super) fn is_chat(word: &str) -> bool {
    CHAT.contains(&word)
}

/// Whether `word` is a line of `list` (lines sorted by bytes).
fn in_list(list: &str, word: &str) -> bool {
    let bytes = list.as_bytes();
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
        let line = list.get(start..end).unwrap_or_default();
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
        assert!(is_derived_word("filer"));
        assert!(!is_derived_word("meserole") && !is_derived_word("fernandez"));
    }

    #[test]
    fn first_names() {
        let lines: Vec<&str> = FIRST_NAMES.lines().collect();
        assert!(lines.len() > 2000);
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        for w in ["mark", "bill", "frank", "rose", "jose", "tanya", "chris"] {
            assert!(is_first_name(w), "{w}");
        }
        // Words chat uses far more often than as names, and words of chat, are none.
        for w in ["hope", "will", "may", "read", "the", "imo", "meserole"] {
            assert!(!is_first_name(w), "{w}");
        }
        assert!(FIRST_NAMES.lines().all(is_first_name));
    }
}
