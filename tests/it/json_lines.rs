//! Every command that prints JSON, on a pipe: one value a line, each line read back whole
//! (pretty-printing on a terminal is `cli::json_text`'s unit test).

use crate::{minilateral, stderr, stdout};

/// Runs the binary (stdout is a pipe here) and reads each line of its stdout as JSON.
fn values(args: &[&str]) -> Vec<serde_json::Value> {
    let out = minilateral(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.ends_with('\n'), "{args:?}: {text}");
    text.lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{args:?}: a line that is not JSON ({e}): {l}"))
        })
        .collect()
}

#[test]
fn each_json_command_prints_one_value_a_line_on_a_pipe() {
    let one = |args: &[&str]| {
        let values = values(args);
        assert_eq!(values.len(), 1, "{args:?}: {values:?}");
        values.into_iter().next().unwrap()
    };
    assert_eq!(
        one(&["match", "expert", "sarah pantuliano"])["outcome"],
        "match"
    );
    assert!(one(&["mentions", "Filer on the G7"]).is_array());
    assert_eq!(one(&["complete", "/expert pan"])["type"], 8);
    assert_eq!(one(&["ask", "/expert sara", "--json"])["type"], 4);
    assert_eq!(
        one(&["ask", "--message", "Filer on the G7", "--json"])["type"],
        4
    );
    assert!(one(&["export"])["experts"].is_array());

    let dir = std::env::temp_dir().join(format!("minilateral-json-lines-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let batch = dir.join("queries.txt");
    std::fs::write(&batch, "sarah pantuliano\n\nnobody at all\nfiler\n").unwrap();
    let answers = values(&["match", "expert", "--batch", batch.to_str().unwrap()]);
    let queries: Vec<&str> = answers
        .iter()
        .map(|a| a["query"].as_str().unwrap())
        .collect();
    assert_eq!(queries, ["sarah pantuliano", "nobody at all", "filer"]);
    let _ = std::fs::remove_dir_all(&dir);
}
