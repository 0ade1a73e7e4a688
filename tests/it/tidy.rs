//! The layering holds where no compiler looks. The compiler and clippy hold the rest: the core
//! crate (`crates/core`) and the importer over it (`crates/import`) cannot name the front ends,
//! and their `clippy.toml` files make reading files or the environment and printing errors under
//! `-D warnings` (ARCHITECTURE.md, "Invariants").

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What the core must never depend on, directly or through another crate.
const NOT_IN_THE_CORE: &[&str] = &[
    "serenity",
    "tokio",
    "axum",
    "hyper",
    "hyper-util",
    "reqwest",
    "tracing-subscriber",
    "clap",
    "dotenvy",
    "rustyline",
    "rlimit",
    "minilateral",
    // The importer is a floor above the core (an authoring tool), not below it.
    "minilateral-import",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// Every Rust source file of the four crates (not tests, benches or fuzz targets).
fn sources() -> Vec<PathBuf> {
    let mut all = Vec::new();
    for dir in [
        "src",
        "crates/core/src",
        "crates/import/src",
        "crates/synthetic/src",
    ] {
        files(&root().join(dir), &mut all);
    }
    assert!(all.len() >= 30, "sources not found: {all:?}");
    all
}

/// Cargo.lock as a graph: package name → the names it depends on (all versions merged, which
/// can only add edges, so a path found here may be longer than cargo's but none is missed).
fn lock_graph() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut name = String::new();
    let mut in_deps = false;
    for line in text.lines() {
        let line = line.trim();
        if line == "[[package]]" {
            in_deps = false;
        } else if let Some(n) = line.strip_prefix("name = ") {
            name = n.trim_matches('"').to_string();
            graph.entry(name.clone()).or_default();
        } else if line.starts_with("dependencies = [") {
            in_deps = !line.ends_with(']');
        } else if in_deps && line == "]" {
            in_deps = false;
        } else if in_deps {
            // `"serde"` or `"serde 1.0.210"`.
            let dep = line.trim_matches(|c| c == '"' || c == ',');
            let dep = dep.split_whitespace().next().unwrap_or(dep);
            graph.get_mut(&name).unwrap().insert(dep.to_string());
        }
    }
    graph
}

/// Everything `from` reaches in the lock graph, as `cargo tree -p from` would list it (with
/// dev-dependencies, which the lock does not tell apart: stricter, not looser).
fn reachable(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(n) = todo.pop() {
        for d in graph.get(&n).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_front_end_crate() {
    let graph = lock_graph();
    assert!(
        graph.contains_key("minilateral-core"),
        "Cargo.lock has no minilateral-core"
    );
    let reached = reachable(&graph, "minilateral-core");
    assert!(reached.contains("strsim"), "the lock graph was misread");
    let wrong = front_ends_in(&reached);
    assert!(
        wrong.is_empty(),
        "minilateral-core reaches {wrong:?}: the core must not know the front ends"
    );
    // The graph walk itself can see a front-end crate where there is one.
    assert!(reachable(&graph, "minilateral").contains("serenity"));
}

/// The crates of `NOT_IN_THE_CORE` among `reached`.
fn front_ends_in(reached: &BTreeSet<String>) -> Vec<&'static str> {
    NOT_IN_THE_CORE
        .iter()
        .copied()
        .filter(|c| reached.contains(*c))
        .collect()
}

#[test]
fn the_importer_stands_on_the_core_and_no_front_end_crate() {
    let graph = lock_graph();
    let reached = reachable(&graph, "minilateral-import");
    assert!(
        reached.contains("minilateral-core"),
        "minilateral-import does not depend on the core (or is not in Cargo.lock)"
    );
    let wrong = front_ends_in(&reached);
    assert!(
        wrong.is_empty(),
        "minilateral-import reaches {wrong:?}: the importer must not know the front ends"
    );
}

#[test]
fn the_core_has_no_import_module() {
    let core = root().join("crates/core");
    for gone in ["src/import", "src/import.rs"] {
        assert!(
            !core.join(gone).exists(),
            "crates/core/{gone} exists: drafting belongs to crates/import"
        );
    }
    let lib = std::fs::read_to_string(core.join("src/lib.rs")).unwrap();
    let declares = lib.lines().map(str::trim).any(|l| {
        !l.starts_with("//") && (l.ends_with("mod import;") || l.contains("mod import {"))
    });
    assert!(
        !declares,
        "crates/core/src/lib.rs declares an import module"
    );
    let manifest = std::fs::read_to_string(core.join("Cargo.toml")).unwrap();
    // A dependency line (`minilateral-import = ...`, or renamed with `package = ...`); comments
    // may name the importer.
    let depends = manifest.lines().map(str::trim).any(|l| {
        !l.starts_with('#')
            && (l.starts_with("minilateral-import") || l.contains("\"minilateral-import\""))
    });
    assert!(
        !depends,
        "crates/core/Cargo.toml names minilateral-import: the core cannot depend on the importer"
    );
}

#[test]
fn only_the_cli_calls_the_importer() {
    // `src/lib.rs` re-exports it as `minilateral::import` for the tests and benches; within this
    // crate, `src/cli/import.rs` is the one file that uses it.
    let allowed = [root().join("src/lib.rs"), root().join("src/cli/import.rs")];
    let mut all = Vec::new();
    files(&root().join("src"), &mut all);
    let users: Vec<String> = all
        .into_iter()
        .filter(|f| !allowed.contains(f))
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.contains("minilateral_import") || text.contains("crate::import")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        users.is_empty(),
        "these use the importer outside src/cli/import.rs: {users:?}"
    );
}

