//! Numbers and dates from the command line and from data files are checked against sane ranges:
//! nothing out of range wraps, overflows or panics; it is refused with a message that names the
//! accepted form or range (exit 2 on the command line).

use std::process::Output;

use chrono::{DateTime, NaiveDate, Utc};
use cuecard::practice::schedule::{Grade, Schedule};
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
        assert!(!schedule.queue(&scope, now, Some(until)).is_empty());
    }
}
