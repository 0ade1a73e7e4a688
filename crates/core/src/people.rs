//! People as the article presents them: the panel who answered its question (experts) and the
//! others it quotes (an official in its introduction), each role in the article's words.

use crate::dataset::{Dataset, Expert, Role, Tense};

/// Where a person stands in the article: on the panel that answered its question, or quoted
/// outside it. Replies never call the second an expert.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// On the panel that answered the article's question: an expert.
    Panel,
    /// Quoted outside the panel (an official in the introduction).
    Quoted,
}

impl Standing {
    /// Where `e` stands.
    pub fn of(e: &Expert) -> Standing {
        if e.panel {
            Standing::Panel
        } else {
            Standing::Quoted
        }
    }

    /// What a reply calls them: "expert", or "quoted in the article".
    pub fn word(self) -> &'static str {
        match self {
            Standing::Panel => "expert",
            Standing::Quoted => "quoted in the article",
        }
    }
}

/// A role in the article's words: its `as_written` where the data normalised the title (the
/// normalised title is for matching, never shown as if the article said it), else its title
/// and organisation ("CEO, ODI"), which are the article's words; "former " before a past role.
pub fn role(d: &Dataset, r: &Role) -> String {
    let former = match r.tense() {
        Tense::Current => "",
        Tense::Former => "former ",
    };
    let words = match &r.as_written {
        Some(written) => written.clone(),
        None => {
            let org = r.organisation.as_ref().map(|id| {
                d.entity(id.as_str())
                    .map_or(id.as_str(), |entity| entity.name())
            });
            r.label(org)
        }
    };
    format!("{former}{words}")
}

/// A person's current roles in the article's words, joined by "; ".
pub fn current_roles(d: &Dataset, e: &Expert) -> String {
    e.roles
        .iter()
        .filter(|r| r.current)
        .map(|r| role(d, r))
        .collect::<Vec<_>>()
        .join("; ")
}
