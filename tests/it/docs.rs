//! The documentation holds its shape (issue 27): the README stays a front page (short, no long
//! table cells), every page of `docs/` is reachable from it, no relative link or anchor of the
//! README or `docs/` leads nowhere, and the configuration examples of `docs/operations.md` are
//! valid for their tools (each checked only where the tool is installed, else skipped).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The README's most lines: a front page, not a specification.
const README_MAX_LINES: usize = 250;
/// The most characters of one Markdown table cell, so that a table reads as one idea per cell.
const CELL_MAX_CHARS: usize = 250;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The Markdown pages checked: the README and every `.md` file of `docs/`.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    pages.extend(docs_files().into_iter().filter(|p| is_markdown(p)));
    pages
}

/// Every file in `docs/`, sorted.
fn docs_files() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    all.sort();
    assert!(!all.is_empty(), "docs/ is empty");
    all
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
}

/// The lines of `text` outside fenced code blocks, with their numbers (from 1).
fn prose_lines(text: &str) -> Vec<(usize, &str)> {
    let mut fence: Option<&str> = None;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            (Some(_), _) => {}
            (None, None) => out.push((i + 1, line)),
        }
    }
    out
}

/// `line` with its inline code spans blanked out (so that a `|` or `](` in code is not read as
/// Markdown), keeping its length in characters.
fn without_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push('`');
        } else if in_code {
            out.push('x');
        } else {
            out.push(c);
        }
    }
    out
}

/// The cells of a table row (`| a | b |`), or none for a line that is not one.
fn table_cells(line: &str) -> Vec<String> {
    let masked = without_code_spans(line.trim());
    if !masked.starts_with('|') {
        return Vec::new();
    }
    let original: Vec<char> = line.trim().chars().collect();
    let mut cells = Vec::new();
    let mut start = 1;
    let mut previous = ' ';
    for (i, c) in masked.chars().enumerate().skip(1) {
        if c == '|' && previous != '\\' {
            cells.push(
                original[start..i]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string(),
            );
            start = i + 1;
        }
        previous = c;
    }
    cells
}

/// Every cell of every table of `text` longer than the limit: (line, length).
fn long_cells(text: &str) -> Vec<(usize, usize)> {
    prose_lines(text)
        .into_iter()
        .flat_map(|(n, line)| {
            table_cells(line)
                .into_iter()
                .map(move |cell| (n, cell.chars().count()))
        })
        .filter(|&(_, chars)| chars > CELL_MAX_CHARS)
        .collect()
}

/// The targets of the inline links and images of `text` (`[a](target)`, `![a](target)`),
/// outside code, with their line numbers.
fn link_targets(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in prose_lines(text) {
        let masked = without_code_spans(line);
        let chars: Vec<char> = line.chars().collect();
        let masked: Vec<char> = masked.chars().collect();
        let mut i = 0;
        while i + 1 < masked.len() {
            if masked[i] == ']' && masked[i + 1] == '(' {
                let start = i + 2;
                let end = (start..masked.len())
                    .find(|&j| masked[j] == ')')
                    .unwrap_or_else(|| panic!("line {n}: a link without its ')'"));
                let target: String = chars[start..end].iter().collect();
                // A title (`[a](x "title")`) is not part of the target.
                let target = target.split_whitespace().next().unwrap_or("").to_string();
                out.push((n, target));
                i = end;
            }
            i += 1;
        }
    }
    out
}

/// GitHub's anchor for a heading: lower case, letters, digits, `-` and `_` kept, spaces made
/// `-`, everything else (punctuation, backticks) dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a page's headings, a repeated one numbered as GitHub does (`x`, `x-1` …).
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for (_, line) in prose_lines(text) {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(line[hashes..].trim().trim_end_matches('#'));
        let mut anchor = base.clone();
        let mut k = 1;
        while seen.contains(&anchor) {
            anchor = format!("{base}-{k}");
            k += 1;
        }
        seen.insert(anchor);
    }
    seen
}

/// What is wrong with one link of `page`, if anything: a file that does not exist, or an
/// anchor that no heading of its page makes.
fn broken(page: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("mailto:") {
        return None;
    }
    let (path, anchor) = match target.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (target, None),
    };
    let file = if path.is_empty() {
        page.to_path_buf()
    } else {
        page.parent().unwrap().join(path)
    };
    if !file.exists() {
        return Some(format!("{} does not exist", file.display()));
    }
    let anchor = anchor.filter(|a| !a.is_empty())?;
    if is_markdown(&file) && !anchors(&read(&file)).contains(anchor) {
        return Some(format!("{} has no heading for #{anchor}", file.display()));
    }
    None
}

