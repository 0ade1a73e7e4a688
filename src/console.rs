//! The local console: slash-command lines in, replies as readable text out, buttons as
//! numbered choices. Needs no token and no network.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use crate::answer;
use crate::command::{self, Asked};
use crate::knowledge::Knowledge;
use crate::reply::{Button, Fitted, plural};

/// One step of the console: a line typed, and what the console does with it.
pub struct Session<'k> {
    knowledge: &'k Knowledge,
    /// The buttons of the last reply, chosen by number.
    buttons: Vec<Button>,
    /// The pictures written so far, removed with the session.
    pictures: Pictures,
}

/// What the console should do after a line.
pub enum Step {
    Print(String),
    Quit,
}

const EXAMPLES: &str = "Type a slash command as in Discord, for example:
  /expert sara          /group three seas       /wish 2024
  /wish year:2024 expert:filer                  /search text:secretariat
  /country india        /overlap g7 i2u2        /about";

/// The examples, then every command of the table with its options.
fn help() -> String {
    let commands: Vec<String> = command::TABLE
        .iter()
        .map(|c| {
            let options: Vec<String> = c
                .options
                .iter()
                .map(|o| match o.required {
                    true => o.name().to_string(),
                    false => format!("[{}]", o.name()),
                })
                .collect();
            format!("  /{} {}: {}", c.name, options.join(" "), c.description)
        })
        .collect();
    format!(
        "{EXAMPLES}\nCommands:\n{}\nOptions by name (name:value) or in order; private:true for a private answer.\nA number picks a button of the last answer. `help` shows this, `quit` leaves.",
        commands.join("\n")
    )
}

impl<'k> Session<'k> {
    pub fn new(knowledge: &'k Knowledge) -> Session<'k> {
        Session {
            knowledge,
            buttons: Vec::new(),
            pictures: Pictures::default(),
        }
    }

    pub fn step(&mut self, line: &str) -> Step {
        let line = line.trim();
        match line {
            "" => return Step::Print(String::new()),
            "quit" | "exit" | "/quit" | "/exit" => return Step::Quit,
            "help" | "/help" | "?" => return Step::Print(help()),
            _ => {}
        }
        if let Ok(n) = line.parse::<usize>() {
            let Some(b) = n.checked_sub(1).and_then(|i| self.buttons.get(i)) else {
                let count = self.buttons.len();
                return Step::Print(format!(
                    "There is no button {n}; the last answer has {count} {}.",
                    plural(count, "button", "buttons")
                ));
            };
            // A button holds its request: nothing to read back.
            let reply = answer::answer(self.knowledge, b.asked());
            return Step::Print(self.show(reply));
        }
        let reply = match ask(line) {
            Ok(asked) => answer::answer(self.knowledge, &asked),
            Err(e) => answer::request_error(&e),
        };
        Step::Print(self.show(reply))
    }

    fn show(&mut self, reply: Fitted) -> String {
        self.buttons = reply.buttons.clone();
        let mut text = render(&reply);
        // A terminal shows no pictures: they are written where an image viewer finds them.
        let files = crate::picture::attachments(&reply);
        if !files.is_empty() {
            text.push('\n');
            text.push_str(&self.pictures.write(&files));
        }
        text
    }
}

/// The console's pictures: a folder of this session, made at its first picture, fresh and
/// private in the system's temporary folder (so that two consoles never share one, and no other
/// user's file or link is written through), numbered within it (`overlap.png`,
/// `overlap-2.png` …). When the session ends, the files it wrote there are removed, then the
/// folder if nothing else is left in it.
#[derive(Default)]
struct Pictures {
    dir: Option<PathBuf>,
    written: Vec<PathBuf>,
}

impl Pictures {
    /// Writes `files`, and says where, or why not.
    fn write(&mut self, files: &[crate::picture::Attachment]) -> String {
        let first = self.dir.is_none();
        let dir = match &self.dir {
            Some(dir) => dir.clone(),
            None => match tempfile::Builder::new().prefix("minilateral-").tempdir() {
                // Removed by `Drop` below, file by file, not by `TempDir`, which would remove
                // whatever else is there.
                Ok(made) => self.dir.insert(made.keep()).clone(),
                Err(e) => {
                    return format!(
                        "The picture could not be written: no folder for it in {}: {e}",
                        std::env::temp_dir().display()
                    );
                }
            },
        };
        match crate::picture::write_numbered(&dir, files) {
            Ok(paths) => {
                let mut said: Vec<String> = paths
                    .iter()
                    .map(|p| format!("Picture written to {}", p.display()))
                    .collect();
                if first {
                    said.push(REMOVED_ON_EXIT.to_string());
                }
                self.written.extend(paths);
                said.join("\n")
            }
            Err(e) => format!("The picture could not be written to {}: {e}", dir.display()),
        }
    }
}

/// Said with the first picture of a session.
const REMOVED_ON_EXIT: &str =
    "(The console removes its pictures when it exits: copy one elsewhere to keep it.)";

impl Drop for Pictures {
    fn drop(&mut self) {
        let Some(dir) = &self.dir else {
            return;
        };
        for path in &self.written {
            let _ = std::fs::remove_file(path);
        }
        if std::fs::remove_dir(dir).is_err() && dir.exists() {
            eprintln!(
                "minilateral: {} kept: it holds files the console did not write",
                dir.display()
            );
        }
    }
}

/// A line as a request.
pub fn ask(line: &str) -> Result<Asked, command::RequestError> {
    let parsed = command::parse_line(line)?;
    command::request(parsed.command, &parsed.options)
}

/// Runs the console on standard input: with line editing and history on a terminal, line by
/// line from a pipe.
pub fn run(knowledge: &Knowledge) -> std::io::Result<()> {
    let mut session = Session::new(knowledge);
    if std::io::stdin().is_terminal() {
        println!("minilateral console. {}\n", help());
        let mut editor = rustyline::DefaultEditor::new().map_err(std::io::Error::other)?;
        loop {
            match editor.readline("minilateral> ") {
                Ok(line) => {
                    let _ = editor.add_history_entry(line.as_str());
                    match session.step(&line) {
                        Step::Print(text) => println!("{text}"),
                        Step::Quit => break,
                    }
                }
                Err(rustyline::error::ReadlineError::Interrupted)
                | Err(rustyline::error::ReadlineError::Eof) => break,
                Err(e) => return Err(std::io::Error::other(e)),
            }
        }
        return Ok(());
    }
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        match session.step(&line) {
            Step::Print(text) if text.is_empty() => {}
            Step::Print(text) => {
                let mut out = stdout.lock();
                if writeln!(out, "{text}").is_err() {
                    break;
                }
            }
            Step::Quit => break,
        }
    }
    Ok(())
}

