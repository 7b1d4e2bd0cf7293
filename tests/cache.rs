//! The content cache: used only when it matches the files, rebuilt when they change, ignored
//! when it is damaged or foreign, never a panic. Every test has a cache directory of its own.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use cuecard::cache::{ContentCache, codec::Checksum};
use cuecard::content::{ContentSource, Loaded, load};
use cuecard::search::{SearchIndex, Searcher};
use proptest::prelude::*;
use tempfile::TempDir;

const FRAMEWORK: &str = "name = \"Support\"\nlevels = [\"One\", \"Two\", \"Three\"]\n";

fn competency(name: &str, question: &str) -> String {
    format!(
        "name = \"{name}\"\ndefinition = \"Handles the Ünusual case.\"\ntags = [\"behavioral\"]\n\n\
         [behaviors]\n1 = [\"Listens\"]\n2 = [\"Explains\"]\n3 = []\n\n\
         [[questions]]\nid = \"q1\"\ntext = \"{question}\"\nlevel = 2\nkey_points = [\"A point\"]\n\
         follow_ups = [\"And then?\"]\n"
    )
}

/// A content directory with one framework of two competencies, its files dated an hour ago (as
/// content that has settled).
fn content() -> TempDir {
    let dir = TempDir::new().unwrap();
    let framework = dir.path().join("support");
    fs::create_dir(&framework).unwrap();
    fs::write(framework.join("framework.toml"), FRAMEWORK).unwrap();
    fs::write(
        framework.join("escalation.toml"),
        competency("Escalation", "Tell me about an SLA you missed."),
    )
    .unwrap();
    fs::write(
        framework.join("empathy.toml"),
        competency("Empathy", "Describe an upset customer."),
    )
    .unwrap();
    for name in ["framework.toml", "escalation.toml", "empathy.toml"] {
        age(&framework.join(name));
    }
    dir
}

/// Dates `path` an hour back.
fn age(path: &Path) {
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

fn sources(dir: &Path) -> Vec<ContentSource> {
    vec![ContentSource::Directory(dir.to_path_buf())]
}

fn cache_in(cache_dir: &Path, content: &Path) -> ContentCache {
    ContentCache::new(cache_dir, &sources(content)).unwrap()
}

/// Loads through the cache; true when the content came from it.
fn load_cached(cache_dir: &Path, content: &Path) -> (Loaded, bool) {
    let found = cuecard::cache::load(&sources(content), Some(&cache_in(cache_dir, content)), true);
    (found.loaded, found.hit)
}

/// The library as text: the content types compare by their debug form.
fn shown(loaded: &Loaded) -> String {
    format!("{:?}{:?}", loaded.library, loaded.problems)
}

fn top(index: SearchIndex, query: &str) -> Vec<String> {
    Searcher::new(std::sync::Arc::new(index))
        .search(query, 20)
        .into_iter()
        .map(|r| format!("{:?} {} {}", r.kind, r.score, r.text))
        .collect()
}

#[test]
fn a_valid_cache_gives_back_the_content_and_index_as_loaded() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    let (first, hit) = load_cached(cache.path(), content.path());
    assert!(!hit, "nothing was cached yet");
    let (second, hit) = load_cached(cache.path(), content.path());
    assert!(hit, "the cache written by the first load is used");
    assert_eq!(shown(&second), shown(&first));
    assert_eq!(shown(&first), shown(&load(&sources(content.path()))));
    let (index, problems) = cache_in(cache.path(), content.path()).read_index().unwrap();
    assert_eq!(problems, 0);
    let built = SearchIndex::build(&first.library);
    assert_eq!(index, built);
    for query in ["sla", "ünusual", "#behavioral q:listens", "level:2 upset"] {
        assert_eq!(
            top(index.clone(), query),
            top(built.clone(), query),
            "{query}"
        );
    }
    // "Ünusual" has a lowercase copy of its own; the rest are compared with ASCII folded.
    assert!(!top(index.clone(), "nusual").is_empty());
    assert!(
        top(index, "unusual").is_empty(),
        "letters are not stripped of accents"
    );
}

