//! Passages: every answer is built from the article's passages, each shown once; search over
//! them is complete, paged and the same in every process; `export` gives the documented shape.

use std::collections::BTreeSet;

use minilateral::answer;
use minilateral::command::{Asked, Request};
use minilateral::dataset::Dataset;
use minilateral::knowledge::Knowledge;
use minilateral::reply::{Fitted, Reply, Visibility};
use serde_json::Value;

use crate::limits::check_everything;
use crate::{ask, bundled, minilateral, stderr, stdout};

/// Lowercase words of letters and digits, whatever the Markdown, escapes or line breaks
/// around them: how a reader compares two pieces of text.
fn plain_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Everything a reply shows as text.
fn shown(reply: &Reply) -> String {
    let mut out: Vec<&str> = reply.content.iter().map(String::as_str).collect();
    for c in &reply.cards {
        out.push(&c.title);
        out.push(&c.description);
        for f in &c.fields {
            out.push(&f.name);
            out.push(&f.value);
        }
        out.extend(c.footer.as_deref());
    }
    out.join("\n")
}

/// How often a run of words occurs in `words`.
fn occurrences(words: &[String], run: &[String]) -> usize {
    words.windows(run.len()).filter(|w| *w == run).count()
}

/// Passages of `d` that `reply` shows more than once: some run of eight of a passage's words
/// (all of them, for a shorter passage) occurs twice. A run, not the whole text, so that a
/// passage cut to a snippet still counts.
fn repeated<'d>(d: &'d Dataset, reply: &Reply) -> Vec<&'d str> {
    let words = plain_words(&shown(reply));
    d.passages()
        .iter()
        .filter(|p| {
            let own = plain_words(&p.text);
            let k = own.len().min(8);
            k > 0 && own.windows(k).any(|run| occurrences(&words, run) > 1)
        })
        .map(|p| p.id.as_str())
        .collect()
}

#[test]
fn no_reply_of_the_bundled_data_shows_a_passage_twice() {
    let k = Knowledge::new(bundled());
    // Every word of every passage as a search, besides every card, year and button.
    let words: BTreeSet<String> = k
        .dataset
        .passages()
        .iter()
        .flat_map(|p| plain_words(&p.text))
        .collect();
    let searches: Vec<String> = words.into_iter().collect();
    let checked = check_everything(&k, &searches, &|asked: &Asked, reply: &Fitted| {
        let twice = repeated(&k.dataset, reply);
        assert!(twice.is_empty(), "{asked:?} shows {twice:?} twice");
    });
    assert!(checked > 400, "only {checked} replies walked");
}

#[test]
fn the_duplicate_finder_finds_a_passage_shown_twice() {
    // The check above must be able to fail: a reply that shows a wish as a statement and as
    // a wish, as cards once did, is caught; a snippet of the same passage too.
    let d = bundled();
    let wish = d.passage("meserole-wish-g7-code").unwrap();
    let mut reply = Reply::text(format!("> {}", wish.text), Visibility::Public);
    assert!(repeated(&d, &reply).is_empty());
    reply.content = Some(format!("> {}\n• **{}**", wish.text, wish.text));
    assert_eq!(repeated(&d, &reply), ["meserole-wish-g7-code"]);
    let long = d.passage("filer-lighthouse").unwrap();
    let snippet: String = long.text.chars().skip(40).take(120).collect();
    reply.content = Some(format!("{}\n\n…{snippet}…", long.text));
    assert_eq!(repeated(&d, &reply), ["filer-lighthouse"]);
}

#[test]
fn the_framing_of_the_article_is_found() {
    let k = Knowledge::new(bundled());
    for (query, words) in [
        ("sclerotic", "Against a backdrop of **sclerotic**"),
        ("peer learning", "**peer** **learning** and idea sharing"),
        ("cadre", "A growing **cadre** of policymakers"),
    ] {
        let reply = ask(&k, &format!("/search {query}"));
        let text = &reply.cards[0].description;
        assert!(
            text.starts_with("**The article**, introduction\n> "),
            "{query}: {text}"
        );
        assert!(text.contains(words), "{query}: {text}");
    }
}

