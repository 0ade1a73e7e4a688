//! `minilateral check`: summary and exit 0, or every problem and exit 1.

use crate::{fixture, minilateral, stderr, stdout};

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
