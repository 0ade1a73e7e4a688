//! A synthetic library of articles: each with its own title, question, framing and panel,
//! experts who come back in later articles (a byline of their own in each), and groups and
//! bodies spoken of across articles. The same `LibrarySpec` always gives the same JSON text.

use std::collections::HashSet;

use serde_json::{Value, json};

use crate::Rng;
use crate::words::{
    CITIES, COUNTRIES, FIRST_NAMES, GROUP_ADJECTIVES, GROUP_FORMS, GROUP_TOPICS, ORG_FORMS,
    ROLE_TITLES, TITLE_FORMS, Taken, slug, surname,
};

/// What to generate: `articles` articles of about fifty passages each, with about five new
/// experts an article and three who spoke in an earlier one (1,000 articles: about 50,000
/// passages, 5,000 experts, 500 groups and 1,000 organisations).
#[derive(Clone, Copy, Debug)]
pub struct LibrarySpec {
    pub articles: usize,
    pub seed: u64,
}

/// The first year an article looks ahead to; the library spans `YEARS` years from it, in
/// order, so `/wish` has a dozen years of about the same size.
const FIRST_YEAR: i32 = 2015;
const YEARS: usize = 12;

/// The JSON text of a synthetic library (one file, every source's text inline), ready for
/// `Dataset::load`.
pub fn library_json(spec: LibrarySpec) -> String {
    let mut library = Library {
        rng: Rng(spec.seed),
        taken: Taken::default(),
        ids: HashSet::new(),
        titles: HashSet::new(),
        sources: Vec::new(),
        experts: Vec::new(),
        group_names: Vec::new(),
        body_names: Vec::new(),
        groups: Vec::new(),
        bodies: Vec::new(),
        passages: Vec::new(),
    };
    for i in 0..spec.articles {
        let year = FIRST_YEAR + (i * YEARS / spec.articles.max(1)) as i32;
        library.article(i, year);
    }
    let Library {
        sources,
        experts,
        groups,
        bodies,
        passages,
        ..
    } = library;
    let experts: Vec<Value> = experts.into_iter().map(|e| e.json).collect();
    serde_json::to_string(&json!({
        "sources": sources, "experts": experts, "groups": groups, "bodies": bodies,
        "publications": [], "passages": passages,
    }))
    .expect("JSON values serialise")
}

/// An expert as the articles after their first introduce them again.
struct Person {
    json: Value,
    id: String,
    /// "Ana Berlin, PhD is Director at Delman Institute."
    byline: String,
    org: String,
}

struct Library {
    rng: Rng,
    /// Entity names, folded as the dataset's clash check folds them.
    taken: Taken,
    /// Every id given out (sources, experts, groups, bodies), so that none is given twice.
    ids: HashSet<String>,
    /// The heads of titles given out ("Baltic Quantum Bets").
    titles: HashSet<String>,
    sources: Vec<Value>,
    experts: Vec<Person>,
    /// (id, name) of each group and body, with the JSON in `groups` and `bodies`.
    group_names: Vec<(String, String)>,
    body_names: Vec<(String, String)>,
    groups: Vec<Value>,
    bodies: Vec<Value>,
    passages: Vec<Value>,
}

/// One article being written: its text, and its passages in the order of the text.
struct Article {
    id: String,
    text: String,
    passages: Vec<Value>,
}

impl Article {
    /// A paragraph of the article: `sentences` (each a passage: its fields and its words)
    /// one after the other, between `open` and `close` (quotation marks, or nothing).
    fn paragraph(&mut self, open: &str, sentences: Vec<(Value, String)>, close: &str) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(open);
        for (n, (mut fields, words)) in sentences.into_iter().enumerate() {
            if n > 0 {
                self.text.push(' ');
            }
            self.text.push_str(&words);
            fields["id"] = json!(format!("{}-{}", self.id, self.passages.len()));
            fields["source"] = json!(self.id);
            fields["text"] = json!(words);
            self.passages.push(fields);
        }
        self.text.push_str(close);
    }
}