/// The paths a `clippy.toml` forbids (`path = "..."`).
fn forbidden(clippy_toml: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(clippy_toml)).unwrap();
    text.split("path = \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn clippy_holds_the_importer_as_it_holds_the_core() {
    let core = forbidden("crates/core/clippy.toml");
    let import = forbidden("crates/import/clippy.toml");
    let missing: Vec<&String> = core.difference(&import).collect();
    assert!(core.len() >= 40, "crates/core/clippy.toml was misread");
    assert!(
        missing.is_empty(),
        "crates/import/clippy.toml does not forbid {missing:?}, which the core's does"
    );
}

#[test]
fn clippy_holds_the_core_to_pure_functions() {
    let text = std::fs::read_to_string(root().join("crates/core/clippy.toml")).unwrap();
    for path in [
        "std::env::var",
        "std::fs::read_to_string",
        "std::io::stdout",
        "std::println",
        "std::eprintln",
        "std::fs::File",
    ] {
        assert!(
            text.contains(&format!("path = \"{path}\"")),
            "crates/core/clippy.toml no longer forbids {path}"
        );
    }
}

#[test]
fn every_source_file_says_what_it_holds() {
    for f in sources() {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.starts_with("//!"), "{} lacks a //! line", f.display());
    }
}

/// The type an inherent `impl` line is for (`impl<'a> Who<'a> {` → `Who`); none for a trait
/// impl, a line that is not an impl, or a macro's `impl $name`.
fn inherent_impl(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("impl")?;
    if !line.trim_end().ends_with('{') || line.contains(" for ") {
        return None;
    }
    // Skip the impl's own generics: `<'a>` or `<T: Trait<U>>`.
    let rest = match rest.strip_prefix('<') {
        Some(generics) => {
            let mut depth = 1;
            let end = generics.char_indices().find_map(|(i, c)| {
                depth += match c {
                    '<' => 1,
                    '>' => -1,
                    _ => 0,
                };
                (depth == 0).then_some(i + 1)
            })?;
            &generics[end..]
        }
        None => rest.strip_prefix(' ')?,
    };
    let name = rest.trim_start();
    let end = name
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(name.len());
    let name = &name[..end];
    name.chars().next()?.is_uppercase().then_some(name)
}

