//! Finding and reading the dataset files: `--data PATH`, `data/` in the working folder, or
//! the copy compiled into the binary.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::dataset::{self, DataText, Dataset, LoadError};

/// The bundled dataset and the article's text, compiled in so that the binary works from any
/// folder.
pub const BUNDLED: &[(&str, &str)] = &[
    ("minilateral.json", include_str!("../data/minilateral.json")),
    ("itc-2024.txt", include_str!("../data/itc-2024.txt")),
];

/// Where the dataset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataPath {
    /// A JSON file, or a folder whose `*.json` files together make the dataset.
    Path(PathBuf),
    /// The copy compiled into the binary.
    Bundled,
}

impl DataPath {
    /// `--data` / `MINILATERAL_DATA` when given; otherwise `data/` in the working folder when
    /// it exists; otherwise the bundled copy.
    pub fn choose(given: Option<PathBuf>) -> DataPath {
        match given {
            Some(path) => DataPath::Path(path),
            None if Path::new("data").is_dir() => DataPath::Path(PathBuf::from("data")),
            None => DataPath::Bundled,
        }
    }

    /// A name for messages ("data/", "<bundled>").
    pub fn describe(&self) -> String {
        match self {
            DataPath::Path(p) => p.display().to_string(),
            DataPath::Bundled => "<bundled>".to_string(),
        }
    }
}

#[derive(Debug, Error)]
pub enum DataError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is a folder with no .json files in it")]
    NoFiles { path: String },
    #[error("{path} is {what}, not a file; a dataset is JSON files (and the texts they name)")]
    NotAFile { path: String, what: &'static str },
    #[error("{path} is over {max} bytes; a dataset file that large is a mistake, not data")]
    TooLarge { path: String, max: u64 },
    #[error("{0}")]
    Invalid(#[from] LoadError),
}

/// Reads the JSON files of `path` (in name order for a folder), then the source texts they
/// name (`text_file`). A text that cannot be read is passed on with the reason, and loading
/// reports it with the source that names it, beside every other problem.
pub fn read(path: &DataPath) -> Result<Vec<DataText>, DataError> {
    if let DataPath::Bundled = path {
        return Ok(bundled());
    }
    let mut files = read_json(path)?;
    for name in dataset::text_files(&files) {
        files.push(match read_file(Path::new(&name)) {
            Ok(text) => DataText::source_text(name, text),
            Err(DataError::Io { source, .. }) => DataText::unreadable(name, source.to_string()),
            Err(e) => DataText::unreadable(name, e.to_string()),
        });
    }
    Ok(files)
}

/// The bundled files, named as if in a folder `<bundled>`.
fn bundled() -> Vec<DataText> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            let name = format!("<bundled>/{name}");
            if name.ends_with(".json") {
                DataText::new(name, *text)
            } else {
                DataText::source_text(name, *text)
            }
        })
        .collect()
}

/// The dataset's JSON files, by listing (nothing is read): a folder's `*.json` entries in
/// name order, or the one file given. Nothing for a folder that cannot be listed (`read` says
/// why).
pub fn json_paths(path: &DataPath) -> Vec<PathBuf> {
    match path {
        DataPath::Bundled => Vec::new(),
        DataPath::Path(p) if p.is_dir() => list_json(p).unwrap_or_default(),
        DataPath::Path(p) => vec![p.clone()],
    }
}

/// A folder's `*.json` entries, sorted. Every one is listed, whatever it is: one that is not a
/// readable file (a dangling link, a folder named `x.json`, a FIFO) is an error when read,
/// never silently left out.
fn list_json(folder: &Path) -> Result<Vec<PathBuf>, DataError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| DataError::Io {
            path: folder.display().to_string(),
            source: e,
        })?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// The source texts the dataset's JSON files name (this reads them).
pub fn text_paths(path: &DataPath) -> Vec<PathBuf> {
    // The bundled texts are compiled in: nothing to watch.
    let DataPath::Path(_) = path else {
        return Vec::new();
    };
    let Ok(files) = read_json(path) else {
        return Vec::new();
    };
    dataset::text_files(&files)
        .into_iter()
        .map(PathBuf::from)
        .collect()
}

/// The most bytes one data file may hold. The bundled data is 30 KB; 100k synthetic
/// entities are about 60 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The text of one regular file of at most `MAX_FILE_BYTES` (see [`read_bytes`]).
fn read_file(path: &Path) -> Result<String, DataError> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| DataError::Io {
        path: path.display().to_string(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

/// The bytes of one regular file of at most `MAX_FILE_BYTES`: a FIFO or a device would block
/// or never end, so they are refused before anything is read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, DataError> {
    use std::io::Read;
    let shown = || path.display().to_string();
    let io = |source| DataError::Io {
        path: shown(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(DataError::NotAFile {
            path: shown(),
            what: file_kind(&meta),
        });
    }
    let too_large = || DataError::TooLarge {
        path: shown(),
        max: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// What a path that is not a regular file is, for the message.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn read_json(path: &DataPath) -> Result<Vec<DataText>, DataError> {
    let path = match path {
        DataPath::Bundled => return Ok(bundled()),
        DataPath::Path(p) => p,
    };
    let files = if path.is_dir() {
        let files = list_json(path)?;
        if files.is_empty() {
            return Err(DataError::NoFiles {
                path: path.display().to_string(),
            });
        }
        files
    } else {
        vec![path.clone()]
    };
    files
        .iter()
        .map(|p| Ok(DataText::new(p.display().to_string(), read_file(p)?)))
        .collect()
}

/// Reads and validates the dataset at `path`.
pub fn load(path: &DataPath) -> Result<Dataset, DataError> {
    Ok(Dataset::load(&read(path)?)?)
}
