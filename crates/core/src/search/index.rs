//! The search index of one dataset, and everything asked of it: search (whole or within one
//! source), suggestions, a query's canonical form, the words it holds and marks.

use std::ops::Range;

use super::documents::Documents;
use super::entities::EntityNames;
use super::ids::{DocId, Position, TermId, WordId};
use super::packed::Packed;
use super::postings::{self, Misspelt, Postings};
use super::query::{Clause, Query, Reading, typo_edits};
use super::rank::Ranked;
use super::results::{Hit, Results};
use super::scratch::ScratchPool;
use super::sought::{Sought, Walked};
use super::stream::{Sources, Stream};
use super::terms;
use super::vocabulary::{Vocabulary, WordsMet};
use crate::dataset::{Dataset, EntityIx, PassageIx, PassageKind};
use crate::fold;

/// Edits allowed between a word typed and a word suggested for it: one more than search
/// forgives (what search forgives it has already found), but never more than two, and one for
/// words of five characters or fewer ("nato" is not "nation").
fn suggestion_edits(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// The search index of one dataset.
#[derive(Debug, Default)]
pub struct SearchIndex {
    vocabulary: Vocabulary,
    postings: Postings,
    documents: Documents,
    names: EntityNames,
    /// Per-query working memory, one per query running at once, kept between queries.
    scratch: ScratchPool,
}

impl SearchIndex {
    /// Indexes every passage but the titles (the title is in every card's footer already):
    /// its lead-in and text; and every entity's names and aliases.
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let mut met = WordsMet::default();
        let mut passages = Vec::new();
        // Each document's words (as met) in order.
        let mut forward: Packed<DocId, WordId> = Packed::default();
        let mut in_doc: Vec<WordId> = Vec::new();
        for (ix, p) in dataset.passages_indexed() {
            if p.kind == PassageKind::Title {
                continue;
            }
            passages.push(ix);
            in_doc.clear();
            let lead = p.lead_in.as_deref().map(fold::words).unwrap_or_default();
            for w in lead.iter().chain(&fold::words(&p.text)) {
                if terms::is_stopword(w) {
                    continue;
                }
                let n = met.word(w);
                forward.push(n);
                in_doc.push(n);
            }
            forward.end_list();
            met.count_document(&mut in_doc);
        }
        // A name is spelt as its bearer spells it: none of its words is a misspelling.
        let name_words: std::collections::HashSet<String> = dataset
            .entities()
            .flat_map(|e| e.names())
            .flat_map(|name| fold::split(&fold::fold(name)))
            .collect();
        let (vocabulary, word_terms) = met.finish(&name_words);
        // The places of misspellings, with the term of the word each misspells (few).
        let mut misspelt: Vec<Misspelt> = Vec::new();
        for d in (0..forward.lists()).map(DocId::at) {
            for (pos, w) in forward.get(d).iter().enumerate() {
                let misspells = word_terms.get(w.index()).and_then(|t| t.misspells);
                if let Some(term) = misspells {
                    misspelt.push(Misspelt::new(d, pos, term));
                }
            }
        }
        let forward: Packed<DocId, TermId> = forward.map(|w| {
            word_terms
                .get(w.index())
                .map(|t| t.term)
                .unwrap_or_default()
        });
        drop(word_terms);
        let lens = (0..forward.lists())
            .map(|d| postings::place(forward.get(DocId::at(d)).len()))
            .collect();
        let documents = Documents::new(passages, lens, forward.items().len());
        let postings = Postings::new(&forward, &misspelt, vocabulary.term_count(), &documents);
        drop(forward);
        let names = EntityNames::new(dataset, &vocabulary, &documents);
        SearchIndex {
            vocabulary,
            postings,
            documents,
            names,
            scratch: ScratchPool::default(),
        }
    }

    /// The hits of `text` in `range` of the ranked list (`range` past the end gives none), and
    /// how many there are in all.
    pub fn search(&self, text: &str, range: Range<usize>) -> Results {
        self.search_in(text, range, None)
    }

    /// As [`search`](Self::search), among the passages of `passages` only (one source's,
    /// which are contiguous): each clause's documents are cut to that run before ranking, so
    /// a narrowed search costs what its own hits cost.
    pub fn search_within(
        &self,
        text: &str,
        range: Range<usize>,
        passages: Range<usize>,
    ) -> Results {
        let docs = self.documents.of_passages(passages);
        self.search_in(text, range, Some(docs))
    }

    /// The best `n` passages for the words `sought`, ranked as search ranks the same words
    /// typed: for `/ask`, which has already read each word (its typos and completions) and
    /// need not read it again.
    pub fn best_for(&self, sought: &[Sought], n: usize) -> Vec<PassageIx> {
        let query = Query::of_sought(sought);
        self.run(&query, 0..n, None)
            .hits
            .into_iter()
            .map(|h| h.passage)
            .collect()
    }

    fn search_in(&self, text: &str, range: Range<usize>, docs: Option<Range<DocId>>) -> Results {
        let query = Query::new(text, &self.vocabulary, &self.names);
        self.run(&query, range, docs)
    }

    fn run(&self, query: &Query, range: Range<usize>, docs: Option<Range<DocId>>) -> Results {
        let from = Sources {
            postings: &self.postings,
            documents: &self.documents,
            names: &self.names,
        };
        let mut acc = self.scratch.take(self.documents.count());
        // A clause that matches nothing cannot change any document's place.
        let streams: Vec<Stream> = query
            .clauses
            .iter()
            .map(|c| Stream::of(c, from, &mut acc))
            .map(|s| match &docs {
                Some(docs) => s.within(docs.clone()),
                None => s,
            })
            .filter(|s| s.len() > 0)
            .collect();
        let ranked = Ranked::new(&streams, range.end, &mut acc);
        drop(streams);
        self.scratch.give_back(acc);
        let hits = ranked
            .best
            .into_iter()
            .skip(range.start)
            .filter_map(|k| {
                Some(Hit {
                    passage: self.documents.passage(k.doc)?,
                    score: k.score,
                })
            })
            .collect();
        Results {
            total: ranked.total,
            hits,
            marks: query.marks(),
            named: query.named.clone(),
        }
    }

    /// The query as search reads it (its names, then its other content words, each once, at
    /// most as many as search reads): the same hits as `text`, and often shorter, for a button
    /// id that must fit 100 characters.
    pub fn canonical(&self, text: &str) -> String {
        Reading::of(text, &self.names).text()
    }

    /// Words of the dataset within a small edit distance of a word of the query that the data
    /// does not hold, the most frequent first, for "did you mean".
    pub fn suggestions(&self, text: &str, limit: usize) -> Vec<String> {
        self.suggestions_with(text, limit, &[])
    }

    /// As [`suggestions`](Self::suggestions), reusing the walks of the words already `sought`
    /// (`/ask`'s): the same words, in the same order, for one walk of the vocabulary a word.
    pub fn suggestions_with(&self, text: &str, limit: usize, sought: &[Sought]) -> Vec<String> {
        let mut found: Vec<(u32, usize, &str)> = Vec::new();
        for q in terms::query_words(text) {
            // A stopword is never searched, so nothing can be suggested for it.
            if self.vocabulary.word(&q).is_some() || terms::is_stopword(&q) {
                continue;
            }
            let max = suggestion_edits(q.chars().count());
            let walked = sought
                .iter()
                .filter_map(|s| s.walked.as_ref())
                .find(|w| w.word == q && w.reach >= max);
            let own;
            let near: &[(usize, usize)] = match walked {
                Some(w) => &w.near,
                None => {
                    own = self.vocabulary.within_places(&q, max);
                    &own
                }
            };
            for (w, edits) in near
                .iter()
                .filter(|&&(_, edits)| edits <= max)
                .filter_map(|&(at, edits)| Some((self.vocabulary.at(at)?, edits)))
            {
                found.push((w.docs, edits, w.text.as_str()));
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
        let mut out: Vec<String> = Vec::new();
        for (_, _, w) in found {
            if !out.iter().any(|o| o == w) {
                out.push(w.to_string());
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// Whether `text` holds a word that is not a stopword: a query of stopwords only ("the")
    /// asks for nothing that names or words of the data could be suggested for.
    pub fn has_content(&self, text: &str) -> bool {
        fold::words(text).iter().any(|w| !terms::is_stopword(w))
    }

    /// Whether the passages use the folded word `word` (a stopword always: they are common
    /// words, only not indexed).
    pub fn holds(&self, word: &str) -> bool {
        terms::is_stopword(word) || self.vocabulary.word(word).is_some()
    }

    /// Whether `folded_word` is a word the query of `results` looked for, to mark it: by its
    /// term, or by the term of the word it misspells.
    pub fn marks(&self, results: &Results, folded_word: &str) -> bool {
        let own = self.vocabulary.term(&terms::term(folded_word));
        own.is_some_and(|t| results.marks_term(t))
            || self
                .vocabulary
                .misspelt(folded_word)
                .is_some_and(|t| results.marks_term(t))
    }

    /// The word `folded_word` of a question, as search reads it (`Sought`). A word the data
    /// lacks is walked for once, as far as both its typos and its "did you mean" reach
    /// ([`suggestions_with`](Self::suggestions_with)).
    pub fn sought(&self, folded_word: &str) -> Sought {
        let chars = folded_word.chars().count();
        let typos = self
            .vocabulary
            .term(&terms::term(folded_word))
            .is_none()
            .then(|| typo_edits(chars));
        let suggested = (self.vocabulary.word(folded_word).is_none()
            && !terms::is_stopword(folded_word))
        .then(|| suggestion_edits(chars));
        if typos.is_none() && suggested.is_none() {
            return self.sought_terms(Clause::word(folded_word, &self.vocabulary).terms);
        }
        let reach = typos.unwrap_or(0).max(suggested.unwrap_or(0));
        let near = self.vocabulary.within_places(folded_word, reach);
        let clause = Clause::word_near(folded_word, &self.vocabulary, Some(&near));
        let mut sought = self.sought_terms(clause.terms);
        sought.walked = Some(Walked {
            word: folded_word.to_string(),
            reach,
            near,
        });
        sought
    }

    /// Names that mean one thing (a country's, each folded), sought as one: a passage holds
    /// it when it holds any of the one-word names as written (no typos: these are names; and
    /// not a word of a longer one: "states" is no name of the United States).
    pub fn sought_any(&self, folded_names: &[&str]) -> Sought {
        let mut terms: Vec<(TermId, f32)> = Vec::new();
        for name in folded_names.iter().filter(|n| !n.contains(' ')) {
            if let Some(t) = self.vocabulary.term(&terms::term(name)) {
                terms.push((t, 1.0));
            }
        }
        terms.sort_by_key(|t| t.0);
        terms.dedup_by_key(|t| t.0);
        self.sought_terms(terms)
    }

    /// `terms` sought as one word, weighted as rare as the rarest of them.
    fn sought_terms(&self, terms: Vec<(TermId, f32)>) -> Sought {
        let rarest = terms
            .iter()
            .map(|&(t, _)| self.postings.of(t).docs.len())
            .min()
            .unwrap_or(0);
        Sought {
            idf: self.documents.idf(rarest),
            terms,
            walked: None,
        }
    }

    /// How well `passage` holds the word `sought`: the weight of the best of its terms the
    /// passage holds (1 for the word itself), 0 when it holds none (or is a title).
    pub fn found_in(&self, sought: &Sought, passage: PassageIx) -> f32 {
        let Some(doc) = self.documents.doc_of(passage) else {
            return 0.0;
        };
        sought
            .terms
            .iter()
            .filter(|&&(t, _)| self.postings.of(t).docs.binary_search(&doc).is_ok())
            .map(|&(_, w)| w)
            .fold(0.0, f32::max)
    }

    /// Whether the folded word `folded_word` of a passage is one of the words `sought` (or a
    /// typo or completion of one), to mark it.
    pub fn is_sought(&self, sought: &[Sought], folded_word: &str) -> bool {
        let own = self.vocabulary.term(&terms::term(folded_word));
        let misspelt = self.vocabulary.misspelt(folded_word);
        sought.iter().any(|s| {
            s.terms
                .iter()
                .any(|&(t, _)| Some(t) == own || Some(t) == misspelt)
        })
    }

    /// The names of entities in the folded `words` (any case: "odi" names ODI here, where a
    /// question is about the data), longest first from the left: each as the range of words
    /// it spans and the entities bearing it.
    pub fn names_in(&self, words: &[String]) -> Vec<(Range<usize>, Vec<EntityIx>)> {
        self.names
            .spans(words)
            .into_iter()
            .map(|s| (s.start..s.start + s.len, s.entities.to_vec()))
            .collect()
    }

    /// The bytes the index holds on the heap (vectors' capacities, strings and the name
    /// table), for BENCHMARKS.md's statement of its memory.
    pub fn heap_bytes(&self) -> usize {
        self.vocabulary.heap_bytes()
            + self.postings.heap_bytes()
            + self.documents.heap_bytes()
            + self.names.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    //! `/ask` walks the vocabulary once a word: what it finds so must be what the two walks
    //! found apart.

    use super::*;

    /// Words of the article, to misspell.
    const WORDS: &[&str] = &[
        "secretariat",
        "minilateral",
        "cooperation",
        "technology",
        "governance",
        "budget",
        "momentum",
        "staffing",
        "summits",
        "responsible",
        "filer",
        "nato",
        "talking",
        "shops",
    ];

    /// `word` with one edit at `at` (of four kinds), or as it is.
    fn misspelt(word: &str, at: usize, kind: u8, c: char) -> String {
        let mut chars: Vec<char> = word.chars().collect();
        let at = at % (chars.len() + 1);
        match kind % 5 {
            0 if at < chars.len() => chars[at] = c,
            1 => chars.insert(at, c),
            2 if at < chars.len() => {
                chars.remove(at);
            }
            3 if at + 1 < chars.len() => chars.swap(at, at + 1),
            _ => {}
        }
        chars.into_iter().collect()
    }

    proptest::proptest! {
        #[test]
        fn a_word_sought_once_finds_what_search_and_suggestions_find(
            pick in 0usize..14,
            at in 0usize..16,
            kind in 0u8..5,
            c in proptest::char::range('a', 'z'),
            twice in proptest::bool::ANY,
        ) {
            let index = SearchIndex::new(&crate::testdata::bundled());
            let mut word = misspelt(WORDS[pick % WORDS.len()], at, kind, c);
            if twice {
                word = misspelt(&word, at / 2, kind.wrapping_add(1), c);
            }
            let sought = index.sought(&word);
            let clause = Clause::word(&word, &index.vocabulary);
            proptest::prop_assert_eq!(&sought.terms, &clause.terms);
            proptest::prop_assert_eq!(
                index.suggestions_with(&word, 5, std::slice::from_ref(&sought)),
                index.suggestions(&word, 5)
            );
        }
    }
}
