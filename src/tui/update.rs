//! `update(&mut App, Action)`: the only place the state changes. Pure: no terminal, file or clock;
//! page sizes come from the same layout functions `view` uses.
//!
//! The keys common to every mode (quit, help, search) are handled here once; every other action
//! goes to the mode on top (`App::mode`), whose own type does the work and replies with what the
//! rest of the state must do. The browser's panes are in `browser`.

use super::action::Action;
use super::app::{App, Overlay, Pane, Screen, Status};
use super::browser;
use super::commands::{begin_interview, save_interview, start_rehearsal_from_browser};
use super::effect::Effect;
use super::help_mode::Help;
use super::interview_mode::{self, Reply};
use super::keymap::{self, Mode};
use super::layout::{self, inner};
use super::notes_mode::{NoteEditor, NoteReply};
use super::progress_mode::ProgressReply;
use super::question_view;
use super::rehearsal_mode::RehearsalReply;
use super::search_mode::{Place, RESULT_ROWS, SearchReply, SearchState};
use super::setup_mode::{Setup, SetupReply};
use crate::interview::{InterviewSession, SessionPlan};
use crate::search::{Kind, SearchResult};

pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize { .. }) {
        // A message goes at the next key. An error stays while there is unsaved work (a failed
        // save is being retried) and while the user types, so it is not missed; otherwise it
        // goes at the next other key.
        let typing = matches!(
            action,
            Action::Edit(_) | Action::Type(_) | Action::Backspace
        );
        let keep = |s: &Status| s.error && (typing || app.has_unsaved());
        if app.status.as_ref().is_some_and(|s| !keep(s)) {
            app.status = None;
        }
        if action != Action::QuitNow {
            app.confirm_quit = false;
        }
        if action != Action::DeleteQuestion {
            app.delete_armed = None;
        }
    }
    match action {
        Action::Quit if app.interview_under_way() => {
            app.status = Status::info("An interview is under way: Ctrl-C quits, saving it first.");
        }
        Action::Quit | Action::QuitNow => super::autosave::request_quit(app),
        Action::ToggleHelp if app.help_scroll().is_some() => app.overlay = None,
        // Help and search open from the modes whose keys ask for them.
        Action::ToggleHelp | Action::OpenSearch if !keymap::binds(app.mode(), action) => {}
        Action::ToggleHelp => open_help(app),
        Action::OpenSearch => open_search(app),
        Action::Resize { width, height } => {
            app.size = super::app::Size { width, height };
            clamp_scrolls(app);
        }
        Action::Click { column, row } => browser::click(app, column, row),
        Action::ScrollUp { column, row } => wheel(app, column, row, Action::Up),
        Action::ScrollDown { column, row } => wheel(app, column, row, Action::Down),
        _ => act(app, action),
    }
}

/// An action for the mode on top.
fn act(app: &mut App, action: Action) {
    if action == Action::MarkPoints {
        start_marking(app);
        return;
    }
    match action {
        Action::AddQuestion => return super::commands::add_question(app),
        Action::EditQuestion => return super::commands::edit_question(app),
        Action::DeleteQuestion => return super::commands::delete_question(app),
        Action::OpenStories => return super::commands::open_stories(app, None),
        Action::OpenPanel if !matches!(app.mode(), Mode::Rating | Mode::Panel | Mode::Debrief) => {
            return open_panel(app, None);
        }
        Action::StartMock
            if app.interview_under_way() || app.interview.as_ref().is_some_and(|i| i.dirty) =>
        {
            app.status = Status::info(
                "An interview is under way: i goes back to it; end it first for a mock interview.",
            );
            return;
        }
        Action::StartMock => {
            app.effects.push(Effect::StartMock);
            return;
        }
        Action::LinkStory => {
            let question = app.current_question().map(|q| q.id.clone());
            return super::commands::open_stories(app, question);
        }
        _ => {}
    }
    match app.mode() {
        Mode::Form => form(app, action),
        Mode::Stories => stories(app, action),
        Mode::Panel | Mode::Debrief => panel_key(app, action),
        Mode::Mark => mark(app, action),
        Mode::Help => help(app, action),
        Mode::Search => search(app, action),
        Mode::Setup => setup(app, action),
        Mode::Progress | Mode::Date => progress(app, action),
        Mode::Note => note(app, action),
        Mode::Interview
        | Mode::Mock
        | Mode::Rating
        | Mode::Typing
        | Mode::FollowUp
        | Mode::Confirm => interview(app, action),
        Mode::Rehearsal | Mode::RehearsalDone => rehearsal(app, action),
        Mode::Question | Mode::Competencies | Mode::Behaviors | Mode::Questions => {
            browser::update(app, action)
        }
    }
}

