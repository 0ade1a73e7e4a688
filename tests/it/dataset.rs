//! The dataset: faithful to the article, and loading reports every problem with its place.

use minilateral::dataset::{DataText, Dataset, PassageKind, Problem, verbatim};

use crate::{bundled, fixture_text};

fn load_fixture(rel: &str) -> Result<Dataset, Vec<Problem>> {
    Dataset::load(&[DataText::new(rel, fixture_text(rel))]).map_err(|e| e.problems)
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// The article's text as the bundled dataset names it (`text_file`).
fn article() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("data/itc-2024.txt")).expect("the article's text")
}

#[test]
fn every_passage_is_verbatim_in_the_article_by_the_code_check_uses() {
    let article = article();
    let d = bundled();
    for p in d.passages() {
        let at = verbatim::locate(&article, &p.text, 0)
            .unwrap_or_else(|n| panic!("{}: not verbatim; nearest {n:?}", p.id))
            .start;
        // The loader placed it where it is, so cards and search keep the article's order.
        assert_eq!(p.at, (0, at), "{}", p.id);
        if let Some(lead) = &p.lead_in {
            assert!(article[..at].contains(lead.as_str()), "{}: lead-in", p.id);
        }
    }
    // The whole article has a place: every sentence is in a passage or a lead-in. What
    // is left over is punctuation and list markers.
    let mut covered = vec![false; article.len()];
    for p in d.passages() {
        let at = p.at.1;
        covered[at..at + p.text.len()].fill(true);
        if let Some(lead) = &p.lead_in {
            let l = article[..at].rfind(lead.as_str()).unwrap();
            covered[l..l + lead.len()].fill(true);
        }
    }
    let left: String = article
        .char_indices()
        .filter(|(i, _)| !covered[*i])
        .map(|(_, c)| c)
        .collect();
    assert!(
        left.chars().all(|c| !c.is_alphabetic()),
        "text of the article in no passage: {left:?}"
    );
    // The six framing sentences the article opens with are passages of its own voice.
    for framing in [
        "In a world marked by conflict, complexity and multilateral stagnation",
        "A growing cadre of policymakers and analysts agrees.",
        "where a need for momentum, peer learning and idea sharing",
        "Against a backdrop of sclerotic multilateral technology policy development",
        "Technology cooperation is also a new focal point for prominent cross-thematic groupings.",
        "Our experts reflect on this tendency",
    ] {
        let p = d
            .passages()
            .iter()
            .find(|p| p.text.contains(framing))
            .unwrap_or_else(|| panic!("no passage holds {framing:?}"));
        assert_eq!(p.kind, PassageKind::Framing, "{framing}");
        assert_eq!(p.speaker, None, "{framing}");
    }
    let s = &d.sources()[0];
    assert!(article.starts_with(&format!(
        "{}\n{}\n",
        d.title(s),
        d.question(s).unwrap().text
    )));
}

#[test]
fn a_passage_that_is_not_verbatim_is_refused_with_its_nearest_text() {
    let json = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/minilateral.json"),
    )
    .unwrap();
    let changed = json.replacen(
        "lacks a permanent secretariat",
        "lacks a standing secretariat",
        1,
    );
    assert_ne!(changed, json);
    let files = [
        DataText::new("d/minilateral.json", changed),
        DataText::source_text("d/itc-2024.txt", article()),
    ];
    let problems = Dataset::load(&files).unwrap_err().problems;
    let text = messages(&problems).join("\n");
    assert_eq!(problems.len(), 1, "{text}");
    assert!(text.contains("passage \"filer-g7-secretariat\""), "{text}");
    assert!(text.contains("said by tanya-filer; about g7"), "{text}");
    assert!(
        text.contains("“standing” where the source has “permanent”"),
        "{text}"
    );
    assert!(
        text.contains("nearest in the source: “The G7, a significant gathering"),
        "{text}"
    );
    // Without the text file, the source says what it misses, once.
    let problems = Dataset::load(&files[..1]).unwrap_err().problems;
    let text = messages(&problems).join("\n");
    assert_eq!(problems.len(), 1, "{text}");
    assert!(
        text.contains("source \"itc-2024\": names `text_file` \"itc-2024.txt\", but d/itc-2024.txt could not be read"),
        "{text}"
    );
}

