//! `minilateral check`: summary and exit 0, or every problem and exit 1.

use crate::{fixture, minilateral, scratch, stderr, stdout};

#[test]
fn check_on_the_bundled_data_prints_the_summary() {
    let out = minilateral(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("experts       5 (4 on the panel)"), "{text}");
    assert!(text.contains("groups        4"), "{text}");
    assert!(text.contains("wish years    2024"), "{text}");
}

#[test]
fn check_names_the_file_and_line_of_a_syntax_error() {
    let path = fixture("broken/syntax-line2.json");
    let out = minilateral(&["check", "--data", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("syntax-line2.json:2:"), "{err}");
}

#[test]
fn check_on_a_folder_names_the_broken_file() {
    let path = fixture("broken");
    let out = minilateral(&["check", "--data", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // A folder with a syntax error reports the JSON problem of that file.
    assert!(err.contains("syntax-line2.json:2:"), "{err}");
}

#[test]
fn check_accepts_a_folder_and_an_env_path() {
    let path = fixture("split");
    let out = minilateral(&["check", "--data", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("(2 files, 0 source texts)"));
}

#[test]
fn a_missing_path_is_a_data_error() {
    let out = minilateral(&["check", "--data", "/nonexistent/minilateral.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/minilateral.json"));
}

#[test]
fn a_wrong_command_line_exits_2() {
    let out = minilateral(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_refuses_a_changed_word_and_names_the_passage() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("minilateral-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = std::fs::read_to_string(root.join("data/minilateral.json")).unwrap();
    // One word of one quote: Pantuliano's "black box" becomes a "grey box".
    let changed = json.replacen("treat it as a black box.", "treat it as a grey box.", 1);
    assert_ne!(changed, json);
    std::fs::write(dir.join("minilateral.json"), changed).unwrap();
    std::fs::copy(root.join("data/itc-2024.txt"), dir.join("itc-2024.txt")).unwrap();

    let out = minilateral(&["check", "--data", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("1 problem"), "{err}");
    assert!(
        err.contains("passage \"pantuliano-understand-technology\" (said by sara-pantuliano)"),
        "{err}"
    );
    assert!(err.contains("“grey” where the source has “black”"), "{err}");
    assert!(
        err.contains("nearest in the source: “It’s critical"),
        "{err}"
    );

    // The unchanged copy passes, and says that every passage was found.
    std::fs::write(dir.join("minilateral.json"), json).unwrap();
    let out = minilateral(&["check", "--data", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("(1 file, 1 source text): ok"));
    assert!(stdout(&out).contains("passages      35 (all verbatim in their source)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_source_text_is_named_with_its_reason() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("minilateral-notext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // No text beside the data, and one more problem: both are reported at once.
    let json = std::fs::read_to_string(root.join("data/minilateral.json")).unwrap();
    let broken = json.replacen("\"name\": \"Tanya Filer\"", "\"name\": \"\"", 1);
    assert_ne!(broken, json);
    std::fs::write(dir.join("minilateral.json"), broken).unwrap();
    let out = minilateral(&["check", "--data", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("2 problems"), "{err}");
    assert!(
        err.contains("source \"itc-2024\": names `text_file` \"itc-2024.txt\", but "),
        "{err}"
    );
    assert!(err.contains("could not be read: No such file"), "{err}");
    assert!(
        err.contains("expert \"tanya-filer\": field `name` is empty"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `check --data PATH`, failing the test instead of hanging if it does not finish.
fn check_within_seconds(path: &std::path::Path) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .args(["check", "--data", path.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("check --data {} did not finish", path.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn data_paths_that_are_not_files_are_refused_without_hanging() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Alone, and in a folder: a FIFO would block a reader forever.
    for path in [fifo.clone(), dir.clone()] {
        let (code, err) = check_within_seconds(&path);
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains("pipe.json is a FIFO (named pipe), not a file"),
            "{err}"
        );
    }
    // A folder named like a data file, and a link to nothing, are named, not skipped.
    let dir = scratch("odd-entries");
    std::fs::write(dir.join("a.json"), r#"{"sources": []}"#).unwrap();
    std::fs::create_dir(dir.join("b.json")).unwrap();
    let (code, err) = check_within_seconds(&dir);
    assert_eq!(code, Some(1));
    assert!(err.contains("b.json is a folder, not a file"), "{err}");
    std::fs::remove_dir(dir.join("b.json")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.json"), dir.join("c.json")).unwrap();
    let (code, err) = check_within_seconds(&dir);
    assert_eq!(code, Some(1));
    assert!(err.contains("c.json: No such file"), "{err}");
    // A device never ends.
    let (code, err) = check_within_seconds(std::path::Path::new("/dev/zero"));
    assert_eq!(code, Some(1));
    assert!(err.contains("/dev/zero is a device, not a file"), "{err}");
}

#[test]
fn a_bom_is_skipped_and_a_file_that_is_not_an_object_is_named() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = scratch("bom");
    let json = std::fs::read_to_string(root.join("data/minilateral.json")).unwrap();
    std::fs::write(dir.join("minilateral.json"), format!("\u{feff}{json}")).unwrap();
    std::fs::copy(root.join("data/itc-2024.txt"), dir.join("itc-2024.txt")).unwrap();
    let (code, err) = check_within_seconds(&dir);
    assert_eq!(code, Some(0), "{err}");

    // A top-level array is not a dataset (serde would read it as the lists by position).
    std::fs::write(dir.join("more.json"), "\n  [[], [], [], [], [], []]").unwrap();
    let (code, err) = check_within_seconds(&dir);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("more.json:2:3: a dataset file holds one JSON object"),
        "{err}"
    );

    // An empty object is named by its file when the dataset has no source.
    let dir = scratch("empty-object");
    std::fs::write(dir.join("only.json"), "{}").unwrap();
    let (code, err) = check_within_seconds(&dir);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("only.json: the dataset has no sources"),
        "{err}"
    );
}

/// One exit table for every command: 0 success (an honest "no match" too), 1 a data or input
/// problem (named on stderr), 2 the command line wrong.
#[test]
fn every_command_follows_the_exit_table() {
    let missing = "/nonexistent/minilateral-input.txt";
    let long_ask = format!("/ask {}", "why ".repeat(130));
    let answer = "Answer from the article";
    let table: &[(&[&str], i32, &str)] = &[
        (&["match", "expert", "nobody at all"], 0, ""),
        (&["ask", "/expert nobody at all"], 0, ""),
        (&["mentions", "nothing here"], 0, ""),
        (&["complete", "/expert zzzz"], 0, ""),
        (&["match", "group", "--batch", missing], 1, missing),
        (&["import", missing], 1, missing),
        (&["--data", missing, "export"], 1, missing),
        (&["--data", missing, "ask", "/about"], 1, missing),
        (&["register"], 1, "DISCORD_TOKEN"),
        (&["serve"], 1, "DISCORD_PUBLIC_KEY"),
        (
            &["import", "data/itc-2024.txt", "--year", "1800"],
            2,
            "--year 1800",
        ),
        (&["ask", "expert sara"], 2, ""),
        (&["complete", "/about"], 2, "no option to complete"),
        (&["match", "person", "x"], 2, "invalid value"),
        (&["register", "--guild", "0"], 2, "invalid value '0'"),
        (&["ask"], 2, "required"),
        // /ask: a question over 500 characters is a wrong line; the message commands by name.
        (&["ask", &long_ask], 2, "takes at most 500 characters"),
        (
            &["ask", "--message", "hi", "--command", "Answer"],
            2,
            "the message commands are \"Find experts and groups\" and \"Answer from the article\"",
        ),
        (&["ask", "--command", answer], 2, "--message"),
        (
            &["ask", "--command", answer, "/ask hi"],
            2,
            "--command <NAME>\x27 cannot be used with \x27[LINE]\x27",
        ),
        (&["frobnicate"], 2, ""),
    ];
    for (args, code, said) in table {
        let out = minilateral(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {err}");
        assert!(err.contains(said), "{args:?} should say {said:?}: {err}");
    }
}

/// A Discord id of 0 in the configuration is refused as configuration (exit 1), never handed on
/// to serenity, whose id types panic on it; `serve` refuses it too rather than dropping the
/// Discord settings without a word (it would then serve and never register again).
#[test]
fn a_zero_discord_id_is_a_configuration_error() {
    for (command, name) in [
        ("register", "DISCORD_GUILD_ID"),
        ("register", "DISCORD_APPLICATION_ID"),
        ("serve", "DISCORD_GUILD_ID"),
    ] {
        let args: &[&str] = match command {
            "serve" => &["serve", "--listen", "127.0.0.1:0"],
            _ => &[command],
        };
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_minilateral"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("DISCORD_PUBLIC_KEY", crate::endpoint_e2e::public_key_hex())
            .env("DISCORD_TOKEN", "not-a-token.x.y")
            .env("DISCORD_GUILD_ID", "")
            .env("DISCORD_APPLICATION_ID", "")
            .env("MINILATERAL_DATA", "")
            .env("DISCORD_API_BASE", "http://127.0.0.1:9")
            .env(name, "0")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A `serve` that ignored the setting would serve on: give it ten seconds, then fail.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(10) {
                child.kill().unwrap();
                panic!("{command} with {name}=0 is still running: the setting was ignored");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{command} {name}: {err}");
        assert!(
            err.contains(&format!(
                "{name} must be a Discord id (a number above 0), not `0`"
            )),
            "{err}"
        );
        assert!(!err.contains("not-a-token"), "{err}");
    }
}
