//! Files the binary writes (`import --out`, `ask --out`): whole or not at all under a
//! file-size limit, never through a link, never over anything at the path.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::stderr;

const ARTICLE: &str = "data/itc-2024.txt";
/// `import`'s names for the bundled article.
const JSON: &str = "international-tech-cooperation-in-2024.json";
const TEXT: &str = "international-tech-cooperation-in-2024.txt";

/// A fresh, empty folder of this test.
fn folder(name: &str) -> PathBuf {
    crate::scratch(&format!("writes-{name}"))
}

/// The names in `dir`, sorted (temporary files included: they start with a dot).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minilateral"));
    c.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", "")
        .env("MINILATERAL_DATA", "");
    c
}

/// Runs the binary with files limited to `bytes` (RLIMIT_FSIZE), as `ulimit -f` would;
/// with `ignore_signal`, SIGXFSZ ignored from the start, as a shell may leave it.
#[cfg(target_os = "linux")]
fn limited(args: &[&str], bytes: u64, ignore_signal: bool) -> Output {
    use std::os::unix::process::CommandExt;
    let mut c = command(args);
    // SAFETY: between fork and exec only async-signal-safe calls: setrlimit and signal.
    unsafe {
        c.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if ignore_signal {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            }
            Ok(())
        });
    }
    c.output().expect("run minilateral")
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_size_limit_leaves_no_file_and_no_temporary_file() {
    for ignore_signal in [true, false] {
        let dir = folder(&format!("fsize-{ignore_signal}"));
        let json = dir.join("draft.json");
        // 4 KiB: the article's text (5.7 KB) and its draft (19 KB) are both cut short.
        let o = limited(
            &["import", ARTICLE, "--out", json.to_str().unwrap()],
            4096,
            ignore_signal,
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("File too large"), "{}", stderr(&o));
        assert!(stderr(&o).contains("nothing written"), "{}", stderr(&o));
        assert_eq!(
            names(&dir),
            Vec::<String>::new(),
            "ignore SIGXFSZ: {ignore_signal}"
        );
        // Into a folder import makes: the folder goes too.
        let sub = dir.join("drafts");
        let o = limited(
            &["import", ARTICLE, "--out", sub.to_str().unwrap()],
            4096,
            ignore_signal,
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(names(&dir), Vec::<String>::new());
        // A picture of `ask --out` (about 30 KB) under a 1 KiB limit.
        let o = limited(
            &["ask", "/overlap", "--out", dir.to_str().unwrap()],
            1024,
            ignore_signal,
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("cannot write the picture"),
            "{}",
            stderr(&o)
        );
        assert_eq!(names(&dir), Vec::<String>::new());
        // Within the limit, the same writes succeed (the limit, not the test, failed them).
        let o = limited(
            &["import", ARTICLE, "--out", json.to_str().unwrap()],
            1 << 20,
            ignore_signal,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(names(&dir), ["draft.json", TEXT]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[cfg(unix)]
#[test]
fn a_link_at_the_output_path_is_refused_and_nothing_is_written_through_it() {
    use std::os::unix::fs::symlink;
    let dir = folder("links");
    let import = |out: &Path| {
        command(&["import", ARTICLE, "--out", out.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let refused = |o: &Output, what: &str| {
        assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
        assert!(stderr(o).contains(what), "{}", stderr(o));
        assert!(stderr(o).contains("nothing written"), "{}", stderr(o));
    };

    // A dangling link: its target is not made.
    let target = dir.join("elsewhere.json");
    let link = dir.join("draft.json");
    symlink(&target, &link).unwrap();
    refused(&import(&link), "draft.json exists (a symbolic link)");
    assert!(!target.exists(), "nothing written through the link");

    // A link to an existing file: the file is left as it was.
    let kept = dir.join("kept.json");
    std::fs::write(&kept, "{}").unwrap();
    let link = dir.join("to-kept.json");
    symlink(&kept, &link).unwrap();
    refused(&import(&link), "to-kept.json exists (a symbolic link)");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "{}");

    // In a folder: the draft's own name a dangling link, the text beside it not written either.
    let drafts = dir.join("drafts");
    std::fs::create_dir(&drafts).unwrap();
    let target = dir.join("json-target");
    symlink(&target, drafts.join(JSON)).unwrap();
    refused(&import(&drafts), "exists (a symbolic link)");
    assert!(!target.exists());
    assert_eq!(names(&drafts), [JSON]);

    // A FIFO at the path: refused at once, not opened (which would wait for a reader).
    let fifo = dir.join("fifo.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    refused(&import(&fifo), "fifo.json exists (a special file");

    // `ask --out`: a dangling link where the picture would go.
    let pictures = dir.join("pictures");
    std::fs::create_dir(&pictures).unwrap();
    let target = dir.join("picture-target.png");
    symlink(&target, pictures.join("overlap.png")).unwrap();
    let o = command(&["ask", "/overlap", "--out", pictures.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("exists (a symbolic link)"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "refused before anything is printed");
    assert!(!target.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_existing_draft_is_refused_before_the_article_is_drafted() {
    let dir = folder("exists");
    std::fs::write(dir.join(TEXT), "someone's text").unwrap();
    // With --with pointing nowhere: had the draft been made first, that would be the error.
    let o = command(&[
        "import",
        ARTICLE,
        "--with",
        dir.join("missing").to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("{TEXT} exists (a file)")),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(TEXT)).unwrap(),
        "someone's text"
    );
    assert_eq!(names(&dir), [TEXT]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn numbered_pictures_stop_at_a_folder_that_cannot_be_looked_at() {
    use minilateral::picture::{Attachment, write_numbered};
    let dir = folder("numbered");
    let picture = || Attachment {
        name: "overlap.png".into(),
        data: vec![1, 2, 3],
        description: String::new(),
    };
    // Numbered one after the other where the names are taken.
    let first = write_numbered(&dir, &[picture()]).unwrap();
    let second = write_numbered(&dir, &[picture()]).unwrap();
    assert_eq!(names(&dir), ["overlap-2.png", "overlap.png"]);
    assert_ne!(first, second);
    // A file where the folder should be: an error at once, not a search through every number.
    let blocked = dir.join("not-a-folder");
    std::fs::write(&blocked, b"x").unwrap();
    let err = write_numbered(&blocked, &[picture()]).unwrap_err();
    assert!(!err.is_exists(), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
