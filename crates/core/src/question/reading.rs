//! How a question is read (`Reading`): the entities it names (people by name, a typo of one,
//! their organisation or their role; groups; bodies), the countries, what kind of passage
//! answers it (`Want`), a year, and its remaining words, which the passages that answer it
//! should hold.

use crate::countries::Country;
use crate::dataset::{EntityIx, EntityOf, Kind};
use crate::fold;
use crate::holders::name_words;
use crate::knowledge::Knowledge;
use crate::matching::Outcome;

use super::cues::{
    Fact, LONGEST_CUE, Want, asks_head, asks_what_not, asks_yes_or_no, cue, fact, is_asking,
    is_attitude, is_filler, is_group_noun, is_role_cue, is_work, is_year, names_relative_year,
    says_number, works_otherwise,
};
use super::plain::plain;

/// The most words of a question read: a longer one is a paste, and each word costs lookups.
const MOST_WORDS: usize = 24;
/// A word shorter than this is not read alone as a name in lower case or with a typo: too many
/// short words are one edit from a short name.
const LOOSE_NAME_MIN_CHARS: usize = 4;
/// A country name this short ("US", "UK", "UAE") counts only written in capitals or after
/// "the": "us" is a pronoun.
pub(super) const SHORT_COUNTRY_CHARS: usize = 3;
/// The most words of a country's name read in a question ("United Arab Emirates").
pub(super) const LONGEST_COUNTRY: usize = 3;
/// The most people an organisation or a role title brings into a question: more say too little
/// of whom it asks about ("the directors" of a large library).
const MOST_HOLDERS: usize = 8;

/// How an entity came into a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Through {
    /// The question names it (a name, an alias, a surname, a typo of one).
    Named,
    /// The question names an organisation the person has a role at ("the ODI CEO").
    Organisation(EntityIx),
    /// The question names the person's role title ("the undersecretary", "the CEOs").
    Role,
}

/// An entity a question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named {
    /// The entity.
    pub entity: EntityIx,
    /// How the question came to it.
    pub through: Through,
}

/// What a question asks, read deterministically from its words.
#[derive(Debug, Default)]
pub struct Reading<'k> {
    /// The entities it names (names first, in the order they were found: names and aliases,
    /// then surnames and typos); then the people of a named organisation or role title.
    pub entities: Vec<Named>,
    /// Of those named, the ones read from a guess, with the words as the question wrote them:
    /// a first name alone ("Chris"), a typo ("Pantulano", "meserol"), a short form ("tony
    /// weiss"). The reply says so ("Chris → Chris Meserole"), as the message command does.
    pub guessed: Vec<(EntityIx, String)>,
    /// The countries it names, in order.
    pub countries: Vec<&'k Country>,
    /// What kind of passage or list answers it, when a word says so.
    pub want: Option<Want>,
    /// Whether a word asks for members ("members", "belong"), whatever else it names.
    pub asks_members: bool,
    /// Whether it names a role at an organisation nobody the data holds has there ("the CEO of
    /// the Frontier Model Forum"): who holds it is not answered, rather than with whoever does
    /// work there.
    pub unheld_role: bool,
    /// Whether it asks yes or no ("is Filer a woman", "did Meserole attend"): answered only by
    /// a passage that says something it asks, not by whatever its names bring.
    pub yes_no: bool,
    /// Whether who is asked with a role's word ("who leads the G7", "who is the CEO of the
    /// G7"), not only "who is": a group's member list does not answer it.
    pub who_by_role: bool,
    /// Whether it asks what someone does not want, like or think ("what doesn't Meserole
    /// want"): the article says what its experts want and think, so it is not answered.
    pub what_not: bool,
    /// The year it asks about.
    pub year: Option<i32>,
    /// The kind of fact its question words ask for ("how many", "when", "where"), which an
    /// answer must hold.
    pub fact: Option<Fact>,
    /// Its other words (folded, each once): what an answer should say.
    pub words: Vec<String>,
    /// Words that count for a passage that says them and not against one that does not: the
    /// nouns for groups ("blocs", "countries") when nothing is named to list.
    pub optional: Vec<String>,
}

