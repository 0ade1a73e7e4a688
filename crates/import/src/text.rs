//! The article as the importer reads it: paragraphs, quotations and sentences, each a byte
//! range of the text, so that whatever becomes a passage is a verbatim span by construction;
//! and the cuts every reader of the text makes in a span (trimmed, split at a separator,
//! without Markdown emphasis), here so that the readers (`byline`, `roles` …) share them
//! without reaching into each other.

use std::ops::Range;

use super::ImportError;

/// A paragraph: a run of lines between blank lines (or, in a text without blank lines, one
/// line), without its surrounding spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Para {
    pub range: Range<usize>,
}

/// The paragraphs of `text`. An article either writes one paragraph per line (text copied
/// from a web page, like the bundled article), blank lines or not between them, or breaks its
/// paragraphs into lines at a width and separates them with blank lines (Markdown, most
/// plain text): [`hard_wrapped`] tells which, so that blank lines alone never change how an
/// article is read (one after its title, several, or one between every paragraph).
pub(super) fn paragraphs(text: &str) -> Vec<Para> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push(at..at + line.trim_end().len());
        at += line.len();
    }
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let blocks = lines.iter().any(blank) && hard_wrapped(text, &lines);
    let mut out: Vec<Para> = Vec::new();
    let mut open = false;
    for line in lines {
        if blank(&line) {
            open = false;
            continue;
        }
        let start = line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
        match out.last_mut() {
            Some(last) if blocks && open => last.range.end = line.end,
            _ => out.push(Para {
                range: start..line.end,
            }),
        }
        open = true;
    }
    out
}

/// Whether the line breaks between non-blank lines are mostly wraps (a paragraph broken at a
/// width) rather than paragraph ends. A break is a wrap when its line stops mid-sentence
/// where the next line's first word would not have fitted: the line with that word would be
/// longer than the longest line around it, as a wrapping editor leaves every line but a
/// paragraph's last. It is a paragraph's end when its line ends a sentence. A heading or a
/// list item on either side says neither (both kinds of text have them), nor does a short
/// line that stops without a full stop (a title).
fn hard_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    let (mut wraps, mut ends) = (0usize, 0usize);
    for block in lines.split(|r| text[r.clone()].trim().is_empty()) {
        let width = block
            .iter()
            .map(|r| text[r.clone()].trim().chars().count())
            .max()
            .unwrap_or(0);
        for pair in block.windows(2) {
            let (line, next) = (text[pair[0].clone()].trim(), text[pair[1].clone()].trim());
            if line.starts_with('#') || list_marker(next).is_some() {
                continue;
            }
            let first_word = next.split_whitespace().next().unwrap_or("");
            if ends_sentence(line) {
                ends += 1;
            } else if line.chars().count() + 1 + first_word.chars().count() > width {
                wraps += 1;
            }
        }
    }
    wraps > 0 && wraps >= ends
}

/// Whether `line` ends a sentence: `.`, `!`, `?` or `…`, then closing marks, and not the full
/// stop of an initial or an abbreviation.
fn ends_sentence(line: &str) -> bool {
    let bare = line.trim_end_matches(['’', '”', '"', '\'', ')', ']']);
    match bare.chars().next_back() {
        Some('!' | '?' | '…') => true,
        Some('.') => !abbreviated(&bare[..bare.len() - 1]),
        _ => false,
    }
}

/// The paragraph that holds byte `at`, found by halving: paragraphs are in the text's order,
/// and a long article has a hundred thousand of them.
pub(super) fn para_of(paras: &[Para], at: usize) -> Option<usize> {
    let i = paras.partition_point(|p| p.range.end <= at);
    paras.get(i).filter(|p| p.range.contains(&at)).map(|_| i)
}

/// Whether a paragraph starts at byte `at`.
fn starts_para(paras: &[Para], at: usize) -> bool {
    paras.binary_search_by_key(&at, |p| p.range.start).is_ok()
}

/// The 1-based line and column (in characters) of byte `at`.
pub(super) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// A quotation in double quotation marks: where its marks are. `reopened` holds the opening
/// marks of its later paragraphs, where an article follows the convention of opening each
/// paragraph of a long quotation again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Quotation {
    pub open: Range<usize>,
    pub close: Range<usize>,
    pub reopened: Vec<Range<usize>>,
}

impl Quotation {
    /// The quoted words, between the marks.
    pub fn inside(&self) -> Range<usize> {
        self.open.end..self.close.start
    }
}

/// The double marks a quotation opens with, which are the marks that close it: a straight
/// mark never closes a curly one, nor a curly one a straight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marks {
    /// “…”
    Curly,
    /// "…"
    Straight,
}

impl Marks {
    /// The marks an opening mark (“ or ") belongs to.
    fn of(opening: char) -> Marks {
        if opening == '"' {
            Marks::Straight
        } else {
            Marks::Curly
        }
    }
}

