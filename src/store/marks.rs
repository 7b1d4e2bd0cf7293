//! The key points a candidate marked covered or not by hand: `<data>/marks.toml`, one table per
//! question id, one line per key point (its text) with `true` or `false`. Each mark is written
//! on its own, under the file's lock and atomically: two cuecards marking at once both keep
//! their marks.
//!
//! ```toml
//! ["customer-support/customer-interaction/difficult-customer"]
//! "Reflects honestly on what they would change." = true
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{StoreError, lock_beside, parse_toml, read_text, write_private_in};
use crate::practice::Marks;

/// The largest marks file cuecard reads.
pub const LIMIT: u64 = 8 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkStore {
    data_dir: PathBuf,
    path: PathBuf,
}

impl MarkStore {
    pub fn new(data_dir: &Path) -> MarkStore {
        MarkStore {
            data_dir: data_dir.to_path_buf(),
            path: data_dir.join("marks.toml"),
        }
    }

    /// Every question's marks (none when there is no file yet).
    pub fn load(&self) -> Result<BTreeMap<String, Marks>, StoreError> {
        match read_text(&self.path, LIMIT)? {
            Some(text) => parse_toml(&self.path, &text),
            None => Ok(BTreeMap::new()),
        }
    }

    /// Marks `point` of `question_id` covered or not (`None`: takes the mark away, back to what
    /// the note says), keeping every other mark on disk as it is. Returns every mark after it.
    pub fn set(
        &self,
        question_id: &str,
        point: &str,
        value: Option<bool>,
    ) -> Result<BTreeMap<String, Marks>, StoreError> {
        super::create_private_dir(&self.data_dir)?;
        let _lock = lock_beside(&self.data_dir, &self.path)?;
        let mut all = self.load()?;
        let marks = all.entry(question_id.to_string()).or_default();
        match value {
            Some(value) => {
                marks.insert(point.to_string(), value);
            }
            None => {
                marks.remove(point);
            }
        }
        all.retain(|_, marks| !marks.is_empty());
        let text = toml::to_string(&all).map_err(|e| StoreError {
            path: self.path.clone(),
            kind: super::StoreErrorKind::Refused(e.to_string()),
        })?;
        write_private_in(&self.data_dir, &self.path, text.as_bytes())?;
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_round_trip_and_two_writers_keep_both() {
        let dir = tempfile::tempdir().unwrap();
        let one = MarkStore::new(dir.path());
        let two = MarkStore::new(dir.path());
        one.set("f/c/q", "Gives a figure.", Some(true)).unwrap();
        two.set("f/c/q", "Names the team.", Some(false)).unwrap();
        two.set("f/c/r", "Says \"why\".", Some(true)).unwrap();
        let all = one.load().unwrap();
        assert!(all["f/c/q"]["Gives a figure."]);
        assert!(!all["f/c/q"]["Names the team."]);
        assert!(all["f/c/r"]["Says \"why\"."]);
        one.set("f/c/r", "Says \"why\".", None).unwrap();
        assert!(!one.load().unwrap().contains_key("f/c/r"));
        let text = std::fs::read_to_string(dir.path().join("marks.toml")).unwrap();
        assert!(text.contains("[\"f/c/q\"]"), "{text}");
    }

    #[test]
    fn threads_marking_at_once_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let store = MarkStore::new(dir.path());
                std::thread::spawn(move || store.set("f/c/q", &format!("point {i}"), Some(true)))
            })
            .collect();
        for handle in handles {
            handle.join().unwrap().unwrap();
        }
        assert_eq!(MarkStore::new(dir.path()).load().unwrap()["f/c/q"].len(), 8);
    }
}
