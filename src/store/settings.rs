//! The user's settings: `<data>/settings.toml`, written by hand. Every key is optional.
//!
//! ```toml
//! star_outline = false     # new behavioral notes start empty instead of from the STAR outline
//! answer_seconds = 150     # the rehearsal timer's target (default 120)
//! interviewer = "Ada Lovelace"  # who interviews, for scorecards (else --interviewer)
//! interview_date = 2026-11-27  # set by `rehearse --until` or `d` in the progress view
//!
//! [target_level]           # the level of the role applied for, per framework
//! customer-support = 3     # set by `rehearse --level` or `t` in the progress view
//! ```
//!
//! cuecard changes `interview_date` and `target_level` itself ([`update`]); the rest of the file,
//! comments included, is kept as written.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike as _, NaiveDate};
use serde::Deserialize;

use super::{StoreError, StoreErrorKind, check_range, lock_beside, parse_toml, read_text};

/// The largest settings file cuecard reads.
pub const LIMIT: u64 = 64 << 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub star_outline: bool,
    pub answer_seconds: u64,
    /// Who interviews, for the scorecard; empty when not set.
    pub interviewer: String,
    /// The day of the candidate's interview: rehearsals pack their reviews before it.
    pub interview_date: Option<NaiveDate>,
    /// The level of the role applied for, by framework id: the default scope of a rehearsal.
    pub target_levels: BTreeMap<String, usize>,
    /// `[theme]`: a built-in theme (`name`) and colours over it, as written.
    pub theme: ThemeSettings,
    /// The folder the hiring team shares (kits), when set.
    pub team_dir: Option<String>,
    /// `[keys.MODE] action = "KEY"`: the key as written and its line, checked by the app.
    pub keys: BTreeMap<String, BTreeMap<String, (String, usize)>>,
}

/// `[theme]` as written: `name = "dark" | "light"`, and colours by role (a colour name, `#rrggbb`
/// or a palette index 0-255).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeSettings {
    pub name: Option<String>,
    pub accent: Option<String>,
    pub warning: Option<String>,
    pub error: Option<String>,
    pub selection: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            star_outline: true,
            answer_seconds: 120,
            interviewer: String::new(),
            interview_date: None,
            target_levels: BTreeMap::new(),
            theme: ThemeSettings::default(),
            team_dir: None,
            keys: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// Reads the settings of the data directory; the defaults when there is no file. A file that
    /// does not parse is an error naming its line and column (the caller goes on with the
    /// defaults and shows it).
    pub fn load(data_dir: &Path) -> Result<Settings, StoreError> {
        let path = data_dir.join("settings.toml");
        let Some(text) = read_text(&path, LIMIT)? else {
            return Ok(Settings::default());
        };
        let file: SettingsFile = parse_toml(&path, &text)?;
        let located = |offset: usize, name: &str| {
            let (line, column, _) = crate::content::locate(&text, offset);
            format!("line {line}, column {column}: {name}")
        };
        let mut settings = Settings {
            star_outline: file.star_outline,
            interviewer: file.interviewer.trim().to_string(),
            theme: file.theme.clone(),
            team_dir: file.team_dir.clone(),
            ..Settings::default()
        };
        for (section, keys) in &file.keys {
            let keys = keys
                .iter()
                .map(|(action, key)| {
                    let (line, _, _) = crate::content::locate(&text, key.span().start);
                    (action.clone(), (key.get_ref().clone(), line))
                })
                .collect();
            settings.keys.insert(section.clone(), keys);
        }
        if let Some(value) = &file.interview_date {
            let date = match value.get_ref() {
                toml::Value::Datetime(toml::value::Datetime {
                    date: Some(date),
                    time: None,
                    offset: None,
                }) => NaiveDate::from_ymd_opt(
                    i32::from(date.year),
                    u32::from(date.month),
                    u32::from(date.day),
                ),
                toml::Value::String(text) => {
                    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
                }
                _ => None,
            };
            let Some(date) = date else {
                return Err(StoreError {
                    path: path.clone(),
                    kind: StoreErrorKind::Malformed(format!(
                        "{}: expected a date such as 2026-11-27",
                        located(value.span().start, "interview_date")
                    )),
                });
            };
            settings.interview_date = Some(date);
        }
        for (framework, level) in &file.target_level {
            let key = located(level.span().start, &format!("target_level.{framework}"));
            check_range(
                &path,
                &key,
                *level.get_ref(),
                1,
                crate::interview::MAX_LEVEL as u64,
            )?;
            settings
                .target_levels
                .insert(framework.clone(), *level.get_ref() as usize);
        }
        if let Some(seconds) = file.answer_seconds {
            let key = located(seconds.span().start, "answer_seconds");
            let (low, high) = ANSWER_SECONDS;
            check_range(&path, &key, *seconds.get_ref(), low, high)?;
            settings.answer_seconds = seconds.into_inner();
        }
        Ok(settings)
    }
}

/// The range of `answer_seconds`: ten seconds to an hour.
const ANSWER_SECONDS: (u64, u64) = (10, 3600);

/// The file as written, with where each number stands, for errors.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct SettingsFile {
    star_outline: bool,
    answer_seconds: Option<toml::Spanned<u64>>,
    interviewer: String,
    interview_date: Option<toml::Spanned<toml::Value>>,
    target_level: BTreeMap<String, toml::Spanned<u64>>,
    theme: ThemeSettings,
    keys: BTreeMap<String, BTreeMap<String, toml::Spanned<String>>>,
    team_dir: Option<String>,
}