/// The files a page links to, resolved and normalised (`docs/../README.md` is `README.md`).
fn linked_files(page: &Path) -> BTreeSet<PathBuf> {
    link_targets(&read(page))
        .into_iter()
        .filter(|(_, t)| !t.contains("://") && !t.starts_with('#'))
        .map(|(_, t)| {
            let path = t.split('#').next().unwrap().to_string();
            normalise(&page.parent().unwrap().join(path))
        })
        .collect()
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_readme_is_a_front_page_of_at_most_250_lines() {
    let lines = read(&root().join("README.md")).lines().count();
    assert!(
        lines <= README_MAX_LINES,
        "README.md has {lines} lines; at most {README_MAX_LINES}: move detail into docs/"
    );
}

#[test]
fn no_table_cell_runs_over_250_characters() {
    for page in pages() {
        let long = long_cells(&read(&page));
        assert!(
            long.is_empty(),
            "{}: table cells over {CELL_MAX_CHARS} characters at (line, length) {long:?}; \
             split the idea over rows or move it into prose",
            page.display()
        );
    }
}

#[test]
fn every_file_in_docs_is_linked_from_the_readme() {
    let linked = linked_files(&root().join("README.md"));
    let missing: Vec<_> = docs_files()
        .into_iter()
        .filter(|f| !linked.contains(&normalise(f)))
        .collect();
    assert!(missing.is_empty(), "not linked from README.md: {missing:?}");
}

#[test]
fn every_relative_link_leads_to_a_file_and_a_heading_that_exist() {
    let mut checked = 0;
    for page in pages() {
        for (line, target) in link_targets(&read(&page)) {
            if let Some(problem) = broken(&page, &target) {
                panic!("{}:{line}: link `{target}`: {problem}", page.display());
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 20,
        "only {checked} links found: is the link reader broken?"
    );
}

/// The readers above, on small cases: a table cell with code, a link in code, GitHub's anchors.
#[test]
fn the_markdown_readers_read_what_github_shows() {
    assert_eq!(
        table_cells("| `a|b` | c \\| d |"),
        vec!["`a|b`".to_string(), "c \\| d".to_string()]
    );
    assert!(table_cells("not | a table").is_empty());
    assert_eq!(
        link_targets("[a](x.md#y) `[b](not-a-link)` ![c](d.png \"t\")\n```\n[e](f)\n```"),
        vec![(1, "x.md#y".to_string()), (1, "d.png".to_string())]
    );
    assert_eq!(slug("`/search text [article]`"), "search-text-article");
    assert_eq!(
        slug("Provenance: what is the article's and what is ours"),
        "provenance-what-is-the-articles-and-what-is-ours"
    );
    let page = "# A\n## A\n```\n# not a heading\n```\n";
    assert_eq!(
        anchors(page),
        BTreeSet::from(["a".to_string(), "a-1".to_string()])
    );
    assert_eq!(
        long_cells(&format!("| {} |", "x".repeat(251))),
        vec![(1, 251)]
    );
    assert!(long_cells(&format!("| {} |", "x".repeat(250))).is_empty());
}

/// The first fenced block of `docs/operations.md` whose info string is `lang`.
fn snippet(lang: &str) -> String {
    let text = read(&root().join("docs/operations.md"));
    let open = format!("```{lang}\n");
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("docs/operations.md has no ```{lang} block"))
        + open.len();
    let end = start + text[start..].find("```").expect("the block's end");
    text[start..end].to_string()
}

/// A fresh folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    crate::scratch(&format!("docs-{name}"))
}

/// Runs `program` with `args`; `None` when it is not installed (the check is then skipped).
fn run_tool(program: &str, args: &[&str]) -> Option<std::process::Output> {
    match std::process::Command::new(program).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("skipped: `{program}` is not installed");
            None
        }
        Err(e) => panic!("{program}: {e}"),
    }
}

fn assert_valid(what: &str, out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{what} is refused by its tool:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_caddyfile_example_is_valid_where_caddy_is_installed() {
    let dir = scratch("caddy");
    let file = dir.join("Caddyfile");
    std::fs::write(&file, snippet("caddy")).unwrap();
    let file = file.to_str().unwrap();
    let args = ["validate", "--config", file, "--adapter", "caddyfile"];
    if let Some(out) = run_tool("caddy", &args) {
        assert_valid("the Caddyfile of docs/operations.md", &out);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_nginx_example_is_valid_where_nginx_and_openssl_are_installed() {
    let dir = scratch("nginx");
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let (cert, key) = (cert.to_str().unwrap(), key.to_str().unwrap());
    // `nginx -t` loads the certificate, so the example's paths get a self-signed one.
    let made = run_tool(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=minilateral.example.org",
            "-keyout",
            key,
            "-out",
            cert,
        ],
    );
    let Some(made) = made else { return };
    assert_valid("openssl's self-signed certificate", &made);
    let site = snippet("nginx")
        .replace("/etc/ssl/certs/minilateral.example.org.pem", cert)
        .replace("/etc/ssl/private/minilateral.example.org.key", key);
    std::fs::write(dir.join("site.conf"), site).unwrap();
    let d = dir.display();
    let main = format!(
        "error_log {d}/error.log;\npid {d}/nginx.pid;\nevents {{}}\nhttp {{\n    include {d}/site.conf;\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), main).unwrap();
    let conf = dir.join("nginx.conf");
    let log = dir.join("error.log");
    let args = [
        "-t",
        "-p",
        dir.to_str().unwrap(),
        "-e",
        log.to_str().unwrap(),
        "-c",
        conf.to_str().unwrap(),
    ];
    if let Some(out) = run_tool("nginx", &args) {
        assert_valid("the nginx example of docs/operations.md", &out);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_systemd_unit_is_valid_where_systemd_analyze_is_installed() {
    let dir = scratch("systemd");
    // `verify` wants the binary and the folder to exist: this test's own, in their place.
    let unit = snippet("ini")
        .replace(
            "/usr/local/bin/minilateral",
            env!("CARGO_BIN_EXE_minilateral"),
        )
        .replace("/srv/minilateral", dir.to_str().unwrap());
    let file = dir.join("minilateral.service");
    std::fs::write(&file, unit).unwrap();
    if let Some(out) = run_tool("systemd-analyze", &["verify", file.to_str().unwrap()]) {
        assert_valid("the systemd unit of docs/operations.md", &out);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            !said.contains("minilateral.service"),
            "systemd-analyze warns about the unit:\n{said}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
