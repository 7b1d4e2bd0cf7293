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

/// Opens the progress view, `page` competencies shown at a time, on the selected one.
pub fn open_progress(app: &mut App, page: usize) {
    app.overlay = Some(Overlay::Progress(Progress::new(app.selected, page)));
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
    open_note_for(app, &question_id);
}

/// Opens the note on `question_id` (the question on show) in the editor.
pub fn open_note_for(app: &mut App, question_id: &str) {
    let question_id = question_id.to_string();
    // Text that is waiting to be saved is newer than the file: edit that.
    if let Some(pending) = app.unsaved.remove(&question_id) {
        let mut editor = NoteEditor::new(&question_id, &pending.text, pending.target);
        editor.place_cursor(false);
        // Not on disk yet: the next save writes it.
        editor.changes = 1;
        app.editor = Some(editor);
        return;
    }
    app.effects.push(Effect::OpenNote { question_id });
}

/// Starts a rehearsal titled `title` of what is due today in `scope` (question ids), or of every
/// question in it when `all` (a question chosen by hand); says so instead when nothing is due.
pub fn start_rehearsal(app: &mut App, title: String, scope_ids: &[String], all: bool) {
    if app.history_loading {
        app.status = Status::info("Reading your review history: a moment, then r again.");
        return;
    }
    let scope = title;
    let queue = if all {
        scope_ids.to_vec()
    } else {
        app.schedule.queue(scope_ids, &app.day())
    };
    if queue.is_empty() {
        let day = app.day();
        let next = app.schedule.next_due(scope_ids, app.now);
        let text = match next {
            Some(due) => {
                let local = due.with_timezone(&day.offset);
                let when = if due < day.end {
                    format!("today at {}", local.format("%H:%M"))
                } else {
                    format!("on {}", local.format("%Y-%m-%d"))
                };
                format!("Nothing due in {scope}: the next review is {when}.")
            }
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
        start_rehearsal(app, "1 question".to_string(), &queue, true);
        return;
    }
    let Some((_, competency)) = app.current() else {
        return;
    };
    let scope = app.scope_of(competency);
    let mut name = competency.name.clone();
    if let (Some(target), Some((framework, _))) = (app.target_of(competency), app.current()) {
        let reach = crate::practice::reach_label(target, framework.levels.len());
        name.push_str(&format!(" · {reach}"));
    }
    start_rehearsal(app, name, &scope, false);
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

/// `a`: the form for a question of one's own, on the selected competency at the selected level.
pub fn add_question(app: &mut App) {
    let Some((framework, competency)) = app.current() else {
        return;
    };
    let mut form = super::question_form::QuestionForm::add(
        &competency.id,
        Some(app.level).filter(|l| (1..=framework.levels.len()).contains(l)),
        framework.levels.len(),
    );
    form.level_names.clone_from(&framework.levels);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The question `e` or `d` is about, if the user may change it; says why not otherwise.
fn own_question(app: &mut App) -> Option<(usize, String, String)> {
    let question = app.current_question()?;
    let levels = app.current().map_or(0, |(f, _)| f.levels.len());
    if question.file.is_none() {
        app.status = Status::info(
            "This question comes with cuecard and cannot be changed; a adds one of your own.",
        );
        return None;
    }
    let competency = question.id.rsplit_once('/').map(|(c, _)| c.to_string())?;
    Some((levels, competency, question.id.clone()))
}

/// `e`: the form on the selected question, when it is one the user added.
pub fn edit_question(app: &mut App) {
    let Some((levels, competency, _)) = own_question(app) else {
        return;
    };
    let names = app
        .current()
        .map(|(f, _)| f.levels.clone())
        .unwrap_or_default();
    if let Some(question) = app.current_question() {
        let mut form = super::question_form::QuestionForm::edit(&competency, question, levels);
        form.level_names = names;
        app.overlay = Some(Overlay::Form(Box::new(form)));
    }
}

/// `d` twice: deletes the selected question, when it is one the user added.
pub fn delete_question(app: &mut App) {
    let Some((_, _, id)) = own_question(app) else {
        return;
    };
    if app.delete_armed.as_deref() == Some(id.as_str()) {
        app.delete_armed = None;
        app.effects.push(Effect::DeleteQuestion { question_id: id });
    } else {
        app.status = Status::info(
            "Delete this question of yours? d again deletes it; any other key keeps it.",
        );
        app.delete_armed = Some(id);
    }
}

/// `s`: the story bank, read again from disk; after `L` on a question (`linking`), Enter links the
/// story chosen to it.
pub fn open_stories(app: &mut App, linking: Option<String>) {
    if linking.is_none() && matches!(app.overlay, Some(Overlay::Stories(_))) {
        app.overlay = None;
        return;
    }
    app.effects.push(Effect::LoadStories);
    if let Some(question) = linking.as_deref().and_then(|id| app.library.question(id)) {
        let text = super::wrap::truncate(&crate::text::inert(&question.text), 60);
        app.status = Status::info(format!(
            "Choose the story that answers “{text}”: Enter links it, n starts a new one."
        ));
    }
    app.overlay = Some(Overlay::Stories(super::stories_mode::StoriesView {
        linking,
        ..Default::default()
    }));
}
