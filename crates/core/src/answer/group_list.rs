//! Several group names in one text, as `/overlap` takes them ("g7 brics", "Three Seas,
//! I2U2"): reading them, and completing the one being typed.

use crate::dataset::{Group, Id, Kind};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::limits;
use crate::matching::{Choice, Tier};

/// Words between names that join them ("G7 and BRICS"), never a name of their own.
const JOINERS: [&str; 5] = ["and", "vs", "versus", "with", "or"];

/// The most words one group's name is looked for in.
const MAX_NAME_WORDS: usize = 6;

/// What a text of group names names.
#[derive(Default)]
pub(super) struct Named<'k> {
    /// In the text's order, each once.
    pub groups: Vec<&'k Group>,
    /// Names read with a typo forgiven: (as typed, the group), to be said.
    pub guessed: Vec<(String, &'k Group)>,
    /// Pieces that name no group.
    pub unknown: Vec<String>,
}

/// One span of a text: a group named exactly, a group guessed from words, or words that name
/// none.
enum Span<'k> {
    Exact(&'k Group),
    Guessed(String, &'k Group),
    Unknown(String),
}

/// The groups `text` names.
///
/// Names may be separated by commas (or `;`, `/`, `+`, `&`) or only by spaces. Spans of words
/// that are exactly a group's name or alias are taken first, longest first, so that "g7 brics"
/// is two groups and never one guess; what is left between them is then read as one name,
/// typos forgiven, and word by word if that fails. A guess never lands on a group the text
/// names exactly, wherever that name stands ("g77 g7" and "g7 g77" alike: "g77" is unknown).
pub(super) fn named_groups<'k>(k: &'k Knowledge, text: &str) -> Named<'k> {
    let spans: Vec<Span<'k>> = text
        .split(SEPARATORS)
        .flat_map(|piece| segment(k, &piece.split_whitespace().collect::<Vec<_>>()))
        .collect();
    let exact: Vec<&Id> = spans
        .iter()
        .filter_map(|s| match s {
            Span::Exact(g) => Some(&g.id),
            _ => None,
        })
        .collect();
    let mut named = Named::default();
    for span in spans {
        let taken = |g: &Group| named.groups.iter().any(|c| c.id == g.id);
        match span {
            Span::Exact(g) if !taken(g) => named.groups.push(g),
            Span::Exact(_) => {}
            Span::Guessed(typed, g) if !taken(g) && !exact.contains(&&g.id) => {
                named.groups.push(g);
                named.guessed.push((typed, g));
            }
            // A guess that lands on a group named otherwise is not that group again: it is a
            // name the bot does not know.
            Span::Guessed(typed, _) | Span::Unknown(typed) => named.unknown.push(typed),
        }
    }
    named
}

/// Characters that separate group names.
const SEPARATORS: [char; 6] = [',', ';', '/', '+', '&', '|'];

/// One piece's words as spans: exact names first, then the gaps between them.
fn segment<'k>(k: &'k Knowledge, words: &[&str]) -> Vec<Span<'k>> {
    let mut out = Vec::new();
    let mut gap: Vec<&str> = Vec::new();
    let mut rest = words;
    while !rest.is_empty() {
        match exact_span(k, rest) {
            Some((g, len)) => {
                out.extend(guess_gap(k, &gap));
                gap.clear();
                out.push(Span::Exact(g));
                rest = rest.get(len..).unwrap_or_default();
            }
            None => {
                gap.extend(rest.first());
                rest = rest.get(1..).unwrap_or_default();
            }
        }
    }
    out.extend(guess_gap(k, &gap));
    out
}

/// The longest run of `words` from the first that is exactly a group's name or alias.
fn exact_span<'k>(k: &'k Knowledge, words: &[&str]) -> Option<(&'k Group, usize)> {
    (1..=words.len().min(MAX_NAME_WORDS)).rev().find_map(|len| {
        let id = k.matcher.exact(Kind::Group, &words.get(..len)?.join(" "))?;
        Some((k.dataset.group(id.as_str())?, len))
    })
}

