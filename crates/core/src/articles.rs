//! `Articles`: the sources by title, built once per dataset: newest first, found by a title
//! typed loosely (words of it, in any case, with accents or not) and completed as it is typed.

use crate::dataset::{Dataset, Id, Source};
use crate::fold;

/// How a typed title was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TitleMatch {
    /// One article: by its id, its title or short title, or the only one whose title holds
    /// every word typed.
    One(Id),
    /// Several articles hold every word typed: which one?
    Several(Vec<Id>),
    /// None holds them.
    None,
}

/// The articles (the dataset's sources) in the order replies list them, newest first, with
/// their titles folded to be found by.
#[derive(Debug, Default)]
pub struct Articles {
    /// Source ids, newest first, each with its title and short title folded (a title's parts
    /// between commas folded one by one, so that "Small Clubs, Big Questions" is not read as
    /// a "Surname, First" name).
    newest: Vec<(Id, String, String)>,
    /// Each source's place in `newest`, for ordering passages by their article.
    rank: std::collections::HashMap<Id, usize>,
}

fn fold_title(title: &str) -> String {
    title
        .split(',')
        .map(fold::fold_spelled)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Articles {
    /// The articles of `d`.
    pub fn new(d: &Dataset) -> Articles {
        let mut articles = Articles {
            rank: Default::default(),
            newest: d
                .newest_first()
                .into_iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        fold_title(d.title(s)),
                        fold_title(d.short_title(s)),
                    )
                })
                .collect(),
        };
        articles.rank = articles
            .newest
            .iter()
            .enumerate()
            .map(|(i, (id, _, _))| (id.clone(), i))
            .collect();
        articles
    }

    /// A source's place among the articles, newest first (0 is the newest).
    pub fn rank(&self, source: &Id) -> usize {
        self.rank.get(source).copied().unwrap_or(usize::MAX)
    }

    /// Source ids, newest first.
    pub fn newest(&self) -> impl ExactSizeIterator<Item = &Id> {
        self.newest.iter().map(|(id, _, _)| id)
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        self.newest.len()
    }

    /// Whether there is no article.
    pub fn is_empty(&self) -> bool {
        self.newest.is_empty()
    }

    /// The articles whose titles hold every word of `typed` (the last one as a beginning,
    /// since it may be half typed), newest first.
    fn holding(&self, typed: &str) -> Vec<&Id> {
        let words = fold::split(&fold_title(typed));
        let Some((last, whole)) = words.split_last() else {
            return self.newest().collect();
        };
        self.newest
            .iter()
            .filter(|(_, title, _)| {
                let words = || title.split(' ');
                // A word typed whole is a word of the title; the last, perhaps half typed,
                // begins one.
                whole.iter().all(|w| words().any(|t| t == w))
                    && words().any(|t| t.starts_with(last.as_str()))
            })
            .map(|(id, _, _)| id)
            .collect()
    }

    /// The article `typed` names: its id (from a button), its title or short title, or words
    /// of its title.
    pub fn find(&self, typed: &str) -> TitleMatch {
        let typed = typed.trim();
        if let Some((id, _, _)) = self.newest.iter().find(|(id, _, _)| id.as_str() == typed) {
            return TitleMatch::One(id.clone());
        }
        let folded = fold_title(typed);
        if folded.is_empty() {
            return TitleMatch::None;
        }
        if let Some((id, _, _)) = self
            .newest
            .iter()
            .find(|(_, title, short)| *title == folded || *short == folded)
        {
            return TitleMatch::One(id.clone());
        }
        match self.holding(typed).as_slice() {
            [] => TitleMatch::None,
            [one] => TitleMatch::One((*one).clone()),
            several => TitleMatch::Several(several.iter().map(|id| (*id).clone()).collect()),
        }
    }

    /// Up to `limit` articles for a title being typed, newest first.
    pub fn complete(&self, typed: &str, limit: usize) -> Vec<&Id> {
        let mut found = self.holding(typed);
        found.truncate(limit);
        found
    }
}

/// The sources of `ids`, in that order.
pub fn sources<'d>(d: &'d Dataset, ids: &[Id]) -> Vec<&'d Source> {
    ids.iter().filter_map(|id| d.source(id.as_str())).collect()
}