impl Library {
    fn article(&mut self, number: usize, year: i32) {
        let rng = &mut self.rng;
        let (adjective, topic, form) = loop {
            let parts = (
                rng.pick(GROUP_ADJECTIVES),
                rng.pick(GROUP_TOPICS),
                rng.pick(TITLE_FORMS),
            );
            if self
                .titles
                .insert(format!("{} {} {}", parts.0, parts.1, parts.2))
            {
                break parts;
            }
        };
        let head = format!("{adjective} {topic} {form}");
        // One article in ten has a long title and a short one to label it by.
        let long_title = number % 10 == 9;
        let title = if long_title {
            format!("{head} for Small Clubs and Their Partners: Tech Cooperation in {year}")
        } else {
            format!("{head}: Tech Cooperation in {year}")
        };
        let id = self.fresh_id(&format!("{}-{year}", slug(&head)));
        let mut article = Article {
            id: id.clone(),
            text: String::new(),
            passages: Vec::new(),
        };
        let topic = topic.to_lowercase();
        let of_text = json!({"kind": "title"});
        article.paragraph("", vec![(of_text, title)], "");
        let question = format!(
            "What should the {} clubs do on {topic} in {year}?",
            adjective.to_lowercase()
        );
        article.paragraph("", vec![(json!({"kind": "question"}), question)], "");

        let g1 = self.group(&id);
        let mut g2 = self.group(&id);
        for _ in 0..8 {
            if g2 != g1 {
                break;
            }
            g2 = self.group(&id);
        }
        let city = self.rng.pick(CITIES);
        let panel = 6 + self.rng.below(5);
        let mut framing = vec![(
            json!({"kind": "framing"}),
            format!("A year on, the small clubs of countries still argue about {topic}."),
        )];
        let (n1, n2) = (&self.group_names[g1], &self.group_names[g2]);
        let concerns = if g1 == g2 {
            vec![n1.0.clone()]
        } else {
            vec![n1.0.clone(), n2.0.clone()]
        };
        framing.push((
            json!({"kind": "framing", "concerns": concerns}),
            format!(
                "Delegates met in {city} as the {} and the {} compared notes.",
                n1.1, n2.1
            ),
        ));
        framing.push((
            json!({"kind": "framing"}),
            format!("We asked {panel} experts what they want the clubs to do in {year}."),
        ));
        article.paragraph("", framing, "");

        // About five new experts and, once there are some, three who spoke before; the
        // earlier an expert came, the likelier they come back, so a few speak in dozens.
        let known = self.experts.len();
        let returning = if known == 0 {
            0
        } else {
            (1 + self.rng.below(5)).min(known)
        };
        let mut speakers: Vec<usize> = Vec::new();
        for _ in 0..returning * 4 {
            if speakers.len() == returning {
                break;
            }
            let earlier = self.rng.below(known) + 1;
            let e = self.rng.below(earlier);
            if !speakers.contains(&e) {
                speakers.push(e);
            }
        }
        while speakers.len() < panel {
            speakers.push(self.expert(&id));
        }
        // Newcomers and returning experts take turns in the article.
        let shift = self.rng.below(speakers.len());
        speakers.rotate_left(shift);
        for e in speakers {
            self.answer(&mut article, e, &topic, year);
        }

        let mut source = json!({
            "id": id, "year": year, "theme": "minilateralism",
            "summary": format!("{panel} experts on what small clubs of countries should do on {topic} in {year}."),
            "text": article.text,
        });
        if number % 9 != 8 {
            let (month, day) = (10 + self.rng.below(3), 1 + self.rng.below(28));
            source["published"] = json!(format!("{}-{month:02}-{day:02}", year - 1));
        }
        if number % 7 != 6 {
            source["url"] = json!(format!("https://example.org/library/{id}"));
        }
        if long_title {
            source["short_title"] = json!(head);
        }
        self.sources.push(source);
        self.passages.extend(article.passages);
    }

    /// One expert's answer in `article`: statements and wishes in quotation marks, then the
    /// byline that introduces them in this article.
    fn answer(&mut self, article: &mut Article, e: usize, topic: &str, year: i32) {
        let speaker = self.experts[e].id.clone();
        let mut sentences = Vec::new();
        for _ in 0..2 + self.rng.below(2) {
            let statement = json!({"kind": "statement", "speaker": speaker});
            sentences.push(self.statement(statement, &article.id, topic));
        }
        for _ in 0..1 + self.rng.below(3) {
            // Most wishes are for the year the article looks ahead to, some for the next.
            let for_year = year + i32::from(self.rng.below(5) == 0);
            let wish = json!({"kind": "wish", "speaker": speaker, "year": for_year});
            sentences.push(self.wish(wish, &article.id, topic, for_year));
        }
        let at = self.rng.below(sentences.len());
        sentences.swap(0, at);
        article.paragraph("“", sentences, "”");
        let person = &self.experts[e];
        let byline = json!({"kind": "byline", "concerns": [person.id, person.org]});
        article.paragraph("", vec![(byline, person.byline.clone())], "");
    }

