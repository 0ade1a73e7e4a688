//! What answers a question (`Answer`): the passages that best fit its reading, best first, or
//! a member list, or the honest "the article does not answer this". Every passage is scored by
//! three things the reading holds: how much of the question's own words it says (weighted by
//! how rare each word is), whether it is by or about what the question names, and whether it
//! is the kind of passage asked for.

use std::collections::HashSet;

use crate::countries::Country;
use crate::dataset::{EntityIx, EntityOf, GroupIx, Id, PassageIx, PassageKind};
use crate::fold;
use crate::knowledge::Knowledge;
use crate::search::Sought;

use super::cues::{Fact, Want, is_year, says_number, says_time, unclipped};
use super::reading::{LONGEST_COUNTRY, SHORT_COUNTRY_CHARS};
use super::reading::{Reading, Through};

/// The most passages an answer shows.
const MOST_PASSAGES: usize = 5;
/// The share of a question's words (weighted by rarity) a passage must say to answer it: more
/// than half, so that one word of two ("how much funding does odi get": "get" in "getting
/// away from") is not enough. 0.5 was tried (session 11): it answered 4 more held-out
/// questions, and quoted passages for the review's questions the article cannot answer.
pub const WORDS_FLOOR: f32 = 0.6;
/// A passage shown after the first scores at least this share of the first's score.
const KEEP_SHARE: f32 = 0.85;
/// How much each part of the fit counts: the question's own words most, then what it names,
/// then the kind of passage.
const WORDS_WEIGHT: f32 = 2.0;
const ENTITY_WEIGHT: f32 = 1.5;
const KIND_WEIGHT: f32 = 1.0;
/// What a passage's fit to the entities gains per share of what the question names itself:
/// "what's the ODI?" is answered by the byline about ODI before the words of ODI's CEO.
const NAMED_BONUS: f32 = 0.25;
/// A person found through their organisation or role fits a little less than one named.
const THROUGH_FIT: f32 = 0.9;
/// The passages a question that names nothing is scored on: search's best for its words.
const CANDIDATES: usize = 200;

/// What answers a question.
#[derive(Debug)]
pub enum Answer<'k> {
    /// Passages, best first, each with its score; and the question's words as search read
    /// them (to mark them in the passages shown).
    Passages {
        /// The passages, best first, with their scores.
        found: Vec<(PassageIx, f32)>,
        /// The question's own words (and the countries it names), as search reads them.
        sought: Vec<Sought>,
    },
    /// A group's member list.
    Members(GroupIx),
    /// The groups a country is in.
    Country(&'k Country),
    /// The article does not answer it; with the question's words as search read them (each
    /// walked once for its typos and its "did you mean"), when they were read.
    NotAnswered {
        /// The question's own words, as search reads them; empty when it was refused before.
        sought: Vec<Sought>,
    },
}

/// What answers the question read as `reading`.
pub fn answer<'k>(k: &'k Knowledge, reading: &Reading<'k>) -> Answer<'k> {
    answer_with_floor(k, reading, WORDS_FLOOR)
}

