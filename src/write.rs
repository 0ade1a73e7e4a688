//! Every file a command writes (`import`'s draft and its text, the pictures of `ask --out` and
//! of the console): never over anything already there, and whole or not at all.
//!
//! A file is written to a temporary file in its own folder, synced, and renamed to its path
//! only if nothing is there (tempfile's `persist_noclobber`: the rename itself refuses a file,
//! a folder or a link that appeared meanwhile); then the folder is synced, so that the name
//! survives a crash too. A full disk or a file-size limit stops the temporary file, never the
//! file a reader sees, and the temporary file is removed.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum WriteError {
    /// Something is at the path: a file, a folder, a symbolic link (dangling or not: writing
    /// would go through it to its target) or a special file.
    #[error("{} exists ({kind}): move it away or write elsewhere", path.display())]
    Exists { path: PathBuf, kind: &'static str },
    #[error("cannot make folder {}: {source}", path.display())]
    Folder { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

impl WriteError {
    /// Something was at the path (rather than the writing failing).
    pub fn is_exists(&self) -> bool {
        matches!(self, WriteError::Exists { .. })
    }
}

/// Refuses a path where a new file cannot go: anything there at all. Looked at without
/// following a link, so that a link is refused as a link.
pub fn free(path: &Path) -> Result<(), WriteError> {
    match fs::symlink_metadata(path) {
        Ok(meta) => Err(WriteError::Exists {
            path: path.to_path_buf(),
            kind: kind(&meta.file_type()),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(WriteError::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn kind(t: &fs::FileType) -> &'static str {
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else if t.is_file() {
        "a file"
    } else {
        "a special file: a FIFO, a socket or a device"
    }
}

/// Writes every file of `files` (path, bytes) or none, each where nothing is (see the
/// module). Folders are made when missing. On any error, the temporary files, the files
/// already in place and the folders made are removed.
pub fn write_new(files: &[(PathBuf, &[u8])]) -> Result<(), WriteError> {
    let mut made = Vec::new();
    let mut placed = Vec::new();
    let result = write_each(files, &mut made, &mut placed);
    if result.is_err() {
        for path in placed {
            let _ = fs::remove_file(path);
        }
        // Innermost first; a folder something else has written into meanwhile stays.
        for folder in made.iter().rev() {
            let _ = fs::remove_dir(folder);
        }
    }
    result
}

fn write_each<'f>(
    files: &'f [(PathBuf, &[u8])],
    made: &mut Vec<PathBuf>,
    placed: &mut Vec<&'f Path>,
) -> Result<(), WriteError> {
    for (path, _) in files {
        free(path)?;
    }
    let mut staged = Vec::new();
    for (path, data) in files {
        let folder = folder_of(path);
        make_folder(folder, made)?;
        let failed = |source| WriteError::Write {
            path: path.clone(),
            source,
        };
        // Hidden, in the same folder (a rename does not cross file systems); removed when
        // dropped, so an error below leaves nothing.
        let mut builder = tempfile::Builder::new();
        builder.prefix(".minilateral-").suffix(".tmp");
        // Readable as a file written plainly would be (the umask applies), not the
        // temporary file's owner-only mode: a bot run by another user reads the draft.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut temp = builder.tempfile_in(folder).map_err(failed)?;
        temp.as_file_mut().write_all(data).map_err(failed)?;
        temp.as_file().sync_all().map_err(failed)?;
        staged.push((path, temp));
    }
    let mut folders: Vec<&Path> = Vec::new();
    for (path, temp) in staged {
        temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                free(path).err().unwrap_or(WriteError::Exists {
                    path: path.clone(),
                    kind: "a file",
                })
            } else {
                WriteError::Write {
                    path: path.clone(),
                    source: e.error,
                }
            }
        })?;
        placed.push(path);
        let folder = folder_of(path);
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    for folder in folders {
        // The rename is durable once the folder is. Some file systems (network, FUSE) cannot
        // sync a folder and say so (EINVAL, ENOTSUP): the file is in place and synced, so that
        // is no reason to take it back.
        match fs::File::open(folder).and_then(|f| f.sync_all()) {
            Ok(()) => {}
            Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOTSUP)) => {}
            Err(source) => {
                return Err(WriteError::Write {
                    path: folder.to_path_buf(),
                    source,
                });
            }
        }
    }
    Ok(())
}

/// The folder `path` is in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes `folder` and any missing folder above it, noting each one made (outermost first).
fn make_folder(folder: &Path, made: &mut Vec<PathBuf>) -> Result<(), WriteError> {
    let missing: Vec<&Path> = folder
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && fs::symlink_metadata(a).is_err())
        .collect();
    for f in missing.into_iter().rev() {
        fs::create_dir(f).map_err(|source| WriteError::Folder {
            path: folder.to_path_buf(),
            source,
        })?;
        made.push(f.to_path_buf());
    }
    Ok(())
}

/// A file-size limit (`ulimit -f`) makes a write fail with an error instead of killing the
/// process with SIGXFSZ, so that the temporary file is removed rather than left half
/// written. Called once at start.
pub fn file_size_limit_as_error() {
    #[cfg(target_os = "linux")]
    // SAFETY: setting a signal's disposition to "ignore" has no preconditions; no handler runs.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("minilateral-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .map(|r| {
                r.filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        n.sort();
        n
    }

    #[test]
    fn files_are_written_whole_into_folders_made_for_them() {
        let dir = folder("whole");
        let (a, b) = (dir.join("a/x.json"), dir.join("a/x.txt"));
        write_new(&[(a.clone(), b"{}"), (b.clone(), b"text")]).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"{}");
        assert_eq!(
            names(&dir.join("a")),
            ["x.json", "x.txt"],
            "no temporary file left"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn nothing_is_written_over_and_a_refusal_leaves_nothing_new() {
        let dir = folder("over");
        fs::create_dir_all(&dir).unwrap();
        let there = dir.join("there.txt");
        fs::write(&there, "old").unwrap();
        let new = dir.join("sub/new.txt");
        let e = write_new(&[(new.clone(), b"new"), (there.clone(), b"new")]).unwrap_err();
        assert!(
            e.is_exists() && e.to_string().contains("there.txt exists (a file)"),
            "{e}"
        );
        assert_eq!(fs::read_to_string(&there).unwrap(), "old");
        assert_eq!(names(&dir), ["there.txt"], "the folder made is gone too");
        let _ = fs::remove_dir_all(&dir);
    }
}
