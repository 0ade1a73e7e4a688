//! The local console: slash-command lines in, replies as readable text out, buttons as
//! numbered choices. Needs no token and no network.

use std::io::{BufRead, IsTerminal, Write};

use crate::answer;
use crate::command::{self, Asked};
use crate::knowledge::Knowledge;
use crate::reply::{Button, Reply};

/// One step of the console: a line typed, and what the console does with it.
pub struct Session<'k> {
    knowledge: &'k Knowledge,
    /// The buttons of the last reply, chosen by number.
    buttons: Vec<Button>,
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
                return Step::Print(format!(
                    "There is no button {n}; the last answer has {}.",
                    self.buttons.len()
                ));
            };
            let asked = command::parse_button_id(&b.id).expect("our own buttons parse");
            return Step::Print(self.show(answer::answer(self.knowledge, &asked)));
        }
        let reply = match ask(line) {
            Ok(asked) => answer::answer(self.knowledge, &asked),
            Err(e) => answer::request_error(&e),
        };
        Step::Print(self.show(reply))
    }

    fn show(&mut self, reply: Reply) -> String {
        self.buttons = reply.buttons.clone();
        let mut text = render(&reply);
        // A terminal shows no pictures: they are written where an image viewer finds them.
        let files = crate::picture::attachments(&reply);
        if !files.is_empty() {
            text.push('\n');
            text.push_str(&written(&pictures_dir(), &files));
        }
        text
    }
}

/// Where the console writes pictures: a folder of this process in the system's temporary
/// folder (its own, so that no other user's file or link is written through).
fn pictures_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("minilateral-{}", std::process::id()))
}

/// Writes `files` into `dir` and says where, or why not.
pub fn written(dir: &std::path::Path, files: &[crate::picture::Attachment]) -> String {
    match crate::picture::write_all(dir, files) {
        Ok(paths) => paths
            .iter()
            .map(|p| format!("Picture written to {}", p.display()))
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => format!("The picture could not be written to {}: {e}", dir.display()),
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

/// A reply as terminal text: markdown marks removed, quotes indented, buttons numbered.
pub fn render(reply: &Reply) -> String {
    let mut out = Vec::new();
    if reply.private {
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
            out.push(format!("{}:", plain(&f.name)));
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
        out.push(format!("[picture {}: {}]", picture.file, picture.alt));
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

/// Discord markdown to plain text: bold marks dropped, escapes undone, italic lines unwrapped,
/// zero-width spaces removed.
fn plain(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace("**", "");
            let line = match line.strip_prefix('_').and_then(|l| l.strip_suffix('_')) {
                Some(inner) => inner.to_string(),
                None => line,
            };
            let mut out = String::with_capacity(line.len());
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    '\u{200B}' => {}
                    _ => out.push(c),
                }
            }
            match out.strip_prefix("> ") {
                Some(quote) => format!("  | {quote}"),
                None => out,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
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
}
