//! Practice notes: one Markdown file per question at `<data>/notes/<framework>/<competency>/<question>.md`.
//!
//! A note is saved only over the version it was loaded from: when the file changed on disk in the
//! meantime (another cuecard, an editor elsewhere), the text being saved goes to a conflict copy
//! beside it and both are kept.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

pub use super::Saved;
use super::{Fingerprint, StoreError, read_text};

/// Where a note is saved, and the version of that file it was loaded from (or last saved as).
pub type NoteTarget = super::Target;

/// A note as read from disk. `Debug` leaves the text out: notes are private.
#[derive(Clone)]
pub struct LoadedNote {
    /// Empty when the note does not exist yet.
    pub text: String,
    pub exists: bool,
    pub target: NoteTarget,
}

impl fmt::Debug for LoadedNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoadedNote")
            .field("exists", &self.exists)
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

/// The notes under a data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteStore {
    data_dir: PathBuf,
    root: PathBuf,
}

impl NoteStore {
    /// The notes of the data directory `data_dir`.
    pub fn new(data_dir: &Path) -> NoteStore {
        NoteStore {
            data_dir: data_dir.to_path_buf(),
            root: data_dir.join("notes"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file of the question with id `framework/competency/question` (ids are made of
    /// `[a-z0-9-]` only, so they are safe path parts).
    pub fn path(&self, question_id: &str) -> PathBuf {
        let mut path = self.root.clone();
        path.extend(question_id.split('/'));
        path.set_extension("md");
        path
    }

    /// Reads the note of a question, fresh from disk.
    pub fn load(&self, question_id: &str) -> Result<LoadedNote, StoreError> {
        let path = self.path(question_id);
        let text = read_text(&path, super::TEXT_LIMIT)?;
        Ok(LoadedNote {
            exists: text.is_some(),
            target: NoteTarget {
                fingerprint: Fingerprint::of(text.as_deref()),
                path,
            },
            text: text.unwrap_or_default(),
        })
    }

    /// Every note on disk, by question id, for the markers, the question view and search. Notes
    /// that cannot be read are returned apart, to be reported; conflict copies are not notes.
    pub fn load_all(&self) -> (BTreeMap<String, String>, Vec<StoreError>) {
        let mut notes = BTreeMap::new();
        let mut errors = Vec::new();
        let Ok(frameworks) = fs::read_dir(&self.root) else {
            return (notes, errors);
        };
        for framework in frameworks.flatten() {
            let Ok(competencies) = fs::read_dir(framework.path()) else {
                continue;
            };
            for competency in competencies.flatten() {
                let Ok(files) = fs::read_dir(competency.path()) else {
                    continue;
                };
                for file in files.flatten() {
                    let path = file.path();
                    let Some(stem) = note_stem(&path) else {
                        continue;
                    };
                    let id = format!(
                        "{}/{}/{stem}",
                        framework.file_name().to_string_lossy(),
                        competency.file_name().to_string_lossy()
                    );
                    match read_text(&path, super::TEXT_LIMIT) {
                        Ok(Some(text)) => {
                            notes.insert(id, text);
                        }
                        Ok(None) => {}
                        Err(e) => errors.push(e),
                    }
                }
            }
        }
        (notes, errors)
    }

    /// Saves `text` to `target` unless the file there changed since `target` was loaded or saved;
    /// then it goes to a new conflict copy beside it, named with `stamp` (e.g. `20261123-0901`).
    /// Only files under the notes directory are written.
    pub fn save(&self, target: &NoteTarget, text: &str, stamp: &str) -> Result<Saved, StoreError> {
        let inside = target.path.strip_prefix(&self.root).is_ok_and(|rest| {
            rest.components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        });
        if !inside {
            return Err(StoreError {
                path: target.path.clone(),
                kind: super::StoreErrorKind::Refused(
                    "not a note of the data directory; cuecard writes only its own files"
                        .to_string(),
                ),
            });
        }
        super::save_guarded(&self.data_dir, target, text, stamp)
    }
}

/// The question id part of a note file's name: `x.md` → `x`; conflict copies and temporary files
/// are not notes.
fn note_stem(path: &Path) -> Option<&str> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".md")?;
    let valid = !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    valid.then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write_private;

    const ID: &str = "customer-support/service-management/sm-1";

    #[test]
    fn round_trip_under_the_documented_layout() {
        let dir = tempfile::tempdir().unwrap();
        let store = NoteStore::new(dir.path());
        let note = store.load(ID).unwrap();
        assert!(!note.exists);
        assert_eq!(note.text, "");
        let saved = store.save(&note.target, "# my answer\n", "x").unwrap();
        assert!(matches!(saved, Saved::Written(_)));
        let path = dir
            .path()
            .join("notes/customer-support/service-management/sm-1.md");
        assert_eq!(fs::read_to_string(&path).unwrap(), "# my answer\n");
        let again = store.load(ID).unwrap();
        assert!(again.exists);
        assert_eq!(again.text, "# my answer\n");
        // Saving the same text twice from the old version is no conflict either.
        let twice = store.save(&note.target, "# my answer\n", "x").unwrap();
        assert!(matches!(twice, Saved::Written(_)));
        // Saving again over what was saved is no conflict.
        let second = store.save(saved.target(), "# better\n", "x").unwrap();
        assert!(matches!(second, Saved::Written(_)));
        let (all, errors) = store.load_all();
        assert!(errors.is_empty());
        assert_eq!(all.get(ID).map(String::as_str), Some("# better\n"));
    }

    #[test]
    fn a_note_changed_on_disk_is_kept_and_the_text_goes_to_a_conflict_copy() {
        let dir = tempfile::tempdir().unwrap();
        let store = NoteStore::new(dir.path());
        let note = store.load(ID).unwrap();
        let first = store.save(&note.target, "mine", "s").unwrap();
        // Someone else writes the file.
        fs::write(store.path(ID), "theirs").unwrap();
        let saved = store
            .save(first.target(), "mine, longer", "20261123-0901")
            .unwrap();
        let Saved::Conflict(copy) = &saved else {
            panic!("expected a conflict, got {saved:?}");
        };
        assert_eq!(fs::read_to_string(store.path(ID)).unwrap(), "theirs");
        assert!(
            copy.path
                .ends_with("service-management/sm-1.conflict-20261123-0901.md"),
            "{:?}",
            copy.path
        );
        assert_eq!(fs::read_to_string(&copy.path).unwrap(), "mine, longer");
        // Later saves go to the copy, and a second conflict the same minute gets its own name.
        let later = store.save(copy, "mine, longest", "20261123-0901").unwrap();
        assert_eq!(
            later,
            Saved::Written(NoteTarget {
                path: copy.path.clone(),
                fingerprint: Fingerprint::of(Some("mine, longest"))
            })
        );
        let fresh = store.load(ID).unwrap();
        fs::write(store.path(ID), "theirs again").unwrap();
        let Saved::Conflict(second) = store.save(&fresh.target, "x", "20261123-0901").unwrap()
        else {
            panic!("expected a conflict");
        };
        assert!(second.path.to_string_lossy().ends_with("0901-2.md"));
        // Conflict copies are not notes of their own.
        let (all, _) = store.load_all();
        assert_eq!(all.len(), 1);
    }

    #[test]
    fn a_note_created_elsewhere_since_loading_is_a_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let store = NoteStore::new(dir.path());
        let note = store.load(ID).unwrap();
        write_private(&store.path(ID), b"written by another cuecard").unwrap();
        let saved = store.save(&note.target, "mine", "s").unwrap();
        assert!(matches!(saved, Saved::Conflict(_)));
        assert_eq!(
            fs::read_to_string(store.path(ID)).unwrap(),
            "written by another cuecard"
        );
    }

    #[test]
    fn an_unreadable_note_is_reported_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let store = NoteStore::new(dir.path());
        let path = store.path(ID);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, b"caf\xe9").unwrap();
        let error = store.load(ID).unwrap_err();
        assert!(error.to_string().contains("sm-1.md"), "{error}");
        let (all, errors) = store.load_all();
        assert!(all.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(fs::read(&path).unwrap(), b"caf\xe9");
    }

    #[test]
    fn a_note_outside_the_notes_directory_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = NoteStore::new(&dir.path().join("data"));
        for path in [
            store.path("fw/comp/../../../../escaped"),
            dir.path().join("elsewhere.md"),
        ] {
            let target = NoteTarget {
                path,
                fingerprint: Fingerprint::of(None),
            };
            assert!(store.save(&target, "text", "s").is_err(), "{target:?}");
        }
        assert!(!dir.path().join("escaped.md").exists());
        assert!(!dir.path().join("elsewhere.md").exists());
    }

    #[test]
    fn a_failed_save_reports_the_path_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        // The notes directory's place is taken by a file: no user can write there, root included.
        fs::write(dir.path().join("notes"), "in the way").unwrap();
        let store = NoteStore::new(dir.path());
        let note = store.load(ID).unwrap_err();
        assert!(note.to_string().contains("notes"));
        let target = NoteTarget {
            path: store.path(ID),
            fingerprint: Fingerprint::of(None),
        };
        let error = store.save(&target, "text", "s").unwrap_err();
        assert!(error.to_string().contains("notes"), "{error}");
        assert_eq!(
            fs::read_to_string(dir.path().join("notes")).unwrap(),
            "in the way"
        );
    }
}