/// Rows a wheel notch scrolls in text.
const WHEEL_LINES: usize = 3;

/// The wheel: over text, a few lines; over a list, a row; the browser scrolls the pane under the
/// pointer.
fn wheel(app: &mut App, column: u16, row: u16, step: Action) {
    match app.mode() {
        Mode::Competencies | Mode::Behaviors | Mode::Questions => {
            browser::wheel(app, column, row, step)
        }
        Mode::Search | Mode::Progress | Mode::Stories | Mode::Panel | Mode::Debrief => {
            act(app, step)
        }
        Mode::Help
        | Mode::Question
        | Mode::Interview
        | Mode::Mock
        | Mode::Rehearsal
        | Mode::RehearsalDone => {
            for _ in 0..WHEEL_LINES {
                act(app, step);
            }
        }
        Mode::Note
        | Mode::Setup
        | Mode::Form
        | Mode::Rating
        | Mode::Typing
        | Mode::FollowUp
        | Mode::Confirm
        | Mode::Mark
        | Mode::Date => {}
    }
}

/// The longest paste taken into a one-line field (a query, a form field, a quick note).
const MAX_LINE_PASTE: usize = 1000;

/// Text pasted into the terminal: into the open note as it is, or into the line being typed
/// (line breaks and other control characters left out); elsewhere it means nothing.
pub fn paste(app: &mut App, text: &str) {
    match app.mode() {
        Mode::Note => {
            if let Some(editor) = app.editor.as_mut() {
                editor.paste(text);
            }
        }
        Mode::Search | Mode::Setup | Mode::Form | Mode::Typing | Mode::Date => {
            let typed = text
                .chars()
                .filter(|c| !c.is_control())
                .take(MAX_LINE_PASTE);
            for c in typed {
                update(app, Action::Type(c));
            }
        }
        _ => {}
    }
}

/// Keeps every scroll position within its text at the current size.
fn clamp_scrolls(app: &mut App) {
    browser::clamp_scrolls(app);
    let (height, len) = help_size(app);
    if let Some(Overlay::Help(help)) = app.overlay.as_mut() {
        help.clamp(height, len);
    }
    if let Some((len, height)) = live_size(app)
        && let Some(interview) = app.interview.as_mut()
    {
        interview.clamp_scroll(len, height);
    }
    if let Some((len, height)) = card_size(app)
        && let Some(rehearsal) = app.rehearsal.as_mut()
    {
        rehearsal.clamp_scroll(len, height);
    }
}

// --- Help ---------------------------------------------------------------------------------------

/// The help's visible rows and its length.
fn help_size(app: &App) -> (usize, usize) {
    let inside = inner(layout::help_area(browser::screen_rect(app)));
    let height = usize::from(inside.height).max(1);
    (
        height,
        super::document::help_at(usize::from(inside.width)).len(),
    )
}

/// `?`: the help, open at the keys of the mode it was asked from.
fn open_help(app: &mut App) {
    let (height, len) = help_size(app);
    let mut help = Help {
        scroll: super::document::help_line_of(
            app.mode(),
            usize::from(inner(layout::help_area(browser::screen_rect(app))).width),
        ),
    };
    help.clamp(height, len);
    app.overlay = Some(Overlay::Help(help));
}

fn help(app: &mut App, action: Action) {
    let (height, len) = help_size(app);
    if let Some(Overlay::Help(help)) = app.overlay.as_mut()
        && help.act(action, height, len)
    {
        app.overlay = None;
    }
}

