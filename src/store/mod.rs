//! What the user writes, on disk: practice notes and review schedules, as plain files under the
//! data directory. No terminal code. Every write is atomic (a temporary file in the same
//! directory, fsync, rename, fsync of the directory), files are readable by the user only (0600,
//! directories 0700), and a file changed by someone else since it was read is never overwritten.

pub mod marks;
pub mod notes;
pub mod reviews;
pub mod sessions;
pub mod settings;
pub mod stories;
pub mod team;

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The environment variable that chooses the data directory (after `--data-dir`).
pub const DATA_DIR_ENV: &str = "CUECARD_DATA_DIR";

/// The data directory: `explicit` (from `--data-dir`), else `$CUECARD_DATA_DIR`, else the
/// platform's (e.g. `~/.local/share/cuecard` on Linux).
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = explicit {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "cuecard").map(|d| d.data_dir().to_path_buf())
}

/// Where the settings file is read and written: with a data directory chosen explicitly
/// (`--data-dir`, `$CUECARD_DATA_DIR`), beside the data, so that a directory holds a whole setup;
/// else the configuration directory (`$XDG_CONFIG_HOME/cuecard`, honoured on every platform, else
/// the platform's: `~/.config/cuecard` on Linux), unless only the old place (the platform's data
/// directory) has one, which is then still read ([`old_settings_note`] says how to move it).
pub fn settings_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    let explicit = explicit.map(Path::to_path_buf).or_else(|| {
        std::env::var_os(DATA_DIR_ENV)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
    });
    if explicit.is_some() {
        return explicit;
    }
    let config = config_dir()?;
    let old = data_dir(None)?;
    if !config.join(SETTINGS).exists() && old.join(SETTINGS).exists() {
        return Some(old);
    }
    Some(config)
}

/// The settings file's name.
pub const SETTINGS: &str = "settings.toml";

/// cuecard's configuration directory: `$XDG_CONFIG_HOME/cuecard` when set (on macOS too, as bat
/// and jj do), else the platform's.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("XDG_CONFIG_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(home).join("cuecard"));
    }
    directories::ProjectDirs::from("", "", "cuecard").map(|d| d.config_dir().to_path_buf())
}

/// When the settings are still read from the old place, how to move them.
pub fn old_settings_note(settings_dir: &Path, explicit: Option<&Path>) -> Option<String> {
    let chose = explicit.is_some() || std::env::var_os(DATA_DIR_ENV).is_some_and(|d| !d.is_empty());
    let config = config_dir()?;
    (!chose && settings_dir != config).then(|| {
        format!(
            "settings are read from their old place, {}; move them where settings belong: mkdir -p {} && mv {} {}",
            settings_dir.join(SETTINGS).display(),
            config.display(),
            settings_dir.join(SETTINGS).display(),
            config.join(SETTINGS).display()
        )
    })
}

/// A failed read or write, with the file it concerns and what the user can do.
#[derive(Debug)]
pub struct StoreError {
    pub path: PathBuf,
    pub kind: StoreErrorKind,
}

#[derive(Debug)]
pub enum StoreErrorKind {
    /// The file holds bytes that are not UTF-8 text; it is left as it is.
    NotText {
        offset: usize,
    },
    /// A plain-text file that does not parse (a schedule file edited by hand, say).
    Malformed(String),
    /// Another cuecard held the file's lock for longer than a save takes.
    Busy,
    /// A name or a place cuecard will not read or write, and why.
    Refused(String),
    Io(io::Error),
}

