//! Matching quality: the labelled query table, and properties over arbitrary input.

use minilateral::dataset::{Entity, Kind};
use minilateral::fold::fold;
use minilateral::matching::{Matcher, Outcome};
use proptest::prelude::*;

use crate::{bundled, fixture_text};
use minilateral::reply::Visibility;

/// A score as something to sort by (scores are never NaN).
fn ordered(score: f64) -> i64 {
    (score * 1_000_000.0).round() as i64
}

/// One row of `tests/fixtures/queries.tsv`.
struct Row {
    kind: Kind,
    query: String,
    expected: String,
    /// A fixture dataset instead of the bundled one.
    data: Option<String>,
}

fn rows() -> Vec<Row> {
    fixture_text("queries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!((3..=4).contains(&cols.len()), "bad row: {l:?}");
            let kind = match cols[0] {
                "expert" => Kind::Expert,
                "group" => Kind::Group,
                "body" => Kind::Body,
                other => panic!("bad kind {other}"),
            };
            Row {
                kind,
                query: cols[1].to_string(),
                expected: cols[2].to_string(),
                data: cols.get(3).map(|d| d.to_string()),
            }
        })
        .collect()
}

#[test]
fn the_labelled_query_table_passes_in_full() {
    let bundled = Matcher::new(&bundled());
    let mut fixtures: std::collections::HashMap<String, Matcher> = Default::default();
    let rows = rows();
    assert!(rows.len() >= 60, "only {} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let m = match &row.data {
            None => &bundled,
            Some(file) => fixtures.entry(file.clone()).or_insert_with(|| {
                let path = minilateral::datafiles::DataPath::Path(crate::fixture(file));
                Matcher::new(&minilateral::datafiles::load(&path).expect("fixture loads"))
            }),
        };
        let r = m.resolve(row.kind, &row.query);
        let ok = match row.expected.as_str() {
            "NONE" => r.outcome == Outcome::None,
            "UNSURE" => r.outcome != Outcome::Match,
            // A question whose buttons offer each of these.
            ask if ask.starts_with("ASK:") => {
                r.outcome == Outcome::Ambiguous
                    && ask[4..]
                        .split(',')
                        .all(|id| r.candidates.iter().any(|c| c.id.as_str() == id))
            }
            id => r.outcome == Outcome::Match && r.id.as_ref().map(|i| i.as_str()) == Some(id),
        };
        if !ok {
            failures.push(format!(
                "{:?} {:?}: expected {}, got {:?} {:?} {:?}",
                row.kind,
                row.query,
                row.expected,
                r.outcome,
                r.id,
                r.candidates
                    .iter()
                    .map(|c| (c.id.as_str(), c.score))
                    .collect::<Vec<_>>()
            ));
        }
    }
    let passed = rows.len() - failures.len();
    println!(
        "query table: {passed}/{} right ({:.1}%)",
        rows.len(),
        100.0 * passed as f64 / rows.len() as f64
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn scores_are_in_the_unit_interval_and_sorted() {
    let d = bundled();
    let m = Matcher::new(&d);
    // Tier first; among likenesses, edits within a typo's reach (two), then score.
    let order = |c: &minilateral::matching::Candidate| {
        let edits = match (c.tier, c.edits) {
            (minilateral::matching::Tier::Fuzzy, Some(e)) if e.count <= 2 => e.count,
            (minilateral::matching::Tier::Fuzzy, _) => 3,
            _ => 0,
        };
        (
            std::cmp::Reverse(c.tier),
            edits,
            std::cmp::Reverse(ordered(c.score)),
        )
    };
    for row in rows().into_iter().filter(|r| r.data.is_none()) {
        let r = m.resolve(row.kind, &row.query);
        for w in r.candidates.windows(2) {
            assert!(order(&w[0]) <= order(&w[1]), "{:?}", row.query);
        }
        for c in &r.candidates {
            assert!(
                c.score > 0.0 && c.score <= 1.0,
                "{:?}: {}",
                row.query,
                c.score
            );
        }
    }
}

#[test]
fn a_name_of_the_other_kind_does_not_match() {
    let d = bundled();
    let m = Matcher::new(&d);
    assert_eq!(m.resolve(Kind::Group, "Tanya Filer").outcome, Outcome::None);
    assert_eq!(
        m.resolve(Kind::Expert, "Tanya Filer").outcome,
        Outcome::Match
    );
}

#[test]
fn several_close_names_are_ambiguous() {
    // Two experts who share a first name: "chris" cannot pick one.
    let d = minilateral::dataset::Dataset::load(&[minilateral::dataset::DataText::new(
        "two-chrises.json",
        fixture_text("two-chrises.json"),
    )])
    .unwrap();
    let m = Matcher::new(&d);
    let r = m.resolve(Kind::Expert, "chris");
    assert_eq!(r.outcome, Outcome::Ambiguous, "{r:?}");
    assert_eq!(r.candidates.len(), 2);
    assert!(r.id.is_none() && r.name.is_none());
    assert_eq!(
        m.resolve(Kind::Expert, "chris other").outcome,
        Outcome::Match
    );
}

#[test]
fn completion_ranks_and_labels() {
    let d = bundled();
    let m = Matcher::new(&d);
    let all = |_: &minilateral::dataset::Id| true;
    let c = m.complete(Kind::Expert, "pan", &all);
    assert_eq!(c[0].value, "sara-pantuliano");
    assert_eq!(c[0].label, "Sara Pantuliano — CEO, ODI");
    // Empty input lists every expert, in name order.
    let c = m.complete(Kind::Expert, "", &all);
    assert_eq!(c.len(), 5);
    assert_eq!(c[0].value, "antonio-weiss");
    // An id given back resolves exactly.
    let c = m.complete(Kind::Group, "3si", &all);
    assert_eq!(c[0].value, "3si");
    // A matched alias is shown in the label.
    let c = m.complete(Kind::Group, "three", &all);
    assert_eq!(c[0].value, "3si");
    assert!(c[0].label.contains("Three Seas"), "{}", c[0].label);
    // Prefix before substring: "g" lists G7 first.
    let c = m.complete(Kind::Group, "g", &all);
    assert_eq!(c[0].value, "g7");
    // A filter keeps only what the context allows.
    let only_filer = |id: &minilateral::dataset::Id| id.as_str() == "tanya-filer";
    let c = m.complete(Kind::Expert, "", &only_filer);
    assert_eq!(c.len(), 1);
    // Typos still complete.
    let c = m.complete(Kind::Expert, "meserol", &all);
    assert_eq!(c[0].value, "chris-meserole");
    let c = m.complete(Kind::Expert, "fyler", &all);
    assert_eq!(c.first().map(|c| c.value.as_str()), Some("tanya-filer"));
}

#[test]
fn every_name_and_alias_resolves_to_its_own_entity() {
    let d = bundled();
    let m = Matcher::new(&d);
    for e in d.entities() {
        let kind = match e {
            Entity::Expert(_) => Kind::Expert,
            Entity::Group(_) => Kind::Group,
            Entity::Body(_) => Kind::Body,
        };
        for name in e.names() {
            let r = m.resolve(kind, name);
            assert_eq!(r.id.as_ref(), Some(e.id()), "{name:?}: {r:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,6000}") {
        let d = bundled_once();
        let m = matcher_once();
        let _ = d;
        for kind in [Kind::Expert, Kind::Group] {
            let r = m.resolve(kind, &text);
            prop_assert!(r.candidates.iter().all(|c| c.score > 0.0 && c.score <= 1.0));
            let c = m.complete(kind, &text, &|_| true);
            prop_assert!(c.len() <= 25);
            prop_assert!(c.iter().all(|c| c.label.chars().count() <= 100 && !c.label.is_empty()));
        }
    }

    #[test]
    fn folding_is_idempotent(text in "\\PC{0,300}") {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn names_resolve_whatever_the_case_and_punctuation(
        pick in 0usize..1000,
        upper in proptest::collection::vec(any::<bool>(), 64),
        sep in prop::sample::select(vec![" ", "  ", "-", ". ", "_"]),
    ) {
        let d = bundled_once();
        let m = matcher_once();
        let entities: Vec<Entity<'_>> = d.entities().filter(|e| !matches!(e, Entity::Body(_))).collect();
        let e = entities[pick % entities.len()];
        let names = e.names();
        let name = names[pick % names.len()];
        let typed: String = name
            .split(' ')
            .collect::<Vec<_>>()
            .join(sep)
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &u)| if u { c.to_uppercase().next().unwrap() } else { c.to_lowercase().next().unwrap() })
            .collect();
        let kind = if matches!(e, Entity::Expert(_)) { Kind::Expert } else { Kind::Group };
        let r = m.resolve(kind, &typed);
        prop_assert_eq!(r.id.as_ref(), Some(e.id()), "{:?} -> {:?}", typed, r);
    }
}

fn bundled_once() -> &'static minilateral::dataset::Dataset {
    static D: std::sync::OnceLock<minilateral::dataset::Dataset> = std::sync::OnceLock::new();
    D.get_or_init(bundled)
}

fn matcher_once() -> &'static Matcher {
    static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    M.get_or_init(|| Matcher::new(bundled_once()))
}

