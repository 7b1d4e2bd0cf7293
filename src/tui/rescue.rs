//! The last line of defence for what the user wrote: the work the loop has not saved yet, shared
//! with the threads that watch for signals and for the terminal going away, which save it when the
//! loop cannot (crossterm#793: reading a terminal that has gone away can spin forever). Whatever
//! cannot be saved at exit goes to a recovery file, 0600, in another writable place, and the user
//! is told where.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};

use super::app::App;
use super::effect::SaveRequest;
use super::interview_mode::Interview;
use super::persist::Stores;

/// Work not on disk yet, as the loop last saw it.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    /// Note texts.
    pub notes: Vec<SaveRequest>,
    /// The interview under way, a half-typed line and the time not counted yet included.
    pub interview: Option<Interview>,
    /// The loop has made its own last save and leaves by itself, with its own exit status: the
    /// signal thread then has nothing to do, and must not exit first.
    pub loop_done: bool,
}

/// A text that could not be saved: what it is, and the text.
#[derive(Clone, PartialEq, Eq)]
pub struct Unsaveable {
    pub what: String,
    pub text: String,
}

impl std::fmt::Debug for Unsaveable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unsaveable")
            .field("what", &self.what)
            .finish_non_exhaustive()
    }
}

impl Pending {
    /// What of `app` is not on disk yet.
    pub fn of(app: &App) -> Pending {
        Pending {
            notes: app.unsaved_requests(),
            interview: app.interview.clone(),
            loop_done: false,
        }
    }

    /// Saves everything with the time counted to `now` and any half-typed interview line kept,
    /// leaving nothing pending; returns what could not be saved.
    pub fn save(&mut self, stores: &Stores, stamp: &str, now: DateTime<Utc>) -> Vec<Unsaveable> {
        let mut failed = Vec::new();
        for request in self.notes.drain(..) {
            if super::persist::save_text(stores, &request, stamp).is_err() {
                failed.push(Unsaveable {
                    what: format!("note on {}", request.question_id),
                    text: request.text,
                });
            }
        }
        if let Some(mut interview) = self.interview.take().filter(|i| !i.deleted_elsewhere) {
            interview.count_time(now);
            interview.keep_typed_line();
            if interview.dirty {
                let target = interview
                    .target
                    .clone()
                    .unwrap_or_else(|| stores.sessions.target(&interview.session.id));
                if stores
                    .sessions
                    .save(&interview.session, &target, stamp)
                    .is_err()
                {
                    failed.push(Unsaveable {
                        what: format!("interview session {}", interview.session.id),
                        text: toml::to_string(&interview.session).unwrap_or_default(),
                    });
                }
            }
        }
        failed
    }
}

/// How often the shared copy of the pending work takes in the open note's text while it changes:
/// copying a long note at every keystroke would make typing cost grow with its length.
const SNAPSHOT_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// The loop's memory of when it last copied the pending work for the watching threads.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The editor's change count and the number of notes waiting, as last copied.
    copied: Option<(Option<u64>, usize)>,
    at: Option<std::time::Instant>,
}

impl Snapshot {
    /// Copies the pending work into `shared`: the interview every time (it is small), the note
    /// texts when they changed, at once after saves, at most every [`SNAPSHOT_EVERY`] while a
    /// note is being typed (a later tick catches up).
    pub fn refresh(
        &mut self,
        shared: &mut Pending,
        app: &App,
        saved: bool,
        now: std::time::Instant,
    ) {
        shared.interview = app.interview.clone();
        let key = (app.editor.as_ref().map(|e| e.changes), app.unsaved.len());
        if !saved && self.copied == Some(key) {
            return;
        }
        let recent = self
            .at
            .is_some_and(|at| now.duration_since(at) < SNAPSHOT_EVERY);
        if !saved && recent {
            return;
        }
        shared.notes = app.unsaved_requests();
        self.copied = Some(key);
        self.at = Some(now);
    }
}

/// The pending work, shared between the loop and the watching threads. Whoever saves holds the
/// lock, so a text is never saved twice from two places.
#[derive(Debug, Clone, Default)]
pub struct Shared(Arc<Mutex<Pending>>);

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, Pending> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Writes what could not be saved to a new private file in the temporary directory, else beside
/// the data directory; returns its path.
pub fn write_recovery(failed: &[Unsaveable], data_dir: &Path) -> std::io::Result<PathBuf> {
    let mut text = String::from(
        "# cuecard: work that could not be saved\n\n\
         cuecard could not write these to its data directory when it stopped. Copy what you need\n\
         back (into the note, or the session file), then delete this file.\n",
    );
    for item in failed {
        text.push_str(&format!("\n## {}\n\n{}\n", item.what, item.text));
    }
    let name = format!(
        "cuecard-recovery-{}-{}.md",
        chrono::Local::now().format("%Y%m%d-%H%M%S"),
        std::process::id()
    );
    let places = [
        Some(std::env::temp_dir()),
        data_dir.parent().map(Path::to_path_buf),
    ];
    let mut last_error = std::io::Error::other("no writable place");
    for dir in places.into_iter().flatten() {
        let path = dir.join(&name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options.open(&path).and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        });
        match written {
            Ok(()) => return Ok(path),
            Err(e) => {
                let _ = std::fs::remove_file(&path);
                last_error = e;
            }
        }
    }
    Err(last_error)
}

/// Saves the pending work from a thread other than the loop's, writing what fails to a recovery
/// file; returns the message for standard error when something could not be saved.
/// Returns `None` too when the loop has finished by itself: then it reports and exits.
pub fn save_or_recover(
    shared: &Shared,
    stores: &Stores,
    data_dir: &Path,
) -> Option<Option<String>> {
    let mut pending = shared.lock();
    if pending.loop_done {
        return None;
    }
    let failed = pending.save(stores, &super::persist::stamp_now(), Utc::now());
    Some(recovery_message(&failed, data_dir))
}

/// Writes `failed` to a recovery file; the message says where (or that even that failed).
pub fn recovery_message(failed: &[Unsaveable], data_dir: &Path) -> Option<String> {
    if failed.is_empty() {
        return None;
    }
    let what: Vec<&str> = failed.iter().map(|f| f.what.as_str()).collect();
    Some(match write_recovery(failed, data_dir) {
        Ok(path) => format!(
            "could not save {} to the data directory; it is in {}",
            what.join(", "),
            crate::text::inert(&path.display().to_string())
        ),
        Err(e) => format!(
            "could not save {}, nor write a recovery file: {e}",
            what.join(", ")
        ),
    })
}
