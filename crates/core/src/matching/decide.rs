//! The decision on a query's candidates: one match, a question ("which one did you mean"), or
//! nothing close enough. A likeness is judged by its edits as well as its score: a typo is one
//! or two edits from the name meant and usually more from every other. Also the order the
//! decision reads candidates in (`rank`), and what an edit count is (`Edits`). Two edits are a
//! typo only word by word (`typo_by_words`): two edits in one surname make another name.

use std::cmp::Ordering;

use crate::fold;

use super::{
    Candidate, MARGIN, MATCH_THRESHOLD, MAX_CANDIDATES, MAX_SUGGESTIONS, Outcome, Resolution,
    SUGGEST_THRESHOLD, Tier,
};

/// Edits (a letter changed, added, dropped, or two swapped: OSA distance) from a query to one
/// of an entity's names, and that name's length in letters (which decides how many edits a
/// typo may make).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edits {
    /// How many edits.
    pub count: usize,
    /// The length in letters of the name they lead to.
    pub key_chars: usize,
}

/// The order of candidates: tier first (an exact name is never outranked by a word match, nor a
/// word match by a fuzzy likeness, whatever their scores), then for likenesses their edits up
/// to two (a typo's reach), then score, then name and id, so that equal candidates always come
/// in the same order.
pub(super) fn rank(a: &Candidate, b: &Candidate) -> Ordering {
    // Among likenesses, fewer edits first, within a typo's reach; beyond it, edits mostly
    // measure length, and the score decides.
    let edits = |c: &Candidate| match (c.tier, c.edits) {
        (Tier::Fuzzy, Some(e)) if e.count <= 2 => e.count,
        (Tier::Fuzzy, _) => 3,
        _ => 0,
    };
    b.tier
        .cmp(&a.tier)
        .then_with(|| edits(a).cmp(&edits(b)))
        .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.id.as_str().cmp(b.id.as_str()))
}

/// Decides the outcome from candidates sorted by `rank`. The best must reach the threshold and
/// lead the next candidate of its own tier by `MARGIN`; a candidate of a lower tier is no rival
/// ("min ho" is the name of Min Ho, however close "Min Hou" looks).
pub fn decide(text: &str, mut candidates: Vec<Candidate>) -> Resolution {
    let first = candidates.first().map(|c| c.score).unwrap_or(0.0);
    let tier = candidates.first().map(|c| c.tier);
    // The best-scoring rival of the first's tier (likenesses are ranked by edits, so it need
    // not be the next).
    let second = candidates
        .iter()
        .skip(1)
        .filter(|c| Some(c.tier) == tier)
        .map(|c| c.score)
        .fold(0.0, f64::max);
    let typo = typo_of_one(text, &candidates);
    // A word match that is not the whole name ("Kai Taka" for Kai Takaza), beside a name a
    // single edit from the query ("Kai Saka"): the query may be either, so it is asked.
    let one_edit = |c: &Candidate| c.tier == Tier::Fuzzy && c.edits.is_some_and(|e| e.count <= 1);
    let word_or_typo = tier == Some(Tier::Word)
        && candidates.first().is_some_and(|c| c.partial)
        && candidates.iter().any(one_edit);
    let outcome = match typo {
        _ if word_or_typo && first >= MATCH_THRESHOLD => Outcome::Ambiguous,
        // One name a typo away, every other further: that name, however alike the scores.
        Some(Typo::One) if first >= SUGGEST_THRESHOLD => Outcome::Match,
        // Several names equally few edits away: which one is a question.
        Some(Typo::Several(_)) if first >= SUGGEST_THRESHOLD => Outcome::Ambiguous,
        _ if first >= MATCH_THRESHOLD && first - second >= MARGIN => Outcome::Match,
        _ if first >= MATCH_THRESHOLD => Outcome::Ambiguous,
        _ => Outcome::None,
    };
    match outcome {
        Outcome::Match => candidates.truncate(MAX_CANDIDATES),
        Outcome::Ambiguous => {
            match typo {
                // The names equally near, as likely as a suggestion.
                Some(Typo::Several(edits)) => candidates.retain(|c| {
                    c.edits.is_some_and(|e| e.count <= edits) && c.score >= SUGGEST_THRESHOLD
                }),
                _ if word_or_typo => {
                    candidates.retain(|c| {
                        c.tier == Tier::Word && first - c.score < MARGIN * 2.0 || one_edit(c)
                    });
                    // The name one edit away is why it is asked: it keeps its place among the
                    // buttons, however many word matches there are.
                    if let Some(i) = candidates.iter().position(one_edit) {
                        let typo = candidates.remove(i);
                        candidates.insert(1.min(candidates.len()), typo);
                    }
                }
                _ => candidates.retain(|c| Some(c.tier) == tier && first - c.score < MARGIN * 2.0),
            }
            candidates.truncate(MAX_CANDIDATES);
        }
        Outcome::None => {
            candidates.retain(|c| c.score >= SUGGEST_THRESHOLD);
            candidates.truncate(MAX_SUGGESTIONS);
        }
    }
    let best = candidates.first().filter(|_| outcome == Outcome::Match);
    Resolution {
        query: text.to_string(),
        outcome,
        id: best.map(|c| c.id.clone()),
        name: best.map(|c| c.name.clone()),
        score: best.map(|c| c.score),
        candidates,
    }
}

/// What the edits of the likenesses say, when the best candidates are likenesses a typo away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Typo {
    /// The first is the only candidate that few edits away.
    One,
    /// Several are this many edits away.
    Several(usize),
}

