//! Runs the effects `update` asked for that touch files, and reports each outcome back to the
//! state. No terminal here: running `$EDITOR` is left to the loop, which owns the terminal.

use std::path::Path;

use super::app::{App, Status};
use super::effect::{Effect, SaveRequest};
use super::notes_mode::{NoteEditor, PendingNote, new_note_text};
use crate::interview::scorecard::Scorecard;
use crate::practice::schedule::Schedule;
use crate::store::notes::{LoadedNote, NoteStore};
use crate::store::reviews::ReviewStore;
use crate::store::sessions::SessionStore;
use crate::store::{Fingerprint, Saved, StoreError};

/// Where the user's work is kept.
#[derive(Debug, Clone)]
pub struct Stores {
    pub notes: NoteStore,
    pub reviews: ReviewStore,
    pub sessions: SessionStore,
    pub marks: crate::store::marks::MarkStore,
    /// The data directory, for the settings file.
    pub data_dir: std::path::PathBuf,
    /// The thread that saves the review history, in the app; without it (tests, the last save
    /// at exit) the history is saved here and now.
    pub history: Option<std::sync::Arc<super::history::HistorySaver>>,
    /// Where questions of the user's own are written, and the content to reload after; without
    /// it, adding a question says that it cannot be saved.
    pub content: Option<crate::content::edit::ContentPlace>,
    pub stories: crate::store::stories::StoryStore,
    /// Where the settings file is (the data directory unless the app was given another).
    pub settings_dir: std::path::PathBuf,
    /// The folder the hiring panel shares, when one is set.
    pub team: Option<crate::store::team::TeamFolder>,
    /// The content cache the searcher takes its first index from (or writes, having built it).
    pub index: Option<crate::cache::IndexJob>,
}

impl Stores {
    pub fn new(data_dir: &Path) -> Stores {
        Stores {
            notes: NoteStore::new(data_dir),
            reviews: ReviewStore::new(data_dir),
            sessions: SessionStore::new(data_dir),
            marks: crate::store::marks::MarkStore::new(data_dir),
            data_dir: data_dir.to_path_buf(),
            history: None,
            content: None,
            stories: crate::store::stories::StoryStore::new(data_dir),
            settings_dir: data_dir.to_path_buf(),
            team: None,
            index: None,
        }
    }
}

/// Runs every file effect waiting in `app`, with `stamp` naming any conflict copy (the local
/// time, e.g. `20261123-0901`). Returns the effects that need the terminal.
pub fn run(app: &mut App, stores: &Stores, stamp: &str) -> Vec<Effect> {
    let mut left = Vec::new();
    // Outcomes can ask for more work (a quit that waits for saves): run until none is left.
    while !app.effects.is_empty() {
        let mut schedule_saved = false;
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::OpenNote { question_id } => {
                    let result = match crate::stories::story_of_card(&question_id) {
                        // A story opens in the same editor as a note.
                        Some(story) => stores.stories.load(story).map(|file| LoadedNote {
                            text: file.text,
                            exists: true,
                            target: file.target,
                        }),
                        None => stores.notes.load(&question_id),
                    };
                    note_loaded(app, &question_id, result);
                }
                Effect::SaveNote(request) => {
                    let story = crate::stories::story_of_card(&request.question_id)
                        .map(|id| (id.to_string(), request.text.clone()));
                    let result = save_text(stores, &request, stamp);
                    let written = matches!(result, Ok(Saved::Written(_)));
                    note_saved(app, request, result);
                    // The story just written is read from its text (an autosave a second does
                    // not read the whole bank again); after a conflict copy, the bank from disk.
                    match story {
                        Some((id, text)) if written => refresh_story(app, stores, &id, &text),
                        Some(_) => load_stories(app, stores),
                        None => {}
                    }
                }
                Effect::NewStory => new_story(app, stores),
                // One save covers every grade so far.
                Effect::SaveSchedule if schedule_saved => {}
                Effect::SaveSchedule => {
                    schedule_saved = true;
                    save_schedule(app, stores);
                }
                Effect::SaveSession => save_session(app, stores, stamp),
                Effect::ExportScorecard => {
                    save_session(app, stores, stamp);
                    export_scorecard(app, stores);
                }
                Effect::SubmitScorecard => {
                    save_session(app, stores, stamp);
                    export_scorecard(app, stores);
                    super::team::submit(app, stores.team.as_ref(), &stores.sessions);
                }
                Effect::LoadPanel => super::team::load_panel(app, stores.team.as_ref()),
                Effect::SaveKit { name } => super::team::save_kit(app, stores.team.as_ref(), &name),
                Effect::SaveSetting(change) => {
                    let result = crate::store::settings::update(&stores.settings_dir, &change);
                    setting_saved(app, &change, result);
                }
                Effect::SaveMark {
                    question_id,
                    point,
                    value,
                } => match stores.marks.set(&question_id, &point, value) {
                    Ok(marks) => app.marks = marks,
                    Err(e) => {
                        app.status = Status::error(format!("The mark is not saved: {e}"));
                    }
                },
                Effect::SaveQuestion {
                    competency_id,
                    editing,
                    draft,
                } => save_question(app, stores, &competency_id, editing.as_deref(), &draft),
                Effect::DeleteQuestion { question_id } => {
                    delete_question(app, stores, &question_id)
                }
                Effect::LoadStories => load_stories(app, stores),
                Effect::StartMock => start_mock(app, stores),
                Effect::LinkStory {
                    story_id,
                    question_id,
                } => link_story(app, stores, &story_id, &question_id, stamp),
                other @ (Effect::EditExternally { .. } | Effect::EditStory { .. }) => {
                    left.push(other)
                }
            }
        }
    }
    super::autosave::settle_quit(app);
    left
}

