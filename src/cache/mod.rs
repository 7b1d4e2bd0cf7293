//! A cache of the loaded content (the parsed, validated library and its problems) and of its
//! search index, so that a large pack is read in one go instead of parsed at every start.
//!
//! One file per set of content sources, under the platform's cache directory. It is used only
//! when its key (cuecard's version and cache format, the executable's size and modification
//! time, the sources in order) and its manifest (every file the loader would read: path, size,
//! modification and change times, inode) match what is on disk now; any difference, a bad
//! header, a wrong length or checksum, or bytes that do not read as valid content make it a miss:
//! the content is loaded from its files and the cache written again. Nothing read from it is
//! trusted before it is checked. No terminal code here.

pub mod codec;
mod library;

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use codec::{Checksum, Reader, Writer};

use crate::content::{ContentSource, Library, Loaded, Problem};
use crate::search::SearchIndex;

/// Chooses the cache directory; set and empty, no cache is used.
pub const CACHE_DIR_ENV: &str = "CUECARD_CACHE_DIR";

const MAGIC: &[u8; 8] = b"CUECACHE";
/// Raised whenever the layout changes.
const FORMAT: u32 = 1;
/// How many cache files (sets of sources) are kept; the least recently written go first.
const KEEP: usize = 8;
/// A file modified this recently may change again within its timestamp's resolution without its
/// size or times telling: the content is not cached until every file's modification time is at
/// least this old.
const SETTLE: Duration = Duration::from_secs(2);

/// The cache directory: `CUECARD_CACHE_DIR` (empty: none), else `$XDG_CACHE_HOME/cuecard`, else
/// the platform's cache directory for cuecard.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV) {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    if let Some(home) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(home).join("cuecard"));
    }
    directories::ProjectDirs::from("", "", "cuecard").map(|d| d.cache_dir().to_path_buf())
}

/// The cache of one set of sources: where it is, and what it must match to be used.
#[derive(Debug, Clone)]
pub struct ContentCache {
    path: PathBuf,
    key: Vec<u8>,
    /// The sources, as the key names them.
    names: Vec<u8>,
    manifest: Vec<u8>,
    /// A file changed too recently to be cached (see [`SETTLE`]).
    unsettled: bool,
}

/// What a cache must have been written for: the cache format, cuecard's `version`, the
/// executable (its size and modification time: the bundled content and the loader's code come
/// with it), and the sources in order (`names`: each directory as given and as absolute path).
fn key(version: &str, names: &[u8]) -> Vec<u8> {
    let mut key = Writer::default();
    key.u32(FORMAT);
    key.str(version);
    let exe = std::env::current_exe().and_then(fs::metadata);
    let (size, modified) = exe.map_or((0, 0), |m| (m.len(), nanos(m.modified().ok())));
    key.u64(size);
    key.u64(modified as u64);
    key.bytes.extend_from_slice(names);
    key.bytes
}

/// A section's bytes, as written: length, checksum, bytes.
fn section(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut sum = Checksum::default();
    sum.update(bytes);
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(&sum.finish().to_le_bytes());
    out.extend_from_slice(bytes);
}

impl ContentCache {
    /// The cache for `sources` in `dir`. `None` when these sources are not cached (an overlay
    /// checked before an import writes it).
    pub fn new(dir: &Path, sources: &[ContentSource]) -> Option<ContentCache> {
        ContentCache::with_settle(dir, sources, SETTLE)
    }