/// Whether the query reads as a typo of one name: the first candidate (sorted by `rank`) is a
/// likeness within `max_edits` of the query (two edits only word by word: `typo_by_words`),
/// and the next likeness is more edits away. `None` when the first is not a likeness, or too
/// far for a typo.
fn typo_of_one(text: &str, candidates: &[Candidate]) -> Option<Typo> {
    let first = candidates.first()?;
    let e = first.edits.filter(|_| first.tier == Tier::Fuzzy)?;
    // The length of the name the edits were counted to, not of the display name: one edit
    // from a three-letter acronym is no typo of a long name.
    let edits = e.count;
    if edits == 0 || edits > max_edits(e.key_chars) {
        return None;
    }
    if edits >= 2 && !typo_by_words(text, &first.name) {
        return None;
    }
    let next = candidates
        .get(1)
        .filter(|c| c.tier == Tier::Fuzzy)
        .and_then(|c| c.edits)
        .map(|e| e.count);
    Some(match next {
        Some(n) if n <= edits => Typo::Several(edits),
        // Closer than the gap: the scores decide, as for any likeness.
        Some(n) if n < edits + TYPO_GAP => return None,
        _ => Typo::One,
    })
}

/// Whether `query` is a typo of `name` word by word: as many words, each within the edits its
/// length allows in the name (`word_edits`). Two edits in a long name are a typo when they
/// fall in two words, one each ("Tonya Fyler"), not when they make one surname another
/// ("Yusuf Chenmandor" is not Yusuf Chenmanden: someone else, as likely as a typo; issue 29).
/// A name read through an alias of other words is no typo here: the scores decide.
fn typo_by_words(query: &str, name: &str) -> bool {
    let (q, n) = (fold::words(query), fold::words(name));
    q.len() == n.len()
        && q.iter()
            .zip(&n)
            .all(|(q, n)| strsim::osa_distance(q, n) <= word_edits(n.chars().count()))
}

/// Edits a two-edit typo may make in one word of `chars` letters: none under 5 letters (as
/// search engines allow typos: the style guide's Meilisearch), one from 5, and never two: two
/// edits in one word make another word. (Meilisearch's two from 9 letters was measured too:
/// BENCHMARKS.md, issue 29.)
fn word_edits(chars: usize) -> usize {
    match chars {
        0..5 => 0,
        _ => 1,
    }
}

/// How many more edits than the first the next likeness must be, for the first to be the
/// typo's name.
const TYPO_GAP: usize = 1;

/// Edits a typo may make in a name of `chars` letters: none in a short name (where one edit
/// reaches too many others), one from 8, two from 14.
fn max_edits(chars: usize) -> usize {
    match chars {
        0..8 => 0,
        8..14 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::EntityIx;
    use crate::matching::Edits;

    /// An entity index to give a candidate: `decide` reads only ids, names and scores.
    static SOME_ENTITY: std::sync::LazyLock<EntityIx> = std::sync::LazyLock::new(|| {
        let dataset = crate::testdata::bundled();
        dataset.entities_indexed().next().unwrap().0
    });

    fn likeness(name: &str, score: f64, count: usize, key_chars: usize) -> Candidate {
        Candidate {
            id: serde_json::from_value(serde_json::json!(name)).unwrap(),
            entity: *SOME_ENTITY,
            name: name.to_string(),
            score,
            tier: Tier::Fuzzy,
            edits: Some(Edits { count, key_chars }),
            partial: false,
            via: None,
            context: String::new(),
        }
    }

    #[test]
    fn one_edit_from_one_long_name_answers_however_close_the_scores() {
        // Scores 0.02 apart: by scores alone, a question.
        let long = [likeness("a", 0.87, 1, 12), likeness("b", 0.85, 3, 12)];
        assert_eq!(decide("q", long.to_vec()).outcome, Outcome::Match);
        // A short name is not read as a typo: the scores decide, and are too close.
        let short = [likeness("a", 0.87, 1, 7), likeness("b", 0.85, 2, 7)];
        assert_eq!(decide("q", short.to_vec()).outcome, Outcome::Ambiguous);
        // Two names one edit away: a question offering both, not a third further away.
        let tie = [
            likeness("a", 0.87, 1, 12),
            likeness("b", 0.86, 1, 12),
            likeness("c", 0.85, 2, 12),
        ];
        let r = decide("q", tie.to_vec());
        assert_eq!(r.outcome, Outcome::Ambiguous);
        let offered: Vec<&str> = r.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(offered, ["a", "b"]);
        // Two edits only from 14 letters, and only word by word: one in each of two words of
        // five letters or more, never two in one word (another surname).
        let two = |q: &str, name: &str| {
            let c = [likeness(name, 0.87, 2, 16), likeness("z", 0.86, 4, 16)];
            decide(q, c.to_vec()).outcome
        };
        assert_eq!(two("Tanya Fyller", "Tania Filler"), Outcome::Match);
        assert_ne!(two("Yusuf Chenmandor", "Yusuf Chenmanden"), Outcome::Match);
        assert_ne!(two("Annabel Bokada", "Annabel Bekeda"), Outcome::Match);
        assert_ne!(two("Sara Pantuliano", "Sarah Pantuliano x"), Outcome::Match);
        // Two edits only from 14 letters.
        assert_eq!(max_edits(13), 1);
        assert_eq!(max_edits(14), 2);
        assert_eq!(max_edits(7), 0);
    }
}
