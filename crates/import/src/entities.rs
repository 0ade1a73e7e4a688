//! What a draft names: fresh ids, and the bodies an article introduces as "Full Name
//! (ACRONYM)".

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use minilateral_core::dataset::is_valid_id;
use minilateral_core::fold;

/// Hands out ids that are valid and unused: by the data drafted against, and by the draft.
#[derive(Clone, Debug, Default)]
pub(super) struct Ids {
    taken: HashSet<String>,
    /// For each slug, the suffix to try next: every suffix below it is taken, and ids are
    /// never given back, so the n-th "framing" costs one lookup rather than n (a long
    /// article has thousands of passages of one stem).
    next: HashMap<String, u32>,
}

impl Ids {
    pub fn new(taken: impl IntoIterator<Item = String>) -> Ids {
        Ids {
            taken: taken.into_iter().collect(),
            next: HashMap::new(),
        }
    }

    pub fn is_taken(&self, id: &str) -> bool {
        self.taken.contains(id)
    }

    /// `base` as an id (slugged, at most 56 characters), or with the first of `-2`, `-3` …
    /// that is free when taken.
    pub fn fresh(&mut self, base: &str) -> String {
        let mut slug = slug(base, 56);
        if slug.is_empty() {
            slug.push_str("item");
        }
        let id = if self.taken.contains(&slug) {
            let next = self.next.entry(slug.clone()).or_insert(2);
            loop {
                let id = format!("{slug}-{next}");
                *next += 1;
                if !self.taken.contains(&id) {
                    break id;
                }
            }
        } else {
            slug
        };
        debug_assert!(is_valid_id(&id), "{id}");
        self.taken.insert(id.clone());
        id
    }
}

/// `text` as lowercase ASCII words joined by `-`, cut at a word boundary within `max`
/// characters: "Sara Pantuliano" → "sara-pantuliano", "A.I. & Tech" → "a-i-tech".
pub(super) fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    // Ids are ASCII: other scripts are transliterated ("Αλέξης" → "alexes"). Without commas:
    // folding reads "Small Clubs, Big Rules" as a reversed name.
    let text = deunicode::deunicode(text)
        .replace(['.', '’', '\''], "")
        .replace(',', " ");
    // A Markdown link's address is not part of a name.
    let text = match (text.find("]("), text.rfind(')')) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b + 1..]),
        _ => text,
    };
    for word in fold::split(&fold::fold_spelled(&text)) {
        let word: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
        if word.is_empty() {
            continue;
        }
        if out.len() + word.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    out
}

/// Words that make a full name an institution's ("Belt and Road Initiative"), not a
/// concept's ("Artificial Intelligence").
const INSTITUTIONAL: &[&str] = &[
    "Initiative",
    "Organisation",
    "Organization",
    "Forum",
    "Institute",
    "Agency",
    "Council",
    "Union",
    "Association",
    "Group",
    "Alliance",
    "Partnership",
    "Summit",
    "Bank",
    "Fund",
    "Programme",
    "Program",
    "Panel",
    "Commission",
    "Committee",
    "Office",
    "Centre",
    "Center",
    "Network",
    "Foundation",
    "Academy",
    "University",
    "Lab",
    "Laboratory",
    "Department",
    "Ministry",
    "Agreement",
    "Treaty",
    "Dialogue",
    "Compact",
    "Pact",
    "Community",
    "Coalition",
    "Consortium",
    "Secretariat",
    "Authority",
    "Board",
    "Trust",
    "Society",
    "Corridor",
    "Nations",
];

/// 2 to 8 capitals and digits: what stands in brackets after a name ("BRI", "3SI", "G20").
pub(super) fn is_acronym(s: &str) -> bool {
    (2..=8).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Whether `name`'s words make it an institution's.
pub(super) fn institutional(name: &str) -> bool {
    name.split(' ').any(|w| INSTITUTIONAL.contains(&w))
}

/// Words an acronym's letters skip ("Belt and Road Initiative" is BRI).
const SKIPPED: &[&str] = &["and", "of", "the", "for", "on", "in", "&", "to", "de"];

/// "Full Name (ACRONYM)" in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Acronym {
    pub full: Range<usize>,
    pub short: Range<usize>,
    /// The full name reads as an institution's.
    pub institutional: bool,
}

