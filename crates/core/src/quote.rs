//! Passages as a reader sees them: who is speaking and in what capacity ("**Chris Meserole**,
//! wish for 2024"), the lead-in that makes a fragment readable, and the words as a block
//! quote. Every card and search hit shows passages through these, so a passage reads the same
//! wherever it appears.

use std::collections::HashSet;

use crate::dataset::{Dataset, Id, Passage, PassageKind, Source};
use crate::excerpt;
use crate::reply::escape_data;

/// Who speaks a passage and what it is, in Markdown: "**Tanya Filer**, statement",
/// "**Chris Meserole**, wish for 2024", "**The article**, introduction". A reply that quotes
/// more than one article labels through [`Cited::label`], which names the article too.
pub fn label(d: &Dataset, p: &Passage) -> String {
    label_in(d, p, None)
}

/// The label, naming the article (its short title) when `article` is given: "**Tanya
/// Filer** in *Small Clubs, Big Questions*, statement", "**The article** *Small Clubs, Big
/// Questions*, introduction".
fn label_in(d: &Dataset, p: &Passage, article: Option<&str>) -> String {
    let name = |id: &Id| {
        d.expert(id.as_str())
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    let what = match p.kind {
        PassageKind::Title => "title".to_string(),
        PassageKind::Question => "the question put to the experts".to_string(),
        PassageKind::Framing => "introduction".to_string(),
        PassageKind::Byline => match p.concerns.first() {
            Some(first) => format!("introducing {}", escape_data(&name(first))),
            None => "byline".to_string(),
        },
        PassageKind::Statement => "statement".to_string(),
        PassageKind::Wish => match p.year {
            Some(year) => format!("wish for {year}"),
            None => "wish".to_string(),
        },
    };
    let article = article.map(|a| format!("*{}*", escape_data(a)));
    match (&p.speaker, article) {
        (Some(id), Some(a)) => format!("**{}** in {a}, {what}", escape_data(&name(id))),
        (Some(id), None) => format!("**{}**, {what}", escape_data(&name(id))),
        (None, Some(a)) => format!("**The article** {a}, {what}"),
        (None, None) => format!("**The article**, {what}"),
    }
}

/// The sources a reply quotes, each once, in the order first quoted: what its footer cites,
/// and whether each label must say which article it quotes (when there is more than one).
#[derive(Clone, Debug)]
pub struct Cited<'d> {
    d: &'d Dataset,
    sources: Vec<&'d Source>,
}

impl<'d> Cited<'d> {
    /// The sources of `passages`, in the order first quoted.
    pub fn of<'p>(d: &'d Dataset, passages: impl IntoIterator<Item = &'p Passage>) -> Cited<'d> {
        let mut cited = Cited {
            d,
            sources: Vec::new(),
        };
        for p in passages {
            cited.add(&p.source);
        }
        cited
    }

    /// Cites the source `id` too (once).
    pub fn add(&mut self, id: &Id) {
        if self.sources.iter().any(|s| s.id == *id) {
            return;
        }
        if let Some(s) = self.d.source(id.as_str()) {
            self.sources.push(s);
        }
    }

    /// The sources cited, in the order first quoted.
    pub fn sources(&self) -> &[&'d Source] {
        &self.sources
    }

    /// More than one article: labels name theirs.
    pub fn many(&self) -> bool {
        self.sources.len() > 1
    }

    /// The passage's label, naming its article when the reply quotes more than one.
    pub fn label(&self, p: &Passage) -> String {
        let article = self
            .many()
            .then(|| self.d.source(p.source.as_str()))
            .flatten()
            .map(|s| self.d.short_title(s));
        label_in(self.d, p, article)
    }

    /// "Source: TITLE (looking ahead to 2024)", or "Sources: A (…); B (…)" for several;
    /// `None` when nothing is quoted.
    pub fn footer(&self) -> Option<String> {
        let each: Vec<String> = self.sources.iter().map(|s| citation(self.d, s)).collect();
        match each.as_slice() {
            [] => None,
            [one] => Some(format!("Source: {one}")),
            _ => Some(format!("Sources: {}", each.join("; "))),
        }
    }

    /// The address of the one source cited, when the data gives it.
    pub fn url(&self) -> Option<String> {
        match self.sources.as_slice() {
            [one] => one.url.clone(),
            _ => None,
        }
    }
}

/// A source as a footer cites it: "TITLE (looking ahead to 2024, published 2025-01-15)".
/// The year is the one the article looks ahead to, not a publication date; the date is shown
/// only where the data gives it.
pub fn citation(d: &Dataset, s: &Source) -> String {
    match &s.published {
        Some(date) => format!(
            "{} (looking ahead to {}, published {date})",
            d.title(s),
            s.year
        ),
        None => format!("{} (looking ahead to {})", d.title(s), s.year),
    }
}