#[cfg(unix)]
#[test]
fn the_cache_is_the_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let (content, cache) = (content(), TempDir::new().unwrap());
    let dir = cache.path().join("nested");
    load_cached(&dir, content.path());
    let file = cache_in(&dir, content.path()).path().to_path_buf();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&dir), 0o700);
}

#[test]
fn a_changed_file_is_read_again() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    load_cached(cache.path(), content.path());
    let file = content.path().join("support/escalation.toml");
    fs::write(
        &file,
        competency("Escalation", "Tell me about a deadline you moved."),
    )
    .unwrap();
    age(&file);
    assert!(
        cache_in(cache.path(), content.path())
            .read_loaded()
            .is_none()
    );
    let (loaded, hit) = load_cached(cache.path(), content.path());
    assert!(!hit);
    let questions: Vec<&str> = loaded.library.frameworks[0]
        .competencies
        .iter()
        .map(|c| c.questions[0].text.as_str())
        .collect();
    assert!(questions.contains(&"Tell me about a deadline you moved."));
    // And the new content is what is cached now.
    let (again, hit) = load_cached(cache.path(), content.path());
    assert!(hit);
    assert_eq!(shown(&again), shown(&loaded));
}

#[test]
fn a_file_of_the_same_size_with_another_time_is_read_again() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    load_cached(cache.path(), content.path());
    let file = content.path().join("support/empathy.toml");
    let text = fs::read_to_string(&file).unwrap().replace("upset", "angry");
    fs::write(&file, text).unwrap();
    let handle = fs::File::options().write(true).open(&file).unwrap();
    handle
        .set_modified(SystemTime::now() - Duration::from_secs(1800))
        .unwrap();
    let (loaded, hit) = load_cached(cache.path(), content.path());
    assert!(!hit);
    assert!(format!("{:?}", loaded.library).contains("angry"));
}

#[test]
fn added_and_removed_files_are_seen() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    load_cached(cache.path(), content.path());
    let added = content.path().join("support/coaching.toml");
    fs::write(&added, competency("Coaching", "How do you coach?")).unwrap();
    age(&added);
    let (loaded, hit) = load_cached(cache.path(), content.path());
    assert!(!hit);
    assert_eq!(loaded.library.counts().competencies, 3);
    assert!(load_cached(cache.path(), content.path()).1);
    fs::remove_file(content.path().join("support/empathy.toml")).unwrap();
    let (loaded, hit) = load_cached(cache.path(), content.path());
    assert!(!hit);
    assert_eq!(loaded.library.counts().competencies, 2);
    // A new framework directory too.
    fs::create_dir(content.path().join("other")).unwrap();
    let (loaded, hit) = load_cached(cache.path(), content.path());
    assert!(!hit);
    assert_eq!(
        loaded.problems.len(),
        1,
        "a framework without framework.toml"
    );
}

#[test]
fn a_file_changed_just_now_is_not_cached_yet() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    let file = content.path().join("support/empathy.toml");
    fs::write(&file, competency("Empathy", "Just written.")).unwrap();
    load_cached(cache.path(), content.path());
    assert!(!cache_in(cache.path(), content.path()).path().exists());
}

#[test]
fn another_version_or_set_of_sources_does_not_use_the_cache() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    load_cached(cache.path(), content.path());
    let current = cache_in(cache.path(), content.path());
    assert!(current.read_loaded().is_some());
    let newer = current.clone().as_version("99.0.0");
    assert!(newer.read_loaded().is_none());
    assert!(newer.read_index().is_none());
    // The newer version writes its own, which the older does not take either.
    let loaded = load(&sources(content.path()));
    let index = SearchIndex::build(&loaded.library);
    assert!(newer.write(&loaded.library, &loaded.problems, &index));
    assert!(newer.read_loaded().is_some());
    assert!(current.read_loaded().is_none());
    // Another set of sources has a cache of its own.
    let both = vec![
        ContentSource::Bundled,
        ContentSource::Directory(content.path().to_path_buf()),
    ];
    let other = ContentCache::new(cache.path(), &both).unwrap();
    assert_ne!(other.path(), current.path());
    assert!(other.read_loaded().is_none());
    // The same directory named another way (relative to another working directory, say) has a
    // cache of its own: the content names its files by the path as given.
    let dotted = vec![ContentSource::Directory(content.path().join("."))];
    let named_otherwise = ContentCache::new(cache.path(), &dotted).unwrap();
    assert_ne!(named_otherwise.path(), current.path());
    // An overlay (an import being checked) is never cached.
    let overlay = ContentSource::Overlay {
        dir: content.path().to_path_buf(),
        files: Default::default(),
    };
    assert!(ContentCache::new(cache.path(), &[overlay]).is_none());
}