/// Every quotation in double marks (curly “…” or straight "…"), or the first mark that does
/// not balance. Single marks are left alone: ’ is also the apostrophe.
pub(super) fn quotations(text: &str, paras: &[Para]) -> Result<Vec<Quotation>, ImportError> {
    let starts_para = |at: usize| starts_para(paras, at);
    let para_of = |at: usize| para_of(paras, at);
    let mut out = Vec::new();
    // The open quotation: its opening mark, its marks, and its reopenings.
    let mut open: Option<(Range<usize>, Marks, Vec<Range<usize>>)> = None;
    for (i, c) in text.char_indices() {
        let mark = i..i + c.len_utf8();
        match (c, open.take()) {
            ('“', None) => open = Some((mark, Marks::Curly, Vec::new())),
            ('"', None) => open = Some((mark, Marks::Straight, Vec::new())),
            ('“' | '"', Some((first, marks, mut again)))
                if Marks::of(c) == marks && starts_para(i) && para_of(first.start) < para_of(i) =>
            {
                // A straight mark at a paragraph's start opens; it cannot close what the
                // paragraph before left open.
                again.push(mark);
                open = Some((first, marks, again));
            }
            // A straight mark that reads as an opening one ("word "Quoted), in a later
            // paragraph than the open quotation: that one was never closed.
            ('"', Some((first, Marks::Straight, _)))
                if para_of(first.start) < para_of(i) && opens_here(text, i) =>
            {
                return Err(ImportError::unbalanced(
                    text,
                    first.start,
                    format!(
                        "this quotation mark is never closed: the one at {} opens another",
                        place(text, i)
                    ),
                ));
            }
            ('“', Some((first, ..))) => {
                return Err(ImportError::unbalanced(
                    text,
                    i,
                    format!(
                        "a quotation mark opens again before the one opened at {} closes",
                        place(text, first.start)
                    ),
                ));
            }
            ('”', Some((first, Marks::Curly, again)))
            | ('"', Some((first, Marks::Straight, again))) => out.push(Quotation {
                open: first,
                close: mark,
                reopened: again,
            }),
            ('”', None) => {
                return Err(ImportError::unbalanced(
                    text,
                    i,
                    "a closing quotation mark with no opening one before it".into(),
                ));
            }
            (_, state) => open = state,
        }
    }
    match open {
        Some((first, ..)) => Err(ImportError::unbalanced(
            text,
            first.start,
            "this quotation mark opens a quotation that never closes".into(),
        )),
        None => Ok(out),
    }
}

/// Whether the straight mark at `at` stands where a quotation opens: after a space or at a
/// line's start, before a letter or digit.
fn opens_here(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || c == '(') && after.is_some_and(char::is_alphanumeric)
}

fn place(text: &str, at: usize) -> String {
    let (line, column) = line_col(text, at);
    format!("line {line}, column {column}")
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "No",
    "Inc", "Ltd", "Co", "cf", "approx",
];

/// The sentences of `range`, trimmed: a sentence ends at `.`, `!`, `?` or `…` (and the
/// closing marks after it) followed by a space and a capital, a digit or an opening mark,
/// except after an initial ("W."), an abbreviation ("Dr.") or a dotted acronym ("A.I.").
pub(super) fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let part = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = part.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < chars.len() && matches!(chars[end].1, '’' | '”' | '"' | '\'' | ')' | ']') {
            end += 1;
        }
        let gap_end = (end..chars.len())
            .find(|&j| !chars[j].1.is_whitespace())
            .unwrap_or(chars.len());
        let next = chars.get(gap_end).map(|&(_, c)| c);
        let breaks = gap_end > end
            && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "“‘\"([".contains(n))
            && !(c == '.' && abbreviated(&part[..i]));
        if breaks {
            let stop = chars.get(end).map_or(part.len(), |&(j, _)| j);
            push_trimmed(&mut out, part, start..stop, range.start);
            start = chars[gap_end].0;
            k = gap_end;
        } else {
            k += 1;
        }
    }
    push_trimmed(&mut out, part, start..part.len(), range.start);
    out
}

/// Does the word before a full stop (`before` ends just before it) make it no sentence end?
fn abbreviated(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || word.contains('.') || ABBREVIATIONS.contains(&word)
}

fn push_trimmed(out: &mut Vec<Range<usize>>, part: &str, r: Range<usize>, base: usize) {
    let s = &part[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        let start = base + r.start + lead;
        out.push(start..start + t.len());
    }
}

/// The range without the spaces around it.
pub(super) fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

/// `range` without Markdown emphasis around it ("**Ada Quill**" → "Ada Quill").
pub(super) fn unemphasised(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    // A Markdown link: its words, not its address.
    if let Some(words) = s
        .strip_prefix('[')
        .and_then(|t| t.split_once("]("))
        .filter(|(_, rest)| rest.ends_with(')'))
        .map(|(w, _)| w)
    {
        return unemphasised(text, range.start + 1..range.start + 1 + words.len());
    }
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = s.strip_prefix(mark).and_then(|t| t.strip_suffix(mark)) {
            return range.start + mark.len()..range.start + mark.len() + inner.len();
        }
    }
    range
}

