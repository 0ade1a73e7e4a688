//! Lists that lead somewhere and scale: a miss names what the bot knows of that kind, `/about`
//! names the experts and groups, and `/wish YEAR` shows a page of experts at a time with
//! stateless page buttons that walk every expert once.

use std::collections::BTreeSet;

use minilateral::answer;
use minilateral::command::{Asked, NameOrId, Request};
use minilateral::dataset::{DataText, Dataset, Id};
use minilateral::knowledge::Knowledge;
use minilateral_synthetic::{Spec, dataset_json};

use crate::{ask, bundled, labels};
use minilateral::reply::Visibility;

#[test]
fn a_miss_lists_what_the_bot_knows_of_that_kind() {
    let k = Knowledge::new(bundled());
    let reply = ask(&k, "/group g20");
    let content = reply.content.as_deref().unwrap_or_default();
    assert!(
        content.starts_with(
            "No group matches “g20”. The groups I know: **G7**, **BRICS**, **I2U2**, **3SI**."
        ),
        "{content}"
    );
    assert_eq!(labels(&reply), ["G7", "BRICS", "I2U2", "3SI"]);
    // Each button opens its card.
    let asked = reply.buttons[0].asked().clone();
    assert_eq!(
        asked.request,
        Request::Group {
            group: NameOrId::Id(Id::new("g7"))
        }
    );
    // For `/wish YEAR expert:…` the buttons ask the wishes again, with the expert chosen.
    let reply = ask(&k, "/wish 2024 expert:zzz");
    assert!(labels(&reply).contains(&"Tanya Filer"));
    let filer = reply
        .buttons
        .iter()
        .find(|b| b.label == "Tanya Filer")
        .unwrap();
    let asked = filer.asked().clone();
    assert!(
        matches!(&asked.request, Request::Wish { year: 2024, expert: Some(NameOrId::Id(e)), page: 1 } if e.as_str() == "tanya-filer"),
        "{asked:?}"
    );
}

#[test]
fn about_names_the_experts_and_groups() {
    let k = Knowledge::new(bundled());
    let reply = ask(&k, "/about");
    let fields = &reply.cards[0].fields;
    let field = |name: &str| {
        fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    };
    assert_eq!(
        field("Experts"),
        Some("**Sara Pantuliano**, **Antonio Weiss**, **Chris Meserole**, **Tanya Filer**")
    );
    // Quoted in the introduction, not on the panel: not called an expert.
    assert_eq!(field("Also quoted"), Some("**Jose W. Fernandez**"));
    assert_eq!(
        field("Groups"),
        Some("**G7**, **BRICS**, **I2U2**, **3SI**")
    );
    assert!(labels(&reply).contains(&"I2U2"));
}

#[test]
fn wish_pages_walk_every_expert_with_wishes_once() {
    let spec = Spec {
        entities: 600,
        seed: 3,
        long_texts: false,
    };
    let d = Dataset::load(&[DataText::new("synthetic.json", dataset_json(spec))]).unwrap();
    let k = Knowledge::new(d);
    let year = k.dataset.wish_years()[0];
    // Who has a wish for the year, found without the index the answer reads.
    let d = &k.dataset;
    let want: Vec<String> = d
        .experts()
        .iter()
        .filter(|e| d.wishes_of(e.id.as_str()).any(|w| w.year == Some(year)))
        .map(|e| e.name.clone())
        .collect();
    let total = want.len();
    assert!(total > 20, "{total}");
    let mut asked = Asked {
        request: Request::Wish {
            year: i64::from(year),
            expert: None,
            page: 1,
        },
        visibility: Visibility::Public,
    };
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let reply = answer::answer(&k, &asked);
        pages += 1;
        let card = &reply.cards[0];
        let first = seen.len() + 1;
        seen.extend(card.fields.iter().map(|f| {
            // The field's name is the expert's display name ("Name, PhD").
            f.name.split(", ").next().unwrap().to_string()
        }));
        let footer = card.footer.as_deref().unwrap_or_default();
        assert!(
            footer.starts_with(&format!("Experts {first}–{} of {total} · ", seen.len())),
            "{footer}"
        );
        assert!(card.fields.len() <= 5);
        let Some(next) = reply.buttons.iter().find(|b| b.label == "Next ▸") else {
            break;
        };
        asked = next.asked().clone();
        assert!(
            asked.visibility.is_private(),
            "other pages open for whoever clicks"
        );
    }
    assert_eq!(seen, want);
    assert_eq!(pages, total.div_ceil(5));
    // Every page's names once, and a page past the end shows the last one.
    assert_eq!(seen.iter().collect::<BTreeSet<_>>().len(), total);
    let past = answer::answer(
        &k,
        &Asked {
            request: Request::Wish {
                year: i64::from(year),
                expert: None,
                page: 10_000,
            },
            visibility: Visibility::Public,
        },
    );
    let last = past.cards[0]
        .fields
        .last()
        .map(|f| f.name.split(", ").next().unwrap().to_string());
    assert_eq!(last.as_ref(), want.last());
    assert!(past.buttons.iter().any(|b| b.label == "◂ Previous"));
}