    /// As [`ContentCache::new`], with files changed less than `settle` ago kept out of the
    /// cache (tests that write files and read them back at once use zero).
    pub fn with_settle(
        dir: &Path,
        sources: &[ContentSource],
        settle: Duration,
    ) -> Option<ContentCache> {
        let mut names = Writer::default();
        let mut manifest = Writer::default();
        let mut newest = None;
        for source in sources {
            match source {
                ContentSource::Bundled => names.str("bundled"),
                ContentSource::Directory(given) => {
                    // The path as given, since the content names its files by it (a question's
                    // file, a problem's place), and where it leads from here.
                    let dir = std::path::absolute(given).unwrap_or_else(|_| given.clone());
                    names.str("dir");
                    names.blob(given.as_os_str().as_encoded_bytes());
                    names.blob(dir.as_os_str().as_encoded_bytes());
                    walk(&dir, &mut manifest, &mut newest, true);
                }
                ContentSource::Overlay { .. } => return None,
            }
        }
        let unsettled = newest.is_some_and(|newest: SystemTime| {
            SystemTime::now()
                .duration_since(newest)
                .map_or(true, |age| age < settle)
        });
        let mut name = Checksum::default();
        name.update(&names.bytes);
        Some(ContentCache {
            path: dir.join(format!("content-{:016x}.bin", name.finish())),
            key: key(env!("CARGO_PKG_VERSION"), &names.bytes),
            names: names.bytes,
            manifest: manifest.bytes,
            unsettled,
        })
    }

    /// The same cache as another version of cuecard would see it (for tests: a new version
    /// must not use an old version's cache).
    #[doc(hidden)]
    pub fn as_version(mut self, version: &str) -> ContentCache {
        self.key = key(version, &self.names);
        self
    }

    /// The cache for `sources` in the cache directory ([`cache_dir`]), unless `disabled`.
    pub fn for_sources(disabled: bool, sources: &[ContentSource]) -> Option<ContentCache> {
        if disabled {
            return None;
        }
        ContentCache::new(&cache_dir()?, sources)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The cache file opened, its header, key and manifest checked: positioned at the loaded
    /// content's section.
    fn open(&self) -> Option<fs::File> {
        let mut options = fs::OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            // A FIFO put in its place must not block the start.
            options.custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC);
        }
        let file = options.open(&self.path).ok()?;
        let meta = file.metadata().ok()?;
        if !meta.is_file() {
            return None;
        }
        let mut file = std::io::BufReader::with_capacity(64 * 1024, file);
        let mut header = [0u8; 20];
        file.read_exact(&mut header).ok()?;
        let length = u64::from_le_bytes(header[12..20].try_into().ok()?);
        if &header[..8] != MAGIC
            || u32::from_le_bytes(header[8..12].try_into().ok()?) != FORMAT
            || length != meta.len()
        {
            return None;
        }
        let mut left = length - 20;
        for expected in [&self.key, &self.manifest] {
            let bytes = read_section(&mut file, &mut left, |r, n| r.bytes(n))?;
            if bytes != **expected {
                return None;
            }
        }
        // Sections 2 and 3 must fill the rest exactly.
        let position = length - left;
        let mut file = file.into_inner();
        file.seek(SeekFrom::Start(position)).ok()?;
        Some(file)
    }

    /// The loaded content, when the cache is valid for the files as they are now.
    pub fn read_loaded(&self) -> Option<Loaded> {
        let file = self.open()?;
        let left = file.metadata().ok()?.len() - file_position(&file)?;
        let mut file = std::io::BufReader::with_capacity(256 * 1024, file);
        let mut left = left;
        read_section(&mut file, &mut left, |r, _| library::read(r))
    }

    /// The search index and the number of problems in the content, when the cache is valid for
    /// the files as they are now. The loaded content itself is not read.
    pub fn read_index(&self) -> Option<(SearchIndex, usize)> {
        let mut file = self.open()?;
        let start = file_position(&file)?;
        let length = file.metadata().ok()?.len();
        let mut head = [0u8; 8];
        file.read_exact(&mut head).ok()?;
        let skip = u64::from_le_bytes(head);
        let index_at = start.checked_add(16)?.checked_add(skip)?;
        if index_at > length {
            return None;
        }
        file.seek(SeekFrom::Start(index_at)).ok()?;
        let mut left = length - index_at;
        let mut file = std::io::BufReader::with_capacity(256 * 1024, file);
        let found = read_section(&mut file, &mut left, |r, _| {
            let problems = usize::try_from(r.u64()?).ok()?;
            Some((crate::search::stored::read(r)?, problems))
        })?;
        (left == 0).then_some(found)
    }

    /// Writes the cache for `library` with its `problems` and `index` (built from it), unless
    /// a content file changed too recently. Atomic (a temporary file renamed over the old one),
    /// readable by the user only; the oldest cache files beyond the few kept are removed.
    /// Failing to write is not an error: the next start loads the files again.
    pub fn write(&self, library: &Library, problems: &[Problem], index: &SearchIndex) -> bool {
        let Some(dir) = self.path.parent() else {
            return false;
        };
        // Temporaries left by a cuecard killed mid-write, or by a write that could not be put in
        // place, go before anything else is written.
        sweep_temporaries(dir);
        // Something other than a file in the cache's place (a directory, a pipe) is left alone,
        // and no cache is written beside it.
        let in_the_way = fs::symlink_metadata(&self.path).is_ok_and(|m| !m.is_file());
        if self.unsettled || in_the_way {
            return false;
        }
        // Sections are written in place, their length and checksum filled in after.
        let mut out = Writer::default();
        out.bytes.extend_from_slice(MAGIC);
        out.u32(FORMAT);
        out.u64(0);
        section(&mut out.bytes, &self.key);
        section(&mut out.bytes, &self.manifest);
        let start = begin_section(&mut out);
        library::write(library, problems, &mut out);
        end_section(&mut out, start);
        let start = begin_section(&mut out);
        out.u64(problems.len() as u64);
        crate::search::stored::write(index, &mut out);
        end_section(&mut out, start);
        let mut out = out.bytes;
        let length = out.len() as u64;
        out[12..20].copy_from_slice(&length.to_le_bytes());
        if crate::store::create_private_dir(dir).is_err()
            || crate::store::write_private(&self.path, &out).is_err()
        {
            return false;
        }
        evict(dir, &self.path);
        true
    }
}

