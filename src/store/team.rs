//! The team folder a hiring panel shares (a git repository, a network share): `kits/<name>.toml`
//! and `scorecards/<candidate>/<session>-<interviewer>.json` (amendments beside it as
//! `<session>-<interviewer>.vN.json`). Each file there is written by one person and never
//! overwritten, so nothing ever needs merging. Files there are readable as the folder allows
//! (not 0600): the panel must read each other's scorecards, so the folder itself is what keeps
//! them among the panel.

use std::fs;
use std::path::{Path, PathBuf};

use super::{StoreError, StoreErrorKind, read_text};
use crate::content::Library;
use crate::interview::kit::Kit;
use crate::interview::panel::{TeamCard, candidate_folder, candidate_key};
use crate::interview::scorecard::{self, Scorecard};
use crate::interview::{InterviewSession, SessionKind, Submission};
use chrono::{DateTime, Utc};

/// The largest scorecard file read from the team folder.
const CARD_LIMIT: u64 = 4 << 20;

/// The environment variable that names the team folder (after `--team-dir`).
pub const TEAM_DIR_ENV: &str = "CUECARD_TEAM_DIR";

/// The team folder: `explicit` (`--team-dir`), else `$CUECARD_TEAM_DIR`, else `team_dir` in the
/// settings; `None` when none is set.
pub fn team_dir(explicit: Option<&Path>, setting: Option<&str>) -> Option<PathBuf> {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os(TEAM_DIR_ENV)
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| setting.filter(|s| !s.trim().is_empty()).map(expand_home))
}

/// `~/x` as the home directory's `x` (a settings file is written by hand, as a shell would read it).
fn expand_home(setting: &str) -> PathBuf {
    let setting = setting.trim();
    match (setting.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(setting),
    }
}

/// How to set the team folder, for messages.
pub const HOW_TO_SET: &str = "give one with --team-dir DIR, CUECARD_TEAM_DIR, or team_dir = \"…\" in the settings (cuecard config --edit)";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamFolder {
    root: PathBuf,
}

impl TeamFolder {
    pub fn new(root: &Path) -> TeamFolder {
        TeamFolder {
            root: root.to_path_buf(),
        }
    }

    /// Whether the folder is there: one that is not is said, never made (a mistyped path would
    /// take what the panel never sees).
    pub fn check(&self) -> Result<(), String> {
        if self.root.is_dir() {
            Ok(())
        } else {
            Err(format!(
                "the team folder {} is not there: create it, or correct --team-dir, CUECARD_TEAM_DIR or team_dir",
                crate::text::inert(&self.root.display().to_string())
            ))
        }
    }

    /// A kit's file: its name as a slug, never a path from the name itself.
    pub fn kit_path(&self, name: &str) -> Option<PathBuf> {
        let slug = crate::text::slug(name, 60);
        (!slug.is_empty()).then(|| self.root.join("kits").join(format!("{slug}.toml")))
    }

    /// Saves `kit` as a new file; one of that name is replaced only with `replace`.
    pub fn save_kit(&self, kit: &Kit, replace: bool) -> Result<PathBuf, StoreError> {
        self.check().map_err(|message| StoreError {
            path: self.root.clone(),
            kind: StoreErrorKind::Refused(message),
        })?;
        let path = self.kit_path(&kit.name).ok_or_else(|| StoreError {
            path: self.root.join("kits"),
            kind: StoreErrorKind::Refused(
                "the kit's name has no letter or digit: name it".to_string(),
            ),
        })?;
        if path.exists() && !replace {
            return Err(StoreError {
                path,
                kind: StoreErrorKind::Refused(
                    "a kit of that name exists: choose another name, or --replace it".to_string(),
                ),
            });
        }
        let text = toml::to_string_pretty(kit).map_err(|e| StoreError {
            path: path.clone(),
            kind: StoreErrorKind::Malformed(e.to_string()),
        })?;
        super::write_shared(&path, text.as_bytes())?;
        Ok(path)
    }

    /// The kit named `name` (any case and spacing of it).
    pub fn load_kit(&self, name: &str) -> Result<Kit, StoreError> {
        let path = self
            .kit_path(name)
            .unwrap_or_else(|| self.root.join("kits"));
        let text = read_text(&path, super::TEXT_LIMIT)?.ok_or_else(|| StoreError {
            path: path.clone(),
            kind: StoreErrorKind::Refused("no such kit: `cuecard kits` lists them".to_string()),
        })?;
        super::parse_toml(&path, &text)
    }