#[test]
fn meseroles_g7_line_is_labelled_a_wish_for_2024() {
    let k = Knowledge::new(bundled());
    let card = &ask(&k, "/group g7").cards[0];
    assert!(
        card.description.contains(
            "**Chris Meserole**, wish for 2024:\n_In 2024 I hope to see:_\n> 1/ The G7 code of conduct finalising"
        ),
        "{}",
        card.description
    );
    let found = &ask(&k, "/search code of conduct").cards[0];
    assert!(
        found.description.starts_with(
            "**Chris Meserole**, wish for 2024 · about G7\n_In 2024 I hope to see:_\n> 1/ The G7 **code** of **conduct**"
        ),
        "{}",
        found.description
    );
    // Fernandez's words keep what he called the way of the future.
    let card = &ask(&k, "/expert fernandez").cards[0];
    assert!(
        card.description.contains(
            "_…recently enthused about minilaterals as_\n> the way of the future [...] focused"
        ),
        "{}",
        card.description
    );
    assert!(
        card.description
            .starts_with("_Jose W. Fernandez, US Undersecretary of State")
    );
    // Weiss's affiliation as the article writes it.
    let card = &ask(&k, "/expert weiss").cards[0];
    assert!(
        card.description
            .contains("Bennett Institute for Public Policy, University of Cambridge University"),
        "{}",
        card.description
    );
}

/// The passage ids a search page shows, read back through the labels' order.
fn page_hits(k: &Knowledge, asked: &Asked) -> (Fitted, usize) {
    let reply = answer::answer(k, asked);
    let hits = reply.cards[0]
        .description
        .split("\n\n")
        .filter(|e| e.starts_with("**"))
        .count();
    (reply, hits)
}

#[test]
fn search_pages_through_every_hit_once() {
    let k = Knowledge::new(bundled());
    let total = k.search.search("technology", 0..0).total;
    assert!(total > 10, "{total}");
    let mut asked = minilateral::console::ask("/search technology").unwrap();
    let mut seen = 0;
    let mut texts = BTreeSet::new();
    for page in 1.. {
        let (reply, hits) = page_hits(&k, &asked);
        let card = &reply.cards[0];
        let footer = card.footer.as_deref().unwrap();
        assert!(
            footer.starts_with(&format!("Hits {}–{} of {total}", seen + 1, seen + hits)),
            "{footer}"
        );
        for entry in card
            .description
            .split("\n\n")
            .filter(|e| e.starts_with("**"))
        {
            assert!(
                texts.insert(entry.to_string()),
                "page {page} repeats {entry}"
            );
        }
        seen += hits;
        let more = total - seen;
        let next = reply.buttons.iter().find(|b| b.label == "Next ▸");
        if more == 0 {
            assert!(next.is_none());
            assert!(!card.description.contains("more._"));
            break;
        }
        assert!(
            card.description.ends_with(&format!("_…and {more} more._")),
            "{}",
            card.description
        );
        let next = next.expect("a next button while hits remain");
        assert_eq!(
            crate::button_id(next),
            format!("pick:search@{}:technology", page + 1)
        );
        asked = next.asked().clone();
        assert!(matches!(asked.request, Request::Search { page: p, .. } if p == page + 1));
    }
    assert_eq!(seen, total);
}

#[test]
fn a_long_query_pages_by_its_short_form_or_says_why_not() {
    let k = Knowledge::new(bundled());
    // Over 100 characters as typed, but its content words are few: the buttons carry those.
    let padded = format!("{}minilaterals", "the and of in ".repeat(8));
    assert!(padded.len() > 100);
    let reply = ask(&k, &format!("/search {padded}"));
    let next = reply.buttons.iter().find(|b| b.label == "Next ▸").unwrap();
    assert_eq!(crate::button_id(next), "pick:search@2:minilaterals");
    // Too many content words for any button: the reply says so instead of a dead end.
    let long = "minilaterals technology cooperation governance organisation countries international experts policy secretariat";
    assert!(k.search.search(long, 0..0).total > 5);
    let reply = ask(&k, &format!("/search {long}"));
    assert!(reply.buttons.iter().all(|b| !b.label.contains("Next")));
    let text = &reply.cards[0].description;
    assert!(text.contains("more._"), "{text}");
    assert!(
        text.ends_with("too long for page buttons: shorten it to see the rest._"),
        "{text}"
    );
}