/// What reading the review history gave: the schedule and the version of its file.
pub type HistoryRead = Result<(Schedule, Fingerprint), StoreError>;

/// The review history is read: it becomes the schedule (a file that cannot be read is said, and
/// saving then merges over it, never replacing it), and a rehearsal waiting for it starts.
pub fn history_read(app: &mut App, read: HistoryRead) {
    app.history_loading = false;
    match read {
        Ok((schedule, version)) => {
            // Grades given meanwhile (none can be: a rehearsal waits for the history) are kept.
            app.schedule = if app.graded.is_empty() {
                schedule
            } else {
                app.schedule.merged_over(&schedule, &app.graded)
            };
            app.schedule_version = version;
        }
        // Saving compares against the version read; one that was never read never matches, so
        // the broken file is merged over, never replaced.
        Err(e) => app.status = Status::error(e.to_string()),
    }
    if let Some((scope, questions)) = app.pending_rehearsal.take() {
        super::commands::start_rehearsal(app, scope, &questions, false);
    }
}

/// Says what a settings change did, or why it could not be kept (it still holds in this run).
pub fn setting_saved(
    app: &mut App,
    change: &crate::store::settings::Change,
    result: Result<(), StoreError>,
) {
    use crate::store::settings::Change;
    app.status = match result {
        Err(e) => Status::error(format!("{e} (kept for this run only)")),
        Ok(()) => Status::info(match change {
            Change::InterviewDate(Some(date)) => {
                format!(
                    "Interview date: {}. {}",
                    date.format("%A %-d %B %Y"),
                    app.day_line()
                )
            }
            Change::InterviewDate(None) => "Interview date cleared.".to_string(),
            Change::TargetLevel {
                framework,
                level: Some(level),
            } => format!(
                "Target level for {}: L{level}.",
                framework_name(app, framework)
            ),
            Change::TargetLevel {
                framework,
                level: None,
            } => format!(
                "No target level for {}: every level.",
                framework_name(app, framework)
            ),
        }),
    };
}

fn framework_name(app: &App, id: &str) -> String {
    app.library
        .framework(id)
        .map_or_else(|| id.to_string(), |f| f.name.clone())
}

fn save_session(app: &mut App, stores: &Stores, stamp: &str) {
    let Some(interview) = app
        .interview
        .as_mut()
        .filter(|i| i.dirty && !i.deleted_elsewhere)
    else {
        return;
    };
    // A session saved before whose file is gone was deleted on purpose (`cuecard sessions
    // delete`): it is not written back, not even as a conflict copy.
    if let Some(target) = &interview.target
        && target.fingerprint != Fingerprint::of(None)
        && !target.path.exists()
    {
        interview.deleted_elsewhere = true;
        interview.dirty = false;
        app.status = Status::error(
            "This session was deleted elsewhere: nothing more of it is saved. Ctrl-C quits.",
        );
        return;
    }
    let target = interview
        .target
        .clone()
        .unwrap_or_else(|| stores.sessions.target(&interview.session.id));
    let result = stores.sessions.save(&interview.session, &target, stamp);
    if let Some(interview) = app.interview.as_mut()
        && let Some(status) = interview.saved(result)
    {
        app.status = Some(status);
    }
}