// --- Search -------------------------------------------------------------------------------------

/// `/`: search, remembering where the user is.
fn open_search(app: &mut App) {
    let origin = Place {
        selected: app.selected,
        level: app.level,
        question: app.question,
        focus: app.focus,
        screen: app.screen,
        behaviors_scroll: app.behaviors_scroll,
    };
    app.overlay = Some(Overlay::Search(SearchState::new(origin)));
}

fn search(app: &mut App, action: Action) {
    let rows = usize::from(inner(layout::search_area(browser::screen_rect(app))).height);
    // Two rows of the overlay hold the query and the status line.
    let page = (rows.saturating_sub(2) / RESULT_ROWS).max(1);
    let Some(Overlay::Search(search)) = app.overlay.as_mut() else {
        return;
    };
    match search.act(action, page) {
        SearchReply::Stay => {}
        SearchReply::Back => {
            let origin = search.origin.clone();
            app.overlay = None;
            back_to(app, origin);
        }
        SearchReply::Go(result) => {
            let search = search.clone();
            app.overlay = None;
            go_to(app, &result, &search);
        }
    }
}

/// Results from the searcher for query `generation` (see [`SearchState::receive`]).
pub fn search_results(app: &mut App, generation: u64, results: Vec<SearchResult>) {
    if let Some(Overlay::Search(search)) = app.overlay.as_mut()
        && let Some(first) = search.receive(generation, results)
    {
        let search = search.clone();
        app.overlay = None;
        go_to(app, &first, &search);
    }
}

fn back_to(app: &mut App, place: Place) {
    let Place {
        selected,
        level,
        question,
        focus,
        screen,
        behaviors_scroll,
    } = place;
    app.selected = selected;
    app.level = level;
    app.question = question;
    app.focus = focus;
    app.screen = screen;
    app.behaviors_scroll = behaviors_scroll;
}

/// Enter on a result: in the live interview, a question found is asked next; else the result's
/// competency, level and question are selected in the browser, with what matched in view: a
/// behavior's level in the behaviors pane, a question in the list, a key point or follow-up in its
/// open question with the answers revealed, a study topic in its competency's open question.
fn go_to(app: &mut App, result: &SearchResult, search: &SearchState) {
    // A story opens on the stories screen (the searcher lists them as the app does).
    if let Some(story) = result.story {
        app.overlay = Some(Overlay::Stories(super::stories_mode::StoriesView {
            selected: story.min(app.stories.len().saturating_sub(1)),
            ..Default::default()
        }));
        return;
    }
    // The searcher numbers competencies as the browser lists them (see `CompetencyRef`).
    let Some(&(f, c)) = app.entries.get(result.competency) else {
        return;
    };
    let found = result
        .question_in_competency
        .and_then(|q| app.library.frameworks[f].competencies[c].questions.get(q))
        .map(|q| q.id.clone());
    if let Some(interview) = app.interview.as_mut().filter(|i| i.live) {
        match &found {
            Some(id) => {
                app.status = interview.ask(id, app.now);
                app.effects.push(Effect::SaveSession);
            }
            // The live view stays on top: going elsewhere in the browser would happen unseen.
            None => {
                app.status = Status::info(
                    "Not a question: Enter on a question asks it next; Esc goes back.",
                );
                app.overlay = Some(Overlay::Search(search.clone()));
            }
        }
        return;
    }
    app.screen = Screen::Browse;
    browser::select_competency(app, result.competency);
    if let Some(level) = result.level {
        browser::select_level(app, level);
    }
    browser::scroll_to_level(app);
    if let Some(id) = found
        && let Some(index) = app.ordered_questions().iter().position(|q| q.id == id)
    {
        app.question = index;
    }
    app.focus = match result.kind {
        Kind::Competency | Kind::Study => Pane::Competencies,
        Kind::Definition | Kind::Behavior => Pane::Behaviors,
        Kind::Question | Kind::KeyPoint | Kind::FollowUp | Kind::Note | Kind::Story => {
            Pane::Questions
        }
    };
    let open = match result.kind {
        Kind::KeyPoint | Kind::FollowUp => Some(true),
        Kind::Note => Some(false),
        Kind::Study if app.current_question().is_some() => Some(false),
        _ => None,
    };
    if let Some(revealed) = open {
        app.focus = Pane::Questions;
        app.screen = Screen::Question {
            revealed,
            scroll: 0,
        };
    }
}

