//! Countries, as the groups' member lists name them: which groups each belongs to, found by its
//! name, a common short form or its demonym ("US", "America", "UAE", "Emirati", "Czechia").
//! The other names are well-established public fact, not the article's; a country the lists do
//! not hold is still known by them, so that the bot can say honestly that it is in no group.

use std::collections::HashMap;

use crate::dataset::{Dataset, EntityOf, Group, GroupIx};
use crate::fold;
use crate::matching::Choice;

/// Other names of countries, each under the name the member lists use. Well-established short
/// forms and demonyms; not from the article.
const OTHER_NAMES: &[(&str, &[&str])] = &[
    (
        "United States",
        &[
            "US",
            "USA",
            "U.S.",
            "U.S.A.",
            "America",
            "United States of America",
            "American",
        ],
    ),
    (
        "United Kingdom",
        &["UK", "U.K.", "Britain", "Great Britain", "British"],
    ),
    (
        "United Arab Emirates",
        &["UAE", "U.A.E.", "Emirates", "Emirati"],
    ),
    ("Czech Republic", &["Czechia", "Czech"]),
    ("Russia", &["Russian Federation", "Russian"]),
    ("China", &["People's Republic of China", "PRC", "Chinese"]),
    ("India", &["Indian", "Bharat"]),
    ("Brazil", &["Brazilian"]),
    ("South Africa", &["South African"]),
    ("Egypt", &["Egyptian"]),
    ("Ethiopia", &["Ethiopian"]),
    ("Iran", &["Iranian"]),
    ("Israel", &["Israeli"]),
    ("Canada", &["Canadian"]),
    ("France", &["French"]),
    ("Germany", &["German"]),
    ("Italy", &["Italian"]),
    ("Japan", &["Japanese"]),
    ("Austria", &["Austrian"]),
    ("Bulgaria", &["Bulgarian"]),
    ("Croatia", &["Croatian"]),
    ("Estonia", &["Estonian"]),
    ("Greece", &["Greek"]),
    ("Hungary", &["Hungarian"]),
    ("Latvia", &["Latvian"]),
    ("Lithuania", &["Lithuanian"]),
    ("Poland", &["Polish"]),
    ("Romania", &["Romanian"]),
    ("Slovakia", &["Slovak"]),
    ("Slovenia", &["Slovenian", "Slovene"]),
    ("Saudi Arabia", &["Saudi"]),
    ("Ukraine", &["Ukrainian"]),
    ("Moldova", &["Moldovan"]),
    ("Indonesia", &["Indonesian"]),
    ("Australia", &["Australian"]),
    ("Mexico", &["Mexican"]),
    ("Argentina", &["Argentine", "Argentinian"]),
    ("Turkey", &["Türkiye", "Turkish"]),
    (
        "South Korea",
        &["Korea", "Republic of Korea", "ROK", "Korean"],
    ),
];

/// A name typed this close to a country's (Jaro-Winkler) is taken for it, when no other
/// country comes within `MARGIN` of it ("Austrlia" is as close to Austria as to Australia).
const LIKENESS: f64 = 0.9;
/// ... by this much.
const MARGIN: f64 = 0.03;

/// A country and the groups whose member lists hold it.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// As the member lists first write it, or as `OTHER_NAMES` does when none holds it.
    pub name: String,
    /// The groups whose member lists hold it, in the data's order.
    pub groups: Vec<GroupIx>,
}

/// A country found for a name: exactly (a name or other name), or guessed (a beginning or a
/// likeness), which the reply says.
#[derive(Clone, Copy, Debug)]
pub struct Found<'a> {
    /// The country.
    pub country: &'a Country,
    /// Whether it was guessed rather than named.
    pub guessed: bool,
}

/// The countries of one dataset's member lists, and the other names of countries.
#[derive(Debug, Default)]
pub struct Countries {
    countries: Vec<Country>,
    /// Folded name or other name → country.
    names: HashMap<String, usize>,
    /// (folded name, country), sorted, for completion and likeness.
    sorted: Vec<(String, usize)>,
}

