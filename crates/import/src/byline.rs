//! Bylines: the article's sentence introducing a person, in the forms articles write them.
//!
//! - "Sara Pantuliano, PhD is CEO of ODI." (before or after the quotation)
//! - "— Imre Talvik, Programme Lead, Baltic Fibre Alliance" (after it)
//! - "Ada Quill (Northwind Lab):" (before it, or at the start of its paragraph)
//!
//! Every name, title and organisation is a span of the byline, never a rewording.

use std::ops::Range;

use super::roles::{PublicationText, RoleText, SENTENCE_SEPARATORS, publication, role, role_parts};
use super::text::{self, pieces, unemphasised};

/// Post-nominal credentials as articles write them after a name.
const CREDENTIALS: &[&str] = &[
    "PhD", "Ph.D.", "DPhil", "MD", "MBA", "MPA", "MPP", "JD", "LLM", "MSc", "MA", "BA", "OBE",
    "CBE", "MBE", "KC", "QC", "FRS", "FREng", "FBA",
];

/// Words that may stand in lower case inside a person's name.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter",
    "ten", "bin", "bint", "al", "el", "la", "le",
];

/// How the byline is written, which says on which side of its quotation it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// "Name, PhD is Title of Org.": either side (the article's layout decides).
    Sentence,
    /// "— Name, Title, Org": after its quotation.
    Dash,
    /// "Name (Org):": before its quotation.
    Colon,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Byline {
    pub form: Form,
    /// The person's name, as written (emphasis marks left out).
    pub name: Range<usize>,
    pub credentials: Vec<Range<usize>>,
    pub roles: Vec<RoleText>,
    pub publications: Vec<PublicationText>,
}

/// The byline's words without the dash that opens "— Name, Title, Org": the dash is
/// typography, not the article's words about the person.
pub(super) fn undashed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let dash = DASHES
        .iter()
        .find(|d| s.starts_with(*d))
        .map_or(0, |d| d.len());
    range.start + dash..range.end
}

/// What opens a byline after its quotation; not "- ", which opens a list item.
const DASHES: &[&str] = &["— ", "– ", "-- "];

/// Reads `range` of `text` as a byline, or None when it is not one.
pub(super) fn parse(text: &str, range: Range<usize>) -> Option<Byline> {
    let s = &text[range.clone()];
    if s.len() > 400 || s.contains('\n') || s.starts_with(['“', '"']) {
        return None;
    }
    let base = range.start;
    // The byline without its final full stop.
    let body = base..base + s.strip_suffix('.').unwrap_or(s).len();
    if let Some(rest) = DASHES.iter().find_map(|dash| s.strip_prefix(dash)) {
        let start = body.end - rest.strip_suffix('.').unwrap_or(rest).len();
        return dashed(text, start..body.end);
    }
    if let Some(head) = s.strip_suffix(':') {
        return colon(text, base..base + head.len());
    }
    sentence(text, body)
}

/// "Name, PhD is Title of Org and Former Title, Org".
fn sentence(text: &str, body: Range<usize>) -> Option<Byline> {
    // One sentence: "Tom Reyes is Editor of the Review. He put these questions …" is a note
    // about someone, not the line introducing an answer.
    if text::sentences(text, body.clone()).len() > 1 {
        return None;
    }
    let s = &text[body.clone()];
    let verb = [" is ", " was "]
        .iter()
        .filter_map(|v| s.find(v).map(|i| (i, v.len())))
        .min()?;
    let (who, roles_at) = (
        body.start..body.start + verb.0,
        body.start + verb.0 + verb.1,
    );
    let (name, credentials) = name_and_credentials(text, who)?;
    let mut roles = Vec::new();
    let mut publications = Vec::new();
    for (n, part) in role_parts(text, roles_at..body.end).into_iter().enumerate() {
        if let Some(p) = publication(text, part.clone()) {
            publications.push(p);
            continue;
        }
        match role(text, part, SENTENCE_SEPARATORS) {
            Some(r) => roles.push(r),
            // The first role says that this is a byline ("Ada Quill is happy" is not); a
            // later part that reads as no role stays in the byline's text only.
            None if n == 0 => return None,
            None => {}
        }
    }
    (!roles.is_empty()).then_some(Byline {
        form: Form::Sentence,
        name,
        credentials,
        roles,
        publications,
    })
}

/// "Name, Title, Org" or "Name, Title of Org" (after a dash).
fn dashed(text: &str, body: Range<usize>) -> Option<Byline> {
    let s = &text[body.clone()];
    let mut parts = pieces(s, ", ", body.start);
    let (name, _) = name_and_credentials(text, parts.remove(0))?;
    let mut credentials = Vec::new();
    while parts
        .first()
        .is_some_and(|p| CREDENTIALS.contains(&&text[p.clone()]))
    {
        credentials.push(parts.remove(0));
    }
    let rest = parts.first()?.start..parts.last()?.end;
    let role = role(text, rest, &[", ", " at the ", " at ", " of the ", " of "])?;
    Some(Byline {
        form: Form::Dash,
        name,
        credentials,
        roles: vec![role],
        publications: Vec::new(),
    })
}

/// "Name (Org)" or "Name (Title, Org)" or "Name, Title, Org" (before a colon).
fn colon(text: &str, head: Range<usize>) -> Option<Byline> {
    let s = &text[head.clone()];
    let (role, who) = match s.find(" (") {
        Some(open) if s.ends_with(')') => {
            let inside = head.start + open + 2..head.end - 1;
            let role = if text[inside.clone()].contains(", ") {
                role(text, inside, &[", "])?
            } else {
                RoleText {
                    written: inside.clone(),
                    title: inside.start..inside.start,
                    organisation: Some(inside),
                    current: true,
                }
            };
            (role, head.start..head.start + open)
        }
        _ => {
            let mut parts = pieces(s, ", ", head.start);
            let who = parts.remove(0);
            let rest = parts.first()?.start..parts.last()?.end;
            (role(text, rest, &[", ", " at ", " of "])?, who)
        }
    };
    let (name, credentials) = name_and_credentials(text, who)?;
    Some(Byline {
        form: Form::Colon,
        name,
        credentials,
        roles: vec![role],
        publications: Vec::new(),
    })
}

