//! The store under pressure: two savers at the same instant, hostile file names and contents,
//! special files in the data directory. Races are run with threads hammering the store API (each
//! opens files of its own, so the file locks meet as two processes' would).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::thread;

use cuecard::store::Saved;
use cuecard::store::notes::NoteStore;
use tempfile::TempDir;

mod support;

/// Every file of `dir` (not hidden ones) and its text.
fn texts_in(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

const ROUNDS: usize = 40;

/// Runs `work(data_dir, who, barrier)` on two threads at once, one for each name, and waits for
/// both; the barrier lines up their steps.
fn race(
    data_dir: &Path,
    names: [&'static str; 2],
    work: impl Fn(&Path, &str, &Barrier) + Send + Sync + 'static,
) {
    let barrier = Arc::new(Barrier::new(2));
    let work = Arc::new(work);
    let threads: Vec<_> = names
        .into_iter()
        .map(|who| {
            let (barrier, work) = (Arc::clone(&barrier), Arc::clone(&work));
            let root = data_dir.to_path_buf();
            thread::spawn(move || work(&root, who, &barrier))
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
}

/// Two savers of the same note at the same instant, round after round: both say saved, and both
/// texts are on disk afterwards — the winner's in the note, the loser's in a conflict copy.
#[test]
fn two_savers_of_the_same_note_at_the_same_instant_both_keep_their_text() {
    let data = TempDir::new().unwrap();
    race(data.path(), ["alpha", "beta"], |root, who, barrier| {
        let store = NoteStore::new(root);
        for round in 0..ROUNDS {
            let id = format!("fw/comp/q{round}");
            let loaded = store.load(&id).unwrap();
            barrier.wait();
            let saved = store
                .save(&loaded.target, &format!("{who} {round}"), "s")
                .unwrap();
            assert!(matches!(saved, Saved::Written(_) | Saved::Conflict(_)));
        }
    });
    let texts = texts_in(&data.path().join("notes/fw/comp"));
    for round in 0..ROUNDS {
        let kept: BTreeSet<&str> = texts
            .iter()
            .filter(|(name, _)| {
                name.as_str() == format!("q{round}.md")
                    || name.starts_with(&format!("q{round}.conflict-"))
            })
            .map(|(_, text)| text.as_str())
            .collect();
        assert_eq!(
            kept,
            BTreeSet::from([
                format!("alpha {round}").as_str(),
                format!("beta {round}").as_str()
            ]),
            "round {round}: {texts:?}"
        );
    }
    // The lock files are private, and no note of their own.
    let store = NoteStore::new(data.path());
    let (notes, errors) = store.load_all();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(notes.len(), ROUNDS);
    assert_private_locks(&data.path().join("notes/fw/comp"));
}

/// The lock files in `dir` are readable by the user only.
fn assert_private_locks(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".lock") {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{name}");
        }
    }
}

/// Two rehearsals grading at the same instant, each its own questions, round after round: every
/// grade is in `reviews.toml` afterwards.
#[test]
fn two_rehearsals_grading_at_the_same_instant_keep_every_grade() {
    use chrono::{DateTime, Utc};
    use cuecard::practice::schedule::Grade;
    use cuecard::store::reviews::ReviewStore;
    let data = TempDir::new().unwrap();
    let now: DateTime<Utc> = "2026-11-23T09:00:00Z".parse().unwrap();
    race(data.path(), ["a", "b"], move |root, who, barrier| {
        let store = ReviewStore::new(root);
        let (mut schedule, mut version) = store.load().unwrap();
        let mut mine = BTreeSet::new();
        for round in 0..ROUNDS {
            let id = format!("fw/comp/{who}{round}");
            schedule.grade(&id, Grade::Good, 30, now, None);
            mine.insert(id);
            barrier.wait();
            (schedule, version) = store.save(&schedule, &mine, version).unwrap();
        }
    });
    let (schedule, _) = ReviewStore::new(data.path()).load().unwrap();
    let missing: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|who| (0..ROUNDS).map(move |round| format!("fw/comp/{who}{round}")))
        .filter(|id| !schedule.questions.contains_key(id))
        .collect();
    assert!(missing.is_empty(), "grades lost: {missing:?}");
    assert_private_locks(data.path());
}

/// A new interview session of `candidate`, planned at 09:12 on 23 November 2026.
fn interview_of(candidate: &str) -> cuecard::interview::InterviewSession {
    use cuecard::content::{ContentSource, load};
    let library = load(&[ContentSource::Bundled]).library;
    let plan = cuecard::interview::SessionPlan {
        candidate: candidate.to_string(),
        role: "Support lead".to_string(),
        level: 2,
        competencies: vec!["customer-interaction".to_string()],
        minutes: 30,
    };
    let now = "2026-11-23T09:12:00Z".parse().unwrap();
    cuecard::interview::InterviewSession::new(&library, &plan, now).unwrap()
}

/// Interviews of different people in the same minute get ids of their own, whatever script their
/// names are in (and so do two people of the same name), and deleting one leaves the others whole.
#[test]
fn sessions_of_the_same_minute_have_ids_of_their_own_and_delete_touches_one() {
    use cuecard::store::sessions::SessionStore;
    let data = TempDir::new().unwrap();
    let store = SessionStore::new(data.path());
    let people = ["李雷", "王芳", "Jane Doe", "Jane Doe", "Иван"];
    let mut ids = Vec::new();
    for name in people {
        let session = interview_of(name);
        let saved = store
            .save(&session, &store.target(&session.id), "s")
            .unwrap();
        let Saved::Written(target) = saved else {
            panic!("{name}: {saved:?}");
        };
        ids.push(
            target
                .path
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
        );
    }
    let listed: BTreeSet<String> = store.ids().into_iter().collect();
    assert_eq!(listed.len(), people.len(), "{listed:?}");
    assert_eq!(listed, ids.iter().cloned().collect::<BTreeSet<_>>());
    assert!(ids[0].ends_with("-li-lei"), "{ids:?}");
    assert!(ids[4].ends_with("-ivan"), "{ids:?}");
    // Each file says who it is about, under the id it is saved as.
    for (id, name) in ids.iter().zip(people) {
        let (session, _) = store.load(id).unwrap();
        assert_eq!(session.candidate, name);
        assert_eq!(&session.id, id);
    }
    // Deleting the first Jane Doe leaves the second (whose id starts with the first's) alone.
    for deleted in [&ids[2], &ids[0]] {
        let deleted = store.delete(deleted).unwrap();
        assert!(deleted.failed.is_empty(), "{deleted:?}");
        assert_eq!(deleted.removed.len(), 1, "{deleted:?}");
    }
    for (id, name) in ids
        .iter()
        .zip(people)
        .skip(1)
        .filter(|(id, _)| **id != ids[2])
    {
        assert_eq!(store.load(id).unwrap().0.candidate, name);
    }
}

/// The sessions of `data`, with a new interview of Jane Doe saved in it.
fn jane_saved_in(
    data: &Path,
) -> (
    cuecard::store::sessions::SessionStore,
    cuecard::interview::InterviewSession,
) {
    let store = cuecard::store::sessions::SessionStore::new(data);
    let session = interview_of("Jane Doe");
    store
        .save(&session, &store.target(&session.id), "s")
        .unwrap();
    (store, session)
}

/// Ids that are not session ids: paths, dots, nothing, too long, a NUL.
fn hostile_ids(outside: &Path) -> Vec<String> {
    vec![
        "../x".to_string(),
        outside.join("abs").to_string_lossy().into_owned(),
        "a/b".to_string(),
        "..".to_string(),
        ".".to_string(),
        String::new(),
        "a".repeat(300),
        "x\0y".to_string(),
        "Upper".to_string(),
        "20261123-0912-x.conflict-1".to_string(),
    ]
}

/// Every name in `dir` and below, relative to it.
fn tree(dir: &Path) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in fs::read_dir(&at).unwrap().flatten() {
            let path = entry.path();
            names.insert(
                path.strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            }
        }
    }
    names
}

