//! Text folding: the one normalisation used for dataset names and for what people type.
//!
//! Folding makes strings that a person would call "the same name" equal: accents dropped,
//! case folded, punctuation and spacing folded, number words and digits equal, honorifics and
//! credentials ignored. The dataset's clash check and the matcher both use it, so a name that
//! the matcher would confuse with another is rejected when the data loads.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words that say nothing about who someone is: honorifics and credentials.
const IGNORED_WORDS: &[&str] = &[
    "dr",
    "prof",
    "professor",
    "phd",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "sir",
    "dame",
];

/// Number words folded to digits, so "three seas" = "3 seas" and "group of seven" = "group of 7".
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
];

/// What folding does with number words ("three", "seven").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumberWords {
    /// They become digits: "three seas" is "3 seas", as the data may write it.
    AsDigits,
    /// They stay words, for completing a name while its number is half typed ("thr").
    AsWords,
}

/// Folds `text` to lowercase ASCII-ish words separated by single spaces.
///
/// Letters lose their accents, case is folded, every run of characters that is neither a
/// letter nor a digit becomes one space, a run of letters next to a run of digits is split
/// ("g7" → "g 7", so that "G-7", "G 7" and "G7" agree), number words become digits and
/// honorifics and credentials are dropped. A "Surname, First" order is turned round.
/// Folding is idempotent: `fold(&fold(s)) == fold(s)`.
pub fn fold(text: &str) -> String {
    fold_with(text, NumberWords::AsDigits)
}

/// `fold` with number words left as words ("three seas" stays "three seas"), so that a name
/// can still be completed while its number is half typed ("thr").
pub fn fold_spelled(text: &str) -> String {
    fold_with(text, NumberWords::AsWords)
}

/// `fold`, with number words as `numbers` says.
fn fold_with(text: &str, numbers: NumberWords) -> String {
    folded_words(text, numbers).join(" ")
}

/// The words `fold` joins: split, honorifics dropped, number words as `numbers` says.
fn folded_words(text: &str, numbers: NumberWords) -> Vec<String> {
    let reordered = reorder_surname_first(text);
    let mut words = split_words(reordered.as_deref().unwrap_or(text));
    words.retain(|w| !IGNORED_WORDS.contains(&w.as_str()));
    if numbers == NumberWords::AsDigits {
        for word in &mut words {
            if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(name, _)| *name == word) {
                *word = digits.to_string();
            }
        }
    }
    words
}

/// The words of `text`, folded: `split(&fold(text))`, without building the joined text.
pub fn words(text: &str) -> Vec<String> {
    folded_words(text, NumberWords::AsDigits)
}

/// The words of a text already folded (words are separated by single spaces).
pub fn split(folded: &str) -> Vec<String> {
    folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Folded `words` less the `filler` ones; all of them when nothing else is left ("the" alone
/// is still what was asked).
pub fn content_words(words: &[String], filler: &[&str]) -> Vec<String> {
    let content: Vec<String> = words
        .iter()
        .filter(|w| !filler.contains(&w.as_str()))
        .cloned()
        .collect();
    if content.is_empty() {
        words.to_vec()
    } else {
        content
    }
}

/// The folded form without spaces: "g 7" → "g7", "i 2 u 2" → "i2u2". Used to compare names
/// whose only difference is spacing or punctuation.
pub fn compact(folded: &str) -> String {
    folded.chars().filter(|c| *c != ' ').collect()
}

/// "Filer, Tanya" → "Tanya Filer". Only a single comma between two non-empty parts that
/// both look like names is taken as that order; anything else is left alone.
fn reorder_surname_first(text: &str) -> Option<String> {
    let (last, first) = text.split_once(',')?;
    let (last, first) = (last.trim(), first.trim());
    let namelike = |s: &str| {
        !s.is_empty()
            && s.split_whitespace().count() <= 3
            && s.chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'' || c == ' ')
    };
    (namelike(last) && namelike(first)).then(|| format!("{first} {last}"))
}

/// The apostrophes that join a word ("O’Neill", "it's") rather than split it.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A Latin letter that accents do not explain ("ł", "ø", "ß", "æ", "đ", "þ") as the ASCII people
/// type for it ("l", "o", "ss", "ae", "d", "th"), so that "Lukasz Walesa" is "Łukasz Wałęsa"
/// and not a typo of it. Other scripts are left as they are: their letters are names too.
fn latin_letter(c: char) -> Option<&'static str> {
    let latin = matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}');
    latin
        .then(|| deunicode::deunicode_char(c))
        .flatten()
        .filter(|s| !s.is_empty() && s.chars().all(|x| x.is_ascii_alphabetic()))
}

