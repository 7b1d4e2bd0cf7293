//! Interview sessions: `<data>/sessions/<id>.toml`, one readable file per interview, saved like
//! notes (atomic, private, never over a file changed elsewhere), its scorecard beside it as
//! `<id>.scorecard.md`. Deleting a session removes every file that holds the candidate.

use std::fs;
use std::path::{Path, PathBuf};

use super::{
    Fingerprint, Saved, StoreError, StoreErrorKind, Target, check_range, lock_beside, parse_toml,
    read_text, save_guarded, save_locked, stable_mark, write_private_in,
};
use crate::interview::{InterviewSession, MAX_LEVEL, MAX_MINUTES};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStore {
    data_dir: PathBuf,
    dir: PathBuf,
}

impl SessionStore {
    pub fn new(data_dir: &Path) -> SessionStore {
        SessionStore {
            data_dir: data_dir.to_path_buf(),
            dir: data_dir.join("sessions"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.toml"))
    }

    /// Where `x` writes the scorecard. `id` must be a `valid_id`: reads and writes check it.
    pub fn scorecard_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.scorecard.md"))
    }

    /// A session's file as saved now: where, and its version (of `None` for a new session).
    pub fn target(&self, id: &str) -> Target {
        Target {
            path: self.path(id),
            fingerprint: Fingerprint::of(None),
        }
    }

    /// The session in `text`, its numbers checked against the ranges `cuecard interview` takes
    /// and a week of interview time.
    fn parse(path: &Path, text: &str) -> Result<InterviewSession, StoreError> {
        let session: InterviewSession = parse_toml(path, text)?;
        check_range(path, "level", session.level, 1, MAX_LEVEL)?;
        check_range(path, "minutes", session.minutes, 1, MAX_MINUTES)?;
        check_range(path, "elapsed", session.elapsed, 0, MAX_SECONDS)?;
        for (n, question) in session.questions.iter().enumerate() {
            let key = format!("questions[{n}].seconds");
            check_range(path, &key, question.seconds, 0, MAX_SECONDS)?;
            for note in &question.notes {
                let key = format!("questions[{n}].notes.minute");
                check_range(path, &key, note.minute, 0, MAX_SECONDS / 60)?;
            }
        }
        Ok(session)
    }

    /// `Ok` when `id` is a session id (`valid_id`); else an error saying so.
    fn check_id(&self, id: &str) -> Result<(), StoreError> {
        if valid_id(id) {
            return Ok(());
        }
        Err(StoreError {
            path: self.dir.clone(),
            kind: StoreErrorKind::Refused(format!(
                "{id:?} is not a session id ({MAX_ID_LEN} at most of a-z, 0-9 and -); cuecard reads and writes only its own names"
            )),
        })
    }

    /// `Ok` when `path` is the file of a session of this directory or one of its conflict copies
    /// (`ID.toml`, `ID.conflict-STAMP.toml`); returns its id.
    fn check_session_path<'p>(&self, path: &'p Path) -> Result<&'p str, StoreError> {
        let id = session_id(path);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let rest = &name[id.len()..];
        let copy = rest
            .strip_prefix(".conflict-")
            .and_then(|r| r.strip_suffix(".toml"))
            .is_some_and(|stamp| stamp.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
        if path.parent() == Some(self.dir.as_path()) && (rest == ".toml" || copy) {
            self.check_id(id)?;
            return Ok(id);
        }
        Err(StoreError {
            path: path.to_path_buf(),
            kind: StoreErrorKind::Refused(
                "not a session file of the data directory; cuecard writes only its own names"
                    .to_string(),
            ),
        })
    }

    /// The session `id` and the version of its file. Its id is `id`, the file's name, whatever
    /// the file says.
    pub fn load(&self, id: &str) -> Result<(InterviewSession, Target), StoreError> {
        self.check_id(id)?;
        let path = self.path(id);
        let text = read_text(&path, super::TEXT_LIMIT)?.ok_or_else(|| StoreError {
            path: path.clone(),
            kind: StoreErrorKind::Io(std::io::ErrorKind::NotFound.into()),
        })?;
        let mut session = Self::parse(&path, &text)?;
        session.id = id.to_string();
        Ok((
            session,
            Target {
                fingerprint: Fingerprint::of(Some(&text)),
                path,
            },
        ))
    }

