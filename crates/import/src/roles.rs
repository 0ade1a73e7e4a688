//! The roles and publications a byline names: "Executive Director of the Frontier Model
//! Forum and Former Director, Brookings A.I. & Emerging Tech Initiative", "co-author of
//! ‘Digital minilateralism: …’ with Tanya Filer". Every title and name is a span of the text.

use std::ops::Range;

use super::entities::institutional;
use super::text::{pieces, unemphasised};

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

/// Where a role's title ends and its organisation starts, the first that occurs winning:
/// "Head of Policy at Acme", "Professor of Law, University of Tartu", "Head of Policy of the
/// X", "CEO of ODI", "Envoy to the I2U2 Group".
pub(super) const SENTENCE_SEPARATORS: &[&str] = &[
    " at the ", " at ", ", ", " of the ", " of ", " to the ", " to ",
];

/// The roles of "Title of Org and Former Title, Org and co-author of …": split at " and "
/// only where what follows reads as a role of its own, so that "Growth, Energy, and the
/// Environment" stays whole.
pub(super) fn role_parts(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.match_indices(" and ") {
        let next = &s[i + 5..];
        let next = next
            .strip_prefix("a ")
            .or_else(|| next.strip_prefix("an "))
            .unwrap_or(next);
        let own_role = next.starts_with("Former ")
            || next.starts_with("former ")
            || ["co-author", "author", "editor"]
                .iter()
                .any(|w| next.starts_with(w))
            || {
                let chunk = next.split(" and ").next().unwrap_or(next);
                let lower_ok = next.len() < s[i + 5..].len();
                (next.starts_with(char::is_uppercase) || lower_ok)
                    && (chunk.contains(" of ") || chunk.contains(", ") || chunk.contains(" at "))
            };
        if own_role && i > start {
            out.push(range.start + start..range.start + i);
            start = i + 5;
        }
    }
    out.push(range.start + start..range.end);
    // "Professor of Law, University of Tartu, and Chair …": the comma before "and" is not
    // the organisation's.
    for r in &mut out {
        let part = &text[r.clone()];
        r.end = r.start + part.trim_end_matches([',', ' ']).len();
    }
    out
}

/// "Title of Org", "Former Title, Org", "Title at Org": split at the first separator of
/// `seps` (in that order of preference) that leaves a title and an organisation.
pub(super) fn role(text: &str, written: Range<usize>, seps: &[&str]) -> Option<RoleText> {
    let s = &text[written.clone()];
    let article = ["a ", "an "]
        .iter()
        .find(|a| s.starts_with(*a))
        .map_or(0, |a| a.len());
    let s = &s[article..];
    let written = written.start + article..written.end;
    let (current, lead) = match ["Former ", "former "].iter().find(|f| s.starts_with(*f)) {
        Some(f) => (false, f.len()),
        None => (true, 0),
    };
    let rest = &s[lead..];
    let at = written.start + lead;
    // The first of `seps` that occurs wins.
    let split = seps.iter().find_map(|sep| {
        let i = if sep.starts_with(" at") {
            rest.rfind(*sep)
        } else {
            rest.find(*sep)
        }?;
        Some((i, sep.len()))
    });
    let (title, organisation) = match split {
        Some((i, n)) => (at..at + i, Some(at + i + n..written.end)),
        // One part: an organisation when its words say so ("Baltic Fibre Alliance"), else a
        // title ("Programme Lead").
        None if institutional(&text[at..written.end]) => (at..at, Some(at..written.end)),
        None => (at..written.end, None),
    };
    let title_ok = title.is_empty() || text[title.clone()].starts_with(char::is_uppercase);
    // "Director, the Harbour Council": the article is not the name's.
    let organisation = organisation.map(|o| match text[o.clone()].strip_prefix("the ") {
        Some(rest) => o.end - rest.len()..o.end,
        None => o,
    });
    // An organisation is a name: "Ada Quill, Director, put it this way:" names none.
    let org_ok = organisation.as_ref().is_none_or(|o| {
        text[o.clone()]
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "*_[".contains(c))
    });
    let title_ok = title_ok && org_ok;
    title_ok.then_some(RoleText {
        written,
        title,
        organisation: organisation
            .filter(|o| !o.is_empty())
            .map(|o| unemphasised(text, o)),
        current,
    })
}

/// "co-author of ‘Title’ with Name and Name".
pub(super) fn publication(text: &str, range: Range<usize>) -> Option<PublicationText> {
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