/// What the line of a reply's picture says besides what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureLine<'a> {
    /// Nothing more: the picture is written, and a line after says where.
    Written,
    /// That it is not written, and `how` to write it.
    NotWritten { how: &'a str },
}

/// A reply as terminal text: markdown marks removed, quotes indented, buttons numbered; its
/// picture described on a line of its own, as the console writes it (`PictureLine::Written`).
pub fn render(reply: &Fitted) -> String {
    render_with(reply, PictureLine::Written)
}

/// A reply as terminal text (`render`), its picture's line as `line` says.
pub fn render_with(reply: &Fitted, picture_line: PictureLine) -> String {
    let mut out = Vec::new();
    if reply.visibility.is_private() {
        out.push("(only you can see this)".to_string());
    }
    if let Some(content) = &reply.content {
        out.push(plain(content));
    }
    for card in &reply.cards {
        out.push(String::new());
        out.push(format!("== {} ==", plain(&card.title)));
        if let Some(url) = &card.url {
            out.push(format!("<{url}>"));
        }
        if !card.description.is_empty() {
            out.push(plain(&card.description));
        }
        for f in &card.fields {
            out.push(String::new());
            // A name that ends in its own punctuation ("Found an error?") takes no colon.
            let name = plain(&f.name);
            let colon = if name.ends_with(['?', '!', ':', '.']) {
                ""
            } else {
                ":"
            };
            out.push(format!("{name}{colon}"));
            for line in plain(&f.value).lines() {
                out.push(format!("  {line}"));
            }
        }
        if let Some(footer) = &card.footer {
            out.push(String::new());
            out.push(format!("-- {}", plain(footer)));
        }
    }
    if let Some(picture) = &reply.picture {
        out.push(String::new());
        out.push(match picture_line {
            PictureLine::Written => format!("[picture {}: {}]", picture.file, picture.alt),
            PictureLine::NotWritten { how } => format!(
                "[picture {}: {} (not written: {how})]",
                picture.file, picture.alt
            ),
        });
    }
    if !reply.buttons.is_empty() {
        out.push(String::new());
        let labels: Vec<String> = reply
            .buttons
            .iter()
            .enumerate()
            .map(|(i, b)| format!("[{}] {}", i + 1, plain(&b.label)))
            .collect();
        out.push(labels.join("  "));
    }
    out.join("\n")
}

