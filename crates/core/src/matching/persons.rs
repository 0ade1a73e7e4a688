//! People as others speak of them (`Persons`): a name or part of one beside words of one of
//! their roles ("weiss bennett", "the CEO of StateUp"); a role's words alone ("odi ceo", every
//! word of an organisation's name counting, its acronyms too); a short form of a first name
//! beside the surname ("tony weiss"). Each reading is a word match through a role or a name:
//! `resolve` merges it with the names' own.

use std::collections::HashMap;

use super::diminutives::Diminutives;
use super::entries::Entries;
use super::query::{Key, Query};
use super::staff::Via;
use super::{Candidate, Tier};
use crate::dataset::{Dataset, Entity, EntityIx, Tense};
use crate::{fold, people};

/// A name and a role of that person: as sure as a name typed whole.
pub const NAME_AND_ROLE_SCORE: f64 = 0.95;
/// A short form of the first name beside the surname ("tony weiss"): below a name typed
/// whole, which a person called Tony Weiss would be.
pub const SHORT_FORM_SCORE: f64 = 0.93;
/// A name typed loosely (a prefix, a typo) beside a role: a little less sure.
pub const LOOSE_NAME_AND_ROLE_SCORE: f64 = 0.90;
/// A role's words alone: enough to answer when one person holds it, below the whole name of
/// an organisation (`ROLE_SCORE`), so that several holders are asked about.
pub const ROLE_WORDS_SCORE: f64 = 0.88;

/// A typed word this long or longer that begins a name word is that name typed short
/// ("pantul"), beside a role's words.
const LOOSE_PREFIX_CHARS: usize = 4;
/// Words this long or longer one edit apart are a typo ("wiess"), beside a role's words.
const LOOSE_TYPO_CHARS: usize = 5;

/// Titles people write out or shorten: a title with the first holds the second's words too.
const TITLE_FORMS: &[(&[&str], &[&str])] = &[
    (&["ceo"], &["chief", "executive", "officer"]),
    (&["chief", "executive"], &["ceo"]),
];

/// Words that join a name to a role ("the CEO of StateUp", "Filer at StateUp"), read as
/// nothing; never a word of a role either.
const JOINING: &[&str] = &[
    "of", "at", "from", "for", "in", "and", "on", "to", "with", "the", "an",
];

/// Queries of more words than this are not read as a name with a role (a name and a long
/// title fit in it); past it the words are a sentence, not a reference to someone.
const MAX_WORDS: usize = 16;

/// One person's words: their names' and each role's.
#[derive(Debug)]
struct Person {
    /// The folded words of each name (name, aliases), first name first.
    names: Vec<Vec<String>>,
    /// Each role's words (its title, its organisation's names and their acronyms), with the
    /// role as labels say it.
    roles: Vec<(Vec<String>, Via)>,
}

/// How a query's words fit one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// Name words and the words of one role.
    NameAndRole,
    /// Name words, some typed loosely (a prefix, a typo), and the words of one role.
    LooseNameAndRole,
    /// A short form of the first name beside the surname.
    ShortForm,
    /// The words of one role alone.
    RoleOnly,
}

/// Every expert's name and role words, and which experts have each word.
#[derive(Debug, Default)]
pub(super) struct Persons {
    people: HashMap<EntityIx, Person>,
    /// For each word of a name, the experts with it.
    by_name_word: HashMap<String, Vec<EntityIx>>,
    /// For each word of a role, the experts with it.
    by_role_word: HashMap<String, Vec<EntityIx>>,
    diminutives: Diminutives,
}

