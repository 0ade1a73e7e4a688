//! Passages as a reader sees them: who is speaking and in what capacity ("**Chris Meserole**,
//! wish for 2024"), the lead-in that makes a fragment readable, and the words as a block
//! quote. Every card and search hit shows passages through these, so a passage reads the same
//! wherever it appears.

use std::collections::HashSet;

use crate::dataset::{Dataset, Id, Passage, PassageKind};
use crate::reply::escape_data;

/// Who speaks a passage and what it is, in Markdown: "**Tanya Filer**, statement",
/// "**Chris Meserole**, wish for 2024", "**The article**, introduction".
pub fn label(d: &Dataset, p: &Passage) -> String {
    let name = |id: &Id| {
        d.expert(id.as_str())
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    let speaker = p
        .speaker
        .as_ref()
        .map_or_else(|| "The article".to_string(), name);
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
    format!("**{}**, {what}", escape_data(&speaker))
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

/// A passage as a quote under its lead-in.
pub fn quoted<'a>(p: &'a Passage, shown: &mut HashSet<&'a str>) -> String {
    match lead_in(p, shown) {
        Some(lead) => format!("{lead}\n{}", block_quote(&p.text)),
        None => block_quote(&p.text),
    }
}

/// Wishes as a bulleted list, each lead-in once above the wishes it leads into.
pub fn bullets<'a>(wishes: &[&'a Passage], shown: &mut HashSet<&'a str>) -> String {
    let mut lines = Vec::new();
    for p in wishes {
        lines.extend(lead_in(p, shown));
        lines.push(format!("• {}", escape_data(&p.text)));
    }
    lines.join("\n")
}
