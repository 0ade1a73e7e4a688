//! The synthetic library (`LibrarySpec`): it loads, is the same for the same spec, and its
//! experts speak in several articles, each time introduced by a byline of that article.

use std::collections::{HashMap, HashSet};

use minilateral_core::dataset::{DataText, Dataset, PassageKind};
use minilateral_synthetic::{LibrarySpec, library_json};

#[test]
fn a_library_loads_and_experts_speak_in_several_articles() {
    let spec = LibrarySpec {
        articles: 60,
        seed: 7,
    };
    let text = library_json(spec);
    assert_eq!(text, library_json(spec));
    let d = Dataset::load(&[DataText::new("library.json", text)]).unwrap();
    assert_eq!(d.sources().len(), 60);
    for s in d.sources() {
        assert!(d.question(s).is_some(), "{}", s.id);
        assert_ne!(d.title(s), s.id.as_str());
    }
    let per_article = d.passages().len() as f64 / 60.0;
    assert!((40.0..60.0).contains(&per_article), "{per_article}");
    let experts_per_article = d.experts().len() as f64 / 60.0;
    assert!(
        (4.0..6.5).contains(&experts_per_article),
        "{experts_per_article}"
    );

    // An expert who speaks in an article is introduced by a byline in it.
    let mut spoke: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut introduced: HashSet<(&str, &str)> = HashSet::new();
    for p in d.passages() {
        if let Some(s) = &p.speaker {
            spoke
                .entry(s.as_str())
                .or_default()
                .insert(p.source.as_str());
        }
        if p.kind == PassageKind::Byline {
            introduced.insert((p.concerns[0].as_str(), p.source.as_str()));
        }
    }
    for (expert, sources) in &spoke {
        for source in sources {
            assert!(
                introduced.contains(&(*expert, *source)),
                "{expert} in {source}"
            );
        }
    }
    let several = spoke.values().filter(|s| s.len() > 1).count();
    assert!(
        several > 20,
        "{several} experts speak in more than one article"
    );
    assert!(spoke.values().any(|s| s.len() >= 5));

    // Groups are spoken of in articles after the one that first names them.
    let spoken_later = d
        .groups()
        .iter()
        .filter(|g| d.about(g.id.as_str()).any(|p| p.source != g.source))
        .count();
    assert!(spoken_later * 2 > d.groups().len());
    // Wishes look ahead to the years of their articles.
    assert!(d.wish_years().len() >= 12, "{:?}", d.wish_years());
}