impl Persons {
    /// The name and role words of `dataset`'s experts.
    pub(super) fn new(dataset: &Dataset) -> Persons {
        let mut p = Persons {
            diminutives: Diminutives::new(),
            ..Persons::default()
        };
        for (ix, entity) in dataset.entities_indexed() {
            let Entity::Expert(x) = entity else {
                continue;
            };
            let names: Vec<Vec<String>> = entity
                .names()
                .into_iter()
                .map(fold::words)
                .filter(|w| !w.is_empty())
                .collect();
            let mut roles = Vec::new();
            for r in &x.roles {
                // The title, and the article's wording of it where the title was normalised
                // from it ("US Undersecretary of State" for "Under Secretary of State").
                let mut words = fold::words(&r.title);
                words.extend(r.as_written.as_deref().map(fold::words).unwrap_or_default());
                for (has, also) in TITLE_FORMS {
                    if has.iter().all(|h| words.iter().any(|w| w == h)) {
                        words.extend(also.iter().map(|a| a.to_string()));
                    }
                }
                let org = r
                    .organisation
                    .as_ref()
                    .and_then(|o| dataset.entity(o.as_str()));
                for name in org.map(Entity::names).unwrap_or_default() {
                    let mut all = vec![name];
                    all.extend(super::parenthesised(name).map_or(Vec::new(), |(a, b)| vec![a, b]));
                    for n in all {
                        let key = Key::new(ix, n);
                        words.extend(key.acronym().map(|a| a.compact));
                        words.extend(key.tokens);
                    }
                }
                if r.tense() == Tense::Former {
                    // "the former director of Brookings", as labels say it.
                    words.push("former".to_string());
                }
                words.retain(|w| w.chars().count() >= 2 && !JOINING.contains(&w.as_str()));
                words.sort();
                words.dedup();
                for w in &words {
                    push(&mut p.by_role_word, w, ix);
                }
                let via = Via {
                    role: people::role(dataset, r),
                    tense: r.tense(),
                };
                roles.push((words, via));
            }
            for w in names.iter().flatten() {
                push(&mut p.by_name_word, w, ix);
            }
            p.people.insert(ix, Person { names, roles });
        }
        p
    }

    /// The experts `query` names through a role or a short form, each as a word match (the
    /// role it was found through as its `via`).
    pub(super) fn scored(&self, entries: &Entries, query: &Query) -> Vec<Candidate> {
        let tokens: Vec<&str> = query
            .tokens
            .iter()
            .map(String::as_str)
            .filter(|t| !JOINING.contains(t))
            .collect();
        if tokens.is_empty() || tokens.len() > MAX_WORDS {
            return Vec::new();
        }
        // Words that are all a name of one person are that name, not a role someone else
        // holds: "young" is Anthony Young, not the director of the Young Foundation; nor is
        // "C. Bell" a Carlos of the Bell Institute (initials say nothing either way).
        let words: Vec<&str> = tokens
            .iter()
            .copied()
            .filter(|t| t.chars().count() > 1)
            .collect();
        let a_name = self.all_in_one(&words, &self.by_name_word);
        // Every person a reading could fit has each word as a name word, a role word or a
        // first name it is a short form of; the word with the fewest such people is where to
        // look.
        // (A name typed loosely or an initial is found by no word: another word finds them.)
        let Some(seed) = tokens
            .iter()
            .map(|t| self.who_has(t))
            .filter(|has| !has.is_empty())
            .min_by_key(Vec::len)
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for ix in seed {
            let Some(person) = self.people.get(&ix) else {
                continue;
            };
            let Some((reading, via, role_words)) = self.read(person, &tokens) else {
                continue;
            };
            let role_words_are_names = role_words
                .iter()
                .all(|t| variants(t).any(|v| self.by_name_word.contains_key(v)));
            let score = match reading {
                // "Mira Misen" may be a person not in the data as well as the Mira of the
                // Misen Institute: a role read in words that are all names is no answer.
                Reading::NameAndRole | Reading::LooseNameAndRole if role_words_are_names => {
                    continue;
                }
                Reading::NameAndRole => NAME_AND_ROLE_SCORE,
                Reading::LooseNameAndRole => LOOSE_NAME_AND_ROLE_SCORE,
                Reading::ShortForm => SHORT_FORM_SCORE,
                Reading::RoleOnly if a_name => continue,
                Reading::RoleOnly => ROLE_WORDS_SCORE,
            };
            out.push(Candidate {
                via,
                ..Candidate::new(ix, &entries[ix], score, Tier::Word)
            });
        }
        out
    }

    /// Whether the folded first name `typed` is a short form of `name` or the other way round
    /// (the table of diminutives: "tony" and "antonio").
    pub(super) fn is_short_form(&self, typed: &str, name: &str) -> bool {
        self.diminutives.same_person(typed, name)
    }

