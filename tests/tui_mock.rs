//! `M` in the browser: a mock interview of five questions for the candidate, key points hidden
//! until it ends; a second mock draws another set.

mod support;

use support::Fixture;

fn drawn(fixture: &Fixture) -> Vec<String> {
    let interview = fixture.app.interview.as_ref().expect("a mock interview");
    assert!(interview.session.is_mock());
    let mut ids: Vec<String> = interview
        .session
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    ids.sort();
    ids
}

#[test]
fn m_starts_a_mock_and_the_next_one_is_another_set() {
    let mut fixture = Fixture::at(100, 30, "2026-11-24T09:00:00Z");
    fixture.keys("M");
    let first = drawn(&fixture);
    assert_eq!(first.len(), 5);
    // Digits do not tick what is hidden; they say why.
    fixture.keys(" 1");
    let status = fixture.app.status.as_ref().unwrap().text.clone();
    assert!(status.contains("stay hidden"), "{status}");
    assert!(
        fixture.app.interview.as_ref().unwrap().session.questions[0]
            .key_points
            .is_empty()
    );
    // `M` again while it runs: said, not a second interview.
    fixture.keys("<Esc>M");
    assert!(
        fixture
            .app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("under way")
    );
    // Ended and closed, the next mock (same clock, same seed) is not the same set.
    fixture.keys("iE<Enter><Esc>M");
    assert_ne!(drawn(&fixture), first);
}
