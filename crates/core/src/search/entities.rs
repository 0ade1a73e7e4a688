//! The entities search knows by name: every name and alias of every entity (folded), and per
//! entity the documents it speaks or concerns and the terms of its names.

use std::collections::HashMap;

use super::documents::Documents;
use super::ids::{DocId, TermId};
use super::packed::Packed;
use super::terms;
use super::vocabulary::Vocabulary;
use crate::dataset::{Dataset, EntityIx, EntityOf, Id, PassageIx};
use crate::fold;

/// The names of the entities, and what each entity is found through.
#[derive(Debug, Default)]
pub(super) struct EntityNames {
    /// Folded name or alias → entities bearing it.
    names: HashMap<String, Vec<EntityIx>>,
    /// The most words of any name.
    longest: usize,
    /// Per entity, its id: what a query's named entities are reported as.
    ids: Vec<Id>,
    /// Per entity, the documents it speaks or concerns.
    docs: Packed<EntityIx, DocId>,
    /// Per entity, the terms of its names, marked where a passage about it says them.
    terms: Packed<EntityIx, TermId>,
}

/// A name found in a query's words: where it starts, how many words it has, and the entities
/// bearing it.
#[derive(Debug)]
pub(super) struct NameSpan<'a> {
    /// The place of its first word.
    pub(super) start: usize,
    /// How many words it has.
    pub(super) len: usize,
    /// The entities bearing it.
    pub(super) entities: &'a [EntityIx],
}

impl EntityNames {
    /// The names of `dataset`'s entities (those made only of stopwords aside), the terms of
    /// `vocabulary` their words are, and the `documents` each speaks or concerns.
    pub(super) fn new(
        dataset: &Dataset,
        vocabulary: &Vocabulary,
        documents: &Documents,
    ) -> EntityNames {
        let count = dataset.entity_count();
        let mut names: HashMap<String, Vec<EntityIx>> = HashMap::new();
        let mut longest = 0;
        let mut ids = Vec::with_capacity(count);
        let mut name_terms = Vec::with_capacity(count);
        for (ix, e) in dataset.entities_indexed() {
            ids.push(e.id().clone());
            let mut own: Vec<TermId> = Vec::new();
            for name in e.names() {
                let folded = fold::fold(name);
                let words = fold::split(&folded);
                if words.is_empty() || words.iter().all(|w| terms::is_stopword(w)) {
                    continue;
                }
                longest = longest.max(words.len());
                own.extend(
                    words
                        .iter()
                        .filter_map(|w| vocabulary.word(w))
                        .map(|w| w.term),
                );
                let holders = names.entry(folded).or_default();
                if !holders.contains(&ix) {
                    holders.push(ix);
                }
            }
            own.sort_unstable();
            own.dedup();
            name_terms.push(own);
        }
        // The documents each entity speaks or concerns, from the dataset's own lists of
        // passages (in source order, as documents are): no id is looked up.
        let mut doc_of: Vec<Option<DocId>> = vec![None; dataset.passages().len()];
        for (doc, passage) in documents.iter() {
            if let Some(slot) = doc_of.get_mut(passage.index()) {
                *slot = Some(doc);
            }
        }
        let about: Vec<Vec<DocId>> = dataset
            .entities_indexed()
            .map(|(ix, _)| {
                let said = match dataset.entity_of(ix) {
                    EntityOf::Expert(e) => dataset.passages_said(e),
                    EntityOf::Group(_) | EntityOf::Body(_) => &[],
                };
                let mut list: Vec<PassageIx> = said
                    .iter()
                    .chain(dataset.passages_about(ix))
                    .copied()
                    .collect();
                list.sort_unstable();
                list.dedup();
                list.into_iter()
                    .filter_map(|p| doc_of.get(p.index()).copied().flatten())
                    .collect()
            })
            .collect();
        EntityNames {
            names,
            longest,
            ids,
            docs: Packed::from_lists(about),
            terms: Packed::from_lists(name_terms),
        }
    }

    /// The names in `words`, longest first from the left.
    pub(super) fn spans(&self, words: &[String]) -> Vec<NameSpan<'_>> {
        let mut spans = Vec::new();
        let mut start = 0;
        while start < words.len() {
            let longest = self.longest.min(words.len() - start);
            let found = (1..=longest).rev().find_map(|len| {
                let phrase = words.get(start..start + len)?.join(" ");
                self.names.get(&phrase).map(|e| (len, e.as_slice()))
            });
            match found {
                Some((len, entities)) => {
                    spans.push(NameSpan {
                        start,
                        len,
                        entities,
                    });
                    start += len;
                }
                None => start += 1,
            }
        }
        spans
    }

    /// The id of `entity`: how a query's named entities are reported to callers, which keep
    /// ids, not indices, across reloads.
    pub(super) fn id(&self, entity: EntityIx) -> Option<&Id> {
        self.ids.get(entity.index())
    }

    /// The documents `entity` speaks or concerns, in order.
    pub(super) fn docs(&self, entity: EntityIx) -> &[DocId] {
        self.docs.get(entity)
    }

    /// The terms of `entity`'s names.
    pub(super) fn terms(&self, entity: EntityIx) -> &[TermId] {
        self.terms.get(entity)
    }

    /// The bytes of the names on the heap (`SearchIndex::heap_bytes`).
    pub(super) fn heap_bytes(&self) -> usize {
        self.names.capacity() * (size_of::<(String, Vec<EntityIx>)>() + 1)
            + self
                .names
                .iter()
                .map(|(k, v)| k.capacity() + v.capacity() * size_of::<EntityIx>())
                .sum::<usize>()
            + self.ids.capacity() * size_of::<Id>()
            + self.ids.iter().map(|i| i.as_str().len()).sum::<usize>()
            + self.docs.heap_bytes()
            + self.terms.heap_bytes()
    }
}