/// Whether `text` defines a type named `name` (a struct, an enum or a union).
fn defines(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        let line = line
            .strip_prefix("pub ")
            .or_else(|| line.strip_prefix("pub(crate) "))
            .or_else(|| line.strip_prefix("pub(super) "))
            .unwrap_or(line);
        ["struct ", "enum ", "union "].iter().any(|k| {
            line.strip_prefix(k).is_some_and(|rest| {
                rest.strip_prefix(name)
                    .is_some_and(|after| after.starts_with([' ', '<', '(', ';', '{']))
            })
        })
    })
}

/// One type, one module: a type's inherent `impl` stands in the file that defines it, so that
/// what a type can do is read in one place (a file split by type, never by length). Trait
/// impls may stand elsewhere (the dataset's `Index` impls sit with the typed indices).
#[test]
fn every_inherent_impl_stands_with_its_type() {
    let mut stray = Vec::new();
    for f in sources() {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if let Some(name) = inherent_impl(line)
                && !defines(&text, name)
            {
                stray.push(format!("{}:{}: impl {name}", f.display(), n + 1));
            }
        }
    }
    assert!(
        stray.is_empty(),
        "move these into the file that defines the type:\n{}",
        stray.join("\n")
    );
}

#[test]
fn the_impl_reader_reads_what_it_must() {
    assert_eq!(inherent_impl("impl Dataset {"), Some("Dataset"));
    assert_eq!(inherent_impl("    impl<'a> Who<'a> {"), Some("Who"));
    assert_eq!(inherent_impl("impl<T: Into<U>> Wrap<T> {"), Some("Wrap"));
    assert_eq!(inherent_impl("impl Index<ExpertIx> for Dataset {"), None);
    assert_eq!(inherent_impl("impl $name {"), None);
    assert_eq!(inherent_impl("// impl Dataset {"), None);
    assert!(defines("pub(super) struct Joined {", "Joined"));
    assert!(defines("pub struct Stream<'a> {", "Stream"));
    assert!(!defines("pub struct Joined2 {", "Joined"));
}

/// A source file's module path within its crate (`crates/core/src/answer/cards.rs` →
/// `["answer", "cards"]`), and the crate's source folder.
fn module_of(file: &Path) -> (PathBuf, Vec<String>) {
    let crate_src = [
        "crates/core/src",
        "crates/import/src",
        "crates/synthetic/src",
        "src",
    ]
    .iter()
    .map(|d| root().join(d))
    .find(|d| file.starts_with(d))
    .unwrap();
    let rel = file.strip_prefix(&crate_src).unwrap().with_extension("");
    let mut path: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    if matches!(
        path.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        path.pop();
    }
    (crate_src, path)
}

/// Whether `path` names a module of the crate whose source folder is `src`.
fn is_module(src: &Path, path: &[String]) -> bool {
    let dir = path.iter().fold(src.to_path_buf(), |d, s| d.join(s));
    !path.is_empty() && (dir.with_extension("rs").is_file() || dir.join("mod.rs").is_file())
}

/// The modules a file's `crate::…` and `super::…` paths reach, as module paths of its crate:
/// the longest prefix of each path that is a module.
fn modules_used(src: &Path, module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let mut used = BTreeSet::new();
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for (at, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        // Only where a path starts (not `minilateral_core::…` or a longer name).
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut base: Vec<String> = Vec::new();
        let mut rest = &code[at..];
        if let Some(r) = rest.strip_prefix("crate::") {
            rest = r;
        } else {
            base = module.to_vec();
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
        }
        // `{a::X, b}` holds several paths; anything else is one.
        let items: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
            None => vec![rest],
        };
        for item in items {
            let mut path = base.clone();
            for seg in item.trim().split("::") {
                let seg: String = seg
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                path.push(seg);
                if !is_module(src, &path) {
                    path.pop();
                    break;
                }
            }
            used.insert(path);
        }
    }
    used
}

