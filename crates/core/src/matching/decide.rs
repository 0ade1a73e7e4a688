//! The decision on a query's candidates: one match, a question ("which one did you mean"), or
//! nothing close enough. A likeness is judged by its edits as well as its score: a typo is one
//! or two edits from the name meant and usually more from every other.

use super::{
    Candidate, MARGIN, MATCH_THRESHOLD, MAX_CANDIDATES, MAX_SUGGESTIONS, Outcome, Resolution,
    SUGGEST_THRESHOLD, Tier,
};

/// Decides the outcome from candidates sorted by `rank`. The best must reach the threshold and
/// lead the next candidate of its own tier by `MARGIN`; a candidate of a lower tier is no rival
/// ("min ho" is the name of Min Ho, however close "Min Hou" looks).
pub fn decide(text: &str, mut candidates: Vec<Candidate>) -> Resolution {
    let first = candidates.first().map(|c| c.score).unwrap_or(0.0);
    let tier = candidates.first().map(|c| c.tier);
    let second = candidates
        .get(1)
        .filter(|c| Some(c.tier) == tier)
        .map(|c| c.score)
        .unwrap_or(0.0);
    let typo = typo_of_one(&candidates);
    // A word match that is not the whole name ("Kai Taka" for Kai Takaza), beside a name a
    // single edit from the query ("Kai Saka"): the query may be either, so it is asked.
    let word_or_typo = tier == Some(Tier::Word)
        && candidates
            .first()
            .is_some_and(|c| c.edits.is_some_and(|e| e > 0))
        && candidates
            .iter()
            .any(|c| c.tier == Tier::Fuzzy && c.edits.is_some_and(|e| e <= 1));
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
                Some(Typo::Several(edits)) => {
                    candidates.retain(|c| c.edits.is_some_and(|e| e <= edits + 1))
                }
                _ if word_or_typo => candidates.retain(|c| {
                    c.tier == Tier::Word && first - c.score < MARGIN * 2.0
                        || c.tier == Tier::Fuzzy && c.edits.is_some_and(|e| e <= 1)
                }),
                _ => candidates.retain(|c| Some(c.tier) == tier && first - c.score < MARGIN * 2.0),
            }
            candidates.truncate(MAX_CANDIDATES);
        }
        Outcome::None => {
            candidates.retain(|c| c.score >= SUGGEST_THRESHOLD);
            candidates.truncate(MAX_SUGGESTIONS);
        }
    }
    let best = (outcome == Outcome::Match).then(|| &candidates[0]);
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
/// likeness within `max_edits` of the query, and the next likeness is more edits away. `None`
/// when the first is not a likeness, or too far for a typo.
fn typo_of_one(candidates: &[Candidate]) -> Option<Typo> {
    let first = candidates.first()?;
    let edits = first.edits.filter(|_| first.tier == Tier::Fuzzy)?;
    let chars = first.name.chars().filter(|c| c.is_alphanumeric()).count();
    if edits == 0 || edits > max_edits(chars) {
        return None;
    }
    let next = candidates
        .get(1)
        .filter(|c| c.tier == Tier::Fuzzy)
        .and_then(|c| c.edits);
    Some(match next {
        Some(n) if n <= edits => Typo::Several(edits),
        // Closer than the gap: the scores decide, as for any likeness.
        Some(n) if n < edits + TYPO_GAP => return None,
        _ => Typo::One,
    })
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
