//! The entities a message names: every name and alias of every expert, group and body, found
//! in running text as people write it (any case, "G-7" or "G7", "Filer's", "I 2 U 2"), a
//! surname alone when it is written as a name (capitalised) or, in lower case as people chat,
//! when it is no word of the language nor of the passages ("meserole"), a first name alone when
//! one person has it and it is capitalised ("Tanya"), and a surname or one-word name one typo
//! off when capitalised and at least seven letters long. Each entity once, at its first
//! mention, in the order of the message, with how it was read (`Read`). For the message
//! context-menu command, `mentions` and `/ask`.
//!
//! Ordinary words are not names: a short name the data writes in capitals ("UN", "BRI", "ODI")
//! counts only in capitals, a typo is forgiven only in a word of seven letters or more that
//! the article's passages never use ("Pantulano", not "Files" for "Filer"), a surname that is a
//! word ("baker") counts only capitalised, and a first name that is a word ("Will") only inside
//! a sentence.
//!
//! A name is made of whole written words: "G77" is not the G7, and "G7G7" (one written word)
//! names nothing. That rule is also what bounds the work: a name can only start at the first
//! folded word of a written word, and from there at most `longest` folded words are read, so a
//! scan costs a few hash lookups per written word however the text is glued together.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::dataset::{Dataset, Entity, EntityIx, Id, Kind};
use crate::fold;
use crate::people::Standing;
use crate::search::fuzzy;

mod language;
mod units;
use units::{Unit, close, units};

/// Words shorter than this are not looked for one typo off: too many ordinary words are a typo
/// of a short name ("Files", "Filed", "Filter" of "Filer"; "Brick" of "BRICS").
const TYPO_MIN_CHARS: usize = 7;
/// A name this short, written in capitals in the data, is an acronym: it counts only in
/// capitals ("UN", not the "un" of "un-ambitious").
const ACRONYM_MAX_CHARS: usize = 4;

/// An entity named in a message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// The entity's id.
    pub id: Id,
    /// The entity, in the dataset the names were taken from.
    #[serde(skip)]
    pub entity: EntityIx,
    /// What it is: an expert, another person, a group or a body.
    pub kind: MentionKind,
    /// The entity's name.
    pub name: String,
    /// Where the message names it, in characters (not bytes), end excluded.
    pub start: usize,
    /// Where that name ends.
    pub end: usize,
    /// The message's text there.
    pub text: String,
    /// How the message names it: by a name, a surname, a first name or a typo.
    pub read: Read,
}

/// How a mention was read, as `mentions` prints it: `name` (a name or alias of the data, whole),
/// `surname` (a person's surname alone), `first_name` (a first name that one person has), `typo`
/// (a surname or one-word name one typo off). A first name and a typo are guesses a reply shows
/// ("Tanya → Tanya Filer").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Read {
    /// A name or alias of the data, whole.
    Name,
    /// A person's surname alone.
    Surname,
    /// A first name that only one person of the data has.
    FirstName,
    /// One typo off a surname or a one-word name.
    Typo,
}

impl Read {
    /// Whether the text read is not the name or a part of it as the data writes it, so that a
    /// reply should say which name it was read as.
    pub fn is_guess(self) -> bool {
        matches!(self, Read::FirstName | Read::Typo)
    }
}

/// What a mention names, as `mentions` prints it (docs/commands.md): `expert` (a member of an
/// article's panel), `person` (someone an article quotes outside its panel), `group`, `body`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A member of an article's panel.
    Expert,
    /// Someone an article quotes outside its panel.
    Person,
    /// A group.
    Group,
    /// A body.
    Body,
}

impl MentionKind {
    /// What `entity` is, as a mention says it.
    pub fn of(entity: Entity<'_>) -> MentionKind {
        match entity {
            Entity::Expert(e) => match Standing::of(e) {
                Standing::Panel => MentionKind::Expert,
                Standing::Quoted => MentionKind::Person,
            },
            Entity::Group(_) => MentionKind::Group,
            Entity::Body(_) => MentionKind::Body,
        }
    }
}

