//! The dataset: faithful to the article, and loading reports every problem with its place.

use minilateral::dataset::{DataText, Dataset, Problem};

use crate::{bundled, fixture_text};

fn load_fixture(rel: &str) -> Result<Dataset, Vec<Problem>> {
    Dataset::load(&[DataText::new(rel, fixture_text(rel))]).map_err(|e| e.problems)
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// Collapses the article's line breaks as our quotes keep them: exact characters only.
fn article() -> String {
    fixture_text("article.txt")
}

#[test]
fn every_quote_is_verbatim_in_the_article() {
    let article = article();
    let d = bundled();
    let mut checked = 0;
    for e in d.experts() {
        for q in &e.quotes {
            assert!(
                article.contains(q.as_str()),
                "{}: quote not in article: {q}",
                e.id
            );
            checked += 1;
        }
        assert!(article.contains(e.byline.as_str()), "{}: byline", e.id);
        for w in &e.wishes {
            assert!(
                article.contains(w.text.as_str()),
                "{}: wish: {}",
                e.id,
                w.text
            );
        }
        for r in &e.roles {
            if let Some(text) = &r.as_written {
                assert!(article.contains(text.as_str()), "{}: role {text}", e.id);
            }
        }
    }
    for entity in d.entities() {
        for n in entity.notes() {
            assert!(
                article.contains(n.text.as_str()),
                "{}: note {}",
                entity.id(),
                n.text
            );
        }
    }
    for g in d.groups() {
        if let Some(text) = &g.members.as_written {
            assert!(article.contains(text.as_str()), "{}: members", g.id);
        }
    }
    for p in d.publications() {
        assert!(article.contains(p.title.as_str()), "{}: title", p.id);
    }
    let s = &d.sources()[0];
    assert!(article.starts_with(&format!("{}\n{}\n", s.title, s.question)));
    assert!(checked >= 8, "only {checked} quotes checked");
}

#[test]
fn bundled_dataset_has_what_the_article_names() {
    let d = bundled();
    let names: Vec<&str> = d.experts().iter().map(|e| e.name.as_str()).collect();
    for name in [
        "Sara Pantuliano",
        "Antonio Weiss",
        "Chris Meserole",
        "Tanya Filer",
        "Jose W. Fernandez",
    ] {
        assert!(names.contains(&name), "missing {name}");
    }
    let panel: Vec<&str> = d
        .experts()
        .iter()
        .filter(|e| e.panel)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(panel.len(), 4, "{panel:?}");

    // Meserole's numbered list is three separate wishes.
    let meserole = d.expert("chris-meserole").unwrap();
    assert_eq!(meserole.wishes.len(), 3);
    assert!(meserole.wishes.iter().all(|w| w.year == 2024));
    assert!(meserole.roles.iter().any(|r| !r.current));

    // The publication links its two co-authors.
    let weiss = d.expert("antonio-weiss").unwrap().id.clone();
    let filer = d.expert("tanya-filer").unwrap().id.clone();
    let pubs: Vec<_> = d.publications_of(&weiss).collect();
    assert_eq!(pubs.len(), 1);
    assert!(pubs[0].authors.contains(&filer));

    // Groups: I2U2's members are the article's; the others' are background.
    use minilateral::dataset::Provenance;
    let i2u2 = d.group("i2u2").unwrap();
    assert_eq!(i2u2.members.source, Provenance::Article);
    assert_eq!(i2u2.members.states.len(), 4);
    for id in ["g7", "brics", "3si"] {
        assert_eq!(
            d.group(id).unwrap().members.source,
            Provenance::Background,
            "{id}"
        );
    }
    assert_eq!(d.group("g7").unwrap().members.states.len(), 7);

    // Who speaks of what: Filer of G7, I2U2 and 3SI; Meserole of G7.
    let speakers = |id: &str| -> Vec<String> {
        let e = d.entity(id).unwrap();
        d.speakers_of(e).map(|x| x.id.to_string()).collect()
    };
    assert_eq!(speakers("g7"), ["chris-meserole", "tanya-filer"]);
    assert_eq!(speakers("i2u2"), ["tanya-filer"]);
    assert_eq!(speakers("3si"), ["tanya-filer"]);
    assert!(speakers("brics").is_empty());
    assert_eq!(d.wish_years(), [2024]);
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let problems = load_fixture("broken/syntax-line2.json").unwrap_err();
    assert_eq!(problems.len(), 1);
    match &problems[0] {
        Problem::Json {
            file, line, column, ..
        } => {
            assert_eq!(file, "broken/syntax-line2.json");
            assert_eq!(*line, 2);
            assert!(*column > 0);
        }
        other => panic!("expected a JSON problem, got {other:?}"),
    }
    assert!(
        problems[0]
            .to_string()
            .starts_with("broken/syntax-line2.json:2:")
    );
}

#[test]
fn a_duplicate_id_names_the_entity() {
    let problems = load_fixture("broken/duplicate-id.json").unwrap_err();
    let m = messages(&problems);
    assert!(
        m.iter()
            .any(|p| p.contains("expert \"ann-example\"") && p.contains("duplicate id")),
        "{m:#?}"
    );
}

#[test]
fn a_dangling_reference_names_entity_field_and_target() {
    let problems = load_fixture("broken/dangling-reference.json").unwrap_err();
    let m = messages(&problems);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert!(m[0].contains("expert \"ann-example\""), "{}", m[0]);
    assert!(m[0].contains("roles[0].organisation"), "{}", m[0]);
    assert!(m[0].contains("\"nowhere-inc\""), "{}", m[0]);
}

#[test]
fn a_shared_alias_names_both_entities() {
    let problems = load_fixture("broken/alias-clash.json").unwrap_err();
    let m = messages(&problems);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert!(m[0].contains("group \"g7-copy\""), "{}", m[0]);
    assert!(m[0].contains("group \"g7\""), "{}", m[0]);
    assert!(
        m[0].contains("\"G-7\"") && m[0].contains("\"G7\""),
        "{}",
        m[0]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = load_fixture("broken/several.json").unwrap_err();
    let m = messages(&problems);
    assert!(m.iter().any(|p| p.contains("`name` is empty")), "{m:#?}");
    assert!(m.iter().any(|p| p.contains("every expert needs")), "{m:#?}");
    assert!(m.iter().any(|p| p.contains("year 20024")), "{m:#?}");
}

#[test]
fn a_dataset_can_be_split_across_files() {
    let files: Vec<DataText> = ["split/1-sources.json", "split/2-people.json"]
        .iter()
        .map(|f| DataText::new(*f, fixture_text(f)))
        .collect();
    let d = Dataset::load(&files).expect("split dataset loads");
    assert_eq!(d.experts().len(), 1);
    assert_eq!(d.bodies().len(), 1);
    // Either file alone is broken: the references cross files.
    let alone = Dataset::load(&files[1..]).unwrap_err();
    assert!(alone.to_string().contains("split/2-people.json"), "{alone}");
}

#[test]
fn unknown_fields_are_refused_with_their_place() {
    let text = "{\n  \"experts\": [],\n  \"expertz\": []\n}\n";
    let err = Dataset::load(&[DataText::new("typo.json", text)]).unwrap_err();
    let m = err.to_string();
    assert!(m.contains("typo.json:3:"), "{m}");
    assert!(m.contains("expertz"), "{m}");
}