#[test]
fn passage_rules_are_checked() {
    let json = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/minilateral.json"),
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let passages = v["passages"].as_array_mut().unwrap();
    let find =
        |ps: &mut Vec<serde_json::Value>, id: &str| ps.iter().position(|p| p["id"] == id).unwrap();
    let i = find(passages, "meserole-wish-g7-code");
    passages[i].as_object_mut().unwrap().remove("year");
    let i = find(passages, "intro-world");
    passages[i]["speaker"] = "tanya-filer".into();
    let i = find(passages, "fernandez-way-of-the-future");
    // Words of the article, but after the passage.
    passages[i]["lead_in"] = "A growing cadre".into();
    let i = find(passages, "filer-byline");
    passages[i]["concerns"] = serde_json::json!(["stateup", "tanya-filer"]);
    // Words of the article, earlier, but not the words that lead into the passage.
    let i = find(passages, "filer-g7-secretariat");
    passages[i]["lead_in"] = "We asked four experts".into();
    // The same words stored twice: a copy of a passage under another id and kind.
    let i = find(passages, "filer-3si-momentum");
    let mut copy = passages[i].clone();
    copy["id"] = "filer-3si-again".into();
    passages.push(copy);
    // An elision that joins the article's voice to a byline in another paragraph.
    let i = find(passages, "intro-cadre");
    passages[i]["text"] = "A growing cadre […] Tanya Filer, PhD is CEO of StateUp.".into();
    passages[i].as_object_mut().unwrap().remove("speaker");
    // A lead-in that repeats the passage before it: a reply would show it twice.
    let i = find(passages, "filer-i2u2-capacity");
    passages[i]["lead_in"] =
        "The G7, a significant gathering of major industrial democracies, lacks a permanent secretariat."
            .into();
    // Facts the cards would show as the article's that are not.
    v["groups"][0]["full_name_source"] = "article".into();
    v["groups"][1]["members"]["source"] = "article".into();
    let passages = v["passages"].as_array_mut().unwrap();
    // A second question.
    let i = find(passages, "question");
    let mut question = passages[i].clone();
    question["id"] = "question-again".into();
    question["text"] = "Our experts reflect on this tendency".into();
    passages.push(question);
    let files = [
        DataText::new("d/m.json", v.to_string()),
        DataText::source_text("d/itc-2024.txt", article()),
    ];
    let problems = Dataset::load(&files).unwrap_err().problems;
    let text = messages(&problems).join("\n");
    for expected in [
        "passage \"meserole-wish-g7-code\": a wish needs `year`",
        "passage \"intro-world\": a framing is the article's own voice and has no `speaker`",
        "passage \"filer-g7-secretariat\": field `lead_in` is in the source, but not just before the passage (“in international technology cooperation what they hope",
        "passage \"filer-3si-again\": it overlaps passage \"filer-3si-momentum\"",
        "passage \"filer-i2u2-capacity\": its `lead_in` overlaps passage \"filer-g7-secretariat\"",
        "passage \"filer-g7-secretariat\": its `lead_in` overlaps passage \"intro-asked\"",
        "group \"g7\": field `full_name` is not verbatim",
        "group \"brics\": `members.source` is \"article\", so `members.as_written` must give",
        "passage \"intro-cadre\": field `text` is not verbatim in source \"itc-2024\" (d/itc-2024.txt); each piece between its elision marks is in the source, but they do not follow each other within one paragraph",
        "source \"itc-2024\": has 2 passages of kind \"question\"",
        "passage \"question-again\": it overlaps passage \"intro-reflect\"",
        "passage \"fernandez-way-of-the-future\": field `lead_in` is in the source, but not just before the passage",
        "passage \"filer-byline\": a byline's `concerns` starts with the expert it introduces",
        "expert \"tanya-filer\": no byline",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert_eq!(problems.len(), 14, "{text}");
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
    let wishes: Vec<_> = d.wishes_of("chris-meserole").collect();
    assert_eq!(wishes.len(), 3);
    assert!(wishes.iter().all(|w| w.year == Some(2024)));
    assert_eq!(wishes[0].concerns[0].as_str(), "g7");
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
    let speakers =
        |id: &str| -> Vec<String> { d.speakers_of(id).iter().map(|x| x.id.to_string()).collect() };
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