/// The names of one dataset, ready for scanning messages.
#[derive(Debug, Default)]
pub struct Mentions {
    /// A name or alias, folded and without spaces ("g7", "3seas", "tanyafiler") → entities.
    names: HashMap<String, Vec<EntityIx>>,
    /// An expert's surname, folded → experts bearing it.
    surnames: HashMap<String, Vec<EntityIx>>,
    /// Surnames of one person that are no word of the language and that the passages never
    /// write in lower case: these count in lower case too ("meserole").
    lower_surnames: HashSet<String>,
    /// An expert's first name, folded → experts bearing it.
    first_names: HashMap<String, Vec<EntityIx>>,
    /// First names that are also words (of the language, or of the passages in lower case):
    /// "Will" at the start of a sentence is the word.
    ordinary_first_names: HashSet<String>,
    /// One-word keys (surnames and one-word names) for typos, sorted by their first two
    /// letters, then length, then key: a word is compared only with the keys that begin as it
    /// does and are at most one letter longer or shorter (a typo's reach).
    single: Vec<Single>,
    /// Folded words a name can start with, so that most words of a message cost one lookup.
    starts: HashSet<String>,
    /// Keys of short names the data writes in capitals.
    acronyms: HashSet<String>,
    /// The most folded words of any name.
    longest: usize,
    /// Per entity, by `EntityIx`: what a mention of it says.
    entities: Vec<Named>,
}

/// An entity as its mentions show it.
#[derive(Debug)]
struct Named {
    id: Id,
    kind: MentionKind,
    name: String,
}

/// What stands just before a word, for reading the word alone as a surname or a typo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before<'a> {
    /// A capitalised word that is no name found and no word of the passages, or a first name
    /// (folded): likely a first name, so the word is someone else's surname ("Ben Weiss" is not
    /// Antonio Weiss), unless it is that person's own ("Chris Meserol" is Chris Meserole).
    LikelyFirstName(&'a str),
    /// Another word, folded, with only spaces between, that is no name found: what it is
    /// decides whether a lower-case word after it may be a surname ("the weiss beer", "ben
    /// weiss" are not Antonio Weiss; "read meserole" is Chris Meserole).
    Word(&'a str),
    /// Anything else: the start of the text, a name found, punctuation.
    Other,
}

/// Words after which a lower-case word is a common noun, not a name: "the filer", "a baker".
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her",
    "its", "some", "any", "no", "every", "each",
];

/// What one scan has asked already, by folded word.
#[derive(Default)]
struct Memo {
    known: std::cell::RefCell<HashMap<String, bool>>,
    typo: std::cell::RefCell<HashMap<String, Option<EntityIx>>>,
}

impl Memo {
    fn known(&self, word: &str, ask: &dyn Fn(&str) -> bool) -> bool {
        if let Some(&k) = self.known.borrow().get(word) {
            return k;
        }
        let k = ask(word);
        self.known.borrow_mut().insert(word.to_string(), k);
        k
    }

    fn typo(&self, word: &str, ask: impl Fn(&str) -> Option<EntityIx>) -> Option<EntityIx> {
        if let Some(&t) = self.typo.borrow().get(word) {
            return t;
        }
        let t = ask(word);
        self.typo.borrow_mut().insert(word.to_string(), t);
        t
    }
}

/// A one-word key for typos, in the order `Mentions::single` keeps them.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Single {
    head: String,
    chars: usize,
    key: String,
    entity: EntityIx,
}

impl Single {
    fn new(key: String, entity: EntityIx) -> Single {
        Single {
            head: key.chars().take(2).collect(),
            chars: key.chars().count(),
            key,
            entity,
        }
    }
}

