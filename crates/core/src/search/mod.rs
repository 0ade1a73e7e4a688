//! Full-text search over the passages, each passage once whatever it concerns: BM25 ranking
//! over stemmed words, a boost for query words found close together, names and aliases of
//! entities read as one concept ("united nations" finds the passage about "The UN"), typo
//! tolerance only where the word typed is not in the data, and the data's own misspellings
//! indexed under the word they misspell as well (at half weight). A total order (clauses matched,
//! score, then position in the source), so the same query gives the same answer in every
//! process. A query costs what its words' postings cost and builds only the page it shows.
//!
//! One type to a module, each module using only those listed before it:
//! `ids` (the index's numbering: `TermId`, `DocId`), `packed` (lists per key in one vector),
//! `terms` (what a word is: folded, stemmed, stopwords), `fuzzy` (words within a few edits),
//! `bm25` (its arithmetic), `documents` (the passages ranked, their lengths), `vocabulary`
//! (terms, words as written, misspellings, and `WordsMet`, which collects them), `postings`
//! (per term its documents, weights and first places), `entities` (`EntityNames`: names and
//! what each entity is found through), `query` (a query as clauses), `results` (`Hit`,
//! `Results`), `scratch` (a query's pooled working memory), `stream` (a clause's documents in
//! order), `rank` (the page's best, counted), `sought` (a question's word, for `/ask`), `index` (`SearchIndex`, which holds them all);
//! `highlight` marks an excerpt.

mod bm25;
mod documents;
mod entities;
pub mod fuzzy;
mod highlight;
mod ids;
mod index;
mod packed;
mod postings;
mod query;
mod rank;
mod results;
mod scratch;
mod sought;
mod stream;
mod terms;
mod vocabulary;

pub use highlight::highlight;
pub use index::SearchIndex;
pub use results::{Hit, Results};
pub use sought::Sought;
pub use terms::{is_stopword, term};
