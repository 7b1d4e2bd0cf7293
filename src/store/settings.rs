//! The user's settings: `<data>/settings.toml`, written by hand. Every key is optional.
//!
//! ```toml
//! star_outline = false     # new behavioral notes start empty instead of from the STAR outline
//! answer_seconds = 150     # the rehearsal timer's target (default 120)
//! interviewer = "Ada Lovelace"  # who interviews, for scorecards (else --interviewer)
//! ```

use std::path::Path;

use serde::Deserialize;

use super::{StoreError, check_range, parse_toml, read_text};

/// The largest settings file cuecard reads.
pub const LIMIT: u64 = 64 << 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub star_outline: bool,
    pub answer_seconds: u64,
    /// Who interviews, for the scorecard; empty when not set.
    pub interviewer: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            star_outline: true,
            answer_seconds: 120,
            interviewer: String::new(),
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
        let mut settings = Settings {
            star_outline: file.star_outline,
            interviewer: file.interviewer.trim().to_string(),
            ..Settings::default()
        };
        if let Some(seconds) = file.answer_seconds {
            let (line, column, _) = crate::content::locate(&text, seconds.span().start);
            let key = format!("line {line}, column {column}: answer_seconds");
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
}

impl Default for SettingsFile {
    fn default() -> SettingsFile {
        SettingsFile {
            star_outline: Settings::default().star_outline,
            answer_seconds: None,
            interviewer: String::new(),
        }
    }
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
