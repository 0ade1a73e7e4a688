//! Building the index of a dataset: every passage's words folded, stemmed and counted into
//! postings (with BM25's weight and the first place of each), and every entity's names.

use std::collections::HashMap;

use super::{Csr, K1, SearchIndex, fuzzy, saturate, term, terms};
use crate::dataset::{Dataset, Id, PassageKind};
use crate::fold;

/// The words met while indexing, each stemmed once.
#[derive(Default)]
struct Vocabulary {
    word_number: HashMap<String, u32>,
    /// (word, provisional term number, documents holding it)
    words: Vec<(String, u32, u32)>,
    stem_number: HashMap<String, u32>,
    stems: Vec<String>,
}

impl Vocabulary {
    fn word(&mut self, w: &str) -> u32 {
        if let Some(&n) = self.word_number.get(w) {
            return n;
        }
        let stem = term(w);
        let next = self.stems.len() as u32;
        let t = match self.stem_number.get(&stem) {
            Some(&t) => t,
            None => {
                self.stem_number.insert(stem.clone(), next);
                self.stems.push(stem);
                next
            }
        };
        let n = self.words.len() as u32;
        self.words.push((w.to_string(), t, 0));
        self.word_number.insert(w.to_string(), n);
        n
    }
}

/// A word of the data this long or longer, one edit from a word the data holds more often,
/// is taken for a misspelling of it: one edit makes another real word of a shorter one too
/// often ("would" and "world", "most" and "must"), of a longer one rarely but for its own
/// forms, which share a term anyway.
const MISSPELLING_MIN_CHARS: usize = 8;
/// What an occurrence of a misspelling counts for in the postings of the word it misspells:
/// half an occurrence of the word itself.
const MISSPELLING_TF: f32 = 0.5;

impl Vocabulary {
    /// Per word (by number): the provisional term of the word it misspells, if it is one: the
    /// most frequent word of the data one edit from it, held by more documents than it, with
    /// another term.
    fn misspellings(&self) -> Vec<Option<u32>> {
        let mut by_text: Vec<(&str, u32, u32)> = self
            .words
            .iter()
            .map(|(w, t, df)| (w.as_str(), *t, *df))
            .collect();
        by_text.sort_unstable();
        self.words
            .iter()
            .map(|(w, t, df)| {
                if w.chars().count() < MISSPELLING_MIN_CHARS {
                    return None;
                }
                fuzzy::within(&by_text, |o| o.0, w, 1)
                    .into_iter()
                    .filter_map(|(i, _)| by_text.get(i))
                    .filter(|(_, other, more)| more > df && other != t)
                    .max_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(a.0)))
                    .map(|(_, other, _)| *other)
            })
            .collect()
    }
}

impl SearchIndex {
    /// Indexes every passage but the titles (the title is in every card's footer already):
    /// its lead-in and text; and every entity's names and aliases.
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let passages = dataset.passages();
        let mut vocab = Vocabulary::default();
        let mut doc_of = vec![u32::MAX; passages.len()];
        let mut doc_passage = Vec::new();
        let mut forward_start = Vec::new();
        let mut forward: Vec<u32> = Vec::new();
        // The word (by number) at each place of `forward`, for misspellings.
        let mut forward_words: Vec<u32> = Vec::new();
        let mut in_doc: Vec<u32> = Vec::new();
        for (i, p) in passages.iter().enumerate() {
            if p.kind == PassageKind::Title {
                continue;
            }
            doc_of[i] = doc_passage.len() as u32;
            doc_passage.push(i as u32);
            forward_start.push(forward.len() as u32);
            in_doc.clear();
            let lead = p.lead_in.as_deref().map(fold::words).unwrap_or_default();
            for w in lead.iter().chain(&fold::words(&p.text)) {
                if terms::is_stopword(w) {
                    continue;
                }
                let n = vocab.word(w);
                forward.push(vocab.words[n as usize].1);
                forward_words.push(n);
                in_doc.push(n);
            }
            in_doc.sort_unstable();
            in_doc.dedup();
            for &n in &in_doc {
                vocab.words[n as usize].2 += 1;
            }
        }
        forward_start.push(forward.len() as u32);
        // The places of misspellings, with the term of the word each misspells (few: sparse).
        let misspelt_as = vocab.misspellings();
        let mut misspelt: Vec<(u32, u32)> = forward_words
            .iter()
            .enumerate()
            .filter_map(|(at, &n)| misspelt_as[n as usize].map(|t| (at as u32, t)))
            .collect();
        drop(forward_words);
        let misspelt_words: Vec<(String, u32)> = misspelt_as
            .iter()
            .zip(&vocab.words)
            .filter_map(|(t, w)| t.map(|t| (w.0.clone(), t)))
            .collect();

        // Terms renumbered in sorted order, so that fuzzy lookups can walk them as a trie.
        let mut order: Vec<u32> = (0..vocab.stems.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| vocab.stems[a as usize].cmp(&vocab.stems[b as usize]));
        let mut renumber = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        for t in &mut forward {
            *t = renumber[*t as usize];
        }
        for (_, t) in &mut misspelt {
            *t = renumber[*t as usize];
        }
        let mut stems = std::mem::take(&mut vocab.stems);
        let terms: Vec<String> = order
            .iter()
            .map(|&old| std::mem::take(&mut stems[old as usize]))
            .collect();