/// A dataset of people with the given names (each CEO of "Org"), groups and bodies, loaded as
/// any dataset is.
pub fn people(names: &[&str], groups: &[(&str, &[&str])], bodies: &[(&str, &[&str])]) -> Matcher {
    Matcher::new(&people_data(names, groups, bodies))
}

/// The dataset of `people`.
pub fn people_data(
    names: &[&str],
    groups: &[(&str, &[&str])],
    bodies: &[(&str, &[&str])],
) -> minilateral::dataset::Dataset {
    use serde_json::json;
    let slug = |n: &str| fold(n).replace(' ', "-");
    // A second person of one name gets an id and a title of their own ("maria-garcia-2",
    // Chair): homonyms are two people.
    let ids: Vec<String> = names
        .iter()
        .enumerate()
        .map(
            |(i, n)| match names[..i].iter().filter(|m| *m == n).count() {
                0 => slug(n),
                k => format!("{}-{}", slug(n), k + 1),
            },
        )
        .collect();
    let experts: Vec<_> = names
        .iter()
        .zip(&ids)
        .map(|(n, id)| {
            let title = if id.ends_with(char::is_numeric) {
                "Chair"
            } else {
                "CEO"
            };
            json!({"id": id, "name": n, "panel": true, "source": "src",
                   "roles": [{"title": title, "organisation": "org", "current": true}]})
        })
        .collect();
    let groups: Vec<_> = groups
        .iter()
        .map(|(n, aliases)| {
            json!({"id": slug(n), "name": n, "aliases": aliases, "source": "src",
                   "full_name_source": "background",
                   "members": {"source": "background", "as_of": 2024, "states": ["Canada"]}})
        })
        .collect();
    let mut bodies: Vec<_> = bodies
        .iter()
        .map(|(n, aliases)| {
            json!({"id": slug(n), "name": n, "aliases": aliases, "kind": "organisation",
                   "source": "src"})
        })
        .collect();
    bodies.push(json!({"id": "org", "name": "Org", "kind": "organisation", "source": "src"}));
    // Each person's byline, for the article's text and its passages.
    let bylines: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{n} ({i}) is CEO of Org."))
        .collect();
    let mut passages = vec![
        json!({"id": "t", "source": "src", "kind": "title", "concerns": [], "text": "T"}),
        json!({"id": "q", "source": "src", "kind": "question", "concerns": [], "text": "Q?"}),
    ];
    for (id, b) in ids.iter().zip(&bylines) {
        passages.push(json!({"id": format!("{id}-byline"), "source": "src",
            "kind": "byline", "concerns": [id, "org"], "text": b}));
    }
    let text = format!("T\nQ?\n{}", bylines.join("\n"));
    let data = json!({
        "sources": [{"id": "src", "year": 2024, "theme": "t", "summary": "s", "text": text}],
        "experts": experts, "groups": groups, "bodies": bodies, "publications": [],
        "passages": passages
    });
    let files = [minilateral::dataset::DataText::new(
        "people.json",
        data.to_string(),
    )];
    minilateral::dataset::Dataset::load(&files).expect("the people load")
}

