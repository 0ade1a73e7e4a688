//! The passages of a draft before they have ids: answers cut into statements and wishes,
//! numbered wishes with their shared lead-in, and the article's own sentences.

use std::ops::Range;

use minilateral_core::dataset::PassageKind;

use super::text::{self, Para, Quotation};

/// A passage being drafted: a span of the text, what it is, and what the importer guessed.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    pub range: Range<usize>,
    pub kind: PassageKind,
    pub speaker: Option<String>,
    pub year: Option<i32>,
    pub lead_in: Option<Range<usize>>,
    pub review: Vec<String>,
    /// Set for bylines (the person, their organisations, co-authors); found in the text for
    /// the others.
    pub concerns: Option<Vec<String>>,
    /// Statements of one paragraph may be joined into one passage; this says which paragraph.
    pub paragraph: usize,
}

impl Unit {
    pub fn new(range: Range<usize>, kind: PassageKind, paragraph: usize) -> Unit {
        Unit {
            range,
            kind,
            speaker: None,
            year: None,
            lead_in: None,
            review: Vec::new(),
            concerns: None,
            paragraph,
        }
    }
}

/// Phrases by which an expert says, in the first person, what they want to see: a sentence
/// holding one is a wish (docs/curating.md, "What counts as a wish").
const WISHES: &[&str] = &[
    "i hope to see",
    "i hope that",
    "i hope for",
    "i would like to see",
    "i’d like to see",
    "i'd like to see",
    "i want to see",
    "what i want",
    "i would love to see",
    "i wish",
    "my hope is",
    "my wish",
];

/// Sentence openings that docs/curating.md counts as wishes too, but that can as well open
/// reasoning: a wish read from one of these is marked for review.
const WEAK_WISHES: &[&str] = &[
    "we need ",
    "we also need ",
    "we still need ",
    "the most important thing",
    "the one thing",
    "what we need",
];

/// Whether `sentence` is a wish: Some(true) when a first-person phrase says so, Some(false)
/// when only an opening such as "We need" does (a guess), None when it is not.
fn wish_cue(sentence: &str) -> Option<bool> {
    let lower = sentence.to_lowercase();
    if WISHES.iter().any(|w| lower.contains(w)) {
        Some(true)
    } else if WEAK_WISHES.iter().any(|w| lower.starts_with(w)) {
        Some(false)
    } else {
        None
    }
}

/// The first year (1900–2100) `s` names.
pub(super) fn year_in(s: &str) -> Option<i32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (1900..=2100).contains(y))
}

/// A quotation given to the person who said it.
pub(super) struct Answer<'a> {
    pub quote: &'a Quotation,
    /// The paragraphs it spans.
    pub paras: Range<usize>,
    pub speaker: Option<String>,
    /// The speaker is that of a byline beside the next (or previous) quotation, not its own.
    pub shared: bool,
}

/// A stretch of an answer: prose, or one item of a list ("1/ …", "- …").
enum Segment {
    Prose(Range<usize>, usize),
    Item(Range<usize>, usize),
}

/// The passages of one answer: its sentences as statements and wishes, and the items of a
/// list after a lead-in such as "In 2024 I hope to see:" each as a passage with that lead-in.
pub(super) fn answer(text: &str, paras: &[Para], a: &Answer<'_>, year: i32) -> Vec<Unit> {
    let mut out = Vec::new();
    let segments = segments(text, paras, a);
    let mut lead: Option<Range<usize>> = None;
    for (n, segment) in segments.iter().enumerate() {
        match segment {
            Segment::Prose(range, para) => {
                let mut sentences = text::sentences(text, range.clone());
                let list_follows = matches!(segments.get(n + 1), Some(Segment::Item(..)));
                lead = None;
                if list_follows
                    && sentences
                        .last()
                        .is_some_and(|s| text[s.clone()].ends_with(':'))
                {
                    lead = sentences.pop();
                }
                for s in sentences {
                    out.push(sentence(text, s, *para, a, year, None));
                }
            }
            Segment::Item(range, para) => {
                out.push(sentence(text, range.clone(), *para, a, year, lead.clone()));
            }
        }
    }
    out
}

