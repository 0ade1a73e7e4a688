//! The commands about the dataset itself: `match` (how names resolve), `check` and
//! `export`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{MatchKind, StdoutIs, exit, json_text, load, out, print_json};
use crate::datafiles::{self, DataPath};

/// `match`: one JSON object per query on stdout, as every command prints JSON (`json_text`); a
/// batch's always one a line.
pub(super) fn match_names(
    path: &DataPath,
    kind: MatchKind,
    query: Option<String>,
    batch: Option<PathBuf>,
) -> ExitCode {
    let dataset = match load(path) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let kind = match kind {
        MatchKind::Expert => crate::dataset::Kind::Expert,
        MatchKind::Group => crate::dataset::Kind::Group,
    };
    // A batch is JSON Lines whatever stdout is, as a file would be.
    let (queries, layout): (Vec<String>, _) = match (query, batch) {
        (Some(q), _) => (vec![q], StdoutIs::now()),
        (None, Some(file)) => match std::fs::read_to_string(&file) {
            // Blank lines separate nothing and ask nothing: skipped.
            Ok(text) => (
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(String::from)
                    .collect(),
                StdoutIs::Redirected,
            ),
            Err(e) => {
                eprintln!("minilateral: cannot read {}: {e}", file.display());
                return ExitCode::from(exit::BAD_INPUT);
            }
        },
        (None, None) => unreachable!("clap requires QUERY or --batch"),
    };
    let matcher = crate::matching::Matcher::new(&dataset);
    let mut text = String::new();
    for q in queries {
        text.push_str(&json_text(&matcher.resolve(kind, &q), layout));
    }
    out(&text);
    ExitCode::from(exit::OK)
}

/// `check`: a summary on stdout and exit 0, or every problem on stderr and exit 1.
pub(super) fn check(path: &DataPath) -> ExitCode {
    let files = match datafiles::read(path) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    match crate::dataset::Dataset::load(&files) {
        Ok(dataset) => {
            let json = files.iter().filter(|f| f.is_json()).count();
            let mut text = summary_text(path, json, files.len() - json, &dataset);
            text.push_str(&review_text(&dataset));
            out(&text);
            ExitCode::from(exit::OK)
        }
        Err(e) => {
            eprintln!("minilateral: {} {e}", path.describe());
            ExitCode::from(exit::BAD_INPUT)
        }
    }
}

/// `export`: the dataset as one JSON document on stdout.
pub(super) fn export(path: &DataPath) -> ExitCode {
    let dataset = match load(path) {
        Ok(d) => d,
        Err(code) => return code,
    };
    print_json(&crate::dataset::export::export(&dataset));
    ExitCode::from(exit::OK)
}

/// What a curator still has to decide (the `review` notes `import` writes where it guessed):
/// listed after the summary. They do not make the dataset wrong, so `check` still exits 0; a
/// test keeps the bundled dataset free of them.
fn review_text(dataset: &crate::dataset::Dataset) -> String {
    let items = dataset.to_review();
    if items.is_empty() {
        return String::new();
    }
    let mut text = format!(
        "{} left to decide (remove each `review` note once decided):\n",
        items.len()
    );
    for item in items {
        text.push_str(&format!("  {} \"{}\": {}\n", item.kind, item.id, item.note));
    }
    text
}

pub(super) fn summary_text(
    path: &DataPath,
    files: usize,
    texts: usize,
    dataset: &crate::dataset::Dataset,
) -> String {
    let s = dataset.summary();
    let (panel, years) = (s.panel, crate::reply::years_text(&s.wish_years));
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "dataset {} ({files} file{}, {texts} source text{}): ok\n\
         \x20 sources       {}\n\
         \x20 passages      {} (all verbatim in their source)\n\
         \x20 experts       {} ({panel} on the panel)\n\
         \x20 statements    {}\n\
         \x20 wishes        {}\n\
         \x20 groups        {}\n\
         \x20 bodies        {}\n\
         \x20 publications  {}\n\
         \x20 wish years    {years}\n",
        path.describe(),
        plural(files),
        plural(texts),
        s.sources,
        s.passages,
        s.experts,
        s.statements,
        s.wishes,
        s.groups,
        s.bodies,
        s.publications,
    )
}
