//! The console front end, line by line from a pipe, as a person would use it.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn console(args: &[&str], input: &str) -> (String, String, Option<i32>) {
    console_in(args, input, &std::env::temp_dir())
}

/// The binary fed `input` on stdin, with `tmp` as its temporary folder (TMPDIR).
fn console_in(args: &[&str], input: &str, tmp: &Path) -> (String, String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", "")
        .env("MINILATERAL_DATA", "")
        .env("TMPDIR", tmp)
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
fn the_console_answers_ask_and_its_buttons() {
    let (out, _, code) = console(
        &["console"],
        "/ask what does Meserole hope for the G7?\n1\n",
    );
    assert_eq!(code, Some(0));
    assert!(
        out.contains("== Ask: “what does Meserole hope for the G7?” =="),
        "{out}"
    );
    // The reading line, plain, then the best passage first.
    let mut lines = out
        .lines()
        .skip_while(|l| *l != "Read as: G7, Chris Meserole · wishes")
        .skip(1)
        .filter(|l| !l.trim().is_empty());
    assert_eq!(
        lines.next(),
        Some("Chris Meserole, wish for 2024 · about G7"),
        "{out}"
    );
    assert_eq!(lines.next(), Some("In 2024 I hope to see:"), "{out}");
    assert!(
        lines
            .next()
            .is_some_and(|l| l.contains("The G7 code of conduct finalising")),
        "{out}"
    );
    // Its first button opens the card of what it named first.
    assert!(out.contains("[1] G7"), "{out}");
    assert!(out.contains("== G7 — Group of Seven =="), "{out}");
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

/// The paths of "Picture written to PATH" lines.
fn pictures_written(out: &str) -> Vec<PathBuf> {
    out.lines()
        .filter_map(|l| l.strip_prefix("Picture written to "))
        .map(PathBuf::from)
        .collect()
}

#[test]
fn the_console_numbers_its_pictures_and_removes_its_folder_on_exit() {
    let tmp = console_folder("pictures");
    // Ended by `quit`, by `exit`, and by the end of its input (Ctrl-D on a terminal).
    for end in ["quit\n", "exit\n", ""] {
        let (out, err, code) = console_in(
            &["console"],
            &format!("/overlap\n/about\n/overlap g7 i2u2\n{end}"),
            &tmp,
        );
        assert_eq!(code, Some(0), "{err}");
        let written = pictures_written(&out);
        assert_eq!(written.len(), 2, "{out}");
        let folder = written[0].parent().unwrap();
        assert!(folder.starts_with(&tmp), "{}", folder.display());
        assert_eq!(written[0].file_name().unwrap(), "overlap.png");
        assert_eq!(written[1], folder.join("overlap-2.png"));
        // Said once, with the first picture.
        assert_eq!(
            out.matches("The console removes its pictures when it exits")
                .count(),
            1,
            "{out}"
        );
        assert!(
            !folder.exists(),
            "{} left behind ({end:?})",
            folder.display()
        );
        assert!(err.is_empty(), "{err}");
    }
    // Nothing else left in the temporary folder, and a session without pictures makes none.
    let (_, _, code) = console_in(&["console"], "/about\n", &tmp);
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0);
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn two_consoles_never_share_a_folder_and_a_strangers_file_is_kept() {
    let tmp = console_folder("shared");
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_minilateral"))
            .arg("console")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DISCORD_TOKEN", "")
            .env("MINILATERAL_DATA", "")
            .env("TMPDIR", &tmp)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Asks for a picture and waits for where it went: both consoles are then running at once.
    let picture =
        |child: &mut std::process::Child| -> (BufReader<std::process::ChildStdout>, PathBuf) {
            writeln!(child.stdin.as_mut().unwrap(), "/overlap").unwrap();
            let mut lines = BufReader::new(child.stdout.take().unwrap());
            let mut line = String::new();
            loop {
                line.clear();
                assert_ne!(lines.read_line(&mut line).unwrap(), 0, "no picture written");
                if let Some(path) = line.trim_end().strip_prefix("Picture written to ") {
                    return (lines, PathBuf::from(path));
                }
            }
        };
    let (mut first, mut second) = (start(), start());
    let (_out1, one) = picture(&mut first);
    let (_out2, two) = picture(&mut second);
    assert_ne!(one.parent(), two.parent());
    assert_eq!(
        one.file_name(),
        two.file_name(),
        "each numbers its own pictures"
    );
    // A file the first console did not write stays, and so does its folder.
    let stranger = one.parent().unwrap().join("mine.txt");
    std::fs::write(&stranger, "kept").unwrap();
    for child in [&mut first, &mut second] {
        drop(child.stdin.take());
    }
    let first = first.wait_with_output().unwrap();
    let second = second.wait_with_output().unwrap();
    assert!(first.status.success() && second.status.success());
    assert!(!one.exists() && !two.exists());
    assert!(!two.parent().unwrap().exists());
    assert_eq!(std::fs::read_to_string(&stranger).unwrap(), "kept");
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(
        err.contains(&format!(
            "{} kept: it holds files the console did not write",
            one.parent().unwrap().display()
        )),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

/// A fresh, empty folder of this test, to serve as the console's temporary folder.
fn console_folder(name: &str) -> PathBuf {
    crate::scratch(&format!("console-{name}"))
}