/// Starts a section written in place: room for its length and checksum.
fn begin_section(out: &mut Writer) -> usize {
    let start = out.bytes.len();
    out.bytes.extend_from_slice(&[0; 16]);
    start
}

/// Fills in the length and checksum of the section begun at `start`.
fn end_section(out: &mut Writer, start: usize) {
    let body = &out.bytes[start + 16..];
    let mut sum = Checksum::default();
    sum.update(body);
    let (length, sum) = (body.len() as u64, sum.finish());
    out.bytes[start..start + 8].copy_from_slice(&length.to_le_bytes());
    out.bytes[start + 8..start + 16].copy_from_slice(&sum.to_le_bytes());
}

fn file_position(file: &fs::File) -> Option<u64> {
    let mut file = file;
    file.stream_position().ok()
}

/// Reads one section (length, checksum, bytes) with `read`, which gets a reader over exactly its
/// bytes; `None` unless `read` took it all and the checksum matches.
fn read_section<R: Read, T>(
    file: &mut R,
    left: &mut u64,
    read: impl FnOnce(&mut Reader<&mut R>, usize) -> Option<T>,
) -> Option<T> {
    let mut head = [0u8; 16];
    file.read_exact(&mut head).ok()?;
    let length = u64::from_le_bytes(head[..8].try_into().ok()?);
    let sum = u64::from_le_bytes(head[8..].try_into().ok()?);
    *left = left.checked_sub(16)?.checked_sub(length)?;
    let mut reader = Reader::new(file, length);
    let value = read(&mut reader, usize::try_from(length).ok()?)?;
    reader.finish(sum).then_some(value)
}

/// Nanoseconds since the epoch (negative before it), 0 when unknown.
fn nanos(time: Option<SystemTime>) -> i64 {
    match time.map(|t| t.duration_since(SystemTime::UNIX_EPOCH)) {
        Some(Ok(after)) => after.as_nanos() as i64,
        Some(Err(before)) => -(before.duration().as_nanos() as i64),
        None => 0,
    }
}

/// Entries of `dir` the loader reads (not hidden), sorted by name as the loader sorts them.
fn listing(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            entries.push((name, entry.path()));
        }
    }
    entries.sort();
    Ok(entries)
}