#[test]
fn a_higher_tier_is_never_outranked() {
    let m = people(
        &[
            "Min Ho",
            "Min Hou",
            "Chris Meserole Anderson-Smith",
            "Dana Meserolle",
        ],
        &[],
        &[],
    );
    // An exact name is a match, however close another name looks.
    let r = m.resolve(Kind::Expert, "min ho");
    assert_eq!(r.outcome, Outcome::Match, "{r:?}");
    assert_eq!(r.name.as_deref(), Some("Min Ho"));
    // A whole word of a name ranks above a fuzzy likeness with a higher score.
    let r = m.resolve(Kind::Expert, "meserole");
    assert_eq!(
        r.candidates[0].name, "Chris Meserole Anderson-Smith",
        "{r:?}"
    );
    assert_eq!(r.outcome, Outcome::Match, "{r:?}");
}

#[test]
fn several_people_at_one_organisation_are_offered_with_their_roles() {
    let m = people(&["Ann Lee", "Bo Chan"], &[], &[]);
    let r = m.resolve(Kind::Expert, "Org");
    assert_eq!(r.outcome, Outcome::Ambiguous, "{r:?}");
    assert_eq!(r.candidates.len(), 2);
    for c in &r.candidates {
        assert_eq!(c.via.as_ref().map(|v| v.role.as_str()), Some("CEO, Org"));
    }
    // A person's own name, typed exactly, is never outranked by an organisation's.
    let m = people(&["Org Smith", "Bo Chan"], &[], &[]);
    let r = m.resolve(Kind::Expert, "Org Smith");
    assert_eq!(r.name.as_deref(), Some("Org Smith"));
}

