//! Integration tests: one binary, shared helpers, one module per feature.

mod ask;
mod bounded;
mod check_cli;
mod console;
mod countries;
mod counts;
mod dataset;
mod docs;
mod echoes;
mod endpoint_e2e;
mod fake_discord;
mod gateway_e2e;
mod golden;
mod help;
mod import;
mod import_layout;
mod json_lines;
mod library;
mod library_reload;
mod limits;
mod lists;
mod matching;
mod mentions;
mod overlap;
mod passages;
mod people;
mod properties;
mod reload;
mod search;
mod slow_clients;
mod tidy;
mod writes;

use std::path::PathBuf;
use std::process::{Command, Output};

/// A path under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Reads a fixture as text.
pub fn fixture_text(rel: &str) -> String {
    std::fs::read_to_string(fixture(rel)).unwrap_or_else(|e| panic!("fixture {rel}: {e}"))
}

/// Runs the real binary with `args`, from the crate's folder, with no Discord settings.
pub fn minilateral(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", "")
        .env("MINILATERAL_DATA", "")
        .env("DISCORD_PUBLIC_KEY", "")
        .output()
        .expect("run minilateral")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh, empty folder of this test process under the system's temporary folder
/// (`minilateral-NAME-PID`), whatever an earlier run left there.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minilateral-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bundled dataset, loaded as the binary loads it.
pub fn bundled() -> minilateral::dataset::Dataset {
    minilateral::datafiles::load(&minilateral::datafiles::DataPath::Bundled)
        .expect("bundled dataset is valid")
}

/// The reply to a console line, on `k`.
pub fn ask(k: &minilateral::knowledge::Knowledge, line: &str) -> minilateral::reply::Fitted {
    minilateral::answer::answer(k, &minilateral::console::ask(line).unwrap())
}

/// The labels of the buttons in the first row of an interaction response body, in order.
pub fn body_labels(body: &serde_json::Value) -> Vec<&str> {
    body["data"]["components"][0]["components"]
        .as_array()
        .map(|row| row.iter().filter_map(|b| b["label"].as_str()).collect())
        .unwrap_or_default()
}

/// A button's id, as the front ends send it.
pub fn button_id(b: &minilateral::reply::Button) -> String {
    minilateral::command::button_id(b.asked()).expect("a button's id fits")
}

/// The labels of a reply's buttons, in order.
pub fn labels(reply: &minilateral::reply::Reply) -> Vec<&str> {
    reply.buttons.iter().map(|b| b.label.as_str()).collect()
}
