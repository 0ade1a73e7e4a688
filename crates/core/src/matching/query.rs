//! Queries and keys: a typed name, or one name of an entity, folded and cut into the pieces
//! that scoring compares.

use crate::dataset::EntityIx;
use crate::fold;

/// Query words that say nothing about which entity is meant ("the G7", "BRICS group").
/// Dropped from a query unless nothing else is left.
const FILLER: &[&str] = &["the", "group", "bloc", "a", "an"];

/// Words skipped when making an acronym ("Belt and Road Initiative" → "bri").
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "a", "an", "to"];

/// Names are short; anything past this many characters of a query is not part of a name, and
/// scoring it would only cost time.
pub const MAX_QUERY_CHARS: usize = 200;

/// A folded query.
#[derive(Clone, Debug)]
pub struct Query {
    /// Content words: the folded words less filler.
    pub tokens: Vec<String>,
    /// Content words joined without spaces.
    pub compact: String,
    /// Every folded word joined without spaces, filler included.
    pub compact_full: String,
    /// Runs of digits in the query; a candidate must contain each of them.
    pub digits: Vec<String>,
}

impl Query {
    /// `text` folded, its first `MAX_QUERY_CHARS` characters only.
    pub fn new(text: &str) -> Query {
        let text = match text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((end, _)) => text.get(..end).unwrap_or(text),
            None => text,
        };
        let all = fold::words(text);
        let tokens = fold::content_words(&all, FILLER);
        let digits = digit_words(&tokens);
        Query {
            compact: tokens.concat(),
            compact_full: all.concat(),
            tokens,
            digits,
        }
    }

    /// A query of words already folded, with no filler.
    fn from_words(tokens: Vec<String>) -> Query {
        let compact = tokens.concat();
        Query {
            digits: digit_words(&tokens),
            compact_full: compact.clone(),
            compact,
            tokens,
        }
    }

    /// The query with plural and possessive endings taken off ("g7s" → "g7", "Filer's" →
    /// "filer", "meseroles" → "meserole"), when it has any: names are typed as they stand in a
    /// sentence. `None` when nothing changes.
    pub fn singular(&self) -> Option<Query> {
        let mut words: Vec<String> = Vec::with_capacity(self.tokens.len());
        for t in &self.tokens {
            if t == "s" && !words.is_empty() {
                // "g7s" folds to "g 7 s"; "filer's" to "filers".
                continue;
            }
            match t.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => {
                    words.push(stem.to_string())
                }
                _ => words.push(t.clone()),
            }
        }
        (words != self.tokens).then(|| Query::from_words(words))
    }

    /// Whether nothing but spaces and punctuation was typed.
    pub fn is_empty(&self) -> bool {
        self.compact_full.is_empty()
    }

    /// Length in characters of the content, the measure for the short-query guard.
    pub fn len(&self) -> usize {
        self.compact.chars().count()
    }
}

/// Where a key comes from: a name the dataset writes, or one made from it at load time.
/// Written first: of two keys with one compact form, the written one is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyOrigin {
    /// A name or alias as the dataset writes it (folded, or with its number words spelled).
    Written,
    /// Made at load time (an acronym), not written in the dataset: never shown, and never
    /// proof that a query names an entity of another kind.
    Derived,
}

/// One name an entity answers to, ready for scoring.
#[derive(Clone, Debug)]
pub struct Key {
    /// The entity it names.
    pub entity: EntityIx,
    /// The name as written in the dataset (for labels: "matched alias").
    pub text: String,
    /// The folded words of the name.
    pub tokens: Vec<String>,
    /// The folded words joined without spaces.
    pub compact: String,
    /// The words that are numbers, which a query's numbers must be among.
    pub digits: Vec<String>,
    /// Written in the dataset or made from it.
    pub origin: KeyOrigin,
    /// An other name of a group or body (`OtherNames`): it answers only when typed whole, since
    /// a word of it may name something else ("Quad" of "West Asian Quad").
    pub whole_only: bool,
}

impl Key {
    /// The key of a name `entity` is written with.
    pub fn new(entity: EntityIx, text: &str) -> Key {
        Key::with_folding(entity, text, &fold::fold(text))
    }

    /// The key with number words spelled out ("three seas"), when that differs from the
    /// folded one; it lets "thr" complete "Three Seas".
    pub fn spelled(entity: EntityIx, text: &str) -> Option<Key> {
        let spelled = fold::fold_spelled(text);
        (spelled != fold::fold(text)).then(|| Key::with_folding(entity, text, &spelled))
    }

    /// A written key of `text`, folded as `folded`.
    fn with_folding(entity: EntityIx, text: &str, folded: &str) -> Key {
        let tokens = fold::split(folded);
        let digits = digit_words(&tokens);
        Key {
            entity,
            text: text.to_string(),
            compact: tokens.concat(),
            tokens,
            digits,
            origin: KeyOrigin::Written,
            whole_only: false,
        }
    }

    /// The key answering only when typed whole: an other name's.
    pub fn whole(self) -> Key {
        Key {
            whole_only: true,
            ..self
        }
    }

    /// The acronym of a long name ("Three Seas Initiative" → "3si", "Group of Seven" → "g7"),
    /// when the name has at least two significant words.
    pub fn acronym(&self) -> Option<Key> {
        let significant: Vec<&String> = self
            .tokens
            .iter()
            .filter(|t| !ACRONYM_SKIP.contains(&t.as_str()))
            .collect();
        if significant.len() < 2 {
            return None;
        }
        let letters: Vec<String> = significant
            .iter()
            .map(|t| {
                if t.chars().all(char::is_numeric) {
                    t.to_string()
                } else {
                    t.chars().next().map(String::from).unwrap_or_default()
                }
            })
            .collect();
        let compact = letters.concat();
        Some(Key {
            entity: self.entity,
            text: self.text.clone(),
            digits: self.digits.clone(),
            tokens: vec![compact.clone()],
            compact,
            origin: KeyOrigin::Derived,
            whole_only: self.whole_only,
        })
    }
}

/// A name with a parenthesised part at its end, as (the name before it, the part): "Three
/// Coasts Academy (3CA)" → ("Three Coasts Academy", "3CA"). `None` when either is empty.
pub fn parenthesised(text: &str) -> Option<(&str, &str)> {
    let (base, inner) = text.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let (base, inner) = (base.trim(), inner.trim());
    (!base.is_empty() && !inner.is_empty()).then_some((base, inner))
}

/// The words that are numbers: a candidate must hold every one the query holds.
fn digit_words(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|t| t.chars().all(char::is_numeric))
        .cloned()
        .collect()
}
