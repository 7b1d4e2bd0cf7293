//! Numbers and dates from the command line and from data files are checked against sane ranges:
//! nothing out of range wraps, overflows or panics; it is refused with a message that names the
//! accepted form or range (exit 2 on the command line).

use std::process::Output;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use cuecard::practice::schedule::{Day, Grade, Schedule};
use tempfile::TempDir;

mod common;
use common::cuecard;

/// Exit 2, and standard error holds every one of `words`.
fn assert_usage_error(output: &Output, words: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for word in words {
        assert!(stderr.contains(word), "{word:?} missing from {stderr}");
    }
}

#[test]
fn an_interview_date_in_the_past_or_far_ahead_is_refused() {
    let data = TempDir::new().unwrap();
    for date in [
        "-262143-01-01",
        "2000-01-01",
        "9999-12-31",
        "+262142-12-31",
        "tomorrow",
    ] {
        let output = cuecard(data.path(), &["rehearse", &format!("--until={date}")]);
        assert_usage_error(&output, &["YYYY-MM-DD", "--until"]);
    }
}

#[test]
fn scheduling_against_any_date_saturates_instead_of_panicking() {
    let now: DateTime<Utc> = "2026-11-23T09:00:00Z".parse().unwrap();
    let scope: Vec<String> = (0..5).map(|i| format!("q{i}")).collect();
    for until in [NaiveDate::MIN, NaiveDate::MAX] {
        let mut schedule = Schedule::default();
        schedule.grade("q0", Grade::Good, 30, now, Some(until));
        schedule.grade("q0", Grade::Easy, 30, now, Some(until));
        let day = Day::at(now, FixedOffset::east_opt(0).unwrap(), Some(until));
        // A date long past shares everything new today; one far ahead, one a day (met already).
        let queue = schedule.queue(&scope, &day);
        let expected = if until == NaiveDate::MIN { 4 } else { 0 };
        assert_eq!(queue.len(), expected, "{until}");
        assert_eq!(schedule.today(&scope, &day).cards(), expected);
        let _ = schedule.intervals("q0", now, Some(until));
    }
}

#[test]
fn numbers_on_the_command_line_are_kept_in_range() {
    let data = TempDir::new().unwrap();
    let interview = |extra: &[&str]| {
        let mut args = vec!["interview", "--candidate", "A"];
        args.extend_from_slice(extra);
        cuecard(data.path(), &args)
    };
    for (output, words) in [
        (
            interview(&["--minutes", "307445734561825861"]),
            &["--minutes", "1..=600"][..],
        ),
        (interview(&["--minutes", "0"]), &["--minutes", "1..=600"]),
        (interview(&["--level", "0"]), &["--level", "1..=9"]),
        (interview(&["--level", "10"]), &["--level", "1..=9"]),
        (
            cuecard(
                data.path(),
                &["rehearse", "--level", "99999999999999999999"],
            ),
            &["--level"],
        ),
        (
            cuecard(data.path(), &["rehearse", "--level", "0"]),
            &["--level", "1..=9"],
        ),
        (
            cuecard(data.path(), &["search", "x", "--limit", "0"]),
            &["--limit", "1..=10000"],
        ),
    ] {
        assert_usage_error(&output, words);
    }
}

/// Writes `text` to `name` in a new data directory.
fn data_with(name: &str, text: &str) -> TempDir {
    let data = TempDir::new().unwrap();
    let path = data.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    data
}

/// The error names the file, the key and the allowed range.
fn assert_names(error: impl std::fmt::Display, words: &[&str]) {
    let error = error.to_string();
    for word in words {
        assert!(error.contains(word), "{word:?} missing from {error}");
    }
}

#[test]
fn settings_out_of_range_are_refused_with_the_key_and_the_range() {
    use cuecard::store::settings::Settings;
    for value in ["6148914691236517206", "0", "9", "3601"] {
        let data = data_with("settings.toml", &format!("answer_seconds = {value}\n"));
        let error = Settings::load(data.path()).unwrap_err();
        assert_names(
            error,
            &["settings.toml", "answer_seconds", "10", "3600", "line 1"],
        );
    }
    for value in ["10", "3600"] {
        let data = data_with("settings.toml", &format!("answer_seconds = {value}\n"));
        assert!(Settings::load(data.path()).is_ok());
    }
}

