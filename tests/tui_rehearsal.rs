//! Rehearsal and progress as a user drives them, with a fixed clock and no terminal: the queue,
//! revealing, grading, the schedule on disk, the progress view.

use chrono::NaiveDate;
use cuecard::practice::schedule::Grade;
use cuecard::store::reviews::ReviewStore;
use cuecard::tui::action::Action::*;
use cuecard::tui::app::Pane;
use cuecard::tui::keymap::Mode;

mod support;
use support::Fixture;

fn fixture() -> Fixture {
    Fixture::at(80, 24, "2026-11-23T09:00:00Z")
}

impl Fixture {
    fn card(&self) -> Option<String> {
        self.app
            .rehearsal
            .as_ref()
            .and_then(|r| r.current().map(str::to_string))
    }
}

#[test]
fn rehearsing_a_competency_times_reveals_grades_and_saves_the_schedule() {
    let mut f = fixture();
    let competency = f.app.current().unwrap().1.clone();
    f.run(&[StartRehearsal]);
    assert_eq!(f.app.mode(), Mode::Rehearsal);
    let rehearsal = f.app.rehearsal.as_ref().unwrap();
    assert_eq!(rehearsal.queue.len(), competency.questions.len());
    assert_eq!(rehearsal.scope, competency.name);
    let first = f.card().unwrap();
    // Grading before revealing does nothing: answer first.
    f.run(&[Grade(3)]);
    assert_eq!(f.card().unwrap(), first);
    f.wait(95);
    f.run(&[Reveal]);
    // The timer stops at the reveal.
    f.wait(30);
    assert_eq!(f.app.rehearsal.as_ref().unwrap().seconds(f.app.now), 95);
    f.run(&[Grade(3)]);
    assert_ne!(f.card().unwrap(), first);
    let record = &f.app.schedule.questions[&first];
    assert_eq!(record.history[0].grade, Grade::Good);
    assert_eq!(record.history[0].seconds, 95);
    assert!(f.app.graded.is_empty(), "saved at once");
    let (on_disk, _) = ReviewStore::new(f.dir.path()).load().unwrap();
    assert_eq!(on_disk.questions[&first].history[0].seconds, 95);
    // Again on the next card: it comes back at the end of this rehearsal.
    let missed = f.card().unwrap();
    f.run(&[Reveal, Grade(1)]);
    // Through every card to the end.
    let mut seen = Vec::new();
    while let Some(card) = f.card() {
        seen.push(card);
        f.run(&[Reveal, Grade(3)]);
    }
    assert_eq!(seen.last(), Some(&missed), "{seen:?}");
    let rehearsal = f.app.rehearsal.as_ref().unwrap();
    assert!(rehearsal.done());
    assert_eq!(rehearsal.log.len(), competency.questions.len() + 1);
    assert_eq!(f.app.mode(), Mode::RehearsalDone);
    f.run(&[Back]);
    assert!(f.app.rehearsal.is_none());
    assert_eq!(f.app.mode(), Mode::Competencies);
}

#[test]
fn the_next_rehearsal_brings_due_questions_first_and_says_when_nothing_is_due() {
    let mut f = fixture();
    f.run(&[StartRehearsal]);
    let queue = f.app.rehearsal.as_ref().unwrap().queue.clone();
    // Easy on the first, Again on the second, then stop.
    f.run(&[Reveal, Grade(4), Reveal, Grade(1), Back]);
    f.wait(10 * 60);
    f.run(&[StartRehearsal]);
    let again = f.app.rehearsal.as_ref().unwrap().queue.clone();
    assert_eq!(again[0], queue[1], "the missed question comes first");
    assert!(!again.contains(&queue[0]), "the easy one is not due");
    // Everything answered Easy: nothing is due, and the footer says when the next review is.
    while f.card().is_some() {
        f.run(&[Reveal, Grade(4)]);
    }
    f.run(&[Back]);
    f.run(&[StartRehearsal]);
    assert!(f.app.rehearsal.is_none());
    let status = f.app.status.as_ref().unwrap().text.clone();
    assert!(status.starts_with("Nothing due in"), "{status}");
}

#[test]
fn r_on_a_selected_question_rehearses_that_question_alone() {
    let mut f = fixture();
    f.run(&[Open, Down]);
    assert_eq!(f.app.focus, Pane::Questions);
    let selected = f.app.current_question().unwrap().id.clone();
    f.run(&[StartRehearsal]);
    let rehearsal = f.app.rehearsal.as_ref().unwrap();
    assert_eq!(rehearsal.queue, vec![selected]);
    assert_eq!(rehearsal.scope, "1 question");
}

