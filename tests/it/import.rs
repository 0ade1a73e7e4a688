//! `minilateral import`: drafts from the bundled article and from articles of other shapes
//! (`tests/fixtures/import/`, fictional), checked by the loader `check` uses.

use std::ops::Range;

use minilateral::dataset::verbatim::locate;
use minilateral::dataset::{DataText, Dataset, PassageKind};
use minilateral::import::{Draft, Options, draft};

use crate::{bundled, fixture, fixture_text, minilateral, stderr, stdout};

fn drafted(text: &str) -> Draft {
    draft(text, &Options::default(), None).expect("the article drafts")
}

/// The draft loaded as `check` loads it (the text inline).
fn loaded(d: &Draft, text: &str) -> Dataset {
    Dataset::load(&[DataText::new("draft.json", d.file.to_json(None, text))])
        .unwrap_or_else(|e| panic!("the draft loads: {e}"))
}

/// Where each passage is in `text`, in the text's order.
fn spans<'a>(text: &str, passages: impl Iterator<Item = &'a str>) -> Vec<Range<usize>> {
    let mut from = 0;
    passages
        .map(|p| {
            let r = locate(text, p, from).unwrap_or_else(|_| panic!("{p:?} is in the text"));
            from = r.end;
            r
        })
        .collect()
}

/// Who said the passage that holds `words` (its speaker's id).
fn speaker_of<'d>(d: &'d Dataset, words: &str) -> &'d str {
    let p = passage(d, words);
    p.speaker
        .as_ref()
        .unwrap_or_else(|| panic!("{words:?} has no speaker"))
        .as_str()
}

/// The passage of the draft whose text holds `words`.
fn passage<'d>(d: &'d Dataset, words: &str) -> &'d minilateral::dataset::Passage {
    d.passages()
        .iter()
        .find(|p| p.text.contains(words))
        .unwrap_or_else(|| panic!("no passage holds {words:?}"))
}

/// A body proposed from "Full Name (ACRONYM)", and linked from the passage holding `words`.
fn proposed(d: &Dataset, acronym: &str, full: &str, words: &str) {
    let body = d
        .bodies()
        .iter()
        .find(|b| b.aliases == [acronym])
        .unwrap_or_else(|| panic!("{acronym} proposed"));
    assert_eq!(body.name, full);
    assert!(passage(d, words).concerns.contains(&body.id), "{words}");
}

