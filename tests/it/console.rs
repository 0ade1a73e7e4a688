//! The console front end, line by line from a pipe, as a person would use it.

use std::io::Write;
use std::process::{Command, Stdio};

fn console(args: &[&str], input: &str) -> (String, String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", "")
        .env("MINILATERAL_DATA", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn the_console_answers_lines_and_buttons_by_number() {
    let (out, _, code) = console(
        &["console"],
        "/expert meserol\n1\n/group tanya\n1\n9\nnonsense\nquit\n/about\n",
    );
    assert_eq!(code, Some(0));
    // The card, its group button, and the group card that button opens.
    assert!(
        out.contains("Showing Chris Meserole for “meserol”."),
        "{out}"
    );
    assert!(out.contains("== Chris Meserole, PhD =="), "{out}");
    assert!(out.contains("[1] G7"), "{out}");
    assert!(out.contains("== G7 — Group of Seven =="), "{out}");
    // Other kind, then its button.
    assert!(
        out.contains("Tanya Filer is an expert, not a group."),
        "{out}"
    );
    assert!(out.contains("== Tanya Filer, PhD =="), "{out}");
    assert!(out.contains("There is no button 9"), "{out}");
    // Markdown is read as plain text: no backticks, no underscores of emphasis.
    assert!(out.contains("a command line starts with /"), "{out}");
    // `quit` ends it: /about after it is never answered.
    assert!(!out.contains("About minilateral"), "{out}");
}

#[test]
fn run_without_a_token_explains_and_starts_the_console() {
    let (out, err, code) = console(&[], "/wish 2024\n");
    assert_eq!(code, Some(0));
    assert!(err.contains("DISCORD_TOKEN is not set"), "{err}");
    assert!(out.contains("== Wishes for 2024 =="), "{out}");
}

#[test]
fn help_lists_every_command_of_the_table_with_its_options() {
    let (text, _, code) = console(&["console"], "help\n");
    assert_eq!(code, Some(0));
    assert!(
        text.contains("  /wish year [expert] [private]: What the experts wished"),
        "{text}"
    );
    for spec in minilateral::command::TABLE {
        assert!(text.contains(&format!("  /{} ", spec.name)), "{text}");
    }
}

#[test]
fn the_console_shows_no_markdown_marks() {
    // /about (code), /country (the article's list in italics), misses (italic notes, code).
    let (out, _, code) = console(
        &["console"],
        "/about\n/country india\n/expert nobody at all\n/search zzzz\n/search minilateral\n",
    );
    assert_eq!(code, Some(0));
    for mark in ["`", "**", "_I2U2", "._", "\\"] {
        assert!(!out.contains(mark), "{mark:?} in\n{out}");
    }
    assert!(out.contains("The article: I2U2—comprising India"), "{out}");
    assert!(
        out.contains("and `minilateral check`".replace('`', "").as_str()),
        "{out}"
    );
    // A field name with its own question mark takes no colon.
    assert!(out.contains("\nFound an error?\n"), "{out}");
}