#[test]
fn two_people_of_one_name_load_and_are_always_a_choice() {
    let m = people(&["Maria Garcia", "Maria Garcia", "Mario Garcia"], &[], &[]);
    let r = m.resolve(Kind::Expert, "maria garcia");
    assert_eq!(r.outcome, Outcome::Ambiguous, "{r:?}");
    let ids: Vec<&str> = r.candidates.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["maria-garcia", "maria-garcia-2"]);
    let contexts: Vec<&str> = r.candidates.iter().map(|c| c.context.as_str()).collect();
    assert_eq!(contexts, ["CEO, Org", "Chair, Org"]);
}

#[test]
fn the_choice_between_two_people_of_one_name_shows_their_roles() {
    use minilateral::command::{Asked, NameOrId, Request};
    let k = minilateral::knowledge::Knowledge::new(people_data(
        &["Maria Garcia", "Maria Garcia"],
        &[],
        &[],
    ));
    let asked = Asked {
        request: Request::Expert {
            expert: NameOrId::Typed("Maria Garcia".into()),
        },
        visibility: Visibility::Public,
    };
    let reply = minilateral::answer::answer(&k, &asked);
    let labels: Vec<&str> = reply.buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Maria Garcia — CEO, Org", "Maria Garcia — Chair, Org"]
    );
}