/// The names of what a passage concerns, leaving out its speaker and whoever its label
/// already names: "G7, BRICS, I2U2". Empty when nothing is left.
pub fn concerns(d: &Dataset, p: &Passage) -> String {
    let named_by_label = match p.kind {
        PassageKind::Byline => p.concerns.first(),
        _ => p.speaker.as_ref(),
    };
    p.concerns
        .iter()
        .filter(|c| Some(*c) != named_by_label && Some(*c) != p.speaker.as_ref())
        .filter_map(|c| d.entity(c.as_str()).map(|e| escape_data(e.name())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lines of text as a Discord block quote, escaped.
pub fn block_quote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {}", escape_data(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A passage's lead-in as a line of context in italics ("_…recently enthused about
/// minilaterals as_"), unless `shown` already has it: a reply shows each lead-in once.
pub fn lead_in<'a>(p: &'a Passage, shown: &mut HashSet<&'a str>) -> Option<String> {
    let lead = p.lead_in.as_deref()?;
    if !shown.insert(lead) {
        return None;
    }
    // A lead-in from mid-sentence says so.
    let cut = if lead.starts_with(char::is_lowercase) {
        "…"
    } else {
        ""
    };
    Some(format!("_{cut}{}_", escape_data(lead)))
}

/// A passage's text with the list marker the article writes before it ("1/ The G7 code of
/// conduct finalising"); the text alone for any other passage.
pub fn with_marker(p: &Passage) -> String {
    match &p.layout.marker {
        Some(marker) => format!("{marker} {}", p.text),
        None => p.text.clone(),
    }
}

/// A passage as a quote under its lead-in, with its list marker, and "…" where it is part of
/// a sentence that goes on beyond it (at its start only when no lead-in gives that start).
pub fn quoted<'a>(p: &'a Passage, shown: &mut HashSet<&'a str>) -> String {
    let mut ends = excerpt::passage_goes_on(p, &p.text, excerpt::Ends::NONE);
    let lead = lead_in(p, shown);
    if lead.is_some() || p.layout.marker.is_some() {
        ends.before = false;
    }
    let text = excerpt::marked(&with_marker(p), ends);
    match lead {
        Some(lead) => format!("{lead}\n{}", block_quote(&text)),
        None => block_quote(&text),
    }
}

/// Wishes as a list, each lead-in once above the wishes it leads into; a wish the article
/// writes as a list item keeps its marker ("1/"), any other gets a bullet.
pub fn bullets<'a>(wishes: &[&'a Passage], shown: &mut HashSet<&'a str>) -> String {
    let mut lines = Vec::new();
    for p in wishes {
        lines.extend(lead_in(p, shown));
        let marker = p.layout.marker.as_deref().unwrap_or("•");
        lines.push(format!("{} {}", escape_data(marker), escape_data(&p.text)));
    }
    lines.join("\n")
}

/// A passage's words as one piece of a block quote, escaped: a wish in bold, so that it is
/// marked where it stands (each line of it, since bold does not cross a line break).
fn piece(p: &Passage) -> String {
    if p.kind != PassageKind::Wish {
        return escape_data(&p.text);
    }
    p.text
        .lines()
        .map(|l| {
            let l = l.trim();
            if l.is_empty() {
                String::new()
            } else {
                format!("**{}**", escape_data(l))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One person's passages as the article gives them, in its order: a paragraph as one block
/// quote, a list item on a line of its own with the article's marker ("1/"), wishes in bold
/// where they stand (see [`wish_legend`]), each lead-in once above what it leads into.
/// `passages` must be in source order (as `Dataset::said_by` gives them).
pub fn in_order<'a>(passages: &[&'a Passage], shown: &mut HashSet<&'a str>) -> String {
    let mut blocks: Vec<String> = Vec::new();
    // The block being built: the lead-in above it and its lines, already escaped.
    let mut head: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut previous: Option<&Passage> = None;
    let flush = |blocks: &mut Vec<String>, head: &mut Vec<String>, lines: &mut Vec<String>| {
        if lines.is_empty() {
            return;
        }
        let mut block = std::mem::take(head);
        block.extend(lines.drain(..).map(|l| {
            l.lines()
                .map(|l| format!("> {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        }));
        blocks.push(block.join("\n"));
    };
    for p in passages {
        let lead = lead_in(p, shown);
        // A list goes on across its lines; anything else ends its block with its paragraph.
        let goes_on = previous.is_some_and(|q| {
            q.layout.paragraph == p.layout.paragraph
                || (p.layout.marker.is_some() && (q.layout.marker.is_some() || q.lead_in.is_some()))
        });
        if !goes_on || lead.is_some() {
            flush(&mut blocks, &mut head, &mut lines);
        }
        head.extend(lead);
        match (&p.layout.marker, lines.last_mut()) {
            (Some(marker), _) => lines.push(format!("{} {}", escape_data(marker), piece(p))),
            (None, Some(last)) if goes_on => {
                last.push(' ');
                last.push_str(&piece(p));
            }
            _ => lines.push(piece(p)),
        }
        previous = Some(p);
    }
    flush(&mut blocks, &mut head, &mut lines);
    blocks.join("\n\n")
}

/// The line that says what bold means in [`in_order`]: "_In bold: wishes for 2024._"; none
/// when there is no wish.
pub fn wish_legend(passages: &[&Passage]) -> Option<String> {
    let mut years: Vec<i32> = passages
        .iter()
        .filter(|p| p.kind == PassageKind::Wish)
        .filter_map(|p| p.year)
        .collect();
    let any = passages.iter().any(|p| p.kind == PassageKind::Wish);
    years.sort_unstable();
    years.dedup();
    let years: Vec<String> = years.iter().map(i32::to_string).collect();
    match years.as_slice() {
        _ if !any => None,
        [] => Some("_In bold: wishes._".to_string()),
        [one] => Some(format!("_In bold: wishes for {one}._")),
        many => Some(format!("_In bold: wishes for {}._", many.join(", "))),
    }
}