    /// Every kit, by file name; files that do not read are returned apart.
    pub fn kits(&self) -> (Vec<Kit>, Vec<StoreError>) {
        let (mut kits, mut errors) = (Vec::new(), Vec::new());
        let Ok(entries) = fs::read_dir(self.root.join("kits")) else {
            return (kits, errors);
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            match read_text(&path, super::TEXT_LIMIT) {
                Ok(Some(text)) => match super::parse_toml::<Kit>(&path, &text) {
                    Ok(kit) => kits.push(kit),
                    Err(e) => errors.push(e),
                },
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        (kits, errors)
    }

    /// The folder of a candidate's scorecards (see `panel::candidate_folder`), never a path
    /// from the name itself.
    pub fn candidate_dir(&self, candidate: &str) -> PathBuf {
        self.root
            .join("scorecards")
            .join(candidate_folder(candidate))
    }

    /// Where version `version` of `interviewer`'s scorecard of session `session` goes.
    pub fn scorecard_path(
        &self,
        candidate: &str,
        session: &str,
        interviewer: &str,
        version: u32,
    ) -> PathBuf {
        let who = crate::text::slug(interviewer, 40);
        let who = if who.is_empty() {
            "interviewer".into()
        } else {
            who
        };
        let name = match version {
            0 | 1 => format!("{session}-{who}.json"),
            n => format!("{session}-{who}.v{n}.json"),
        };
        self.candidate_dir(candidate).join(name)
    }

    /// Writes a submitted scorecard (`json`, one object) as a new file: one that exists is never
    /// replaced, an amendment being a new version beside it.
    pub fn submit(
        &self,
        candidate: &str,
        session: &str,
        interviewer: &str,
        version: u32,
        json: &str,
    ) -> Result<PathBuf, StoreError> {
        if !super::sessions::valid_id(session) {
            return Err(StoreError {
                path: self.root.join("scorecards"),
                kind: StoreErrorKind::Refused(format!("`{session}` is not a session id")),
            });
        }
        let path = self.scorecard_path(candidate, session, interviewer, version);
        if fs::symlink_metadata(&path).is_ok() {
            return Err(StoreError {
                path,
                kind: StoreErrorKind::Refused(
                    "this version of the scorecard is in the team folder already; it is never replaced (`cuecard submit --amend` writes the next one)".to_string(),
                ),
            });
        }
        super::write_shared(&path, json.as_bytes())?;
        Ok(path)
    }

    /// The scorecard files: every `*.json` of every candidate's folder, sorted.
    fn scorecard_files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        let Ok(dirs) = fs::read_dir(self.root.join("scorecards")) else {
            return files;
        };
        for dir in dirs.flatten() {
            if !dir.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let Ok(entries) = fs::read_dir(dir.path()) else {
                continue;
            };
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json")),
            );
        }
        files.sort();
        files
    }