#[test]
fn forms_of_a_word_are_found_and_typos_only_when_the_word_is_absent() {
    let k = Knowledge::new(bundled());
    let found = k.search.search("minilaterals", 0..usize::MAX);
    assert_eq!(found.hits.len(), found.total);
    let d = &k.dataset;
    let ids: Vec<&str> = found
        .hits
        .iter()
        .map(|h| d[h.passage].id.as_str())
        .collect();
    // "minilateral", "minilaterals" and "minilateralism" are one word to search...
    for id in [
        "filer-talking-shops",
        "weiss-byline",
        "intro-technology-cooperation",
    ] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
    // ...and the article's own misspelling "miniliateralism" is indexed under the word it
    // misspells, so it is found too (at half weight).
    assert!(ids.contains(&"intro-one-word"), "{ids:?}");
    // But a word typed that the data holds is never read as another: "world" does not find
    // "would" (one edit from it, and a word of its own: too short to be taken for a misspelling).
    let world = k.search.search("world", 0..usize::MAX);
    assert!(world.total > 0);
    for h in &world.hits {
        let p = &d[h.passage];
        let text = format!("{} {}", p.lead_in.as_deref().unwrap_or_default(), p.text);
        assert!(text.to_lowercase().contains("world"), "{}", p.id);
    }
    let typo = k.search.search("miniliateralisms", 0..3);
    let first = typo.hits.first().map(|h| d[h.passage].id.as_str());
    assert_eq!(first, Some("intro-one-word"));
}

#[test]
fn the_same_search_prints_the_same_bytes_in_two_processes() {
    for line in ["/search ai safety", "/search minilaterals", "/search g7"] {
        let first = minilateral(&["ask", line, "--json"]);
        let second = minilateral(&["ask", line, "--json"]);
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(!first.stdout.is_empty());
        assert_eq!(
            stdout(&first),
            stdout(&second),
            "{line} differs between runs"
        );
    }
}

/// Every element of `doc[list]` has each of `keys` (present, even when null).
fn has_keys(doc: &Value, list: &str, keys: &[&str]) {
    let items = doc[list]
        .as_array()
        .unwrap_or_else(|| panic!("{list} is a list"));
    assert!(!items.is_empty(), "{list} is empty");
    for item in items {
        let object = item.as_object().unwrap();
        for key in keys {
            assert!(object.contains_key(*key), "{list}: no `{key}` in {item}");
        }
    }
}