impl Default for SettingsFile {
    fn default() -> SettingsFile {
        SettingsFile {
            star_outline: Settings::default().star_outline,
            answer_seconds: None,
            interviewer: String::new(),
            interview_date: None,
            target_level: BTreeMap::new(),
            theme: ThemeSettings::default(),
            keys: BTreeMap::new(),
            team_dir: None,
        }
    }
}

/// A setting cuecard changes itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Sets the interview date, or clears it.
    InterviewDate(Option<NaiveDate>),
    /// Sets a framework's target level, or clears it.
    TargetLevel {
        framework: String,
        level: Option<usize>,
    },
}

/// Applies `change` to the settings file of `data_dir`, keeping everything else in it as written
/// (comments too): under the file's lock, written atomically and private. A file that does not
/// parse is left alone and the error returned.
pub fn update(data_dir: &Path, change: &Change) -> Result<(), StoreError> {
    let path = data_dir.join("settings.toml");
    super::create_private_dir(data_dir)?;
    let _lock = lock_beside(data_dir, &path)?;
    let text = read_text(&path, LIMIT)?.unwrap_or_default();
    let mut document: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| {
            let at = e
                .span()
                .map(|span| {
                    let (line, column, _) = crate::content::locate(&text, span.start);
                    format!("line {line}, column {column}: ")
                })
                .unwrap_or_default();
            StoreError {
                path: path.clone(),
                kind: StoreErrorKind::Refused(format!(
                    "{at}{}; fix the file, then try again",
                    e.message()
                )),
            }
        })?;
    match change {
        Change::InterviewDate(Some(date)) => {
            let value = toml_edit::Datetime {
                date: Some(toml_edit::Date {
                    year: u16::try_from(date.year()).unwrap_or(0),
                    month: date.month() as u8,
                    day: date.day() as u8,
                }),
                time: None,
                offset: None,
            };
            document["interview_date"] = toml_edit::value(value);
        }
        Change::InterviewDate(None) => {
            document.remove("interview_date");
        }
        Change::TargetLevel { framework, level } => {
            let table = document
                .entry("target_level")
                .or_insert_with(toml_edit::table)
                .as_table_like_mut();
            let Some(table) = table else {
                return Err(StoreError {
                    path: path.clone(),
                    kind: StoreErrorKind::Refused(
                        "target_level is not a table; fix the file, then try again".to_string(),
                    ),
                });
            };
            match level {
                Some(level) => {
                    table.insert(framework, toml_edit::value(*level as i64));
                }
                None => {
                    table.remove(framework);
                }
            }
        }
    }
    super::write_private_in(data_dir, &path, document.to_string().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_a_file_and_values_from_one() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()).unwrap(), Settings::default());
        std::fs::write(dir.path().join("settings.toml"), "star_outline = false\n").unwrap();
        let settings = Settings::load(dir.path()).unwrap();
        assert!(!settings.star_outline);
        assert_eq!(settings.answer_seconds, 120);
    }

    #[test]
    fn the_interview_date_and_target_levels_are_kept_with_the_rest_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "# mine\nanswer_seconds = 90 # a comment\n").unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        update(dir.path(), &Change::InterviewDate(Some(date))).unwrap();
        let change = Change::TargetLevel {
            framework: "customer-support".into(),
            level: Some(3),
        };
        update(dir.path(), &change).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("# mine") && text.contains("# a comment"),
            "{text}"
        );
        assert!(text.contains("interview_date = 2026-11-27"), "{text}");
        let settings = Settings::load(dir.path()).unwrap();
        assert_eq!(settings.answer_seconds, 90);
        assert_eq!(settings.interview_date, Some(date));
        assert_eq!(settings.target_levels["customer-support"], 3);
        update(dir.path(), &Change::InterviewDate(None)).unwrap();
        let settings = Settings::load(dir.path()).unwrap();
        assert_eq!(settings.interview_date, None);
        assert_eq!(settings.target_levels.len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0);
        }
    }

    #[test]
    fn a_date_written_by_hand_as_text_is_read_and_a_bad_one_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "interview_date = \"2026-12-01\"\n").unwrap();
        let settings = Settings::load(dir.path()).unwrap();
        assert_eq!(
            settings.interview_date,
            NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        std::fs::write(&path, "\ninterview_date = \"next friday\"\n").unwrap();
        let error = Settings::load(dir.path()).unwrap_err().to_string();
        assert!(
            error.contains("line 2") && error.contains("2026-11-27"),
            "{error}"
        );
        std::fs::write(&path, "[target_level]\nx = 12\n").unwrap();
        let error = Settings::load(dir.path()).unwrap_err().to_string();
        assert!(error.contains("target_level.x"), "{error}");
        // A file that does not parse is never rewritten.
        std::fs::write(&path, "star_outline = = true\n").unwrap();
        assert!(update(dir.path(), &Change::InterviewDate(None)).is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "star_outline = = true\n"
        );
    }

    #[test]
    fn a_bad_setting_names_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("settings.toml"),
            "answer_seconds = 90\nstar_outlin = false\n",
        )
        .unwrap();
        let error = Settings::load(dir.path()).unwrap_err().to_string();
        assert!(error.contains("settings.toml"), "{error}");
        assert!(error.contains("line 2, column 1"), "{error}");
        assert!(error.contains("star_outlin"), "{error}");
    }
}
