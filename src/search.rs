//! Full-text search over what was said: statements, wishes, roles, and what the article says of
//! groups and bodies. Accent- and typo-tolerant through the same folding as names.

use std::collections::{HashMap, HashSet};

use crate::dataset::{Dataset, Entity, Id, Kind};
use crate::fold;

/// Words too common to rank by.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in", "is",
    "it", "its", "of", "on", "or", "that", "the", "their", "they", "this", "to", "was", "we",
    "with",
];
/// A vocabulary word this similar to a query word counts as a typo of it: Jaro-Winkler for a
/// likeness that forgives transpositions, and Damerau-Levenshtein so that a shared beginning
/// alone ("secretary" for "secretariat") is not enough.
const TYPO_SIMILARITY: f64 = 0.88;
const TYPO_EDIT_SIMILARITY: f64 = 0.8;
/// Words shorter than this match only exactly or as a prefix: short words have too many
/// lookalikes.
const TYPO_MIN_CHARS: usize = 4;
/// A query word this long may match the beginning of a longer word ("secret" → "secretariat").
const PREFIX_MIN_CHARS: usize = 4;
/// Suggestions offered when nothing is found.
const SUGGESTION_SIMILARITY: f64 = 0.8;

/// What a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    Statement,
    Wish {
        year: i32,
    },
    Role,
    /// What the source says of a group or body (`owner`).
    Note,
}

/// One searchable text.
#[derive(Debug)]
pub struct Doc {
    pub kind: DocKind,
    /// The expert, group or body it belongs to.
    pub owner: Id,
    pub owner_kind: Kind,
    /// Who said it, for display: an expert's name, or "the article" for the introduction.
    pub speaker: String,
    /// The group or body a note is about.
    pub about: Option<String>,
    pub text: String,
    words: HashSet<String>,
}

/// A search result.
#[derive(Debug)]
pub struct Hit<'a> {
    pub doc: &'a Doc,
    pub score: f64,
    /// Folded vocabulary words that matched, for highlighting.
    pub words: HashSet<String>,
}

/// The search index of one dataset.
#[derive(Debug, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Folded word → documents holding it.
    vocab: HashMap<String, Vec<u32>>,
}

impl SearchIndex {
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let mut docs = Vec::new();
        let mut add =
            |kind, owner: &Id, owner_kind, speaker: &str, about: Option<&str>, text: &str| {
                docs.push(Doc {
                    kind,
                    owner: owner.clone(),
                    owner_kind,
                    speaker: speaker.to_string(),
                    about: about.map(String::from),
                    text: text.to_string(),
                    words: fold::words(text).into_iter().collect(),
                });
            };
        for e in dataset.experts() {
            for q in &e.quotes {
                add(DocKind::Statement, &e.id, Kind::Expert, &e.name, None, q);
            }
            for w in &e.wishes {
                add(
                    DocKind::Wish { year: w.year },
                    &e.id,
                    Kind::Expert,
                    &e.name,
                    None,
                    &w.text,
                );
            }
            for r in &e.roles {
                let org = dataset
                    .body(r.organisation.as_str())
                    .map_or(r.organisation.as_str(), |b| b.name.as_str());
                let former = if r.current { "" } else { "Former " };
                let text = format!("{former}{}, {org}", r.title);
                add(DocKind::Role, &e.id, Kind::Expert, &e.name, None, &text);
            }
        }
        for entity in dataset.entities() {
            let (Entity::Group(_) | Entity::Body(_)) = entity else {
                continue;
            };
            for n in entity.notes() {
                let speaker = n
                    .said_by
                    .as_ref()
                    .and_then(|id| dataset.expert(id.as_str()))
                    .map_or("the article", |e| e.name.as_str());
                add(
                    DocKind::Note,
                    entity.id(),
                    entity.kind(),
                    speaker,
                    Some(entity.name()),
                    &n.text,
                );
            }
        }
        let mut vocab: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            for w in &d.words {
                vocab.entry(w.clone()).or_default().push(i as u32);
            }
        }
        SearchIndex { docs, vocab }
    }

    /// Documents matching `text`, best first: the most query words matched, then the rarest.
    pub fn search(&self, text: &str, limit: usize) -> Vec<Hit<'_>> {
        let words = query_words(text);
        let n_docs = self.docs.len().max(1) as f64;
        // doc → (query words matched, score, vocabulary words matched)
        let mut found: HashMap<u32, (usize, f64, HashSet<String>)> = HashMap::new();
        for q in &words {
            let mut best_per_doc: HashMap<u32, (f64, &str)> = HashMap::new();
            for (w, docs) in &self.vocab {
                let Some(quality) = word_match(q, w) else {
                    continue;
                };
                let idf = (1.0 + n_docs / docs.len() as f64).ln();
                for &d in docs {
                    let slot = best_per_doc.entry(d).or_insert((0.0, w));
                    if quality * idf > slot.0 {
                        *slot = (quality * idf, w);
                    }
                    // Every matching word is highlighted, not only the best.
                    found.entry(d).or_default().2.insert(w.clone());
                }
            }
            for (d, (s, _)) in best_per_doc {
                let entry = found.entry(d).or_default();
                entry.0 += 1;
                entry.1 += s;
            }
        }
        let mut hits: Vec<Hit<'_>> = found
            .into_iter()
            .filter(|(_, (n, _, _))| *n > 0)
            .map(|(d, (n, s, words))| Hit {
                doc: &self.docs[d as usize],
                // Matching more of the query's words always ranks higher.
                score: n as f64 * 100.0 + s,
                words,
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.doc.text.len().cmp(&b.doc.text.len()))
        });
        hits.truncate(limit);
        hits
    }

    /// Words of the dataset close to the query's words, for "did you mean".
    pub fn suggestions(&self, text: &str, limit: usize) -> Vec<String> {
        let mut scored: Vec<(f64, &String)> = Vec::new();
        for q in query_words(text) {
            for w in self.vocab.keys() {
                let s = strsim::jaro_winkler(&q, w);
                if s >= SUGGESTION_SIMILARITY && w.chars().count() >= 3 {
                    scored.push((s, w));
                }
            }
        }
        scored.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.1.cmp(b.1))
        });
        let mut out: Vec<String> = Vec::new();
        for (_, w) in scored {
            if !out.contains(w) {
                out.push(w.clone());
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }
}