impl Mentions {
    /// The names of `dataset`'s experts, groups and bodies.
    pub fn new(dataset: &Dataset) -> Mentions {
        let mut m = Mentions::default();
        // In `EntityIx` order, so that an entity's index is its place in `entities`.
        for (n, e) in dataset.entities_indexed() {
            m.entities.push(Named {
                id: e.id().clone(),
                kind: MentionKind::of(e),
                name: e.name().to_string(),
            });
            let mut names = e.names();
            // "Three Coasts Academy (3CA)" is named by either part, as in commands.
            let parts: Vec<&str> = names
                .iter()
                .filter_map(|n| crate::matching::parenthesised(n))
                .flat_map(|(base, inner)| [base, inner])
                .collect();
            names.extend(parts);
            for name in names {
                let words = fold::words(name);
                let Some(first) = words.first() else {
                    continue;
                };
                m.starts.insert(first.clone());
                m.longest = m.longest.max(words.len());
                let key: String = words.concat();
                if is_acronym(name) {
                    m.acronyms.insert(key.clone());
                }
                add(&mut m.names, &key, n);
                if words.len() == 1 && key.chars().count() >= TYPO_MIN_CHARS && !is_acronym(name) {
                    m.single.push(Single::new(key, n));
                }
            }
            if e.kind() == Kind::Expert {
                let mut words = fold::words(e.name());
                // A first name of a name of two words or more ("Jose" of "Jose W. Fernandez"),
                // not an initial.
                if words.len() >= 2
                    && let Some(first) = words.first()
                    && first.chars().count() >= 3
                {
                    add(&mut m.first_names, first, n);
                }
                if let Some(last) = words.pop()
                    && last.chars().count() >= 3
                {
                    if last.chars().count() >= TYPO_MIN_CHARS {
                        m.single.push(Single::new(last.clone(), n));
                    }
                    add(&mut m.surnames, &last, n);
                }
            }
        }
        m.single.sort();
        m.single.dedup();
        m.lower_surnames = m
            .surnames
            .iter()
            .filter(|(key, bearers)| {
                bearers.len() == 1 && !language::is_word(key) && !language::is_derived_word(key)
            })
            .map(|(key, _)| key.clone())
            .collect();
        m.ordinary_first_names = m
            .first_names
            .keys()
            .filter(|key| language::is_word(key))
            .cloned()
            .collect();
        // A word the passages write in lower case is a word of the article ("our sherpa"):
        // as a surname it counts only capitalised, as a first name only inside a sentence.
        let mut lower = HashSet::new();
        // Most words of the passages begin with a letter and have a length that no name asked
        // about has: those are passed over without hashing them.
        let mut shapes = vec![false; SHAPES];
        for key in m.lower_surnames.iter().chain(m.first_names.keys()) {
            if let Some(s) = shapes.get_mut(shape(key)) {
                *s = true;
            }
        }
        let asked = |w: &str| {
            shapes.get(shape(w)).is_some_and(|s| *s)
                && (m.lower_surnames.contains(w) || m.first_names.contains_key(w))
        };
        for p in dataset.passages() {
            lower_words(&p.text, &asked, &mut lower);
        }
        for w in lower {
            m.lower_surnames.remove(&w);
            if m.first_names.contains_key(&w) {
                m.ordinary_first_names.insert(w);
            }
        }
        m
    }

    /// The bytes these tables hold on the heap (capacities, keys, names), and the bytes of
    /// the chat-style tables among them (lower-case surnames, first names), for
    /// BENCHMARKS.md's statement of their memory. The word list is in the program, not here.
    pub fn heap_bytes(&self) -> (usize, usize) {
        let map = |m: &HashMap<String, Vec<EntityIx>>| {
            m.capacity() * (size_of::<(String, Vec<EntityIx>)>() + 1)
                + m.iter()
                    .map(|(k, v)| k.capacity() + v.capacity() * size_of::<EntityIx>())
                    .sum::<usize>()
        };
        let set = |s: &HashSet<String>| {
            s.capacity() * (size_of::<String>() + 1) + s.iter().map(String::capacity).sum::<usize>()
        };
        let chat =
            set(&self.lower_surnames) + map(&self.first_names) + set(&self.ordinary_first_names);
        let single = self.single.capacity() * size_of::<Single>()
            + self
                .single
                .iter()
                .map(|s| s.head.capacity() + s.key.capacity())
                .sum::<usize>();
        let named = self.entities.capacity() * size_of::<Named>()
            + self
                .entities
                .iter()
                .map(|n| n.name.capacity() + n.id.as_str().len())
                .sum::<usize>();
        let all = map(&self.names)
            + map(&self.surnames)
            + set(&self.starts)
            + set(&self.acronyms)
            + single
            + named
            + chat;
        (all, chat)
    }