/// A session id is never a path: hostile ids are refused by every call that reads, writes or
/// deletes, and nothing is written outside the data directory.
#[test]
fn hostile_session_ids_are_refused_and_nothing_is_written_outside() {
    let outer = TempDir::new().unwrap();
    let data = outer.path().join("data");
    let (store, session) = jane_saved_in(&data);
    fs::create_dir_all(data.join("sessions/a")).unwrap();
    let before = tree(outer.path());
    for id in hostile_ids(outer.path()) {
        let shown = format!("{id:?}");
        let mut hostile = session.clone();
        hostile.id = id.clone();
        assert!(
            store.save(&hostile, &store.target(&id), "s").is_err(),
            "{shown}"
        );
        assert!(store.load(&id).is_err(), "{shown}");
        assert!(store.delete(&id).is_err(), "{shown}");
    }
    assert_eq!(tree(outer.path()), before);
    assert_eq!(store.ids(), vec![session.id.clone()]);
}

/// A session file whose `id` says `../../../escaped` (or an absolute path) is the session of its
/// file's name: its scorecard (`x`) goes beside it, never where the id points.
#[test]
fn a_hostile_id_in_a_session_file_does_not_move_its_scorecard() {
    use cuecard::tui::action::Action;
    for hostile in ["../../../escaped", "/tmp/cuecard-escaped-by-test"] {
        let outer = TempDir::new().unwrap();
        let data = outer.path().join("d1/d2/data");
        let (store, session) = jane_saved_in(&data);
        let path = store.path(&session.id);
        let text = fs::read_to_string(&path).unwrap();
        let text = text.replace(
            &format!("id = \"{}\"", session.id),
            &format!("id = {hostile:?}"),
        );
        fs::write(&path, text).unwrap();
        let (loaded, target) = store.load(&session.id).unwrap();
        assert_eq!(loaded.id, session.id);
        let mut f = support::Fixture::new(80, 24);
        f.stores = cuecard::tui::persist::Stores::new(&data);
        cuecard::tui::commands::begin_interview(&mut f.app, loaded, Some(target));
        f.persist();
        f.run(&[Action::Export]);
        let status = f.app.status.as_ref().map(|s| s.text.clone());
        assert!(
            data.join(format!("sessions/{}.scorecard.md", session.id))
                .exists(),
            "{status:?}"
        );
        assert!(!Path::new("/tmp/cuecard-escaped-by-test.scorecard.md").exists());
        let outside: Vec<String> = tree(outer.path())
            .into_iter()
            .filter(|name| !name.starts_with("d1"))
            .collect();
        assert!(outside.is_empty(), "{outside:?}");
    }
}