#[test]
fn an_initial_must_agree() {
    let m = people(
        &[
            "Valérie Lévesque",
            "Anaïs Lévesque",
            "Antoine Lévesque",
            "Bernard Lévesque",
        ],
        &[],
        &[],
    );
    let r = m.resolve(Kind::Expert, "V. Lévesque");
    assert_eq!(r.name.as_deref(), Some("Valérie Lévesque"), "{r:?}");
    assert!(
        r.candidates.iter().all(|c| c.name.starts_with('V')),
        "{r:?}"
    );
    // Acronyms folded into letters and digits are not initials.
    let m = people(&["Ann Lee"], &[("I2U2", &[]), ("G7", &["G-7"])], &[]);
    assert_eq!(m.resolve(Kind::Group, "i2u2").outcome, Outcome::Match);
    assert_eq!(m.resolve(Kind::Group, "g 7").outcome, Outcome::Match);
}

/// A typo is one edit from the name meant: that name is answered when every other is further,
/// however alike the likeness scores (cases from the 100k evaluation, where they were asked).
#[test]
fn a_typo_of_one_name_is_answered_and_of_two_is_asked() {
    let m = people(
        &[
            "Priya Senlin",
            "Priya Senlinpa",
            "Priya E. Genlin",
            "Leila Senlinsa",
            "Mira Misen",
            "Mira Melsen",
            "Mira Melden",
            "Kai Takaza",
            "Kai Saka",
        ],
        &[],
        &[],
    );
    let r = m.resolve(Kind::Expert, "Peiya Senlin");
    assert_eq!(r.outcome, Outcome::Match, "{r:?}");
    assert_eq!(r.name.as_deref(), Some("Priya Senlin"));
    // One edit from two names: which one is a question, and both are offered.
    let r = m.resolve(Kind::Expert, "Mira Mesen");
    assert_eq!(r.outcome, Outcome::Ambiguous, "{r:?}");
    let offered: Vec<&str> = r.candidates.iter().map(|c| c.name.as_str()).collect();
    assert!(
        offered.contains(&"Mira Misen") && offered.contains(&"Mira Melsen"),
        "{offered:?}"
    );
    // A surname's beginning, beside a name one edit away: either could be meant.
    let r = m.resolve(Kind::Expert, "Kai Taka");
    assert_eq!(r.outcome, Outcome::Ambiguous, "{r:?}");
    let offered: Vec<&str> = r.candidates.iter().map(|c| c.name.as_str()).collect();
    assert!(
        offered.contains(&"Kai Takaza") && offered.contains(&"Kai Saka"),
        "{offered:?}"
    );
}

/// An acronym written in a name's parentheses, or made from its words with a number spelled
/// out, is that name's, never a likeness of another's ("3CA" is not Three Capitals Hub).
#[test]
fn an_acronym_is_its_own_names() {
    let data = people_data(
        &["Ann Lee"],
        &[],
        &[
            ("Three Coasts Academy (3CA)", &[]),
            ("Three Capitals Hub", &[]),
            ("Northern Data Trust", &[]),
        ],
    );
    let m = Matcher::new(&data);
    for (query, want) in [
        ("3CA", "Three Coasts Academy (3CA)"),
        ("3ca", "Three Coasts Academy (3CA)"),
        ("NDT", "Northern Data Trust"),
        ("3CH", "Three Capitals Hub"),
    ] {
        let r = m.resolve(Kind::Body, query);
        assert_eq!(r.outcome, Outcome::Match, "{query}: {r:?}");
        assert_eq!(r.name.as_deref(), Some(want), "{query}");
    }
}

/// Two-chrises.json with `other_names` on its group G7 set to `other` (`None`: left out).
fn with_other_names(
    other: Option<serde_json::Value>,
) -> Result<minilateral::dataset::Dataset, minilateral::dataset::LoadError> {
    let mut json: serde_json::Value =
        serde_json::from_str(&fixture_text("two-chrises.json")).unwrap();
    if let Some(other) = other {
        json["groups"][0]["other_names"] = other;
    }
    minilateral::dataset::Dataset::load(&[minilateral::dataset::DataText::new(
        "other-names.json",
        json.to_string(),
    )])
}

