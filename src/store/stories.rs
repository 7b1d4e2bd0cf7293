//! The story bank on disk: one Markdown file per story at `<data>/stories/<id>.md`, saved as notes
//! are (locked, atomic, 0600, over the version read or else to a conflict copy beside it).

use std::fs;
use std::path::{Path, PathBuf};

use super::{Fingerprint, Saved, StoreError, Target, read_text};

/// A story file as read: its id, text and version.
#[derive(Clone)]
pub struct StoryFile {
    pub id: String,
    pub text: String,
    pub target: Target,
}

impl std::fmt::Debug for StoryFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoryFile")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// Stories that may share one title (`title`, `title-2`, …).
const MAX_SAME_TITLE: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryStore {
    data_dir: PathBuf,
    root: PathBuf,
}

impl StoryStore {
    pub fn new(data_dir: &Path) -> StoryStore {
        StoryStore {
            data_dir: data_dir.to_path_buf(),
            root: data_dir.join("stories"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file of story `id` (ids are `[a-z0-9-]`, so a safe file name).
    pub fn path(&self, id: &str) -> PathBuf {
        self.root.join(format!("{id}.md"))
    }

    /// Every story file, by id; files that cannot be read are returned apart. Conflict copies and
    /// temporary files are not stories.
    pub fn load_all(&self) -> (Vec<StoryFile>, Vec<StoreError>) {
        let mut stories = Vec::new();
        let mut errors = Vec::new();
        let Ok(entries) = fs::read_dir(&self.root) else {
            return (stories, errors);
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let Some(id) = story_id(&path) else {
                continue;
            };
            match read_text(&path, super::TEXT_LIMIT) {
                Ok(Some(text)) => stories.push(StoryFile {
                    id: id.to_string(),
                    target: Target {
                        fingerprint: Fingerprint::of(Some(&text)),
                        path: path.clone(),
                    },
                    text,
                }),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        (stories, errors)
    }

    /// The stories read and checked against `library`: the good ones, and every problem as
    /// `path:line:col: message` (unreadable files too).
    pub fn read_bank(
        &self,
        library: &crate::content::Library,
    ) -> (Vec<crate::stories::Story>, Vec<String>) {
        let (files, errors) = self.load_all();
        let mut problems: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let mut bank = Vec::new();
        for file in files {
            // A story keeps what is right in it; what is not is named beside it.
            let (story, found) = match crate::stories::parse_keeping(&file.id, &file.text, library)
            {
                Ok((story, found)) => (Some(story), found),
                Err(found) => (None, found),
            };
            bank.extend(story);
            problems.extend(found.into_iter().map(|p| {
                format!(
                    "{}:{}:{}: {}",
                    file.target.path.display(),
                    p.line,
                    p.column,
                    p.message
                )
            }));
        }
        (bank, problems)
    }

    /// One story's file, fresh from disk.
    pub fn load(&self, id: &str) -> Result<StoryFile, StoreError> {
        let path = self.path(id);
        let text = read_text(&path, super::TEXT_LIMIT)?.ok_or_else(|| StoreError {
            path: path.clone(),
            kind: super::StoreErrorKind::Refused("the story is no longer there".to_string()),
        })?;
        Ok(StoryFile {
            id: id.to_string(),
            target: Target {
                fingerprint: Fingerprint::of(Some(&text)),
                path,
            },
            text,
        })
    }

    /// Creates a story file for `title` with `text`, under an id made from the title (`-2`, `-3`…
    /// when taken); never over a file that exists. Returns the id and the path.
    pub fn create(&self, title: &str, text: &str) -> Result<(String, PathBuf), StoreError> {
        let base = crate::text::slug(title, 48);
        let base = if base.is_empty() {
            "story".to_string()
        } else {
            base
        };
        for n in 1..=MAX_SAME_TITLE {
            let id = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let path = self.path(&id);
            let _lock = super::lock_beside(&self.data_dir, &path)?;
            if path.exists() {
                continue;
            }
            super::write_private_in(&self.data_dir, &path, text.as_bytes())?;
            return Ok((id, path));
        }
        Err(StoreError {
            path: self.path(&base),
            kind: super::StoreErrorKind::Refused(format!(
                "{MAX_SAME_TITLE} stories already have this title: choose another"
            )),
        })
    }

    /// Saves `text` over the version `target` was read as, or to a conflict copy beside it.
    pub fn save(&self, target: &Target, text: &str, stamp: &str) -> Result<Saved, StoreError> {
        if target.path.parent() != Some(self.root.as_path()) {
            return Err(StoreError {
                path: target.path.clone(),
                kind: super::StoreErrorKind::Refused(
                    "not a story of the data directory; cuecard writes only its own files"
                        .to_string(),
                ),
            });
        }
        super::save_guarded(&self.data_dir, target, text, stamp)
    }
}

fn story_id(path: &Path) -> Option<&str> {
    let stem = path.file_name()?.to_str()?.strip_suffix(".md")?;
    crate::content::is_valid_id(stem).then_some(stem)
}
