//! Passages shown as hits, the same for `/search` and `/ask`: each with its label (who, where,
//! what about), its lead-in unless the hit above had the same, and its words quoted around the
//! words looked for, in bold.

use std::collections::HashSet;

use crate::dataset::{Id, Passage};
use crate::knowledge::Knowledge;
use crate::quote::{self, Cited};
use crate::reply::escape_data;
use crate::search::highlight;

/// Characters of context shown around a hit; a passage up to an eighth longer is shown whole
/// (`excerpt::most`).
pub(super) const SNIPPET_CHARS: usize = 280;

/// Hits as a reply shows them.
pub(super) struct Shown<'d> {
    /// One entry per hit: label, lead-in, quoted words.
    pub(super) entries: Vec<String>,
    /// The experts, groups and bodies the hits are by or about, in order of appearance.
    pub(super) related: Vec<&'d Id>,
    /// Their sources, for labels and the footer.
    pub(super) cited: Cited<'d>,
}

/// `passages` as hits, the words `marked` says (folded) in bold.
pub(super) fn shown<'d>(
    k: &'d Knowledge,
    passages: &[&'d Passage],
    marked: &dyn Fn(&str) -> bool,
) -> Shown<'d> {
    let d = &k.dataset;
    let cited = Cited::of(d, passages.iter().copied());
    let mut previous_lead: Option<&str> = None;
    let mut entries = Vec::new();
    let mut related: Vec<&Id> = Vec::new();
    for &p in passages {
        let mut entry = cited.label(p);
        let about = quote::concerns(d, p);
        if !about.is_empty() {
            entry.push_str(&format!(" · about {about}"));
        }
        let snippet = highlight(&p.text, marked, SNIPPET_CHARS, escape_data, |w| {
            format!("**{w}**")
        });
        // Each hit stands alone, so it gets its lead-in, unless the hit just above had the
        // same one (the items of one list, in a row).
        let repeated = previous_lead.is_some() && previous_lead == p.lead_in.as_deref();
        previous_lead = p.lead_in.as_deref();
        if let Some(lead) = quote::lead_in(p, &mut HashSet::new()).filter(|_| !repeated) {
            entry.push_str(&format!("\n{lead}"));
        }
        let marker = p
            .layout
            .marker
            .as_deref()
            .map(|m| format!("{} ", escape_data(m)))
            .unwrap_or_default();
        entry.push_str(&format!("\n> {marker}{}", snippet.replace('\n', "\n> ")));
        entries.push(entry);
        for id in p.speaker.iter().chain(&p.concerns) {
            if !related.contains(&id) {
                related.push(id);
            }
        }
    }
    Shown {
        entries,
        related,
        cited,
    }
}