fn export_scorecard(app: &mut App, stores: &Stores) {
    let Some(interview) = app.interview.as_mut() else {
        return;
    };
    // The id the session is saved under (a new one may have taken `id-2`).
    let id = interview.target.as_ref().map_or_else(
        || interview.session.id.clone(),
        |target| stores.sessions.id_of(target),
    );
    let markdown = Scorecard::new(&interview.session, &app.library).to_markdown();
    let written_before = interview.session.scorecard.clone();
    let result =
        stores
            .sessions
            .write_scorecard(&id, &mut interview.session, &markdown, &stamp_now());
    if interview.session.scorecard != written_before {
        // The session keeps the mark of the scorecard it wrote.
        interview.dirty = true;
        app.effects.push(Effect::SaveSession);
    }
    let shown = |path: &Path| crate::text::inert(&path.display().to_string()).into_owned();
    app.status = match result {
        Ok(Saved::Written(target)) => {
            Status::info(format!("Scorecard written to {}", shown(&target.path)))
        }
        Ok(Saved::Conflict(copy)) => Status::error(format!(
            "The scorecard was changed on disk; kept, and this one written to {}",
            shown(&copy.path)
        )),
        Err(e) => Status::error(format!("Scorecard not written: {e}")),
    };
}

/// The stamp for conflict copies made now.
pub fn stamp_now() -> String {
    chrono::Local::now().format("%Y%m%d-%H%M%S").to_string()
}

/// The note of `question_id` was read: opens it in the editor, a new one from the STAR outline
/// when the question calls for it. A note that cannot be read is reported and left alone.
pub fn note_loaded(app: &mut App, question_id: &str, result: Result<LoadedNote, StoreError>) {
    let still_there = app.question_on_show() == Some(question_id)
        || app.story_on_show().as_deref() == Some(question_id);
    match result {
        Ok(note) if still_there => {
            let text = if note.exists {
                note.text.as_str()
            } else {
                new_note_text(&app.library, app.star_outline, question_id)
            };
            let mut editor = NoteEditor::new(question_id, text, note.target.clone());
            editor.place_cursor(!note.exists);
            if note.exists {
                app.set_note(question_id, note.text);
            }
            app.editor = Some(editor);
        }
        Ok(_) => {}
        Err(e) => app.status = Status::error(format!("Cannot open the note: {e}")),
    }
}

/// A save finished. On success the note is on disk (or, when the file had changed meanwhile, in a
/// conflict copy that later saves go to); on failure the text stays in memory, the footer says
/// why, and the loop tries again.
fn note_saved(app: &mut App, request: SaveRequest, result: Result<Saved, StoreError>) {
    let id = request.question_id.as_str();
    let editing = app.editor.as_mut().filter(|e| e.question_id == id);
    let saved = match result {
        Ok(saved) => saved,
        Err(e) => {
            if editing.is_none() {
                let pending = PendingNote {
                    target: request.target,
                    text: request.text,
                };
                app.unsaved.insert(id.to_string(), pending);
            }
            app.status = Status::error(format!("Not saved, kept in memory and retrying: {e}"));
            return;
        }
    };
    let target = saved.target().clone();
    match editing {
        Some(editor) => {
            editor.target = target.clone();
            editor.saved_changes = editor.saved_changes.max(request.changes);
        }
        None => {
            app.unsaved.remove(id);
        }
    }
    if let Some(pending) = app.unsaved.get_mut(id) {
        pending.target = target;
    }
    match saved {
        Saved::Written(_) => {
            let was_error = app.status.as_ref().is_some_and(|s| s.error);
            app.set_note(id, request.text);
            if was_error {
                app.status = Status::info("Saved.");
            }
        }
        Saved::Conflict(copy) => {
            let name = copy
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            app.status = Status::error(format!(
                "The note changed on disk; both kept: yours is in {}",
                crate::text::inert(&name)
            ));
            // The question shows what the user typed, and where it went.
            app.set_note(id, request.text);
            app.conflicts.insert(id.to_string(), name);
        }
    }
}

/// Saves the grades not saved yet: on the history thread when there is one (one save at a time;
/// grades given meanwhile wait for the next), else here.
fn save_schedule(app: &mut App, stores: &Stores) {
    if app.graded.is_empty() || app.history_in_flight.is_some() {
        return;
    }
    let graded = std::mem::take(&mut app.graded);
    if let Some(saver) = &stores.history
        && saver.send(app.schedule.clone(), graded.clone(), app.schedule_version)
    {
        app.history_in_flight = Some(graded);
        return;
    }
    let result = stores
        .reviews
        .save(&app.schedule, &graded, app.schedule_version);
    app.history_in_flight = Some(graded);
    history_written(app, result);
}

