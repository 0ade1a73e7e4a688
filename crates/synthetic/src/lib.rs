//! Deterministic synthetic datasets: thousands of experts and groups with realistic names,
//! for benchmarks and for limit tests. The same `Spec` always gives the same JSON text.

use std::collections::HashSet;

use serde_json::{Value, json};

use minilateral_core::fold;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// Experts, groups and organisations together.
    pub entities: usize,
    pub seed: u64,
    /// Quotes, wishes and names near Discord's limits, to test that replies are cut to fit.
    pub long_texts: bool,
}

const FIRST_NAMES: &[&str] = &[
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

const SYLLABLES: &[&str] = &[
    "an", "bar", "ber", "bo", "car", "chen", "da", "del", "den", "dor", "ek", "el", "fa", "fer",
    "gar", "gen", "ha", "hol", "in", "ka", "kov", "la", "lin", "lo", "man", "mar", "mel", "mi",
    "mon", "na", "nen", "no", "ov", "pa", "per", "ra", "ri", "ro", "sa", "sen", "ski", "son", "ta",
    "ter", "to", "val", "ven", "vi", "wa", "yer", "za", "zo",
];

const GROUP_ADJECTIVES: &[&str] = &[
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
const GROUP_TOPICS: &[&str] = &[
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
const GROUP_FORMS: &[&str] = &[
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
const ORG_FORMS: &[&str] = &[
    "Institute",
    "Foundation",
    "Centre",
    "Lab",
    "Observatory",
    "Trust",
    "Council",
];
const ROLE_TITLES: &[&str] = &[
    "Director",
    "Senior Fellow",
    "Chief Executive",
    "Research Lead",
    "Professor",
    "Adviser",
    "Programme Head",
];
const COUNTRIES: &[&str] = &[
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

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Names already given out, folded as the dataset's clash check folds them.
#[derive(Default)]
struct Taken(HashSet<String>);

impl Taken {
    /// Claims `name` (and its acronym-free compact form); false if it clashes.
    fn claim(&mut self, name: &str) -> bool {
        let key = fold::compact(&fold::fold(name));
        !key.is_empty() && self.0.insert(key)
    }
}

fn surname(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut s: String = (0..n).map(|_| rng.pick(SYLLABLES)).collect();
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

fn slug(name: &str) -> String {
    fold::fold(name).replace(' ', "-")
}

/// The JSON text of a synthetic dataset, ready for `Dataset::load`.
pub fn dataset_json(spec: Spec) -> String {
    serde_json::to_string(&dataset_value(spec)).expect("JSON values serialise")
}

fn dataset_value(spec: Spec) -> Value {
    let mut rng = Rng(spec.seed);
    let mut taken = Taken::default();
    let mut passages = Passages::default();
    let orgs_n = (spec.entities / 50).max(1);
    let groups_n = (spec.entities / 10).max(1);
    let experts_n = spec.entities.saturating_sub(orgs_n + groups_n).max(1);
    let long = |base: String, target: usize| -> String {
        if !spec.long_texts {
            return base;
        }
        let mut s = base;
        while s.chars().count() < target {
            s.push_str(" and further cooperation on technology standards, données, 数据");
        }
        s
    };

    passages.add(
        "synthetic-title".to_string(),
        json!({"kind": "title"}),
        long("A synthetic dataset".to_string(), 400),
    );
    passages.add(
        "synthetic-question".to_string(),
        json!({"kind": "question"}),
        "What would you like to see?".to_string(),
    );

    let mut bodies = Vec::with_capacity(orgs_n);
    while bodies.len() < orgs_n {
        let name = format!("{} {}", surname(&mut rng), rng.pick(ORG_FORMS));
        if !taken.claim(&name) {
            continue;
        }
        bodies.push(json!({
            "id": slug(&name), "name": name, "kind": "organisation", "source": "synthetic",
        }));
    }

    let mut experts = Vec::with_capacity(experts_n);
    let mut expert_ids = Vec::with_capacity(experts_n);
    while experts.len() < experts_n {
        let first = rng.pick(FIRST_NAMES);
        let middle = if rng.below(4) == 0 {
            format!(" {}.", (b'A' + rng.below(26) as u8) as char)
        } else {
            String::new()
        };
        let name = format!("{first}{middle} {}", surname(&mut rng));
        let name = if spec.long_texts && experts.len() % 7 == 0 {
            long(name, 300)
        } else {
            name
        };
        if !taken.claim(&name) {
            continue;
        }
        let id = {
            let s = slug(&name);
            let mut s: String = s.chars().take(48).collect();
            s = s.trim_end_matches('-').to_string();
            format!("{s}-{}", experts.len())
        };
        let org = bodies[rng.below(bodies.len())]["id"].clone();
        let org_id = org.as_str().unwrap_or("").to_string();
        passages.add(
            format!("{id}-byline"),
            json!({"kind": "byline", "concerns": [&id, &org_id]}),
            long(
                format!("{name} is {} at {org_id}.", rng.pick(ROLE_TITLES)),
                1000,
            ),
        );
        for q in 0..1 + rng.below(2) {
            let text = long(
                format!(
                    "Minilaterals on {} can act with agility where larger forums stall.",
                    rng.pick(GROUP_TOPICS).to_lowercase()
                ),
                5000,
            );
            passages.add(
                format!("{id}-s{q}"),
                json!({"kind": "statement", "speaker": &id}),
                text,
            );
        }
        for w in 0..1 + rng.below(3) {
            let year = 2023 + rng.below(3) as i32;
            let text = long(
                format!(
                    "More open cooperation on {} in wish {w}",
                    rng.pick(GROUP_TOPICS).to_lowercase()
                ),
                1500,
            );
            passages.add(
                format!("{id}-w{w}"),
                json!({"kind": "wish", "speaker": &id, "year": year}),
                text,
            );
        }
        expert_ids.push(id.clone());
        experts.push(json!({
            "id": id, "name": name, "aliases": [], "credentials": ["PhD"], "panel": true,
            "roles": [{"title": long(rng.pick(ROLE_TITLES).to_string(), 200), "organisation": org, "current": true}],
            "source": "synthetic",
        }));
    }

    let mut groups = Vec::with_capacity(groups_n);
    while groups.len() < groups_n {
        let name = format!(
            "{} {} {}",
            rng.pick(GROUP_ADJECTIVES),
            rng.pick(GROUP_TOPICS),
            rng.pick(GROUP_FORMS)
        );
        // Past the combinations of three words, add a surname so names stay unique.
        let name = if taken.0.len() > orgs_n + experts_n + 3000 {
            format!("{} {name}", surname(&mut rng))
        } else {
            name
        };
        if !taken.claim(&name) {
            continue;
        }
        let members: Vec<&str> = (0..3 + rng.below(5)).map(|_| rng.pick(COUNTRIES)).collect();
        let said_by = &expert_ids[rng.below(expert_ids.len())];
        let id = format!("{}-{}", slug(&name), groups.len());
        passages.add(
            format!("{id}-note"),
            json!({"kind": "statement", "speaker": said_by, "concerns": [&id]}),
            long(format!("The {name} lacks a permanent secretariat."), 3000),
        );
        groups.push(json!({
            "id": id, "name": name,
            "full_name_source": "background", "aliases": [],
            "members": {"source": "background", "as_of": 2024, "states": members},
            "source": "synthetic",
        }));
    }

    let Passages { list, text } = passages;
    json!({
        "sources": [{
            "id": "synthetic", "year": 2024, "theme": "minilateralism",
            "summary": long("Generated for benchmarks and limit tests.".to_string(), 3000),
            "text": text,
        }],
        "experts": experts, "groups": groups, "bodies": bodies, "publications": [],
        "passages": list,
    })
}

/// The passages of a synthetic dataset, and the source text they are excerpts of: each
/// passage's text on a line of its own, in order.
#[derive(Default)]
struct Passages {
    list: Vec<Value>,
    text: String,
}

impl Passages {
    /// Adds a passage with these `fields` (kind, speaker, …) and `text`.
    fn add(&mut self, id: String, mut fields: Value, text: String) {
        fields["id"] = Value::String(id);
        fields["source"] = Value::String("synthetic".to_string());
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(&text);
        fields["text"] = Value::String(text);
        self.list.push(fields);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minilateral_core::dataset::{DataText, Dataset};

    #[test]
    fn generated_datasets_are_valid_and_deterministic() {
        for long_texts in [false, true] {
            let spec = Spec {
                entities: 500,
                seed: 7,
                long_texts,
            };
            let text = dataset_json(spec);
            assert_eq!(text, dataset_json(spec));
            let d = Dataset::load(&[DataText::new("synthetic.json", text)]).unwrap();
            assert!(d.experts().len() + d.groups().len() + d.bodies().len() >= 500);
        }
    }
}
