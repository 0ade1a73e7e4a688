//! The layering holds: the core knows nothing of Discord, tokio, files, the environment or
//! stdout (ARCHITECTURE.md, "Invariants").

use std::path::Path;

/// Core modules: pure functions of values.
const CORE: &[&str] = &[
    "src/dataset",
    "src/fold.rs",
    "src/matching",
    "src/limits.rs",
    "src/command.rs",
    "src/reply.rs",
    "src/search.rs",
    "src/answer.rs",
    "src/knowledge.rs",
    "src/synthetic.rs",
];

const FORBIDDEN: &[&str] = &[
    "serenity",
    "tokio",
    "std::env",
    "std::fs",
    "println!",
    "eprintln!",
    "print!(",
    "std::io::stdout",
];

fn files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn the_core_imports_no_front_end_concern() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for c in CORE {
        files(&root.join(c), &mut all);
    }
    assert!(all.len() >= 14, "core files not found: {all:?}");
    let mut problems = Vec::new();
    for f in &all {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    problems.push(format!("{}:{}: {word}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_source_file_says_what_it_holds() {
    let mut all = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut all);
    for f in all {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.starts_with("//!"), "{} lacks a //! line", f.display());
    }
}