impl StoreError {
    fn io(path: &Path, error: io::Error) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            kind: StoreErrorKind::Io(error),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.path.display().to_string();
        let path = crate::text::inert(&shown);
        match &self.kind {
            StoreErrorKind::NotText { offset } => write!(
                f,
                "{path}: not UTF-8 text (byte {offset}); cuecard leaves it untouched: fix or move it"
            ),
            StoreErrorKind::Malformed(message) => write!(
                f,
                "{path}: {}; cuecard leaves it untouched: fix or move it",
                crate::text::inert(message)
            ),
            StoreErrorKind::Busy => write!(
                f,
                "{path}: another cuecard has been saving this file for over {} s; your text is kept: try again",
                LOCK_WAIT.as_secs()
            ),
            StoreErrorKind::Refused(why) => write!(f, "{path}: {}", crate::text::inert(why)),
            StoreErrorKind::Io(e) => write!(f, "{path}: {e}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// Parses a TOML data file (settings, reviews, a session); a file that does not parse is an error
/// naming its line and column.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> Result<T, StoreError> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or_else(
            || crate::content::place_spanless(text, e.message(), 0).unwrap_or(0),
            |s| s.start,
        );
        let (line, column, _) = crate::content::locate(text, offset);
        StoreError {
            path: path.to_path_buf(),
            kind: StoreErrorKind::Malformed(format!(
                "line {line}, column {column}: {}{}",
                e.message(),
                did_you_mean(e.message())
            )),
        }
    })
}

/// For serde's "unknown field `x`, expected one of `a`, `b`": the nearest of those, as a hint.
fn did_you_mean(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return String::new();
    };
    let Some((unknown, expected)) = rest.split_once('`') else {
        return String::new();
    };
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|known| (strsim::damerau_levenshtein(unknown, known), known))
        .min()
        .filter(|(distance, _)| *distance <= 3)
        .map(|(_, known)| format!(" (did you mean `{known}`?)"))
        .unwrap_or_default()
}

/// `Ok` when `value`, read from the file `path` under `key`, is within `low..=high`; else an
/// error naming the file, the key, the value and the range.
pub fn check_range<T: PartialOrd + fmt::Display>(
    path: &Path,
    key: &str,
    value: T,
    low: T,
    high: T,
) -> Result<(), StoreError> {
    if value >= low && value <= high {
        return Ok(());
    }
    // A key may come with where it stands: `line 1, column 18: answer_seconds`.
    let shown = match key.rsplit_once(": ") {
        Some((at, name)) => format!("{at}: `{name}`"),
        None => format!("`{key}`"),
    };
    Err(StoreError {
        path: path.to_path_buf(),
        kind: StoreErrorKind::Malformed(format!(
            "{shown} = {value} is out of range: {low} to {high}"
        )),
    })
}

/// Creates `dir` and its missing parents, readable by the user only.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| StoreError::io(dir, e))
}

/// The largest note, session or scorecard cuecard reads.
pub const TEXT_LIMIT: u64 = 8 << 20;

/// Reads a text file: `None` when it does not exist. Only a regular file is read (a pipe, a
/// device or a directory is an error, and opening one never blocks), and only up to `limit`
/// bytes (a larger file is an error naming the limit). A file that is not UTF-8 is an error (and
/// is never replaced by the caller).
pub fn read_text(path: &Path, limit: u64) -> Result<Option<String>, StoreError> {
    use std::io::Read as _;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Opening a FIFO for reading would wait for a writer; a regular file ignores the flag.
        options.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    // The opened file's own metadata: no second lookup of the name that could meet another file.
    let meta = file.metadata().map_err(|e| StoreError::io(path, e))?;
    let refused = |why: String| StoreError {
        path: path.to_path_buf(),
        kind: StoreErrorKind::Refused(why),
    };
    let too_large = |size: &dyn fmt::Display| {
        refused(format!(
            "{size} bytes, over the limit of {} for this file; cuecard leaves it untouched: shorten or move it",
            size_text(limit)
        ))
    };
    if !meta.is_file() {
        return Err(refused(
            "not a regular file (a pipe, a device or a directory); cuecard reads only regular files: move it".to_string(),
        ));
    }
    if meta.len() > limit {
        return Err(too_large(&meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, e))?;
    if bytes.len() as u64 > limit {
        // It grew while being read.
        return Err(too_large(&format!("over {limit}")));
    }
    String::from_utf8(bytes).map(Some).map_err(|e| StoreError {
        path: path.to_path_buf(),
        kind: StoreErrorKind::NotText {
            offset: e.utf8_error().valid_up_to(),
        },
    })
}

/// `8 MiB`, `64 KiB`, `100 bytes`.
fn size_text(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// Writes `bytes` to `path` atomically: whoever reads the file, even after a crash or a kill at
/// any moment, finds the old contents or the new, never a mix. The file is created 0600 and its
/// directories 0700. When `path` is a symbolic link, nothing is written: with no data directory to
/// check the link against, cuecard does not write through it (`write_private_in` follows a link
/// that stays inside the data directory).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(StoreError {
            path: path.to_path_buf(),
            kind: StoreErrorKind::Refused(
                "is a symbolic link; cuecard will not write through it".to_string(),
            ),
        });
    }
    write_atomically(path, bytes)
}

