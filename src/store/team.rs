//! The team folder a hiring panel shares (a git repository, a network share): `kits/<name>.toml`.
//! Each file there is written by one person, so nothing ever needs merging. Kits hold no
//! candidate data, so they are readable as the folder allows (not 0600).

use std::fs;
use std::path::{Path, PathBuf};

use super::{StoreError, StoreErrorKind, read_text};
use crate::interview::kit::Kit;

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

    /// A kit's file: its name as a slug, never a path from the name itself.
    pub fn kit_path(&self, name: &str) -> Option<PathBuf> {
        let slug = crate::text::slug(name, 60);
        (!slug.is_empty()).then(|| self.root.join("kits").join(format!("{slug}.toml")))
    }

    /// Saves `kit` as a new file; one of that name is replaced only with `replace`.
    pub fn save_kit(&self, kit: &Kit, replace: bool) -> Result<PathBuf, StoreError> {
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
}
