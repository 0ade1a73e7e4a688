//! The commands that answer once and print: `ask` (a line, or a message command for a
//! message), `complete` and `mentions`.

use crate::reply::Visibility;
use std::process::ExitCode;

use super::{exit, out, print_json};
use crate::console::PictureLine;
use crate::knowledge::Knowledge;

/// Said of a picture `ask` was not asked to write.
const HOW_TO_WRITE: &str = "add --out DIR to write it";

/// How `ask` prints its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// As the console shows it.
    Text,
    /// The exact interaction response body (`--json`).
    Json,
}

/// `ask`: one line (or a message command's request for a message) answered, as text or as the exact
/// interaction response body; with `dir`, its pictures written there.
pub(super) fn ask(
    k: &Knowledge,
    line: Option<&str>,
    message: Option<crate::command::Request>,
    form: Form,
    dir: Option<&std::path::Path>,
) -> ExitCode {
    let asked = match (message, line) {
        (Some(request), _) => Ok(crate::command::Asked {
            request,
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
        return ExitCode::from(exit::BAD_INPUT);
    }
    // Drawn only where it goes somewhere: into DIR, or described in the JSON body.
    let files = match (form, dir) {
        (Form::Text, None) => Vec::new(),
        _ => crate::picture::attachments(&reply),
    };
    // Beside the JSON, not in it: stdout stays one document.
    let say = |said: String| match form {
        Form::Json => eprintln!("{said}"),
        Form::Text => out(&format!("{said}\n")),
    };
    match form {
        Form::Json => print_json(&crate::discord::encode_with(&reply, &files)),
        Form::Text => {
            let line = match dir {
                Some(_) => PictureLine::Written,
                None => PictureLine::NotWritten { how: HOW_TO_WRITE },
            };
            say(crate::console::render_with(&reply, line));
        }
    }
    let Some(dir) = dir else {
        if form == Form::Json
            && let Some(picture) = &reply.picture
        {
            say(format!(
                "Picture {} not written: {HOW_TO_WRITE}",
                picture.file
            ));
        }
        return ExitCode::from(exit::OK);
    };
    if files.is_empty() {
        return ExitCode::from(exit::OK);
    }
    match crate::picture::write_all(dir, &files) {
        Ok(paths) => {
            for p in paths {
                say(format!("Picture written to {}", p.display()));
            }
            ExitCode::from(exit::OK)
        }
        Err(e) => {
            eprintln!(
                "minilateral: cannot write the picture into {}: {e}",
                dir.display()
            );
            ExitCode::from(exit::BAD_INPUT)
        }
    }
}

/// `mentions TEXT`: the entities the text names, as a JSON array (an empty one when none).
pub(super) fn mentions(k: &Knowledge, text: &str) -> ExitCode {
    print_json(&k.mentions(text));
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
    print_json(&crate::discord::encode_choices(&choices));
    ExitCode::from(exit::OK)
}
