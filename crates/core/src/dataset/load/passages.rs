//! Passages placed in their source: each found verbatim, put in source order, and checked
//! for overlaps (the same words stored twice) and for lead-ins that do not lead into them.

use std::collections::HashMap;
use std::ops::Range;

use super::texts::{Bylines, SourceTexts, Texts, other_verbatim, source_texts};
use super::{Joined, Who};
use crate::dataset::problem::{Problem, Subject};
use crate::dataset::{Id, Kind, Layout, Passage, PassageKind, verbatim};

/// Where a passage starting at byte `start` of `text` stands: its paragraph, and the list
/// marker ("1/", "2.", "•") that opens its line, if the passage is a list item.
fn layout(text: &str, start: usize, paragraph: u32) -> Layout {
    let line_start = text
        .get(..start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let prefix = text.get(line_start..start).unwrap_or_default();
    let marker = prefix
        .trim()
        .trim_start_matches(['“', '"', '‘', '\'', '«'])
        .trim();
    Layout {
        paragraph,
        marker: is_list_marker(marker).then(|| marker.to_string()),
    }
}

/// "1/", "2.", "3)", "a)", "•", "-", "*": what opens a list item; nothing else.
fn is_list_marker(s: &str) -> bool {
    let numbered = |body: &str| {
        !body.is_empty()
            && body.chars().count() <= 3
            && (body.chars().all(|c| c.is_ascii_digit())
                || (body.chars().count() == 1 && body.chars().all(|c| c.is_ascii_lowercase())))
    };
    match s {
        "•" | "-" | "*" | "–" | "·" => true,
        _ => s.strip_suffix(['/', '.', ')']).is_some_and(numbered),
    }
}

/// Texts not found in their source that `check` explains with the nearest text; the rest
/// are named only (each explanation is a pass over the source's words).
const EXPLAINED: usize = 20;

/// Where a passage was found: its source's index and its byte range in the source's text.
type Placed = (usize, Range<usize>);
/// A passage's place in the sorted list: (source's index, byte offset).
type Place = (usize, usize);

/// Finds every passage in its source's text (and every other text the dataset says is
/// the source's words), then puts the passages in source order. Reports each text that
/// is not verbatim, with the nearest text of the source; passages that overlap (the same
/// words stored twice); and lead-ins that do not lead into their passage.
pub(super) fn place_passages(joined: &mut Joined, texts: &Texts<'_>, problems: &mut Vec<Problem>) {
    // A source's text is needed once, here: taken out, the dataset keeps no copy of it.
    let inline: HashMap<Id, String> = joined
        .dataset
        .sources
        .iter_mut()
        .filter_map(|s| Some((s.id.clone(), s.text.take()?)))
        .collect();
    let full = source_texts(joined, texts, &inline, problems);
    // Where the previous passage of each source ended: passages written in source order
    // are each found at once.
    let mut cursor: HashMap<&Id, usize> = HashMap::new();
    let mut placed: Vec<Option<(usize, Range<usize>)>> = Vec::new();
    // Texts not found: the first few are explained with the nearest text of the source,
    // the rest only named, so that a broken source of a huge dataset reports quickly.
    let mut unexplained = EXPLAINED;
    for (i, p) in joined.dataset.passages.iter().enumerate() {
        let Some((index, text, text_name)) = full.get(&p.source) else {
            placed.push(None);
            continue;
        };
        if p.text.trim().is_empty() {
            // Reported as an empty field by the checker.
            placed.push(None);
            continue;
        }
        let from = cursor.get(&p.source).copied().unwrap_or(0);
        let explain = if unexplained > 0 {
            verbatim::Explain::Nearest
        } else {
            verbatim::Explain::NotFound
        };
        match verbatim::locate_in(text, &p.text, from, explain) {
            Ok(range) => {
                cursor.insert(&p.source, range.end);
                placed.push(Some((*index, range)));
            }
            Err(nearest) => {
                unexplained = unexplained.saturating_sub(1);
                placed.push(None);
                let subject = joined.origin.subject(Who::new(Kind::Passage, i, &p.id));
                problems.push(not_verbatim(subject, "text", p, text_name, nearest));
            }
        }
    }
    let leads = lead_ins(joined, &full, &placed, problems);
    overlaps(joined, &placed, &leads, problems);
    // Where each person's first byline stands in each source: a role or a publication
    // title "as written" is looked for from there first, since a byline writes them (from
    // the text's start, each would cost a long article's whole text).
    let mut bylines: Bylines<'_> = HashMap::new();
    for (p, placed) in joined.dataset.passages.iter().zip(&placed) {
        if let (PassageKind::Byline, Some(person), Some((_, r))) =
            (p.kind, p.concerns.first(), placed)
        {
            bylines.entry((&p.source, person)).or_insert(r.start);
        }
    }
    other_verbatim(joined, &full, &bylines, problems);
    // Source order; passages that could not be placed stay last, in file order (the
    // dataset is refused anyway).
    let mut keyed: Vec<(Place, usize, Passage, Option<Placed>)> =
        std::mem::take(&mut joined.dataset.passages)
            .into_iter()
            .zip(placed)
            .enumerate()
            .map(|(i, (p, placed))| {
                let key = placed
                    .as_ref()
                    .map_or((usize::MAX, i), |(s, r)| (*s, r.start));
                (key, i, p, placed)
            })
            .collect();
    keyed.sort_by_key(|(key, ..)| *key);
    let order: Vec<usize> = keyed.iter().map(|(_, old, ..)| *old).collect();
    // Each source's text by its index, to read where each passage stands in it.
    let by_index: HashMap<usize, &str> = full
        .values()
        .map(|(index, text, _)| (*index, &**text))
        .collect();
    // (source, byte offset, paragraph) of the last passage laid out: newlines are counted
    // once per source, since passages are now in source order.
    let mut last: Option<(usize, usize, u32)> = None;
    for (key, _, mut p, placed) in keyed {
        p.at = key;
        if let Some((source, range)) = placed
            && let Some(text) = by_index.get(&source)
        {
            let (from, paragraph) = match last {
                Some((s, at, n)) if s == source && at <= range.start => (at, n),
                _ => (0, 0),
            };
            let before = text.get(from..range.start).unwrap_or_default();
            let lines = u32::try_from(before.matches('\n').count()).unwrap_or(u32::MAX);
            let paragraph = paragraph.saturating_add(lines);
            last = Some((source, range.start, paragraph));
            p.layout = layout(text, range.start, paragraph);
        }
        joined.dataset.passages.push(p);
    }
    joined.origin.reorder(Kind::Passage, &order);
}

/// Two passages of one source that share words (or a passage and another's lead-in):
/// the same text stored twice, which a reply would show twice.
fn overlaps(
    joined: &Joined,
    placed: &[Option<(usize, Range<usize>)>],
    leads: &[(usize, Range<usize>, usize)],
    problems: &mut Vec<Problem>,
) {
    // (source, span, passage, whether the span is that passage's lead-in)
    let mut spans: Vec<(usize, Range<usize>, usize, bool)> = placed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.clone().map(|(s, r)| (s, r, i, false)))
        .chain(leads.iter().map(|(s, r, i)| (*s, r.clone(), *i, true)))
        .collect();
    spans.sort_by_key(|(s, r, i, lead)| (*s, r.start, *lead, *i));
    let name = |i: usize, lead: bool| {
        let id = joined.dataset.passages.get(i).map_or("", |p| p.id.as_str());
        if lead {
            format!("the `lead_in` of passage \"{id}\"")
        } else {
            format!("passage \"{id}\"")
        }
    };
    // The span reaching furthest so far, per source: a later one starting before its end
    // overlaps it.
    let mut reach: Option<(usize, usize, usize, bool)> = None;
    for (source, range, i, lead) in spans {
        if let Some((s, end, j, other_lead)) = reach
            && s == source
            && range.start < end
        {
            let Some(p) = joined.dataset.passages.get(i) else {
                continue;
            };
            problems.push(Problem::Overlap {
                subject: joined.origin.subject(Who::new(Kind::Passage, i, &p.id)),
                what: if lead { "its `lead_in`" } else { "it" },
                other: name(j, other_lead),
            });
        }
        if reach.is_none_or(|(s, end, _, _)| s != source || range.end > end) {
            reach = Some((source, range.end, i, lead));
        }
    }
}

