//! A person the article quotes inside its own sentence, in the form "Name, Role, words
//! “quotation”".

use std::ops::Range;

use super::byline::looks_like_name;

/// A person the article quotes inside its own sentence: "Jose W. Fernandez, US Undersecretary
/// of State for …, recently enthused about minilaterals as “the way of the future …”".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Inline {
    pub name: Range<usize>,
    /// The apposition after the name, as one title.
    pub role: Range<usize>,
    /// The words between the apposition and the quotation ("recently enthused about
    /// minilaterals as"), which the quoted words need to be read right.
    pub lead: Range<usize>,
}

/// Reads the words of `sentence` before a quotation opening at `open` as "Name, Role, words",
/// where the words start in lower case; and nothing but punctuation may follow the closing
/// mark at `close_end`. None otherwise.
pub(super) fn inline(
    text: &str,
    sentence: Range<usize>,
    open: usize,
    close_end: usize,
) -> Option<Inline> {
    let before = &text[sentence.start..open];
    let after = &text[close_end..sentence.end];
    if after.chars().any(char::is_alphanumeric) {
        return None;
    }
    let name_end = before.find(", ")?;
    let name = sentence.start..sentence.start + name_end;
    if !looks_like_name(&text[name.clone()]) {
        return None;
    }
    let rest = name_end + 2;
    let verb = before[rest..]
        .match_indices(", ")
        .map(|(i, _)| rest + i)
        .filter(|&i| before[i + 2..].starts_with(char::is_lowercase))
        .last()?;
    let role = sentence.start + rest..sentence.start + verb;
    let lead = sentence.start + verb + 2..sentence.start + before.trim_end().len();
    let role_ok = text[role.clone()].starts_with(char::is_uppercase);
    (role_ok && !lead.is_empty()).then_some(Inline { name, role, lead })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_quoted_in_the_articles_voice() {
        let s = "Jose W. Fernandez, US Undersecretary of State for Economic Growth, Energy, and the Environment, recently enthused about minilaterals as “the way of the future [...] focused.”";
        let open = s.find('“').unwrap();
        let i = inline(s, 0..s.len(), open, s.len()).unwrap();
        assert_eq!(&s[i.name], "Jose W. Fernandez");
        assert_eq!(
            &s[i.role],
            "US Undersecretary of State for Economic Growth, Energy, and the Environment"
        );
        assert_eq!(&s[i.lead], "recently enthused about minilaterals as");
        let s = "Critics, Officials and others said “no” loudly.";
        assert_eq!(
            inline(
                s,
                0..s.len(),
                s.find('“').unwrap(),
                s.find("”").unwrap() + 3
            ),
            None
        );
    }
}