/// A save of the history finished. The schedule becomes the one written (merged with the file),
/// except for the questions graded since it was sent, which keep this state's record; on failure
/// the grades are kept to be saved again.
pub fn history_written(app: &mut App, result: Result<(Schedule, Fingerprint), StoreError>) {
    let sent = app.history_in_flight.take().unwrap_or_default();
    let written = result.is_ok();
    match result {
        Ok((mut schedule, version)) => {
            for id in &app.graded {
                if let Some(record) = app.schedule.questions.get(id) {
                    schedule.questions.insert(id.clone(), record.clone());
                }
            }
            app.schedule = schedule;
            app.schedule_version = version;
        }
        Err(e) => {
            app.graded.extend(sent);
            app.status = Status::error(format!(
                "Review history not saved, kept in memory and retrying: {e}"
            ));
        }
    }
    if written && app.quitting && !app.graded.is_empty() {
        // Grades given while this save ran: save them too before quitting.
        app.effects.push(Effect::SaveSchedule);
        return;
    }
    super::autosave::settle_quit(app);
}

/// Adds or changes a question of the user's own, then reloads the content so that it shows.
fn save_question(
    app: &mut App,
    stores: &Stores,
    competency_id: &str,
    editing: Option<&str>,
    draft: &crate::content::edit::QuestionDraft,
) {
    use crate::content::edit;
    let library = std::sync::Arc::clone(&app.library);
    let result = match (&stores.content, library.competency(competency_id)) {
        (None, _) => Err("there is no content directory to save it in".to_string()),
        (_, None) => Err("its competency is no longer loaded".to_string()),
        (Some(place), Some(competency)) => match editing {
            None => edit::add_question(place, &library, competency, draft),
            Some(id) => match library.question(id) {
                Some(question) => {
                    edit::update_question(place, &library, competency, question, draft)
                }
                None => Err("the question is no longer loaded".to_string()),
            },
        },
    };
    match result {
        Ok(changed) => {
            app.overlay = None;
            reload_content(app, stores, Some(&changed.question_id));
            app.status = Status::info(format!(
                "Question {} in {} (your content directory).",
                if editing.is_some() { "saved" } else { "added" },
                shown_in_content(stores, &changed.file)
            ));
        }
        Err(message) => {
            let message = format!("Not saved: {message}");
            match app.overlay.as_mut() {
                Some(super::app::Overlay::Form(form)) => form.message = Some(message),
                _ => app.status = Status::error(message),
            }
        }
    }
}

fn delete_question(app: &mut App, stores: &Stores, question_id: &str) {
    let library = std::sync::Arc::clone(&app.library);
    let competency = question_id
        .rsplit_once('/')
        .and_then(|(c, _)| library.competency(c));
    let result = match (&stores.content, competency, library.question(question_id)) {
        (Some(place), Some(competency), Some(question)) => {
            crate::content::edit::delete_question(place, competency, question)
        }
        (None, ..) => Err("there is no content directory".to_string()),
        _ => Err("the question is no longer loaded".to_string()),
    };
    match result {
        Ok(changed) => {
            reload_content(app, stores, None);
            app.status = Status::info(format!(
                "Question deleted from {} (its note, if any, is kept).",
                shown_in_content(stores, &changed.file)
            ));
        }
        Err(message) => app.status = Status::error(format!("Not deleted: {message}")),
    }
}

/// Loads the content again and puts it in place, `question_id` selected.
fn reload_content(app: &mut App, stores: &Stores, question_id: Option<&str>) {
    let Some(place) = &stores.content else {
        return;
    };
    let loaded = crate::content::load(&place.sources);
    app.replace_library(loaded.library, loaded.problems.len(), question_id);
}

/// A file of the content directory as `framework/competency.toml`.
fn shown_in_content(stores: &Stores, file: &Path) -> String {
    stores
        .content
        .as_ref()
        .and_then(|place| file.strip_prefix(&place.root).ok())
        .unwrap_or(file)
        .display()
        .to_string()
}

/// Reads the story bank again; a story with problems is left out and counted.
pub fn load_stories(app: &mut App, stores: &Stores) {
    let (stories, problems) = stores.stories.read_bank(&app.library);
    if app.stories != stories {
        app.stories = stories;
        app.stories_version += 1;
    }
    app.story_problems = problems;
}

