//! The words a synthetic dataset is made of (name parts, topics, role titles, countries),
//! and how names are made from them without two folding to the same key.

use std::collections::HashSet;

use minilateral_core::fold;

use crate::Rng;

pub(crate) const FIRST_NAMES: &[&str] = &[
    "Aaliyah",
    "Abdul",
    "Ada",
    "Adrian",
    "Aiko",
    "Akira",
    "Alejandro",
    "Amara",
    "Amina",
    "Ana",
    "Andrea",
    "Anil",
    "Anna",
    "Arjun",
    "Astrid",
    "Ayesha",
    "Beatriz",
    "Bilal",
    "Bjorn",
    "Camila",
    "Carlos",
    "Chen",
    "Chiara",
    "Chidi",
    "Claire",
    "Daniel",
    "Dario",
    "Deepa",
    "Diego",
    "Dmitri",
    "Elena",
    "Elif",
    "Emeka",
    "Emma",
    "Farah",
    "Fatima",
    "Felipe",
    "Fiona",
    "Gabriel",
    "Grace",
    "Hana",
    "Hannah",
    "Hassan",
    "Hiroshi",
    "Ibrahim",
    "Ines",
    "Ingrid",
    "Isaac",
    "Ivan",
    "Jamal",
    "Javier",
    "Jin",
    "Joao",
    "Jonas",
    "Julia",
    "Kai",
    "Kamala",
    "Karim",
    "Kenji",
    "Kofi",
    "Lars",
    "Layla",
    "Leila",
    "Liam",
    "Lina",
    "Lucia",
    "Luis",
    "Maya",
    "Mehmet",
    "Mei",
    "Miguel",
    "Mira",
    "Mohammed",
    "Nadia",
    "Naveen",
    "Nia",
    "Nikolai",
    "Noor",
    "Olga",
    "Omar",
    "Pablo",
    "Priya",
    "Rafael",
    "Rahul",
    "Rania",
    "Ravi",
    "Rosa",
    "Sakura",
    "Samir",
    "Sofia",
    "Sven",
    "Tariq",
    "Thabo",
    "Tomas",
    "Valentina",
    "Wei",
    "Yara",
    "Yusuf",
    "Zainab",
    "Zhang",
    "Zoe",
];

pub(crate) const SYLLABLES: &[&str] = &[
    "an", "bar", "ber", "bo", "car", "chen", "da", "del", "den", "dor", "ek", "el", "fa", "fer",
    "gar", "gen", "ha", "hol", "in", "ka", "kov", "la", "lin", "lo", "man", "mar", "mel", "mi",
    "mon", "na", "nen", "no", "ov", "pa", "per", "ra", "ri", "ro", "sa", "sen", "ski", "son", "ta",
    "ter", "to", "val", "ven", "vi", "wa", "yer", "za", "zo",
];

pub(crate) const GROUP_ADJECTIVES: &[&str] = &[
    "Nordic",
    "Pacific",
    "Atlantic",
    "Andean",
    "Alpine",
    "Arctic",
    "Baltic",
    "Caspian",
    "Coastal",
    "Danube",
    "Eastern",
    "Gulf",
    "Indian Ocean",
    "Mekong",
    "Mediterranean",
    "Northern",
    "Sahel",
    "Southern",
    "Western",
    "Highland",
    "Island",
    "Continental",
    "Equatorial",
    "Polar",
];
pub(crate) const GROUP_TOPICS: &[&str] = &[
    "Digital",
    "Data",
    "Cyber",
    "Semiconductor",
    "Quantum",
    "Space",
    "Energy",
    "Climate Tech",
    "AI Safety",
    "Connectivity",
    "Biotech",
    "Critical Minerals",
    "Cloud",
    "Open Source",
    "Standards",
    "Telecom",
];
pub(crate) const GROUP_FORMS: &[&str] = &[
    "Compact",
    "Alliance",
    "Partnership",
    "Forum",
    "Dialogue",
    "Council",
    "Initiative",
    "Network",
    "Accord",
    "Coalition",
];
pub(crate) const ORG_FORMS: &[&str] = &[
    "Institute",
    "Foundation",
    "Centre",
    "Lab",
    "Observatory",
    "Trust",
    "Council",
];
pub(crate) const ROLE_TITLES: &[&str] = &[
    "Director",
    "Senior Fellow",
    "Chief Executive",
    "Research Lead",
    "Professor",
    "Adviser",
    "Programme Head",
];
pub(crate) const COUNTRIES: &[&str] = &[
    "Argentina",
    "Australia",
    "Brazil",
    "Canada",
    "Chile",
    "Denmark",
    "Egypt",
    "Estonia",
    "Finland",
    "France",
    "Germany",
    "Ghana",
    "India",
    "Indonesia",
    "Japan",
    "Kenya",
    "Korea",
    "Mexico",
    "Nigeria",
    "Norway",
    "Poland",
    "Singapore",
    "Spain",
    "Sweden",
    "Vietnam",
];

/// Names already given out, folded as the dataset's clash check folds them.
#[derive(Default)]
pub(crate) struct Taken(HashSet<String>);

impl Taken {
    /// Claims `name` (and its acronym-free compact form); false if it clashes.
    pub(crate) fn claim(&mut self, name: &str) -> bool {
        let key = fold::compact(&fold::fold(name));
        !key.is_empty() && self.0.insert(key)
    }

    /// How many names have been claimed.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

pub(crate) fn surname(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut s: String = (0..n).map(|_| rng.pick(SYLLABLES)).collect();
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

pub(crate) fn slug(name: &str) -> String {
    fold::fold(name).replace(' ', "-")
}