fn query_words(text: &str) -> Vec<String> {
    let all = fold::words(text);
    let content: Vec<String> = all
        .iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    let mut words = if content.is_empty() { all } else { content };
    words.dedup();
    words.truncate(12);
    words
}

/// How well vocabulary word `w` matches query word `q`: 1 equal, 0.9 a prefix, less a typo.
fn word_match(q: &str, w: &str) -> Option<f64> {
    if q == w {
        return Some(1.0);
    }
    let qn = q.chars().count();
    if qn >= PREFIX_MIN_CHARS && w.starts_with(q) {
        return Some(0.9);
    }
    if qn >= TYPO_MIN_CHARS && w.chars().count() >= TYPO_MIN_CHARS {
        let s = strsim::jaro_winkler(q, w);
        if s >= TYPO_SIMILARITY
            && strsim::normalized_damerau_levenshtein(q, w) >= TYPO_EDIT_SIMILARITY
        {
            return Some(s * 0.8);
        }
    }
    None
}

/// `text` with the words whose folded form is in `words` marked by `mark` (which gets each
/// word, escaped by `escape`, and returns it marked); everything else escaped. Only a window
/// of about `window` characters around the first marked word is kept, with "…" where cut.
pub fn highlight(
    text: &str,
    words: &HashSet<String>,
    window: usize,
    escape: impl Fn(&str) -> String,
    mark: impl Fn(&str) -> String,
) -> String {
    // Split into runs of word characters and the rest, keeping char offsets.
    let mut pieces: Vec<(bool, &str, usize)> = Vec::new();
    let mut start = 0;
    let mut chars_before = 0;
    let mut in_word = None;
    let mut count = 0;
    for (i, c) in text.char_indices() {
        let is_word = c.is_alphanumeric();
        match in_word {
            Some(w) if w != is_word => {
                pieces.push((w, &text[start..i], chars_before));
                start = i;
                chars_before = count;
            }
            _ => {}
        }
        in_word = Some(is_word);
        count += 1;
    }
    if let Some(w) = in_word {
        pieces.push((w, &text[start..], chars_before));
    }
    let is_hit =
        |p: &(bool, &str, usize)| p.0 && fold::fold(p.1).split(' ').any(|w| words.contains(w));
    let first_hit = pieces.iter().find(|p| is_hit(p)).map_or(0, |p| p.2);
    let from = first_hit.saturating_sub(window / 3);
    let to = from + window;
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    for p in &pieces {
        let len = p.1.chars().count();
        if p.2 + len <= from || p.2 >= to {
            continue;
        }
        if is_hit(p) {
            out.push_str(&mark(&escape(p.1)));
        } else {
            out.push_str(&escape(p.1));
        }
    }
    if count > to {
        out.push('…');
    }
    out.trim().to_string()
}