/// Puts story `id`, as `text` now says, in the bank in place of what it said before.
fn refresh_story(app: &mut App, stores: &Stores, id: &str, text: &str) {
    let path = stores.stories.path(id);
    let prefix = format!("{}:", path.display());
    app.story_problems.retain(|p| !p.starts_with(&prefix));
    let position = app.stories.iter().position(|s| s.id == id);
    let (story, found) = match crate::stories::parse_keeping(id, text, &app.library) {
        Ok((story, found)) => (Some(story), found),
        Err(found) => (None, found),
    };
    app.story_problems.extend(
        found
            .iter()
            .map(|p| format!("{prefix}{}:{}: {}", p.line, p.column, p.message)),
    );
    match (story, position) {
        (Some(story), Some(at)) if app.stories[at] == story => return,
        (Some(story), Some(at)) => app.stories[at] = story,
        (Some(story), None) => {
            let at = app.stories.partition_point(|s| s.id.as_str() < id);
            app.stories.insert(at, story);
        }
        (None, Some(at)) => {
            app.stories.remove(at);
        }
        (None, None) => return,
    }
    app.stories_version += 1;
}

/// `L`, then Enter on a story: the question joins the questions the story answers.
fn link_story(app: &mut App, stores: &Stores, story_id: &str, question_id: &str, stamp: &str) {
    let result =
        stores.stories.load(story_id).and_then(|file| {
            match crate::stories::with_question(&file.text, question_id) {
                Some(text) => stores.stories.save(&file.target, &text, stamp).map(Some),
                None => Ok(None),
            }
        });
    let title = app
        .stories
        .iter()
        .find(|s| s.id == story_id)
        .map_or_else(|| story_id.to_string(), |s| s.title.clone());
    app.status = match result {
        Ok(Some(crate::store::Saved::Written(_))) => Status::info(format!(
            "\"{title}\" answers this question now: Space shows it with the key points."
        )),
        Ok(Some(crate::store::Saved::Conflict(target))) => Status::error(format!(
            "The story changed on disk meanwhile; the link went to {}",
            target.path.display()
        )),
        Ok(None) => Status::info(format!("\"{title}\" already answers this question.")),
        Err(e) => Status::error(format!("Not linked: {e}")),
    };
    load_stories(app, stores);
}

/// `M`: five questions drawn as `cuecard mock` draws them, on the live view.
fn start_mock(app: &mut App, stores: &Stores) {
    let count = 5;
    let plan = crate::interview::mock::MockPlan {
        competencies: Vec::new(),
        level: None,
        count,
        minutes: count as u64 * 4,
        seed: app.now.timestamp_nanos_opt().unwrap_or(0) as u64,
    };
    load_stories(app, stores);
    let previous = stores.sessions.last_mock_questions();
    match crate::interview::prepare::mock_session(
        &app.library,
        &plan,
        &app.schedule,
        &app.stories,
        &app.target_levels,
        &previous,
        app.now,
    ) {
        Ok(session) => super::commands::begin_interview(app, session, None),
        Err(message) => app.status = Status::error(format!("No mock interview: {message}")),
    }
}

/// Saves a note's text, or a story's when the editor holds a story (`story:ID`).
pub fn save_text(stores: &Stores, request: &SaveRequest, stamp: &str) -> Result<Saved, StoreError> {
    match crate::stories::story_of_card(&request.question_id) {
        Some(_) => stores.stories.save(&request.target, &request.text, stamp),
        None => stores.notes.save(&request.target, &request.text, stamp),
    }
}

/// `n` on the stories screen: a new story on the selected competency (at the framework's target
/// level, else the selected level), open in the editor.
fn new_story(app: &mut App, stores: &Stores) {
    let evidence: Vec<(String, usize)> = app
        .current()
        .map(|(_, c)| {
            let level = app.target_of(c).unwrap_or(app.level);
            (c.id.clone(), level.clamp(1, c.behaviors.len().max(1)))
        })
        .into_iter()
        .collect();
    let title = "Untitled story";
    let text = crate::stories::new_story(title, &evidence, &[]);
    match stores.stories.create(title, &text) {
        Ok((id, _)) => {
            load_stories(app, stores);
            if let Some(super::app::Overlay::Stories(view)) = app.overlay.as_mut()
                && let Some(index) = app.stories.iter().position(|s| s.id == id)
            {
                view.selected = index;
                view.scroll = 0;
                view.map = false;
            }
            app.status = Status::info(
                "A new story: give it its title, summary and sections; Esc saves and closes.",
            );
            super::commands::open_note_for(app, &crate::stories::card_id(&id));
        }
        Err(e) => app.status = Status::error(format!("Cannot create the story: {e}")),
    }
}