/// Writes `bytes` to `path` under the data directory `root` as `write_private` does, but only
/// inside `root`: when `path` is a symbolic link, the file it leads to is replaced (the link is
/// kept) if that file is inside `root`, and nothing is written if it is outside; a directory on
/// the way that leads outside is refused the same way. `root` itself may be a link.
pub fn write_private_in(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let target = inside(root, path)?;
    write_atomically(&target, bytes)
}

/// The file to write for `path` under `root`: `path`, or the file its link leads to; an error
/// when that is outside `root`.
fn inside(root: &Path, path: &Path) -> Result<PathBuf, StoreError> {
    let refused = |why: &str| StoreError {
        path: path.to_path_buf(),
        kind: StoreErrorKind::Refused(format!(
            "{why} outside the data directory; cuecard will not write through it"
        )),
    };
    create_private_dir(root)?;
    let real_root = fs::canonicalize(root).map_err(|e| StoreError::io(root, e))?;
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        let link = fs::read_link(path).map_err(|e| StoreError::io(path, e))?;
        let led_to = path.parent().unwrap_or(Path::new("")).join(link);
        match fs::canonicalize(&led_to) {
            Ok(real) => real,
            // A link to a missing file: its directory must exist.
            Err(_) => match (led_to.parent().map(fs::canonicalize), led_to.file_name()) {
                (Some(Ok(dir)), Some(name)) => dir.join(name),
                _ => return Err(refused("is a link that may lead")),
            },
        }
    } else {
        path.to_path_buf()
    };
    // The nearest directory above the file that exists, its links resolved, must be in `root`;
    // the directories still to create below it are plain names.
    let mut missing = Vec::new();
    let mut dir = target.parent();
    while let Some(at) = dir {
        match fs::canonicalize(at) {
            Ok(real) if real.starts_with(&real_root) => break,
            Ok(_) if is_link => return Err(refused("is a link")),
            Ok(_) => return Err(refused("is in a directory that leads")),
            Err(_) => {
                missing.push(at);
                dir = at.parent();
            }
        }
    }
    let plain = missing.iter().all(|at| {
        matches!(
            at.components().next_back(),
            Some(std::path::Component::Normal(_))
        )
    });
    if dir.is_none() || !plain {
        return Err(refused("leads"));
    }
    Ok(target)
}

/// Writes `bytes` over the file `path` atomically (temporary file, fsync, rename, fsync of the
/// directory), the file 0600 and missing directories 0700.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if let Some(parent) = path.parent() {
        create_private_dir(parent)?;
    }
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
        options.preserve_mode(false);
    }
    let io_error = |e| StoreError::io(path, e);
    let mut file = options.open(path).map_err(io_error)?;
    file.write_all(bytes).map_err(io_error)?;
    file.commit().map_err(io_error)
}