/// A lead-in is the words just before its passage: only spacing, quotes, list markers
/// and passages with the same lead-in (the items of one list) may come between.
/// Returns where each distinct lead-in is (source, span, the first passage it leads
/// into), for the overlap check.
fn lead_ins(
    joined: &Joined,
    full: &SourceTexts<'_>,
    placed: &[Option<(usize, Range<usize>)>],
    problems: &mut Vec<Problem>,
) -> Vec<(usize, Range<usize>, usize)> {
    let passages = &joined.dataset.passages;
    let mut spans: Vec<(usize, Range<usize>, usize)> = Vec::new();
    let mut seen: std::collections::HashSet<(usize, usize)> = Default::default();
    // The placed passages that share a lead-in, by source and lead-in: the items of one
    // list, which may stand between a later item and its lead-in.
    let mut lists: HashMap<(&Id, &str), Vec<Range<usize>>> = HashMap::new();
    for (p, placed) in passages.iter().zip(placed) {
        if let (Some(lead), Some((_, range))) = (&p.lead_in, placed) {
            lists
                .entry((&p.source, lead.as_str()))
                .or_default()
                .push(range.clone());
        }
    }
    for ranges in lists.values_mut() {
        ranges.sort_by_key(|r| r.start);
    }
    for (i, (p, placed)) in passages.iter().zip(placed).enumerate() {
        let (Some(lead), Some((source, range)), Some((_, text, text_name))) =
            (&p.lead_in, placed, full.get(&p.source))
        else {
            continue;
        };
        let subject = || joined.origin.subject(Who::new(Kind::Passage, i, &p.id));
        if lead.trim().is_empty() {
            continue;
        }
        let Some(at) = text.get(..range.start).and_then(|t| t.rfind(lead.as_str())) else {
            problems.push(match verbatim::locate(text, lead, 0) {
                Ok(_) => Problem::LeadInNotBefore {
                    subject: subject(),
                    between: String::new(),
                },
                Err(n) => not_verbatim(subject(), "lead_in", p, text_name, n),
            });
            continue;
        };
        let span = at..at + lead.len();
        // The items of one list share their lead-in's span: it counts once.
        if seen.insert((*source, span.start)) {
            spans.push((*source, span, i));
        }
        let gap = at + lead.len()..range.start;
        // The gap less the siblings in it; only those are looked at (an article may
        // write one lead-in before thousands of lists).
        let siblings = lists
            .get(&(&p.source, lead.as_str()))
            .map_or(&[][..], Vec::as_slice);
        let from = siblings.partition_point(|r| r.end <= gap.start);
        let mut between = String::new();
        let mut k = gap.start;
        for r in siblings.iter().skip(from).take_while(|r| r.start < gap.end) {
            if r.start > k {
                between.push_str(text.get(k..r.start).unwrap_or_default());
            }
            k = k.max(r.end);
        }
        if k < gap.end {
            between.push_str(text.get(k..gap.end).unwrap_or_default());
        }
        if between.chars().any(char::is_alphabetic) {
            let shown: String = between.split_whitespace().collect::<Vec<_>>().join(" ");
            let shown: String = shown.chars().take(80).collect();
            problems.push(Problem::LeadInNotBefore {
                subject: subject(),
                between: format!(" (“{shown}” comes between)"),
            });
        }
    }
    spans
}

fn not_verbatim(
    subject: Subject,
    field: &str,
    p: &Passage,
    text_name: &str,
    nearest: Option<verbatim::Nearest>,
) -> Problem {
    let mut context = Vec::new();
    if let Some(s) = &p.speaker {
        context.push(format!("said by {s}"));
    }
    if !p.concerns.is_empty() {
        let ids: Vec<&str> = p.concerns.iter().map(Id::as_str).collect();
        context.push(format!("about {}", ids.join(", ")));
    }
    Problem::NotVerbatim {
        subject,
        field: field.to_string(),
        context: if context.is_empty() {
            String::new()
        } else {
            format!(" ({})", context.join("; "))
        },
        source_id: p.source.to_string(),
        text_name: text_name.to_string(),
        nearest,
    }
}