    /// The entities `text` names, each once at its first mention, in order. `known` says
    /// whether a folded word is one the data uses in its passages: such a word, capitalised
    /// at the start of a sentence, is not a typo of a name.
    pub fn scan(&self, text: &str, known: &dyn Fn(&str) -> bool) -> Vec<Mention> {
        let units = units(text, self.longest);
        // A discussion names its people again and again: each distinct word is asked about
        // once (is it a word of the passages, is it one typo off a name).
        let memo = Memo::default();
        let known = |w: &str| memo.known(w, known);
        let mut found: Vec<Mention> = Vec::new();
        let mut seen: HashSet<EntityIx> = HashSet::new();
        let mut i = 0;
        let mut matched_before = false;
        while let Some(first) = units.get(i) {
            if !first.first {
                // Inside a written word: no name starts here.
                matched_before = false;
                i += 1;
                continue;
            }
            // The word just before: another written word ("G7" is two units of one word),
            // with only spaces between, that is not a name found.
            let prev = i
                .checked_sub(1)
                .and_then(|b| units.get(b))
                .filter(|prev| !matched_before && spaced(text, prev, first));
            let before = match prev {
                // A capitalised word that is not a word of the passages, or is a first name,
                // is likely a first name: "Ben Weiss" is not Antonio Weiss, nor "Jose Antonio"
                // nor "Tanya Meserole" anyone of the data.
                Some(prev)
                    if prev.capital && (!known(&prev.word) || self.is_first_name(&prev.word)) =>
                {
                    Before::LikelyFirstName(&prev.word)
                }
                Some(prev) => Before::Word(&prev.word),
                None => Before::Other,
            };
            let rest = units.get(i..).unwrap_or_default();
            let (len, entities, read) = self.at(text, rest, before, &known, &memo);
            matched_before = !entities.is_empty();
            // The units the name spans (at least the one it starts at).
            let spanned = len.max(1);
            let last = units.get(i + spanned - 1).unwrap_or(first);
            for &e in &entities {
                if seen.insert(e)
                    && let Some(named) = self.entities.get(e.index())
                {
                    found.push(Mention {
                        id: named.id.clone(),
                        entity: e,
                        kind: named.kind,
                        name: named.name.clone(),
                        start: first.chars.start,
                        end: last.chars.end,
                        text: text
                            .get(first.bytes.start..last.bytes.end)
                            .unwrap_or_default()
                            .to_string(),
                        read,
                    });
                }
            }
            i += spanned;
        }
        found
    }

    /// The longest name starting at `units[0]`: how many units it spans, its entities (none:
    /// nothing starts here) and how it was read. A word that follows a likely first name
    /// (`before`) is read alone as a surname or a typo only of that first name's own person.
    fn at(
        &self,
        text: &str,
        units: &[Unit],
        before: Before<'_>,
        known: &dyn Fn(&str) -> bool,
        memo: &Memo,
    ) -> (usize, Vec<EntityIx>, Read) {
        let (len, entities) = self.named(text, units);
        let Some(first) = units.first() else {
            return (len, entities, Read::Name);
        };
        // A surname, a first name or a typo is one whole written word.
        if len > 0 || !first.last {
            return (len, entities, Read::Name);
        }
        let alone = match before {
            // After a first name, only a surname or typo of that first name's own person
            // ("Chris Meserol"; not "Tanya Meserole", "Ben Weiss").
            Before::LikelyFirstName(name) => self
                .capitalised(text, units, first, known, memo)
                .filter(|(e, read)| {
                    *read != Read::FirstName
                        && self.first_names.get(name).is_some_and(|v| v.contains(e))
                }),
            _ if first.capital => self.capitalised(text, units, first, known, memo),
            _ => self.lower_case(first, before, known),
        };
        match alone {
            Some((entity, read)) => (1, vec![entity], read),
            None => (0, Vec::new(), Read::Name),
        }
    }

