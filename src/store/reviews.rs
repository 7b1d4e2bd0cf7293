//! The review schedule and history: `<data>/reviews.toml`, one table per question id. Saved like
//! notes (atomic, private); when another cuecard changed the file meanwhile, the two are merged
//! question by question rather than one overwriting the other.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{
    Fingerprint, StoreError, StoreErrorKind, check_range, lock_beside, parse_toml, read_text,
    write_private_in,
};
use crate::practice::schedule::Schedule;

/// The most reviews or lapses a question can have counted (far below where `i32` wraps).
const MAX_COUNT: i32 = 1_000_000;
/// The most days an interval or a gap between reviews can span (about 2,700 years).
const MAX_DAYS: i64 = 1_000_000;

/// The largest review history cuecard reads (tens of thousands of graded answers fit).
pub const LIMIT: u64 = 64 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewStore {
    data_dir: PathBuf,
    path: PathBuf,
}

impl ReviewStore {
    pub fn new(data_dir: &Path) -> ReviewStore {
        ReviewStore {
            data_dir: data_dir.to_path_buf(),
            path: data_dir.join("reviews.toml"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schedule on disk (empty when there is none yet) and the version it was read from.
    pub fn load(&self) -> Result<(Schedule, Fingerprint), StoreError> {
        let text = read_text(&self.path, LIMIT)?;
        let fingerprint = Fingerprint::of(text.as_deref());
        let schedule = match text {
            Some(text) => self.parse(&text)?,
            None => Schedule::default(),
        };
        Ok((schedule, fingerprint))
    }

    /// The schedule in `text`, its numbers checked: a counter that the next grade would wrap, a
    /// day count or a figure no schedule has is an error naming the question and the key.
    fn parse(&self, text: &str) -> Result<Schedule, StoreError> {
        let schedule: Schedule = parse_toml(&self.path, text)?;
        for (id, record) in &schedule.questions {
            let key = |name: &str| format!("questions.{id:?}.{name}");
            let path = &self.path;
            check_range(path, &key("reps"), record.reps, 0, MAX_COUNT)?;
            check_range(path, &key("lapses"), record.lapses, 0, MAX_COUNT)?;
            check_range(path, &key("elapsed_days"), record.elapsed_days, 0, MAX_DAYS)?;
            check_range(
                path,
                &key("scheduled_days"),
                record.scheduled_days,
                0,
                MAX_DAYS,
            )?;
            check_range(
                path,
                &key("stability"),
                record.stability,
                0.0,
                MAX_DAYS as f64,
            )?;
            check_range(path, &key("difficulty"), record.difficulty, 0.0, 10.0)?;
            for review in &record.history {
                check_range(path, &key("history.seconds"), review.seconds, 0, 86_400)?;
            }
        }
        Ok(schedule)
    }

    /// Saves `schedule`, in which the questions in `mine` were graded since the file was read at
    /// `loaded`. If the file changed meanwhile, it is merged: `mine` from here, the rest from
    /// disk. Returns what was written and its version. The file is locked from the read to the
    /// rename (`lock_beside`), so two cuecards grading at the same instant both keep their grades.
    pub fn save(
        &self,
        schedule: &Schedule,
        mine: &BTreeSet<String>,
        loaded: Fingerprint,
    ) -> Result<(Schedule, Fingerprint), StoreError> {
        let _lock = lock_beside(&self.data_dir, &self.path)?;
        let current = read_text(&self.path, LIMIT)?;
        let merged = if Fingerprint::of(current.as_deref()) == loaded {
            schedule.clone()
        } else {
            let theirs = match current {
                Some(text) => self.parse(&text)?,
                None => Schedule::default(),
            };
            schedule.merged_over(&theirs, mine)
        };
        let text = toml::to_string(&merged).map_err(|e| StoreError {
            path: self.path.clone(),
            kind: StoreErrorKind::Malformed(e.to_string()),
        })?;
        write_private_in(&self.data_dir, &self.path, text.as_bytes())?;
        Ok((merged, Fingerprint::of(Some(&text))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::schedule::Grade;
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn round_trip_as_readable_toml() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReviewStore::new(dir.path());
        let (mut schedule, loaded) = store.load().unwrap();
        assert!(schedule.questions.is_empty());
        schedule.grade("fw/comp/q", Grade::Good, 95, now(), None);
        let mine = BTreeSet::from(["fw/comp/q".to_string()]);
        store.save(&schedule, &mine, loaded).unwrap();
        let text = std::fs::read_to_string(store.path()).unwrap();
        assert!(text.contains("[questions.\"fw/comp/q\"]"), "{text}");
        assert!(text.contains("grade = \"good\""), "{text}");
        assert!(text.contains("seconds = 95"), "{text}");
        let (again, _) = store.load().unwrap();
        assert_eq!(again, schedule);
    }

    #[test]
    fn a_file_changed_meanwhile_is_merged_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReviewStore::new(dir.path());
        let (mut first, loaded_first) = store.load().unwrap();
        let (mut second, loaded_second) = store.load().unwrap();
        first.grade("a", Grade::Good, 10, now(), None);
        store
            .save(&first, &BTreeSet::from(["a".to_string()]), loaded_first)
            .unwrap();
        second.grade("b", Grade::Again, 10, now(), None);
        let (merged, _) = store
            .save(&second, &BTreeSet::from(["b".to_string()]), loaded_second)
            .unwrap();
        assert_eq!(merged.questions.len(), 2);
        let (on_disk, _) = store.load().unwrap();
        assert_eq!(on_disk.questions.len(), 2);
    }

    #[test]
    fn a_broken_file_is_reported_with_its_line_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = ReviewStore::new(dir.path());
        std::fs::write(store.path(), "[questions.\"q\"]\ndue = 12\n").unwrap();
        let error = store.load().unwrap_err().to_string();
        assert!(
            error.contains("reviews.toml") && error.contains("line 2"),
            "{error}"
        );
        let schedule = Schedule::default();
        assert!(
            store
                .save(&schedule, &BTreeSet::new(), Fingerprint::of(None))
                .is_err()
        );
        assert_eq!(
            std::fs::read_to_string(store.path()).unwrap(),
            "[questions.\"q\"]\ndue = 12\n"
        );
    }
}
