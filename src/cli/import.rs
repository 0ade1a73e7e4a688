//! `import`: a draft dataset from an article's text, written to stdout or beside its text.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{exit, out};
use crate::datafiles::{self, DataPath};
use crate::import::{Draft, Options, Refused, With};
use crate::knowledge::Knowledge;

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
        Err(e) => return fail(exit::BAD_USAGE, e.to_string()),
    };
    let text = match crate::import::decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return fail(
                exit::BAD_DATA_OR_CONFIG,
                format!("{shown}:{e}; nothing written"),
            );
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
                    return fail(
                        exit::BAD_DATA_OR_CONFIG,
                        format!("--with {}: {e}", path.describe()),
                    );
                }
            }
        }
    };
    let with = with_files
        .as_ref()
        .map(|(files, knowledge)| With { knowledge, files });
    let draft = match crate::import::draft(&text, &args.options, with) {
        Ok(d) => d,
        Err(Refused::Article(e)) => {
            return fail(
                exit::BAD_DATA_OR_CONFIG,
                format!("{shown}:{e}; nothing written"),
            );
        }
        Err(e @ Refused::Unloadable(_)) => {
            return fail(
                exit::BAD_DATA_OR_CONFIG,
                format!("{shown}: {e}\nnothing written"),
            );
        }
        Err(e) => return fail(exit::BAD_USAGE, format!("{e}; nothing written")),
    };
    let written = match &args.out {
        None => {
            out(&draft.file.to_json(None, &text));
            None
        }
        Some(path) => match write(&draft, &text, path) {
            Ok(files) => Some(files),
            Err(message) => return fail(exit::BAD_USAGE, format!("{message}; nothing written")),
        },
    };
    report(&draft, &shown, written.as_ref(), args.with.as_deref());
    ExitCode::from(exit::OK)
}

/// Where a draft goes: `PATH.json` with the text beside it as `SOURCE-ID.txt`, or, for any
/// other PATH, the folder PATH (made when missing) with `SOURCE-ID.json` and `SOURCE-ID.txt`.
/// Existing files are never replaced.
fn write(draft: &Draft, text: &str, path: &Path) -> Result<(PathBuf, PathBuf), String> {
    let (json, folder) = if path.extension().is_some_and(|e| e == "json") {
        let folder = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        (path.to_path_buf(), folder)
    } else {
        (
            path.join(format!("{}.json", draft.source_id)),
            path.to_path_buf(),
        )
    };
    let text_name = format!("{}.txt", draft.source_id);
    let text_path = folder.join(&text_name);
    for p in [&json, &text_path] {
        if p.exists() {
            return Err(format!(
                "{} exists: move it away or give another --out",
                p.display()
            ));
        }
    }
    if !folder.as_os_str().is_empty() {
        std::fs::create_dir_all(&folder)
            .map_err(|e| format!("cannot make folder {}: {e}", folder.display()))?;
    }
    std::fs::write(&text_path, text)
        .map_err(|e| format!("cannot write {}: {e}", text_path.display()))?;
    if let Err(e) = std::fs::write(&json, draft.file.to_json(Some(&text_name), text)) {
        let _ = std::fs::remove_file(&text_path);
        return Err(format!("cannot write {}: {e}", json.display()));
    }
    Ok((json, text_path))
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