    /// The longest name or alias of the data starting at `units[0]`: how many units it spans
    /// and its entities.
    fn named(&self, text: &str, units: &[Unit]) -> (usize, Vec<EntityIx>) {
        let mut best: (usize, Vec<EntityIx>) = (0, Vec::new());
        let Some(first) = units.first() else {
            return best;
        };
        let plural = |w: &str| w.len() > 3 && w.ends_with('s');
        let singular = |w: &str| w.strip_suffix('s').map(str::to_string);
        if self.starts.contains(&first.word)
            || (plural(&first.word)
                && first
                    .word
                    .strip_suffix('s')
                    .is_some_and(|w| self.starts.contains(w)))
        {
            let mut key = String::new();
            for (len, u) in units.iter().take(self.longest + 1).enumerate() {
                // A glued word too long for any name ends every name.
                if u.word.is_empty() {
                    break;
                }
                // The written words of one name stand close: "G-7", "Jose W. Fernandez", not
                // "G" and "7" a paragraph apart or across a line.
                if let Some(before) = len.checked_sub(1).and_then(|b| units.get(b))
                    && before.bytes != u.bytes
                    && !close(text.get(before.bytes.end..u.bytes.start).unwrap_or(""))
                {
                    break;
                }
                key.push_str(&u.word);
                // "G7s", "Meserole's": a name with a plural or possessive ending.
                // "7s" folds to "7", "s": that lone "s" is a plural too, however short the key.
                let singular_key = || {
                    (plural(&key) || (len > 0 && u.word == "s"))
                        .then(|| singular(&key))
                        .flatten()
                };
                let (hit, hit_key) = match self.names.get(&key) {
                    Some(e) => (Some(e), key.clone()),
                    None => match singular_key() {
                        Some(k) => (self.names.get(&k), k),
                        None => (None, String::new()),
                    },
                };
                // A name ends where a written word ends.
                let Some(entities) = hit.filter(|_| u.last) else {
                    continue;
                };
                // An acronym of the data counts only written in capitals ("odis" is not ODI).
                let written = text.get(first.bytes.start..u.name_end).unwrap_or_default();
                let lower = written.chars().any(char::is_lowercase);
                if !(lower && self.acronyms.contains(&hit_key)) {
                    best = (len + 1, entities.clone());
                }
            }
        }
        best
    }

    /// A capitalised word alone (`first`, the first of `units`): a surname, else a first name,
    /// else a typo, each when it is one person's (or one entity's).
    fn capitalised(
        &self,
        text: &str,
        units: &[Unit],
        first: &Unit,
        known: &dyn Fn(&str) -> bool,
        memo: &Memo,
    ) -> Option<(EntityIx, Read)> {
        let plural = |w: &str| w.len() > 3 && w.ends_with('s');
        // A surname alone, written as a name, when it is one person's.
        let surname = self.surnames.get(&first.word).or_else(|| {
            first
                .word
                .strip_suffix('s')
                .filter(|_| plural(&first.word))
                .and_then(|w| self.surnames.get(w))
        });
        if let Some([one]) = surname.map(Vec::as_slice) {
            return Some((*one, Read::Surname));
        }
        if let Some(one) = self.first_name(text, units, first) {
            return Some((one, Read::FirstName));
        }
        // One typo off a surname or a one-word name, when only one entity is that close.
        if first.word.chars().count() >= TYPO_MIN_CHARS
            && !known(&first.word)
            && let Some(one) = memo.typo(&first.word, |w| self.typo(w))
        {
            return Some((one, Read::Typo));
        }
        None
    }

    /// A capitalised first name alone, when one person has it: not before another capitalised
    /// word (a full name, someone else's: "Chris Smith"), and, when it is also a word ("Will"),
    /// not at the start of a sentence, where any word is capitalised.
    fn first_name(&self, text: &str, units: &[Unit], first: &Unit) -> Option<EntityIx> {
        let [one] = self.first_names.get(&first.word)?.as_slice() else {
            return None;
        };
        if units
            .get(1)
            .is_some_and(|next| next.capital && spaced(text, first, next) && next.word != "i")
        {
            return None;
        }
        if self.ordinary_first_names.contains(&first.word)
            && starts_sentence(text, first.bytes.start)
        {
            return None;
        }
        Some(*one)
    }

    /// A surname written in lower case, as people chat ("did anyone read meserole?"), when it
    /// is one person's, no word of the language nor of the passages, and the word before it is
    /// neither a determiner ("the filer"), nor a first name ("mark fernandez"), nor a word
    /// unknown to both, likely someone else's first name ("ben weiss"). Plurals are not read:
    /// "filers" is a word.
    fn lower_case(
        &self,
        first: &Unit,
        before: Before<'_>,
        known: &dyn Fn(&str) -> bool,
    ) -> Option<(EntityIx, Read)> {
        if !self.lower_surnames.contains(&first.word) {
            return None;
        }
        // After a first name ("mark fernandez", "tanya meserole"), or a word unknown to both
        // lists that is no abbreviation of chat ("ben weiss"; "imo meserole" is the expert),
        // the surname is someone else's.
        if let Before::Word(w) = before
            && (DETERMINERS.contains(&w)
                || self.is_first_name(w)
                || !(known(w) || language::is_word(w) || language::is_chat(w)))
        {
            return None;
        }
        match self.surnames.get(&first.word)?.as_slice() {
            [one] => Some((*one, Read::Surname)),
            _ => None,
        }
    }

