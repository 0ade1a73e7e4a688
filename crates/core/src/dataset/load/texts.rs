//! The sources' full texts, which every claim to be a source's words is proven against,
//! and the claims that are not passages: role titles, member lists, full names and
//! publication titles "as written".

use std::collections::HashMap;

use super::{Joined, Who};
use crate::dataset::file::text_path;
use crate::dataset::problem::{Problem, Subject};
use crate::dataset::{Id, Kind, Provenance, verbatim};

/// The source texts given to `load`, by name: the text, or why it could not be read.
pub(super) type Texts<'t> = HashMap<&'t str, Result<&'t str, &'t str>>;

/// The full text of each source, by source id: (source's index, text, the name to show).
pub(super) type SourceTexts<'t> = HashMap<Id, (usize, &'t str, String)>;

/// Where a person's first byline starts in a source's text, by (source, person).
pub(super) type Bylines<'d> = HashMap<(&'d Id, &'d Id), usize>;

/// The full text of each source that has one, by source id: (source index, text, the
/// name to show for it). A source whose text is missing is reported once.
pub(super) fn source_texts<'t>(
    joined: &Joined,
    texts: &Texts<'t>,
    inline: &'t HashMap<Id, String>,
    problems: &mut Vec<Problem>,
) -> SourceTexts<'t> {
    let d = &joined.dataset;
    let mut full = HashMap::new();
    for (i, s) in d.sources.iter().enumerate() {
        let subject = joined.origin.subject(Who::new(Kind::Source, i, &s.id));
        let message = match (inline.get(&s.id), &s.text_file) {
            (Some(_), Some(_)) => "has both `text` and `text_file`; keep one".to_string(),
            (Some(text), None) => {
                full.insert(s.id.clone(), (i, text.as_str(), "its `text`".to_string()));
                continue;
            }
            (None, Some(file)) => {
                let path = text_path(&subject.file, file);
                match texts.get(path.as_str()) {
                    Some(Ok(text)) => {
                        full.insert(s.id.clone(), (i, *text, path));
                        continue;
                    }
                    Some(Err(why)) => {
                        format!("names `text_file` \"{file}\", but {path} could not be read: {why}")
                    }
                    None => {
                        format!("names `text_file` \"{file}\", but {path} could not be read")
                    }
                }
            }
            (None, None) => {
                // Without a text nothing can be proven; that is only wrong when
                // something claims to be the source's words.
                let claims = d.passages.iter().any(|p| p.source == s.id)
                    || d.publications.iter().any(|p| p.source == s.id)
                    || d.experts.iter().any(|e| {
                        e.source == s.id && e.roles.iter().any(|r| r.as_written.is_some())
                    })
                    || d.groups
                        .iter()
                        .any(|g| g.source == s.id && g.members.as_written.is_some());
                if !claims {
                    continue;
                }
                "has passages (or `as_written` texts, or publications) but no `text_file` (or `text`) to prove them against".to_string()
            }
        };
        problems.push(Problem::SourceText { subject, message });
    }
    full
}

/// Role titles, member lists and publication titles that claim to be the source's words.
/// Each is looked for from its person's byline (`bylines`) first, then from the start.
pub(super) fn other_verbatim(
    joined: &Joined,
    full: &SourceTexts<'_>,
    bylines: &Bylines<'_>,
    problems: &mut Vec<Problem>,
) {
    let d = &joined.dataset;
    let byline = |source: &Id, person: Option<&Id>| {
        person
            .and_then(|person| bylines.get(&(source, person)))
            .copied()
            .unwrap_or(0)
    };
    let mut check = |subject: Subject, field: String, source: &Id, claimed: &str, from| {
        if let Some((_, text, text_name)) = full.get(source)
            && let Err(nearest) = verbatim::locate(text, claimed, from)
        {
            problems.push(Problem::NotVerbatim {
                subject,
                field,
                context: String::new(),
                source_id: source.to_string(),
                text_name: text_name.clone(),
                nearest,
            });
        }
    };
    for (i, e) in d.experts.iter().enumerate() {
        for (r, role) in e.roles.iter().enumerate() {
            if let Some(written) = &role.as_written {
                let subject = joined.origin.subject(Who::new(Kind::Expert, i, &e.id));
                check(
                    subject,
                    format!("roles[{r}].as_written"),
                    &e.source,
                    written,
                    byline(&e.source, Some(&e.id)),
                );
            }
        }
    }
    for (i, g) in d.groups.iter().enumerate() {
        if let Some(written) = &g.members.as_written {
            let subject = joined.origin.subject(Who::new(Kind::Group, i, &g.id));
            check(
                subject,
                "members.as_written".to_string(),
                &g.source,
                written,
                0,
            );
        }
        // What a card shows as the article's must be the article's.
        if let (Provenance::Article, Some(full)) = (g.full_name_source, &g.full_name) {
            let subject = joined.origin.subject(Who::new(Kind::Group, i, &g.id));
            check(subject, "full_name".to_string(), &g.source, full, 0);
        }
    }
    for (i, p) in d.publications.iter().enumerate() {
        let subject = joined.origin.subject(Who::new(Kind::Publication, i, &p.id));
        let from = byline(&p.source, p.authors.first());
        check(subject, "title".to_string(), &p.source, &p.title, from);
    }
    for (i, g) in d.groups.iter().enumerate() {
        if g.members.source == Provenance::Article && g.members.as_written.is_none() {
            problems.push(Problem::Rule {
                subject: joined.origin.subject(Who::new(Kind::Group, i, &g.id)),
                message: "`members.source` is \"article\", so `members.as_written` must give the article's words for the list (or mark the list \"background\")".to_string(),
            });
        }
    }
}