impl Reading<'_> {
    /// The entities it names itself (not those found through an organisation or a role).
    pub fn named(&self) -> impl Iterator<Item = EntityIx> + '_ {
        self.entities
            .iter()
            .filter(|n| n.through == Through::Named)
            .map(|n| n.entity)
    }

    fn add(&mut self, entity: EntityIx, through: Through) {
        if !self.entities.iter().any(|n| n.entity == entity) {
            self.entities.push(Named { entity, through });
        }
    }
}

/// Reads `question` against the data of `k`. Discord's markup and links are not words
/// (`plain`); at most `MOST_WORDS` words are read.
pub fn read<'k>(k: &'k Knowledge, question: &str) -> Reading<'k> {
    let question = plain(question);
    let mut words = fold::words(&question);
    words.truncate(MOST_WORDS);
    let mut covered = vec![false; words.len()];
    let mut reading = Reading::default();
    // Names and aliases, in any case: a question is asked of the data, so "odi" is ODI here.
    for (span, entities) in k.search.names_in(&words) {
        if let Some(c) = covered.get_mut(span) {
            c.fill(true);
        }
        for e in entities {
            reading.add(e, Through::Named);
        }
    }
    // What `mentions` reads in running text: a capitalised surname alone, a capitalised typo.
    for m in k.mentions(&question) {
        let said = fold::words(&m.text);
        if let Some(at) = find(&words, &said) {
            if let Some(c) = covered.get_mut(at..at + said.len()) {
                c.fill(true);
            }
            reading.add(m.entity, Through::Named);
            if m.read.is_guess() {
                reading.guessed.push((m.entity, m.text.clone()));
            }
        }
    }
    // A person's name in lower case or misspelt ("tanya filler", "meserol", "wiess"): what the
    // matcher takes for one person confidently, two words before one.
    for len in [2, 1] {
        for at in 0..words.len().saturating_sub(len - 1) {
            let Some(span) = words.get(at..at + len) else {
                continue;
            };
            let free = covered
                .get(at..at + len)
                .is_some_and(|c| !c.contains(&true));
            if !free || span.iter().any(|w| is_filler(w) || cue(w).is_some()) {
                continue;
            }
            let found = loose_name(k, span);
            // A first name beside someone else's name word ("tanya meserole", "mark
            // fernandez", "jose antonio") is a person the data does not hold: neither word
            // names anyone alone either.
            if let [first, second] = span
                && someone_else(k, first, second, found.map(|(e, _)| e))
            {
                if let Some(c) = covered.get_mut(at..at + len) {
                    c.fill(true);
                }
                continue;
            }
            if let Some((e, guess)) = found {
                if let Some(c) = covered.get_mut(at..at + len) {
                    c.fill(true);
                }
                reading.add(e, Through::Named);
                if guess {
                    reading.guessed.push((e, span.join(" ")));
                }
            }
        }
    }
    // The people of a role title ("the undersecretary", "what do the CEOs want"), longest
    // titles first; a title many hold says too little to bring them in.
    for len in (1..=k.holders.longest_title()).rev() {
        for at in 0..words.len().saturating_sub(len - 1) {
            let (Some(span), Some(free)) = (words.get(at..at + len), covered.get(at..at + len))
            else {
                continue;
            };
            if free.contains(&true) {
                continue;
            }
            let people = k.holders.titled(span);
            if people.is_empty() || people.len() > MOST_HOLDERS {
                continue;
            }
            for &p in people {
                reading.add(p, Through::Role);
            }
            if let Some(c) = covered.get_mut(at..at + len) {
                c.fill(true);
            }
        }
    }
    // The people of an organisation named ("the frontier model forum director"). With a role
    // title too, the people holding it there ("the CEO of StateUp" is not ODI's CEO).
    let organisations: Vec<EntityIx> = reading
        .named()
        .filter(|&e| matches!(k.dataset.entity_of(e), EntityOf::Body(_)))
        .collect();
    // Who heads it ("the ODI boss", "who runs the Bennett Institute"): only those whose title
    // there says so; nobody, when no one the data holds heads it.
    let heading = asks_head(&words);
    let staff: Vec<(EntityIx, EntityIx)> = organisations
        .iter()
        .flat_map(|&org| {
            let people = if heading {
                k.holders.heads(org)
            } else {
                k.holders.staff(org)
            };
            people.iter().take(MOST_HOLDERS).map(move |&p| (p, org))
        })
        .collect();
    let titled = |n: &Named| n.through == Through::Role;
    if reading.entities.iter().any(titled) && !organisations.is_empty() {
        let held_there = reading
            .entities
            .iter()
            .any(|n| titled(n) && staff.iter().any(|&(p, _)| p == n.entity));
        // "the CEO of the Frontier Model Forum": nobody the data holds is its CEO (who holds
        // it is then not answered). The title's holders stay for what else is asked ("what did
        // the undersecretary say about the Forum").
        reading.unheld_role = !held_there;
        if held_there {
            reading
                .entities
                .retain(|n| !titled(n) || staff.iter().any(|&(p, _)| p == n.entity));
        }
    }
    if heading && !organisations.is_empty() && staff.is_empty() {
        reading.unheld_role = true;
    }
    for (person, org) in staff {
        // Found by a title too, the organisation says more of them ("Sara Pantuliano (of ODI)").
        match reading.entities.iter_mut().find(|n| n.entity == person) {
            Some(n) if n.through == Through::Role => n.through = Through::Organisation(org),
            _ => reading.add(person, Through::Organisation(org)),
        }
    }
    reading.fact = fact(&words);
    reading.yes_no = asks_yes_or_no(&words);
    reading.what_not = asks_what_not(&words);
    reading.countries = countries(k, &question, &words, &mut covered);
    read_want(k, &mut reading, &words, &mut covered);
    // "where does Weiss work" asks for an organisation, which a byline says: no country needed.
    if reading.want == Some(Want::Who) && reading.fact == Some(Fact::Place) {
        reading.fact = None;
    }
    reading.asks_members = words.iter().any(|w| cue(w) == Some(Want::Members));
    for (w, c) in words.iter().zip(covered.iter_mut()) {
        if let Some(year) = year(w) {
            reading.year.get_or_insert(year);
            *c = true;
        }
    }
    // A word of the name of something named is said by naming it ("the brookings AI
    // initiative", where the data writes "Brookings A.I. & Emerging Tech Initiative").
    let said: Vec<String> = reading
        .named()
        .flat_map(|e| name_words(k.dataset.entity_at(e)))
        .collect();
    // So is a country's other name when the thing named is named by that country ("the british
    // AI safety summit" names the UK AI safety summit).
    let said_country = |w: &String| {
        k.countries.named(w).is_some_and(|c| {
            k.countries
                .names_of(c)
                .iter()
                .any(|n| said.iter().any(|s| s == n))
        })
    };
    // "next year" is the year the article looks to, which its wishes are for: no words a
    // passage need say.
    for (pair, c) in words.windows(2).zip(covered.iter_mut()) {
        if let [word, next] = pair
            && names_relative_year(word, next)
        {
            *c = true;
        }
    }
    // Who wrote a book asks nothing more of "book"; the article's question, nothing more of
    // asking it ("what question did they put to the experts").
    let author = reading.want == Some(Want::Author);
    let question_asked = reading.want == Some(Want::Question);
    let not_its_own = |w: &String| {
        said.contains(w)
            || said_country(w)
            || is_filler(w)
            || crate::search::is_stopword(w)
            || author && is_work(w)
            || question_asked && is_asking(w)
            // A count said of the answer ("Meserole's three wishes"), which no passage need say.
            || says_number(w)
    };
    for (w, c) in words.iter().zip(&covered) {
        if !c && !not_its_own(w) && !reading.words.contains(w) {
            reading.words.push(w.clone());
        }
    }
    reading
}

