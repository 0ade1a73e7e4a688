//! The checks that need the whole dataset: references, empty fields, years, roles, and the
//! fields each kind of passage needs.

use std::collections::HashSet;
use std::fmt;

use super::{Origin, Who};
use crate::dataset::problem::Problem;
use crate::dataset::{Dataset, Id, Kind, OtherNames, Passage, PassageKind};

/// Years outside this range are typing mistakes, not history.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// `YYYY-MM-DD` with a month 01–12 and a day that month can have (29 February only in a
/// leap year).
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// An address a reader can open: http(s), a host, nothing that would break a Markdown link.
fn is_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && text.len() <= 512
            && !text.chars().any(|c| {
                c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '(' | ')' | '"')
            })
    })
}

/// Runs every check of this module on `dataset`, in dataset order.
pub(super) fn check(dataset: &Dataset, origin: &Origin, problems: &mut Vec<Problem>) {
    Checker {
        dataset,
        origin,
        problems,
    }
    .run();
}

struct Checker<'a> {
    dataset: &'a Dataset,
    origin: &'a Origin,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    fn run(mut self) {
        let d = self.dataset;
        let mut heads: std::collections::HashMap<(&Id, PassageKind), usize> = Default::default();
        for p in &d.passages {
            if matches!(p.kind, PassageKind::Title | PassageKind::Question) {
                *heads.entry((&p.source, p.kind)).or_default() += 1;
            }
        }
        for (i, s) in d.sources.iter().enumerate() {
            let who = Who::new(Kind::Source, i, &s.id);
            self.year(who, "year", s.year);
            if let Some(date) = &s.published
                && !is_date(date)
            {
                self.problems.push(Problem::Rule {
                    subject: self.origin.subject(who),
                    message: format!(
                        "field `published` is \"{date}\"; expected a date as YYYY-MM-DD (or leave it out)"
                    ),
                });
            }
            if let Some(url) = &s.url
                && !is_url(url)
            {
                self.problems.push(Problem::Rule {
                    subject: self.origin.subject(who),
                    message: format!(
                        "field `url` is \"{url}\"; expected an address starting with https:// or http://, without spaces (or leave it out)"
                    ),
                });
            }
            if let Some(short) = &s.short_title {
                self.nonempty(who, "short_title", short);
            }
            let count = |kind| heads.get(&(&s.id, kind)).copied().unwrap_or(0);
            let titles = count(PassageKind::Title);
            if titles != 1 {
                self.problems.push(Problem::SourceText {
                    subject: self.origin.subject(who),
                    message: format!(
                        "needs exactly one passage of kind \"title\" (it has {titles}); cards cite it"
                    ),
                });
            }
            let questions = count(PassageKind::Question);
            if questions > 1 {
                self.problems.push(Problem::SourceText {
                    subject: self.origin.subject(who),
                    message: format!(
                        "has {questions} passages of kind \"question\"; a source asks one question"
                    ),
                });
            }
        }
        // The experts some byline introduces (its first concern), looked up once.
        let introduced: HashSet<&Id> = d
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Byline)
            .filter_map(|p| p.concerns.first())
            .collect();
        for (i, e) in d.experts.iter().enumerate() {
            let who = Who::new(Kind::Expert, i, &e.id);
            self.nonempty(who, "name", &e.name);
            self.reference(who, "source", &e.source, &[Kind::Source]);
            if e.roles.is_empty() {
                self.problems.push(Problem::NoRole {
                    subject: self.origin.subject(who),
                });
            }
            for (r, role) in e.roles.iter().enumerate() {
                // A role names a title, an organisation, or both.
                if role.organisation.is_none() {
                    self.nonempty(who, format_args!("roles[{r}].title"), &role.title);
                }
                if let Some(organisation) = &role.organisation {
                    let field = format_args!("roles[{r}].organisation");
                    self.reference(who, field, organisation, &[Kind::Body, Kind::Group]);
                }
            }
            if !introduced.contains(&e.id) {
                self.problems.push(Problem::NoByline {
                    subject: self.origin.subject(who),
                });
            }
        }
        // A person quoted in an article is introduced by that article: their card shows the
        // byline of each article they speak in (roles change between articles).
        let introduced_in: HashSet<(&Id, &Id)> = d
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Byline)
            .filter_map(|p| Some((p.concerns.first()?, &p.source)))
            .collect();
        let mut reported: HashSet<(&Id, &Id)> = HashSet::new();
        for p in &d.passages {
            let Some(speaker) = p.speaker.as_ref() else {
                continue;
            };
            let pair = (speaker, &p.source);
            if !introduced.contains(speaker)
                || introduced_in.contains(&pair)
                || !reported.insert(pair)
            {
                continue;
            }
            if let Some(i) = d.experts.iter().position(|e| e.id == *speaker) {
                let who = Who::new(Kind::Expert, i, speaker);
                self.problems.push(Problem::Rule {
                    subject: self.origin.subject(who),
                    message: format!(
                        "speaks in source \"{}\" (passage \"{}\"), which has no byline introducing them; add a passage of kind \"byline\" to that source whose `concerns` starts with this expert",
                        p.source, p.id
                    ),
                });
            }
        }
        for (i, g) in d.groups.iter().enumerate() {
            let who = Who::new(Kind::Group, i, &g.id);
            self.nonempty(who, "name", &g.name);
            self.reference(who, "source", &g.source, &[Kind::Source]);
            self.year(who, "members.as_of", g.members.as_of);
            for (s, state) in g.members.states.iter().enumerate() {
                self.nonempty(who, format_args!("members.states[{s}]"), state);
            }
            self.other_names(who, g.other_names.as_ref());
        }
        for (i, b) in d.bodies.iter().enumerate() {
            let who = Who::new(Kind::Body, i, &b.id);
            self.nonempty(who, "name", &b.name);
            self.reference(who, "source", &b.source, &[Kind::Source]);
            self.other_names(who, b.other_names.as_ref());
        }
        for (i, p) in d.passages.iter().enumerate() {
            self.passage(i, p);
        }
        for (i, p) in d.publications.iter().enumerate() {
            let who = Who::new(Kind::Publication, i, &p.id);
            self.nonempty(who, "title", &p.title);
            if p.authors.is_empty() {
                self.problems.push(Problem::Empty {
                    subject: self.origin.subject(who),
                    field: "authors".to_string(),
                });
            }
            for (a, id) in p.authors.iter().enumerate() {
                self.reference(who, format_args!("authors[{a}]"), id, &[Kind::Expert]);
            }
            self.reference(who, "source", &p.source, &[Kind::Source]);
        }
    }

    /// Other names, where given, are at least one name, none blank, as of a plausible year
    /// (the card says "as of" it).
    fn other_names(&mut self, who: Who<'_>, other: Option<&OtherNames>) {
        let Some(other) = other else {
            return;
        };
        if other.names.is_empty() {
            self.problems.push(Problem::Empty {
                subject: self.origin.subject(who),
                field: "other_names.names (leave `other_names` out when there are none)"
                    .to_string(),
            });
        }
        for (n, name) in other.names.iter().enumerate() {
            self.nonempty(who, format_args!("other_names.names[{n}]"), name);
        }
        self.year(who, "other_names.as_of", other.as_of);
    }

    fn nonempty(&mut self, who: Who<'_>, field: impl fmt::Display, value: &str) {
        if value.trim().is_empty() {
            self.problems.push(Problem::Empty {
                subject: self.origin.subject(who),
                field: field.to_string(),
            });
        }
    }

    fn year(&mut self, who: Who<'_>, field: impl fmt::Display, year: i32) {
        if !YEARS.contains(&year) {
            self.problems.push(Problem::Year {
                subject: self.origin.subject(who),
                field: field.to_string(),
                year,
                min: *YEARS.start(),
                max: *YEARS.end(),
            });
        }
    }

    fn reference(&mut self, who: Who<'_>, field: impl fmt::Display, target: &Id, kinds: &[Kind]) {
        let found = self.dataset.kind_of(target.as_str());
        if !found.is_some_and(|k| kinds.contains(&k)) {
            let expected = match kinds {
                [Kind::Source] => "a source id",
                [Kind::Body] => "a body id",
                [Kind::Expert] => "an expert id",
                [Kind::Group, Kind::Body] => "a group or body id",
                _ => "an expert, group or body id",
            };
            self.problems.push(Problem::Dangling {
                subject: self.origin.subject(who),
                field: field.to_string(),
                target: target.to_string(),
                expected,
            });
        }
    }

    /// A passage's references, and the fields its kind needs: statements and wishes have a
    /// speaker, wishes a year, bylines an expert first among what they concern.
    fn passage(&mut self, i: usize, p: &Passage) {
        let who = Who::new(Kind::Passage, i, &p.id);
        self.nonempty(who, "text", &p.text);
        self.reference(who, "source", &p.source, &[Kind::Source]);
        if let Some(s) = &p.speaker {
            self.reference(who, "speaker", s, &[Kind::Expert]);
        }
        for (c, id) in p.concerns.iter().enumerate() {
            let field = format_args!("concerns[{c}]");
            self.reference(who, field, id, &[Kind::Expert, Kind::Group, Kind::Body]);
        }
        if let Some(y) = p.year {
            self.year(who, "year", y);
        }
        let kind = p.kind.as_str();
        let first_concern = p
            .concerns
            .first()
            .and_then(|c| self.dataset.kind_of(c.as_str()));
        let mut rule = |ok: bool, message: &dyn Fn() -> String| {
            if !ok {
                let subject = self.origin.subject(who);
                self.problems.push(Problem::Rule {
                    subject,
                    message: message(),
                });
            }
        };
        if p.kind.has_speaker() {
            rule(p.speaker.is_some(), &|| {
                format!("a {kind} needs `speaker` (the expert whose words these are)")
            });
        } else {
            rule(p.speaker.is_none(), &|| {
                format!("a {kind} is the article's own voice and has no `speaker`")
            });
        }
        if p.kind == PassageKind::Wish {
            rule(p.year.is_some(), &|| "a wish needs `year`".to_string());
        } else {
            rule(p.year.is_none(), &|| {
                format!("only a wish has a `year`, not a {kind}")
            });
        }
        if p.kind == PassageKind::Byline {
            rule(first_concern == Some(Kind::Expert), &|| {
                "a byline's `concerns` starts with the expert it introduces".to_string()
            });
        }
        if let Some(lead) = &p.lead_in {
            self.nonempty(who, "lead_in", lead);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_date, is_url};

    #[test]
    fn a_publication_date_is_a_real_day() {
        for good in ["2025-01-15", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2025-13-01",
            "2025-02-29",
            "1900-02-29",
            "2025-04-31",
            "2025-1-15",
            "15/01/2025",
            "2025-01-15T00:00",
            "",
            "２０２５-01-15",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn an_address_is_a_web_address_a_link_can_hold() {
        assert!(is_url("https://example.org/small-clubs-2025"));
        assert!(is_url("http://example.org"));
        for bad in [
            "example.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "javascript:alert(1)",
            "https://example.org/<x>",
            "https://example.org/a)b",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
    }
}