    /// The ids of the saved sessions, newest first (ids start with the date and time).
    pub fn ids(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut ids: Vec<String> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_string();
                let id = name.strip_suffix(".toml")?;
                valid_id(id).then(|| id.to_string())
            })
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids
    }

    /// The session meant by `name`: its id; else the one session whose id or candidate's name
    /// (as saved, in any script) contains `name`, ignoring case. When none or several match, an
    /// error saying so, listing the matches (id, candidate, date), one a line.
    pub fn find(&self, name: &str) -> Result<String, String> {
        let ids = self.ids();
        if ids.iter().any(|id| id == name) {
            return Ok(name.to_string());
        }
        let wanted = name.to_lowercase();
        let matching: Vec<(String, Option<InterviewSession>)> = ids
            .into_iter()
            .map(|id| {
                let session = self.load(&id).ok().map(|(session, _)| session);
                (id, session)
            })
            .filter(|(id, session)| {
                id.contains(&wanted)
                    || session
                        .as_ref()
                        .is_some_and(|s| s.candidate.to_lowercase().contains(&wanted))
            })
            .collect();
        let shown = crate::text::inert(name);
        match matching.as_slice() {
            [(id, _)] => Ok(id.clone()),
            [] => Err(format!("no session {shown}; `cuecard sessions` lists them")),
            many => {
                let mut message = format!(
                    "{shown} matches {} sessions; give the whole id:",
                    many.len()
                );
                for (id, session) in many {
                    let (candidate, date) = session.as_ref().map_or_else(
                        || ("?".to_string(), "?".to_string()),
                        |s| {
                            let candidate = crate::text::inert(&s.candidate).into_owned();
                            (candidate, s.created.format("%Y-%m-%d").to_string())
                        },
                    );
                    message.push_str(&format!("\n  {id}\t{candidate}\t{date}"));
                }
                Err(message)
            }
        }
    }

    /// Saves the session over the version `target` was read as, or beside it on a conflict. A
    /// new session (`target` from `target`, never saved) takes the first free name of `id`,
    /// `id-2`, `id-3`…: another interview that took its name in the same minute is never
    /// overwritten, nor mistaken for an edit of this one. The file says the id it is saved
    /// under; the returned target is where later saves go.
    pub fn save(
        &self,
        session: &InterviewSession,
        target: &Target,
        stamp: &str,
    ) -> Result<Saved, StoreError> {
        let id = self.check_session_path(&target.path)?.to_string();
        if target.fingerprint == Fingerprint::of(None) {
            if target.path != self.path(&id) {
                return Err(StoreError {
                    path: target.path.clone(),
                    kind: StoreErrorKind::Refused(
                        "a new session is saved under its id, not as a conflict copy".to_string(),
                    ),
                });
            }
            for n in 1..=MAX_SAME_NAME {
                let id = if n == 1 {
                    id.clone()
                } else {
                    format!("{id}-{n}")
                };
                let path = self.path(&id);
                let _lock = lock_beside(&self.data_dir, &path)?;
                if fs::symlink_metadata(&path).is_ok() {
                    continue;
                }
                let text = Self::text(session, &id, &path)?;
                write_private_in(&self.data_dir, &path, text.as_bytes())?;
                return Ok(Saved::Written(Target {
                    path,
                    fingerprint: Fingerprint::of(Some(&text)),
                }));
            }
        }
        let text = Self::text(session, &id, &target.path)?;
        save_guarded(&self.data_dir, target, &text, stamp)
    }

    /// The id of the session `target` (a session's file or its conflict copy) belongs to: the id
    /// it was saved under, which a new session's may not be (`id-2` when `id` was taken).
    pub fn id_of(&self, target: &Target) -> String {
        session_id(&target.path).to_string()
    }

    /// Writes `text`, the scorecard of session `id`, to `<id>.scorecard.md`, with the same rules
    /// as notes: the file is replaced only when it is missing, holds `text` already, or is the
    /// scorecard cuecard last wrote (its `stable_mark` is `session.scorecard`); otherwise — edited
    /// by hand, or written before cuecard kept the mark — it is kept, and `text` goes to a conflict
    /// copy beside it (`<id>.scorecard.conflict-STAMP.md`). On `Written`, `session.scorecard` is
    /// the new mark (the session is to be saved for it to last).
    pub fn write_scorecard(
        &self,
        id: &str,
        session: &mut InterviewSession,
        text: &str,
        stamp: &str,
    ) -> Result<Saved, StoreError> {
        self.check_id(id)?;
        let path = self.scorecard_path(id);
        let _lock = lock_beside(&self.data_dir, &path)?;
        let current = read_text(&path, super::TEXT_LIMIT);
        // The version that may be replaced: the file as it is if cuecard wrote it, else the new
        // text (which no other file matches).
        let replaceable = match &current {
            Ok(None) => Fingerprint::of(None),
            Ok(Some(current))
                if session.scorecard.as_deref() == Some(stable_mark(current).as_str()) =>
            {
                Fingerprint::of(Some(current))
            }
            _ => Fingerprint::of(Some(text)),
        };
        let target = Target {
            path,
            fingerprint: replaceable,
        };
        let saved = save_locked(&self.data_dir, &target, text, stamp)?;
        if let Saved::Written(_) = saved {
            session.scorecard = Some(stable_mark(text));
        }
        Ok(saved)
    }

    /// The file's text of `session` saved as `id`.
    fn text(session: &InterviewSession, id: &str, path: &Path) -> Result<String, StoreError> {
        let mut session = session.clone();
        session.id = id.to_string();
        toml::to_string(&session).map_err(|e| StoreError {
            path: path.to_path_buf(),
            kind: StoreErrorKind::Malformed(e.to_string()),
        })
    }

    /// Removes every file that holds session `id`: its conflict copies, its scorecard and the
    /// scorecard's conflict copies, temporary files a killed save left behind, its lock files,
    /// and last the session file itself. When a file cannot be removed, the others still are,
    /// and the session file is kept, so that the session stays listed and the delete can be run
    /// again. Lock files are removed but not reported (they hold nothing).
    pub fn delete(&self, id: &str) -> Result<Deleted, StoreError> {
        self.check_id(id)?;
        let entries = fs::read_dir(&self.dir).map_err(|e| StoreError {
            path: self.dir.clone(),
            kind: StoreErrorKind::Io(e),
        })?;
        let session = self.path(id);
        // `id.toml`, `id.….toml`, `id.scorecard….md`, and `.id.….XXXX` temporaries and locks: an
        // id has no dot, so whatever starts with `id.` is this session's, never another's.
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .filter(|entry| {
                let name = entry.file_name();
                let name = name.to_str().unwrap_or("");
                let name = name.strip_prefix('.').unwrap_or(name);
                name.strip_prefix(id)
                    .is_some_and(|rest| rest.starts_with('.'))
            })
            .map(|entry| entry.path())
            .filter(|path| *path != session)
            .collect();
        files.sort();
        let mut deleted = Deleted::default();
        for path in files {
            match fs::remove_file(&path) {
                Ok(()) if path.to_string_lossy().ends_with(".lock") => {}
                Ok(()) => deleted.removed.push(path),
                Err(e) => deleted.failed.push(StoreError {
                    path,
                    kind: StoreErrorKind::Io(e),
                }),
            }
        }
        if deleted.failed.is_empty() {
            match fs::remove_file(&session) {
                Ok(()) => deleted.removed.push(session),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => deleted.failed.push(StoreError {
                    path: session,
                    kind: StoreErrorKind::Io(e),
                }),
            }
        } else {
            deleted.kept = Some(session);
        }
        Ok(deleted)
    }
}

