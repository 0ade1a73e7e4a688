//! Who holds what: per organisation (a body) the people with a role there, and per role title
//! ("CEO", "Executive Director", "Under Secretary") the people holding it, for reading a
//! question that names people by their organisation or their role ("the ODI CEO", "what do the
//! CEOs want?"), and the words of people's names. Built once per dataset, so a question looks
//! people up instead of walking them.

use std::collections::{HashMap, HashSet};

use crate::dataset::{Dataset, Entity, EntityIx};
use crate::fold;
use crate::search::term;

/// The words that end a role title's head: what follows is its complement ("Under Secretary
/// *of* State for …", "CEO *of* ODI"), which names the organisation, not the role.
const COMPLEMENT: &[&str] = &["of", "for", "at", "to", "in", "on"];
/// Words of a title that say when, not what: "Former Director" holds the title "director".
const NOT_THE_ROLE: &[&str] = &["former", "acting", "the", "a", "an", "interim"];

/// Words of a title's head that say its holder heads the organisation ("CEO", "Executive
/// Director", "President"): who "the boss" or "the head" of it is.
const HEADING: &[&str] = &[
    "ceo",
    "chief",
    "director",
    "president",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "head",
    "founder",
    "principal",
];

/// The people of each organisation and of each role title.
#[derive(Debug, Default)]
pub struct Holders {
    /// An organisation → the people with a role there, in the data's order.
    staff: HashMap<EntityIx, Vec<EntityIx>>,
    /// An organisation → the people heading it (a title there with a word of `HEADING`).
    heads: HashMap<EntityIx, Vec<EntityIx>>,
    /// A role title's head, as stemmed words joined by a space ("execut director") and
    /// without spaces ("undersecretari"), and its last word alone ("director") → the people
    /// holding it, in the data's order.
    titles: HashMap<String, Vec<EntityIx>>,
    /// The most words of any title's head.
    longest: usize,
    /// Every word of a person's names (`name_words`): a word that is none of these never
    /// names a person, however it is typed.
    name_words: HashSet<String>,
}

impl Holders {
    /// The holders of `dataset`'s roles.
    pub fn new(dataset: &Dataset) -> Holders {
        let mut h = Holders::default();
        for (person, entity) in dataset.entities_indexed() {
            let Entity::Expert(x) = entity else {
                continue;
            };
            h.name_words.extend(name_words(entity));
            for r in &x.roles {
                if let Some(org) = r
                    .organisation
                    .as_ref()
                    .and_then(|o| dataset.entity_ix(o.as_str()))
                {
                    push(h.staff.entry(org).or_default(), person);
                    // Heads it now, by the title's head ("Advisor to the CEO" does not).
                    if r.current
                        && fold::words(&r.title)
                            .iter()
                            .take_while(|w| !COMPLEMENT.contains(&w.as_str()))
                            .any(|w| HEADING.contains(&w.as_str()))
                    {
                        push(h.heads.entry(org).or_default(), person);
                    }
                }
                let head = head(&r.title);
                if head.is_empty() {
                    continue;
                }
                h.longest = h.longest.max(head.len());
                let mut keys = vec![head.join(" "), head.concat()];
                keys.extend(head.last().cloned());
                for key in keys {
                    push(h.titles.entry(key).or_default(), person);
                }
            }
        }
        h
    }

    /// The people with a role at `organisation`.
    pub fn staff(&self, organisation: EntityIx) -> &[EntityIx] {
        self.staff.get(&organisation).map_or(&[], Vec::as_slice)
    }

    /// The people heading `organisation`, in the data's order.
    pub fn heads(&self, organisation: EntityIx) -> &[EntityIx] {
        self.heads.get(&organisation).map_or(&[], Vec::as_slice)
    }

    /// The people holding the role title the folded `words` say ("ceos", "executive
    /// director", "undersecretary"); none when they say no title.
    pub fn titled(&self, words: &[String]) -> &[EntityIx] {
        if words.is_empty() || words.len() > self.longest {
            return &[];
        }
        let stems: Vec<String> = words.iter().map(|w| term(w)).collect();
        [stems.join(" "), stems.concat()]
            .iter()
            .find_map(|k| self.titles.get(k))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the folded `word` is a word of some person's names.
    pub fn is_name_word(&self, word: &str) -> bool {
        self.name_words.contains(word)
    }

    /// The most words a role title's head has.
    pub fn longest_title(&self) -> usize {
        self.longest
    }
}

/// `person` at the end of `list`, once.
fn push(list: &mut Vec<EntityIx>, person: EntityIx) {
    if !list.contains(&person) {
        list.push(person);
    }
}

/// A title's head, stemmed: its words up to its complement, less the words that say when.
fn head(title: &str) -> Vec<String> {
    let before_comma = title.split(',').next().unwrap_or_default();
    fold::words(before_comma)
        .into_iter()
        .take_while(|w| !COMPLEMENT.contains(&w.as_str()))
        .filter(|w| !NOT_THE_ROLE.contains(&w.as_str()))
        .map(|w| term(&w))
        .collect()
}

/// The folded words of an entity's names and aliases, with the letters of a dotted acronym
/// joined ("A.I." is "ai" too).
pub fn name_words(entity: Entity<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for name in entity.names() {
        let words = fold::words(name);
        let mut letters = String::new();
        for w in &words {
            if w.chars().count() == 1 {
                letters.push_str(w);
            } else if !letters.is_empty() {
                out.push(std::mem::take(&mut letters));
            }
        }
        if !letters.is_empty() {
            out.push(letters);
        }
        out.extend(words);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::bundled;

    fn ids(d: &Dataset, found: &[EntityIx]) -> Vec<String> {
        found
            .iter()
            .map(|&e| d.entity_at(e).id().to_string())
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        fold::words(text)
    }

    #[test]
    fn a_title_is_found_by_its_head_whole_or_by_its_last_word() {
        let d = bundled();
        let h = Holders::new(&d);
        assert_eq!(
            ids(&d, h.titled(&words("CEOs"))),
            ["sara-pantuliano", "tanya-filer"]
        );
        assert_eq!(
            ids(&d, h.titled(&words("executive director"))),
            ["chris-meserole"]
        );
        assert_eq!(ids(&d, h.titled(&words("director"))), ["chris-meserole"]);
        // "Under Secretary of State for …": its head, written as one word or two; never its
        // complement, nor the first word of its head alone.
        assert_eq!(
            ids(&d, h.titled(&words("undersecretary"))),
            ["jose-w-fernandez"]
        );
        assert_eq!(
            ids(&d, h.titled(&words("under secretary"))),
            ["jose-w-fernandez"]
        );
        assert!(h.titled(&words("energy")).is_empty());
        assert!(h.titled(&words("under")).is_empty());
        assert!(h.titled(&words("executive")).is_empty());
    }

    #[test]
    fn an_organisation_lists_its_people() {
        let d = bundled();
        let h = Holders::new(&d);
        let odi = d.entity_ix("odi").unwrap();
        assert_eq!(ids(&d, h.staff(odi)), ["sara-pantuliano"]);
        let g7 = d.entity_ix("g7").unwrap();
        assert!(h.staff(g7).is_empty());
    }
}