/// What answers the question read as `reading` with `floor` in place of `WORDS_FLOOR`: for the
/// benchmark's bound, which asks what every floor would answer (BENCHMARKS.md, "/ask").
pub fn answer_with_floor<'k>(k: &'k Knowledge, reading: &Reading<'k>, floor: f32) -> Answer<'k> {
    let d = &k.dataset;
    let groups: Vec<GroupIx> = reading
        .named()
        .filter_map(|e| match d.entity_of(e) {
            EntityOf::Group(g) => Some(g),
            EntityOf::Expert(_) | EntityOf::Body(_) => None,
        })
        .collect();
    let people = names_a_person(k, reading);
    // What someone does not want or think: never a list either ("which countries don't want
    // to be in BRICS").
    if reading.what_not {
        return Answer::NotAnswered { sought: Vec::new() };
    }
    // A list, when the question asks for members (or "who is in" a group, or which groups a
    // country is in) and says nothing more.
    let listing = reading.words.is_empty() && !people;
    if listing
        && let Some(country) = reading.countries.first()
        && reading.want == Some(Want::Members)
    {
        return Answer::Country(country);
    }
    if listing
        && let Some(group) = groups.first()
        && (reading.want == Some(Want::Members)
            || reading.want == Some(Want::Who) && !reading.who_by_role)
    {
        return Answer::Members(*group);
    }
    // Members of something that has none ("the members of the Frontier Model Forum").
    if listing && reading.asks_members && groups.is_empty() && reading.countries.is_empty() {
        return Answer::NotAnswered { sought: Vec::new() };
    }
    // A role nobody holds at the organisation named; a yes-or-no question of a person that
    // asks nothing of its own ("is Filer a woman": only her name left once the chat is read;
    // "does anyone mention the IPCC" names no person and is answered).
    if reading.unheld_role && reading.want == Some(Want::Who)
        || reading.yes_no
            && people
            && reading.words.is_empty()
            && reading.want.is_none()
            && reading.fact.is_none()
    {
        return Answer::NotAnswered { sought: Vec::new() };
    }
    // "before" or "after" a person's role: answered by the order of their roles, or not at all;
    // the word itself is then no word a passage need say.
    let ordered = match order_of_roles(k, reading) {
        Some(false) => return Answer::NotAnswered { sought: Vec::new() },
        Some(true) => true,
        None => false,
    };
    let mut sought: Vec<Sought> = reading
        .words
        .iter()
        .filter(|w| !(ordered && (*w == "before" || *w == "after")))
        .map(|w| seek(k, w))
        .collect();
    // A country named, when no list answers, is something the answer must say.
    for c in &reading.countries {
        sought.push(k.search.sought_any(&k.countries.names_of(c)));
    }
    let weight: f32 = sought.iter().map(|s| s.idf).sum();
    let optional: Vec<Sought> = reading.optional.iter().map(|w| seek(k, w)).collect();
    let optional_weight: f32 = optional.iter().map(|s| s.idf).sum();
    if reading.entities.is_empty()
        && sought.is_empty()
        && reading.want.is_none_or(Want::needs_subject)
    {
        return Answer::NotAnswered { sought: Vec::new() };
    }
    let mut scored: Vec<(PassageIx, f32)> = Vec::new();
    for p in candidates(k, reading, &sought) {
        let passage = &d[p];
        // A year asked is the passage's own (a wish's) or its article's.
        if let Some(asked) = reading.year {
            let year = passage
                .year
                .or_else(|| d.source(passage.source.as_str()).map(|s| s.year));
            if year != Some(asked) {
                continue;
            }
        }
        if let Some(fact) = reading.fact
            && !holds(k, fact, &passage.text)
        {
            continue;
        }
        let kind = kind_fit(reading.want, passage.kind, !reading.words.is_empty());
        if kind < 0.0 {
            continue;
        }
        let entity = about(k, reading, p);
        // What the question names, the answer must be by or about; and when it names people and
        // a group or body they speak of ("does Pantuliano want a G7 secretariat"), both: their
        // words about it, not another's about it, nor theirs about something else.
        if !reading.entities.is_empty() && entity == 0.0 || !of_whom_about_what(k, reading, p) {
            continue;
        }
        // No words of its own: the fit is the rest (a constant here would only blur the share
        // the others are kept by).
        // Optional words: for the floor, those said add to both sides of the share, so they
        // only ever raise it; for the score, they count as words, so a passage that says them
        // ranks above one that does not.
        let said: f32 = sought.iter().map(|s| s.idf * k.search.found_in(s, p)).sum();
        let bonus: f32 = optional
            .iter()
            .map(|s| s.idf * k.search.found_in(s, p))
            .sum();
        let (words, ranked) = if weight > 0.0 {
            (
                (said + bonus) / (weight + bonus),
                (said + bonus) / (weight + optional_weight),
            )
        } else {
            (0.0, 0.0)
        };
        // What it asks in its own words, the answer must mostly say: being by or about
        // everything the question names is not enough ("does Filer want the G7 abolished" is
        // not answered by her words on the G7, session 12's review); nor being by someone named
        // and of the kind asked (a lower floor for those was tried in session 12: it answered
        // "does Meserole want the UN to ban AI" with his wish for an IPCC for AI).
        if weight > 0.0 && words < floor {
            continue;
        }
        let score = WORDS_WEIGHT * ranked + ENTITY_WEIGHT * entity + KIND_WEIGHT * kind;
        scored.push((p, score));
    }
    // Best first; of equal scores, the earlier in its source (an introduction before what
    // follows it, a first wish before a second). Only the best few are sorted.
    let order =
        |a: &(PassageIx, f32), b: &(PassageIx, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if scored.len() > MOST_PASSAGES {
        scored.select_nth_unstable_by(MOST_PASSAGES - 1, order);
        scored.truncate(MOST_PASSAGES);
    }
    scored.sort_by(order);
    let Some(&(_, best)) = scored.first() else {
        return Answer::NotAnswered { sought };
    };
    scored.retain(|&(_, s)| s >= best * KEEP_SHARE);
    Answer::Passages {
        found: scored,
        sought,
    }
}

/// When the question asks what a person did before or after their role at an organisation it
/// names, whether the data can tell: it orders roles only as former and current. "Where did
/// Meserole work before the Frontier Model Forum" (current there, formerly at Brookings) is
/// answered by his byline; "before Brookings" (his former role) is not. `None` when the
/// question asks no such thing.
fn order_of_roles(k: &Knowledge, reading: &Reading) -> Option<bool> {
    let d = &k.dataset;
    let asks = |w: &str| reading.words.iter().any(|x| x == w);
    let (before, after) = (asks("before"), asks("after"));
    if !before && !after {
        return None;
    }
    let bodies: Vec<&Id> = reading
        .named()
        .filter(|e| matches!(d.entity_of(*e), EntityOf::Body(_)))
        .map(|e| d.entity_at(e).id())
        .collect();
    let mut asked = false;
    for e in reading.named() {
        let EntityOf::Expert(x) = d.entity_of(e) else {
            continue;
        };
        let roles = &d[x].roles;
        for r in roles
            .iter()
            .filter(|r| r.organisation.as_ref().is_some_and(|o| bodies.contains(&o)))
        {
            asked = true;
            // Before a current role is a former one; after a former one, a current one.
            let other = |current: bool| roles.iter().any(|o| o.current == current);
            if !(before && r.current && other(false) || after && !r.current && other(true)) {
                return Some(false);
            }
        }
    }
    asked.then_some(true)
}

/// A word of the question as search seeks it; a clipped word ("tech") as itself or the word it
/// is clipped from ("technology"), as written.
fn seek(k: &Knowledge, word: &str) -> Sought {
    match unclipped(word) {
        Some(full) => k.search.sought_any(&[word, full]),
        None => k.search.sought(word),
    }
}

/// The passages worth scoring: those by or about what the question names; else search's best
/// for its words (`sought`, as read once for the scores), and the passages of the kind it asks
/// for.
fn candidates(k: &Knowledge, reading: &Reading, sought: &[Sought]) -> Vec<PassageIx> {
    let d = &k.dataset;
    let mut out: Vec<PassageIx> = Vec::new();
    if !reading.entities.is_empty() {
        for n in &reading.entities {
            if let EntityOf::Expert(x) = d.entity_of(n.entity) {
                out.extend_from_slice(d.passages_said(x));
            }
            out.extend_from_slice(d.passages_about(n.entity));
        }
    } else {
        // The question's own words as already read (the countries' names follow them in
        // `sought`); a question of countries only is searched for their names as written.
        let words = sought.get(..reading.words.len()).unwrap_or_default();
        if !words.is_empty() {
            out.extend(k.search.best_for(words, CANDIDATES));
        } else if !reading.countries.is_empty() {
            let names: Vec<&str> = reading.countries.iter().map(|c| c.name.as_str()).collect();
            out.extend(
                k.search
                    .search(&names.join(" "), 0..CANDIDATES)
                    .hits
                    .iter()
                    .map(|h| h.passage),
            );
        }
        if reading.words.is_empty() || matches!(reading.want, Some(Want::Article | Want::Question))
        {
            let kinds = wanted_kinds(reading.want);
            out.extend(
                d.passages_indexed()
                    .filter(|(_, p)| kinds.contains(&p.kind))
                    .map(|(ix, _)| ix),
            );
        }
    }
    let mut seen = HashSet::new();
    out.retain(|p| seen.insert(*p));
    out
}

/// Whether `text` holds a fact of the kind asked for: a number that is not a year, a year or a
/// month, a country's name standing alone. Read from the words as written, with their
/// punctuation: "G7" holds no number, and "the UK AI safety summit" no place.
fn holds(k: &Knowledge, fact: Fact, text: &str) -> bool {
    // A dash joins no words: "the US—and 3SI" is "the US", then "and 3SI".
    let text = text.replace(['—', '–'], ", ");
    let written: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    match fact {
        Fact::Number => written.iter().any(|w| says_number(&bare(w))),
        // A month is written with a capital: "they may lack" says no time.
        Fact::Time => written.iter().any(|w| {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            fold::words(w)
                .iter()
                .any(|f| is_year(f) || capital && says_time(f))
        }),
        Fact::Place => (1..=LONGEST_COUNTRY).any(|len| {
            written.windows(len).enumerate().any(|(at, span)| {
                let key: Vec<String> = span.iter().flat_map(|w| fold::words(w)).collect();
                let key = key.join(" ");
                if k.countries.named(&key).is_none() {
                    return false;
                }
                // "us" is a pronoun: a short name counts written in capitals ("US", "UAE").
                let capitals = span
                    .iter()
                    .all(|w| bare(w).chars().all(|c| !c.is_lowercase()));
                if key.chars().count() <= SHORT_COUNTRY_CHARS && !capitals {
                    return false;
                }
                // Alone: its last word ends a clause, or no capitalised word follows it.
                let last = span.last().copied().unwrap_or_default();
                let ends = last.ends_with(|c: char| !c.is_alphanumeric());
                let next_is_name = written
                    .get(at + len)
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase);
                ends || !next_is_name
            })
        }),
    }
}