/// Discord markdown to plain text, the one way the console reads it: emphasis (`*…*`, `_…_`),
/// bold (`**…**`), underline (`__…__`) and code (backticks) marks dropped where they pair up as
/// Discord would read them (a lone `*` stays), escapes undone, zero-width spaces removed,
/// block quotes indented with a bar.
pub fn plain(text: &str) -> String {
    text.lines()
        .map(|line| {
            let out = plain_line(line);
            match out.strip_prefix("> ") {
                Some(quote) => format!("  | {quote}"),
                None => out,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A piece of a line of markdown.
enum Piece {
    Text(String),
    /// A run of `*` or `_` (one or two), which may open or close emphasis.
    Mark {
        mark: &'static str,
        opens: bool,
        closes: bool,
        paired: bool,
    },
}

/// One line: marks paired as Discord pairs them (an opening mark is followed by a letter, not
/// a space; a closing one follows a letter; `_` only at a word's edge), the paired ones dropped.
fn plain_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let mut in_code = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '`' => in_code = !in_code,
            '\\' if !in_code => {
                i += 1;
                text.extend(chars.get(i));
            }
            '\u{200B}' => {}
            '*' | '_' if !in_code => {
                let double = chars.get(i + 1) == Some(&c);
                let width = if double { 2 } else { 1 };
                let before = i.checked_sub(1).and_then(|b| chars.get(b)).copied();
                let after = chars.get(i + width).copied();
                let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
                let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let (mut opens, mut closes) = (!space(after), !space(before));
                if c == '_' {
                    opens &= !word(before);
                    closes &= !word(after);
                }
                pieces.push(Piece::Text(std::mem::take(&mut text)));
                pieces.push(Piece::Mark {
                    mark: match (c, double) {
                        ('*', true) => "**",
                        ('*', false) => "*",
                        (_, true) => "__",
                        (_, false) => "_",
                    },
                    opens,
                    closes,
                    paired: false,
                });
                i += width;
                continue;
            }
            _ => text.push(c),
        }
        i += 1;
    }
    pieces.push(Piece::Text(text));
    // Pair each closing mark with the nearest open one of its kind ("***both***" pairs its
    // "*" and its "**" each with its own).
    let mut open: Vec<usize> = Vec::new();
    for n in 0..pieces.len() {
        let Piece::Mark {
            mark,
            opens,
            closes,
            ..
        } = pieces[n]
        else {
            continue;
        };
        let partner = open
            .iter()
            .rposition(|&o| matches!(pieces[o], Piece::Mark { mark: m, .. } if m == mark));
        match partner {
            Some(at) if closes => {
                let o = open.remove(at);
                for p in [o, n] {
                    if let Piece::Mark { paired, .. } = &mut pieces[p] {
                        *paired = true;
                    }
                }
            }
            _ if opens => open.push(n),
            _ => {}
        }
    }
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t,
            Piece::Mark { paired: true, .. } => String::new(),
            Piece::Mark { mark, .. } => mark.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_of_the_help_is_a_line_the_console_reads() {
        let examples: Vec<&str> = EXAMPLES
            .lines()
            .skip(1)
            .flat_map(|l| l.split("  "))
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        assert!(examples.len() >= 6, "{examples:?}");
        for e in examples {
            assert!(ask(e).is_ok(), "the help's example `{e}` does not read");
        }
    }

    #[test]
    fn markdown_is_read_as_plain_text() {
        let check = |markdown: &str, text: &str| assert_eq!(plain(markdown), text, "{markdown}");
        check(
            "**Chris Meserole**, wish for 2024",
            "Chris Meserole, wish for 2024",
        );
        check("_In 2024 I hope to see:_", "In 2024 I hope to see:");
        check(
            "The article: _I2U2—comprising the US…_ and *more*",
            "The article: I2U2—comprising the US… and more",
        );
        check(
            "`minilateral check` proves it",
            "minilateral check proves it",
        );
        check("__under__ and ***both***", "under and both");
        // Escaped marks are the characters themselves; a lone star or a snake_case word is text.
        check("a \\*star\\* and \\_under\\_", "a *star* and _under_");
        check(
            "G7 (marked * in the picture)",
            "G7 (marked * in the picture)",
        );
        check("snake_case_name and 2 * 3", "snake_case_name and 2 * 3");
        check("`a_b*c` code is literal", "a_b*c code is literal");
        check("@\u{200B}everyone", "@everyone");
        check(
            "> **UN** begin\n_…and 5 more._",
            "  | UN begin\n…and 5 more.",
        );
    }
}
