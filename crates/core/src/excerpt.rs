//! A text shown in a given space: whole when it fits, else cut at words around the place that
//! matters, with "…" exactly where text is left out; and which ends of a quoted text stand
//! inside a sentence that goes on, for the mark a fragment gets.
//!
//! The rule, in one sentence: a text of at most `window` characters and a slack of an eighth
//! more is shown whole; a longer one is cut to at most `window` characters (its marks
//! included) around the focus, at words, each cut leaving out more than the slack (a window
//! that would cut less at one end is moved to take that end in), and "…" stands at an end
//! exactly when text other than spaces is left out there.

use std::ops::Range;

use crate::dataset::{Passage, PassageKind};

/// The mark put where a text was cut: exactly where words are left out.
pub const ELLIPSIS: char = '…';

/// The ends of a text: where something was left out, or where a sentence goes on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ends {
    /// At the start.
    pub before: bool,
    /// At the end.
    pub after: bool,
}

impl Ends {
    /// Neither end.
    pub const NONE: Ends = Ends {
        before: false,
        after: false,
    };
}

/// The part of a text shown, and whether text is left out before and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The bytes shown, on character boundaries.
    pub range: Range<usize>,
    /// Where text other than spaces is left out.
    pub cut: Ends,
}

impl Excerpt {
    /// The text shown of `text` (the text this excerpt was made of).
    pub fn shown<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range.clone()).unwrap_or_default()
    }

    /// The text shown, with "…" where text is left out.
    pub fn marked(&self, text: &str) -> String {
        marked(self.shown(text), self.cut)
    }
}

/// Characters a text may run over `window` and still be shown whole: an eighth. Every cut
/// leaves out more than this, so "…" never stands for a word or two.
pub const fn slack(window: usize) -> usize {
    window / 8
}

/// The most characters an excerpt of `window` takes, marks included: a whole text of
/// `window` and its slack. A caller's space must hold this.
pub const fn most(window: usize) -> usize {
    window + slack(window)
}

/// `text` shown in `window` characters around the byte offset `focus` (about a third of the
/// window before it), by the rule of this module.
pub fn excerpt(text: &str, focus: usize, window: usize) -> Excerpt {
    place(text, focus, window, slack(window))
}

/// `text` cut to at most `max` characters, "…" included, from its start: whole when it fits.
/// For texts that must fit a hard limit (no slack).
pub fn cut(text: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    place(text, 0, max, 0).marked(text)
}

/// Whether a character separates words where a text may be cut: a space, but not a no-break
/// space, which says the words around it stay together ("10 km").
fn breaks(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// The rule, with its slack given.
fn place(text: &str, focus: usize, window: usize, slack: usize) -> Excerpt {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    if n <= window + slack {
        return Excerpt {
            range: 0..text.len(),
            cut: Ends::NONE,
        };
    }
    let focus = chars.partition_point(|&(i, _)| i < focus);
    // Room for the text: the window less a mark for each end cut.
    let one_cut = window.saturating_sub(1);
    let two_cuts = window.saturating_sub(2);
    let start = focus.saturating_sub(two_cuts / 3);
    let (mut s, mut e) = if start <= slack || window < 3 {
        (0, one_cut)
    } else if start + two_cuts + slack >= n {
        (n - one_cut, n)
    } else {
        (start, start + two_cuts)
    };
    let is_break = |i: usize| chars.get(i).is_some_and(|&(_, c)| breaks(c));
    let is_space = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_whitespace());
    // At words: the start forward to a word's first character, the end back to a word's
    // last, each within half the window (a longer word is cut inside).
    let half = (e - s) / 2;
    if s > 0 {
        let word_start = (s..=s + half).find(|&i| i > 0 && is_break(i - 1) && !is_space(i));
        s = word_start.unwrap_or(s);
    }
    if e < n {
        let word_end = (e.saturating_sub(half)..=e)
            .rev()
            .find(|&j| j > s && !is_space(j - 1) && is_break(j));
        e = word_end.unwrap_or(e);
    }
    if s > 0 {
        while s < e && is_space(s) {
            s += 1;
        }
    }
    if e < n {
        while e > s && is_space(e - 1) {
            e -= 1;
        }
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let (from, to) = (byte(s), byte(e));
    let has_text = |part: Option<&str>| part.is_some_and(|p| !p.trim().is_empty());
    Excerpt {
        range: from..to,
        cut: Ends {
            before: has_text(text.get(..from)),
            after: has_text(text.get(to..)),
        },
    }
}

/// `text` with "…" at the ends `ends` names.
pub fn marked(text: &str, ends: Ends) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    if ends.before {
        out.push(ELLIPSIS);
    }
    out.push_str(text);
    if ends.after {
        out.push(ELLIPSIS);
    }
    out
}

