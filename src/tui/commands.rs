//! What keys in several places start or open, applied to the whole state: a note, a rehearsal,
//! an interview and its plan, the progress view. `update` and `browser` call these; the modes'
//! own types (`notes_mode`, `rehearsal_mode`, `interview_mode`…) hold the rest of their logic.

use super::app::{App, Overlay, Screen, Status};
use super::effect::Effect;
use super::interview_mode::{Interview, Reply};
use super::notes_mode::NoteEditor;
use super::progress_mode::Progress;
use super::rehearsal_mode::Rehearsal;
use super::setup_mode::Setup;
use crate::interview::InterviewSession;
use crate::store::Target;

pub fn open_progress(app: &mut App) {
    app.overlay = Some(Overlay::Progress(Progress { scroll: 0 }));
}

/// `n`: opens the selected question's note beside it.
pub fn open_note(app: &mut App) {
    let Some(question_id) = app.current_question().map(|q| q.id.clone()) else {
        return;
    };
    if let Screen::Browse = app.screen {
        app.screen = Screen::Question {
            revealed: false,
            scroll: 0,
        };
    }
    // Text that is waiting to be saved is newer than the file: edit that.
    if let Some(pending) = app.unsaved.remove(&question_id) {
        let mut editor = NoteEditor::new(&question_id, &pending.text, pending.target);
        // Not on disk yet: the next save writes it.
        editor.changes = 1;
        app.editor = Some(editor);
        return;
    }
    app.effects.push(Effect::OpenNote { question_id });
}

/// Starts a rehearsal of `queue`; says so instead when it is empty.
pub fn start_rehearsal(app: &mut App, scope: String, queue: Vec<String>) {
    if queue.is_empty() {
        let next = app
            .schedule
            .questions
            .values()
            .map(|r| r.due)
            .filter(|due| *due > app.now)
            .min();
        let text = match next {
            Some(due) => format!(
                "Nothing due in {scope}: the next review is on {}.",
                due.format("%Y-%m-%d")
            ),
            None => format!("No questions to rehearse in {scope}."),
        };
        app.status = Status::info(text);
        return;
    }
    app.overlay = None;
    app.rehearsal = Some(Rehearsal::new(scope, queue, app.now));
}

/// `r`: rehearses the selected question when one is open or selected in the list, else the
/// selected competency's questions (due ones first, then new ones).
pub fn start_rehearsal_from_browser(app: &mut App, single_question: bool) {
    if single_question && let Some(question) = app.current_question() {
        let queue = vec![question.id.clone()];
        start_rehearsal(app, "1 question".to_string(), queue);
        return;
    }
    let Some((_, competency)) = app.current() else {
        return;
    };
    let scope: Vec<String> = competency.questions.iter().map(|q| q.id.clone()).collect();
    let name = competency.name.clone();
    let queue = app.schedule.queue(&scope, app.now, app.until);
    start_rehearsal(app, name, queue);
}

/// Starts the live view of `session` (a new one, or one read back from `target`).
pub fn begin_interview(app: &mut App, session: InterviewSession, target: Option<Target>) {
    app.rehearsal = None;
    app.overlay = None;
    app.interview = Some(Interview::new(session, target, app.now));
    save_interview(app);
}

/// `i`: back to the live view of the interview under way, or the set-up form.
pub fn open_interview(app: &mut App) {
    match app.interview.as_mut() {
        Some(interview) => interview.live = true,
        None => {
            let all = app
                .entries
                .iter()
                .map(|&(f, c)| {
                    let competency = &app.library.frameworks[f].competencies[c];
                    (competency.id.clone(), competency.name.clone())
                })
                .collect();
            let selected = (!app.entries.is_empty()).then_some(app.selected);
            app.overlay = Some(Overlay::Setup(Setup::new(all, selected, app.level)));
        }
    }
}

/// Asks for a save of the interview when something changed, counting the time so far first.
pub fn save_interview(app: &mut App) {
    let now = app.now;
    if let Some(interview) = app.interview.as_mut() {
        interview.count_time(now);
        if interview.dirty && !interview.deleted_elsewhere {
            app.effects.push(Effect::SaveSession);
        }
    }
}

/// Keeps the interview line being typed, as if Enter was pressed: on quitting, nothing typed is
/// dropped.
pub fn keep_typed_line(app: &mut App) {
    if let Some(interview) = app.interview.as_mut()
        && let Reply::Say(status) = interview.keep_typed_line()
    {
        app.status = status;
    }
}

/// Space in the questions pane while an interview is under way: the question joins the plan, or
/// leaves it when not asked yet.
pub fn toggle_planned(app: &mut App) {
    let Some(id) = app.current_question().map(|q| q.id.clone()) else {
        return;
    };
    let Some(interview) = app.interview.as_mut() else {
        app.status = Status::info("No interview under way: i sets one up.");
        return;
    };
    let text = interview.toggle_planned(&id, app.now);
    app.effects.push(Effect::SaveSession);
    app.status = Status::info(text);
}