#[test]
fn an_interview_date_limits_new_questions_per_day() {
    let mut f = fixture();
    f.app.until = NaiveDate::from_ymd_opt(2026, 11, 30);
    let total = f.app.current().unwrap().1.questions.len();
    f.run(&[StartRehearsal]);
    let queued = f.app.rehearsal.as_ref().unwrap().queue.len();
    assert_eq!(queued, total.div_ceil(7));
}

#[test]
fn a_schedule_that_cannot_be_saved_stays_in_memory_and_quitting_asks() {
    let mut f = fixture();
    // The schedule file's place is taken by a directory.
    std::fs::create_dir_all(f.dir.path().join("reviews.toml")).unwrap();
    f.run(&[StartRehearsal, Reveal, Grade(2)]);
    assert!(!f.app.graded.is_empty());
    let status = f.app.status.as_ref().unwrap();
    assert!(
        status.error && status.text.contains("not saved"),
        "{}",
        status.text
    );
    f.run(&[Back, Quit]);
    assert!(!f.app.quit);
    assert!(f.app.confirm_quit);
    std::fs::remove_dir(f.dir.path().join("reviews.toml")).unwrap();
    f.run(&[Quit]);
    assert!(f.app.quit, "confirmed");
}

#[test]
fn progress_opens_scrolls_closes_and_starts_a_rehearsal() {
    let mut f = fixture();
    f.run(&[ToggleProgress]);
    assert_eq!(f.app.mode(), Mode::Progress);
    // The progress view moves the browser's own selection, and r rehearses that competency.
    f.run(&[Down, Down, Up]);
    assert_eq!(f.app.selected, 1);
    assert!(f.app.progress_scroll().is_some());
    f.run(&[Back]);
    assert_eq!(f.app.progress_scroll(), None);
    assert_eq!(f.app.selected, 1);
    let name = f.app.current().unwrap().1.name.clone();
    f.run(&[ToggleProgress, StartRehearsal]);
    assert_eq!(f.app.mode(), Mode::Rehearsal);
    assert_eq!(f.app.rehearsal.as_ref().unwrap().scope, name);
}

#[test]
fn grades_are_saved_on_the_history_thread_and_grades_given_meanwhile_are_kept() {
    use cuecard::tui::history::HistorySaver;
    use std::sync::Arc;
    use std::time::Duration;
    let mut f = fixture();
    let saver = Arc::new(HistorySaver::spawn(f.stores.reviews.clone()));
    f.stores.history = Some(Arc::clone(&saver));
    f.run(&[StartRehearsal, Reveal, Grade(3)]);
    assert!(f.app.rehearsal.is_some(), "{:?}", f.app.status);
    let first = f.app.rehearsal.as_ref().unwrap().queue[0].clone();
    // The save runs on its thread: grading goes on meanwhile.
    assert!(f.app.history_in_flight.is_some());
    assert!(f.app.has_unsaved());
    f.run(&[Reveal, Grade(1)]);
    let second = f.app.rehearsal.as_ref().unwrap().queue[1].clone();
    assert!(
        f.app.graded.contains(&second),
        "waits for the save under way"
    );
    let result = saver.wait_result(Duration::from_secs(10)).unwrap();
    cuecard::tui::persist::history_written(&mut f.app, result);
    assert!(
        f.app.schedule.questions.contains_key(&second),
        "kept over the merge"
    );
    // The next save (the autosave asks for it) takes the grade given meanwhile.
    cuecard::tui::autosave::save_all(&mut f.app);
    f.persist();
    let result = saver.wait_result(Duration::from_secs(10)).unwrap();
    cuecard::tui::persist::history_written(&mut f.app, result);
    assert!(!f.app.has_unsaved());
    let (on_disk, _) = ReviewStore::new(f.dir.path()).load().unwrap();
    assert!(on_disk.questions.contains_key(&first));
    assert_eq!(on_disk.questions[&second].history[0].grade, Grade::Again);
}

#[test]
fn quitting_waits_for_the_history_save_under_way() {
    use cuecard::tui::history::HistorySaver;
    use std::sync::Arc;
    use std::time::Duration;
    let mut f = fixture();
    let saver = Arc::new(HistorySaver::spawn(f.stores.reviews.clone()));
    f.stores.history = Some(Arc::clone(&saver));
    f.run(&[StartRehearsal, Reveal, Grade(3), QuitNow]);
    assert!(!f.app.quit, "not before the save answered");
    assert!(f.app.status.is_none(), "{:?}", f.app.status);
    let result = saver.wait_result(Duration::from_secs(10)).unwrap();
    cuecard::tui::persist::history_written(&mut f.app, result);
    assert!(f.app.quit);
}