/// Marks that open a quotation or a bracket before a sentence's first word.
const OPENING: &[char] = &['‘', '“', '"', '\'', '(', '[', '«', '¿', '¡'];
/// Marks that close a quotation or a bracket after a sentence's last word.
const CLOSING: &[char] = &['’', '”', '"', '\'', ')', ']', '»'];

/// The ends of a quoted `text` that stand inside a sentence going on beyond it, read from the
/// text: its start where text was cut before it (`cut`), or where it begins with a small letter
/// or with punctuation that continues a sentence ("the way of the future", ", and"); its end
/// where text was cut after it, or where its last word is not followed by a full stop, a
/// question or exclamation mark, or "…" (closing quotes and brackets aside). A text that
/// already shows "…" at an end is marked there.
pub fn sentence_goes_on(text: &str, cut: Ends) -> Ends {
    let head = text.trim_start().trim_start_matches(OPENING);
    let tail = text.trim_end().trim_end_matches(CLOSING);
    let opens_inside = head
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ':' | '—' | '–'));
    let closes = tail
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ELLIPSIS));
    let marked_before = head.starts_with(ELLIPSIS) || head.starts_with("[...]");
    Ends {
        before: (cut.before || opens_inside) && !marked_before,
        after: (cut.after || !closes) && !text.is_empty(),
    }
}