/// A cache file written for `content`, and its bytes.
fn written() -> (TempDir, TempDir, PathBuf, Vec<u8>) {
    let (content, cache) = (content(), TempDir::new().unwrap());
    load_cached(cache.path(), content.path());
    let path = cache_in(cache.path(), content.path()).path().to_path_buf();
    let bytes = fs::read(&path).unwrap();
    (content, cache, path, bytes)
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored_and_rebuilt() {
    let (content, cache, path, bytes) = written();
    let expected = shown(&load(&sources(content.path())));
    let built = SearchIndex::build(&load(&sources(content.path())).library);
    let damaged: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"CUECACHE".to_vec(),
        bytes[..bytes.len() / 2].to_vec(),
        bytes[..bytes.len() - 1].to_vec(),
        [bytes.clone(), vec![0]].concat(),
        b"not a cache at all, just some text that someone put here".to_vec(),
        {
            // A bit flipped in the content's section.
            let (at, length) = sections(&bytes)[2];
            let mut flipped = bytes.clone();
            flipped[at + 16 + length / 2] ^= 0x20;
            flipped
        },
    ];
    for bad in damaged {
        fs::write(&path, &bad).unwrap();
        let reader = cache_in(cache.path(), content.path());
        assert!(reader.read_loaded().is_none(), "{} bytes", bad.len());
        // The index is read without the content's section: it may still be whole.
        if let Some((index, _)) = reader.read_index() {
            assert_eq!(index, built);
        }
        let (loaded, hit) = load_cached(cache.path(), content.path());
        assert!(!hit);
        assert_eq!(shown(&loaded), expected);
        // Rebuilt: the next load uses it.
        assert!(load_cached(cache.path(), content.path()).1);
    }
    // A bit flipped in the index's section: the index is refused (the content is intact).
    let (at, length) = sections(&bytes)[3];
    let mut flipped = bytes.clone();
    flipped[at + 16 + length / 2] ^= 0x01;
    fs::write(&path, &flipped).unwrap();
    assert!(
        cache_in(cache.path(), content.path())
            .read_index()
            .is_none()
    );
    // A directory in its place is no cache either.
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    assert!(!load_cached(cache.path(), content.path()).1);
}

/// The file's sections: (start of the section's length field, length).
fn sections(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut at = 20;
    let mut found = Vec::new();
    while at + 16 <= bytes.len() {
        let length = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
        found.push((at, length));
        at += 16 + length;
    }
    found
}

/// `bytes` with section `n`'s body replaced by `body`, its length, checksum and the file's
/// length made right: what gets past every check but the contents' own.
fn with_section(bytes: &[u8], n: usize, body: &[u8]) -> Vec<u8> {
    let (at, length) = sections(bytes)[n];
    let mut out = bytes[..at].to_vec();
    let mut sum = Checksum::default();
    sum.update(body);
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&sum.finish().to_le_bytes());
    out.extend_from_slice(body);
    out.extend_from_slice(&bytes[at + 16 + length..]);
    let total = out.len() as u64;
    out[12..20].copy_from_slice(&total.to_le_bytes());
    out
}