/// One sentence (or list item) of an answer, as a statement or a wish.
fn sentence(
    text: &str,
    range: Range<usize>,
    para: usize,
    a: &Answer<'_>,
    year: i32,
    lead: Option<Range<usize>>,
) -> Unit {
    let words = &text[range.clone()];
    let lead_text = lead.clone().map(|l| &text[l]);
    let cue = wish_cue(words).or_else(|| lead_text.and_then(wish_cue));
    let mut unit = Unit::new(range, PassageKind::Statement, para);
    unit.speaker = a.speaker.clone();
    unit.lead_in = lead;
    if let Some(strong) = cue {
        unit.kind = PassageKind::Wish;
        let named = year_in(words).or_else(|| lead_text.and_then(year_in));
        unit.year = Some(named.unwrap_or(year));
        if !strong {
            unit.review.push(
                "read as a wish from how it opens: make it a statement if it is reasoning rather than what they want to see"
                    .into(),
            );
        }
        if named.is_none() {
            unit.review.push(format!(
                "a wish that names no year: given the article's, {year}"
            ));
        }
    }
    if a.shared {
        unit.review.push(
            "a quotation with no byline of its own, given to the speaker of the quotation beside it: check"
                .into(),
        );
    }
    if a.speaker.is_none() {
        unit.kind = PassageKind::Framing;
        unit.year = None;
        unit.review.clear();
        unit.review.push(
            "a quotation that no byline attributes: who said it? Make it a statement or wish with that speaker"
                .into(),
        );
    }
    unit
}

/// An answer's words as prose and list items, without its quotation marks. Lines of one
/// paragraph join ("soft" line breaks), but a line that starts with a list marker starts an
/// item.
fn segments(text: &str, paras: &[Para], a: &Answer<'_>) -> Vec<Segment> {
    let inside = a.quote.inside();
    let mut out: Vec<Segment> = Vec::new();
    for pi in a.paras.clone() {
        let mut r = paras[pi].range.clone();
        r.start = r.start.max(inside.start);
        r.end = r.end.min(inside.end);
        // The reopening marks are in the text's order: halving finds this paragraph's, so a
        // quotation over many paragraphs costs no walk over all of them for each.
        let reopened = &a.quote.reopened;
        if let Ok(i) = reopened.binary_search_by_key(&r.start, |m| m.start)
            && let Some(mark) = reopened.get(i)
        {
            r.start = mark.end;
        }
        let mut at = r.start;
        let mut fresh_para = true;
        for line in text[r.clone()].split_inclusive('\n') {
            let line_range = text::trim(text, at..at + line.len());
            at += line.len();
            if line_range.is_empty() {
                continue;
            }
            let marker = text::list_marker(&text[line_range.clone()]);
            // A line goes on the item before it when that item has not ended its sentence
            // or the line does not start one (a wrapped item); else it is prose again.
            let ended = |item: &Range<usize>| text[item.clone()].ends_with(['.', '!', '?', '…']);
            let starts = text[line_range.clone()].starts_with(char::is_uppercase);
            match (marker, out.last_mut()) {
                (Some(m), _) => out.push(Segment::Item(line_range.start + m..line_range.end, pi)),
                (None, Some(Segment::Prose(last, _))) if !fresh_para => last.end = line_range.end,
                (None, Some(Segment::Item(last, _))) if !(fresh_para || ended(last) && starts) => {
                    last.end = line_range.end;
                }
                (None, _) => out.push(Segment::Prose(line_range, pi)),
            }
            fresh_para = false;
        }
    }
    out
}

/// The article's own sentences in `range`: framing, with a note where one quotes someone.
pub(super) fn framing(text: &str, range: Range<usize>, para: usize) -> Vec<Unit> {
    text::sentences(text, range)
        .into_iter()
        .map(|s| {
            let mut unit = Unit::new(s.clone(), PassageKind::Framing, para);
            if text[s].contains(['“', '"']) {
                unit.review.push(
                    "the article's voice quoting someone: if a person is quoted, make the quoted words a statement with that speaker (and the words naming them a byline)"
                        .into(),
                );
            }
            unit
        })
        .collect()
}

/// Statements that follow each other in one paragraph, by one speaker, about the same
/// entities and with nothing to review, become one passage (as a curator would cut them);
/// a sentence that names a group of its own stays apart, so that `/group` shows just it.
pub(super) fn join(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for unit in units {
        if let Some(last) = out.last_mut() {
            let joins = last.kind == PassageKind::Statement
                && unit.kind == PassageKind::Statement
                && last.paragraph == unit.paragraph
                && last.speaker == unit.speaker
                && last.concerns == unit.concerns
                && last.lead_in.is_none()
                && unit.lead_in.is_none()
                && last.review.is_empty()
                && unit.review.is_empty();
            if joins {
                last.range.end = unit.range.end;
                continue;
            }
        }
        out.push(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wishes_by_their_first_person_phrase() {
        assert_eq!(
            wish_cue("In 2024 I hope to see the growing range"),
            Some(true)
        );
        assert_eq!(
            wish_cue("In 2024, I would like to see greater use"),
            Some(true)
        );
        assert_eq!(wish_cue("We need a lot more investment"), Some(false));
        assert_eq!(wish_cue("It’s critical to create the space"), None);
        assert_eq!(
            wish_cue("The resources aimed at X need to be proportionate"),
            None
        );
        assert_eq!(year_in("In 2024 I hope"), Some(2024));
        assert_eq!(year_in("a 12345 and 1850"), None);
    }
}