/// What kind of answer the cue words ask for (`want`), marking them covered; whether a role's
/// word asks who (`who_by_role`); and the nouns for groups that are then optional words. The
/// strongest cue wins: a list over the article's question over an author over the article over
/// wishes over who someone is over what was said over what something is ("what does the CEO of
/// StateUp hope for" asks for wishes; "the CEO" only says whose). A list is asked for only of a
/// group or a country ("list Meserole's wishes" asks for wishes).
fn read_want(k: &Knowledge, reading: &mut Reading, words: &[String], covered: &mut [bool]) {
    let mut wants: Vec<Want> = Vec::new();
    // Whether every "who" cue was a role's word ("ceo"): what was said then wins over who.
    let mut who_by_role_only = true;
    let mut any_role = false;
    // Where a noun for groups stood ("blocs", "countries"): a word of the question's own when
    // no group or country is named to list.
    let mut group_nouns: Vec<usize> = Vec::new();
    // Working is asked of a person or an organisation's people ("who works at ODI").
    let of_person = reading.named().any(|e| {
        matches!(
            k.dataset.entity_of(e),
            EntityOf::Expert(_) | EntityOf::Body(_)
        )
    });
    // Whether a cue says liking or disliking ("who is keen on minilaterals"): what was said
    // then wins over who someone is.
    let mut attitude = false;
    let mut at = 0;
    while at < words.len() {
        let found = (1..=LONGEST_CUE).rev().find_map(|len| {
            let span = words.get(at..at + len)?;
            let phrase = span.join(" ");
            // "how many experts were asked" asks a count, not the article's question.
            cue(&phrase)
                .filter(|w| !(*w == Want::Question && reading.fact == Some(Fact::Number)))
                .filter(|_| !(len == 1 && works_otherwise(words, at, of_person)))
                .map(|w| (len, w, is_role_cue(&phrase), is_attitude(&phrase)))
        });
        match found {
            Some((len, want, by_role, liking)) => {
                attitude |= liking;
                if want == Want::Who && !by_role {
                    who_by_role_only = false;
                }
                any_role |= by_role;
                wants.push(want);
                if len == 1 && words.get(at).is_some_and(|w| is_group_noun(w)) {
                    group_nouns.push(at);
                }
                if let Some(c) = covered.get_mut(at..at + len) {
                    c.fill(true);
                }
                at += len;
            }
            None => at += 1,
        }
    }
    reading.who_by_role = any_role && wants.contains(&Want::Who);
    if (who_by_role_only || attitude) && wants.contains(&Want::Said) {
        wants.retain(|w| *w != Want::Who);
    }
    let names_group = reading
        .named()
        .any(|e| matches!(k.dataset.entity_of(e), EntityOf::Group(_)));
    let listable = !reading.countries.is_empty() || names_group;
    if !listable {
        // "why are small blocs of countries on the rise" asks of blocs, not for a list: a word
        // that counts for a passage that says it, and not against one that does not ("why are
        // countries turning to alliances" is answered by "leaders are turning to alliances").
        for at in group_nouns {
            if let Some(w) = words.get(at)
                && !reading.optional.contains(w)
            {
                reading.optional.push(w.clone());
            }
        }
    }
    // "is Poland in the Three Seas": a country "in" a group, with no other cue, asks whether
    // it is a member.
    if wants.is_empty()
        && names_group
        && !reading.countries.is_empty()
        && words.iter().any(|w| w == "in")
    {
        wants.push(Want::Members);
    }
    reading.want = [
        Want::Members,
        Want::Question,
        Want::Author,
        Want::Article,
        Want::Wishes,
        Want::Who,
        Want::Said,
        Want::What,
    ]
    .into_iter()
    .filter(|w| *w != Want::Members || listable)
    .find(|w| wants.contains(w));
}