/// No two sibling modules use each other, directly or round a longer circle: each folder's
/// modules stand in floors, so that one can be read, tested or moved knowing only those below.
#[test]
fn no_sibling_modules_use_each_other() {
    // (crate, parent module) → sibling → the siblings it uses.
    let mut graphs: BTreeMap<(PathBuf, Vec<String>), BTreeMap<String, BTreeSet<String>>> =
        BTreeMap::new();
    for f in sources() {
        let (src, module) = module_of(&f);
        let text = std::fs::read_to_string(&f).unwrap();
        for used in modules_used(&src, &module, &text) {
            // Where the two paths part, the two siblings they go through.
            let common = module.iter().zip(&used).take_while(|(a, b)| a == b).count();
            if let (Some(from), Some(to)) = (module.get(common), used.get(common)) {
                graphs
                    .entry((src.clone(), module[..common].to_vec()))
                    .or_default()
                    .entry(from.clone())
                    .or_default()
                    .insert(to.clone());
            }
        }
    }
    let mut circles = Vec::new();
    for ((src, parent), graph) in &graphs {
        for start in graph.keys() {
            // A module that reaches itself again stands in a circle.
            if reachable_in(graph, start).contains(start) {
                let folder = parent.iter().fold(src.clone(), |d, s| d.join(s));
                circles.push(format!("{}: {start}", folder.display()));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "these modules stand in a circle with a sibling (move what both need below them):\n{}",
        circles.join("\n")
    );
}

/// The siblings `start` reaches, through one use or more.
fn reachable_in(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&str> = vec![start];
    while let Some(m) = todo.pop() {
        for next in graph.get(m).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next);
            }
        }
    }
    seen
}

/// Facts travel as types, not as numbers cast back and forth: the core keeps its `as usize`
/// and `as u32` casts to a few (a dense index converts in one place, `dataset::indices`).
#[test]
fn the_core_casts_few_numbers() {
    // Issue 26 asked for at most 30 (from 108); the typed indices brought it to a handful, and
    // this holds most of that gain.
    const MOST: usize = 10;
    let mut casts = Vec::new();
    let mut core = Vec::new();
    files(&root().join("crates/core/src"), &mut core);
    for f in core {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for cast in ["as usize", "as u32"] {
                let ends_a_word = |at: usize| {
                    !code[at + cast.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                };
                casts.extend(
                    code.match_indices(cast)
                        .filter(|(at, _)| ends_a_word(*at))
                        .map(|_| format!("{}:{}", f.display(), n + 1)),
                );
            }
        }
    }
    assert!(
        casts.len() <= MOST,
        "{} casts in the core (at most {MOST}); use a typed index or try_from:\n{}",
        casts.len(),
        casts.join("\n")
    );
}

/// The core documents every public item and never panics on data, tests aside: its `lib.rs`
/// says so for the whole crate, and `.ci/run` runs clippy with `-D warnings`.
#[test]
fn the_core_denies_missing_docs_and_panics() {
    let lib = std::fs::read_to_string(root().join("crates/core/src/lib.rs")).unwrap();
    // The attributes as written, comments left out, spaces gone.
    let code: String = lib
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<String>()
        .split_whitespace()
        .collect();
    assert!(
        code.contains("#![deny(missing_docs)]"),
        "missing_docs is not denied"
    );
    let block = code
        .split("#![cfg_attr(not(test),deny(")
        .nth(1)
        .and_then(|rest| rest.split("))]").next())
        .expect("no #![cfg_attr(not(test), deny(...))] in crates/core/src/lib.rs");
    let denied: Vec<&str> = block.split(',').filter(|l| !l.is_empty()).collect();
    for lint in [
        "clippy::indexing_slicing",
        "clippy::unwrap_used",
        "clippy::expect_used",
        "clippy::panic",
        "clippy::unreachable",
        "clippy::string_slice",
    ] {
        assert!(
            denied.contains(&lint),
            "crates/core/src/lib.rs does not deny {lint} outside tests"
        );
    }
}
