//! Bylines: the article's sentence introducing a person, in the forms articles write them.
//!
//! - "Sara Pantuliano, PhD is CEO of ODI." (before or after the quotation)
//! - "— Imre Talvik, Programme Lead, Baltic Fibre Alliance" (after it)
//! - "Ada Quill (Northwind Lab):" (before it, or at the start of its paragraph)
//!
//! Every name, title and organisation is a span of the byline, never a rewording.

use std::ops::Range;

use super::entities::institutional;

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

/// A role as the byline writes it: "Former Director, Brookings A.I. & Emerging Tech Initiative".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RoleText {
    /// The whole role as written.
    pub written: Range<usize>,
    /// Empty when the byline names only the organisation ("Name (Org):").
    pub title: Range<usize>,
    /// None when the byline names no organisation.
    pub organisation: Option<Range<usize>>,
    pub current: bool,
}

/// "co-author of ‘Title’ with Name".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PublicationText {
    pub title: Range<usize>,
    /// The other authors' names.
    pub with: Vec<Range<usize>>,
}

/// Reads `range` of `text` as a byline, or None when it is not one.
pub(super) fn parse(text: &str, range: Range<usize>) -> Option<Byline> {
    let s = &text[range.clone()];
    if s.len() > 400 || s.contains('\n') || s.starts_with(['“', '"']) {
        return None;
    }
    let base = range.start;
    // The byline without its final full stop.
    let body = base..base + s.strip_suffix('.').unwrap_or(s).len();
    // Not "- ": that opens a list item.
    if let Some(rest) = ["— ", "– ", "-- "]
        .iter()
        .find_map(|dash| s.strip_prefix(dash))
    {
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
    for part in role_parts(text, roles_at..body.end) {
        if let Some(p) = publication(text, part.clone()) {
            publications.push(p);
        } else {
            roles.push(role(
                text,
                part,
                &[" at the ", " at ", " of the ", " of ", ", "],
            )?);
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
    let mut parts = pieces(&text[who.clone()], ", ", who.start).into_iter();
    let name = unemphasised(text, parts.next()?);
    let credentials: Vec<Range<usize>> = parts.collect();
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
    let words: Vec<&str> = s.split(' ').collect();
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

/// `range` without Markdown emphasis around it ("**Ada Quill**" → "Ada Quill").
fn unemphasised(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = s.strip_prefix(mark).and_then(|t| t.strip_suffix(mark)) {
            return range.start + mark.len()..range.start + mark.len() + inner.len();
        }
    }
    range
}

/// `s` split at `sep`, as ranges of the text (`s` starts at `base`).
fn pieces(s: &str, sep: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in s.split(sep) {
        out.push(base + at..base + at + piece.len());
        at += piece.len() + sep.len();
    }
    out
}

/// The roles of "Title of Org and Former Title, Org and co-author of …": split at " and "
/// only where what follows reads as a role of its own, so that "Growth, Energy, and the
/// Environment" stays whole.
fn role_parts(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.match_indices(" and ") {
        let next = &s[i + 5..];
        let own_role = next.starts_with("Former ")
            || next.starts_with("former ")
            || ["co-author", "author", "editor"]
                .iter()
                .any(|w| next.starts_with(w))
            || (next.starts_with(char::is_uppercase) && {
                let chunk = next.split(" and ").next().unwrap_or(next);
                chunk.contains(" of ") || chunk.contains(", ") || chunk.contains(" at ")
            });
        if own_role && i > start {
            out.push(range.start + start..range.start + i);
            start = i + 5;
        }
    }
    out.push(range.start + start..range.end);
    out
}

/// "Title of Org", "Former Title, Org", "Title at Org": split at the first separator of
/// `seps` (in that order of preference) that leaves a title and an organisation.
fn role(text: &str, written: Range<usize>, seps: &[&str]) -> Option<RoleText> {
    let s = &text[written.clone()];
    let (current, lead) = match ["Former ", "former "].iter().find(|f| s.starts_with(*f)) {
        Some(f) => (false, f.len()),
        None => (true, 0),
    };
    let rest = &s[lead..];
    let at = written.start + lead;
    // The first of `seps` that occurs wins; among " of " and ", " (as the sentence form
    // lists them last), the earliest: "Researcher, Institute for X, University of Y".
    let found = |sep: &&str| {
        let i = if sep.starts_with(" at") {
            rest.rfind(*sep)
        } else {
            rest.find(*sep)
        }?;
        Some((i, sep.len()))
    };
    let first = seps.iter().position(|sep| found(sep).is_some());
    let split = first.and_then(|n| {
        let tail = &seps[n..];
        if tail.iter().any(|s| s.starts_with(" at")) || tail.len() == 1 {
            found(&seps[n])
        } else {
            tail.iter()
                .filter_map(found)
                .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)))
        }
    });
    let (title, organisation) = match split {
        Some((i, n)) => (at..at + i, Some(at + i + n..written.end)),
        // One part: an organisation when its words say so ("Baltic Fibre Alliance"), else a
        // title ("Programme Lead").
        None if institutional(&text[at..written.end]) => (at..at, Some(at..written.end)),
        None => (at..written.end, None),
    };
    let title_ok = title.is_empty() || text[title.clone()].starts_with(char::is_uppercase);
    title_ok.then_some(RoleText {
        written,
        title,
        organisation: organisation.filter(|o| !o.is_empty()),
        current,
    })
}

/// "co-author of ‘Title’ with Name and Name".
fn publication(text: &str, range: Range<usize>) -> Option<PublicationText> {
    let s = &text[range.clone()];
    if !["co-author of ", "author of ", "editor of "]
        .iter()
        .any(|w| s.starts_with(w))
    {
        return None;
    }
    let (open, close) = [('‘', '’'), ('“', '”'), ('"', '"')]
        .into_iter()
        .find(|(o, _)| s.contains(*o))?;
    let start = s.find(open)? + open.len_utf8();
    let end = start + s[start..].rfind(close)?;
    let after = &s[end + close.len_utf8()..];
    let with = after
        .trim_start()
        .strip_prefix("with ")
        .map(|names| {
            let base = range.start + s.len() - names.len();
            let mut out = Vec::new();
            for piece in pieces(names, ", ", base) {
                out.extend(pieces(&text[piece.clone()], " and ", piece.start));
            }
            out
        })
        .unwrap_or_default();
    Some(PublicationText {
        title: range.start + start..range.start + end,
        with,
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
        ] {
            assert_eq!(parse(s, 0..s.len()), None, "{s}");
        }
    }
}
