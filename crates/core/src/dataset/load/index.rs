//! The indexes a `Dataset` answers its queries from, built once at load: the passages each
//! expert speaks, the passages that concern each entity, and each source's title and
//! question.

use std::collections::{BTreeMap, HashMap};

use crate::dataset::{Id, Passage, PassageKind, Slot, Source};

/// The passages each expert speaks (by expert position), and the passages that concern each
/// entity (by entity number: experts, then groups, then bodies), in source order.
pub(super) fn passage_index(
    passages: &[Passage],
    by_id: &HashMap<Id, Slot>,
    experts: usize,
    groups: usize,
) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let number = |id: &Id| by_id.get(id.as_str())?.entity_number(experts, groups);
    let mut said: Vec<Vec<u32>> = vec![Vec::new(); experts];
    let mut about: Vec<Vec<u32>> = Vec::new();
    for (i, p) in passages.iter().enumerate() {
        let i = i as u32;
        if let Some(Slot::Expert(e)) = p.speaker.as_ref().and_then(|s| by_id.get(s.as_str())) {
            said[*e].push(i);
        }
        for n in p.concerns.iter().filter_map(number) {
            if about.len() <= n {
                about.resize_with(n + 1, Vec::new);
            }
            // A passage that names an entity twice concerns it once.
            if about[n].last() != Some(&i) {
                about[n].push(i);
            }
        }
    }
    (said, about)
}

/// Per year, the experts (by position, ascending) with at least one wish for it.
pub(super) fn wishers(passages: &[Passage], said: &[Vec<u32>]) -> BTreeMap<i32, Vec<u32>> {
    let mut years: BTreeMap<i32, Vec<u32>> = BTreeMap::new();
    for (e, list) in said.iter().enumerate() {
        for &i in list {
            let p = &passages[i as usize];
            if let (PassageKind::Wish, Some(year)) = (p.kind, p.year) {
                let experts = years.entry(year).or_default();
                if experts.last() != Some(&(e as u32)) {
                    experts.push(e as u32);
                }
            }
        }
    }
    years
}

/// For each source (in order), its title passage and its question passage, if any.
pub(super) fn source_heads(
    sources: &[Source],
    passages: &[Passage],
) -> Vec<(Option<usize>, Option<usize>)> {
    let index: HashMap<&Id, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let mut heads = vec![(None, None); sources.len()];
    for (i, p) in passages.iter().enumerate() {
        let Some(&s) = index.get(&p.source) else {
            continue;
        };
        let slot = match p.kind {
            PassageKind::Title => &mut heads[s].0,
            PassageKind::Question => &mut heads[s].1,
            _ => continue,
        };
        slot.get_or_insert(i);
    }
    heads
}

/// For each source (by index), the range of its passages: passages are in source order, so
/// each source's are contiguous.
pub(super) fn source_spans(sources: usize, passages: &[Passage]) -> Vec<std::ops::Range<usize>> {
    let mut spans = vec![0..0; sources];
    let mut start = 0;
    while start < passages.len() {
        let s = passages[start].at.0;
        let end = start + passages[start..].iter().take_while(|p| p.at.0 == s).count();
        if let Some(span) = spans.get_mut(s) {
            *span = start..end;
        }
        start = end;
    }
    spans
}