/// The kinds of passage a question with no name and no words of its own is answered from.
fn wanted_kinds(want: Option<Want>) -> &'static [PassageKind] {
    match want {
        Some(Want::Wishes) => &[PassageKind::Wish],
        Some(Want::Article) => &[PassageKind::Title, PassageKind::Framing],
        Some(Want::Question) => &[PassageKind::Question],
        Some(Want::Said) => &[PassageKind::Statement, PassageKind::Wish],
        Some(Want::Who | Want::Author) => &[PassageKind::Byline],
        Some(Want::Members | Want::What) | None => &[],
    }
}

/// How well a passage of `kind` fits what is asked for: 1 for the kind asked, less for a
/// neighbour, negative for a kind that cannot answer (the article's introduction is nobody's
/// wish or view).
fn kind_fit(want: Option<Want>, kind: PassageKind, own_words: bool) -> f32 {
    use PassageKind as K;
    match (want, kind) {
        (Some(Want::Wishes), K::Wish) => 1.0,
        (Some(Want::Wishes), K::Statement) => 0.3,
        (Some(Want::Wishes), _) => -1.0,
        (Some(Want::Who), K::Byline) => 1.0,
        // Who someone is, or where they work, is their byline: "does Filer work for the G7"
        // is not answered by her words on the G7. With words of its own ("Pantuliano's
        // position on responsible technology"), what was said may answer.
        (Some(Want::Who), _) if own_words => 0.0,
        (Some(Want::Who), _) => -1.0,
        (Some(Want::Author), K::Byline) => 1.0,
        (Some(Want::Author), _) => -1.0,
        (Some(Want::Said), K::Statement) => 1.0,
        (Some(Want::Said), K::Wish) => 0.8,
        (Some(Want::Said), _) => -1.0,
        (Some(Want::Article), K::Title | K::Framing) => 1.0,
        (Some(Want::Article), K::Question) => 0.5,
        (Some(Want::Article), _) => 0.0,
        (Some(Want::Question), K::Question) => 1.0,
        (Some(Want::Question), K::Framing) => 0.5,
        (Some(Want::Question), K::Title) => 0.0,
        // An expert's words are no question put to them ("what question was put to Meserole"
        // is not answered by his wish).
        (Some(Want::Question), _) => -1.0,
        (Some(Want::What), K::Framing) => 1.0,
        (Some(Want::What), K::Statement) => 0.6,
        (Some(Want::What), K::Byline) => 0.5,
        (Some(Want::What), K::Wish) => 0.4,
        (Some(Want::What), K::Title | K::Question) => 0.0,
        // Members are a list, which the introduction gives of some groups ("I2U2—comprising
        // India, the UAE, Israel, and the US"): no one's words say who is a member.
        (Some(Want::Members), K::Framing) => 0.5,
        // With words of its own ("what do G7 members want on AI"), what was said may answer.
        (Some(Want::Members), _) if own_words => 0.0,
        (Some(Want::Members), _) => -1.0,
        // Nothing said of the kind: the experts' words are what the article is for.
        (None, K::Statement | K::Wish) => 0.5,
        (None, K::Framing) => 0.4,
        (None, K::Byline) => 0.3,
        (None, K::Title | K::Question) => 0.0,
    }
}

