//! Deterministic synthetic datasets: thousands of experts and groups with realistic names,
//! for benchmarks and for limit tests (`Spec`), and libraries of many articles whose experts
//! speak again in later ones (`LibrarySpec`), and articles' texts of any length for `import`
//! (`article_text`); and the labelled questions of `/ask` read into rows (`labelled`). The same
//! spec always gives the same JSON text.

mod article;
pub mod labelled;
mod library;
mod words;

pub use article::article_text;
pub use library::{LibrarySpec, library_json};

use serde_json::{Value, json};

use words::{
    COUNTRIES, FIRST_NAMES, GROUP_ADJECTIVES, GROUP_FORMS, GROUP_TOPICS, ORG_FORMS, ROLE_TITLES,
    Taken, slug, surname,
};

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// Experts, groups and organisations together.
    pub entities: usize,
    pub seed: u64,
    /// Quotes, wishes and names near Discord's limits, to test that replies are cut to fit.
    pub long_texts: bool,
}

/// splitmix64: small, fast, and the same everywhere (also the tests' generator of articles).
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (which must not be 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
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
        let name = if taken.len() > orgs_n + experts_n + 3000 {
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

/// `name` with its fourth letter dropped: the typo the benchmarks ask a name with.
pub fn typo(name: &str) -> String {
    name.chars()
        .enumerate()
        .filter(|(i, _)| *i != 3)
        .map(|(_, c)| c)
        .collect()
}

/// `n` search queries of one to four words for a synthetic dataset: runs of words from its
/// passages (so most find something), one in ten with a letter dropped (a typo), one in ten
/// a word the data does not hold. The same `spec` and `n` give the same queries, so two search
/// engines can be timed on one set.
pub fn search_queries(spec: Spec, n: usize) -> Vec<String> {
    let value = dataset_value(spec);
    let passages = value["passages"].as_array().cloned().unwrap_or_default();
    let mut rng = Rng(spec.seed ^ 0x5EA2_C4E5);
    let mut out = Vec::with_capacity(n);
    while out.len() < n && !passages.is_empty() {
        let text = passages[rng.below(passages.len())]["text"]
            .as_str()
            .unwrap_or_default();
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .collect();
        if words.is_empty() {
            continue;
        }
        let len = 1 + rng.below(4).min(words.len() - 1);
        let start = rng.below(words.len() - len + 1);
        let mut query: Vec<String> = words[start..start + len]
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        match rng.below(10) {
            0 => {
                let w = &mut query[0];
                if w.chars().count() > 4 {
                    let cut = rng.below(w.chars().count());
                    *w = w
                        .chars()
                        .enumerate()
                        .filter(|(i, _)| *i != cut)
                        .map(|(_, c)| c)
                        .collect();
                }
            }
            1 => query[0] = "zyxwvut".to_string(),
            _ => {}
        }
        out.push(query.join(" "));
    }
    out
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
        let queries = search_queries(
            Spec {
                entities: 500,
                seed: 7,
                long_texts: false,
            },
            200,
        );
        assert_eq!(queries.len(), 200);
        assert_eq!(
            queries,
            search_queries(
                Spec {
                    entities: 500,
                    seed: 7,
                    long_texts: false
                },
                200
            )
        );
        assert!(
            queries
                .iter()
                .all(|q| (1..=4).contains(&q.split(' ').count()))
        );
    }
}
