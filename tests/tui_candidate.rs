//! The candidate's path through `update` with a fixed clock: the interview date set in the app
//! and kept, today's work counted the same everywhere, the target level, key points marked by
//! hand, and the rehearsal's keys (note, skip, undo, progress from the summary).

mod support;

use chrono::NaiveDate;
use cuecard::store::settings::Settings;
use cuecard::tui::keymap::Mode;
use support::Fixture;

fn fixture() -> Fixture {
    Fixture::at(100, 30, "2026-11-23T09:00:00Z")
}

#[test]
fn the_interview_date_is_set_in_the_progress_view_kept_and_refused_when_wrong() {
    let mut f = fixture();
    f.keys("p");
    assert_eq!(f.app.mode(), Mode::Progress);
    // A date in the past is refused with a message, and the field stays open to fix it.
    f.keys("d2026-11-01<Enter>");
    assert_eq!(f.app.mode(), Mode::Date);
    let status = f.app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("past"),
        "{}",
        status.text
    );
    assert_eq!(f.app.until, None);
    // Words are refused too; then the right date is taken.
    f.keys("<C-u>friday<Enter>");
    assert!(f.app.status.as_ref().unwrap().text.contains("YYYY-MM-DD"));
    f.keys("<C-u>2026-11-27<Enter>");
    assert_eq!(f.app.mode(), Mode::Progress);
    assert_eq!(f.app.until, NaiveDate::from_ymd_opt(2026, 11, 27));
    let settings = Settings::load(f.dir.path()).unwrap();
    assert_eq!(settings.interview_date, f.app.until);
    assert!(
        f.app.day_line().starts_with("4 days to the interview · "),
        "{}",
        f.app.day_line()
    );
    // `r` in the browser honours it: today's share of new questions, not all of them.
    f.keys("<Esc>");
    let total = f.app.current().unwrap().1.questions.len();
    f.keys("r");
    let queue = f.app.rehearsal.as_ref().unwrap().queue.len();
    assert_eq!(queue, total.div_ceil(4));
    // Emptied, the date is cleared.
    f.keys("<Esc>pd<Enter>");
    assert_eq!(f.app.until, None);
    assert_eq!(Settings::load(f.dir.path()).unwrap().interview_date, None);
}

#[test]
fn today_counts_agree_between_the_browser_the_progress_view_and_the_rehearsal() {
    let mut f = fixture();
    f.app.until = NaiveDate::from_ymd_opt(2026, 11, 27);
    let before = f.app.today();
    // A rehearsal holds exactly today's work over its scope.
    let scope = f.app.default_scope();
    assert_eq!(
        f.app.schedule.queue(&scope, &f.app.day()).len(),
        before.cards()
    );
    // Answer two cards: one Again, one Easy.
    f.keys("r <Space>1<Space>4<Esc>");
    let after = f.app.today();
    assert_eq!(after.new, before.new - 2, "the quota is used, not renewed");
    // The Again one is due later today, at the time it says.
    assert_eq!(after.later, 1);
    assert!(
        f.app.day_line().contains("1 more due at"),
        "{}",
        f.app.day_line()
    );
    // Ten minutes on it is due now, in every count.
    f.wait(10 * 60);
    let now = f.app.today();
    assert_eq!((now.due, now.later), (1, 0));
    f.keys("r");
    let queue = &f.app.rehearsal.as_ref().unwrap().queue;
    let competency = f.app.current().unwrap().1.clone();
    let in_competency = f
        .app
        .schedule
        .today(&f.app.scope_of(&competency), &f.app.day());
    assert_eq!(queue.len(), in_competency.cards());
}

#[test]
fn a_target_level_narrows_the_default_scope_and_is_remembered() {
    let mut f = fixture();
    let all = f.app.default_scope().len();
    // t in the progress view: level 1, then 2, ...
    f.keys("ptt");
    let framework = f.app.current().unwrap().0.id.clone();
    assert_eq!(f.app.target_levels.get(&framework), Some(&2));
    let narrowed = f.app.default_scope().len();
    assert!(narrowed < all, "{narrowed} of {all}");
    let settings = Settings::load(f.dir.path()).unwrap();
    assert_eq!(settings.target_levels.get(&framework), Some(&2));
    assert!(f.app.status.as_ref().unwrap().text.contains("L2"));
}

#[test]
fn key_points_marked_by_hand_show_and_are_kept() {
    let mut f = fixture();
    // The question Enter, Enter opens: the first at the browser's level.
    let question = (*f.app.ordered_questions()[0]).clone();
    f.app.notes.insert(
        question.id.clone(),
        "## Situation\nA short note.\n".to_string(),
    );
    // Open the first question; m before the reveal says to reveal first.
    f.keys("<Enter><Enter>m");
    assert!(f.app.status.as_ref().unwrap().text.contains("Space first"));
    assert_eq!(f.app.mode(), Mode::Question);
    f.keys("<Space>m2");
    assert!(f.app.marks[&question.id][&question.key_points[1]]);
    let on_disk = cuecard::store::marks::MarkStore::new(f.dir.path())
        .load()
        .unwrap();
    assert_eq!(on_disk, f.app.marks);
    let summary = cuecard::tui::document::note_summary(
        &question,
        "## Situation\nA short note.\n",
        f.app.marks.get(&question.id),
    );
    assert!(summary.starts_with("covers 1 of"), "{summary}");
    // Again: back to what the note says. A number beyond the key points says so.
    f.keys("m2");
    assert!(f.app.marks.get(&question.id).is_none_or(|m| m.is_empty()));
    f.keys("m9");
    assert!(
        f.app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("No key point 9")
    );
    // Any other key after m cancels: it is not taken as a command.
    f.keys("mq");
    assert!(!f.app.quit && !f.app.marking);
}