/// How much passage `p` is by or about what the question names: per entity 1 for its speaker
/// or the person a byline introduces, 0.7 for an entity it concerns; the mean over what the
/// question names itself, or `THROUGH_FIT` of the best of the people found through an
/// organisation or a role when that is more, with `NAMED_BONUS` for the mean.
fn about(k: &Knowledge, reading: &Reading, p: PassageIx) -> f32 {
    let d = &k.dataset;
    let passage = &d[p];
    let (mut named, mut count, mut through): (f32, f32, f32) = (0.0, 0.0, 0.0);
    let names_person = names_a_person(k, reading);
    for n in &reading.entities {
        let id = d.entity_at(n.entity).id();
        let speaks = passage.speaker.as_ref() == Some(id);
        let byline = passage.kind == PassageKind::Byline;
        let introduced = byline && passage.concerns.first() == Some(id);
        let person = matches!(d.entity_of(n.entity), EntityOf::Expert(_));
        let fit: f32 = if speaks || introduced {
            1.0
        } else if passage.concerns.contains(id)
            // Another's byline that names them ("co-author ... with Tanya Filer") says who
            // wrote with whom, not who they are ("what university did Filer go to").
            && !(byline && person && reading.want != Some(Want::Author))
        {
            0.7
        } else {
            0.0
        };
        match n.through {
            Through::Named => {
                named += fit;
                count += 1.0;
            }
            // The people of an organisation or a title count only when the question names no
            // one: "does Fernandez work at the Frontier Model Forum" asks of Fernandez, not
            // of Meserole, who does.
            Through::Organisation(_) | Through::Role if !names_person => {
                through = through.max(fit * THROUGH_FIT);
            }
            Through::Organisation(_) | Through::Role => {}
        }
    }
    let named = if count > 0.0 { named / count } else { 0.0 };
    named.max(through) + NAMED_BONUS * named
}