/// Where the words `said` stand in `words`, first.
fn find(words: &[String], said: &[String]) -> Option<usize> {
    if said.is_empty() {
        return None;
    }
    words.windows(said.len()).position(|w| w == said)
}

/// The one person or group `span` names in lower case or with a typo, if the matcher is sure,
/// and whether that is a guess (not every word a word of its names: a typo, a short form).
/// A word the passages use counts only as a word of a person's name ("filer", not "forum");
/// a group is named so only by a word the passages never use (a typo: "brics" is found as a
/// name before this, and "initiative" is no name of the Three Seas Initiative alone). A person
/// the matcher found only through a role's words ("researchers") is no name: role titles are
/// read below, as a role. A person read without their surname ("sara") is a guess too.
fn loose_name(k: &Knowledge, span: &[String]) -> Option<(EntityIx, bool)> {
    let text = span.join(" ");
    if text.chars().count() < LOOSE_NAME_MIN_CHARS {
        return None;
    }
    for kind in [Kind::Expert, Kind::Group] {
        // A group is never named by a word the passages use (below): no need to ask the
        // matcher, which is most of the time a long question takes in a large library.
        if kind == Kind::Group && span.iter().any(|w| k.search.holds(w)) {
            continue;
        }
        // Nor a person by a word the passages use that is no word of anyone's name: the answer
        // would be dropped below as ordinary whoever the matcher found.
        if kind == Kind::Expert
            && span
                .iter()
                .any(|w| k.search.holds(w) && !k.holders.is_name_word(w))
        {
            continue;
        }
        let r = k.matcher.resolve(kind, &text);
        if r.outcome != Outcome::Match {
            continue;
        }
        let best = r.candidates.first()?;
        let own = name_words(k.dataset.entity_at(best.entity));
        let ordinary = span
            .iter()
            .any(|w| k.search.holds(w) && (kind == Kind::Group || !own.contains(w)));
        let by_role_alone = best.via.is_some() && !span.iter().any(|w| own.contains(w));
        if !ordinary && !by_role_alone {
            let entity = k.dataset.entity_at(best.entity);
            let surname = fold::words(entity.name()).pop();
            let without_surname =
                kind == Kind::Expert && surname.is_some_and(|s| !span.contains(&s));
            let guess = without_surname || !span.iter().all(|w| own.contains(w));
            return Some((best.entity, guess));
        }
    }
    None
}