        // Postings, from the documents' words in order: counted, then filled.
        let docs = doc_passage.len();
        let doc_terms =
            |d: usize| &forward[forward_start[d] as usize..forward_start[d + 1] as usize];
        let mut counts = vec![0u32; terms.len() + 1];
        // A document's terms and places, sorted; a misspelling's place also under the term of
        // the word it misspells (marked `true`).
        let mut sorted: Vec<(u32, u16, bool)> = Vec::new();
        let fill = |d: usize, sorted: &mut Vec<(u32, u16, bool)>| {
            sorted.clear();
            let place = |pos: usize| pos.min(u16::MAX as usize) as u16;
            sorted.extend(
                doc_terms(d)
                    .iter()
                    .enumerate()
                    .map(|(pos, &t)| (t, place(pos), false)),
            );
            let (from, to) = (forward_start[d], forward_start[d + 1]);
            let at = misspelt.partition_point(|m| m.0 < from);
            for &(place_at, t) in misspelt[at..].iter().take_while(|m| m.0 < to) {
                sorted.push((t, place((place_at - from) as usize), true));
            }
            sorted.sort_unstable();
        };
        for d in 0..docs {
            fill(d, &mut sorted);
            for run in sorted.chunk_by(|a, b| a.0 == b.0) {
                counts[run[0].0 as usize + 1] += 1;
            }
        }
        for t in 1..counts.len() {
            counts[t] += counts[t - 1];
        }
        let post_start = counts.clone();
        let total = *counts.last().unwrap_or(&0) as usize;
        let doc_len: Vec<u16> = (0..docs)
            .map(|d| doc_terms(d).len().min(u16::MAX as usize) as u16)
            .collect();
        let avg_len = forward.len() as f32 / docs.max(1) as f32;
        let mut post_doc = vec![0u32; total];
        let mut post_weight = vec![0u16; total];
        let mut post_first = vec![0u16; total];
        for (d, &len) in doc_len.iter().enumerate() {
            fill(d, &mut sorted);
            for run in sorted.chunk_by(|a, b| a.0 == b.0) {
                let t = run[0].0 as usize;
                let at = counts[t] as usize;
                post_doc[at] = d as u32;
                let misspelt = run.iter().filter(|r| r.2).count() as f32;
                let tf = run.len() as f32 - misspelt * (1.0 - MISSPELLING_TF);
                let weight = saturate(tf, f32::from(len), avg_len);
                // At least 1, so that every score is positive (`stream::Scratch` relies on it).
                let stored = (weight / (K1 + 1.0) * f32::from(u16::MAX)).round() as u16;
                post_weight[at] = stored.max(1);
                post_first[at] = run[0].1;
                counts[t] += 1;
            }
        }
        drop(forward);

        // Entities: their names, the documents they speak or concern, the terms of their names.
        let entity_ids: Vec<Id> = dataset.entities().map(|e| e.id().clone()).collect();
        let number: HashMap<&str, u32> = entity_ids
            .iter()
            .enumerate()
            .map(|(n, id)| (id.as_str(), n as u32))
            .collect();
        let mut names: HashMap<String, Vec<u32>> = HashMap::new();
        let mut longest_name = 0;
        let mut name_terms = Vec::with_capacity(entity_ids.len());
        for (n, e) in dataset.entities().enumerate() {
            let mut own: Vec<u32> = Vec::new();
            for name in e.names() {
                let folded = fold::fold(name);
                let words = fold::split(&folded);
                if words.is_empty() || words.iter().all(|w| terms::is_stopword(w)) {
                    continue;
                }
                longest_name = longest_name.max(words.len());
                own.extend(
                    words
                        .iter()
                        .filter_map(|w| vocab.word_number.get(w))
                        .map(|&w| renumber[vocab.words[w as usize].1 as usize]),
                );
                let holders = names.entry(folded).or_default();
                if !holders.contains(&(n as u32)) {
                    holders.push(n as u32);
                }
            }
            own.sort_unstable();
            own.dedup();
            name_terms.push(own);
        }
        let mut about: Vec<Vec<u32>> = vec![Vec::new(); entity_ids.len()];
        for (i, p) in passages.iter().enumerate() {
            let doc = doc_of[i];
            if doc == u32::MAX {
                continue;
            }
            for id in p.speaker.iter().chain(&p.concerns) {
                if let Some(&n) = number.get(id.as_str()) {
                    let list = &mut about[n as usize];
                    if list.last() != Some(&doc) {
                        list.push(doc);
                    }
                }
            }
        }

        let mut words: Vec<(String, u32, u32)> = vocab
            .words
            .into_iter()
            .map(|(w, t, df)| (w, renumber[t as usize], df))
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut misspellings: Vec<(String, u32)> = misspelt_words
            .into_iter()
            .map(|(w, t)| (w, renumber[t as usize]))
            .collect();
        misspellings.sort_unstable();
        SearchIndex {
            terms,
            post_start,
            post_doc,
            post_weight,
            post_first,
            doc_passage,
            doc_len,
            avg_len,
            scratch: Default::default(),
            words,
            misspellings,
            names,
            longest_name,
            entity_ids,
            entity_docs: Csr::from_lists(about),
            entity_terms: Csr::from_lists(name_terms),
        }
    }
}