/// Whether the question names a person itself (not through an organisation or a title).
fn names_a_person(k: &Knowledge, reading: &Reading) -> bool {
    reading
        .named()
        .any(|e| matches!(k.dataset.entity_of(e), EntityOf::Expert(_)))
}

/// Whether passage `p` fits a question that names people (by name, organisation or role) and
/// a group or body they speak of: by or introducing one of the people, and concerning one of
/// those groups or bodies. A body the people were found through ("the ODI CEO") says whose,
/// not what about. True when the question names only people, or only groups and bodies.
fn of_whom_about_what(k: &Knowledge, reading: &Reading, p: PassageIx) -> bool {
    let d = &k.dataset;
    let passage = &d[p];
    let names_person = names_a_person(k, reading);
    let people: Vec<&Id> = reading
        .entities
        .iter()
        .filter(|n| matches!(d.entity_of(n.entity), EntityOf::Expert(_)))
        .filter(|n| !names_person || n.through == Through::Named)
        .map(|n| d.entity_at(n.entity).id())
        .collect();
    let through: Vec<EntityIx> = reading
        .entities
        .iter()
        .filter_map(|n| match n.through {
            Through::Organisation(org) => Some(org),
            Through::Named | Through::Role => None,
        })
        .collect();
    let topics: Vec<&Id> = reading
        .named()
        .filter(|e| !matches!(d.entity_of(*e), EntityOf::Expert(_)) && !through.contains(e))
        .map(|e| d.entity_at(e).id())
        .collect();
    if people.is_empty() || topics.is_empty() {
        return true;
    }
    let by_them = people.iter().any(|id| {
        passage.speaker.as_ref() == Some(*id)
            || (passage.kind == PassageKind::Byline && passage.concerns.first() == Some(*id))
    });
    by_them && topics.iter().any(|id| passage.concerns.contains(*id))
}

#[cfg(test)]
mod tests {
    //! What the reading leads to: no answer for a question of filler, and a member list only
    //! when the question asks for one and says nothing more.

