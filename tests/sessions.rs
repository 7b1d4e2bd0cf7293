//! Interview sessions from the shell and on disk: the scorecard of a fixture session in Markdown
//! and JSON (golden files), the session file's round trip, listing and erasing a candidate.

use std::path::Path;

use cuecard::content::{ContentSource, load};
use cuecard::interview::scorecard::Scorecard;
use cuecard::store::Saved;
use cuecard::store::sessions::SessionStore;
use tempfile::TempDir;

mod common;
use common::cuecard;

const FIXTURE: &str = "tests/fixtures/data";
const JANE: &str = "20261123-1400-jane-doe";

/// A copy of the fixture data directory, to change freely.
fn fixture_copy() -> TempDir {
    let dir = TempDir::new().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    for entry in std::fs::read_dir(Path::new(FIXTURE).join("sessions")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), sessions.join(entry.file_name())).unwrap();
    }
    dir
}

#[test]
fn the_markdown_scorecard_of_the_fixture_session() {
    let output = cuecard(Path::new(FIXTURE), &["export", "jane"]);
    assert!(output.status.success(), "{output:?}");
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

#[test]
fn the_text_scorecard_of_the_fixture_session_has_no_markup() {
    let output = cuecard(
        Path::new(FIXTURE),
        &["export", "Jane Doe", "--format", "text"],
    );
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    for markup in ["#", "**", "- [", "[x]"] {
        assert!(!text.contains(markup), "{markup} in {text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_json_scorecard_of_the_fixture_session() {
    let output = cuecard(Path::new(FIXTURE), &["export", JANE, "--format", "json"]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 1);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn the_session_file_round_trips_unchanged() {
    let store = SessionStore::new(Path::new(FIXTURE));
    let (session, _) = store.load(JANE).unwrap();
    let copy = TempDir::new().unwrap();
    let other = SessionStore::new(copy.path());
    let saved = other.save(&session, &other.target(JANE), "s").unwrap();
    assert!(matches!(saved, Saved::Written(_)));
    let (again, _) = other.load(JANE).unwrap();
    assert_eq!(again, session);
    // And the scorecard built from either is the same.
    let library = load(&[ContentSource::Bundled]).library;
    assert_eq!(
        Scorecard::new(&session, &library).to_markdown(),
        Scorecard::new(&again, &library).to_markdown()
    );
}

#[test]
fn sessions_lists_and_delete_erases_every_file_of_the_candidate() {
    let data = fixture_copy();
    let listed = cuecard(data.path(), &["sessions"]);
    assert!(listed.status.success());
    let text = String::from_utf8(listed.stdout).unwrap();
    assert_eq!(
        text,
        "20261123-1400-jane-doe\tJane Doe\tSupport team lead\t2/3 asked\tyes\n"
    );
    // A scorecard and a conflict copy hold her data too.
    let sessions = data.path().join("sessions");
    std::fs::write(sessions.join(format!("{JANE}.scorecard.md")), "x").unwrap();
    std::fs::write(
        sessions.join(format!("{JANE}.conflict-20261123-1500.toml")),
        "x",
    )
    .unwrap();
    let deleted = cuecard(data.path(), &["sessions", "delete", "jane-doe", "--yes"]);
    assert!(deleted.status.success(), "{deleted:?}");
    let said = String::from_utf8(deleted.stdout).unwrap();
    assert_eq!(said.lines().count(), 3, "{said}");
    assert!(said.lines().all(|l| l.starts_with("removed ")));
    assert_eq!(std::fs::read_dir(&sessions).unwrap().count(), 0);
    let again = cuecard(data.path(), &["export", "jane"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("no session jane"));
}

#[test]
fn a_hostile_session_file_is_exported_inert() {
    let data = fixture_copy();
    let path = data.path().join(format!("sessions/{JANE}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let hostile = text.replace(
        "candidate = \"Jane Doe\"",
        "candidate = \"Jane \\u001b]0;pwned\\u0007 \\u202e Doe\"",
    );
    std::fs::write(&path, hostile).unwrap();
    let output = cuecard(data.path(), &["export", JANE]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'),
        "{stdout:?}"
    );
    assert!(stdout.starts_with("# Scorecard: Jane "));
    let listed = String::from_utf8(cuecard(data.path(), &["sessions"]).stdout).unwrap();
    assert!(!listed.contains('\u{1b}'), "{listed:?}");
}

/// Sessions of Иван Петров and of Jane Doe (the fixture) in a copy of the fixture directory.
fn with_ivan() -> TempDir {
    let data = fixture_copy();
    let sessions = data.path().join("sessions");
    let jane = std::fs::read_to_string(sessions.join(format!("{JANE}.toml"))).unwrap();
    std::fs::write(
        sessions.join("20261124-0900-ivan-petrov.toml"),
        jane.replace("\"Jane Doe\"", "\"Иван Петров\"")
            .replace("2026-11-23T14:00:00Z", "2026-11-24T09:00:00Z"),
    )
    .unwrap();
    data
}

#[test]
fn a_session_is_found_by_the_candidates_name_in_any_script_and_case() {
    let data = with_ivan();
    for name in ["Иван", "иван", "ПЕТРОВ", "Иван Петров"] {
        let output = cuecard(data.path(), &["export", name]);
        assert!(output.status.success(), "{name}: {output:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.starts_with("# Scorecard: Иван Петров"), "{text}");
    }
}

#[test]
fn a_name_several_sessions_match_lists_them_and_does_nothing() {
    let data = with_ivan();
    for args in [
        &["export", "2026112"][..],
        &["sessions", "delete", "2026112"],
    ] {
        let output = cuecard(data.path(), args);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("matches 2 sessions"), "{stderr}");
        for line in [
            "20261124-0900-ivan-petrov\tИван Петров\t2026-11-24",
            "20261123-1400-jane-doe\tJane Doe\t2026-11-23",
        ] {
            assert!(stderr.contains(line), "{line:?} missing from {stderr}");
        }
    }
    assert_eq!(
        std::fs::read_dir(data.path().join("sessions"))
            .unwrap()
            .count(),
        2
    );
}

/// A file that cannot be removed (here a directory in the place of a conflict copy, which no
/// user, root included, removes as a file) is reported; every other file of the candidate is
/// removed, and the session file is kept so that the session stays listed and the delete can be
/// run again.
#[test]
fn a_delete_that_fails_half_way_removes_the_rest_reports_it_and_keeps_the_session() {
    let data = fixture_copy();
    let sessions = data.path().join("sessions");
    let stuck = sessions.join(format!("{JANE}.conflict-20261123-1500.toml"));
    std::fs::create_dir(&stuck).unwrap();
    std::fs::write(stuck.join("inside"), "x").unwrap();
    for name in [
        format!("{JANE}.scorecard.md"),
        format!("{JANE}.conflict-20261123-1600.toml"),
        format!("{JANE}.scorecard.conflict-20261123-1700.md"),
    ] {
        std::fs::write(sessions.join(name), "x").unwrap();
    }
    let deleted = cuecard(data.path(), &["sessions", "delete", JANE, "--yes"]);
    assert_eq!(deleted.status.code(), Some(1), "{deleted:?}");
    let stderr = String::from_utf8(deleted.stderr).unwrap();
    assert!(
        stderr.contains("conflict-20261123-1500.toml") && stderr.contains("kept"),
        "{stderr}"
    );
    let said = String::from_utf8(deleted.stdout).unwrap();
    assert_eq!(said.lines().count(), 3, "{said}");
    let mut left: Vec<String> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            format!("{JANE}.conflict-20261123-1500.toml"),
            format!("{JANE}.toml")
        ]
    );
    // Once the obstacle is gone, the same delete finishes the job.
    std::fs::remove_dir_all(&stuck).unwrap();
    let again = cuecard(data.path(), &["sessions", "delete", JANE, "--yes"]);
    assert!(again.status.success(), "{again:?}");
    assert_eq!(std::fs::read_dir(&sessions).unwrap().count(), 0);
}

#[test]
fn delete_asks_first_and_scripts_say_yes_or_name_the_candidate() {
    let data = with_ivan();
    let before = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .count();
    // No terminal and no --yes: nothing is deleted, and the message says what to add.
    let output = cuecard(data.path(), &["sessions", "delete", JANE]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--yes"));
    let after = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .count();
    assert_eq!(before, after);
    // Every session of a candidate, by the whole name in any case.
    let output = cuecard(
        data.path(),
        &["sessions", "delete", "--candidate", "JANE doe", "--yes"],
    );
    assert!(output.status.success(), "{output:?}");
    let listed = cuecard(data.path(), &["sessions"]);
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(!listed.contains("Jane Doe"), "{listed}");
    assert!(listed.contains("Иван"), "another candidate stays: {listed}");
}