/// What `SessionStore::delete` did.
#[derive(Debug, Default)]
pub struct Deleted {
    /// The files removed.
    pub removed: Vec<PathBuf>,
    /// The files that could not be removed, and why.
    pub failed: Vec<StoreError>,
    /// The session file, kept because another file of the session could not be removed.
    pub kept: Option<PathBuf>,
}

/// The most interview time a session can have counted, in seconds: a week.
const MAX_SECONDS: u64 = 7 * 24 * 3600;

/// The longest session id.
const MAX_ID_LEN: usize = 100;

/// Whether `id` can name a session: 1 to `MAX_ID_LEN` characters of `[a-z0-9-]` (what
/// `InterviewSession::new` makes: `YYYYMMDD-HHMM-slug`, and `-N` when that was taken). Such an
/// id is a plain file name: no separator, no dot, nothing that leads out of the directory.
pub fn valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// How many sessions may share a minute and a candidate's name (`id`, `id-2`… `id-999`).
const MAX_SAME_NAME: usize = 999;

/// The id of the session a file of the sessions directory belongs to: its name up to the first
/// dot (`X.toml`, `X.conflict-….toml`, `X.scorecard.md` all belong to `X`).
fn session_id(path: &Path) -> &str {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.split('.').next().unwrap_or("")
}