#[test]
fn the_layout_is_as_documented() {
    let (_content, _cache, _path, bytes) = written();
    assert_eq!(&bytes[..8], b"CUECACHE");
    assert_eq!(
        u64::from_le_bytes(bytes[12..20].try_into().unwrap()),
        bytes.len() as u64
    );
    let found = sections(&bytes);
    assert_eq!(found.len(), 4, "key, manifest, content, index");
    let (at, length) = found[3];
    assert_eq!(at + 16 + length, bytes.len());
    // Rewriting a section as it is changes nothing.
    let body = bytes[found[2].0 + 16..found[2].0 + 16 + found[2].1].to_vec();
    assert_eq!(with_section(&bytes, 2, &body), bytes);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Flipped bits, cut files and stray bytes anywhere: never a panic, and never content other
    /// than what was written.
    #[test]
    fn damaged_bytes_are_never_trusted(
        flips in prop::collection::vec((any::<prop::sample::Index>(), 0u8..8), 0..4),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let (content, cache, path, bytes) = written();
        let expected = shown(&load(&sources(content.path())));
        let mut bad = bytes.clone();
        for (at, bit) in &flips {
            let at = at.index(bad.len());
            bad[at] ^= 1 << bit;
        }
        if let Some(cut) = cut {
            bad.truncate(cut.index(bad.len()));
        }
        fs::write(&path, &bad).unwrap();
        let reader = cache_in(cache.path(), content.path());
        if let Some(loaded) = reader.read_loaded() {
            prop_assert_eq!(shown(&loaded), expected);
        }
        let _ = reader.read_index();
    }

    /// Random changes inside the content and index sections, with their checksums made right so
    /// that only the decoder's own checks stand: it refuses or reads them, never panics, and
    /// what it reads can be searched.
    #[test]
    fn the_decoder_survives_any_section_body(
        section in 2usize..4,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let (content, cache, path, bytes) = written();
        let (at, length) = sections(&bytes)[section];
        let mut body = bytes[at + 16..at + 16 + length].to_vec();
        for (i, value) in &edits {
            let i = i.index(body.len());
            body[i] = *value;
        }
        if let Some(cut) = cut {
            body.truncate(cut.index(body.len()));
        }
        fs::write(&path, with_section(&bytes, section, &body)).unwrap();
        let reader = cache_in(cache.path(), content.path());
        let _ = reader.read_loaded();
        if let Some((index, _)) = reader.read_index() {
            for query in ["sla", "ü", "#behavioral e", "level:2 q", "c:e"] {
                let results = Searcher::new(std::sync::Arc::new(index.clone())).search(query, 10);
                let mut out = Vec::new();
                cuecard::cli::print_results(&index, &results, true, &mut out).unwrap();
                let _ = index.query_problem(query);
            }
        }
    }
}

#[test]
fn the_search_command_uses_the_cache_and_gives_the_same_results() {
    let (content, home) = (content(), TempDir::new().unwrap());
    let cache = home.path().join("cache");
    let run = |env_cache: Option<&Path>, extra: &[&str]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_cuecard"));
        command
            .args(["search", "--json", "--content"])
            .arg(content.path())
            .args(extra)
            .arg("sla")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_CACHE_HOME", home.path().join("xdg-cache"))
            .env("CUECARD_DATA_DIR", home.path().join("data"));
        match env_cache {
            Some(dir) => command.env("CUECARD_CACHE_DIR", dir),
            None => command.env("CUECARD_CACHE_DIR", ""),
        };
        let output = command.output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let uncached = run(None, &[]);
    assert!(uncached.contains("SLA"), "{uncached}");
    assert!(
        !home.path().join("xdg-cache").exists(),
        "an empty CUECARD_CACHE_DIR turns it off"
    );
    assert_eq!(run(Some(&cache), &["--no-cache"]), uncached);
    assert!(!cache.exists(), "--no-cache writes nothing");
    assert_eq!(run(Some(&cache), &[]), uncached);
    assert_eq!(
        fs::read_dir(&cache).unwrap().count(),
        1,
        "written on the first run"
    );
    assert_eq!(run(Some(&cache), &[]), uncached, "read on the second");

    // A damaged index section: the search still answers from the content, and mends the cache.
    let file = fs::read_dir(&cache)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bytes = fs::read(&file).unwrap();
    let (at, length) = *sections(&bytes).last().unwrap();
    bytes[at + 16 + length / 2] ^= 0x01;
    fs::write(&file, &bytes).unwrap();
    assert_eq!(run(Some(&cache), &[]), uncached);
    // (The cache's key holds the executable, so only the bytes can be compared from here.)
    let mended = fs::read(&file).unwrap();
    assert_ne!(mended, bytes, "the cache is written again");
    assert_eq!(mended.len(), bytes.len());

    // With a story bank (checked against the content), the index still comes from the cache.
    let stories = home.path().join("data/stories");
    fs::create_dir_all(&stories).unwrap();
    fs::write(
        stories.join("calm.md"),
        "+++\ntitle = \"Calm under an SLA breach\"\n+++\n\n## Situation\nA breach.\n",
    )
    .unwrap();
    let with_story = run(Some(&cache), &[]);
    assert!(
        with_story.contains("Calm under an SLA breach"),
        "{with_story}"
    );
}