/// Writes `bytes` to `path` in a folder a team shares: atomically like every save, but readable as
/// the folder's owner allows (the umask's mode, not 0600), and never through a link. For team
/// files that hold no personal data (kits).
pub fn write_shared(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(StoreError {
            path: path.to_path_buf(),
            kind: StoreErrorKind::Refused(
                "is a symbolic link; cuecard will not write through it".to_string(),
            ),
        });
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
    }
    let io_error = |e| StoreError::io(path, e);
    let mut file = atomic_write_file::AtomicWriteFile::options()
        .open(path)
        .map_err(io_error)?;
    file.write_all(bytes).map_err(io_error)?;
    file.commit().map_err(io_error)
}

/// How long a save waits for another cuecard's save of the same file before giving up.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// An exclusive lock on a data file, held until dropped (closing the lock file releases it).
#[derive(Debug)]
pub struct FileLock {
    _file: Option<fs::File>,
}

/// Locks the data file `path` against other cuecards: an exclusive lock on `.NAME.lock` beside
/// it (created 0600 and left in place; never the data file itself, which an atomic rename
/// replaces by a new inode), in the data directory `root` (a directory on the way that leads
/// outside it is refused before anything is created). Waits while another cuecard holds it, up
/// to `LOCK_WAIT`. On a file system without locks, goes on unlocked.
pub fn lock_beside(root: &Path, path: &Path) -> Result<FileLock, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let lock_path = dir.join(format!(".{name}.lock"));
    inside(root, &lock_path)?;
    create_private_dir(dir)?;
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
        options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    let file = options
        .open(&lock_path)
        .map_err(|e| StoreError::io(&lock_path, e))?;
    let deadline = std::time::Instant::now() + LOCK_WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FileLock { _file: Some(file) }),
            Err(fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(StoreError {
                    path: path.to_path_buf(),
                    kind: StoreErrorKind::Busy,
                });
            }
            Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                return Ok(FileLock { _file: None });
            }
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(&lock_path, e)),
        }
    }
}

/// Where a text is saved, and the version of that file it was read from (or last saved as).
#[derive(Clone, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    pub fingerprint: Fingerprint,
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Target")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// What a guarded save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// The file now holds the text.
    Written(Target),
    /// The file had changed on disk: it was left as it is, and the text was written to a conflict
    /// copy beside it, which later saves of this text go to.
    Conflict(Target),
}

impl Saved {
    pub fn target(&self) -> &Target {
        match self {
            Saved::Written(target) | Saved::Conflict(target) => target,
        }
    }
}

/// Saves `text` to `target` unless the file there changed since `target` was read or saved; then
/// it goes to a new conflict copy beside it (`name.conflict-STAMP.ext`), and both are kept. The
/// file is locked (`lock_beside`) from the read to the rename, so two cuecards saving at the same
/// instant cannot both overwrite the version they read: the second finds the first's text and
/// writes a conflict copy.
/// Nothing is written outside the data directory `root` (`write_private_in`).
pub fn save_guarded(
    root: &Path,
    target: &Target,
    text: &str,
    stamp: &str,
) -> Result<Saved, StoreError> {
    let _lock = lock_beside(root, &target.path)?;
    save_locked(root, target, text, stamp)
}

/// `save_guarded` once the file is locked.
pub(crate) fn save_locked(
    root: &Path,
    target: &Target,
    text: &str,
    stamp: &str,
) -> Result<Saved, StoreError> {
    let on_disk = read_text(&target.path, TEXT_LIMIT);
    let written = Target {
        path: target.path.clone(),
        fingerprint: Fingerprint::of(Some(text)),
    };
    if matches!(&on_disk, Ok(Some(current)) if current == text) {
        // Already there (saved twice, or the same text written elsewhere): nothing to do.
        return Ok(Saved::Written(written));
    }
    let unchanged = matches!(&on_disk, Ok(current) if Fingerprint::of(current.as_deref()) == target.fingerprint);
    if unchanged {
        write_private_in(root, &target.path, text.as_bytes())?;
        return Ok(Saved::Written(written));
    }
    // Changed, or no longer readable as text: either way it is someone else's now.
    let copy = conflict_path(&target.path, stamp);
    write_private_in(root, &copy, text.as_bytes())?;
    Ok(Saved::Conflict(Target {
        path: copy,
        ..written
    }))
}