/// Runs cuecard on the data directory `data` and gives its exit code and standard error; fails
/// (rather than hangs) when it has not finished within ten seconds.
fn cuecard_within_seconds(data: &Path, args: &[&str]) -> (Option<i32>, String) {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let home = TempDir::new().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
            return (status.code(), stderr);
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("cuecard {args:?} still running after 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A FIFO or a link to /dev/zero where a note or a session should be is reported, not read: no
/// command blocks on it or reads until memory runs out. A note over 8 MiB is refused with the
/// limit named.
#[test]
fn special_and_oversized_files_in_the_data_directory_are_refused_not_read() {
    use nix::sys::stat::Mode;
    let data = TempDir::new().unwrap();
    let notes = data
        .path()
        .join("notes/customer-support/customer-interaction");
    let sessions = data.path().join("sessions");
    fs::create_dir_all(&notes).unwrap();
    fs::create_dir_all(&sessions).unwrap();
    nix::unistd::mkfifo(&notes.join("fifo.md"), Mode::S_IRWXU).unwrap();
    std::os::unix::fs::symlink("/dev/zero", notes.join("zero.md")).unwrap();
    fs::write(notes.join("huge.md"), vec![b'a'; 8 * 1024 * 1024 + 1]).unwrap();
    nix::unistd::mkfifo(&sessions.join("20261123-0900-fifo.toml"), Mode::S_IRWXU).unwrap();
    std::os::unix::fs::symlink("/dev/zero", sessions.join("20261123-0900-zero.toml")).unwrap();

    let (code, stderr) = cuecard_within_seconds(data.path(), &["search", "customer"]);
    assert_eq!(code, Some(0), "{stderr}");
    for name in ["fifo.md", "zero.md"] {
        assert!(
            stderr.contains(name) && stderr.contains("not a regular file"),
            "{stderr}"
        );
    }
    assert!(
        stderr.contains("huge.md") && stderr.contains("8 MiB"),
        "{stderr}"
    );
    let (code, stderr) = cuecard_within_seconds(data.path(), &["sessions"]);
    assert_eq!(code, Some(0), "{stderr}");
    for name in ["20261123-0900-fifo.toml", "20261123-0900-zero.toml"] {
        assert!(stderr.contains(name), "{stderr}");
    }
    let (code, stderr) = cuecard_within_seconds(data.path(), &["export", "fifo"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

/// A note that is a link is written through only when it leads to a file inside the data
/// directory; one that leads outside (or sits in a directory that does) is refused with a clear
/// error, and the file outside keeps its text and mode.
#[test]
fn a_link_is_written_through_only_when_it_stays_inside_the_data_directory() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let outer = TempDir::new().unwrap();
    let data = outer.path().join("data");
    let store = NoteStore::new(&data);
    let dir = store.path("fw/comp/q").parent().unwrap().to_path_buf();
    fs::create_dir_all(&dir).unwrap();

    // Outside: refused.
    let outside = outer.path().join("outside.md");
    fs::write(&outside, "theirs").unwrap();
    fs::set_permissions(&outside, fs::Permissions::from_mode(0o644)).unwrap();
    symlink(&outside, store.path("fw/comp/out")).unwrap();
    let note = store.load("fw/comp/out").unwrap();
    assert_eq!(note.text, "theirs");
    let error = store
        .save(&note.target, "mine", "s")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("out.md")
            && error.contains(
                "is a link outside the data directory; cuecard will not write through it"
            ),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "theirs");
    assert_eq!(
        fs::metadata(&outside).unwrap().permissions().mode() & 0o777,
        0o644
    );
    // A relative link that climbs out, and a link to a missing file outside: refused too.
    symlink("../../../../outside.md", store.path("fw/comp/climb")).unwrap();
    symlink(outer.path().join("new.md"), store.path("fw/comp/dangling")).unwrap();
    for id in ["fw/comp/climb", "fw/comp/dangling"] {
        let note = store.load(id).unwrap();
        assert!(store.save(&note.target, "mine", "s").is_err(), "{id}");
    }
    assert!(!outer.path().join("new.md").exists());
    assert_eq!(fs::read_to_string(&outside).unwrap(), "theirs");

    // A directory of the notes that leads outside: refused.
    let elsewhere = outer.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    symlink(&elsewhere, data.join("notes/linked")).unwrap();
    let note = store.load("linked/comp/q").unwrap();
    assert!(store.save(&note.target, "mine", "s").is_err());
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);

    // Inside: followed, the link kept, the file it leads to private.
    let real = data.join("kept/real.md");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    fs::write(&real, "old").unwrap();
    symlink("../../../kept/real.md", store.path("fw/comp/in")).unwrap();
    let note = store.load("fw/comp/in").unwrap();
    assert_eq!(note.text, "old");
    let saved = store.save(&note.target, "new", "s").unwrap();
    assert!(matches!(saved, Saved::Written(_)), "{saved:?}");
    assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    assert!(
        fs::symlink_metadata(store.path("fw/comp/in"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// The review history and a session behind links that lead outside are refused as well.
#[test]
fn the_review_history_and_sessions_are_not_written_through_links_outside() {
    use cuecard::store::reviews::ReviewStore;
    let outer = TempDir::new().unwrap();
    let data = outer.path().join("data");
    fs::create_dir_all(data.join("sessions")).unwrap();
    let outside = outer.path().join("outside.toml");
    fs::write(&outside, "").unwrap();
    std::os::unix::fs::symlink(&outside, data.join("reviews.toml")).unwrap();
    let reviews = ReviewStore::new(&data);
    let (schedule, version) = reviews.load().unwrap();
    let error = reviews
        .save(&schedule, &BTreeSet::new(), version)
        .unwrap_err();
    assert!(
        error.to_string().contains("outside the data directory"),
        "{error}"
    );
    let store = cuecard::store::sessions::SessionStore::new(&data);
    let session = interview_of("Jane Doe");
    std::os::unix::fs::symlink(&outside, store.path(&session.id)).unwrap();
    // Saved over the version read from it (empty), as a resumed session would be.
    let target = cuecard::store::Target {
        path: store.path(&session.id),
        fingerprint: cuecard::store::Fingerprint::of(Some("")),
    };
    assert!(store.save(&session, &target, "s").is_err());
    assert_eq!(fs::read_to_string(&outside).unwrap(), "");
}

/// The live view of a saved session of `candidate` in a new app on the data directory `data`.
fn live_view(data: &Path, id: &str) -> support::Fixture {
    let store = cuecard::store::sessions::SessionStore::new(data);
    let (session, target) = store.load(id).unwrap();
    let mut f = support::Fixture::new(80, 24);
    f.stores = cuecard::tui::persist::Stores::new(data);
    cuecard::tui::commands::begin_interview(&mut f.app, session, Some(target));
    f.persist();
    f
}

/// `x` over a scorecard edited by hand keeps the edit and writes a conflict copy beside it, and
/// says so; over the scorecard it wrote itself (even in an earlier run) it writes in place. A
/// session that had to take `id-2` writes `id-2.scorecard.md`, not the other one's.
#[test]
fn a_scorecard_edited_by_hand_is_kept_and_the_new_one_goes_beside_it() {
    use cuecard::tui::action::Action;
    let data = TempDir::new().unwrap();
    let (store, first) = jane_saved_in(data.path());
    let card = store.scorecard_path(&first.id);
    let mut f = live_view(data.path(), &first.id);
    f.run(&[Action::Export]);
    let written = fs::read_to_string(&card).unwrap();
    assert!(written.starts_with("# Scorecard: Jane Doe"), "{written}");

    // A later run writes over its own scorecard without a conflict.
    let mut again = live_view(data.path(), &first.id);
    again.run(&[Action::Export]);
    let status = again.app.status.clone().unwrap();
    assert!(!status.error, "{}", status.text);
    assert_eq!(fs::read_to_string(&card).unwrap(), written);

    // Edited by hand: kept.
    fs::write(&card, "# Scorecard: Jane Doe\n\nMy own words.\n").unwrap();
    again.run(&[Action::Export]);
    assert_eq!(
        fs::read_to_string(&card).unwrap(),
        "# Scorecard: Jane Doe\n\nMy own words.\n"
    );
    let status = again.app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("changed on disk"),
        "{}",
        status.text
    );
    let copies: Vec<String> = texts_in(&data.path().join("sessions"))
        .into_iter()
        .filter(|(name, _)| name.starts_with(&format!("{}.scorecard.conflict-", first.id)))
        .map(|(_, text)| text)
        .collect();
    assert_eq!(copies, std::slice::from_ref(&written));

    // A second Jane Doe in the same minute: her own scorecard.
    let second = interview_of("Jane Doe");
    let Saved::Written(target) = store.save(&second, &store.target(&second.id), "s").unwrap()
    else {
        panic!("a new session");
    };
    let second_id = target
        .path
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(second_id, format!("{}-2", first.id));
    let mut f = support::Fixture::new(80, 24);
    f.stores = cuecard::tui::persist::Stores::new(data.path());
    cuecard::tui::commands::begin_interview(&mut f.app, second, Some(target));
    f.run(&[Action::Export]);
    assert!(store.scorecard_path(&second_id).exists());
    assert_eq!(
        fs::read_to_string(&card).unwrap(),
        "# Scorecard: Jane Doe\n\nMy own words.\n"
    );
}

/// What could drive a terminal: an OSC title, a CSI clear, a raw 8-bit CSI (U+009B), DEL, and the
/// bidi override and isolate U+202E and U+2067.
const HOSTILE: &str = "A\u{1b}]0;pwned\u{7}B\u{1b}[2JC\u{9b}31mD\u{7f}E\u{202e}F\u{2067}G";

/// The fixture session with `HOSTILE` in the candidate's name, the role, a rating's evidence, a
/// note and the summary, in a copy of the fixture data directory.
fn hostile_session() -> TempDir {
    let data = TempDir::new().unwrap();
    let sessions = data.path().join("sessions");
    fs::create_dir_all(&sessions).unwrap();
    let fixture =
        fs::read_to_string("tests/fixtures/data/sessions/20261123-1400-jane-doe.toml").unwrap();
    let quoted = toml::Value::String(HOSTILE.to_string()).to_string();
    let text = fixture
        .replace("\"Jane Doe\"", &quoted)
        .replace("\"Support team lead\"", &quoted)
        .replace(
            "\"Handled the refund dispute end to end and reflected on it.\"",
            &quoted,
        )
        .replace("\"Refund dispute with a long-standing client\"", &quoted)
        .replace(
            "\"Clear, calm, and concrete about outcomes; policy depth still growing.\"",
            &quoted,
        );
    assert_eq!(text.matches(&quoted).count(), 5);
    fs::write(sessions.join("20261123-1400-jane-doe.toml"), text).unwrap();
    data
}

/// Every export of a hostile session is inert: no control or bidi character reaches the
/// terminal raw, from Markdown or JSON (where each is a `\uXXXX` escape, and the JSON still reads
/// back as the text that was saved).
#[test]
fn exports_of_a_hostile_session_are_inert() {
    let data = hostile_session();
    let dangerous = |c: char| c != '\n' && cuecard::text::is_dangerous(c);
    for format in ["md", "json"] {
        let home = TempDir::new().unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_cuecard"))
            .args(["export", "20261123-1400-jane-doe", "--format", format])
            .arg("--data-dir")
            .arg(data.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_CACHE_HOME", home.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let raw: Vec<char> = stdout.chars().filter(|c| dangerous(*c)).collect();
        assert!(raw.is_empty(), "{format}: {raw:?} in {stdout:?}");
        if format == "json" {
            assert!(
                stdout.contains("\\u009b") && stdout.contains("\\u202e"),
                "{stdout}"
            );
            let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(value["candidate"], HOSTILE);
            assert_eq!(value["ratings"][0]["evidence"], HOSTILE);
            assert_eq!(value["questions"][0]["notes"][0]["text"], HOSTILE);
            assert_eq!(value["summary"], HOSTILE);
        } else {
            assert!(
                stdout.contains("\\u{9b}") && stdout.contains("\\u{2067}"),
                "{stdout}"
            );
        }
    }
}