/// Records what the loader would read under a content directory (`top`) or a framework
/// directory: each entry's name and kind, and each `.toml` file's size, times and inode. Keeps
/// the newest modification or change time seen in `newest`.
fn walk(dir: &Path, out: &mut Writer, newest: &mut Option<SystemTime>, top: bool) {
    let entries = match listing(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.u8(b'E');
            out.str(&e.kind().to_string());
            return;
        }
    };
    out.u8(b'L');
    out.len(entries.len());
    for (name, path) in entries {
        let toml = name.ends_with(".toml");
        let meta = fs::metadata(&path);
        let is_dir = meta.as_ref().is_ok_and(fs::Metadata::is_dir);
        if !(toml || (top && is_dir)) {
            continue;
        }
        out.str(&name);
        match meta {
            Err(_) => out.u8(0),
            Ok(meta) if meta.is_dir() => {
                out.u8(2);
                if top {
                    walk(&path, out, newest, false);
                }
            }
            Ok(meta) => {
                out.u8(if meta.is_file() { 1 } else { 3 });
                out.u64(meta.len());
                let modified = meta.modified().ok();
                out.u64(nanos(modified) as u64);
                out.u64(changed(&meta).map_or(0, |t| nanos(Some(t)) as u64));
                out.u64(inode(&meta));
                if let Some(time) = modified {
                    *newest = Some(newest.map_or(time, |n| n.max(time)));
                }
            }
        }
    }
}

#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> Option<SystemTime> {
    use std::os::unix::fs::MetadataExt as _;
    let (secs, nanos) = (meta.ctime(), meta.ctime_nsec());
    let since = Duration::new(secs.unsigned_abs(), nanos.clamp(0, 999_999_999) as u32);
    if secs >= 0 {
        SystemTime::UNIX_EPOCH.checked_add(since)
    } else {
        SystemTime::UNIX_EPOCH.checked_sub(since)
    }
}

#[cfg(not(unix))]
fn changed(_: &fs::Metadata) -> Option<SystemTime> {
    None
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    meta.ino() ^ meta.dev().rotate_left(32)
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

/// Removes the least recently written cache files beyond [`KEEP`], never `kept`.
/// A temporary file this old was left behind (a write takes seconds at most).
const STALE: Duration = Duration::from_secs(600);

/// Removes the temporary files of cache writes (`.content-….bin.XXXX`) older than [`STALE`]: a
/// cuecard killed while writing, or a write whose rename failed, leaves one, and they are large.
fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(".content-") && name.contains(".bin")) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn evict(dir: &Path, kept: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("content-") && name.ends_with(".bin")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .filter(|(_, path)| path != kept)
        .collect();
    if files.len() < KEEP {
        return;
    }
    files.sort();
    for (_, path) in &files[..files.len() + 1 - KEEP] {
        let _ = fs::remove_file(path);
    }
}

/// Content as [`load`] gives it.
pub struct Found {
    pub loaded: Loaded,
    /// It came from the cache.
    pub hit: bool,
    /// The search index built to write the cache, when it was written.
    pub index: Option<SearchIndex>,
}

/// The content of `sources`: from the cache when it is valid, else loaded from the files, and
/// the cache written (with a search index built for it) when `write` is true.
pub fn load(sources: &[ContentSource], cache: Option<&ContentCache>, write: bool) -> Found {
    if let Some(loaded) = cache.and_then(ContentCache::read_loaded) {
        return Found {
            loaded,
            hit: true,
            index: None,
        };
    }
    let loaded = crate::content::load(sources);
    let index = cache.filter(|_| write).map(|cache| {
        let index = SearchIndex::build(&loaded.library);
        cache.write(&loaded.library, &loaded.problems, &index);
        index
    });
    Found {
        loaded,
        hit: false,
        index,
    }
}

/// What the browser's searcher needs to take its index from the cache, or to write the cache
/// once it has built one.
#[derive(Debug, Clone)]
pub struct IndexJob {
    pub cache: Arc<ContentCache>,
    /// The content came from the cache (so the index should be there too).
    pub hit: bool,
    /// The content's problems, for writing the cache.
    pub problems: Vec<Problem>,
}

impl IndexJob {
    /// The index for `library`: read from the cache, or built (and the cache written).
    pub fn index(&self, library: &Library) -> SearchIndex {
        if self.hit
            && let Some((index, _)) = self.cache.read_index()
        {
            return index;
        }
        let index = SearchIndex::build(library);
        self.cache.write(library, &self.problems, &index);
        index
    }
}