#[test]
fn a_question_changed_in_the_app_is_seen_at_the_next_start() {
    use cuecard::content::edit::{ContentPlace, QuestionDraft, update_question};
    let (content, cache) = (content(), TempDir::new().unwrap());
    let (loaded, _) = load_cached(cache.path(), content.path());
    assert!(load_cached(cache.path(), content.path()).1, "cached");
    let place = ContentPlace::new(content.path().to_path_buf(), sources(content.path()));
    let competency = loaded.library.competency("support/escalation").unwrap();
    let question = &competency.questions[0];
    let draft = QuestionDraft {
        text: "Tell me about an SLA you renegotiated.".to_string(),
        ..QuestionDraft::of(question)
    };
    update_question(&place, &loaded.library, competency, question, &draft).unwrap();
    let (after, hit) = load_cached(cache.path(), content.path());
    assert!(
        !hit,
        "the app's write changes the file's size, times and inode"
    );
    let text = &after.library.question(&question.id).unwrap().text;
    assert_eq!(text, "Tell me about an SLA you renegotiated.");
    let found = top(SearchIndex::build(&after.library), "renegotiated");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn only_the_most_recently_written_caches_are_kept() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    let loaded = load(&sources(content.path()));
    let index = SearchIndex::build(&loaded.library);
    let mut written = Vec::new();
    for n in 0..10 {
        // Ten sets of sources: the same directory named ten ways.
        let mut name = content.path().to_path_buf();
        for _ in 0..n {
            name = name.join(".");
        }
        let cache = ContentCache::new(cache.path(), &sources(&name)).unwrap();
        assert!(cache.write(&loaded.library, &loaded.problems, &index));
        // Written in order, with distinct times.
        let file = fs::File::options().write(true).open(cache.path()).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(100 - n))
            .unwrap();
        written.push(cache.path().to_path_buf());
    }
    let left: Vec<PathBuf> = written.iter().filter(|p| p.exists()).cloned().collect();
    assert_eq!(left.len(), 8, "{left:?}");
    assert!(
        !written[0].exists() && !written[1].exists(),
        "the oldest go"
    );
}

#[test]
fn no_temporary_file_is_left_behind_for_long() {
    let (content, cache) = (content(), TempDir::new().unwrap());
    let path = cache_in(cache.path(), content.path()).path().to_path_buf();
    // A directory in the cache's place: loads go on from the files, and nothing piles up beside.
    fs::create_dir_all(&path).unwrap();
    for _ in 0..3 {
        assert!(!load_cached(cache.path(), content.path()).1);
    }
    let names = |dir: &Path| -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(cache.path()).len(), 1, "{:?}", names(cache.path()));
    // A temporary left by a cuecard killed mid-write goes at the next write, once stale; a fresh
    // one (another cuecard writing now) stays.
    fs::remove_dir(&path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let (stale, fresh) = (
        cache.path().join(format!(".{name}.kIlLeD")),
        cache.path().join(format!(".{name}.wRiTiNg")),
    );
    fs::write(&stale, b"half a cache").unwrap();
    fs::write(&fresh, b"a cache being written").unwrap();
    age(&stale);
    assert!(!load_cached(cache.path(), content.path()).1);
    assert!(!stale.exists(), "the stale temporary is swept");
    assert!(fresh.exists());
    assert!(
        load_cached(cache.path(), content.path()).1,
        "and the cache works"
    );
}