#[test]
fn export_prints_the_documented_shape() {
    let out = minilateral(&["export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["format"], "minilateral-export/1");
    // The keys of interface.md and docs/curating.md ("Export"), on every element.
    let source = [
        "id",
        "title",
        "question",
        "year",
        "theme",
        "summary",
        "text_file",
        "published",
        "url",
        "short_title",
    ];
    has_keys(&doc, "sources", &source);
    // Never invented: the bundled article gives neither a date nor an address.
    assert_eq!(doc["sources"][0]["published"], Value::Null);
    assert_eq!(doc["sources"][0]["url"], Value::Null);
    let passage = [
        "id", "text", "kind", "speaker", "year", "source", "concerns", "lead_in",
    ];
    has_keys(&doc, "passages", &passage);
    let expert = [
        "id",
        "name",
        "aliases",
        "credentials",
        "panel",
        "byline",
        "roles",
        "quotes",
        "wishes",
        "source",
    ];
    has_keys(&doc, "experts", &expert);
    let group = [
        "id",
        "name",
        "full_name",
        "full_name_source",
        "aliases",
        "members",
        "members_source",
        "members_as_of",
        "members_note",
        "source",
    ];
    has_keys(&doc, "groups", &group);
    let body = [
        "id",
        "name",
        "kind",
        "full_name",
        "aliases",
        "background",
        "source",
    ];
    has_keys(&doc, "bodies", &body);
    has_keys(&doc, "publications", &["id", "title", "authors", "source"]);
    for e in doc["experts"].as_array().unwrap() {
        for role in e["roles"].as_array().unwrap() {
            for key in ["title", "organisation", "current", "as_written"] {
                assert!(role.as_object().unwrap().contains_key(key), "{role}");
            }
        }
        for wish in e["wishes"].as_array().unwrap() {
            for key in ["year", "text", "passage"] {
                assert!(wish.as_object().unwrap().contains_key(key), "{wish}");
            }
        }
    }

    let article = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/itc-2024.txt"),
    )
    .unwrap();
    let kinds = [
        "title",
        "question",
        "framing",
        "byline",
        "statement",
        "wish",
    ];
    let passages = doc["passages"].as_array().unwrap();
    let mut last = 0;
    for p in passages {
        let text = p["text"].as_str().unwrap();
        // Verbatim, and in the article's order.
        let at = article.find(text).unwrap_or_else(|| panic!("{text}"));
        assert!(at >= last, "{text} is out of order");
        last = at;
        assert!(kinds.contains(&p["kind"].as_str().unwrap()), "{p}");
        let speaks = p["kind"] == "wish" || p["kind"] == "statement";
        assert_eq!(p["speaker"].is_string(), speaks, "{p}");
        assert_eq!(p["year"].is_number(), p["kind"] == "wish", "{p}");
        assert_eq!(p["source"], "itc-2024");
        assert!(p["concerns"].is_array(), "{p}");
    }
    let experts = doc["experts"].as_array().unwrap();
    for e in experts {
        // quotes are the texts of the expert's statement passages, in order.
        let statements: Vec<&Value> = passages
            .iter()
            .filter(|p| p["kind"] == "statement" && p["speaker"] == e["id"])
            .map(|p| &p["text"])
            .collect();
        let quotes: Vec<&Value> = e["quotes"].as_array().unwrap().iter().collect();
        assert_eq!(quotes, statements, "{}", e["id"]);
    }
    let meserole = experts
        .iter()
        .find(|e| e["id"] == "chris-meserole")
        .unwrap();
    let wishes = meserole["wishes"].as_array().unwrap();
    assert_eq!(wishes.len(), 3);
    assert_eq!(wishes[0]["year"], 2024);
    assert_eq!(wishes[0]["text"], "The G7 code of conduct finalising");
    let g7 = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "g7")
        .unwrap();
    assert_eq!(g7["name"], "G7");
    assert!(g7["aliases"].as_array().unwrap().contains(&"G-7".into()));
    assert_eq!(g7["members"].as_array().unwrap().len(), 7);
    assert_eq!(doc["sources"][0]["title"], d_title());
}

fn d_title() -> String {
    let d = bundled();
    d.title(&d.sources()[0]).to_string()
}