/// A free name beside `path` for a conflict copy: `q.conflict-STAMP.md`, then `-2`, `-3`…
fn conflict_path(path: &Path, stamp: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let extension = path
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            path.with_file_name(format!("{stem}.conflict-{stamp}{suffix}{extension}"))
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.with_extension("conflict"))
}

/// A mark of `text` that stays the same from one build of cuecard to the next (FNV-1a, 64 bits,
/// in hex), to keep in a file and recognise the text later: not a defence against forgery, only
/// a way to tell a file cuecard wrote from one edited since.
pub fn stable_mark(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// A fingerprint of a file's contents, to notice that it changed since it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint(u64);

impl Fingerprint {
    /// The fingerprint of a file holding `text`; `None` is a file that does not exist.
    pub fn of(text: Option<&str>) -> Fingerprint {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        Fingerprint(hasher.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn writes_private_files_in_private_directories() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/note.md");
        write_private(&path, b"hello").unwrap();
        assert_eq!(
            read_text(&path, TEXT_LIMIT).unwrap().as_deref(),
            Some("hello")
        );
        #[cfg(unix)]
        {
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&dir.path().join("a")), 0o700);
            assert_eq!(mode(&dir.path().join("a/b")), 0o700);
        }
        write_private(&path, b"again").unwrap();
        assert_eq!(
            read_text(&path, TEXT_LIMIT).unwrap().as_deref(),
            Some("again")
        );
        // Nothing but the note is left in the directory (no temporary files).
        let names: Vec<_> = fs::read_dir(dir.path().join("a/b")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_inside_the_root_is_followed_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        // Without a root to check it against, a link is not written through.
        assert!(write_private(&link, b"new").is_err());
        write_private_in(dir.path(), &link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // Outside the root: refused.
        let root = dir.path().join("root");
        let outside_link = root.join("link.md");
        fs::create_dir(&root).unwrap();
        std::os::unix::fs::symlink(&real, &outside_link).unwrap();
        let error = write_private_in(&root, &outside_link, b"newer").unwrap_err();
        assert!(error.to_string().contains("outside"), "{error}");
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    /// Whether this process runs as root: the owner of a directory it just created.
    #[cfg(unix)]
    pub(crate) fn is_root(created: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(created).unwrap().uid() == 0
    }

    #[test]
    fn a_file_in_the_way_of_the_directory_fails_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes"), "a file").unwrap();
        let path = dir.path().join("notes/x/note.md");
        let error = write_private(&path, b"text").unwrap_err();
        assert!(error.to_string().contains("notes"), "{error}");
        assert_eq!(
            fs::read_to_string(dir.path().join("notes")).unwrap(),
            "a file"
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_naming_the_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.md");
        fs::write(&path, b"ok\xffno").unwrap();
        let error = read_text(&path, TEXT_LIMIT).unwrap_err();
        assert!(matches!(error.kind, StoreErrorKind::NotText { offset: 2 }));
        assert!(error.to_string().contains("untouched"), "{error}");
        assert_eq!(
            read_text(&dir.path().join("missing"), TEXT_LIMIT).unwrap(),
            None
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_directory_fails_with_its_path() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o500)).unwrap();
        let path = locked.join("note.md");
        let result = write_private(&path, b"text");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o700)).unwrap();
        // Root ignores permissions; the check only means something for an ordinary user.
        if is_root(dir.path()) {
            return;
        }
        let error = result.unwrap_err();
        assert!(error.to_string().contains("locked"), "{error}");
        assert!(!path.exists());
    }
}