/// Whether every word of `text` is part of a group's exact name.
fn all_exact(k: &Knowledge, text: &str) -> bool {
    text.split(SEPARATORS).all(|piece| {
        let words: Vec<&str> = piece.split_whitespace().collect();
        segment(k, &words)
            .iter()
            .all(|s| matches!(s, Span::Exact(_)))
    })
}

/// Words between exact names: one name with typos, else each word on its own; joiners are
/// dropped, and what names nothing is kept to be reported.
fn guess_gap<'k>(k: &'k Knowledge, words: &[&str]) -> Vec<Span<'k>> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !JOINERS.contains(&fold::fold(w).as_str()))
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let guess = |text: &str| match k.resolve::<&Group>(text).best() {
        Some(f) if f.candidate.tier == Tier::Exact => Span::Exact(f.entity),
        Some(f) => Span::Guessed(text.to_string(), f.entity),
        None => Span::Unknown(text.to_string()),
    };
    let one_by_one: Vec<Span<'k>> = words.iter().map(|w| guess(w)).collect();
    let whole = guess(&words.join(" "));
    // The words as one name, unless a word of them is a name of another group on its own
    // ("brcs i2u3" is two names with a typo each, not one).
    let whole_group = match &whole {
        Span::Exact(g) | Span::Guessed(_, g) => Some(&g.id),
        Span::Unknown(_) => None,
    };
    let another = one_by_one.iter().any(|s| match s {
        Span::Exact(g) | Span::Guessed(_, g) => Some(&g.id) != whole_group,
        Span::Unknown(_) => false,
    });
    if whole_group.is_some() && (words.len() == 1 || !another) {
        return vec![whole];
    }
    one_by_one
}

/// Completion of the groups option: the groups already named stay as typed (by name), and the
/// one being typed is completed; each choice is the whole list.
pub(super) fn complete(k: &Knowledge, partial: &str) -> Vec<Choice> {
    let (head, tail) = split_last(k, partial);
    let chosen = named_groups(k, head).groups;
    let taken = |id: &Id| chosen.iter().any(|g| &g.id == id);
    let prefix: Vec<&str> = chosen.iter().map(|g| g.name.as_str()).collect();
    let with = |name: &str| {
        let mut all = prefix.clone();
        all.push(name);
        all.join(", ")
    };
    let mut choices = Vec::new();
    if tail.trim().is_empty() && !prefix.is_empty() {
        // What is typed already, as it stands.
        let all = prefix.join(", ");
        choices.push(Choice {
            label: all.clone(),
            value: all,
        });
    }
    for c in k.matcher.complete(Kind::Group, tail, &|id| !taken(id)) {
        let Some(g) = k.dataset.group(&c.value) else {
            continue;
        };
        let all = with(&g.name);
        choices.push(Choice {
            label: all.clone(),
            value: all,
        });
    }
    choices.retain(|c| c.value.chars().count() <= limits::CHOICE_VALUE_CHARS);
    choices.truncate(limits::AUTOCOMPLETE_CHOICES);
    choices
}

/// The typed text as (names already complete, the name being typed): split at the last comma
/// when there is one, else before the last word that is not part of a group's exact name.
fn split_last<'t>(k: &Knowledge, partial: &'t str) -> (&'t str, &'t str) {
    // `rsplit_once` cuts beside the separator, whatever its width: a no-break or ideographic
    // space is three bytes, and a byte offset past it would cut inside a character.
    if let Some(split) = partial.rsplit_once(SEPARATORS) {
        return split;
    }
    if partial.ends_with(char::is_whitespace) && all_exact(k, partial) {
        return (partial, "");
    }
    // Without a comma: the last word is being typed, unless the words before it do not
    // name groups exactly (then the whole text is one name being typed).
    match partial.trim_end().rsplit_once(char::is_whitespace) {
        Some((head, last)) if all_exact(k, head) => (head, last),
        _ => ("", partial),
    }
}
