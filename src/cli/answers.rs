//! The commands that answer once and print: `ask` (a line, or the message command for a
//! message), `complete` and `mentions`.

use crate::reply::Visibility;
use std::process::ExitCode;

use super::{exit, out};
use crate::knowledge::Knowledge;

/// `ask`: one line (or the message command for a message) answered, as text or as the exact
/// interaction response body; with `out`, its pictures written there.
pub(super) fn ask(
    k: &Knowledge,
    line: Option<&str>,
    message: Option<String>,
    json: bool,
    dir: Option<&std::path::Path>,
) -> ExitCode {
    let asked = match (message, line) {
        (Some(text), _) => Ok(crate::command::Asked {
            request: crate::command::Request::Mentions { text },
            visibility: Visibility::Private,
        }),
        (None, line) => crate::console::ask(line.unwrap_or_default()),
    };
    let asked = match asked {
        Ok(asked) => asked,
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_USAGE);
        }
    };
    let reply = crate::answer::answer(k, &asked);
    // A picture's place is refused before it is drawn or anything is printed.
    if let (Some(dir), Some(picture)) = (dir, &reply.picture)
        && let Err(e) = crate::write::free(&dir.join(&picture.file))
    {
        eprintln!(
            "minilateral: cannot write the picture into {}: {e}",
            dir.display()
        );
        return ExitCode::from(exit::BAD_USAGE);
    }
    let files = crate::picture::attachments(&reply);
    if json {
        let body = crate::discord::encode_with(&reply, &files);
        out(&format!(
            "{}\n",
            serde_json::to_string_pretty(&body).expect("responses serialise")
        ));
    } else {
        out(&format!("{}\n", crate::console::render(&reply)));
    }
    let Some(dir) = dir.filter(|_| !files.is_empty()) else {
        return ExitCode::from(exit::OK);
    };
    match crate::picture::write_all(dir, &files) {
        Ok(paths) => {
            // Beside the JSON, not in it: stdout stays one document.
            for p in paths {
                let said = format!("Picture written to {}", p.display());
                if json {
                    eprintln!("{said}");
                } else {
                    out(&format!("{said}\n"));
                }
            }
            ExitCode::from(exit::OK)
        }
        Err(e) => {
            eprintln!(
                "minilateral: cannot write the picture into {}: {e}",
                dir.display()
            );
            ExitCode::from(exit::BAD_USAGE)
        }
    }
}

/// `mentions TEXT`: the entities the text names, as a JSON array (an empty one when none).
pub(super) fn mentions(k: &Knowledge, text: &str) -> ExitCode {
    let found = k.mentions(text);
    out(&format!(
        "{}\n",
        serde_json::to_string_pretty(&found).expect("mentions serialise")
    ));
    ExitCode::from(exit::OK)
}

/// `complete`: the autocomplete response body for the last option of the line.
pub(super) fn complete(k: &Knowledge, line: &str) -> ExitCode {
    let completion =
        crate::command::parse_line(line).map(|l| crate::command::completion_of_line(&l));
    let completion = match completion {
        Ok(Some(c)) => c,
        Ok(None) => {
            eprintln!(
                "minilateral: `{}` has no option to complete",
                crate::echo::code(line)
            );
            return ExitCode::from(exit::BAD_USAGE);
        }
        Err(e) => {
            eprintln!("minilateral: {e}");
            return ExitCode::from(exit::BAD_USAGE);
        }
    };
    let choices = crate::answer::complete(k, &completion);
    let body = crate::discord::encode_choices(&choices);
    out(&format!(
        "{}\n",
        serde_json::to_string_pretty(&body).expect("responses serialise")
    ));
    ExitCode::from(exit::OK)
}