/// Whether `first second` names a person the data does not hold: `first` is a first name
/// (common or the data's) that is not `found`'s own, nor a short form or a typo of it ("mark
/// fernandez"); or `second` is a word of someone's name that is not `found`'s ("jose
/// antonio"); or the two name nobody and `second` is a word of someone's name ("tanya
/// meserole").
fn someone_else(k: &Knowledge, first: &str, second: &str, found: Option<EntityIx>) -> bool {
    if !k.mentions.is_first_name(first) {
        return false;
    }
    let Some(e) = found else {
        return k.holders.is_name_word(second);
    };
    let own = name_words(k.dataset.entity_at(e));
    // Theirs: the same, a short form of it, or a typo of it ("eli carwa" for Elia Carwa).
    let first_is_theirs = own.iter().any(|w| {
        w == first || k.matcher.is_short_form(first, w) || strsim::osa_distance(first, w) <= 1
    });
    !first_is_theirs || (k.holders.is_name_word(second) && !own.iter().any(|w| w == second))
}

/// The countries the question names, longest names first, marking their words covered.
fn countries<'k>(
    k: &'k Knowledge,
    question: &str,
    words: &[String],
    covered: &mut [bool],
) -> Vec<&'k Country> {
    let mut found: Vec<&Country> = Vec::new();
    for len in (1..=LONGEST_COUNTRY).rev() {
        for at in 0..words.len().saturating_sub(len - 1) {
            let Some(span) = words.get(at..at + len) else {
                continue;
            };
            if covered.get(at..at + len).is_none_or(|c| c.contains(&true)) {
                continue;
            }
            let key = span.join(" ");
            let Some(country) = k
                .countries
                .named(&key)
                .or_else(|| possessive(question, &key).and_then(|c| k.countries.named(c)))
            else {
                continue;
            };
            // A country just before a name or a title it qualifies is part of it ("the US
            // undersecretary", "the UK AI safety summit", "china's BRI"): the person or thing
            // is named, and the country with it.
            if covered.get(at + len).is_some_and(|c| *c) {
                if let Some(c) = covered.get_mut(at..at + len) {
                    c.fill(true);
                }
                continue;
            }
            let short = len == 1 && key.chars().count() <= SHORT_COUNTRY_CHARS;
            let after_the = at
                .checked_sub(1)
                .and_then(|b| words.get(b))
                .is_some_and(|w| w == "the");
            if short && !after_the && !written_in_capitals(question, &key) {
                continue;
            }
            if let Some(c) = covered.get_mut(at..at + len) {
                c.fill(true);
            }
            if !found.iter().any(|f| std::ptr::eq(*f, country)) {
                found.push(country);
            }
        }
    }
    found
}

/// The folded name `key` without the "s" of a possessive the question writes ("china's" folds
/// to "chinas").
fn possessive<'a>(question: &str, key: &'a str) -> Option<&'a str> {
    let name = key.strip_suffix('s')?;
    let lower = question.to_lowercase();
    ["'s", "’s"]
        .iter()
        .any(|s| lower.contains(&format!("{name}{s}")))
        .then_some(name)
}