#[test]
fn the_bundled_article_drafts_to_what_was_curated() {
    let text = fixture_text("../../data/itc-2024.txt");
    let d = drafted(&text);
    let draft = loaded(&d, &text);
    let curated = bundled();

    // Coverage: the characters of the curated passages that some drafted passage spans.
    let ours = spans(&text, draft.passages().iter().map(|p| p.text.as_str()));
    let theirs = spans(&text, curated.passages().iter().map(|p| p.text.as_str()));
    let total: usize = theirs.iter().map(|r| text[r.clone()].chars().count()).sum();
    let covered: usize = theirs
        .iter()
        .flat_map(|r| {
            text[r.clone()]
                .char_indices()
                .map(move |(i, _)| r.start + i)
        })
        .filter(|at| ours.iter().any(|o| o.contains(at)))
        .count();
    let coverage = covered as f64 / total as f64;
    assert!(coverage >= 0.95, "coverage {coverage:.3}");

    // Every answer's words are given to the expert who said them: each curated statement
    // or wish of the panel lies in drafted passages of that speaker.
    let mut answers = 0;
    for (p, r) in curated.passages().iter().zip(&theirs) {
        let Some(speaker) = p
            .speaker
            .as_ref()
            .filter(|s| curated.expert(s.as_str()).is_some_and(|e| e.panel))
        else {
            continue;
        };
        answers += 1;
        let drafted: Vec<_> = draft
            .passages()
            .iter()
            .zip(&ours)
            .filter(|(_, o)| o.start < r.end && r.start < o.end)
            .collect();
        assert!(!drafted.is_empty(), "{:?} is drafted", p.text);
        for (q, _) in drafted {
            assert_eq!(
                q.speaker.as_ref(),
                Some(speaker),
                "{:?} drafted as {:?}",
                p.text,
                q.speaker
            );
        }
    }
    assert_eq!(answers, 17, "the curated panel's statements and wishes");

    // The bylines give each panel expert, with their roles as written.
    let names: Vec<&str> = draft
        .experts()
        .iter()
        .filter(|e| e.panel)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Sara Pantuliano",
            "Antonio Weiss",
            "Chris Meserole",
            "Tanya Filer"
        ]
    );
    let meserole = draft.expert("chris-meserole").unwrap();
    let roles: Vec<(&str, bool)> = meserole
        .roles
        .iter()
        .map(|r| (r.title.as_str(), r.current))
        .collect();
    assert_eq!(roles, [("Executive Director", true), ("Director", false)]);
    assert_eq!(
        draft.byline("tanya-filer").unwrap().text,
        "Tanya Filer, PhD is CEO of StateUp."
    );
    let publication = &draft.publications()[0];
    let authors: Vec<&str> = publication.authors.iter().map(|a| a.as_str()).collect();
    assert_eq!(authors, ["antonio-weiss", "tanya-filer"]);

    // Meserole's numbered list: three wishes for 2024 that share their lead-in.
    let wishes: Vec<_> = draft
        .said_by("chris-meserole")
        .filter(|p| p.kind == PassageKind::Wish)
        .collect();
    let curated_wishes: Vec<_> = curated
        .said_by("chris-meserole")
        .filter(|p| p.kind == PassageKind::Wish)
        .collect();
    assert_eq!(wishes.len(), 3);
    for (w, c) in wishes.iter().zip(&curated_wishes) {
        assert_eq!(
            (w.text.as_str(), w.year, w.lead_in.as_deref()),
            (c.text.as_str(), Some(2024), Some("In 2024 I hope to see:"))
        );
    }

    // Every wish, and only the wishes, as curated: the rule of docs/curating.md ("What counts as a wish"),
    // read by the importer.
    let wishes_of = |d: &Dataset| -> Vec<String> {
        d.passages()
            .iter()
            .filter(|p| p.kind == PassageKind::Wish)
            .map(|p| p.text.clone())
            .collect()
    };
    assert_eq!(wishes_of(&draft), wishes_of(&curated));

    // Title, question, and a body from "Belt and Road Initiative (BRI)".
    let kinds = |k| draft.passages().iter().filter(|p| p.kind == k).count();
    assert_eq!(
        (kinds(PassageKind::Title), kinds(PassageKind::Question)),
        (1, 1)
    );
    assert_eq!(
        passage(&draft, "What’s one thing").kind,
        PassageKind::Question
    );
    proposed(
        &draft,
        "BRI",
        "Belt and Road Initiative",
        "Chinese Belt and Road",
    );
    // An official the article quotes in its own sentence: a byline, and a statement with
    // its lead-in, as curated; drafted off the panel.
    let fernandez = passage(&draft, "the way of the future");
    let curated_fernandez = passage(&curated, "the way of the future");
    assert_eq!(
        (
            fernandez.kind,
            fernandez.text.as_str(),
            fernandez.lead_in.as_deref()
        ),
        (
            PassageKind::Statement,
            curated_fernandez.text.as_str(),
            curated_fernandez.lead_in.as_deref()
        )
    );
    let official = draft
        .expert(fernandez.speaker.as_ref().unwrap().as_str())
        .unwrap();
    assert_eq!(
        (official.name.as_str(), official.panel),
        ("Jose W. Fernandez", false)
    );
    assert_eq!(
        draft.byline(official.id.as_str()).unwrap().text,
        curated.byline("jose-w-fernandez").unwrap().text
    );
}

