//! `import` reads an article the same whatever its blank lines: the bundled article with one
//! or several blank lines after its title (a "# " heading or not), between every paragraph,
//! or anywhere, drafts the same passages as the article as published.

use std::cell::Cell;

use minilateral::import::{Options, draft};

use crate::fixture_text;

/// What a draft says, passage by passage: id, kind, text, speaker, year, lead-in, concerns.
fn passages(text: &str) -> Vec<String> {
    let d = draft(text, &Options::default(), None)
        .unwrap_or_else(|e| panic!("the article drafts: {e}\n{text}"));
    d.file
        .passages
        .iter()
        .map(|p| {
            format!(
                "{} {} {:?} {:?} {:?} {:?} {:?}",
                p.id,
                p.kind.as_str(),
                p.text,
                p.speaker.as_ref().map(|s| s.as_str()),
                p.year,
                p.lead_in,
                p.concerns.iter().map(|c| c.as_str()).collect::<Vec<_>>()
            )
        })
        .collect()
}

fn bundled_lines() -> Vec<String> {
    fixture_text("../../data/itc-2024.txt")
        .lines()
        .map(String::from)
        .collect()
}

/// The article with its title as a "# " heading or not, and after each line the number of
/// blank lines `gaps` gives (a blank line holding spaces when `spaced`).
fn laid_out(lines: &[String], heading: bool, gaps: &[usize], spaced: bool) -> String {
    let blank = if spaced { "  \n" } else { "\n" };
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == 0 && heading {
            text.push_str("# ");
        }
        text.push_str(line);
        text.push('\n');
        for _ in 0..gaps.get(i).copied().unwrap_or(0) {
            text.push_str(blank);
        }
    }
    text
}

#[test]
fn blank_lines_after_the_title_or_between_paragraphs_change_nothing() {
    let lines = bundled_lines();
    let published = passages(&laid_out(&lines, false, &[], false));
    let answers = published.iter().filter(|p| p.contains(" wish ")).count();
    assert!(answers >= 4, "the published article has its wishes");
    let none = vec![0; lines.len()];
    let after_title = |n: usize| {
        let mut gaps = none.clone();
        gaps[0] = n;
        gaps
    };
    let cases = [
        (
            "one blank line after a # title (issue 28)",
            true,
            after_title(1),
        ),
        ("one blank line after the title", false, after_title(1)),
        ("three blank lines after a # title", true, after_title(3)),
        (
            "a blank line between every paragraph",
            false,
            vec![1; lines.len()],
        ),
        (
            "a # title and two blank lines everywhere",
            true,
            vec![2; lines.len()],
        ),
    ];
    for (what, heading, gaps) in cases {
        let text = laid_out(&lines, heading, &gaps, false);
        assert_eq!(passages(&text), published, "{what}");
    }
}

#[test]
fn any_layout_of_blank_lines_drafts_the_same_passages() {
    use proptest::prelude::*;
    let lines = bundled_lines();
    let published = passages(&laid_out(&lines, false, &[], false));
    const CASES: u32 = 150;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(CASES));
    let compared = Cell::new(0u32);
    let layouts = (
        any::<bool>(),
        proptest::collection::vec(0usize..=3, lines.len()),
        any::<bool>(),
    );
    runner
        .run(&layouts, |(heading, gaps, spaced)| {
            let text = laid_out(&lines, heading, &gaps, spaced);
            prop_assert_eq!(passages(&text), published.clone(), "{}", text);
            compared.set(compared.get() + 1);
            Ok(())
        })
        .unwrap();
    // Every generated layout drafted and was compared, none skipped.
    assert_eq!(compared.get(), CASES);
}