/// Whether `question` writes the folded word `key` in capitals ("US").
fn written_in_capitals(question: &str, key: &str) -> bool {
    question
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().any(char::is_uppercase) && w == key.to_uppercase())
}

/// A year a question asks about: four digits from 1900 to 2100.
fn year(word: &str) -> Option<i32> {
    is_year(word).then(|| word.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    //! Each rule of the module docs (and of the comments it is written down in), on the
    //! bundled data.

    use super::*;

    fn knowledge() -> Knowledge {
        Knowledge::new(crate::testdata::bundled())
    }

    /// The ids of what `reading` names, with how each came in.
    fn named<'r>(k: &'r Knowledge, reading: &Reading) -> Vec<(&'r str, Through)> {
        reading
            .entities
            .iter()
            .map(|n| (k.dataset.entity_at(n.entity).id().as_str(), n.through))
            .collect()
    }

    fn country_names<'r>(reading: &'r Reading) -> Vec<&'r str> {
        reading.countries.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn a_year_is_read_and_taken_out_of_the_words() {
        let k = knowledge();
        let r = read(&k, "what did filer hope for in 2024 about budgets");
        assert_eq!(r.year, Some(2024));
        assert_eq!(r.words, ["budgets"], "{r:?}");
        // Four digits out of range are no year; a number, which no passage need say.
        let r = read(&k, "what happened in 1850");
        assert_eq!(r.year, None);
        assert!(r.words.is_empty(), "{r:?}");
    }

    #[test]
    fn us_in_lower_case_is_a_pronoun_and_the_us_is_the_country() {
        let k = knowledge();
        let r = read(&k, "what do experts tell us to want");
        assert!(r.countries.is_empty(), "{r:?}");
        for q in [
            "what does the US want",
            "what does the us want",
            "US policy",
        ] {
            let r = read(&k, q);
            assert_eq!(country_names(&r), ["United States"], "{q}: {r:?}");
        }
    }

    #[test]
    fn a_word_the_passages_use_is_not_read_as_a_group() {
        let k = knowledge();
        // "initiative" is one word of "Three Seas Initiative", and the passages say it.
        let r = read(&k, "what is the initiative");
        assert!(r.entities.is_empty(), "{:?}", named(&k, &r));
        assert_eq!(r.words, ["initiative"]);
        // Its name still names it.
        let r = read(&k, "what is the three seas initiative");
        assert_eq!(named(&k, &r), [("3si", Through::Named)]);
    }

    #[test]
    fn a_lower_case_misspelt_surname_names_the_person() {
        let k = knowledge();
        let r = read(&k, "what does meserol hope for");
        assert_eq!(named(&k, &r), [("chris-meserole", Through::Named)]);
        assert!(r.words.is_empty(), "{r:?}");
        // Two words before one: a misspelt full name is one person, not two guesses.
        let r = read(&k, "what does tanya filler think");
        assert_eq!(named(&k, &r), [("tanya-filer", Through::Named)]);
        // Too short to be read loosely.
        let r = read(&k, "who is tan");
        assert!(r.entities.is_empty(), "{:?}", named(&k, &r));
    }

    #[test]
    fn an_organisation_brings_in_its_people_through_it() {
        let k = knowledge();
        let r = read(&k, "what does the odi ceo think");
        let odi = k
            .dataset
            .entities_indexed()
            .find(|(_, e)| e.id().as_str() == "odi")
            .map(|(ix, _)| ix)
            .unwrap();
        assert_eq!(
            named(&k, &r),
            [
                ("odi", Through::Named),
                ("sara-pantuliano", Through::Organisation(odi))
            ]
        );
        // Only what the question names itself is `named`.
        assert_eq!(r.named().collect::<Vec<_>>(), [odi]);
    }

    #[test]
    fn the_strongest_cue_wins() {
        let k = knowledge();
        // "CEO" asks who someone is, "hope" for wishes: wishes win.
        let r = read(&k, "what does the CEO of StateUp hope for");
        assert_eq!(r.want, Some(Want::Wishes));
        assert!(
            r.entities.iter().any(|n| {
                k.dataset.entity_at(n.entity).id().as_str() == "tanya-filer"
                    && matches!(n.through, Through::Organisation(_))
            }),
            "{:?}",
            named(&k, &r)
        );
        // Without "hope", the CEO is who is asked about.
        assert_eq!(read(&k, "who is the CEO of StateUp").want, Some(Want::Who));
        // A role's word says whom; "think" says what is asked: what was said.
        let r = read(&k, "what does the odi ceo think about the g7");
        assert_eq!(r.want, Some(Want::Said));
        assert_eq!(read(&k, "who runs odi").want, Some(Want::Who));
        // A list over everything else.
        let r = read(&k, "which members of brics does filer think matter");
        assert_eq!(r.want, Some(Want::Members));
    }

    #[test]
    fn a_question_of_filler_reads_as_nothing() {
        let k = knowledge();
        let r = read(&k, "what is it?");
        assert!(r.entities.is_empty() && r.countries.is_empty() && r.year.is_none());
        // "what is" asks what something is, and nothing is named.
        assert!(r.want.is_none_or(Want::needs_subject), "{r:?}");
        assert!(r.words.is_empty(), "{r:?}");
    }

    #[test]
    fn vague_words_are_not_what_a_question_is_about() {
        let k = knowledge();
        assert_eq!(read(&k, "is I2U2 well staffed?").words, ["staffed"]);
        let r = read(&k, "whats gone wrong with the three seas initiative");
        assert!(r.words.is_empty(), "{r:?}");
        // A word with a meaning of its own stays, however common.
        assert_eq!(read(&k, "did filer get funding").words, ["get", "funding"]);
    }

    #[test]
    fn a_country_is_said_by_naming_what_it_names() {
        let k = knowledge();
        // "british" is a name of the UK, and the UK AI safety summit is named.
        let r = read(&k, "what came of the british ai safety summit");
        assert!(r.words.is_empty(), "{r:?}");
        assert!(r.countries.is_empty(), "{r:?}");
    }

    #[test]
    fn question_words_ask_for_a_number_a_time_or_a_place() {
        let k = knowledge();
        for (q, fact) in [
            ("how old is tanya filer", Some(Fact::Number)),
            ("how much funding does odi get", Some(Fact::Number)),
            ("hey, when was brics founded?", Some(Fact::Time)),
            ("what year did 3si start", Some(Fact::Time)),
            (
                "where is the frontier model forum headquartered",
                Some(Fact::Place),
            ),
            // A clause, not a question; a view, not a place; an organisation, not a place.
            ("what happens when budgets run out", None),
            ("where does pantuliano stand on ai", None),
            ("where does antonio weiss work", None),
            ("how does the g7 work", None),
        ] {
            assert_eq!(read(&k, q).fact, fact, "{q}");
        }
        assert_eq!(
            read(&k, "where does pantuliano stand on ai").want,
            Some(Want::Said)
        );
    }

    #[test]
    fn a_noun_for_groups_is_a_word_when_nothing_is_named_to_list() {
        let k = knowledge();
        let r = read(&k, "why are small blocs of countries on the rise");
        assert_eq!(r.optional, ["blocs", "countries"], "{r:?}");
        assert_eq!(r.want, None);
        // With a group named, it asks for the list.
        let r = read(&k, "which countries are in brics");
        assert!(r.optional.is_empty(), "{r:?}");
        assert_eq!(r.want, Some(Want::Members));
    }

    #[test]
    fn chat_spellings_are_read() {
        let k = knowledge();
        // "who's" folds to "whos"; "cant" is "can't" without its apostrophe.
        assert_eq!(read(&k, "who's in the g7?").want, Some(Want::Who));
        assert_eq!(
            read(
                &k,
                "did someone say policymakers cant treat tech as a black box"
            )
            .words,
            ["policymakers", "treat", "tech", "black", "box"]
        );
        assert_eq!(
            read(&k, "what question did they put to the experts?").want,
            Some(Want::Question)
        );
        // A country's possessive is the country.
        let r = read(&k, "how does china's belt and road come into this");
        assert_eq!(country_names(&r), ["China"], "{r:?}");
        // "how much" before a verb asks how much, not for a figure.
        assert_eq!(
            read(&k, "how much should be spent on responsible tech").fact,
            None
        );
    }
}