    use super::*;
    use crate::question::read;

    fn answered<'k>(k: &'k Knowledge, question: &str) -> Answer<'k> {
        answer(k, &read(k, question))
    }

    #[test]
    fn a_question_of_only_filler_is_not_answered() {
        let k = Knowledge::new(crate::testdata::bundled());
        for q in ["what is it", "what is it?", "can you tell me"] {
            let a = answered(&k, q);
            assert!(matches!(a, Answer::NotAnswered { .. }), "{q}: {a:?}");
        }
    }

    #[test]
    fn a_member_list_needs_no_other_words() {
        let k = Knowledge::new(crate::testdata::bundled());
        match answered(&k, "is the uae part of brics?") {
            Answer::Country(c) => assert_eq!(c.name, "United Arab Emirates"),
            other => panic!("not the UAE's groups: {other:?}"),
        }
        match answered(&k, "which countries are in I2U2?") {
            Answer::Members(g) => assert_eq!(k.dataset[g].id.as_str(), "i2u2"),
            other => panic!("not I2U2's members: {other:?}"),
        }
        // A word of its own ("president") is asked of the passages, not of a list.
        let a = answered(&k, "who is the prime minister of the UAE?");
        assert!(
            !matches!(a, Answer::Country(_) | Answer::Members(_)),
            "{a:?}"
        );
    }

    /// The id of the first passage of the answer, or "-" when it is not passages.
    fn first<'k>(k: &'k Knowledge, question: &str) -> &'k str {
        match answered(k, question) {
            Answer::Passages { found, .. } => k.dataset[found[0].0].id.as_str(),
            _ => "-",
        }
    }

    #[test]
    fn a_fact_asked_for_is_answered_only_by_a_passage_that_holds_one() {
        let k = Knowledge::new(crate::testdata::bundled());
        // "life" is "live" misspelt to search, and her byline names her: neither says where
        // she lives, nor how old she is, nor when BRICS was founded.
        for q in [
            "where does tanya filer live",
            "how old is tanya filer",
            "when was brics founded",
            "where did tanya filer get her phd",
        ] {
            assert_eq!(first(&k, q), "-", "{q}");
        }
        // "four experts" is a number; "where does Weiss work" asks for his organisation.
        assert_eq!(first(&k, "how many experts did they ask"), "intro-asked");
        assert_eq!(first(&k, "where does antonio weiss work"), "weiss-byline");
    }

    #[test]
    fn a_question_asking_what_no_passage_says_is_not_answered_by_whom_it_names() {
        let k = Knowledge::new(crate::testdata::bundled());
        // Neither a word of "tariffs" nor of "regulation" is in their wishes; Meserole's wish
        // for an IPCC for AI says "AI", not a ban; Filer's words on the G7 say nothing of
        // abolishing it.
        for q in [
            "does weiss want more trade tariffs",
            "does pantuliano want more ai regulation",
            "does meserole want the un to ban ai",
            "does filer want the g7 to be abolished",
        ] {
            assert_eq!(first(&k, q), "-", "{q}");
        }
        // Not of the kind asked (no cue): the words floor holds ("get" is no word of hers).
        assert_eq!(first(&k, "did filer get funding"), "-");
    }

    #[test]
    fn a_country_in_a_group_asks_whether_it_is_a_member() {
        let k = Knowledge::new(crate::testdata::bundled());
        match answered(&k, "is poland in the three seas") {
            Answer::Country(c) => assert_eq!(c.name, "Poland"),
            other => panic!("not Poland's groups: {other:?}"),
        }
    }

    #[test]
    fn a_clipped_word_is_sought_as_the_word_it_is_clipped_from() {
        let k = Knowledge::new(crate::testdata::bundled());
        // Pantuliano says "responsible technology", never "tech".
        assert_eq!(
            first(
                &k,
                "should the money for inclusive tech be proportionate to its risk?"
            ),
            "pantuliano-proportionate"
        );
    }

    #[test]
    fn a_noun_for_groups_ranks_a_passage_that_says_it_first() {
        let k = Knowledge::new(crate::testdata::bundled());
        // Weiss says "small" too; the introduction says "small ... blocs of countries".
        assert_eq!(
            first(&k, "why are small blocs of countries suddenly taking off?"),
            "intro-world"
        );
    }

    #[test]
    fn before_or_after_a_role_is_answered_only_where_the_data_orders_it() {
        let k = Knowledge::new(crate::testdata::bundled());
        // Meserole is at the Frontier Model Forum now, and was at Brookings.
        assert_eq!(
            first(
                &k,
                "where did chris meserole work before the frontier model forum"
            ),
            "meserole-byline"
        );
        assert_eq!(
            first(&k, "where did chris meserole work after brookings"),
            "meserole-byline"
        );
        assert_eq!(
            first(&k, "where did chris meserole work before brookings"),
            "-"
        );
    }

    #[test]
    fn a_number_or_a_place_is_a_word_of_its_own() {
        let k = Knowledge::new(crate::testdata::bundled());
        let number = |t: &str| holds(&k, Fact::Number, t);
        let place = |t: &str| holds(&k, Fact::Place, t);
        assert!(number("We asked four experts"));
        assert!(number("a budget of 12,000 a year"));
        for t in [
            "The G7 code of conduct",
            "I2U2 and 3SI",
            "One word kept cropping up",
            "in 2024",
        ] {
            assert!(!number(t), "{t}");
        }
        assert!(place(
            "I2U2—comprising India, the UAE, Israel, and the US—and 3SI"
        ));
        assert!(place("a summit in the UK."));
        for t in [
            "The UK AI safety summit leading to",
            "tell us more",
            "the US Undersecretary",
        ] {
            assert!(!place(t), "{t}");
        }
    }

    #[test]
    fn who_someone_is_is_a_byline_and_members_a_list() {
        let k = Knowledge::new(crate::testdata::bundled());
        // Filer's words on the G7 say nothing of where she works; nor her words on I2U2 of who
        // its members are.
        for q in ["does filer work for the g7", "is filer a member of i2u2"] {
            assert_eq!(first(&k, q), "-", "{q}");
        }
        assert_eq!(first(&k, "who is tanya filer"), "filer-byline");
    }

    #[test]
    fn chat_ways_of_asking_are_read() {
        let k = Knowledge::new(crate::testdata::bundled());
        for (q, want) in [
            ("who's behind stateup", "filer-byline"),
            ("who's in charge at odi", "pantuliano-byline"),
            ("did weiss write a book", "weiss-byline"),
            (
                "what does the odi lady want",
                "pantuliano-wish-institutions",
            ),
            (
                "what does filer mean by talking shops",
                "filer-talking-shops",
            ),
            ("what about china's bri", "intro-by-design"),
            ("why does 3si exist", "intro-by-design"),
            // A role's word asks who holds it: no group's member list says.
            ("who leads the g7", "-"),
        ] {
            assert_eq!(first(&k, q), want, "{q}");
        }
        // The issue with something is what was said of it.
        let a = answered(&k, "who raised the issue of a secretariat");
        match a {
            Answer::Passages { found, .. } => {
                let id = k.dataset[found[0].0].id.as_str();
                assert!(
                    id == "filer-talking-shops" || id == "filer-g7-secretariat",
                    "{id}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn working_heading_liking_and_not_wanting_are_read_as_meant() {
        let k = Knowledge::new(crate::testdata::bundled());
        for (q, want) in [
            // Where someone works, or with whom, is their byline.
            ("who does filer work for", "filer-byline"),
            ("who works at odi", "pantuliano-byline"),
            ("where does weiss work again", "weiss-byline"),
            ("what does weiss do for work", "weiss-byline"),
            ("who has weiss worked with", "weiss-byline"),
            // Working as functioning asks no one's byline, and is a word a passage must say.
            ("which experts work with the g7", "-"),
            // Who heads an organisation is whoever's title there says so: nobody at the
            // Bennett Institute, where the data holds only an affiliated researcher.
            (
                "what does the odi boss think about the global north",
                "pantuliano-wish-spaces",
            ),
            ("who is the boss of stateup", "filer-byline"),
            ("who runs the bennett institute", "-"),
            ("who is the boss of the bennett institute", "-"),
            // Meserole directed the Brookings initiative before: he does not head it now.
            ("who runs the brookings ai initiative", "-"),
            ("which countries don't want to be in brics", "-"),
            // Liking is a view: what someone said, even asked as "who is".
            ("why is filer so keen on a lighthouse", "filer-lighthouse"),
            (
                "who is keen on a lighthouse for responsible ai",
                "filer-lighthouse",
            ),
            ("is weiss a fan of the un", "-"),
            // "like" as "such as".
            ("what about forums like brics", "intro-forums"),
            // What someone does not want or think, the article does not say; a "can't" of
            // something else is no such question.
            ("what doesn't meserole want", "-"),
            ("who does not like minilaterals", "-"),
            (
                "who said we cant treat technology as a black box",
                "pantuliano-understand-technology",
            ),
            // Asking is what the article's question says, and no expert's words are it.
            ("what question did the article pose", "question"),
            ("what question was put to meserole", "intro-asked"),
            // The year the article looks to is its own.
            ("what does filer want next year", "filer-wish-maturation"),
        ] {
            assert_eq!(first(&k, q), want, "{q}");
        }
        // Minilaterals working, and who likes them, are what was said, not anyone's byline.
        for q in ["why do minilaterals work", "who is keen on minilaterals"] {
            assert!(!first(&k, q).ends_with("-byline"), "{q}: {}", first(&k, q));
        }
        // Asking for something is wanting it.
        let asked = first(&k, "what does pantuliano ask for");
        assert!(asked.starts_with("pantuliano-wish-"), "{asked}");
    }

    #[test]
    fn a_yes_or_no_question_of_a_person_must_ask_something_of_its_own() {
        let k = Knowledge::new(crate::testdata::bundled());
        // Only her name is left once the chat is read: her wish is no answer.
        for q in [
            "is filer a woman",
            "was meserole at the uk ai safety summit",
            "is filer at odi",
        ] {
            assert_eq!(first(&k, q), "-", "{q}");
        }
        // Naming no person, it asks of what it names.
        assert_eq!(
            first(&k, "does anyone mention the IPCC"),
            "meserole-wish-un-body"
        );
    }

    #[test]
    fn what_a_question_asks_of_a_person_is_asked_of_them_alone() {
        let k = Knowledge::new(crate::testdata::bundled());
        // Weiss's byline names Filer as his co-author: not where she studied.
        assert_eq!(first(&k, "what university did filer go to"), "-");
        // Of Fernandez, not of Meserole, who works at the Forum.
        assert_eq!(
            first(&k, "does fernandez work at the frontier model forum"),
            "fernandez-byline"
        );
        // Nobody the data holds is the Forum's CEO (Meserole is its Executive Director).
        assert_eq!(first(&k, "who is the ceo of the frontier model forum"), "-");
        assert_eq!(first(&k, "who is the ceo of the g7"), "-");
        // A count said of the answer, and a count asked, are no words a passage need say.
        assert_eq!(
            first(&k, "meserole's three wishes"),
            "meserole-wish-g7-code"
        );
        assert_eq!(first(&k, "how many experts were asked"), "intro-asked");
    }

    #[test]
    fn the_code_review_s_questions_are_read_as_meant() {
        let k = Knowledge::new(crate::testdata::bundled());
        for (q, want) in [
            // A "who" cue with words of its own ("position") may be answered by what was said.
            (
                "what is pantuliano's position on responsible technology",
                "pantuliano-proportionate",
            ),
            // What someone writes about is what they said.
            (
                "what does filer write about talking shops",
                "filer-talking-shops",
            ),
        ] {
            assert_eq!(first(&k, q), want, "{q}");
        }
        // Members with words of their own are answered, by what says them.
        assert_eq!(
            first(&k, "what do g7 members say about a secretariat"),
            "filer-g7-secretariat"
        );
        // A request, not a yes-or-no question: answered from his passages.
        let said = first(&k, "can you tell me about chris meserole");
        assert!(said.starts_with("meserole-"), "{said}");
        // "when's" asks a time; "may" is no month ("they may lack a secretariat").
        assert_eq!(
            read(&k, "when's the next 3si summit").fact,
            Some(Fact::Time)
        );
        assert_eq!(
            first(&k, "when did filer say they may lack a secretariat"),
            "-"
        );
        // The undersecretary is nobody at the Forum, and is asked what he said, not who he is.
        assert_eq!(
            first(
                &k,
                "what did the undersecretary say about minilaterals at the frontier model forum"
            ),
            "fernandez-way-of-the-future"
        );
    }
}