#[test]
fn the_readmes_worked_example_of_adding_a_passage_works() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let sentence = "Minilaterals need budgets that outlast a summit.";
    // 1. The sentence is in the text (here we add it, as if the article had it).
    let article = std::fs::read_to_string(root.join("data/itc-2024.txt")).unwrap();
    let anchor = "3SI has reportedly struggled to maintain momentum between summits.";
    let article = article.replacen(anchor, &format!("{anchor} {sentence}"), 1);
    // 2. The passage of docs/curating.md's worked example, added to `passages`.
    let mut json: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("data/minilateral.json")).unwrap())
            .unwrap();
    let passage: Value = serde_json::json!({
        "id": "filer-budgets",
        "source": "itc-2024",
        "kind": "statement",
        "speaker": "tanya-filer",
        "concerns": ["g7"],
        "text": sentence
    });
    json["passages"].as_array_mut().unwrap().push(passage);
    let files = [
        minilateral::dataset::DataText::new("d/minilateral.json", json.to_string()),
        minilateral::dataset::DataText::source_text("d/itc-2024.txt", article),
    ];
    // 3. It loads (as `check` would).
    let k = Knowledge::new(Dataset::load(&files).unwrap());
    assert_eq!(k.dataset.passages().len(), bundled().passages().len() + 1);
    // 4. The G7 card, Filer's card and search show it.
    let g7 = &ask(&k, "/group g7").cards[0].description;
    assert!(
        g7.contains(&format!("**Tanya Filer**, statement:\n> {sentence}")),
        "{g7}"
    );
    assert!(
        ask(&k, "/expert filer").cards[0]
            .description
            .contains(sentence)
    );
    let found = &ask(&k, "/search budgets").cards[0].description;
    assert!(
        found.contains("> Minilaterals need **budgets** that outlast"),
        "{found}"
    );
}

/// An answer is shown as the article gives it: every passage of a person's card in the order of
/// the source text, and a numbered list with the article's own markers.
#[test]
fn every_experts_card_shows_their_passages_in_the_order_of_the_text() {
    let k = Knowledge::new(bundled());
    let d = &k.dataset;
    for e in d.experts() {
        let reply = ask(&k, &format!("/expert {}", e.id));
        let text: String = reply
            .cards
            .iter()
            .map(|c| c.description.replace("**", "").replace('\\', ""))
            .collect::<Vec<_>>()
            .join("\n");
        let mut from = 0;
        for p in d.said_by(e.id.as_str()) {
            let at = text[from..]
                .find(p.text.as_str())
                .unwrap_or_else(|| panic!("{}: {} missing or out of order\n{text}", e.id, p.id));
            from += at + p.text.len();
        }
    }
    let meserole = &ask(&k, "/expert meserole").cards[0].description;
    assert!(
        meserole.contains(
            "_In 2024 I hope to see:_\n> 1/ **The G7 code of conduct finalising**\n> 2/ **The UK AI"
        ),
        "{meserole}"
    );
    assert!(meserole.contains("\n> 3/ **The UN begin"), "{meserole}");
    let wishes = &ask(&k, "/wish 2024").cards[0];
    let value = &wishes
        .fields
        .iter()
        .find(|f| f.name.starts_with("Chris Meserole"))
        .unwrap()
        .value;
    assert!(
        value.contains("1/ The G7 code of conduct finalising\n2/ The UK AI safety summit")
            && value.contains("\n3/ The UN begin"),
        "{value}"
    );
    // Pantuliano's answer opens with her wish: it comes first, in bold where it stands.
    let pantuliano = &ask(&k, "/expert pantuliano").cards[0].description;
    assert!(
        pantuliano.contains("> **The most important thing we should be considering"),
        "{pantuliano}"
    );
}

/// A list said to be the article's is in the article's words ("the UAE", "the US"): here the
/// passage that holds it, quoted once on the card; the states as we name them are labelled as
/// ours.
#[test]
fn a_member_list_from_the_article_is_shown_in_its_words() {
    let k = Knowledge::new(bundled());
    let card = &ask(&k, "/group i2u2").cards[0];
    let members = card
        .fields
        .iter()
        .find(|f| f.name.starts_with("Members"))
        .unwrap();
    assert_eq!(
        members.name,
        "Members (the article lists them in a passage above)"
    );
    assert!(
        card.description
            .contains("> I2U2—comprising India, the UAE, Israel, and the US—and 3SI"),
        "{}",
        card.description
    );
    assert_eq!(
        members.value,
        "_In our list: India, United Arab Emirates, Israel, United States_"
    );
    // Where no passage of the card holds it, the list is quoted, as a fragment of its sentence.
    let india = &ask(&k, "/country india").cards[0];
    assert!(
        india.fields.iter().any(|f| f
            .value
            .starts_with("The article: _I2U2—comprising India, the UAE, Israel, and the US…_")),
        "{:?}",
        india.fields
    );
}