/// Splits into lowercase words of letters or of digits, accents removed.
///
/// Character by character, so that ASCII (nearly every character of a dataset) skips Unicode
/// normalisation: decomposing a character and dropping its combining marks does not depend on
/// its neighbours, so this equals normalising the whole text first (a test holds the two
/// together).
fn split_words(text: &str) -> Vec<String> {
    let mut words = Words::default();
    for c in text.chars() {
        if c.is_ascii() {
            words.push(c.to_ascii_lowercase());
            continue;
        }
        // Lowercasing can itself produce combining marks ('İ' → "i\u{307}"), so the marks are
        // dropped after it too; otherwise folding would not be idempotent.
        for d in std::iter::once(c).nfkd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                for e in std::iter::once(l).nfkd().filter(|e| !is_combining_mark(*e)) {
                    words.push(e);
                }
            }
        }
    }
    words.finish()
}

/// Words being split: the one being read, and whether it is of digits.
#[derive(Default)]
struct Words {
    done: Vec<String>,
    current: String,
    current_is_digit: bool,
}

impl Words {
    /// Takes one lowercase, decomposed character without marks.
    fn push(&mut self, c: char) {
        // Apostrophes join a word ("o'neill" = "oneill") rather than split it.
        if is_apostrophe(c) {
            return;
        }
        if c.is_alphanumeric() {
            let is_digit = c.is_numeric();
            if !self.current.is_empty() && is_digit != self.current_is_digit {
                self.done.push(std::mem::take(&mut self.current));
            }
            self.current_is_digit = is_digit;
            match latin_letter(c) {
                // "Ŋ" is "NG": lowercase, as every other letter here.
                Some(plain) => self
                    .current
                    .extend(plain.chars().map(|x| x.to_ascii_lowercase())),
                None => self.current.push(c),
            }
        } else if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
    }

    fn finish(mut self) -> Vec<String> {
        if !self.current.is_empty() {
            self.done.push(self.current);
        }
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "fold({input:?})");
    }

    #[test]
    fn folds_case_accents_punctuation_and_spacing() {
        check("José  W. Fernández", "jose w fernandez");
        check("G-7", "g 7");
        check("G 7", "g 7");
        check("g7", "g 7");
        check("I2U2", "i 2 u 2");
        check("  BRICS!!", "brics");
    }

    #[test]
    fn folds_number_words_honorifics_and_order() {
        check("Three Seas", "3 seas");
        check("3 Seas", "3 seas");
        check("Group of Seven", "group of 7");
        check("Dr. Chris Meserole, PhD", "chris meserole");
        check("Filer, Tanya", "tanya filer");
        check("T. Filer", "t filer");
        check("O’Neill", "oneill");
        check("Łukasz Wałęsa", "lukasz walesa");
        check("Straße", "strasse");
        check("Søren Ærø", "soren aero");
        check("Đorđević", "dordevic");
        check("Þór", "thor");
        check("Ŋ", "ng");
        // Other scripts stay as they are.
        check("Ирина", "ирина");
    }

    /// The whole-text form `split_words` replaced: normalise, drop marks, lowercase, again.
    fn split_words_whole(text: &str) -> Vec<String> {
        let lowered: String = text
            .nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect();
        let mut words = Words::default();
        for c in lowered.nfkd().filter(|c| !is_combining_mark(*c)) {
            words.push(c);
        }
        words.finish()
    }

    proptest::proptest! {
        #[test]
        fn character_by_character_equals_normalising_the_whole_text(
            text in proptest::collection::vec(proptest::prop_oneof![
                proptest::char::range(' ', '~'),
                proptest::sample::select(vec![
                    'é', '\u{301}', '\u{308}', 'İ', 'ß', 'Ł', 'ø', 'Æ', 'ｇ', '７', 'Ⅻ', '’', 'ﬁ',
                    '한', '\u{1100}', '\u{1161}', 'Ω', 'ς', 'Σ', 'ǅ', '½', '²', 'Ŋ', 'ắ', '\u{0345}',
                ]),
                proptest::char::any(),
            ], 0..24)
        ) {
            let text: String = text.into_iter().collect();
            proptest::prop_assert_eq!(split_words(&text), split_words_whole(&text));
        }
    }

    #[test]
    fn words_are_the_folded_text_split() {
        for s in [
            "Dr. Chris Meserole, PhD",
            "Filer, Tanya",
            "G-7 and three seas",
            "",
            "  ",
            "Ⅻ ｇ７",
        ] {
            assert_eq!(words(s), split(&fold(s)), "{s:?}");
        }
    }

    #[test]
    fn compact_drops_spaces() {
        assert_eq!(compact(&fold("G-7")), "g7");
        assert_eq!(compact(&fold("i2u2 group")), "i2u2group");
    }

    #[test]
    fn is_idempotent_on_examples() {
        for s in ["Filer, Tanya", "Dr. Dr.", "ｇ７", "Ⅻ seas", "a,b,c", "x, y"] {
            let once = fold(s);
            assert_eq!(fold(&once), once, "{s:?}");
        }
    }
}
