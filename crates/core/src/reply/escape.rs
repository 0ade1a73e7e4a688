//! A text made safe to show in a reply: Markdown and mentions escaped, as much as who wrote
//! it calls for (anyone's typing, or the dataset's curated text).

// `reply`'s lints hold here too: missing docs and panics are errors (tests aside).

/// A person's text made safe to show: cleaned and cut by the one rule (`echo::clean`), with
/// Discord markdown and mentions escaped (`@everyone` and `<@id>` show as text, never ping).
pub fn echo(text: &str) -> String {
    escape(&crate::echo::clean(text), Writer::Anyone)
}

/// Dataset text for a card: markdown characters escaped so that a curator's `*` or `_`
/// shows as written, and mentions broken.
pub fn escape_data(text: &str) -> String {
    escape(text, Writer::Curator)
}

/// Who wrote a text `escape` makes safe, which says how much Markdown it may keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writer {
    /// Anyone (a query echoed back): links (`[…](…)`), headings (`#`) and quotes (`>`) are
    /// escaped too, so that nothing typed is read as Markdown.
    Anyone,
    /// The dataset's curators: square brackets, `#` and `>` stay as written ("[...]" where an
    /// article leaves words out); emphasis, code, spoilers and mentions are escaped all the
    /// same.
    Curator,
}

fn escape(text: &str, writer: Writer) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '[' | ']' | '<' | '>' | '#' if writer == Writer::Anyone => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\<"),
            // A zero-width space after @ keeps "@everyone" and "@here" from being mentions.
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_escapes_and_caps() {
        assert_eq!(
            echo("**bold** @everyone <@123>"),
            "\\*\\*bold\\*\\* @\u{200B}everyone \\<@\u{200B}123\\>"
        );
        assert!(echo(&"x ".repeat(500)).chars().count() <= crate::echo::ECHO_CHARS + 2);
        assert_eq!(echo("a\nb"), "a b");
        // Direction overrides and zero-width characters are dropped, not echoed.
        assert_eq!(
            echo("g7\u{202E}kcatta\u{202C} \u{200B}x\u{2066}y"),
            "g7kcatta xy"
        );
    }

    #[test]
    fn a_curators_brackets_stay_and_anyones_are_escaped() {
        let text = "[...] #1 <@1> *x*";
        assert_eq!(
            escape_data(text),
            "[...] #1 \\<@\u{200B}1> \\*x\\*",
            "the dataset's text"
        );
        assert_eq!(
            echo(text),
            "\\[...\\] \\#1 \\<@\u{200B}1\\> \\*x\\*",
            "a person's text"
        );
    }
}
