//! The article's structure: its title, the question, each answer with its byline, and the
//! paragraphs in the article's own voice.

use std::ops::Range;

use super::ImportError;
use super::byline::{self, Byline, Form};
use super::text::{self, Para, Quotation};

pub(super) struct Article {
    pub paras: Vec<Para>,
    pub title: Range<usize>,
    /// The question's sentence and its paragraph.
    pub question: Option<(Range<usize>, usize)>,
    pub answers: Vec<Attributed>,
    /// The article's own voice: ranges (a paragraph, or what is left of one) and paragraphs.
    pub framing: Vec<(Range<usize>, usize)>,
    /// Markdown headings after the title, left out of the draft.
    pub headings: usize,
    /// Quotations inside a paragraph (the article quoting someone in its own voice).
    pub inline: Vec<Quotation>,
}

/// A quotation that opens a paragraph (an expert's answer), with the byline that attributes it.
pub(super) struct Attributed {
    pub quote: Quotation,
    pub paras: Range<usize>,
    pub byline: Option<(Range<usize>, Byline)>,
    /// For an answer with no byline of its own, next to answers that have one (each
    /// paragraph of an answer closed and opened again): the answer whose byline it shares.
    pub shares: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Free,
    Answer,
    Used,
}

pub(super) fn read(text: &str) -> Result<Article, ImportError> {
    let paras = text::paragraphs(text);
    // Bylines are read with line breaks as spaces (one byte for one, so every range holds),
    // so that a byline hard-wrapped over two lines is still one.
    let flat = text.replace('\n', " ");
    let quotes = text::quotations(text, &paras)?;
    let para_of = |at: usize| text::para_of(&paras, at).unwrap_or(0);
    let mut slots = vec![Slot::Free; paras.len()];
    let mut answers = Vec::new();
    let mut inline_quotes = Vec::new();
    for quote in quotes {
        let first = para_of(quote.open.start);
        let last = para_of(quote.close.start);
        let start = paras[first].range.start;
        // An answer opens its paragraph, or follows "Name (Org):" there, and ends it (but
        // for "— Name, Title, Org" after it); any other quotation is the article quoting.
        let mut inline = if quote.open.start == start {
            None
        } else {
            let head = text::trim(text, start..quote.open.start);
            match byline::parse(&flat, head.clone()) {
                Some(b) if b.form == Form::Colon => Some((head.start..head.end - 1, b)),
                _ => {
                    inline_quotes.push(quote);
                    continue;
                }
            }
        };
        for p in first + 1..=last {
            let inner = &text[paras[p].range.clone()];
            let reads_as_byline = byline::parse(&flat, paras[p].range.clone())
                .is_some_and(|b| matches!(b.form, Form::Sentence | Form::Colon));
            // A paragraph that closes the quotation is its end, not a byline.
            let closes = inner.contains(['”', '"']);
            if !inner.starts_with(['“', '"']) && !closes && reads_as_byline {
                return Err(ImportError::unbalanced(
                    text,
                    quote.open.start,
                    format!(
                        "this quotation runs on into line {}, which reads as a byline: is its closing mark missing?",
                        text::line_col(text, paras[p].range.start).0
                    ),
                ));
            }
        }
        let tail = text::trim(text, quote.close.end..paras[last].range.end);
        if text[tail.clone()].chars().any(char::is_alphanumeric) {
            match byline::parse(&flat, tail.clone()) {
                Some(b) if b.form == Form::Dash && inline.is_none() => {
                    inline = Some((byline::undashed(&flat, tail), b));
                }
                _ => {
                    inline_quotes.push(quote);
                    continue;
                }
            }
        }
        slots[first..=last].fill(Slot::Answer);
        answers.push(Attributed {
            quote,
            paras: first..last + 1,
            byline: inline,
            shares: None,
        });
    }
    // The title: the first "# " heading before the answers, or else the first paragraph.
    let before_answers = answers.first().map_or(paras.len(), |a| a.paras.start);
    let title_para = (0..before_answers)
        .find(|&p| slots[p] == Slot::Free && text[paras[p].range.clone()].starts_with("# "))
        .or_else(|| slots.iter().position(|s| *s == Slot::Free))
        .unwrap_or(0);
    let title =
        heading(text, paras[title_para].range.clone()).unwrap_or(paras[title_para].range.clone());
    slots[title_para] = Slot::Used;
    let mut headings = 0;
    let mut question = None;
    for (p, para) in paras.iter().enumerate() {
        if slots[p] != Slot::Free {
            continue;
        }
        if let Some(words) = heading(text, para.range.clone()) {
            slots[p] = Slot::Used;
            // A heading that asks, before the answers, is the question put to the experts.
            if question.is_none() && p < before_answers && text[words.clone()].ends_with('?') {
                question = Some((words, p));
            } else {
                headings += 1;
            }
        }
    }
    attribute(&flat, &paras, &mut slots, &mut answers);
    let first_answer = answers.first().map_or(paras.len(), |a| a.paras.start);
    let mut framing = Vec::new();
    for (p, para) in paras.iter().enumerate() {
        if slots[p] != Slot::Free {
            continue;
        }
        if question.is_none() && p < first_answer {
            let sentences = text::sentences(text, para.range.clone());
            if let Some(q) = sentences.iter().find(|s| text[(*s).clone()].ends_with('?')) {
                question = Some((q.clone(), p));
                for part in [para.range.start..q.start, q.end..para.range.end] {
                    let part = text::trim(text, part);
                    if !part.is_empty() {
                        framing.push((part, p));
                    }
                }
                continue;
            }
        }
        framing.push((para.range.clone(), p));
    }
    Ok(Article {
        paras,
        title,
        question,
        answers,
        framing,
        headings,
        inline: inline_quotes,
    })
}