#[test]
fn in_a_rehearsal_n_writes_the_note_s_skips_u_undoes_and_p_leaves_for_progress() {
    let mut f = fixture();
    f.keys("r");
    let first = f
        .app
        .rehearsal
        .as_ref()
        .unwrap()
        .current()
        .unwrap()
        .to_string();
    // n before the reveal: answer first.
    f.keys("n");
    assert!(f.app.editor.is_none());
    f.keys("<Space>n");
    assert_eq!(f.app.mode(), Mode::Note);
    assert_eq!(f.app.editor.as_ref().unwrap().question_id, first);
    f.keys("xyz<Esc>");
    assert_eq!(f.app.mode(), Mode::Rehearsal);
    assert!(f.app.notes[&first].contains("xyz"));
    // ? and / open over the rehearsal and close back to it.
    f.keys("?<Esc>");
    assert_eq!(f.app.mode(), Mode::Rehearsal);
    f.keys("/<Esc>");
    assert_eq!(f.app.mode(), Mode::Rehearsal);
    f.keys("3s");
    assert_eq!(f.app.rehearsal.as_ref().unwrap().skipped, 1);
    f.keys("u");
    assert!(!f.app.schedule.questions.contains_key(&first));
    assert_eq!(
        f.app.rehearsal.as_ref().unwrap().current(),
        Some(first.as_str())
    );
    // Through to the end: its own keys, and p goes to the progress view.
    while f.app.rehearsal.as_ref().is_some_and(|r| !r.done()) {
        f.keys("<Space>4");
    }
    assert_eq!(f.app.mode(), Mode::RehearsalDone);
    f.keys("p");
    assert_eq!(f.app.mode(), Mode::Progress);
    assert!(f.app.rehearsal.is_none());
}

#[test]
fn a_date_past_at_start_up_is_cleared_and_said() {
    let mut f = fixture();
    std::fs::write(
        f.dir.path().join("settings.toml"),
        "interview_date = 2026-11-20\n# mine\nanswer_seconds = 90\n[target_level]\ncustomer-support = 3\n",
    )
    .unwrap();
    cuecard::tui::start_practice(&mut f.app, &f.stores);
    assert_eq!(f.app.until, None);
    let status = f.app.status.clone().unwrap();
    assert!(
        status.text.contains("2026-11-20 has passed"),
        "{}",
        status.text
    );
    let settings = Settings::load(f.dir.path()).unwrap();
    assert_eq!(settings.interview_date, None);
    assert_eq!(settings.target_levels["customer-support"], 3);
    assert_eq!(f.app.target_levels["customer-support"], 3);
    let text = std::fs::read_to_string(f.dir.path().join("settings.toml")).unwrap();
    assert!(text.contains("# mine"), "{text}");
}

#[test]
fn i_pressed_by_accident_creates_no_session() {
    let mut f = fixture();
    // i, then Enter at once (a name not typed yet), then Esc: no interview, no file.
    f.keys("i<Enter>");
    assert!(f.app.interview.is_none());
    assert!(
        f.app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("name is empty")
    );
    f.keys("Ann<Esc>");
    assert!(f.app.interview.is_none());
    let sessions = f.dir.path().join("sessions");
    let files = std::fs::read_dir(&sessions).map_or(0, |d| d.count());
    assert_eq!(files, 0);
}

#[test]
fn while_the_history_is_read_r_waits_and_a_rehearsal_asked_for_starts_once_it_is_in() {
    let mut f = fixture();
    // A history on disk: one question graded yesterday, due again now.
    let question = f.app.current().unwrap().1.questions[0].id.clone();
    let mut schedule = cuecard::practice::schedule::Schedule::default();
    let yesterday = f.app.now - chrono::Duration::days(1);
    schedule.grade(
        &question,
        cuecard::practice::schedule::Grade::Again,
        30,
        yesterday,
        None,
    );
    let graded = std::collections::BTreeSet::from([question.clone()]);
    f.stores
        .reviews
        .save(&schedule, &graded, cuecard::store::Fingerprint::of(None))
        .unwrap();
    // The loop has started reading it.
    f.app.history_loading = true;
    let scope = f.app.scope_of(&f.app.current().unwrap().1.clone());
    f.app.pending_rehearsal = Some(("Customer Interaction".to_string(), scope));
    assert_eq!(f.app.day_line(), "reading your review history…");
    f.keys("r");
    assert!(f.app.rehearsal.is_none());
    assert!(
        f.app
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("review history")
    );
    // It comes in: the rehearsal asked for starts, the due question first.
    cuecard::tui::persist::history_read(&mut f.app, f.stores.reviews.load());
    assert!(!f.app.history_loading);
    let rehearsal = f.app.rehearsal.as_ref().expect("the rehearsal started");
    assert_eq!(rehearsal.queue[0], question);
}