// --- Marking key points -----------------------------------------------------------------------

/// The question on show whose key points are revealed, if any.
fn revealed_question(app: &App) -> Option<&crate::content::Question> {
    let revealed = match (&app.rehearsal, app.screen) {
        (Some(rehearsal), _) => rehearsal.revealed(),
        (None, Screen::Question { revealed, .. }) => revealed,
        (None, Screen::Browse) => false,
    };
    revealed
        .then(|| app.question_on_show())
        .flatten()
        .and_then(|id| app.library.question(id))
}

/// `m`: the next digit marks a key point of the revealed question.
fn start_marking(app: &mut App) {
    match revealed_question(app).map(|q| q.key_points.len()) {
        Some(0) => app.status = Status::info("This question has no key points."),
        Some(n) => {
            app.marking = true;
            app.status = Status::info(format!(
                "Which key point (1-{})? It turns covered or not by hand; again, as the note says.",
                n.min(9)
            ));
        }
        None => app.status = Status::info("Space first: the key points show, then m marks one."),
    }
}

/// A digit after `m`: key point N is marked by hand the other way from what is shown, or, when
/// it was marked by hand, goes back to what the note says.
fn mark(app: &mut App, action: Action) {
    app.marking = false;
    let Action::MarkPoint(n) = action else {
        return;
    };
    let Some(question) = revealed_question(app) else {
        return;
    };
    let Some(point) = question.key_points.get(usize::from(n) - 1).cloned() else {
        app.status = Status::info(format!(
            "No key point {n}: this question has {}.",
            question.key_points.len()
        ));
        return;
    };
    let id = question.id.clone();
    let note = app.note(&id).unwrap_or_default();
    let marks = app.marks.get(&id);
    let judged = crate::practice::judge(std::slice::from_ref(&point), &note, marks);
    let value = match judged.first() {
        Some(j) if j.by_hand => None,
        Some(j) => Some(!j.covered),
        None => return,
    };
    let marks = app.marks.entry(id.clone()).or_default();
    match value {
        Some(value) => marks.insert(point.clone(), value),
        None => marks.remove(&point),
    };
    app.status = Status::info(match value {
        Some(true) => format!("Key point {n}: covered, by your mark."),
        Some(false) => format!("Key point {n}: not covered, by your mark."),
        None => format!("Key point {n}: as your note says again."),
    });
    app.effects.push(Effect::SaveMark {
        question_id: id,
        point,
        value,
    });
}

// --- Progress -----------------------------------------------------------------------------------

fn progress(app: &mut App, action: Action) {
    let len = app.entries.len();
    let page = browser::progress_page(app);
    let mut selected = app.selected;
    let Some(Overlay::Progress(progress)) = app.overlay.as_mut() else {
        return;
    };
    let reply = progress.act(action, page, len, &mut selected);
    if selected != app.selected {
        browser::select_competency(app, selected);
    }
    match reply {
        ProgressReply::Stay => {}
        ProgressReply::Close => app.overlay = None,
        ProgressReply::Rehearse => {
            app.overlay = None;
            start_rehearsal_from_browser(app, false);
        }
        ProgressReply::CycleTarget => cycle_target(app),
        ProgressReply::Date(text) => set_date(app, &text),
    }
}

/// `t` in the progress view: the selected competency's framework targets the next level (after
/// the last, none: every level).
fn cycle_target(app: &mut App) {
    let Some((framework, _)) = app.current() else {
        return;
    };
    let id = framework.id.clone();
    let top = framework.levels.len();
    let level = match app.target_levels.get(&id) {
        None => Some(1),
        Some(&level) if level < top => Some(level + 1),
        Some(_) => None,
    };
    match level {
        Some(level) => app.target_levels.insert(id.clone(), level),
        None => app.target_levels.remove(&id),
    };
    app.effects.push(Effect::SaveSetting(
        crate::store::settings::Change::TargetLevel {
            framework: id,
            level,
        },
    ));
}

