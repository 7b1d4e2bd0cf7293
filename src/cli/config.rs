//! `cuecard config`: where each file is, and the settings in force with where each comes from.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::store::SETTINGS;
use crate::store::settings::Settings;

/// The places `cuecard config` names.
#[derive(Debug, Clone)]
pub struct Places {
    pub settings_dir: PathBuf,
    pub data_dir: PathBuf,
    pub content_dir: Option<PathBuf>,
    /// How to move settings still read from the old place.
    pub note: Option<String>,
}

fn state(path: &Path) -> &'static str {
    if path.exists() { "" } else { "  (not yet)" }
}

/// Prints the places and the settings; false when the settings file does not read.
pub fn print(places: &Places, out: &mut dyn Write) -> io::Result<bool> {
    let file = places.settings_dir.join(SETTINGS);
    writeln!(out, "settings   {}{}", file.display(), state(&file))?;
    if let Some(content) = &places.content_dir {
        writeln!(out, "content    {}{}", content.display(), state(content))?;
    }
    writeln!(
        out,
        "data       {}{}",
        places.data_dir.display(),
        state(&places.data_dir)
    )?;
    for part in ["notes", "stories", "sessions", "reviews.toml", "marks.toml"] {
        let path = places.data_dir.join(part);
        writeln!(out, "  {part:<12} {}{}", path.display(), state(&path))?;
    }
    if let Some(note) = &places.note {
        writeln!(out, "note: {note}")?;
    }
    writeln!(out)?;
    let settings = match Settings::load(&places.settings_dir) {
        Ok(settings) => settings,
        Err(e) => {
            writeln!(out, "the settings file does not read: {e}")?;
            return Ok(false);
        }
    };
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let written: toml::Table = toml::from_str(&text).unwrap_or_default();
    let from = |key: &str| {
        let mut parts = key.split('.');
        let first = parts.next().unwrap_or_default();
        let found = match (written.get(first), parts.next()) {
            (Some(toml::Value::Table(t)), Some(rest)) => t.contains_key(rest),
            (Some(_), None) => true,
            _ => false,
        };
        if found { "settings.toml" } else { "default" }
    };
    let mut line = |key: &str, value: String| writeln!(out, "{key:<28} {value:<24} {}", from(key));
    line("star_outline", settings.star_outline.to_string())?;
    line("answer_seconds", settings.answer_seconds.to_string())?;
    line("interviewer", format!("{:?}", settings.interviewer))?;
    line(
        "team_dir",
        settings
            .team_dir
            .as_deref()
            .map_or_else(|| "none".to_string(), |d| format!("{d:?}")),
    )?;
    line(
        "interview_date",
        settings
            .interview_date
            .map_or_else(|| "none".to_string(), |d| d.to_string()),
    )?;
    for (framework, level) in &settings.target_levels {
        line(&format!("target_level.{framework}"), level.to_string())?;
    }
    line(
        "theme.name",
        settings
            .theme
            .name
            .clone()
            .unwrap_or_else(|| "dark".to_string()),
    )?;
    for (key, value) in [
        ("theme.accent", &settings.theme.accent),
        ("theme.warning", &settings.theme.warning),
        ("theme.error", &settings.theme.error),
        ("theme.selection", &settings.theme.selection),
    ] {
        if let Some(value) = value {
            line(key, value.clone())?;
        }
    }
    for (section, keys) in &settings.keys {
        for (action, (key, _)) in keys {
            writeln!(
                out,
                "{:<28} {:<24} settings.toml",
                format!("keys.{section}.{action}"),
                key
            )?;
        }
    }
    // What the app would refuse is refused here too, with the same words.
    let (_, mut problems) = crate::tui::theme::Theme::PLAIN.with_settings(&settings.theme);
    problems.extend(crate::tui::keys_setting::read(&settings.keys).1);
    for problem in &problems {
        writeln!(out, "{}", crate::text::inert(problem))?;
    }
    Ok(problems.is_empty())
}

/// A settings file with every key explained, for `--edit` when there is none.
pub const TEMPLATE: &str = r#"# cuecard's settings. Every key is optional; `cuecard config` shows those in force.

# New notes on behavioral questions start from the STAR outline (Situation, Task, Action, Result).
# star_outline = true

# The rehearsal timer's target, in seconds (10 to 3600).
# answer_seconds = 120

# Who interviews, for scorecards (else --interviewer).
# interviewer = "Ada Lovelace"

# Set by `cuecard rehearse --until` or d in the progress view; cleared once past.
# interview_date = 2026-12-01

# The level of the role you apply for, per framework (set by `rehearse --level` or t).
# [target_level]
# customer-support = 3

# Colours: name = "dark" or "light"; accent, warning, error, selection as a name, #rrggbb or 0-255.
# [theme]
# name = "dark"

# The folder your hiring team shares (interview kits); also --team-dir or CUECARD_TEAM_DIR.
# team_dir = "~/team-hiring"

# Your own keys, per mode (browser, question, rehearsal, progress, stories, interview, ratings,
# search, help): action = "KEY", a character or <Name> such as "<C-q>". The README lists the actions.
# [keys.browser]
# quit = "Q"
"#;

/// `cuecard config --edit`: the settings file in the user's editor, created first when missing.
pub fn edit(settings_dir: &Path) -> Result<(), String> {
    let path = settings_dir.join(SETTINGS);
    if !path.exists() {
        crate::store::write_private(&path, TEMPLATE.as_bytes()).map_err(|e| e.to_string())?;
    }
    let command = crate::tui::external::editor_command();
    let status = std::process::Command::new(&command[0])
        .args(&command[1..])
        .arg(&path)
        .status()
        .map_err(|e| format!("cannot run {}: {e}; set $VISUAL or $EDITOR", command[0]))?;
    if !status.success() {
        return Err(format!("{} exited with {status}", command[0]));
    }
    Settings::load(settings_dir)
        .map(|_| ())
        .map_err(|e| format!("the settings file does not read now: {e}"))
}