impl SessionStore {
    /// The questions of the newest mock interview, to draw another set next time.
    pub fn last_mock_questions(&self) -> Vec<String> {
        let mut ids = self.ids();
        ids.sort();
        ids.iter()
            .rev()
            .filter(|id| id.contains("-mock"))
            .find_map(|id| self.load(id).ok().filter(|(s, _)| s.is_mock()))
            .map(|(session, _)| session.questions.into_iter().map(|q| q.id).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentSource, load};
    use crate::interview::SessionPlan;
    use chrono::DateTime;

    fn session(candidate: &str) -> InterviewSession {
        let library = load(&[ContentSource::Bundled]).library;
        let plan = SessionPlan {
            candidate: candidate.to_string(),
            role: "Support lead".to_string(),
            level: 2,
            competencies: vec!["customer-interaction".to_string()],
            minutes: 30,
        };
        let now = DateTime::parse_from_rfc3339("2026-11-23T09:12:00Z")
            .unwrap()
            .to_utc();
        InterviewSession::new(&library, &plan, now).unwrap()
    }

    #[test]
    fn round_trip_list_find_and_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        let mut jane = session("Jane Doe");
        let saved = store.save(&jane, &store.target(&jane.id), "s").unwrap();
        assert!(matches!(saved, Saved::Written(_)));
        let (loaded, target) = store.load(&jane.id).unwrap();
        assert_eq!(loaded, jane);
        let text = fs::read_to_string(store.path(&jane.id)).unwrap();
        assert!(text.contains("candidate = \"Jane Doe\""), "{text}");
        store
            .save(
                &session("Max Roe"),
                &store.target("20261123-0912-max-roe"),
                "s",
            )
            .unwrap();
        assert_eq!(
            store.ids(),
            vec!["20261123-0912-max-roe", "20261123-0912-jane-doe"]
        );
        assert_eq!(store.find("jane").unwrap(), "20261123-0912-jane-doe");
        let many = store.find("20261123").unwrap_err();
        assert!(many.contains("2 sessions"), "{many}");
        assert!(
            many.contains("\n  20261123-0912-jane-doe\tJane Doe\t2026-11-23"),
            "{many}"
        );
        assert!(store.find("nobody").is_err());
        // Changed elsewhere: kept, and this version goes beside it.
        fs::write(
            store.path(&jane.id),
            text.replace("Support lead", "Team lead"),
        )
        .unwrap();
        jane.summary = "Strong".to_string();
        let saved = store.save(&jane, &target, "20261123-1000").unwrap();
        let Saved::Conflict(copy) = saved else {
            panic!("expected a conflict");
        };
        assert!(
            copy.path
                .ends_with("20261123-0912-jane-doe.conflict-20261123-1000.toml")
        );
        assert!(
            fs::read_to_string(store.path(&jane.id))
                .unwrap()
                .contains("Team lead")
        );
        assert_eq!(store.ids().len(), 2, "conflict copies are not sessions");
    }

    #[test]
    fn delete_removes_every_file_of_the_candidate_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        let jane = session("Jane Doe");
        let max = session("Max Roe");
        store.save(&jane, &store.target(&jane.id), "s").unwrap();
        store.save(&max, &store.target(&max.id), "s").unwrap();
        fs::write(store.scorecard_path(&jane.id), "# Scorecard").unwrap();
        fs::write(
            store.dir().join(format!("{}.conflict-1.toml", jane.id)),
            "x",
        )
        .unwrap();
        fs::write(store.dir().join(format!(".{}.toml.tmp123", jane.id)), "x").unwrap();
        let deleted = store.delete(&jane.id).unwrap();
        assert!(deleted.failed.is_empty(), "{deleted:?}");
        assert_eq!(deleted.removed.len(), 4, "{deleted:?}");
        assert_eq!(store.ids(), vec![max.id.clone()]);
        let left: Vec<_> = fs::read_dir(store.dir())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
        assert!(left.contains(&format!("{}.toml", max.id)), "{left:?}");
        assert!(left.contains(&format!(".{}.toml.lock", max.id)), "{left:?}");
    }
}