#[test]
fn other_names_answer_whole_and_are_found_in_messages() {
    let k = minilateral::knowledge::Knowledge::new(bundled());
    let found = |text: &str| -> Vec<String> {
        k.mentions(text)
            .into_iter()
            .map(|m| m.id.to_string())
            .collect()
    };
    assert_eq!(
        found("Is the West Asian Quad more than OBOR by another name? Ask Trójmorze."),
        ["i2u2", "bri", "3si"]
    );
    assert_eq!(found("the new silk road"), ["bri"]);
    // A word of an other name is not the group (the Quad is another one), nor an other name
    // written in capitals, in lower case.
    assert!(
        found("the quad met; an obor").is_empty(),
        "{:?}",
        found("the quad")
    );
    let m = Matcher::new(&bundled());
    assert_eq!(m.resolve(Kind::Group, "west asian").outcome, Outcome::None);
    assert_eq!(
        m.exact(Kind::Group, "West Asian Quad").map(|i| i.as_str()),
        Some("i2u2")
    );
}

#[test]
fn other_names_are_checked_loaded_and_exported() {
    // A file without the field loads as before, and exports null.
    let old = with_other_names(None).unwrap();
    let export = serde_json::to_value(minilateral::dataset::export::export(&old)).unwrap();
    assert_eq!(export["groups"][0]["other_names"], serde_json::Value::Null);
    assert_eq!(export["bodies"][0]["other_names"], serde_json::Value::Null);

    let d = with_other_names(Some(
        serde_json::json!({"names": ["Big Seven"], "as_of": 2024}),
    ))
    .unwrap();
    let export = serde_json::to_value(minilateral::dataset::export::export(&d)).unwrap();
    assert_eq!(
        export["groups"][0]["other_names"],
        serde_json::json!({"names": ["Big Seven"], "as_of": 2024})
    );
    let m = Matcher::new(&d);
    assert_eq!(
        m.resolve(Kind::Group, "big seven")
            .id
            .map(|i| i.to_string()),
        Some("g7".into())
    );

    // Refused: no names, a blank one, a year out of range, a name another entity has.
    for (other, says) in [
        (
            serde_json::json!({"names": [], "as_of": 2024}),
            "other_names.names",
        ),
        (
            serde_json::json!({"names": [" "], "as_of": 2024}),
            "other_names.names[0]",
        ),
        (
            serde_json::json!({"names": ["Big Seven"], "as_of": 24}),
            "other_names.as_of",
        ),
        (serde_json::json!({"names": ["Org"], "as_of": 2024}), "Org"),
        (serde_json::json!({"names": ["Big Seven"]}), "as_of"),
    ] {
        let err = with_other_names(Some(other.clone()))
            .unwrap_err()
            .to_string();
        assert!(err.contains(says), "{other}: {err}");
    }
}

#[test]
fn a_person_named_with_a_role_is_found_through_it() {
    let m = Matcher::new(&bundled());
    let best = |q: &str| m.resolve(Kind::Expert, q).best().cloned();
    let weiss = best("weiss bennett").expect("a match");
    assert_eq!(weiss.id.as_str(), "antonio-weiss");
    assert_eq!(
        weiss.via.map(|v| v.role),
        Some("Affiliated Researcher, Bennett Institute for Public Policy".to_string())
    );
    // The role that holds every word: Meserole's former Brookings role, not his current one.
    let meserole = best("the former director of brookings").expect("a match");
    assert!(meserole.via.unwrap().role.contains("Brookings"));
    // A short form with the surname is the name, not a role.
    let tony = best("tony weiss").expect("a match");
    assert_eq!((tony.id.as_str(), tony.via), ("antonio-weiss", None));
    // The reply says what it read.
    let k = minilateral::knowledge::Knowledge::new(bundled());
    let reply = crate::ask(&k, "/expert odi ceo");
    let text = serde_json::to_string(&*reply).unwrap();
    assert!(text.contains("through their role"), "{text}");
}