/// A Markdown heading's words ("# Title" → "Title").
fn heading(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let hashes = s.chars().take_while(|c| *c == '#').count();
    let rest = &s[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' '))
        .then(|| text::trim(text, range.start + hashes..range.end))
}

/// Gives each answer its byline: "Name (Org):" before it, "— Name, Title" after it, and the
/// sentence form on the side the article uses (after its quotations when the last answer is
/// followed by one, as in the bundled article; else before).
fn attribute(text: &str, paras: &[Para], slots: &mut [Slot], answers: &mut [Attributed]) {
    let byline_at = |p: usize, slots: &[Slot]| -> Option<Byline> {
        (slots.get(p) == Some(&Slot::Free))
            .then(|| byline::parse(text, paras[p].range.clone()))
            .flatten()
    };
    let sentence_at =
        |p: usize, slots: &[Slot]| byline_at(p, slots).is_some_and(|b| b.form == Form::Sentence);
    let take = |a: &mut Attributed, p: usize, b: Byline, slots: &mut [Slot]| {
        slots[p] = Slot::Used;
        let range = paras[p].range.clone();
        let range = match b.form {
            Form::Colon => range.start..range.end - 1,
            Form::Dash => byline::undashed(text, range),
            Form::Sentence => range,
        };
        a.byline = Some((range, b));
    };
    // First the forms that say their side: "— Name" after its answer, "Name (Org):" before.
    for a in answers.iter_mut().filter(|a| a.byline.is_none()) {
        let choice = [
            (Some(a.paras.end), Form::Dash),
            (a.paras.start.checked_sub(1), Form::Colon),
        ]
        .into_iter()
        .find_map(|(p, form)| {
            let p = p?;
            byline_at(p, slots)
                .filter(|b| b.form == form)
                .map(|b| (p, b))
        });
        if let Some((p, b)) = choice {
            take(a, p, b, slots);
        }
    }
    // Then the side of the sentence form, by a vote of the answers still without a byline.
    let open: Vec<&Attributed> = answers.iter().filter(|a| a.byline.is_none()).collect();
    let after = open
        .iter()
        .filter(|a| sentence_at(a.paras.end, slots))
        .count();
    let before_of = |a: &Attributed| a.paras.start > 0 && sentence_at(a.paras.start - 1, slots);
    let before = open.iter().filter(|a| before_of(a)).count();
    // A tie goes by the ends: bylines after when one follows the last answer, else before
    // when one stands before the first, else after (as the bundled article has them).
    let first_after_byline = open.first().is_some_and(|a| before_of(a));
    let last_before_byline = open.last().is_some_and(|a| sentence_at(a.paras.end, slots));
    let layout_after =
        after > before || (after == before && (last_before_byline || !first_after_byline));
    // Each answer's sentence byline on that side; then, for an answer still without one, one
    // on the other side that no answer took.
    for other_side in [false, true] {
        for a in answers.iter_mut().filter(|a| a.byline.is_none()) {
            let p = if layout_after != other_side {
                Some(a.paras.end)
            } else {
                a.paras.start.checked_sub(1)
            };
            let found = p.and_then(|p| {
                byline_at(p, slots)
                    .filter(|b| b.form == Form::Sentence)
                    .map(|b| (p, b))
            });
            if let Some((p, b)) = found {
                take(a, p, b, slots);
            }
        }
    }
    // "“…”\n\n“…”\n\n— Name": quotations next to each other, one byline for them all. A
    // quotation takes the byline of the next one when that byline stands after its quotation
    // ("— Name", or the sentence form in an article of bylines after), and else of the one
    // before when that byline stands before its quotation ("Name (Org):", or the sentence form
    // in an article of bylines first).
    let stands_after = |form: Form| form == Form::Dash || (form == Form::Sentence && layout_after);
    let form_of = |answers: &[Attributed], i: usize| -> Option<(usize, Form)> {
        let owner = answers[i].shares.unwrap_or(i);
        answers[owner].byline.as_ref().map(|(_, b)| (owner, b.form))
    };
    for i in (0..answers.len().saturating_sub(1)).rev() {
        let adjacent = answers[i].paras.end == answers[i + 1].paras.start;
        if answers[i].byline.is_none() && adjacent {
            let owner = form_of(answers, i + 1).filter(|(_, f)| stands_after(*f));
            answers[i].shares = owner.map(|(o, _)| o);
        }
    }
    for i in 1..answers.len() {
        let adjacent = answers[i - 1].paras.end == answers[i].paras.start;
        if answers[i].byline.is_none() && answers[i].shares.is_none() && adjacent {
            let owner = form_of(answers, i - 1).filter(|(_, f)| !stands_after(*f));
            answers[i].shares = owner.map(|(o, _)| o);
        }
    }
}
