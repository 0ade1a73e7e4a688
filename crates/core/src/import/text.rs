//! The article as the importer reads it: paragraphs, quotations and sentences, each a byte
//! range of the text, so that whatever becomes a passage is a verbatim span by construction.

use std::ops::Range;

use super::ImportError;

/// A paragraph: a run of lines between blank lines (or, in a text without blank lines, one
/// line), without its surrounding spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Para {
    pub range: Range<usize>,
}

/// The paragraphs of `text`. An article either separates paragraphs with blank lines
/// (Markdown, most plain text) or writes one per line (text copied from a web page, like the
/// bundled article); a text with any blank line is read the first way.
pub(super) fn paragraphs(text: &str) -> Vec<Para> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push(at..at + line.trim_end().len());
        at += line.len();
    }
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let blocks = lines.iter().any(blank) && lines.iter().any(|r| !blank(r));
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

/// Every quotation in double marks (curly “…” or straight "…"), or the first mark that does
/// not balance. Single marks are left alone: ’ is also the apostrophe.
pub(super) fn quotations(text: &str, paras: &[Para]) -> Result<Vec<Quotation>, ImportError> {
    let starts_para = |at: usize| paras.iter().any(|p| p.range.start == at);
    let para_of = |at: usize| paras.iter().position(|p| p.range.contains(&at));
    let mut out = Vec::new();
    // The open quotation: its opening mark, whether straight, and its reopenings.
    let mut open: Option<(Range<usize>, bool, Vec<Range<usize>>)> = None;
    for (i, c) in text.char_indices() {
        let mark = i..i + c.len_utf8();
        match (c, open.take()) {
            ('“', None) => open = Some((mark, false, Vec::new())),
            ('"', None) => open = Some((mark, true, Vec::new())),
            ('“' | '"', Some((first, straight, mut again)))
                if (c == '"') == straight
                    && starts_para(i)
                    && para_of(first.start) < para_of(i) =>
            {
                // A straight mark at a paragraph's start opens; it cannot close what the
                // paragraph before left open.
                again.push(mark);
                open = Some((first, straight, again));
            }
            // A straight mark that reads as an opening one ("word "Quoted), in a later
            // paragraph than the open quotation: that one was never closed.
            ('"', Some((first, true, _)))
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
            ('”', Some((first, false, again))) | ('"', Some((first, true, again))) => {
                out.push(Quotation {
                    open: first,
                    close: mark,
                    reopened: again,
                })
            }
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
        let blocks = "# One\n\nTwo\nstill two\n\n  Three  \n";
        let got: Vec<_> = paragraphs(blocks).into_iter().map(|p| p.range).collect();
        assert_eq!(texts(blocks, &got), ["# One", "Two\nstill two", "Three"]);
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
