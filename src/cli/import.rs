//! `import`: a draft dataset from an article's text, written to stdout or beside its text.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use minilateral_import::{Draft, Refused, With};

use super::{exit, out};
use crate::datafiles::{self, DataPath};
use crate::knowledge::Knowledge;

/// The importer's options, as the command line gives them (`cli::run` fills them in). The
/// importer (`minilateral-import`) is used from this file only.
pub(in crate::cli) use minilateral_import::Options;

pub(in crate::cli) struct ImportArgs {
    pub file: PathBuf,
    pub options: Options,
    pub with: Option<PathBuf>,
    pub out: Option<PathBuf>,
}

/// Reads the article, drafts, and writes the draft (nothing at all when the article cannot
/// be drafted); what was found and what is left to decide go to stderr.
pub(in crate::cli) fn import(args: ImportArgs) -> ExitCode {
    let fail = |code: u8, message: String| {
        eprintln!("minilateral: {message}");
        ExitCode::from(code)
    };
    let shown = args.file.display().to_string();
    let bytes = match datafiles::read_bytes(&args.file) {
        Ok(b) => b,
        Err(e) => return fail(exit::BAD_INPUT, e.to_string()),
    };
    let text = match minilateral_import::decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return fail(exit::BAD_INPUT, format!("{shown}:{e}; nothing written"));
        }
    };
    // Where the draft would go is known before the work: anything there is refused now.
    let targets = match &args.out {
        None => None,
        Some(out) => {
            let id = match minilateral_import::source_id(&text, &args.options) {
                Ok(id) => id,
                Err(e) => return refused(&shown, e),
            };
            let targets = Targets::new(out, &id);
            for p in [&targets.json, &targets.text] {
                if let Err(e) = crate::write::free(p) {
                    return fail(exit::BAD_INPUT, format!("{e} (--out); nothing written"));
                }
            }
            Some(targets)
        }
    };
    let with_files = match &args.with {
        None => None,
        Some(path) => {
            let path = DataPath::Path(path.clone());
            let loaded = datafiles::read(&path).and_then(|files| {
                let dataset = crate::dataset::Dataset::load(&files)?;
                Ok((files, Knowledge::new(dataset)))
            });
            match loaded {
                Ok(loaded) => Some(loaded),
                Err(e) => {
                    return fail(exit::BAD_INPUT, format!("--with {}: {e}", path.describe()));
                }
            }
        }
    };
    let with = with_files
        .as_ref()
        .map(|(files, knowledge)| With { knowledge, files });
    let draft = match minilateral_import::draft(&text, &args.options, with) {
        Ok(d) => d,
        Err(e) => return refused(&shown, e),
    };
    let written = match &targets {
        None => {
            out(&draft.file.to_json(None, &text));
            None
        }
        Some(t) => {
            let json = draft.file.to_json(Some(&t.text_name), &text);
            let files = [
                (t.text.clone(), text.as_bytes()),
                (t.json.clone(), json.as_bytes()),
            ];
            match crate::write::write_new(&files) {
                Ok(()) => Some((t.json.clone(), t.text.clone())),
                Err(e) => return fail(exit::BAD_INPUT, format!("{e}; nothing written")),
            }
        }
    };
    report(&draft, &shown, written.as_ref(), args.with.as_deref());
    ExitCode::from(exit::OK)
}

/// Why no draft was made, on stderr, with its exit status: an option's value out of range is
/// the command line's fault (2), anything else the article's or the data's (1).
fn refused(shown: &str, e: Refused) -> ExitCode {
    let (code, message) = match e {
        Refused::Article(e) => (exit::BAD_INPUT, format!("{shown}:{e}; nothing written")),
        e @ Refused::Unloadable(_) => (exit::BAD_INPUT, format!("{shown}: {e}\nnothing written")),
        e @ (Refused::SourceId(_) | Refused::Year(_)) => {
            (exit::BAD_USAGE, format!("{e}; nothing written"))
        }
        e @ (Refused::NoYear | Refused::SourceTaken(_)) => {
            (exit::BAD_INPUT, format!("{shown}: {e}; nothing written"))
        }
    };
    eprintln!("minilateral: {message}");
    ExitCode::from(code)
}

/// Where a draft goes: `PATH.json` with the text beside it as `SOURCE-ID.txt`, or, for any
/// other PATH, the folder PATH (made when missing) with `SOURCE-ID.json` and `SOURCE-ID.txt`.
/// Existing files are never replaced (`write`).
struct Targets {
    json: PathBuf,
    text: PathBuf,
    /// The text's file name, as the draft names it (`text_file`).
    text_name: String,
}

impl Targets {
    fn new(path: &Path, source_id: &str) -> Targets {
        let (json, folder) = if path.extension().is_some_and(|e| e == "json") {
            let folder = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
            (path.to_path_buf(), folder)
        } else {
            (path.join(format!("{source_id}.json")), path.to_path_buf())
        };
        let text_name = format!("{source_id}.txt");
        Targets {
            text: folder.join(&text_name),
            json,
            text_name,
        }
    }
}

/// What was found and what is left to decide, on stderr.
fn report(draft: &Draft, article: &str, written: Option<&(PathBuf, PathBuf)>, with: Option<&Path>) {
    let mut lines = vec![format!("minilateral import: {article}")];
    lines.extend(draft.report.iter().map(|l| format!("  {l}")));
    if let Some((json, text)) = written {
        lines.push(format!("  wrote {} and {}", json.display(), text.display()));
        lines.push(match with {
            Some(w) => format!(
                "  next: review the notes; with both files in {} (beside the data drafted against), `minilateral --data {} check`",
                w.display(),
                w.display()
            ),
            None => format!("  next: review the notes, then `minilateral --data {} check`", json.display()),
        });
    }
    eprintln!("{}", lines.join("\n"));
}