    /// Every scorecard submitted (each version), and the files that do not read as one.
    pub fn scorecards(&self) -> (Vec<TeamCard>, Vec<StoreError>) {
        let (mut cards, mut errors) = (Vec::new(), Vec::new());
        for path in self.scorecard_files() {
            match read_text(&path, CARD_LIMIT) {
                Ok(Some(text)) => match serde_json::from_str::<TeamCard>(&text) {
                    Ok(mut card) => {
                        if let Some(problem) = card.keep_to_scales() {
                            errors.push(StoreError {
                                path,
                                kind: StoreErrorKind::Malformed(problem),
                            });
                        }
                        cards.push(card);
                    }
                    Err(e) => errors.push(StoreError {
                        path,
                        kind: StoreErrorKind::Malformed(format!("not a scorecard: {e}")),
                    }),
                },
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        (cards, errors)
    }

    /// Removes every file of `candidate` in the team folder: every scorecard that names them
    /// (any case and spacing of the name), and whatever in their folder does not read as a
    /// scorecard (it may hold them too); another candidate's scorecard is kept wherever it is.
    /// Returns the files removed and the errors of those that could not be.
    pub fn erase_candidate(&self, candidate: &str) -> (Vec<PathBuf>, Vec<StoreError>) {
        let dir = self.candidate_dir(candidate);
        let key = candidate_key(candidate);
        let mut doomed: Vec<PathBuf> = fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_none_or(|e| e != "json"))
                    .collect()
            })
            .unwrap_or_default();
        for path in self.scorecard_files() {
            let card = read_text(&path, CARD_LIMIT)
                .ok()
                .flatten()
                .and_then(|text| serde_json::from_str::<TeamCard>(&text).ok());
            let theirs = match card {
                Some(card) => candidate_key(&card.candidate) == key,
                None => path.starts_with(&dir),
            };
            if theirs {
                doomed.push(path);
            }
        }
        doomed.sort();
        let (mut removed, mut errors) = (Vec::new(), Vec::new());
        for path in doomed {
            let result = if fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            match result {
                Ok(()) => removed.push(path),
                Err(e) => errors.push(StoreError::io(&path, e)),
            }
        }
        let _ = fs::remove_dir(&dir);
        (removed, errors)
    }

    /// Submits `session`'s scorecard as `interviewer`: version 1, or with `amend` (or an
    /// amendment begun in the app) the next version, the earlier ones kept. On success the
    /// session records the submission and its ratings are locked; the caller saves it.
    pub fn submit_session(
        &self,
        session: &mut InterviewSession,
        library: &Library,
        interviewer: &str,
        amend: bool,
        now: DateTime<Utc>,
    ) -> Result<Submitted, String> {
        if session.kind == SessionKind::Mock {
            return Err("a mock interview is yours alone: it is not submitted to a panel".into());
        }
        self.check()?;
        if !session.ratings.iter().any(|r| r.level.is_some()) {
            return Err(
                "nothing is rated yet: rate the competencies first (R in the interview, then a level's number)".into(),
            );
        }
        let interviewer = interviewer.trim();
        if interviewer.is_empty() {
            return Err(format!("who is submitting? {HOW_TO_NAME}"));
        }
        let amend = amend || session.submitted.as_ref().is_some_and(|s| s.amending);
        let version = match &session.submitted {
            Some(done)
                if !amend
                    && !self
                        .scorecard_path(&session.candidate, &session.id, interviewer, done.version)
                        .exists() =>
            {
                return Err(format!(
                    "submitted already (version {}), but not to this team folder ({}): `cuecard submit --amend {}` submits it here as the next version",
                    done.version,
                    self.root.display(),
                    session.id
                ));
            }
            Some(done) if !amend => {
                return Err(format!(
                    "submitted already (version {}, {}); its ratings are locked: `cuecard submit --amend {}` writes a new version from the session as it is now, and keeps this one",
                    done.version,
                    done.at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M"),
                    session.id
                ));
            }
            Some(done) => done.version + 1,
            None => 1,
        };
        if session.interviewer.trim().is_empty() {
            session.interviewer = interviewer.to_string();
        }
        let mut card = Scorecard::new(session, library);
        card.interviewer = interviewer.to_string();
        // A note set aside unfinished is the interviewer's own, not the panel's.
        let asked: Vec<&str> = session
            .questions
            .iter()
            .filter(|q| q.asked())
            .map(|q| q.id.as_str())
            .collect();
        card.questions.retain(|q| asked.contains(&q.id.as_str()));
        for question in &mut card.questions {
            question.draft.clear();
        }
        let digest = judgement_digest(&card);
        let in_this_folder = |version| {
            self.scorecard_path(&session.candidate, &session.id, interviewer, version)
                .exists()
        };
        if let Some(done) = session
            .submitted
            .as_mut()
            .filter(|d| d.digest == digest && in_this_folder(d.version))
        {
            done.amending = false;
            return Ok(Submitted::Unchanged(done.version));
        }
        let json = crate::text::json_line(&scorecard::Submitted {
            card: &card,
            submitted_at: now
                .with_timezone(&chrono::Local)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            version,
        });
        let path = self
            .submit(&session.candidate, &session.id, interviewer, version, &json)
            .map_err(|e| e.to_string())?;
        session.submitted = Some(Submission {
            at: now,
            version,
            digest,
            amending: false,
        });
        Ok(Submitted::Written { path, version })
    }
}

/// What a submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    Written {
        path: PathBuf,
        version: u32,
    },
    /// An amendment that changes nothing: version N stands, nothing written.
    Unchanged(u32),
}

/// How to name yourself, for messages.
pub const HOW_TO_NAME: &str = "name yourself with --interviewer NAME, or interviewer = \"…\" in the settings (cuecard config --edit)";

/// A digest of what a scorecard judges — ratings, evidence, recommendation, summary, the
/// questions asked with their ticks and notes — without its times: ending the interview or its
/// clock running on after a submission is no amendment.
fn judgement_digest(card: &Scorecard) -> String {
    let json = serde_json::to_value(card).unwrap_or_default();
    let mut json = json;
    if let Some(object) = json.as_object_mut() {
        for key in ["started", "ended", "duration_seconds", "date"] {
            object.remove(key);
        }
        if let Some(questions) = object.get_mut("questions").and_then(|q| q.as_array_mut()) {
            for question in questions.iter_mut().filter_map(|q| q.as_object_mut()) {
                question.remove("seconds");
            }
        }
    }
    crate::text::digest(&json.to_string())
}