    /// Whether the folded word `word` is likely a first name: a common one (a list kept with the
    /// word list), or one of the data's.
    pub fn is_first_name(&self, word: &str) -> bool {
        language::is_first_name(word) || self.first_names.contains_key(word)
    }

    /// The one entity whose surname or one-word name is one typo off `word`; none when no
    /// name or several are that close.
    fn typo(&self, word: &str) -> Option<EntityIx> {
        // The first two letters must agree ("Bookings" is not "Brookings"), and one typo
        // changes the length by one at most: only those names are walked.
        let head: String = word.chars().take(2).collect();
        let chars = word.chars().count();
        let mut close: HashSet<EntityIx> = HashSet::new();
        for len in chars.saturating_sub(1)..=chars + 1 {
            let at = (head.as_str(), len);
            let from = self
                .single
                .partition_point(|s| (s.head.as_str(), s.chars) < at);
            let bucket = self.single.get(from..).unwrap_or_default();
            let end = bucket.partition_point(|s| (s.head.as_str(), s.chars) == at);
            let bucket = bucket.get(..end).unwrap_or_default();
            close.extend(
                fuzzy::within(bucket, |s| s.key.as_str(), word, 1)
                    .into_iter()
                    .filter_map(|(i, _)| bucket.get(i))
                    .map(|s| s.entity),
            );
        }
        match close.len() {
            1 => close.into_iter().next(),
            _ => None,
        }
    }
}

/// The shapes of words `shape` tells apart: a first byte (a–z, or any other) by a length (up to
/// 31, or longer).
const SHAPES: usize = 27 * 32;

/// A word's shape, below `SHAPES`: its first byte and its length in bytes.
fn shape(word: &str) -> usize {
    let first = match word.bytes().next() {
        Some(b @ b'a'..=b'z') => usize::from(b - b'a'),
        _ => 26,
    };
    first * 32 + word.len().min(31)
}

/// Adds to `found` the words of `text` written in lower case, folded, that `asked` wants. A
/// word is a run of letters and digits; folding is paid only for a word with a letter outside
/// ASCII, so that the passages of a large dataset are read quickly.
fn lower_words(text: &str, asked: &dyn Fn(&str) -> bool, found: &mut HashSet<String>) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if !word.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        if word.is_ascii() {
            if word.bytes().all(|b| b.is_ascii_lowercase()) {
                if asked(word) {
                    found.insert(word.to_string());
                }
            } else {
                let w = word.to_ascii_lowercase();
                if asked(&w) {
                    found.insert(w);
                }
            }
        } else {
            let w = fold::words(word).concat();
            if asked(&w) {
                found.insert(w);
            }
        }
    }
}

fn add(map: &mut HashMap<String, Vec<EntityIx>>, key: &str, entity: EntityIx) {
    let list = map.entry(key.to_string()).or_default();
    if !list.contains(&entity) {
        list.push(entity);
    }
}

/// Whether `b` is another written word than `a`, after it with only spaces between.
fn spaced(text: &str, a: &Unit, b: &Unit) -> bool {
    a.bytes.end <= b.bytes.start
        && text
            .get(a.bytes.end..b.bytes.start)
            .is_some_and(|gap| gap.trim().is_empty())
}

/// Whether a word at byte `at` of `text` starts a sentence: the text, or a line, starts there,
/// or a sentence ends just before it (opening quotes and brackets aside).
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text
        .get(..at)
        .unwrap_or_default()
        .trim_end_matches([' ', '\t', '"', '\'', '“', '‘', '(', '[', '*', '_', '>']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '…', '\n', '\r'])
}

/// A short name of capital letters ("UN", "BRI", "ODI"), which could be an ordinary word in
/// lowercase ("un", "bri"). One with a digit ("G7", "3SI") is a name however it is written.
fn is_acronym(name: &str) -> bool {
    let plain: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    plain.len() <= ACRONYM_MAX_CHARS && plain.iter().all(|c| c.is_uppercase())
}