/// The ends of passage `p`'s shown text (`shown`, with `cut` left out) that stand inside a
/// sentence, for the "…" of a fragment: as `sentence_goes_on` reads them, except that a list
/// item (a wish), a byline, a title or a question ends where it does, with or without a stop.
pub fn passage_goes_on(p: &Passage, shown: &str, cut: Ends) -> Ends {
    let mut ends = sentence_goes_on(shown, cut);
    let item = matches!(
        p.kind,
        PassageKind::Wish | PassageKind::Byline | PassageKind::Title | PassageKind::Question
    );
    if item && !cut.after {
        ends.after = false;
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(s: &str) -> usize {
        s.chars().count()
    }

    #[test]
    fn a_text_that_fits_with_its_slack_is_whole() {
        let text = "x".repeat(283);
        assert_eq!(excerpt(&text, 200, 280).range, 0..283);
        assert_eq!(excerpt(&text, 200, 280).cut, Ends::NONE);
    }

    #[test]
    fn a_focus_near_an_end_takes_that_end_in() {
        let text = "word ".repeat(100);
        let text = text.trim_end();
        // Near the start: nothing is left out before.
        let near_start = excerpt(text, 30, 100);
        assert_eq!(near_start.range.start, 0);
        assert!(!near_start.cut.before && near_start.cut.after);
        // Near the end: nothing after.
        let near_end = excerpt(text, text.len() - 30, 100);
        assert_eq!(near_end.range.end, text.len());
        assert!(near_end.cut.before && !near_end.cut.after);
        // In the middle, both, and at words.
        let middle = excerpt(text, 250, 100);
        assert_eq!(
            middle.cut,
            Ends {
                before: true,
                after: true
            }
        );
        assert!(middle.shown(text).starts_with("word") && middle.shown(text).ends_with("word"));
        assert!(chars(&middle.marked(text)) <= 100);
    }

    #[test]
    fn cut_keeps_short_texts_whole_and_marks_a_cut() {
        assert_eq!(cut("Sara Pantuliano", 100), "Sara Pantuliano");
        assert_eq!(cut("", 5), "");
        assert_eq!(cut("the way of the future", 12), "the way of…");
        assert_eq!(cut("abc", 0), "");
        // Spaces left out are nothing left out.
        assert_eq!(cut("abc        ", 5), "abc");
        // A word longer than the room is cut inside, never inside a character.
        let c = cut(&"é".repeat(50), 10);
        assert_eq!(chars(&c), 10);
        assert!(c.ends_with(ELLIPSIS));
    }

    #[test]
    fn a_fragment_is_known_by_its_ends() {
        let on = |text: &str| sentence_goes_on(text, Ends::NONE);
        let after = Ends {
            before: false,
            after: true,
        };
        assert_eq!(
            on("I2U2—comprising India, the UAE, Israel, and the US"),
            after
        );
        assert_eq!(
            on("The organisational capacity of I2U2 is limited."),
            Ends::NONE
        );
        assert_eq!(on("“It is,” she said. “Quite so.”"), Ends::NONE);
        assert_eq!(
            on("the way of the future [...] they are going to bring results."),
            Ends {
                before: true,
                after: false
            }
        );
        // Cut ends are inside a sentence whatever they read; a shown "…" is not marked again.
        assert_eq!(
            sentence_goes_on(
                "Whole.",
                Ends {
                    before: true,
                    after: true
                }
            ),
            Ends {
                before: true,
                after: true
            }
        );
        assert_eq!(on("…and so it ends…"), Ends::NONE);
        assert_eq!(marked("the US", after), "the US…");
        assert_eq!(on(""), Ends::NONE);
    }

    /// Words of up to `longest` characters, of ASCII and other letters and punctuation,
    /// between the spaces `gaps` (no-break spaces among them or not).
    fn passage(longest: usize, gaps: &[&'static str]) -> impl Strategy<Value = String> {
        let letter = prop_oneof![
            proptest::char::range('a', 'z'),
            proptest::sample::select(vec![
                'é', 'ł', 'ß', '中', '한', 'Ω', '’', ',', '.', '—', '😀'
            ]),
        ];
        let word = proptest::collection::vec(letter, 1..=longest)
            .prop_map(|w| w.into_iter().collect::<String>());
        let gap = proptest::sample::select(gaps.to_vec());
        proptest::collection::vec((word, gap), 0..120)
            .prop_map(|parts| parts.into_iter().map(|(w, g)| w + g).collect())
    }

    /// Every kind of gap: spaces, line breaks and the no-break spaces.
    const ANY_GAP: &[&str] = &[" ", " ", " ", "\u{A0}", "\n", "\u{202F}"];

    proptest! {
        #[test]
        fn an_excerpt_is_the_text_with_marks_exactly_where_it_was_cut(
            text in passage(80, ANY_GAP),
            window in 1usize..400,
            per_mille in 0usize..1000,
        ) {
            // The focus a share of the way into the text, in thousandths: no float to cast back.
            let focus = text.len() * per_mille / 1000;
            let e = excerpt(&text, focus, window);
            let shown = text.get(e.range.clone());
            prop_assert!(shown.is_some(), "not on character boundaries: {:?}", e.range);
            let shown = shown.unwrap_or_default();
            // The excerpt with its marks removed is the text shown, a part of the passage.
            let marked = e.marked(&text);
            let mut unmarked = marked.as_str();
            if e.cut.before {
                unmarked = unmarked.strip_prefix(ELLIPSIS).unwrap_or(unmarked);
            }
            if e.cut.after {
                unmarked = unmarked.strip_suffix(ELLIPSIS).unwrap_or(unmarked);
            }
            prop_assert_eq!(unmarked, shown);
            prop_assert!(text.contains(unmarked));
            // A mark stands at each end exactly when text was left out there, and nowhere else.
            prop_assert_eq!(e.cut.before, !text[..e.range.start].trim().is_empty());
            prop_assert_eq!(e.cut.after, !text[e.range.end..].trim().is_empty());
            prop_assert_eq!(
                marked.matches(ELLIPSIS).count(),
                usize::from(e.cut.before) + usize::from(e.cut.after)
            );
            // A text that fits with its slack is whole; a longer one fits the window.
            if chars(&text) <= most(window) {
                prop_assert_eq!(e.range.clone(), 0..text.len());
            } else {
                prop_assert!(chars(&marked) <= window.max(1), "{} > {window}", chars(&marked));
            }
            // No cut end stands on a space.
            if e.cut.before {
                prop_assert!(!shown.starts_with(char::is_whitespace));
            }
            if e.cut.after {
                prop_assert!(!shown.ends_with(char::is_whitespace));
            }
        }

        #[test]
        fn an_excerpt_of_short_words_shows_its_focus_and_cuts_between_words(
            text in passage(6, &[" ", " ", "\n"]),
            window in 60usize..400,
            per_mille in 0usize..1000,
        ) {
            let focus = text
                .char_indices()
                .map(|(i, _)| i)
                .find(|&i| i * 1000 >= text.len() * per_mille)
                .unwrap_or(0);
            let e = excerpt(&text, focus, window);
            prop_assert!(e.range.start <= focus && (focus < e.range.end || text.is_empty()));
            // Each cut end is at a word: a break stands just outside it.
            let before = text[..e.range.start].chars().next_back();
            let after = text[e.range.end..].chars().next();
            if e.cut.before {
                prop_assert!(before.is_some_and(breaks), "{before:?}");
            }
            if e.cut.after {
                prop_assert!(after.is_some_and(breaks), "{after:?}");
            }
        }
    }
}