/// Enter in the interview date field: the date set (empty: cleared), or why it is refused.
fn set_date(app: &mut App, text: &str) {
    let today = app.day().today;
    let date = if text.is_empty() {
        None
    } else {
        match crate::practice::schedule::interview_date(text, today) {
            Ok(date) => Some(date),
            Err(message) => {
                app.status = Status::error(format!("{}.", capitalised(&message)));
                return;
            }
        }
    };
    if let Some(Overlay::Progress(progress)) = app.overlay.as_mut() {
        progress.date = None;
    }
    app.until = date;
    app.effects.push(Effect::SaveSetting(
        crate::store::settings::Change::InterviewDate(date),
    ));
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

// --- Notes --------------------------------------------------------------------------------------

fn note(app: &mut App, action: Action) {
    let Some(editor) = app.editor.as_mut() else {
        return;
    };
    match editor.act(action) {
        NoteReply::Stay => {}
        NoteReply::SaveNow => super::autosave::save_all(app),
        NoteReply::Leave => {
            // Closes the editor, saving what changed.
            let Some(editor) = app.editor.take().filter(NoteEditor::dirty) else {
                return;
            };
            let (pending, request) = editor.into_pending();
            app.unsaved.insert(request.question_id.clone(), pending);
            app.effects.push(Effect::SaveNote(request));
        }
    }
}

// --- Rehearsal ----------------------------------------------------------------------------------

/// The rehearsal card's length and visible height, at the current size.
fn card_size(app: &App) -> Option<(usize, usize)> {
    let rehearsal = app.rehearsal.as_ref()?;
    Some(question_view::rehearsal_card(app, rehearsal, browser::full_body(app)).extent())
}

fn rehearsal(app: &mut App, action: Action) {
    if action == Action::ToggleProgress {
        // From the summary: the progress view, the rehearsal over.
        app.rehearsal = None;
        super::commands::open_progress(app, browser::progress_page(app));
        return;
    }
    let extent = card_size(app).map_or((1, 0), |(len, height)| (height, len));
    let (now, until) = (app.now, app.until);
    let Some(rehearsal) = app.rehearsal.as_mut() else {
        return;
    };
    match rehearsal.act(action, now, extent, &mut app.schedule, until) {
        RehearsalReply::Stay => {}
        RehearsalReply::End => app.rehearsal = None,
        RehearsalReply::Say(text) => app.status = Status::info(text),
        RehearsalReply::OpenNote { question_id }
            if crate::stories::story_of_card(&question_id).is_some() =>
        {
            // A story's "note" is the story: it opens in the user's editor.
            if let Some(story) = crate::stories::story_of_card(&question_id) {
                let story_id = story.to_string();
                app.effects.push(Effect::EditStory { story_id });
            }
        }
        RehearsalReply::OpenNote { question_id } => {
            super::commands::open_note_for(app, &question_id);
        }
        RehearsalReply::Changed { question_id } => {
            app.graded.insert(question_id);
            app.effects.push(Effect::SaveSchedule);
        }
    }
    // Revealing the answers changes the card's length.
    if let Some((len, height)) = card_size(app)
        && let Some(rehearsal) = app.rehearsal.as_mut()
    {
        rehearsal.clamp_scroll(len, height);
    }
}

// --- Interview ----------------------------------------------------------------------------------

/// A key on the stories screen.
fn stories(app: &mut App, action: Action) {
    use super::stories_mode::StoriesReply;
    let count = app.stories.len();
    let page = usize::from(app.size.height.saturating_sub(6)).max(1);
    let Some(Overlay::Stories(view)) = app.overlay.as_mut() else {
        return;
    };
    let rows = app.entries.len();
    match view.act(action, count, rows, page) {
        StoriesReply::Stay => {}
        StoriesReply::Rehearse => {
            let cards: Vec<String> = app
                .stories
                .iter()
                .map(|s| crate::stories::card_id(&s.id))
                .collect();
            super::commands::start_rehearsal(app, "your stories".to_string(), &cards, false);
        }
        StoriesReply::Close => app.overlay = None,
        StoriesReply::Edit => {
            if let Some(story) = app.stories.get(view.selected) {
                let card = crate::stories::card_id(&story.id);
                super::commands::open_note_for(app, &card);
            }
        }
        StoriesReply::EditOutside => {
            if let Some(story) = app.stories.get(view.selected) {
                let story_id = story.id.clone();
                app.effects.push(Effect::EditStory { story_id });
            }
        }
        StoriesReply::New => app.effects.push(Effect::NewStory),
        StoriesReply::Link(question_id) => {
            if let Some(story) = app.stories.get(view.selected) {
                app.effects.push(Effect::LinkStory {
                    story_id: story.id.clone(),
                    question_id,
                });
                app.overlay = None;
            }
        }
    }
}

/// A key in the question form. Saving is an effect: the form stays until the question is saved,
/// and shows why when it is not.
fn form(app: &mut App, action: Action) {
    use super::question_form::FormReply;
    let Some(Overlay::Form(form)) = app.overlay.as_mut() else {
        return;
    };
    match form.act(action) {
        FormReply::Stay => {}
        FormReply::Cancel => {
            app.overlay = None;
            app.status = Status::info("Nothing saved.");
        }
        FormReply::Save => match form.draft() {
            Ok(draft) => app.effects.push(Effect::SaveQuestion {
                competency_id: form.competency_id.clone(),
                editing: form.editing.clone(),
                draft,
            }),
            Err(message) => form.message = Some(message),
        },
    }
}

fn setup(app: &mut App, action: Action) {
    let Some(Overlay::Setup(form)) = app.overlay.as_mut() else {
        return;
    };
    match form.act(action) {
        SetupReply::Stay => {}
        SetupReply::Cancel => app.overlay = None,
        SetupReply::ConfirmCancel => {
            app.status =
                Status::info("Esc again drops what you typed; Enter starts the interview.");
        }
        SetupReply::Submit => {
            let form = form.clone();
            create_interview(app, &form);
        }
    }
}

/// Enter in the set-up form: a session on the competencies ticked, at the level given.
fn create_interview(app: &mut App, form: &Setup) {
    let minutes = match form.minutes.trim().parse::<u64>() {
        Ok(minutes @ 1..=600) => minutes,
        _ => {
            app.status = Status::error("Minutes must be a whole number from 1 to 600.");
            return;
        }
    };
    let scales = form
        .chosen
        .iter()
        .filter_map(|id| id.split_once('/'))
        .filter_map(|(f, _)| app.library.framework(f))
        .map(|f| f.levels.len());
    let top = scales.max().unwrap_or(0);
    if form.chosen.is_empty() {
        app.status =
            Status::error("Tick at least one competency to assess (Tab to Assess, Space).");
        return;
    }
    let level = match form.level.trim().parse::<usize>() {
        Ok(level) if (1..=top).contains(&level) => level,
        _ => {
            app.status = Status::error(format!("Level must be a number from 1 to {top}."));
            return;
        }
    };
    let plan = SessionPlan {
        candidate: form.candidate.clone(),
        role: form.role.clone(),
        level,
        competencies: form.chosen.clone(),
        minutes,
    };
    match InterviewSession::new(&app.library, &plan, app.now) {
        Ok(mut session) => {
            session.interviewer = app.interviewer.clone();
            begin_interview(app, session, None)
        }
        Err(message) => {
            app.status = Status::error(format!("Cannot start the interview: {message}."));
        }
    }
}

/// The live view's text length and visible height, at the current size.
fn live_size(app: &App) -> Option<(usize, usize)> {
    let interview = app.interview.as_ref()?;
    Some(question_view::live_interview(app, interview, browser::full_body(app)).extent())
}

fn interview(app: &mut App, action: Action) {
    let (len, height) = live_size(app).unwrap_or((0, 1));
    let now = app.now;
    let Some(interview) = app.interview.as_mut() else {
        return;
    };
    // The scale of the competency being rated: levels beyond it are refused.
    let levels = interview
        .rating
        .and_then(|r| interview.session.ratings.get(r))
        .and_then(|r| r.competency.split_once('/'))
        .and_then(|(f, _)| app.library.framework(f))
        .map_or(0, |f| f.levels.len());
    let question = interview
        .session
        .questions
        .get(interview.current)
        .and_then(|q| app.library.question(&q.id));
    let view = interview_mode::View {
        height,
        len,
        levels,
        key_points: question.map_or(0, |q| q.key_points.len()),
        follow_ups: question.map_or(0, |q| q.follow_ups.len()),
        team: app.has_team,
        named: !interview.session.interviewer.trim().is_empty()
            || !app.interviewer.trim().is_empty(),
    };
    match interview.act(action, now, view) {
        Reply::Nothing => {}
        Reply::Say(status) => app.status = status,
        Reply::Export => app.effects.push(Effect::ExportScorecard),
        Reply::Submit => app.effects.push(Effect::SubmitScorecard),
        Reply::SaveKit(name) => app.effects.push(Effect::SaveKit { name }),
        Reply::OpenPanel(candidate) => return open_panel(app, Some(candidate)),
    }
    scroll_to_focus(app);
    save_interview(app);
}

/// Scrolls the live view to what the keys act on, when it is below the fold: the selected note
/// line, or the follow-ups after `f`.
fn scroll_to_focus(app: &mut App) {
    let Some(interview) = app.interview.as_ref().filter(|i| i.rating.is_none()) else {
        return;
    };
    let wanted: fn(&super::document::DocLine) -> bool = if interview.follow_up_pending {
        |l| l.text.starts_with("Follow-ups")
    } else if interview.selected_note.is_some() {
        |l| l.text.starts_with('▸')
    } else {
        return;
    };
    let card = question_view::live_interview(app, interview, browser::full_body(app));
    let Some(line) = card.doc.iter().position(wanted) else {
        return;
    };
    // The last row may hold the "more below" sign: keep the line above it.
    let height = usize::from(card.area.height).max(2);
    let len = card.doc.len();
    if let Some(interview) = app.interview.as_mut() {
        if interview.follow_up_pending {
            // The follow-ups themselves must show, not only their heading: it goes on top.
            interview.scroll = line;
        } else if line < interview.scroll {
            interview.scroll = line;
        } else if line + 2 > interview.scroll + height {
            interview.scroll = (line + 2).saturating_sub(height);
        }
        interview.clamp_scroll(len, height);
    }
}

/// Opens the panel view (`P`; `D` in the ratings, on `candidate`'s debrief). The team folder is
/// read by an effect; without one, or without a name, the view says how to set them.
pub fn open_panel(app: &mut App, candidate: Option<String>) {
    let name = app
        .interview
        .as_ref()
        .map(|i| i.session.interviewer.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| app.interviewer.clone());
    let viewer = crate::interview::panel::Viewer {
        name: name.trim().to_string(),
        facilitator: false,
    };
    let mut view = super::panel_mode::PanelView::new(viewer, candidate);
    if !app.has_team {
        view.message = Some(format!(
            "No team folder: {}.",
            crate::store::team::HOW_TO_SET
        ));
    } else if view.viewer.name.is_empty() {
        view.message = Some(format!(
            "Who are you? Colleagues' scorecards show once yours is in: {}.",
            crate::store::team::HOW_TO_NAME
        ));
    } else {
        app.effects.push(Effect::LoadPanel);
    }
    app.overlay = Some(Overlay::Panel(Box::new(view)));
}

/// A key in the panel view.
pub fn panel_key(app: &mut App, action: Action) {
    // The debrief fills the screen but the footer, inside its borders (as `ui::panel` draws it).
    let text = layout::inner(browser::full_body(app));
    let page = usize::from(text.height).max(1);
    let Some(Overlay::Panel(view)) = app.overlay.as_mut() else {
        return;
    };
    let (close, status) = view.act(action, page, usize::from(text.width));
    if close {
        app.overlay = None;
    }
    if status.is_some() {
        app.status = status;
    }
}