    /// The people with `t` as a name word, a role word, or a first name `t` is a short form
    /// of (or the full form of), sorted and each once.
    fn who_has(&self, t: &str) -> Vec<EntityIx> {
        let mut out: Vec<EntityIx> = Vec::new();
        for w in variants(t) {
            for map in [&self.by_name_word, &self.by_role_word] {
                out.extend(map.get(w).into_iter().flatten());
            }
            for name in self.diminutives.stands_for(w) {
                out.extend(self.by_name_word.get(name).into_iter().flatten());
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Whether one person has every word of `tokens` under `map`.
    fn all_in_one(&self, tokens: &[&str], map: &HashMap<String, Vec<EntityIx>>) -> bool {
        let mut common: Option<Vec<EntityIx>> = None;
        for t in tokens {
            let mut has: Vec<EntityIx> = variants(t)
                .flat_map(|w| map.get(w).into_iter().flatten().copied())
                .collect();
            has.sort();
            has.dedup();
            common = Some(match common {
                None => has,
                Some(c) => c
                    .into_iter()
                    .filter(|x| has.binary_search(x).is_ok())
                    .collect(),
            });
        }
        common.is_some_and(|c| !c.is_empty())
    }

    /// How `tokens` fit `person`, with the role they were found through and the words read
    /// as that role's.
    fn read<'t>(
        &self,
        person: &Person,
        tokens: &[&'t str],
    ) -> Option<(Reading, Option<Via>, Vec<&'t str>)> {
        let (mut named, mut surname, mut short) = (false, false, false);
        let mut rest: Vec<&str> = Vec::new();
        let name_words = || person.names.iter().flatten();
        for &t in tokens {
            let whole = |w: &String| w.chars().count() >= 2 && variants(t).any(|v| v == w);
            if name_words().any(whole) {
                named = true;
                surname |= person.names.iter().any(|n| n.iter().skip(1).any(whole));
            } else if person.names.iter().any(|n| {
                n.first()
                    .is_some_and(|first| self.diminutives.same_person(t, first))
            }) {
                short = true;
            } else if t.chars().count() == 1 && name_words().any(|w| w.starts_with(t)) {
                // An initial ("T. Filer") says too little to name anyone by itself.
            } else {
                rest.push(t);
            }
        }
        // A short form alone names nobody: "tony" is not Antonio Weiss.
        if short && !surname {
            return None;
        }
        if rest.is_empty() {
            return short.then_some((Reading::ShortForm, None, rest));
        }
        // The other words are words of one role, or a name typed loosely beside them.
        let loose = |t: &str| name_words().any(|w| loosely(t, w));
        let of_role = |words: &[String], t: &str| {
            variants(t).any(|v| words.binary_search_by(|w| w.as_str().cmp(v)).is_ok())
        };
        let (words, via) = person.roles.iter().find(|(words, _)| {
            rest.iter().any(|t| of_role(words, t))
                && rest.iter().all(|t| of_role(words, t) || loose(t))
        })?;
        let (role, loosely_named): (Vec<&str>, Vec<&str>) =
            rest.iter().partition(|t| of_role(words, t));
        let reading = if !loosely_named.is_empty() {
            Reading::LooseNameAndRole
        } else if named || short {
            Reading::NameAndRole
        } else {
            Reading::RoleOnly
        };
        Some((reading, Some(via.clone()), role))
    }
}

/// Whether a typed word `t` may be the name word `w` typed loosely: a prefix of four letters
/// or more, or one edit from it when both have five letters or more.
fn loosely(t: &str, w: &str) -> bool {
    let (tn, wn) = (t.chars().count(), w.chars().count());
    (tn >= LOOSE_PREFIX_CHARS && tn < wn && w.starts_with(t))
        || (tn >= LOOSE_TYPO_CHARS && wn >= LOOSE_TYPO_CHARS && strsim::osa_distance(t, w) == 1)
}

/// A typed word and its singular ("odi's" folds to "odis"): the forms looked up for it.
fn variants(t: &str) -> impl Iterator<Item = &str> {
    let singular = t
        .strip_suffix('s')
        .filter(|s| s.chars().count() >= 2 && !s.ends_with('s'));
    std::iter::once(t).chain(singular)
}

/// Adds `ix` under `word`, once.
fn push(map: &mut HashMap<String, Vec<EntityIx>>, word: &str, ix: EntityIx) {
    let list = map.entry(word.to_string()).or_default();
    if list.last() != Some(&ix) {
        list.push(ix);
    }
}
