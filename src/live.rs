//! Live data: the knowledge in use, swapped whole when the dataset changes on disk or on
//! SIGHUP. A new dataset is validated before it is swapped in; a broken one is logged with its
//! file and line and the last good one keeps serving.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use tracing::{error, info};

use crate::datafiles::{self, DataError, DataPath};
use crate::knowledge::Knowledge;

/// How often the data files are checked for changes. Checking is a `stat` per file; a
/// second is quick for a curator and nothing for the machine.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// The knowledge requests are answered from. Readers take an `Arc` and keep it for the whole
/// request, so a swap never shows anyone half of two datasets.
#[derive(Debug)]
pub struct Live {
    current: RwLock<Arc<Knowledge>>,
}

impl Live {
    pub fn new(knowledge: Knowledge) -> Live {
        // Loading freed the files' text and the parsed JSON; the process keeps only the
        // knowledge.
        give_back_memory();
        Live {
            current: RwLock::new(Arc::new(knowledge)),
        }
    }

    pub fn get(&self) -> Arc<Knowledge> {
        // A poisoned lock only means a writer panicked between two whole values.
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Puts `knowledge` in use and returns the knowledge it replaces.
    fn swap(&self, knowledge: Knowledge) -> Arc<Knowledge> {
        std::mem::replace(
            &mut *self.current.write().unwrap_or_else(|e| e.into_inner()),
            Arc::new(knowledge),
        )
    }
}

/// Drops the knowledge a reload replaced here, in the reloading thread: requests hold it for
/// microseconds, so this waits for them (at most `RETIRE_WAIT`). Otherwise the last request
/// to let go would free a large dataset on an async worker and stall every other request
/// for that long.
fn retire(old: Arc<Knowledge>) {
    let deadline = std::time::Instant::now() + RETIRE_WAIT;
    while Arc::strong_count(&old) > 1 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(old);
    give_back_memory();
}

/// Hands the pages of a freed dataset back to the system. glibc keeps freed memory for later
/// allocations, so without this each reload of a large dataset would leave the process as
/// large as two datasets for good.
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the kernel; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// How long `retire` waits for requests to let go of the old knowledge.
const RETIRE_WAIT: Duration = Duration::from_secs(5);

/// What a reload did.
#[derive(Debug)]
pub enum Reloaded {
    /// The new dataset is in use; `years_changed` when `/wish` must offer other years (the
    /// commands need registering again).
    Swapped { years_changed: bool },
    /// The new dataset is broken; the last good one stays.
    Kept(DataError),
}

/// Reads, validates and swaps in the dataset at `path`.
pub fn reload(path: &DataPath, live: &Live) -> Reloaded {
    match datafiles::load(path) {
        Ok(dataset) => {
            let before = live.get().dataset.wish_years();
            let knowledge = Knowledge::new(dataset);
            let years_changed = knowledge.dataset.wish_years() != before;
            let s = knowledge.dataset.summary();
            retire(live.swap(knowledge));
            info!(
                path = %path.describe(),
                experts = s.experts,
                groups = s.groups,
                years_changed,
                "dataset reloaded"
            );
            Reloaded::Swapped { years_changed }
        }
        Err(e) => {
            error!(path = %path.describe(), problems = %e, "dataset not reloaded; still serving the last good one");
            Reloaded::Kept(e)
        }
    }
}

/// One file's state as `stat` tells it: size, modification time, and on Unix the inode and
/// the change time, which no tool can set back. A rewrite that keeps size and modification
/// time (`cp -p`, `rsync -t`) still changes the change time or the inode.
type FileState = (PathBuf, u64, Option<SystemTime>, (u64, i64, i64));

/// What identifies the state of the data files: the state of each JSON file and of each
/// source text they name (`texts`, as of the last look inside them).
fn fingerprint(path: &DataPath, texts: &[PathBuf]) -> Vec<FileState> {
    let mut out: Vec<_> = datafiles::json_paths(path)
        .into_iter()
        .chain(texts.iter().cloned())
        .map(|f| {
            let meta = std::fs::metadata(&f).ok();
            let len = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta.as_ref().and_then(|m| m.modified().ok());
            let changed = meta.as_ref().map_or((0, 0, 0), inode_and_ctime);
            (f, len, modified, changed)
        })
        .collect();
    out.sort();
    out
}

#[cfg(unix)]
fn inode_and_ctime(meta: &std::fs::Metadata) -> (u64, i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (meta.ino(), meta.ctime(), meta.ctime_nsec())
}

#[cfg(not(unix))]
fn inode_and_ctime(_: &std::fs::Metadata) -> (u64, i64, i64) {
    (0, 0, 0)
}

/// Reloads on every change of the files at `path` and on SIGHUP, forever; `on_years` runs
/// after a reload that changed the years offered by `/wish`.
pub async fn watch<F, Fut>(path: DataPath, live: Arc<Live>, on_years: F)
where
    F: Fn(Arc<Knowledge>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    // Which texts the JSON files name is read again only when something changed: a poll is
    // a `stat` per file, never a parse.
    let mut texts = datafiles::text_paths(&path);
    let mut seen = fingerprint(&path, &texts);
    let mut tick = tokio::time::interval(POLL_EVERY);
    #[cfg(unix)]
    let mut hangup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok();
    loop {
        #[cfg(unix)]
        let by_signal = async {
            match hangup.as_mut() {
                Some(h) => {
                    h.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let by_signal = std::future::pending::<()>();
        let asked = tokio::select! {
            _ = tick.tick() => false,
            _ = by_signal => true,
        };
        if matches!(path, DataPath::Bundled) {
            if asked {
                info!("the bundled dataset cannot change; nothing to reload");
            }
            continue;
        }
        // Looking at the files (a `stat` each) and reloading (seconds of CPU for a large
        // dataset) are blocking work: off the async workers, so requests go on meanwhile. The
        // loop waits, so two reloads never run at once.
        let (p, t, s) = (path.clone(), texts.clone(), seen.clone());
        let changed = asked
            || tokio::task::spawn_blocking(move || fingerprint(&p, &t) != s)
                .await
                .unwrap_or(false);
        if !changed {
            continue;
        }
        let (p, l) = (path.clone(), live.clone());
        let work = tokio::task::spawn_blocking(move || {
            let texts = datafiles::text_paths(&p);
            let seen = fingerprint(&p, &texts);
            (texts, seen, reload(&p, &l))
        });
        let Ok((new_texts, new_seen, reloaded)) = work.await else {
            continue;
        };
        (texts, seen) = (new_texts, new_seen);
        if let Reloaded::Swapped {
            years_changed: true,
        } = reloaded
        {
            on_years(live.get()).await;
        }
    }
}