    fn statement(&mut self, mut fields: Value, source: &str, topic: &str) -> (Value, String) {
        let words = match self.rng.below(6) {
            0 => {
                let g = self.group(source);
                fields["concerns"] = json!([self.group_names[g].0]);
                format!(
                    "The {} lacks a permanent secretariat.",
                    self.group_names[g].1
                )
            }
            1 => {
                let b = self.rng.below(self.body_names.len());
                fields["concerns"] = json!([self.body_names[b].0]);
                format!(
                    "The {} has shown what a small budget can do for {topic}.",
                    self.body_names[b].1
                )
            }
            2 => format!("Cooperation on {topic} needs rules that outlast a single summit."),
            3 => format!("Without shared data, work on {topic} repeats itself in every capital."),
            _ => format!("Minilaterals on {topic} can act with agility where larger forums stall."),
        };
        (fields, words)
    }

    fn wish(&mut self, mut fields: Value, source: &str, topic: &str, year: i32) -> (Value, String) {
        let words = match self.rng.below(3) {
            0 => {
                let g = self.group(source);
                fields["concerns"] = json!([self.group_names[g].0]);
                let name = &self.group_names[g].1;
                format!("In {year} I hope the {name} agrees a common approach to {topic}.")
            }
            1 => {
                let b = self.rng.below(self.body_names.len());
                fields["concerns"] = json!([self.body_names[b].0]);
                let name = &self.body_names[b].1;
                format!("In {year} I want the {name} to publish what it spends on {topic}.")
            }
            _ => format!("In {year} I would like to see more open cooperation on {topic}."),
        };
        (fields, words)
    }

    /// A group for `source` to speak of: one in twenty times a new one (first named there).
    fn group(&mut self, source: &str) -> usize {
        if !self.group_names.is_empty() && self.rng.below(20) != 0 {
            return self.rng.below(self.group_names.len());
        }
        let name = loop {
            let name = format!(
                "{} {} {}",
                self.rng.pick(GROUP_ADJECTIVES),
                self.rng.pick(GROUP_TOPICS),
                self.rng.pick(GROUP_FORMS)
            );
            if self.taken.claim(&name) {
                break name;
            }
        };
        let mut states: Vec<&str> = Vec::new();
        for _ in 0..3 + self.rng.below(5) {
            let state = self.rng.pick(COUNTRIES);
            if !states.contains(&state) {
                states.push(state);
            }
        }
        let id = self.fresh_id(&slug(&name));
        self.groups.push(json!({
            "id": id, "name": name, "full_name_source": "background", "aliases": [],
            "members": {"source": "background", "as_of": 2024, "states": states},
            "source": source,
        }));
        self.group_names.push((id, name));
        self.group_names.len() - 1
    }

    /// A new expert, first introduced by `source`, working at an organisation (one in five
    /// times a new one).
    fn expert(&mut self, source: &str) -> usize {
        let org = if self.body_names.is_empty() || self.rng.below(5) == 0 {
            self.organisation(source)
        } else {
            self.rng.below(self.body_names.len())
        };
        let name = loop {
            let first = self.rng.pick(FIRST_NAMES);
            let middle = if self.rng.below(4) == 0 {
                format!(" {}.", (b'A' + self.rng.below(26) as u8) as char)
            } else {
                String::new()
            };
            let name = format!("{first}{middle} {}", surname(&mut self.rng));
            if self.taken.claim(&name) {
                break name;
            }
        };
        let id = self.fresh_id(&slug(&name));
        let doctor = self.rng.below(3) == 0;
        let title = self.rng.pick(ROLE_TITLES);
        let (org_id, org_name) = self.body_names[org].clone();
        let credentials = if doctor { ", PhD" } else { "" };
        let byline = format!("{name}{credentials} is {title} at the {org_name}.");
        let json = json!({
            "id": id, "name": name, "aliases": [],
            "credentials": if doctor { vec!["PhD"] } else { vec![] },
            "panel": true,
            "roles": [{"title": title, "organisation": org_id, "current": true}],
            "source": source,
        });
        self.experts.push(Person {
            json,
            id,
            byline,
            org: org_id,
        });
        self.experts.len() - 1
    }

    fn organisation(&mut self, source: &str) -> usize {
        let name = loop {
            let name = format!("{} {}", surname(&mut self.rng), self.rng.pick(ORG_FORMS));
            if self.taken.claim(&name) {
                break name;
            }
        };
        let id = self.fresh_id(&slug(&name));
        self.bodies.push(json!({
            "id": id, "name": name, "kind": "organisation", "aliases": [], "source": source,
        }));
        self.body_names.push((id, name));
        self.body_names.len() - 1
    }

    /// `wanted`, or `wanted-2`, `wanted-3` … when it is taken.
    fn fresh_id(&mut self, wanted: &str) -> String {
        let mut id = wanted.to_string();
        let mut n = 1;
        while !self.ids.insert(id.clone()) {
            n += 1;
            id = format!("{wanted}-{n}");
        }
        id
    }
}
