//! Where content comes from: the frameworks compiled into the binary, and directories on disk.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::Problem;

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Content files larger than this are refused rather than read: nobody writes a competency that
/// long, and a huge file should not stall start-up.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One place to read frameworks from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    /// The content under `content/` compiled into the binary.
    Bundled,
    /// A directory holding one sub-directory per framework.
    Directory(PathBuf),
    /// A directory as it will be once `files` (path → text, under `dir`) are written: how an
    /// import is checked before anything is written.
    Overlay {
        dir: PathBuf,
        files: std::collections::BTreeMap<PathBuf, String>,
    },
}

/// The user's own content directory (e.g. `~/.config/cuecard/content` on Linux), whether or not
/// it exists.
pub fn user_content_dir() -> Option<PathBuf> {
    crate::store::config_dir().map(|d| d.join("content"))
}

/// The sources used without `--content`: the bundled frameworks, then the user's directory when it
/// exists (a user framework with a bundled framework's id replaces it).
pub fn default_sources() -> Vec<ContentSource> {
    let mut sources = vec![ContentSource::Bundled];
    if let Some(dir) = user_content_dir().filter(|d| d.is_dir()) {
        sources.push(ContentSource::Directory(dir));
    }
    sources
}

/// A content file's bytes with the path to show in messages.
#[derive(Debug, Clone)]
pub(crate) struct ContentFile {
    pub path: String,
    /// The file name without `.toml`: a competency's id.
    pub stem: String,
    pub bytes: Vec<u8>,
}

impl ContentFile {
    /// The file's place on disk, `None` for bundled content.
    pub fn origin(&self) -> Option<std::sync::Arc<Path>> {
        (!self.path.starts_with(BUNDLED_PREFIX)).then(|| Path::new(&self.path).into())
    }
}

/// How the paths of bundled files begin.
const BUNDLED_PREFIX: &str = "bundled:";

/// A framework directory as found in a source, not yet parsed.
#[derive(Debug, Clone)]
pub(crate) struct FrameworkDir {
    pub id: String,
    pub path: String,
    pub framework_file: Option<ContentFile>,
    pub competency_files: Vec<ContentFile>,
}

/// Reads a source into framework directories, with the problems met on the way (unreadable or
/// oversized files, a missing directory, stray files).
pub(crate) fn read_source(source: &ContentSource) -> (Vec<FrameworkDir>, Vec<Problem>) {
    match source {
        ContentSource::Bundled => (read_bundled(), Vec::new()),
        ContentSource::Directory(dir) => read_directory(dir),
        ContentSource::Overlay { dir, files } => {
            let (mut frameworks, problems) = if dir.exists() {
                read_directory(dir)
            } else {
                (Vec::new(), Vec::new())
            };
            for (path, text) in files {
                overlay(&mut frameworks, path, text);
            }
            frameworks.sort_by(|a, b| a.id.cmp(&b.id));
            (frameworks, problems)
        }
    }
}

/// Puts `text` in place of the file at `path` (`<dir>/<framework>/<stem>.toml`).
fn overlay(frameworks: &mut Vec<FrameworkDir>, path: &Path, text: &str) {
    let (Some(stem), Some(dir)) = (
        path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        path.parent(),
    ) else {
        return;
    };
    let id = file_name(dir);
    let index = match frameworks.iter().position(|f| f.id == id) {
        Some(index) => index,
        None => {
            frameworks.push(FrameworkDir {
                id,
                path: dir.display().to_string(),
                framework_file: None,
                competency_files: Vec::new(),
            });
            frameworks.len() - 1
        }
    };
    let framework = &mut frameworks[index];
    let file = ContentFile {
        path: path.display().to_string(),
        stem: stem.clone(),
        bytes: text.as_bytes().to_vec(),
    };
    if stem == "framework" {
        framework.framework_file = Some(file);
    } else {
        framework.competency_files.retain(|f| f.stem != stem);
        framework.competency_files.push(file);
        framework
            .competency_files
            .sort_by(|a, b| a.stem.cmp(&b.stem));
    }
}

fn read_bundled() -> Vec<FrameworkDir> {
    let mut frameworks: Vec<FrameworkDir> = BUNDLED
        .dirs()
        .map(|dir| {
            let id = file_name(dir.path());
            let mut framework_file = None;
            let mut competency_files = Vec::new();
            for file in dir.files() {
                let name = file_name(file.path());
                let Some(stem) = name.strip_suffix(".toml") else {
                    continue;
                };
                let content = ContentFile {
                    path: format!("{BUNDLED_PREFIX}{}", file.path().display()),
                    stem: stem.to_string(),
                    bytes: file.contents().to_vec(),
                };
                if stem == "framework" {
                    framework_file = Some(content);
                } else {
                    competency_files.push(content);
                }
            }
            competency_files.sort_by(|a, b| a.stem.cmp(&b.stem));
            FrameworkDir {
                path: format!("{BUNDLED_PREFIX}{id}"),
                id,
                framework_file,
                competency_files,
            }
        })
        .collect();
    frameworks.sort_by(|a, b| a.id.cmp(&b.id));
    frameworks
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Entries of a directory sorted by name, hidden ones left out.
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_hidden(&name) {
            entries.push((name, entry.path()));
        }
    }
    entries.sort();
    Ok(entries)
}

fn read_directory(root: &Path) -> (Vec<FrameworkDir>, Vec<Problem>) {
    let shown = root.display().to_string();
    let mut problems = Vec::new();
    let entries = match sorted_entries(root) {
        Ok(entries) => entries,
        Err(e) => {
            let message = if root.exists() {
                format!("cannot read the content directory: {e}")
            } else {
                "no such directory: check the path given to --content".to_string()
            };
            return (Vec::new(), vec![Problem::whole_file(&shown, message)]);
        }
    };
    let mut frameworks = Vec::new();
    for (name, path) in entries {
        if path.is_dir() {
            frameworks.push(read_framework_dir(name, &path, &mut problems));
        } else if name.ends_with(".toml") {
            problems.push(Problem::whole_file(
                &path.display().to_string(),
                "a content file must stand in a framework directory: move it into \
                 <content>/<framework-id>/",
            ));
        }
    }
    (frameworks, problems)
}

fn read_framework_dir(id: String, dir: &Path, problems: &mut Vec<Problem>) -> FrameworkDir {
    let mut framework = FrameworkDir {
        id,
        path: dir.display().to_string(),
        framework_file: None,
        competency_files: Vec::new(),
    };
    let entries = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem::whole_file(
                &framework.path,
                format!("cannot read the framework directory: {e}"),
            ));
            return framework;
        }
    };
    for (name, path) in entries {
        let Some(stem) = name.strip_suffix(".toml") else {
            continue;
        };
        if !path.is_file() {
            continue;
        }
        let shown = path.display().to_string();
        let bytes = match read_capped(&path) {
            Ok(bytes) => bytes,
            Err(message) => {
                problems.push(Problem::whole_file(&shown, message));
                continue;
            }
        };
        let file = ContentFile {
            path: shown,
            stem: stem.to_string(),
            bytes,
        };
        if stem == "framework" {
            framework.framework_file = Some(file);
        } else {
            framework.competency_files.push(file);
        }
    }
    framework
}

fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the file is larger than {} MiB: split it, or check that it is the right file",
            MAX_FILE_BYTES / 1024 / 1024
        ));
    }
    Ok(bytes)
}