/// Every "Full Name (ACRONYM)" in `range` of `text`: an acronym of 2 to 8 capitals and
/// digits in brackets, after the words whose initials spell it (skipping "and", "of" …; a
/// digit stands for its number word, as in "Three Seas Initiative (3SI)").
pub(super) fn acronyms(text: &str, range: Range<usize>) -> (Vec<Acronym>, Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    // Acronyms in brackets that the words before them do not spell ("Danube Commission
    // (ICPDR)"): reported, not guessed.
    let mut unspelled = Vec::new();
    for (open, _) in s.match_indices(" (") {
        let inner_start = open + 2;
        let Some(len) = s[inner_start..].find(')') else {
            continue;
        };
        let short = &s[inner_start..inner_start + len];
        let capitals = short.chars().filter(char::is_ascii_uppercase).count();
        if !is_acronym(short) || capitals < 2 {
            continue;
        }
        let short = range.start + inner_start..range.start + inner_start + len;
        match spelled_from(&s[..open], &text[short.clone()]) {
            Some(start) => out.push(Acronym {
                full: range.start + start..range.start + open,
                short,
                institutional: institutional(&s[start..open]),
            }),
            None => unspelled.push(short),
        }
    }
    (out, unspelled)
}

/// Where the words before an acronym start, when their initials spell it.
fn spelled_from(before: &str, short: &str) -> Option<usize> {
    let mut letters: Vec<char> = short.chars().collect();
    let mut start = None;
    let mut end = before.len();
    while !letters.is_empty() {
        let word_start = before[..end].rfind(' ').map_or(0, |i| i + 1);
        let word = &before[word_start..end];
        if word.is_empty() {
            return None;
        }
        if SKIPPED.contains(&word) && start.is_some() {
            // Skipped inside the name only.
        } else {
            let want = *letters.last()?;
            let first = word.chars().next()?;
            let agrees = if want.is_ascii_digit() {
                fold::fold(word) == want.to_string()
            } else {
                first.is_uppercase() && first.to_ascii_uppercase() == want
            };
            if !agrees {
                return None;
            }
            letters.pop();
            start = Some(word_start);
        }
        if word_start == 0 {
            break;
        }
        end = word_start - 1;
    }
    letters.is_empty().then_some(start?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(&str, &str, bool)> {
        acronyms(s, 0..s.len())
            .0
            .into_iter()
            .map(|a| (&s[a.full], &s[a.short], a.institutional))
            .collect()
    }

    #[test]
    fn acronyms_spelled_by_the_words_before() {
        assert_eq!(
            found("dependency on the Chinese Belt and Road Initiative (BRI), are"),
            [("Belt and Road Initiative", "BRI", true)]
        );
        assert_eq!(
            found("Principles on Artificial Intelligence (AI) is"),
            [("Artificial Intelligence", "AI", false)]
        );
        assert_eq!(
            found("the Three Seas Initiative (3SI)"),
            [("Three Seas Initiative", "3SI", true)]
        );
        assert_eq!(found("a body (not an IAEA type body)"), []);
        assert_eq!(found("the Coral Data (CDC)"), []);
        let s = "the Danube Commission (ICPDR) met";
        let (_, unspelled) = acronyms(s, 0..s.len());
        assert_eq!(
            unspelled.iter().map(|r| &s[r.clone()]).collect::<Vec<_>>(),
            ["ICPDR"]
        );
    }

    #[test]
    fn ids_are_fresh_slugs() {
        let mut ids = Ids::new(["title".to_string()]);
        assert_eq!(ids.fresh("Title"), "title-2");
        assert_eq!(
            ids.fresh("Brookings A.I. & Emerging Tech"),
            "brookings-ai-emerging-tech"
        );
        assert_eq!(ids.fresh("Łukasz Wałęsa"), "lukasz-walesa");
        assert_eq!(ids.fresh("Αλέξης Παππάς"), "alexes-pappas");
        assert_eq!(ids.fresh("Small Clubs, Big Rules"), "small-clubs-big-rules");
        assert_eq!(
            slug(
                "International Tech Cooperation in 2024: What Experts Want",
                40
            ),
            "international-tech-cooperation-in-2024"
        );
    }
}