const RECORD: &str = r#"[questions."fw/comp/q"]
due = "2026-11-24T09:00:00Z"
stability = 2.3
difficulty = 5.0
elapsed_days = 0
scheduled_days = 1
reps = 1
lapses = 0
state = "review"
last_review = "2026-11-23T09:00:00Z"

[[questions."fw/comp/q".history]]
at = "2026-11-23T09:00:00Z"
grade = "good"
seconds = 30
"#;

#[test]
fn review_counters_out_of_range_are_refused_not_wrapped() {
    use cuecard::store::reviews::ReviewStore;
    let ok = data_with("reviews.toml", RECORD);
    assert!(ReviewStore::new(ok.path()).load().is_ok());
    for (from, to, key) in [
        ("reps = 1", "reps = 2147483647", "reps"),
        ("reps = 1", "reps = -1", "reps"),
        ("lapses = 0", "lapses = 2147483647", "lapses"),
        (
            "scheduled_days = 1",
            "scheduled_days = -5",
            "scheduled_days",
        ),
        (
            "elapsed_days = 0",
            "elapsed_days = 9223372036854775807",
            "elapsed_days",
        ),
        ("stability = 2.3", "stability = nan", "stability"),
        ("difficulty = 5.0", "difficulty = 1e300", "difficulty"),
        ("seconds = 30", "seconds = 18446744073709551615", "seconds"),
    ] {
        let data = data_with("reviews.toml", &RECORD.replace(from, to));
        let error = ReviewStore::new(data.path()).load().unwrap_err();
        assert_names(error, &["reviews.toml", "fw/comp/q", key, "range"]);
    }
}

#[test]
fn session_numbers_out_of_range_are_refused_and_the_pace_never_wraps() {
    use cuecard::store::sessions::SessionStore;
    let fixture =
        std::fs::read_to_string("tests/fixtures/data/sessions/20261123-1400-jane-doe.toml")
            .unwrap();
    for (from, to, key) in [
        ("minutes = 30", "minutes = 307445734561825861", "minutes"),
        ("level = 3", "level = 0", "level"),
        (
            "elapsed = 1395",
            "elapsed = 18446744073709551615",
            "elapsed",
        ),
        ("seconds = 540", "seconds = 18446744073709551615", "seconds"),
    ] {
        let data = data_with(
            "sessions/20261123-1400-jane-doe.toml",
            &fixture.replacen(from, to, 1),
        );
        let error = SessionStore::new(data.path())
            .load("20261123-1400-jane-doe")
            .unwrap_err();
        assert_names(error, &["20261123-1400-jane-doe.toml", key, "range"]);
    }
    // In memory, the arithmetic saturates.
    let data = data_with("sessions/20261123-1400-jane-doe.toml", &fixture);
    let (mut session, _) = SessionStore::new(data.path())
        .load("20261123-1400-jane-doe")
        .unwrap();
    session.minutes = u64::MAX;
    assert_eq!(session.pace().seconds_left, u64::MAX - 1395);
    session.spend(0, u64::MAX, "2026-11-23T14:30:00Z".parse().unwrap());
    assert_eq!(session.elapsed, u64::MAX);
}

#[test]
fn notes_lists_each_note_and_says_when_there_is_none() {
    let data = TempDir::new().unwrap();
    let output = cuecard(data.path(), &["notes"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no notes yet"));
    let dir = data
        .path()
        .join("notes/customer-support/customer-interaction");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("difficult-customer.md"),
        "## Situation\nAn angry caller; I listened and said sorry.\n",
    )
    .unwrap();
    let output = cuecard(data.path(), &["notes", "--json"]);
    assert!(output.status.success());
    let line: serde_json::Value =
        serde_json::from_slice(output.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(
        line["question"],
        "customer-support/customer-interaction/difficult-customer"
    );
    assert_eq!(line["words"], 8);
    assert!(line["key_points"].as_array().unwrap().len() >= 3);
}

#[test]
fn a_search_with_a_filter_that_cannot_match_says_why() {
    let data = TempDir::new().unwrap();
    let output = cuecard(data.path(), &["search", "escalate", "#behavoiral"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no entry has the tag #behavoiral"),
        "{stderr}"
    );
    let output = cuecard(data.path(), &["search", "level:x", "customer"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("level:x is not a level"));
    let output = cuecard(data.path(), &["search", "zzqqxxyy"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no results"));
}
