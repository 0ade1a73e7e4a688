//! Pictures: what a reply describes (`reply::Picture`) drawn as PNG files to attach. `grid`
//! lays out and draws the member-state grid of `/overlap`; `canvas` holds the embedded font,
//! text, shapes and the PNG encoding. Pictures are opaque, light, with dark text: they read the
//! same in Discord's dark and light themes, which a transparent one would not.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::reply::Fitted;
use crate::write::WriteError;

mod canvas;
mod grid;

pub use grid::{Layout, layout, palette, png};

/// A file that goes with a reply: its name (what a card's `image` refers to), its bytes, and
/// its text alternative (Discord's attachment description).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub data: Vec<u8>,
    pub description: String,
}

/// The files of a reply: its picture drawn. A picture that cannot be drawn is left out and
/// logged; the reply's text still says what it would have shown.
pub fn attachments(reply: &Fitted) -> Vec<Attachment> {
    let Some(picture) = &reply.picture else {
        return Vec::new();
    };
    match png(&picture.grid) {
        Ok(data) => vec![Attachment {
            name: picture.file.clone(),
            data,
            description: picture.alt.clone(),
        }],
        Err(e) => {
            tracing::warn!(error = %e, file = %picture.file, "picture not drawn");
            Vec::new()
        }
    }
}

/// Writes `files` into `dir` (made if missing), each under its own name, never over anything
/// there (`write`); returns the paths written.
pub fn write_all(dir: &Path, files: &[Attachment]) -> Result<Vec<PathBuf>, WriteError> {
    let paths = files
        .iter()
        .map(|f| Ok(dir.join(file_name(f)?)))
        .collect::<Result<Vec<_>, WriteError>>()?;
    write(&paths, files)
}

/// Writes `files` into `dir` (made if missing) under the first free names: `overlap.png`,
/// else `overlap-2.png` … (the console's folder keeps every picture of a session).
pub fn write_numbered(dir: &Path, files: &[Attachment]) -> Result<Vec<PathBuf>, WriteError> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for f in files {
        let name = Path::new(file_name(f)?);
        let (stem, ext) = (
            name.file_stem().unwrap_or_default().to_string_lossy(),
            name.extension()
                .map(|e| format!(".{}", e.to_string_lossy())),
        );
        // The next free number; a path that cannot be looked at (another's folder, a file
        // where the folder should be) is an error, not a reason to try the next number, and
        // the numbering stops somewhere.
        let mut path = None;
        for n in 1..=MAX_NUMBERED {
            let p = match n {
                1 => dir.join(name),
                n => dir.join(format!("{stem}-{n}{}", ext.as_deref().unwrap_or(""))),
            };
            if paths.contains(&p) {
                continue;
            }
            match crate::write::free(&p) {
                Ok(()) => {
                    path = Some(p);
                    break;
                }
                Err(e) if e.is_exists() => continue,
                Err(e) => return Err(e),
            }
        }
        let path = path.unwrap_or_else(|| dir.join(name));
        paths.push(path);
    }
    write(&paths, files)
}

/// The most numbered names tried for one picture ("overlap-10000.png"); past it the plain name
/// is tried, and refused if taken.
const MAX_NUMBERED: u32 = 10_000;

fn write(paths: &[PathBuf], files: &[Attachment]) -> Result<Vec<PathBuf>, WriteError> {
    let named: Vec<(PathBuf, &[u8])> = paths
        .iter()
        .zip(files)
        .map(|(p, f)| (p.clone(), f.data.as_slice()))
        .collect();
    crate::write::write_new(&named)?;
    Ok(paths.to_vec())
}

/// Our own names ("overlap.png"), but never a path out of the folder.
fn file_name(f: &Attachment) -> Result<&std::ffi::OsStr, WriteError> {
    Path::new(&f.name)
        .file_name()
        .ok_or_else(|| WriteError::Write {
            path: PathBuf::from(&f.name),
            source: std::io::Error::other("not a file name"),
        })
}

#[derive(Debug, Error)]
pub enum PictureError {
    #[error("the embedded font cannot be read")]
    Font,
    #[error("the picture would be {width}×{height} pixels, more than can be drawn")]
    TooLarge { width: u32, height: u32 },
    #[error("the picture could not be encoded as PNG: {0}")]
    Encode(String),
}