impl Countries {
    /// The countries of `dataset`'s member lists, and every country `OTHER_NAMES` knows.
    pub fn new(dataset: &Dataset) -> Countries {
        let mut c = Countries::default();
        let add = |c: &mut Countries, name: &str| -> usize {
            let key = fold::fold(name);
            if let Some(&i) = c.names.get(&key) {
                return i;
            }
            c.countries.push(Country {
                name: name.to_string(),
                groups: Vec::new(),
            });
            let i = c.countries.len() - 1;
            c.names.insert(key, i);
            i
        };
        // A member list may write a country by another name ("USA", "Czechia"): it is still the
        // one country, under its key.
        let canonical: HashMap<String, &str> = OTHER_NAMES
            .iter()
            .flat_map(|(name, others)| {
                std::iter::once(*name)
                    .chain(others.iter().copied())
                    .map(move |o| (fold::fold(o), *name))
            })
            .collect();
        // The groups with their indices, in the data's order.
        let groups = dataset
            .entities_indexed()
            .filter_map(|(ix, _)| match dataset.entity_of(ix) {
                EntityOf::Group(g) => Some(g),
                EntityOf::Expert(_) | EntityOf::Body(_) => None,
            });
        for g in groups {
            for state in &dataset[g].members.states {
                let i = match canonical.get(&fold::fold(state)) {
                    Some(name) => match c.names.get(&fold::fold(name)) {
                        Some(&i) => i,
                        None => {
                            let i = add(&mut c, state);
                            c.names.insert(fold::fold(name), i);
                            i
                        }
                    },
                    None => add(&mut c, state),
                };
                if let Some(country) = c.countries.get_mut(i)
                    && !country.groups.contains(&g)
                {
                    country.groups.push(g);
                }
            }
        }
        for (name, others) in OTHER_NAMES {
            let i = add(&mut c, name);
            for other in *others {
                c.names.entry(fold::fold(other)).or_insert(i);
            }
        }
        c.sorted = c.names.iter().map(|(k, &i)| (k.clone(), i)).collect();
        c.sorted.sort();
        c
    }

    /// The country `text` names ("the" before it is fine): by a name or other name, else the
    /// only one it begins, else the one it is clearly most like.
    pub fn find(&self, text: &str) -> Option<Found<'_>> {
        let folded = fold::fold(text);
        let key = folded.strip_prefix("the ").unwrap_or(&folded);
        if key.is_empty() {
            return None;
        }
        let named = |i: usize| {
            self.countries.get(i).map(|country| Found {
                country,
                guessed: false,
            })
        };
        let guessed = |i: usize| {
            self.countries.get(i).map(|country| Found {
                country,
                guessed: true,
            })
        };
        if let Some(&i) = self.names.get(key) {
            return named(i);
        }
        let mut begun: Vec<usize> = self.begun(key).collect();
        begun.sort_unstable();
        begun.dedup();
        if let [one] = begun.as_slice() {
            return guessed(*one);
        }
        // The best likeness of each country, best first.
        let mut best: Vec<(f64, usize)> = Vec::new();
        for (name, i) in &self.sorted {
            let s = strsim::jaro_winkler(key, name);
            match best.iter_mut().find(|b| b.1 == *i) {
                Some(b) => b.0 = b.0.max(s),
                None => best.push((s, *i)),
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        match best.as_slice() {
            [(s, i), rest @ ..]
                if *s >= LIKENESS && rest.first().is_none_or(|r| r.0 < s - MARGIN) =>
            {
                guessed(*i)
            }
            _ => None,
        }
    }

    /// The country whose name or other name is exactly the folded `key` ("united states").
    pub fn named(&self, key: &str) -> Option<&Country> {
        self.names.get(key).and_then(|&i| self.countries.get(i))
    }

    /// Every folded name and other name of `country` ("united kingdom", "uk", "british"), in
    /// name order.
    pub fn names_of(&self, country: &Country) -> Vec<&str> {
        let Some(i) = self.countries.iter().position(|c| std::ptr::eq(c, country)) else {
            return Vec::new();
        };
        self.sorted
            .iter()
            .filter(|(_, at)| *at == i)
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Countries whose name or other name begins with the folded `key`, in name order.
    fn begun<'a>(&'a self, key: &'a str) -> impl Iterator<Item = usize> + 'a {
        let from = self.sorted.partition_point(|(n, _)| n.as_str() < key);
        self.sorted
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(n, _)| n.starts_with(key))
            .map(|(_, i)| *i)
    }

    /// Autocomplete: the countries of the member lists whose names begin with what was typed
    /// (all of them, in list order, before anything is typed).
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<Choice> {
        let key = fold::fold(partial);
        let mut picked: Vec<usize> = if key.is_empty() {
            (0..self.countries.len()).collect()
        } else {
            self.begun(&key).collect()
        };
        picked.sort_unstable();
        picked.dedup();
        picked
            .into_iter()
            .filter_map(|i| self.countries.get(i))
            .filter(|c| !c.groups.is_empty())
            .take(limit)
            .map(|c| Choice {
                label: c.name.clone(),
                value: c.name.clone(),
            })
            .collect()
    }

    /// Every country in some group's member list, in the order the lists name them first.
    pub fn members(&self) -> impl Iterator<Item = &Country> {
        self.countries.iter().filter(|c| !c.groups.is_empty())
    }
}

/// The groups of `country`, from `dataset`.
pub fn groups_of<'d>(dataset: &'d Dataset, country: &Country) -> Vec<&'d Group> {
    country.groups.iter().map(|&g| &dataset[g]).collect()
}
