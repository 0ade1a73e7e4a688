//! The binary's `--help`: every subcommand, argument and option described, walked through
//! clap's command tree and checked in the real binary's output.

use clap::CommandFactory;

use crate::{minilateral, stderr, stdout};

/// The description written beside (or under) the entry of the help text that starts with
/// `entry` ("<LINE>", "--json"), or why none is found.
fn described(help: &str, entry: &str) -> Result<String, String> {
    let lines: Vec<&str> = help.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            let l = l.trim_start();
            // "-h, --help", "--out <DIR>", "<LINE>": the entry's own spelling, then a space or
            // the line's end.
            let l = l.split_once(", ").map_or(l, |(short, long)| {
                if short.starts_with('-') && !short.contains(' ') {
                    long
                } else {
                    l
                }
            });
            l.strip_prefix(entry)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .ok_or_else(|| format!("no entry {entry}"))?;
    let indent = |l: &str| l.len() - l.trim_start().len();
    // Beside: after the entry and its value name, two spaces or more.
    let beside = lines[at]
        .trim_start()
        .split_once("  ")
        .map(|(_, d)| d.trim())
        .unwrap_or_default();
    if !beside.is_empty() {
        return Ok(beside.to_string());
    }
    // Under (clap's long help): the lines indented deeper than the entry.
    let under: Vec<&str> = lines[at + 1..]
        .iter()
        .take_while(|l| !l.trim().is_empty() && indent(l) > indent(lines[at]))
        .map(|l| l.trim())
        .collect();
    match under.is_empty() {
        true => Err(format!("{entry} has no description")),
        false => Ok(under.join(" ")),
    }
}

/// How the help text writes an argument: "--out" for an option, "<LINE>" for a positional
/// ("[LINE]" when it may be left out).
fn entry(arg: &clap::Arg) -> String {
    let Some(long) = arg.get_long() else {
        let name = arg
            .get_value_names()
            .and_then(|n| n.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), |n| n.to_string());
        return match arg.is_required_set() {
            true => format!("<{name}>"),
            false => format!("[{name}]"),
        };
    };
    format!("--{long}")
}

#[test]
fn every_subcommand_and_argument_is_described_in_help() {
    let mut cli = minilateral::cli::Args::command();
    cli.build();
    let mut problems = Vec::new();
    let mut walked = 0;
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = sub.get_name();
        if sub
            .get_about()
            .is_none_or(|a| a.to_string().trim().is_empty())
        {
            problems.push(format!("{name}: no about"));
        }
        // The real binary's text, as a user reads it.
        let out = minilateral(&[name, "--help"]);
        assert!(out.status.success(), "{name} --help: {}", stderr(&out));
        let help = stdout(&out);
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            walked += 1;
            let in_tree = arg.get_help().or(arg.get_long_help());
            if in_tree.is_none_or(|h| h.to_string().trim().is_empty()) {
                problems.push(format!("{name} {}: no description in the tree", entry(arg)));
            }
            if let Err(e) = described(&help, &entry(arg)) {
                problems.push(format!("{name} --help: {e}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // 11 subcommands, each with --data and --help, and their 17 own arguments.
    assert!(walked >= 39, "{walked} arguments walked");
}

#[test]
fn the_top_help_describes_each_subcommand_and_the_global_data() {
    let out = minilateral(&["--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    let cli = minilateral::cli::Args::command();
    for sub in cli.get_subcommands() {
        let said = described(&help, sub.get_name()).unwrap_or_else(|e| panic!("{e}\n{help}"));
        assert!(!said.is_empty(), "{}", sub.get_name());
    }
    assert!(described(&help, "--data").is_ok(), "{help}");
}

#[test]
fn the_help_reader_reads_what_it_must() {
    let help = "Options:\n      --json        Print the body\n  -h, --help        Print help\n      --out <DIR>\n          Write the pictures\n          into DIR\n\n      --bare <X>\n";
    assert_eq!(described(help, "--json").unwrap(), "Print the body");
    assert_eq!(described(help, "--help").unwrap(), "Print help");
    assert_eq!(
        described(help, "--out").unwrap(),
        "Write the pictures into DIR"
    );
    assert!(described(help, "--bare").is_err());
    assert!(described(help, "--js").is_err());
}
