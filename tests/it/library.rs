//! A library of articles: the bundled article plus two drafted with `import --with` beside it
//! (`tests/fixtures/library/`: 2025 quotes Filer again, 2026 quotes Ellison of 2025 again, both
//! name groups of the bundled data). Every reply cites exactly the articles it quotes, and a
//! reply quoting several says which article each passage is from.

use std::path::PathBuf;

use minilateral::datafiles::{self, DataPath};
use minilateral::dataset::{Dataset, PassageKind, Source};
use minilateral::knowledge::Knowledge;
use minilateral::reply::{Card, Fitted};

use super::ask;
use minilateral::reply::Visibility;

/// The bundled data and the two drafted articles, in one folder, as a curator would have them.
pub fn library_dir(name: &str) -> PathBuf {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("minilateral-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for from in ["data", "tests/fixtures/library"] {
        for entry in std::fs::read_dir(root.join(from)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn library() -> Knowledge {
    let dir = library_dir("library");
    let d = datafiles::load(&DataPath::Path(dir.clone())).expect("the library loads");
    let _ = std::fs::remove_dir_all(&dir);
    Knowledge::new(d)
}

/// Text as a reader sees it: Markdown marks and escapes removed, block quotes unmarked.
fn plain(text: &str) -> String {
    text.replace("**", "")
        .replace(['\\', '_'], "")
        .lines()
        .map(|l| l.strip_prefix("> ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a card shows, apart from its footer: title, description and fields.
fn body(card: &Card) -> String {
    let mut parts = vec![card.title.clone(), card.description.clone()];
    for f in &card.fields {
        parts.push(f.name.clone());
        parts.push(f.value.clone());
    }
    plain(&parts.join("\n\n"))
}

/// The sources a card's footer cites (by their full titles).
fn cited<'d>(d: &'d Dataset, card: &Card) -> Vec<&'d Source> {
    let footer = card.footer.as_deref().unwrap_or_default();
    d.sources()
        .iter()
        .filter(|s| footer.contains(d.title(s)))
        .collect()
}

/// Checks one card: every passage it shows has its source cited, every source cited has a
/// passage shown, and when several are cited each passage's label names its article.
fn check_card(d: &Dataset, line: &str, card: &Card) {
    let text = body(card);
    let cited = cited(d, card);
    let mut quoting: Vec<&str> = Vec::new();
    for p in d.passages() {
        // A title is cited in the footer, not quoted; a short text could stand in another.
        if p.kind == PassageKind::Title || p.text.chars().count() < 20 {
            continue;
        }
        let Some(at) = text.find(p.text.as_str()) else {
            continue;
        };
        quoting.push(p.source.as_str());
        assert!(
            cited.iter().any(|s| s.id == p.source),
            "{line}: shows {:?} of {} but cites {:?}\n{text}",
            p.id,
            p.source,
            card.footer
        );
        if cited.len() > 1 && p.kind != PassageKind::Byline && p.kind != PassageKind::Question {
            // The label stands at the head of the passage's entry (the text since the blank
            // line before it).
            let entry_start = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
            let source = d.source(p.source.as_str()).unwrap();
            let short = d.short_title(source);
            let entry = &text[entry_start..at];
            assert!(
                entry.contains(short) || card.title.contains(short),
                "{line}: the label of {:?} does not name its article “{short}”: {entry:?}",
                p.id
            );
        }
    }
    for s in &cited {
        // A member list the card gives as the article's is a fact it takes from there.
        let list = d.groups().iter().any(|g| {
            g.source == s.id
                && g.members.source == minilateral::dataset::Provenance::Article
                && text.contains(&format!("{}: from the article", g.name))
        });
        let named = list || text.contains(d.title(s)) || text.contains(d.short_title(s));
        assert!(
            quoting.contains(&s.id.as_str()) || named,
            "{line}: cites {} but shows nothing of it\n{text}\n-- {:?}",
            s.id,
            card.footer
        );
    }
}

fn check(k: &Knowledge, line: &str) -> Fitted {
    let reply = ask(k, line);
    assert!(
        !reply.cards.is_empty(),
        "{line}: no card: {:?}",
        reply.content
    );
    for card in &reply.cards {
        check_card(&k.dataset, line, card);
    }
    reply
}

#[test]
fn every_reply_cites_exactly_the_articles_it_quotes() {
    let k = library();
    assert_eq!(k.dataset.sources().len(), 3);
    for line in [
        "/expert filer",
        "/expert mara ellison",
        "/expert ines carvalho",
        "/expert meserole",
        "/expert pantuliano",
        "/expert fernandez",
        "/group g7",
        "/group i2u2",
        "/group three seas",
        "/group brics",
        "/wish 2024",
        "/wish 2025",
        "/wish 2026",
        "/wish 2025 expert:filer",
        "/wish 2024 expert:filer",
        "/search secretariat",
        "/search sclerotic",
        "/search minilaterals",
        "/search g7",
        "/search clubs",
        "/search g7 article:small clubs",
        "/search g7 article:international tech cooperation",
        "/country india",
        "/country united states",
        "/country poland",
        "/overlap",
        "/overlap i2u2 g7",
        "/about",
        "/article",
        "/article small clubs",
        "/article minilaterals at work",
        "/article international tech cooperation",
    ] {
        check(&k, line);
    }
}

#[test]
fn a_search_of_the_2024_text_cites_the_2024_article() {
    let k = library();
    let reply = check(&k, "/search sclerotic");
    let footer = reply.cards[0].footer.as_deref().unwrap();
    assert!(
        footer.ends_with(
            "Source: International Tech Cooperation in 2024: What Experts Want (looking ahead to 2024)"
        ),
        "{footer}"
    );
    // Hits from two articles: both cited, each label naming its own.
    let reply = check(&k, "/search secretariat");
    let card = &reply.cards[0];
    assert_eq!(cited(&k.dataset, card).len(), 2, "{:?}", card.footer);
    assert!(
        card.description
            .contains("**Tanya Filer** in *Small Clubs, Big Questions*, statement"),
        "{}",
        card.description
    );
    assert!(
        card.description
            .contains("**Tanya Filer** in *International Tech Cooperation in 2024*, statement"),
        "{}",
        card.description
    );
    // Narrowed to one article: only its passages, one source.
    let reply = check(&k, "/search secretariat article:small clubs");
    let card = &reply.cards[0];
    assert_eq!(cited(&k.dataset, card).len(), 1, "{:?}", card.footer);
    assert!(card.footer.as_deref().unwrap().starts_with("Hits 1–1 of 1"));
}

#[test]
fn wish_year_shows_that_years_question_for_each_year() {
    let k = library();
    for (year, question) in [
        (
            2024,
            "What’s one thing you’d like to see happen in 2024 to strengthen",
        ),
        (
            2025,
            "What should small groups of countries do in 2025 to make technology cooperation last?",
        ),
        (
            2026,
            "What is one thing a minilateral group should change in 2026?",
        ),
    ] {
        let reply = check(&k, &format!("/wish {year}"));
        assert_eq!(reply.cards.len(), 1, "{year}");
        let card = &reply.cards[0];
        assert!(
            card.description.contains(question),
            "{year}: {}",
            card.description
        );
        for other in k.dataset.sources().iter().filter(|s| s.year != year) {
            let q = k.dataset.question(other).unwrap();
            assert!(!card.description.contains(&q.text), "{year}");
        }
    }
}

#[test]
fn an_expert_in_two_articles_shows_both_newest_first_each_with_its_byline() {
    let k = library();
    let reply = check(&k, "/expert filer");
    let titles: Vec<&str> = reply.cards.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Tanya Filer, PhD in “Small Clubs, Big Questions”",
            "Tanya Filer, PhD in “International Tech Cooperation in 2024”"
        ]
    );
    assert!(
        reply.cards[0]
            .description
            .starts_with("_Tanya Filer, PhD is Founder of StateUp._")
    );
    assert!(
        reply.cards[1]
            .description
            .starts_with("_Tanya Filer, PhD is CEO of StateUp._")
    );
    // The 2025 article's address, which the data gives, links its card; the 2024 one has none.
    assert_eq!(
        reply.cards[0].url.as_deref(),
        Some("https://example.org/small-clubs-2025")
    );
    assert_eq!(reply.cards[1].url, None);
    // The group card groups what the articles say, newest first.
    let reply = check(&k, "/group g7");
    let text = &reply.cards[0].description;
    assert!(text.starts_with("**What the articles say**\n"), "{text}");
    let first_2026 = text.find("*Minilaterals at Work*").unwrap();
    let first_2025 = text.find("*Small Clubs, Big Questions*").unwrap();
    let first_2024 = text
        .find("*International Tech Cooperation in 2024*")
        .unwrap();
    assert!(first_2026 < first_2025 && first_2025 < first_2024, "{text}");
}

#[test]
fn about_and_article_list_every_article_and_article_shows_its_introduction_in_order() {
    let k = library();
    let d = &k.dataset;
    let about = check(&k, "/about");
    let list = check(&k, "/article");
    for s in d.sources() {
        let title = d.title(s);
        assert!(
            about.cards[0].fields.iter().any(|f| f.name == title),
            "/about misses {title}"
        );
        assert!(
            list.cards[0].description.contains(title),
            "/article misses {title}"
        );
        assert!(
            list.buttons.iter().any(|b| b.label == d.short_title(s)),
            "/article has no button for {title}"
        );
    }
    // Newest first.
    let text = &list.cards[0].description;
    assert!(text.find("Minilaterals at Work").unwrap() < text.find("Small Clubs").unwrap());
    assert!(text.find("Small Clubs").unwrap() < text.find("International Tech").unwrap());
    // One article: every framing passage once, in the article's order.
    for s in d.sources() {
        let reply = check(&k, &format!("/article {}", d.short_title(s)));
        let text = body(&reply.cards[0]);
        let mut from = 0;
        for p in d
            .passages_of(s)
            .iter()
            .filter(|p| p.kind == PassageKind::Framing)
        {
            let at = text[from..]
                .find(p.text.as_str())
                .unwrap_or_else(|| panic!("{}: {} missing or out of order\n{text}", s.id, p.id));
            from += at + p.text.len();
            assert_eq!(text.matches(p.text.as_str()).count(), 1, "{}", p.id);
        }
        for person in d.people_of(s) {
            assert!(
                reply.buttons.iter().any(|b| b.label == person.name),
                "{}: no button for {}",
                s.id,
                person.name
            );
        }
    }
    // The draft of 2026 has no summary yet: nothing is shown as ours.
    let draft = ask(&k, "/article minilaterals at work");
    assert!(
        !draft.cards[0]
            .fields
            .iter()
            .any(|f| f.name.starts_with("In our words"))
    );
    // The 2024 introduction leaves Fernandez's words out, and says where.
    let intro = ask(&k, "/article international tech cooperation");
    assert!(
        intro.cards[0].description.contains("[…]"),
        "{}",
        intro.cards[0].description
    );
}

#[test]
fn the_message_command_cites_the_articles_whose_words_it_shows() {
    let k = library();
    let reply = minilateral::answer::answer(
        &k,
        &minilateral::command::Asked {
            request: minilateral::command::Request::Mentions {
                text: "Ines Carvalho said so".into(),
            },
            visibility: Visibility::Private,
        },
    );
    let card = &reply.cards[0];
    // Her role is the 2026 article's words ("Senior Fellow at the Porto Digital Forum").
    assert!(
        card.description
            .contains("Senior Fellow at the Porto Digital Forum")
    );
    let cited: Vec<&str> = cited(&k.dataset, card)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(cited, ["clubs-at-work-2026"], "{:?}", card.footer);
}

#[test]
fn export_carries_the_sources_date_and_address_where_the_data_gives_them() {
    let dir = library_dir("library-export");
    let out = super::minilateral(&["--data", dir.to_str().unwrap(), "export"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "{}", super::stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources = doc["sources"].as_array().unwrap();
    let by_id = |id: &str| sources.iter().find(|s| s["id"] == id).unwrap();
    let clubs = by_id("small-clubs-2025");
    assert_eq!(clubs["published"], "2025-01-15");
    assert_eq!(clubs["url"], "https://example.org/small-clubs-2025");
    assert_eq!(clubs["year"], 2025);
    assert_eq!(clubs["short_title"], "Small Clubs, Big Questions");
    let draft = by_id("clubs-at-work-2026");
    assert!(draft["published"].is_null() && draft["url"].is_null());
}

/// A search narrowed to one article ranks its passages exactly as the whole search does,
/// with the others left out (its streams are cut to the article's run of documents).
#[test]
fn a_narrowed_search_is_the_whole_search_less_the_other_articles() {
    let k = library();
    let d = &k.dataset;
    for q in [
        "g7",
        "secretariat",
        "minilaterals",
        "clubs",
        "summit projects",
        "technology cooperation",
        "i2u2 three seas",
        "secretaryat",
    ] {
        let all = k.search.search(q, 0..1000);
        for s in d.sources() {
            let span = d.span_of(s);
            let expected: Vec<usize> = all
                .hits
                .iter()
                .map(|h| h.passage.index())
                .filter(|p| span.contains(p))
                .collect();
            let narrowed = k.search.search_within(q, 0..1000, span.clone());
            let got: Vec<usize> = narrowed.hits.iter().map(|h| h.passage.index()).collect();
            assert_eq!(got, expected, "{q} in {}", s.id);
            assert_eq!(narrowed.total, expected.len(), "{q} in {}", s.id);
        }
    }
}

#[test]
fn article_titles_complete_newest_first_for_article_and_search() {
    let k = library();
    for (command, option) in [
        (minilateral::command::CommandName::Article, "title"),
        (minilateral::command::CommandName::Search, "article"),
    ] {
        let all = minilateral::answer::complete(
            &k,
            &minilateral::command::completion(command, (option.into(), String::new()), &vec![]),
        );
        let values: Vec<&str> = all.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(
            values,
            ["clubs-at-work-2026", "small-clubs-2025", "itc-2024"],
            "{option}"
        );
        let some = minilateral::answer::complete(
            &k,
            &minilateral::command::completion(command, (option.into(), "small cl".into()), &vec![]),
        );
        assert_eq!(some.len(), 1, "{option}");
        assert_eq!(
            some[0].label,
            "Small Clubs, Big Questions: Tech Cooperation in 2025"
        );
    }
}

/// Someone quoted in an article is introduced by it: a draft that drops their byline there
/// is refused, naming the person, the article and a passage of theirs in it.
#[test]
fn a_person_speaking_in_an_article_needs_its_byline() {
    let dir = library_dir("library-byline");
    let path = dir.join("small-clubs-2025.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    doc["passages"]
        .as_array_mut()
        .unwrap()
        .retain(|p| p["id"] != "2025-filer-byline");
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let out = super::minilateral(&["--data", dir.to_str().unwrap(), "check"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1), "{}", super::stdout(&out));
    let err = super::stderr(&out);
    assert!(
        err.contains("expert \"tanya-filer\"")
            && err.contains("speaks in source \"small-clubs-2025\" (passage \"2025-filer-"),
        "{err}"
    );
}