#[test]
fn bylines_before_their_quotations() {
    let text = fixture_text("import/bylines-before.txt");
    let d = drafted(&text);
    let draft = loaded(&d, &text);
    let speaker = |words| {
        passage(&draft, words)
            .speaker
            .as_ref()
            .map(|s| s.to_string())
    };
    assert_eq!(
        speaker("publish every dataset").as_deref(),
        Some("ada-quill")
    );
    assert_eq!(
        speaker("Small pacts work").as_deref(),
        Some("bram-okonkwo-hale")
    );
    assert_eq!(
        speaker("permanent secretariat with its own budget").as_deref(),
        Some("bram-okonkwo-hale"),
        "the answer's second paragraph"
    );
    assert_eq!(
        speaker("fishing communities").as_deref(),
        Some("corin-vasquez-laird")
    );
    let wish = passage(&draft, "In 2031 I hope to see");
    assert_eq!((wish.kind, wish.year), (PassageKind::Wish, Some(2031)));
    assert!(wish.review.is_empty(), "{:?}", wish.review);
    let bram = draft.expert("bram-okonkwo-hale").unwrap();
    let roles: Vec<(&str, &str, bool)> = bram
        .roles
        .iter()
        .map(|r| {
            (
                r.title.as_str(),
                r.organisation.as_ref().unwrap().as_str(),
                r.current,
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("Chief Scientist", "tidewater-institute", true),
            ("Adviser", "harbour-council", false)
        ]
    );
    assert_eq!(draft.sources()[0].year, 2031);
    proposed(
        &draft,
        "CDC",
        "Coral Data Compact",
        "Our experts reflect on the CDC",
    );
}

#[test]
fn straight_quotes_and_a_numbered_list() {
    let text = fixture_text("import/straight-quotes.txt");
    let draft = loaded(&drafted(&text), &text);
    let wishes: Vec<_> = draft
        .passages()
        .iter()
        .filter(|p| p.kind == PassageKind::Wish)
        .collect();
    assert_eq!(wishes.len(), 3);
    for w in wishes {
        assert_eq!(
            w.speaker.as_ref().map(|s| s.as_str()),
            Some("delphine-arkwright")
        );
        assert_eq!(
            (w.year, w.lead_in.as_deref()),
            (Some(2029), Some("In 2029 I hope to see:"))
        );
    }
    assert_eq!(
        passage(&draft, "not technology but trust")
            .speaker
            .as_ref()
            .map(|s| s.as_str()),
        Some("emeka-sorrell-banks")
    );
}

#[test]
fn dash_bylines_after_their_quotations() {
    let text = fixture_text("import/dash-bylines.txt");
    let draft = loaded(&drafted(&text), &text);
    let imre = draft.expert("imre-talvik").expect("Imre Talvik drafted");
    assert_eq!(
        (
            imre.roles[0].title.as_str(),
            imre.roles[0].organisation.as_ref().unwrap().as_str()
        ),
        ("Programme Lead", "baltic-fibre-alliance")
    );
    assert_eq!(draft.experts().len(), 3);
    for e in draft.experts() {
        assert!(
            draft.said_by(e.id.as_str()).next().is_some(),
            "{} said something",
            e.name
        );
        assert!(
            draft
                .byline(e.id.as_str())
                .unwrap()
                .text
                .starts_with(e.name.as_str()),
            "the dash is typography"
        );
    }
}

#[test]
fn markdown_headings_and_bold_names() {
    let text = fixture_text("import/markdown.txt");
    let d = drafted(&text);
    let draft = loaded(&d, &text);
    let title = draft
        .passages()
        .iter()
        .find(|p| p.kind == PassageKind::Title)
        .unwrap();
    assert_eq!(title.text, "Satellite Spectrum Clubs in 2032: Two Views");
    assert!(
        draft.passages().iter().all(|p| !p.text.starts_with('#')),
        "headings are not passages"
    );
    assert!(
        d.report.iter().any(|l| l.contains("2 Markdown headings")),
        "{:?}",
        d.report
    );
    let names: Vec<&str> = draft.experts().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Hollis Varga-Mensah", "Ines Carrow-Tembe"]);
}

#[test]
fn a_quotation_without_a_byline_is_marked_for_review() {
    let text = fixture_text("import/unattributed.txt");
    let d = drafted(&text);
    let draft = loaded(&d, &text);
    assert!(
        d.report
            .iter()
            .any(|l| l.contains("1 without (marked for review)")),
        "{:?}",
        d.report
    );
    let last = passage(&draft, "groundwater");
    assert_eq!(
        (last.kind, last.speaker.as_ref()),
        (PassageKind::Framing, None)
    );
    assert!(
        last.review.iter().any(|n| n.contains("no byline")),
        "{:?}",
        last.review
    );
    assert_eq!(draft.experts().len(), 2);
    for e in draft.experts() {
        assert!(draft.said_by(e.id.as_str()).next().is_some());
    }
    // `check` names what is left to decide, and passes.
    let listed = draft.to_review();
    assert!(
        listed
            .iter()
            .any(|r| r.id == last.id.as_str() && r.kind == "passage")
    );
}

#[test]
fn malformed_articles_are_named_and_nothing_is_written() {
    let dir = std::env::temp_dir().join(format!("minilateral-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let binary = dir.join("binary.txt");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&binary, b"PK\x03\x04\x00\x00binary").unwrap();
    let out = dir.join("out");
    for (file, want) in [
        (
            fixture("import/unbalanced.txt"),
            "unbalanced.txt:5:1: unbalanced quotation marks",
        ),
        (
            fixture("import/empty.txt"),
            "empty.txt:1:1: the file is empty",
        ),
        (binary, "binary.txt:1:3: a control character"),
    ] {
        let o = minilateral(&[
            "import",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains(want), "{} wants {want}", stderr(&o));
        assert!(stderr(&o).contains("nothing written"));
        assert!(!out.exists(), "nothing is written for {}", file.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_draft_passes_check_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("minilateral-import-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let import = || {
        minilateral(&[
            "import",
            "tests/fixtures/import/bylines-before.txt",
            "--out",
            dir.to_str().unwrap(),
            "--source-id",
            "ocean-2031",
        ])
    };
    let o = import();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.join("ocean-2031.json").is_file() && dir.join("ocean-2031.txt").is_file());
    let check = minilateral(&["--data", dir.to_str().unwrap(), "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let said = stdout(&check);
    assert!(said.contains("experts       3"), "{said}");
    assert!(said.contains("left to decide"), "{said}");
    assert!(
        said.contains("body \"coral-data-compact\": proposed from"),
        "{said}"
    );
    // The draft is never written over: an input problem (exit 1) that names the path.
    let again = import();
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    let json = dir.join("ocean-2031.json");
    assert!(
        stderr(&again).contains(&format!("{} exists (a file)", json.display())),
        "{}",
        stderr(&again)
    );
    // Without --out: the draft on stdout, its text inline, ready for --data.
    let o = minilateral(&["import", "tests/fixtures/import/dash-bylines.txt"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        json["sources"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Baltic Fibre Alliance")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn with_data_people_and_bodies_already_there_are_not_drafted_again() {
    let dir = std::env::temp_dir().join(format!("minilateral-import-with-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["minilateral.json", "itc-2024.txt"] {
        std::fs::copy(fixture("../../data").join(f), dir.join(f)).unwrap();
    }
    // A follow-up article: two experts of the data (one misspelt), one new, a known body.
    // Also: a role at a group of the data, and a co-author who is in the data.
    let article = "Minilaterals Revisited in 2025\n\nWhat changed for small blocs in 2025?\n\nA year on, the G7 and I2U2 look different.\n\n“In 2025 I hope to see the G7 agree a secretariat at last.”\n\nTanya Filer, PhD is CEO of StateUp.\n\n“I would like to see the UN learn from small groups.”\n\nChris Meserolle is Executive Director of the Frontier Model Forum.\n\n“The BRICS expansion deserves a closer look from technologists.”\n\nNoor Halvorsen is Coordinator of the Three Seas Initiative and co-author of ‘Small Clubs’ with Tanya Filer.\n";
    let file = dir.join("revisited.txt");
    std::fs::write(&file, article).unwrap();
    let o = minilateral(&[
        "import",
        file.to_str().unwrap(),
        "--with",
        dir.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
        "--source-id",
        "revisited-2025",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("revisited-2025.json")).unwrap())
            .unwrap();
    let ids = |key: &str| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids("experts"),
        ["noor-halvorsen"],
        "only the new person is drafted"
    );
    assert!(
        ids("bodies").is_empty(),
        "StateUp, the Forum and 3SI are the data's"
    );
    assert_eq!(
        json["experts"][0]["roles"][0]["organisation"], "3si",
        "a role at a group"
    );
    assert_eq!(
        json["publications"][0]["authors"],
        serde_json::json!(["noor-halvorsen", "tanya-filer"])
    );
    let check = minilateral(&["--data", dir.to_str().unwrap(), "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let both =
        minilateral::datafiles::load(&minilateral::datafiles::DataPath::Path(dir.clone())).unwrap();
    let by = |words| passage(&both, words).clone();
    assert_eq!(
        by("agree a secretariat").speaker.unwrap().as_str(),
        "tanya-filer"
    );
    assert_eq!(
        by("agree a secretariat")
            .concerns
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        ["g7"]
    );
    let misspelt = by("learn from small groups");
    assert_eq!(misspelt.speaker.unwrap().as_str(), "chris-meserole");
    let byline = by("Chris Meserolle is");
    assert!(
        byline
            .review
            .iter()
            .any(|n| n.contains("read as Chris Meserole")),
        "{:?}",
        byline.review
    );
    assert_eq!(
        byline.id.as_str(),
        "2025-meserole-byline",
        "ids spell the data's name"
    );
    let noor = by("Noor Halvorsen is");
    let concerns: Vec<&str> = noor.concerns.iter().map(|c| c.as_str()).collect();
    assert_eq!(concerns, ["noor-halvorsen", "3si", "tanya-filer"]);
    assert_eq!(
        by("BRICS expansion")
            .concerns
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        ["brics"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_bundled_data_has_nothing_left_to_review() {
    let d = bundled();
    assert_eq!(d.to_review(), [], "remove each `review` note once decided");
    // And `check` says so only when there is something to say.
    let o = minilateral(&["check"]);
    assert!(!stdout(&o).contains("left to decide"), "{}", stdout(&o));
}

/// The letters and digits of `text` that no passage or lead-in of the draft holds, as
/// "line:text" (list markers and Markdown headings after the title are left out by design).
fn lost(text: &str, d: &Dataset) -> Vec<String> {
    let mut kept = vec![false; text.len()];
    let mut from = 0;
    for p in d.passages() {
        let r =
            locate(text, &p.text, from).unwrap_or_else(|_| panic!("{:?} is in the text", p.text));
        kept[r.clone()].fill(true);
        if let Some(lead) = &p.lead_in {
            let at = text[..r.start]
                .rfind(lead.as_str())
                .expect("a lead-in stands before its passage");
            kept[at..at + lead.len()].fill(true);
        }
        from = r.end;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_start();
        let marker = body
            .find(' ')
            .filter(|&i| {
                body[..i]
                    .trim_end_matches(['.', '/', ')'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    || matches!(&body[..i], "-" | "*" | "•")
            })
            .map_or(0, |i| i + 1);
        let skip = if n > 0 && body.starts_with('#') {
            line.len()
        } else {
            line.len() - body.len() + marker
        };
        for (i, c) in line.char_indices().skip_while(|(i, _)| *i < skip) {
            if c.is_alphanumeric() && !kept[at + i] {
                out.push(format!("{}:{}", n + 1, &line[i..].trim_end()));
                break;
            }
        }
        at += line.len();
    }
    out
}

#[test]
fn no_words_of_an_article_are_lost() {
    let mut articles: Vec<String> = [
        "bylines-before",
        "straight-quotes",
        "dash-bylines",
        "markdown",
        "unattributed",
    ]
    .iter()
    .map(|f| fixture_text(&format!("import/{f}.txt")))
    .collect();
    articles.push(fixture_text("../../data/itc-2024.txt"));
    // Quotations that do not make a paragraph an answer: words after the closing mark, a
    // title that opens with a quotation, a quoted word opening a paragraph; a list followed
    // by prose; attributions after the mark.
    articles.extend([
        "Cables in 2030\n\nWhat should alliances do?\n\n“We need a common map,” said the director. “Every member keeps records.” That is all.\n\n— Farida Nkemelu-Voss, Policy Director, Kestrel Commons\n",
        "“Small is beautiful”: Tech Cooperation in 2024\n\nWhat is the one thing you want to see?\n\n“I hope to see more cables.”\n\n— Imre Talvik, Programme Lead, Baltic Fibre Alliance\n",
        "Tech Cooperation in 2024\n\n“Minilateralism” kept cropping up in our survey. So we asked: what one thing do you want to see?\n\nImre Talvik, PhD is Programme Lead of the Baltic Fibre Alliance.\n\n“I hope to see more cables.”\n",
        "Cables in 2030\n\nWhat should alliances do?\n\n“Cables matter. In 2031 I hope to see:\n- a shared vessel;\n- common maps, and\n  more ships.\nThat is my list. What I want is simple?”\n\n— Imre Talvik, Programme Lead, Baltic Fibre Alliance\n",
        "Cables in 2030\n\nWhat should alliances do?\n\n“I hope to see maps.” — Imre Talvik, Programme Lead, Baltic Fibre Alliance\n\n“I hope to see ships,” says Farida Nkemelu-Voss, Policy Director at Kestrel Commons.\n",
    ].map(String::from));
    for text in &articles {
        let d = loaded(&drafted(text), text);
        assert_eq!(
            lost(text, &d),
            Vec::<String>::new(),
            "in {}",
            text.lines().next().unwrap()
        );
    }
    // The checker itself: a passage left out is found.
    let text = &articles[0];
    let d = drafted(text);
    let mut file = d.file;
    file.passages
        .retain(|p| !p.text.contains("fishing communities"));
    let fewer = Dataset::load(&[DataText::new("d.json", file.to_json(None, text))]).unwrap();
    assert_eq!(lost(text, &fewer).len(), 1);
}

#[test]
fn the_quirks_of_bylines() {
    // "Name (Org):" gives a role with an organisation and no title; a second byline adds its
    // roles; "Name, Org" reads the organisation by its words; "Full Name (ACRONYM)" in a role.
    let text = "Cables in 2030\n\nWhat should alliances do?\n\nAda Quill (Northwind Lab): “I hope to see maps.”\n\n“I hope to see ships.”\n\n— Imre Talvik, Programme Lead, Baltic Fibre Alliance\n\n“We need a common map.”\n\n— Imre Talvik, Former Director, Kestrel Commons\n\n“I hope to see cables.”\n\n— Farida Nkemelu-Voss, Overseas Cable Institute (OCI)\n";
    let d = loaded(&drafted(text), text);
    let role = |id: &str| -> Vec<(String, Option<String>, bool)> {
        d.expert(id)
            .unwrap()
            .roles
            .iter()
            .map(|r| {
                (
                    r.title.clone(),
                    r.organisation.as_ref().map(|o| o.to_string()),
                    r.current,
                )
            })
            .collect()
    };
    assert_eq!(
        role("ada-quill"),
        [(String::new(), Some("northwind-lab".into()), true)]
    );
    assert_eq!(
        role("imre-talvik"),
        [
            (
                "Programme Lead".into(),
                Some("baltic-fibre-alliance".into()),
                true
            ),
            ("Director".into(), Some("kestrel-commons".into()), false)
        ]
    );
    assert_eq!(
        role("farida-nkemelu-voss"),
        [(String::new(), Some("overseas-cable-institute".into()), true)]
    );
    let oci = d.body("overseas-cable-institute").unwrap();
    assert_eq!(
        (oci.name.as_str(), oci.aliases.clone()),
        ("Overseas Cable Institute", vec!["OCI".to_string()])
    );
    assert_eq!(speaker_of(&d, "I hope to see maps"), "ada-quill");
    // Straight quotation marks: the mark left open is the one named.
    let bad = "Cables\n\nWhat?\n\nAda Quill (Lab): \"We need maps.\n\nBob Stone (Two): \"Ports matter.\" Ok.\n";
    let e = minilateral::import::draft(bad, &Options::default(), None).unwrap_err();
    assert!(e.to_string().starts_with("5:18: unbalanced"), "{e}");
}

#[test]
fn credentials_links_and_headings() {
    let text = "Posted in May\n\n# Ports in 2028\n\n## What should port alliances do?\n\n“I hope to see shared berths.”\n\nBen Weiss MBE is Chair of the [Gulf Shipping Forum](http://gsf.example).\n\n“I would like to see cleaner fuel.”\n\nAda Quill, MBE, is Professor of Law, University of Tartu, and Chair of the Harbour Board.\n\n“Who pays?”\n";
    let d = drafted(text);
    let draft = loaded(&d, text);
    let title = draft
        .passages()
        .iter()
        .find(|p| p.kind == PassageKind::Title)
        .unwrap();
    assert_eq!(
        title.text, "Ports in 2028",
        "the first “# ” heading is the title"
    );
    assert_eq!(draft.sources()[0].id.as_str(), "ports-in-2028");
    let question = draft
        .passages()
        .iter()
        .find(|p| p.kind == PassageKind::Question)
        .unwrap();
    assert_eq!(
        question.text, "What should port alliances do?",
        "a heading that asks"
    );
    let ben = draft
        .expert("ben-weiss")
        .expect("MBE is a credential, not a name");
    assert_eq!(ben.credentials, ["MBE"]);
    let forum = draft
        .body(ben.roles[0].organisation.as_ref().unwrap().as_str())
        .unwrap();
    assert_eq!(
        forum.name, "Gulf Shipping Forum",
        "a link's words, not its address"
    );
    let ada = draft
        .expert("ada-quill")
        .expect("“Name, MBE, is” is a byline");
    let roles: Vec<(&str, &str)> = ada
        .roles
        .iter()
        .map(|r| {
            (
                r.title.as_str(),
                draft
                    .body(r.organisation.as_ref().unwrap().as_str())
                    .unwrap()
                    .name
                    .as_str(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("Professor of Law", "University of Tartu"),
            ("Chair", "Harbour Board")
        ]
    );
    // The answer no byline attributes keeps no note of a wish it is not.
    let last = passage(&draft, "Who pays?");
    assert_eq!(last.review.len(), 1, "{:?}", last.review);
    assert_eq!(
        lost(text, &draft),
        Vec::<String>::new(),
        "the line before the title is framing"
    );
}

#[test]
fn hard_wrapped_lines_and_quotations_sharing_a_byline() {
    // Markdown wrapped at 60 columns: the byline breaks over two lines.
    let wrapped = "# Harbour Data in 2030\n\nWhat should port alliances share in\n2030?\n\n“I hope to see every port publish its\nberth data within a day.”\n\nAda Quill, PhD is Director of the\nNorthwind Lab.\n";
    let draft = loaded(&drafted(wrapped), wrapped);
    let ada = draft.expert("ada-quill").expect("a wrapped byline is read");
    let lab = draft
        .body(ada.roles[0].organisation.as_ref().unwrap().as_str())
        .unwrap();
    assert_eq!(lab.name, "Northwind Lab", "names are shown on one line");
    assert_eq!(
        ada.roles[0].as_written.as_deref(),
        Some("Director of the\nNorthwind Lab"),
        "as written"
    );
    assert_eq!(speaker_of(&draft, "berth data"), "ada-quill");
    assert_eq!(lost(wrapped, &draft), Vec::<String>::new());

    // Each paragraph of one answer closed and opened again, one byline after them.
    let shared = "Ports in 2030\n\nWhat should ports do?\n\n“Ports need shared data.”\n\n“They also need shared berths.”\n\n— Imre Talvik, Programme Lead, Baltic Fibre Alliance\n\n“I hope to see cleaner fuel.”\n\n— Farida Nkemelu-Voss, Policy Director, Kestrel Commons\n";
    let draft = loaded(&drafted(shared), shared);
    let first = passage(&draft, "Ports need shared data");
    assert_eq!(first.speaker.as_ref().unwrap().as_str(), "imre-talvik");
    assert!(
        first
            .review
            .iter()
            .any(|n| n.contains("no byline of its own")),
        "{:?}",
        first.review
    );
    assert_eq!(speaker_of(&draft, "shared berths"), "imre-talvik");
    assert!(passage(&draft, "shared berths").review.is_empty());
    assert_eq!(speaker_of(&draft, "cleaner fuel"), "farida-nkemelu-voss");

    // A note about the author after the last answer, wrapped, is no byline: the answers keep
    // the bylines before them.
    let note = "# Harbour Data in 2030\n\nWhat should port alliances share in 2030?\n\nAda Quill is Director of the Northwind Lab.\n\n“Ports need shared tariffs.”\n\nBen Weiss is Chair of the Harbour Council.\n\n“I hope to see cleaner fuel.”\n\nTom Reyes is Editor of the Harbour Review. He put these questions\nto the panel in May.\n";
    let draft = loaded(&drafted(note), note);
    assert_eq!(speaker_of(&draft, "shared tariffs"), "ada-quill");
    assert_eq!(speaker_of(&draft, "cleaner fuel"), "ben-weiss");
    assert!(draft.expert("tom-reyes").is_none());

    // Sharing follows where a byline stands: "Name (Org):" before its quotation shares forward,
    // "— Name" after it shares backward, never the other way.
    let colon = "Ports in 2030\n\nWhat should ports do?\n\nAda Quill (Northwind Lab): “Ports need shared data.”\n\n“They also need shared berths.”\n\nBen Weiss (Harbour Council): “I hope to see cleaner fuel.”\n";
    let draft = loaded(&drafted(colon), colon);
    assert_eq!(speaker_of(&draft, "shared berths"), "ada-quill");
    let dash = "Ports in 2030\n\nWhat should ports do?\n\n“Berths should be shared.” — Cy Lund, Programme Lead, Baltic Fibre Alliance\n\n“And I hope to see open tariffs.”\n";
    let draft = loaded(&drafted(dash), dash);
    assert_eq!(
        passage(&draft, "open tariffs").speaker,
        None,
        "a dash closes its answer"
    );
}

#[test]
fn the_bot_answers_from_a_draft() {
    let text = fixture_text("import/bylines-before.txt");
    let k = minilateral::knowledge::Knowledge::new(loaded(&drafted(&text), &text));
    let about = crate::ask(&k, "/about");
    let card = &about.cards[0];
    assert!(
        card.description
            .contains("What is one thing you would like to see")
    );
    assert!(
        !card.description.contains("In our words"),
        "no summary yet, so none shown"
    );
    assert!(
        card.fields[0].value.contains("0 other people quoted"),
        "{}",
        card.fields[0].value
    );
    let facts = card
        .fields
        .iter()
        .find(|f| f.name == "Where facts come from")
        .unwrap();
    assert!(!facts.value.contains("summary"), "{}", facts.value);
    let expert = crate::ask(&k, "/expert okonkwo hale");
    assert_eq!(expert.cards[0].title, "Bram Okonkwo-Hale, PhD");
    assert!(
        expert.cards[0]
            .description
            .contains("Former Adviser, Harbour Council")
    );
}

/// An article of a random shape: paragraphs by lines or blocks, a question or none, framing
/// with or without someone quoted in it, answers with bylines of every form on either side or
/// none, curly or straight marks, several paragraphs reopened or not, lists, names in several
/// scripts, line ends and marks a file may have.
fn random_article(seed: u64) -> (Vec<u8>, Vec<(String, String)>, bool) {
    let mut d = minilateral_synthetic::Rng(seed);
    let firsts = ["Ada", "Łukasz", "Αλέξης", "Siobhán", "Kwame", "Mei", "José"];
    let lasts = [
        "Quill",
        "Wałęsa",
        "Παππάς",
        "O’Neill",
        "van der Berg",
        "Okonkwo-Hale",
        "Lund",
    ];
    let orgs = [
        "Northwind Lab",
        "the Harbour Council",
        "Overseas Cable Institute (OCI)",
        "StateUp",
        "Baltic Fibre Alliance",
    ];
    let titles = [
        "Director",
        "Chief Economist",
        "Senior Fellow",
        "Programme Lead",
    ];
    let sentences = [
        "Small blocs move faster than large ones.",
        "The Coral Data Compact (CDC) pools sensor readings.",
        "Trust is built slowly, e.g. through shared data.",
        "Minilaterals – small, trust-based networks – can act with agility.",
        "We need more investment in shared systems.",
        "In 2031 I hope to see open registries.",
        "I would like to see cleaner fuel.",
        "Budgets matter?",
        "It’s overdue: ‘talking shops’ are not enough.",
    ];
    let blocks = d.below(2) == 0;
    let sep = if blocks { "\n\n" } else { "\n" };
    let (open, close) = if d.below(3) == 0 {
        ("\"", "\"")
    } else {
        ("“", "”")
    };
    let mut paras: Vec<String> = vec![format!(
        "{}Ports and Pacts in 2031",
        if d.below(3) == 0 { "# " } else { "" }
    )];
    if d.below(4) > 0 {
        paras.push("What one thing would you like to see in 2031?".into());
    }
    for _ in 0..d.below(3) {
        let mut p: Vec<String> = (0..1 + d.below(3))
            .map(|_| d.pick(&sentences).to_string())
            .collect();
        if d.below(3) == 0 {
            p.push(format!(
                "{} {}, {} of {}, said {open}ports first{close}.",
                d.pick(&firsts),
                d.pick(&lasts),
                d.pick(&titles),
                d.pick(&orgs)
            ));
        }
        if d.below(4) == 0 {
            p.insert(0, format!("{open}Minilateralism{close} kept cropping up."));
        }
        paras.push(p.join(" "));
    }
    let before = d.below(2) == 0;
    // Each answer's first words are its own ("Point 3 stands."), with whom a byline says said it.
    let mut said = Vec::new();
    // Whether every answer has a byline and is one (no words after its closing mark): only
    // then is the side of the bylines beyond doubt.
    let mut clean = true;
    for n in 0..d.below(5) {
        let name = format!("{} {}", d.pick(&firsts), d.pick(&lasts));
        let (title, org) = (d.pick(&titles), d.pick(&orgs));
        let byline = match d.below(5) {
            0 => Some((format!("— {name}, {title}, {org}"), false)),
            1 => Some((format!("{name} ({org}):"), true)),
            2 => None,
            _ => Some((format!("{name}, PhD is {title} of {org}."), before)),
        };
        let mut answer: Vec<String> = Vec::new();
        for k in 0..1 + d.below(3) {
            let mut words: Vec<String> = (0..1 + d.below(3))
                .map(|_| d.pick(&sentences).to_string())
                .collect();
            if d.below(4) == 0 {
                words.push("In 2031 I hope to see:".into());
                let items: Vec<String> = (1..=1 + d.below(3))
                    .map(|i| format!("{i}/ shared berths number {i}"))
                    .collect();
                words.push(format!("\n{}", items.join("\n")));
            }
            if k == 0 {
                words.insert(0, format!("Point {n} stands."));
            }
            let reopen = k > 0 && d.below(2) == 0;
            answer.push(format!(
                "{}{}",
                if k == 0 || reopen { open } else { "" },
                words.join(" ").replace(" \n", "\n")
            ));
        }
        let last = answer.len() - 1;
        answer[last].push_str(close);
        // Words after the closing mark: then this is the article quoting, not an answer.
        clean &= byline.is_some();
        if d.below(6) == 0 {
            answer[last].push_str(" she added. That is all.");
            clean = false;
        } else if byline.is_some() {
            said.push((format!("Point {n} stands."), name.clone()));
        }
        match &byline {
            Some((b, true)) if b.ends_with(':') && d.below(2) == 0 => {
                answer[0] = format!("{b} {}", answer[0]);
            }
            Some((b, true)) => paras.push(b.clone()),
            _ => {}
        }
        paras.extend(answer);
        if let Some((b, false)) = byline {
            paras.push(b);
        }
    }
    let mut text = paras.join(sep);
    text.push('\n');
    if d.below(4) == 0 {
        text = text.replace('\n', "\r\n");
    }
    let mut bytes = Vec::new();
    if d.below(5) == 0 {
        bytes.extend("\u{feff}".as_bytes());
    }
    bytes.extend(text.as_bytes());
    (bytes, said, clean)
}

#[test]
fn any_article_drafts_to_data_that_loads_and_loses_no_word() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(400));
    let drafted_ok = std::cell::Cell::new(0);
    runner
        .run(&any::<u64>(), |seed| {
            let (bytes, said, clean) = random_article(seed);
            let text = minilateral::import::decode(&bytes).expect("the generator writes text");
            match draft(&text, &Options::default(), None) {
                Ok(d) => {
                    let loaded =
                        Dataset::load(&[DataText::new("d.json", d.file.to_json(None, &text))]);
                    let loaded = loaded.map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
                    prop_assert_eq!(lost(&text, &loaded), Vec::<String>::new(), "{}", text);
                    // Every answer with a byline is its person's.
                    for (words, name) in said.iter().filter(|_| clean) {
                        let p = passage(&loaded, words);
                        let speaker = p.speaker.as_ref().and_then(|s| loaded.expert(s.as_str()));
                        prop_assert_eq!(
                            speaker.map(|e| e.name.as_str()),
                            Some(name.as_str()),
                            "{} in\n{}",
                            words,
                            text
                        );
                    }
                    drafted_ok.set(drafted_ok.get() + 1);
                }
                Err(minilateral::import::Refused::Article(_)) => {}
                Err(e) => return Err(TestCaseError::fail(format!("{e}\n{text}"))),
            }
            Ok(())
        })
        .unwrap();
    // The generator must reach the drafting, not stop at the reading.
    assert!(
        drafted_ok.get() > 300,
        "{} of 400 drafted",
        drafted_ok.get()
    );
}