/// The name (without emphasis marks) and the credentials after it: "Sara Pantuliano, PhD",
/// "**Ada Quill**". None when the words are not a person's name.
fn name_and_credentials(
    text: &str,
    who: Range<usize>,
) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    // "Ada Quill, MBE," before "is": the comma is the sentence's.
    let who = who.start..who.start + text[who.clone()].trim_end_matches(',').len();
    let mut parts = pieces(&text[who.clone()], ", ", who.start).into_iter();
    let mut name = unemphasised(text, parts.next()?);
    let mut credentials: Vec<Range<usize>> = parts.collect();
    // "Ben Weiss MBE", "Ada Quill CBE FRS": credentials without commas.
    while let Some(space) = text[name.clone()].rfind(' ') {
        let word = name.start + space + 1..name.end;
        if !CREDENTIALS.contains(&&text[word.clone()]) {
            break;
        }
        credentials.insert(0, word);
        name.end = name.start + space;
    }
    if !credentials
        .iter()
        .all(|c| CREDENTIALS.contains(&&text[c.clone()]))
    {
        return None;
    }
    looks_like_name(&text[name.clone()]).then_some((name, credentials))
}

/// 2 to 5 words, each capitalised (or a particle such as "van"), letters, hyphens,
/// apostrophes and initials' full stops only.
pub(super) fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=5).contains(&words.len())
        && s.chars().count() <= 60
        && capitalised(words[0])
        && capitalised(words[words.len() - 1])
        && words.iter().all(|w| {
            (capitalised(w) || NAME_PARTICLES.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (Form, String, Vec<String>, Vec<(String, String, bool)>);

    fn read(s: &str) -> Option<Read> {
        let b = parse(s, 0..s.len())?;
        let roles = b
            .roles
            .iter()
            .map(|r| {
                let org = r.organisation.clone().map_or("", |o| &s[o]);
                (s[r.title.clone()].to_string(), org.to_string(), r.current)
            })
            .collect();
        let creds = b
            .credentials
            .iter()
            .map(|c| s[c.clone()].to_string())
            .collect();
        Some((b.form, s[b.name].to_string(), creds, roles))
    }

    fn role(t: &str, o: &str, current: bool) -> (String, String, bool) {
        (t.into(), o.into(), current)
    }

    #[test]
    fn the_articles_bylines() {
        let (form, name, creds, roles) = read(
            "Chris Meserole, PhD is Executive Director of the Frontier Model Forum and Former Director, Brookings A.I. & Emerging Tech Initiative.",
        )
        .unwrap();
        assert_eq!(
            (form, name.as_str(), creds),
            (Form::Sentence, "Chris Meserole", vec!["PhD".to_string()])
        );
        assert_eq!(
            roles,
            [
                role("Executive Director", "Frontier Model Forum", true),
                role(
                    "Director",
                    "Brookings A.I. & Emerging Tech Initiative",
                    false
                )
            ]
        );
        let weiss = "Antonio Weiss, PhD is Affiliated Researcher, Bennett Institute for Public Policy, University of Cambridge University and co-author of ‘Digital minilateralism: How governments cooperate on digital governance’ with Tanya Filer.";
        let b = parse(weiss, 0..weiss.len()).unwrap();
        assert_eq!(b.roles.len(), 1);
        assert_eq!(
            &weiss[b.roles[0].organisation.clone().unwrap()],
            "Bennett Institute for Public Policy, University of Cambridge University"
        );
        assert_eq!(
            &weiss[b.publications[0].title.clone()],
            "Digital minilateralism: How governments cooperate on digital governance"
        );
        assert_eq!(&weiss[b.publications[0].with[0].clone()], "Tanya Filer");
    }

    #[test]
    fn other_forms() {
        let (form, name, _, roles) =
            read("— Imre Talvik, Programme Lead, Baltic Fibre Alliance").unwrap();
        assert_eq!((form, name.as_str()), (Form::Dash, "Imre Talvik"));
        assert_eq!(
            roles,
            [role("Programme Lead", "Baltic Fibre Alliance", true)]
        );
        let (form, name, _, roles) = read("Ada Quill (Northwind Lab):").unwrap();
        assert_eq!((form, name.as_str()), (Form::Colon, "Ada Quill"));
        assert_eq!(roles, [role("", "Northwind Lab", true)]);
        let (_, name, _, roles) =
            read("**Hollis Varga-Mensah** is Head of Policy at the Brightwater Orbital Centre.")
                .unwrap();
        assert_eq!(name, "Hollis Varga-Mensah");
        assert_eq!(
            roles,
            [role("Head of Policy", "Brightwater Orbital Centre", true)]
        );
    }

    #[test]
    fn sentences_that_are_not_bylines() {
        for s in [
            "One word kept cropping up: miniliateralism.",
            "The G7 is a group of seven.",
            "A growing cadre of policymakers and analysts agrees.",
            "“Quoted words,” she said.",
            "Our thanks to everyone who took part.",
            "Tom Reyes is Editor of the Harbour Review. He put these questions to the panel in May.",
            "Ada Quill, Director, put it this way:",
        ] {
            assert_eq!(parse(s, 0..s.len()), None, "{s}");
        }
    }
}
