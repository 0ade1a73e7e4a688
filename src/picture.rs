//! Pictures: what a reply describes (`reply::Picture`) drawn as PNG files to attach. `grid`
//! lays out and draws the member-state grid of `/overlap`; `canvas` holds the embedded font,
//! text, shapes and the PNG encoding. Pictures are opaque, light, with dark text: they read the
//! same in Discord's dark and light themes, which a transparent one would not.

use thiserror::Error;

use crate::reply::Reply;

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
pub fn attachments(reply: &Reply) -> Vec<Attachment> {
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

/// Writes `files` into `dir` (made if missing); returns the paths written.
pub fn write_all(
    dir: &std::path::Path,
    files: &[Attachment],
) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    files
        .iter()
        .map(|f| {
            // Our own names ("overlap.png"), but never a path out of `dir`.
            let name = std::path::Path::new(&f.name)
                .file_name()
                .ok_or_else(|| std::io::Error::other(format!("bad file name {:?}", f.name)))?;
            let path = dir.join(name);
            std::fs::write(&path, &f.data)?;
            Ok(path)
        })
        .collect()
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