/// `s` split at `sep`, as ranges of the text (`s` starts at `base`).
pub(super) fn pieces(s: &str, sep: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in s.split(sep) {
        out.push(base + at..base + at + piece.len());
        at += piece.len() + sep.len();
    }
    out
}

/// A list item's marker at the start of a line: "1/", "1.", "1)", "-", "*", "•". Returns the
/// marker's length in bytes, spaces after it included.
pub(super) fn list_marker(line: &str) -> Option<usize> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits > 0 && digits <= 2 {
        let after = &line[digits..];
        after.starts_with(['/', '.', ')']).then_some(digits + 1)?
    } else if line.starts_with(['-', '*', '•']) {
        line.chars().next().map(char::len_utf8)?
    } else {
        return None;
    };
    let rest = &line[marker..];
    let spaces = rest.len() - rest.trim_start().len();
    (spaces > 0 || digits > 0 && !rest.is_empty() && !rest.starts_with(char::is_numeric))
        .then_some(marker + spaces)
        .filter(|&m| m < line.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn paragraphs_are_lines_or_blocks() {
        let lines = "One.\nTwo\nThree\n";
        let got: Vec<_> = paragraphs(lines).into_iter().map(|p| p.range).collect();
        assert_eq!(texts(lines, &got), ["One.", "Two", "Three"]);
        let blocks = "# One\n\nTwo words wrapped\nat a width.\n\n  Three  \n";
        let got: Vec<_> = paragraphs(blocks).into_iter().map(|p| p.range).collect();
        assert_eq!(
            texts(blocks, &got),
            ["# One", "Two words wrapped\nat a width.", "Three"]
        );
        // Lines that end sentences are paragraphs, whatever blank lines stand around them;
        // a title that stops without a full stop, a heading and list items say nothing.
        let lines = "Short Title\nWhat should small clubs do in 2030?\n\nIt is late. Clubs move.\n“I hope to see:\n1/ ports\n2/ data”\nAda Quill is Director of Lab.\n";
        let got: Vec<_> = paragraphs(lines).into_iter().map(|p| p.range).collect();
        assert_eq!(got.len(), 7, "{:?}", texts(lines, &got));
        assert_eq!(texts(lines, &got)[0], "Short Title");
        // A wrap is a line that stops mid-sentence where the next word would not fit.
        assert!(hard_wrapped("aaa bbb ccc\nddd.", &[0..11, 12..16]));
        assert!(!hard_wrapped("aaa bbb\nddd eee fff.", &[0..7, 8..20]));
        assert!(!ends_sentence("the A.I.”") && ends_sentence("done.’”"));
    }

    #[test]
    fn sentences_keep_initials_acronyms_and_closing_marks() {
        let t = "Jose W. Fernandez said it. The A.I. & Tech Initiative ‘talking shops.’ The end [...] goes on? Yes! 2/ fine";
        let got = sentences(t, 0..t.len());
        assert_eq!(
            texts(t, &got),
            [
                "Jose W. Fernandez said it.",
                "The A.I. & Tech Initiative ‘talking shops.’",
                "The end [...] goes on?",
                "Yes!",
                "2/ fine"
            ]
        );
    }

    #[test]
    fn quotations_balance_or_name_the_mark() {
        let t = "“One\n“two”\nsaid “three” and \"four\"\n";
        let paras = paragraphs(t);
        let q = quotations(t, &paras).unwrap();
        assert_eq!(q.len(), 3);
        assert_eq!(
            q[0].reopened.len(),
            1,
            "a paragraph may open the quotation again"
        );
        assert_eq!(&t[q[2].inside()], "four");
        let bad = "Title\n\n“never closed\n\nByline is CEO of X.\n";
        let e = quotations(bad, &paragraphs(bad)).unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e}");
        let straight = "T\n\nAda (Lab): \"We need maps.\n\nBob (Two): \"Ports.\" Ok.\n";
        let e = quotations(straight, &paragraphs(straight)).unwrap_err();
        assert_eq!((e.line, e.column), (3, 12), "{e}");
        let stray = "a ” b";
        let e = quotations(stray, &paragraphs(stray)).unwrap_err();
        assert_eq!((e.line, e.column), (1, 3), "{e}");
    }

    #[test]
    fn list_markers() {
        assert_eq!(list_marker("1/ The G7"), Some(3));
        assert_eq!(list_marker("2. The UK"), Some(3));
        assert_eq!(list_marker("- item"), Some(2));
        assert_eq!(list_marker("2024 was"), None);
        assert_eq!(list_marker("-minus"), None);
        assert_eq!(list_marker("1."), None);
    }
}
